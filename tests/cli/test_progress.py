"""Progress on standard error: a terminal, text output and a run past about a second only."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from validator.cli import progress
from validator.cli.main import main
from validator.cli.progress import Progress

CLEAN = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'


class FakeClock:
    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_nothing_is_drawn_in_the_first_second() -> None:
    stream = io.StringIO()
    bar = Progress(True, stream, FakeClock(0.1))  # 0.1 s per file
    for _ in range(8):
        bar.file_done()
    assert stream.getvalue() == ""
    bar.finish()
    assert stream.getvalue() == ""  # nothing drawn, nothing to erase


def test_files_done_are_drawn_after_a_second_then_erased() -> None:
    stream = io.StringIO()
    bar = Progress(True, stream, FakeClock(0.3))
    for _ in range(6):
        bar.file_done()
    drawn = stream.getvalue()
    assert drawn.startswith("\r\x1b[Kchecking: 4 files done (1 s)")  # the first draw past 1 s: 1.2 s after the start
    assert "\r\x1b[Kchecking: 6 files done (2 s)" in drawn
    bar.finish()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_disabled_progress_never_draws() -> None:
    stream = io.StringIO()
    bar = Progress(False, stream, FakeClock(5.0))
    bar.file_done()
    bar.finish()
    assert stream.getvalue() == ""
    assert bar.files == 1


@pytest.fixture
def slow_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ten files, standard error a terminal, and every clock reading half a second later."""
    monkeypatch.chdir(tmp_path)
    for i in range(10):
        (tmp_path / f"p{i}.json").write_text(CLEAN)
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda: True)
    monkeypatch.setattr(progress, "monotonic", FakeClock(0.5))
    return tmp_path


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args])


def test_a_long_run_on_a_terminal_shows_progress_on_stderr_only(slow_terminal: Path) -> None:
    result = check(".")
    assert result.exit_code == 0
    assert "checking: 10 files done" in result.stderr
    assert result.stderr.endswith("\r\x1b[K")  # erased before the report
    assert "checking:" not in result.stdout
    assert result.stdout == "10 files, 0 errors, 0 warnings\nReady to send\n"


@pytest.mark.parametrize("format", ["json", "sarif", "github", "junit", "gitlab"])
def test_machine_formats_never_show_progress(slow_terminal: Path, format: str) -> None:
    result = check("--format", format, ".")
    assert result.exit_code == 0
    assert "checking:" not in result.stderr


def test_a_piped_stderr_never_shows_progress(slow_terminal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "stderr_is_terminal", lambda: False)
    assert "checking:" not in check(".").stderr


def test_the_ticker_redraws_while_one_large_file_is_checked() -> None:
    """A million tasks in one file take seconds: the line moves between files too, naming the file and the tasks read."""
    stream = io.StringIO()
    bar = Progress(True, stream, FakeClock(0.6))
    bar.tasks_read(1_000_000)
    bar.checking("big.json")
    bar.start()
    deadline = time.monotonic() + 5
    while "now big.json" not in stream.getvalue() and time.monotonic() < deadline:
        time.sleep(0.05)
    bar.finish()
    assert "\r\x1b[Kchecking: 0 files done, 1,000,000 tasks read; now big.json (" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")  # erased, and the ticker stopped before the report


def test_a_disabled_progress_starts_no_ticker() -> None:
    bar = Progress(False, io.StringIO(), FakeClock(5.0))
    bar.start()
    assert bar._ticker is None
    bar.finish()


def test_the_cli_counts_the_tasks_it_reads(slow_terminal: Path) -> None:
    result = check(".")
    assert "checking: 10 files done, 10 tasks read" in result.stderr
