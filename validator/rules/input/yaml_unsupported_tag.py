"""A YAML tag or type that JSON cannot carry (``!!python/object``, ``!!binary``, ``!!set``, custom tags).

Why it matters: the payload is sent as JSON; such values have no JSON form.
Tags that construct objects are never constructed here (safe loading only).

Fails::

    metadata: !!python/object:os.system {}

Passes::

    metadata: {source: crm}
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV010"
NAME = "yaml-unsupported-tag"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
