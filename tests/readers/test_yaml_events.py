"""A YAML payload that is plain data is read from libyaml's events: the data, findings and positions of composing it, without the node graph.

``_read_composed`` is the reader for everything else (anchors, tags, merge keys, duplicate keys,
errors); on plain data the two must agree on every value (types included), every issue in order,
what ``refine`` makes of a YAML 1.1 guess, and the position of every key and value.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from validator.diagnostics import Finding, Target
from validator.document import Document, Issue, LocateRequest
from validator.pointer import join
from validator.readers.yaml import PlainLocator, YamlLocator, _read_composed, read_yaml

TASK = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'

PLAIN = [
    TASK,
    TASK + "    retell_llm_dynamic_variables: {name: Ann, slot: 10am}\n    metadata:\n      crm_id: 42\n      score: -0.5\n",
    # YAML 1.1 guesses: booleans, octal, sexagesimal, a leading +, dates, an impossible date, infinities
    TASK + "    metadata:\n      a: yes\n      b: 012\n      c: 1:30\n      d: +14157774444\n      e: 2024-01-01\n      f: 2024-02-30\n"
    "      g: .inf\n      h: -.Inf\n      i: .nan\n      j: 0x1F\n      k: 1_000\n      l: 1.5e+3\n      m: ~\n      n:\n",
    # keys YAML reads as something else than a string
    "yes: 1\n1: x\n1.5: y\nnull: z\n2024-01-01: d\n",
    # a comment that took the rest of a value, in keys and values, plain and quoted
    TASK + "    retell_llm_dynamic_variables:\n      clinic: Spring #5\n      note: '#1' #fine\n      when: x #y\n      empty: #z\n",
    # flow and block, empty collections, literal and folded scalars, a key needing escapes
    "a: [1, [2, {b: c}], {}]\nd: {e: [], f: {}}\ng: |\n  line\n  more\nh: >\n  folded\n  text\ni/j: 1\nk~l: 2\n",
    # a block collection ends where its last value ends, past blank lines and comments
    "a:\n  b:\n    - 1\n    - 2\n\n# after\n\nc: 3\n",
    # no final line break, CRLF, a BOM, a line separator inside a double-quoted value
    "a:\n  b: 1\n  c:",
    "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
    "\ufeffa: 1\nb: é\n",
    'a: "x\\u2028y"\nb: "\\u00e9"\n',
    "---\na: 1\n...\n",
]

COMPOSED = [
    TASK + "    metadata: &m {a: 1}\n  - to_number: '+12137774446'\n    metadata: *m\n",  # an anchor and an alias
    "a: &x 1\nb: 2\n",  # an anchor alone
    "base: {a: 1}\nmerged:\n  <<: {a: 2}\n  b: 3\n",  # a merge key
    "a: !!str 12\n",  # a tag
    "a: !custom x\n",
    "a: 1\na: 2\n",  # a key given twice
    "yes: 1\ntrue: 2\n",  # two keys that read as the same string
    "? [a, b]\n: 1\n",  # a collection as a key
    "=: 1\n",  # `=` as a key: PyYAML's value key
    "- a\n- b\n",  # a root that is not a mapping
    "a: 1\n---\nb: 2\n",  # two documents
    "a: [1, 2\n",  # a syntax error
    'a: "\\ud800"\n',  # an unpaired surrogate
    "",
]


_TARGETS: tuple[Target, ...] = ("key", "value")


def _typed(value: Any) -> Any:
    """The value with each scalar's type beside it (1, 1.0 and True compare equal), NaN equal to itself."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}, list(value)
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return float, "nan"
    return type(value), value


def _pointers(data: Any) -> Iterator[str]:
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, value = stack.pop()
        yield pointer
        if isinstance(value, dict):
            stack.extend((join(pointer, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{pointer}/{index}", item) for index, item in enumerate(value))


def _issues(document: Document) -> list[tuple[str, Finding, Any]]:
    return [(issue.code, issue.finding, issue.span) for issue in document.issues]


def _agree(text: str) -> None:
    plain, composed = read_yaml(text), _read_composed(text)
    assert isinstance(plain.locator, PlainLocator)
    assert _typed(plain.data) == _typed(composed.data)
    assert _issues(plain) == _issues(composed)
    assert composed.locator is not None
    requests: list[LocateRequest] = [(pointer, target) for pointer in _pointers(composed.data) for target in _TARGETS]
    requests += [("/nothing", "value"), ("/tasks/7", "value"), ("/a/x", "key")]
    assert plain.locator.locate(requests) == composed.locator.locate(requests)
    assert (plain.refine is None) == (composed.refine is None)
    if plain.refine is not None and composed.refine is not None:
        # An error at every value: a YAML 1.1 guess behind one is explained (RBV008), the others stay RBV009.
        errors = [Issue("RBV102", Finding(pointer, "wrong type")) for pointer in _pointers(composed.data)]
        refined = [(i.code, i.finding) for i in plain.refine(errors, lambda code: True)]
        assert refined == [(i.code, i.finding) for i in composed.refine(errors, lambda code: True)]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_data_is_read_from_events_as_composing_reads_it(text: str) -> None:
    _agree(text)


@pytest.mark.parametrize("text", COMPOSED)
def test_what_plain_data_cannot_hold_is_composed(text: str) -> None:
    document = read_yaml(text)
    assert not isinstance(document.locator, PlainLocator)
    assert document.locator is None or isinstance(document.locator, YamlLocator)
    assert _issues(document) == _issues(_read_composed(text)) if text.strip() else document.issues


# Plain scalars as people write them, YAML 1.1's guesses among them; quoted ones are strings whatever they hold.
_WORDS = ["Ann", "yes", "No", "on", "~", "null", "012", "0o17", "0x1F", "1_000", "1:30", "+5", "-3", "7", "1.5", "-0.0", "1.", ".5"]
_WORDS += [".inf", "-.Inf", ".nan", "1e5", "2024-01-01", "2024-02-30", "true", "False", "é", "a b", "Spring #5", "x #y", "+14157774444"]
_KEYS = ["to_number", "metadata", "a/b", "t~x", "yes", "1", "null", "1.5", "2024-01-01", "é", "key"]
_SCALARS = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_WORDS).map(lambda word: f"'{word}'"), st.just(""))


@st.composite
def _block(draw: st.DrawFn, depth: int = 0) -> list[str]:
    """A block mapping or sequence, as lines (``None`` members are nested collections)."""
    lines: list[str] = []
    mapping = depth == 0 or draw(st.booleans())
    keys = draw(st.lists(st.sampled_from(_KEYS), min_size=1, max_size=4, unique=True)) if mapping else [None] * draw(st.integers(1, 4))
    for key in keys:
        head = f"{key}:" if mapping else "-"
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            if draw(st.booleans()):
                lines.append(f"{head} [{', '.join(draw(st.lists(_SCALARS.filter(bool), max_size=3)))}]")
            else:
                lines.append(head)
                lines.extend("  " + line for line in draw(_block(depth + 1)))
        else:
            lines.append(f"{head} {draw(_SCALARS)}".rstrip())
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "# a comment", "  # indented"])))
    return lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=_block(), newline=st.sampled_from(["\n", "\r\n"]), last=st.booleans())
def test_generated_plain_documents_read_as_composed(lines: list[str], newline: str, last: bool) -> None:
    text = newline.join(lines) + (newline if last else "")
    if isinstance(read_yaml(text).locator, PlainLocator):
        _agree(text)


def test_a_plain_document_keeps_no_object_per_node() -> None:
    """Read from events, 1,000 tasks are their data: the collector tracks a dict per task, not a node and two marks per value."""
    tasks = [
        {"to_number": f"+1213777{i:04d}", "retell_llm_dynamic_variables": {"name": f"C{i}"}, "metadata": {"row": i}} for i in range(1000)
    ]
    text = yaml.safe_dump({"from_number": "+14157774444", "tasks": tasks}, sort_keys=False)
    gc.collect()
    before = len(gc.get_objects())
    document = read_yaml(text)
    gc.collect()
    kept = len(gc.get_objects()) - before
    assert isinstance(document.locator, PlainLocator)
    assert 1000 <= kept < 1100  # each task's dict (it holds dicts), the tasks list and the document
    composed = _read_composed(text)
    gc.collect()
    assert len(gc.get_objects()) - before - kept > 20 * 1000  # near miss: the node graph the composing reader keeps
    assert composed.data == document.data
