"""Each machine format checked by what its consumer checks: SARIF against the OASIS schema, JUnit against
Jenkins' junit-10.xsd, GitLab Code Quality against GitLab's documented fields, the JSON report against
its published schema. Every payload under fixtures/ goes through each."""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from click.testing import CliRunner
from jsonschema import Draft4Validator, Draft202012Validator

from tests.helpers import FIXED_NOW, ROOT
from validator.cli.main import main
from validator.diagnostics import DOCS_BASE
from validator.engine.registry import all_rules

DATA = ROOT / "tests" / "data"
FIXTURES = "fixtures/"
SARIF = Draft4Validator(json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
JUNIT = xmlschema.XMLSchema(str(DATA / "junit-10.xsd"))
REPORT_SCHEMA = json.loads((ROOT / "docs" / "json-report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def output(fmt: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", fmt, *args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def rules_md_anchors() -> set[str]:
    """The anchors GitHub gives the headings of docs/rules.md: lower case, punctuation but - and _ dropped, spaces as -."""
    headings = re.findall(r"^#+ (.+)$", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_docs_links_point_at_the_project() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Documentation"] == DOCS_BASE
    assert DOCS_BASE.startswith(urls["Source"] + "/blob/main/")
    assert REPORT_SCHEMA["$id"] == DOCS_BASE + "json-report.schema.json"
    anchors = rules_md_anchors()
    for rule in all_rules():
        base, _, anchor = rule.url.partition("#")
        assert base == DOCS_BASE + "rules.md" and anchor in anchors, rule.code


# SARIF: the OASIS schema, and what GitHub code scanning needs beyond it


def test_sarif_over_every_fixture_is_valid_sarif() -> None:
    log = json.loads(output("sarif", FIXTURES))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in SARIF.iter_errors(log)] == []
    assert len(log["runs"][0]["results"]) > 50


def test_sarif_lists_only_the_rules_reported() -> None:
    """A report of a few findings carries their rules' documentation, not every rule's (was 280 KB for 4 results)."""
    text = output("sarif", "fixtures/invalid/ci-error-and-warning.yaml")
    run = json.loads(text)["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted({r["ruleId"] for r in run["results"]})
    assert len(text.encode()) < 30_000
    clean = json.loads(output("sarif", "fixtures/clean/full-featured.json"))
    assert clean["runs"][0]["tool"]["driver"]["rules"] == clean["runs"][0]["results"] == []
    assert [e.message for e in SARIF.iter_errors(clean)] == []


def test_sarif_schema_check_can_fail() -> None:
    log = json.loads(output("sarif", "fixtures/invalid/ci-error-and-warning.yaml"))
    log["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = 5
    log["runs"][0]["results"][0]["partialFingerprints"] = {"x": 1}
    assert len(list(SARIF.iter_errors(log))) == 2


def test_sarif_for_github_code_scanning() -> None:
    run = json.loads(output("sarif", FIXTURES))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    registry = {rule.code: rule for rule in all_rules()}
    # The rules reported, each with its documentation, and the index its results name.
    assert sorted(rules) == sorted({r["ruleId"] for r in run["results"]}) and len(rules) > 30
    assert {code: r["helpUri"] for code, r in rules.items()} == {code: registry[code].url for code in rules}
    assert all(
        r["help"]["text"] == registry[code].doc and registry[code].doc.startswith(r["fullDescription"]["text"]) for code, r in rules.items()
    )
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    # Paths from the repository's root (this checkout), which %SRCROOT% names.
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": ROOT.as_uri() + "/"}}
    artifacts = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {a["uriBaseId"] for a in artifacts} == {"%SRCROOT%"}
    assert all(a["uri"].startswith("fixtures/") and (ROOT / a["uri"]).is_file() for a in artifacts)
    fingerprints = [r["partialFingerprints"]["retellValidate/v1"] for r in run["results"]]
    assert all(re.fullmatch("[0-9a-f]{64}", f) for f in fingerprints)
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_paths_are_from_the_repository_root_when_run_in_a_subdirectory(monkeypatch: pytest.MonkeyPatch) -> None:
    at_root = json.loads(output("sarif", "fixtures/invalid/ci-error-and-warning.yaml"))["runs"][0]
    monkeypatch.chdir(ROOT / "fixtures")
    inside = json.loads(output("sarif", "invalid/ci-error-and-warning.yaml"))["runs"][0]
    assert inside["originalUriBaseIds"] == at_root["originalUriBaseIds"]
    assert inside["results"] == at_root["results"]
    assert inside["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "fixtures/invalid/ci-error-and-warning.yaml",
        "uriBaseId": "%SRCROOT%",
    }


def test_sarif_root_is_the_working_directory_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a b").mkdir()
    (tmp_path / "a b" / "p.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "x": 1}]}')
    monkeypatch.chdir(tmp_path)
    run = json.loads(output("sarif", "a b/p.json"))["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "a%20b/p.json", "uriBaseId": "%SRCROOT%"}


# JUnit: Jenkins' junit-10.xsd


def junit_errors(text: str) -> list[str]:
    return [str(e.reason) for e in JUNIT.iter_errors(text)]


def test_junit_over_every_fixture_is_valid_for_jenkins() -> None:
    for args in ((), ("--fail-on", "warning"), ("--max-diagnostics", "1")):
        text = output("junit", *args, FIXTURES)
        assert junit_errors(text) == [], args
    suites = ET.fromstring(text)
    assert int(suites.get("tests", "0")) == len(suites.findall("testsuite/testcase")) > 40


def test_junit_schema_check_can_fail() -> None:
    suites = ET.fromstring(output("junit", "fixtures/invalid/ci-error-and-warning.yaml"))
    suites.set("skipped", "0")  # what Jenkins rejected
    case = suites.find("testsuite/testcase")
    assert case is not None
    case.set("file", "p.json")
    assert len(junit_errors(ET.tostring(suites, encoding="unicode"))) == 2


def test_junit_with_control_characters_in_the_file_name_stays_well_formed_and_valid(tmp_path: Path) -> None:
    name = "batch\x01\x1b]0;t\x07\ufffe.json"
    (tmp_path / name).write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "x\\u0002": 1}')
    text = output("junit", "--fail-on", "warning", str(tmp_path))
    assert junit_errors(text) == []
    case = ET.fromstring(text).find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == f"{tmp_path.as_posix()}/batch\\u0001\\u001b]0;t\\u0007\\ufffe.json"
    (failure,) = case
    assert failure.tag == "failure" and failure.get("type") == "RBV111"
    assert "unknown key `x\\u0002`" in (failure.text or "")


# GitLab Code Quality: the fields GitLab documents for a custom tool's report
# (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format)

GITLAB_REPORT = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    # relative to the repository root, not starting with ./ (GitLab then finds no file)
                    "path": {"type": "string", "pattern": "^(?!\\./|/)"},
                    "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_over_every_fixture_has_the_documented_fields() -> None:
    issues = json.loads(output("gitlab", FIXTURES))
    assert [e.message for e in Draft202012Validator(GITLAB_REPORT).iter_errors(issues)] == []
    assert len(issues) > 50
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab shows one issue per fingerprint
    assert all((ROOT / i["location"]["path"]).is_file() for i in issues)


def test_gitlab_field_check_can_fail() -> None:
    bad = [
        {"description": "d", "check_name": "c", "fingerprint": "f", "severity": "error", "location": {"path": "./p", "lines": {"begin": 0}}}
    ]
    assert len(list(Draft202012Validator(GITLAB_REPORT).iter_errors(bad))) == 3


# The JSON report: its published schema


def test_json_report_over_every_fixture_matches_its_schema() -> None:
    report = json.loads(output("json", FIXTURES))
    Draft202012Validator.check_schema(REPORT_SCHEMA)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(REPORT_SCHEMA).iter_errors(report)] == []
    # Everything written is documented (the schema lets consumers ignore additions, so it cannot say so itself).
    diagnostic = REPORT_SCHEMA["$defs"]["diagnostic"]
    assert list(report) == REPORT_SCHEMA["required"] == list(REPORT_SCHEMA["properties"])
    assert list(report["summary"]) == list(REPORT_SCHEMA["properties"]["summary"]["properties"])
    assert {tuple(d) for d in report["diagnostics"]} == {tuple(diagnostic["required"])} == {tuple(diagnostic["properties"])}
    urls = {rule.code: rule.url for rule in all_rules()}
    assert all(d["url"] == urls[d["code"]] for d in report["diagnostics"])
    assert len(report["diagnostics"]) > 50


def test_json_report_schema_check_can_fail() -> None:
    report: dict[str, Any] = json.loads(output("json", "fixtures/invalid/ci-error-and-warning.yaml"))
    report["diagnostics"][0]["severity"] = "fatal"
    report["diagnostics"][1]["line"] = 0
    del report["summary"]["omitted"]
    assert len(list(Draft202012Validator(REPORT_SCHEMA).iter_errors(report))) == 3
