"""What the do-not-call rules share: where a finding about the lists themselves points, and the hint for a listed task."""

from __future__ import annotations

from validator.context import Context
from validator.dnc.screen import EXEMPTIONS


def lists_pointer(ctx: Context) -> str:
    """Findings about a list (not about one task) point at ``tasks``: the calls the list screens."""
    return "/tasks" if "tasks" in ctx.document else ""


def exemption_values() -> str:
    return ", ".join(repr(value) for value in EXEMPTIONS)
