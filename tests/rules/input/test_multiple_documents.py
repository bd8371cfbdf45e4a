"""RBV011 multiple-documents: a YAML file with more than one document, at the separator that starts the second."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV011"
ONE = 'from_number: "+14157774444"\ntasks: []\n'

CASES = [
    flags("two documents", ONE + '---\nfrom_number: "+1"\n', At("", "error", line=3), format="yaml"),
    flags("two whole batches", ONE + "---\n" + ONE, At("", line=3), format="yaml"),
    passes("one document with its start and end markers", "---\n" + ONE + "...\n", format="yaml"),
]

test_cases = cases_test(CODE, CASES)
