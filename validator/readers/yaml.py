"""YAML payloads: safe loading, YAML 1.1 trap detection, and node positions.

PyYAML's C composer builds the node tree (with marks); a SafeConstructor
subclass builds the data and notes what YAML 1.1 guessed (``yes`` → true,
``+1415...`` → int, dates), what JSON cannot carry (tags, non-string keys)
and duplicate keys. Nothing but plain data is ever constructed.
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import partial
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from validator.diagnostics import Finding, Fix, Target
from validator.document import Document, Issue, LineIndex, LocateRequest, Span
from validator.json_values import same_value
from validator.pointer import join as pointer_join
from validator.pointer import tokens
from validator.readers import codes
from validator.readers.decode import replace_surrogates, scrub

MAX_EXPANDED_NODES = 5_000_000  # far above any real payload, far below an alias bomb
# Aliases may repeat what is written, within reason: every repeated node is checked again, so a
# small file that expands a hundredfold costs what a file a hundred times larger would.
AMPLIFICATION_FREE_NODES = 100_000  # up to this many expanded nodes, any amplification
MAX_AMPLIFICATION = 10  # beyond it, at most this many times the nodes written
_INT_TRAP = re.compile(r"^[-+]?(0[0-7_]+|0b[01_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|\+[0-9_]+|[0-9]+_[0-9_]*)$")
_DECIMAL_INT = re.compile(r"^[-+]?[0-9][0-9_]*$")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULL_TAG = "tag:yaml.org,2002:null"
_FLOAT_TRAP = re.compile(r"^[-+]?([0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[0-9][0-9_]*_[0-9_]*\.[0-9_]*(e[-+][0-9]+)?)$", re.IGNORECASE)


def _json_key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


class _Notes:
    def __init__(self) -> None:
        self.conversions: list[tuple[Node, str, str]] = []  # node, what YAML made of it, hint
        self.node_issues: list[tuple[Node, str, Finding, Target]] = []  # node, code, finding (pointer filled later), target
        # id(key node) → the key in the data, where it differs from the node's text (non-string keys)
        self.key_names: dict[int, str] = {}
        # id(mapping node) → ids of the key nodes written in it (the others come from ``<<`` merges)
        self.own_keys: dict[int, set[int]] = {}
        # key node, key, earlier value, later value: compared once construction has filled them in
        self.duplicates: list[tuple[Node, str, Any, Any]] = []


class _Constructor(SafeConstructor):
    notes: _Notes

    def _plain(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and not node.style  # libyaml reports plain as "", PyYAML as None

    def construct_yaml_bool(self, node: ScalarNode) -> bool:
        value = super().construct_yaml_bool(node)
        if self._plain(node) and node.value.lower() not in ("true", "false"):
            self._convert(node, f"the boolean {str(value).lower()}")
        return value

    def construct_yaml_int(self, node: ScalarNode) -> int | float:  # type: ignore[override]
        try:
            value: int | None = super().construct_yaml_int(node)
        except ValueError:
            if not _DECIMAL_INT.match(node.value):
                raise
            value = None  # more digits than Python parses: far beyond a double
        if value is None or abs(value) > sys.float_info.max:
            self.notes.node_issues.append((node, codes.NON_FINITE_NUMBER, codes.non_finite_number("", math.inf).finding, "value"))
            return -math.inf if node.value.startswith("-") else math.inf
        if self._plain(node) and _INT_TRAP.match(node.value):
            self._convert(node, f"the integer {value}")
        return value

    def construct_yaml_float(self, node: ScalarNode) -> float:
        value = super().construct_yaml_float(node)
        if value != value or value in (float("inf"), float("-inf")):
            self.notes.node_issues.append((node, codes.NON_FINITE_NUMBER, codes.non_finite_number("", value).finding, "value"))
        elif self._plain(node) and _FLOAT_TRAP.match(node.value):
            self._convert(node, f"the number {value}")
        return value

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        value = super().construct_yaml_timestamp(node)
        self._convert(node, f"a {type(value).__name__}, which JSON cannot carry")
        return value

    def _convert(self, node: ScalarNode, what: str) -> None:
        self.notes.conversions.append((node, what, f"quote it: '{node.value}'"))

    def construct_unsupported(self, node: Node) -> None:
        finding = Finding(
            "", f"YAML tag {node.tag} has no JSON equivalent; it was not constructed", "use plain strings, numbers, lists and mappings"
        )
        self.notes.node_issues.append((node, codes.YAML_UNSUPPORTED_TAG, finding, "value"))
        return None

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """A value the tag's constructor cannot build (``!!int abc``, ``2024-02-30``) is an error, kept as its text."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
            self.recursive_objects.pop(node, None)
            value = node.value if isinstance(node, ScalarNode) else None
            shown = repr(value) if value is not None else "this collection"
            finding = Finding("", f"cannot read {shown} as {node.tag.rsplit(':', 1)[-1]}: {exc}", "quote it if it is text")
            self.notes.node_issues.append((node, codes.SYNTAX_ERROR, finding, "value"))
            self.constructed_objects[node] = value
            return value

    def flatten_mapping(self, node: MappingNode) -> None:
        if not isinstance(node, MappingNode):  # ``!!map x``: the base class would check only after we iterate
            raise yaml.constructor.ConstructorError(None, None, f"expected a mapping, but found {node.id}", node.start_mark)
        # Recorded before the first flattening: afterwards merged pairs are indistinguishable.
        self.notes.own_keys.setdefault(id(node), {id(k) for k, _ in node.value if k.tag != _MERGE_TAG})
        super().flatten_mapping(node)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        own = self.notes.own_keys[id(node)]
        mapping: dict[str, Any] = {}
        written: set[str] = set()
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                key = self._key_name(key, key_node)
            # A written key overriding a merged one is what ``<<`` is for; two written ones are a mistake.
            value = self.construct_object(value_node, deep=deep)
            if id(key_node) in own:
                if key in written:
                    self.notes.duplicates.append((key_node, key, mapping[key], value))
                written.add(key)
            mapping[key] = value
        return mapping

    def _key_name(self, key: Any, key_node: Node) -> str:
        """The string a non-string key is stored under: its JSON spelling, or its source text for a collection."""
        if isinstance(key_node, ScalarNode):
            name, shown = _json_key(key), key_node.value
        else:
            mark, end = key_node.start_mark, key_node.end_mark
            name = shown = " ".join(str(getattr(self, "source", ""))[mark.index : end.index].split()) or f"?{mark.line + 1}"
        finding = Finding("", f"mapping key {shown!r} is read as {type(key).__name__}, not a string", f"quote the key: '{shown}'")
        self.notes.node_issues.append((key_node, codes.NON_STRING_KEY, finding, "key"))
        self.notes.key_names[id(key_node)] = name
        return name


for _tag in ("tag:yaml.org,2002:binary", "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
    _Constructor.add_constructor(_tag, _Constructor.construct_unsupported)  # type: ignore[type-var]
_Constructor.add_constructor(None, _Constructor.construct_unsupported)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:bool", _Constructor.construct_yaml_bool)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)  # type: ignore[type-var]


# libyaml's parser and composer when PyYAML has them (what CSafeLoader uses), else the pure-Python ones.
_CPARSER = getattr(getattr(yaml, "cyaml", None), "CParser", None)
_PARSER: tuple[Any, ...] = (
    (_CPARSER,) if _CPARSER is not None else (yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer)
)


class _Loader(*_PARSER, _Constructor, yaml.resolver.Resolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        self.source = stream
        _PARSER[0].__init__(self, stream)
        for base in _PARSER[1:]:
            base.__init__(self)
        _Constructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


def read_yaml(text: str) -> Document:
    """Parse YAML text into a :class:`Document`; never raises on bad input.

    A payload that is plain data is read from libyaml's events (:func:`_read_plain`): the data,
    and the position of each node in two arrays. Anything else (anchors and aliases, tags, merge
    keys, duplicate or collection keys, more than one document, a syntax error, a root that is
    not a mapping) is composed into PyYAML's node graph and constructed from it (:func:`_read_composed`).
    """
    if not text.strip():  # blank (a tab on its own would otherwise be a YAML syntax error)
        return _empty()
    plain = _read_plain(text)
    return plain if plain is not None else _read_composed(text)


def _read_composed(text: str) -> Document:
    loader = _Loader(text)
    notes = _Notes()
    loader.notes = notes
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        if "single document" in str(exc.context):
            return Document(
                None,
                "yaml",
                [
                    _marked(
                        codes.MULTIPLE_DOCUMENTS,
                        "the file holds more than one YAML document; a payload is one document",
                        exc,
                        text,
                        "put each batch in its own file",
                    )
                ],
            )
        return Document(None, "yaml", [_marked(codes.SYNTAX_ERROR, f"invalid YAML: {exc.problem}", exc, text, _yaml_hint(exc))])
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # libyaml stops at 1,000 levels
            return Document(None, "yaml", [_marked(codes.TOO_COMPLEX, "the document is nested too deeply to check", exc, text)])
        return Document(None, "yaml", [_marked(codes.SYNTAX_ERROR, f"invalid YAML: {exc.problem or exc}", exc, text, _yaml_hint(exc))])
    except yaml.YAMLError as exc:
        return Document(None, "yaml", [Issue(codes.SYNTAX_ERROR, Finding("", f"invalid YAML: {exc}"), Span(1, 1))])
    except RecursionError:
        return Document(None, "yaml", [Issue(codes.TOO_COMPLEX, Finding("", "the document is nested too deeply to check"), Span(1, 1))])
    finally:
        loader.dispose()
    if root is None or (isinstance(root, ScalarNode) and root.tag == _NULL_TAG):
        return _empty()  # no document, or a null one (``---``, ``~``): nothing to check either way
    expanded, written = _expanded_size(root) if "*" in text else (0, 0)
    if expanded is None:
        message = "a YAML alias refers to a node that contains it: the value would be endless; refused"
        hint = "an alias must point at an anchor defined before and outside it"
        return Document(None, "yaml", [Issue(codes.TOO_COMPLEX, Finding("", message, hint), _mark_span(root))])
    if expanded > max(AMPLIFICATION_FREE_NODES, MAX_AMPLIFICATION * written) and expanded <= MAX_EXPANDED_NODES:
        message = (
            f"YAML aliases expand {written:,} written nodes to {expanded:,} ({expanded / written:,.0f}×): every repeated node would be "
            f"checked again, as if the file were that much larger; refused beyond {MAX_AMPLIFICATION}× (and {AMPLIFICATION_FREE_NODES:,} nodes)"
        )
        hint = "write the repeated values out, or generate the payload as JSON; a payload needs no aliases"
        return Document(None, "yaml", [Issue(codes.TOO_COMPLEX, Finding("", message, hint), _mark_span(root))])
    if expanded > MAX_EXPANDED_NODES:
        return Document(
            None,
            "yaml",
            [
                Issue(
                    codes.TOO_COMPLEX,
                    Finding(
                        "",
                        f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes; refused",
                        "expand the aliases by hand; real payloads do not need them",
                    ),
                    _mark_span(root),
                )
            ],
        )
    try:
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        return Document(None, "yaml", [_marked(codes.SYNTAX_ERROR, f"cannot read YAML value: {exc.problem or exc}", exc, text)])
    except (
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
    ) as exc:  # a tag PyYAML builds in a generator, past construct_object
        finding = Finding("", f"cannot read YAML value: {type(exc).__name__}: {exc}", "use plain strings, numbers, lists and mappings")
        return Document(None, "yaml", [Issue(codes.SYNTAX_ERROR, finding, _mark_span(root))])
    except RecursionError:
        return Document(None, "yaml", [Issue(codes.TOO_COMPLEX, Finding("", "the document is nested too deeply to check"), Span(1, 1))])
    # Aliases and merge keys put data where it is not written, and with duplicate keys the last one counts.
    for key_node, key, before, after in notes.duplicates:
        issue = codes.duplicate_key("", key, not same_value(before, after))
        notes.node_issues.append((key_node, issue.code, issue.finding, "key"))
    duplicates = bool(notes.duplicates)
    locator = YamlLocator(
        root, notes.key_names, in_document_order="*" not in text and "<<" not in text and not duplicates, end=_unterminated_end(text)
    )
    doc = Document(data, "yaml", locator=locator)
    if "\\u" in text or "\\U" in text:  # double-quoted escapes can spell unpaired surrogates
        doc.data, unpaired = replace_surrogates(data)
        doc.issues.extend(unpaired)
    if _TRAP_HINT.search(text):  # a textual screen: most files have none, and then no node is walked
        notes.node_issues.extend(_value_traps(root, text))
    conversions = _noted(doc, notes, _node_pointers(root, notes.key_names) if notes.conversions or notes.node_issues else {})
    aliases = _alias_sites(root, notes.key_names) if expanded else {}
    if conversions or aliases:
        doc.refine = partial(_refine, conversions, aliases)
    if not isinstance(data, dict):
        doc.issues.append(codes.root_not_object(data))
    return doc


def _noted(doc: Document, notes: _Notes, pointers: dict[int, str]) -> dict[str, Finding]:
    """The notes as issues of ``doc``, by the pointers of their nodes; returns the YAML 1.1 guesses by pointer (see :func:`_refine`)."""
    for node, code, finding, target in notes.node_issues:
        if id(node) in pointers:  # else under a value a duplicate key replaced: the data holds none of it
            doc.issues.append(Issue(code, Finding(pointers[id(node)], finding.message, finding.hint, target)))
    conversions: dict[str, Finding] = {}
    for node, what, hint in notes.conversions:
        found = pointers.get(id(node))
        if found is not None:
            # Quoting is RBV008's fix: the value becomes the text written, which the schema wanted instead of what YAML made of it.
            quoted = Fix(node.value, True, f"quote {node.value}")
            conversions[found] = Finding(found, f"YAML 1.1 reads the unquoted value {node.value} as {what}", hint, fix=quoted)
    return conversions


# -- plain data from libyaml's events ---------------------------------------------------------------------------------
#
# A 100,000-task payload is some 2,000,000 nodes. Composed, each is a node object with two marks
# (and each mapping pair a tuple): ~65 objects per task that the garbage collector of the process
# traverses again and again as the graph grows, then once more while the data is built from it.
# Read from the events, the data is all that is built; a node's position is four integers in an
# array, in document order, and the data's shape says which node a pointer names.

_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG, _FLOAT_TAG, _BOOL_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool"
# What a key cannot be here: a merge (``<<``), or ``=``, which PyYAML reads as a string key only as a mapping's key.
_COMPOSED_KEY_TAGS = (_MERGE_TAG, "tag:yaml.org,2002:value")
# Resolver.resolve for a plain scalar: the implicit resolvers of its first character, then the wildcard ones.
_WILDCARD_RESOLVERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, ()))
_RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: (*found, *_WILDCARD_RESOLVERS) for first, found in yaml.resolver.Resolver.yaml_implicit_resolvers.items() if first is not None
}
# Plain scalars SafeConstructor turns into int(text) or float(text) with nothing to note (no YAML 1.1 trap, finite).
_SIMPLE_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_SIMPLE_FLOAT = re.compile(r"-?[0-9]{1,15}\.[0-9]{0,15}")
_NO_KEY = object()  # a mapping's state between its members: the next scalar is a key
# Where a plain scalar ending there lost the rest of its line to a comment (what _SWALLOWED matches from).
_SWALLOWED_RUN = re.compile(r"[ \t]+(?=#(?:[^ \t\r\n][^\r\n]*)?[ \t]*(?:\r?\n|$))")


def _plain_tag(value: str) -> str:
    for tag, pattern in _RESOLVERS.get(value[:1], _WILDCARD_RESOLVERS):
        if pattern.match(value):
            return tag
    return _STR_TAG


def _read_plain(text: str) -> Document | None:
    """The document, when the text is one YAML document whose root is a mapping and which holds only plain data; else ``None``.

    Plain data: no anchor, alias or tag, no merge key, no key given twice, no collection as a key.
    Scalars are resolved and constructed as :class:`_Loader` does (a value YAML 1.1 guesses goes
    through :class:`_Constructor`, which notes it), and the comments that cut a value short are
    found as :func:`_value_traps` finds them.
    """
    if _CPARSER is None or len(text) >= 1 << 31:  # positions are 32-bit
        return None
    parser = _CPARSER(text)
    constructor = _Constructor()
    constructor.notes = _Notes()
    try:
        built = _events_to_data(parser.get_event, constructor, text)
    except (yaml.YAMLError, UnicodeError):  # the composing reader words the error
        return None
    finally:
        parser.dispose()
    if built is None:
        return None
    data, positions, pointers, traps = built
    doc = Document(data, "yaml", locator=positions)
    if "\\u" in text or "\\U" in text:  # double-quoted escapes can spell unpaired surrogates
        doc.data, unpaired = replace_surrogates(data)
        if unpaired:  # keys may have merged: the composing reader locates by the nodes
            return None
    notes = constructor.notes
    # In the order _value_traps finds them: the reverse of the text's.
    notes.node_issues.extend(trap for node in reversed(traps) if (trap := _comment_trap(node, text)) is not None)
    conversions = _noted(doc, notes, pointers)
    if conversions:
        doc.refine = partial(_refine, conversions, {})
    return doc


def _events_to_data(
    get: Callable[[], Any], constructor: _Constructor, text: str
) -> tuple[dict[str, Any], PlainLocator, dict[int, str], list[ScalarNode]] | None:
    """The data, its locator, the pointers of the nodes noted, and the plain scalars a comment may have cut short."""
    get()  # StreamStartEvent
    if type(get()) is not DocumentStartEvent:
        return None
    event: Any = get()
    if type(event) is not MappingStartEvent or event.anchor is not None or event.tag is not None:
        return None
    notes = constructor.notes
    keys: dict[str, str] = {}  # plain keys that are strings, one string for each spelling
    pointers: dict[int, str] = {}  # id(node) → pointer, for the scalars noted (kept alive by the notes)
    # id(node) → (depth, ordinal) of the collection holding a scalar noted: _Constructor builds the
    # collections breadth first (one level after the other, each in document order), and notes in that order.
    ranks: dict[int, tuple[int, int]] = {}
    trap_ends = {at for run in _SWALLOWED_RUN.finditer(text) for at in range(*run.span())} if _TRAP_HINT.search(text) else None
    traps: list[ScalarNode] = []
    # Per node, in document order (a mapping, then each key and its value; a sequence, then each item):
    # the nodes in its subtree (itself included), then its line, column, end line and end column.
    nodes = array("i")
    mark = event.start_mark
    assert mark is not None  # libyaml marks every event
    nodes.extend((0, mark.line, mark.column, 0, 0))
    count = 1  # nodes so far
    # The collection being read (a member's key is `token`; _NO_KEY between members; `last`: the ordinal of
    # its last value or item, -1 for none yet; `own`: its ordinal), and the ones around it, innermost last.
    container: Any = {}
    root = container
    is_map, token, last, own, block = True, _NO_KEY, -1, 0, not event.flow_style
    stack: list[tuple[Any, bool, Any, int, int, bool]] = []
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                return None
            value = event.value
            start, end = event.start_mark, event.end_mark
            nodes.extend((1, start.line, start.column, end.line, end.column))
            ordinal = count
            count += 1
            is_key = is_map and token is _NO_KEY
            if event.implicit[0]:  # plain: its tag is resolved from its text
                trap = None
                if trap_ends is not None and end.index in trap_ends:
                    trap = ScalarNode(_STR_TAG, value, start, end, event.style)
                    traps.append(trap)
                if is_key:
                    key = keys.get(value)
                    if key is None:
                        tag = _plain_tag(value)
                        if tag == _STR_TAG:
                            key = keys[value] = value
                        elif tag in _COMPOSED_KEY_TAGS:
                            return None
                        else:
                            noted = len(notes.conversions) + len(notes.node_issues)
                            key, typed = _constructed(constructor, tag, value, event)
                            if not isinstance(key, str):
                                key = constructor._key_name(key, typed)
                            if len(notes.conversions) + len(notes.node_issues) != noted:
                                pointers[id(typed)] = _pointer(stack, container, token, key)
                                ranks[id(typed)] = (len(stack), own)
                    if trap is not None:
                        pointers[id(trap)] = _pointer(stack, container, token, key)
                    value = key
                else:
                    if trap is not None:
                        pointers[id(trap)] = _pointer(stack, container, token)
                    if value[:1] in _RESOLVERS:
                        tag = _plain_tag(value)
                        if tag == _STR_TAG:
                            pass
                        elif tag == _NULL_TAG:
                            value = None
                        elif tag == _INT_TAG and _SIMPLE_INT.fullmatch(value):
                            value = int(value)
                        elif tag == _FLOAT_TAG and _SIMPLE_FLOAT.fullmatch(value):
                            value = float(value)
                        elif tag == _BOOL_TAG and value in ("true", "false"):
                            value = value == "true"
                        elif tag == _MERGE_TAG:
                            return None
                        else:
                            noted = len(notes.conversions) + len(notes.node_issues)
                            value, typed = _constructed(constructor, tag, value, event)
                            if len(notes.conversions) + len(notes.node_issues) != noted:
                                pointers[id(typed)] = _pointer(stack, container, token)
                                ranks[id(typed)] = (len(stack), own)
            if is_key:
                if value in container:
                    return None  # a key given twice
                token = value
                continue
            if is_map:
                container[token] = value
                token = _NO_KEY
            else:
                container.append(value)
            last = ordinal
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or (is_map and token is _NO_KEY):  # ... or a collection as a key
                return None
            new: Any = {} if kind is MappingStartEvent else []
            if is_map:
                container[token] = new
            else:
                container.append(new)
            stack.append((container, is_map, token, count, own, block))
            mark = event.start_mark
            nodes.extend((0, mark.line, mark.column, 0, 0))
            container, is_map, token, last, own, block = new, kind is MappingStartEvent, _NO_KEY, -1, count, not event.flow_style
            count += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            at = 5 * own
            nodes[at] = count - own
            # As _mark_span: a block collection ends where its last value ends (its own end mark is
            # where the next token starts, past blank lines and comments).
            if block and last >= 0:
                nodes[at + 3], nodes[at + 4] = nodes[5 * last + 3], nodes[5 * last + 4]
            else:
                mark = event.end_mark
                nodes[at + 3], nodes[at + 4] = mark.line, mark.column
            if not stack:
                break
            container, is_map, token, last, own, block = stack.pop()
            token = _NO_KEY
        else:  # an alias
            return None
    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
        return None  # another document follows
    if ranks:
        notes.conversions.sort(key=lambda note: ranks[id(note[0])])
        notes.node_issues.sort(key=lambda note: ranks[id(note[0])])
    return root, PlainLocator(root, nodes, _unterminated_end(text)), pointers, traps


def _constructed(constructor: _Constructor, tag: str, value: str, event: Any) -> tuple[Any, ScalarNode]:
    """What :class:`_Constructor` makes of a plain scalar of this tag (noting what YAML 1.1 guessed), and the node it noted."""
    node = ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
    data = constructor.construct_object(node)
    del constructor.constructed_objects[node]  # only aliases would look it up again
    return data, node


def _pointer(stack: list[tuple[Any, bool, Any, int, int, bool]], container: Any, token: Any, key: str | None = None) -> str:
    """The pointer of the scalar being read in ``container``: its next item, its member ``token``, or its member ``key``."""
    out = ""
    for outer, is_map, member, _, _, _ in stack:
        out = pointer_join(out, member if is_map else len(outer) - 1)
    return pointer_join(out, key if key is not None else token if type(container) is dict else len(container))


class PlainLocator:
    """Pointer → position for a document read by :func:`_read_plain`: the data's shape leads to each node's ordinal.

    Ordinals are in document order: a mapping, then each key and its value; a sequence, then its
    items. Keys are unique and nothing is repeated, so a mapping's keys in the data are those
    written, in order. The data is the reader's and is not changed after reading (a rule never
    changes the document).
    """

    in_document_order = True  # the data mirrors the text one to one (see validator.engine.document_order)

    def __init__(self, data: dict[str, Any], nodes: array[int], end: Span | None) -> None:
        self._data = data
        self._nodes = nodes  # per node: its subtree's size, line, column, end line, end column (0-based, as libyaml's marks)
        self._end = end
        # Built on first use, then kept: thousands of findings in one mapping or list look up one index.
        self._members: dict[int, dict[str, int]] = {}  # a mapping's ordinal → its keys' ordinals
        self._items: dict[int, array[int]] = {}  # a sequence's ordinal → its items' ordinals

    def locate(self, requests: Collection[LocateRequest]) -> dict[LocateRequest, Span]:
        out: dict[LocateRequest, Span] = {}
        nodes = self._nodes
        for pointer, target in requests:
            found = self._find(pointer)
            if found is not None:
                at = 5 * (found[1] if target == "key" and found[1] >= 0 else found[0])
                span = Span(nodes[at + 1] + 1, nodes[at + 2] + 1, nodes[at + 3] + 1, nodes[at + 4] + 1)
                out[(pointer, target)] = _clamped(span, self._end)
        return out

    def _find(self, pointer: str) -> tuple[int, int] | None:
        """The ordinals of the node at ``pointer`` and of its key (-1: none)."""
        value: Any = self._data
        ordinal, key = 0, -1
        nodes = self._nodes
        for token in tokens(pointer):
            if type(value) is dict:
                members = self._members.get(ordinal)
                if members is None:
                    members = self._members[ordinal] = {}
                    child = ordinal + 1
                    for name in value:
                        members[name] = child
                        child += 1 + nodes[5 * (child + 1)]
                found = members.get(token)
                if found is None:
                    return None
                key, ordinal, value = found, found + 1, value[token]
            elif type(value) is list and token.isascii() and token.isdigit() and int(token) < len(value):
                items = self._items.get(ordinal)
                if items is None:
                    items = self._items[ordinal] = array("i")
                    child = ordinal + 1
                    for _ in range(len(value)):
                        items.append(child)
                        child += nodes[5 * child]
                index = int(token)
                key, ordinal, value = -1, items[index], value[index]
            else:
                return None
        return ordinal, key


# Text where a trap may be: a ``#`` after a blank without a blank after it, or an ``&`` where a value starts.
_TRAP_HINT = re.compile(r"[ \t]#(?:[^ \t\r\n]|$)|(?:^|[:,\[{-])[ \t]*&", re.MULTILINE)
# After a value on its line: blanks, then ``#`` with no space after it (a comment is "# text": yamllint's convention).
_SWALLOWED = re.compile(r"[ \t]+(#(?:[^ \t\r\n][^\r\n]*)?)[ \t]*(?:\r?\n|$)")


def _value_traps(root: Node, text: str) -> list[tuple[Node, str, Finding, Target]]:
    """Plain scalars that ``#`` or ``&`` silently changed: a comment that took the rest of the value, an anchor that took its start.

    ``key: #`` is null and ``name: Spring #5`` is "Spring": a ``#`` after a blank starts a comment.
    ``company: &Co Ltd`` is "Ltd" with the anchor ``Co``, unless an alias refers to it (then it is meant).
    """
    seen: dict[int, int] = {}
    scalars: list[ScalarNode] = []
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        seen[id(node)] = seen.get(id(node), 0) + 1
        if seen[id(node)] > 1:
            continue
        if isinstance(node, ScalarNode):
            if not node.style:
                scalars.append(node)
        else:
            stack.extend(_children(node))
    out: list[tuple[Node, str, Finding, Target]] = []
    for node in scalars:
        start, end = node.start_mark.index, node.end_mark.index
        if end > start and text.startswith("&", start) and seen[id(node)] == 1:  # an empty node's marks are where the next token starts
            anchor = text[start:end].split(None, 1)[0]
            what = f'the anchor {anchor} on "{node.value}"' if node.value else f"the anchor {anchor} on an empty value (null)"
            finding = Finding(
                "", f"YAML reads {text[start:end]!r} as {what}: the value lost {anchor!r}", f"quote it: {_quoted(text[start:end])}"
            )
            out.append((node, codes.YAML_ANCHOR_IN_VALUE, finding, "value"))
        elif (trap := _comment_trap(node, text)) is not None:
            out.append(trap)
    return out


def _comment_trap(node: ScalarNode, text: str) -> tuple[Node, str, Finding, Target] | None:
    """A plain scalar followed by ``#`` after a blank, without a blank after it: the comment took the rest of the value."""
    swallowed = _SWALLOWED.match(text, node.end_mark.index)
    if swallowed is None:
        return None
    lost = swallowed.group(1)
    meant = f"{node.value} {lost}" if node.value else lost
    shown = f'"{node.value}"' if node.value else "null"
    message = f"YAML reads the value as {shown}: {lost!r} after a blank starts a comment, so {lost!r} is lost"
    hint = f"quote it: {_quoted(meant)} (a comment needs a blank after #: '# note')"
    return node, codes.YAML_COMMENT_IN_VALUE, Finding("", message, hint), "value"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


def _refine(conversions: dict[str, Finding], aliases: dict[str, str], issues: list[Issue], is_error: Callable[[str], bool]) -> list[Issue]:
    """The YAML reader's last word: findings repeated by aliases referred to once, YAML 1.1 guesses explained."""
    return _explain_conversions(conversions, _refer_to_anchors(aliases, issues) if aliases else issues, is_error)


def _refer_to_anchors(aliases: dict[str, str], issues: list[Issue]) -> list[Issue]:
    """Findings an alias repeats from its anchor: one per code where the alias is written, referring to the anchor.

    One anchor of 960 wrong-typed variables aliased by 400 tasks is 384,000 findings about the
    same 960 values; they are worded in full where the anchor is written, and each alias gets
    one finding per code that says so, so findings and memory follow the file, not its
    expansion. A finding the anchor does not have (a destination called twice) is the alias's
    own and stays as it is.
    """
    found = {(issue.code, issue.finding.pointer) for issue in issues}
    out: list[Issue] = []
    repeated: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        pointer = issue.finding.pointer
        site = _alias_site(pointer, aliases)
        if site is not None and (issue.code, aliases[site] + pointer[len(site) :]) in found:
            repeated.setdefault((site, issue.code), []).append(issue)
        else:
            out.append(issue)
    for (site, code), group in repeated.items():
        first = min(group, key=lambda issue: issue.finding.pointer).finding
        count = f"{len(group):,} findings" if len(group) > 1 else "1 finding"
        message = f"{count} of {aliases[site] or 'the root'} repeated by this YAML alias, first at {first.pointer}: {first.message}"
        # Placed at the key the alias is written under (the value's own marks are the anchor's).
        out.append(Issue(code, Finding(site, message, first.hint, "key")))
    return out


def _alias_site(pointer: str, aliases: dict[str, str]) -> str | None:
    """The outermost place on ``pointer``'s path where an alias repeats a collection, if any."""
    end = pointer.find("/", 1)
    while end != -1:
        if pointer[:end] in aliases:
            return pointer[:end]
        end = pointer.find("/", end + 1)
    return pointer if pointer in aliases else None


def _alias_sites(root: Node, key_names: dict[int, str]) -> dict[str, str]:
    """Pointer of each place an alias repeats a mapping or sequence → where it is first written (document order)."""
    first: dict[int, str] = {}
    out: dict[str, str] = {}
    stack: list[tuple[Node, str]] = [(root, "")]
    while stack:
        node, ptr = stack.pop()
        if not isinstance(node, MappingNode | SequenceNode):
            continue
        seen = first.get(id(node))
        if seen is not None:
            out[ptr] = seen
            continue
        first[id(node)] = ptr
        if isinstance(node, MappingNode):
            children = [(value, pointer_join(ptr, _key_token(key, key_names) or "?")) for key, value in node.value]
        else:
            children = [(item, f"{ptr}/{i}") for i, item in enumerate(node.value)]
        stack.extend(reversed(children))  # popped in document order: an anchor is written before its aliases
    return out


def _explain_conversions(conversions: dict[str, Finding], issues: list[Issue], is_error: Callable[[str], bool]) -> list[Issue]:
    """Explain errors caused by YAML 1.1 guessing (one RBV008 per value); keep other guesses as RBV009 warnings."""
    out: list[Issue] = []
    explained: set[str] = set()
    for issue in issues:
        pointer = issue.finding.pointer
        conversion = conversions.get(pointer)
        if conversion is None or issue.finding.target != "value" or not is_error(issue.code):
            out.append(issue)
        elif pointer not in explained:
            explained.add(pointer)
            message = f"{conversion.message}; {issue.finding.message}"
            out.append(Issue(codes.YAML_UNQUOTED_SCALAR, Finding(pointer, message, conversion.hint, fix=conversion.fix)))
    # A guess the schema accepts (an octal `start`) may be meant: quoting it is no fix there.
    out.extend(Issue(codes.YAML_IMPLICIT_CONVERSION, replace(c, fix=None)) for p, c in conversions.items() if p not in explained)
    return out


def _empty() -> Document:
    return Document(
        None, "yaml", [Issue(codes.EMPTY_DOCUMENT, Finding("", "the file holds no YAML document: expected a mapping"), Span(1, 1))]
    )


def _marked(code: str, message: str, exc: yaml.MarkedYAMLError, text: str, hint: str | None = None) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        span = Span(1, 1)
    elif mark.index >= len(text):  # libyaml reports the end of input one line past the last one
        span = LineIndex(text).span(len(text))
    else:
        span = Span(mark.line + 1, mark.column + 1)
    return Issue(code, Finding("", message, hint), span)


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str | None:
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    if "alias" in context or "anchor" in context or "undefined alias" in problem:
        return "a value that starts with * or & is an alias or an anchor in YAML: quote it if it is text ('*', '&Co')"
    if "\\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    return None


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what libyaml counts as a line break


def _unterminated_end(text: str) -> Span | None:
    """Where a text that does not end with a line break ends (1-based), else ``None``: nothing to clamp."""
    if not text or _LINE_BREAK.match(text[-1]):
        return None
    breaks = list(_LINE_BREAK.finditer(text))
    start = breaks[-1].end() if breaks else 0
    return Span(len(breaks) + 1, len(text) - start + 1)


def _mark_span(node: Node) -> Span:
    end = node.end_mark
    last = node
    # A block collection's end mark is where the next token starts (past blank lines and
    # comments); its content ends where its last descendant ends.
    while isinstance(last, MappingNode | SequenceNode) and not last.flow_style and last.value:
        last = last.value[-1][1] if isinstance(last, MappingNode) else last.value[-1]
        end = last.end_mark
    return Span(node.start_mark.line + 1, node.start_mark.column + 1, end.line + 1, end.column + 1)


def _clamped(span: Span, end: Span | None) -> Span:
    """``span`` ending at ``end`` at the latest (libyaml marks an empty node at the end of a text without a final line break on a line past it)."""
    if end is not None and (span.end_line or span.line) > end.line:
        return Span(*min((span.line, span.column), (end.line, end.column)), end.line, end.column)
    return span


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root: Node) -> tuple[int | None, int]:
    """Node count with aliases expanded (None if an alias is circular), and the count of nodes written; no expansion happens."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # the path from the root to the node being counted
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        kids = _children(node)
        if ready:
            open_nodes.discard(id(node))
            sizes[id(node)] = min(1 + sum(sizes[id(k)] for k in kids), MAX_EXPANDED_NODES + 1)
            continue
        if id(node) in sizes:
            continue
        if id(node) in open_nodes:
            return None, len(sizes)
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((k, False) for k in kids)
    return sizes[id(root)], len(sizes)


def _key_token(key_node: Node, key_names: dict[int, str]) -> str | None:
    """The key as stored in the data (``None`` for a collection key never constructed)."""
    name = key_names.get(id(key_node))
    if name is None and isinstance(key_node, ScalarNode):
        name = key_node.value
    return None if name is None else scrub(name)


def _node_pointers(root: Node, key_names: dict[int, str]) -> dict[int, str]:
    """id(node) → JSON pointer for every node the data holds (keys too), first path wins.

    A key given twice keeps only its last value, as the data does: nodes under the values it
    replaced are in no pointer's way (their findings would name what the data does not hold).
    """
    out: dict[int, str] = {}
    stack: list[tuple[Node, str]] = [(root, "")]
    while stack:
        node, ptr = stack.pop()
        if id(node) in out:
            continue
        out[id(node)] = ptr
        if isinstance(node, MappingNode):
            kept: dict[str, tuple[Node, str]] = {}
            for key_node, value_node in node.value:
                token = _key_token(key_node, key_names)
                child = pointer_join(ptr, "?" if token is None else token)
                out.setdefault(id(key_node), child)
                kept[child] = (value_node, child)  # the last occurrence wins
            stack.extend(kept.values())
        elif isinstance(node, SequenceNode):
            stack.extend((item, f"{ptr}/{i}") for i, item in enumerate(node.value))
    return out


class YamlLocator:
    """Pointer → node marks, walking only the path of each requested pointer."""

    def __init__(self, root: Node, key_names: dict[int, str], *, in_document_order: bool = False, end: Span | None = None) -> None:
        self._root = root
        self._key_names = key_names
        # The end of a text without a final line break: libyaml marks an empty node there on a line past it.
        self._end = end
        # Whether the data's order is the text's (see validator.engine.document_order).
        self.in_document_order = in_document_order
        # id(mapping node) → its members by key, built on first use (see _index).
        self._indexes: dict[int, dict[str | None, tuple[Node, Node]]] = {}

    def locate(self, requests: Collection[LocateRequest]) -> dict[LocateRequest, Span]:
        out: dict[LocateRequest, Span] = {}
        for pointer, target in requests:
            found = self._find(pointer)
            if found is not None:
                node, key_node = found
                out[(pointer, target)] = _clamped(_mark_span(key_node if target == "key" and key_node is not None else node), self._end)
        return out

    def _find(self, pointer: str) -> tuple[Node, Node | None] | None:
        node: Node = self._root
        key_node: Node | None = None
        if not pointer:
            return node, None
        for token in tokens(pointer):
            if isinstance(node, MappingNode):
                match = self._index(node).get(token)
                if match is None:
                    return None
                key_node, node = match
            elif isinstance(node, SequenceNode) and token.isascii() and token.isdigit() and int(token) < len(node.value):
                key_node, node = None, node.value[int(token)]
            else:
                return None
        return node, key_node

    def _index(self, mapping: MappingNode) -> dict[str | None, tuple[Node, Node]]:
        """Token → (key node, value node), the last occurrence winning as in the data.

        Built once per mapping: scanning the keys per pointer made thousands of findings in one
        mapping quadratic (2,000 unknown keys 1.5 s, 8,000 24 s), and an aliased mapping is one
        node, so its index serves every path that reaches it.
        """
        index = self._indexes.get(id(mapping))
        if index is None:
            index = {_key_token(k, self._key_names): (k, v) for k, v in mapping.value}
            self._indexes[id(mapping)] = index
        return index
