"""Near misses and their boundaries, for RBV607's tests."""

from __future__ import annotations

NEAR: list[tuple[str, list[str], str | None]] = [
    ("first_name", ["firstName"], "firstName"),
    ("first_name", ["First Name"], "First Name"),
    ("first_name", ["first-name", "last_name"], "first-name"),
    ("customer_name", ["customer_nmae"], "customer_nmae"),  # a swap of neighbours is one step
    ("customer_name", ["custmer_nam"], "custmer_nam"),  # two letters off in a long name
    ("order_id", ["order_no"], None),  # two letters off in a short name
    ("plan", ["plans"], "plans"),
    ("age", ["ages"], None),  # too short to guess
    ("first_name", ["last_name"], None),
    ("appointment_date", ["appointment_time"], None),
    ("order_id", ["order_ic", "order_im"], None),  # ambiguous
    ("current_time", ["currentTime"], None),  # Retell fills it: never missing
]
