"""``retell-validate split`` on a contact list: parts the dashboard takes, the plan, the rows set aside, and nothing half-written."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result

from tests.calling.numbers import TOLL_FREE, number_in
from tests.dnc.lists import build_list
from tests.helpers import FIXED_NOW
from validator import validate
from validator.cli.main import main
from validator.diagnostics import Severity
from validator.knowledge.locations import subdivision_names

HOURS_CODES = ("RBV701", "RBV705", "RBV706", "RBV707", "RBV708")
HEADER = ["first_name", "phone number", "State", "notes"]
BAD = ["555-0199", "call me", "+1213", "4.04505E+09", ""]  # no area code, letters, too short, Excel's damage, empty


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def every_place_rows() -> list[list[str]]:
    """A row for every US state, DC, territory, Canadian province, Alaska and Hawaii, toll-free; then bad rows and duplicates."""
    territories = {"AS": "+16846221234", "MP": "+16702345678", "GU": "+16713001234", "VI": "+13406421234", "PR": "+17872345678"}
    numbers = [
        territories.get(code) or number_in(country, code, one_zone=False)
        for country, names in subdivision_names().items()
        for code in sorted(set(names.values()) - {"NU"})  # Nunavut shares 867 with Yukon and the Northwest Territories
    ]
    numbers += [TOLL_FREE, "+18082345678", "+19072345678"]  # Hawaii and Alaska once more: with their duplicates below
    rows = [[f"Person {i}", number, "", f"note {i}, with a comma"] for i, number in enumerate(numbers)]
    rows += [[f"Bad {i}", text, "", ""] for i, text in enumerate(BAD)]
    rows += [["Georgia, typed", "(404) 504-8120", "", ""]]  # written nationally: read in the region (US)
    rows += [["Again", national(numbers[0]), "", ""], ["Alaska again", "+19072345678", "", ""]]  # duplicates once normalised
    return rows


def national(number: str) -> str:
    """``+12015550123`` → ``1-201-555-0123``, the way people type it."""
    return f"1-{number[2:5]}-{number[5:8]}-{number[8:]}"


def as_sent(row: list[str]) -> tuple[str, ...]:
    """A row as a part writes it: its number in E.164."""
    number = {"(404) 504-8120": "+14045048120"}.get(row[1], row[1])
    return (row[0], number, *row[2:])


def write_list(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_every_row_is_in_one_part_or_set_aside_and_every_part_is_legal_with_its_plan(tmp_path: Path) -> None:
    rows = every_place_rows()
    source = write_list(tmp_path / "contacts.csv", rows)
    out = tmp_path / "parts"
    result = invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW, "--from-number", "+14157774444")
    assert result.exit_code == 0, result.output
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    seen: list[tuple[str, ...]] = []
    for part in plan["parts"]:
        written = read_csv(out / part["file"])
        assert written[0] == HEADER and len(written) - 1 == part["tasks"] > 0
        seen.extend(tuple(row) for row in written[1:])
        # Each part, sent as a payload with the window its plan names, has no calling-hours or calling-law finding.
        window: dict[str, Any] = {"timezone": part["timezone"], "windows": part["windows"]}
        if len(part["days"]) < 7:
            window["day"] = part["days"]
        tasks = [{"to_number": row[1]} for row in written[1:]]
        report = validate({"from_number": "+14157774444", "call_time_window": window, "tasks": tasks}, now=FIXED_NOW)
        assert [(d.code, d.message) for d in report.diagnostics if d.code in HOURS_CODES and d.severity is not Severity.INFO] == []
        assert not report.errors, part["file"]
    aside = read_csv(out / "set-aside.csv")
    assert aside[0] == [*HEADER, "row", "reason"]
    seen.extend(tuple(row[:4]) for row in aside[1:])
    # Every row exactly once, its cells as written (a part holds its number in E.164; set aside, as typed).
    aside_names = {row[0] for row in aside[1:]}
    assert sorted(seen) == sorted(tuple(row) if row[0] in aside_names else as_sent(row) for row in rows)
    reasons = {row[0]: row[5] for row in aside[1:]}
    assert reasons["Bad 0"] == (
        "not a dialable number: '555-0199': 7 digits is a local number without its area code (US numbers have 10 digits)"
    )
    assert reasons["Bad 3"].startswith("not a dialable number: '4.04505E+09': scientific notation")
    assert reasons["Bad 4"] == "not a dialable number: no number"
    assert "Georgia, typed" not in reasons
    assert reasons["Again"] == f"a duplicate of an earlier row: {rows[0][1]} is also row 2"
    assert reasons["Alaska again"].startswith("a duplicate of an earlier row: +19072345678 is also row")
    assert {row[4] for row in aside[1:] if row[0] == "Again"} == {str(len(rows))}  # the sheet's row number (header is row 1)
    dialable = [as_sent(row)[1] if not row[0].startswith("Again") else rows[0][1] for row in rows if row[1] not in BAD]
    duplicates = len(dialable) - len(set(dialable))
    assert duplicates >= 2
    assert plan["set_aside"] == {
        "file": "set-aside.csv",
        "rows": len(BAD) + duplicates,
        "reasons": {"not a dialable number": len(BAD), "a duplicate of an earlier row": duplicates},
    }
    assert result.output.splitlines()[-1].startswith(
        f"{len(BAD) + duplicates} rows set aside ({len(BAD)} not a dialable number, {duplicates} a duplicate"
    )


def test_alaska_numbers_are_written_on_an_alaska_clock(tmp_path: Path) -> None:
    source = write_list(tmp_path / "contacts.csv", [["A", "+19072345678", "", ""], ["N", "+12125550123", "", ""]])
    out = tmp_path / "parts"
    assert (
        invoke(
            "split", str(source), "-o", str(out), "--now", FIXED_NOW, "--timezone", "America/New_York", "--window", "09:00-20:00"
        ).exit_code
        == 0
    )
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    zones = {read_csv(out / part["file"])[1][1]: part["timezone"] for part in plan["parts"]}
    assert zones == {"+19072345678": "America/Anchorage", "+12125550123": "America/New_York"}
    assert [part["file"] for part in plan["parts"]] == ["01-alaska-every-day-0900-1600.csv", "02-eastern-every-day-0900-2000.csv"]


def test_groups_with_equal_clocks_windows_and_days_are_one_part(tmp_path: Path) -> None:
    """Florida's law (08:00–20:00) and Georgia's federal hours differ, but a 09:00–20:00 window suits both: one part."""
    source = write_list(
        tmp_path / "contacts.csv", [["F", "+13055550123", "", ""], ["G", "+14045550123", "", ""], ["T", "+14165550123", "", ""]]
    )
    out = tmp_path / "parts"
    args = ("--now", FIXED_NOW, "--timezone", "America/New_York", "--window", "09:00-20:00", "--days", "Mon-Fri")
    assert invoke("split", str(source), "-o", str(out), *args).exit_code == 0
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert [(p["file"], p["tasks"], p["timezone"], p["days"]) for p in plan["parts"]] == [
        ("01-eastern-mon-fri-0900-2000.csv", 3, "America/New_York", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    ]
    assert plan["parts"][0]["windows"] == [{"start": 540, "end": 1200}]
    # Near miss: a window to 21:00 is wider than Florida allows, so Florida gets a part of its own.
    wider = tmp_path / "wider"
    assert invoke("split", str(source), "-o", str(wider), *args[:4], "--window", "09:00-21:00", "--days", "Mon-Fri").exit_code == 0
    assert [p["tasks"] for p in json.loads((wider / "plan.json").read_text(encoding="utf-8"))["parts"]] == [1, 2]


def test_without_a_window_the_law_and_the_calling_hours_decide(tmp_path: Path) -> None:
    source = write_list(tmp_path / "contacts.csv", [["L", "+15045550123", "", ""]])
    out = tmp_path / "parts"
    result = invoke("split", str(source), "-o", str(out), "--now", "2026-03-10T12:00:00Z", "--calling-hours", "09:00-20:00")
    assert result.exit_code == 0, result.output
    (part,) = json.loads((out / "plan.json").read_text(encoding="utf-8"))["parts"]
    # Louisiana: 08:00–20:00 Monday–Saturday, no Sunday calls; the configured hours 09:00–20:00 are narrower.
    assert (part["file"], part["timezone"], part["windows"]) == (
        "01-central-mon-sat-0900-2000.csv",
        "America/Chicago",
        [{"start": 540, "end": 1200}],
    )
    words = (out / "plan.txt").read_text(encoding="utf-8")
    assert "1. 01-central-mon-sat-0900-2000.csv (1 contact: Louisiana)" in words
    assert (
        "   time zone:       America/Chicago (central time)\n   calling window:  09:00–20:00\n   days:            Monday–Saturday" in words
    )
    assert "The windows hold for calls from Tue 2026-03-10 12:00 UTC to Tue 2026-03-24 12:00 UTC" in words


def test_a_group_with_no_legal_window_left_is_set_aside(tmp_path: Path) -> None:
    source = write_list(tmp_path / "contacts.csv", [["L", "+15045550123", "", ""], ["G", "+14045550123", "", ""]])
    out = tmp_path / "parts"
    result = invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW, "--window", "10:00-11:00", "--days", "Sun")
    assert result.exit_code == 0, result.output
    aside = read_csv(out / "set-aside.csv")
    assert [row[0] for row in aside[1:]] == ["L"]
    assert aside[1][5].startswith("no legal window left: no minute is allowed for Louisiana in America/Chicago")
    assert [p["file"] for p in json.loads((out / "plan.json").read_text(encoding="utf-8"))["parts"]] == [
        "01-eastern-sun-1300-1400.csv"
    ]  # 10:00-11:00 in the spec's default zone, Los Angeles


def test_every_row_set_aside_exits_1_and_still_writes_the_plan(tmp_path: Path) -> None:
    source = write_list(tmp_path / "contacts.csv", [["B", "504-8120", "", ""]])
    out = tmp_path / "parts"
    result = invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 1 and "every row is set aside" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["plan.json", "plan.txt", "set-aside.csv"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("first_name,email\nAnn,a@example.com\n", "no `phone number` column"),
        ("", "the CSV file is empty"),
        ("phone number,name\n", "header but no rows"),
    ],
    ids=["no-phone-column", "empty", "header-only"],
)
def test_nothing_readable_exits_2_and_writes_nothing(tmp_path: Path, content: str, says: str) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text(content, encoding="utf-8")
    result = invoke("split", str(source), "-o", str(tmp_path / "parts"), "--now", FIXED_NOW)
    assert result.exit_code == 2 and says in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.csv"]


def test_json_parts_of_a_contact_list_are_payloads_with_distinct_names(tmp_path: Path) -> None:
    source = write_list(tmp_path / "march.csv", [["F", "+13055550123", "FL", ""], ["N", "+12125550123", "", "x"]])
    out = tmp_path / "parts"
    assert invoke("split", str(source), "-o", str(out), "--format", "json", "--now", FIXED_NOW).exit_code == 2  # needs from_number
    result = invoke("split", str(source), "-o", str(out), "--format", "json", "--from-number", "+14157774444", "--now", FIXED_NOW)
    assert result.exit_code == 0, result.output
    parts = [
        json.loads((out / p["file"]).read_text(encoding="utf-8"))
        for p in json.loads((out / "plan.json").read_text(encoding="utf-8"))["parts"]
    ]
    assert [p["name"] for p in parts] == [
        "march (1/2: eastern, every day, 08:00–20:00)",  # Florida's hours: a Florida number, living in Florida
        "march (2/2: eastern, every day, 08:00–21:00)",
    ]
    assert parts[0]["tasks"] == [
        {"to_number": "+13055550123", "retell_llm_dynamic_variables": {"first_name": "F", "State": "FL", "notes": ""}}
    ]
    assert all(not validate(p, now=FIXED_NOW).errors for p in parts)


def test_parts_open_in_libreoffice_with_every_phone_cell_intact_as_text(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (apt-get install libreoffice-calc-nogui; .ci/run installs it)"
    source = write_list(tmp_path / "contacts.csv", every_place_rows())
    out = tmp_path / "parts"
    assert invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW).exit_code == 0
    converted = tmp_path / "converted"
    files = sorted(out.glob("0*.csv"))
    # Column 2 (the phone column) imported as text, as docs/spreadsheets.md tells a person to open a part; UTF-8, comma.
    command = [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--infilter=CSV:44,34,76,1,2/2"]
    subprocess.run(
        [*command, "--convert-to", "xlsx", "--outdir", str(converted), *map(str, files)], check=True, capture_output=True, timeout=300
    )
    for file in files:
        sheet = openpyxl.load_workbook(converted / f"{file.stem}.xlsx").active
        assert sheet is not None
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        phones = [row[1] for row in values[1:]]
        assert phones == [row[1] for row in read_csv(file)[1:]], file.name
        assert all(isinstance(phone, str) and phone.startswith("+") for phone in phones)
        assert [row[3] or "" for row in values[1:]] == [row[3] for row in read_csv(file)[1:]]  # a quoted comma stays in its cell
    # Near miss: imported with the default column types, a spreadsheet reads the numbers as numbers and drops the +.
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "plain"),
            str(files[0]),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    plain = openpyxl.load_workbook(tmp_path / "plain" / f"{files[0].stem}.xlsx").active
    assert plain is not None and isinstance(plain.cell(2, 2).value, int)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_split_leaves_no_staging_folder_and_no_parts(tmp_path: Path, signum: int) -> None:
    rows = [[f"P{i}", f"+1212555{i % 10_000:04d}" if i % 2 else f"+1305555{i % 10_000:04d}", "", ""] for i in range(100_000)]
    source = write_list(tmp_path / "big.csv", rows)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", "split", str(source), "-o", str(tmp_path / "parts"), "--now", FIXED_NOW],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as a terminal delivers it: a job started in the background (nohup, `&`) inherits SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".parts.*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGSTOP)  # frozen while it writes: the signal lands before it can finish
    assert list(tmp_path.glob(".parts.*")), "split ended before its staging folder could be seen"
    process.send_signal(signum)
    process.send_signal(signal.SIGCONT)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv"]  # no .parts.* folder, no parts


def test_ragged_rows_keep_their_columns_in_the_parts(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number,first_name,State\n+12125550123,Ann\n+12125550124,Bob,NY,extra\n", encoding="utf-8")
    out = tmp_path / "parts"
    assert invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW).exit_code == 0
    (part,) = out.glob("0*.csv")
    # A short row gets its empty cell; a cell past the header belongs to no column and is not sent.
    assert read_csv(part) == [["phone number", "first_name", "State"], ["+12125550123", "Ann", ""], ["+12125550124", "Bob", "NY"]]


def test_numbers_on_a_do_not_call_list_are_set_aside(tmp_path: Path) -> None:
    opt_outs = build_list(tmp_path, "opt-outs", ["+12125550124"], kind="internal")
    source = write_list(tmp_path / "contacts.csv", [["A", "+12125550123", "", ""], ["B", "+12125550124", "", ""]])
    out = tmp_path / "parts"
    result = invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW, "--dnc", str(opt_outs))
    assert result.exit_code == 0, result.output
    aside = read_csv(out / "set-aside.csv")
    assert [(row[0], row[5]) for row in aside[1:]] == [("B", "on a do-not-call list: +12125550124 is on opt-outs (as of 2026-05-20)")]
    (part,) = json.loads((out / "plan.json").read_text(encoding="utf-8"))["parts"]
    assert [row[1] for row in read_csv(out / part["file"])[1:]] == ["+12125550123"]
    hours = invoke("hours", str(source), "--now", FIXED_NOW, "--dnc", str(opt_outs))
    assert "1 row in 1 group; 1 row set aside (1 on a do-not-call list)" in hours.output


def test_a_workbook_splits_like_its_csv_with_numbers_typed_as_people_type_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Contacts"
    rows: list[list[str | int]] = [
        ["phone number", "first_name"],
        ["(404) 504-8120", "Maria"],
        [14045048121, "Number cell"],
        ["+14045048120", "Again"],
    ]
    for row in rows:
        sheet.append(row)
    book.create_sheet("Notes").append(["nothing here"])
    source = tmp_path / "contacts.xlsx"
    book.save(source)
    out = tmp_path / "parts"
    result = invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW, "--sheet", "Contacts", "--window", "09:00-20:00")
    assert result.exit_code == 0, result.output
    (part,) = json.loads((out / "plan.json").read_text(encoding="utf-8"))["parts"]
    assert read_csv(out / part["file"]) == [["phone number", "first_name"], ["+14045048120", "Maria"], ["+14045048121", "Number cell"]]
    aside = read_csv(out / "set-aside.csv")
    assert aside[1] == ["+14045048120", "Again", "4", "a duplicate of an earlier row: +14045048120 is also row 2"]


def test_national_numbers_are_read_in_the_region(tmp_path: Path) -> None:
    source = write_list(tmp_path / "contacts.csv", [["UK", "020 7946 0018", "", ""], ["US", "(404) 504-8120", "", ""]])
    out = tmp_path / "parts"
    assert invoke("split", str(source), "-o", str(out), "--now", FIXED_NOW, "--region", "GB").exit_code == 0
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert [read_csv(out / part["file"])[1][:2] for part in plan["parts"]] == [["UK", "+442079460018"]]
    assert read_csv(out / "set-aside.csv")[1][5].startswith("not a dialable number: '(404) 504-8120'")  # not a British number
