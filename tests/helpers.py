"""Shared test helpers: run the validator and look at diagnostics by code and pointer."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from validator import Diagnostic, Report, Settings, validate, validate_text

ROOT = Path(__file__).resolve().parents[1]  # the repository: fixtures/, docs/, spec/

FIXED_NOW = "2026-06-01T12:00:00Z"

SEED: dict[str, Any] = {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}


def seed(**fields: Any) -> dict[str, Any]:
    """The seed example with top-level fields replaced or added."""
    payload = copy.deepcopy(SEED)
    payload.update(fields)
    return payload


def with_task(**fields: Any) -> dict[str, Any]:
    """The seed example whose single task gets extra fields."""
    payload = copy.deepcopy(SEED)
    payload["tasks"][0].update(fields)
    return payload


def with_agent(section: str = "agent", **fields: Any) -> dict[str, Any]:
    """The seed example with ``agent_override.<section>`` set to ``fields``."""
    return with_task(agent_override={section: fields})


def check(payload: Any, *, settings: Settings | None = None, now: str = FIXED_NOW) -> Report:
    return validate(payload, now=now, settings=settings)


def check_text(text: str | bytes, fmt: str | None = None, *, now: str = FIXED_NOW) -> Report:
    return validate_text(text, fmt, file="payload." + (fmt or "txt"), now=now)  # type: ignore[arg-type]


def only(report: Report, code: str) -> list[Diagnostic]:
    return [d for d in report.diagnostics if d.code == code]


def one(report: Report, code: str) -> Diagnostic:
    found = only(report, code)
    assert len(found) == 1, f"expected one {code}, got {[(d.code, d.pointer, d.message) for d in report.diagnostics]}"
    return found[0]


def pointers(report: Report, code: str) -> list[str]:
    return [d.pointer for d in only(report, code)]


def summary(report: Report) -> list[tuple[str, str, str]]:
    """(code, severity, pointer) of every diagnostic: what tests compare."""
    return [(d.code, d.severity.value, d.pointer) for d in report.diagnostics]
