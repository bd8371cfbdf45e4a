"""validator.knowledge.locations: where a number rings (state, province, country), as the geocoder says, and its snapshot."""

from __future__ import annotations

import json

import phonenumbers
import pytest
from phonenumbers import geocoder

from tests.calling.numbers import TOLL_FREE, number_in
from validator.cli.lawdoc import GEOCODES
from validator.knowledge.locations import all_nanp_descriptions, geocode_snapshot, location_for, subdivision_names, zones_of


def test_every_state_dc_and_province_is_reachable_from_phonenumbers_data() -> None:
    for country, names in subdivision_names().items():
        for code in set(names.values()) - {"PR", "VI", "GU", "AS", "MP", "NU"}:
            location = location_for(number_in(country, code, one_zone=False))
            assert location is not None and (location.country, location.subdivision, location.placed) == (country, code, True)


def test_places_match_the_geocoder() -> None:
    checked = 0
    for prefix in sorted(all_nanp_descriptions())[::97]:
        number = f"+{(prefix + '2345678901')[:11]}"
        parsed = phonenumbers.parse(number)
        if not phonenumbers.is_valid_number(parsed) or phonenumbers.region_code_for_number(parsed) not in ("US", "CA"):
            continue
        place = geocoder.description_for_number(parsed, "en").rsplit(", ", 1)[-1]
        location = location_for(number)
        assert location is not None
        names = subdivision_names()[location.country]
        assert location.subdivision == names.get(place, place if place in names.values() else None), number
        checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    ("number", "country", "subdivision", "countries"),
    [
        ("+17875550100", "US", "PR", ("US",)),
        ("+14165550123", "CA", "ON", ("CA",)),
        ("+61291234567", "AU", None, ("AU",)),
        ("+33123456789", "FR", None, ("FR",)),
    ],
)
def test_territories_provinces_and_countries(number: str, country: str, subdivision: str | None, countries: tuple[str, ...]) -> None:
    location = location_for(number)
    assert location is not None and (location.country, location.subdivision, location.countries, location.placed) == (
        country,
        subdivision,
        countries,
        True,
    )


def test_toll_free_may_ring_anywhere_on_its_code() -> None:
    location = location_for(TOLL_FREE)
    assert location is not None and not location.placed and {"US", "CA"} <= set(location.countries)
    assert location_for("not a number") is None
    assert zones_of("US", "TX") == ("America/Chicago", "America/Denver")


def test_geocode_snapshot_is_current_and_keeps_every_place() -> None:
    kept = json.loads(GEOCODES.read_text(encoding="utf-8"))
    assert kept == geocode_snapshot(), "run `python -m validator.cli.lawdoc --geocodes`"
    full, reduced = all_nanp_descriptions(), kept["descriptions"]
    codes = {name: code for names in subdivision_names().values() for name, code in names.items()}

    def place(data: dict[str, str], prefix: str) -> str:
        found = next(data[prefix[:n]] for n in range(len(prefix), 0, -1) if prefix[:n] in data).rsplit(", ", 1)[-1]
        return codes.get(found, found)

    assert all(place(full, prefix) == place(reduced, prefix) for prefix in full)
    assert len(reduced) < len(full) / 10
