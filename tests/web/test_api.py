"""The page's API answers what the commands write for the same file and options: the JSON report of ``check``, the SVG
of ``hours``, the file ``check --fix`` writes, the rows report, and a zip of what ``split`` writes."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner

from tests.helpers import ROOT
from tests.sheets import xlsx_bytes
from tests.web.support import CLEAN_PAYLOAD, CONTACTS, FIXED_NOW, WINDOW, Server, in_process
from validator.cli.main import main

CLI_WINDOW = ["--window", "09:00-20:00", "--timezone", "America/New_York", "--days", "Mon-Sat", "--from-number", "+14155550100"]
REPORT_SCHEMA = json.loads((ROOT / "docs" / "json-report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with in_process() as running:
        yield running


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current directory, holding contacts.csv: the commands name it as the page does."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    return tmp_path


def command(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--now", FIXED_NOW])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def answered(server: Server, endpoint: str, file: tuple[str, bytes], fields: dict[str, str] | None = None) -> Any:
    answer = server.post(endpoint, file, fields)
    assert answer.status == 200, answer.body[:500]
    assert server.leftovers() == []  # the request's folder is gone once it is answered
    return answer


def test_check_answers_the_json_report_check_writes_with_what_fix_would_fix(server: Server, folder: Path) -> None:
    report = answered(server, "check", ("contacts.csv", CONTACTS.encode()), WINDOW).json()
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report.pop("fixable") == {"safe": 1, "unsafe": 0}  # Sam's (404) 504-8120
    assert report == json.loads(command("check", "contacts.csv", "--format", "json", *CLI_WINDOW))
    assert report["files"] == ["contacts.csv"]
    assert report["summary"]["ready"] is False
    assert report["summary"]["reasons"] == [
        {"reason": "row whose number cannot be dialled", "count": 1},
        {"reason": "row whose number check --fix writes in E.164", "count": 1},
        {"reason": "rows outside legal calling hours", "count": 3},
    ]


def test_a_clean_payload_is_ready_to_send(server: Server) -> None:
    report = answered(server, "check", ("batch.json", CLEAN_PAYLOAD.encode())).json()
    assert report["summary"]["ready"] is True
    assert report["summary"]["verdict"] == "Ready to send"
    assert [d for d in report["diagnostics"] if d["severity"] != "info"] == []


def test_a_payload_in_yaml_is_read_as_yaml(server: Server) -> None:
    report = answered(server, "check", ("batch.yaml", b"from_number: +14155550100\ntasks:\n  - to_number: '+12125550123'\n")).json()
    assert ("RBV008", 1) in [(d["code"], d["line"]) for d in report["diagnostics"]]  # +1415… unquoted is an integer in YAML 1.1


def test_hours_answers_the_picture_hours_draws(server: Server, folder: Path) -> None:
    answer = answered(server, "hours", ("contacts.csv", CONTACTS.encode()), WINDOW)
    assert answer.headers["content-type"] == "image/svg+xml"
    command("hours", "contacts.csv", *CLI_WINDOW, "--svg", "hours.svg")
    assert answer.body.decode() == (folder / "hours.svg").read_text(encoding="utf-8")
    assert "<title>When calls can ring: contacts.csv</title>" in answer.body.decode()


def test_fix_answers_the_file_check_fix_writes(server: Server, folder: Path) -> None:
    answer = answered(server, "fix", ("contacts.csv", CONTACTS.encode()))
    assert answer.headers["content-disposition"] == "attachment; filename=\"contacts-fixed.csv\"; filename*=UTF-8''contacts-fixed.csv"
    assert answer.headers["x-retell-validate-note"] == "1%20fix%28es%29%20applied"
    command("check", "contacts.csv", "--fix")
    assert answer.body == (folder / "contacts.csv").read_bytes()
    assert b"+14045048120,Sam,GA,bronze" in answer.body


def test_fix_of_a_workbook_answers_a_workbook_whose_number_is_text(server: Server) -> None:
    answer = answered(server, "fix", ("list.xlsx", xlsx_bytes([["phone number", "name"], ["(404) 504-8120", "Sam"]])))
    sheet = openpyxl.load_workbook(io.BytesIO(answer.body)).worksheets[0]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [["phone number", "name"], ["+14045048120", "Sam"]]
    assert sheet["A2"].data_type == "s"


def test_fix_of_a_payload_with_unsafe_fixes(server: Server) -> None:
    payload = b'{"from_number": "+14155550100", "tasks": [{"to_number": "(212) 555-0123"}]}\n'
    safe = answered(server, "fix", ("batch.json", payload)).body
    unsafe = answered(server, "fix", ("batch.json", payload), {"unsafe-fixes": "on"}).body
    assert json.loads(unsafe)["tasks"][0]["to_number"] == "+12125550123"
    assert safe == payload or json.loads(safe)["tasks"][0]["to_number"] == "+12125550123"


def test_rows_answers_the_rows_report_check_writes(server: Server, folder: Path) -> None:
    answer = answered(server, "rows", ("contacts.csv", CONTACTS.encode()), WINDOW)
    assert answer.headers["content-disposition"].startswith('attachment; filename="contacts-rows.xlsx"')
    command("check", "contacts.csv", *CLI_WINDOW, "--report", "rows:rows.xlsx")
    mine = [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(answer.body)).worksheets[0].iter_rows()]
    theirs = [[c.value for c in row] for row in openpyxl.load_workbook(folder / "rows.xlsx").worksheets[0].iter_rows()]
    assert mine == theirs
    assert mine[0] == ["phone number", "first_name", "State", "plan", "status", "problems"]
    assert [row[4] for row in mine[1:]].count("set aside") >= 5
    as_csv = answered(server, "rows", ("contacts.csv", CONTACTS.encode()), {**WINDOW, "format": "csv"})
    assert as_csv.body.decode().splitlines()[0] == "phone number,first_name,State,plan,status,problems"


def test_split_answers_a_zip_of_what_split_writes(server: Server, folder: Path) -> None:
    answer = answered(server, "split", ("contacts.csv", CONTACTS.encode()), WINDOW)
    assert answer.headers["content-type"] == "application/zip"
    command("split", "contacts.csv", *CLI_WINDOW, "-o", "parts")
    with zipfile.ZipFile(io.BytesIO(answer.body)) as archive:
        names = sorted(archive.namelist())
        assert names == sorted(path.name for path in (folder / "parts").iterdir())
        for name in names:
            assert archive.read(name) == (folder / "parts" / name).read_bytes(), name
    assert {"plan.json", "plan.txt", "set-aside.csv", "01-eastern-mon-sat-0900-2000.csv"} <= set(names)
    assert answer.headers["x-retell-validate-note"] == "5%20parts%2C%203%20row%28s%29%20set%20aside"
    shutil.rmtree(folder / "parts")


def test_split_of_a_payload_writes_payloads(server: Server) -> None:
    answer = answered(server, "split", ("batch.json", CLEAN_PAYLOAD.encode()))
    with zipfile.ZipFile(io.BytesIO(answer.body)) as archive:
        names = archive.namelist()
        part = json.loads(archive.read(next(name for name in names if name.startswith("01-"))))
    assert "set-aside.json" in names
    assert part["from_number"] == "+14155550100"
    assert [task["to_number"] for task in part["tasks"]] == ["+12125550123", "+16175550123"]


@pytest.mark.parametrize(
    ("endpoint", "file", "fields", "says"),
    [
        ("split", ("empty.csv", b"phone number,name\n"), {}, "the contact list has a header but no rows"),
        ("hours", ("list.csv", b"name,city\nSam,Atlanta\n"), {}, "phone"),
        ("split", ("batch.json", CLEAN_PAYLOAD.encode()), {"format": "csv"}, "--format csv writes a contact list's rows"),
    ],
)
def test_input_a_command_cannot_use_is_refused_with_its_message(
    server: Server, endpoint: str, file: tuple[str, bytes], fields: dict[str, str], says: str
) -> None:
    answer = server.post(endpoint, file, fields)
    assert answer.status == 422
    assert says in answer.error
    assert server.leftovers() == []


def test_the_options_are_the_command_lines(server: Server) -> None:
    """Each field is parsed as its flag is: the same values, the same effect."""
    solicitation = answered(server, "check", ("contacts.csv", CONTACTS.encode()), WINDOW).json()
    informational = answered(server, "check", ("contacts.csv", CONTACTS.encode()), {**WINDOW, "call-purpose": "informational"}).json()
    assert "RBV705" in {d["code"] for d in solicitation["diagnostics"]}
    assert "RBV705" not in {d["code"] for d in informational["diagnostics"]}  # telephone-solicitation hours do not apply
    national = b"phone number,name\n020 7946 0018,Ann\n"
    as_us = answered(server, "check", ("gb.csv", national)).json()
    as_gb = answered(server, "check", ("gb.csv", national), {"region": "gb"}).json()
    assert "020 7946 0018" in json.dumps(as_us["diagnostics"])
    assert "+442079460018" in json.dumps(as_gb["diagnostics"])
    timed = json.dumps({**json.loads(CLEAN_PAYLOAD), "trigger_timestamp": 1_782_900_000_000}).encode()  # 2026-07-01
    before = answered(server, "check", ("batch.json", timed)).json()  # the server's now: 2026-06-01
    after = answered(server, "check", ("batch.json", timed), {"now": "2026-08-01T00:00:00Z"}).json()
    assert "RBV402" not in {d["code"] for d in before["diagnostics"]}
    assert "RBV402" in {d["code"] for d in after["diagnostics"]}


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"region": "XX"}, "region: region='XX' is not a region with a numbering plan"),
        ({"call-purpose": "sales"}, "call-purpose: call_purpose='sales' is not a call purpose"),
        ({"calling-hours": "9 to 5"}, "calling-hours: "),
        ({"now": "yesterday"}, "now: "),
        ({"window": "9-5"}, "window: '9-5': use HH:MM-HH:MM"),
        ({"window": "09:00-20:00", "days": "Funday"}, "days: 'Funday' is not a day"),
        ({"timezone": "America/New_York"}, "--timezone and --days describe a calling window: give --window too"),
        ({"trigger": "soon"}, "trigger: 'soon': use ISO 8601"),
        ({"colour": "red"}, "unknown form field 'colour'"),
        ({"format": "xlsx"}, "unknown form field 'format'"),  # rows' and split's own field, not check's
    ],
)
def test_options_that_cannot_be_read_are_refused_naming_the_field(server: Server, fields: dict[str, str], says: str) -> None:
    answer = server.post("check", ("contacts.csv", CONTACTS.encode()), fields)
    assert answer.status == 400
    assert answer.error.startswith(says), answer.error


def test_a_contact_lists_batch_fields_are_refused_for_a_payload(server: Server) -> None:
    answer = server.post("check", ("batch.json", CLEAN_PAYLOAD.encode()), {"window": "09:00-17:00"})
    assert answer.status == 400
    assert answer.error == "window: for contact lists only (CSV, XLSX); a payload has its own from_number and call_time_window"


def test_the_endpoints_own_fields_take_only_their_words(server: Server) -> None:
    answer = server.post("rows", ("contacts.csv", CONTACTS.encode()), {"format": "pdf"})
    assert (answer.status, answer.error) == (400, "format: 'pdf' is not one of xlsx, csv")


def test_an_empty_field_is_not_given(server: Server) -> None:
    report = answered(server, "check", ("contacts.csv", CONTACTS.encode()), {"window": "", "region": " ", "now": ""}).json()
    assert report["files"] == ["contacts.csv"]


class _Assets(HTMLParser):
    """What a page loads (script, style sheet, icon, image sources) and any inline script, style or handler in it."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if tag in ("script", "img") and given.get("src"):
            self.loads.append(str(given["src"]))
        if tag == "link" and given.get("href"):
            self.loads.append(str(given["href"]))
        self.inline += [f"{tag} {name}" for name in given if name.startswith("on") or name == "style"]
        self.inline += [tag] if tag == "style" else []
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(f"script: {data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_the_page_loads_only_its_own_files_and_holds_no_inline_script_or_style(server: Server) -> None:
    page = server.request("GET", "/")
    assets = _Assets()
    assets.feed(page.body.decode("utf-8"))
    assert sorted(assets.loads) == ["/static/icon.svg", "/static/page.css", "/static/page.js"]
    assert assets.inline == []
    for path, kind in (("/static/page.js", "text/javascript"), ("/static/page.css", "text/css"), ("/static/icon.svg", "image/svg+xml")):
        answer = server.request("GET", path)
        assert answer.status == 200 and answer.headers["content-type"].startswith(kind), path
        body = answer.body.replace(b"http://www.w3.org/2000/svg", b"")  # a namespace's name, not an address loaded
        assert b"http://" not in body and b"https://" not in body, path
    assert b"https://" not in page.body.replace(
        b'href="https://github.com/retell-batch-validator/retell-batch-validator/blob/main/docs/web.md"', b""
    )
    for purpose in ("solicitation", "informational", "debt-collection", "charitable", "poll"):
        assert f'<option value="{purpose}">'.encode() in page.body  # the options table's words
    assert b'<option value="America/New_York">' in page.body
