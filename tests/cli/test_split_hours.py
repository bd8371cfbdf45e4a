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
    files = sorted(out.glob("*.json"))
    assert len(files) > 10 and not [f for f in files if "no-legal-window" in f.name]
    seen: list[str] = []
    for file in files:
        part = json.loads(file.read_text(encoding="utf-8"))
        assert {k: v for k, v in part.items() if k not in ("tasks", "call_time_window")} == {
            "from_number": "+14157774444",
            "name": "launch",
        }
        seen.extend(json.dumps(task, sort_keys=True) for task in part["tasks"])
        report = validate_file(file, now=FIXED_NOW)
        assert [(d.code, d.message) for d in report.diagnostics if d.code in LAW_CODES] == [], file.name
        assert not [d for d in report.diagnostics if d.code.startswith("RBV70") and d.severity is not Severity.INFO], file.name
    assert sorted(seen) == sorted(json.dumps(task, sort_keys=True) for task in payload["tasks"])  # each task exactly once, unchanged
    table = result.output.splitlines()
    assert table[0].split() == ["file", "tasks", "zone", "window"] and len(table) == len(files) + 1


def test_split_narrows_to_the_intersection_in_the_groups_zone(tmp_path: Path) -> None:
    florida, georgia = "+13055550123", "+14045550123"
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": florida}, {"to_number": georgia}, {"to_number": florida}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 480, "end": 1260}], "day": ["Monday", "Tuesday"]},
    }
    out = tmp_path / "parts"
    assert invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW).exit_code == 0
    first, second = sorted(out.glob("*.json"))
    assert first.name == "001-America_New_York-US+US_FL.json"
    florida_part = json.loads(first.read_text(encoding="utf-8"))
    # 08:00–21:00 Chicago is 09:00–22:00 New York; Florida allows 08:00–20:00: never wider than either.
    assert florida_part["call_time_window"] == {
        "timezone": "America/New_York",
        "windows": [{"start": 540, "end": 1200}],
        "day": ["Monday", "Tuesday"],
    }
    assert [t["to_number"] for t in florida_part["tasks"]] == [florida, florida]
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
    (part,) = out.glob("*.json")
    window = json.loads(part.read_text(encoding="utf-8"))["call_time_window"]
    assert window["day"] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def test_a_group_without_a_legal_window_gets_its_own_file_and_is_reported(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+15045550123"}, {"to_number": "+14045550123"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 660}], "day": ["Sunday"]},
    }
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 0
    names = sorted(p.name for p in out.glob("*.json"))
    assert names == ["001-America_Chicago-US+US_LA-no-legal-window.json", "002-America_New_York-US.json"]
    empty = json.loads((out / names[0]).read_text(encoding="utf-8"))
    assert empty["tasks"] == [{"to_number": "+15045550123"}] and empty["call_time_window"] == payload["call_time_window"]
    assert "NONE: no minute is legal for US+US-LA" in result.output


@pytest.mark.parametrize(
    "payload",
    [
        {
            "from_number": "+14157774444",
            "tasks": [{"to_number": "not a number"}],
            "call_time_window": {"windows": [{"start": 600, "end": 660}]},
        },
        {"from_number": "+14157774444", "tasks": [{"to_number": "+15045550123"}]},
    ],
    ids=["invalid", "no-window"],
)
def test_split_refuses_bad_input_and_writes_nothing(tmp_path: Path, payload: dict[str, Any]) -> None:
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 2 and "error:" in result.output
    assert not out.exists()


def test_split_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = invoke("split", str(tmp_path / "missing.json"), "-o", str(tmp_path / "parts"))
    assert result.exit_code == 2 and "cannot read" in result.output
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert invoke("split", str(tmp_path / "broken.json"), "-o", str(tmp_path / "parts")).exit_code == 2
    assert not (tmp_path / "parts").exists()


def test_hours_grid_and_svg_name_each_group(tmp_path: Path) -> None:
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+13055550123"}, {"to_number": "+15045550123"}, {"to_number": "+61291234567"}],
        "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 420, "end": 1320}]},
    }
    svg = tmp_path / "hours.svg"
    result = invoke("hours", str(write(tmp_path, payload)), "--svg", str(svg), "--now", FIXED_NOW, "--color", "never")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "US+US-FL: 1 task, America/New_York local time"
    # Florida on Mondays: 08:00-20:00 rings legally, 20:00-23:00 rings but is barred, 00:00-08:00 neither.
    assert lines[2] == "Mon  " + " " * 8 + "#" * 12 + "X" * 3 + " "
    root = ET.parse(svg).getroot()
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    for title in (
        "US+US-FL: 1 task, America/New_York local time",
        "US+US-LA: 1 task, America/Chicago local time",
        "AU: 1 task, Australia/Sydney local time",
    ):
        assert title in texts
    colored = invoke("hours", str(write(tmp_path, payload)), "--now", FIXED_NOW, "--color", "always")
    assert "\x1b[" in colored.output


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


def test_tasks_without_a_zone_keep_the_batch_window_in_a_part_of_their_own(tmp_path: Path) -> None:
    # With the phone rules ignored, a number that is not E.164 is no error: it has no zone and no place.
    (tmp_path / ".retell-validate.toml").write_text('ignore = ["RBV2"]\n', encoding="utf-8")
    window = {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1260}]}
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "(213) 555-0123"}, {"to_number": "+13055550123"}],
        "call_time_window": window,
    }
    out = tmp_path / "parts"
    result = invoke("split", str(write(tmp_path, payload)), "-o", str(out), "--now", FIXED_NOW)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.json")) == ["001-America_New_York-US+US_FL.json", "002-unplaced.json"]
    rest = json.loads((out / "002-unplaced.json").read_text(encoding="utf-8"))
    assert rest["tasks"] == [{"to_number": "(213) 555-0123"}] and rest["call_time_window"] == window
    assert "unchanged: no zone known for these numbers" in result.output


def test_hours_refuses_a_payload_without_a_window_or_with_errors(tmp_path: Path) -> None:
    no_window = {"from_number": "+14157774444", "tasks": [{"to_number": "+15045550123"}]}
    result = invoke("hours", str(write(tmp_path, no_window)), "--now", FIXED_NOW)
    assert result.exit_code == 2 and "no usable call_time_window" in result.output
    invalid = {"from_number": "+14157774444", "tasks": [{"to_number": 5}], "call_time_window": {"windows": [{"start": 0, "end": 60}]}}
    assert invoke("hours", str(write(tmp_path, invalid)), "--now", FIXED_NOW).exit_code == 2


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
    assert sorted(p.name for p in out.iterdir()) == ["001-America_New_York-US+US_FL.json", "002-America_New_York-US.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.json", "parts"]
