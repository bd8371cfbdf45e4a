"""Readers: positions of findings in YAML, the format sniffed when not given, and CSV dialects, encodings and positions."""

from __future__ import annotations

import pytest

from tests.helpers import FIXED_NOW, ROOT, check_text, one, only
from validator import Report, validate_file, validate_text
from validator.engine.csv import CsvOptions


def csv(data: bytes) -> Report:
    return validate_text(data, "csv", file="contacts.csv", now=FIXED_NOW)


def test_yaml_positions_for_schema_errors() -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n  - to_number: ""\n'
    d = one(check_text(text, "yaml"), "RBV105")
    assert (d.pointer, d.line, d.column) == ("/tasks/1/to_number", 4, 16)


def test_format_is_sniffed_when_not_given() -> None:
    assert one(check_text('{"tasks": []}'), "RBV101").line == 1
    assert one(check_text("tasks: []\n"), "RBV101").line == 1


@pytest.mark.parametrize("name", ["excel-utf8-clean.csv", "excel-semicolon.csv", "excel-unicode-text.csv", "sheets-clean.csv"])
def test_clean_csv_exports_of_every_dialect_are_clean(name: str) -> None:
    assert validate_file(ROOT / "fixtures" / "csv" / name, now=FIXED_NOW).diagnostics == ()


def test_csv_positions_after_a_multiline_cell_and_in_utf16() -> None:
    data = b'\xef\xbb\xbfphone number,note\r\n+12137774445,"two\nlines"\r\n1.2E+10,x\r\n'
    assert [(d.line, d.pointer, d.severity.value) for d in only(csv(data), "RBV812")] == [(4, "/tasks/1/to_number", "error")]
    utf16 = "phone number\tfirst_name\r\n+12137774445\tZoë\r\n12137774445\tBob\r\n".encode("utf-16-le")
    d = one(csv(b"\xff\xfe" + utf16), "RBV813")
    assert (d.line, d.column) == (3, 1)
    assert one(csv(utf16), "RBV813").line == 3  # UTF-16 without BOM is recognised by its NUL bytes


def test_csv_delimiter_option_overrides_the_sniffer() -> None:
    data = b"phone number;first_name\r\n+12137774445;Lee, Ann\r\n"
    assert csv(data).diagnostics == ()
    forced = validate_text(data, "csv", file="x.csv", now=FIXED_NOW, csv=CsvOptions(delimiter=","))
    assert one(forced, "RBV803").line == 1  # "phone number;first_name" is one header cell
