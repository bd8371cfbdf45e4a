"""The library leaves the garbage collector as it finds it; only the ``retell-validate`` process sets its own policy.

A library call runs inside a user's application (or the SDK guard): it must neither turn the
cyclic collector off nor change its thresholds or frozen generation, whether the payload is
fine, garbage, or an internal error escapes.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXED_NOW, SEED, with_task
from validator import validate, validate_file, validate_text
from validator.cli import main as cli_main
from validator.engine import pipeline
from validator.engine.registry import semantic_rules

cyclic: list[Any] = []
cyclic.append(cyclic)

GARBAGE: list[Any] = [
    None,
    "tasks",
    [SEED],
    {"tasks": cyclic},
    {"from_number": math.nan, "tasks": [{"to_number": b"+12137774445"}]},
    {1: "non-string key", "tasks": [{"to_number": 12137774445}] * 3},
    with_task(agent_override={"agent": {"voice_speed": "fast"}}),
]


@pytest.fixture
def collector() -> Iterator[list[str]]:
    """Unusual collector settings, restored afterwards; and a record of every call that would change them."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.set_threshold(1234, 5, 6)
    changes: list[str] = []
    patch = pytest.MonkeyPatch()
    for name in ("disable", "enable", "set_threshold", "freeze", "unfreeze"):
        real = getattr(gc, name)

        def spy(*args: Any, _name: str = name, _real: Callable[..., Any] = real) -> Any:
            changes.append(_name)
            return _real(*args)

        patch.setattr(gc, name, spy)
    try:
        yield changes
    finally:
        patch.undo()
        gc.set_threshold(*thresholds)
        (gc.enable if enabled else gc.disable)()


def _unchanged(changes: list[str], enabled: bool) -> None:
    assert changes == []
    assert gc.isenabled() is enabled
    assert gc.get_threshold() == (1234, 5, 6)


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("payload", GARBAGE, ids=repr)
def test_validate_leaves_the_collector_as_it_was(collector: list[str], enabled: bool, payload: Any) -> None:
    (gc.enable if enabled else gc.disable)()
    collector.clear()
    validate(payload, now=FIXED_NOW)
    _unchanged(collector, enabled)


@pytest.mark.parametrize("text", ["", "{", '{"tasks": [1, 2, {"to_number": 5}]}', "tasks:\n  - to_number: +12137774445\n", "\ufeff[]"])
def test_validate_text_and_file_leave_the_collector_as_it_was(collector: list[str], tmp_path: Path, text: str) -> None:
    validate_text(text, now=FIXED_NOW)
    path = tmp_path / "batch.yaml"
    path.write_text(text, encoding="utf-8")
    validate_file(path, now=FIXED_NOW)
    _unchanged(collector, True)


def test_a_rule_that_raises_leaves_the_collector_as_it_was(collector: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(ctx: Any) -> Any:
        raise RuntimeError("a rule's bug")

    rules = tuple(replace(rule, check=boom) if rule.code == "RBV201" else rule for rule in semantic_rules())
    monkeypatch.setattr(pipeline, "semantic_rules", lambda: rules)
    report = validate(SEED, now=FIXED_NOW)
    assert "RBV000" in {d.code for d in report.diagnostics}  # the engine turned it into a finding
    _unchanged(collector, True)


def test_an_exception_out_of_the_library_leaves_the_collector_as_it_was(collector: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError("out of memory in the middle of a check")

    monkeypatch.setattr("validator.api.check_document", boom)
    with pytest.raises(MemoryError):
        validate(SEED, now=FIXED_NOW)
    with pytest.raises(MemoryError):
        validate_text('{"tasks": []}', now=FIXED_NOW)
    _unchanged(collector, True)


@pytest.mark.parametrize(
    ("argv", "enabled", "thresholds"),
    [
        (["check", "batch.json"], False, (1234, 5, 6)),
        (["--version"], False, (1234, 5, 6)),
        (["lsp", "--stdio"], True, cli_main.LSP_THRESHOLDS),
    ],
)
def test_the_command_sets_its_own_process_policy(
    collector: list[str], argv: list[str], enabled: bool, thresholds: tuple[int, int, int]
) -> None:
    cli_main.collector_policy(argv)
    assert gc.isenabled() is enabled
    assert gc.get_threshold() == thresholds
