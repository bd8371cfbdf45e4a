"""Scheduling rules (RBV4xx): ``trigger_timestamp`` units and range."""

PREFIX = "RBV4"
FAMILY = "scheduling"
