"""Where the documentation lives: one base URL for every link a report carries."""

from __future__ import annotations

from functools import cache

from validator.registry import Rule, all_rules

DOCS_BASE = "https://github.com/retell-batch-validator/retell-batch-validator/blob/main/docs/"


def rule_url(rule: Rule) -> str:
    """The rule's section in ``docs/rules.md``."""
    return f"{DOCS_BASE}rules.md#{rule.url_fragment}"


@cache
def urls_by_code() -> dict[str, str]:
    return {rule.code: rule_url(rule) for rule in all_rules()}
