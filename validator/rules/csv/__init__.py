"""CSV rules (RBV8xx): spreadsheet damage in dashboard contact lists, raised by the CSV reader."""

PREFIX = "RBV8"
FAMILY = "csv"
