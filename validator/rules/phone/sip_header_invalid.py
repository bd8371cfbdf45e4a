"""A ``custom_sip_headers`` name is not a SIP token, or a value holds a line break or a control character.

Why it matters: each custom header is written into the call's SIP INVITE as
``name: value``. RFC 3261 (§25.1) allows a header name only as a ``token``
(letters, digits and ``- . ! % * _ + ` ' ~``: no space, no colon), and a
``header-value`` only as printable text, spaces and tabs (``TEXT-UTF8char``,
``LWS``). ``"X Campaign"`` is no header name, so the INVITE is malformed or the
header is dropped; a value holding CR or LF ends the header and starts another,
which is header injection on the INVITE (``"spring\\r\\nX-Priority: 1"``). One
finding per problem, at its first task, with the number of tasks.

The other free-form strings the API passes on are checked where they are:
``to_number``/``from_number`` with ``ignore_e164_validation`` go into the SIP URI
(RBV201: digits, ``+``, ``*``, ``#``), and ``user_dtmf_options.termination_key`` is
one DTMF key (RBV512).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV206"
NAME = "sip-header-invalid"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "custom_sip_headers": {"X Campaign": "spring"}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "custom_sip_headers": {"X-Campaign": "spring"}}]')
SPEC_SENTENCES = (("tasks.*.custom_sip_headers", "Add optional custom SIP headers to the call."),)

FIELD = "custom_sip_headers"
# RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
TOKEN = re.compile(r"[A-Za-z0-9\-.!%*_+`'~]+")
# header-value = *(TEXT-UTF8char / UTF8-CONT / LWS): anything but the controls, tab allowed (CRLF folding is obsolete)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def check(ctx: Context) -> Iterator[Finding]:
    problems: dict[tuple[str, str], list[str]] = {}  # (kind, the name) → pointers
    values: dict[str, str] = {}  # name → the first value with a control character
    for pointer, task in ctx.tasks:
        headers = task.get(FIELD)
        if not isinstance(headers, dict):
            continue
        for name, value in headers.items():
            if not TOKEN.fullmatch(name):
                problems.setdefault(("name", name), []).append(pointer_join(pointer, FIELD, name))
            if isinstance(value, str) and _CONTROL.search(value):
                problems.setdefault(("value", name), []).append(pointer_join(pointer, FIELD, name))
                values.setdefault(name, value)
    for (kind, name), pointers in problems.items():
        count = f"; {len(pointers):,} tasks" if len(pointers) > 1 else ""
        if kind == "name":
            yield ctx.finding(
                pointers[0],
                f"SIP header name {preview(name)} is not a SIP token (RFC 3261 §25.1: letters, digits and - . ! % * _ + ` ' ~, "
                f"no spaces or colons), so the INVITE cannot carry it{count}",
                f"name it {_dashed(name)}" if TOKEN.fullmatch(_dashed(name)) else "name it with letters, digits and dashes (X-Campaign)",
                key=True,
            )
        else:
            value = values[name]
            what = "a line break (CR or LF)" if re.search(r"[\r\n]", value) else "a control character"
            yield ctx.finding(
                pointers[0],
                f"SIP header {preview(name)} has {what} in its value {preview(value)}: in the INVITE it ends the header and "
                f"starts another (header injection; RFC 3261 §25.1 allows printable text, spaces and tabs){count}",
                "remove the line breaks and control characters from the value",
                members=pointers,
            )


def _dashed(name: str) -> str:
    """The name with its runs of blanks turned into dashes (``X Campaign`` → ``X-Campaign``)."""
    return "-".join(name.split())
