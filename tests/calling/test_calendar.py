"""The holidays the calling-time law counts (validator.calling.calendar): the kept snapshot equals the installed package."""

from __future__ import annotations

import json

from validator.calling.law_table import holiday_snapshot
from validator.cli.lawdoc import SNAPSHOT


def test_holidays_snapshot_matches_the_installed_package() -> None:
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == holiday_snapshot(), "run `python -m validator.cli.lawdoc --holidays`"
