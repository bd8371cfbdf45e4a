"""Default --max-bytes per format (readers.READERS): YAML costs about three times JSON's memory per
input byte, so its default limit is lower; an explicit number or None overrides every format."""

from __future__ import annotations

from tests.helpers import FIXED_NOW
from validator import validate_text
from validator.api import byte_limit
from validator.readers import READERS


def test_each_format_has_its_own_default_and_an_explicit_limit_wins() -> None:
    assert (byte_limit("format", "json"), byte_limit("format", "yaml")) == (64 * 2**20, 20 * 2**20)
    assert byte_limit("format", None) == max(r.max_bytes for r in READERS.values())
    assert (byte_limit(1000, "yaml"), byte_limit(None, "json")) == (1000, None)


def test_yaml_over_its_limit_is_refused_while_the_same_size_of_json_is_read() -> None:
    filler = "x" * (21 * 2**20)
    yaml_report = validate_text(f"from_number: '+14157774444'\nnote: {filler}\n", "yaml", now=FIXED_NOW)
    assert [(d.code, d.line) for d in yaml_report.diagnostics] == [("RBV014", 1)]
    assert "over the 20,971,520-byte limit" in yaml_report.diagnostics[0].message
    json_report = validate_text(f'{{"from_number": "+14157774444", "tasks": [], "note": "{filler}"}}', now=FIXED_NOW)
    assert "RBV014" not in {d.code for d in json_report.diagnostics}
