"""CSV rows go through the same engine as JSON tasks: batch options, chunking, positions."""

from __future__ import annotations

import io

from tests.helpers import FIXED_NOW, one, only
from validator import Report, Settings, load_spec
from validator.engine.csv import CsvOptions, check_csv
from validator.readers.csv.contacts import ContactList, read_contacts

ROWS = b"phone number,first_name\r\n+12137774445,Ann\r\n+13105551234,Bob\r\n+14155550123,Cy\r\n+12137774445,Dee\r\n1.2E+10,Eve\r\n"


def run(data: bytes, *, chunk_rows: int = 20_000, **batch: object) -> Report:
    from validator.settings import parse_now

    settings = Settings(now=parse_now(FIXED_NOW))
    options = CsvOptions(batch=batch)
    return check_csv(io.BytesIO(data), file="c.csv", spec=load_spec(), settings=settings, options=options, chunk_rows=chunk_rows)


def test_a_csv_without_batch_options_is_not_missing_its_batch_fields() -> None:
    report = run(b"phone number\r\n+12137774445\r\n")
    assert report.diagnostics == ()  # no RBV101 for from_number, no "no calling window"


def test_batch_options_are_checked_with_the_rows() -> None:
    report = run(ROWS, from_number="+13105551234")
    d = one(report, "RBV205")  # the batch calls its own from_number
    assert (d.line, d.pointer) == (3, "/tasks/1/to_number")


def test_chunks_give_file_pointers_lines_and_task_numbers() -> None:
    rows = ROWS.replace(b"+12137774445,Dee", b"+12125550147,Dee")  # no duplicate: chunks see no cross-chunk pairs
    whole, chunked = run(rows), run(rows, chunk_rows=2)
    assert [(d.code, d.line, d.pointer) for d in chunked.diagnostics] == [(d.code, d.line, d.pointer) for d in whole.diagnostics]
    assert (one(chunked, "RBV812").line, one(chunked, "RBV812").pointer) == (6, "/tasks/4/to_number")


def test_rules_across_tasks_see_the_rows_of_one_chunk() -> None:
    assert one(run(ROWS, chunk_rows=4), "RBV204").pointer == "/tasks/3/to_number"  # rows 0 and 3 share a chunk
    assert only(run(ROWS, chunk_rows=2), "RBV204") == []  # the documented limit: CHUNK_ROWS rows at a time


def test_a_batch_field_finding_is_reported_once_not_once_per_chunk() -> None:
    report = run(ROWS, chunk_rows=1, from_number="123")
    assert [d.pointer for d in only(report, "RBV201")] == ["/from_number"]
    assert one(report, "RBV201").line is None  # it came from an option, not the file


def test_task_numbers_in_messages_are_shifted_per_chunk() -> None:
    rows = b"phone number\r\n+12137774445\r\n+13105551234\r\n+14155550123\r\n+14155550123\r\n"
    d = one(run(rows, chunk_rows=2), "RBV204")
    assert d.pointer == "/tasks/3/to_number" and d.message.startswith("row 5 calls") and "row 4 already" in d.message


def test_locator_maps_variable_keys_to_the_header_cell() -> None:
    contacts = read_contacts(io.BytesIO(b"phone number,first_name\r\n+12137774445,Ann\r\n"))
    assert isinstance(contacts, ContactList)
    chunk = next(contacts.chunks(10))
    variable = "/tasks/0/retell_llm_dynamic_variables/first_name"
    spans = contacts.locator(chunk).locate([(variable, "key"), (variable, "value"), ("/tasks/0", "value")])
    key, value, row = spans[(variable, "key")], spans[(variable, "value")], spans[("/tasks/0", "value")]
    assert (key.line, key.column) == (1, 14)
    assert (value.line, value.column) == (2, 14)
    assert (row.line, row.column, row.end_column) == (2, 1, 17)


def test_messages_name_rows_in_the_files_numbering_in_every_chunk() -> None:
    """A rule sees one chunk, but its message names the row of the sheet (no rewriting of its text afterwards)."""
    rows = ROWS.replace(b"+12137774445,Dee", b"+12125550147,Dee")  # rows 0 and 3 no longer repeat
    rows += b"+14157774444,Fay\r\n+12125550199,Gus\r\n+12125550199,Hal\r\n"  # row 5: the batch's own number; 6 and 7 repeat
    whole, chunked = run(rows, from_number="+14157774444"), run(rows, chunk_rows=2, from_number="+14157774444")
    own = one(chunked, "RBV205")
    assert (own.pointer, own.message) == ("/tasks/5/to_number", "row 7 calls +14157774444, the batch's own from_number")
    again = one(chunked, "RBV204")  # rows 6 and 7 share the chunk that starts at task 6
    assert again.pointer == "/tasks/7/to_number"
    assert again.message == "row 9 calls +12125550199 again: row 8 already calls it, so the number would be called twice"
    assert again.hint == "remove this task or merge it into row 8"
    for code in ("RBV204", "RBV205"):
        assert [(d.pointer, d.message, d.hint) for d in only(chunked, code)] == [(d.pointer, d.message, d.hint) for d in only(whole, code)]
