"""A finding's identity (GitLab ``fingerprint``, SARIF ``partialFingerprints``) survives edits elsewhere and the clock."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXED_NOW, SEED
from validator import Report, validate_text
from validator.diagnostics import Diagnostic, Severity
from validator.reporters import RenderOptions, get_renderer
from validator.reporters.identity import fingerprint_key, fingerprints, repo_path, source_root
from validator.reporters.sarif import FINGERPRINT

LATER = "2026-07-15T18:30:00Z"
PAST_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z, before both clocks


def payload(*tasks: dict[str, Any]) -> str:
    data = copy.deepcopy(SEED) | {"trigger_timestamp": PAST_MS}
    data["tasks"] = [*tasks, {"to_number": "+12137774447"}, {"to_number": "+12137774445", "colour": 1}]
    return json.dumps(data, indent=2)


def report(text: str, now: str, file: str = "batch.json") -> Report:
    return validate_text(text, "json", file=file, now=now)


def gitlab(r: Report) -> dict[tuple[str, str], str]:
    """(code, pointer) → fingerprint."""
    issues = json.loads(get_renderer("gitlab")([r], RenderOptions()))
    return {(d.code, d.pointer): issue["fingerprint"] for d, issue in zip(r.diagnostics, issues, strict=True)}


def sarif(r: Report) -> dict[tuple[str, str], str]:
    results = json.loads(get_renderer("sarif")([r], RenderOptions()))["runs"][0]["results"]
    return {(d.code, d.pointer): res["partialFingerprints"][FINGERPRINT] for d, res in zip(r.diagnostics, results, strict=True)}


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no git repository: paths are from the working directory


def test_inserting_a_task_above_or_changing_now_keeps_fingerprints() -> None:
    before = report(payload(), FIXED_NOW)
    after = report(payload({"to_number": "+12137774446"}), LATER)  # a clean task above, another clock
    assert [(d.code, d.pointer) for d in before.diagnostics] == [
        ("RBV702", ""),
        ("RBV111", "/tasks/1/colour"),
        ("RBV402", "/trigger_timestamp"),
    ]
    assert [(d.code, d.pointer) for d in after.diagnostics] == [
        ("RBV702", ""),
        ("RBV111", "/tasks/2/colour"),
        ("RBV402", "/trigger_timestamp"),
    ]
    # RBV402 words the clock, RBV702 the number of recipients: messages are no part of the identity.
    assert [d.message == e.message for d, e in zip(before.diagnostics, after.diagnostics, strict=True)] == [False, True, False]
    for render in (gitlab, sarif):
        old, new = render(before), render(after)
        assert old[("RBV702", "")] == new[("RBV702", "")]
        assert old[("RBV402", "/trigger_timestamp")] == new[("RBV402", "/trigger_timestamp")]
        assert old[("RBV111", "/tasks/1/colour")] == new[("RBV111", "/tasks/2/colour")]
        assert len(set(old.values())) == 3


def test_a_same_finding_inserted_above_adds_exactly_one_fingerprint() -> None:
    before = gitlab(report(payload(), FIXED_NOW))
    after = gitlab(report(payload({"to_number": "+12137774446", "colour": 2}), FIXED_NOW))
    assert set(before.values()) < set(after.values())  # the old findings keep theirs; one new
    assert len(after) == len(before) + 1


def test_the_key_is_path_code_and_pointer_without_indices() -> None:
    d = Diagnostic("RBV201", Severity.ERROR, "`+1` is not a number at 12:00", "/tasks/12/to_number", file="a.json", line=9)
    moved = Diagnostic("RBV201", Severity.WARNING, "other words at 13:00", "/tasks/3/to_number", file="a.json", line=90, column=4)
    assert fingerprint_key(d, "dir/a.json") == fingerprint_key(moved, "dir/a.json") == "dir/a.json\0RBV201\0/tasks/*/to_number\0"
    assert fingerprint_key(d, "other/a.json") != fingerprint_key(d, "dir/a.json")
    keyed = Diagnostic("RBV111", Severity.WARNING, "m", "/tasks/0/x1/2b/3")
    assert fingerprint_key(keyed, "p") == "p\0RBV111\0/tasks/*/x1/2b/*\0"  # only whole-number segments are indices
    first, second = fingerprints([d, moved], "dir/a.json")
    assert first != second  # the second of the same key counts as such
    assert fingerprints([moved], "dir/a.json") == [first]


def test_paths_are_from_the_repository_root_wherever_the_check_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    payload_file = repo / "calls" / "batch.json"
    payload_file.parent.mkdir()
    payload_file.write_text(payload(), encoding="utf-8")
    from_root = json.loads(_gitlab_at(repo, "calls/batch.json", monkeypatch))
    from_inside = json.loads(_gitlab_at(repo / "calls", "batch.json", monkeypatch))
    from_outside = json.loads(_gitlab_at(tmp_path, "repo/calls/batch.json", monkeypatch))
    assert [i["location"]["path"] for i in from_root] == ["calls/batch.json"] * 3
    assert from_inside == from_root == from_outside
    assert source_root("repo/calls/batch.json") == repo


def test_paths_without_a_repository(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert source_root("sub/p.json") == tmp_path
    assert repo_path("sub/p.json") == repo_path(str(tmp_path / "sub" / "p.json")) == "sub/p.json"
    assert repo_path("../elsewhere/p.json") == "../elsewhere/p.json"  # outside the working directory: as given
    assert repo_path("<stdin>") == "<stdin>"
    assert repo_path(None) == "<payload>"


def _gitlab_at(cwd: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(cwd)
    r = validate_text(Path(file).read_text(encoding="utf-8"), "json", file=file, now=FIXED_NOW)
    return get_renderer("gitlab")([r], RenderOptions())


def test_with_subjects_a_finding_about_another_value_inserted_above_leaves_every_old_fingerprint() -> None:
    """The offending value is part of the identity: the n-th finding of a key is counted per value."""

    def bad_numbers(*numbers: str, subjects: bool) -> Report:
        data = copy.deepcopy(SEED)
        data["tasks"] = [{"to_number": n} for n in numbers]
        return validate_text(json.dumps(data), "json", file="batch.json", now=FIXED_NOW, subjects=subjects)

    before = bad_numbers("+1415555012", "+1212555012", subjects=True)
    after = bad_numbers("+1310555012", "+1415555012", "+1212555012", subjects=True)  # another bad number above
    assert [(d.code, d.pointer, d.subject) for d in before.diagnostics if d.code == "RBV202"] == [
        ("RBV202", "/tasks/0/to_number", '"+1415555012"'),
        ("RBV202", "/tasks/1/to_number", '"+1212555012"'),
    ]
    for render in (gitlab, sarif):
        old, new = render(before), render(after)
        assert old[("RBV202", "/tasks/0/to_number")] == new[("RBV202", "/tasks/1/to_number")]
        assert old[("RBV202", "/tasks/1/to_number")] == new[("RBV202", "/tasks/2/to_number")]
        assert new[("RBV202", "/tasks/0/to_number")] not in old.values()
    # Without the values, only the occurrence count tells them apart: the first two identities move.
    plain_before = gitlab(bad_numbers("+1415555012", "+1212555012", subjects=False))
    plain_after = gitlab(bad_numbers("+1310555012", "+1415555012", "+1212555012", subjects=False))
    assert plain_before[("RBV202", "/tasks/0/to_number")] == plain_after[("RBV202", "/tasks/0/to_number")]
    assert all(d.subject is None for d in bad_numbers("+1415555012", subjects=False).diagnostics)


def test_the_cli_asks_for_subjects_only_for_formats_that_identify(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from validator.cli.main import main

    data = copy.deepcopy(SEED)
    data["tasks"] = [{"to_number": "+1310555012"}, {"to_number": "+1415555012"}]
    file = tmp_path / "batch.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "gitlab", "--now", FIXED_NOW, str(file)])
    issues = [issue for issue in json.loads(result.stdout) if issue["check_name"] == "RBV202"]
    assert [issue["fingerprint"] for issue in issues] == [
        __import__("hashlib").sha256(f"batch.json\0RBV202\0/tasks/*/to_number\0{value}\0\x31".encode()).hexdigest()
        for value in ('"+1310555012"', '"+1415555012"')
    ]
