"""RBV610 tasks-agent-files-unreadable: the --agents folder cannot be read as pulled agents."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.agents.sdk_agents import document
from tests.helpers import check, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks.agents import AGENTS, batch, sales
from validator import Settings

CODE = "RBV610"


def _folder(files: dict[str, str | bytes]) -> Settings:
    folder = Path(tempfile.mkdtemp(prefix="broken-agents-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, text in files.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    return Settings(agents=folder)


BROKEN = _folder({"agent_sales.json": '{"retell_validate": "pulled-agent", "versions": [}'})

CASES = [
    flags(
        "a file that is not JSON",
        batch(sales(0)),
        At("", "error", says="agent_sales.json: not JSON (Expecting value at line 1, column 50)"),
        settings=BROKEN,
    ),
    flags("no such folder", batch(sales(0)), At("", says="no such folder"), settings=Settings(agents=Path("/nonexistent/agents"))),
    passes("a folder of pulled agents", batch(sales(0)), settings=AGENTS),
    passes("no --agents", batch(sales(0))),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize(
    ("files", "says"),
    [
        ({"a.json": "[]"}, "a.json: not a pulled agent (a JSON object"),
        ({"a.json": '{"versions": []}'}, 'a.json: not a pulled agent (no "retell_validate": "pulled-agent"'),
        ({"a.json": '{"retell_validate": "pulled-agent", "versions": []}'}, "a.json: versions: not a non-empty list"),
        ({"a.json": '{"retell_validate": "pulled-agent", "format": 2, "versions": []}'}, "a.json: format 2 is not one this version reads"),
        (
            {"a.json": '{"retell_validate": "pulled-agent", "versions": [{"agent": {"agent_id": "a", "version": "3"}}]}'},
            "versions[0]: agent.version is not a whole number",
        ),
        (
            {
                "a.json": '{"retell_validate": "pulled-agent", "versions": [{"agent": {"agent_id": "a", "version": 3, "response_engine": {"type": "retell-llm"}}}]}'
            },
            "the agent's engine is a retell-llm, but there is no retell_llm object",
        ),
        (
            {"a.json": json.dumps(document("agent_custom")), "b.json": json.dumps(document("agent_custom"))},
            "b.json: agent agent_custom is also in a.json",
        ),
        (
            {
                "a.json": '{"retell_validate": "pulled-agent", "versions": [{"agent": {"agent_id": "a", "version": 1, "response_engine": {"type": "custom-llm"}}}], "tags": {"prod": {"version": "x"}}}'
            },
            "tags.prod: not",
        ),
        (
            {
                "a.json": '{"retell_validate": "pulled-agent", "versions": [{"agent": {"agent_id": "a", "version": 1, "response_engine": {"type": "custom-llm"}}}], "phone_numbers": [{"phone_number": "+1", "outbound_agents": [{"agent_id": "b"}]}]}'
            },
            "does not call out with agent a",
        ),
        (
            {
                "a.json": '{"retell_validate": "pulled-agent", "versions": [{"agent": {"agent_id": "a", "version": 1, "response_engine": {"type": "custom-llm"}}}], "x": NaN}'
            },
            "a.json: not JSON (NaN is not JSON)",
        ),
        ({"a.json": b"\xff{}"}, "a.json: not UTF-8 text (invalid start byte at byte 0)"),
    ],
)
def test_what_is_not_a_pulled_agent_is_named(files: dict[str, str | bytes], says: str) -> None:
    found = one(check(batch(sales(0)), settings=_folder(files)), CODE)
    assert says in found.message, found.message
    assert found.message.startswith("the pulled agents were not read, so no task's dynamic variables were checked against them: ")


def test_an_unreadable_folder_turns_no_other_agent_rule_on() -> None:
    report = check(batch(sales(0, without=("order_id",))), settings=BROKEN)
    assert [d.code for d in report.diagnostics if d.code.startswith("RBV6")] == [CODE]
    assert only(report, "RBV605") == []
