"""The spec's regular expressions, matched in bounded time whatever the payload holds.

A spec ``pattern`` such as ``^(a+)+$`` takes Python's backtracking ``re`` exponential time on
``"aaaa…!"``, and python-jsonschema matches patterns with ``re``. Here they run on jsonschema-rs's
engine instead (Rust's ``regex``: linear time; patterns with look-around or back-references go
to ``fancy-regex``, whose backtracking is capped), which is also the ECMA-262 dialect JSON Schema
specifies. :func:`safe_validator_class` is python-jsonschema's 2020-12 validator with every keyword that
matches a regular expression against payload text (``pattern``, ``patternProperties``,
``additionalProperties`` beside it) routed through :func:`search`; ``unevaluatedProperties``
beside ``patternProperties`` would still reach ``re``, so :func:`unusable_pattern` refuses a spec
that combines them, and any pattern the engine cannot compile, when the spec is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from validator.json_values import preview
from validator.openapi.references import mappings
from validator.pointer import join

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

# Values, not schemas: a `pattern` key inside them is data.
_DATA_KEYWORDS = frozenset({"enum", "const", "default", "example", "examples"})
# Maps of names (or patterns) to schemas.
_NAMED = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})


@lru_cache(maxsize=1024)  # keyed by the spec's patterns (never by payload text): a spec holds a handful
def _compiled(pattern: str) -> Any:
    # Imported when first needed, as the schema pass does: a clean document never needs it.
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator({"pattern": pattern})


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` matches somewhere in ``text`` (JSON Schema's ``pattern``), in bounded time."""
    try:
        return bool(_compiled(pattern).is_valid(text))
    except UnicodeEncodeError:  # a lone surrogate (a library caller's str): matched as U+FFFD, as the readers read it
        return bool(_compiled(pattern).is_valid(text.encode("utf-8", "replace").decode("utf-8")))


def compiles(pattern: str) -> bool:
    try:
        _compiled(pattern)
    except (ValueError, TypeError):  # jsonschema_rs.ValidationError is a ValueError
        return False
    return True


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator: Any, patterns: dict[str, Any], instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if search(pattern, key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(validator: Any, allowed: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    """python-jsonschema's keyword, its errors worded as there; keys matched by :func:`search` where patterns decide."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

    if "patternProperties" not in schema:  # no regular expression involved: the stock keyword
        yield from Draft202012Validator.VALIDATORS["additionalProperties"](validator, allowed, instance, schema)
        return
    if not validator.is_type(instance, "object"):
        return
    listed, patterns = schema.get("properties", {}), list(schema["patternProperties"])
    extras = sorted((key for key in instance if key not in listed and not any(search(p, key) for p in patterns)), key=str)
    if validator.is_type(allowed, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], allowed, path=extra)
    elif not allowed and extras:
        verb = "does" if len(extras) == 1 else "do"
        named = ", ".join(repr(each) for each in extras)
        yield ValidationError(f"{named} {verb} not match any of the regexes: {', '.join(repr(p) for p in sorted(patterns))}")


@cache
def safe_validator_class() -> Any:
    """python-jsonschema's 2020-12 validator with the spec's regular expressions matched by :func:`search`."""
    # Imported when first needed (~45 ms): a clean document never needs it.
    from jsonschema import Draft202012Validator, validators

    keywords = {"pattern": _pattern, "patternProperties": _pattern_properties, "additionalProperties": _additional_properties}
    return validators.extend(Draft202012Validator, keywords)


def _schemas(node: Mapping[str, Any], pointer: str) -> Iterator[tuple[Any, str]]:
    """A schema's subschemas: a map of names to schemas is walked past its names (a name is no keyword), data is not walked."""
    for name, value in node.items():
        if name in _NAMED and isinstance(value, dict):
            yield from ((sub, join(pointer, name, key)) for key, sub in value.items())
        elif name not in _DATA_KEYWORDS:
            yield value, join(pointer, str(name))


def unusable_pattern(schema: Any) -> str | None:
    """Why the converted request schema's regular expressions cannot be checked safely, else ``None``.

    Walks each node once (shared nodes are shared), with its own stack.
    """
    keywords: dict[str, str] = {}
    for node, pointer in mappings(schema, _schemas):
        found: list[tuple[str, Any]] = []
        if isinstance(node.get("pattern"), str):
            found.append((join(pointer, "pattern"), node["pattern"]))
        if isinstance(node.get("patternProperties"), dict):
            keywords.setdefault("patternProperties", pointer)
            found.extend((join(pointer, "patternProperties", key), key) for key in node["patternProperties"])
        if "unevaluatedProperties" in node:
            keywords.setdefault("unevaluatedProperties", pointer)
        for where, pattern in found:
            if not isinstance(pattern, str) or not compiles(pattern):
                return f"the pattern {preview(pattern)} at {where or '/'} is not a regular expression (ECMA-262) that can be checked"
    if len(keywords) == 2:
        return (
            f"unevaluatedProperties (at {keywords['unevaluatedProperties'] or '/'}) beside patternProperties "
            f"(at {keywords['patternProperties'] or '/'}) is not supported"
        )
    return None
