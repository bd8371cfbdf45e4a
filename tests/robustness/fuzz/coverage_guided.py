"""Coverage-guided fuzzing with atheris (libFuzzer): byte inputs mutated towards new code paths.

    pip install atheris
    python -m tests.robustness.fuzz.coverage_guided --write-seeds /tmp/rbv-corpus   # the fixtures, one per target
    python -m tests.robustness.fuzz.coverage_guided -max_total_time=1800 -max_len=8192 /tmp/rbv-corpus

The first input byte picks the target (JSON, YAML, CSV text, a configuration file); the rest is
the input. Every validator module is instrumented, so libFuzzer keeps inputs that reach new
branches (the corpus directory grows). A broken invariant (tests/robustness/fuzz/invariants.py) or an
exception escaping the validator stops the run with the reproducer written by libFuzzer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["validator"]):
    from tests.robustness.fuzz.invariants import check_bytes, check_config, check_csv
    from validator.engine.registry import all_rules

    all_rules()  # the registry imports rule modules on first use: import them here, to be instrumented

TARGETS = ("json", "yaml", "csv", "config")
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def one_input(data: bytes) -> None:
    if not data:
        return
    target, body = TARGETS[data[0] % len(TARGETS)], data[1:]
    if target == "csv":
        problems = check_csv(body)
    elif target == "config":
        problems = check_config("pyproject.toml" if data[0] & 4 else ".retell-validate.toml", body)
    else:
        problems = check_bytes(target, body)
    if problems:
        raise AssertionError(f"{target}: {problems[:3]}")


def write_seeds(directory: Path) -> int:
    """The project's fixtures as a starting corpus: each payload for its own format's target."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for fixture in sorted(FIXTURES.rglob("*")):
        kind = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv"}.get(fixture.suffix)
        if kind is not None and not fixture.name.endswith(".expected.json"):
            (directory / f"seed-{count:04d}").write_bytes(bytes([TARGETS.index(kind)]) + fixture.read_bytes())
            count += 1
    return count


def main() -> None:
    if sys.argv[1:2] == ["--write-seeds"]:
        print(f"{write_seeds(Path(sys.argv[2]))} seeds written to {sys.argv[2]}")
        return
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
