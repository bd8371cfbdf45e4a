"""RBV801-RBV818 on CSV bytes as spreadsheets write them: code, line, pointer and severity, with near-misses.

Inline CSVs are byte strings spelled out by hand (CRLF, BOM, separators as the
tools write them); the larger cases are the files in fixtures/csv/.
"""

from __future__ import annotations

import pytest

from tests.helpers import FIXED_NOW, ROOT, one, only
from validator import Report, validate_file, validate_text
from validator.engine.csv import CsvOptions

FIXTURES = ROOT / "fixtures" / "csv"
HEADER = b"phone number,first_name\r\n"


def csv(data: bytes) -> Report:
    return validate_text(data, "csv", file="contacts.csv", now=FIXED_NOW)


def fixture(name: str) -> Report:
    return validate_file(FIXTURES / name, now=FIXED_NOW)


def where(report: Report, code: str) -> list[tuple[int | None, str, str]]:
    """(line, pointer, severity) of every diagnostic with ``code``."""
    return [(d.line, d.pointer, d.severity.value) for d in only(report, code)]


# --- spreadsheet damage in the phone column ------------------------------------------------------


def test_excel_damaged_export_reports_each_damage_on_its_line() -> None:
    report = fixture("excel-damaged.csv")
    assert where(report, "RBV812") == [(2, "/tasks/0/to_number", "error")]  # 1.21378E+10
    assert where(report, "RBV813") == [(3, "/tasks/1/to_number", "error")]  # 12137774446
    assert where(report, "RBV815") == [(4, "/tasks/2/to_number", "error")]  # '+13105551234
    assert where(report, "RBV816") == [(5, "/tasks/3/to_number", "error")]  # trailing U+00A0
    assert where(report, "RBV810") == [(6, "/tasks/4", "warning")]  # short row
    assert where(report, "RBV809") == [(7, "/tasks/5", "error")]  # long row
    assert where(report, "RBV808") == [(8, "", "warning")]  # two rows of empty cells, one warning
    # The spreadsheet cause replaces the generic E.164 message at the same cell.
    assert only(report, "RBV201") == [] and only(report, "RBV202") == []


def test_scientific_notation_says_what_the_cell_now_means() -> None:
    d = one(csv(HEADER + b"1.21378E+10,Ann\r\n"), "RBV812")
    assert (d.line, d.column, d.pointer, d.severity.value) == (2, 1, "/tasks/0/to_number", "error")
    assert "12137800000" in d.message


def test_lost_plus_hint_gives_the_number_with_plus() -> None:
    d = one(csv(HEADER + b"12137774445,Ann\r\n"), "RBV813")
    assert (d.line, d.pointer) == (2, "/tasks/0/to_number")
    assert d.hint is not None and d.hint.startswith("write it as +12137774445")


@pytest.mark.parametrize(
    "row",
    [
        b"+12137774445,Ann\r\n",  # E.164 already
        b"2137774445,Ann\r\n",  # a US national number lacks +1, not just + (RBV201 words it)
        b"1001,Desk\r\n",  # too short to be an international number
    ],
)
def test_near_misses_are_not_damage(row: bytes) -> None:
    report = csv(HEADER + row)
    assert [d.code for d in report.diagnostics if d.code.startswith("RBV81")] == []


def test_lost_plus_is_not_reported_on_rows_that_ignore_e164() -> None:
    report = csv(b"phone number,ignore e164 validation\r\n12137774445,true\r\n")
    assert only(report, "RBV813") == [] and only(report, "RBV201") == []


def test_trailing_decimal_from_pandas() -> None:
    report = fixture("pandas-float.csv")
    assert where(report, "RBV814") == [(2, "/tasks/0/to_number", "error")]
    assert where(report, "RBV813") == [(2, "/tasks/0/to_number", "error")]
    assert one(report, "RBV814").hint == "write it as +12137774445; export the column as text, not as numbers"
    assert only(csv(HEADER + b"+12137774445,Ann\r\n"), "RBV814") == []


def test_whitespace_and_invisible_characters() -> None:
    report = csv(HEADER + b'" +12137774445",Ann\r\n+1213777\xe2\x80\x8b4446,Bob\r\n')
    assert where(report, "RBV816") == [(2, "/tasks/0/to_number", "error"), (3, "/tasks/1/to_number", "error")]
    assert "U+200B" in only(report, "RBV816")[1].message
    assert only(csv(HEADER + b"+12137774445,Ann Lee\r\n"), "RBV816") == []


def test_apostrophe_hint_notes_when_the_repaired_number_is_still_invalid() -> None:
    d = one(csv(HEADER + b"'+1213777444,Ann\r\n"), "RBV815")
    assert (d.line, d.severity.value) == (2, "error")
    assert d.hint is not None and "even then it is not valid" in d.hint


# --- variable columns ----------------------------------------------------------------------------


def test_formula_like_cells_are_one_warning_per_column() -> None:
    data = b"phone number,callback,note\r\n+12137774445,+14157774444,-5\r\n+13105551234,=1+1,@home\r\n+14155550123,(415) 777-4444,ok\r\n"
    report = csv(data)
    assert where(report, "RBV817") == [
        (2, "/tasks/0/retell_llm_dynamic_variables/callback", "warning"),
        (3, "/tasks/1/retell_llm_dynamic_variables/note", "warning"),  # -5 stays a number; @home does not
    ]
    assert "lines 2, 3" in only(report, "RBV817")[0].message


def test_blank_variables_are_grouped_with_their_lines() -> None:
    rows = b"".join(b"+1213777%04d,%s\r\n" % (4400 + i, b"" if i % 2 else b"Ann") for i in range(14))
    report = csv(HEADER + rows)
    d = one(report, "RBV811")
    assert (d.line, d.pointer, d.severity.value) == (3, "/tasks/1/retell_llm_dynamic_variables/first_name", "warning")
    assert "blank in 7 of 14 rows (lines 3, 5, 7, 9, 11, 13, 15)" in d.message
    assert only(report, "RBV603") == []  # the per-task warning is superseded for the whole column


def test_blank_in_every_row_and_near_miss() -> None:
    assert "blank in every row (2)" in one(csv(HEADER + b"+12137774445,\r\n+13105551234, \r\n"), "RBV811").message
    assert only(csv(HEADER + b"+12137774445,Ann\r\n"), "RBV811") == []


def test_ignore_e164_values() -> None:
    report = csv(b"phone number,ignore e164 validation\r\n1001,TRUE\r\n1002,yes\r\n+12137774445,\r\n")
    assert where(report, "RBV818") == [(3, "/tasks/1", "error")]
    assert only(report, "RBV201") == [one(report, "RBV201")] and one(report, "RBV201").line == 3  # 1001 is relaxed, 1002 is not


# --- rows ----------------------------------------------------------------------------------------


def test_extra_cells_point_at_the_first_extra_cell() -> None:
    d = one(csv(b"phone number,full_name,city\r\n+12137774445,Lee, Ann,Boston\r\n"), "RBV809")
    assert (d.line, d.column, d.pointer) == (2, 23, "/tasks/0")
    assert "'Boston'" in d.message
    assert only(csv(b'phone number,full_name,city\r\n+12137774445,"Lee, Ann",Boston\r\n'), "RBV809") == []


def test_empty_rows_are_skipped_and_not_tasks() -> None:
    report = csv(HEADER + b"+12137774445,Ann\r\n\r\n,\r\n+13105551234,Bob\r\n")
    assert where(report, "RBV808") == [(3, "", "warning")]
    assert "2 empty rows are skipped (lines 3, 4)" in one(report, "RBV808").message
    bad = csv(HEADER + b"+12137774445,Ann\r\n,\r\n1.2E+10,Bob\r\n")
    assert where(bad, "RBV812") == [(4, "/tasks/1/to_number", "error")]  # task 1 is the third data line
    assert only(csv(HEADER + b"+12137774445,Ann\r\n"), "RBV808") == []


# --- header --------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["phone", "Phone Number", "phone_number", "to_number"])
def test_phone_column_lookalikes_get_did_you_mean_and_rows_are_still_checked(header: str) -> None:
    report = csv(f"{header},first_name\r\n1.2E+10,Ann\r\n".encode())
    d = one(report, "RBV803")
    assert (d.line, d.column, d.severity.value) == (1, 1, "error")
    assert f"did you mean `{header}`" in d.message
    assert where(report, "RBV812") == [(2, "/tasks/0/to_number", "error")]


def test_no_phone_column_without_lookalike() -> None:
    report = fixture("sheets-no-phone-column.csv")
    assert [(d.code, d.line, d.severity.value) for d in report.diagnostics] == [("RBV803", 1, "error")]
    assert only(csv(HEADER + b"+12137774445,Ann\r\n"), "RBV803") == []


def test_header_problems_from_sheets() -> None:
    report = fixture("sheets-header-problems.csv")
    columns = {d.code: (d.line, d.column, d.severity.value) for d in report.diagnostics}
    assert columns == {
        "RBV803": (1, 1, "error"),  # Phone Number
        "RBV804": (1, 25, "error"),  # first_name twice
        "RBV806": (1, 36, "error"),  # " city "
        "RBV805": (1, 43, "error"),  # no header, holds VIP
        "RBV807": (1, 44, "warning"),  # ignore_e164_validation
    }


def test_header_near_misses() -> None:
    # An unnamed column that is empty in every row is harmless; plain names are fine.
    assert csv(b"phone number,city,\r\n+12137774445,Boston,\r\n").diagnostics == ()
    assert only(csv(b"phone number,{{city}}\r\n+12137774445,Boston\r\n"), "RBV806")[0].hint == (
        "rename the header to `city` and use {{city}} in the prompt"
    )


# --- dialects and encodings ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["excel-utf8-clean.csv", "excel-semicolon.csv", "excel-unicode-text.csv", "sheets-clean.csv"])
def test_clean_exports_of_every_dialect_are_clean(name: str) -> None:
    assert fixture(name).diagnostics == ()


def test_positions_after_a_multiline_cell_and_in_utf16() -> None:
    data = b'\xef\xbb\xbfphone number,note\r\n+12137774445,"two\nlines"\r\n1.2E+10,x\r\n'
    assert where(csv(data), "RBV812") == [(4, "/tasks/1/to_number", "error")]
    utf16 = "phone number\tfirst_name\r\n+12137774445\tZoë\r\n12137774445\tBob\r\n".encode("utf-16-le")
    d = one(csv(b"\xff\xfe" + utf16), "RBV813")
    assert (d.line, d.column) == (3, 1)
    assert one(csv(utf16), "RBV813").line == 3  # UTF-16 without BOM is recognised by its NUL bytes


def test_delimiter_option_overrides_the_sniffer() -> None:
    data = b"phone number;first_name\r\n+12137774445;Lee, Ann\r\n"
    assert csv(data).diagnostics == ()
    forced = validate_text(data, "csv", file="x.csv", now=FIXED_NOW, csv=CsvOptions(delimiter=","))
    assert one(forced, "RBV803").line == 1  # "phone number;first_name" is one header cell


def test_windows_1252_names_the_line_and_the_reading() -> None:
    d = one(fixture("excel-windows1252.csv"), "RBV801")
    assert (d.line, d.column, d.severity.value) == (3, 17, "error")
    assert "byte 0xe9" in d.message and "“José” in Windows-1252" in d.message and "(and 1 more line)" in d.message


def test_workbook_and_unclosed_quote() -> None:
    assert [(d.code, d.line) for d in fixture("xlsx-renamed.csv").diagnostics] == [("RBV801", 1)]
    d = one(fixture("unclosed-quote.csv"), "RBV802")
    assert (d.line, d.column, d.severity.value) == (2, 14, "error")
    assert only(csv(HEADER + b'+12137774445,"Ann ""A"" Lee"\r\n'), "RBV802") == []


def test_empty_file() -> None:
    assert [(d.code, d.line) for d in csv(b"").diagnostics] == [("RBV005", 1)]
