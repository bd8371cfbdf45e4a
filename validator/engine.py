"""The pipeline: document → schema pass → rule passes → located diagnostics.

Rules and passes produce :class:`Issue` (code + finding). The engine drops
disabled codes, applies severity overrides, and asks the document's locator
for the positions of the pointers that got a diagnostic, in one batch.
"""

from __future__ import annotations

from validator.context import Context
from validator.diagnostics import Diagnostic, Finding, Report, Severity
from validator.document import Document, Issue, Span
from validator.registry import rules_by_code, semantic_rules
from validator.rules import internal_error, yaml_implicit_conversion, yaml_unquoted_scalar
from validator.schema_pass import schema_issues
from validator.settings import Settings
from validator.spec import Spec


def check_document(document: Document, *, file: str | None, spec: Spec, settings: Settings) -> Report:
    found = list(document.issues)
    if document.usable:
        # Semantic rules run first: what they supersede, the schema pass need not word (100,000
        # numbers written as JSON numbers are RBV201 findings; their RBV102 would be dropped).
        context = Context(document.data, spec, settings, document.format)
        by_rules: list[Issue] = []
        for rule in semantic_rules():
            if not settings.enabled(rule.code):
                continue
            assert rule.check is not None
            try:
                by_rules.extend(Issue(rule.code, finding) for finding in rule.check(context))
            except Exception as exc:  # a rule bug must not hide the other findings
                message = f"rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}"
                by_rules.append(Issue(internal_error.CODE, Finding("", message, "please report this with the payload")))
        try:
            found.extend(schema_issues(document.data, spec, dropped=_shadowed(by_rules)))
        except Exception as exc:  # a schema rule bug is a diagnostic too, never a traceback
            message = f"the schema pass failed: {type(exc).__name__}: {exc}"
            found.append(Issue(internal_error.CODE, Finding("", message, "please report this with the payload")))
        found.extend(by_rules)
    issues = _with_conversions(_without_superseded(found), document)
    return Report(file, tuple(_diagnostics(issues, document, file, settings)))


def _without_superseded(issues: list[Issue]) -> list[Issue]:
    """Drop generic findings where a rule declared to supersede them reported at the same pointer."""
    shadowed = _shadowed(issues)
    if not shadowed:
        return issues
    return [i for i in issues if (i.code, i.finding.pointer) not in shadowed]


def _shadowed(issues: list[Issue]) -> set[tuple[str, str]]:
    """(code, pointer) of the findings these issues supersede."""
    rules = rules_by_code()
    return {(code, i.finding.pointer) for i in issues for code in rules[i.code].supersedes}


def _with_conversions(issues: list[Issue], document: Document) -> list[Issue]:
    """Explain errors caused by YAML 1.1 guessing (one RBV008 per value); keep other guesses as warnings."""
    conversions = document.implicit_conversions
    if not conversions:
        return issues
    rules = rules_by_code()
    out: list[Issue] = []
    explained: set[str] = set()
    for issue in issues:
        pointer = issue.finding.pointer
        conversion = conversions.get(pointer)
        if conversion is None or issue.finding.target != "value" or rules[issue.code].severity is not Severity.ERROR:
            out.append(issue)
        elif pointer not in explained:
            explained.add(pointer)
            message = f"{conversion.message}; {issue.finding.message}"
            out.append(Issue(yaml_unquoted_scalar.CODE, Finding(pointer, message, conversion.hint)))
    out.extend(Issue(yaml_implicit_conversion.CODE, c) for p, c in conversions.items() if p not in explained)
    return out


def _diagnostics(issues: list[Issue], document: Document, file: str | None, settings: Settings) -> list[Diagnostic]:
    rules = rules_by_code()
    enabled = {code: settings.enabled(code) for code in {i.code for i in issues}}  # per code, not per issue
    kept = [i for i in issues if enabled[i.code]]
    wanted = {(i.finding.pointer, i.finding.target) for i in kept if i.span is None}
    spans: dict[tuple[str, str], Span] = {}
    if wanted and document.locator is not None:
        spans = dict(document.locator.locate(wanted))  # type: ignore[arg-type]
    out = []
    for issue in kept:
        rule = rules[issue.code]
        finding = issue.finding
        span = issue.span or spans.get((finding.pointer, finding.target))
        out.append(
            Diagnostic(
                code=issue.code,
                severity=settings.severity_of(issue.code, rule.severity),
                message=finding.message,
                pointer=finding.pointer,
                file=file,
                line=span.line if span else None,
                column=span.column if span else None,
                end_line=span.end_line if span else None,
                end_column=span.end_column if span else None,
                hint=finding.hint,
                name=rule.name,
                fix=finding.fix,
            )
        )
    out.sort(key=Diagnostic.sort_key)
    return out
