"""Spec documents built to hurt: references out of the document, shared and aliased nodes, patterns, broken YAML.

A document is a small OpenAPI 3.0 description of POST /create-batch-call whose request body
and components draw from the shapes that once read files, made requests, walked exponentially or
backtracked: ``$ref``/``$dynamicRef`` to ``file://`` (a file holding :data:`MARKER`) and to a local
HTTP server that counts every request, components that use each other twice (chains), nodes
shared by YAML aliases (PyYAML writes an anchor for every object met twice), nested quantifiers
and unbalanced regular expressions, 3.1 keywords the checker does not convert, and text cut or
spliced after dumping. :func:`check_spec` says what must hold.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from validator import validate_text
from validator.openapi.load import SpecError, load_spec
from validator.openapi.references import REFERENCE_KEYS
from validator.openapi.user import load_user_spec

MARKER = "FUZZ_MARKER_b41d"
SLOW_SECONDS = 20.0  # a spec loaded and a payload checked against it: far longer means unbounded work
NOW = "2026-06-01T12:00:00Z"


class _Counter:
    """A local HTTP server counting requests: a spec must never make one."""

    def __init__(self) -> None:
        hits = self.hits = [0]

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits[0] += 1
                body = f"type: string\ndescription: {MARKER}\n".encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/x.yaml"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


_COUNTER: _Counter | None = None
_FOLDER = Path(tempfile.mkdtemp(prefix="rbv-spec-fuzz-"))
_SECRET = _FOLDER / "secret.env"
_SECRET.write_text(f"{MARKER}=1\ntype: string\n")
_NAMES = itertools.count()  # a file per spec: one path rewritten within a clock tick could be taken for unchanged


def counter() -> _Counter:
    global _COUNTER
    if _COUNTER is None:
        _COUNTER = _Counter()
    return _COUNTER


PATTERNS = [
    "^(a+)+$",
    "^(a|a)*$",
    "(x+x+)+y",
    "^(\\w+\\s?)*$",
    "^(a+)+\\1$",
    "(?=a)(a+)+b",
    "(",
    "[a-",
    "a{99999}{99999}",
    "\\p{L}",
    "(?<y>\\d{4})",
    "^(latest|(?!(?:v\\d+)$)[a-z][a-z0-9_-]{0,19})$",
    "^\\+[1-9]\\d{1,14}$",
    "",
    ".*",
]
_REGEX_SOUP = st.text(alphabet="a()[]{}+*?|^$\\.dws-1,:<=!", max_size=16)
# Strings a pattern may backtrack on: runs of one letter with a breaking character at the end.
STRINGS = st.one_of(
    st.builds(lambda n, end: "a" * n + end, st.integers(0, 2_000), st.sampled_from(["", "!", "b", "y", " "])),
    st.sampled_from(["+14157774444", "latest", "v3", "٣", "x" * 40]),
    st.text(max_size=20),
)


def _references() -> st.SearchStrategy[Any]:
    """What a reference keyword may hold: inside the document, out of it, or not an address at all."""
    return st.one_of(
        st.sampled_from(["#/components/schemas/C0", "#/components/schemas/C1", "#/components/schemas/Missing", "#", "#/", "#/paths"]),
        st.builds(lambda: counter().url),
        st.just(_SECRET.as_uri()),
        st.sampled_from([str(_SECRET), "secret.env", "./secret.env#/type", "components/schemas/C0", "ftp://127.0.0.1/x", ""]),
        st.integers(),
        st.none(),
        st.lists(st.text(max_size=3), max_size=2),
    )


@st.composite
def _schema(draw: st.DrawFn, depth: int, shared: list[Any]) -> Any:
    """One schema node; ``shared``: nodes made so far, any of which may be used again (a YAML alias once dumped)."""
    if shared and draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(shared))
    kind = draw(st.sampled_from(["string", "pattern", "enum", "ref", "object", "array", "combined", "keyword", "junk"]))
    node: Any
    if kind == "string":
        node = {"type": "string"}
    elif kind == "pattern":
        node = {"type": "string", "pattern": draw(st.sampled_from(PATTERNS) | _REGEX_SOUP)}
    elif kind == "enum":
        node = {"type": "string", "enum": draw(st.lists(st.text(max_size=5), min_size=1, max_size=3)), "nullable": draw(st.booleans())}
    elif kind == "ref":
        node = {draw(st.sampled_from(REFERENCE_KEYS)): draw(_references())}
        if draw(st.booleans()):
            node["description"] = "a ref with siblings"
            node["nullable"] = draw(st.booleans())
    elif kind == "keyword":
        node = {draw(st.sampled_from(["$schema", "$id", "$anchor", "unevaluatedProperties", "if", "propertyNames"])): draw(_references())}
    elif kind == "junk":
        node = draw(st.sampled_from([None, 1, "x", [], [1], {"properties": []}, {"enum": 3}, {"type": 7}, {1: 2}]))
    elif depth >= 4:
        node = {"type": "integer"}
    elif kind == "object":
        names = draw(st.lists(st.sampled_from(["a", "b", "c", "pattern", "default"]), max_size=3, unique=True))
        node = {"type": "object", "properties": {name: draw(_schema(depth + 1, shared)) for name in names}}
        if draw(st.integers(0, 3)) == 0:
            node["patternProperties"] = {draw(st.sampled_from(PATTERNS)): draw(_schema(depth + 1, shared))}
        if draw(st.booleans()):
            node["additionalProperties"] = draw(st.booleans())
    elif kind == "array":
        node = {"type": "array", "items": draw(_schema(depth + 1, shared))}
    else:
        node = {draw(st.sampled_from(["allOf", "oneOf", "anyOf"])): draw(st.lists(_schema(depth + 1, shared), min_size=1, max_size=3))}
    if isinstance(node, dict | list):
        shared.append(node)
    return node


@st.composite
def spec_texts(draw: st.DrawFn) -> str:
    """A small OpenAPI document as YAML text (aliases where nodes are shared), sometimes broken after dumping."""
    shared: list[Any] = []
    components = {f"C{i}": draw(_schema(0, shared)) for i in range(draw(st.integers(0, 3)))}
    if draw(st.integers(0, 4)) == 0:  # a chain: each component uses the next twice
        depth = draw(st.integers(1, 40))
        for i in range(depth):
            ref = {"$ref": f"#/components/schemas/K{i + 1}"}
            components[f"K{i}"] = {"type": "object", "properties": {"a": ref, "b": ref}}
        components[f"K{depth}"] = {"type": "string"}
    properties: dict[str, Any] = {
        "from_number": {"type": "string"},
        "tasks": {"type": "array", "items": {"type": "object", "properties": {"to_number": {"type": "string"}}}},
    }
    for name in draw(st.lists(st.sampled_from(["name", "code", "labels", "nested", "chain"]), max_size=3, unique=True)):
        properties[name] = {"$ref": "#/components/schemas/K0"} if name == "chain" and "K0" in components else draw(_schema(0, shared))
    if draw(st.integers(0, 29)) == 0:  # a node inside itself
        loop: dict[str, Any] = {"type": "object", "properties": {}}
        loop["properties"]["self"] = loop
        properties["loop"] = loop
    body = {"type": "object", "required": ["from_number", "tasks"], "properties": properties}
    document = {
        "openapi": draw(st.sampled_from(["3.0.3", "3.1.0"])),
        "info": {"title": "fuzz", "version": "1"},
        "paths": {
            "/create-batch-call": {
                "post": {"requestBody": {"content": {"application/json": {"schema": body}}}, "responses": {"201": {"description": "ok"}}}
            }
        },
        "components": {"schemas": components},
    }
    if draw(st.integers(0, 9)) == 0:
        document["x-extra"] = {draw(st.sampled_from(REFERENCE_KEYS)): draw(_references())}
    text = yaml.safe_dump(document, sort_keys=False)
    action = draw(st.sampled_from(["keep", "keep", "keep", "truncate", "insert"]))
    if action != "keep" and text:
        at = draw(st.integers(0, len(text) - 1))
        insert = draw(st.sampled_from(["&a ", "*a", "[", "$ref: x\n", "\t", "'", "!!python/name:os.system ", "<<: *a\n"]))
        text = text[:at] if action == "truncate" else text[:at] + insert + text[at:]
    return text


@st.composite
def spec_cases(draw: st.DrawFn) -> tuple[str, str, bool]:
    """A spec text, a string to check against it, and whether to load it as ``--spec`` does (with the OpenAPI check)."""
    return draw(spec_texts()), draw(STRINGS), draw(st.integers(0, 9)) == 0


def _references_out(node: Any, seen: set[int] | None = None) -> Iterator[Any]:
    """Reference values in a parsed document that do not start with ``#/`` (each shared node once)."""
    seen = set() if seen is None else seen
    stack = [node]
    while stack:
        item = stack.pop()
        if not isinstance(item, dict | list) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            for key in REFERENCE_KEYS:
                value = item.get(key, "#/")
                if key in item and not (isinstance(value, str) and value.startswith("#/")):
                    yield value
            stack.extend(item.values())
        else:
            stack.extend(item)


def check_spec(text: str, value: str, validated: bool) -> list[str]:
    """What must hold for any spec text: a Spec or a SpecError, never another exception; no request made, no marker
    shown; a document with a reference out of itself refused; a loaded spec checks a payload in bounded time."""
    found: list[str] = []
    path = _FOLDER / f"spec-{next(_NAMES)}.yaml"
    path.write_text(text)
    hits = counter().hits[0]
    start = time.monotonic()
    try:
        spec = load_user_spec(path) if validated else load_spec(path)
    except SpecError as exc:
        spec = None
        if MARKER in str(exc):
            found.append(f"the marker file's content in a message: {str(exc)[:200]}")
    try:
        parsed = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        parsed = None
    if spec is not None and any(True for _ in _references_out(parsed)):
        found.append("a spec with a reference out of the document was loaded")
    if spec is not None:
        payload = {"from_number": value, "code": value, "name": value, "labels": {value: value}, "tasks": [{"to_number": value}]}
        report = validate_text(json.dumps(payload), "json", spec=spec, now=NOW)
        found.extend(f"internal error: {d.message[:160]}" for d in report.diagnostics if d.code == "RBV000")
        found.extend(f"the marker file's content in a finding: {d.code}" for d in report.diagnostics if MARKER in d.message)
    if counter().hits[0] != hits:
        found.append("the spec made a network request")
    if time.monotonic() - start > SLOW_SECONDS:
        found.append(f"slow: {time.monotonic() - start:.0f} s for one spec and one payload")
    path.unlink()
    return found


# Specs that once read, fetched, walked or backtracked: replayed by the tests and the long run.
SPEC_SEEDS: list[tuple[str, str, bool]] = []


def _seed_documents() -> Iterator[tuple[str, str, bool]]:
    base = {
        "openapi": "3.0.3",
        "info": {"title": "seed", "version": "1"},
        "paths": {"/create-batch-call": {"post": {"requestBody": {"content": {"application/json": {"schema": {}}}}}}},
        "components": {"schemas": {}},
    }

    def with_body(schema: Any, components: dict[str, Any] | None = None) -> str:
        document = json.loads(json.dumps(base))
        document["paths"]["/create-batch-call"]["post"]["requestBody"]["content"]["application/json"]["schema"] = schema
        document["components"]["schemas"] = components or {}
        return yaml.safe_dump(document, sort_keys=False)

    yield with_body({"$ref": _SECRET.as_uri()}), "", True  # item 1: file:// read and quoted
    yield with_body({"type": "object"}, {"Evil": {"$ref": "http://127.0.0.1:9/x.yaml"}}), "", True  # item 2: fetched
    chain = {
        f"K{i}": {
            "type": "object",
            "properties": {"a": {"$ref": f"#/components/schemas/K{i + 1}"}, "b": {"$ref": f"#/components/schemas/K{i + 1}"}},
        }
        for i in range(30)
    }
    chain["K30"] = {"type": "string"}
    yield with_body({"type": "object", "properties": {"c": {"$ref": "#/components/schemas/K0"}}}, chain), "", False  # item 3: shared $refs
    leaf: Any = {"type": "string"}
    for _ in range(15):
        leaf = {"type": "object", "properties": {"a": leaf, "b": leaf, "c": leaf, "d": leaf}}
    yield with_body({"type": "object", "properties": {"tree": leaf}}), "", False  # item 3: a YAML alias tree
    yield with_body({"type": "object", "properties": {"code": {"type": "string", "pattern": "^(a+)+$"}}}), "a" * 40 + "!", False  # item 4
    yield with_body({"type": "object", "properties": {"code": {"type": "string", "pattern": "^(\\w+\\s?)*$"}}}), "a " * 30 + "!", False


SPEC_SEEDS.extend(_seed_documents())
