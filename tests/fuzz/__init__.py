"""Fuzzing: strategies and invariants shared by tests/test_fuzz.py and the long run (``python -m tests.fuzz.run``)."""
