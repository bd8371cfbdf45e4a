"""The input is larger than the size limit (``--max-bytes``, default 64 MiB for JSON, 20 MiB for YAML); it was not read.

Why it matters: a payload is parsed in memory (about ten times its size for
JSON), so an accidental multi-gigabyte export or a crafted file could exhaust
a CI runner. Files over the limit are refused before they are read; raise the
limit with ``--max-bytes`` (library: ``max_bytes=``) if the batch is real, or
split it into several files.

Fails: a 200 MB export checked with the default limit.

Passes: the same batch split into files under the limit, or ``--max-bytes 300000000``.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV014"
NAME = "payload-too-large"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
