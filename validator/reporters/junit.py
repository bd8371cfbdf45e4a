"""JUnit XML, one ``testcase`` per checked file, for CI systems that display test reports.

A file with a finding at or above ``--fail-on`` is a ``failure`` (message: the
counts; text: one line per finding, as in the text format); other findings go
to ``system-out``. Characters XML 1.0 cannot carry are written as ``\\uXXXX``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from validator.diagnostics import Report
from validator.reporters import TOOL_NAME, RenderOptions, display_path, more_line, shown, tally
from validator.reporters.text import format_diagnostic

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    failed = sum(1 for r in reports if r.fails(options.fail_on))
    totals = {"tests": str(len(reports)), "failures": str(failed), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": TOOL_NAME, **totals})
    suite = ET.SubElement(suites, "testsuite", {"name": TOOL_NAME, **totals})
    for report in reports:
        _testcase(suite, report, options)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, report: Report, options: RenderOptions) -> None:
    path = display_path(report.file)
    case = ET.SubElement(suite, "testcase", {"classname": TOOL_NAME, "name": path, "file": path})
    diagnostics, hidden = shown(report, options)
    lines = [line for d in diagnostics for line in format_diagnostic(d, options)]
    if hidden:
        lines.append(more_line(hidden, report.file))
    if not lines:
        return
    body = xml_safe("\n".join(lines))
    if report.fails(options.fail_on):
        failing = sorted({d.code for d in report.diagnostics if d.severity.rank >= options.fail_on.rank})
        failure = ET.SubElement(case, "failure", {"message": tally([report]), "type": ",".join(failing)})
        failure.text = body
    else:
        ET.SubElement(case, "system-out").text = body
