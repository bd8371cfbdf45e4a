"""What spreadsheets do to a phone number cell, and what the number was before.

``phone_damage`` undoes the damage step by step (apostrophe, invisible
spaces, ``.0``, a lost ``+``) and reports each step that was needed, every
hint giving the fully repaired number. Scientific notation cannot be undone:
the digits are gone.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from validator.knowledge.phones import analyze
from validator.readers import codes

# Excel's General format for numbers of 12+ digits: one digit, up to 5 decimals, E+exponent.
_SCIENTIFIC = re.compile(r"^[+-]?\d(?:[.,]\d+)?E\+?\d{1,3}$", re.IGNORECASE)
_TRAILING_DECIMAL = re.compile(r"^(\+?\d+)[.,]0+$")
_DIGITS = re.compile(r"^\d{8,15}$")
_NANP_NATIONAL = re.compile(r"^[2-9]\d{2}[2-9]\d{6}$")  # a US number without +1, not a lost +
# Spaces that look like nothing in a spreadsheet but are not ASCII spaces.
_INVISIBLE = re.compile("[\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
# A cell a spreadsheet reads as a formula; plain negative numbers stay numbers.
_FORMULA_START = ("=", "@", "+", "-")
_NEGATIVE_NUMBER = re.compile(r"^-\d+(?:[.,]\d+)?$")

Damage = tuple[str, str, str]  # code, message, hint


def phone_damage(cell: str, *, relaxed: bool = False) -> list[Damage]:
    """Each spreadsheet artefact in a phone cell, in the order they are undone.

    ``relaxed`` rows (``ignore e164 validation``) may hold pseudo numbers: digits without ``+`` are not damage there.
    """
    found: list[tuple[str, str, str]] = []  # code, message, how to keep it from coming back
    value = cell
    stripped = _INVISIBLE.sub("", value).strip()
    if stripped != value:
        found.append((codes.CSV_STRAY_WHITESPACE, _whitespace_message(value), ""))
        value = stripped
    if value.startswith("'"):
        found.append((codes.CSV_LEADING_APOSTROPHE, "the number starts with an apostrophe (a spreadsheet's text marker)", ""))
        value = value[1:].strip()
    if _SCIENTIFIC.match(value):
        return [_scientific(value)]  # the digits must be taken again: nothing else to repair
    decimal = _TRAILING_DECIMAL.match(value)
    if decimal:
        message = f"the number ends in {value[len(decimal.group(1)) :]!r}, the decimal part of a number read as a float"
        found.append((codes.CSV_TRAILING_DECIMAL, message, "; export the column as text, not as numbers"))
        value = decimal.group(1)
    if not relaxed and _lost_plus(value):
        message = "the number has no leading + (a spreadsheet reads +… as a positive number and drops it)"
        found.append((codes.CSV_MISSING_PLUS, message, "; format the column as Text in the spreadsheet so the + stays"))
        value = "+" + value
    if not found:
        return []
    repaired = _repaired(value)
    return [(code, f"{message}: {cell!r}", f"write it as {repaired}{advice}") for code, message, advice in found]


def _repaired(value: str) -> str:
    """The repaired number, and why it still fails when it does."""
    info = analyze(value)
    return f"{value} (even then it is not valid: {info.problem})" if info.is_e164 and not info.valid else value


def _whitespace_message(cell: str) -> str:
    invisible = sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(cell)})
    if invisible:
        return f"the number contains invisible characters ({', '.join(invisible)})"
    return "the number has spaces around it"


def _scientific(value: str) -> Damage:
    try:
        meant = f"{int(Decimal(value.replace(',', '.'))):d}"
    except (InvalidOperation, ValueError, OverflowError):
        meant = "a rounded number"
    message = f"the number is in scientific notation: {value!r} means {meant}, the last digits are lost"
    hint = "take the number again from its source; in the spreadsheet format the column as Text before pasting, then export"
    return codes.CSV_SCIENTIFIC_NOTATION, message, hint


def _lost_plus(value: str) -> bool:
    """Digits only, and a valid number once ``+`` is put back (10-digit US numbers lack +1, not +: RBV201)."""
    return bool(_DIGITS.match(value)) and not _NANP_NATIONAL.match(value) and analyze("+" + value).valid


def formula_like(cell: str) -> bool:
    """True when a spreadsheet opening the CSV would read the cell as a formula."""
    return cell.startswith(_FORMULA_START) and not _NEGATIVE_NUMBER.match(cell)


def is_true(cell: str) -> bool | None:
    """``true``/``false`` in any case (Excel writes TRUE); None for anything else."""
    lowered = cell.strip().lower()
    return True if lowered == "true" else False if lowered in ("false", "") else None
