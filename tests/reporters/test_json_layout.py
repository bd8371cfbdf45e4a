"""The JSON report is written by the C encoder; its text must be exactly json.dumps(indent=2)'s."""

from __future__ import annotations

import json

from validator.diagnostics import DOCS_BASE, Diagnostic, Report, Severity, judge
from validator.openapi.load import load_spec
from validator.openapi.source import describe_spec
from validator.reporters import RenderOptions
from validator.reporters.json_format import SCHEMA_VERSION, render

TRICKY = ['he said "no", {ok}: ,\n},\n{', "tab\there \\ back", "é 中 \u2028 \x00 \x1f", "", "}", "],\n["]


def _report(file: str) -> Report:
    diagnostics = tuple(
        Diagnostic(
            code=f"RBV{100 + i}",
            severity=(Severity.ERROR, Severity.WARNING, Severity.INFO)[i % 3],
            message=text,
            pointer=f"/tasks/{i}/x~1y",
            file=file,
            line=i or None,
            column=i * 3 or None,
            hint=text[::-1] or None,
            name="some-rule",
        )
        for i, text in enumerate(TRICKY)
    )
    return Report(file, diagnostics)


def test_text_equals_json_dumps_indent_2() -> None:
    reports = [_report("a.json"), Report("empty.yaml"), _report("dir/b é.yaml")]
    text = render(reports, RenderOptions())
    verdict = judge(reports)
    # Each finding links to its rule's section of docs/rules.md, named by its code and rule name.
    diagnostics = [d.to_dict() | {"url": f"{DOCS_BASE}rules.md#{d.code.lower()}-{d.name}"} for r in reports for d in r.diagnostics]
    expected = {
        "schema_version": SCHEMA_VERSION,
        "files": ["a.json", "empty.yaml", "dir/b é.yaml"],
        "diagnostics": diagnostics,
        "summary": {
            "files": 3,
            "error": 4,
            "warning": 4,
            "info": 4,
            "omitted": 0,
            "ready": False,
            "verdict": verdict.sentence,
            "reasons": [{"reason": words, "count": count} for words, count in verdict.reasons],
        },
        "spec": None,  # not stated by the caller
    }
    assert text == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    source = describe_spec(load_spec())
    stated = render(reports, RenderOptions(spec=source.to_dict()))
    assert stated == json.dumps({**expected, "spec": source.to_dict()}, indent=2, ensure_ascii=False) + "\n"


def test_no_diagnostics_is_an_empty_list() -> None:
    text = render([Report("clean.json")], RenderOptions())
    assert '"diagnostics": [],' in text
    assert json.loads(text)["diagnostics"] == []
