"""Schema rules (RBV1xx): violations of the bundled OpenAPI schema, one module per JSON Schema keyword family, plus unknown keys."""

PREFIX = "RBV1"
FAMILY = "schema"
