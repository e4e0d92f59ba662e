"""The checks an election definition (110a) must pass beyond the schema (eml-nl.md §6.1).

The schema accepts a definition for a municipal council with 250 seats, or with the preference
threshold of a large council for a small one. Such a file would silently lead to a wrong seat
allocation, so the reader refuses it, one rule at a time, in this order:

1. ``kr:ElectionSubcategory`` is present, the category is one OSV supports, and the subcategory
   belongs to the category (GR1/GR2 for GR, PS1/PS2 for PS, ...);
2. ``kr:ElectionDomain`` is present, except for national elections (TK, EP, EK), where it must
   be absent;
3. ``kr:NumberOfSeats`` is present and lawful for the category (:func:`osv.model.rules.seat_range`);
4. ``kr:PreferenceThreshold``, ``kr:NominationDate`` and ``kr:ElectionTree`` are present;
5. the subcategory fits the seats (GR1/AB1 below 19 seats, GR2/AB2 from 19) or, for PS, the number
   of kieskringen (PS1 one, PS2 several): :func:`osv.model.rules.expected_subcategory`;
6. the preference threshold is the one of Kieswet P 15: 50 % of the quota for a municipal
   council below 19 seats, otherwise 25 % (:func:`osv.model.rules.expected_preference_threshold`);
7. the nomination date comes before the election date;
8. the tree has a region with the centraal stembureau (committee CSB); where it sits is noted
   when it is not the GEMEENTE region of a municipal council or the STAAT region of a national
   election (the Kiesraad's TK definitions put it in the kieskring of its seat);
9. the voting method is SPV (one preferential vote, the only method Dutch law knows).

Each failure is one sentence naming what was expected and what was found. Deviations that are
accepted are recorded as notes on the reader (:meth:`eml.read.common.Reader.note`).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from eml.read.common import Reader
from osv.errors import InvariantError
from osv.model import (
    NATIONAL_CATEGORIES,
    CommitteeCategory,
    ElectionCategory,
    ElectionIdentifier,
    ElectionSubcategory,
    Region,
    RegionCategory,
)
from osv.model.election import DISTRICT_CATEGORIES
from osv.model.rules import (
    SMALL_BODY_SEATS,
    expected_preference_threshold,
    expected_subcategory,
    seat_range,
)

__all__ = ["SUBCATEGORIES", "SUPPORTED_CATEGORIES", "check_definition", "check_domain"]

_C = ElectionCategory
_S = ElectionSubcategory

#: The subcategories that belong to each category (kr:ElectionSubcategoryType).
SUBCATEGORIES: dict[ElectionCategory, tuple[ElectionSubcategory, ...]] = {
    _C.GR: (_S.GR1, _S.GR2),
    _C.AB: (_S.AB1, _S.AB2),
    _C.PS: (_S.PS1, _S.PS2),
    _C.TK: (_S.TK,),
    _C.EK: (_S.EK,),
    _C.EP: (_S.EP,),
    _C.BC: (_S.BC,),
    _C.GC: (_S.GC,),
    _C.ER: (_S.ER1,),
    _C.NR: (_S.NR,),
    _C.PR: (_S.PR,),
    _C.LR: (_S.LR,),
    _C.IR: (_S.IR,),
}

#: Elections by list vote that OSV supports. The Eerste Kamer is elected by the members of the
#: provincial councils with weighted votes (Kieswet chapter U) and referendums have no lists or
#: seats: both are out of scope (docs/README.md).
SUPPORTED_CATEGORIES: tuple[ElectionCategory, ...] = (
    _C.GR,
    _C.PS,
    _C.AB,
    _C.TK,
    _C.EP,
    _C.BC,
    _C.GC,
    _C.ER,
)

#: Where the centraal stembureau must sit, for categories where it is fixed: the municipality
#: for its council, the Kiesraad (the STAAT region) for national elections.
_CSB_REGION: dict[ElectionCategory, RegionCategory] = {
    _C.GR: RegionCategory.GEMEENTE,
    _C.TK: RegionCategory.STAAT,
    _C.EP: RegionCategory.STAAT,
    _C.EK: RegionCategory.STAAT,
}


def check_definition(
    reader: Reader,
    *,
    election: etree._Element,
    identifier_element: etree._Element,
    identifier: ElectionIdentifier,
    voting_method_element: etree._Element,
    seats_element: etree._Element | None,
    seats: int | None,
    threshold_element: etree._Element | None,
    threshold: int | None,
    tree_element: etree._Element | None,
    tree: tuple[Region, ...] | None,
) -> tuple[int, int, tuple[Region, ...]]:
    """Check a read definition against the rules above; return seats, threshold and tree.

    The elements are passed so that each message can give the line of the offending element.

    :raises EmlContentError: at the first rule the definition breaks.
    """
    category = identifier.category
    _check_subcategory_present(reader, identifier_element, identifier)
    check_domain(reader, identifier_element, identifier)
    if seats is None:
        raise reader.error(
            election,
            "the election definition has no kr:NumberOfSeats: expected the number of seats "
            "to be filled, found none",
        )
    _check_seat_range(reader, _checked(seats_element, "kr:NumberOfSeats"), category, seats)
    if threshold is None:
        raise reader.error(
            election,
            "the election definition has no kr:PreferenceThreshold: expected "
            f"{expected_preference_threshold(category, seats)} (percent of the quota, "
            "Kieswet P 15), found none",
        )
    if identifier.nomination_date is None:
        raise reader.error(
            identifier_element,
            "ElectionIdentifier has no kr:NominationDate: expected the day of candidate "
            "nomination, found none",
        )
    if tree is None:
        raise reader.error(
            election,
            "the election definition has no kr:ElectionTree: expected the tree of regions and "
            "committees, found none",
        )
    _check_subcategory_fits(reader, identifier_element, identifier, seats, tree)
    threshold_checked = _checked(threshold_element, "kr:PreferenceThreshold")
    _check_threshold_fits(reader, threshold_checked, category, seats, threshold)
    _check_nomination_first(
        reader, identifier_element, identifier.nomination_date, identifier.election_date
    )
    _check_central_committee(reader, _checked(tree_element, "kr:ElectionTree"), category, tree)
    _check_voting_method(reader, voting_method_element)
    return seats, threshold, tree


def _checked(element: etree._Element | None, name: str) -> etree._Element:
    """The element of a value checked to be present (the reader found both together)."""
    if element is None:
        raise InvariantError(f"the checked {name} is missing")
    return element


def _check_seat_range(
    reader: Reader, seats_element: etree._Element, category: ElectionCategory, seats: int
) -> None:
    """The number of seats lies in the lawful range of the category."""
    lowest, highest = seat_range(category)
    if not lowest <= seats <= highest:
        expected = f"{lowest}" if lowest == highest else f"{lowest} to {highest}"
        raise reader.error(
            seats_element,
            f"kr:NumberOfSeats is outside the lawful range for {category.value}: "
            f"expected {expected}, found {seats}",
        )


def _check_threshold_fits(
    reader: Reader,
    threshold_element: etree._Element,
    category: ElectionCategory,
    seats: int,
    threshold: int,
) -> None:
    """The preference threshold is the one Kieswet P 15 gives the category and size."""
    required = expected_preference_threshold(category, seats)
    if threshold != required:
        size = f"fewer than {SMALL_BODY_SEATS}" if seats < SMALL_BODY_SEATS else "19 or more"
        raise reader.error(
            threshold_element,
            f"kr:PreferenceThreshold does not fit {category.value} with {seats} seats "
            f"({size}, Kieswet P 15): "
            f"expected {required}, found {threshold}",
        )


def _check_nomination_first(
    reader: Reader, identifier_element: etree._Element, nominated: dt.date, elected: dt.date
) -> None:
    """Nomination day comes before election day."""
    if nominated >= elected:
        raise reader.error(
            identifier_element,
            "kr:NominationDate must come before kr:ElectionDate "
            f"{elected.isoformat()}: expected an earlier date, found "
            f"{nominated.isoformat()}",
        )


def _check_voting_method(reader: Reader, voting_method_element: etree._Element) -> None:
    """The voting method is SPV."""
    voting_method = (voting_method_element.text or "").strip()
    if voting_method != "SPV":
        raise reader.error(
            voting_method_element,
            "VotingMethod must be SPV (one preferential vote per voter): "
            f"expected SPV, found {voting_method!r}",
        )


def _check_subcategory_present(
    reader: Reader, element: etree._Element, identifier: ElectionIdentifier
) -> None:
    category = identifier.category
    allowed = ", ".join(member.value for member in SUBCATEGORIES[category])
    if identifier.subcategory is None:
        raise reader.error(
            element,
            "ElectionIdentifier has no kr:ElectionSubcategory: expected "
            f"{_one_of(allowed)} for category {category.value}, found none",
        )
    if category not in SUPPORTED_CATEGORIES:
        supported = ", ".join(member.value for member in SUPPORTED_CATEGORIES)
        raise reader.error(
            element,
            f"ElectionCategory {category.value} is not supported: expected one of {supported}",
        )
    if identifier.subcategory not in SUBCATEGORIES[category]:
        raise reader.error(
            element,
            f"kr:ElectionSubcategory does not belong to ElectionCategory {category.value}: "
            f"expected {_one_of(allowed)}, found {identifier.subcategory.value}",
        )


def check_domain(reader: Reader, element: etree._Element, identifier: ElectionIdentifier) -> None:
    """A national election has no domain; any other names its municipality, province or
    water board."""
    category = identifier.category
    if category in NATIONAL_CATEGORIES and identifier.domain is not None:
        raise reader.error(
            element,
            f"a {category.value} election is national and has no kr:ElectionDomain: expected "
            f"none, found {identifier.domain.name!r}",
        )
    if category not in NATIONAL_CATEGORIES and identifier.domain is None:
        raise reader.error(
            element,
            f"ElectionIdentifier has no kr:ElectionDomain: a {category.value} election is held "
            "in a municipality, province or water board, expected its name, found none",
        )


def _check_subcategory_fits(
    reader: Reader,
    element: etree._Element,
    identifier: ElectionIdentifier,
    seats: int,
    tree: tuple[Region, ...],
) -> None:
    districts = sum(1 for region in tree if region.category in DISTRICT_CATEGORIES)
    expected = expected_subcategory(identifier.category, seats, districts)
    if expected is None or expected == identifier.subcategory:
        return
    if identifier.subcategory is None:
        raise InvariantError("an election without a subcategory reached the subcategory comparison")
    if identifier.category is ElectionCategory.PS:
        what = f"{districts} kieskring{'' if districts == 1 else 'en'} in the election tree"
    else:
        what = f"{seats} seats"
    raise reader.error(
        element,
        f"kr:ElectionSubcategory does not fit {what}: expected {expected.value}, "
        f"found {identifier.subcategory.value}",
    )


def _check_central_committee(
    reader: Reader, element: etree._Element, category: ElectionCategory, tree: tuple[Region, ...]
) -> None:
    """Rule 8: the tree names the centraal stembureau; where it sits is only noted.

    A tree without any CSB committee names no committee to determine the result: refused.
    Which region holds the CSB is a form, not law: the Kiesraad's own Tweede Kamer definitions
    (``Verkiezingsdefinitie_TK2023``) put "De Kiesraad" in kieskring 12 's-Gravenhage, beside
    that kieskring's HSB, not in the STAAT region. A CSB elsewhere than :data:`_CSB_REGION`
    expects is accepted and noted.
    """
    central = [region for region in tree if region.has_committee(CommitteeCategory.CSB)]
    required = _CSB_REGION.get(category)
    where = f"a {required.value} region" if required is not None else "a region"
    if not central:
        raise reader.error(
            element,
            "the kr:ElectionTree has no region with the centraal stembureau: expected "
            f"{where} with a kr:Committee CSB, found none",
        )
    if required is not None and not any(region.category is required for region in central):
        found = ", ".join(_region_text(region) for region in central)
        reader.note(
            element,
            f"the centraal stembureau sits in the {found}, not in {where}; accepted: the "
            "Kiesraad's own definitions place it in the region of its seat (the Tweede Kamer "
            "2023 definition puts De Kiesraad in kieskring 12 's-Gravenhage)",
        )
    if len(central) > 1:
        found = ", ".join(_region_text(region) for region in central)
        reader.note(element, f"the centraal stembureau is named in {len(central)} regions: {found}")


def _region_text(region: Region) -> str:
    number = f" {region.number}" if region.number is not None else ""
    return f"{region.category.value} region{number} {region.name}"


def _one_of(allowed: str) -> str:
    return f"one of {allowed}" if ", " in allowed else allowed
