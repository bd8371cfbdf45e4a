"""Input rules (RBV0xx): what the readers and the pipeline raise before any field is looked at: syntax, encodings, duplicate keys, YAML 1.1 traps, size and depth limits, suppression comments."""

PREFIX = "RBV0"
FAMILY = "input"
