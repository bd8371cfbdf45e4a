"""Tests of the CSV rules (RBV8xx): contact lists as spreadsheets write them.

Inline lists are byte strings spelled out by hand (CRLF, BOM, separators as the tools
write them); the larger cases are the exports in fixtures/csv/.
"""

from __future__ import annotations

from tests.helpers import FIXED_NOW, ROOT
from validator import Report, validate_text

HEADER = b"phone number,first_name\r\n"


def fixture(name: str) -> bytes:
    """An export under fixtures/csv/, as bytes for a case."""
    return (ROOT / "fixtures" / "csv" / name).read_bytes()


def csv(data: bytes) -> Report:
    return validate_text(data, "csv", file="contacts.csv", now=FIXED_NOW)
