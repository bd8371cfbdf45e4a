"""RBV005 empty-document: a file with no payload in it (empty, blank, only comments), and nothing reported beside it."""

from __future__ import annotations

import pytest

from tests.helpers import check_text
from tests.rules.cases import At, Case, cases_test, flags, passes

CODE = "RBV005"

CASES = [
    flags("an empty JSON file", b"", At("", "error", line=1), format="json"),
    flags("blank JSON", "  \n", At("", line=1), format="json"),
    flags("blank YAML", b" \n\t\r\n", At("", line=1), format="yaml"),
    flags("YAML with only a comment", "# no batch yet\n", At("", line=1), format="yaml"),
    flags("an empty CSV file", b"", At("", line=1), format="csv"),
    passes("an empty JSON object (RBV101)", "{}", format="json"),
    passes("a YAML comment above a mapping", "# the batch\nfrom_number: '+14157774444'\n", format="yaml"),
    passes("a CSV with only its header", b"phone number\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.expect], ids=[c.id for c in CASES if c.expect])
def test_an_empty_file_gets_that_finding_alone(case: Case) -> None:
    assert case.run().codes == [CODE]


def test_a_yaml_file_with_one_empty_document_is_empty() -> None:
    assert check_text("---\n", "yaml").codes == [CODE]
    assert check_text("--- ~\n", "yaml").codes == [CODE]


def test_a_csv_of_blank_lines_is_empty() -> None:
    assert check_text(b"\r\n\r\n", "csv").codes == [CODE]


def test_blank_lines_above_a_csv_header_are_skipped() -> None:
    report = check_text(b"\r\n,\r\nphone number\r\n+12137774445\r\n", "csv")
    assert report.codes == []
