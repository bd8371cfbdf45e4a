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
import shlex
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import PurePath
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
DNC_AS_OF = "2026-05-20"  # an example list's date unless it says otherwise: 12 days before DEFAULT_NOW


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
class DncList:
    """A do-not-call list an example is checked against: a source file of ``numbers`` built into the index ``file``.

    ``numbers``: the source's lines, one number each, as a registry download
    (``201,5550123``) or an opt-out export (``+12015550123``) writes it. ``kind``,
    ``as_of`` (ISO 8601 date) and ``name`` (by default the file's stem) are the
    ``dnc index`` options. The source is ``file``'s stem with ``.txt``; both are relative to the
    folder the command runs in, the configuration's.
    """

    file: str
    numbers: Sequence[str]
    kind: Literal["national", "internal"] = "national"
    as_of: str = DNC_AS_OF
    name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbers", tuple(self.numbers))
        object.__setattr__(self, "name", self.name or PurePath(self.file).stem)
        date.fromisoformat(self.as_of)  # a typo in a rule module fails at import, not in a reader's shell

    @property
    def source(self) -> str:
        return f"{PurePath(self.file).stem}.txt"

    def command(self) -> str:
        """The shell command that builds the index from the source, every option spelled out."""
        words = ["retell-validate", "dnc", "index", self.source, "-o", self.file, "--kind", self.kind, "--as-of", self.as_of]
        return shlex.join([*words, "--name", self.name])

    def script(self) -> str:
        """A shell script that writes the source and builds the index: what the documentation shows."""
        lines = "\n".join(self.numbers)
        return f"cat > {shlex.quote(self.source)} <<'EOF'\n{lines}\nEOF\n{self.command()}"

    def to_json(self) -> dict[str, Any]:
        """The list for ``explain --format json``: enough to write the source and run the command."""
        return {
            "file": self.file,
            "name": self.name,
            "kind": self.kind,
            "as_of": self.as_of,
            "source": self.source,
            "numbers": list(self.numbers),
            "command": self.command(),
        }


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
    ``dnc``: do-not-call lists (:class:`DncList`), each built into its index file beside the
    payload and checked with ``dnc = [...]`` naming them; an exemption key the example needs is
    ``dnc-exemption-key`` in ``config``.
    """

    text: str
    format: ExampleFormat = "json"
    now: str = DEFAULT_NOW
    note: str = ""
    encoding: str = DEFAULT_ENCODING
    config: Mapping[str, Any] = field(default_factory=dict, hash=False)
    agents: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)
    dnc: Sequence[DncList] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", textwrap.dedent(self.text).strip("\n"))
        object.__setattr__(self, "config", MappingProxyType(dict(self.config)))
        object.__setattr__(self, "agents", MappingProxyType(dict(self.agents)))
        object.__setattr__(self, "dnc", tuple(self.dnc))
        if self.agents:  # the folder the agent files are written to, beside the payload
            object.__setattr__(self, "config", MappingProxyType({**self.config, "agents": AGENTS_FOLDER}))
        if self.dnc:  # the index files, beside the payload
            files = [dnc_list.file for dnc_list in self.dnc]
            if len(set(files)) != len(files):
                raise ValueError(f"two do-not-call lists of an example share a file: {files}")
            object.__setattr__(self, "config", MappingProxyType({**self.config, "dnc": files}))

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
        for dnc_list in self.dnc:
            built = f"{label}: the {dnc_list.kind} do-not-call list ``{dnc_list.file}``, built with"
            shown += f"\n\n{built}::\n\n" + textwrap.indent(dnc_list.script(), "    ")
        return shown


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key repeats: the text is shown as written")
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
