"""``check --fix / --unsafe-fixes / --diff``: the per-file fixing the CLI wires in, and what it says at the end.

``--fix`` rewrites files in place and reports what remains; ``--diff`` prints
the same changes as a unified diff and writes nothing. Notes go to standard
error so ``--format json`` output stays one JSON document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from validator.api import CheckOptions, check_file
from validator.campaign.fixing import fix_path
from validator.diagnostics import Report
from validator.files import FileTooLarge
from validator.fix.apply import FixOutcome, fix_bytes, fixable_counts
from validator.fix.cells import fix_contacts
from validator.openapi.load import load_spec

F = TypeVar("F", bound=Callable[..., Any])


def fix_options(command: F) -> F:
    """The ``--fix``, ``--unsafe-fixes`` and ``--diff`` flags (parameters ``fix``, ``unsafe_fixes``, ``show_diff``)."""
    command = click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff instead of applying them.")(command)
    command = click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change what the batch does.")(command)
    return click.option("--fix", is_flag=True, help="Apply safe fixes in place, then report what remains.")(command)


class FixSession:
    """Fixes file after file (``write`` for ``--fix``, not for ``--diff``) and keeps the tallies."""

    def __init__(self, *, write: bool, unsafe: bool) -> None:
        self.write, self.unsafe = write, unsafe
        self._outcomes: list[tuple[str, FixOutcome]] = []

    @classmethod
    def start(cls, paths: Sequence[str], *, fix: bool, unsafe: bool, diff: bool) -> FixSession | None:
        """A session for ``--fix`` or ``--diff``, else None; ``--fix`` on standard input is a usage error."""
        if not (fix or diff):
            return None
        if fix and not diff and "-" in paths:
            raise click.UsageError("--fix cannot rewrite standard input; use --diff to see the fixes")
        return cls(write=not diff, unsafe=unsafe)

    def check_file(self, path: Path, options: CheckOptions) -> Report:
        try:
            outcome = fix_path(path, options, unsafe=self.unsafe, write=self.write)
        except FileTooLarge:  # not fixed; checked as without --fix, which reports it as RBV014
            return check_file(path, options)
        self._outcomes.append((str(path), outcome))
        return outcome.report

    def check_stdin(self, data: bytes, options: CheckOptions, name: str = "<stdin>") -> Report:
        spec = options.spec or load_spec()
        if options.format == "csv" or options.format == "xlsx":  # --diff only: standard input is never rewritten
            outcome = fix_contacts(
                None,
                data,
                options.format,
                file=name,
                settings=options.settings,
                spec=spec,
                options=options.csv,
                unsafe=self.unsafe,
                write=False,
            )
            self._outcomes.append((name, outcome))
            return outcome.report
        outcome = fix_bytes(data, options.format, file=name, settings=options.settings, spec=spec, unsafe=self.unsafe)
        self._outcomes.append((name, outcome))
        return outcome.report

    @property
    def would_change(self) -> bool:
        return any(outcome.changed for _, outcome in self._outcomes)

    def diffs(self) -> str:
        return "".join(outcome.diff(name) for name, outcome in self._outcomes)

    def summary(self) -> str:
        applied = sum(o.applied for _, o in self._outcomes)
        files = sum(1 for _, o in self._outcomes if o.changed)
        lines = [f"warning: fix not applied: {message}" for _, o in self._outcomes for message in o.not_applied]
        line = f"{'Fixed' if self.write else 'Would fix'} {applied} issue(s) in {files} file(s)." if applied else "Nothing to fix."
        more = sum(o.unsafe_available for _, o in self._outcomes)
        if more:
            line += f" {more} more fix(es) available with --unsafe-fixes."
        return "\n".join([*lines, line])


def closing_note(session: FixSession | None, reports: Sequence[Report], *, unsafe: bool, quiet: bool) -> str:
    """The fix summary of a session; without one, how many findings ``--fix`` would fix (empty if none)."""
    if session is not None:
        return session.summary()
    safe, risky = fixable_counts(d for r in reports for d in r.diagnostics)
    if quiet or not (safe or risky):
        return ""
    if unsafe or not safe:
        return f"{safe + risky} fixable with --fix --unsafe-fixes."
    return f"{safe} fixable with --fix" + (f" ({risky} more with --unsafe-fixes)." if risky else ".")
