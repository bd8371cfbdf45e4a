"""``check_create_batch_call`` is typed with the SDK's own parameter types.

mypy (strict, run on the tests by ``.ci/run``) reads the calls below, and strict mode makes every
``type: ignore[...]`` one that is needed (``warn_unused_ignores``): each call marked so is one the
SDK's types refuse, as they refuse it for ``client.batch_call.create_batch_call``. At run time
nothing is refused: what is wrong is a finding.
"""

from __future__ import annotations

from retell import omit
from retell.types.batch_call_create_batch_call_params import Task

from tests.helpers import FIXED_NOW
from validator.retell import check_create_batch_call

GOOD_TASK: Task = {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ada"}}


def test_a_call_the_sdk_accepts_type_checks_and_passes() -> None:
    report = check_create_batch_call(
        from_number="+14157774444",
        tasks=[{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ada"}}],
        call_time_window={"timezone": "America/Los_Angeles", "windows": [{"start": 540, "end": 1020}]},
        reserved_concurrency=omit,
        timeout=3.0,
        extra_headers={"X-Trace": "1"},
        now=FIXED_NOW,
    )
    assert report.codes == []


def test_calls_the_sdk_types_refuse_are_refused_here_and_reported_at_run_time() -> None:
    number = check_create_batch_call(from_number=14157774444, tasks=[GOOD_TASK], now=FIXED_NOW)  # type: ignore[arg-type]
    assert "RBV201" in number.codes
    misspelt = check_create_batch_call(
        from_number="+14157774444",
        tasks=[{"to_numbr": "+12137774445"}],  # type: ignore[typeddict-unknown-key,typeddict-item]
        now=FIXED_NOW,
    )
    assert "RBV101" in misspelt.codes
    missing = check_create_batch_call(tasks=[GOOD_TASK], now=FIXED_NOW)  # type: ignore[call-arg]
    assert missing.codes == ["RBV101"]
