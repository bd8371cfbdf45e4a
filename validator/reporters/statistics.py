"""``--statistics``: how many findings each rule produced, most frequent first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from validator.diagnostics import Report


def render_statistics(reports: Sequence[Report]) -> str:
    per_code = Counter(d.code for r in reports for d in r.diagnostics)
    names = {d.code: (d.name, d.severity.value) for r in reports for d in r.diagnostics}
    width = len(f"{max(per_code.values(), default=0):,}")
    lines = [
        f"{count:>{width},}  {code}  {names[code][0]} [{names[code][1]}]"
        for code, count in sorted(per_code.items(), key=lambda i: (-i[1], i[0]))
    ]
    return "\n".join(lines) + ("\n" if lines else "")
