"""``validate()`` given Python values that are not a JSON payload: diagnostics, never an exception, never a mutation."""

from __future__ import annotations

import copy
import datetime
import decimal
import math
from typing import Any

import pytest

from tests.helpers import SEED, check, one, seed, summary


def deep(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(("payload", "found"), [(None, "null"), ([SEED], "array"), (b"{}", "bytes"), ("{}", "string"), ((SEED,), "array")])
def test_a_root_that_is_not_a_dict(payload: Any, found: str) -> None:
    report = check(payload)
    assert summary(report) == [("RBV006", "error", "")]
    assert report.diagnostics[0].message.endswith(f"found {found}")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({1, 2}, "set"),
        (datetime.datetime(2026, 1, 1), "datetime"),
        (decimal.Decimal("1.5"), "Decimal"),
        (b"raw", "bytes"),
        (object(), "object"),
    ],
)
def test_values_json_cannot_carry_are_errors_at_their_place(value: Any, kind: str) -> None:
    report = check(seed(trigger_timestamp=value))
    d = one(report, "RBV015")
    assert (d.severity.value, d.pointer, d.message.startswith(kind)) == ("error", "/trigger_timestamp", True)
    assert "RBV102" not in report.codes()  # the null stand-in adds no noise


def test_non_string_keys_are_named_as_json_would_send_them() -> None:
    payload = seed(metadata={1: "a", None: "b", 2.5: "c", (1, 2): "d"})
    assert sorted((c, s, p) for c, s, p in summary(check(payload)) if c == "RBV013") == [
        ("RBV013", "error", "/metadata/(1, 2)"),
        ("RBV013", "error", "/metadata/1"),
        ("RBV013", "error", "/metadata/2.5"),
        ("RBV013", "error", "/metadata/null"),
    ]


def test_tuples_are_arrays_as_json_dumps_sends_them() -> None:
    payload = seed(tasks=({"to_number": "+12137774445"}, {"to_number": 12}))
    assert [(c, p) for c, s, p in summary(check(payload)) if s == "error"] == [("RBV102", "/tasks/1/to_number")]


@pytest.mark.parametrize(
    ("value", "pointer"), [(math.nan, "/trigger_timestamp"), (-math.inf, "/trigger_timestamp"), (10**400, "/trigger_timestamp")]
)
def test_non_finite_and_overflowing_numbers(value: Any, pointer: str) -> None:
    d = one(check(seed(trigger_timestamp=value)), "RBV003")
    assert (d.severity.value, d.pointer) == ("error", pointer)


def test_deep_nesting_and_cycles_are_too_complex() -> None:
    report = check(seed(tasks=[{"to_number": "+12137774445", "metadata": {"x": deep(100_000)}}]))
    assert summary(report) == [("RBV012", "error", "")]
    loop: dict[str, Any] = {}
    loop["self"] = loop
    d = one(check(seed(metadata=loop)), "RBV012")
    assert d.pointer == "/metadata/self"


def test_the_payload_is_never_modified() -> None:
    payload = seed(metadata={1: {2, 3}, "x": (1, [math.inf])}, name="a\ud800")
    before = copy.deepcopy(payload)
    report = check(payload)
    assert {"RBV013", "RBV015", "RBV003", "RBV007"} <= set(report.codes())
    assert repr(payload) == repr(before)
