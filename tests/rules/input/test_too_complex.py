"""RBV012 too-complex: nesting too deep to check, self-containing aliases or cycles, and YAML aliases that expand too far."""

from __future__ import annotations

import resource
from typing import Any

import pytest

from tests.helpers import FIXED_NOW, check, check_text, one, seed, summary
from tests.rules.cases import At, Case, cases_test, flags, passes
from validator import validate, validate_text

CODE = "RBV012"
DEEP = 100_000
IN_METADATA = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "metadata": '
NESTED_TOO_DEEP = {
    "json-arrays": ("json", "[" * DEEP + "]" * DEEP),
    "json-objects": ("json", '{"a":' * DEEP + "1" + "}" * DEEP),
    "json-in-metadata": ("json", IN_METADATA + "[" * DEEP + "]" * DEEP + "}]}"),
    "yaml-flow": ("yaml", "[" * DEEP + "]" * DEEP),
    "yaml-block-sequences": ("yaml", "".join("  " * i + "- \n" for i in range(3_000))),
    "yaml-block-mappings": ("yaml", "".join("  " * i + "a:\n" for i in range(3_000))),
    "yaml-in-metadata": (
        "yaml",
        'from_number: "+14157774444"\ntasks:\n- to_number: "+12137774445"\n  metadata: ' + "[" * DEEP + "]" * DEEP,
    ),
}
AS_DEEP_AS_PARSERS_GO = IN_METADATA + '{"x": ' + "[" * 900 + "]" * 900 + "}}]}"
BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
ALIASED_TWICE = 'common: &c {to_number: "+12137774445"}\nfrom_number: "+14157774444"\ntasks: [*c, *c]\n'


def nested_list(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


def nested_dict(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    current = root
    for _ in range(depth - 1):
        current["a"] = current = {}
    current["a"] = {}
    return root


def aliased(variables: int, tasks: int) -> str:
    """One task's variables written out (``variables`` lists), then aliased by ``tasks`` more tasks."""
    written = "\n".join(f"      v{i}: [1]" for i in range(variables))
    aliases = "\n".join(f"  - to_number: '+1213777{i:04d}'\n    retell_llm_dynamic_variables: *d" for i in range(tasks))
    return (
        f"from_number: '+14157774444'\ntasks:\n  - to_number: '+12137774445'\n    retell_llm_dynamic_variables: &d\n{written}\n{aliases}\n"
    )


def cycle() -> dict[str, Any]:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    return seed(metadata=loop)


TOO_DEEP = [flags(name, text, At("", "error"), format=fmt) for name, (fmt, text) in NESTED_TOO_DEEP.items()]

CASES = [
    *TOO_DEEP,
    passes("JSON 900 levels deep", AS_DEEP_AS_PARSERS_GO, format="json"),
    passes("YAML 900 levels deep", AS_DEEP_AS_PARSERS_GO, format="yaml"),
    flags("a Python list 100,000 levels deep", seed(tasks=[{"to_number": "+12137774445", "metadata": {"x": nested_list(DEEP)}}]), ""),
    flags("a Python dict 200,000 levels deep", nested_dict(200_000), At("", says="nested too deeply to check")),
    flags("a Python cycle", cycle(), "/metadata/self"),
    *(
        flags(f"YAML alias inside its anchor: {text!r}", text, At("", says="contains it"), format="yaml")
        for text in ["a: &a [*a]\n", "a: &a {b: *a}\n", "&r [x, *r]\n"]
    ),
    flags("billion laughs", BILLION_LAUGHS, At("", says="expand to more than"), format="yaml"),
    flags(
        "aliases that multiply a small file 258 times",
        aliased(960, 400),
        At("", line=1, says="YAML aliases expand 4,490 written nodes to 1,156,890 (258×)"),
        format="yaml",
    ),
    passes("aliases within the free allowance (about 60,000 nodes)", aliased(200, 150), format="yaml"),
    passes("an anchor aliased twice", ALIASED_TWICE, format="yaml"),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize("case", TOO_DEEP, ids=[c.id for c in TOO_DEEP])
def test_absurd_nesting_is_that_finding_alone_not_a_recursion_error(case: Case) -> None:
    assert [(c, s) for c, s, _ in summary(case.run())] == [(CODE, "error")]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_but_parseable_metadata_goes_through_schema_and_rules(fmt: str) -> None:
    assert check_text(AS_DEEP_AS_PARSERS_GO, fmt).diagnostics == ()


def test_deep_python_payloads_are_one_clear_finding() -> None:
    assert [(d.code, d.pointer, d.message) for d in validate(nested_dict(200_000)).diagnostics] == [
        (CODE, "", "the payload is nested too deeply to check")
    ]
    assert summary(check(seed(tasks=[{"to_number": "+12137774445", "metadata": {"x": nested_list(DEEP)}}]))) == [(CODE, "error", "")]


def test_billion_laughs_is_refused_without_expanding() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    one(check_text(BILLION_LAUGHS, "yaml"), CODE)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KiB


def test_aliases_that_multiply_a_small_file_are_the_only_finding() -> None:
    [d] = validate_text(aliased(960, 400), "yaml", now=FIXED_NOW).diagnostics  # 36 KB that would check like 4 MB
    assert (d.code, d.severity.value, d.pointer, d.line) == (CODE, "error", "", 1)
    assert d.message.startswith("YAML aliases expand 4,490 written nodes to 1,156,890 (258×)")


def test_aliases_within_the_limit_are_expanded_and_checked() -> None:
    # both tasks are the expanded anchor: the same destination twice
    problems = [row for row in summary(check_text(ALIASED_TWICE, "yaml")) if row[1] != "info" and row[0] != "RBV709"]  # sent at 05:00 LA
    assert problems == [("RBV111", "warning", "/common"), ("RBV204", "warning", "/tasks/1/to_number")]
