"""The phone fast path (validator.knowledge.numbering) gives phonenumbers' verdicts: parse + is_valid_number.

A sample of generated numbers here; bench/phones.py runs the same comparison over 250,000.
"""

from __future__ import annotations

from tests.knowledge.phone_differential import e164_numbers, examples, fast_verdict, slow_analyze, spellings, type_differs, verdict
from validator.knowledge import phones
from validator.knowledge.numbering import number_type, valid_e164


def test_every_example_number_gets_phonenumbers_verdict() -> None:
    numbers = examples()
    assert len(numbers) > 900
    assert [fast_verdict(n) for n in numbers] == [verdict(n) for n in numbers]


def test_generated_numbers_get_phonenumbers_verdict_and_most_valid_ones_take_the_fast_path() -> None:
    numbers = e164_numbers(6_000)
    expected = [verdict(n) for n in numbers]
    assert [fast_verdict(n) for n in numbers] == expected
    valid = [n for n, v in zip(numbers, expected, strict=True) if v[0]]
    fast = [n for n in valid if valid_e164(n[1:]) is not None]
    assert 0.3 < len(valid) / len(numbers) < 0.7  # both verdicts are well represented
    assert len(fast) / len(valid) > 0.9  # the comparison is about the fast path, not phonenumbers against itself


def test_fast_path_never_answers_for_an_invalid_number() -> None:
    for number in e164_numbers(3_000, seed=3):
        if valid_e164(number[1:]) is not None:
            assert verdict(number)[0], number


def test_number_types_equal_phonenumbers() -> None:
    numbers = [*examples(), *e164_numbers(3_000, seed=4)]
    assert [n for n in numbers if type_differs(n)] == []
    assert sum(1 for n in examples() if number_type(n[1:]) is not None) > 900  # every valid example is typed here


def test_other_spellings_read_as_with_phonenumbers_alone() -> None:
    texts = spellings(2_000)
    assert [phones.analyze_uncached(t) for t in texts] == [slow_analyze(t) for t in texts]


def test_near_misses_of_the_fast_path_conditions() -> None:
    # +1 1…: the national prefix 1 may be stripped; 11 digits 10…/11…; 10 digits starting 0 or 1; +39 0…
    texts = ["+112135550123", "+11213555012", "10135550123", "11135550123", "0135550123", "1135550123", "+390612345678", "+12", "+123"]
    assert [phones.analyze_uncached(t) for t in texts] == [slow_analyze(t) for t in texts]
