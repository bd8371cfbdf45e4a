"""RBV017 yaml-comment-in-value: a `#` that started a comment inside an unquoted value (`termination_key: #`)."""

from __future__ import annotations

from tests.helpers import check_text, one
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV017"
HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'
DTMF = HEAD + "    agent_override:\n      agent:\n        user_dtmf_options:\n          termination_key: {}\n"
KEY = "/tasks/0/agent_override/agent/user_dtmf_options/termination_key"

CASES = [
    flags("the pound key as the whole value", DTMF.format("#"), At(KEY, "error", line=7, says="reads the value as null"), format="yaml"),
    flags(
        "a number sign in a name",
        "name: Spring campaign #5\n" + HEAD,
        At("/name", line=1, says="reads the value as \"Spring campaign\": '#5'"),
        format="yaml",
    ),
    flags(
        "a hash in the middle of a sentence",
        HEAD + "    retell_llm_dynamic_variables: {}\n    metadata:\n      note: call #2 of 3\n",
        At("/tasks/0/metadata/note", line=6, says="'#2 of 3'"),
        format="yaml",
    ),
    flags("a list item", HEAD + "    metadata:\n      tags:\n        - #vip\n", At("/tasks/0/metadata/tags/0", line=6), format="yaml"),
    passes("the pound key quoted", DTMF.format('"#"'), format="yaml"),
    passes("a comment written # text", DTMF.format("'#'  # pound ends the input"), format="yaml"),
    passes("a comment after a value", "name: spring  # the campaign\n" + HEAD, format="yaml"),
    passes("a null with a comment", DTMF.format("  # none"), format="yaml"),
    passes("a hash inside a block scalar", HEAD + "    metadata:\n      note: |\n        call #2\n", format="yaml"),
    passes("a hash inside a word", "name: C#-campaign\n" + HEAD, format="yaml"),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_quotes_what_was_written() -> None:
    assert one(check_text(DTMF.format("#"), "yaml"), CODE).hint == "quote it: \"#\" (a comment needs a blank after #: '# note')"
    assert one(check_text("name: Spring #5\n" + HEAD, "yaml"), CODE).hint.startswith('quote it: "Spring #5"')  # type: ignore[union-attr]
