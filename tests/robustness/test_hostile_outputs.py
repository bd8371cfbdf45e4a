"""What the tool writes, under hostile conditions: outputs that are inputs, writes that fail part-way, a full disk,
targets that are not files, names that hold terminal escapes. Each asserts an exit status and what is left on disk."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from tests.local_http import Reply, serve
from tests.openapi.test_fetch import page
from validator.cli.main import main

PAYLOAD = '{"from_number": "+14157774444", "tasks": [{"to_number": "12137774445"}]}\n'  # one fixable error
CONTACTS = "phone number,first_name\n+12137774445,Ann\n+13125550100,Bob\n"
WINDOW = ["--window", "09:00-20:00", "--timezone", "America/New_York", "--days", "Mon-Fri", "--from-number", "+14155550100"]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def check(*args: str) -> Result:
    return cli("check", "--now", FIXED_NOW, *args)


def refused_as_input(result: Result, name: str) -> None:
    assert result.exit_code == 2, result.output
    assert f"error: {name}: is one of the files checked; writing to it would replace it (choose another file)" in result.stderr
    assert "Traceback" not in result.output


# -- item 11: an output that is an input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "output",
    [["-o", "in.json"], ["--output-file", "./in.json"], ["--report", "json:in.json"], ["--report", "sarif:link.json"], ["-o", "hard.json"]],
    ids=["-o", "--output-file", "--report", "a symlink", "a hard link"],
)
def test_an_output_that_is_a_named_input_is_refused_before_anything(tmp_path: Path, output: list[str]) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    (tmp_path / "link.json").symlink_to("in.json")
    os.link(tmp_path / "in.json", tmp_path / "hard.json")
    result = check(*output, "in.json")
    refused_as_input(result, str(Path(output[1].split(":")[-1])))
    assert (tmp_path / "in.json").read_text() == PAYLOAD


def test_with_fix_the_payload_is_not_fixed_then_replaced_by_its_report(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    refused_as_input(check("--fix", "-o", "in.json", "in.json"), "in.json")
    assert (tmp_path / "in.json").read_text() == PAYLOAD  # refused before the fix was written


def test_an_input_found_by_walking_a_folder_is_refused_before_the_report_is_written(tmp_path: Path) -> None:
    (tmp_path / "batches").mkdir()
    (tmp_path / "batches" / "a.json").write_text(PAYLOAD)
    refused_as_input(check("--report", "junit:batches/a.json", "batches"), "batches/a.json")
    assert (tmp_path / "batches" / "a.json").read_text() == PAYLOAD


def test_the_rows_report_over_its_contact_list_is_refused(tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text(CONTACTS)
    refused_as_input(check(*WINDOW, "--report", "rows:contacts.csv", "contacts.csv"), "contacts.csv")
    assert (tmp_path / "contacts.csv").read_text() == CONTACTS


def test_hours_svg_over_its_input_and_convert_over_its_list_are_refused(tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text(CONTACTS)
    result = cli("hours", "contacts.csv", *WINDOW[:6], "--svg", "contacts.csv")
    assert result.exit_code == 2 and "error: contacts.csv: is one of the files checked" in result.stderr
    result = cli("convert", "contacts.csv", "--from-number", "+14155550100", "-o", "contacts.csv")
    assert result.exit_code == 2 and "error: contacts.csv: is the file converted; writing to it would replace it" in result.stderr
    assert (tmp_path / "contacts.csv").read_text() == CONTACTS


def test_a_new_output_or_another_file_is_written(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    result = check("--format", "json", "-o", "out.json", "--report", "sarif:out.sarif", "in.json")
    assert result.exit_code == 1 and (tmp_path / "out.json").read_text().startswith("{") and (tmp_path / "out.sarif").exists()


# -- item 16: a write that fails part-way leaves the old file ----------------------------------------------------------


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills once the bytes are written, before they are on it (as ENOSPC arrives from a delayed allocation)."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["-o", "report.txt"], "report.txt"),
        (["--report", "junit:report.xml"], "report.xml"),
        (["--report", "rows:report.csv"], "report.csv"),
        (["--report", "rows:report.xlsx"], "report.xlsx"),
    ],
)
def test_a_report_that_cannot_be_written_whole_leaves_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], target: str
) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    (tmp_path / target).write_bytes(b"the previous report\n")
    _full_disk(monkeypatch)
    result = check(*args, "in.json")
    assert result.exit_code == 2 and f"error: {target}: cannot write the" in result.stderr
    assert (tmp_path / target).read_bytes() == b"the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.json", target])  # no temporary file left


def test_hours_svg_that_cannot_be_written_whole_leaves_the_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "contacts.csv").write_text(CONTACTS)
    (tmp_path / "hours.svg").write_text("<svg/>")
    _full_disk(monkeypatch)
    result = cli("hours", "contacts.csv", *WINDOW[:6], "--svg", "hours.svg")
    assert result.exit_code == 2 and "error: hours.svg: cannot write: No space left on device" in result.stderr
    assert (tmp_path / "hours.svg").read_text() == "<svg/>" and sorted(p.name for p in tmp_path.iterdir()) == ["contacts.csv", "hours.svg"]


def test_reports_to_a_fifo_or_a_device_are_written_to_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    result = check("--report", "json:/dev/null", "in.json")
    assert result.exit_code == 1 and Path("/dev/null").is_char_device()
    os.mkfifo(tmp_path / "pipe")
    result = check("-o", "pipe", "in.json")  # nobody reads it: an error, not a hang
    assert result.exit_code == 2 and "error: pipe: cannot write the report: No such device or address" in result.stderr
    assert (tmp_path / "pipe").is_fifo()


def test_a_report_written_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text("old")
    (tmp_path / "r.txt").symlink_to("reports/r.txt")
    assert check("-o", "r.txt", "in.json").exit_code == 1
    assert (tmp_path / "r.txt").is_symlink() and "RBV201" in (tmp_path / "reports" / "r.txt").read_text()


# -- item 14: error lines are escaped -----------------------------------------------------------------------------------

HOSTILE = "x\n::error file=a.json::forged\x1b]0;title\x07\rover"


def _one_line_each(stderr: str) -> None:
    for line in stderr.splitlines():
        assert not line.startswith("::"), stderr
    assert "\x1b" not in stderr and "\r" not in stderr and "\x07" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", HOSTILE],
        ["check", "--now", FIXED_NOW, "--config", HOSTILE, "in.json"],
        ["check", "--spec", HOSTILE, "in.json"],
        ["check", "--report", f"json:{HOSTILE}/r.json", "in.json"],
        ["check", f"--{HOSTILE}"],
        ["hours", HOSTILE, *WINDOW[:6]],
        ["spec", "fetch", "--url", f"http://127.0.0.1:9/{HOSTILE}", "-o", "s.yaml", "--timeout", "1"],
        ["spec", "fetch", "--url", "PAGE", "-o", f"{HOSTILE}/s.yaml", "--timeout", "5"],
    ],
    ids=["path", "config", "spec", "report", "option", "hours", "url", "fetch output"],
)
def test_error_lines_escape_what_they_quote(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    with serve({"/page.md": Reply(page())}) as server:
        result = cli(*[server.url("/page.md") if arg == "PAGE" else arg for arg in args])
    assert result.exit_code == 2, result.output
    _one_line_each(result.stderr)
    assert "\n::error" not in result.stderr and ("x\\u000a::error" in result.stderr or "x\\n::error" in result.stderr)


# -- item 15: standard output on a full disk -----------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("paths", [["in.json"], ["in.json", "--format", "json", "--statistics"]], ids=["short", "json"])
def test_standard_output_on_a_full_disk_is_exit_2_with_a_message(tmp_path: Path, paths: list[str]) -> None:
    (tmp_path / "in.json").write_text(PAYLOAD)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "validator", "check", "--now", FIXED_NOW, *paths],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "error: standard output: cannot write: No space left on device" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_long_output_that_fills_the_disk_while_written_is_exit_2(tmp_path: Path) -> None:
    tasks = ",".join(f'{{"to_number": "1213777{index:04d}"}}' for index in range(3_000))
    (tmp_path / "in.json").write_text(f'{{"from_number": "+14157774444", "tasks": [{tasks}]}}')
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "validator", "check", "--now", FIXED_NOW, "in.json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert (done.returncode, done.stderr.count("error: standard output: cannot write")) == (2, 1) and "Traceback" not in done.stderr
