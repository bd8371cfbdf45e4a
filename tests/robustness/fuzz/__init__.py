"""Fuzzing: strategies and invariants shared by tests/robustness/test_fuzz.py and the long run (``python -m tests.robustness.fuzz.run``)."""
