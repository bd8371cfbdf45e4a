"""Contact lists' rows: ragged CSV rows, row numbers across multi-line cells, the chunk's readings for per-row consumers."""

from __future__ import annotations

import io

from tests.helpers import FIXED_NOW, one
from validator import validate_text
from validator.engine.csv import check_csv
from validator.openapi.load import load_spec
from validator.options import parse_now
from validator.settings import Settings


def test_ragged_rows_are_findings_not_errors_of_the_reader() -> None:
    report = validate_text(b"phone number,first_name\r\n+14045048120\r\n+14045048121,Ann,extra\r\n", "csv", now=FIXED_NOW)
    assert one(report, "RBV810").message == "row 2 has 1 of 2 cells: `first_name` is missing and sent empty"
    assert one(report, "RBV809").message.startswith("row 3 has 3 cells but the header has 2")


def test_rows_are_numbered_as_a_spreadsheet_shows_them_when_a_cell_spans_lines() -> None:
    data = b'phone number,note\r\n+14045048120,"two\r\nlines"\r\n555-0199,x\r\n'
    d = one(validate_text(data, "csv", now=FIXED_NOW), "RBV201")
    assert d.line == 4  # the file's line
    dup = validate_text(data + b"+14045048120,y\r\n", "csv", now=FIXED_NOW)
    assert one(dup, "RBV204").message.startswith("row 4 calls +14045048120 again: row 2")  # the sheet's rows


def test_each_chunk_hands_on_its_rows_readings_and_findings_before_grouping() -> None:
    seen: list[tuple[list[int], list[str | None], list[str]]] = []
    data = b"phone number\r\n(404) 504-8120\r\n+14045048121\r\n555-0199\r\n"
    check_csv(
        io.BytesIO(data),
        file="c.csv",
        spec=load_spec(),
        settings=Settings(now=parse_now(FIXED_NOW)),
        on_chunk=lambda chunk, found: seen.append(
            (chunk.row_numbers, [r.e164 if r else None for r in chunk.readings], [d.code for d in found])
        ),
    )
    assert seen == [([2, 3, 4], ["+14045048120", None, None], ["RBV201"])]
