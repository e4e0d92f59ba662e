"""Small builders for candidacy tests: a valid list by default, changed per test."""

from __future__ import annotations

import datetime as dt

from candidacy import PartyRegistration, SubmittedCandidate, SubmittedList, default_rules
from osv.model import ElectionCategory, Gender, PersonName

#: Election day and nomination day of the municipal election in the tests.
ELECTION_DAY = dt.date(2026, 3, 18)
NOMINATION_DAY = dt.date(2026, 2, 2)
NOMINATION_DAY_NOON = dt.datetime(2026, 2, 2, 12, 0)

#: A municipal council of 17 seats: 20 support declarations, EUR 225 deposit; with the dates.
GR17 = default_rules(
    ElectionCategory.GR, 17, election_date=ELECTION_DAY, nomination_date=NOMINATION_DAY
)
#: The Tweede Kamer: 30 support declarations per district, 10 on Bonaire (district 20).
TK = default_rules(ElectionCategory.TK, 150)

REGISTER = {
    "Partij A": PartyRegistration(name="Partij A", seats_last_time=5, votes_last_time=4000),
    "Partij B": PartyRegistration(name="Partij B", seats_last_time=3, votes_last_time=2500),
    "Groot": PartyRegistration(name="Groot", seats_last_time=16, votes_last_time=9000),
    "Nieuw": PartyRegistration(name="Nieuw"),
}


def candidate(number: int, **changes: object) -> SubmittedCandidate:
    """Candidate ``number``: distinct name, residence, consent, born 1980."""
    base = SubmittedCandidate(
        name=PersonName(initials="A.B.", first_name="Anna", last_name=f"Jansen{number}"),
        gender=Gender.FEMALE,
        locality="Juinen",
        date_of_birth=dt.date(1980, 1, number % 28 + 1),
        bsn=f"{100000000 + number}",
        consent=True,
        id_copy=True,
    )
    return base.model_copy(update=changes)


def submitted(key: str = "1", n: int = 3, **changes: object) -> SubmittedList:
    """A valid list of ``n`` candidates for Partij A in contest ``geen``."""
    base = SubmittedList(
        key=key,
        party_name="Partij A",
        districts=("geen",),
        candidates=tuple(candidate(i) for i in range(1, n + 1)),
        name_authorised=True,
        received_at=NOMINATION_DAY_NOON,
        submitter_voter=True,
        submitter_in_person=True,
        submitter_id_checked=True,
    )
    return base.model_copy(update=changes)
