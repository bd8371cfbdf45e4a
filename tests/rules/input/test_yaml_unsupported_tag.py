"""RBV010 yaml-unsupported-tag: tags with no JSON form (language objects, binary, sets, custom tags), never constructed."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV010"
HEAD = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\n'
TAGS = ["!!python/object/apply:os.system ['touch /tmp/rbv-pwned']", "!!python/name:os.system", "!!python/object:object {}", "!custom x"]

CASES = [
    *(flags(f"tag {tag.split()[0]}", f"{HEAD}name: {tag}\n", At("/name", "error", line=3), format="yaml") for tag in TAGS),
    flags(
        "a Python call in metadata",
        'from_number: "+14157774444"\ntasks: []\nmetadata: !!python/object/apply:os.system ["echo hi"]\n',
        "/metadata",
        format="yaml",
    ),
    flags("binary", f"{HEAD}name: !!binary aGk=\n", At("/name", line=3), format="yaml"),
    flags("a set", f"{HEAD}metadata: !!set {{a, b}}\n", At("/metadata", line=3), format="yaml"),
    passes("a standard tag JSON can carry", f"{HEAD}name: !!str 12\n", format="yaml"),
]

test_cases = cases_test(CODE, CASES)
