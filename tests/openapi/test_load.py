"""The bundled spec: valid OpenAPI, and converted faithfully to JSON Schema."""

from __future__ import annotations

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from validator.openapi.load import bundled_spec_path, iter_object_schemas, load_spec


def test_bundled_spec_is_valid_openapi() -> None:
    spec = load_spec()
    validate_openapi(dict(spec.openapi))
    assert spec.title == "Retell SDK"
    assert spec.version == "3.0.0"
    assert bundled_spec_path().name == "create-batch-call.openapi.yaml"


def test_request_schema_is_valid_json_schema_without_refs_or_openapi_keywords() -> None:
    schema = load_spec().request_schema
    Draft202012Validator.check_schema(schema)
    for location, node in iter_object_schemas(schema):
        assert "$ref" not in node, location
        assert "nullable" not in node, location
        assert "example" not in node, location


def test_nullable_becomes_null_type_and_enum_member() -> None:
    agent = load_spec().subschema("tasks", "items", "agent_override", "agent")
    voice_model = agent["properties"]["voice_model"]
    assert voice_model["type"] == ["string", "null"]
    assert None in voice_model["enum"]
    assert agent["properties"]["agent_name"]["type"] == ["string", "null"]


def test_nullable_beside_ref_allows_null_and_the_referenced_object() -> None:
    kb_config = load_spec().subschema("tasks", "items", "agent_override", "retell_llm", "kb_config")
    validator = Draft202012Validator(kb_config)
    assert validator.is_valid(None)
    assert validator.is_valid({"top_k": 3})
    assert not validator.is_valid({"top_k": 11})
    assert not validator.is_valid("3")


def test_ref_siblings_keep_description() -> None:
    version = load_spec().subschema("tasks", "items", "override_agent_version")
    assert "oneOf" in version
    assert version["description"].startswith("For this particular call")


def test_load_spec_is_cached() -> None:
    assert load_spec() is load_spec()
