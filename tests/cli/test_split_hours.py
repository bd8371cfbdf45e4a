"""``retell-validate split`` and ``retell-validate hours``: one payload per legal envelope, and the week it rings."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.calling.numbers import TOLL_FREE, number_in
from tests.helpers import FIXED_NOW
from validator import validate_file
from validator.campaign.hours import STATES
from validator.cli.main import main
from validator.diagnostics import Severity
from validator.knowledge.locations import subdivision_names

LAW_CODES = ("RBV701", "RBV705", "RBV706", "RBV707", "RBV708")


def every_place_batch(per_place: int = 3) -> dict[str, Any]:
    """Numbers in every state, DC, territory with numbers, and province; plus toll-free and two other countries."""
    numbers: list[str] = []
    for country, names in subdivision_names().items():
        for code in sorted(set(names.values()) - {"AS", "MP", "NU", "GU", "VI", "PR"}):  # territories: by region, below
            base = number_in(country, code, one_zone=False)
            numbers.extend(base[:-2] + f"{n:02d}" for n in range(per_place))
    numbers += [TOLL_FREE, "+17872345678", "+13406421234", "+16713001234", "+61291234567", "+33123456789"]
    tasks = [
        {
            "to_number": number,
            "retell_llm_dynamic_variables": {"name": f"Customer {i}", "order": str(i)},
            "metadata": {"row": i},
            **({"override_agent_id": "agent_x"} if i % 7 == 0 else {}),
        }
        for i, number in enumerate(numbers)
    ]
    return {
        "from_number": "+14157774444",
        "name": "launch",
        "tasks": tasks,
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 420, "end": 1320}]},
    }


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def write(tmp_path: Path, payload: dict[str, Any]) -> Path:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_split_round_trip_every_state_and_canada(tmp_path: Path) -> None:
    payload = every_place_batch()
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 0, result.output
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    files = [out / part["file"] for part in plan["parts"]]
    assert len(files) > 10 and sorted(out.glob("[0-9]*.json")) == sorted(files)
    seen: list[str] = []
    names = set()
    for file, listed in zip(files, plan["parts"], strict=True):
        part = json.loads(file.read_text(encoding="utf-8"))
        assert {k: v for k, v in part.items() if k not in ("tasks", "call_time_window", "name")} == {"from_number": "+14157774444"}
        assert part["name"].startswith(f"launch ({file.name[:2].lstrip('0')}/{len(files)}: ")
        names.add(part["name"])
        assert part["call_time_window"]["timezone"] == listed["timezone"] and part["call_time_window"]["windows"] == listed["windows"]
        seen.extend(json.dumps(task, sort_keys=True) for task in part["tasks"])
        report = validate_file(file, now=FIXED_NOW)
        assert [(d.code, d.message) for d in report.diagnostics if d.code in LAW_CODES] == [], file.name
        assert not [d for d in report.diagnostics if d.code.startswith("RBV70") and d.severity is not Severity.INFO], file.name
    assert len(names) == len(files)  # every part a batch name of its own
    aside = json.loads((out / "set-aside.json").read_text(encoding="utf-8"))
    seen.extend(json.dumps(item["task"], sort_keys=True) for item in aside)
    assert sorted(seen) == sorted(json.dumps(task, sort_keys=True) for task in payload["tasks"])  # each task exactly once, unchanged
    assert plan["set_aside"]["rows"] == len(aside)


def test_split_narrows_to_the_intersection_in_the_groups_zone(tmp_path: Path) -> None:
    florida, georgia = "+13055550123", "+14045550123"
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": florida}, {"to_number": georgia}, {"to_number": "+13055550124"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 480, "end": 1260}], "day": ["Monday", "Tuesday"]},
    }
    out = tmp_path / "parts"
    assert invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW).exit_code == 0
    first, second = sorted(out.glob("0*.json"))
    assert first.name == "01-eastern-mon-tue-0900-2000.json"
    florida_part = json.loads(first.read_text(encoding="utf-8"))
    # 08:00–21:00 Chicago is 09:00–22:00 New York; Florida allows 08:00–20:00: never wider than either.
    assert florida_part["call_time_window"] == {
        "timezone": "America/New_York",
        "windows": [{"start": 540, "end": 1200}],
        "day": ["Monday", "Tuesday"],
    }
    assert [t["to_number"] for t in florida_part["tasks"]] == [florida, "+13055550124"]
    georgia_part = json.loads(second.read_text(encoding="utf-8"))
    assert georgia_part["call_time_window"]["windows"] == [{"start": 540, "end": 1260}]


def test_split_drops_days_the_law_forbids(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+15045550123"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 1020}]},
    }
    out = tmp_path / "parts"
    assert invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", "2026-03-10T12:00:00Z").exit_code == 0
    (part,) = out.glob("0*.json")
    window = json.loads(part.read_text(encoding="utf-8"))["call_time_window"]
    assert window["day"] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def test_a_group_without_a_legal_window_is_set_aside_with_its_reason(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+15045550123"}, {"to_number": "+14045550123"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 660}], "day": ["Sunday"]},
    }
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["01-eastern-sun-1100-1200.json", "plan.json", "plan.txt", "set-aside.json"]
    aside = json.loads((out / "set-aside.json").read_text(encoding="utf-8"))
    assert aside == [
        {
            "index": 0,
            "reason": "no legal window left: no minute is allowed for Louisiana in America/Chicago by both the window and the law",
            "task": {"to_number": "+15045550123"},
        }
    ]
    assert result.output.splitlines()[-1].startswith("1 row set aside (1 no legal window left)")


def test_tasks_with_errors_are_set_aside_and_the_rest_split(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "not a number"}, {"to_number": 5}, {"to_number": "+13055550123"}, {"to_number": "+13055550123"}],
        "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 600, "end": 660}]},
    }
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 0, result.output
    aside = json.loads((out / "set-aside.json").read_text(encoding="utf-8"))
    assert [(item["index"], item["reason"].split(":")[0]) for item in aside] == [
        (0, "an error in the task"),
        (1, "an error in the task"),
        (3, "a duplicate of an earlier row"),
    ]
    assert aside[0]["reason"].startswith("an error in the task: RBV201 ")
    (part,) = out.glob("0*.json")
    assert json.loads(part.read_text(encoding="utf-8"))["tasks"] == [{"to_number": "+13055550123"}]


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        ({"from_number": "+14157774444", "tasks": [{"to_number": "+15045550123"}]}, "no usable call_time_window"),
        ({"from_number": 5, "tasks": [{"to_number": "+15045550123"}], "call_time_window": {"windows": [{"start": 0, "end": 60}]}}, "RBV"),
        ({"from_number": "+14157774444", "tasks": []}, "no tasks"),
    ],
    ids=["no-window", "batch-error", "no-tasks"],
)
def test_split_refuses_a_batch_it_cannot_use_and_writes_nothing(tmp_path: Path, payload: dict[str, Any], says: str) -> None:
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 2 and "error:" in result.output and says in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.json"]


def test_split_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = invoke("split", str(tmp_path / "missing.json"), "-o", str(tmp_path / "parts"))
    assert result.exit_code == 2 and "cannot read" in result.output
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert invoke("split", str(tmp_path / "broken.json"), "-o", str(tmp_path / "parts")).exit_code == 2
    assert not (tmp_path / "parts").exists()


def test_hours_grid_and_svg_name_each_group(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+13055550123"}, {"to_number": "+15045550123"}, {"to_number": "+61291234567"}, {"to_number": "oops"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 420, "end": 1320}]},
    }
    svg = tmp_path / "hours.svg"
    result = invoke("hours", str(write(tmp_path, payload)), "--svg", str(svg), "--now", FIXED_NOW, "--color", "never")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("legend: '#' rings, and the law allows it; 'X' rings, but a rule bars (some of) it")
    assert lines[1] == "Mon 2026-06-01 to Mon 2026-06-15 (14 days): 3 rows in 3 groups; 1 row set aside (1 an error in the task)"
    titles = [line for line in lines if line[:1].isdigit()]
    assert titles == [
        "1. Florida: 1 row, eastern time (America/New_York)",
        "2. Louisiana: 1 row, central time (America/Chicago)",
        "3. Australia: 1 row, sydney time (Australia/Sydney)",
    ]
    # Florida on Mondays: 08:00-20:00 rings legally, 20:00-23:00 rings but is barred, 00:00-08:00 neither.
    florida = lines.index(titles[0])
    assert lines[florida + 2] == "Mon  " + " " * 8 + "#" * 12 + "X" * 3 + " "
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    texts = [element.text for element in root.iter(f"{ns}text")]
    assert root.findtext(f"{ns}title") == "When calls can ring: " + str(tmp_path / "batch.json")
    assert texts[:3] == ["When calls can ring: " + str(tmp_path / "batch.json"), lines[1], texts[2]]
    legend = [t for t in texts if t in {words for *_, words in STATES.values()}]
    assert legend == [words for *_, words in STATES.values()] and texts.index(legend[0]) < texts.index(titles[0].split(": ")[0])
    for title in titles:
        assert title.split(": ")[0] in texts
    fills = {rect.get("fill") for rect in root.iter(f"{ns}rect")}
    assert {"url(#hatch)", "url(#dots)"} <= fills  # barred and legal-only hours differ by pattern, not only by colour
    assert int(root.get("width", "0")) <= 1600 and int(root.get("height", "0")) <= 1000  # side by side, not one long column
    colored = invoke("hours", str(write(tmp_path, payload)), "--now", FIXED_NOW, "--color", "always")
    assert "\x1b[" in colored.output


def test_hours_of_a_contact_list_draws_the_callable_rows(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number,name\n+13055550123,A\n555-0124,B\n(305) 555-0123,C\n", encoding="utf-8")
    result = invoke("hours", str(source), "--now", FIXED_NOW, "--window", "09:00-20:00", "--timezone", "America/New_York")
    assert result.exit_code == 0, result.output
    assert "1 row in 1 group; 2 rows set aside (1 not a dialable number, 1 a duplicate of an earlier row)" in result.output


def test_check_call_purpose_option(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+13055550123"}],
        "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1260}]},
    }
    path = write(tmp_path, payload)
    solicitation = invoke("check", str(path), "--now", FIXED_NOW, "--select", "RBV705")
    assert solicitation.exit_code == 0 and "RBV705 [warning] Florida:" in solicitation.output
    informational = invoke("check", str(path), "--now", FIXED_NOW, "--select", "RBV705", "--call-purpose", "informational")
    assert "RBV705" not in informational.output
    assert invoke("check", str(path), "--call-purpose", "sales").exit_code == 2


def test_hours_refuses_a_payload_without_a_window(tmp_path: Path) -> None:
    no_window = {"from_number": "+14157774444", "tasks": [{"to_number": "+15045550123"}]}
    result = invoke("hours", str(write(tmp_path, no_window)), "--now", FIXED_NOW)
    assert result.exit_code == 2 and "no usable call_time_window" in result.output


def test_split_refuses_a_folder_that_holds_files_and_publishes_parts_all_at_once(tmp_path: Path) -> None:
    """A part left from an earlier run beside the new ones would be sent too: split writes only into a new or empty folder."""
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+13055550123"}, {"to_number": "+14045550123"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 480, "end": 1260}]},
    }
    batch = write(tmp_path, payload)
    out = tmp_path / "parts"
    out.mkdir()
    (out / "001-old-part.json").write_text("{}", encoding="utf-8")
    refused = invoke("split", str(batch), "-o", str(out), "--now", FIXED_NOW)
    assert refused.exit_code == 2 and "not an empty directory" in refused.output
    assert [p.name for p in out.iterdir()] == ["001-old-part.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.json", "parts"]  # no staging folder left behind
    (out / "001-old-part.json").unlink()
    written = invoke("split", str(batch), "-o", str(out), "--now", FIXED_NOW)  # near miss: an empty folder is fine
    assert written.exit_code == 0, written.output
    assert sorted(p.name for p in out.iterdir()) == [
        "01-eastern-every-day-0900-2000.json",
        "02-eastern-every-day-0900-2100.json",
        "plan.json",
        "plan.txt",
        "set-aside.json",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.json", "parts"]
