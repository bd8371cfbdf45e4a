"""``Report``'s public surface: ``str(report)`` is the text report, ``repr`` the dataclass's, and the severity views."""

from __future__ import annotations

from tests.helpers import FIXED_NOW, seed, with_task
from validator import Report, validate, validate_text
from validator.diagnostics import Diagnostic, Severity
from validator.reporters import RenderOptions, get_renderer

SHORT_NUMBER = '{\n  "from_number": "+14157774444",\n  "tasks": [{"to_number": "+1213"}],\n  "colour": 1\n}\n'


def test_str_is_the_text_report_of_the_one_payload() -> None:
    report = validate_text(SHORT_NUMBER, "json", file="batch.json", now=FIXED_NOW)
    lines = str(report).splitlines()
    assert [line.split(" ", 3)[:3] for line in lines if line.startswith("batch.json")] == [
        ["batch.json:3:27:", "RBV202", "[error]"],
        ["batch.json:4:3:", "RBV111", "[warning]"],
    ]
    assert lines[0].endswith("(/tasks/0/to_number)") and lines[-2:] == [
        "1 file, 1 error, 1 warning",
        "Not ready to send: 1 task whose number cannot be dialled",
    ]
    assert any(line.startswith("  hint: ") for line in lines)
    assert "\x1b[" not in str(report)
    assert str(report) == get_renderer("text")([report], RenderOptions())  # what `check --color never` prints for the file


def test_str_of_a_payload_without_findings_or_a_file() -> None:
    assert str(validate(seed(), now=FIXED_NOW)) == "1 file, 0 errors, 0 warnings\nReady to send\n"
    report = validate(with_task(to_number="12137774445"), now=FIXED_NOW)
    assert str(report).splitlines()[:2] == [
        "<payload>: RBV201 [error] `to_number` must be in E.164 format (+, country code and number, digits only, e.g. "
        '+14157774444), found "12137774445" (/tasks/0/to_number)',
        '  hint: write "+12137774445"',
    ]


def test_str_escapes_what_came_from_the_input_and_repr_stays_the_dataclass() -> None:
    diagnostic = Diagnostic("RBV111", Severity.INFO, "unknown key '\x1b]0;x\x07'", "/\x1b", file="a\rb.json")
    report = Report("a\rb.json", (diagnostic,))
    assert (
        str(report)
        == "a\\u000db.json: RBV111 [info] unknown key '\\u001b]0;x\\u0007' (/\\u001b)\n1 file, 0 errors, 0 warnings, 1 info\nReady to send\n"
    )
    assert repr(report) == f"Report(file='a\\rb.json', diagnostics=({diagnostic!r},))"


def test_severity_views() -> None:
    levels = [Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.WARNING]
    report = Report(None, tuple(Diagnostic(f"RBV10{i}", level, "m", "") for i, level in enumerate(levels)))
    assert [d.code for d in report.errors] == ["RBV100"]
    assert [d.code for d in report.warnings] == ["RBV101", "RBV103"]
    assert [d.code for d in report.infos] == ["RBV102"]
    assert not report.ok and report.codes == ["RBV100", "RBV101", "RBV102", "RBV103"]
    assert report.fails(Severity.ERROR) and not Report(None, report.warnings).fails(Severity.ERROR)
    assert Report(None, report.infos).fails(Severity.INFO) and Report(None).ok
