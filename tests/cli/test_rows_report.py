"""``check --report rows:FILE``: every input row, its status and problems, in a file a spreadsheet opens (read back with openpyxl)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from validator.cli.main import main

LIST = (
    "phone number,first_name,State\r\n"
    "+13055550123,Ann,FL\r\n"  # row 2: Florida, past 20:00 with a window to 21:00
    "(404) 504-8120,Bob,GA\r\n"  # row 3: not E.164
    '+14045550123,=HYPERLINK("x"),GA\r\n'  # row 4: ok; a formula-like cell stays text
    "+12125550123,Dee,\r\n"  # row 5: ok
    "+12125550124,Eve,FL\r\n"  # row 6: a New York number living in Florida
)
WINDOW = ("--window", "08:00-21:00", "--timezone", "America/New_York", "--from-number", "+14157774444")


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args])


def rows_of(path: Path) -> list[list[str]]:
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path).active
        assert sheet is not None
        return [["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_row_in_order_with_its_columns_status_and_problems(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text(LIST, encoding="utf-8")
    report = tmp_path / f"rows{suffix}"
    result = check(str(source), *WINDOW, "--report", f"rows:{report}")
    assert result.exit_code == 1, result.output
    rows = rows_of(report)
    assert rows[0] == ["phone number", "first_name", "State", "status", "problems"]
    assert [row[:4] for row in rows[1:]] == [
        ["+13055550123", "Ann", "FL", "set aside"],
        ["(404) 504-8120", "Bob", "GA", "set aside"],
        ["+14045550123", '=HYPERLINK("x")', "GA", "ok"],
        ["+12125550123", "Dee", "", "ok"],
        ["+12125550124", "Eve", "FL", "set aside"],
    ]
    problems = [row[4] for row in rows[1:]]
    assert problems[0].startswith("RBV705 Florida: telephone solicitation calls only 08:00–20:00")
    assert problems[1] == "RBV819 row 3 writes its number nationally: `(404) 504-8120` = +14045048120"  # its own row, not the group's
    assert "; RBV705 Florida:" in problems[4]  # where she lives: every row of the group gets it, not only its first
    assert "\n" not in "".join(problems)
    assert not problems[2].startswith("RBV7") and not problems[3].startswith("RBV7")
    assert result.stdout.splitlines()[-1] == (
        "Not ready to send: 1 row whose number check --fix writes in E.164, 2 rows outside legal calling hours"
    )


def test_xlsx_cells_are_text(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text(LIST, encoding="utf-8")
    report = tmp_path / "rows.xlsx"
    assert check(str(source), *WINDOW, "--report", f"rows:{report}").exit_code == 1
    sheet = openpyxl.load_workbook(report).active
    assert sheet is not None
    assert sheet["A2"].value == "+13055550123" and sheet["A2"].data_type == "s"
    assert sheet["B4"].data_type == "s"  # "=HYPERLINK(...)" from the input is text, not a formula
    assert sheet.freeze_panes == "A2"


def test_a_payload_gives_one_row_per_task_and_fixed_rows_say_so(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1200}]},
        "tasks": [
            {"to_number": "+12125550123", "retell_llm_dynamic_variables": {"name": "Ann"}},
            {"to_number": "+1 (212) 555-0124", "retell_llm_dynamic_variables": {"name": "Bob", "plan": "gold"}},
            {"to_number": "+1212"},
        ],
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    report = tmp_path / "rows.csv"
    result = check(str(path), "--fix", "--report", f"rows:{report}")
    assert result.exit_code == 1, result.output
    assert rows_of(report) == [
        ["task", "to_number", "name", "plan", "status", "problems"],
        ["0", "+12125550123", "Ann", "", "ok", ""],
        ["1", "+12125550124", "Bob", "gold", "fixed", ""],
        ["2", "+1212", "", "", "set aside", rows_of(report)[3][5]],
    ]
    assert '; RBV202 `to_number` "+1212" is not a valid phone number' in rows_of(report)[3][5]


def test_several_inputs_get_a_file_column(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("phone number,name\n+12125550123,Ann\n", encoding="utf-8")
    second.write_text("phone number,city\n+12125550124,Paris\n", encoding="utf-8")
    report = tmp_path / "rows.csv"
    assert check("--only-payloads", str(first), str(second), "--report", f"rows:{report}").exit_code == 0
    assert rows_of(report) == [
        ["file", "phone number", "name", "city", "status", "problems"],
        [str(first), "+12125550123", "Ann", "", "ok", ""],
        [str(second), "+12125550124", "", "Paris", "ok", ""],
    ]


@pytest.mark.parametrize("target", ["rows:report.txt", "rows:"], ids=["suffix", "no-path"])
def test_the_rows_report_is_a_spreadsheet(tmp_path: Path, target: str) -> None:
    result = check(str(tmp_path / "x.csv"), "--report", target)
    assert result.exit_code == 2 and "--report" in result.output


def test_a_spelling_found_once_for_many_rows_is_on_each_row_and_fix_marks_them_fixed(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number,name\n(404) 504-8120,A\n404.504.8121,B\n+14045048122,C\n1-404-504-8123,D\n", encoding="utf-8")
    report = tmp_path / "rows.csv"
    result = check(str(source), "--report", f"rows:{report}")
    assert result.stdout.splitlines()[-1] == "Not ready to send: 3 rows whose number check --fix writes in E.164"
    assert [(row[2], row[3]) for row in rows_of(report)[1:]] == [
        ("set aside", "RBV819 row 2 writes its number nationally: `(404) 504-8120` = +14045048120"),
        ("set aside", "RBV819 row 3 writes its number nationally: `404.504.8121` = +14045048121"),
        ("ok", ""),
        ("set aside", "RBV819 row 5 writes its number nationally: `1-404-504-8123` = +14045048123"),
    ]
    fixed = check(str(source), "--fix", "--report", f"rows:{report}")
    assert fixed.stdout.splitlines()[-1] == "Ready to send"
    assert [row[:3] for row in rows_of(report)[1:]] == [
        ["+14045048120", "A", "fixed"],
        ["+14045048121", "B", "fixed"],
        ["+14045048122", "C", "ok"],
        ["+14045048123", "D", "fixed"],
    ]
