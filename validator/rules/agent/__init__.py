"""Agent-override rules (RBV5xx): constraints the spec states in prose, versions, voices, webhooks."""

PREFIX = "RBV5"
FAMILY = "agent"
