"""An ``ignore e164 validation`` cell is neither ``true``, ``false`` nor empty.

Why it matters: the column turns the E.164 check off for its row only with
``true`` (Excel writes ``TRUE``, also accepted). ``yes``, ``1`` or ``x`` are
not read as true, so the row is still validated.

Fails::

    phone number,ignore e164 validation
    1001,yes

Passes::

    phone number,ignore e164 validation
    1001,true
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV818"
NAME = "csv-invalid-boolean"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
