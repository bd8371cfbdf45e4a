"""The exported JSON Schema: valid for its draft, and it agrees with the checker on the fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, ROOT, SEED
from validator import validate_file
from validator.cli.main import main
from validator.openapi.export import DRAFTS, export_schema
from validator.openapi.load import SpecError, bundled_spec_path, load_spec

FIXTURES = ROOT / "fixtures"


def load(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


def validator_for(draft: str) -> Any:
    schema = export_schema(load_spec(), draft)  # type: ignore[arg-type]
    cls = jsonschema.validators.validator_for(schema)
    assert cls.META_SCHEMA["$schema"].rstrip("#") == DRAFTS[draft].rstrip("#")  # type: ignore[index]
    return cls(schema)


@pytest.mark.parametrize("draft", sorted(DRAFTS))
def test_exported_schema_is_valid_for_its_draft(draft: str) -> None:
    validator = validator_for(draft)
    validator.check_schema(validator.schema)


def clean_payloads() -> list[Path]:
    return sorted(p for p in (FIXTURES / "clean").glob("*.json") if not p.name.endswith(".expected.json"))


def schema_level_failures() -> list[Path]:
    """Fixtures under invalid/ whose check reports an RBV1xx error (what a schema can express)."""
    found = []
    for path in sorted((FIXTURES / "invalid").iterdir()):
        if path.suffix in (".json", ".yaml") and not path.name.endswith(".expected.json"):
            report = validate_file(path, now=FIXED_NOW)
            if any(d.code.startswith("RBV1") for d in report.errors):
                found.append(path)
    return found


@pytest.mark.parametrize("draft", sorted(DRAFTS))
def test_exported_schema_accepts_the_seed_and_every_clean_fixture(draft: str) -> None:
    validator = validator_for(draft)
    assert list(validator.iter_errors(SEED)) == []
    assert clean_payloads()
    for path in clean_payloads():
        assert [e.message for e in validator.iter_errors(load(path))] == [], path


@pytest.mark.parametrize("path", schema_level_failures(), ids=lambda p: p.name)
def test_exported_schema_rejects_payloads_with_schema_errors(path: Path) -> None:
    assert not validator_for("07").is_valid(load(path))


def test_schema_keeps_descriptions_enums_and_defaults_for_editors() -> None:
    schema = export_schema(load_spec())
    day = schema["properties"]["call_time_window"]["properties"]["day"]
    assert day["items"]["enum"][:2] == ["Monday", "Tuesday"]
    task = schema["properties"]["tasks"]["items"]
    number = task["properties"]["to_number"]
    assert number["description"] == number["markdownDescription"] != ""
    assert any("default" in node for node in _nodes(schema))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["title"] == "Retell SDK 3.0.0: POST /create-batch-call request body"


def test_prose_ranges_become_minimum_and_maximum() -> None:
    agent = export_schema(load_spec())["properties"]["tasks"]["items"]["properties"]["agent_override"]["properties"]["agent"]
    temperature = agent["properties"]["voice_temperature"]
    assert (temperature.get("minimum"), temperature.get("maximum")) == (0, 2)
    assert not validator_for("07").is_valid(
        {**SEED, "tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_temperature": 2.5}}}]}
    )


def test_draft_07_export_refuses_newer_keywords(tmp_path: Path) -> None:
    text = (
        bundled_spec_path()
        .read_text(encoding="utf-8")
        .replace("    DayOfWeek:\n      type: string\n", "    DayOfWeek:\n      type: string\n      $defs: {}\n", 1)
    )
    path = tmp_path / "newer.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        SpecError, match=r"uses \$defs at /properties/call_time_window/properties/day/items: export it with --draft 2020-12"
    ):
        export_schema(load_spec(path), "07")
    assert "$defs" in json.dumps(export_schema(load_spec(path), "2020-12"))


def test_schema_command_writes_the_file_or_standard_output(tmp_path: Path) -> None:
    out = tmp_path / "retell-batch.schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert json.loads(out.read_text(encoding="utf-8")) == export_schema(load_spec())
    printed = CliRunner().invoke(main, ["schema", "--draft", "2020-12"])
    assert json.loads(printed.stdout) == export_schema(load_spec(), "2020-12")


def _nodes(schema: Any) -> list[dict[str, Any]]:
    out = []
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            out.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out


def test_the_export_closes_the_objects_the_api_closes_and_keeps_free_form_ones_open() -> None:
    """Where RBV111 reports an unknown key, an editor using the exported schema marks it too; metadata and variables stay open."""
    validator = jsonschema.Draft7Validator(export_schema(load_spec()))
    good = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+12137774445", "metadata": {"any": {"thing": 1}}, "retell_llm_dynamic_variables": {"first_name": "Ann"}}],
    }
    assert list(validator.iter_errors(good)) == []
    typo_at_root = {**good, "trigger_timestamps": 1}
    [error] = validator.iter_errors(typo_at_root)
    assert (error.validator, list(error.absolute_path), error.validator_value) == ("additionalProperties", [], False)
    typo_in_task = {**good, "tasks": [{"to_numbr": "+12137774445", "to_number": "+12137774445"}]}
    [error] = validator.iter_errors(typo_in_task)
    assert (error.validator, list(error.absolute_path)) == ("additionalProperties", ["tasks", 0])
    assert "to_numbr" in error.message
