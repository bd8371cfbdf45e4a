"""RBV006 root-not-object: a payload whose top level is not an object (text or Python value), with nothing reported beside it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import SEED, check, check_text, one, summary
from tests.rules.cases import At, Case, cases_test, flags, passes

CODE = "RBV006"


def root(found: str) -> At:
    return At("", "error", says=f"must be an object, found {found}")


CASES = [
    flags("a JSON array", "[]", root("array"), format="json"),
    flags("a JSON string", '"tasks"', root("string"), format="json"),
    flags("a JSON number", "42", root("integer"), format="json"),
    flags("JSON null", "null", root("null"), format="json"),
    flags("a YAML list of tasks", '- to_number: "+12137774445"\n', At("", line=1, says="found array"), format="yaml"),
    flags("Python None", None, root("null")),
    flags("a Python list of payloads", [SEED], root("array")),
    flags("a Python tuple", (SEED,), root("array")),
    passes("a JSON object", '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}', format="json"),
    passes("a Python dict", SEED),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.expect], ids=[c.id for c in CASES if c.expect])
def test_the_root_is_the_only_finding(case: Case) -> None:
    report = case.run()
    assert report.codes == [CODE]
    assert report.diagnostics[0].message.endswith(case.expect[0].says or "")


@pytest.mark.parametrize(("payload", "found"), [(b"{}", "bytes"), ("{}", "string")])
def test_python_bytes_or_str_given_to_validate_are_not_parsed(payload: Any, found: str) -> None:
    report = check(payload)
    assert summary(report) == [(CODE, "error", "")]
    assert report.diagnostics[0].message.endswith(f"found {found}")


def test_a_list_of_tasks_gets_the_wrap_hint_and_no_schema_noise() -> None:
    report = check_text('[{"to_number": "+12137774445"}]', "json")
    d = one(report, CODE)
    assert d.hint is not None and "wrap the tasks" in d.hint
    assert report.codes == [CODE]
