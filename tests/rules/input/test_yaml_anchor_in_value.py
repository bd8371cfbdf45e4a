"""RBV018 yaml-anchor-in-value: an unquoted value starting with `&` lost its first word to an anchor no alias uses."""

from __future__ import annotations

from tests.helpers import check_text, one
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV018"
HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'
VARS = HEAD + "    retell_llm_dynamic_variables:\n      company: {}\n"

CASES = [
    flags(
        "a company name",
        VARS.format("&Co Ltd"),
        At("/tasks/0/retell_llm_dynamic_variables/company", "error", line=5, says='on "Ltd"'),
        format="yaml",
    ),
    flags(
        "an anchor alone",
        VARS.format("&Co"),
        At("/tasks/0/retell_llm_dynamic_variables/company", says="on an empty value (null)"),
        format="yaml",
    ),
    passes("quoted", VARS.format('"&Co Ltd"'), format="yaml"),
    passes(
        "an anchor an alias uses",
        'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    metadata: {owner: &o Ann}\n'
        '  - to_number: "+12137774446"\n    metadata: {owner: *o}\n',
        format="yaml",
    ),
    passes("an anchor on a mapping", HEAD + "    metadata: &m {a: 1}\n", format="yaml"),
    # The empty value of `? note` is marked where the next token starts: the anchor of the next key, which is not its own.
    passes(
        "an empty value before an anchored key", HEAD + "    metadata:\n      ? note\n      &k owner: Ann\n      copy: *k\n", format="yaml"
    ),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_quotes_the_text() -> None:
    assert one(check_text(VARS.format("&Co Ltd"), "yaml"), CODE).hint == 'quote it: "&Co Ltd"'


def test_a_value_starting_with_an_asterisk_is_a_syntax_error_that_says_to_quote_it() -> None:
    report = check_text(HEAD + "    metadata: {key: *}\n", "yaml")
    assert report.codes == ["RBV001"]
    assert "quote it if it is text" in (report.diagnostics[0].hint or "")
    undefined = check_text(HEAD + "    metadata: {key: *nope}\n", "yaml")
    assert undefined.codes == ["RBV001"] and "quote it if it is text" in (undefined.diagnostics[0].hint or "")
