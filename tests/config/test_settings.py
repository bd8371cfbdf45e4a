"""``Settings`` says no: every field is checked when made, and the library's errors name its arguments, not CLI flags."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, get_type_hints

import pytest

from tests.helpers import FIXED_NOW, SEED
from validator import Settings, validate, validate_text
from validator.api import CheckArgs, CheckOptions
from validator.diagnostics import Severity
from validator.options import CALL_PURPOSES, DEFAULT_CALLING_HOURS


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"call_purpose": "informatonal"},
            "call_purpose='informatonal' is not a call purpose; did you mean 'informational'? "
            "(use 'solicitation', 'informational', 'debt-collection', 'charitable' or 'poll')",
        ),
        ({"call_purpose": 3}, "call_purpose=3 is not a call purpose (use 'solicitation', 'informational',"),
        ({"ignore": {"RBV7O5"}}, "ignore='RBV7O5' is not a rule code, prefix or name; did you mean 'RBV705'? (ALL, RBV and digits"),
        ({"select": ["RBV1", "RBV9999"]}, "select='RBV9999' is not a rule code, prefix or name (ALL, RBV and digits that begin a code"),
        ({"select": "R"}, "select='R' is not a rule code, prefix or name"),
        ({"select": [1]}, 'select=[1] is not a list of rule codes or names (strings), such as ["RBV1", "outside-legal-hours"]'),
        ({"ignore": 705}, "ignore=705 is not a list of rule codes or names (strings)"),
        ({"severity": {"RBV111": "fatal"}}, "severity['RBV111']='fatal' is not a severity (use 'error', 'warning' or 'info')"),
        ({"severity": {"RBV9999": "error"}}, "severity='RBV9999' is not a rule code, prefix or name"),
        ({"severity": ["RBV111"]}, 'severity=[\'RBV111\'] is not a table of code = "error"|"warning"|"info"'),
        ({"calling_hours": (1260, 480)}, "calling_hours=(1260, 480) is not a range of local times: the start must come before the end"),
        ({"calling_hours": "21:00-08:00"}, "calling_hours='21:00-08:00' is not a range of local times such as \"08:00-21:00\""),
        ({"calling_hours": (0, 1500)}, "calling_hours=(0, 1500) is not a range of local times"),
        ({"horizon_days": 0}, "horizon_days=0 is not a whole number of days from 1 to 366"),
        ({"horizon_days": True}, "horizon_days=True is not a whole number of days"),
        ({"horizon_days": "14"}, "horizon_days='14' is not a whole number of days"),
        ({"now": "junk"}, "now='junk' is not a moment: use ISO 8601 (2026-01-01T09:00:00Z) or epoch milliseconds within years 1-9999"),
        ({"now": [2026]}, "now=[2026] is not a moment"),
    ],
)
def test_settings_refuse_a_bad_field_naming_it_and_what_it_accepts(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        Settings(**arguments)


def test_a_string_is_one_code_or_a_comma_separated_list_never_its_characters() -> None:
    assert Settings(ignore="RBV705").ignore == frozenset({"RBV705"})  # type: ignore[arg-type]
    assert Settings(ignore="rbv705, RBV8").ignore == frozenset({"RBV705", "RBV8"})  # type: ignore[arg-type]
    assert Settings(select=["RBV1", "RBV2"]).select == frozenset({"RBV1", "RBV2"})  # type: ignore[arg-type]
    assert Settings(select=("ALL",)).select == frozenset({"ALL"})  # type: ignore[arg-type]
    assert Settings(select=frozenset({"RBV"})).enabled("RBV705")  # RBV alone begins every code


def test_values_are_normalised_to_the_fields_types() -> None:
    settings = Settings(
        now="2026-06-01T09:00:00",  # type: ignore[arg-type]
        calling_hours="9:00-17:30",  # type: ignore[arg-type]
        call_purpose="Informational",
        severity={"RBV1": "warning", "rbv111": Severity.ERROR},  # type: ignore[dict-item]
    )
    assert settings.now == datetime(2026, 6, 1, 9, tzinfo=UTC)  # naive means UTC, as for --now
    assert settings.calling_hours == (540, 1050)
    assert settings.call_purpose == "informational"
    assert settings.severity["RBV102"] is Severity.WARNING  # resolved per code from the prefix
    assert settings.severity["RBV111"] is Severity.ERROR  # the longer prefix wins
    assert settings.severity_of("RBV201", Severity.INFO) is Severity.INFO
    assert isinstance(settings.severity, MappingProxyType)


def test_every_call_purpose_and_the_defaults_are_accepted() -> None:
    for purpose in CALL_PURPOSES:
        assert Settings(call_purpose=purpose).call_purpose == purpose
    assert Settings().calling_hours == DEFAULT_CALLING_HOURS
    assert Settings(calling_hours=(0, 1440), horizon_days=366, select=frozenset({"ALL"})).horizon_days == 366


def test_replace_checks_again() -> None:
    with pytest.raises(ValueError, match=r"^ignore='RBV0X' is not a rule code, prefix or name"):
        dataclasses.replace(Settings(), ignore=frozenset({"RBV0X"}))


def test_the_library_names_its_now_argument_not_the_flag() -> None:
    calls: list[Callable[[], object]] = [lambda: validate(SEED, now="junk"), lambda: validate_text("{}", "json", now="junk")]
    for call in calls:
        with pytest.raises(ValueError) as raised:
            call()
        assert str(raised.value).startswith("now='junk' is not a moment: use ISO 8601")
        assert "--now" not in str(raised.value)


def test_validate_says_no_to_bad_settings_before_checking() -> None:
    with pytest.raises(ValueError, match="call_purpose='informatonal'"):
        validate(SEED, settings=Settings(call_purpose="informatonal"), now=FIXED_NOW)


def test_check_args_are_check_options_fields_and_now() -> None:
    """validate_text's keyword arguments go to CheckOptions by name: the two lists cannot drift apart."""
    fields = {field.name for field in dataclasses.fields(CheckOptions)}
    assert set(get_type_hints(CheckArgs)) == fields - {"format"} | {"now"}
