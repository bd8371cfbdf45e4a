"""RBV090 invalid-suppression: a ``# retell-validate: ignore`` comment naming no code or an unknown one."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV090"
HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'

CASES = [
    flags("a bare ignore", HEAD + "    colour: red  # retell-validate: ignore\n", At("", "warning", line=4, says="bare"), format="yaml"),
    flags(
        "an unknown code",
        HEAD + "    colour: red  # retell-validate: ignore[RBV111,RBV999]\n",
        At("", line=4, says="RBV999"),
        format="yaml",
    ),
    passes("a known code", HEAD + "    colour: red  # retell-validate: ignore[RBV111]\n", format="yaml"),
    passes("the comment's text inside a string", HEAD + '    colour: "x # retell-validate: ignore"\n', format="yaml"),
]

test_cases = cases_test(CODE, CASES)
