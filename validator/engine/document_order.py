"""Pointers in document order, read from the parsed data, so a bounded report locates only what it shows.

JSON objects and YAML mappings keep their keys in source order, so the order of a
pointer's tokens in the data (a list index, or the key's place in its object) is the
order of their positions in the text: a key before its value, a value before what it
holds, a member before the next one. That holds only where the data mirrors the text
one to one (no duplicate keys, YAML aliases or merge keys): readers say so with
``in_document_order`` on their locator, and everything is located otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from validator.document import LocateRequest
from validator.pointer import tokens

_WANT = ("want",)  # trie entry for the targets wanted at a pointer; no token (a str) can equal it
_VALUE = ("value",)  # trie entry for the data at the pointer
_MISSING = object()


class DocumentOrder:
    """The requests of a batch, split into those not found in the data and the others in document order."""

    def __init__(self, data: Any, requests: Collection[LocateRequest]) -> None:
        self.missing: list[LocateRequest] = []  # not in the data: located first (without a position, they sort first)
        self._trie: dict[Any, Any] = {_VALUE: data}
        for request in requests:  # 100,000 of them when every task has a finding: inlined, no setdefault({})
            node = self._trie
            value = data
            pointer = request[0]
            for token in (pointer[1:].split("/") if "~" not in pointer else tokens(pointer)) if pointer else ():
                child = node.get(token)
                if child is None:
                    kind = type(value)
                    if kind is dict:
                        value = value.get(token, _MISSING)
                    elif kind is list:
                        try:
                            index = int(token)
                        except ValueError:
                            index = -1
                        # str() rejects what int() also reads: "+1", "01", " 1", "1_0", other digits
                        value = value[index] if 0 <= index < len(value) and str(index) == token else _MISSING
                    else:
                        value = _MISSING
                    if value is _MISSING:
                        break
                    child = node[token] = {_VALUE: value}
                else:
                    value = child[_VALUE]
                node = child
            else:
                wants = node.get(_WANT)
                if wants is None:
                    node[_WANT] = [request]
                else:
                    wants.append(request)
                continue
            self.missing.append(request)

    def __iter__(self) -> Iterator[LocateRequest]:
        """Preorder over the wanted pointers: a key, its value, then what the value holds, members in source order."""
        stack: list[dict[Any, Any]] = [self._trie]
        while stack:
            node = stack.pop()
            wants = node.get(_WANT)
            if wants is not None:
                yield from (wants if len(wants) == 1 else sorted(wants, key=_key_first))
            members = [t for t in node if isinstance(t, str)]
            if not members:
                continue
            if len(members) > 1:
                value = node[_VALUE]
                if isinstance(value, list):
                    members.sort(key=int)
                else:
                    place = {key: index for index, key in enumerate(value)}
                    members.sort(key=place.__getitem__)
            stack.extend(node[t] for t in reversed(members))


def _key_first(request: LocateRequest) -> int:
    return 0 if request[1] == "key" else 1
