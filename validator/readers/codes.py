"""What readers raise: the codes, and the issues more than one reader builds.

Each code is documented by a rule module of kind ``RAISED`` (``rules/input/``,
``rules/csv/``); readers sit below the rules and
name codes only through this module (a test checks that both agree).
"""

from __future__ import annotations

import math
from typing import Any

from validator.diagnostics import Finding
from validator.document import Issue, Span
from validator.json_values import type_name

SYNTAX_ERROR = "RBV001"
DUPLICATE_KEY = "RBV002"
NON_FINITE_NUMBER = "RBV003"
BYTE_ORDER_MARK = "RBV004"
EMPTY_DOCUMENT = "RBV005"
ROOT_NOT_OBJECT = "RBV006"
ENCODING_ERROR = "RBV007"
YAML_UNQUOTED_SCALAR = "RBV008"
YAML_IMPLICIT_CONVERSION = "RBV009"
YAML_UNSUPPORTED_TAG = "RBV010"
MULTIPLE_DOCUMENTS = "RBV011"
TOO_COMPLEX = "RBV012"
NON_STRING_KEY = "RBV013"
PAYLOAD_TOO_LARGE = "RBV014"
NOT_JSON_VALUE = "RBV015"
DUPLICATE_KEY_CONFLICT = "RBV016"
YAML_COMMENT_IN_VALUE = "RBV017"
YAML_ANCHOR_IN_VALUE = "RBV018"
CSV_ENCODING = "RBV801"
CSV_UNCLOSED_QUOTE = "RBV802"
CSV_NO_PHONE_COLUMN = "RBV803"
CSV_DUPLICATE_HEADER = "RBV804"
CSV_UNNAMED_COLUMN = "RBV805"
CSV_INVALID_VARIABLE_NAME = "RBV806"
CSV_MISSPELLED_OPTION_COLUMN = "RBV807"
CSV_EMPTY_ROW = "RBV808"
CSV_EXTRA_CELLS = "RBV809"
CSV_MISSING_CELLS = "RBV810"
CSV_BLANK_VARIABLE = "RBV811"
CSV_SCIENTIFIC_NOTATION = "RBV812"
CSV_MISSING_PLUS = "RBV813"
CSV_TRAILING_DECIMAL = "RBV814"
CSV_LEADING_APOSTROPHE = "RBV815"
CSV_STRAY_WHITESPACE = "RBV816"
CSV_FORMULA_CELL = "RBV817"
CSV_INVALID_BOOLEAN = "RBV818"
CSV_PHONE_NOT_E164 = "RBV819"
SHEET_NUMBER_CELL = "RBV820"
SHEET_UNREADABLE = "RBV821"


def root_not_object(data: Any) -> Issue:
    hint = 'wrap the tasks: {"from_number": "+1...", "tasks": [...]}' if isinstance(data, list) else None
    return Issue(ROOT_NOT_OBJECT, Finding("", f"the payload must be an object, found {type_name(data)}", hint))


def non_finite_number(pointer: str, value: float) -> Issue:
    what = "NaN" if math.isnan(value) else "an infinite number (overflow or Infinity literal)"
    return Issue(NON_FINITE_NUMBER, Finding(pointer, f"{what} is not valid JSON", "use a finite number, or remove the field"))


def payload_too_large(size: int | None, limit: int) -> Issue:
    found = f"is {size:,} bytes" if size is not None else "is larger than that"
    return Issue(
        PAYLOAD_TOO_LARGE,
        Finding(
            "",
            f"the input {found}, over the {limit:,}-byte limit; it was not checked",
            "split the batch into smaller files, or raise the limit with --max-bytes",
        ),
        Span(1, 1),
    )


def duplicate_key(pointer: str, key: str, differs: bool) -> Issue:
    """A key given twice: an error when the values differ (the API keeps the last, silently), else a warning."""
    if differs:
        finding = Finding(
            pointer,
            f"duplicate key {key!r} with a different value: only the last occurrence takes effect",
            "keep the value you mean and remove the other occurrence",
            "key",
        )
        return Issue(DUPLICATE_KEY_CONFLICT, finding)
    finding = Finding(
        pointer, f"duplicate key {key!r}: only the last occurrence takes effect", "remove or rename the earlier occurrence", "key"
    )
    return Issue(DUPLICATE_KEY, finding)
