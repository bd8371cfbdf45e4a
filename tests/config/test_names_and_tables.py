"""Rule names wherever codes are accepted, "did you mean" for mistyped codes, keys that land in the wrong TOML table, and
``--isolated``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from tests.helpers import FIXED_NOW, ROOT, check_text, one, only
from validator.cli.main import main
from validator.config import KEYS, ConfigError, ConfigFinder, load_config
from validator.diagnostics import Severity
from validator.engine.registry import all_rules
from validator.settings import Settings

# Los Angeles 09:00-21:00 reaches Florida after 20:00 (RBV705) and New York after 21:00 (RBV701, RBV705).
LATE = (
    '{"from_number": "+14157774444", "tasks": [{"to_number": "+13055550123"}], '
    '"call_time_window": {"timezone": "America/Los_Angeles", "windows": [{"start": 540, "end": 1260}]}}'
)


def codes(*args: str, cwd: Path) -> set[str]:
    (cwd / "batch.json").write_text(LATE)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--now", FIXED_NOW, *args, str(cwd / "batch.json")])
    assert result.exit_code in (0, 1), result.output
    return {d["code"] for d in json.loads(result.stdout)["diagnostics"]}


# -- rule names --------------------------------------------------------------------------------------------------------


def test_settings_take_names_and_hold_codes() -> None:
    assert Settings(ignore="outside-legal-hours").ignore == {"RBV705"}  # type: ignore[arg-type]
    assert Settings(ignore=["Outside_Legal_Hours", "RBV1"]).ignore == {"RBV705", "RBV1"}  # type: ignore[arg-type]  # any case, _ for -
    assert Settings(severity={"outside-legal-hours": "error"}).severity["RBV705"] is Severity.ERROR  # type: ignore[dict-item]
    with pytest.raises(
        ValueError, match=r"ignore='outside-legal-hour' is not a rule code, prefix or name; did you mean 'outside-legal-hours' \(RBV705\)\?"
    ):
        Settings(ignore="outside-legal-hour")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "table",
    [
        'ignore = ["outside-legal-hours"]',
        'select = ["ALL"]\nignore = ["RBV7"]\nextend-select = ["outside-legal-hours"]\n[severity]\noutside-legal-hours = "error"',
        '[per-file-ignores]\n"*.json" = ["outside-legal-hours"]',
    ],
)
def test_a_configuration_names_rules(tmp_path: Path, table: str) -> None:
    (tmp_path / ".retell-validate.toml").write_text(table + "\n")
    found = codes(cwd=tmp_path)
    if "extend-select" in table:
        assert "RBV705" in found and "RBV701" not in found
        assert load_config(tmp_path / ".retell-validate.toml").settings_for(None).severity["RBV705"] is Severity.ERROR
    else:
        assert "RBV705" not in found


def test_the_command_line_and_suppression_comments_name_rules(tmp_path: Path) -> None:
    assert "RBV705" in codes(cwd=tmp_path)  # near miss: reported without the option
    assert "RBV705" not in codes("--ignore", "outside-legal-hours", cwd=tmp_path)
    assert codes("--select", "outside-legal-hours", cwd=tmp_path) == {"RBV705"}
    yaml = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    colour: red  # retell-validate: ignore[unknown-key]\n'
    report = check_text(yaml, "yaml")
    assert only(report, "RBV111") == [] and only(report, "RBV090") == []


# -- did you mean --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "guess"),
    [("RBV7O5", "'RBV705'"), ("rbv7o5", "'RBV705'"), ("RBV7O", "'RBV70'"), ("outside-legal-hour", "'outside-legal-hours' (RBV705)")],
)
def test_a_mistyped_code_gets_a_guess_everywhere(tmp_path: Path, word: str, guess: str) -> None:
    flag = CliRunner().invoke(main, ["check", "--ignore", word, "x.json"])
    assert flag.exit_code == 2 and f"did you mean {guess}?" in flag.stderr
    (tmp_path / ".retell-validate.toml").write_text(f'ignore = ["{word}"]\n')
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / ".retell-validate.toml")
    assert f"ignore: '{word}' is not a rule code, prefix or name; did you mean {guess}?" in str(error.value)
    comment = f'from_number: "+14157774444"  # retell-validate: ignore[{word}]\ntasks: [{{to_number: "+12137774445"}}]\n'
    if guess != "'RBV70'":  # a prefix is no suppression: codes are exact there
        assert f"did you mean {guess}?" in one(check_text(comment, "yaml"), "RBV090").message


def test_explain_guesses_too() -> None:
    result = CliRunner().invoke(main, ["explain", "RBV7O5"])
    assert result.exit_code == 2 and "did you mean 'RBV705'?" in result.stderr


def test_the_schema_takes_names_and_refuses_what_is_no_rule() -> None:
    schema = Draft202012Validator(json.loads((ROOT / "docs" / "configuration.schema.json").read_text(encoding="utf-8")))
    assert list(schema.iter_errors({"ignore": ["outside-legal-hours", "RBV1"], "severity": {"unknown-key": "error"}})) == []
    assert len(list(schema.iter_errors({"ignore": ["outside-legal-hour"], "severity": {"E501": "error"}}))) == 2


# -- keys in the wrong table ---------------------------------------------------------------------------------------


def test_no_rule_is_named_like_a_configuration_key() -> None:
    """A configuration key inside a table of codes can only be a key in the wrong place."""
    assert {rule.name for rule in all_rules()}.isdisjoint(KEYS)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "pyproject.toml",
            '[tool.retell-validate]\nignore = ["RBV111"]\n\n[tool.retell-validate.per-file-ignores]\n"legacy/*.json" = ["RBV2"]\nspec = "retell.yaml"\n',
            "'spec' is in the table [tool.retell-validate.per-file-ignores], not in [tool.retell-validate]: TOML puts every key "
            "written after a [tool.retell-validate.per-file-ignores] header into that table; move 'spec' above that header",
        ),
        (
            "pyproject.toml",
            '[tool.retell-validate.severity]\nRBV111 = "error"\nfail-on = "warning"\n',
            "'fail-on' is in the table [tool.retell-validate.severity], not in [tool.retell-validate]",
        ),
        (
            ".retell-validate.toml",
            '[severity]\nRBV111 = "error"\nfail-on = "warning"\n',
            "'fail-on' is in the table [severity], not in the top level",
        ),
        (
            ".retell-validate.toml",
            '[tool.retell-validate]\nfail-on = "warning"\n',
            "holds its keys at the top level, without the [tool.retell-validate] header (that header is for pyproject.toml)",
        ),
    ],
)
def test_a_key_in_the_wrong_table_is_named_with_the_table(tmp_path: Path, name: str, text: str, message: str) -> None:
    (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / name)
    assert message in str(error.value)


def test_a_glob_that_is_no_key_stays_a_glob(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.retell-validate.per-file-ignores]\n"specs/*.json" = ["RBV2"]\n')
    assert load_config(tmp_path / "pyproject.toml").values["per_file_ignores"] == (("specs/*.json", frozenset({"RBV2"})),)


# -- --isolated ----------------------------------------------------------------------------------------------------


def test_isolated_ignores_every_configuration_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.retell-validate]\nignore = ["RBV705"]\nfail-on = "info"\n')
    (tmp_path / ".git").mkdir()
    assert "RBV705" not in codes(cwd=tmp_path)  # near miss: the configuration applies
    assert "RBV705" in codes("--isolated", cwd=tmp_path)
    assert "RBV705" not in codes("--isolated", "--ignore", "RBV705", cwd=tmp_path)  # the command line still counts
    both = CliRunner().invoke(main, ["check", "--isolated", "--config", str(tmp_path / "pyproject.toml"), str(tmp_path / "batch.json")])
    assert both.exit_code == 2 and "--isolated reads no configuration file" in both.stderr


@pytest.mark.parametrize("command", ["check", "hours", "split", "convert"])
def test_every_configured_command_takes_isolated(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert "--isolated" in result.stdout


def test_the_library_finder_can_be_isolated(tmp_path: Path) -> None:
    (tmp_path / ".retell-validate.toml").write_text('ignore = ["RBV705"]\n')
    assert ConfigFinder(isolated=True).for_path(tmp_path / "batch.json").settings_for(None).ignore == frozenset()
    assert ConfigFinder().for_path(tmp_path / "batch.json").settings_for(None).ignore == {"RBV705"}
