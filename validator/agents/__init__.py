"""Pulled agents: the files ``retell-validate agent pull`` writes, read as what each agent version says.

``store`` reads a folder of pulled agents (cached until a file changes) and writes one file
atomically; ``model`` is an agent's versions, what each says (its ``{{placeholders}}``, where
they stand, what fills them without the task) and how a task's version reference resolves;
``placeholders`` finds the placeholders and names where they stand. ``pull`` fetches agents
with Retell's SDK (the optional ``[retell]`` extra): only the command line and the SDK guard
import it. The task rules (RBV604-RBV610) read agents from here; nothing here knows a payload.
"""
