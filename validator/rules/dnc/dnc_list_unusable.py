"""A configured do-not-call list that cannot be used: missing, not an index, from a newer version, truncated or damaged.

Why it matters: a list that cannot be read screens nothing, and a damaged part of one
cannot be trusted either way, so every task it should have screened may call a listed
number. The header and its checksum are checked when the index is opened; each part's
checksum the first time a number falls in it (``retell-validate dnc verify`` checks every
part). ``check`` exits 2 when any list cannot be used.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.dnc.screen import screen
from validator.rules import Example, Kind
from validator.rules.dnc._findings import lists_pointer

CODE = "RBV905"
NAME = "dnc-list-unusable"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445"}]', config={"dnc": ["missing.dnc"]}, note="a list that is not there")
PASSES = Example('"tasks": [{"to_number": "+12137774445"}]', note="no list configured: nothing to read")


def check(ctx: Context) -> Iterator[Finding]:
    for _, why in screen(ctx).unusable:
        yield ctx.finding(
            lists_pointer(ctx),
            f"do-not-call list {why}; no task was checked against it",
            "rebuild it with `retell-validate dnc index`, or correct its path in dnc = [...]",
        )
