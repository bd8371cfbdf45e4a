"""What spreadsheets do to a phone number cell, and which finding names it.

Every phone cell is read by :func:`validator.knowledge.phones.normalize`; here a
reading becomes the one problem a row is counted under (:func:`phone_problem`),
so that a list written one way gets one finding for all its rows, the way
:class:`validator.readers.csv.contacts.ContactList` groups them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from validator.knowledge.phones import Artifact, Problem, Reading, Spelling
from validator.readers import codes

# A cell a spreadsheet reads as a formula; plain negative numbers stay numbers.
_FORMULA_START = ("=", "@", "+", "-")
_NEGATIVE_NUMBER = re.compile(r"^-\d+(?:[.,]\d+)?$")


@dataclass(frozen=True, slots=True)
class CellProblem:
    """The problem one phone cell is counted under: a code, and the words for one row and for many.

    ``repairable``: the cell stands for a valid number (``--fix`` writes it; the task holds it);
    ``safe``: that reading is certain enough to write without ``--unsafe-fixes``.
    """

    code: str
    one: str  # "writes its number nationally"
    many: str  # "write numbers nationally"
    repairable: bool
    safe: bool
    advice: str = ""  # how to keep it from coming back
    national: bool = False  # read in the list's region: the finding says which


_EXPORT_AS_TEXT = "format the column as Text in the spreadsheet before exporting"
_NUMBER_CELL = CellProblem(
    codes.SHEET_NUMBER_CELL,
    "holds its number as a number, not text (the + and any leading 0 are gone)",
    "hold numbers as numbers, not text (the + and any leading 0 are gone)",
    True,
    True,
    "format the column as Text so Excel keeps the +",
)
_NUMBER_CELL_GUESS = CellProblem(
    codes.SHEET_NUMBER_CELL,
    "holds its number as a number, not text, and reads as a number only if a lost + stood before it",
    "hold numbers as numbers, not text, and read as numbers only if a lost + stood before them",
    True,
    False,
    _NUMBER_CELL.advice,
)
_NUMBER_CELL_LOST = CellProblem(
    codes.SHEET_NUMBER_CELL,
    "holds its number as a number, not text, and it is not a phone number any more",
    "hold numbers as numbers, not text, and are not phone numbers any more",
    False,
    False,
    "take the numbers again from their source into a column formatted as Text",
)
_SCIENTIFIC = CellProblem(
    codes.CSV_SCIENTIFIC_NOTATION,
    "is in scientific notation: its last digits are lost",
    "are in scientific notation: their last digits are lost",
    False,
    False,
    "take the numbers again from their source; format the column as Text before pasting, then export",
)
_NEEDS_REGION = CellProblem(
    codes.CSV_PHONE_NOT_E164,
    "writes its number nationally, and no region says which country it is in",
    "write numbers nationally, and no region says which country they are in",
    False,
    False,
    national=True,
)
_TRAILING_DECIMAL = CellProblem(
    codes.CSV_TRAILING_DECIMAL,
    "ends in .0: the column was read as numbers",
    "end in .0: the column was read as numbers",
    True,
    True,
    "export the column as text, not as numbers",
)
_APOSTROPHE = CellProblem(
    codes.CSV_LEADING_APOSTROPHE,
    "starts with an apostrophe (a spreadsheet's text marker)",
    "start with an apostrophe (a spreadsheet's text marker)",
    True,
    True,
)
_MISSING_PLUS = CellProblem(
    codes.CSV_MISSING_PLUS,
    "has no leading + (a spreadsheet read it as a number and dropped it)",
    "have no leading + (a spreadsheet read them as numbers and dropped it)",
    True,
    True,
    _EXPORT_AS_TEXT.replace("before exporting", "so the + stays"),
)
_MISSING_PLUS_GUESS = CellProblem(
    codes.CSV_MISSING_PLUS,
    "has no leading +, and reads as a number only if a lost + stood before it",
    "have no leading +, and read as numbers only if a lost + stood before them",
    True,
    False,
    _MISSING_PLUS.advice,
)
_NATIONAL = CellProblem(codes.CSV_PHONE_NOT_E164, "writes its number nationally", "write numbers nationally", True, True, national=True)
_PUNCTUATION = CellProblem(
    codes.CSV_PHONE_NOT_E164, "writes its number with spaces or punctuation", "write numbers with spaces or punctuation", True, True
)
_EXTENSION = CellProblem(
    codes.CSV_PHONE_NOT_E164,
    "has an extension, which a batch call cannot dial (writing the number drops it)",
    "have an extension, which a batch call cannot dial (writing the numbers drops it)",
    True,
    False,
)
_WHITESPACE = CellProblem(
    codes.CSV_STRAY_WHITESPACE,
    "has spaces around it, or invisible characters (NBSP, zero-width) in it",
    "have spaces around them, or invisible characters (NBSP, zero-width) in them",
    True,
    True,
)


#: The codes a phone cell is counted under: one finding per kind for the whole list, never one per row.
PHONE_CELL_CODES = frozenset(
    problem.code
    for problem in (_NUMBER_CELL, _SCIENTIFIC, _NEEDS_REGION, _TRAILING_DECIMAL, _APOSTROPHE, _MISSING_PLUS, _NATIONAL, _WHITESPACE)
)


def phone_problem(reading: Reading, *, number_cell: bool = False) -> CellProblem | None:
    """What a phone cell is counted under; ``None`` for E.164 as it should be, and for numbers
    that cannot be read for another reason (the phone rules say why, row by row).

    ``number_cell``: a workbook cell typed as a number (its text is the number's digits).
    """
    if number_cell:
        if reading.e164 is None:
            return _NUMBER_CELL_LOST
        return _NUMBER_CELL if reading.certain else _NUMBER_CELL_GUESS
    if reading.problem is Problem.EXCEL_DAMAGE:
        return _SCIENTIFIC
    if reading.problem is Problem.NEEDS_REGION:
        return _NEEDS_REGION
    if reading.e164 is None:
        return None
    if reading.extension is not None:
        return _EXTENSION
    if Artifact.DECIMAL in reading.artifacts:
        return _TRAILING_DECIMAL
    if Artifact.APOSTROPHE in reading.artifacts:
        return _APOSTROPHE
    if reading.spelling is Spelling.NO_PLUS:
        return _MISSING_PLUS if reading.certain else _MISSING_PLUS_GUESS
    if reading.spelling is Spelling.NATIONAL:
        return _NATIONAL
    if reading.spelling is Spelling.INTERNATIONAL:
        return _PUNCTUATION
    if Artifact.WHITESPACE in reading.artifacts:
        return _WHITESPACE
    return None


def formula_like(cell: str) -> bool:
    """True when a spreadsheet opening the CSV would read the cell as a formula."""
    return cell.startswith(_FORMULA_START) and not _NEGATIVE_NUMBER.match(cell)


def is_true(cell: str) -> bool | None:
    """``true``/``false`` in any case (Excel writes TRUE); None for anything else."""
    lowered = cell.strip().lower()
    return True if lowered == "true" else False if lowered in ("false", "") else None
