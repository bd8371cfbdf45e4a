"""RBV206 sip-header-invalid: custom SIP header names that are no RFC 3261 token, values with CR, LF or controls."""

from __future__ import annotations

from typing import Any

from tests.helpers import check, one, seed, with_task
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV206"


def headers(**named: Any) -> dict[str, Any]:
    return with_task(custom_sip_headers=named)


CASES = [
    flags(
        "a space in the name",
        headers(**{"X Campaign": "spring"}),
        At("/tasks/0/custom_sip_headers/X Campaign", "error", says="not a SIP token"),
    ),
    flags("a colon in the name", headers(**{"X-Campaign:": "spring"}), "/tasks/0/custom_sip_headers/X-Campaign:"),
    flags("a name outside ASCII", headers(**{"X-Région": "nord"}), "/tasks/0/custom_sip_headers/X-Région"),
    flags("an empty name", headers(**{"": "x"}), "/tasks/0/custom_sip_headers/"),
    flags(
        "a line break in the value",
        headers(**{"X-Campaign": "spring\r\nX-Priority: 1"}),
        At("/tasks/0/custom_sip_headers/X-Campaign", says="header injection"),
    ),
    flags("a bare LF", headers(**{"X-Note": "a\nb"}), At("/tasks/0/custom_sip_headers/X-Note", says="a line break (CR or LF)")),
    flags("a NUL", headers(**{"X-Note": "a\x00b"}), At("/tasks/0/custom_sip_headers/X-Note", says="a control character")),
    passes("a token with every allowed mark", headers(**{"X-a.b!c%d*e_f+g`h'i~1": "v"})),
    passes("a value with spaces, a tab and UTF-8", headers(**{"X-Note": "café\tau lait, 2 cups"})),
    passes("no headers", seed()),
    passes("headers that are not an object (RBV102)", with_task(custom_sip_headers=["X-A"])),
]

test_cases = cases_test(CODE, CASES)


def test_one_finding_per_problem_with_the_task_count_and_a_token_to_use() -> None:
    tasks = [{"to_number": f"+1213777444{i}", "custom_sip_headers": {"X Campaign": "spring"}} for i in range(3)]
    d = one(check(seed(tasks=tasks)), CODE)
    assert d.pointer == "/tasks/0/custom_sip_headers/X Campaign" and d.message.endswith("; 3 tasks")
    assert d.hint == "name it X-Campaign"
