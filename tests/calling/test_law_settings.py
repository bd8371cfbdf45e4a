"""The calling-time law's settings in the configuration file: ``call-purpose`` and ``horizon-days``."""

from __future__ import annotations

from pathlib import Path

import pytest

from validator.config import ConfigError, load_config


def test_call_purpose_and_horizon_days_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / ".retell-validate.toml"
    path.write_text('call-purpose = "informational"\nhorizon-days = 30\n', encoding="utf-8")
    settings = load_config(path).settings_for(None)
    assert (settings.call_purpose, settings.horizon_days) == ("informational", 30)
    for bad in ('call-purpose = "sales"', "horizon-days = 0", 'horizon-days = "7"', "horizon-days = 400"):
        path.write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(ConfigError):
            load_config(path)
