"""``check --fix`` on contact lists: each recoverable phone cell rewritten to E.164 in place, every other byte kept."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from tests.sheets import cells, workbook
from validator.cli.main import main

# What people type, and what it is in E.164 (read in the US: the default region).
TYPED = [
    ("(404) 504-8120", "+14045048120"),
    ("404.504.8121", "+14045048121"),
    ("1-404-504-8122", "+14045048122"),
    ("404 504 8123", "+14045048123"),
    ("+1 (404) 504-8124", "+14045048124"),
    ("4045048125", "+14045048125"),
    ("001 404 504 8126", "+14045048126"),
    ("14045048127", "+14045048127"),
    ("'+14045048128", "+14045048128"),
    ("+14045048129.0", "+14045048129"),
]
EXTENSIONS = [("(404) 504-8130 x123", "+14045048130"), ("404-504-8131 ext. 45", "+14045048131")]
LEFT_ALONE = ["4.04505E+09", "call me after 5", "555-0199", "21255512"]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args])


def contact_list(rows: list[str], *, newline: str = "\r\n", delimiter: str = ",", quote: bool = False) -> str:
    cell = (lambda text: f'"{text}"') if quote else (lambda text: text)
    lines = [f"phone number{delimiter}first_name{delimiter}note"]
    lines += [f"{cell(phone)}{delimiter}Ann {n}{delimiter}{cell('Lee' + delimiter + ' Jr')}" for n, phone in enumerate(rows)]
    return newline.join(lines) + newline


def expected(rows: list[str], fixed: dict[str, str], **dialect: Any) -> str:
    return contact_list([fixed.get(phone, phone) for phone in rows], **dialect)


@pytest.mark.parametrize(
    ("encoding", "newline", "delimiter", "quote"),
    [
        ("utf-8", "\r\n", ",", False),
        ("utf-8", "\n", ";", True),
        ("utf-8-sig", "\r\n", ",", True),
        ("cp1252", "\r\n", ";", False),
        ("utf-16", "\r\n", "\t", False),
        ("utf-16-be", "\n", ",", True),
    ],
    ids=["crlf", "semicolon-quoted", "bom", "cp1252", "utf16-tab", "utf16be-quoted"],
)
def test_each_typed_format_is_rewritten_and_nothing_else(tmp_path: Path, encoding: str, newline: str, delimiter: str, quote: bool) -> None:
    rows = [phone for phone, _ in TYPED] + ["+14045048199", *LEFT_ALONE]
    dialect: dict[str, Any] = {"newline": newline, "delimiter": delimiter, "quote": quote}
    text = contact_list(rows, **dialect)
    if encoding == "cp1252":
        text = text.replace("Ann 0", "José")
    path = tmp_path / "contacts.csv"
    path.write_bytes(text.encode(encoding))
    before = path.read_bytes()
    assert f"{len(TYPED)} fixable with --fix" in run(path.as_posix()).stderr
    result = run("--fix", path.as_posix())
    assert f"Fixed {len(TYPED)} issue(s) in 1 file(s)." in result.stderr
    after = path.read_bytes()
    want = expected(rows, dict(TYPED), **dialect)
    if encoding == "cp1252":
        want = want.replace("Ann 0", "José")
    assert after == want.encode(encoding)
    # Unchanged rows are byte-identical: the same lines, in the file's own bytes.
    old_lines, new_lines = before.split(b"\n"), after.split(b"\n")
    assert len(old_lines) == len(new_lines)
    for phone, old, new in zip(["header", *rows, ""], old_lines, new_lines, strict=True):
        assert (old == new) == (phone not in dict(TYPED)), phone
    assert run("--fix", path.as_posix()).stderr.endswith("Nothing to fix.\n")  # fixing twice changes nothing


def test_unrecoverable_cells_are_left_alone_and_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(contact_list(LEFT_ALONE), encoding="utf-8")
    before = path.read_bytes()
    result = run("--fix", "--unsafe-fixes", path.as_posix())
    assert path.read_bytes() == before and result.exit_code == 1
    assert {"RBV812", "RBV201"} <= {line.split()[1] for line in result.stdout.splitlines() if ": RBV" in line}
    assert result.stderr.endswith("Nothing to fix.\n")


def test_extensions_are_dropped_only_with_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    rows = [phone for phone, _ in EXTENSIONS]
    path.write_text(contact_list(rows), encoding="utf-8")
    assert "Nothing to fix. 2 more fix(es) available with --unsafe-fixes." in run("--fix", path.as_posix()).stderr
    run("--fix", "--unsafe-fixes", path.as_posix())
    assert path.read_bytes() == expected(rows, dict(EXTENSIONS)).encode()


def test_the_region_reads_national_numbers_of_other_countries(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("phone number\n020 7946 0018\n0161 496 0000\n", encoding="utf-8")
    assert "Nothing to fix." in run("--fix", path.as_posix()).stderr  # no region: the country is not known
    run("--fix", "--region", "GB", path.as_posix())
    assert path.read_text(encoding="utf-8") == "phone number\n+442079460018\n+441614960000\n"


def test_diff_shows_the_cells_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("phone number\n(404) 504-8120\n+14045048121\n", encoding="utf-8")
    result = run("--diff", path.as_posix())
    assert result.exit_code == 1 and "-(404) 504-8120\n++14045048120\n" in result.stdout
    assert path.read_text(encoding="utf-8") == "phone number\n(404) 504-8120\n+14045048121\n"


def test_a_read_only_or_linked_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("phone number\n(404) 504-8120\n", encoding="utf-8")
    os.link(path, tmp_path / "link.csv")
    result = run("--fix", path.as_posix())
    assert result.exit_code == 2 and "hard links" in result.stderr
    (tmp_path / "link.csv").unlink()
    path.chmod(0o444)  # the mode says "do not edit", whoever runs it (root too)
    result = run("--fix", path.as_posix())
    assert result.exit_code == 2 and "read-only" in result.stderr
    assert path.read_text(encoding="utf-8") == "phone number\n(404) 504-8120\n"


def test_the_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("phone number\n(404) 504-8120\n", encoding="utf-8")
    path.chmod(0o640)
    run("--fix", path.as_posix())
    assert path.read_text(encoding="utf-8") == "phone number\n+14045048120\n" and (path.stat().st_mode & 0o777) == 0o640


def _workbook(tmp_path: Path) -> Path:
    rows: list[list[object]] = [["phone number", "first_name", "zip"]]
    rows += [[typed, f"Ann {n}", 2134] for n, (typed, _) in enumerate(TYPED)]
    rows += [[14045048140, "Number", "02134"], ["4.04505E+09", "Lost", None], ["+14045048141", "Clean", 1]]
    return workbook(tmp_path / "contacts.xlsx", rows, more_sheets={"Notes": [["keep me", 42]]})


def test_xlsx_cells_are_written_back_as_text_and_the_rest_of_the_workbook_kept(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    before = cells(path)
    result = run("--fix", path.as_posix())
    assert f"Fixed {len(TYPED) + 1} issue(s) in 1 file(s)." in result.stderr
    after = cells(path)
    fixed = {**{f"A{n}": e164 for n, (_, e164) in enumerate(TYPED, 2)}, f"A{len(TYPED) + 2}": "+14045048140"}
    for (coordinate, old, old_type), (same, new, new_type) in zip(before, after, strict=True):
        assert coordinate == same
        if coordinate in fixed:
            assert (new, new_type) == (fixed[coordinate], "s")
        else:
            assert (new, new_type) == (old, old_type)
    assert cells(path, "Notes") == [("A1", "keep me", "s"), ("B1", 42, "n")]
    assert "Nothing to fix." in run("--fix", path.as_posix()).stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: .ci/run installs it")
def test_libreoffice_reads_the_fixed_workbook_with_every_phone_cell_as_text(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    run("--fix", path.as_posix())
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "csv",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    lines = (out / "contacts.csv").read_text(encoding="utf-8").splitlines()
    phones = [line.split(",")[0] for line in lines[1:]]
    assert phones[: len(TYPED) + 1] == [e164 for _, e164 in TYPED] + ["+14045048140"]  # the + kept: text, not numbers
    assert phones[len(TYPED) + 1 :] == ["4.04505E+09", "+14045048141"]
