"""The CI output formats, field by field, on a fixture with one error (line 5) and one warning (line 6)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator

from tests.helpers import FIXED_NOW, ROOT
from validator import validate_file
from validator.cli.main import main
from validator.diagnostics import Diagnostic, Report, Severity
from validator.engine.registry import all_rules
from validator.escape import xml_safe
from validator.reporters import RenderOptions, get_renderer
from validator.reporters.github import escape_data, escape_property

SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"  # the OASIS schema, see tests/data/README.md
FIXTURE = "fixtures/invalid/ci-error-and-warning.yaml"
CLEAN = "fixtures/clean/seed-example.json"
ERROR_POINTER, WARNING_POINTER = "/tasks/0/retell_llm_dynamic_variables", "/tasks/0/colour"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # relative paths, as in CI


@pytest.fixture(scope="module")
def found() -> tuple[Diagnostic, Diagnostic]:
    """The fixture's two diagnostics, for their wording (owned by the rules); positions are asserted literally."""
    error, warning = validate_file(ROOT / FIXTURE, now=FIXED_NOW).diagnostics
    assert (error.code, error.severity, error.pointer) == ("RBV102", Severity.ERROR, ERROR_POINTER)
    assert (warning.code, warning.severity, warning.pointer) == ("RBV111", Severity.WARNING, WARNING_POINTER)
    return error, warning


def output(fmt: str, *paths: str, args: tuple[str, ...] = ()) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", fmt, *args, *paths])
    return result.exit_code, result.stdout


# GitHub workflow commands


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), properties, match.group(3)


def test_github_commands(found: tuple[Diagnostic, Diagnostic]) -> None:
    error, warning = found
    code, text = output("github", FIXTURE)
    assert code == 1
    lines = text.splitlines()
    assert len(lines) == 4
    assert parse_command(lines[0]) == (
        "error",
        {"file": FIXTURE, "line": "5", "endLine": "5", "col": "35", "endColumn": "36", "title": "RBV102"},
        escape_data(f"{error.message} ({ERROR_POINTER})" + (f"\nhint: {error.hint}" if error.hint else "")),
    )
    assert parse_command(lines[1]) == (
        "warning",
        {"file": FIXTURE, "line": "6", "endLine": "6", "col": "5", "endColumn": "11", "title": "RBV111"},
        f"{warning.message} ({WARNING_POINTER})%0Ahint: {warning.hint}",
    )
    assert lines[2] == "1 file, 1 error, 1 warning"
    assert lines[3] == "::warning title=Verdict::Not ready to send: 1 task with other errors"


def test_github_escaping_follows_the_toolkit() -> None:
    assert escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape_property("dir:a,b/50%.json\n") == "dir%3Aa%2Cb/50%25.json%0A"
    d = Diagnostic("RBV111", Severity.INFO, "key `a:b,c` 100%", "/a:b,c", file="odd:dir,x/p.yaml", line=1, column=2)
    line = get_renderer("github")([Report(d.file, (d,))], RenderOptions()).splitlines()[0]
    assert line == "::notice file=odd%3Adir%2Cx/p.yaml,line=1,col=2,title=RBV111::key `a:b,c` 100%25 (/a:b,c)"


# SARIF 2.1.0


def sarif_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    return schema


def schema_errors(log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in Draft4Validator(sarif_schema()).iter_errors(log)]


def test_sarif_validates_against_the_official_schema() -> None:
    code, text = output("sarif", FIXTURE, CLEAN)
    assert code == 1
    assert schema_errors(json.loads(text)) == []


def test_sarif_schema_check_can_fail() -> None:
    log = json.loads(output("sarif", FIXTURE)[1])
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(schema_errors(log)) == 2


def test_sarif_rules_and_results(found: tuple[Diagnostic, Diagnostic]) -> None:
    error, warning = found
    run = json.loads(output("sarif", FIXTURE)[1])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["RBV102", "RBV111"]  # the rules reported, with their docs
    registry = {r.code: r for r in all_rules()}
    for descriptor in rules:
        rule = registry[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["text"] == rule.doc
        assert descriptor["fullDescription"]["text"] == "\n\n".join(rule.doc.split("\n\n")[:2])  # summary, why it matters
    assert run["columnKind"] == "unicodeCodePoints"
    first, second = run["results"]
    assert first["ruleId"] == "RBV102" and rules[first["ruleIndex"]]["id"] == "RBV102"
    assert first["level"] == "error"
    assert first["message"]["text"].startswith(f"{error.message} ({ERROR_POINTER})")
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": FIXTURE, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 5, "startColumn": 35, "endLine": 5, "endColumn": 36},
            }
        }
    ]
    assert second["ruleId"] == "RBV111" and rules[second["ruleIndex"]]["id"] == "RBV111"
    assert second["level"] == "warning"
    assert second["message"]["text"] == f"{warning.message} ({WARNING_POINTER})\nhint: {warning.hint}"
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 6, "startColumn": 5, "endLine": 6, "endColumn": 11}


def test_sarif_without_positions_and_odd_paths_still_validates() -> None:
    reports = [
        Report("<stdin>", (Diagnostic("RBV111", Severity.INFO, "m", "/x", file="<stdin>"),)),
        Report(None, (Diagnostic("RBV101", Severity.ERROR, "m", ""),)),
        Report(
            "/abs/dir with space/p.json",
            (Diagnostic("RBV101", Severity.ERROR, "m", "", file="/abs/dir with space/p.json", line=1, column=1),),
        ),
    ]
    log = json.loads(get_renderer("sarif")(reports, RenderOptions()))
    assert schema_errors(log) == []
    results = log["runs"][0]["results"]
    assert results[0]["level"] == "note"
    assert "locations" not in results[1]
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/dir%20with%20space/p.json"}


# JUnit XML


def test_junit_one_testcase_per_file() -> None:
    code, text = output("junit", FIXTURE, CLEAN)
    assert code == 1
    suites = ET.fromstring(text)
    assert suites.tag == "testsuites"
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("2", "1", "0")
    (suite,) = suites
    failing, clean = suite.findall("testcase")
    assert (failing.get("name"), failing.get("classname")) == (FIXTURE, "retell-validate")
    assert failing.get("file") is None  # not in Jenkins' junit-10.xsd: the path is the name
    (failure,) = failing
    assert failure.tag == "failure"
    assert (failure.get("message"), failure.get("type")) == ("1 error, 1 warning", "RBV102")
    body = (failure.text or "").splitlines()
    assert body[0].startswith(f"{FIXTURE}:5:35: RBV102 [error] ")
    assert f"{FIXTURE}:6:5: RBV111 [warning] " in "\n".join(body)
    assert clean.get("name") == CLEAN
    assert list(clean) == []


def test_junit_warnings_fail_only_with_fail_on_warning(tmp_path: Path) -> None:
    payload = tmp_path / "warn.json"
    payload.write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": 1}')
    case = ET.fromstring(output("junit", str(payload))[1]).find("testsuite/testcase")
    assert case is not None and [child.tag for child in case] == ["system-out"]
    case = ET.fromstring(output("junit", str(payload), args=("--fail-on", "warning"))[1]).find("testsuite/testcase")
    assert case is not None and [child.tag for child in case] == ["failure"]


def test_junit_escapes_characters_xml_cannot_carry() -> None:
    d = Diagnostic("RBV102", Severity.ERROR, 'bad value "\x01<&>"', "/a", file="p.json", line=1, column=1)
    root = ET.fromstring(get_renderer("junit")([Report("p.json", (d,))], RenderOptions()))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and 'bad value "\\u0001<&>"' in (failure.text or "")
    assert xml_safe("tab\tnew\nline\ufffe") == "tab\\u0009new\\u000aline\\ufffe"  # input text: one line per finding


# GitLab Code Quality


def test_gitlab_issues(found: tuple[Diagnostic, Diagnostic]) -> None:
    error, warning = found
    code, text = output("gitlab", FIXTURE)
    assert code == 1
    first, second = json.loads(text)
    assert {k: v for k, v in first.items() if k != "fingerprint"} == {
        "description": f"RBV102 {error.message} ({ERROR_POINTER})",
        "check_name": "RBV102",
        "severity": "major",
        "location": {"path": FIXTURE, "lines": {"begin": 5}},
    }
    assert {k: v for k, v in second.items() if k != "fingerprint"} == {
        "description": f"RBV111 {warning.message} ({WARNING_POINTER})",
        "check_name": "RBV111",
        "severity": "minor",
        "location": {"path": FIXTURE, "lines": {"begin": 6}},
    }
    assert re.fullmatch("[0-9a-f]{64}", first["fingerprint"])
    assert first["fingerprint"] != second["fingerprint"]


def test_gitlab_fingerprints_are_stable_across_runs_and_line_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (ROOT / FIXTURE).read_text()
    before = [i["fingerprint"] for i in json.loads(output("gitlab", FIXTURE)[1])]
    assert before == [i["fingerprint"] for i in json.loads(output("gitlab", FIXTURE)[1])]
    monkeypatch.chdir(tmp_path)
    moved = tmp_path / FIXTURE
    moved.parent.mkdir(parents=True)
    moved.write_text("# a new first line\n" + source)
    issues = json.loads(output("gitlab", FIXTURE)[1])
    assert [i["fingerprint"] for i in issues] == before
    assert [i["location"]["lines"]["begin"] for i in issues] == [6, 7]


def test_gitlab_repeated_findings_get_distinct_fingerprints() -> None:
    d = Diagnostic("RBV111", Severity.WARNING, "same", "/a", file="p.json")
    issues = json.loads(get_renderer("gitlab")([Report("p.json", (d, d))], RenderOptions()))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    assert issues[0]["location"]["lines"]["begin"] == 1  # no position: GitLab still needs a line


# Large reports


def test_100000_findings_give_a_bounded_text_report() -> None:
    diagnostics = tuple(
        Diagnostic("RBV201", Severity.ERROR, f"bad number {i}", f"/tasks/{i}/to_number", file="big.json", line=i + 1, column=3)
        for i in range(100_000)
    )
    text = get_renderer("text")([Report("big.json", diagnostics)], RenderOptions(max_diagnostics=200))
    lines = text.splitlines()
    assert len(lines) == 203
    assert lines[-3:] == [
        "… and 99,800 more in big.json (--max-diagnostics 0 shows all)",
        "1 file, 100,000 errors, 0 warnings",
        "Not ready to send: 100,000 tasks whose number cannot be dialled",
    ]
