"""The rules, one module per rule, grouped by family: ``rules/<family>/<rule_name>.py``.

A rule module declares ``CODE``, ``NAME``, ``SEVERITY`` and ``KIND``, and its
docstring is its documentation (first line: the summary). A family is a
package whose ``__init__`` declares its code ``PREFIX`` and ``FAMILY`` label;
helpers shared by a family's rules sit beside them, named with a leading
underscore. :mod:`validator.engine.registry` discovers every module; nothing
else lists rules.
"""

from enum import StrEnum


class Kind(StrEnum):
    """How a rule runs; the registry checks that a module has what its kind needs."""

    DOCUMENT = "document"  # ``check(ctx) -> Iterable[Finding]`` over the parsed payload
    SCHEMA = "schema"  # ``KEYWORDS`` + ``describe(error, ctx)``: words python-jsonschema errors
    RAISED = "raised"  # raised by a reader or the pipeline; the module holds its code and documentation
