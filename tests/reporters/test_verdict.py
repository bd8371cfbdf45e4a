"""The verdict every report ends with: ready to send or not, and the rows in the way by reason, checked by each format's consumer."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator

from tests.calling.numbers import FLORIDA, NY, batch
from tests.helpers import FIXED_NOW, ROOT
from tests.reporters.test_consumers import JUNIT, REPORT_SCHEMA, SARIF
from tests.reporters.test_github_commands import runner_parse
from validator.cli.main import main
from validator.diagnostics import Diagnostic, Fix, Report, Severity, Verdict, blocks, judge

# 08:00–21:00 New York: past Florida's 20:00 for the Florida numbers; one number cannot be dialled.
NOT_READY = batch(FLORIDA, "+13055550124", "+13055550125", NY, "+1305", windows=[(480, 1260)], zone="America/New_York")
READY = batch(FLORIDA, NY, windows=[(540, 1200)], zone="America/New_York")
SENTENCE = "Not ready to send: 1 task whose number cannot be dialled, 3 tasks outside legal calling hours"


def check(tmp_path: Path, payload: dict[str, Any], *args: str) -> Result:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args, str(path)])


def d(code: str, severity: Severity, pointer: str, file: str = "list.csv") -> Diagnostic:
    return Diagnostic(code, severity, "m", pointer, file=file)


def test_what_blocks_sending() -> None:
    assert blocks(d("RBV201", Severity.ERROR, "/tasks/0/to_number"))
    assert blocks(d("RBV705", Severity.WARNING, "/tasks/0/to_number"))
    assert blocks(d("RBV901", Severity.WARNING, "/tasks/0/to_number"))  # the do-not-call family
    assert not blocks(d("RBV703", Severity.INFO, "/tasks/0/to_number"))  # an info of the family: near miss
    assert not blocks(d("RBV204", Severity.WARNING, "/tasks/0/to_number"))  # a warning of another family: near miss


def test_reasons_count_rows_once_each_in_a_fixed_order() -> None:
    diagnostics = (
        d("RBV811", Severity.ERROR, "/tasks/4/retell_llm_dynamic_variables/name"),
        d("RBV705", Severity.WARNING, "/tasks/2/to_number"),
        d("RBV201", Severity.ERROR, "/tasks/1/to_number"),
        d("RBV808", Severity.ERROR, "/tasks/1/to_number"),  # the same row for the same reason: once
        d("RBV111", Severity.ERROR, "/tasks/1/agent_override"),  # a row that cannot be dialled is not counted again
        d("RBV901", Severity.WARNING, "/tasks/3/to_number"),
        d("RBV101", Severity.ERROR, "/from_number"),
    )
    verdict = judge([Report("list.csv", diagnostics)], {"list.csv": {"RBV705": [2, 5, 6]}})
    assert verdict == Verdict(
        False,
        (
            ("row whose number cannot be dialled", 1),
            ("rows outside legal calling hours", 3),  # every row the calling-hours finding's group holds (the command says which)
            ("row on a do-not-call list", 1),
            ("row with other errors", 1),
            ("error in the batch's own fields", 1),
        ),
    )
    assert verdict.sentence == (
        "Not ready to send: 1 row whose number cannot be dialled, 3 rows outside legal calling hours, 1 row on a do-not-call list, "
        "1 row with other errors, 1 error in the batch's own fields"
    )
    assert judge([Report("list.csv", diagnostics[1:2])]).reasons == (
        ("row outside legal calling hours", 1),
    )  # no rows given: the one pointed at
    assert judge([Report("list.csv", (d("RBV204", Severity.WARNING, "/tasks/0/to_number"),))]) == Verdict(True)


def test_a_number_check_fix_writes_is_a_reason_of_its_own() -> None:
    fixable = Diagnostic("RBV819", Severity.ERROR, "3 rows write numbers nationally", "/tasks/0/to_number", fix=Fix("+1", True, "write"))
    verdict = judge([Report("list.csv", (fixable, d("RBV201", Severity.ERROR, "/tasks/4/to_number")))], {"list.csv": {"RBV819": [0, 2, 3]}})
    assert verdict.sentence == "Not ready to send: 1 row whose number cannot be dialled, 3 rows whose number check --fix writes in E.164"
    unsafe = Diagnostic("RBV809", Severity.ERROR, "a lost +, a guess", "/tasks/0/to_number", fix=Fix("+1", False, "write"))
    assert judge([Report("list.csv", (unsafe,))]).reasons == (("row whose number cannot be dialled", 1),)  # near miss: not --fix's to write


def test_text_ends_with_the_verdict_and_quiet_never_hides_a_batch_that_is_not_ready(tmp_path: Path) -> None:
    result = check(tmp_path, NOT_READY)
    assert result.stdout.splitlines()[-1] == SENTENCE
    quiet = check(tmp_path, NOT_READY, "-q", "--ignore", "RBV2")
    # The warnings are not listed, the verdict is; with the phone rules off, "+1305" is one more Florida task.
    assert quiet.stdout == "Not ready to send: 4 tasks outside legal calling hours\n"
    assert check(tmp_path, READY, "-q").stdout == ""  # near miss: a ready batch, quiet
    assert check(tmp_path, READY).stdout.splitlines()[-2:] == ["1 file, 0 errors, 0 warnings", "Ready to send"]


def test_json_report_says_ready_and_why_not_and_matches_its_schema(tmp_path: Path) -> None:
    report = json.loads(check(tmp_path, NOT_READY, "--format", "json").stdout)
    Draft202012Validator(REPORT_SCHEMA).validate(report)
    assert (report["summary"]["ready"], report["summary"]["verdict"]) == (False, SENTENCE)
    assert report["summary"]["reasons"] == [
        {"reason": "task whose number cannot be dialled", "count": 1},
        {"reason": "tasks outside legal calling hours", "count": 3},
    ]
    ready = json.loads(check(tmp_path, READY, "--format", "json").stdout)
    Draft202012Validator(REPORT_SCHEMA).validate(ready)
    assert (ready["summary"]["ready"], ready["summary"]["verdict"], ready["summary"]["reasons"]) == (True, "Ready to send", [])
    broken = {**ready, "summary": {**ready["summary"], "ready": "yes"}}
    assert list(Draft202012Validator(REPORT_SCHEMA).iter_errors(broken))  # the schema check can fail


def test_sarif_run_properties_carry_the_verdict_and_stay_valid(tmp_path: Path) -> None:
    log = json.loads(check(tmp_path, NOT_READY, "--format", "sarif").stdout)
    assert list(SARIF.iter_errors(log)) == []
    assert {key: log["runs"][0]["properties"][key] for key in ("ready", "verdict")} == {"ready": False, "verdict": SENTENCE}


def test_junit_suite_properties_carry_the_verdict_and_stay_valid_for_jenkins(tmp_path: Path) -> None:
    text = check(tmp_path, NOT_READY, "--format", "junit").stdout
    assert list(JUNIT.iter_errors(text)) == []
    properties = {p.get("name"): p.get("value") for p in ET.fromstring(text).iter("property")}
    assert properties == {"ready": "false", "verdict": SENTENCE}


@pytest.mark.parametrize(
    ("payload", "command"), [(NOT_READY, ("warning", SENTENCE)), (READY, ("notice", "Ready to send"))], ids=["not", "ready"]
)
def test_github_ends_with_a_verdict_annotation(tmp_path: Path, payload: dict[str, Any], command: tuple[str, str]) -> None:
    last = check(tmp_path, payload, "--format", "github").stdout.splitlines()[-1]
    parsed = runner_parse(last)
    assert parsed is not None and (parsed[0], parsed[1], parsed[2]) == (command[0], {"title": "Verdict"}, command[1])


def test_the_docs_name_the_verdict() -> None:
    assert "Ready to send" in (ROOT / "docs" / "spreadsheets.md").read_text(encoding="utf-8")
