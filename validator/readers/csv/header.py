"""The header row of a contact list: which column is what, and what is wrong with the names.

The dashboard's conventions: the column headed exactly ``phone number`` is the
number to call, ``ignore e164 validation`` turns the E.164 check off for a
row, and every other header names a dynamic variable (``first_name`` →
``{{first_name}}``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from validator.diagnostics import Finding
from validator.document import Issue, Span
from validator.readers import codes
from validator.readers.csv.source import Row

PHONE_COLUMN = "phone number"
IGNORE_E164_COLUMN = "ignore e164 validation"
_PHONE_LOOKALIKES = {
    "phone number",
    "phone",
    "phonenumber",
    "phone no",
    "to number",
    "number",
    "mobile",
    "mobile number",
    "cell",
    "cell phone",
    "telephone",
    "tel",
    "contact number",
}
_SEPARATORS = re.compile(r"[\s_.\-]+")
_BROKEN_NAME = re.compile(r"^\s|\s$|[{}\x00-\x1f\x7f]")


def _normalized(header: str) -> str:
    return _SEPARATORS.sub(" ", header.strip().lower()).strip()


def looks_like_phone(header: str) -> bool:
    norm = _normalized(header)
    return norm in _PHONE_LOOKALIKES or bool(difflib.get_close_matches(norm, [PHONE_COLUMN], n=1, cutoff=0.8))


def _looks_like_ignore_e164(header: str) -> bool:
    norm = _normalized(header).replace("e 164", "e164").replace("e.164", "e164")
    return bool(difflib.get_close_matches(norm, [IGNORE_E164_COLUMN], n=1, cutoff=0.85))


@dataclass
class Layout:
    """What each column of the file is. ``variables`` maps a name to its column (the last one on duplicates)."""

    header: Row
    spans: list[Span]
    phone: int | None = None
    ignore_e164: int | None = None
    variables: dict[str, int] = field(default_factory=dict)
    unnamed: list[int] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)  # variable columns whose header has a finding: blank cells are no news

    @property
    def width(self) -> int:
        return len(self.header.cells)

    def cell_span(self, column: int) -> Span:
        return self.spans[column] if column < len(self.spans) else Span(self.header.line, 1)


def read_header(header: Row) -> Layout:
    layout = Layout(header, header.spans())
    seen: dict[str, int] = {}
    for column, name in enumerate(header.cells):
        if name in seen:
            layout.issues.append(_duplicate(layout, name, seen[name], column))
        seen[name] = column
        if name == PHONE_COLUMN:
            layout.phone = column
        elif name == IGNORE_E164_COLUMN:
            layout.ignore_e164 = column
        elif not name.strip():
            layout.unnamed.append(column)
        else:
            layout.variables.pop(name, None)
            layout.variables[name] = column
    if layout.phone is None:
        _find_phone_lookalike(layout)
    for name, column in layout.variables.items():
        _check_variable_name(layout, name, column)
    return layout


def _find_phone_lookalike(layout: Layout) -> None:
    """Report the missing column; check the rows with a lookalike so one run shows everything."""
    candidates = [(column, name) for name, column in layout.variables.items() if looks_like_phone(name)]
    if not candidates:
        headers = ", ".join(f"`{c}`" for c in layout.header.cells[:6]) or "nothing"
        message = f"the header has no `{PHONE_COLUMN}` column (found {headers}); no row can be called"
        hint = f"add a column headed `{PHONE_COLUMN}` with the numbers in E.164 form (+12137774445)"
        layout.issues.append(Issue(codes.CSV_NO_PHONE_COLUMN, Finding("", message, hint), layout.cell_span(0)))
        return
    column, name = candidates[0]
    del layout.variables[name]
    layout.phone = column
    message = f"the header has no `{PHONE_COLUMN}` column; did you mean `{name}` (column {column + 1})? The rows were checked with it"
    hint = f"rename the header `{name}` to `{PHONE_COLUMN}` (lower case, one space): the dashboard matches it exactly"
    layout.issues.append(Issue(codes.CSV_NO_PHONE_COLUMN, Finding("", message, hint), layout.cell_span(column)))


def _duplicate(layout: Layout, name: str, first: int, column: int) -> Issue:
    message = (
        f"column {column + 1} repeats the header `{name}` of column {first + 1}: a task holds one value per name, column {column + 1} wins"
    )
    hint = "rename or remove one of the two columns"
    return Issue(codes.CSV_DUPLICATE_HEADER, Finding("", message, hint), layout.cell_span(column))


def _check_variable_name(layout: Layout, name: str, column: int) -> None:
    span = layout.cell_span(column)
    if _looks_like_ignore_e164(name) and layout.ignore_e164 is None:
        message = f"header `{name}` looks like `{IGNORE_E164_COLUMN}` but is read as a dynamic variable, so E.164 validation stays on"
        hint = f"rename the header to `{IGNORE_E164_COLUMN}` exactly"
        layout.issues.append(Issue(codes.CSV_MISSPELLED_OPTION_COLUMN, Finding("", message, hint), span))
        layout.reported.add(name)
    elif _BROKEN_NAME.search(name):
        clean = re.sub(r"[{}\x00-\x1f\x7f]", "", name).strip()
        message = f"header {name!r} cannot be a dynamic-variable name: {_why_broken(name)}"
        hint = f"rename the header to `{clean}` and use {{{{{clean}}}}} in the prompt" if clean else "give the column a name"
        layout.issues.append(Issue(codes.CSV_INVALID_VARIABLE_NAME, Finding("", message, hint), span))


def _why_broken(name: str) -> str:
    if "{" in name or "}" in name:
        return "curly braces belong in the prompt ({{name}}), not in the header"
    if name != name.strip():
        return "it has spaces around it, which no {{placeholder}} can match"
    return "it contains a line break or a control character"
