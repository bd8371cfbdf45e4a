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

import contextlib
import hashlib
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from validator.escape import visible
from validator.files import read_regular
from validator.json_values import preview, quote
from validator.openapi.node import Schema, SchemaNode
from validator.openapi.patterns import unusable_pattern
from validator.openapi.references import expanded_size, external_reference
from validator.pointer import tokens

MAX_SPEC_BYTES = 64 * 1024 * 1024  # Retell's whole OpenAPI document is well under 1 MB
# Schema nodes in the request schema with every shared node (a $ref used twice, a YAML alias) counted
# where it is used: what each rule's walk of the schema visits (Retell's has about 1,200; a check of one at
# the limit spends a few seconds, once per spec, deriving its tables).
MAX_SCHEMA_NODES = 50_000
SPEC_FILENAME = "create-batch-call.openapi.yaml"
OPERATION_PATH = "/create-batch-call"
REQUEST_POINTER = ("paths", OPERATION_PATH, "post", "requestBody", "content", "application/json", "schema")

# OpenAPI-only keywords with no JSON Schema meaning (validation-wise); and identifiers, which the
# inlined tree has no use for and on which a validator would fetch a meta-schema or rebase references.
_DROP = frozenset({"example", "nullable", "discriminator", "xml", "externalDocs", "deprecated", "$schema", "$id"})

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
        return str(self._info.get("title", ""))

    @property
    def version(self) -> str:
        return str(self._info.get("version", ""))

    @property
    def _info(self) -> Mapping[str, Any]:
        info = self.openapi.get("info")
        return info if isinstance(info, dict) else {}

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def root(self) -> SchemaNode:
        """The request schema as a node: its validators and variants are built on first use and kept here."""
        return SchemaNode(self.request_schema)

    @cached_property
    def component_schemas(self) -> dict[str, Schema]:
        """Every ``components/schemas`` entry, converted like the request schema (one that cannot be is left out)."""
        components = self.openapi.get("components")
        raw = components.get("schemas") if isinstance(components, dict) else None
        converter = _Converter(self.openapi)
        converted: dict[str, Schema] = {}
        for name, node in raw.items() if isinstance(raw, dict) else ():
            with contextlib.suppress(SpecError, RecursionError):
                converted[str(name)] = converter.convert(node)
        return converted

    def subschema(self, *path: str) -> Schema:
        """The request schema below ``properties`` names (``"tasks", "items"`` style keys allowed).

        An empty schema where the path leads nowhere: a newer spec may have moved or dropped what a rule reads.
        """
        node: Any = self.request_schema
        for part in path:
            below = node.get("items" if part == "items" else "properties") if isinstance(node, dict) else None
            node = below if part == "items" else below.get(part) if isinstance(below, dict) else None
        return node if isinstance(node, dict) else {}


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
    except RecursionError:
        raise SpecError(f"spec {path} is nested too deeply to read") from None
    if not isinstance(openapi, dict):
        raise SpecError(f"spec {path} is not an OpenAPI document")
    refused = external_reference(openapi)  # before anything follows a reference: no file read, no request made
    if refused is not None:
        raise SpecError(f"spec {path}: {refused}")
    node: Any = openapi
    for key in REQUEST_POINTER:
        if not isinstance(node, dict) or key not in node:
            raise SpecError(f"spec {path} has no request body schema for POST {OPERATION_PATH}")
        node = node[key]
    try:
        request_schema = _Converter(openapi).convert(node)
    except RecursionError:
        raise SpecError(f"spec {path}: the request body schema is nested too deeply") from None
    size = expanded_size(request_schema, MAX_SCHEMA_NODES)
    if size > MAX_SCHEMA_NODES:
        raise SpecError(
            f"spec {path}: the request body schema expands to more than {MAX_SCHEMA_NODES:,} schema nodes where its "
            "$refs and YAML aliases are used (a check walks each use); Retell's has about 1,200"
        )
    unusable = unusable_pattern(request_schema)
    if unusable is not None:
        raise SpecError(f"spec {path}: {unusable}")
    spec = Spec(path=path, text=text, openapi=openapi, request_schema=request_schema)
    try:
        _ = spec.root.screen  # built now, kept for the checks: a schema it refuses is refused once, at load
    except ValueError as exc:  # jsonschema_rs.ValidationError: the schema against its meta-schema
        shown = visible(quote(str(exc).splitlines()[0], 200))
        raise SpecError(f"spec {path}: the request body schema is not a valid JSON Schema: {shown}") from None
    return spec


class _Converter:
    """OpenAPI 3.0 schema objects → JSON Schema 2020-12 with ``$ref``s inlined."""

    def __init__(self, openapi: Mapping[str, Any]) -> None:
        self._openapi = openapi
        self._done: dict[str, Schema] = {}
        self._active: set[str] = set()
        # id → (node, its conversion): a node YAML aliases share is converted once and stays shared
        # (the node is kept so its id is not reused by a temporary).
        self._converted: dict[int, tuple[Any, Any]] = {}
        self._converting: set[int] = set()

    def convert(self, node: Any) -> Any:
        if not isinstance(node, dict | list):
            return node
        found = self._converted.get(id(node))
        if found is not None:
            return found[1]
        if id(node) in self._converting:
            raise SpecError("a YAML alias inside its own anchor: the schema would be infinite")
        self._converting.add(id(node))
        try:
            converted = [self.convert(item) for item in node] if isinstance(node, list) else self._convert_object(node)
        finally:
            self._converting.discard(id(node))
        self._converted[id(node)] = (node, converted)
        return converted

    def _convert_object(self, node: dict[str, Any]) -> Any:
        if "$ref" in node:
            return self._convert_ref(node)
        out: Schema = {}
        for key, value in node.items():
            if key in _DROP or str(key).startswith("x-"):
                continue
            if key in ("properties", "patternProperties", "$defs") and isinstance(value, dict):
                out[key] = {name: _schema_object(self.convert(sub)) for name, sub in value.items()}
            elif key in ("items", "not"):
                out[key] = _schema_object(self.convert(value))
            elif key in ("oneOf", "anyOf", "allOf") and isinstance(value, list):
                out[key] = [_schema_object(self.convert(sub)) for sub in value]
            elif key == "additionalProperties":  # `false` stays: it is how a closed object reads
                out[key] = self.convert(value)
            else:
                out[key] = value
        if node.get("nullable") is True or (isinstance(out.get("enum"), list) and None in out["enum"] and "type" in out):
            _allow_null(out)
        return out

    def _convert_ref(self, node: Schema) -> Schema:
        target = self._resolve(node["$ref"])
        siblings = {k: v for k, v in node.items() if k != "$ref" and k not in _DROP and not str(k).startswith("x-")}
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
        shown = visible(preview(ref))
        if not ref.startswith("#/"):
            raise SpecError(f"only local $refs are supported, found {shown}")
        if ref in self._active:
            raise SpecError(f"recursive $ref {shown} is not supported")
        node: Any = self._openapi
        for part in tokens(ref[1:]):  # "#/components/..." is a pointer after its "#"
            if not isinstance(node, dict) or part not in node:
                raise SpecError(f"unresolvable $ref {shown}")
            node = node[part]
        self._active.add(ref)
        try:
            converted = self.convert(node)
        finally:
            self._active.discard(ref)
        if not isinstance(converted, dict):
            raise SpecError(f"$ref {shown} does not point to a schema object")
        self._done[ref] = converted
        return converted


def _schema_object(schema: Any) -> Any:
    """A boolean schema (JSON Schema 2020-12) as the object that means the same: the rules walk objects."""
    return {} if schema is True else {"not": {}} if schema is False else schema


def _allow_null(schema: Schema) -> None:
    kind = schema.get("type")
    if isinstance(kind, str) and kind != "null":
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        schema["type"] = [*kind, "null"]
    elif kind is None and not isinstance(schema.get("enum"), list):
        # nullable without a type (e.g. beside allOf): wrap so null passes.
        inner = dict(schema)
        schema.clear()
        schema["anyOf"] = [inner, {"type": "null"}]
        return
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
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
