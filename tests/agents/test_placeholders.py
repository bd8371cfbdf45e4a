"""Placeholders in agent configuration: the names, where they stand in words, what the agent sets itself, Retell's own."""

from __future__ import annotations

from typing import Any

import pytest

from validator.agents.placeholders import is_system, label, names_in, set_during_call, uses
from validator.knowledge.tables import load_table


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hi {{first_name}}", ["first_name"]),
        ("Hi {{ first_name }} and {{last}}{{last}}", ["first_name", "last", "last"]),
        ("{{current_time_Australia/Sydney}}", ["current_time_Australia/Sydney"]),
        ("{{}} {{ }} { {x} } {x}", []),
        ("no braces", []),
        ("{{{a}}}", ["a"]),  # the {{a}} inside
    ],
)
def test_names_in_a_text(text: str, names: list[str]) -> None:
    assert names_in(text) == names


def test_uses_walks_in_document_order_and_skips_what_is_no_spoken_text() -> None:
    config: dict[str, Any] = {
        "general_prompt": "{{a}}",
        "states": [{"name": "s", "state_prompt": "{{b}}", "tools": [{"url": "/{{c}}", "response_variables": {"d": "$.{{no}}"}}]}],
        "notes": [{"content": "{{note}}"}],
        "code": "return {{x}}",
        "default_dynamic_variables": {"e": "{{no}}"},
    }
    config["self"] = config  # a cycle is walked once
    assert [(use.path, use.names) for use in uses(config)] == [
        (("general_prompt",), ("a",)),
        (("states", 0, "state_prompt"), ("b",)),
        (("states", 0, "tools", 0, "url"), ("c",)),
    ]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (("begin_message",), "begin message"),
        (("states", 0, "state_prompt"), "state 'qualify' › state prompt"),
        (("states", 0, "tools", 1, "description"), "state 'qualify' › tool 't_2' › description"),
        (("nodes", 0, "instruction", "text"), "node 'n1' › instruction"),
        (("properties", 2, "x"), "property 3 › x"),
        (("text",), "text"),
    ],
)
def test_where_a_string_stands_in_words(path: tuple[str | int, ...], words: str) -> None:
    root = {"states": [{"name": "qualify", "tools": [{}, {"id": "t_2"}]}], "nodes": [{"id": "n1"}], "properties": [1, 2, 3]}
    assert label(root, path) == words


def test_what_the_agent_sets_during_the_call() -> None:
    config = {
        "tools": [
            {"type": "custom", "response_variables": {"status": "$.s", "eta": "$.e"}},
            {"type": "extract_dynamic_variable", "variables": [{"name": "callback"}, {"nameless": 1}]},
            {"type": "other", "variables": [{"name": "not_set"}]},
        ],
        "nodes": [{"type": "extract_dynamic_variables", "variables": [{"name": "issue"}]}],
    }
    assert set_during_call(config) == {"status", "eta", "callback", "issue"}


def test_retells_system_variables_come_from_the_sourced_table() -> None:
    table = load_table("system_dynamic_variables")
    assert all(
        entry["source"].startswith("https://docs.retellai.com/") and entry["evidence"] in ("read", "secondary")
        for entry in table["variables"]
    )
    assert all("quote" in entry and "checked" in entry for entry in table["variables"] if entry["evidence"] == "read")
    assert is_system("current_time") and is_system("current_time_Europe/Paris") and is_system("user_number")
    assert not is_system("first_name") and not is_system("current_times")
