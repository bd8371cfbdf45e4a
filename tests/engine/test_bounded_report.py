"""A bounded report (``--max-diagnostics N``, the text default) locates only what it shows.

The first N diagnostics must be exactly those of the full report (codes, pointers, lines,
columns, in the same order); counts cover everything; without a limit everything is located.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from validator import Report, validate_text
from validator.cli.main import main
from validator.openapi.load import load_spec
from validator.openapi.source import describe_spec
from validator.reporters import RenderOptions, get_renderer, visible_diagnostics
from validator.reporters.statistics import render_statistics

# Daytime on every recipient's clock: the batch, sent at once without a window, then breaks no calling hours (RBV709).
NOW = "2026-06-01T18:00:00Z"


def _payload(tasks: int = 60) -> dict[str, Any]:
    """Errors, warnings and key findings interleaved, a top-level finding after the tasks."""
    items: list[dict[str, Any]] = []
    for i in range(tasks):
        kind = i % 5
        if kind == 0:
            items.append({"to_number": "(213) 555-0123", "metadata": {"row": i}})  # RBV201, RBV204
        elif kind == 1:
            items.append({"to_number": 2135550123})  # RBV201 (a JSON number)
        elif kind == 2:
            items.append({"to_numbr": "+12137774445", "to_number": f"+1213777{4400 + i}"})  # RBV111 on the key
        elif kind == 3:
            items.append({"to_number": "+12137774445"})  # RBV204 (duplicate destination)
        else:
            items.append({"retell_llm_dynamic_variables": {"name": ""}, "to_number": f"+1213777{4500 + i}"})
    return {"from_number": "+14157774444", "tasks": items, "extra": True}


def _texts() -> list[tuple[str, str]]:
    payload = _payload(120)
    return [
        ("json", json.dumps(payload, indent=2)),
        ("json", "\ufeff" + json.dumps(payload)),  # one line, and a reader issue with a known span (RBV004)
        ("yaml", yaml.safe_dump(payload, sort_keys=False)),
        ("yaml", yaml.safe_dump(payload, sort_keys=False, default_flow_style=None)),
    ]


def _row(d: Any) -> tuple[object, ...]:
    return (d.code, d.severity, d.pointer, d.line, d.column, d.end_line, d.end_column, d.message)


def _check(text: str, fmt: str, **bounds: Any) -> Report:
    return validate_text(text, fmt, file=f"payload.{fmt}", now=NOW, **bounds)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "text"), _texts())
@pytest.mark.parametrize("limit", [1, 2, 7, 30, 45])
@pytest.mark.parametrize("quiet", [False, True])
def test_bounded_report_shows_the_same_first_diagnostics(fmt: str, text: str, limit: int, quiet: bool) -> None:
    full = _check(text, fmt)
    bounded = _check(text, fmt, locate_first=limit, locate_errors_only=quiet)
    assert len(full.diagnostics) > limit + 30
    options = RenderOptions(max_diagnostics=limit, quiet=quiet)
    assert [_row(d) for d in visible_diagnostics(bounded, options)[0]] == [_row(d) for d in visible_diagnostics(full, options)[0]]
    assert visible_diagnostics(bounded, options)[1] == visible_diagnostics(full, options)[1]
    assert Counter(_row(d)[:3] for d in bounded.diagnostics) == Counter(_row(d)[:3] for d in full.diagnostics)
    assert all(d.line is not None for d in full.diagnostics)
    if limit <= 7:
        assert any(d.line is None for d in bounded.diagnostics)  # the rest were not located
    for name in ("text", "github", "json"):
        assert get_renderer(name)([bounded], options) == get_renderer(name)([full], options)
    assert render_statistics([bounded]) == render_statistics([full])


@pytest.mark.parametrize(("fmt", "text"), _texts())
def test_a_limit_above_the_count_locates_everything(fmt: str, text: str) -> None:
    full = _check(text, fmt)
    bounded = _check(text, fmt, locate_first=len(full.diagnostics))
    assert [_row(d) for d in bounded.diagnostics] == [_row(d) for d in full.diagnostics]


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("json", '{"from_number": "+14157774444", "from_number": "+14157774444", "tasks": ' + json.dumps(_payload()["tasks"]) + "}"),
        ("yaml", "base: &b {to_number: '(213) 555-0123'}\n" + yaml.safe_dump(_payload(), sort_keys=False) + "more: *b\n"),
        ("yaml", yaml.safe_dump(_payload(), sort_keys=False).replace("tasks:\n", "tasks:\n- <<: {to_number: 1}\n  a: 1\n", 1)),
        ("yaml", "extra: 1\n" + yaml.safe_dump(_payload(), sort_keys=False)),  # a duplicate key
    ],
)
def test_documents_whose_order_is_not_the_texts_are_located_in_full(fmt: str, text: str) -> None:
    full = _check(text, fmt)
    bounded = _check(text, fmt, locate_first=3)
    assert len(full.diagnostics) > 6
    assert [_row(d) for d in bounded.diagnostics] == [_row(d) for d in full.diagnostics]


def test_yaml_suppressions_still_apply_to_a_bounded_report() -> None:
    text = yaml.safe_dump(_payload(), sort_keys=False) + "unknown_at_the_end: 1  # retell-validate: ignore[RBV111]\n"
    full = _check(text, "yaml")
    bounded = _check(text, "yaml", locate_first=3)
    assert "/unknown_at_the_end" not in {d.pointer for d in full.diagnostics}
    assert [_row(d) for d in bounded.diagnostics] == [_row(d) for d in full.diagnostics]


def _cli(*args: str) -> str:
    return CliRunner().invoke(main, ["check", "--now", NOW, *args]).stdout


@pytest.mark.parametrize("suffix", ["json", "yaml"])
def test_cli_bounded_text_report_matches_the_full_one(tmp_path: Path, suffix: str) -> None:
    fmt, text = next((f, t) for f, t in _texts() if f == suffix)
    path = tmp_path / f"payload.{suffix}"
    path.write_text(text, encoding="utf-8")
    full = validate_text(text, fmt, file=str(path), now=NOW)  # type: ignore[arg-type]
    for args, options in [
        ((), RenderOptions(max_diagnostics=200)),
        (("--max-diagnostics", "5"), RenderOptions(max_diagnostics=5)),
        (("--max-diagnostics", "5", "--quiet"), RenderOptions(max_diagnostics=5, quiet=True)),
    ]:
        assert _cli("--color", "never", *args, str(path)) == get_renderer("text")([full], options)
    assert _cli("--format", "github", "--max-diagnostics", "4", str(path)) == get_renderer("github")(
        [full], RenderOptions(max_diagnostics=4)
    )
    bundled = describe_spec(load_spec())  # the CLI states the spec it checked against
    assert _cli("--format", "json", "--max-diagnostics", "4", str(path)) == get_renderer("json")(
        [full], RenderOptions(max_diagnostics=4, spec=bundled.to_dict())
    )


def test_cli_json_report_without_a_limit_locates_everything(tmp_path: Path) -> None:
    path = tmp_path / "payload.json"
    path.write_text(json.dumps(_payload(300), indent=2), encoding="utf-8")
    found = json.loads(_cli("--format", "json", str(path)))
    diagnostics = found["diagnostics"]
    assert len(diagnostics) > 300
    assert all(d["line"] is not None and d["column"] is not None for d in diagnostics)
    lines = [(d["line"], d["column"]) for d in diagnostics]
    assert lines == sorted(lines)


def test_document_order_follows_the_data_and_sets_aside_what_it_lacks() -> None:
    from validator.document import LocateRequest
    from validator.engine.document_order import DocumentOrder

    data = {"b": [{"y": 1, "x": 2}, 3], "a": {"k": 1}}
    requests: list[LocateRequest] = [
        ("/a/k", "value"),
        ("/a", "value"),
        ("/a", "key"),
        ("/b/0/x", "key"),
        ("/b/0/y", "value"),
        ("/b/1", "value"),
        ("", "value"),
        ("/b/01", "value"),
        ("/b/2", "value"),
        ("/c", "key"),
        ("/a/k/z", "value"),
    ]
    order = DocumentOrder(data, requests)
    assert list(order) == [
        ("", "value"),
        ("/b/0/y", "value"),
        ("/b/0/x", "key"),
        ("/b/1", "value"),
        ("/a", "key"),
        ("/a", "value"),
        ("/a/k", "value"),
    ]
    assert order.missing == [("/b/01", "value"), ("/b/2", "value"), ("/c", "key"), ("/a/k/z", "value")]
