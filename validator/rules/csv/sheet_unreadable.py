"""A workbook cannot be read: password-protected, damaged, a legacy ``.xls``, or no such sheet.

Why it matters: nothing in it can be checked (or converted, or split). The
message says why: an encrypted workbook needs a copy saved without its
password; a legacy ``.xls`` or a damaged file needs saving again as ``.xlsx`` or
CSV UTF-8; a ``--sheet`` name must be one of the sheets the message lists.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV821"
NAME = "sheet-unreadable"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
NO_EXAMPLES = "Only a workbook file reaches it: see tests/rules/csv/test_sheet_unreadable.py (encrypted, damaged, .xls, no such sheet)."
