"""Control characters from the input never reach a person's terminal raw (text, github, junit, statistics)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW
from validator.cli.main import main
from validator.diagnostics import Diagnostic, Report, Severity
from validator.escape import visible, xml_safe
from validator.reporters import RenderOptions, get_renderer

OSC = "\x1b]0;pwned\x07"  # sets the terminal's title
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # all but \t and \n, our line breaks


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args])
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A payload whose keys and values carry an OSC sequence, a bidi override and a CR, in a file named with them too."""
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+12137774445", OSC: 1, "evil\u202ecod.exe": 2, "retell_llm_dynamic_variables": {"a\rb": [OSC]}}],
    }
    path = tmp_path / f"calls{OSC}\u2066.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_osc_bidi_and_cr_from_the_input_are_escaped(fmt: str, hostile: Path) -> None:
    out = run("--format", fmt, "--color", "never", "--statistics", str(hostile))
    assert RAW.findall(out) == []
    assert "\\u001b]0;pwned\\u0007" in out  # the key is shown, escaped
    assert "evil\\u202ecod.exe" in out
    assert "calls\\u001b]0;pwned\\u0007\\u2066.json" in out


def test_colour_codes_are_the_only_escape_sequences(hostile: Path) -> None:
    out = run("--color", "always", str(hostile))
    assert set(re.findall("\x1b[^m]*m", out)) <= {"\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[2m", "\x1b[0m"}
    assert RAW.findall(re.sub("\x1b\\[[0-9]+m", "", out)) == []


def test_the_more_line_escapes_the_file_name() -> None:
    d = Diagnostic("RBV111", Severity.WARNING, "m", "/a", file="a\nb.json", line=1, column=1)
    text = get_renderer("text")([Report("a\nb.json", (d, d))], RenderOptions(max_diagnostics=1))
    assert text.splitlines()[1:] == [
        "… and 1 more in a\\u000ab.json (--max-diagnostics 0 shows all)",
        "1 file, 0 errors, 2 warnings",
        "Ready to send",
    ]


def test_escapes() -> None:
    assert (
        visible("tab\there\r\n\x00\x7f\x85\u202e\u2069 é 中 \u2028 \\")
        == "tab\\u0009here\\u000d\\u000a\\u0000\\u007f\\u0085\\u202e\\u2069 é 中 \u2028 \\"
    )
    assert visible("plain text, 100% : ok") == "plain text, 100% : ok"
    unsafe = [*range(0x20), *range(0x7F, 0xA0), 0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    assert [visible(chr(c)) for c in unsafe] == [f"\\u{c:04x}" for c in unsafe]  # each alone, too
    assert xml_safe("\x01\ud800\ufffe\uffff\ufffd") == "\\u0001\\ud800\\ufffe\\uffff\ufffd"
