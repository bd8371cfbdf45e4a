"""RBV004 byte-order-mark: a UTF-8 BOM is a warning and the payload after it is still checked (UTF-16/32 BOMs are RBV007)."""

from __future__ import annotations

import json

from tests.helpers import SEED, check_text, one, summary
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV004"
BOM = b"\xef\xbb\xbf"
VALID = json.dumps(SEED, indent=2)

CASES = [
    flags("a BOM before JSON", BOM + VALID.encode(), At("", "warning", line=1), format="json"),
    flags("a BOM before YAML", BOM + b'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\n', At("", line=1), format="yaml"),
    flags("only a BOM", BOM, At("", line=1), format="json"),
    passes("the same JSON without it", VALID.encode(), format="json"),
    passes("a BOM character inside a string", '{"from_number": "+14157774444", "tasks": [], "name": "\ufeffx"}', format="json"),
    passes("a UTF-16 BOM (RBV007)", VALID.encode("utf-16"), format="json"),
]

test_cases = cases_test(CODE, CASES)


def test_the_payload_after_a_bom_is_still_checked() -> None:
    report = check_text(BOM + b'{"from_number": 1, "tasks": []}', "json")
    assert [(c, s) for c, s, _ in summary(report)][:1] == [(CODE, "warning")]
    assert one(report, "RBV102").pointer == "/from_number"


def test_a_bom_before_a_clean_payload_is_its_only_finding() -> None:
    assert summary(check_text(BOM + VALID.encode(), "json")) == [(CODE, "warning", "")]
