"""Payloads for the pulled-agent rules (RBV605-RBV610), checked against the agents of :mod:`tests.agents.sdk_agents`."""

from __future__ import annotations

from typing import Any

from tests.agents.sdk_agents import pulled_folder
from tests.helpers import seed
from validator import Settings

AGENTS = Settings(agents=pulled_folder())
# What each agent needs from a task, all set: agent_sales v3 (the from_number's outbound agent, at "prod"), agent_support v1.
SALES = {"first_name": "Ann", "order_id": "A-17", "address": "1 Main St", "account_ref": "R-9"}
SUPPORT = {"customer_name": "Bo", "ticket_id": "T-1", "product": "router"}


def call(n: int, variables: dict[str, Any], *, without: tuple[str, ...] = (), **fields: Any) -> dict[str, Any]:
    """Task ``n`` with ``variables`` minus ``without``, and other fields (``override_agent_id`` …)."""
    values = {key: value for key, value in variables.items() if key not in without}
    return {"to_number": f"+1213777{n:04d}", "retell_llm_dynamic_variables": values, **fields}


def batch(*tasks: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return seed(tasks=list(tasks), **fields)


def support(n: int, *, without: tuple[str, ...] = (), override: dict[str, Any] | None = None, **variables: Any) -> dict[str, Any]:
    """A task running agent_support (its override_agent_id) with what it needs, minus ``without``, plus ``variables``."""
    fields = {"agent_override": override} if override else {}
    return call(n, {**SUPPORT, **variables}, without=without, override_agent_id="agent_support", **fields)


def sales(n: int, *, without: tuple[str, ...] = (), override: dict[str, Any] | None = None, **variables: Any) -> dict[str, Any]:
    """A task running the from_number's outbound agent (agent_sales at "prod") with what it needs, minus ``without``, plus ``variables``."""
    fields = {"agent_override": override} if override else {}
    return call(n, {**SALES, **variables}, without=without, **fields)
