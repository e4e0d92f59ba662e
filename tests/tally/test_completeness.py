"""Which units a stage must have a count of, and which are missing (results.tally.completeness).

A stage that adds up fewer units than the election definition names computes a result that
passes every consistency check and is wrong (issue 14, defect 3). These tests pin the reading of
the election tree (the municipalities of a kieskring, the kieskringen) and of the identifiers
count files use; the property states the invariant an auditor relies on: a unit is reported
missing exactly when no count names it.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from osv.model import (
    ElectionCategory,
    ElectionDefinition,
    ElectionIdentifier,
    ElectionSubcategory,
    PollingStation,
    Region,
    RegionCategory,
)
from results.tally.completeness import (
    check_completeness,
    expected_districts,
    expected_municipalities,
    expected_polling_stations,
    unit_number,
)


def _definition(districts: dict[int, list[int]]) -> ElectionDefinition:
    """A TK-like definition: kieskringen with the given municipalities (CBS codes)."""
    tree = [Region(category=RegionCategory.STAAT, name="Nederland")]
    tree += [
        Region(
            number=d,
            category=RegionCategory.KIESKRING,
            name=f"Kring {d}",
            superior_category=RegionCategory.STAAT,
        )
        for d in districts
    ]
    tree += [
        Region(
            number=code,
            category=RegionCategory.GEMEENTE,
            name=f"Gemeente {code}",
            superior_number=d,
            superior_category=RegionCategory.KIESKRING,
        )
        for d, codes in districts.items()
        for code in codes
    ]
    return ElectionDefinition(
        identifier=ElectionIdentifier(
            id="TK2099",
            category=ElectionCategory.TK,
            subcategory=ElectionSubcategory.TK,
            election_date=dt.date(2099, 3, 1),
        ),
        contest_id="alle",
        number_of_seats=150,
        preference_threshold=25,
        tree=tuple(tree),
    )


def test_unit_numbers_as_count_files_write_them() -> None:
    assert unit_number("0518") == 518
    assert unit_number("518") == 518
    assert unit_number("HSB12") == 12
    assert unit_number("12") == 12
    assert unit_number("0668::SB3") == 3
    assert unit_number("Briefstembureau") is None


def test_the_municipalities_of_a_kieskring_and_their_labels() -> None:
    definition = _definition({1: [14, 37], 12: [518, 9010]})
    assert [u.number for u in expected_municipalities(definition, 12)] == [518, 9010]
    assert [u.number for u in expected_municipalities(definition)] == [14, 37, 518, 9010]
    (first, *_) = expected_municipalities(definition, 1)
    assert first.sentence == "municipality 0014 Gemeente 14 (kieskring 1 Kring 1): no count"
    assert [u.sentence for u in expected_districts(definition)] == [
        "kieskring 1 Kring 1: no count",
        "kieskring 12 Kring 12: no count",
    ]


def test_missing_and_unexpected_units_are_both_named() -> None:
    definition = _definition({1: [14, 37], 2: [59]})
    check = check_completeness(
        expected_municipalities(definition, 1), ["0014", "0059"], "municipalities of kieskring 1"
    )
    assert [u.number for u in check.missing] == [37]
    assert check.unexpected == ("0059",)
    assert not check.complete
    assert check.summary == "1 of the 2 municipalities of kieskring 1 have no count"


def test_polling_stations_of_a_110b_against_the_units_of_a_510b() -> None:
    stations = [PollingStation(number=n, name=f"Bureau {n}") for n in (1, 2, 3)]
    expected = expected_polling_stations("0668", "West Maas en Waal", stations)
    check = check_completeness(expected, ["0668::SB1", "0668::SB3"], "polling stations")
    assert [u.sentence for u in check.missing] == [
        "polling station 2 Bureau 2 (municipality 0668 West Maas en Waal): no count"
    ]


DISTRICTS = st.dictionaries(
    st.integers(1, 20),
    st.lists(st.integers(1, 9999), min_size=1, max_size=6, unique=True),
    min_size=1,
    max_size=5,
).filter(
    lambda d: (
        len({c for codes in d.values() for c in codes}) == sum(len(codes) for codes in d.values())
    )
)


@given(DISTRICTS, st.data())
def test_a_unit_is_missing_exactly_when_no_count_names_it(
    districts: dict[int, list[int]], data: st.DataObject
) -> None:
    """For any tree and any subset of its municipalities (written as count files write them,
    with or without leading zeros), plus codes the tree does not name: missing = named − given,
    unexpected = given − named, and the check is complete only when both are empty."""
    definition = _definition(districts)
    named = [code for codes in districts.values() for code in codes]
    given_codes = data.draw(st.lists(st.sampled_from(named), unique=True))
    strangers = data.draw(
        st.lists(st.integers(10_000, 20_000), unique=True, max_size=2), label="unknown codes"
    )
    written = [
        f"{code:04d}" if data.draw(st.booleans(), label="padded") else str(code)
        for code in given_codes + strangers
    ]
    check = check_completeness(expected_municipalities(definition), written, "municipalities")
    assert {u.number for u in check.missing} == set(named) - set(given_codes)
    assert {unit_number(u) for u in check.unexpected} == set(strangers)
    assert check.complete == (set(given_codes) == set(named) and not strangers)
