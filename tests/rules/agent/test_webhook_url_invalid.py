"""RBV518 webhook-url-invalid: `agent.webhook_url` that is not an absolute http(s) URL."""

from __future__ import annotations

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV518"
POINTER = f"{AGENT}/webhook_url"

CASES = [
    flags("no scheme", with_agent(webhook_url="hooks.example.com/retell"), At(POINTER, "error", says="has no https:// in front")),
    flags("a relative path", with_agent(webhook_url="/retell"), At(POINTER, says="has no https:// in front")),
    flags("ftp", with_agent(webhook_url="ftp://hooks.example.com"), At(POINTER, says='scheme "ftp"')),
    flags("no host", with_agent(webhook_url="https://"), At(POINTER, says="has no host name")),
    flags("a space in front", with_agent(webhook_url=" https://hooks.example.com"), At(POINTER, says="whitespace around it")),
    flags("a space inside", with_agent(webhook_url="https://hooks.example.com/a b"), At(POINTER, says="contains whitespace")),
    flags("port 99999", with_agent(webhook_url="https://hooks.example.com:99999/"), At(POINTER, says="invalid port")),
    flags("port 65536", with_agent(webhook_url="https://hooks.example.com:65536/"), At(POINTER, says="invalid port")),
    flags("empty", with_agent(webhook_url=""), At(POINTER, says="is empty")),
    flags(
        "an unclosed IPv6 bracket",
        with_agent(webhook_url="https://[abc/x"),
        At(POINTER, says="has an invalid IPv6 host (a [ without its ])"),
    ),
    passes("https", with_agent(webhook_url="https://hooks.example.com/retell")),
    passes("port 65535", with_agent(webhook_url="https://hooks.example.com:65535/")),
    passes("null removes the webhook", with_agent(webhook_url=None)),
    passes("an IPv6 host", with_agent(webhook_url="https://[2001:db8::1]/x")),
    passes("plain http is valid, and RBV519's", with_agent(webhook_url="http://hooks.example.com/retell")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(
    CODE,
    CASES,
    {"plain http is valid, and RBV519's": ["RBV519"], "an IPv6 host": ["RBV521"]},  # 2001:db8::/32 is a documentation range
)


@pytest.mark.parametrize(
    ("url", "fix"),
    [
        (" https://hooks.example.com", Fix("https://hooks.example.com", True, "remove the surrounding whitespace")),
        ("hooks.example.com/retell", Fix("https://hooks.example.com/retell", False, "use https://hooks.example.com/retell")),
        ("/retell", None),
    ],
)
def test_surrounding_spaces_get_a_safe_fix_and_a_missing_scheme_an_unsafe_one(url: str, fix: Fix | None) -> None:
    assert one(check(with_agent(webhook_url=url)), CODE).fix == fix
