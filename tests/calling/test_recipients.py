"""Where a batch's recipients are (validator.calling.recipients): grouping by a number's head, and its E.164 check."""

from __future__ import annotations

import random

import phonenumbers
from hypothesis import given
from hypothesis import strategies as st

from tests.calling.numbers import TOLL_FREE
from tests.helpers import seed
from validator import Settings
from validator.calling.recipients import groups, is_e164
from validator.context import Context
from validator.knowledge.locations import location_for, nanp_descriptions
from validator.knowledge.phones import E164_PATTERN
from validator.knowledge.recipient_zones import zones_for
from validator.openapi.load import load_spec


def test_grouping_by_head_gives_each_number_its_own_answer() -> None:
    """The per-head shortcut of the grouping equals looking every number up (zones and place)."""
    rnd = random.Random(5)
    prefixes = sorted(nanp_descriptions())
    numbers = [f"+{(rnd.choice(prefixes) + str(rnd.randrange(10**10)).zfill(10))[:11]}" for _ in range(3000)]
    numbers += [TOLL_FREE, "+18765550123", "+12425550123", "+447700900123", "+441481256789", "+61412345678", "+33612345678"]
    ctx = Context(seed(tasks=[{"to_number": n} for n in numbers]), load_spec(), Settings())
    for (location, zones, _), group in groups(ctx).items():
        for index in group.indexes:
            number = numbers[index]
            if not phonenumbers.is_valid_number(phonenumbers.parse(number)):
                continue  # RBV2xx: an invalid number outside US and Canadian area codes may borrow its head's place
            assert (location_for(number), zones_for(number)) == (location, zones), number
    assert sum(group.count for group in groups(ctx).values()) == len(numbers)


@given(st.text(alphabet="+0123456789١²x ", max_size=18) | st.from_regex(E164_PATTERN, fullmatch=True))
def test_e164_check_equals_the_pattern(text: str) -> None:
    assert is_e164(text) == bool(E164_PATTERN.fullmatch(text))
