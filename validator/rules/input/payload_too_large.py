"""The input is larger than the size limit (``--max-bytes``, default 64 MiB for JSON, 20 MiB for YAML); it was not read.

Why it matters: a payload is parsed in memory (about ten times its size for
JSON), so an accidental multi-gigabyte export or a crafted file could exhaust
a CI runner. Files over the limit are refused before they are read; raise the
limit with ``--max-bytes`` (library: ``max_bytes=``) if the batch is real, or
split it into several files.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV014"
NAME = "payload-too-large"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    "tasks": [
      {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"first_name": "Ann"}},
      {"to_number": "+12137774446", "retell_llm_dynamic_variables": {"first_name": "Bob"}},
      {"to_number": "+12137774447", "retell_llm_dynamic_variables": {"first_name": "Cy"}}
    ]
    """,
    note="three tasks: over the limit",
    config={"max-bytes": 200},
)
PASSES = Example('"tasks": [{"to_number": "+12137774445"}]', note="one task: under it", config={"max-bytes": 200})
