"""Rules of election law that the model needs to check an election definition.

Each function names the article it implements. Articles of the Kieswet (BWBR0004627) are at
https://wetten.overheid.nl/BWBR0004627/2026-01-01; the Gemeentewet (BWBR0005416) and Provinciewet
(BWBR0005645) fix the size of councils and provincial states.
"""

from __future__ import annotations

import datetime as dt

from osv.model.election import ElectionCategory, ElectionSubcategory

__all__ = [
    "ELECTION_DATE_TOLERANCE",
    "SMALL_BODY_SEATS",
    "election_date_note",
    "election_dates_agree",
    "expected_preference_threshold",
    "expected_subcategory",
    "seat_range",
]

#: Bodies with fewer seats than this use the rules for small bodies: largest remainders for the
#: residual seats (Kieswet P 8) and, for municipal councils, a preference threshold of 50 %
#: (Kieswet P 15(2)).
SMALL_BODY_SEATS = 19

#: Allowed number of seats per category, where the law fixes it.
#: GR: 9 to 45 members (Gemeentewet art. 8); PS: 39 to 55 members (Provinciewet art. 8);
#: TK: 150 (Grondwet art. 51(2)); EK: 75 (Grondwet art. 51(3)). Others: 1 to 150.
_SEAT_RANGES: dict[ElectionCategory, tuple[int, int]] = {
    ElectionCategory.GR: (9, 45),
    ElectionCategory.PS: (39, 55),
    ElectionCategory.TK: (150, 150),
    ElectionCategory.EK: (75, 75),
}
_DEFAULT_SEAT_RANGE = (1, 150)

#: How far apart the ``kr:ElectionDate`` of two files of one election (the same
#: ``ElectionIdentifier Id``) may be. The date is a label of the file, not part of the result:
#: the Kiesraad's own files of one election can differ by a day (the 510c of kieskring 20
#: Bonaire of TK2023 states 2023-11-21, every other TK2023 file 2023-11-22). A difference of
#: more than a week is not a slip but another election, and is refused (docs/eml.md).
ELECTION_DATE_TOLERANCE = dt.timedelta(days=7)


def election_dates_agree(found: dt.date, expected: dt.date) -> bool:
    """Whether two files of one election identifier may state these election dates."""
    return abs(found - expected) <= ELECTION_DATE_TOLERANCE


def election_date_note(
    what: str, found: dt.date, expected: dt.date, reference: str = "the election definition"
) -> str | None:
    """The note for a tolerated difference of election dates, or ``None`` when they are equal.

    :param what: the file or document that states ``found`` (e.g. ``"the count (510c)"``).
    :param expected: the date of the reference.
    :param reference: what states ``expected`` (the election definition, or the other files).
    """
    if found == expected or not election_dates_agree(found, expected):
        return None
    days = abs((found - expected).days)
    return (
        f"{what} states election date {found.isoformat()}, {reference} "
        f"{expected.isoformat()} ({days} day{'s' if days != 1 else ''} apart); accepted: files "
        "of one election identifier may differ by up to a week (the Kiesraad's 510c of the "
        "Caribbean kieskring of TK2023 states the day before the election)"
    )


def seat_range(category: ElectionCategory) -> tuple[int, int]:
    """The lowest and highest lawful number of seats for ``category`` (inclusive)."""
    return _SEAT_RANGES.get(category, _DEFAULT_SEAT_RANGE)


def expected_preference_threshold(category: ElectionCategory, seats: int) -> int:
    """The preference threshold (voorkeursdrempel) in percent of the quota, Kieswet P 15.

    P 15(1): a candidate is elected by preference votes with more than 25 % of the quota.
    P 15(2): "Indien het aantal bij de verkiezing van de leden van de gemeenteraad te verdelen
    zetels minder dan negentien bedraagt", half the quota (50 %) is used instead. The exception
    names the municipal council only, so a water board (AB) with fewer than 19 seats keeps 25 %
    (the Kiesraad's Abacus uses 50 % there; the text of the law is followed here).
    """
    if category is ElectionCategory.GR and seats < SMALL_BODY_SEATS:
        return 50
    return 25


def expected_subcategory(
    category: ElectionCategory, seats: int, districts: int
) -> ElectionSubcategory | None:
    """The subcategory that fits ``category``, the number of seats and the number of districts.

    GR and AB split at 19 seats (GR1/AB1 below, GR2/AB2 from 19 on, the boundary of Kieswet P 7
    and P 8); PS splits on the number of kieskringen (PS1 one, PS2 several). Returns ``None`` for
    categories without a rule here (the value in the file is then taken as it is).
    """
    small = seats < SMALL_BODY_SEATS
    match category:
        case ElectionCategory.GR:
            return ElectionSubcategory.GR1 if small else ElectionSubcategory.GR2
        case ElectionCategory.AB:
            return ElectionSubcategory.AB1 if small else ElectionSubcategory.AB2
        case ElectionCategory.PS:
            return ElectionSubcategory.PS2 if districts > 1 else ElectionSubcategory.PS1
        case ElectionCategory.TK:
            return ElectionSubcategory.TK
        case ElectionCategory.EK:
            return ElectionSubcategory.EK
        case ElectionCategory.EP:
            return ElectionSubcategory.EP
        case _:
            return None
