"""RBV112 misplaced-key: a key the API does not read where it is written, whose home the spec or the alias table names.

Each class of real payloads gets a flagged case and a near miss; the fixes are applied to JSON
and YAML files and must give the payload the API reads as meant.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import FIXED_NOW, check, seed, with_agent, with_task
from tests.rules.cases import At, cases_test, flags, passes
from validator.fix.apply import fix_text
from validator.knowledge.misplaced import alias_for, aliases, convert, day_keys
from validator.knowledge.tables import load_table
from validator.openapi.load import load_spec
from validator.readers import read_text
from validator.rules.schema._fields import field_index
from validator.settings import Settings, parse_now

CODE = "RBV112"
WINDOW = {"start": 540, "end": 1020}
TWO_TASKS = [{"to_number": "+12137774445"}, {"to_number": "+12137774446"}]
SEED_TASKS = [{"to_number": "+12137774445"}]


def days_in_windows(*windows: tuple[int, int, Any]) -> dict[str, Any]:
    return seed(call_time_window={"windows": [{"day": day, "start": start, "end": end} for start, end, day in windows]})


CASES = [
    # agent ids: the API reads each task's override_agent_id
    flags("agent_id at the top level", seed(agent_id="agent_1"), At("/agent_id", "error", says="the API reads tasks[].override_agent_id")),
    flags("override_agent_id at the top level (a field of tasks)", seed(override_agent_id="agent_1"), "/override_agent_id"),
    flags(
        "agent_id in a task", with_task(agent_id="agent_1"), At("/tasks/0/agent_id", says="calls run with the from_number's default agent")
    ),
    passes("every task has its own override_agent_id", with_task(agent_id="agent_1", override_agent_id="agent_1")),
    passes("an agent object is not an agent id (RBV111)", seed(agent={"voice_id": "11labs-Adrian"})),
    # days inside windows
    flags(
        "the same days in every window",
        days_in_windows((540, 720, ["Monday", "Friday"]), (780, 1020, ["Monday", "Friday"])),
        At("/call_time_window/windows/0/day", says="the windows apply every day"),
        "/call_time_window/windows/1/day",
    ),
    flags(
        "one window per weekday, numbered (JavaScript's getDay)",
        days_in_windows(*((540, 1020, [n]) for n in range(1, 6))),
        *(f"/call_time_window/windows/{n}/day" for n in range(5)),
    ),
    flags(
        "different hours on different days",
        days_in_windows((540, 1020, ["Monday"]), (600, 840, ["Saturday"])),
        At("/call_time_window/windows/0/day", says="(Monday 09:00–17:00; Saturday 10:00–14:00)"),
        "/call_time_window/windows/1/day",
    ),
    passes("days in call_time_window.day", seed(call_time_window={"windows": [WINDOW], "day": ["Monday"]})),
    # the moment the batch starts
    flags(
        "scheduled_timestamp (the response's name)",
        seed(scheduled_timestamp=1_781_427_600_000),
        At("/scheduled_timestamp", says="the API reads trigger_timestamp (in milliseconds), so the batch goes out at once"),
    ),
    flags("a moment in seconds", seed(scheduled_time_unix=1_781_427_600), At("/scheduled_time_unix", says="1781427600 reads as seconds")),
    flags("a moment without its zone", seed(send_at="2026-06-14T09:00:00"), At("/send_at", says="cannot be read as a value for it")),
    passes("trigger_timestamp", seed(trigger_timestamp=1_781_427_600_000)),
    # dynamic variables
    flags("variables at the top level", seed(variables={"company": "Acme"}), At("/variables", says="the prompts get none of these values")),
    flags("dynamic_variables in a task", with_task(dynamic_variables={"first_name": "Ann"}), "/tasks/0/dynamic_variables"),
    flags(
        "retell_llm_dynamic_variables at the top level, one task with its own",
        seed(
            retell_llm_dynamic_variables={"company": "Acme"},
            tasks=[{**TWO_TASKS[0], "retell_llm_dynamic_variables": {"x": "1"}}, TWO_TASKS[1]],
        ),
        "/retell_llm_dynamic_variables",
    ),
    passes(
        "variables every task already has (RBV111)",
        with_task(dynamic_variables={"first_name": "Ann"}, retell_llm_dynamic_variables={"first_name": "Ann"}),
    ),
    passes("variables inside metadata (free-form)", with_task(metadata={"variables": {"a": "b"}})),
    # from_number in tasks
    flags(
        "from_number in every task, none at the top",
        {"tasks": [{**t, "from_number": "+14157774444"} for t in TWO_TASKS]},
        At("/tasks/0/from_number", says="the API reads from_number"),
        "/tasks/1/from_number",
    ),
    flags(
        "tasks with their own from_number",
        seed(tasks=[{**TWO_TASKS[0], "from_number": "+14157774441"}, {**TWO_TASKS[1], "from_number": "+14157774442"}]),
        At("/tasks/0/from_number", says="these give 3 different values"),
        "/tasks/1/from_number",
    ),
    passes("a task repeating the batch's from_number (RBV111)", with_task(from_number="+14157774444")),
    # time zone and hours
    flags(
        "timezone at the top level",
        seed(timezone="America/New_York", call_time_window={"windows": [WINDOW]}),
        At("/timezone", says="the windows are read in America/Los_Angeles time"),
    ),
    flags("timezone in a task", with_task(timezone="America/New_York"), At("/tasks/0/timezone", says="no time zone per task")),
    passes("timezone in call_time_window", seed(call_time_window={"windows": [WINDOW], "timezone": "America/New_York"})),
    flags(
        "hours instead of minutes",
        seed(call_time_window={"windows": [{"start_hour": 9, "end_hour": 17}]}),
        At("/call_time_window/windows/0/end_hour", says="17 reads as hours"),
        At("/call_time_window/windows/0/start_hour", says="9 reads as hours"),
    ),
    flags("a clock time", seed(call_time_window={"windows": [{"startMin": 540, "end": 1020}]}), "/call_time_window/windows/0/startMin"),
    # agent settings
    flags(
        "llm_id and voice_id at the top level",
        seed(llm_id="llm_1", voice_id="11labs-Adrian"),
        At("/llm_id", says="agent_override.agent.response_engine"),
        At("/voice_id", says="tasks[].agent_override.agent.voice_id"),
    ),
    flags(
        "begin_message in the agent section",
        with_agent(begin_message="Hi"),
        At("/tasks/0/agent_override/agent/begin_message", says="tasks[].agent_override.retell_llm.begin_message"),
    ),
    flags(
        "start_speaker in the agent section, no engine section",
        with_agent(start_speaker="user"),
        At("/tasks/0/agent_override/agent/start_speaker", says="conversation_flow.start_speaker or tasks[].agent_override.retell_llm"),
    ),
    passes("start_speaker in retell_llm", with_agent("retell_llm", start_speaker="user")),
    # concurrency, SIP headers, a create-phone-call body
    flags(
        "max_concurrency",
        seed(max_concurrency=5),
        At("/max_concurrency", says="`reserved_concurrency`, which is the number of calls kept free"),
    ),
    passes("reserved_concurrency", seed(reserved_concurrency=5)),
    flags("sip_headers in a task", with_task(sip_headers={"X-Campaign": "spring"}), "/tasks/0/sip_headers"),
    flags(
        "a create-phone-call body",
        {"from_number": "+14157774444", "to_number": "+12137774445", "override_agent_id": "agent_1"},
        At("/override_agent_id", says="it looks like a create-phone-call body"),
        "/to_number",
    ),
    flags("phone_number in a task", {"from_number": "+14157774444", "tasks": [{"phone_number": "+12137774445"}]}, "/tasks/0/phone_number"),
    passes("phone_number beside to_number (RBV111)", with_task(phone_number="+12137774446")),
    passes("a key with no meaning (RBV111)", seed(campaign_owner="ann")),
    # names the spec has only for reference, or in the items of a list, or in an option object: no meaning here
    passes("a contact's name in a task (the batch's name is for reference only)", with_task(name="Ann")),
    passes("a post-call analysis item's field in a task", with_task(description="vip", required=True)),
    passes("one-word names of option objects", with_agent(text="Hi", action={"type": "hangup"}, word="Retell")),
    flags(
        "a distinctive name of an option object",
        with_agent(termination_key="#"),
        At("/tasks/0/agent_override/agent/termination_key", says="user_dtmf_options.termination_key"),
    ),
    flags("windows at the top level", seed(windows=[WINDOW]), At("/windows", says="call_time_window.windows")),
    flags("an agent field for every task", seed(language="en-US"), At("/language", says="tasks[].agent_override.agent.language")),
]

test_cases = cases_test(CODE, CASES)


def fixed(payload: dict[str, Any] | str, fmt: str = "json", *, unsafe: bool = False) -> Any:
    """The data of the payload's file after fixing (JSON written two-space indented)."""
    text = json.dumps(payload, indent=2) + "\n" if isinstance(payload, dict) else payload
    outcome = fix_text(text, fmt, file="payload", settings=Settings(now=parse_now(FIXED_NOW)), spec=load_spec(), unsafe=unsafe)  # type: ignore[arg-type]
    assert outcome.not_applied == ()
    assert CODE not in outcome.report.codes
    return read_text(outcome.after, fmt)[0].data  # type: ignore[arg-type]


MOVES = [
    (
        "agent_id into every task",
        {**seed(agent_id="agent_1"), "tasks": TWO_TASKS},
        False,
        {"tasks": [{**t, "override_agent_id": "agent_1"} for t in TWO_TASKS]},
    ),
    (
        "agent_id into the tasks that have none (unsafe)",
        {**seed(agent_id="agent_1"), "tasks": [{**TWO_TASKS[0], "override_agent_id": "agent_2"}, TWO_TASKS[1]]},
        True,
        {"tasks": [{**TWO_TASKS[0], "override_agent_id": "agent_2"}, {**TWO_TASKS[1], "override_agent_id": "agent_1"}]},
    ),
    ("agent_id renamed in its task", with_task(agent_id="agent_1"), False, {"tasks": [{**TWO_TASKS[0], "override_agent_id": "agent_1"}]}),
    (
        "one window per weekday, merged (day numbers: unsafe)",
        days_in_windows(*((540, 1020, [n]) for n in range(1, 6))),
        True,
        {"call_time_window": {"windows": [WINDOW], "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]}},
    ),
    (
        "the same days lifted out of each window",
        days_in_windows((540, 720, ["monday"]), (780, 1020, ["Monday"])),
        False,
        {"call_time_window": {"windows": [{"start": 540, "end": 720}, {"start": 780, "end": 1020}], "day": ["Monday"]}},
    ),
    ("scheduled_timestamp", seed(scheduled_timestamp=1_781_427_600_000), False, {"trigger_timestamp": 1_781_427_600_000}),
    ("seconds, unsafe", seed(start_time=1_781_427_600), True, {"trigger_timestamp": 1_781_427_600_000}),
    ("ISO 8601 with its offset", seed(scheduled_at="2026-06-14T09:00:00+02:00"), False, {"trigger_timestamp": 1_781_420_400_000}),
    (
        "variables into every task, task values win (unsafe)",
        {
            **seed(variables={"company": "Acme", "first_name": "?"}),
            "tasks": [{**TWO_TASKS[0], "retell_llm_dynamic_variables": {"first_name": "Ann"}}, TWO_TASKS[1]],
        },
        True,
        {
            "tasks": [
                {**TWO_TASKS[0], "retell_llm_dynamic_variables": {"first_name": "Ann", "company": "Acme"}},
                {**TWO_TASKS[1], "retell_llm_dynamic_variables": {"company": "Acme", "first_name": "?"}},
            ]
        },
    ),
    (
        "from_number lifted from the tasks",
        {"tasks": [{**t, "from_number": "+14157774444"} for t in TWO_TASKS]},
        False,
        {"tasks": TWO_TASKS, "from_number": "+14157774444"},
    ),
    (
        "timezone into call_time_window",
        seed(timezone="America/New_York", call_time_window={"windows": [WINDOW]}),
        False,
        {"call_time_window": {"windows": [WINDOW], "timezone": "America/New_York"}},
    ),
    (
        "hours to minutes",
        seed(call_time_window={"windows": [{"start_hour": 9, "end_hour": 17.5}]}),
        False,
        {"call_time_window": {"windows": [{"start": 540, "end": 1050}]}},
    ),
    (
        "llm_id and voice_id into each task's agent override",
        seed(llm_id="llm_1", voice_id="11labs-Adrian"),
        False,
        {
            "tasks": [
                {
                    **TWO_TASKS[0],
                    "agent_override": {
                        "agent": {"response_engine": {"type": "retell-llm", "llm_id": "llm_1"}, "voice_id": "11labs-Adrian"}
                    },
                }
            ]
        },
    ),
    (
        "a create-phone-call body becomes one task",
        {"from_number": "+14157774444", "to_number": "+12137774445", "retell_llm_dynamic_variables": {"n": "A"}},
        False,
        {"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"n": "A"}}]},
    ),
]


@pytest.mark.parametrize(("payload", "unsafe", "expected"), [m[1:] for m in MOVES], ids=[m[0] for m in MOVES])
def test_the_fix_moves_the_value_where_the_api_reads_it(payload: dict[str, Any], unsafe: bool, expected: dict[str, Any]) -> None:
    assert fixed(payload, unsafe=unsafe) == {"from_number": "+14157774444", "tasks": SEED_TASKS, **expected}
    if unsafe:  # the safe pass alone leaves it
        text = json.dumps(payload, indent=2) + "\n"
        settings = Settings(now=parse_now(FIXED_NOW))
        assert fix_text(text, "json", file="payload", settings=settings, spec=load_spec(), unsafe=False).after == text


def test_a_yaml_payload_keeps_its_comments_and_layout() -> None:
    text = (
        "# Monday campaign\n"
        "from_number: '+14157774444'\n"
        "agent_id: agent_1  # from the dashboard\n"
        "tasks:\n"
        "  - to_number: '+12137774445'\n"
        "    variables:\n"
        "      first_name: Ann\n"
        "call_time_window:\n"
        "  timezone: America/New_York\n"
        "  windows:\n"
        "    - {start: 540, end: 1020, day: [Monday, Tuesday]}\n"
    )
    settings = Settings(now=parse_now(FIXED_NOW))
    after = fix_text(text, "yaml", file="payload", settings=settings, spec=load_spec(), unsafe=False).after
    assert after == (
        "# Monday campaign\n"
        "from_number: '+14157774444'\n"
        "tasks:\n"
        "  - to_number: '+12137774445'\n"
        "    retell_llm_dynamic_variables:\n"
        "      first_name: Ann\n"
        "    override_agent_id: agent_1\n"
        "call_time_window:\n"
        "  timezone: America/New_York\n"
        "  windows:\n"
        "    - {start: 540, end: 1020}\n"
        "  day: [Monday, Tuesday]\n"
    )


def test_windows_with_different_days_get_no_fix_and_never_the_repeat_advice() -> None:
    report = check(days_in_windows((540, 1020, ["Monday"]), (540, 1020, ["Tuesday"]), (600, 840, ["Saturday"])))
    assert [d.code for d in report.diagnostics if d.code in (CODE, "RBV304")] == [CODE] * 3
    assert all(d.fix is None for d in report.diagnostics if d.code == CODE)
    assert report.diagnostics[0].hint == "send one batch per group of days, each with its own windows and call_time_window.day"


def test_the_finding_supersedes_the_unknown_key_warning() -> None:
    report = check(seed(agent_id="agent_1"))
    assert [(d.code, d.severity.value, d.pointer) for d in report.diagnostics] == [(CODE, "error", "/agent_id")]
    assert report.diagnostics[0].hint == "move it into the 1 task that has none; `--fix` does it"


def test_a_timezone_without_a_window_has_no_fix() -> None:
    [d] = [d for d in check(seed(timezone="America/New_York")).diagnostics if d.code == CODE]
    assert (d.fix, d.hint) == (None, "add call_time_window (windows, and this timezone)")


def test_many_tasks_each_with_agent_id_are_each_moved_in_their_task() -> None:
    tasks = [{"to_number": f"+1213777{i:04d}", "agent_id": "agent_1"} for i in range(2000)]
    report = check(seed(tasks=tasks))
    found = [d for d in report.diagnostics if d.code == CODE]
    assert len(found) == 2000 and all(d.fix is not None and d.fix.safe for d in found)


# --- The misplaced-key table: every entry sourced and at places the spec has; conversions of moved values.


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
