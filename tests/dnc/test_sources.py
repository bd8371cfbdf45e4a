"""The readers of registry downloads and opt-out lists: every format, every kind of bad line, and files that cannot be used."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from validator.dnc import sources
from validator.dnc.sources import SourceError, SourceReport, parse_line, read_source

NANP = 10**10


def read(path: Path) -> tuple[list[SourceReport], list[int], list[bool]]:
    keys: list[int] = []
    adds: list[bool] = []

    def emit(k: np.ndarray, a: np.ndarray) -> None:
        keys.extend(int(x) for x in k)
        adds.extend(bool(x) for x in a)

    return read_source(path, emit), keys, adds


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_a_full_list_in_every_shape_the_registries_use(tmp_path: Path) -> None:
    text = "201,2345678\r\n2012345679\n12012345680\n+12125550199\n\n   \n416,2345670\n"
    (report,), keys, adds = read(write(tmp_path, "full.txt", "\ufeff" + text))
    assert keys == [NANP + 2012345678, NANP + 2012345679, NANP + 2012345680, NANP + 2125550199, NANP + 4162345670]
    assert all(adds)
    assert (report.format, report.lines, report.added, report.unreadable) == ("flat", 5, 5, 0)  # blank lines are not lines of data


def test_unreadable_lines_are_counted_with_their_line_numbers(tmp_path: Path) -> None:
    lines = ["201,2345678", "junk", "201,234567", "20123456789", "101,2345678", "201,1345678", "201,2345678,extra", "201,2345679"]
    (report,), keys, _ = read(write(tmp_path, "full.txt", "\n".join(lines) + "\n"))
    assert keys == [NANP + 2012345678, NANP + 2012345679]
    assert (report.lines, report.added, report.unreadable) == (8, 2, 6)
    assert report.unreadable_lines == [2, 3, 4, 5, 6]  # the first five; the sixth is counted


def test_lines_are_numbered_across_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "BLOCK", 16)  # a block ends inside a line
    (report,), keys, _ = read(write(tmp_path, "full.txt", "201,2345678\n201,2345679\nbad\n201,2345680"))  # no final newline
    assert keys == [NANP + 2012345678, NANP + 2012345679, NANP + 2012345680]
    assert (report.lines, report.unreadable_lines) == (4, [3])


def test_a_change_list_adds_and_deletes_in_order(tmp_path: Path) -> None:
    text = "201,2345678,A,2026-05-01\n201,2345679,D,2026-05-01\n2012345680,delete\nADD,+12125550199\n201,2345681,X\n201,2345682,A,D\n"
    (report,), keys, adds = read(write(tmp_path, "changes.txt", text))
    assert list(zip(keys, adds, strict=True)) == [
        (NANP + 2012345678, True),
        (NANP + 2012345679, False),
        (NANP + 2012345680, False),
        (NANP + 2125550199, True),
    ]
    assert (report.added, report.deleted, report.unreadable_lines) == (2, 2, [5, 6])  # no action, two actions


@pytest.mark.parametrize(
    ("line", "expected"),
    [(b"201,2345678", (NANP + 2012345678, True)), (b" 201 , 2345678 ", (NANP + 2012345678, True)), (b"", sources.BLANK), (b"2,2", None)],
)
def test_one_line(line: bytes, expected: object) -> None:
    assert parse_line(line) == expected


DNCL_SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<list type='full' level='all' val='' /> <ac val='416'>
<ph val='2345670' /> <ph val='2345671' /> <ph val='23456' />
</ac>
<ac val='905'>
<ph val='2345670' />
</ac>
"""


def test_the_dncl_xml_layout_as_published(tmp_path: Path) -> None:
    (report,), keys, _ = read(write(tmp_path, "dncl.xml", DNCL_SAMPLE))  # <list …/> closed before its <ac>: read all the same
    assert keys == [NANP + 4162345670, NANP + 4162345671, NANP + 9052345670]
    assert (report.format, report.lines, report.unreadable_lines) == ("xml", 4, [3])


def test_xml_nested_in_its_list(tmp_path: Path) -> None:
    (_,), keys, _ = read(write(tmp_path, "ac.xml", "<list type='full' level='ac' val='416'><ac val='416'><ph val='2345670'/></ac></list>"))
    assert keys == [NANP + 4162345670]


def test_an_xml_change_list_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="only full lists are read in XML"):
        read(write(tmp_path, "change.xml", "<list type='change'><ac val='416'><ph val='1234567'/></ac></list>"))


def test_malformed_xml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"not well-formed XML.*line 2"):
        read(write(tmp_path, "bad.xml", "<list type='full'>\n<ac val='416'><ph val='1234567'></ac></list>"))


def test_an_opt_out_csv_reads_its_phone_column_as_check_does(tmp_path: Path) -> None:
    text = "Name;Phone Number;Note\nAnn;(201) 234-5678;x\nBob;not a number;\n;;\nCy;+44 20 7183 8750;\nDi\n"
    (report,), keys, _ = read(write(tmp_path, "optout.csv", text))
    assert keys == [NANP + 2012345678, 442071838750]
    assert (report.format, report.lines, report.unreadable_lines) == ("csv", 4, [3, 6])  # an empty row is passed over


def test_a_table_without_a_phone_column_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "people.xlsx", xlsx([["Name", "Email"], ["Ann", "ann@example.com"]]))
    with pytest.raises(SourceError, match="no phone column"):
        read(path)


def xlsx(rows: list[list[object]]) -> bytes:
    """A minimal workbook: shared strings for text, numbers as numerals, like Excel writes them."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        xml = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if isinstance(value, str):
                strings.append(value)
                xml.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            else:
                xml.append(f'<c r="{ref}"><v>{value}</v></c>')
        cells.append(f'<row r="{r}">{"".join(xml)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Opt-outs" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="worksheet" Target="worksheets/data.xml"/></Relationships>',
        )
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}">{"".join(f"<si><t>{s}</t></si>" for s in strings)}</sst>')
        archive.writestr("xl/worksheets/data.xml", f'<worksheet xmlns="{main}"><sheetData>{"".join(cells)}</sheetData></worksheet>')
    return buffer.getvalue()


def test_an_opt_out_workbook(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Customer", "Mobile"],
        ["Ann", 2012345678],
        ["Bob", 2.012345679e9],
        ["Cy", "call me"],
        ["Di", "+1 212 555 0199"],
    ]
    (report,), keys, _ = read(write(tmp_path, "optout.xlsx", xlsx(rows)))
    assert keys == [NANP + 2012345678, NANP + 2012345679, NANP + 2125550199]
    assert (report.format, report.lines, report.unreadable_lines) == ("xlsx", 4, [4])


def test_a_zip_archive_as_the_registries_serve_it(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("201.txt", "201,2345678\n")
        archive.writestr("dncl.xml", DNCL_SAMPLE)
    reports, keys, _ = read(write(tmp_path, "download.zip", buffer.getvalue()))
    assert [r.name for r in reports] == ["download.zip:201.txt", "download.zip:dncl.xml"]
    assert len(keys) == 4


def test_a_file_with_no_number_at_all_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="none of its 2 lines holds a phone number"):
        read(write(tmp_path, "notes.txt", "hello\nworld\n"))


def test_an_empty_file_is_an_empty_list(tmp_path: Path) -> None:
    (report,), keys, _ = read(write(tmp_path, "changes.txt", ""))
    assert (keys, report.lines) == ([], 0)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00" * 70_000, "longer than"),
        ("broken.zip", b"PK\x03\x04" + b"\x00" * 100, "cannot read the archive"),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read(write(tmp_path, name, content))


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"missing\.txt: cannot read"):
        read(tmp_path / "missing.txt")
