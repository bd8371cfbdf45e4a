"""``retell-validate hours PAYLOAD [--svg FILE]``: when calls can ring, for each group of recipients.

For each group that shares a legal envelope (as ``split`` writes them), a week ×
24-hour grid on the group's own clock: the hours the payload rings and the law
allows, the hours it rings and some rule bars, the hours the law would allow but
the payload does not ring, and the hours neither. In the terminal (colour on a TTY,
``--color``), and as SVG with ``--svg FILE``. Exit 0; 2 when the payload cannot be
read or has errors.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import click

from validator.calling.envelope import Envelope, Part, parts
from validator.calling.intervals import intersect, subtract
from validator.calling.reach import WEEKDAYS
from validator.cli.law_input import fail, law_options
from validator.cli.options import color_option, use_color
from validator.context import Context

# State of one hour: (terminal character, colour, SVG fill, legend)
STATES = {
    "ok": ("#", "green", "#2e7d32", "rings, and the law allows it"),
    "barred": ("X", "red", "#c62828", "rings, but a rule bars (some of) it"),
    "legal": (".", "bright_black", "#c8e6c9", "the law allows it, the payload does not ring"),
    "closed": (" ", None, "#f5f5f5", "neither"),
}
_CELL, _LEFT, _TOP, _BLOCK = 22, 40, 40, 7 * 22 + 60


def hour_state(envelope: Envelope, weekday: int, hour: int) -> str:
    """What a grid cell shows for one hour of one weekday (minutes the payload rings, against what every rule allows)."""
    span = ((hour * 60, hour * 60 + 60),)
    rung = intersect(envelope.reach[weekday], span)
    if rung:
        return "barred" if subtract(rung, envelope.legal[weekday]) else "ok"
    return "legal" if intersect(envelope.legal[weekday], span) else "closed"


@click.command()
@law_options
@click.option("--svg", "svg_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the grids as SVG to FILE.")
@color_option
def hours(ctx: Context, svg_path: Path | None, color: str) -> None:
    """Show, for each group of recipients, the hours of the week the payload rings against the hours the law allows."""
    found = parts(ctx)
    if found is None:
        fail("the payload has no usable call_time_window (calls may ring at any hour: see `retell-validate check`)")
    colored = use_color(color)
    for part in found:
        click.echo(_terminal(part, colored), color=colored)
    click.echo("legend: " + "; ".join(f"{char!r} {words}" for char, _, _, words in STATES.values()))
    if svg_path is not None:
        try:
            svg_path.write_text(svg(found), encoding="utf-8")
        except OSError as exc:
            fail(f"{svg_path}: cannot write: {exc.strerror or exc}")


def title(part: Part) -> str:
    return f"{part.label}: {part.count} task{'s' if part.count != 1 else ''}, {part.zone} local time"


def _terminal(part: Part, colored: bool) -> str:
    lines = [title(part), "     " + "".join(f"{h:<3d}" if h % 3 == 0 else "" for h in range(24))]
    for weekday in range(7):
        cells = []
        for hour in range(24):
            char, fg, _, _ = STATES[hour_state(part.envelope, weekday, hour)]
            cells.append(click.style(char, fg=fg, bg=fg if char != " " and colored else None) if colored and fg else char)
        lines.append(f"{WEEKDAYS[weekday][:3]}  " + "".join(cells))
    return "\n".join(lines) + "\n"


def svg(found: list[Part]) -> str:
    """Every group's grid, titled with the group's jurisdictions, size and zone, with a legend."""
    width, height = _LEFT + 24 * _CELL + 20, _TOP + len(found) * _BLOCK + 30 * len(STATES)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">',
        "<title>When calls can ring, by recipient group</title>",
    ]
    for n, part in enumerate(found):
        top = _TOP + n * _BLOCK
        out.append(f'<g class="group"><text x="{_LEFT}" y="{top - 24}" font-weight="bold">{escape(title(part))}</text>')
        out.extend(f'<text x="{_LEFT + h * _CELL}" y="{top - 6}">{h:02d}</text>' for h in range(0, 24, 3))
        for weekday in range(7):
            y = top + weekday * _CELL
            out.append(f'<text x="4" y="{y + 15}">{WEEKDAYS[weekday][:3]}</text>')
            for hour in range(24):
                state = hour_state(part.envelope, weekday, hour)
                out.append(
                    f'<rect x="{_LEFT + hour * _CELL}" y="{y}" width="{_CELL - 2}" height="{_CELL - 2}" fill="{STATES[state][2]}">'
                    f"<title>{WEEKDAYS[weekday]} {hour:02d}:00: {escape(STATES[state][3])}</title></rect>"
                )
        out.append("</g>")
    legend_top = _TOP + len(found) * _BLOCK
    for n, (_, _, fill, words) in enumerate(STATES.values()):
        y = legend_top + n * 24
        out.append(f'<rect x="{_LEFT}" y="{y}" width="16" height="16" fill="{fill}" stroke="#999"/>')
        out.append(f'<text x="{_LEFT + 24}" y="{y + 12}">{escape(words)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
