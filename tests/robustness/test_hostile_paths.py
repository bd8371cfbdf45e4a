"""``retell-validate check`` on hostile paths and files: exit status, a message naming the path, nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from validator.cli.main import main

CLEAN = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'


def check(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", "json", *args], input=stdin)


def codes(result: Result) -> list[tuple[str, str]]:
    return [(d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_missing_file_and_path_under_a_file_exit_2_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(CLEAN)
    for raw in ("missing.json", "a.json/inner.json"):
        result = check(raw)
        assert (result.exit_code, f"{raw}: no such file" in result.stderr) == (2, True)


def test_symlink_loop_exits_2_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    result = check("loop.json")
    assert (result.exit_code, "loop.json" in result.stderr) == (2, True)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    command = [sys.executable, "-m", "validator", "check", "pipe.json"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "pipe.json: cannot read: a FIFO" in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_no_read_permission_exits_2(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text(CLEAN)
    secret.chmod(0)
    result = check("secret.json")
    assert (result.exit_code, "secret.json: cannot read" in result.stderr) == (2, True)


@pytest.mark.parametrize("name", ["with space.json", "données é.yaml", "批量.json"])
def test_names_with_spaces_and_non_ascii(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(CLEAN)
    (tmp_path / name.replace(".", "-broken.")).write_text("[]")
    result = check(name, name.replace(".", "-broken."))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["files"] == [name, name.replace(".", "-broken.")]
    assert [(d["file"], d["code"]) for d in report["diagnostics"]] == [(name.replace(".", "-broken."), "RBV006")]


def test_undecodable_file_name_is_reported_printably(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"bad\xff.json")
    with open(raw, "wb") as handle:
        handle.write(b"[]")
    result = check(".", "--format", "text")
    assert result.exit_code == 1
    assert "bad\ufffd.json" in result.stdout


def test_max_bytes_refuses_large_files_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "big.json").write_text(CLEAN)
    size = len(CLEAN)
    result = check("--max-bytes", str(size - 1), "big.json")
    assert (result.exit_code, codes(result)) == (1, [("RBV014", "error")])
    assert f"{size:,} bytes" in result.stdout
    assert check("--max-bytes", str(size), "big.json").exit_code == 0
    assert check("--max-bytes", "0", "big.json").exit_code == 0  # 0: no limit
    piped = check("--max-bytes", "10", "-", stdin=CLEAN.encode())
    assert (piped.exit_code, codes(piped)) == (1, [("RBV014", "error")])


@pytest.mark.parametrize(
    ("name", "content", "exit_code"),
    [
        ("clean.json", CLEAN.encode(), 0),
        ("broken.json", CLEAN[:20].encode(), 1),
        ("image.json", b"\x89PNG\r\n\x1a\n\x00", 1),
        (
            "bomb.yaml",
            b"a: &a [x,x,x,x,x,x,x,x,x]\n"
            + b"".join(b"%c: &%c [%s]\n" % (n, n, b",".join([b"*" + bytes([n - 1])] * 9)) for n in b"bcdefghi"),
            1,
        ),
        ("tag.yaml", b"name: !!python/object/apply:os.system ['true']\n", 1),
        ("fixable.json", b'{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": 1}', 0),
    ],
)
@pytest.mark.parametrize("options", [[], ["--format", "text"], ["--format", "sarif"], ["--diff"], ["--statistics", "--quiet"]])
def test_the_input_is_never_written(tmp_path: Path, name: str, content: bytes, exit_code: int, options: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *options, name])
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert result.exit_code == exit_code or ("--diff" in options and result.exit_code in (0, 1))
    assert path.read_bytes() == content
    assert path.stat().st_mtime == 1_000_000_000
