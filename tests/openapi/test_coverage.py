"""The spec coverage ledger: every constraint sentence of the spec is checked by a rule or has a reason."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml
from click.testing import CliRunner

from tests.helpers import ROOT
from validator.cli.main import main
from validator.cli.spec_coverage import COMMAND, render_markdown
from validator.engine.coverage import ledger, stale_declarations
from validator.engine.registry import all_rules
from validator.openapi.coverage import Sentence, all_sentences, states_constraint
from validator.openapi.load import bundled_spec_path, load_spec

DOC = ROOT / "docs" / "spec-coverage.md"


def test_every_constraint_sentence_is_checked_or_has_a_reason() -> None:
    unchecked = [f"{row.sentence.field}: {row.sentence.text}" for row in ledger(load_spec()) if row.unchecked]
    assert unchecked == [], "add a rule (SPEC_SENTENCES / SPEC_PROSE) or a reason in knowledge/data/spec_coverage.yaml"


def test_every_declaration_matches_a_sentence_of_the_bundled_spec() -> None:
    assert stale_declarations(load_spec()) == []


def test_docs_spec_coverage_md_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), f"docs/spec-coverage.md is out of date: run `{COMMAND}`"


def test_the_sentences_of_issue_18_are_checked_by_their_rules() -> None:
    by_text = {(row.sentence.field, row.sentence.text): row.rules for row in ledger(load_spec())}
    agent = "tasks.*.agent_override.agent"
    assert by_text[(f"{agent}.timezone", "IANA timezone for the agent (e.g. America/New_York).")] == ("RBV523",)
    assert by_text[(f"{agent}.response_engine.llm_websocket_url", "LLM websocket url of the custom LLM.")] == ("RBV524",)
    assert by_text[(f"{agent}.allow_user_dtmf", "If false, any DTMF input will be ignored.")] == ("RBV508",)
    assert by_text[(f"{agent}.post_call_analysis_data.*.conditional_prompt", "If required is true, this is ignored.")] == ("RBV508",)
    assert by_text[(f"{agent}.webhook_timeout_ms", "The timeout for the webhook in milliseconds.")] == ("RBV530",)
    assert by_text[(f"{agent}.voice_speed", "Value ranging from [0.5,2].")] == ("RBV104",)  # the schema's own bounds
    assert by_text[(f"{agent}.volume", "Value ranging from [0,2].")] == ("RBV504",)
    assert by_text[("call_time_window", "Cross-midnight windows are NOT allowed (must satisfy startMin < endMin).")] == ("RBV301",)


def test_a_sentence_found_through_a_ref_is_kept() -> None:
    # AgentVersionReference's own description, shadowed by the one beside its $ref in the request schema.
    texts = {s.text for s in all_sentences(load_spec()) if s.field == "tasks.*.override_agent_version"}
    assert any(text.startswith("When a tag is provided") for text in texts)


def test_a_rule_without_its_declaration_leaves_its_sentence_unchecked() -> None:
    rules = [dataclasses.replace(r, spec_sentences=()) if r.code == "RBV301" else r for r in all_rules()]
    unchecked = [row.sentence.text for row in ledger(load_spec(), rules) if row.unchecked]
    assert unchecked == ["Cross-midnight windows are NOT allowed (must satisfy startMin < endMin).", "`endMin = 1440` (24:00) is valid."]


def test_an_unknown_prose_kind_is_stale() -> None:
    rules = [dataclasses.replace(r, spec_prose=("nonsense",)) if r.code == "RBV504" else r for r in all_rules()]
    assert stale_declarations(load_spec(), rules) == ["RBV504: SPEC_PROSE 'nonsense' is not a kind of prose constraint"]


def test_constraint_words() -> None:
    assert states_constraint(Sentence("x", "Can only set this or model, not both."))
    assert states_constraint(Sentence("x", "If false, any DTMF input will be ignored."))
    assert not states_constraint(Sentence("x", "If unset, default value 1 will apply."))


# ---- retell-validate spec coverage ------------------------------------------------------------


def newer_spec(tmp_path: Path) -> Path:
    """The bundled spec with one new constraint sentence and one sentence a rule relies on removed."""
    openapi = yaml.safe_load(bundled_spec_path().read_text(encoding="utf-8"))
    schemas = openapi["components"]["schemas"]
    schemas["AgentRequest"]["properties"]["volume"]["description"] += " Must be a multiple of 0.1."
    window = schemas["CallTimeWindow"]
    window["description"] = window["description"].replace("Cross-midnight windows are NOT allowed (must satisfy startMin < endMin).", "")
    path = tmp_path / "newer.yaml"
    path.write_text(yaml.safe_dump(openapi), encoding="utf-8")
    return path


def test_cli_bundled_spec_is_fully_covered() -> None:
    result = CliRunner().invoke(main, ["spec", "coverage"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(", 0 unchecked\n")
    assert "UNCHECKED" not in result.output


def test_cli_newer_spec_shows_its_unchecked_sentences_and_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["spec", "coverage", str(newer_spec(tmp_path))])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert 'tasks.*.agent_override.agent.volume: "Must be a multiple of 0.1."' in lines
    assert lines[lines.index('tasks.*.agent_override.agent.volume: "Must be a multiple of 0.1."') + 1] == "  UNCHECKED"
    assert "stale: RBV301: call_time_window: Cross-midnight windows are NOT allowed (matches no sentence of this spec)" in lines
    assert lines[-1].endswith(", 1 unchecked")


def test_cli_all_lists_every_row_with_its_rules() -> None:
    result = CliRunner().invoke(main, ["spec", "coverage", "--all"])
    assert result.exit_code == 0
    assert 'tasks.*.agent_override.retell_llm.s2s_model: "Can only set this or model, not both."\n  RBV506\n' in result.output
    assert "  not checked: cannot be checked offline: which numbers an account owns is known only to Retell\n" in result.output


def test_cli_markdown_is_the_doc() -> None:
    result = CliRunner().invoke(main, ["spec", "coverage", "--format", "markdown"])
    assert result.exit_code == 0 and result.output == DOC.read_text(encoding="utf-8")


def test_cli_unreadable_spec_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("openapi: [", encoding="utf-8")
    result = CliRunner().invoke(main, ["spec", "coverage", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
