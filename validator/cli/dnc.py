"""``retell-validate dnc index|verify``: build a do-not-call index from registry downloads and opt-out lists, and check one.

``index`` exits 0 when every line was read, 1 when some lines could not be (counted, their
first line numbers shown; the index holds every other number), 2 when a source cannot be
used or an option is wrong (nothing written). ``verify`` reads every checksum: 0 intact, 2 not.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from validator.cli.errors import echo_error
from validator.dnc.build import Built, build_index, newest_date
from validator.dnc.index import open_index
from validator.dnc.layout import KINDS, DncIndexError, ListInfo, read_header
from validator.dnc.sources import SourceError

EXIT_CLEAN, EXIT_UNREADABLE_LINES, EXIT_USAGE = 0, 1, 2


@click.group("dnc")
def dnc_group() -> None:
    """Do-not-call lists: build an index (`dnc index`), check one (`dnc verify`); `check --dnc INDEX` screens a batch against it."""


def _as_of(_: click.Context, __: click.Parameter, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date such as 2026-05-20") from None


@dnc_group.command("index")
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The index file to write.")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="national",
    show_default=True,
    help="national: a public registry (FTC, Canada's DNCL, a state's), checked for solicitations; internal: the company's own opt-out list, checked for every call.",
)
@click.option(
    "--as-of", callback=_as_of, metavar="DATE", help="When the data was taken from the registry [default: the newest source file's date]."
)
@click.option("--name", metavar="TEXT", help="The list's name in findings [default: the index file's name without extension].")
def index_command(sources: tuple[Path, ...], output: Path, kind: str, as_of: date | None, name: str | None) -> None:
    """Build one index from SOURCES: registry flat or XML files and change lists, CSV or XLSX opt-out lists, ZIP archives of them."""
    try:
        built = build_index(list(sources), output, kind=kind, as_of=as_of or newest_date(list(sources)), name=name or output.stem)
    except (SourceError, OSError) as exc:
        message = str(exc) if isinstance(exc, SourceError) else f"{exc.filename or output}: {exc.strerror or exc}"
        echo_error(f"{message} (nothing written)")
        sys.exit(EXIT_USAGE)
    _summary(built, read_header(output).info)
    unreadable = sum(r.unreadable for r in built.reports)
    if unreadable:
        click.echo(f"warning: {unreadable:,} line(s) held no usable number (listed above); the index holds every other number", err=True)
    sys.exit(EXIT_UNREADABLE_LINES if unreadable else EXIT_CLEAN)


def _summary(built: Built, info: ListInfo) -> None:
    click.echo(f"wrote {built.path}: {_describe(info)}; {built.size / 1e6:,.1f} MB, {built.size / max(built.count, 1):.2f} bytes a number")
    for report in built.reports:
        counts = [f"{report.lines:,} lines", f"{report.added:,} added"]
        if report.deleted:
            counts.append(f"{report.deleted:,} deleted")
        if report.unreadable:
            shown = ", ".join(str(n) for n in report.unreadable_lines) + (", …" if report.unreadable > len(report.unreadable_lines) else "")
            counts.append(f"{report.unreadable:,} unreadable (line {shown})")
        click.echo(f"  {report.name} ({report.format}): {', '.join(counts)}")
    for area, names in built.shared_area_codes.items():
        click.echo(f"note: area code {area} is in {len(names)} sources ({', '.join(names)}): their numbers are merged")


def _describe(info: ListInfo) -> str:
    return f"{info.kind} list {info.name!r} as of {info.as_of.isoformat()}, {_count(info.count, 'number')} in {_count(len(info.area_codes), 'area code')}"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@dnc_group.command("verify")
@click.argument("indexes", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def verify_command(indexes: tuple[Path, ...]) -> None:
    """Read every checksum of each INDEX (a check reads only the parts its numbers fall in)."""
    failed = False
    for path in indexes:
        try:
            index = open_index(path)
            index.verify()
        except DncIndexError as exc:
            echo_error(str(exc))
            failed = True
            continue
        click.echo(f"{path}: intact: {_describe(index.info)}")
    sys.exit(EXIT_USAGE if failed else EXIT_CLEAN)
