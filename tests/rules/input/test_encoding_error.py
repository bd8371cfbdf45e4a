"""RBV007 encoding-error: text that is not UTF-8 (other encodings, NUL bytes, binary data, UTF-16/32, lone surrogates)."""

from __future__ import annotations

import json

import pytest

from tests.helpers import SEED, check_text, one, summary
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV007"
VALID = json.dumps(SEED, indent=2)
PNG = b"\x89PNG\r\n\x1a\n"
LONE_SURROGATES = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445", "metadata": {"x\\udc00": "a\\ud800"}}]}'

CASES = [
    *(flags(f"Latin-1 {fmt}", b'{"a": "caf\xe9"}', At("", "error", line=1), format=fmt) for fmt in ("json", "yaml")),
    passes("the same text in UTF-8", '{"a": "café"}'.encode(), format="json"),
    flags("a NUL byte", b'{"a": "x\x00y"}', At("", line=1), format="json"),
    flags("an invalid byte on line 2", b'{\n"from_number": "\xff"}', At("", line=2), format="json"),
    flags("a PNG", PNG + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01", At("", line=1), format="yaml"),
    flags("a PNG renamed .json", PNG + bytes(range(256)), At("", says="binary data"), format="json"),
    flags("UTF-16 with its BOM", VALID.encode("utf-16"), At("", line=1), format="json"),
    flags("UTF-32 with its BOM", VALID.encode("utf-32"), "", format="json"),
    passes("UTF-8 with its BOM (RBV004)", b"\xef\xbb\xbf" + VALID.encode(), format="json"),
    flags(
        "lone surrogate escapes in a key and a value",
        LONE_SURROGATES,
        At("/tasks/0/metadata/x\ufffd", line=2),
        At("/tasks/0/metadata/x\ufffd", line=2),
        format="json",
    ),
    passes("a paired surrogate escape", '{"from_number": "+14157774444", "tasks": [], "name": "\\ud83d\\ude00"}', format="json"),
    flags("a lone surrogate in str input", '{"name":\n "\ud800"}', At("", line=2, says="U+D800"), format="json"),
    flags("a lone surrogate in a Python string", {"from_number": "+14157774444", "tasks": [], "name": "a\ud800"}, "/name"),
]

test_cases = cases_test(CODE, CASES)


def test_invalid_utf8_names_the_byte_and_its_line() -> None:
    d = one(check_text(b'{\n"from_number": "\xff"}', "json"), CODE)
    assert (d.line, "0xff" in d.message, "byte 18" in d.message) == (2, True, True)


@pytest.mark.parametrize(("codec", "label"), [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_utf16_or_32_with_bom_is_decoded_and_checked_but_an_error(codec: str, label: str) -> None:
    data = VALID.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + VALID.encode(codec)
    report = check_text(data, "json")
    assert summary(report) == [(CODE, "error", "")]
    assert report.diagnostics[0].message == f"the file is {label} (it starts with a {label} byte order mark); the API reads UTF-8 only"


def test_lone_surrogates_leave_the_output_encodable_and_a_paired_escape_is_a_character() -> None:
    report = check_text(LONE_SURROGATES, "json")
    assert summary(report) == [(CODE, "error", "/tasks/0/metadata/x\ufffd")] * 2  # key and value, nothing else
    for d in report.diagnostics:
        d.message.encode("utf-8")
        d.pointer.encode("utf-8")
    assert check_text('{"from_number": "+14157774444", "tasks": [], "name": "\\ud83d\\ude00"}', "json").codes == ["RBV601"]


def test_a_lone_surrogate_in_str_input_is_located() -> None:
    d = one(check_text('{"name":\n "\ud800"}', "json"), CODE)
    assert (d.line, d.column, "U+D800" in d.message) == (2, 3, True)
