"""The figures chapter H sets per election: candidates, support declarations, deposits.

Each figure names its article. Sources checked (November 2026): kiesraad.nl pages on candidacy
for the Tweede Kamer ("ten minste 30 kiezers per kieskring", Bonaire 10) and for Provinciale
Staten ("ten minste dertig kiezers per kieskring"; "50 kandidaten, 80 bij zestien zetels of
meer"; deposit EUR 1.125). Figures not confirmed against the text in force are marked as to
verify here and in docs/candidacy.md (docs/law.md lists every such mark in the code); all of them
are configuration (:class:`ElectionRules`), so a CSB can set the figures of the law in force
without a code change.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from osv.model import ElectionCategory
from osv.model.base import Frozen

__all__ = [
    "BONAIRE_DISTRICT",
    "ElectionRules",
    "default_rules",
    "gr_support_required",
    "term_end",
]

#: The TK kieskring of Bonaire (Caribbean Netherlands), where 10 support declarations suffice.
BONAIRE_DISTRICT = "20"

#: Kieswet art. H 6: at most 50 candidates; 80 for a party that won 16 or more seats last time.
_MAX_CANDIDATES = 50
_MAX_CANDIDATES_LARGE = 80
_LARGE_PARTY_SEATS = 16


def gr_support_required(seats: int) -> int:
    """Support declarations (H 4) needed for a municipal council of ``seats`` seats.

    Kieswet art. H 4 paragraph 1 (kiesraad.nl, gemeenteraad): 10 for a council of up to 11
    seats, 20 for 13 to 19 seats, 30 for 21 seats or more [to verify the boundaries in the text
    in force].
    """
    if seats <= 11:
        return 10
    if seats <= 19:
        return 20
    return 30


class ElectionRules(Frozen):
    """The figures of chapter H for one election (configuration, defaults from the law).

    :param category: the body elected (GR, PS, AB, TK, EP).
    :param seats: the number of seats (for the GR support table of H 4).
    :param support_per_district: support declarations needed per district (H 4 paragraph 1).
    :param support_overrides: districts with another figure (TK: Bonaire needs 10).
    :param deposit_cents: the deposit in euro cents (H 12 to H 14a), exact integers.
    :param nomination_date: the day of candidacy (H 1, I 5(a)); ``None`` when not known, and
        then only the hours 09:00 to 17:00 of the receipt are checked.
    :param term_end: the last day of the term of the body elected (for the age of 18, H 7);
        ``None`` when not known, and then the age is not checked.
    """

    category: ElectionCategory
    seats: int = Field(ge=1)
    support_per_district: int = Field(ge=0)
    support_overrides: dict[str, int] = Field(default_factory=dict)
    deposit_cents: int = Field(ge=0)
    max_candidates: int = _MAX_CANDIDATES
    max_candidates_large: int = _MAX_CANDIDATES_LARGE
    large_party_seats: int = _LARGE_PARTY_SEATS
    nomination_date: dt.date | None = None
    term_end: dt.date | None = None
    #: K23: the longest party name (aanduiding) that may be registered (G 1) [to verify].
    max_name_length: int = Field(default=35, ge=1)
    #: K24: the similarity (0-100) from which a registered name is shown as "nearest".
    similar_name_percent: int = Field(default=80, ge=0, le=100)

    #: Days before nomination day by which a registration request must be received (G 1-G 3).
    registration_days_before: int = Field(default=42, ge=0)

    def support_required(self, district: str) -> int:
        """Valid support declarations a list needs in ``district`` (Kieswet art. H 4)."""
        return self.support_overrides.get(district, self.support_per_district)

    def candidate_limit(self, seats_last_time: int) -> int:
        """The most candidates a list may hold (Kieswet art. H 6)."""
        if seats_last_time >= self.large_party_seats:
            return self.max_candidates_large
        return self.max_candidates


#: Deposits in euro cents (Kieswet art. H 12 to H 14a): TK and EP EUR 11.250, PS and AB
#: EUR 1.125 (PS confirmed on kiesraad.nl; AB [to verify]), GR EUR 225.
_DEPOSIT_CENTS = {
    ElectionCategory.TK: 1_125_000,
    ElectionCategory.EP: 1_125_000,
    ElectionCategory.PS: 112_500,
    ElectionCategory.AB: 112_500,
    ElectionCategory.GR: 22_500,
}


#: The length of a term in years (Kieswet chapter C; EP 5 years) [to verify the exact end day].
_TERM_YEARS = {ElectionCategory.EP: 5}
_DEFAULT_TERM_YEARS = 4


def term_end(category: ElectionCategory, election_date: dt.date) -> dt.date:
    """The last day of the term, taken as the day before the election date ``years`` later.

    An approximation of the end of the term (the new members take their seats some days after
    the election) [to verify]; configuration, like every figure here.
    """
    years = _TERM_YEARS.get(category, _DEFAULT_TERM_YEARS)
    try:
        same_day = election_date.replace(year=election_date.year + years)
    except ValueError:  # 29 February into a year that has none
        same_day = dt.date(election_date.year + years, 3, 1)
    return same_day - dt.timedelta(days=1)


def default_rules(
    category: ElectionCategory,
    seats: int,
    *,
    election_date: dt.date | None = None,
    nomination_date: dt.date | None = None,
) -> ElectionRules:
    """The figures of the Kieswet for an election of ``category`` with ``seats`` seats.

    ``election_date`` gives the end of the term (:func:`term_end`, for the age check) and
    ``nomination_date`` the day the lists must be handed in; both are optional.

    :raises ValueError: for a category without candidacy under chapter H (EK, referendums).
    """
    if category not in _DEPOSIT_CENTS:
        raise ValueError(
            f"candidacy under Kieswet chapter H is for GR, PS, AB, TK and EP, found {category}"
        )
    # H 4: 30 per district for TK, PS and EP (AB [to verify]); GR by council size.
    support = gr_support_required(seats) if category is ElectionCategory.GR else 30
    overrides = {BONAIRE_DISTRICT: 10} if category is ElectionCategory.TK else {}
    return ElectionRules(
        category=category,
        seats=seats,
        support_per_district=support,
        support_overrides=overrides,
        deposit_cents=_DEPOSIT_CENTS[category],
        nomination_date=nomination_date,
        term_end=term_end(category, election_date) if election_date is not None else None,
    )
