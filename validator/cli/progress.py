"""Progress on standard error for long runs: only on a terminal, only for text output, only after about a second.

A line rewritten in place (``\\r``, erase to end of line) with the files done; it is
erased before the report is printed, so nothing of it stays in the output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from time import monotonic
from typing import TextIO

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
        self.files = 0

    @classmethod
    def for_run(cls, output_format: str) -> Progress:
        """Enabled for text output with standard error on a terminal; never for machine formats or a piped stderr."""
        return cls(output_format == "text" and stderr_is_terminal(), clock=monotonic)  # the module's clock: tests replace it

    def file_done(self) -> None:
        self.files += 1
        if not self.enabled:
            return
        now = self._clock()
        if now >= self._next_draw:
            self._next_draw = now + INTERVAL
            self._write(f"\r\x1b[Kchecking: {self.files} file{'s' if self.files != 1 else ''} done ({now - self._started:.0f} s)")
            self._drawn = True

    def finish(self) -> None:
        """Erase the progress line, if one was drawn, before the report is written."""
        if self._drawn:
            self._write("\r\x1b[K")
            self._drawn = False

    def _write(self, text: str) -> None:
        stream = self._stream or sys.stderr  # looked up late: test runners replace sys.stderr
        stream.write(text)
        stream.flush()
