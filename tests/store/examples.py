"""Model objects for the store tests, built directly (no EML files needed).

They cover what the tables must keep exactly: optional fields both set and absent, non-ASCII
names, a candidate living abroad, reporting units with and without a total, candidate votes
identified by short code only, corrigendum values, investigations and uncounted votes.
"""

from __future__ import annotations

import datetime as dt

from eml.documents import Authority, CountingMethod, Eml510, Eml520, EmlHeader, MessageType, Phase
from osv.model import (
    Candidate,
    CandidateList,
    CandidateVotes,
    Committee,
    CommitteeCategory,
    Contest,
    ContestCount,
    ContestResult,
    ElectedCandidate,
    ElectionCategory,
    ElectionDefinition,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    Gender,
    Investigation,
    InvestigationReason,
    ListResult,
    ListType,
    ListVotes,
    Location,
    PersonName,
    PollingStation,
    PollingStationType,
    Region,
    RegionCategory,
    RegisteredParty,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)

__all__ = [
    "EID",
    "contest",
    "count_file",
    "definition",
    "district_definition",
    "identifier",
    "polling_stations",
    "result",
    "short_code_count",
]

EID = "GR2026_Vlietdam"


def identifier(eid: str = EID) -> ElectionIdentifier:
    """The identifier of a municipal election in the fictitious Vlietdam."""
    return ElectionIdentifier(
        id=eid,
        name="Gemeenteraad Vlietdam 2026",
        category=ElectionCategory.GR,
        subcategory=ElectionSubcategory.GR2,
        domain=ElectionDomain(id="9999", name="Vlietdam"),
        election_date=dt.date(2026, 3, 18),
        nomination_date=dt.date(2026, 2, 2),
    )


def definition(eid: str = EID) -> ElectionDefinition:
    """A GR2 definition with a one-region tree and registered parties."""
    return ElectionDefinition(
        identifier=identifier(eid),
        contest_id="geen",
        voting_method="SPV",
        number_of_seats=23,
        preference_threshold=25,
        tree=(
            Region(
                number=9999,
                category=RegionCategory.GEMEENTE,
                name="Vlietdam",
                committees=(
                    Committee(category=CommitteeCategory.CSB, name="Centraal stembureau"),
                    Committee(category=CommitteeCategory.HSB),
                ),
            ),
        ),
        registered_parties=(
            RegisteredParty(appellation="Partij voor Vlietdam"),
            RegisteredParty(appellation="Ons Dorp – Lokaal", registered_by="vereniging"),
        ),
    )


def district_definition(eid: str = "PS2027_Zeeuwland") -> ElectionDefinition:
    """A provincial election with two kieskringen (PS2, contest ``alle``)."""
    return ElectionDefinition(
        identifier=ElectionIdentifier(
            id=eid,
            name="Provinciale Staten Zeeuwland 2027",
            category=ElectionCategory.PS,
            subcategory=ElectionSubcategory.PS2,
            domain=ElectionDomain(name="Zeeuwland"),
            election_date=dt.date(2027, 3, 17),
            nomination_date=dt.date(2027, 2, 1),
        ),
        contest_id="alle",
        number_of_seats=39,
        preference_threshold=25,
        tree=(
            Region(number=30, category=RegionCategory.PROVINCIE, name="Zeeuwland"),
            Region(
                number=1,
                category=RegionCategory.KIESKRING,
                name="Middelstad",
                superior_number=30,
                superior_category=RegionCategory.PROVINCIE,
                committees=(Committee(category=CommitteeCategory.HSB),),
            ),
            Region(
                number=2,
                category=RegionCategory.KIESKRING,
                name="Oosthaven",
                superior_number=30,
                superior_category=RegionCategory.PROVINCIE,
            ),
        ),
    )


def _candidate(
    number: int,
    initials: str,
    last: str,
    *,
    first_name: str | None = None,
    prefix: str | None = None,
    gender: Gender | None = None,
    locality: str | None = None,
    country_code: str | None = None,
    short_code: str | None = None,
) -> Candidate:
    return Candidate(
        number=number,
        short_code=short_code,
        name=PersonName(initials=initials, first_name=first_name, prefix=prefix, last_name=last),
        gender=gender,
        locality=locality,
        country_code=country_code,
    )


def contest(contest_id: str = "geen") -> Contest:
    """Two lists with non-ASCII names, a candidate abroad and a list without a name."""
    return Contest(
        id=contest_id,
        name="Vlietdam" if contest_id == "geen" else None,
        lists=(
            CandidateList(
                number=1,
                name="Partij voor Vlietdam",
                type=ListType.STANDALONE,
                publication_language="nl",
                publish_gender=True,
                candidates=(
                    _candidate(
                        1,
                        "D.",
                        "Yeşilgöz",
                        first_name="Dilan",
                        gender=Gender.FEMALE,
                        locality="Vlietdam",
                    ),
                    _candidate(
                        2,
                        "J.P.",
                        "Vaart",
                        prefix="van der",
                        first_name="Jan-Pieter",
                        gender=Gender.MALE,
                        locality="'s-Gravenhage",
                    ),
                    _candidate(4, "Ø.", "Ødegård", country_code="NO", short_code="OdegardO"),
                ),
            ),
            CandidateList(
                number=3,
                name="",
                type=ListType.GROUP,
                belongs_to_set=2,
                belongs_to_combination="A",
                publication_language="fy",
                publish_gender=False,
                candidates=(_candidate(1, "Ŧ.", "Ŝmit", gender=Gender.OTHER),),
            ),
        ),
    )


def polling_stations() -> tuple[PollingStation, ...]:
    """Three stations: one with every field, a mobile one, one with nothing optional."""
    return (
        PollingStation(
            number=1,
            name="Stadhuis",
            postal_code="9999 AA",
            number_of_voters=1234,
            type=PollingStationType.FIXED,
            shared_location=False,
            locations=(
                Location(
                    street_name="Marktplein",
                    house_number=1,
                    house_letter="a",
                    postal_code="9999 AA",
                    city="Vlietdam",
                    accessible=True,
                ),
            ),
        ),
        PollingStation(number=2, name="Bus (mobiel)", type=PollingStationType.MOBILE),
        PollingStation(number=17, name="Briefstembureau", channel="postal", number_of_voters=0),
    )


def _votes(
    base: int, *, lists: tuple[int, ...] = (1, 3), candidates: int = 3, initial: bool = False
) -> VoteCounts:
    list_votes = []
    for number in lists:
        cands = tuple(
            CandidateVotes(number=n, votes=base + n, initial_votes=base if initial else None)
            for n in range(1, candidates + 1)
        )
        list_votes.append(
            ListVotes(
                number=number,
                name=f"Lijst {number}",
                votes=sum(c.votes for c in cands),
                initial_votes=1 if initial and number == 1 else None,
                candidates=cands,
            )
        )
    counted = sum(lv.votes for lv in list_votes)
    return VoteCounts(
        lists=tuple(list_votes),
        cast=10 * base + 1000,
        total_counted=counted,
        rejected={RejectedReason.INVALID: base % 7, RejectedReason.BLANK: base % 5},
        uncounted={
            UncountedReason.POLL_CARDS: counted,
            UncountedReason.PROXY_CERTIFICATES: 3,
            UncountedReason.ADMITTED_VOTERS: counted + 3,
        },
        initial_cast=999 if initial else None,
        initial_rejected={RejectedReason.BLANK: 0} if initial else {},
        initial_uncounted={UncountedReason.ADMITTED_VOTERS: 1} if initial else {},
    )


def count_file(
    stations: int = 3, candidates: int = 3, lists: tuple[int, ...] = (1, 3), eid: str = EID
) -> Eml510:
    """A 510b of Vlietdam: a total, ``stations`` polling stations, a corrigendum unit."""
    units = [
        ReportingUnitVotes(
            id=f"9999::SB{number}",
            name=f"Stembureau {number} (postcode: 9999 AA)",
            type=PollingStationType.FIXED if number % 2 else None,
            shared_location=True if number == 2 else None,
            votes=_votes(number * 10, lists=lists, candidates=candidates, initial=number == 2),
            investigations=(
                (
                    Investigation(reason=InvestigationReason.ADMITTED_VOTERS_RECOUNTED, value=True),
                    Investigation(reason=InvestigationReason.OTHER_REASON, value=False),
                )
                if number == 1
                else ()
            ),
        )
        for number in range(1, stations + 1)
    ]
    return Eml510(
        message_type=MessageType.COUNT_MUNICIPALITY,
        header=EmlHeader(
            transaction_id="1",
            managing_authority=Authority(id="9999", name="Vlietdam"),
            creation_date_time=dt.datetime(2026, 3, 19, 1, 32, 49, 834000),
            canonicalization=True,
        ),
        counting_method=CountingMethod.CENTRAL,
        phase=Phase.FIRST_SESSION,
        identifier=identifier(eid).model_copy(update={"nomination_date": None}),
        contests=(
            ContestCount(
                contest_id="geen",
                total=_votes(7, lists=lists, candidates=candidates),
                reporting_units=tuple(units),
            ),
        ),
    )


def short_code_count() -> Eml510:
    """A 510d whose candidates carry short codes, one of them without a number."""
    votes = VoteCounts(
        lists=(
            ListVotes(
                number=1,
                name="Partij voor Vlietdam",
                votes=30,
                candidates=(
                    CandidateVotes(number=1, short_code="YesilgozD", votes=20),
                    CandidateVotes(short_code="VaartJP", votes=10),
                ),
            ),
        ),
        cast=100,
        total_counted=30,
        rejected={RejectedReason.INVALID: 1},
    )
    return Eml510(
        message_type=MessageType.COUNT_TOTAL,
        header=EmlHeader(managing_authority=Authority(id="CSB")),
        identifier=identifier(),
        contests=(
            ContestCount(
                contest_id="geen",
                contest_name="Vlietdam",
                total=votes,
                reporting_units=(ReportingUnitVotes(id="HSB1", votes=votes),),
            ),
        ),
    )


def result() -> Eml520:
    """A 520 with two lists, one without elected candidates."""
    first = contest().lists[0]
    return Eml520(
        header=EmlHeader(
            managing_authority=Authority(id="CSB", name="Vlietdam"),
            issue_date=dt.date(2026, 3, 21),
            creation_date_time=dt.datetime(2026, 3, 21, 10, 0),
            canonicalization=True,
        ),
        identifier=identifier(),
        contests=(
            ContestResult(
                contest_id="geen",
                lists=(
                    ListResult(
                        number=1,
                        name=first.name,
                        votes=1500,
                        candidates=(
                            ElectedCandidate(candidate=first.candidates[0], ranking=1, votes=900),
                            ElectedCandidate(
                                candidate=first.candidates[1].model_copy(update={"number": 2}),
                                ranking=2,
                            ),
                        ),
                    ),
                    ListResult(number=3, name=""),
                ),
            ),
        ),
    )
