"""A batch's tasks screened against the configured do-not-call lists, once per document.

What the RBV9xx rules report and what ``split`` leaves out come from here:

* a number on an **internal** (company) list must not be called, whatever the purpose and
  whatever the payload claims: a do-not-call request ends an established business
  relationship (47 CFR 64.1200(f)(5)(i)), and the TSR has no exception for it
  (16 CFR 310.4(b)(1)(iii)(A));
* a number on a **national** list (the FTC's registry, Canada's DNCL, a state's) must not
  get a telephone solicitation unless the task's metadata claims an exemption the law
  allows, under the key ``dnc-exemption-key`` names; calls for another purpose than
  solicitation are not checked against national lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from validator.context import Context, per_document
from validator.dnc.index import open_index
from validator.dnc.layout import DncIndexError, ListInfo
from validator.knowledge.phones import analyze
from validator.pointer import join

_BUSINESS = "an established business relationship (16 CFR 310.4(b)(1)(iii)(B)(ii); 47 CFR 64.1200(f)(5))"
_CONSENT = "the consumer's express agreement, in writing (16 CFR 310.4(b)(1)(iii)(B)(i); 47 CFR 64.1200(c)(2)(ii))"
#: The values a task's exemption key may hold, and what each claims.
EXEMPTIONS = {
    "established-business-relationship": _BUSINESS,
    "ebr": _BUSINESS,
    "express-consent": _CONSENT,
    "consent": _CONSENT,
}


@dataclass(frozen=True)
class Listed:
    """A task whose number is on at least one list, with the lists and what its metadata claims."""

    position: int  # in ``tasks``
    number: str  # E.164
    national: tuple[ListInfo, ...]
    internal: tuple[ListInfo, ...]
    claim: Any  # the exemption key's value, when the task's metadata has the key; else None
    claim_pointer: str | None

    @property
    def pointer(self) -> str:
        return f"/tasks/{self.position}/to_number"

    @property
    def exemption(self) -> str | None:
        """What a recognised claim exempts the task by; None when there is no claim or it is not one the law allows."""
        return EXEMPTIONS.get(self.claim.strip().lower()) if isinstance(self.claim, str) else None


@dataclass(frozen=True)
class Screening:
    """The lists consulted, those that could not be, and every listed task."""

    lists: tuple[ListInfo, ...]
    unusable: tuple[tuple[Path, str], ...]  # (path, why) of each list that could not be read or was damaged
    listed: tuple[Listed, ...]
    solicitation: bool
    exemption_key: str | None

    def barred(self) -> list[Listed]:
        """The tasks that must not be called: on an internal list, or on a national one for a solicitation without an exemption."""
        return [t for t in self.listed if t.internal or (self.solicitation and t.national and t.exemption is None)]

    def national(self) -> list[ListInfo]:
        return [info for info in self.lists if info.kind == "national"]


def named(lists: tuple[ListInfo, ...]) -> str:
    """``FTC (as of 2026-05-20) and Texas (as of 2026-05-01)``."""
    labels = [info.label for info in lists]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


@per_document
def screen(ctx: Context) -> Screening:
    settings = ctx.settings
    solicitation = settings.call_purpose == "solicitation"
    if not settings.dnc:
        return Screening((), (), (), solicitation, settings.dnc_exemption_key)
    import numpy as np  # here, not at the top: see validator.dnc.index

    found_tasks = ctx.document.get("tasks")
    tasks: list[Any] = found_tasks if isinstance(found_tasks, list) else []
    positions: list[int] = []
    numbers: list[str] = []
    for position, task in enumerate(tasks):
        value = task.get("to_number") if isinstance(task, dict) else None
        if isinstance(value, str):
            info = analyze(value)
            if info.valid and info.e164 is not None:
                positions.append(position)
                numbers.append(info.e164)
    keys = np.array([int(number[1:]) for number in numbers], dtype=np.uint64)
    lists: list[ListInfo] = []
    unusable: list[tuple[Path, str]] = []
    hits: dict[int, tuple[list[ListInfo], list[ListInfo]]] = {}  # row → (national lists, internal lists) holding its number
    for path in dict.fromkeys(settings.dnc):  # a list named twice (configuration and --dnc) is consulted once
        try:
            index = open_index(path)
            national = index.info.kind == "national"
            if national and not solicitation:
                lists.append(index.info)
                continue
            found = np.flatnonzero(index.contains(keys))
        except DncIndexError as exc:
            unusable.append((path, str(exc)))
            continue
        lists.append(index.info)
        for row in found.tolist():
            hits.setdefault(row, ([], []))[0 if national else 1].append(index.info)
    key = settings.dnc_exemption_key
    listed = tuple(_listed(tasks[positions[row]], positions[row], numbers[row], *found_in, key) for row, found_in in sorted(hits.items()))
    return Screening(tuple(lists), tuple(unusable), listed, solicitation, key)


def _listed(
    task: dict[str, Any], position: int, number: str, national: list[ListInfo], internal: list[ListInfo], key: str | None
) -> Listed:
    metadata = task.get("metadata")
    if key is None or not isinstance(metadata, dict) or key not in metadata:
        return Listed(position, number, tuple(national), tuple(internal), None, None)
    return Listed(position, number, tuple(national), tuple(internal), metadata[key], join(f"/tasks/{position}/metadata", key))
