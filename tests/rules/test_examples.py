"""Every rule's documented examples run: its ``FAILS`` is flagged by it, its ``PASSES`` passes.

The examples are the ones ``retell-validate explain`` and docs/rules.md show, so a
wrong example fails here instead of misleading a reader. They run through the
library as a user's file would (the text encoded as the example says, its format,
its clock, settings from its configuration read by :mod:`validator.config`, its
do-not-call lists built beside it), and a few of them through ``explain --format json``,
``dnc index`` and ``check``, as anyone could.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from validator import Report, Severity, validate, validate_text
from validator.api import MaxBytes
from validator.cli.main import main
from validator.config import load_config
from validator.dnc.build import build_index
from validator.engine import registry
from validator.engine.registry import Rule, all_rules, rules_by_code, schema_rule_for_keyword
from validator.openapi.load import load_spec
from validator.rules import AGENTS_FOLDER, BASE_PAYLOAD, DncList, Example

EXAMPLES = {rule.code: rule for rule in all_rules() if rule.fails is not None}
# The rules no payload reaches, each saying why in NO_EXAMPLES; adding one is a decision this list records.
WITHOUT_EXAMPLES = {
    "RBV000",
    "RBV106",
    "RBV199",
    "RBV820",
    "RBV821",
}  # RBV82x: a file, no payload
# Keywords whose own errors never reach a rule: annotations, and applicators whose errors are their subschemas'.
SILENT_KEYWORDS = {"properties", "items", "allOf", "description", "default", "example", "examples", "title"}


def _settings_file(config: dict[str, Any], folder: Path) -> Path:
    """The example's configuration as a ``.retell-validate.toml`` (its values are strings, numbers and lists of them)."""
    lines = []
    for key, value in config.items():
        assert isinstance(value, str | int | list), f"{key}: write {value!r} as TOML here first"
        lines.append(f"{key} = {json.dumps(value)}")
    path = folder / ".retell-validate.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _split_config(example: Example) -> tuple[dict[str, Any], MaxBytes]:
    """The configuration keys, and ``max-bytes`` (the ``--max-bytes`` option, not a configuration key)."""
    config = dict(example.config)
    return config, config.pop("max-bytes", "format")


def _write_source(folder: Path, source: str, numbers: Sequence[str]) -> Path:
    path = folder / source
    path.write_text("".join(f"{number}\n" for number in numbers), encoding="utf-8")
    return path


def run(example: Example, folder: Path) -> Report:
    """The example checked by the library, as a file with its bytes, format, clock, configuration, pulled agents and lists."""
    config, max_bytes = _split_config(example)
    for name, content in example.agents.items():
        (folder / AGENTS_FOLDER).mkdir(exist_ok=True)
        (folder / AGENTS_FOLDER / name).write_text(json.dumps(content), encoding="utf-8")
    for dnc_list in example.dnc:  # beside the configuration, whose dnc = [...] names them relative to itself
        source = _write_source(folder, dnc_list.source, dnc_list.numbers)
        build_index([source], folder / dnc_list.file, kind=dnc_list.kind, as_of=date.fromisoformat(dnc_list.as_of), name=dnc_list.name)
    settings = load_config(_settings_file(config, folder)).settings_for(None)
    if example.format == "python":
        return validate(ast.literal_eval(example.text), now=example.now, settings=settings)
    return validate_text(
        example.encoded(), example.format, file=f"example.{example.format}", now=example.now, settings=settings, max_bytes=max_bytes
    )


def _shown(report: Report) -> list[tuple[str, str, str, str]]:
    return [(d.code, d.severity.value, d.pointer, d.message) for d in report.diagnostics]


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_the_fails_example_is_flagged_by_its_rule(code: str, tmp_path: Path) -> None:
    rule = EXAMPLES[code]
    assert rule.fails is not None
    report = run(rule.fails, tmp_path)
    found = [d for d in report.diagnostics if d.code == code]
    assert found, f"{code}'s Fails example is not flagged by {code}: {_shown(report)}"
    assert {d.severity for d in found} == {rule.severity}
    assert not [d for d in report.diagnostics if d.code == "RBV000"], _shown(report)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_the_passes_example_passes(code: str, tmp_path: Path) -> None:
    rule = EXAMPLES[code]
    assert rule.passes is not None
    report = run(rule.passes, tmp_path)
    assert [d for d in report.diagnostics if d.code == code or d.severity is Severity.ERROR] == [], _shown(report)


def test_only_the_rules_no_payload_reaches_go_without_examples() -> None:
    without = {rule.code for rule in all_rules() if rule.fails is None or rule.passes is None}
    assert without == WITHOUT_EXAMPLES
    for code in without:
        assert "\n\nExamples: none. " in rules_by_code()[code].doc


def _keywords(schema: Any, path: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    """(keyword, where) for every keyword of a JSON Schema; ``where`` names the properties on the way."""
    if not isinstance(schema, dict):
        return []
    found = [(keyword, path) for keyword in schema]
    for keyword, value in schema.items():
        if keyword in ("properties", "$defs") and isinstance(value, dict):
            for name, sub in value.items():
                found += _keywords(sub, (*path, name))
        elif keyword in ("oneOf", "anyOf", "allOf") and isinstance(value, list):
            for sub in value:
                found += _keywords(sub, path)
        elif keyword in ("items", "additionalProperties", "not"):
            found += _keywords(value, (*path, "*") if keyword == "items" else path)
    return found


def test_the_rules_without_examples_are_out_of_reach_of_the_bundled_spec() -> None:
    """Should a spec update give RBV106 or RBV199 a payload to report, this fails: write their examples then."""
    keywords = _keywords(load_spec().request_schema)
    worded = set(schema_rule_for_keyword())
    assert {keyword for keyword, _ in keywords} - worded - SILENT_KEYWORDS == set()  # nothing left for RBV199
    assert {where for keyword, where in keywords if keyword == "pattern"} == {("tasks", "*", "override_agent_version")}
    assert "RBV106" in rules_by_code()["RBV501"].supersedes


def _module(source: str, name: str = "validator.rules.window.fake_rule") -> ModuleType:
    module = ModuleType(name)
    exec(compile(source, name, "exec"), module.__dict__)
    return module


FAMILY = _module('PREFIX = "RBV3"\nFAMILY = "time-window"\n', "validator.rules.window")
RULE = """'''A fake rule.'''
from validator.diagnostics import Severity
from validator.rules import Example, Kind
CODE = "RBV399"
NAME = "fake-rule"
SEVERITY = Severity.INFO
KIND = Kind.RAISED
"""


@pytest.mark.parametrize(
    ("examples", "complaint"),
    [
        ("", "lacks FAILS = Example"),
        ('FAILS = Example("[]")\n', "lacks PASSES = Example"),
        ('FAILS = "[]"\nPASSES = Example("{}")\n', "lacks FAILS = Example"),
        ('FAILS = Example("[]")\nPASSES = Example("{}")\nNO_EXAMPLES = "none"\n', "declares NO_EXAMPLES and examples"),
    ],
)
def test_the_registry_refuses_a_rule_without_a_pair_of_examples(examples: str, complaint: str) -> None:
    with pytest.raises(RuntimeError, match=complaint):
        registry._rule_from_module(_module(RULE + examples), FAMILY)


def test_the_registry_appends_the_examples_to_the_documentation() -> None:
    rule = registry._rule_from_module(
        _module(
            RULE + 'FAILS = Example(\'"tasks": []\', note="no task")\nPASSES = Example("a: 1", format="yaml", now="2026-07-04T00:00:00Z")\n'
        ),
        FAMILY,
    )
    assert rule.doc == (
        "A fake rule.\n\n"
        'Fails (no task; JSON members added to the base payload)::\n\n    "tasks": []\n\n'
        "Passes (YAML; ``--now 2026-07-04T00:00:00Z``)::\n\n    a: 1"
    )
    rule = registry._rule_from_module(_module(RULE + 'NO_EXAMPLES = "nothing reaches it."\n'), FAMILY)
    assert (rule.fails, rule.passes, rule.doc) == (None, None, "A fake rule.\n\nExamples: none. nothing reaches it.")


BASE_TEXT = json.dumps(dict(BASE_PAYLOAD), indent=2) + "\n"


@pytest.mark.parametrize(
    ("example", "document"),
    [
        (Example('"trigger_timestamp": 1'), json.dumps({**BASE_PAYLOAD, "trigger_timestamp": 1}, indent=2) + "\n"),
        (Example('"tasks": []'), json.dumps({"from_number": "+14157774444", "tasks": []}, indent=2) + "\n"),  # replaces the base's
        (
            Example("""
            "tasks": [
              {"to_number": "+12137774445"}
            ]
            """),
            BASE_TEXT,
        ),
        (Example('{"tasks": []}'), '{"tasks": []}\n'),  # a whole object: as written
        (Example('"a": 1, "a": 1'), '"a": 1, "a": 1\n'),  # a repeated key is shown, not merged away
        (Example('"a": 1,'), '"a": 1,\n'),  # not members: a syntax error to show
        (Example('"a": NaN'), '"a": NaN\n'),
        (Example("a: 1", format="yaml"), "a: 1\n"),
        (Example("phone number\n+12137774445", format="csv"), "phone number\n+12137774445\n"),
        (Example(""), ""),
    ],
)
def test_a_document_is_the_members_in_the_base_payload_or_the_text(example: Example, document: str) -> None:
    assert example.document() == document


def test_the_encoding_gives_the_bytes() -> None:
    assert (
        Example('"a": "é"', encoding="cp1252").encoded()
        == b'{\n  "from_number": "+14157774444",\n  "tasks": [\n    {\n      "to_number": "+12137774445"\n    }\n  ],\n  "a": "\xe9"\n}\n'
    )
    assert Example("{}", encoding="utf-8-sig").encoded() == b"\xef\xbb\xbf{}\n"


# One rule of each kind of example: JSON members, a whole JSON text, YAML, CSV, an encoding, a configuration, pulled agents,
# do-not-call lists (national; with an exemption key).
CLI_RULES = ["RBV301", "RBV001", "RBV008", "RBV812", "RBV801", "RBV004", "RBV014", "RBV707", "RBV606", "RBV901", "RBV903"]


def _check_with_the_cli(example: dict[str, Any], folder: Path) -> tuple[int, list[dict[str, Any]]]:
    """``retell-validate check`` on the example written to a file, as someone reading ``explain --format json`` would run it.

    Each do-not-call list is built by its printed ``dnc index`` command, in the folder it names
    files relative to, and given to ``check`` with ``--dnc``.
    """
    target = folder / f"example.{example['format']}"
    target.write_bytes(example["text"].encode(example["encoding"]))
    for name, content in example["agents"].items():
        (folder / AGENTS_FOLDER).mkdir(exist_ok=True)
        (folder / AGENTS_FOLDER / name).write_text(json.dumps(content), encoding="utf-8")
    args = ["check", str(target), "--now", example["now"], "--format", "json"]
    for dnc_list in example["dnc"]:
        _write_source(folder, dnc_list["source"], dnc_list["numbers"])
        command = shlex.split(dnc_list["command"])
        assert command[:3] == ["retell-validate", "dnc", "index"]
        with contextlib.chdir(folder):
            built = CliRunner().invoke(main, command[1:])
        assert built.exit_code == 0, built.output
        args += ["--dnc", str(folder / dnc_list["file"])]
    config = dict(example["config"])
    assert config.pop("dnc", []) == [dnc_list["file"] for dnc_list in example["dnc"]]
    if "max-bytes" in config:
        args += ["--max-bytes", str(config.pop("max-bytes"))]
    args += ["--config", str(_settings_file(config, folder))]
    result = CliRunner().invoke(main, args)
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


@pytest.mark.parametrize("code", CLI_RULES)
def test_explain_json_gives_documents_the_cli_gives_the_same_verdicts(code: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["explain", code, "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    rule: Rule = rules_by_code()[code]
    assert {key: shown[key] for key in ("code", "name", "severity", "family", "summary", "doc", "module")} == {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "family": rule.family,
        "summary": rule.summary,
        "doc": rule.doc,
        "module": rule.module,
    }
    assert set(shown["examples"]) == {"fails", "passes"}
    fails, passes = shown["examples"]["fails"], shown["examples"]["passes"]
    assert rule.fails is not None and fails["text"] == rule.fails.document() and fails["note"] == rule.fails.note
    assert fails["dnc"] == [dnc_list.to_json() for dnc_list in rule.fails.dnc]
    exit_code, diagnostics = _check_with_the_cli(fails, tmp_path)
    assert code in [d["code"] for d in diagnostics]
    assert exit_code == (1 if rule.severity is Severity.ERROR else 0)
    exit_code, diagnostics = _check_with_the_cli(passes, tmp_path)
    assert [d for d in diagnostics if d["code"] == code or d["severity"] == "error"] == []
    assert exit_code == 0


def test_explain_json_of_a_rule_without_examples_and_of_an_unknown_rule() -> None:
    shown = json.loads(CliRunner().invoke(main, ["explain", "RBV000", "--format", "json"]).stdout)
    assert shown["examples"] is None and shown["doc"].endswith("it reports a failure of the checker itself.")
    result = CliRunner().invoke(main, ["explain", "RBV999", "--format", "json"])
    assert result.exit_code == 2 and result.stdout == ""


OPT_OUTS = DncList("lists/opt-outs.dnc", ["+12015550123", "+442071838750"], kind="internal", as_of="2026-05-30", name="CRM opt-outs")


def test_an_example_names_its_lists_in_its_configuration_and_shows_how_each_is_built() -> None:
    example = Example('"tasks": []', dnc=[OPT_OUTS], config={"dnc-exemption-key": "dnc_exemption"})
    assert dict(example.config) == {"dnc-exemption-key": "dnc_exemption", "dnc": ["lists/opt-outs.dnc"]}
    assert OPT_OUTS.to_json() == {
        "file": "lists/opt-outs.dnc",
        "name": "CRM opt-outs",
        "kind": "internal",
        "as_of": "2026-05-30",
        "source": "opt-outs.txt",
        "numbers": ["+12015550123", "+442071838750"],
        "command": "retell-validate dnc index opt-outs.txt -o lists/opt-outs.dnc --kind internal --as-of 2026-05-30 --name 'CRM opt-outs'",
    }
    assert example.rst("Fails").endswith(
        "Fails: the internal do-not-call list ``lists/opt-outs.dnc``, built with::\n\n"
        "    cat > opt-outs.txt <<'EOF'\n"
        "    +12015550123\n"
        "    +442071838750\n"
        "    EOF\n"
        "    retell-validate dnc index opt-outs.txt -o lists/opt-outs.dnc --kind internal --as-of 2026-05-30 --name 'CRM opt-outs'"
    )
    assert DncList("ftc.dnc", ["201,5550123"]).name == "ftc"  # as `dnc index` names it without --name


@pytest.mark.parametrize(
    ("make", "complaint"),
    [
        (lambda: Example("{}", dnc=[OPT_OUTS, DncList("lists/opt-outs.dnc", ["201,5550123"])]), "share a file"),
        (lambda: DncList("ftc.dnc", ["201,5550123"], as_of="2026-13-01"), "month must be in 1..12"),
    ],
)
def test_a_list_an_example_cannot_build_is_refused_when_the_rule_module_is_read(make: Any, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        make()


def test_the_documented_commands_build_the_index_check_dnc_screens_with(tmp_path: Path) -> None:
    """RBV901's Fails as a reader runs it from the documentation: the shell block by bash, then the installed ``check --dnc``."""
    rule = rules_by_code()["RBV901"]
    assert rule.fails is not None and len(rule.fails.dnc) == 1
    (dnc_list,) = rule.fails.dnc
    script = dnc_list.script()
    assert "\n" + "\n".join(f"    {line}" for line in script.splitlines()) + "\n" in rule.doc + "\n"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(["bash", "-euc", script], cwd=tmp_path, env=env, check=True, capture_output=True)
    (tmp_path / "batch.json").write_text(rule.fails.document(), encoding="utf-8")
    args = ["batch.json", "--isolated", "--dnc", dnc_list.file, "--now", rule.fails.now, "--format", "json"]
    result = subprocess.run(["retell-validate", "check", *args], cwd=tmp_path, env=env, capture_output=True, text=True)
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert [(d["code"], d["severity"], d["path"]) for d in diagnostics] == [("RBV901", "error", "/tasks/0/to_number")]
    assert "on the national do-not-call list FTC (as of 2026-05-20)" in diagnostics[0]["message"]
    assert result.returncode == 1
    library = tmp_path / "library"  # the index the other tests build with the library is the one the command builds
    library.mkdir()
    run(rule.fails, library)
    assert (library / dnc_list.file).read_bytes() == (tmp_path / dnc_list.file).read_bytes()
