"""Realistic batch payloads for the benchmark: distinct valid US numbers over many area codes.

Every task has three dynamic variables and ``metadata``; every 10th overrides the agent id and
version; every 50th carries an ``agent_override``; the batch has a ``call_time_window``.
Numbers are drawn from phonenumbers' own example numbers per US area code, so they are valid.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import Any

import phonenumbers


@cache
def us_prefixes() -> list[str]:
    """``+1NPANXX`` prefixes whose numbers phonenumbers accepts as valid (fixed line or mobile)."""
    rnd = random.Random(7)
    found: list[str] = []
    for npa in range(201, 990):
        for _ in range(3):
            prefix = f"+1{npa}{rnd.randint(200, 999)}"
            number = phonenumbers.parse(prefix + "4567")
            if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "US":
                found.append(prefix)
                break
    return found


#: How each ``to_number`` is written: E.164 (clean), or wrong in every task the way spreadsheets do it.
SPELLINGS: dict[str, Callable[[str], str | int]] = {
    "e164": lambda number: number,
    "spaced": lambda number: f"({number[2:5]}) {number[5:8]}-{number[8:]}",
    "integer": lambda number: int(number[1:]),
}


def make_payload(tasks: int, *, numbers: str = "e164", seed: int = 1) -> dict[str, Any]:
    rnd = random.Random(seed)
    prefixes = us_prefixes()
    spell = SPELLINGS[numbers]
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i in range(tasks):
        while True:
            number = f"{rnd.choice(prefixes)}{rnd.randint(0, 9999):04d}"
            if number not in seen:
                seen.add(number)
                break
        task: dict[str, Any] = {
            "to_number": spell(number),
            "retell_llm_dynamic_variables": {"customer_name": f"Customer {i}", "appointment": "Tuesday 10am", "clinic": "Main St"},
            "metadata": {"crm_id": i, "segment": rnd.choice("abc")},
        }
        if i % 10 == 0:
            task["override_agent_id"] = "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD"
            task["override_agent_version"] = 3
        if i % 50 == 0:
            task["agent_override"] = {
                "agent": {"voice_id": "11labs-Adrian", "voice_model": "eleven_turbo_v2_5", "voice_speed": 1.1},
                "retell_llm": {"model": "gpt-4.1", "model_temperature": 0.2},
            }
        items.append(task)
    return {
        "name": f"bench {tasks}",
        "from_number": "+14157774444",
        "call_time_window": {
            "windows": [{"start": 660, "end": 1020}],
            "timezone": "America/Chicago",
            "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        },
        "tasks": items,
    }
