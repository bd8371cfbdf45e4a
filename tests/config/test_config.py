"""Configuration files: discovery, every key, precedence with the command line, and clear errors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from validator.config import KEYS, ConfigError, ConfigFinder, Overrides, find_config, load_config
from validator.diagnostics import Severity
from validator.options import CALLING_HOURS, Invalid


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_every_key_is_read(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path / ".retell-validate.toml",
            """
select = ["RBV1", "rbv2"]
ignore = ["RBV111"]
extend-select = ["RBV3"]
exclude = ["drafts/"]
fail-on = "warning"
calling-hours = "09:30-20:00"
call-purpose = "informational"
horizon-days = 21
region = "gb"
sheet = "Contacts"
location-columns = ["Home State", "zip"]
now = 2026-06-01T09:00:00Z
spec = "specs/retell.yaml"
[per-file-ignores]
"legacy/*.json" = ["RBV2"]
[severity]
RBV1 = "warning"
RBV111 = "error"
""",
        )
    )
    settings = config.settings_for(tmp_path / "legacy" / "a.json")
    assert settings.select == {"RBV1", "RBV2", "RBV3"}
    assert settings.ignore == {"RBV111", "RBV2"}
    assert settings.calling_hours == (570, 1200)
    assert (settings.call_purpose, settings.horizon_days) == ("informational", 21)
    assert (settings.region, settings.sheet) == ("GB", "Contacts")
    assert settings.location_columns == ("homestate", "zip")  # compared without case, spaces or punctuation
    assert settings.now == datetime(2026, 6, 1, 9, tzinfo=UTC)
    assert settings.severity["RBV102"] is Severity.WARNING  # from the RBV1 prefix
    assert settings.severity["RBV111"] is Severity.ERROR  # the longer prefix wins
    assert config.fail_threshold() is Severity.WARNING
    assert config.excludes(tmp_path / "drafts" / "x.yaml")
    assert not config.excludes(tmp_path / "payloads" / "x.yaml")
    assert config.settings_for(tmp_path / "other.json").ignore == {"RBV111"}
    assert config.spec == tmp_path.absolute() / "specs" / "retell.yaml"  # relative to the configuration's folder
    assert set(KEYS) == {
        "select",
        "ignore",
        "extend-select",
        "per-file-ignores",
        "severity",
        "fail-on",
        "calling-hours",
        "call-purpose",
        "horizon-days",
        "region",
        "sheet",
        "location-columns",
        "now",
        "exclude",
        "spec",
        "dnc",
        "dnc-exemption-key",
        "agents",
    }


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / ".retell-validate.toml", 'select = ["RBV1"]\nignore = ["RBV111"]\nfail-on = "info"\nnow = 0\n'))
    moment = datetime(2027, 1, 1, tzinfo=UTC)
    overrides = Overrides(
        select=frozenset({"RBV2"}), ignore=frozenset({"RBV201"}), fail_on=Severity.ERROR, now=moment, calling_hours=(0, 60)
    )
    settings = config.settings_for(None, overrides)
    assert settings.select == {"RBV2"}
    assert settings.ignore == {"RBV111", "RBV201"}
    assert settings.now == moment
    assert settings.calling_hours == (0, 60)
    assert config.fail_threshold(overrides) is Severity.ERROR
    assert config.settings_for(None).now == datetime(1970, 1, 1, tzinfo=UTC)  # epoch milliseconds


def test_discovery_walks_up_and_skips_pyproject_without_our_table(tmp_path: Path) -> None:
    root = write(tmp_path / "pyproject.toml", '[tool.retell-validate]\nignore = ["RBV111"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "other"\n')
    nested = tmp_path / "sub" / "deeper" / "batch.json"
    write(nested, "{}")
    assert find_config(nested) == root
    dotfile = write(tmp_path / "sub" / ".retell-validate.toml", "")
    assert find_config(nested) == dotfile
    write(tmp_path / "sub" / "deeper" / "pyproject.toml", '[tool.retell-validate]\nfail-on = "info"\n')
    assert find_config(nested) == tmp_path / "sub" / "deeper" / "pyproject.toml"


def test_dotfile_beats_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.retell-validate]\nignore = ["RBV111"]\n')
    dotfile = write(tmp_path / ".retell-validate.toml", "")
    assert find_config(tmp_path) == dotfile


def test_finder_uses_defaults_without_a_file_and_explicit_file_everywhere(tmp_path: Path) -> None:
    assert ConfigFinder().for_path(tmp_path / "x.json").settings_for(None).select == {"ALL"}
    explicit = write(tmp_path / "ci.toml", 'ignore = ["RBV2"]\n')
    write(tmp_path / "sub" / ".retell-validate.toml", 'ignore = ["RBV3"]\n')
    assert ConfigFinder(explicit).for_path(tmp_path / "sub" / "x.json").settings_for(None).ignore == {"RBV2"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["RBV1"]', "unknown key 'selct'; did you mean 'select'?"),
        ("bogus = 1", "unknown key 'bogus' (known keys: select, ignore"),
        ('ignore = ["RBV9999"]', "ignore: 'RBV9999' is not a rule code, prefix or name (ALL, RBV and digits that begin a code"),
        ('ignore = ["R"]', "ignore: 'R' is not a rule code, prefix or name"),
        ('ignore = ["RBV7O5"]', "ignore: 'RBV7O5' is not a rule code, prefix or name; did you mean 'RBV705'?"),
        ('select = "RBV1"', "select: 'RBV1' is not a list of rule codes or names (strings), such as"),
        ('[per-file-ignores]\n"*.json" = ["XYZ"]', "per-file-ignores: '*.json': 'XYZ' is not a rule code, prefix or name"),
        ('[severity]\nRBV999 = "error"', "severity: 'RBV999' is not a rule code, prefix or name"),
        ('[severity]\nRBV111 = "fatal"', "severity: 'RBV111': 'fatal' is not a severity (use 'error', 'warning' or 'info')"),
        ('fail-on = "sometimes"', "fail-on: 'sometimes' is not a severity (use 'error', 'warning' or 'info')"),
        ('call-purpose = "informatonal"', "call-purpose: 'informatonal' is not a call purpose; did you mean 'informational'?"),
        ("horizon-days = 0", "horizon-days: 0 is not a whole number of days from 1 to 366"),
        ('calling-hours = "21:00-08:00"', "calling-hours: '21:00-08:00' is not a range of local times"),
        ('calling-hours = "8-21"', "calling-hours: '8-21' is not a range"),
        ('spec = ["a.yaml"]', "spec: ['a.yaml'] is not a path (a non-empty string)"),
        ('now = "tomorrow"', "now: 'tomorrow' is not a moment: use ISO 8601"),
        ("select = [", "not valid TOML"),
    ],
)
def test_mistakes_are_config_errors_naming_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".retell-validate.toml", text + "\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert message in str(raised.value)
    assert str(path) in str(raised.value)


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.retell-validate]\nignore = ["nope"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.retell-validate\]: ignore: 'nope' is not a rule code"):
        load_config(path)


def test_broken_pyproject_is_reported_only_when_it_mentions_us(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project\n")
    assert find_config(tmp_path) is None
    write(tmp_path / "pyproject.toml", "[tool.retell-validate\nselect = [1]\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


@pytest.mark.parametrize(("text", "minutes"), [("08:00-21:00", (480, 1260)), ("0:00-24:00", (0, 1440)), (" 9:05 - 17:30 ", (545, 1050))])
def test_calling_hours(text: str, minutes: tuple[int, int]) -> None:
    assert CALLING_HOURS.kind.parse(text) == minutes


@pytest.mark.parametrize("text", ["08:00-08:00", "08:60-09:00", "00:00-24:01", "25:00-26:00", "8am-9pm"])
def test_calling_hours_rejects(text: str) -> None:
    with pytest.raises(Invalid, match="is not a range of local times"):
        CALLING_HOURS.kind.parse(text)


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("legacy/*.json", "legacy/a.json", True),
        ("legacy/*.json", "legacy/deep/a.json", True),  # * crosses /
        ("legacy/*.json", "new/legacy/a.json", False),  # anchored at the config's directory
        ("*.example.json", "a/b/c.example.json", True),  # no /: any component
        ("drafts/", "x/drafts/y.yaml", True),
        ("./legacy/*", "legacy/a.yaml", True),
        ("legacy", "legacy-old/a.yaml", False),
    ],
)
def test_globs(tmp_path: Path, pattern: str, path: str, matches: bool) -> None:
    config = load_config(write(tmp_path / ".retell-validate.toml", f'exclude = ["{pattern}"]\n'))
    assert config.excludes(tmp_path / path) is matches
