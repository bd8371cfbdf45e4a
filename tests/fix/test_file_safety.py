"""``--fix`` respects the file it rewrites: read-only files and hard-linked files are refused
(exit 2, untouched), owner, group and mode survive, and the work stays near-linear in the fixes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, ROOT
from validator.cli.main import main
from validator.diagnostics import Fix
from validator.fix import apply as fixes
from validator.fix.members import TextEdit

FIXTURE = ROOT / "fixtures" / "fix" / "safe" / "phone-and-days.before.yaml"
AFTER = FIXTURE.with_name("phone-and-days.after.yaml").read_text(encoding="utf-8")


def fix(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--fix", str(path)])
    return result.exit_code, result.stderr


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    path = tmp_path / "batch.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_read_only_file_is_refused_and_untouched(payload: Path) -> None:
    before = payload.read_text(encoding="utf-8")
    payload.chmod(0o444)
    code, stderr = fix(payload)
    assert code == 2
    assert f"{payload}: the file is read-only; not rewritten" in stderr
    assert payload.read_text(encoding="utf-8") == before
    assert stat.S_IMODE(payload.stat().st_mode) == 0o444


def test_a_file_with_two_hard_links_is_refused_and_the_links_stay_one_file(payload: Path) -> None:
    other = payload.with_name("other.yaml")
    os.link(payload, other)
    code, stderr = fix(payload)
    assert code == 2
    assert "has 2 hard links and rewriting it would split them" in stderr
    assert os.path.samefile(payload, other)
    assert payload.read_text(encoding="utf-8") == FIXTURE.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give a file away")
def test_owner_group_and_mode_are_kept(payload: Path) -> None:
    os.chown(payload, 4321, 8765)
    payload.chmod(0o640)
    code, _ = fix(payload)
    assert code == 0
    info = payload.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 8765, 0o640)
    assert payload.read_text(encoding="utf-8") == AFTER


def test_mode_is_kept(payload: Path) -> None:
    payload.chmod(0o604)
    assert fix(payload)[0] == 0
    assert stat.S_IMODE(payload.stat().st_mode) == 0o604
    assert payload.read_text(encoding="utf-8") == AFTER


def test_many_disjoint_edits_apply_in_one_pass() -> None:
    edits = [TextEdit(i * 4, i * 4 + 2, "xyz") for i in range(60_000)]
    plans = [fixes._Plan((f"/{i}",), f"/{i}", Fix("x", True, "t"), edits=[e]) for i, e in enumerate(reversed(edits))]
    plans.append(fixes._Plan(("/clash",), "/clash", Fix("x", True, "t"), edits=[TextEdit(5, 9, "")]))
    chosen = fixes._non_overlapping(plans)
    body = fixes._apply("ab__" * 60_000, [e for p in chosen for e in p.edits])
    assert "/clash" not in {p.pointer for p in chosen} and len(chosen) == 60_000  # the overlapping plan waits
    assert body == "xyz__" * 60_000
