"""The pipeline: document → schema pass → rule passes → located diagnostics.

Rules and passes produce :class:`Issue` (code + finding). The engine drops
disabled codes, applies severity overrides, and asks the document's locator
for the positions of the pointers that got a diagnostic, in one batch.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from validator.context import Context
from validator.diagnostics import Diagnostic, Finding, Report, Severity
from validator.document import Document, Issue, LocateRequest, Span
from validator.engine.document_order import DocumentOrder
from validator.engine.registry import Rule, rules_by_code, semantic_rules
from validator.engine.schema_pass import schema_issues
from validator.engine.suppressions import Suppressions
from validator.json_values import preview, quote
from validator.openapi.load import Spec
from validator.pointer import tokens
from validator.rules.input import internal_error
from validator.settings import Settings

# A backstop for a rule that quotes input without json_values.quote: no finding grows with the input.
MAX_MESSAGE = 1_000


def check_document(
    document: Document,
    *,
    file: str | None,
    spec: Spec,
    settings: Settings,
    locate_first: int | None = None,
    locate_errors_only: bool = False,
    subjects: bool = False,
    suppressions: Suppressions | None = None,
) -> Report:
    """Check a document. Every diagnostic is located and the report sorted by position, unless ``locate_first``.

    ``subjects``: give each diagnostic the offending value it is about (``Diagnostic.subject``).
    ``suppressions``: the document's suppression comments, for its grouped findings (the caller
    applies them to the others, by line: :meth:`Suppressions.apply`).

    ``locate_first=N`` is for a caller that shows at most N diagnostics (errors only with
    ``locate_errors_only``): the first N by position are located and come first, sorted, as they
    would without it; when the document's order can stand for positions, the others keep
    ``line=None`` and follow, unsorted. Counts are unchanged.
    """
    found = list(document.issues)
    if document.usable:
        # Semantic rules run first: what they supersede, the schema pass need not word (100,000
        # numbers written as JSON numbers are RBV201 findings; their RBV102 would be dropped).
        context = Context(document.data, spec, settings, document.format, document.task_offset, task_rows=document.task_rows)
        by_rules = [issue for rule in semantic_rules() if settings.enabled(rule.code) for issue in _run(rule, context)]
        if suppressions is not None and suppressions.by_line:
            rules = rules_by_code()
            by_rules = suppressions.regroup(
                by_rules, document, lambda code, tasks: _run(rules[code], replace(context, excluded_tasks=tasks))
            )
        shadowed = _shadowed(by_rules)
        try:
            found.extend(schema_issues(document.data, spec, dropped=shadowed))
        except Exception as exc:  # a schema rule bug is a diagnostic too, never a traceback
            message = f"the schema pass failed: {type(exc).__name__}: {exc}"
            found.append(Issue(internal_error.CODE, Finding("", message, "please report this with the payload")))
        # What the rules supersede is known; only the other issues (reader, schema) may add to it.
        shadowed |= _shadowed(found)
        found.extend(by_rules)
    else:
        shadowed = _shadowed(found)
    issues = _without_superseded(found, shadowed)
    if document.refine is not None:
        rules = rules_by_code()
        issues = document.refine(issues, lambda code: rules[code].severity is Severity.ERROR)
    diagnostics = _diagnostics(issues, document, file, settings, locate_first, locate_errors_only)
    if subjects and document.usable:
        diagnostics = [replace(d, subject=_subject(document.data, d.pointer)) for d in diagnostics]
    return Report(file, tuple(diagnostics))


def _run(rule: Rule, context: Context) -> list[Issue]:
    """A semantic rule's issues; a rule that raises is RBV000, and must not hide the other findings."""
    assert rule.check is not None
    found: list[Issue] = []
    try:
        found.extend(Issue(rule.code, finding) for finding in rule.check(context))
    except Exception as exc:
        message = f"rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}"
        found.append(Issue(internal_error.CODE, Finding("", message, "please report this with the payload")))
    return found


def _subject(data: Any, pointer: str) -> str | None:
    """The scalar at ``pointer``, shortened (``None`` for an object, an array, or a pointer the data lacks)."""
    node = data
    for token in tokens(pointer):
        if isinstance(node, dict):
            node = node.get(token, _MISSING)
        elif isinstance(node, list) and token.isascii() and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
        if node is _MISSING:
            return None
    return None if isinstance(node, dict | list) else preview(node, 120)


_MISSING = object()


def _without_superseded(issues: list[Issue], shadowed: set[tuple[str, str]]) -> list[Issue]:
    """Drop generic findings where a rule declared to supersede them reported at the same pointer (``shadowed``)."""
    if not shadowed:
        return issues
    return [i for i in issues if (i.code, i.finding.pointer) not in shadowed]


def _shadowed(issues: list[Issue]) -> set[tuple[str, str]]:
    """(code, pointer) of the findings these issues supersede."""
    rules = rules_by_code()
    return {(code, i.finding.pointer) for i in issues for code in rules[i.code].supersedes}


def _diagnostics(
    issues: list[Issue], document: Document, file: str | None, settings: Settings, locate_first: int | None, errors_only: bool
) -> list[Diagnostic]:
    rules = rules_by_code()
    codes = {i.code for i in issues}
    enabled = {code: settings.enabled(code) for code in codes}  # per code, not per issue
    severities = {code: settings.severity_of(code, rules[code].severity) for code in codes if enabled[code]}
    kept = [i for i in issues if enabled[i.code]]
    spans: dict[LocateRequest, Span] = {}
    attempted: set[LocateRequest] | None = None  # None: every wanted pointer was located
    locator = document.locator
    if locator is None:
        pass
    elif locate_first is not None and getattr(locator, "in_document_order", False) and len(kept) > locate_first:
        # How many shown diagnostics each pointer places: their count decides how far to locate.
        shown = [i for i in kept if severities[i.code] is Severity.ERROR] if errors_only else kept
        weights: dict[LocateRequest, int] = {}
        for issue in shown:
            if issue.span is None:
                request = (issue.finding.pointer, issue.finding.target)
                weights[request] = weights.get(request, 0) + 1
        wanted = {(i.finding.pointer, i.finding.target) for i in kept if i.span is None} if errors_only else weights.keys()
        if len(shown) > locate_first:
            spans, attempted = _first_spans(document, shown, wanted, weights, locate_first)
        elif wanted:
            spans = dict(locator.locate(wanted))
    else:
        wanted = {(i.finding.pointer, i.finding.target) for i in kept if i.span is None}
        if wanted:
            spans = dict(locator.locate(wanted))
    out = []
    unlocated = []
    for issue in kept:
        rule = rules[issue.code]
        finding = issue.finding
        request = (finding.pointer, finding.target)
        span = issue.span or spans.get(request)
        diagnostic = Diagnostic(
            code=issue.code,
            severity=severities[issue.code],
            message=quote(finding.message, MAX_MESSAGE),
            pointer=finding.pointer,
            file=file,
            line=span.line if span else None,
            column=span.column if span else None,
            end_line=span.end_line if span else None,
            end_column=span.end_column if span else None,
            hint=None if finding.hint is None else quote(finding.hint, MAX_MESSAGE),
            name=rule.name,
            fix=finding.fix,
        )
        if span is None and attempted is not None and request not in attempted:
            unlocated.append(diagnostic)
        else:
            out.append(diagnostic)
    out.sort(key=Diagnostic.sort_key)
    out.extend(unlocated)
    return out


def _first_spans(
    document: Document, shown: list[Issue], wanted: Collection[LocateRequest], weights: dict[LocateRequest, int], count: int
) -> tuple[dict[LocateRequest, Span], set[LocateRequest] | None]:
    """Spans of enough pointers, in document order, that the first ``count`` of ``shown`` by position are all located.

    Returns the spans and the requests located (``None`` when that is all of them). Requests are
    located in batches in document order; the batches stop once the ``count``-th position among
    what is known lies strictly before the position of the last request located: everything after
    it in document order lies at or after it in the text.
    """
    locator = document.locator
    assert locator is not None
    weight = weights  # how many shown diagnostics each request places
    # (line, column) of the shown diagnostics placed so far
    positions = [(i.span.line, i.span.column) for i in shown if i.span is not None]
    order = DocumentOrder(document.data, wanted)
    spans: dict[LocateRequest, Span] = dict(locator.locate(order.missing)) if order.missing else {}
    attempted = set(order.missing)
    for request in order.missing:  # not in the data: without a position, these sort first
        positions.extend([(0, 0)] * weight.get(request, 0))
    requests = iter(order)
    budget = count
    while True:
        batch: list[LocateRequest] = []
        taken = 0
        for request in requests:
            batch.append(request)
            taken += weight.get(request, 0)
            if taken >= budget:
                break
        else:
            if batch:
                spans.update(locator.locate(batch))
            return spans, None
        found = locator.locate(batch)
        spans.update(found)
        attempted.update(batch)
        last = found.get(batch[-1])
        if last is None:  # the data and the text disagree: locate everything
            return dict(locator.locate(wanted)), None
        for request in batch:
            span = found.get(request)
            positions.extend([(span.line, span.column) if span else (0, 0)] * weight.get(request, 0))
        if len(positions) >= count and heapq.nsmallest(count, positions)[-1] < (last.line, last.column):
            return spans, attempted
        budget *= 2
