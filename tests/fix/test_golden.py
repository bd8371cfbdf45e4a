"""Before/after pairs for the real rules' fixes: ``fixtures/fix/{safe,unsafe}/<name>.before.<ext>``.

Each ``before`` file is fixed with the rules as they are (``unsafe/`` pairs with
``--unsafe-fixes``) and must give its ``after`` file exactly; fixing the
``after`` file again must change nothing. After an intended change, regenerate
one pair with ``python -m tests.fix.test_golden --update fixtures/fix/safe/<name>.before.json``
and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import FIXED_NOW, ROOT
from validator.fix.apply import FixOutcome, fix_text
from validator.openapi.load import load_spec
from validator.readers import format_for_path
from validator.settings import Settings, parse_now

PAIRS = ROOT / "fixtures" / "fix"


def before_files() -> list[Path]:
    return sorted(PAIRS.rglob("*.before.*"))


def after_path(before: Path) -> Path:
    return before.with_name(before.name.replace(".before.", ".after."))


def fixed(text: str, path: Path) -> FixOutcome:
    settings = Settings(now=parse_now(FIXED_NOW))
    return fix_text(text, format_for_path(path), file=path.name, settings=settings, spec=load_spec(), unsafe=path.parent.name == "unsafe")


@pytest.mark.parametrize("before", before_files(), ids=lambda p: str(p.relative_to(PAIRS)))
def test_fix_gives_the_after_file_and_is_idempotent(before: Path) -> None:
    after = after_path(before).read_text(encoding="utf-8")
    outcome = fixed(before.read_text(encoding="utf-8"), before)
    assert outcome.applied > 0
    assert outcome.not_applied == ()
    assert outcome.after == after
    again = fixed(after, before)
    assert (again.applied, again.after) == (0, after)
    assert [d.code for d in again.report.diagnostics if d.fix is not None and (d.fix.safe or before.parent.name == "unsafe")] == []


def test_pairs_cover_both_modes() -> None:
    assert {p.parent.name for p in before_files()} == {"safe", "unsafe"}


if __name__ == "__main__" and "--update" in sys.argv:
    for name in sys.argv[1:]:
        if name != "--update":
            path = Path(name).resolve()
            after_path(path).write_text(fixed(path.read_text(encoding="utf-8"), path).after, encoding="utf-8")
            print("wrote", after_path(path).relative_to(PAIRS))
