"""Do-not-call rules (RBV9xx): tasks whose numbers are on the configured do-not-call lists (``dnc``), and the lists' age."""

PREFIX = "RBV9"
FAMILY = "do-not-call"
