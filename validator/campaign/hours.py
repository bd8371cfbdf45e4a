"""The hours picture: for each group of recipients, a week × 24-hour grid of when the batch rings against what the law allows.

The groups are the parts ``split`` writes, numbered alike, each on its own clock. An hour is one of
:data:`STATES`: the batch rings and the law allows it, it rings and some rule bars it, the law
would allow it but the batch does not ring, or neither. :func:`svg` draws the grids with a title,
the dates, a summary and the legend on top; the states differ by pattern and lightness as well as
by hue (a palette that reads without colour vision), and every text from the input is escaped.
The ``hours`` command prints the same grids in characters; the web page shows the SVG.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

from validator.calling.envelope import Envelope, Part
from validator.calling.intervals import intersect, subtract
from validator.calling.reach import WEEKDAYS
from validator.campaign.sheet import Plan, counted, zone_word

# State of one hour: (terminal character, terminal colour, SVG fill, SVG pattern, legend). Okabe–Ito hues, told apart by lightness and pattern too.
STATES = {
    "ok": ("#", "blue", "#0072B2", None, "rings, and the law allows it"),
    "barred": ("X", "red", "#D55E00", "hatch", "rings, but a rule bars (some of) it"),
    "legal": (".", "bright_black", "#B9D7EC", "dots", "the law allows it, the batch does not ring then"),
    "closed": (" ", None, "#F4F4F4", None, "neither"),
}
_CELL, _LABEL, _GAP, _COLUMNS = 13, 34, 28, 4
_HEAD = 118  # title, dates, summary and legend above the grids
_BLOCK_HEIGHT = 44 + 7 * _CELL  # a group's two title lines, hour marks and seven days


def hour_state(envelope: Envelope, weekday: int, hour: int) -> str:
    """What a grid cell shows for one hour of one weekday (minutes the batch rings, against what every rule allows)."""
    span = ((hour * 60, hour * 60 + 60),)
    rung = intersect(envelope.reach[weekday], span)
    if rung:
        return "barred" if subtract(rung, envelope.legal[weekday]) else "ok"
    return "legal" if intersect(envelope.legal[weekday], span) else "closed"


def dates(plan: Plan) -> str:
    """``Mon 2026-06-01 to Mon 2026-06-15 (14 days)``: the span the law was checked over."""
    start = datetime.fromtimestamp(plan.start * 60, UTC)
    days = plan.context.settings.horizon_days
    return f"{start:%a %Y-%m-%d} to {start + timedelta(days=days):%a %Y-%m-%d} ({days} days)"


def summary(plan: Plan) -> str:
    """What is drawn: rows in groups, and the rows set aside with why."""
    drawn = sum(len(rows) for _, rows in plan.parts)
    reasons = plan.sheet.reasons()
    aside = sum(reasons.values())
    line = f"{dates(plan)}: {counted(drawn, 'row')} in {counted(len(plan.parts), 'group')}"
    if aside:
        line += f"; {counted(aside, 'row')} set aside (" + ", ".join(f"{n:,} {reason}" for reason, n in reasons.items()) + ")"
    return line


def title(plan: Plan, number: int, part: Part, rows: int) -> str:
    """``2. Florida and Georgia: 12 rows, eastern time (America/New_York)``: numbered as split numbers its files."""
    return f"{number}. {part.label}: {counted(rows, 'row')}, {zone_word(part.zone, plan.start)} time ({part.zone})"


def svg(plan: Plan) -> str:
    """Title, dates, summary and legend on top; then each group's grid, up to four side by side."""
    count = len(plan.parts)
    columns = max(1, min(_COLUMNS, count))
    block_width = _LABEL + 24 * _CELL
    width = 20 + columns * (block_width + _GAP)
    height = _HEAD + -(-count // columns) * (_BLOCK_HEIGHT + _GAP) + 10
    heading = f"When calls can ring: {plan.sheet.name}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif" font-size="11">',
        f"<title>{escape(heading)}</title>",
        "<defs>",
        '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{STATES["barred"][2]}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.2"/></pattern>',
        '<pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse">'
        f'<rect width="5" height="5" fill="{STATES["legal"][2]}"/><circle cx="2.5" cy="2.5" r="0.9" fill="#41729a"/></pattern>',
        "</defs>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        f'<text x="20" y="28" font-size="18" font-weight="bold">{escape(heading)}</text>',
        f'<text x="20" y="48" font-size="12">{escape(summary(plan))}</text>',
        '<text x="20" y="66" font-size="12">Each grid: one group of recipients, a week of hours on its own clock '
        "(numbered as split numbers its files).</text>",
    ]
    x = 20
    for state, (_, _, _, _, words) in STATES.items():
        out.append(f'<g class="legend"><rect x="{x}" y="80" width="16" height="16" fill="{_fill(state)}" stroke="#777"/>')
        out.append(f'<text x="{x + 22}" y="92">{escape(words)}</text></g>')
        x += 34 + 6 * len(words)
    for index, (part, rows) in enumerate(plan.parts):
        left = 20 + (index % columns) * (block_width + _GAP)
        top = _HEAD + (index // columns) * (_BLOCK_HEIGHT + _GAP)
        out.extend(_block(plan, index + 1, part, len(rows), left, top))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _fill(state: str) -> str:
    pattern = STATES[state][3]
    return f"url(#{pattern})" if pattern else STATES[state][2]


def _block(plan: Plan, number: int, part: Part, rows: int, left: int, top: int) -> list[str]:
    label, _, rest = title(plan, number, part, rows).partition(": ")
    grid = top + 38
    out = [
        f'<g class="group"><text x="{left}" y="{top + 10}" font-weight="bold">{escape(_short(label, 52))}</text>',
        f'<text x="{left}" y="{top + 24}">{escape(rest)}</text>',
    ]
    out.extend(f'<text x="{left + _LABEL + h * _CELL}" y="{grid - 3}" font-size="9">{h:02d}</text>' for h in range(0, 24, 3))
    for weekday in range(7):
        y = grid + weekday * _CELL
        out.append(f'<text x="{left}" y="{y + 10}" font-size="10">{WEEKDAYS[weekday][:3]}</text>')
        for hour in range(24):
            state = hour_state(part.envelope, weekday, hour)
            out.append(
                f'<rect x="{left + _LABEL + hour * _CELL}" y="{y}" width="{_CELL - 1}" height="{_CELL - 1}" fill="{_fill(state)}">'
                f"<title>{WEEKDAYS[weekday]} {hour:02d}:00: {escape(STATES[state][4])}</title></rect>"
            )
    out.append("</g>")
    return out


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
