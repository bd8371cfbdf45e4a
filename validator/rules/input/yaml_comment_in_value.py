"""A ``#`` in an unquoted YAML value started a comment, and what followed it is lost.

Why it matters: in YAML a ``#`` after a blank begins a comment, so
``termination_key: #`` is null (no termination key at all) and
``name: Spring campaign #5`` is "Spring campaign". Nothing rejects the result when
the field accepts it (``termination_key`` may be null), so the batch runs without
what was written. Reported when the ``#`` has no blank after it (``#``, ``#5``): a
comment is written ``# text``, as YAML style guides and yamllint require, so
``timezone: America/New_York  # Eastern`` is a comment and is not reported. Block
scalars (``|``, ``>``) and quoted values keep their ``#``.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV017"
NAME = "yaml-comment-in-value"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        agent_override:
          agent:
            user_dtmf_options:
              termination_key: #
    """,
    format="yaml",
    note="the pound key read as a comment",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"  # Ann
        agent_override:
          agent:
            user_dtmf_options:
              termination_key: "#"
    """,
    format="yaml",
)
