"""One module per rule. See :mod:`validator.registry` for the module contract."""
