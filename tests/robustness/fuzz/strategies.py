"""Hypothesis strategies: payloads shaped by the spec's own request schema, mutated, and raw text/bytes.

Valid skeletons come from ``load_spec().request_schema``: every object keeps its required
keys most of the time, draws a few optional ones, sometimes loses a key or gains an
unknown one, and any value may be swapped for a value of the wrong type.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from typing import Any

import yaml
from hypothesis import strategies as st

from validator.config import KEYS
from validator.openapi.load import load_spec

MAX_DEPTH = 6
PHONES = ["+14157774444", "+12137774445", "+442071838750", "+1415777", "14157774444", "+1 415 777 4444", ""]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(PHONES),
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12
)


def _leaf(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) and kind else kind
    if kind == "string":
        return st.sampled_from(PHONES) | st.text(max_size=16)
    if kind == "integer":
        return st.integers(min_value=-10, max_value=2_000_000_000_000)
    if kind == "number":
        return st.integers(min_value=0, max_value=2_000_000_000_000) | st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return json_values


@cache
def _for(schema_json: str, depth: int) -> st.SearchStrategy[Any]:
    schema: dict[str, Any] = json.loads(schema_json)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        base = st.one_of([from_schema(b, depth) for b in branches])
    elif depth >= MAX_DEPTH:
        base = json_values
    elif schema.get("type") == "object" or "properties" in schema:
        base = _objects(schema, depth)
    elif schema.get("type") == "array":
        base = st.lists(from_schema(schema.get("items", {}), depth + 1), max_size=3)
    else:
        base = _leaf(schema)
    # one value in seven is of an arbitrary (usually wrong) type
    return st.one_of(base, base, base, base, base, base, json_values)


def from_schema(schema: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    if not isinstance(schema, dict):
        return json_values
    return _for(json.dumps(schema, sort_keys=True, default=str), depth)


def _objects(schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = [k for k in schema.get("required", []) if k in properties]
    optional = sorted(set(properties) - set(required))

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in required:
            if draw(st.integers(0, 9)):  # one in ten: missing
                out[key] = draw(from_schema(properties[key], depth + 1))
        if optional:
            for key in draw(st.lists(st.sampled_from(optional), max_size=3, unique=True)):
                out[key] = draw(from_schema(properties[key], depth + 1))
        if not draw(st.integers(0, 9)):  # one in ten: an unknown key
            out[draw(st.text(max_size=10))] = draw(json_values)
        return out

    return build()


def payloads() -> st.SearchStrategy[dict[str, Any]]:
    """Request bodies built from the spec, mutated; always an object at the root."""
    return _objects(load_spec().request_schema, 0)


def _yaml(payload: Any) -> str:
    return yaml.safe_dump(payload, allow_unicode=True, sort_keys=False)


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[str, bytes]:
    """A payload written as JSON or YAML (any of several styles), then cut, spliced or corrupted."""
    payload = draw(payloads())
    fmt = draw(st.sampled_from(["json", "yaml"]))
    if fmt == "json":
        text = json.dumps(payload, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans()))
    else:
        text = _yaml(payload)
    data = text.encode("utf-8")
    action = draw(st.sampled_from(["keep", "truncate", "insert", "delete", "replace"]))
    if action != "keep" and data:
        at = draw(st.integers(0, len(data) - 1))
        if action == "truncate":
            data = data[:at]
        elif action == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4) | st.sampled_from(TRAPS)) + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 8)) :]
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=2)) + data[at + 1 :]
    return fmt, data


# Fragments that exercise reader paths random bytes rarely reach.
TRAPS = [
    b"NaN",
    b"-Infinity",
    b"1e400",
    b"9" * 400,
    b'"\\ud800"',
    b"\xef\xbb\xbf",
    b",",
    b"//c\n",
    b"'x'",
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!python/object:os.system ",
    b"!!binary ",
    b"!!int ",
    b"---\n",
    b"? ",
    b"yes",
    b"0o17",
    b"2024-02-30",
    b"[[[[[[",
    b"\t",
    # tags and structures that once raised
    b"!!map ",
    b"!!map [a]",
    b"!!seq ",
    b"\xff\xfe",
    b"\x00\x00\xfe\xff",
    b'"": ',
    b'"America"',
]

_BATCH = {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}

# Dashboard contact lists: a phone column (or a lookalike), variables and option columns, rows
# with the damage spreadsheets do, written with any separator and quoting, then corrupted.
_CSV_HEADERS = [
    "phone number",
    "Phone Number",
    "phone",
    "number",
    "to_number",
    "first_name",
    "",
    "ignore e164 validation",
    "Name",
    "a b",
    "=cmd",
]
_CSV_CELLS = st.sampled_from(
    [
        "+12137774445",
        "12137774445",
        "1.21378E+10",
        "+12137774445.0",
        "'+12137774445",
        " +1 213 777 4445 ",
        "=HYPERLINK(1)",
        "true",
        "yes",
        "",
        "é\u2028x",
        "a,b",
        'q"q',
        "\n",
    ]
) | st.text(max_size=12)


@st.composite
def csv_texts(draw: st.DrawFn) -> bytes:
    """A contact list as a spreadsheet exports it, sometimes broken (quotes, encodings, ragged rows, huge cells)."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    header = draw(st.lists(st.sampled_from(_CSV_HEADERS), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(_CSV_CELLS, min_size=0, max_size=len(header) + 2), max_size=8))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"])), "replace")
    action = draw(st.sampled_from(["keep", "keep", "truncate", "insert", "huge-cell"]))
    if action == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif action == "insert" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.sampled_from([b'"', b"\r", b"\x00", b"\xff", b"\n\n", delimiter.encode() * 3])) + data[at:]
    elif action == "huge-cell":
        data += b"+1213" + b"7" * draw(st.sampled_from([10, 200_000])) + b"\n"
    return data


# Inputs that once raised, hung or failed a rule: replayed by the tests and the long run.
SEEDS: list[tuple[str, bytes]] = [
    ("yaml", b"a: !!map x\n"),
    ("yaml", b"!!map [a]\n"),
    ("yaml", b"a: [!!map x]\n"),
    ("json", json.dumps(_BATCH).encode("utf-16")),
    ("yaml", json.dumps(_BATCH).encode("utf-32")),
    ("json", b'{"from_number": "+14157774444", "from_number": "+14155550100", "tasks": []}'),
    ("json", b'{"x": 1, "x": true, "tasks": []}'),
    *(
        ("json", json.dumps({**_BATCH, "call_time_window": {"windows": [{"start": 0, "end": 600}], "timezone": zone}}).encode())
        for zone in ("America", "A" * 300, "America/" + "x" * 300)
    ),
    (
        "json",
        json.dumps(
            {
                "from_number": "+14157774444",
                "tasks": [
                    {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"name": "a"}},
                    {"to_number": "+12137774446", "retell_llm_dynamic_variables": {"name": "b"}},
                    {"to_number": "+12137774447", "retell_llm_dynamic_variables": {"": "c"}},
                ],
            }
        ).encode(),
    ),
    ("json", b'{"from_number": "+14157774444", "trigger_timestamp": ' + b"9" * 400 + b', "tasks": [{"to_number": "12"}]}'),
    # atheris: a finding under a value that a duplicate key replaced pointed at what the data does not hold
    ("yaml", b'tasks:\n  - to_number: "+12137774445"\n    !u x: 1\ntasks:\n  - to_number: "+12137774446"\n'),
    # the 1,000,000-input run: "²".isdigit() but int("²") fails; an empty node at the end of a text with no final line break
    ("json", b'{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "override_agent_version": "\xc2\xb2"}]}'),
    ("yaml", b"from_number: '+12137774445'\ntasks:\n- to_number: '+442071838750'\n  custom_sip_headers:\n    ? "),
    # atheris: urlsplit raises on an unclosed IPv6 bracket
    (
        "json",
        b'{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "http://[abc/x"}}}]}',
    ),
]

# Configuration files: a value of every TOML kind for every key, and keys we do not know.
_CONFIG_KEYS = [*KEYS, "tool", "x"]
_CONFIG_VALUES = [
    '"ALL"',
    '["RBV1"]',
    '["RBV999"]',
    "[1, 2]",
    "3",
    "9" * 400,
    '"' + "9" * 400 + '"',
    "-1",
    "true",
    "{}",
    '{ RBV1 = "warning" }',
    '{ "a/*.json" = ["RBV111"] }',
    '"08:00-21:00"',
    '"25:00-26:00"',
    "1979-05-27T07:32:00Z",
    "1979-05-27",
    '"error"',
    '"x"',
]


@st.composite
def config_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A ``.retell-validate.toml`` or ``pyproject.toml`` (tool table or a ``tool`` of another type), maybe corrupted."""
    lines = [f"{draw(st.sampled_from(_CONFIG_KEYS))} = {draw(st.sampled_from(_CONFIG_VALUES))}" for _ in range(draw(st.integers(0, 4)))]
    name = draw(st.sampled_from([".retell-validate.toml", "pyproject.toml"]))
    if name == "pyproject.toml":
        header = draw(st.sampled_from(["[tool.retell-validate]\n", "", f"tool = {draw(st.sampled_from(_CONFIG_VALUES))}\n"]))
        text = header + "\n".join(lines)
    else:
        text = "\n".join(lines)
    data = text.encode("utf-8")
    if data and draw(st.booleans()):
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=3) | st.sampled_from(TRAPS)) + data[at + 1 :]
    return name, data


yamlish = st.text(alphabet="{}[]:,-?&*!|>'\"#%@ \n\tab01yn~.<\\u", max_size=60)
