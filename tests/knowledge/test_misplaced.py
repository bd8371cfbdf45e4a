"""The misplaced-key table: every entry sourced and at places the spec has; conversions of moved values."""

from __future__ import annotations

import pytest

from validator.knowledge.misplaced import alias_for, aliases, convert, day_keys
from validator.knowledge.tables import load_table
from validator.openapi.load import load_spec
from validator.rules.schema._fields import field_index


def test_every_entry_has_a_source_and_a_home_the_spec_has() -> None:
    index = field_index(load_spec())
    for entry in load_table("misplaced_keys")["entries"]:
        assert entry.get("source"), entry["names"]
        assert entry.get("home") is not None or entry.get("note"), entry["names"]
        for at in entry["at"]:
            assert at in index.fields, (at, entry["names"])
        if entry.get("home") is not None:
            assert entry["home"] in index.schemas, entry["home"]


def test_a_name_the_spec_has_where_it_is_written_is_never_an_alias() -> None:
    index = field_index(load_spec())
    for alias in aliases():
        for at in alias.at:
            assert not alias.names & index.fields[at], (at, alias.names & index.fields[at])


def test_lookups() -> None:
    home = alias_for("", "scheduled_timestamp")
    assert home is not None and (home.home, home.convert) == ("/trigger_timestamp", "milliseconds")
    assert alias_for("/tasks/*", "scheduled_timestamp") is not None
    assert alias_for("/call_time_window/windows/*", "scheduled_timestamp") is None
    assert {"day", "days", "weekday"} <= day_keys()


@pytest.mark.parametrize(
    ("kind", "value", "converted", "certain"),
    [
        ("milliseconds", 1_781_427_600_000, 1_781_427_600_000, True),
        ("milliseconds", 1_781_427_600, 1_781_427_600_000, False),
        ("milliseconds", "1781427600000", 1_781_427_600_000, True),
        ("milliseconds", "2026-06-14T09:00:00Z", 1_781_427_600_000, True),
        ("days", ["monday", "FRI"], ["Monday", "Friday"], True),
        ("days", [1, 5, 0, 7], ["Monday", "Friday", "Sunday"], False),
        ("hours", 9.5, 570, True),
        ("clock", "17:30", 1050, True),
        ("retell_llm", "llm_1", {"type": "retell-llm", "llm_id": "llm_1"}, True),
        ("flow", "cf_1", {"type": "conversation-flow", "conversation_flow_id": "cf_1"}, True),
    ],
)
def test_conversions(kind: str, value: object, converted: object, certain: bool) -> None:
    found = convert(kind, value)
    assert found is not None and (found.value, found.certain) == (converted, certain)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("milliseconds", "2026-06-14T09:00:00"),  # no zone: which moment is a guess
        ("milliseconds", 12_345),
        ("milliseconds", True),
        ("days", ["Funday"]),
        ("days", [8]),
        ("hours", 25),
        ("hours", 9.01),
        ("clock", "9am"),
        ("retell_llm", ""),
    ],
)
def test_values_that_cannot_be_read(kind: str, value: object) -> None:
    assert convert(kind, value) is None
