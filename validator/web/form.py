"""The page's options, as form fields named after the command line's flags: the same parsers, the same messages.

``region``, ``call-purpose``, ``calling-hours``, ``now`` and ``sheet`` are options of the table in
:mod:`validator.options`, parsed by it; ``from-number``, ``window``, ``timezone``, ``days`` and
``trigger`` are a contact list's batch fields (:mod:`validator.campaign.batch`). They apply over
the settings the server was started with (its configuration and flags). An empty field is
not given; an unknown field, or text that cannot be read, is a :class:`~validator.web.upload.Refused` (400).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from validator.campaign.batch import BatchOptionError, batch_fields
from validator.engine.csv import CsvOptions
from validator.options import CALL_PURPOSE, CALLING_HOURS, NOW, REGION, SHEET, Option
from validator.readers import CONTACT_LISTS, InputFormat
from validator.settings import Settings
from validator.web.upload import Refused

PAGE_OPTIONS: tuple[Option[Any], ...] = (REGION, CALL_PURPOSE, CALLING_HOURS, NOW, SHEET)
BATCH_FIELDS = ("from-number", "window", "timezone", "days", "trigger")  # batch_fields()' parameters, as flags name them


def field_name(option: Option[Any]) -> str:
    """The form field of a table option: its flag without the dashes (``call-purpose``)."""
    return option.flags[0].removeprefix("--")


@dataclass(frozen=True)
class Asked:
    """What a request asks for: the settings, a contact list's batch fields, and the endpoint's own fields."""

    settings: Settings
    csv: CsvOptions
    extra: Mapping[str, str]


def read_form(fields: Mapping[str, str], base: Settings, format: InputFormat, extra: Mapping[str, tuple[str, ...]]) -> Asked:
    """The request's options over ``base``; ``extra``: the endpoint's own fields and the words each accepts."""
    given = {name: value.strip() for name, value in fields.items() if value.strip()}
    known = [*(field_name(option) for option in PAGE_OPTIONS), *BATCH_FIELDS, *extra]
    for name in given:
        if name not in known:
            raise Refused(400, f"unknown form field {name!r} (the fields: file, {', '.join(known)})")
    changes: dict[str, Any] = {}
    for option in PAGE_OPTIONS:
        text = given.get(field_name(option))
        if text is not None:
            try:
                changes[option.name] = option.value(text)
            except ValueError as exc:
                raise Refused(400, f"{field_name(option)}: {exc}") from None
    batch = {name: given[name] for name in BATCH_FIELDS if name in given}
    if batch and format not in CONTACT_LISTS:
        raise Refused(
            400, f"{', '.join(batch)}: for contact lists only (CSV, XLSX); a payload has its own from_number and call_time_window"
        )
    try:
        fields_of_batch = batch_fields(**{name.replace("-", "_"): batch.get(name) for name in BATCH_FIELDS}, name=None)
    except BatchOptionError as exc:
        raise Refused(400, f"{exc.option.removeprefix('--') + ': ' if exc.option else ''}{exc}") from None
    chosen = {}
    for name, words in extra.items():
        value = given.get(name, words[0]).lower()
        if value not in words:
            raise Refused(400, f"{name}: {value!r} is not one of {', '.join(words)}")
        chosen[name] = value
    return Asked(dataclasses.replace(base, **changes), CsvOptions(None, MappingProxyType(fields_of_batch)), chosen)
