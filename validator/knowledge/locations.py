"""Where a recipient is, as far as the number tells: the country, and its state, province or region where the law needs it.

The state comes from phonenumbers' own geocoding data (what ``geocoder.description_for_number(n, "en")``
answers: "Florida", "Miami, FL", "Toronto, ON"); ``data/subdivisions.yaml`` maps those
names to postal codes (a table of names, not of area codes). US territories (Puerto
Rico, Guam, …) have their own region codes in phonenumbers; they are US subdivisions
here, as the federal rule covers them. Other countries are told by their region.

A number whose place within its country cannot be told (toll-free and other
non-geographic numbers) has no subdivision, and when its calling code is shared
(+1 rings in the US, Canada and the Caribbean) every country of the code is a
candidate. Callers judge it by the strictest place it could be.

Spain and Brazil are told to the region too (``data/regions.yaml``: the geocoder's
province or state names → the codes the law uses): a Spanish fixed number's province
gives its autonomous community (whose holidays count), a Brazilian area code its state.
A number whose region is not told (a Spanish mobile) is judged by every region.

Cost: ``import phonenumbers.geodata`` loads every language and country (~0.2-0.5 s,
more than checking 100,000 numbers), and even +1's 32,000 prefixes take ~0.1 s to load.
Only the prefixes that can change a place (~1,300) are kept, in ``data/nanp_geocodes.json``,
made from the installed phonenumbers by ``python -m validator.cli.lawdoc --geocodes``; with
another phonenumbers version the modules holding +1's prefixes are read instead
(``tests/knowledge/test_locations.py`` checks the answers equal the geocoder's, and that the file
is current). Numbers are grouped by the part of the number that decides
the answer (the longest geocoding prefix that can match, and their zones, which tell
geographic from non-geographic numbers); one number per group is parsed.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import count
from pathlib import Path

import phonenumbers
from phonenumbers import NumberParseException
from phonenumbers.tzdata import TIMEZONE_DATA

from validator.knowledge.phones import E164_PATTERN
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
        """The number tells where it rings, as finely as the calling-time law needs (state, province or region there)."""
        return len(self.countries) == 1 and (self.subdivision is not None or self.country not in subdivided())


@cache  # process-wide: one instance per place, so that equality is identity (see Location)
def _interned(country: str, subdivision: str | None, countries: tuple[str, ...], name: str) -> Location:
    return Location(country, subdivision, countries, name)


@cache  # process-wide: the package's table, read once
def subdivision_names() -> dict[str, dict[str, str]]:
    """``{"US": {"Florida": "FL", …}, "CA": {…}}``: the geocoder's names of states and provinces."""
    table: dict[str, dict[str, str]] = load_table("subdivisions")
    return table


@cache  # process-wide: the package's table, read once
def region_names() -> dict[str, dict[str, str]]:
    """``{"ES": {"Barcelona": "CT", …}, "BR": {"Rio de Janeiro": "RJ", …}}``: the geocoder's names of provinces and states."""
    table: dict[str, dict[str, str]] = load_table("regions")
    return table


@cache  # process-wide: derived from the package's tables
def subdivided() -> frozenset[str]:
    """Countries whose law differs by subdivision, so a number is placed only when it tells its subdivision."""
    return frozenset(subdivision_names()) | frozenset(region_names())


@cache  # process-wide: a pure function of the table's codes
def subdivision_name(country: str, code: str) -> str:
    """``("US", "FL")`` → ``Florida`` (the first name the table gives for the code)."""
    return next((name for name, value in subdivision_names().get(country, {}).items() if value == code), code)


@cache  # process-wide: phonenumbers' geocoding data, read once
def nanp_descriptions() -> dict[str, str]:
    """+1's geocoding prefixes → English description: those that can change a place (see :func:`geocode_snapshot`).

    From ``data/nanp_geocodes.json`` when it was made from the installed phonenumbers, else from its data modules.
    """
    kept = json.loads((resources.files("validator.knowledge") / "data" / "nanp_geocodes.json").read_text(encoding="utf-8"))
    if kept.get("phonenumbers") == phonenumbers.__version__:
        descriptions: dict[str, str] = kept["descriptions"]
        return descriptions
    return _needed(all_nanp_descriptions())


def geocode_snapshot() -> dict[str, object]:
    """What ``data/nanp_geocodes.json`` holds (``python -m validator.cli.lawdoc --geocodes`` writes it)."""
    return {
        "phonenumbers": phonenumbers.__version__,
        "descriptions": _needed(all_nanp_descriptions()),
        "regions": {country: _deciding_regions(country, data) for country, data in _all_region_descriptions().items()},
    }


_REGION_CODES = {"34": "ES", "55": "BR"}  # calling code → the country told to the region (data/regions.yaml)


@cache  # process-wide: phonenumbers' geocoding data, read once
def region_descriptions() -> dict[str, dict[str, str]]:
    """Calling code → {prefix → English description}: only the prefixes where the region changes (see :func:`_deciding_regions`)."""
    kept = json.loads((resources.files("validator.knowledge") / "data" / "nanp_geocodes.json").read_text(encoding="utf-8"))
    if kept.get("phonenumbers") == phonenumbers.__version__ and "regions" in kept:
        regions: dict[str, dict[str, str]] = kept["regions"]
        return regions
    return {country: _deciding_regions(country, data) for country, data in _all_region_descriptions().items()}


def _region_of(code: str, description: str) -> str | None:
    """The region a geocoder description names: ``"Barcelona"`` → ``CT``, ``"Niterói - RJ"`` → ``RJ``."""
    names = region_names()[_REGION_CODES[code]]
    tail = description.rsplit(" - ", 1)[-1]
    return tail if tail in names.values() else names.get(description)


def _deciding_regions(code: str, descriptions: dict[str, str]) -> dict[str, str]:
    """The prefixes whose region differs from their longest kept shorter prefix's: enough to place every number."""
    kept: dict[str, str] = {}
    for prefix in sorted(descriptions, key=lambda p: (len(p), p)):
        region = _region_of(code, descriptions[prefix])
        parent = next((kept[prefix[:n]] for n in range(len(prefix) - 1, 0, -1) if prefix[:n] in kept), None)
        if region is not None and (parent is None or _region_of(code, parent) != region):
            kept[prefix] = descriptions[prefix]
    return kept


def _all_region_descriptions() -> dict[str, dict[str, str]]:
    """Spain's and Brazil's geocoding prefixes → English description, from phonenumbers' data modules."""
    loaded = sys.modules.get("phonenumbers.geodata")
    data: dict[str, dict[str, str]] = loaded.GEOCODE_DATA if loaded is not None else _geodata_modules()
    return {
        code: {prefix: names["en"] for prefix, names in data.items() if prefix.startswith(code) and "en" in names} for code in _REGION_CODES
    }


def _geodata_modules() -> dict[str, dict[str, str]]:
    """Every geocoding prefix, read module by module without importing the package (which loads every language)."""
    folder = Path(phonenumbers.__file__).parent / "geodata"
    found: dict[str, dict[str, str]] = {}
    for index in count():
        spec = importlib.util.spec_from_file_location(f"phonenumbers.geodata.data{index}", folder / f"data{index}.py")
        if spec is None or spec.loader is None or not (folder / f"data{index}.py").exists():
            break
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.update(module.data)
    return found


@cache  # process-wide: derived from the package's tables
def _places() -> dict[str, tuple[str, str]]:
    """A state's or province's name, or its postal code, → (country, code)."""
    places = {name: (country, code) for country, names in subdivision_names().items() for name, code in names.items()}
    places.update({code: (country, code) for country, names in subdivision_names().items() for code in names.values()})
    return places


def _place_of(description: str) -> tuple[str, str] | None:
    """The subdivision a geocoder description ends with ("Miami, FL", "Florida"), if the table names it."""
    return _places().get(description.rsplit(", ", 1)[-1])


def _needed(descriptions: dict[str, str]) -> dict[str, str]:
    """Every prefix of the heads (``1NPA``) whose entries name several places; only the head's own entry elsewhere.

    Where the head's entry and every longer one name the same place, the longer ones cannot change
    a number's place: dropping them keeps the answers and leaves ~3% of the data to load.
    """
    places: dict[str, set[object]] = {}
    for prefix, description in descriptions.items():
        places.setdefault(prefix[:4], set()).add(_place_of(description) or description.rsplit(", ", 1)[-1])
    uniform = {head for head, found in places.items() if head in descriptions and len(found) == 1}
    return {prefix: text for prefix, text in descriptions.items() if prefix[:4] not in uniform or len(prefix) == 4}


def all_nanp_descriptions() -> dict[str, str]:
    """+1's prefixes → English description, from phonenumbers' geocoding data modules (sorted by prefix: +1's come first)."""
    loaded = sys.modules.get("phonenumbers.geodata")
    if loaded is not None:
        data: dict[str, dict[str, str]] = loaded.GEOCODE_DATA
        return {prefix: names["en"] for prefix, names in data.items() if prefix.startswith("1") and "en" in names}
    folder = Path(phonenumbers.__file__).parent / "geodata"
    found: dict[str, str] = {}
    for index in count():
        spec = importlib.util.spec_from_file_location(f"phonenumbers.geodata.data{index}", folder / f"data{index}.py")
        if spec is None or spec.loader is None or not (folder / f"data{index}.py").exists():
            break
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # bytecode-cached like any import; not registered, the package stays unimported
        found.update((prefix, names["en"]) for prefix, names in module.data.items() if prefix.startswith("1") and "en" in names)
        if max(module.data) >= "2":
            break
    return found


_FOUND: dict[str, Location] = {}


def location_for(number: str) -> Location | None:
    """Where an E.164 number rings; ``None`` when it is not E.164 or not a valid number (RBV2xx reports it)."""
    return location_of_e164(number) if E164_PATTERN.fullmatch(number) else None


def location_of_e164(number: str) -> Location | None:
    """:func:`location_for` of a number already known to be E.164 (per task: no second pattern match).

    The digits that decide: under +1, the longest geocoding prefix that can match (US and
    Canadian area codes are wholly geographic or wholly not, so the number's type adds
    nothing); elsewhere the region, told by the first digits (+44 1481 is Guernsey).
    """
    head = number[: _deciding_lengths().get(number[1:5], 4) + 1] if number[1] == "1" else number[:6]
    found = _FOUND.get(head)
    if found is None:
        found = _locate(number)
        if found is not None:  # an invalid number says nothing about the valid ones of its head
            _FOUND[head] = found
    return found


def deciding_length(head: str) -> int | None:
    """How many leading digits decide the place of every number starting with ``head`` (4 digits); ``None`` outside +1."""
    if head[0] != "1":
        return None
    return _deciding_lengths().get(head, 4)


@cache  # process-wide: derived from phonenumbers' geocoding data
def _deciding_lengths() -> dict[str, int]:
    """For each +1 head (``1NPA``), how many digits decide the place: 4 when only the head's own entry is kept
    (:func:`_needed`: nearly every area code), else the longest prefix under it (201: a few exchanges say NY)."""
    longest: dict[str, int] = {}
    for prefix in nanp_descriptions():
        longest[prefix[:4]] = max(longest.get(prefix[:4], 4), len(prefix))
    return longest


def _describe(number: str) -> str:
    """The geocoder's English description of a +1 number: its longest prefix in the data."""
    data = nanp_descriptions()
    return next((data[number[1:n]] for n in range(min(len(number), 12), 1, -1) if number[1:n] in data), "")


def _locate(number: str) -> Location | None:
    description = ""
    if number[1] == "1":  # a US state or Canadian province is told by the geocoder's words alone, valid number or not
        description = _describe(number)
        place = _place_of(description)
        if place is not None:
            return _interned(place[0], place[1], (place[0],), subdivision_name(*place))
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(number, None))
    except NumberParseException:
        return None
    if region is None:  # not a valid number (RBV2xx reports it): no place to judge it by
        return None
    if region in US_TERRITORIES:
        return _interned("US", region, ("US",), subdivision_name("US", region))
    if region in region_names():
        return _regional(number, region)
    if region not in subdivision_names():
        return _interned(region, None, (region,), region)
    if description:  # a place the table does not name, or several ("Nova Scotia/Prince Edward Island")
        return _interned(region, None, (region,), f"{description} ({region})")
    # Not geographic (toll-free): anywhere +1 rings.
    countries = tuple(dict.fromkeys("US" if r in US_TERRITORIES else r for r in phonenumbers.region_codes_for_country_code(1)))
    return _interned(region, None, countries, "somewhere on +1")


def _regional(number: str, country: str) -> Location:
    """A Spanish or Brazilian number's place: its region when the geocoder's longest prefix names one."""
    code = next(c for c, region in _REGION_CODES.items() if region == country)
    data = region_descriptions().get(code, {})
    description = next((data[number[1:n]] for n in range(min(len(number), 12), len(code), -1) if number[1:n] in data), None)
    region = _region_of(code, description) if description is not None else None
    if description is None or region is None:
        return _interned(country, None, (country,), f"somewhere in {country}")
    return _interned(country, region, (country,), f"{description} ({country}-{region})")


@cache  # process-wide: a pure function of the table's places
def zones_of(country: str, subdivision: str | None) -> tuple[str, ...]:
    """The zones phonenumbers gives the numbers of a state or province (of the whole country with no subdivision).

    For judging a number whose place is unknown by each place it could be: a Texas rule is
    checked on Texas clocks, not on Guam's.
    """
    return _place_zones().get((country, subdivision), ())


@cache  # process-wide: derived from phonenumbers' zone and geocoding data
def _place_zones() -> dict[tuple[str, str | None], tuple[str, ...]]:
    """Zones by (country, subdivision) and by (country, None): the places of each +1 head (``1NPA``), then the zones under it."""
    heads: dict[str, set[tuple[str, str]]] = {}
    for prefix, description in nanp_descriptions().items():
        place = _place_of(description)
        if place is not None:
            heads.setdefault(prefix[:4], set()).add(place)
    found: dict[tuple[str, str | None], set[str]] = {}
    for prefix, zones in TIMEZONE_DATA.items():
        for place in heads.get(prefix[:4], ()):
            for key in (place, (place[0], None)):
                found.setdefault(key, set()).update(z for z in zones if z != "Etc/Unknown")
    return {key: tuple(sorted(zones)) for key, zones in found.items()}
