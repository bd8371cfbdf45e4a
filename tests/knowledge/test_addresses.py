"""Where a person lives from an address cell (validator.knowledge.addresses) and the postal-code table it reads."""

from __future__ import annotations

import pytest

from validator.knowledge.addresses import place_of_address, render_table, table_from_package, zip_state
from validator.knowledge.tables import load_table


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("FL", ("US", "FL")),
        ("fl", ("US", "FL")),
        ("Florida", ("US", "FL")),
        (" florida. ", ("US", "FL")),
        ("33101", ("US", "FL")),
        ("33101-1234", ("US", "FL")),
        ("331011234", ("US", "FL")),
        ("06390", ("US", "NY")),  # Fishers Island: a New York code under Connecticut's prefix
        ("06401", ("US", "CT")),
        ("00901", ("US", "PR")),
        ("96910", ("US", "GU")),
        ("99501", ("US", "AK")),
        ("96813", ("US", "HI")),
        ("20001", ("US", "DC")),
        ("ON", ("CA", "ON")),
        ("Quebec", ("CA", "QC")),
        ("M5V 3L9", ("CA", "ON")),
        ("h2x1y4", ("CA", "QC")),
    ],
)
def test_places(text: str, place: tuple[str, str]) -> None:
    found = place_of_address(text)
    assert found is not None and (found.country, found.subdivision) == place


@pytest.mark.parametrize("text", ["", "Miami", "3310", "09001", "96941", "X0A 0H0", "Z1Z 1Z1", "12345678901"])
def test_nothing_told(text: str) -> None:
    """A city, a short code, military mail (AE), Micronesia (FM), Nunavut/NWT's shared X, a letter no district has, too many digits."""
    assert place_of_address(text) is None


def test_zip_states_are_states_or_territories() -> None:
    assert zip_state("10001") == "NY" and zip_state("09001") is None


def test_the_table_is_the_zipcodes_package_s_list() -> None:
    """data/postal_codes.yaml equals what its generator makes of the zipcodes package (a development dependency)."""
    pytest.importorskip("zipcodes", reason="zipcodes is in the [dev] extra")
    table = load_table("postal_codes")
    made = table_from_package()
    assert {key: table[key] for key in made} == made
    assert render_table(made).startswith("# Where a person lives")
