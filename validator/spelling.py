"""Suggestions for a misspelt word: a key, an enum value, a rule code, a call purpose.

Below every layer, so the configuration, the settings and the rules suggest alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def did_you_mean(word: str, choices: Iterable[Any]) -> str | None:
    """The closest choice, or ``None`` when none is close enough or the guess is ambiguous.

    In order: the same word in another case (``monday`` → ``Monday``); the one
    choice that the word abbreviates, as a prefix (``Mon``, ``thu``) or, from
    three letters on, by dropping letters (``Weds``); then difflib, ignoring case.
    """
    options = [c for c in choices if isinstance(c, str)]
    lowered = {c.lower(): c for c in options}
    folded = word.lower()
    if folded in lowered:
        return lowered[folded]
    if len(folded) >= 2:
        prefixed = [c for low, c in lowered.items() if low.startswith(folded)]
        if len(prefixed) == 1:
            return prefixed[0]
        if not prefixed and len(folded) >= 3:
            shortened = [c for low, c in lowered.items() if low[:1] == folded[:1] and _abbreviates(folded, low)]
            if len(shortened) == 1:
                return shortened[0]
    close = difflib.get_close_matches(folded, list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def _abbreviates(short: str, word: str) -> bool:
    """``weds`` abbreviates ``wednesday``: its letters appear in order."""
    rest = iter(word)
    return all(char in rest for char in short)
