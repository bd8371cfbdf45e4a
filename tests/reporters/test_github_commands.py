"""GitHub workflow commands read back the way the Actions runner reads them.

``runner_parse`` follows ``ActionCommand.TryParseV2`` and ``IssueCommandExtension.ValidateLinesAndColumns``
of actions/runner (src/Runner.Common/ActionCommand.cs, src/Runner.Worker/ActionCommandManager.cs): the
line is trimmed at the start, must start with ``::``; the command info runs to the next ``::``; properties
are split at ``,`` then at the first ``=``, empty pieces dropped; property values are unescaped
``%0D``, ``%0A``, ``%3A``, ``%2C``, then ``%25``, the message ``%0D``, ``%0A``, then ``%25``.
"""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from validator.diagnostics import Diagnostic, Report, Severity, display_path
from validator.escape import visible
from validator.reporters import RenderOptions, get_renderer
from validator.reporters.github import command

ISSUE_COMMANDS = {"error", "warning", "notice"}
_PROPERTY_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_DATA_ESCAPES = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))


def _unescape(text: str, mappings: tuple[tuple[str, str], ...]) -> str:
    for escaped, token in mappings:
        text = text.replace(escaped, token)
    return text


def runner_parse(line: str) -> tuple[str, dict[str, str], str] | None:
    """(command, properties, message) as the runner sees the line, or None when it is no issue command."""
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in ISSUE_COMMANDS:
        return None
    properties: dict[str, str] = {}
    if space > 0:
        for item in info[space + 1 :].strip().split(","):
            pair = [piece for piece in item.split("=", 1) if piece]
            if item and len(pair) == 2:
                properties[pair[0]] = _unescape(pair[1], _PROPERTY_ESCAPES)
    _validate_lines_and_columns(properties)
    return name, properties, _unescape(message[end + 2 :], _DATA_ESCAPES)


def _validate_lines_and_columns(p: dict[str, str]) -> None:
    """The runner's repairs; our commands must never need them (the test compares with what was meant)."""
    numbers = {key: int(p[key]) for key in ("line", "endLine", "col", "endColumn") if p.get(key, "").lstrip("-").isdigit()}
    if "endLine" in numbers and "line" not in numbers:
        p["line"] = p["endLine"]
        numbers["line"] = numbers["endLine"]
    if "endColumn" in numbers and "col" not in numbers:
        p["col"] = p["endColumn"]
        numbers["col"] = numbers["endColumn"]
    has_column = "col" in numbers or "endColumn" in numbers
    if ("line" not in numbers and has_column) or ("endLine" in numbers and p.get("line") != p["endLine"] and has_column):
        p.pop("col", None)
        p.pop("endColumn", None)
    if "line" in numbers and "endLine" in numbers and numbers["endLine"] < numbers["line"]:
        p.pop("line", None)
        p.pop("endLine", None)
    if "col" in numbers and "endColumn" in numbers and numbers["endColumn"] < numbers["col"]:
        p.pop("col", None)
        p.pop("endColumn", None)


def expected(d: Diagnostic) -> tuple[str, dict[str, str], str]:
    """What the annotation should say: every location field given, columns only on one line, input text escaped."""
    one_line = d.end_line is None or d.end_line == d.line
    fields = {"file": visible(display_path(d.file)), "line": d.line, "endLine": d.end_line}
    fields |= {"col": d.column, "endColumn": d.end_column} if one_line else {}
    properties = {key: str(value) for key, value in fields.items() if value is not None} | {"title": d.code}
    message = visible(d.message) + (f" ({visible(d.pointer)})" if d.pointer else "") + (f"\nhint: {visible(d.hint)}" if d.hint else "")
    return {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[d.severity], properties, message


def test_runner_parser_unescapes_like_the_runner() -> None:
    parsed = runner_parse("  ::warning file=a%3Ab%2Cc%25,line=3,,=x,y=,title=T::m%0Ano%250A%3A")
    assert parsed == ("warning", {"file": "a:b,c%", "line": "3", "title": "T"}, "m\nno%0A%3A")
    assert runner_parse("::set-output name=x::v") is None
    assert runner_parse("1 file, 1 error, 0 warnings") is None


def test_locations_round_trip() -> None:
    cases = [
        Diagnostic("RBV102", Severity.ERROR, "m", "/a", file="dir/p.json", line=5, column=35, end_line=5, end_column=36),
        Diagnostic("RBV111", Severity.WARNING, "m", "/b", file="p.json", line=6, column=5, end_line=9, end_column=2),  # columns dropped
        Diagnostic("RBV201", Severity.INFO, "m", "", file="p.json", line=2, column=1),
        Diagnostic("RBV001", Severity.ERROR, "m", "", file="p.json"),
        Diagnostic("RBV001", Severity.ERROR, "m", "", file=None),
    ]
    parsed = [runner_parse(command(d)) for d in cases]
    assert parsed == [expected(d) for d in cases]
    assert [p[1] if p else None for p in parsed][:3] == [
        {"file": "dir/p.json", "line": "5", "endLine": "5", "col": "35", "endColumn": "36", "title": "RBV102"},
        {"file": "p.json", "line": "6", "endLine": "9", "title": "RBV111"},
        {"file": "p.json", "line": "2", "col": "1", "title": "RBV201"},
    ]


# Pieces, not characters: escape-like sequences (%0A, %25) and the separator :: must come whole.
_PIECES = [*string.printable, "%0A", "%0D", "%25", "%3A", "%2C", "::", "\x1b]0;t\x07", "\u202e", "é", "\x85"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


# A file name starting with "=" is left out: .NET's Split(count: 2, RemoveEmptyEntries) may drop that "=".
@given(file=_TEXT.filter(lambda f: f and not f.startswith("=")), message=_TEXT, pointer=_TEXT, hint=st.none() | _TEXT)
def test_any_text_round_trips_through_the_runner(file: str, message: str, pointer: str, hint: str | None) -> None:
    d = Diagnostic("RBV111", Severity.WARNING, message, pointer, file=file, line=3, column=2, end_line=3, end_column=9, hint=hint or None)
    rendered = get_renderer("github")([Report(file, (d,))], RenderOptions())
    first, summary, verdict = rendered.splitlines()  # no forged second command: input newlines are escaped
    assert runner_parse(first) == expected(d)
    assert runner_parse(summary) is None
    assert verdict == "::notice title=Verdict::Ready to send"  # a warning of this family does not block sending
    assert not any(c in rendered for c in "\x1b\x07\u202e\x85\r")
