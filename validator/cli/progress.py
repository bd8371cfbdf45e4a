"""Progress on standard error for long runs: only on a terminal, only for text output, only after about a second.

A line rewritten in place (``\\r``, erase to end of line) with the files done, the tasks
read and the file being checked; it is erased before the report is printed, so nothing of
it stays in the output. A ticker thread redraws it while one large file is being checked
(a million tasks take seconds), so the line moves even between files.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from time import monotonic
from typing import TextIO

from validator.escape import visible

DELAY = 1.0  # seconds of silence before the first progress line: short runs never show one
INTERVAL = 0.1  # seconds between redraws


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class Progress:
    """Counts files done; draws on ``stream`` when enabled and the run has passed :data:`DELAY`."""

    def __init__(self, enabled: bool, stream: TextIO | None = None, clock: Callable[[], float] = monotonic) -> None:
        self.enabled = enabled
        self._stream = stream
        self._clock = clock
        self._started = clock()
        self._next_draw = self._started + DELAY
        self._drawn = False
        self._lock = threading.Lock()  # the ticker and the run both draw
        self._ticker: threading.Thread | None = None
        self._stopped = threading.Event()
        self.files = 0
        self.tasks = 0
        self.current: str | None = None

    @classmethod
    def for_run(cls, output_format: str) -> Progress:
        """Enabled for text output with standard error on a terminal; never for machine formats or a piped stderr."""
        return cls(output_format == "text" and stderr_is_terminal(), clock=monotonic)  # the module's clock: tests replace it

    def start(self) -> None:
        """Redraw from a ticker thread too, so a single large file shows progress while it is checked."""
        if self.enabled and self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="retell-validate-progress", daemon=True)
            self._ticker.start()

    def checking(self, name: str) -> None:
        self.current = name

    def tasks_read(self, count: int) -> None:
        self.tasks += count

    def file_done(self) -> None:
        self.files += 1
        self.current = None
        self._draw()

    def finish(self) -> None:
        """Stop the ticker and erase the progress line, if one was drawn, before the report is written."""
        self._stopped.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            if self._drawn:
                self._write("\r\x1b[K")
                self._drawn = False

    def _tick(self) -> None:
        while not self._stopped.wait(INTERVAL):
            self._draw()

    def _draw(self) -> None:
        if not self.enabled:
            return
        with self._lock:
            now = self._clock()
            if now < self._next_draw or self._stopped.is_set():
                return
            self._next_draw = now + INTERVAL
            line = f"checking: {self.files} file{'s' if self.files != 1 else ''} done"
            if self.tasks:
                line += f", {self.tasks:,} task{'s' if self.tasks != 1 else ''} read"
            if self.current is not None:
                line += f"; now {visible(self.current)}"
            self._write(f"\r\x1b[K{line} ({now - self._started:.0f} s)")
            self._drawn = True

    def _write(self, text: str) -> None:
        stream = self._stream or sys.stderr  # looked up late: test runners replace sys.stderr
        stream.write(text)
        stream.flush()
