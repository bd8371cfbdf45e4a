"""RBV013 non-string-key: mapping keys that are not strings (YAML ints, booleans, nulls; Python keys), under the name JSON gives them."""

from __future__ import annotations

from tests.helpers import seed
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV013"
HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'


def explicit_key(key: str) -> str:
    return f'from_number: "+14157774444"\ntasks: []\nmetadata:\n  ? {key}\n  : v\n'


CASES = [
    flags(
        "an integer key in dynamic variables",
        HEAD + "    retell_llm_dynamic_variables: {1: a}\n",
        At("/tasks/0/retell_llm_dynamic_variables/1", "error", line=4),
        format="yaml",
    ),
    passes("the key quoted", HEAD + '    retell_llm_dynamic_variables: {"1": a}\n', format="yaml"),
    *(
        flags(f"YAML key {key}", explicit_key(key), At(pointer, "error", line=4), format="yaml")
        for key, pointer in [
            ("1", "/metadata/1"),
            ("0x10", "/metadata/16"),
            ("yes", "/metadata/true"),
            ("~", "/metadata/null"),
            ("[a, b]", "/metadata/[a, b]"),
        ]
    ),
    passes("a YAML key that stays a string", explicit_key("one"), format="yaml"),
    flags(
        "Python keys that are not strings",
        seed(metadata={1: "a", None: "b", 2.5: "c", (1, 2): "d"}),
        "/metadata/(1, 2)",
        "/metadata/1",
        "/metadata/2.5",
        "/metadata/null",
    ),
    passes("Python string keys", seed(metadata={"1": "a", "null": "b"})),
]

test_cases = cases_test(CODE, CASES)
