"""Payloads shared by the task rules' tests (RBV6xx)."""

from __future__ import annotations

from typing import Any

from tests.helpers import seed


def task(n: int, **variables: Any) -> dict[str, Any]:
    """Task ``n`` (its own number) with these dynamic variables, or none."""
    out: dict[str, Any] = {"to_number": f"+1213777{n:04d}"}
    if variables:
        out["retell_llm_dynamic_variables"] = variables
    return out


# Tasks and their fields of the wrong types: the schema's findings, and never a failed rule.
WRONG_TYPES = {
    "a list for an agent": seed(
        tasks=[{"to_number": "+12137774445", "retell_llm_dynamic_variables": "x", "agent_override": {"agent": [1, {"a": "{{x}}"}]}}]
    ),
    "a string for tasks": seed(tasks="none"),
    "tasks that are not objects": seed(tasks=[None, 3, {"retell_llm_dynamic_variables": {"": ""}}]),
}
