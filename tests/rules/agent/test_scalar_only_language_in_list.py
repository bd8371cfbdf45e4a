"""RBV509 scalar-only-language-in-list: `multi` inside a `language` list, where only concrete locales may stand."""

from __future__ import annotations

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV509"

CASES = [
    flags("multi in a list", with_agent(language=["en-US", "multi"]), At(f"{AGENT}/language/1", "error", says="valid only as the single")),
    flags("multi alone in a list", with_agent(language=["multi"]), f"{AGENT}/language/0"),
    passes("multi as the single value", with_agent(language="multi")),
    passes("a list of concrete locales", with_agent(language=["en-US", "es-ES"])),
    passes("another bad locale in a list stays an enum error", with_agent(language=["en-US", "xx"])),
]

test_cases = cases_test(CODE, CASES)
# RBV103 is superseded at the item this rule reports.
test_other_rules = others_test(CODE, CASES, {"another bad locale in a list stays an enum error": ["RBV103"]})


def test_the_hint_offers_the_single_value_or_the_concrete_locales() -> None:
    assert (
        one(check(with_agent(language=["en-US", "multi"])), CODE).hint
        == 'use "language": "multi" alone, or list concrete locales only: ["en-US"]'
    )
    assert one(check(with_agent(language=["multi"])), CODE).hint == 'use "language": "multi" alone'


def test_another_bad_locale_is_the_enum_error_at_its_item() -> None:
    report = check(with_agent(language=["en-US", "xx"]))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV103", f"{AGENT}/language/1")]
