"""The options table: each option declared once, and the command line, the docs key table and the JSON Schema made from it."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from tests.helpers import ROOT
from validator.cli import configdoc
from validator.cli.main import main
from validator.cli.options import SETTINGS_OPTIONS
from validator.config import KEYS, ConfigError, load_config
from validator.options import KEYED, OPTIONS, Merge, options_of
from validator.settings import Settings

SOURCE = ROOT / "validator"
COMMANDS = ("check", "convert", "split", "hours")  # every command that checks a payload with a configuration
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.S)


def command(name: str) -> click.Command:
    found = main.commands[name]
    assert isinstance(found, click.Command)
    return found


def flag_params(cmd: click.Command) -> dict[str, click.Option]:
    return {flag: param for param in cmd.params if isinstance(param, click.Option) for flag in param.opts}


def python_sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py")}


# Declared once.


@pytest.mark.parametrize("flag", [flag for option in OPTIONS for flag in option.flags])
def test_each_table_flag_is_written_once_in_the_source_in_the_table(flag: str) -> None:
    """``"--now"`` appears in validator/options.py and nowhere else: no command declares it by hand."""
    found = {path.relative_to(ROOT).as_posix(): text.count(f'"{flag}"') for path, text in python_sources().items() if f'"{flag}"' in text}
    assert found == {"validator/options.py": 1}
    assert declarations(flag) == 1


def test_an_option_several_commands_share_is_declared_once() -> None:
    """Every flag two commands have with the same meaning (the same help) is one declaration, e.g. ``--color``."""
    meanings: dict[tuple[str, str], list[str]] = {}
    for name, cmd in main.commands.items():
        if isinstance(cmd, click.Group):
            continue
        for flag, param in flag_params(cmd).items():
            meanings.setdefault((flag, param.help or ""), []).append(name)
    shared = {flag for (flag, _), names in meanings.items() if len(names) > 1 and flag.startswith("--")}
    assert {"--color", "--now", "--config", "--call-purpose", "--select"} <= shared
    for flag in shared:
        assert declarations(flag) == 1 + HOMONYMS.get(flag, 0), flag


# Flags of a subcommand with another meaning than the flag check and convert share, declared on their own:
# `dnc index --name` (the list's name, not the CSV batch name), `agent pull --from-number` (a number to pull, not the payload's).
HOMONYMS = {"--name": 1, "--from-number": 1}


def declarations(flag: str) -> int:
    """How many ``click.option("-x", "--flag", …)`` calls and table options (``flags=("--flag",)``) declare ``flag``."""
    quoted = re.escape(f'"{flag}"')
    declared = re.compile(rf'(?:click\.option\(|flags=\()\s*(?:"-[^"]*"\s*,\s*)*{quoted}')
    return sum(len(declared.findall(text)) for text in python_sources().values())


@pytest.mark.parametrize("name", COMMANDS)
def test_every_checking_command_has_the_same_settings_options(name: str) -> None:
    reference = flag_params(command("check"))
    params = flag_params(command(name))
    for option in SETTINGS_OPTIONS:
        flag = option.flags[0]
        assert flag in params, f"{name} lacks {flag}"
        assert (params[flag].help, params[flag].multiple, params[flag].metavar) == (
            reference[flag].help,
            reference[flag].multiple,
            reference[flag].metavar,
        )


def test_the_table_is_consistent() -> None:
    names = [option.name for option in OPTIONS]
    assert len(names) == len(set(names))
    assert tuple(option.key for option in KEYED) == KEYS
    assert {option.name for option in options_of(Settings)} == {
        "select",
        "ignore",
        "severity",
        "now",
        "calling_hours",
        "call_purpose",
        "horizon_days",
        "dnc",
        "dnc_exemption_key",
        "agents",
        "region",
        "sheet",
        "location_columns",
    }
    for option in OPTIONS:
        assert option.doc and (option.help or not option.flags), option.name
        assert option.merge is Merge.REPLACE or option.kind.multiple, f"{option.name}: only a list can be added to"


@pytest.mark.parametrize("option", [option for option in KEYED if option.default is not None], ids=lambda option: option.key)
def test_every_default_reads_back_as_written_in_the_docs(option: Any) -> None:
    """The default the docs and the schema show is what the option's parser makes of it."""
    assert option.kind.parse(option.kind.to_json(option.default)) == option.default


def test_settings_defaults_are_the_tables() -> None:
    defaults = Settings()
    for option in options_of(Settings):
        assert getattr(defaults, option.name) == option.default


# The command line: each flag parsed by its option's parser, its errors naming the flag.


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # no configuration above this folder applies
    (tmp_path / "p.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": 1}\n')
    return tmp_path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--call-purpose", "informatonal"], "Invalid value for '--call-purpose': 'informatonal' is not one of"),
        (["--now", "junk"], "Invalid value for '--now': 'junk' is not a moment: use ISO 8601"),
        (["--select", "RBV7O5"], "Invalid value for '--select': 'RBV7O5' is not a rule code, prefix or name; did you mean 'RBV705'?"),
        (["--ignore", "RBV1,nope"], "Invalid value for '--ignore': 'nope' is not a rule code, prefix or name"),
        (["--calling-hours", "9-5"], "Invalid value for '--calling-hours': '9-5' is not a range of local times"),
        (["--fail-on", "sometimes"], "Invalid value for '--fail-on': 'sometimes' is not one of"),
        (["--region", "USA"], "Invalid value for '--region': 'USA' is not a region: use a two-letter ISO 3166 code"),
        (["--region", "UK"], "Invalid value for '--region': 'UK' is not a region with a numbering plan"),
    ],
)
def test_flags_are_parsed_by_the_table_and_errors_name_the_flag(cwd: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["check", *args, "p.json"])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


@pytest.mark.parametrize("name", ["convert", "split", "hours"])
def test_the_other_commands_refuse_a_bad_setting_as_check_does(cwd: Path, name: str) -> None:
    args = {
        "convert": ["contacts.csv", "-o", "b.json", "--from-number", "+14157774444"],
        "split": ["p.json", "-o", "parts"],
        "hours": ["p.json"],
    }
    (cwd / "contacts.csv").write_text("phone number\n+12137774445\n")
    result = CliRunner().invoke(main, [name, *args[name], "--call-purpose", "informatonal"])
    assert result.exit_code == 2
    assert "Invalid value for '--call-purpose'" in result.stderr


# docs/configuration.md and docs/configuration.schema.json.


def test_docs_key_table_is_up_to_date() -> None:
    page = configdoc.PAGE.read_text(encoding="utf-8")
    assert page == configdoc.render_page(page), f"docs/configuration.md is out of date: run `{configdoc.COMMAND}`"
    rows = re.findall(r"^\| `([a-z-]+)` \|", page, flags=re.M)
    assert rows == list(KEYS)


def test_json_schema_is_up_to_date_and_a_valid_2020_12_schema() -> None:
    text = configdoc.SCHEMA.read_text(encoding="utf-8")
    assert text == configdoc.render_schema(), f"docs/configuration.schema.json is out of date: run `{configdoc.COMMAND}`"
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == list(KEYS)


def as_json(value: Any) -> Any:
    """A TOML value as JSON carries it (how editors feed TOML to a JSON Schema): date-times become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, datetime | date | time) else value


def documented_configurations() -> list[tuple[str, str]]:
    """Every TOML example in the README and docs/ that is a configuration (it has a ``[tool.retell-validate]`` table)."""
    found = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for number, block in enumerate(TOML_BLOCK.findall(page.read_text(encoding="utf-8"))):
            if "retell-validate" in tomllib.loads(block).get("tool", {}):
                found.append((f"{page.name}#{number}", block))
    return found


EXAMPLES = documented_configurations()


def test_the_docs_have_configuration_examples() -> None:
    assert {where.split("#")[0] for where, _ in EXAMPLES} >= {"README.md", "configuration.md", "spec.md"}


@pytest.mark.parametrize(("where", "block"), EXAMPLES, ids=[where for where, _ in EXAMPLES])
def test_documented_configurations_are_valid_for_the_schema_and_the_reader(where: str, block: str, tmp_path: Path) -> None:
    table = tomllib.loads(block)["tool"]["retell-validate"]
    assert [error.message for error in schema_validator().iter_errors(as_json(table))] == []
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    assert load_config(tmp_path / "pyproject.toml").values.keys() == {option.name for option in KEYED if option.key in table}


def schema_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(configdoc.SCHEMA.read_text(encoding="utf-8")))


def toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
    return json.dumps(value)


@pytest.mark.parametrize(
    "table",
    [
        {"selct": ["RBV1"]},
        {"select": "RBV1"},
        {"ignore": ["E501"]},
        {"fail-on": "sometimes"},
        {"calling-hours": "8-21"},
        {"call-purpose": "sales"},
        {"horizon-days": 0},
        {"severity": {"RBV111": "fatal"}},
        {"per-file-ignores": {"*.json": "RBV111"}},
        {"spec": ""},
    ],
)
def test_the_schema_refuses_what_the_reader_refuses(table: dict[str, Any], tmp_path: Path) -> None:
    assert list(schema_validator().iter_errors(table))
    path = tmp_path / ".retell-validate.toml"
    path.write_text("".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in table.items()), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(path)
