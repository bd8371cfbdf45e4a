"""What the installed Retell SDK declares for create-batch-call's body, when it is installed.

The bundled spec can lag the official SDK (fields it sends inside ``agent_override`` that
the spec lacks). retell-sdk's request types are TypedDicts generated into one module,
``retell/types/batch_call_create_batch_call_params.py``; it is read here as source with
:mod:`ast`, never imported: importing the SDK loads its client, httpx and pydantic
(~0.8 s), and no code of it runs. Without the SDK (or a module of another shape) nothing
is declared and the checks are as without this module. Asked only when a key is unknown to
the spec, and read once per process.

Places are JSON pointer templates, as the schema rules use them (``/tasks/*/agent_override/agent``).
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PARAMS_MODULE = Path("types") / "batch_call_create_batch_call_params.py"
ROOT_TYPE = "BatchCallCreateBatchCallParams"
MAX_SOURCE_BYTES = 8 * 1024 * 1024  # the module is ~130 KB
_WRAPPERS = frozenset({"Required", "NotRequired", "Optional", "ReadOnly"})
_SEQUENCES = frozenset({"Iterable", "List", "Sequence", "SequenceNotStr", "list"})


@dataclass(frozen=True, slots=True)
class SdkFields:
    """The keys the SDK declares at each place, and the SDK's version."""

    version: str
    fields: dict[str, frozenset[str]]

    def declares(self, place: str, key: str) -> bool:
        return key in self.fields.get(place, ())


@cache  # process-wide: the installed SDK's declarations, read once
def sdk_fields() -> SdkFields | None:
    """The installed SDK's declared keys by place; ``None`` without the SDK or when its module cannot be read."""
    try:
        found = importlib.util.find_spec("retell")  # a top-level package: found without importing it
    except (ImportError, ValueError):
        return None
    if found is None or not found.submodule_search_locations:
        return None
    path = Path(next(iter(found.submodule_search_locations))) / PARAMS_MODULE
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            return None
        tree = ast.parse(path.read_text(encoding="utf-8"))
        version = importlib.metadata.version("retell-sdk")
    except (OSError, SyntaxError, ValueError, importlib.metadata.PackageNotFoundError):
        return None
    fields = _Module(tree).fields()
    return SdkFields(version, fields) if fields else None


class _Module:
    """The module's TypedDicts and type aliases, walked from the request type."""

    def __init__(self, tree: ast.Module) -> None:
        self.classes: dict[str, ast.ClassDef] = {}
        self.aliases: dict[str, ast.expr] = {}
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.aliases[node.target.id] = node.value  # X: TypeAlias = Union[...]
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                self.aliases[node.targets[0].id] = node.value

    def fields(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        stack = [("", ROOT_TYPE)]
        seen: set[tuple[str, str]] = set()
        while stack:
            place, name = stack.pop()
            if (place, name) in seen or name not in self.classes:
                continue
            seen.add((place, name))
            for key, annotation in self._members(name):
                out.setdefault(place, set()).add(key)
                child = f"{place}/{key}"
                stack.extend((child + suffix, target) for suffix, target in self._targets(annotation, 0))
        return {place: frozenset(keys) for place, keys in out.items()}

    def _members(self, name: str) -> list[tuple[str, ast.expr]]:
        """``(key on the wire, annotation)`` of a TypedDict and the TypedDicts it extends."""
        node = self.classes[name]
        members = [m for base in node.bases if isinstance(base, ast.Name) and base.id in self.classes for m in self._members(base.id)]
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                members.append((_alias(statement.annotation) or statement.target.id, statement.annotation))
        return members

    def _targets(self, annotation: ast.expr, depth: int) -> list[tuple[str, str]]:
        """``(suffix, TypedDict name)`` reached through an annotation: ``"/*"`` per sequence on the way."""
        if depth > 20:
            return []
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return []
        if isinstance(annotation, ast.Name):
            if annotation.id in self.classes:
                return [("", annotation.id)]
            if annotation.id in self.aliases:
                return self._targets(self.aliases[annotation.id], depth + 1)
            return []
        if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
            return self._targets(annotation.left, depth + 1) + self._targets(annotation.right, depth + 1)
        if not isinstance(annotation, ast.Subscript) or not isinstance(annotation.value, ast.Name | ast.Attribute):
            return []
        outer = annotation.value.id if isinstance(annotation.value, ast.Name) else annotation.value.attr
        inner = annotation.slice
        parts = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
        if outer in _WRAPPERS or outer == "Annotated":
            return self._targets(parts[0], depth + 1)
        if outer in _SEQUENCES:
            return [("/*" + suffix, target) for suffix, target in self._targets(parts[0], depth + 1)]
        if outer == "Union":
            return [found for part in parts for found in self._targets(part, depth + 1)]
        return []  # Dict[str, str] (free-form), Literal[...]


def _alias(annotation: ast.expr) -> str | None:
    """The wire name of ``Annotated[..., PropertyInfo(alias="x")]`` (wrapped in Required or not)."""
    node = annotation
    while isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in _WRAPPERS:
        node = node.slice
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Annotated"):
        return None
    elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else []
    for extra in elts[1:]:
        if isinstance(extra, ast.Call):
            for keyword in extra.keywords:
                if keyword.arg == "alias" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    return keyword.value.value
    return None
