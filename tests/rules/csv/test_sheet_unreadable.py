"""RBV821 sheet-unreadable: workbooks that cannot be read are one clear finding, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FIXED_NOW, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.sheets import workbook, xlsx_bytes
from validator import Settings, validate_file
from validator.options import parse_now

CODE = "RBV821"
CASES = [
    flags("a damaged archive", b"PK\x03\x04 and nothing more", At("", "error", line=1), format="xlsx"),
    passes("a workbook", xlsx_bytes([["phone number"], ["+14045048120"]]), format="xlsx"),
]

test_cases = cases_test(CODE, CASES)


def test_a_readable_workbook_has_no_finding(tmp_path: Path) -> None:
    report = validate_file(workbook(tmp_path / "c.xlsx", [["phone number"], ["+14045048120"]]), now=FIXED_NOW)
    assert report.diagnostics == ()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"PK\x03\x04 this is not a whole zip", "damaged, or not a ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptionInfo".encode("utf-16-le"), "password-protected"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "legacy Excel workbook (.xls)"),
        (b"plain text", "not an .xlsx workbook"),
    ],
    ids=["truncated-zip", "encrypted", "xls", "text"],
)
def test_a_file_that_is_no_workbook(tmp_path: Path, data: bytes, says: str) -> None:
    path = tmp_path / "contacts.xlsx"
    path.write_bytes(data)
    d = one(validate_file(path, now=FIXED_NOW), CODE)
    assert (d.severity.value, d.line) == ("error", 1) and says in d.message


def test_a_sheet_that_is_not_there_names_the_sheets(tmp_path: Path) -> None:
    path = workbook(tmp_path / "c.xlsx", [["phone number"]], more_sheets={"Notes": [["x"]]})
    d = one(validate_file(path, settings=Settings(sheet="Lists", now=parse_now(FIXED_NOW))), CODE)
    assert d.message == "the workbook has no sheet named 'Lists' (its sheets: 'Contacts', 'Notes')"


def test_the_sheet_option_picks_a_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "c.xlsx", [["notes"]], title="Cover", more_sheets={"Contacts": [["phone number"], ["(404) 504-8120"]]})
    report = validate_file(path, settings=Settings(sheet="Contacts", now=parse_now(FIXED_NOW)))
    assert report.codes == ["RBV819"]
