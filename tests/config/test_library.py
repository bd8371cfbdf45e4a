"""Configuration as the library sees it (``load_settings``, ``settings_from``), and library arguments checked with errors that
name the argument as the caller wrote it, never a command-line flag."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXED_NOW, ROOT
from validator import validate, validate_file, validate_text
from validator.config import ConfigError, load_settings, settings_from
from validator.openapi.load import SpecError

PAYLOAD = {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "colour": "red"}]}


def test_load_settings_reads_a_file_as_check_config_does(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.retell-validate]\nignore = ["outside-legal-hours"]\ncalling-hours = "09:00-20:00"\n'
        '[tool.retell-validate.per-file-ignores]\n"legacy/*.json" = ["RBV111"]\n'
    )
    settings = load_settings(tmp_path / "pyproject.toml")
    assert (settings.ignore, settings.calling_hours) == (frozenset({"RBV705"}), (540, 1200))
    assert load_settings(tmp_path / "pyproject.toml", file=tmp_path / "legacy" / "a.json").ignore == {"RBV705", "RBV111"}
    assert [d.code for d in validate(PAYLOAD, settings=settings, now=FIXED_NOW).diagnostics] == ["RBV111"]
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")


def test_settings_from_a_mapping_is_checked_like_a_file() -> None:
    settings = settings_from({"ignore": ["unknown-key"], "call-purpose": "informational"})
    assert (settings.ignore, settings.call_purpose) == (frozenset({"RBV111"}), "informational")
    assert validate(PAYLOAD, settings=settings, now=FIXED_NOW).diagnostics == ()
    with pytest.raises(ConfigError, match=r"^settings_from\(\): unknown key 'ignor'; did you mean 'ignore'\?$"):
        settings_from({"ignor": ["RBV111"]})
    with pytest.raises(ConfigError, match=r"^settings_from\(\): calling-hours: '9-5' is not a range"):
        settings_from({"calling-hours": "9-5"})
    with pytest.raises(TypeError, match="takes a mapping"):
        settings_from(["ignore"])  # type: ignore[arg-type]


BAD_ARGUMENTS: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (lambda: validate_text("{}", format="xml"), ValueError, "format='xml' is not an input format"),  # type: ignore[arg-type]
    (lambda: validate_text("{}", max_bytes=-1), ValueError, "max_bytes=-1 is not a number of bytes"),
    (lambda: validate_text("{}", max_bytes="big"), ValueError, "max_bytes='big' is not a number of bytes"),  # type: ignore[arg-type]
    (lambda: validate_text("{}", locate_first="x"), ValueError, "locate_first='x' is not a number"),  # type: ignore[arg-type]
    (lambda: validate(PAYLOAD, settings={"ignore": ["RBV1"]}), TypeError, "settings= takes a validator.Settings"),  # type: ignore[arg-type]
    (lambda: validate(PAYLOAD, spec=3), TypeError, "spec= takes a Spec or the path of an OpenAPI document, not int"),  # type: ignore[arg-type]
    (lambda: validate(PAYLOAD, spec="missing.yaml"), SpecError, "spec='missing.yaml': cannot read spec"),
    (lambda: validate_text("a,b", format="csv", csv="x"), TypeError, "csv= takes a validator.engine.csv.CsvOptions"),  # type: ignore[arg-type]
    (lambda: validate_text("{}", nope=1), TypeError, "validate_text() got an unexpected keyword argument 'nope'"),  # type: ignore[call-arg]
    (lambda: validate_file("x.json", now="junk"), ValueError, "now='junk' is not a moment"),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD_ARGUMENTS, ids=[m.split()[0] for _, _, m in BAD_ARGUMENTS])
def test_a_bad_library_argument_is_named_as_written(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value).startswith(message)
    assert " --" not in str(raised.value)  # a library caller has no flags


def test_spec_takes_a_path_as_check_spec_does() -> None:
    spec = ROOT / "spec" / "create-batch-call.openapi.yaml"
    assert validate(PAYLOAD, spec=spec, now=FIXED_NOW).codes == ["RBV111"]
    assert validate_text('{"from_number": "+14157774444"}', spec=str(spec), now=FIXED_NOW).codes == ["RBV101"]
