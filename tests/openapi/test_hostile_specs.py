"""A spec document is input too: references out of it, shared-node bombs and slow patterns are refused or bounded.

Every entry point that reads a spec (``--spec``, ``spec =`` in the configuration, ``spec fetch``, the
language server, ``guard(spec=)`` and the library's ``load_spec``) goes through one loader, which
refuses references other than ``#/…`` before any validator sees the document: the tests hold a
local file with a unique marker and a local HTTP server, and assert that the marker appears in no
output and that the server is never asked.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW
from tests.local_http import LocalServer, Reply, serve
from validator import validate_text
from validator.cli.main import main
from validator.lsp.analysis import Configs, analyse
from validator.openapi import load as load_module
from validator.openapi.load import MAX_SCHEMA_NODES, SpecError, bundled_spec_path, load_spec
from validator.openapi.patterns import search
from validator.openapi.references import expanded_size, external_reference
from validator.openapi.user import load_user_spec

SPEC_YAML = bundled_spec_path().read_text(encoding="utf-8").split("\n", 1)[1]
MARKER = "MARKER_7f3c9e_DO_NOT_PRINT"
PAYLOAD = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'
COMPONENTS = "components:\n  schemas:\n"
BODY = "                - tasks\n              properties:\n"


def with_component(yaml_text: str) -> str:
    """The bundled spec with ``yaml_text`` (indented as a member of ``components/schemas``) added."""
    assert SPEC_YAML.count(COMPONENTS) == 1
    return SPEC_YAML.replace(COMPONENTS, COMPONENTS + yaml_text, 1)


def with_property(yaml_text: str) -> str:
    """The bundled spec with ``yaml_text`` (indented as a member of the request body's ``properties``) added."""
    assert SPEC_YAML.count(BODY) == 1
    return SPEC_YAML.replace(BODY, BODY + yaml_text, 1)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file a hostile spec points at: its marker must never be printed."""
    path = tmp_path / "secret.env"
    path.write_text(f"{MARKER}=hunter2\ntype: string\n")
    return path


@pytest.fixture
def server() -> Any:
    with serve({"/x.yaml": Reply(f"type: string\ndescription: {MARKER}\n".encode(), content_type="application/yaml")}) as running:
        yield running


def references(secret: Path, server: LocalServer) -> list[str]:
    return [
        secret.as_uri(),
        str(secret),  # an absolute path
        "secret.env",  # relative to the spec's own folder
        "./secret.env#/type",
        server.url("/x.yaml"),
        server.url("/x.yaml#/type"),
        "https://127.0.0.1:9/x.yaml",
        "#",  # the document itself: infinite
        "components/schemas/DayOfWeek",  # a pointer without its "#": a relative address
    ]


def refused(output: str, reference: str) -> None:
    assert f"$ref {json.dumps(reference)} at /components/schemas/Evil/$ref" in output, output
    assert "only references inside the document (#/…) are followed; nothing was read or fetched" in output
    assert MARKER not in output and "hunter2" not in output


def test_every_reference_out_of_the_document_is_refused_by_check_spec(tmp_path: Path, secret: Path, server: LocalServer) -> None:
    (tmp_path / "p.json").write_text(PAYLOAD)
    for reference in references(secret, server):
        (tmp_path / "evil.yaml").write_text(with_component(f"    Evil:\n      $ref: {json.dumps(reference)}\n"))
        result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--spec", str(tmp_path / "evil.yaml"), str(tmp_path / "p.json")])
        assert result.exit_code == 2, (reference, result.output)
        refused(result.output, reference)
    assert server.requests == []


@pytest.mark.parametrize(
    ("keyword", "value"),
    [("$dynamicRef", "http"), ("$recursiveRef", "http"), ("$ref", 5), ("$ref", None)],
)
def test_other_reference_keywords_and_values_are_refused(tmp_path: Path, server: LocalServer, keyword: str, value: Any) -> None:
    shown = server.url("/x.yaml") if value == "http" else value
    (tmp_path / "evil.yaml").write_text(with_component(f"    Evil:\n      {keyword}: {json.dumps(shown)}\n"))
    with pytest.raises(SpecError) as caught:
        load_user_spec(tmp_path / "evil.yaml")
    assert f"{keyword} {json.dumps(shown)} at /components/schemas/Evil/{keyword}: only references inside the document" in str(caught.value)
    assert server.requests == []


def test_a_reference_in_an_unused_place_or_under_an_alias_is_still_refused(tmp_path: Path, secret: Path) -> None:
    # In a vendor extension nothing converts, reached only through a YAML alias.
    text = "x-anchors:\n  one: &evil {$ref: " + json.dumps(secret.as_uri()) + "}\n" + with_component("    Evil:\n      items: *evil\n")
    (tmp_path / "evil.yaml").write_text(text)
    with pytest.raises(SpecError) as caught:
        load_spec(tmp_path / "evil.yaml")
    message = str(caught.value)
    assert f"$ref {json.dumps(secret.as_uri())} at /x-anchors/one/$ref" in message or "at /components/schemas/Evil/items/$ref" in message
    assert MARKER not in str(caught.value)


def test_the_configuration_spec_key_refuses_it_with_the_configuration_named(
    tmp_path: Path, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil.yaml").write_text(with_component(f"    Evil:\n      $ref: {json.dumps(secret.as_uri())}\n"))
    (tmp_path / ".retell-validate.toml").write_text('spec = "evil.yaml"\n')
    (tmp_path / "p.json").write_text(PAYLOAD)
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, str(tmp_path / "p.json")])
    assert result.exit_code == 2
    assert f"{tmp_path / '.retell-validate.toml'}: spec: spec {tmp_path / 'evil.yaml'}: $ref" in result.output
    refused(result.output, secret.as_uri())


def test_the_language_server_reports_it_as_a_configuration_error(tmp_path: Path, secret: Path) -> None:
    (tmp_path / "evil.yaml").write_text(with_component(f"    Evil:\n      $ref: {json.dumps(secret.as_uri())}\n"))
    (tmp_path / ".retell-validate.toml").write_text('spec = "evil.yaml"\n')
    result = analyse(PAYLOAD, tmp_path / "p.json", "json", configs=Configs(), spec=load_spec(), folder=tmp_path)
    assert result.config_error is not None and result.config_error.startswith("configuration error, nothing checked: ")
    refused(result.config_error, secret.as_uri())


def test_guard_refuses_it(tmp_path: Path, secret: Path, server: LocalServer) -> None:
    retell = pytest.importorskip("retell")
    from validator.retell import guard

    (tmp_path / "evil.yaml").write_text(with_component(f"    Evil:\n      $ref: {json.dumps(secret.as_uri())}\n"))
    client = retell.Retell(api_key="test-key", base_url=server.url(""), max_retries=0)
    with pytest.raises(SpecError) as caught:
        guard(client, spec=tmp_path / "evil.yaml")
    refused(str(caught.value), secret.as_uri())
    assert server.requests == []


def test_spec_fetch_refuses_a_page_whose_document_points_elsewhere(tmp_path: Path) -> None:
    evil = with_component("    Evil:\n      $ref: PLACEHOLDER\n")
    with serve({"/x.yaml": Reply(f"type: string\ndescription: {MARKER}\n".encode())}) as running:
        document = evil.replace("PLACEHOLDER", json.dumps(running.url("/x.yaml")))
        running.routes["/page.md"] = Reply(f"# Create Batch Call\n\n````yaml openapi\n{document}````\n".encode())
        output = tmp_path / "retell.yaml"
        result = CliRunner().invoke(main, ["spec", "fetch", "--url", running.url("/page.md"), "-o", str(output)])
        assert [request.path for request in running.requests] == ["/page.md"]  # the page, never what it points to
    assert result.exit_code == 2
    assert f"$ref {json.dumps(running.url('/x.yaml'))} at /components/schemas/Evil/$ref" in result.stderr
    assert MARKER not in result.output and not output.exists() and list(tmp_path.iterdir()) == []


def test_identifiers_are_not_handed_to_the_validators(tmp_path: Path, server: LocalServer) -> None:
    """A nested ``$schema`` makes jsonschema-rs fetch a meta-schema; the library's load_spec (no OpenAPI check) drops it."""
    meta = server.url("/x.yaml")
    text = with_property(
        f"                code:\n                  $schema: {meta}\n                  $id: {meta}\n                  type: string\n"
    )
    (tmp_path / "spec.yaml").write_text(text)
    spec = load_spec(tmp_path / "spec.yaml")
    assert spec.request_schema["properties"]["code"] == {"type": "string"}
    report = validate_text('{"from_number": "+14157774444", "code": 1, "tasks": [{"to_number": "+12137774445"}]}', "json", spec=spec)
    assert [d.code for d in report.diagnostics] == ["RBV102"]
    assert server.requests == []


def test_external_reference_walks_each_shared_node_once() -> None:
    shared: dict[str, Any] = {"type": "string"}
    document: dict[str, Any] = {"a": [shared] * 1000, "b": {"$ref": "#/a"}}
    assert external_reference(document) is None
    loop: list[Any] = []
    loop.append(loop)  # `a: &a [*a]`
    assert external_reference({"a": loop}) is None


# -- expansion -----------------------------------------------------------------------------------------------------


def ref_chain(depth: int) -> str:
    """Components C0 … C{depth}, each using the next twice: 2^depth uses of the last from a 4 KB text."""
    chain = "".join(
        f"    C{i}:\n      type: object\n      properties:\n"
        f"        a: {{$ref: '#/components/schemas/C{i + 1}'}}\n        b: {{$ref: '#/components/schemas/C{i + 1}'}}\n"
        for i in range(depth)
    )
    text = with_component(chain + f"    C{depth}:\n      type: string\n")
    return text.replace(BODY, BODY + "                bomb: {$ref: '#/components/schemas/C0'}\n", 1)


def alias_tree(depth: int) -> str:
    """A YAML alias tree in the request body: 4^depth uses of its leaf."""
    anchors = "x-tree:\n  l0: &l0 {type: string}\n" + "".join(
        f"  l{i}: &l{i} {{type: object, properties: {{a: *l{i - 1}, b: *l{i - 1}, c: *l{i - 1}, d: *l{i - 1}}}}}\n"
        for i in range(1, depth + 1)
    )
    head, rest = SPEC_YAML.split("paths:\n", 1)
    return head + anchors + "paths:\n" + rest.replace(BODY, BODY + f"                bomb: *l{depth}\n", 1)


@pytest.mark.parametrize("text", [ref_chain(40), alias_tree(20)], ids=["shared $refs", "YAML aliases"])
def test_a_spec_that_expands_past_the_limit_is_refused_before_anything_walks_it(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bomb.yaml").write_text(text)
    converted = _count_conversions(monkeypatch)
    with pytest.raises(SpecError) as caught:
        load_user_spec(tmp_path / "bomb.yaml")
    assert f"expands to more than {MAX_SCHEMA_NODES:,} schema nodes" in str(caught.value)
    assert sum(converted.values()) < 2_000  # each written node converted once: the walk is linear in the text


def test_the_cli_refuses_it_in_a_real_process(tmp_path: Path) -> None:
    """Before: 46 s for a chain of depth 16, 290 s for an alias tree of depth 9 (a timeout here)."""
    (tmp_path / "bomb.yaml").write_text(ref_chain(40))
    (tmp_path / "p.json").write_text(PAYLOAD)
    command = [sys.executable, "-m", "validator", "check", "--spec", "bomb.yaml", "p.json"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and "expands to more than" in done.stderr


def test_shared_nodes_stay_shared_and_a_spec_under_the_limit_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tree.yaml").write_text(alias_tree(4))  # 4^4 = 256 uses of the leaf: well under the limit
    converted = _count_conversions(monkeypatch)
    spec = load_user_spec(tmp_path / "tree.yaml")
    bomb = spec.request_schema["properties"]["bomb"]
    assert bomb["properties"]["a"] is bomb["properties"]["d"]  # one conversion, used four times
    assert converted[id(bomb)] == 1
    # Each object: itself, its type and its properties, then four uses of the level below; each leaf: itself and its type.
    assert expanded_size(bomb, 10**9) == sum(3 * 4**k for k in range(4)) + 2 * 4**4
    report = validate_text(
        '{"from_number": "+14157774444", "bomb": {"a": {"b": 1}}, "tasks": [{"to_number": "+12137774445"}]}', "json", spec=spec
    )
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV102", "/bomb/a/b")]


def _count_conversions(monkeypatch: pytest.MonkeyPatch) -> dict[int, int]:
    counts: dict[int, int] = {}
    original = load_module._Converter._convert_object

    def spy(self: Any, node: dict[str, Any]) -> Any:
        out = original(self, node)
        counts[id(out)] = counts.get(id(out), 0) + 1
        return out

    monkeypatch.setattr(load_module._Converter, "_convert_object", spy)
    return counts


def test_a_loop_outside_the_request_body_is_harmless(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text("x-loop: &a [*a]\n" + SPEC_YAML)
    assert load_spec(tmp_path / "spec.yaml").version == "3.0.0"


def test_deep_nesting_outside_the_request_body_is_read_or_refused_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text("x-deep: " + "[" * 50_000 + "]" * 50_000 + "\n" + SPEC_YAML)
    try:
        load_spec(tmp_path / "spec.yaml")
    except SpecError as exc:  # never a RecursionError
        assert "nested too deeply" in str(exc) or "not valid YAML" in str(exc)


def test_a_loop_or_deep_nesting_in_the_request_body_is_a_spec_error(tmp_path: Path) -> None:
    head, rest = SPEC_YAML.split("paths:\n", 1)
    (tmp_path / "loop.yaml").write_text(
        head
        + "x-loop: &loop {type: object, properties: {self: *loop}}\npaths:\n"
        + rest.replace(BODY, BODY + "                bomb: *loop\n", 1)
    )
    with pytest.raises(SpecError, match="a YAML alias inside its own anchor"):
        load_spec(tmp_path / "loop.yaml")
    # Nested through aliases, one level each: past the YAML reader's own depth limit, which counts only what is written.
    chain = "x-chain:\n  l0: &l0 {type: string}\n" + "".join(
        f"  l{i}: &l{i} {{type: object, properties: {{a: *l{i - 1}}}}}\n" for i in range(1, 5000)
    )
    (tmp_path / "deep.yaml").write_text(head + chain + "paths:\n" + rest.replace(BODY, BODY + "                deep: *l4999\n", 1))
    with pytest.raises(SpecError, match="the request body schema is nested too deeply"):
        load_spec(tmp_path / "deep.yaml")


# -- patterns ------------------------------------------------------------------------------------------------------


def test_a_nested_quantifier_pattern_checks_in_bounded_time(tmp_path: Path) -> None:
    """``^(a+)+$`` on 30 ``a`` and a ``!``: about 2^30 steps for Python's ``re`` (a timeout here), a scan for the spec's engine."""
    (tmp_path / "spec.yaml").write_text(
        with_property("                code:\n                  type: string\n                  pattern: ^(a+)+$\n")
    )
    payload = {"from_number": "+14157774444", "code": "a" * 30 + "!", "tasks": [{"to_number": "+12137774445"}]}
    (tmp_path / "p.json").write_text(json.dumps(payload))
    command = [sys.executable, "-m", "validator", "check", "--now", FIXED_NOW, "--spec", "spec.yaml", "--format", "json", "p.json"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1, done.stderr
    [finding] = json.loads(done.stdout)["diagnostics"]
    assert (finding["code"], finding["path"]) == ("RBV106", "/code")
    assert finding["message"].startswith("`code` must match ^(a+)+$, found ")


def test_pattern_properties_keys_are_matched_by_the_same_engine(tmp_path: Path) -> None:
    """A JSON Schema 2020-12 keyword (load_spec reads it, without the OpenAPI 3.0 check): payload keys against the spec's patterns."""
    text = with_property(
        "                labels:\n                  type: object\n                  additionalProperties: false\n"
        "                  patternProperties:\n                    '^(a+)+$': {type: string}\n"
    )
    (tmp_path / "spec.yaml").write_text(text)
    spec = load_spec(tmp_path / "spec.yaml")
    labels = {"a" * 40 + "!": "x", "aaa": 1}
    report = validate_text(
        json.dumps({"from_number": "+14157774444", "labels": labels, "tasks": [{"to_number": "+12137774445"}]}), "json", spec=spec
    )
    found = sorted((d.code, d.pointer) for d in report.diagnostics)
    assert found == [("RBV102", "/labels/aaa"), ("RBV110", "/labels/" + "a" * 40 + "!")]


@pytest.mark.parametrize(
    ("property_yaml", "message"),
    [
        (
            "                code: {type: string, pattern: '(unclosed'}\n",
            'the pattern "(unclosed" at /properties/code/pattern is not a regular',
        ),
        (
            "                m: {type: object, unevaluatedProperties: false, patternProperties: {'^x': {}}}\n",
            "unevaluatedProperties (at /properties/m) beside patternProperties (at /properties/m) is not supported",
        ),
    ],
)
def test_patterns_the_engine_cannot_run_are_refused_at_load(tmp_path: Path, property_yaml: str, message: str) -> None:
    (tmp_path / "spec.yaml").write_text(with_property(property_yaml))
    with pytest.raises(SpecError) as caught:
        load_spec(tmp_path / "spec.yaml")
    assert message in str(caught.value)


def test_a_pattern_inside_a_value_or_a_property_named_pattern_is_no_pattern(tmp_path: Path) -> None:
    text = with_property("                code: {type: object, default: {pattern: '(unclosed'}, properties: {pattern: {type: string}}}\n")
    (tmp_path / "spec.yaml").write_text(text)
    code = load_spec(tmp_path / "spec.yaml").request_schema["properties"]["code"]
    assert code["default"] == {"pattern": "(unclosed"}


def test_search_is_ecma_262() -> None:
    assert search("^(latest|(?!(?:v\\d+)$)[a-z][a-z0-9_-]{0,19})$", "beta_2")
    assert not search("^(latest|(?!(?:v\\d+)$)[a-z][a-z0-9_-]{0,19})$", "v3")
    assert not search("^\\d+$", "٣")  # ECMA's \d is ASCII; Python's re would match
    assert search("b", "a\ud800b")  # a library caller's lone surrogate is read as U+FFFD, never an exception


def test_the_rule_reading_the_spec_pattern_itself_uses_the_engine(tmp_path: Path) -> None:
    """RBV501 reads AgentVersionReference's tag pattern: a hostile one does not hang it."""
    text = SPEC_YAML.replace("^(latest|(?!(?:v\\d+)$)[a-z][a-z0-9_-]{0,19})$", "^(a+)+$", 1)
    assert text != SPEC_YAML
    text = text.replace("maxLength: 20", "maxLength: 200")
    (tmp_path / "spec.yaml").write_text(text)
    spec = load_user_spec(tmp_path / "spec.yaml")
    payload = {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "override_agent_version": "a" * 40 + "!"}]}
    report = validate_text(json.dumps(payload), "json", spec=spec)
    assert ("RBV501", "/tasks/0/override_agent_version") in {(d.code, d.pointer) for d in report.diagnostics}
