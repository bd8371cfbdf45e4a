"""Where a recipient is, as far as the number tells: the country, and in the US and Canada the state or province.

The state comes from phonenumbers' own geocoder (``description_for_number(n, "en")``
answers "Florida", "Miami, FL" or "Toronto, ON"); ``data/subdivisions.yaml`` maps
those names to postal codes (it is a table of names, not of area codes). US
territories (Puerto Rico, Guam, …) have their own region codes in phonenumbers;
they are US subdivisions here, as the federal rule covers them.

A number whose place within its country cannot be told (toll-free, other
non-geographic numbers) has no subdivision, and when its calling code is shared
(NANP: +1 rings in the US, Canada and the Caribbean) every country of the code is
a candidate. Callers judge it by the strictest place it could be.

The geocoder works by prefix, so numbers are grouped by their longest prefix in
phonenumbers' geocoding data and by their zones (which already tell geographic from
non-geographic numbers, see :mod:`validator.knowledge.recipient_zones`); one number
of each group is parsed and geocoded, the rest reuse the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import phonenumbers
from phonenumbers import NumberParseException, geocoder
from phonenumbers.geodata import GEOCODE_DATA
from phonenumbers.tzdata import TIMEZONE_DATA

from validator.knowledge.recipient_zones import RecipientZones, zones_for
from validator.knowledge.tables import load_table

US_TERRITORIES = frozenset({"PR", "VI", "GU", "AS", "MP"})


@dataclass(frozen=True, slots=True, eq=False)
class Location:
    """``country`` (region code, territories folded into ``US``), ``subdivision`` (postal code) when told.

    ``countries`` are the countries the number may ring in: ``(country,)`` unless the
    number's place cannot be told and its calling code is shared. One instance per
    value (see :func:`_interned`), so equality is identity.
    """

    country: str
    subdivision: str | None
    countries: tuple[str, ...]
    name: str

    @property
    def placed(self) -> bool:
        """The number tells where it rings, as finely as the calling-time law needs (state or province there)."""
        return len(self.countries) == 1 and (self.subdivision is not None or self.country not in subdivision_names())


@cache
def _interned(country: str, subdivision: str | None, countries: tuple[str, ...], name: str) -> Location:
    return Location(country, subdivision, countries, name)


@cache
def subdivision_names() -> dict[str, dict[str, str]]:
    """``{"US": {"Florida": "FL", …}, "CA": {…}}``: the geocoder's names of states and provinces."""
    table: dict[str, dict[str, str]] = load_table("subdivisions")
    return table


@cache
def subdivision_name(country: str, code: str) -> str:
    """``("US", "FL")`` → ``Florida`` (the first name the table gives for the code)."""
    return next((name for name, value in subdivision_names().get(country, {}).items() if value == code), code)


# Lengths of the geocoding prefixes longer than 4 digits, by their first 4 digits, longest first.
_LONGER: dict[str, tuple[int, ...]] = {}
for _prefix in GEOCODE_DATA:
    if len(_prefix) > 4:
        _LONGER[_prefix[:4]] = tuple(sorted({*_LONGER.get(_prefix[:4], ()), len(_prefix)}, reverse=True))
_FOUND: dict[tuple[str, RecipientZones], Location | None] = {}


def location_for(number: str, zones: RecipientZones | None = None) -> Location | None:
    """Where an E.164 number rings; ``None`` when it is not E.164 or cannot be parsed (RBV2xx reports it).

    ``zones`` is ``zones_for(number)`` when the caller has it already.
    """
    zones = zones or zones_for(number)
    if zones is None:
        return None
    digits = number[1:]
    key = (_geo_prefix(digits), zones)
    if key not in _FOUND:
        _FOUND[key] = _locate(number)
    return _FOUND[key]


def _geo_prefix(digits: str) -> str:
    """The longest prefix of ``digits`` in the geocoding data, else the first 4 digits."""
    for length in (*_LONGER.get(digits[:4], ()), 4, 3, 2, 1):
        if length <= len(digits) and digits[:length] in GEOCODE_DATA:
            return digits[:length]
    return digits[:4]


def _locate(number: str) -> Location | None:
    try:
        parsed = phonenumbers.parse(number, None)
    except NumberParseException:
        return None
    code = parsed.country_code
    region = phonenumbers.region_code_for_number(parsed) or phonenumbers.region_code_for_country_code(code)
    if region in US_TERRITORIES:
        return _interned("US", region, ("US",), geocoder.description_for_number(parsed, "en") or region)
    names = subdivision_names().get(region)
    if names is None:
        return _interned(region, None, (region,), geocoder.country_name_for_number(parsed, "en") or region)
    description = geocoder.description_for_number(parsed, "en")
    place = description.rsplit(", ", 1)[-1]
    subdivision = names.get(place) or (place if place in names.values() else None)
    if subdivision is not None:
        return _interned(region, subdivision, (region,), subdivision_name(region, subdivision))
    if description:  # a place the table does not name, or several ("Nova Scotia/Prince Edward Island")
        return _interned(region, None, (region,), f"{description} ({region})")
    # Not geographic (toll-free): anywhere its calling code rings.
    countries = tuple(dict.fromkeys("US" if r in US_TERRITORIES else r for r in phonenumbers.region_codes_for_country_code(code)))
    return _interned(region, None, countries, f"somewhere {'in ' + region if len(countries) == 1 else 'on +' + str(code)}")


def zones_of(country: str, subdivision: str | None) -> tuple[str, ...]:
    """The zones phonenumbers gives the numbers of a state or province (of the whole country with no subdivision).

    For judging a number whose place is unknown by each place it could be: a Texas rule is
    checked on Texas clocks, not on Guam's.
    """
    return _place_zones().get((country, subdivision), ())


@cache
def _place_zones() -> dict[tuple[str, str | None], tuple[str, ...]]:
    """One pass over +1's geocoding and zone data: zones by (country, subdivision) and by (country, None)."""
    found: dict[tuple[str, str | None], dict[str, None]] = {}
    places = {name: (country, code) for country, names in subdivision_names().items() for name, code in names.items()}
    places.update({code: (country, code) for country, names in subdivision_names().items() for code in names.values()})
    zones_by_npa: dict[str, tuple[str, ...]] = {}
    for prefix, description in GEOCODE_DATA.items():
        place = places.get(description.get("en", "").rsplit(", ", 1)[-1]) if prefix.startswith("1") else None
        if place is None:
            continue
        zones = TIMEZONE_DATA.get(prefix) or zones_by_npa.get(prefix[:4]) or zones_by_npa.setdefault(prefix[:4], _zones_of_prefix(prefix))
        for key in (place, (place[0], None)):
            found.setdefault(key, {}).update(dict.fromkeys(z for z in zones if z != "Etc/Unknown"))
    return {key: tuple(sorted(zones)) for key, zones in found.items()}


def _zones_of_prefix(prefix: str) -> tuple[str, ...]:
    return next((TIMEZONE_DATA[prefix[:n]] for n in range(len(prefix), 0, -1) if prefix[:n] in TIMEZONE_DATA), ())
