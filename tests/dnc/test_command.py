"""``retell-validate dnc index|verify``, and the lists in ``check``, ``split``, the configuration and the language server."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.dnc.lists import KEY, build_list, damaged, flip_last_byte
from tests.helpers import FIXED_NOW
from validator.cli.main import main
from validator.config import ConfigError, load_config
from validator.lsp.analysis import Configs, analyse
from validator.openapi.load import load_spec


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def batch(tmp_path: Path, *numbers: str, **extra: object) -> Path:
    path = tmp_path / "batch.json"
    tasks = [{"to_number": n} for n in numbers]
    window = {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1020}]}
    path.write_text(json.dumps({"from_number": "+14157774444", "call_time_window": window, "tasks": tasks, **extra}))
    return path


def test_index_writes_a_list_and_reports_each_source(tmp_path: Path) -> None:
    (tmp_path / "201.txt").write_text("201,2345678\n201,2345679\n")
    (tmp_path / "optout.csv").write_text("Name,Phone\nAnn,(212) 555-0199\n")
    result = run(
        "dnc", "index", tmp_path / "201.txt", tmp_path / "optout.csv", "-o", tmp_path / "lists" / "all.dnc", "--as-of", "2026-05-20"
    )
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[0].startswith("wrote ")
        and "national list 'all' as of 2026-05-20, 3 numbers in 2 area codes" in result.output
    )
    assert "  201.txt (flat): 2 lines, 2 added" in result.output and "  optout.csv (csv): 1 lines, 1 added" in result.output


def test_index_is_readable_like_any_file_and_a_fifo_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "201.txt").write_text("201,2345678\n")
    umask = os.umask(0o022)
    try:
        assert run("dnc", "index", tmp_path / "201.txt", "-o", tmp_path / "a.dnc").exit_code == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "a.dnc").stat().st_mode & 0o777 == 0o644  # shared with the team like the lists it came from
    os.mkfifo(tmp_path / "pipe.dnc")
    refused = run("dnc", "index", tmp_path / "201.txt", "-o", tmp_path / "pipe.dnc")
    assert refused.exit_code == 2 and "pipe.dnc: a FIFO; only a regular file is replaced (nothing written)" in refused.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["201.txt", "a.dnc", "pipe.dnc"]  # no temporary file left


def test_index_with_unreadable_lines_writes_the_rest_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "201.txt").write_text("201,2345678\njunk\n201,23456\n")
    result = run("dnc", "index", tmp_path / "201.txt", "-o", tmp_path / "ftc.dnc", "--name", "FTC", "--kind", "internal")
    assert result.exit_code == 1
    assert "2 unreadable (line 2, 3)" in result.output and "2 line(s) held no usable number" in result.output
    assert "internal list 'FTC'" in result.output and (tmp_path / "ftc.dnc").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "missing.txt"),
        (["notes.txt"], "none of its 1 lines holds a phone number"),
        (["201.txt", "--as-of", "May 20"], "'May 20' is not a date"),
    ],
)
def test_index_refuses_what_it_cannot_use_and_writes_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "201.txt").write_text("201,2345678\n")
    (tmp_path / "notes.txt").write_text("hello\n")
    result = run("dnc", "index", *[tmp_path / a if a.endswith(".txt") else a for a in args], "-o", tmp_path / "out.dnc")
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "out.dnc").exists()


def test_the_as_of_date_defaults_to_the_newest_source(tmp_path: Path) -> None:
    source = tmp_path / "201.txt"
    source.write_text("201,2345678\n")
    os.utime(source, (1779278400, 1779278400))  # 2026-05-20T12:00:00Z
    assert "as of 2026-05-20" in run("dnc", "index", source, "-o", tmp_path / "ftc.dnc").output


def test_verify(tmp_path: Path) -> None:
    good = build_list(tmp_path, "FTC", ["201,2345678"])
    bad = damaged(good, "bad.dnc", flip_last_byte)
    assert run("dnc", "verify", good).exit_code == 0
    result = run("dnc", "verify", good, bad)
    assert result.exit_code == 2 and "intact" in result.output and "bad.dnc: damaged: the checksum" in result.output


def test_check_with_dnc_flags_listed_tasks(tmp_path: Path) -> None:
    ftc = build_list(tmp_path, "FTC", ["201,2345678"])
    result = run("check", "--now", FIXED_NOW, "--dnc", ftc, batch(tmp_path, "+12012345678", "+12012345679"))
    assert result.exit_code == 1
    assert "batch.json:1:" in result.output and "RBV901 [error] tasks[0] calls +12012345678" in result.output
    assert "tasks[1]" not in result.output


def test_check_refuses_a_list_it_cannot_use(tmp_path: Path) -> None:
    result = run("check", "--now", FIXED_NOW, "--dnc", tmp_path / "missing.dnc", batch(tmp_path, "+12012345678"))
    assert result.exit_code == 2 and "missing.dnc: cannot read" in result.output


def test_check_exits_2_when_a_list_turns_out_damaged(tmp_path: Path) -> None:
    bad = damaged(build_list(tmp_path, "FTC", ["201,2345678"]), "bad.dnc", flip_last_byte)  # the header is intact
    result = run("check", "--now", FIXED_NOW, "--dnc", bad, batch(tmp_path, "+12012345678"))
    assert result.exit_code == 2 and "RBV905" in result.output and "error: do-not-call list" in result.output


def test_the_configuration_names_lists_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    build_list(tmp_path / "lists", "opt-outs", ["+12012345678"], kind="internal")
    config = tmp_path / ".retell-validate.toml"
    config.write_text(f'dnc = ["lists/opt-outs.dnc"]\ndnc-exemption-key = "{KEY}"\n')
    settings = load_config(config).settings_for(None)
    assert settings.dnc == (tmp_path.absolute() / "lists" / "opt-outs.dnc",) and settings.dnc_exemption_key == KEY
    result = run("check", "--now", FIXED_NOW, batch(tmp_path, "+12012345678"))  # the configuration nearest to the file
    assert result.exit_code == 1 and "RBV902 [error]" in result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('dnc = "x.dnc"', "is not a list of paths"),
        ('dnc = [""]', "holds an empty path"),
        ('dnc-exemption-key = ""', "is not a non-empty string"),
    ],
)
def test_configuration_mistakes(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / ".retell-validate.toml"
    config.write_text(text + "\n")
    with pytest.raises(ConfigError, match=message):
        load_config(config)


def test_a_configured_list_that_is_not_there_is_named_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / ".retell-validate.toml").write_text('dnc = ["missing.dnc"]\n')
    result = run("check", "--now", FIXED_NOW, batch(tmp_path, "+12012345678"))
    assert result.exit_code == 2 and "RBV905" in result.output and "missing.dnc: cannot read" in result.output


def test_split_leaves_listed_tasks_out_of_every_part(tmp_path: Path) -> None:
    ftc = build_list(tmp_path, "FTC", ["201,2345678"])
    opt_outs = build_list(tmp_path, "opt-outs", ["201,2345680"], kind="internal")
    payload = batch(tmp_path, "+12012345678", "+12012345679", "+12012345680", "+12125550100")
    result = run("split", payload, "-o", tmp_path / "parts", "--now", FIXED_NOW, "--dnc", ftc, "--dnc", opt_outs)
    assert result.exit_code == 0, result.output
    sent = [t["to_number"] for part in sorted((tmp_path / "parts").glob("[0-9]*.json")) for t in json.loads(part.read_text())["tasks"]]
    assert sorted(sent) == ["+12012345679", "+12125550100"]
    aside = json.loads((tmp_path / "parts" / "set-aside.json").read_text())
    assert [(item["index"], item["reason"]) for item in aside] == [
        (0, "on a do-not-call list: +12012345678 is on FTC (as of 2026-05-20)"),
        (2, "on a do-not-call list: +12012345680 is on opt-outs (as of 2026-05-20)"),
    ]
    assert result.output.splitlines()[-1].startswith("2 rows set aside (2 on a do-not-call list)")


def test_split_keeps_everything_without_lists_and_refuses_a_damaged_one(tmp_path: Path) -> None:
    payload = batch(tmp_path, "+12012345678")
    result = run("split", payload, "-o", tmp_path / "parts", "--now", FIXED_NOW)
    assert result.exit_code == 0 and "no row set aside" in result.output
    bad = damaged(build_list(tmp_path, "FTC", ["201,2345678"]), "bad.dnc", flip_last_byte)
    result = run("split", payload, "-o", tmp_path / "parts2", "--now", FIXED_NOW, "--dnc", bad)
    assert result.exit_code == 2 and "checksum" in result.output and not (tmp_path / "parts2").exists()


def test_the_language_server_screens_with_the_configured_lists(tmp_path: Path) -> None:
    build_list(tmp_path, "FTC", ["201,2345678"])
    (tmp_path / ".retell-validate.toml").write_text('dnc = ["FTC.dnc"]\nnow = "2026-06-01T12:00:00Z"\n')
    path = batch(tmp_path, "+12012345678")
    analysis = analyse(path.read_text(), path, "json", configs=Configs(), spec=load_spec(), folder=tmp_path)
    assert [(d.diagnostic.code, d.diagnostic.pointer) for d in analysis.findings if d.diagnostic.code.startswith("RBV9")] == [
        ("RBV901", "/tasks/0/to_number")
    ]
