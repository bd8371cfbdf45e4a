"""The field corpus: real-shaped payloads, what each must and must not produce, and the count of misses and false alarms.

    python tests/corpus/measure.py                                     # this checkout
    PYTHONPATH=/path/to/other/checkout python tests/corpus/measure.py  # another one, as docs/field-payloads.md did

Each payload ``<name>.<json|yaml|csv>`` has ``<name>.expected.json``: ``class`` (what it shows), ``gate``
(``"fail"`` or ``"pass"``: the exit status at the default gate, ``--fail-on error``), ``must`` (findings it
must produce, ``[code, pointer]``) and ``must_not`` (``[code, pointer]`` or ``[code, pointer, severity]``;
pointer ``"*"`` is any). A miss is a ``must`` finding absent, a false alarm a ``must_not`` one present.
Only the public library is used (``validate_file``), so an older checkout is measured the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import validator
from validator import Severity, validate_file

HERE = Path(__file__).resolve().parent
NOW = "2026-06-01T12:00:00Z"
SUFFIXES = (".json", ".yaml", ".csv")


@dataclass
class Result:
    name: str
    cls: str
    gate: str
    misses: list[list[str]] = field(default_factory=list)
    false_alarms: list[list[str]] = field(default_factory=list)
    fails_gate: bool = False

    @property
    def gate_wrong(self) -> bool:
        return self.fails_gate != (self.gate == "fail")


def payloads() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if p.suffix in SUFFIXES and not p.name.endswith(".expected.json"))


def expected(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def run(path: Path) -> Result:
    want = expected(path)
    report = validate_file(path, now=NOW)
    found = [(d.code, d.pointer, d.severity.value) for d in report.diagnostics]
    result = Result(path.name, want["class"], want["gate"], fails_gate=report.fails(Severity.ERROR))
    for code, pointer in want["must"]:
        if not any(c == code and p == pointer for c, p, _ in found):
            result.misses.append([code, pointer])
    for code, pointer, *severity in want["must_not"]:
        if any(c == code and pointer in ("*", p) and (not severity or s == severity[0]) for c, p, s in found):
            result.false_alarms.append([code, pointer, *severity])
    return result


def main() -> None:
    results = [run(path) for path in payloads()]
    print(f"validator from {Path(validator.__file__).resolve().parent.parent}, now {NOW}")
    print()
    print("| payload | misses | false alarms | default gate |")
    print("| --- | --- | --- | --- |")
    for r in results:
        misses = ", ".join(f"{c} `{p}`" for c, p in r.misses) or "0"
        alarms = ", ".join(f"{a[0]} `{a[1]}`" + (f" ({a[2]})" if len(a) > 2 else "") for a in r.false_alarms) or "0"
        gate = ("fails" if r.fails_gate else "passes") + (" (wrong)" if r.gate_wrong else "")
        print(f"| {r.name} | {misses} | {alarms} | {gate} |")
    musts = sum(len(expected(p)["must"]) for p in payloads())
    nots = sum(len(expected(p)["must_not"]) for p in payloads())
    print()
    print(
        f"{len(results)} payloads: {sum(len(r.misses) for r in results)} of {musts} expected findings missed; "
        f"{sum(len(r.false_alarms) for r in results)} of {nots} false alarms present; "
        f"default gate wrong for {sum(r.gate_wrong for r in results)} of {len(results)} "
        f"({sum(r.gate_wrong and r.gate == 'fail' for r in results)} that must fail passed it)"
    )


if __name__ == "__main__":
    main()
