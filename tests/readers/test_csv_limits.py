"""CSV at its limits: cells longer than the csv module's default limit, many cells in one
multi-line record (positions found once per record), and standard input cut at --max-bytes."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW
from validator import validate_text
from validator.cli.main import main
from validator.readers.csv import source


def codes_and_lines(text: str) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in validate_text(text, "csv", now=FIXED_NOW).diagnostics]


def test_a_cell_over_128_kib_is_read_and_the_rows_after_it_are_checked() -> None:
    text = "phone number,note\n+12137774445," + "x" * 200_000 + "\n+1213777444,ok\n"
    assert codes_and_lines(text) == [("RBV202", 3)]  # not RBV802 "unclosed quote" with the rest unchecked


def test_a_header_cell_over_128_kib_is_no_exception() -> None:
    assert codes_and_lines("phone number," + "y" * 200_000 + "\n+1213777444,ok\n") == [("RBV202", 2)]


def test_many_findings_in_one_multi_line_record_split_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = source.cell_spans

    def counting(raw: str, delimiter: str) -> tuple[list[tuple[int, int]], int | None]:
        calls.append(raw)
        return original(raw, delimiter)

    monkeypatch.setattr(source, "cell_spans", counting)
    n = 300
    header = "phone number," + ",".join(f"v{i}" for i in range(2 * n)) + "\n"
    row = "+12137774445," + ",".join('"a\nb",' for _ in range(n)) + "\n"
    report = validate_text(header + row, "csv", now=FIXED_NOW)
    blank = [(d.line, d.column) for d in report.diagnostics if d.code == "RBV811"]
    assert blank[:3] == [(3, 4), (4, 4), (5, 4)]  # each blank cell after its quoted line break
    assert len(blank) == n
    assert len(calls) <= 4  # once per record (and the end-of-file quote check), not once per finding


def test_csv_on_standard_input_over_max_bytes_is_rbv014() -> None:
    text = "phone number,name\n" + "".join(f"+1213777{i:04d},x\n" for i in range(200))
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--input-format", "csv", "--max-bytes", "1000", "-"], input=text)
    assert result.exit_code == 1
    assert "<stdin>:1:1: RBV014 [error] the input is 1,001 bytes, over the 1,000-byte limit" in result.stdout
