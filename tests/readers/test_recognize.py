"""Payload recognition by shape (``validator.readers.recognize``): a corpus of real-world configuration files that are
no payloads, payloads in every shape, and payloads that do not parse (checked and reported RBV001, never passed over)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, ROOT
from validator.cli.main import main
from validator.readers import format_for_path
from validator.readers.recognize import is_payload

CORPUS = Path(__file__).parent / "not_payloads"
NOT_PAYLOADS = sorted(p for p in CORPUS.rglob("*") if p.is_file())


def test_the_corpus_holds_what_it_should() -> None:
    names = {p.relative_to(CORPUS).as_posix() for p in NOT_PAYLOADS}
    assert {"Taskfile.yml", ".vscode/tasks.json", ".github/workflows/ci.yml", "docker-compose.yml", "deployment.yaml"} <= names
    assert {"openapi.yaml", "package.json", "invoices.csv", "playbook.yml", "serverless.yml", "template.yaml", "values.yaml"} <= names


@pytest.mark.parametrize("path", NOT_PAYLOADS, ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_real_world_configuration_is_no_payload(path: Path) -> None:
    assert is_payload(path.read_bytes(), format_for_path(path)) is False


def test_the_bundled_openapi_document_is_no_payload() -> None:
    """Retell's own spec names every payload key, but only below `paths` and `components`."""
    spec = ROOT / "spec" / "create-batch-call.openapi.yaml"
    assert is_payload(spec.read_bytes(), "yaml") is False


def test_only_payloads_passes_over_the_whole_corpus_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the pre-commit hook runs it: every file named (hidden folders too), nothing reported."""
    monkeypatch.chdir(CORPUS)
    names = [p.relative_to(CORPUS).as_posix() for p in NOT_PAYLOADS]
    result = CliRunner().invoke(main, ["check", "--only-payloads", "--now", FIXED_NOW, *names])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "0 files, 0 errors, 0 warnings\n", "")
    checked = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", "json", "Taskfile.yml"])  # near miss: named, checked
    assert checked.exit_code == 1
    assert {d["code"] for d in json.loads(checked.stdout)["diagnostics"]} >= {"RBV101"}


# -- shapes ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ('{"from_number": "+14157774444"}', "json"),
        ("from_number: +14157774444\n", "yaml"),  # YAML 1.1 reads a number: still a payload (RBV008 says so)
        ('{"tasks": [{"to_number": "+12137774445"}]}', "json"),
        ('{"tasks": [{"label": "build"}, {"retell_llm_dynamic_variables": {"name": "Ann"}}]}', "json"),  # a later task decides
        ('{"tasks": [{"phone_number": "+12137774445"}]}', "json"),  # a misnamed to_number: the schema rules say so
        ("tasks:\n  - toNumber: '+12137774445'\n", "yaml"),
        ("tasks:\n  - to_numbr: '+12137774445'\n", "yaml"),
        ('{"call_time_window": {"windows": [{"start": 540, "end": 1020}]}}', "json"),
        ("call_time_window:\n  timezone: America/New_York\n", "yaml"),
        ("name: March\nfrom_number:\n", "yaml"),  # half-typed: an empty from_number
    ],
)
def test_a_payload_shape_is_recognised(text: str, format: str) -> None:
    assert is_payload(text, format) is True  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ('{"tasks": {"build": {"cmds": ["go build"]}}}', "json"),  # go-task, turbo, deno: a mapping of build steps
        ('{"tasks": [{"label": "build", "command": "make"}]}', "json"),  # VS Code: a list of objects without a task's keys
        ('{"tasks": [{"number": 1001}]}', "json"),  # `number` alone is too common a word
        ('{"tasks": []}', "json"),
        ('{"tasks": ["build", "test"]}', "json"),
        ('{"from_number": {"env": "FROM_NUMBER"}}', "json"),
        ('{"call_time_window": [540, 1020]}', "json"),
        ('{"call_time_window": {"start": "09:00"}}', "json"),
        ("tasks:\n  build:\n    cmds: [go build]\n", "yaml"),
        ("- hosts: all\n  tasks:\n    - to_number: x\n", "yaml"),  # an Ansible-like list at the root
        ("config:\n  from_number: '+14157774444'\n", "yaml"),  # nested, not at the root
    ],
)
def test_a_payload_key_without_its_shape_is_not(text: str, format: str) -> None:
    assert is_payload(text, format) is False  # type: ignore[arg-type]


def test_parsed_data_is_judged_by_the_same_shapes() -> None:
    assert is_payload({"tasks": [{"to_number": "+12137774445"}]}) is True
    assert is_payload({"tasks": {"build": {"cmds": []}}}) is False


# -- text that does not parse ---------------------------------------------------------------------------------------

BROKEN_PAYLOADS = {
    "single-quoted keys": "{'from_number': '+14157774444', 'tasks': [{'to_number': '+12137774445'}]}\n",
    "a raw line break in a string": '{"name": "March\ncampaign", "from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n',
    "a raw line break before the tasks": '{"name": "a\nb", "tasks": [{"to_number": "+12137774445"}]}\n',
    "comments": '{\n  // March\n  "tasks": [{"to_number": "+12137774445"}]\n}\n',
    "a trailing comma": '{"from_number": "+14157774444", "tasks": [],}\n',
    "half typed": '{"call_time_window": {"windows": [',
    "cut off in the tasks": '{"tasks": [{"to_num',
}


@pytest.mark.parametrize("text", BROKEN_PAYLOADS.values(), ids=BROKEN_PAYLOADS.keys())
def test_a_broken_json_payload_is_a_payload(text: str) -> None:
    assert is_payload(text, "json") is True


@pytest.mark.parametrize(
    "text",
    [
        '{\n  // VS Code\n  "tasks": [{"label": "build", "command": "make"},]\n}\n',  # JSONC: complete items, no task keys
        "{'tasks': {'build': {'cmds': []}}}",
        '{"name": "x", "call_time_win',  # not typed far enough yet
        '{"scripts": {"from_number": 1',  # nested
    ],
)
def test_broken_json_whose_shape_is_seen_to_differ_is_not(text: str) -> None:
    assert is_payload(text, "json") is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('from_number: "+1415\ntasks:\n  - to_number: [\n', True),  # unterminated quote
        ("name: [1, 2\nfrom_number: '+14157774444'\n", True),  # the error comes first: the textual look at column 0
        ("name: [1, 2\ntasks:\n  - to_number: x\n", True),
        ("name: [1, 2\ntasks:\n  build:\n    cmds: []\n", False),  # a mapping below `tasks:`
        ("name: [1, 2\ntasks: {build: 1}\n", False),
        ("name: [1, 2\ncall_time_window:\n", True),  # half-typed
    ],
)
def test_broken_yaml(text: str, expected: bool) -> None:
    assert is_payload(text, "yaml") is expected


@pytest.mark.parametrize("name", BROKEN_PAYLOADS, ids=list(BROKEN_PAYLOADS))
def test_only_payloads_reports_a_broken_payload_as_rbv001(name: str, tmp_path: Path) -> None:
    path = tmp_path / "campaign.json"
    path.write_text(BROKEN_PAYLOADS[name])
    result = CliRunner().invoke(main, ["check", "--only-payloads", "--format", "json", "--now", FIXED_NOW, str(path)])
    assert result.exit_code == 1, result.output
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]][:1] == ["RBV001"]


# -- contact lists --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phone number,first_name\n+12137774445,Ann\n", True),
        ("Phone,first_name\n2137774445,Ann\n", True),  # a lookalike the CSV rules rename
        ("number,first_name\n+12137774445,Ann\n+12137774446,Bob\n", True),  # a weak name with phone numbers in it
        ("number,first_name\n(213) 777-4445,Ann\n", True),
        ("cell;first_name\n1.21378E+10;Ann\n", True),  # a spreadsheet's damage is still a phone number
        ("number,date,amount\n1001,2026-05-01,12.00\n1002,2026-05-02,3.50\n", False),  # invoices
        ("number,first_name\n", False),  # no values to tell
        ("sku,price\n1,2\n", False),
    ],
)
def test_contact_lists(text: str, expected: bool) -> None:
    assert is_payload(text, "csv") is expected
