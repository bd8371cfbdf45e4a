"""RBV819 csv-phone-not-e164: phone cells written nationally or with punctuation, one finding for the whole list."""

from __future__ import annotations

from tests.helpers import FIXED_NOW, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv
from validator import Report, Settings, validate_text
from validator.engine.csv import CsvOptions
from validator.options import parse_now

CODE = "RBV819"
NATIONAL = HEADER + b"(404) 504-8120,Ann\r\n404.504.8121,Bob\r\n1-404-504-8122,Cy\r\n404 504 8123,Dee\r\n4045048124,Eve\r\n"


def listed(data: bytes, *, region: str | None = None, from_number: str | None = None) -> Report:
    batch = {"from_number": from_number} if from_number else {}
    settings = Settings(region=region, now=parse_now(FIXED_NOW))
    return validate_text(data, "csv", file="contacts.csv", settings=settings, csv=CsvOptions(batch=batch))


CASES = [
    flags("five US spellings", NATIONAL, At("/tasks/0/to_number", "error", line=2, says="5 rows write numbers nationally"), format="csv"),
    flags(
        "international with punctuation",
        HEADER + b"+1 (404) 504-8120,Ann\r\n001 404 504 8121,Bob\r\n",
        At("/tasks/0/to_number", line=2, says="2 rows write numbers with spaces or punctuation"),
        format="csv",
    ),
    flags(
        "an extension",
        HEADER + b"(404) 504-8120 x123,Ann\r\n",
        At("/tasks/0/to_number", line=2, says="has an extension"),
        format="csv",
    ),
    flags("a UK number without a region", HEADER + b"020 7946 0018,Ann\r\n", At("/tasks/0/to_number", says="no region says"), format="csv"),
    passes("E.164", HEADER + b"+14045048120,Ann\r\n+442079460018,Bob\r\n", format="csv"),
    passes("a local number is the phone rules' (missing area code)", HEADER + b"555-0199,Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_one_finding_with_count_examples_rows_and_the_fix() -> None:
    d = one(csv(NATIONAL), CODE)
    assert d.message == (
        "5 rows write numbers nationally, e.g. row 2 `(404) 504-8120` = +14045048120, row 3 `404.504.8121` = +14045048121,"
        " row 4 `1-404-504-8122` = +14045048122 (rows 2, 3, 4, 5, 6); read as US numbers (the default: no region or from_number given)"
    )
    assert d.hint is not None and d.hint.startswith("`retell-validate check --fix` writes them in E.164 in the file")
    assert "if they are not US numbers, set --region" in d.hint
    assert d.fix is not None and (d.fix.value, d.fix.safe, d.fix.count) == ("+14045048120", True, 5)


def test_the_rows_are_checked_as_the_numbers_they_stand_for() -> None:
    report = csv(HEADER + b"(404) 504-8120,Ann\r\n404.504.8120,Bob\r\n")
    assert only(report, "RBV201") == [] and only(report, "RBV202") == []
    again = one(report, "RBV204")  # the same number, spelled twice
    assert again.message == "row 3 calls +14045048120 again: row 2 already calls it, so the number would be called twice"


def test_the_region_reads_other_countries_and_the_message_says_which() -> None:
    rows = HEADER + b"020 7946 0018,Ann\r\n0161 496 0000,Bob\r\n"
    d = one(listed(rows, region="GB"), CODE)
    assert "= +442079460018" in d.message and "= +441614960000" in d.message and "read as GB numbers (region GB)" in d.message
    spain = one(listed(HEADER + b"612 34 56 78,Ann\r\n", region="ES"), CODE)
    assert "= +34612345678" in spain.message
    germany = one(listed(HEADER + b"030 1234567,Ann\r\n", region="DE"), CODE)
    assert "= +49301234567" in germany.message


def test_from_number_gives_the_region_when_none_is_set() -> None:
    d = one(listed(HEADER + b"020 7946 0018,Ann\r\n", from_number="+442071838750"), CODE)
    assert "= +442079460018" in d.message and "(the country of from_number +442071838750)" in d.message


def test_without_a_region_a_national_number_with_a_trunk_zero_names_the_option() -> None:
    d = one(csv(HEADER + b"020 7946 0018,Ann\r\n"), CODE)
    assert d.fix is None
    assert d.hint is not None and "set --region" in d.hint
    assert only(csv(HEADER + b"020 7946 0018,Ann\r\n"), "RBV201") == []  # this row's finding, not the generic one


def test_an_extension_is_dropped_only_with_unsafe_fixes() -> None:
    d = one(csv(HEADER + b"(404) 504-8120 ext. 12,Ann\r\n"), CODE)
    assert d.fix is not None and (d.fix.value, d.fix.safe) == ("+14045048120", False)
    assert d.hint is not None and "--unsafe-fixes" in d.hint
