"""RBV510 vocab-specialization-non-english: `vocab_specialization` on an agent whose languages include no English locale."""

from __future__ import annotations

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV510"
POINTER = f"{AGENT}/vocab_specialization"

CASES = [
    flags(
        "one German locale", with_agent(language="de-DE", vocab_specialization="medical"), At(POINTER, "info", says='`language` is "de-DE"')
    ),
    flags("a list without English", with_agent(language=["de-DE", "fr-FR"], vocab_specialization="medical"), At(POINTER, "info")),
    passes("a list with one English locale", with_agent(language=["de-DE", "en-GB"], vocab_specialization="medical")),
    passes("an English locale", with_agent(language="en-IN", vocab_specialization="medical")),
    passes("multi may include English", with_agent(language="multi", vocab_specialization="medical")),
    passes("no language in the override", with_agent(vocab_specialization="medical")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)
