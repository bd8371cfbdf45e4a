"""``{{placeholders}}`` in agent configuration: which names a text uses, where each stands, which Retell fills itself.

Retell fills ``{{name}}`` from the call's dynamic variables (a task's
``retell_llm_dynamic_variables``), trimming spaces inside the braces. Some names
it fills on every call (``current_time``, ``user_number`` …, listed with their
sources in ``validator/knowledge/data/system_dynamic_variables.yaml``), and some
the agent sets itself during the call (a tool's ``response_variables``, an
"extract dynamic variables" tool or node): neither needs a value from the task.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from validator.knowledge.tables import load_table

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Keys whose strings are no text Retell fills: editor notes and layout, code, JSON paths, the defaults themselves.
SKIPPED_KEYS = frozenset(
    {
        "notes",
        "display_position",
        "begin_tag_display_position",
        "version_title",
        "version_description",
        "code",
        "response_variables",
        "default_dynamic_variables",
    }
)
EXTRACTING_TYPES = frozenset({"extract_dynamic_variable", "extract_dynamic_variables"})  # a tool (LLM) or a node (flow)
Path = tuple[str | int, ...]
# Where a generic wording of the path would not say what a person calls it.
PHRASES: dict[Path, str] = {("voicemail_option", "action", "text"): "voicemail message"}


def names_in(text: str) -> list[str]:
    """The names ``text`` uses, in order, spaces inside the braces trimmed (``{{ first_name }}`` is ``first_name``)."""
    return [name for name in PLACEHOLDER.findall(text) if name] if "{{" in text else []


@dataclass(frozen=True)
class Use:
    """A string of a configuration that uses placeholders: where it is (a path from the root) and the names, in order."""

    path: Path
    names: tuple[str, ...]


def uses(node: Any, path: Path = ()) -> Iterator[Use]:
    """Every string below ``node`` that uses placeholders, in document order, the skipped keys left out.

    Iterative: a hand-edited file may nest deeply. A container met twice (a cycle) is walked once.
    """
    stack: list[tuple[Path, Any]] = [(path, node)]
    visited: set[int] = set()
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            found = names_in(value)
            if found:
                yield Use(where, tuple(found))
            continue
        if id(value) in visited:
            continue
        visited.add(id(value))
        if isinstance(value, dict):
            items: list[tuple[str | int, Any]] = [(k, v) for k, v in value.items() if isinstance(k, str) and k not in SKIPPED_KEYS]
        elif isinstance(value, list):
            items = list(enumerate(value))
        else:
            continue
        stack.extend(((*where, key), child) for key, child in reversed(items) if isinstance(child, str | dict | list))


def set_during_call(node: Any) -> set[str]:
    """Names the configuration sets while the call runs: ``response_variables`` keys, extracted variables."""
    found: set[str] = set()
    stack = [node]
    visited: set[int] = set()
    while stack:
        value = stack.pop()
        if id(value) in visited:
            continue
        visited.add(id(value))
        if isinstance(value, dict):
            mapped = value.get("response_variables")
            if isinstance(mapped, dict):
                found.update(key for key in mapped if isinstance(key, str))
            extracted = value.get("variables")
            if value.get("type") in EXTRACTING_TYPES and isinstance(extracted, list):
                found.update(v["name"] for v in extracted if isinstance(v, dict) and isinstance(v.get("name"), str))
            stack.extend(child for child in value.values() if isinstance(child, dict | list))
        elif isinstance(value, list):
            stack.extend(child for child in value if isinstance(child, dict | list))
    return found


def label(root: Any, path: Path) -> str:
    """Where a string stands, in words: ``begin message``, ``state 'qualify' › state prompt``, ``node 'Greeting' › instruction``.

    A list item is named by its ``name`` (else its ``id``, else its position); a trailing ``text``
    (an instruction's) is dropped.
    """
    if path in PHRASES:
        return PHRASES[path]
    parts: list[str] = []
    node = root
    for index, key in enumerate(path):
        child = _child(node, key)
        if isinstance(key, int):
            name = _item_name(child)
            noun = parts.pop() if parts else "item"
            parts.append(f"{_singular(noun)} {name}" if name else f"{_singular(noun)} {key + 1}")
        elif not (key == "text" and index == len(path) - 1 and parts):
            parts.append(key.replace("_", " "))
        node = child
    return " › ".join(parts)


def _child(node: Any, key: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    return node[key] if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node) else None


def _item_name(item: Any) -> str | None:
    if isinstance(item, dict):
        for field in ("name", "id"):
            if isinstance(item.get(field), str) and item[field]:
                return repr(item[field])
    return None


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


@cache
def _system_table() -> tuple[frozenset[str], tuple[str, ...]]:
    table = load_table("system_dynamic_variables")
    names = frozenset(entry["name"] for entry in table["variables"] if "name" in entry)
    prefixes = tuple(entry["prefix"] for entry in table["variables"] if "prefix" in entry)
    return names, prefixes


def is_system(name: str) -> bool:
    """Retell fills ``name`` on every call (``current_time``, ``current_time_Europe/Paris``, ``user_number`` …)."""
    names, prefixes = _system_table()
    return name in names or name.startswith(prefixes)
