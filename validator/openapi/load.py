"""The bundled OpenAPI description, loaded once and turned into JSON Schema.

OpenAPI 3.0 schemas are almost JSON Schema; the differences we bridge are
``nullable`` (also beside a ``$ref``, and enums that list ``null``),
``$ref`` siblings, and keywords jsonschema does not know (``example``, ``x-*``).
``$ref``s are inlined: the request schema has no recursion, and an inlined
tree is what the rules walk beside the document.

What is derived from a spec (its schema nodes' validators, the prose tables, the exported
schema …) is kept by the spec (:attr:`Spec.root`, :func:`per_spec`) and freed with it.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from validator.files import read_regular
from validator.openapi.node import Schema, SchemaNode
from validator.pointer import tokens

MAX_SPEC_BYTES = 64 * 1024 * 1024  # Retell's whole OpenAPI document is well under 1 MB
SPEC_FILENAME = "create-batch-call.openapi.yaml"
OPERATION_PATH = "/create-batch-call"
REQUEST_POINTER = ("paths", OPERATION_PATH, "post", "requestBody", "content", "application/json", "schema")

# OpenAPI-only keywords with no JSON Schema meaning (validation-wise).
_DROP = frozenset({"example", "nullable", "discriminator", "xml", "externalDocs", "deprecated"})

__all__ = [
    "MAX_SPEC_BYTES",
    "OPERATION_PATH",
    "REQUEST_POINTER",
    "SPEC_FILENAME",
    "Schema",
    "SchemaNode",
    "Spec",
    "SpecError",
    "bundled_spec_path",
    "iter_object_schemas",
    "load_spec",
    "per_spec",
]


class SpecError(Exception):
    """The OpenAPI document cannot be read or has no create-batch-call request body."""


def bundled_spec_path() -> Path:
    """Where the spec shipped with the package lives (in the wheel or the source tree)."""
    packaged = resources.files("validator") / "_spec" / SPEC_FILENAME
    if packaged.is_file():
        return Path(str(packaged))
    # Source checkout or editable install: the top-level spec/ folder.
    return Path(__file__).resolve().parents[2] / "spec" / SPEC_FILENAME


@dataclass(frozen=True, eq=False)  # compared by identity: two loads of one file are two specs
class Spec:
    """A loaded OpenAPI document and the request-body schema derived from it."""

    path: Path
    text: str
    openapi: Mapping[str, Any] = field(repr=False)
    request_schema: Schema = field(repr=False)
    # per_spec's values, by the function that derived them
    _derived: dict[Callable[[Spec], Any], Any] = field(default_factory=dict, init=False, repr=False)

    @property
    def title(self) -> str:
        return str(self.openapi.get("info", {}).get("title", ""))

    @property
    def version(self) -> str:
        return str(self.openapi.get("info", {}).get("version", ""))

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def root(self) -> SchemaNode:
        """The request schema as a node: its validators and variants are built on first use and kept here."""
        return SchemaNode(self.request_schema)

    @cached_property
    def component_schemas(self) -> dict[str, Schema]:
        """Every ``components/schemas`` entry, converted like the request schema."""
        raw = self.openapi.get("components", {}).get("schemas", {})
        converter = _Converter(self.openapi)
        return {name: converter.convert(node) for name, node in raw.items()}

    def subschema(self, *path: str) -> Schema:
        """The request schema below ``properties`` names (``"tasks", "items"`` style keys allowed)."""
        node: Schema = self.request_schema
        for part in path:
            node = node["items"] if part == "items" else node["properties"][part]
        return node


T = TypeVar("T")


def per_spec(derive: Callable[[Spec], T]) -> Callable[[Spec], T]:
    """``derive(spec)``, computed once per spec and kept by it: freed with the spec, never keyed by its id."""

    @wraps(derive)
    def derived(spec: Spec) -> T:
        try:
            return cast(T, spec._derived[derive])
        except KeyError:
            value = spec._derived[derive] = derive(spec)
            return value

    return derived


def load_spec(path: str | Path | None = None) -> Spec:
    """Load and convert an OpenAPI document; the bundled one by default.

    A file is read again only once every spec loaded from it is gone, or when it changed on disk.
    """
    if path is None:
        return _bundled()
    return _shared(Path(path).resolve())


@cache  # the package's own spec: one per process, like the code that reads it
def _bundled() -> Spec:
    return _shared(bundled_spec_path())


# (path, modification time, size) → the spec loaded from that file, while something holds it
_LOADED: weakref.WeakValueDictionary[tuple[Path, int, int], Spec] = weakref.WeakValueDictionary()


def _shared(path: Path) -> Spec:
    try:
        info = path.stat()
    except OSError as exc:
        raise SpecError(f"cannot read spec {path}: {exc}") from exc
    key = (path, info.st_mtime_ns, info.st_size)
    spec = _LOADED.get(key)
    if spec is None:
        spec = _LOADED[key] = _load(path)
    return spec


def _load(path: Path) -> Spec:
    try:
        text = read_regular(path, MAX_SPEC_BYTES).decode("utf-8")  # --spec on a FIFO or /dev/zero: refused, not read
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read spec {path}: {exc}") from exc
    try:
        openapi = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise SpecError(f"spec {path} is not valid YAML: {exc}") from exc
    if not isinstance(openapi, dict):
        raise SpecError(f"spec {path} is not an OpenAPI document")
    node: Any = openapi
    for key in REQUEST_POINTER:
        if not isinstance(node, dict) or key not in node:
            raise SpecError(f"spec {path} has no request body schema for POST {OPERATION_PATH}")
        node = node[key]
    return Spec(path=path, text=text, openapi=openapi, request_schema=_Converter(openapi).convert(node))


class _Converter:
    """OpenAPI 3.0 schema objects → JSON Schema 2020-12 with ``$ref``s inlined."""

    def __init__(self, openapi: Mapping[str, Any]) -> None:
        self._openapi = openapi
        self._done: dict[str, Schema] = {}
        self._active: set[str] = set()

    def convert(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self.convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return self._convert_ref(node)
        out: Schema = {}
        for key, value in node.items():
            if key in _DROP or key.startswith("x-"):
                continue
            if key in ("properties", "patternProperties", "$defs"):
                out[key] = {name: self.convert(sub) for name, sub in value.items()}
            elif key in ("items", "additionalProperties", "not") or key in ("oneOf", "anyOf", "allOf"):
                out[key] = self.convert(value)
            else:
                out[key] = value
        if node.get("nullable") is True or ("enum" in out and None in out["enum"] and "type" in out):
            _allow_null(out)
        return out

    def _convert_ref(self, node: Schema) -> Schema:
        target = self._resolve(node["$ref"])
        siblings = {k: v for k, v in node.items() if k != "$ref" and k not in _DROP and not k.startswith("x-")}
        annotations: Schema = {k: siblings.pop(k) for k in ("description", "title", "default") if k in siblings}
        siblings.pop("type", None)  # e.g. `type: object` beside a $ref to an object: redundant
        if node.get("nullable") is True:
            schema: Schema = {"anyOf": [target, {"type": "null"}], **annotations}
        else:
            schema = {**target, **annotations}
        if siblings:
            schema = {"allOf": [schema, self.convert(siblings)]}
        return schema

    def _resolve(self, ref: str) -> Schema:
        if ref in self._done:
            return self._done[ref]
        if not ref.startswith("#/"):
            raise SpecError(f"only local $refs are supported, found {ref!r}")
        if ref in self._active:
            raise SpecError(f"recursive $ref {ref!r} is not supported")
        node: Any = self._openapi
        for part in tokens(ref[1:]):  # "#/components/..." is a pointer after its "#"
            if not isinstance(node, dict) or part not in node:
                raise SpecError(f"unresolvable $ref {ref!r}")
            node = node[part]
        self._active.add(ref)
        try:
            converted: Schema = self.convert(node)
        finally:
            self._active.discard(ref)
        self._done[ref] = converted
        return converted


def _allow_null(schema: Schema) -> None:
    kind = schema.get("type")
    if isinstance(kind, str) and kind != "null":
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        schema["type"] = [*kind, "null"]
    elif kind is None and "enum" not in schema:
        # nullable without a type (e.g. beside allOf): wrap so null passes.
        inner = dict(schema)
        schema.clear()
        schema["anyOf"] = [inner, {"type": "null"}]
        return
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]


def iter_object_schemas(schema: Schema, pointer: str = "") -> Iterator[tuple[str, Schema]]:
    """Every schema node below ``schema`` with its schema-location pointer (for tooling and tests)."""
    yield pointer, schema
    for key in ("properties", "patternProperties"):
        for name, sub in schema.get(key, {}).items():
            yield from iter_object_schemas(sub, f"{pointer}/{key}/{name}")
    for key in ("items", "additionalProperties", "not"):
        sub = schema.get(key)
        if isinstance(sub, dict):
            yield from iter_object_schemas(sub, f"{pointer}/{key}")
    for key in ("oneOf", "anyOf", "allOf"):
        for index, sub in enumerate(schema.get(key, [])):
            yield from iter_object_schemas(sub, f"{pointer}/{key}/{index}")
