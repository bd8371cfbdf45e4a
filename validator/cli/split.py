"""``retell-validate split INPUT -o DIR``: the callable rows in one file per legal envelope, what to set for each, and the rest set aside.

INPUT is a contact list (CSV) or a payload (JSON, YAML). Rows that cannot be called are set
aside (:mod:`validator.campaign.sheet`: not dialable, duplicates, on a do-not-call list, no legal
window left, a task with an error); the others are parted by legal envelope, each part with
the one window and days that both the calling window (``--window``/``--timezone``/``--days`` for a contact list, or
none: what the law and the calling hours allow; a payload's own ``call_time_window``) and
every member's law allow over the horizon, written on a clock its recipients keep. Parts
whose clocks and windows are equal are one. DIR receives:

* the parts: a contact list's own columns with the numbers normalised (``--format csv``, its
  default), or payloads (``--format json``, a payload's default) with the part's window and
  a batch name of its own; named by zone, days and window (``02-central-mon-sat-0900-2000.csv``);
* ``plan.json`` and ``plan.txt``: which file to upload with which window, zone and days;
* ``set-aside.csv`` (``set-aside.json`` for a payload): every row set aside, with its reason.

Every input row is in exactly one part or the set-aside file. DIR must be new or empty; files
are written to a hidden folder beside it and published at once, and that folder is removed on
an error, Ctrl-C or SIGTERM. Exit 0 when parts are written; 1 when every row is set aside; 2
when the input cannot be read (nothing written).
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import click

from validator.campaign.sheet import Plan, counted
from validator.campaign.split import PLAN_TEXT, NotWritable, aside_words, parts_as_csv, setting, write_split
from validator.cli.law_input import fail, law_options

EXIT_PARTS, EXIT_NONE = 0, 1


@click.command()
@law_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path), help="Directory for the parts.")
@click.option(
    "--format",
    "part_format",
    type=click.Choice(["csv", "json"]),
    help="The parts' format: csv (the dashboard's, the contact list's own columns) or json (payloads). [default: the input's]",
)
def split(found: Plan, output: Path, part_format: str | None) -> None:
    """Write the callable rows in one file per legal envelope, a plan of what to set for each, and the rows set aside."""
    try:
        as_csv = parts_as_csv(found, part_format)
    except NotWritable as exc:
        fail(str(exc))
    with _staged(output) as staging:
        written = write_split(found, staging, as_csv=as_csv)
    for file, part, rows in written.parts:
        click.echo(f"{file}: {counted(len(rows), 'row')}, {setting(part)}")
    click.echo(f"{aside_words(found)}; the plan: {output / PLAN_TEXT}")
    if not written.parts:
        click.echo("error: every row is set aside: no part written", err=True)
        sys.exit(EXIT_NONE)
    sys.exit(EXIT_PARTS)


@contextmanager
def _staged(output: Path) -> Iterator[Path]:
    """A hidden folder beside OUTPUT to write into, renamed to OUTPUT when done; removed on any error, Ctrl-C or SIGTERM.

    OUTPUT must be new or empty: parts left from an earlier run beside the new ones would be sent too.
    """
    previous = signal.signal(signal.SIGTERM, _terminated)  # SIGTERM unwinds like Ctrl-C, through the cleanup below
    staging: Path | None = None
    try:
        if output.exists() and (not output.is_dir() or any(output.iterdir())):
            fail(f"{output}: not an empty directory; split writes into a new or empty one (so no earlier part is sent again)")
        output.parent.mkdir(parents=True, exist_ok=True)
        # Signals wait until the folder's name is held, so no signal lands between creating it and knowing to remove it.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        yield staging
        if output.exists():
            output.rmdir()  # empty, checked before writing
        staging.rename(output)
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    except BaseException:  # Ctrl-C, SIGTERM, a bug: no half-written folder stays behind
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)
