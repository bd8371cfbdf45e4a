"""Task rules (RBV6xx): empty batches, dynamic variables and placeholders across tasks."""

PREFIX = "RBV6"
FAMILY = "tasks"
