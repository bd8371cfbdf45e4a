"""The document is too deeply nested or expands too far (YAML alias bombs).

Why it matters: a payload nested thousands of levels deep, or a YAML file
whose aliases expand to millions of nodes ("billion laughs"), is not a real
batch call and would exhaust memory in any consumer. It is refused with this
diagnostic instead of being expanded. So is a YAML file whose aliases repeat
what is written more than tenfold beyond 100,000 nodes: every repeated node
would be checked again, as if the file were that much larger.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV012"
NAME = "too-complex"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    """,
    format="yaml",
    note="a billion laughs: each level repeats the one before nine times",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        retell_llm_dynamic_variables: &vars {company: Acme}
      - to_number: "+12137774446"
        retell_llm_dynamic_variables: *vars
    """,
    format="yaml",
    note="aliases that repeat a little",
)
