"""``retell-validate hours INPUT [--svg FILE]``: when calls can ring, for each group of recipients.

INPUT is a contact list or a payload, read as ``split`` reads it: rows that cannot be called are
set aside and counted, the others drawn. For each group that shares a legal envelope (the parts
``split`` writes, numbered alike), a week × 24-hour grid on the group's own clock: the hours the
batch rings and the law allows, the hours it rings and some rule bars, the hours the law would
allow but the batch does not ring, and the hours neither. The legend and a summary come first.
In the terminal (characters, coloured on a TTY or with ``--color``), and as SVG with ``--svg
FILE`` (:func:`validator.campaign.hours.svg`, the picture the web page shows). Exit 0; 2 when the input cannot be read or the payload has no usable window.
"""

from __future__ import annotations

from pathlib import Path

import click

from validator.calling.envelope import Part
from validator.calling.reach import WEEKDAYS
from validator.campaign.hours import STATES, hour_state, summary, svg, title
from validator.campaign.sheet import Plan
from validator.cli.law_input import fail, law_options
from validator.cli.options import color_option, use_color
from validator.cli.outputs import outputs_over_inputs
from validator.escape import visible
from validator.files import write_output


@click.command()
@law_options
@click.option("--svg", "svg_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the grids as SVG to FILE.")
@color_option
def hours(plan: Plan, svg_path: Path | None, color: str) -> None:
    """Show, for each group of recipients, the hours of the week the batch rings against the hours the law allows."""
    colored = use_color(color)
    click.echo("legend: " + "; ".join(f"{char!r} {words}" for char, _, _, _, words in STATES.values()))
    click.echo(summary(plan) + "\n")
    for number, (part, rows) in enumerate(plan.parts, 1):
        click.echo(_terminal(plan, number, part, len(rows), colored), color=colored)
    if svg_path is not None:
        for problem in outputs_over_inputs([svg_path], [Path(plan.sheet.name)]):
            fail(problem)
        try:
            write_output(svg_path, svg(plan).encode("utf-8"))  # whole or not at all
        except OSError as exc:
            fail(f"{visible(str(svg_path))}: cannot write: {exc.strerror or exc}")


def _terminal(plan: Plan, number: int, part: Part, rows: int, colored: bool) -> str:
    lines = [title(plan, number, part, rows), "     " + "".join(f"{h:<3d}" if h % 3 == 0 else "" for h in range(24))]
    for weekday in range(7):
        cells = []
        for hour in range(24):
            char, fg, _, _, _ = STATES[hour_state(part.envelope, weekday, hour)]
            cells.append(click.style(char, fg=fg, bg=fg if char != " " and colored else None) if colored and fg else char)
        lines.append(f"{WEEKDAYS[weekday][:3]}  " + "".join(cells))
    return "\n".join(lines) + "\n"
