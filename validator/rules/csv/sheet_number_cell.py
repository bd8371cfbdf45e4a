"""A workbook holds phone numbers as numbers, not text.

Why it matters: a number typed into a General-format column of Excel becomes a
number: the ``+`` is dropped, leading zeros go, and past 11 digits Excel shows it
as ``1.40451E+10``. Exported to CSV it stays that way. The digits of a number
cell in an ``.xlsx`` are still there: the finding gives the E.164 number each
stands for (read in the list's region, or as if the lost ``+`` stood before the
digits), and ``check --fix`` writes the cells back as text. A number cell whose
digits cannot be a phone number any more (a fraction, more than 15 digits) must
be taken again from its source. One finding for all the rows.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV820"
NAME = "sheet-number-cell"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
NO_EXAMPLES = "Only a workbook has typed cells: see tests/rules/csv/test_sheet_number_cell.py for .xlsx files that reach it."
# The spreadsheet cause words the problem better than the generic E.164 and validity messages.
SUPERSEDES = ("RBV201", "RBV202")
