"""The election itself: its identifier, seats, preference threshold and election tree.

This is what the Kiesraad's election definition (EML 110a) fixes before anything else happens:
which body is elected (category and subcategory), for which domain (municipality, province,
water board, or the whole country), on which date, for how many seats, and which committees
(centraal stembureau CSB, hoofdstembureaus HSB) sit where in the tree of regions. Electoral
districts (kieskringen) are the ``KIESKRING`` regions of that tree.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from osv.model.base import Frozen

__all__ = [
    "NATIONAL_CATEGORIES",
    "Committee",
    "CommitteeCategory",
    "District",
    "ElectionCategory",
    "ElectionDefinition",
    "ElectionDomain",
    "ElectionIdentifier",
    "ElectionSubcategory",
    "Region",
    "RegionCategory",
    "RegisteredParty",
]

#: Pattern of an ElectionIdentifier Id, from the Kiesraad's ``kr:ElectionIdType``
#: (e.g. ``GR2022_WestMaasenWaal``, ``TK2025``, ``PS2023_Drenthe``).
ELECTION_ID_PATTERN = r"^(EP|EK|TK|GR|BC|GC|ER|PS|AB|NR|PR|LR|IR)2\d\d\d(\d\d\d\d)?(_[\w_-]*)?$"


class ElectionCategory(StrEnum):
    """The body that is elected (EML ``ElectionCategory``)."""

    EK = "EK"  # Eerste Kamer (Senate)
    TK = "TK"  # Tweede Kamer (House of Representatives)
    EP = "EP"  # Europees Parlement
    PS = "PS"  # Provinciale Staten
    AB = "AB"  # algemeen bestuur van een waterschap (water board)
    GR = "GR"  # gemeenteraad (municipal council)
    BC = "BC"  # bestuurscommissie (Amsterdam boroughs)
    GC = "GC"  # gebiedscommissie (Rotterdam areas)
    ER = "ER"  # eilandsraad (Caribbean Netherlands)
    NR = "NR"  # national referendum
    PR = "PR"  # provincial referendum
    LR = "LR"  # local referendum
    IR = "IR"  # island referendum


#: Elections of the whole country: no ``kr:ElectionDomain``.
NATIONAL_CATEGORIES = frozenset({ElectionCategory.TK, ElectionCategory.EK, ElectionCategory.EP})


class ElectionSubcategory(StrEnum):
    """EML ``kr:ElectionSubcategory``: the category refined by size or number of districts.

    GR1/AB1 have fewer than 19 seats, GR2/AB2 19 or more; PS1 has one kieskring, PS2 several.
    """

    PS1 = "PS1"
    PS2 = "PS2"
    AB1 = "AB1"
    AB2 = "AB2"
    GR1 = "GR1"
    GR2 = "GR2"
    BC = "BC"
    GC = "GC"
    ER1 = "ER1"
    TK = "TK"
    EK = "EK"
    EP = "EP"
    NR = "NR"
    PR = "PR"
    LR = "LR"
    IR = "IR"


class ElectionDomain(Frozen):
    """Where the election is held: a municipality (CBS code), province or water board.

    ``id`` is the 4-digit CBS code for a municipality; provinces and water boards may carry a
    short number or no id at all (``PS2023_Drenthe`` has only the name).
    """

    id: str | None = None
    name: str


class ElectionIdentifier(Frozen):
    """EML ``ElectionIdentifier``: the identity every file of one election repeats."""

    id: str = Field(pattern=ELECTION_ID_PATTERN)
    name: str | None = None
    category: ElectionCategory
    subcategory: ElectionSubcategory | None = None
    domain: ElectionDomain | None = None
    election_date: dt.date
    nomination_date: dt.date | None = None


class CommitteeCategory(StrEnum):
    """The committees in the election tree (``kr:CommitteeCategory``)."""

    CSB = "CSB"  # centraal stembureau
    HSB = "HSB"  # hoofdstembureau
    PROV_SB = "PROV_SB"  # provinciaal stembureau
    PSB = "PSB"


class Committee(Frozen):
    """A committee seated in a region of the election tree."""

    category: CommitteeCategory
    name: str | None = None
    accept_central_submissions: bool | None = None


class RegionCategory(StrEnum):
    """The kinds of region in the election tree (``kr:RegionCategory``)."""

    DEELGEMEENTE = "DEELGEMEENTE"
    GEMEENTE = "GEMEENTE"
    KIESKRING = "KIESKRING"
    PROVINCIE = "PROVINCIE"
    PROVINCIAAL_KIESKRING = "PROVINCIAAL_KIESKRING"
    PROVINCIAAL_STEMBUREAU = "PROVINCIAAL_STEMBUREAU"
    STAAT = "STAAT"
    STEMBUREAU = "STEMBUREAU"
    WATERSCHAP = "WATERSCHAP"
    WATERSCHAP_KIESKRING = "WATERSCHAP_KIESKRING"
    WATERSCHAP_GEMEENTE = "WATERSCHAP_GEMEENTE"


#: Region categories that are electoral districts (kieskringen).
DISTRICT_CATEGORIES = frozenset(
    {
        RegionCategory.KIESKRING,
        RegionCategory.PROVINCIAAL_KIESKRING,
        RegionCategory.WATERSCHAP_KIESKRING,
    }
)


class Region(Frozen):
    """One node of the election tree (``kr:Region``); its parent is named by number and category."""

    number: int | None = None
    category: RegionCategory
    name: str
    superior_number: int | None = None
    superior_category: RegionCategory | None = None
    roman_numerals: bool | None = None
    frisian_export_allowed: bool | None = None
    committees: tuple[Committee, ...] = ()

    def has_committee(self, category: CommitteeCategory) -> bool:
        """Whether a committee of ``category`` sits in this region."""
        return any(committee.category is category for committee in self.committees)


class RegisteredParty(Frozen):
    """A registered party name (aanduiding) as listed in the election definition."""

    appellation: str
    registered_by: str | None = None


class District(Frozen):
    """An electoral district (kieskring): a ``KIESKRING`` region of the election tree."""

    number: int
    name: str


class ElectionDefinition(Frozen):
    """The election definition (EML 110a): what is elected, when, how many seats, the tree.

    ``preference_threshold`` is a percentage of the quota (25, or 50 for fewer than 19 seats:
    Kieswet article P 15). ``contest_id`` is ``geen`` for single-district elections and ``alle``
    for elections with several districts.
    """

    identifier: ElectionIdentifier
    contest_id: str = "geen"
    voting_method: str = "SPV"
    max_votes: int | None = None
    number_of_seats: int = Field(ge=1)
    preference_threshold: int = Field(ge=0, le=100)
    tree: tuple[Region, ...] = ()
    registered_parties: tuple[RegisteredParty, ...] = ()

    @property
    def districts(self) -> tuple[District, ...]:
        """The electoral districts (kieskringen) in the tree, in tree order."""
        return tuple(
            District(number=region.number, name=region.name)
            for region in self.tree
            if region.category in DISTRICT_CATEGORIES and region.number is not None
        )

    def municipality_outside(self, code: str) -> str | None:
        """Why municipality ``code`` (its CBS code) holds no polling station of this election,
        or ``None`` when it may.

        A municipal council (GR) is elected in one municipality, the election's domain. For the
        other elections (PS, TK, EP, ...) a municipality must be one of the tree's ``GEMEENTE``
        regions; a tree that lists none (a Tweede Kamer 110a) cannot tell, so any is accepted.
        """
        if not code.isascii() or not code.isdigit():
            return f"{code!r} is not a CBS code of a municipality"
        domain = self.identifier.domain
        if self.identifier.category is ElectionCategory.GR and domain is not None and domain.id:
            if domain.id.isdigit() and int(domain.id) == int(code):
                return None
            return f"the election is for municipality {domain.id} ({domain.name}), not {code}"
        listed = {
            region.number
            for region in self.tree
            if region.category is RegionCategory.GEMEENTE and region.number is not None
        }
        if listed and int(code) not in listed:
            return f"municipality {code} is not in the election tree of {self.identifier.id}"
        return None

    def regions_with(self, category: CommitteeCategory) -> tuple[Region, ...]:
        """The regions in which a committee of ``category`` sits."""
        return tuple(region for region in self.tree if region.has_committee(category))
