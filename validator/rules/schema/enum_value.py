"""A value is not one of the choices the spec allows.

Why it matters: enumerated fields (``voice_model``, ``day``, ``language``,
``stt_mode``, ``webhook_events`` …) are rejected by the API when the value is
not listed; a wrong case (``monday``), an abbreviation (``Mon``) or a near-miss
(``eleven_turbo``) is the usual cause, and the hint names the closest valid
value. When only the case differs, a safe fix writes the listed spelling.
A value that is also of the wrong type (``"start_speaker": null``) gets this
finding only, not RBV102's as well.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.openapi.tools import did_you_mean, enum_list, error_pointer, field_label
from validator.rules import Example, Explain, Kind

CODE = "RBV103"
NAME = "enum-value"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["monday"]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Monday"]}')
SPEC_SENTENCES = (
    ("tasks.*.agent_override.retell_llm.start_speaker", "Must be either 'user' or 'agent'"),
    ("tasks.*.agent_override.agent.pii_config.mode", "Currently only post-call is supported"),
    ("tasks.*.agent_override.agent.data_storage_setting", "Store only basic attributes"),
)
KEYWORDS = ("enum", "const")
# A value outside the choices is also, often, of the wrong type (`"start_speaker": null`): one finding, the one listing the choices.
SUPERSEDES = ("RBV102",)


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    allowed = list(error.validator_value) if error.validator == "enum" else [error.validator_value]
    guess = did_you_mean(error.instance, allowed) if isinstance(error.instance, str) else None
    hint = (
        f"did you mean {preview(guess)}?"
        if guess is not None
        else "remove the field to use the default"
        if error.instance is None
        else None
    )
    # Only the case differs: the canonical spelling cannot mean anything else, so the fix is safe.
    fix = Fix(guess, True, f"use {preview(guess)}") if guess is not None and guess.lower() == error.instance.lower() else None
    yield Finding(
        error_pointer(error),
        f"{field_label(error)} must be one of {enum_list(allowed)}, found {preview(error.instance)}",
        hint,
        fix=fix,
    )
