"""Tests of the input rules (RBV0xx): what the readers raise about a payload's bytes, syntax and shape."""

# A key repeated at three levels: twice with the same value (RBV002), once with another (RBV016).
EVERY_LEVEL = (
    '{"from_number": "+14157774444", "from_number": "+14157774444",\n'
    ' "tasks": [{"to_number": "+12137774445", "to_number": "+12137774445",\n'
    '   "metadata": {"a": {"b": 1, "b": 2}}}]}'
)
# A key written twice in a mapping that also merges an anchor (equal values: RBV002; different: RBV016).
BESIDE_A_MERGE = 'd: &d {a: 1}\nfrom_number: "+14157774444"\ntasks: []\nmetadata: {<<: *d, b: 1, b: 1}\n'
