"""Default --max-bytes per format (readers.READERS): YAML costs about three times JSON's memory per
input byte, so its default limit is lower; an explicit number or None overrides every format.

The refusal itself (RBV014) is tested in tests/rules/input/test_payload_too_large.py."""

from __future__ import annotations

from validator.api import byte_limit
from validator.readers import READERS


def test_each_format_has_its_own_default_and_an_explicit_limit_wins() -> None:
    assert (byte_limit("format", "json"), byte_limit("format", "yaml")) == (64 * 2**20, 20 * 2**20)
    assert byte_limit("format", None) == max(r.max_bytes for r in READERS.values())
    assert (byte_limit(1000, "yaml"), byte_limit(None, "json")) == (1000, None)
