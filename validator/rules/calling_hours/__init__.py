"""Calling-hours rules (RBV7xx): when calls ring at each recipient's location."""

PREFIX = "RBV7"
FAMILY = "calling-hours"
