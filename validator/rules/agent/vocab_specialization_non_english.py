"""`vocab_specialization` is set on an agent whose languages include no English locale.

Why it matters: the spec says this setting "only applies for English agents,
for non English agent, this setting is a no-op"; ``"medical"`` on a ``de-DE``
agent silently does nothing. Reported only when the same override sets
``language`` (a locale, or a list of them) and none is English (``en-…``);
``multi`` may include English and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV510"
NAME = "vocab-specialization-non-english"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"language": "de-DE", "vocab_specialization": "medical"}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"language": ["de-DE", "en-US"], "vocab_specialization": "medical"}}}]'
)
SPEC_SENTENCES = (("tasks.*.agent_override.agent.vocab_specialization", "This setting only applies for English agents"),)

MULTILINGUAL = "multi"


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        vocabulary, language = agent.get("vocab_specialization"), agent.get("language")
        if not isinstance(vocabulary, str):
            continue
        locales = [language] if isinstance(language, str) else language
        if not isinstance(locales, list) or not locales or not all(isinstance(x, str) for x in locales):
            continue
        if MULTILINGUAL in locales or any(x.lower() == "en" or x.lower().startswith("en-") for x in locales):
            continue
        yield ctx.finding(
            pointer_join(pointer, "vocab_specialization"),
            f"`vocab_specialization` {preview(vocabulary)} has no effect: it applies only to English agents, and `language` is {preview(language)}",
            "remove `vocab_specialization`, or add an English locale to `language`",
        )
