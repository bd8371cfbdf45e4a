"""The rules, one module per rule, grouped by family: ``rules/<family>/<rule_name>.py``.

A rule module declares ``CODE``, ``NAME``, ``SEVERITY`` and ``KIND``, and its
docstring is its documentation (first line: the summary). It also declares
``FAILS`` and ``PASSES`` (:class:`Example`): a payload the rule flags and a near
miss that passes; the registry appends them to the documentation and the tests
run them. A rule that no payload reaches declares ``NO_EXAMPLES``, the reason,
instead. A family is a package whose ``__init__`` declares its code ``PREFIX``
and ``FAMILY`` label; helpers shared by a family's rules sit beside them, named
with a leading underscore. :mod:`validator.engine.registry` discovers every
module; nothing else lists rules.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding
from validator.document import Issue

ExampleFormat = Literal["json", "yaml", "csv", "python"]
_FORMAT_NAMES = {"json": "JSON", "yaml": "YAML", "csv": "CSV", "python": "a Python value for ``validate()``"}

# What a JSON example's members are merged into, and the clock an example is checked at unless it says otherwise.
BASE_PAYLOAD: Mapping[str, Any] = MappingProxyType({"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]})
DEFAULT_NOW = "2026-06-01T12:00:00Z"
DEFAULT_ENCODING = "utf-8"
AGENTS_FOLDER = "agents"  # where an example's pulled agent files are written, beside its payload


# What a schema rule (``Kind.SCHEMA``) defines: ``describe(error, explain)`` words one jsonschema error for
# the keywords in its ``KEYWORDS``; ``explain`` words a nested error (an alternative of a ``oneOf``) with the
# rule its own keyword belongs to, so a rule never imports another family's wording.
Explain = Callable[[ValidationError], Iterator[Issue]]
Describe = Callable[[ValidationError, Explain], Iterable[Finding | Issue]]


class Kind(StrEnum):
    """How a rule runs; the registry checks that a module has what its kind needs."""

    DOCUMENT = "document"  # ``check(ctx) -> Iterable[Finding]`` over the parsed payload
    SCHEMA = "schema"  # ``KEYWORDS`` + ``describe(error, explain)`` (:data:`Describe`): words python-jsonschema errors
    RAISED = "raised"  # raised by a reader or the pipeline; the module holds its code and documentation


@dataclass(frozen=True)
class Example:
    """A documented example a rule flags (``FAILS``) or passes (``PASSES``), run by the tests.

    ``text``: for JSON, object members (``"call_time_window": {...}``) merged into
    :data:`BASE_PAYLOAD`, or a complete document (it starts with ``{``, or is not a list
    of members: a syntax error, a duplicate key); YAML and CSV texts are complete
    documents, and a ``python`` text is a literal (:func:`ast.literal_eval`) for
    :func:`validator.validate`, for what only Python values can be (a set). Indentation
    common to its lines is removed, so a multi-line text can be written indented in the
    module. ``now``: the clock (ISO 8601). ``note``: what the example shows, in the
    documentation's heading. ``encoding``: how the text is turned into the bytes that are
    read (``cp1252``, ``utf-16``, ``utf-8-sig`` for a BOM). ``config``: configuration keys
    as in ``.retell-validate.toml`` (``{"call-purpose": "informational"}``); ``max-bytes``
    is the ``--max-bytes`` option. ``agents``: pulled agent files (file name → its JSON object),
    written to a folder ``agents`` beside the payload and checked with ``agents = "agents"``.
    """

    text: str
    format: ExampleFormat = "json"
    now: str = DEFAULT_NOW
    note: str = ""
    encoding: str = DEFAULT_ENCODING
    config: Mapping[str, Any] = field(default_factory=dict, hash=False)
    agents: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", textwrap.dedent(self.text).strip("\n"))
        object.__setattr__(self, "config", MappingProxyType(dict(self.config)))
        object.__setattr__(self, "agents", MappingProxyType(dict(self.agents)))
        if self.agents:  # the folder the agent files are written to, beside the payload
            object.__setattr__(self, "config", MappingProxyType({**self.config, "agents": AGENTS_FOLDER}))

    @property
    def members(self) -> dict[str, Any] | None:
        """The JSON members of a fragment, or None when the text is used as it is."""
        if self.format != "json" or not self.text.strip() or self.text.lstrip().startswith("{"):
            return None
        try:
            return json.loads("{" + self.text + "}", object_pairs_hook=_unique_members, parse_constant=_no_constant)  # type: ignore[no-any-return]
        except ValueError:
            return None

    def document(self) -> str:
        """The complete document: a fragment merged into the base payload (its top-level keys replace the base's), else the text."""
        members = self.members
        if members is None:
            return self.text + "\n" if self.text else ""
        return json.dumps({**BASE_PAYLOAD, **members}, indent=2, ensure_ascii=False) + "\n"

    def encoded(self) -> bytes:
        """The bytes a reader gets: the complete document in the example's encoding."""
        return self.document().encode(self.encoding)

    def rst(self, label: str) -> str:
        """The example as documentation: ``Label (note; format; what is not the default)::`` and the text as a literal block."""
        parts = [self.note] if self.note else []
        parts.append("JSON members added to the base payload" if self.members is not None else _FORMAT_NAMES[self.format])
        if self.now != DEFAULT_NOW:
            parts.append(f"``--now {self.now}``")
        if self.encoding != DEFAULT_ENCODING:
            parts.append(f"encoded as {self.encoding}")
        parts += [f"``{key} = {json.dumps(value)}``" for key, value in self.config.items()]
        heading = f"{label} ({'; '.join(parts)})"
        if not self.text:
            return f"{heading}: the empty text."
        shown = f"{heading}::\n\n" + textwrap.indent(self.text, "    ")
        for name, content in self.agents.items():
            text = json.dumps(content, indent=2, ensure_ascii=False)
            shown += f"\n\n{label}: the pulled agent ``{AGENTS_FOLDER}/{name}``::\n\n" + textwrap.indent(text, "    ")
        return shown


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key repeats: the text is shown as written")
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
