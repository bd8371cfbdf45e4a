"""JUnit XML, one ``testcase`` per checked file, for CI systems that display test reports.

Valid against Jenkins' ``junit-10.xsd`` (the strictest common consumer): the
testcase's ``name`` is the file's path and its ``classname`` the tool. A file
with a finding at or above ``--fail-on`` is a ``failure`` (message: the
counts; type: the failing codes; text: one line per finding with its line and
column, as in the text format); other findings go to ``system-out``.
The suite's ``properties`` carry the verdict (``ready``: true or false, and ``verdict``, the
sentence). Characters XML 1.0 cannot carry, and control characters, are written as
``\\uXXXX`` so the document stays well-formed whatever the file names.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from validator.diagnostics import Report, counts_in_words, display_path
from validator.escape import xml_safe
from validator.reporters import TOOL_NAME, RenderOptions, more_line, verdict_of, visible_diagnostics
from validator.reporters.text import format_diagnostic


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    failed = sum(1 for r in reports if r.fails(options.fail_on))
    totals = {"tests": str(len(reports)), "failures": str(failed), "errors": "0"}
    suites = ET.Element("testsuites", {"name": TOOL_NAME, **totals})
    suite = ET.SubElement(suites, "testsuite", {"name": TOOL_NAME, **totals, "skipped": "0"})
    verdict = verdict_of(reports, options)
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "ready", "value": str(verdict.ready).lower()})
    ET.SubElement(properties, "property", {"name": "verdict", "value": xml_safe(verdict.sentence)})
    for report in reports:
        _testcase(suite, report, options)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, report: Report, options: RenderOptions) -> None:
    case = ET.SubElement(suite, "testcase", {"name": xml_safe(display_path(report.file)), "classname": TOOL_NAME})
    diagnostics, hidden = visible_diagnostics(report, options)
    lines = [line for d in diagnostics for line in format_diagnostic(d, options)]
    if hidden:
        lines.append(more_line(hidden, report.file))
    if not lines:
        return
    body = "\n".join(xml_safe(line) for line in lines)
    if report.fails(options.fail_on):
        failing = sorted({d.code for d in report.diagnostics if d.severity.rank >= options.fail_on.rank})
        failure = ET.SubElement(case, "failure", {"message": counts_in_words([report]), "type": ",".join(failing)})
        failure.text = body
    else:
        ET.SubElement(case, "system-out").text = body
