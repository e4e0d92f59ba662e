"""Small elections written as EML files, for the result stages' tests.

``write_election`` writes a municipal council election of the fictitious municipality Testdorp
(``GR2022_Testdorp``): a 510b with the given candidate votes (split over two polling stations)
and, unless told otherwise, its 230b. The numbers are chosen by each test to make the law do
something particular (a tie, a deceased candidate), so each test says what it expects.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eml import Eml230b, Eml510, EmlHeader, write_eml
from eml.documents import Authority, MessageType
from osv.model import (
    Candidate,
    CandidateList,
    CandidateVotes,
    Contest,
    ContestCount,
    ElectionCategory,
    ElectionDomain,
    ElectionIdentifier,
    ElectionSubcategory,
    ListType,
    ListVotes,
    PersonName,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)

ELECTION_ID = "GR2022_Testdorp"
IDENTIFIER = ElectionIdentifier(
    id=ELECTION_ID,
    name="Gemeenteraad Testdorp 2022",
    category=ElectionCategory.GR,
    subcategory=ElectionSubcategory.GR1,
    domain=ElectionDomain(id="9999", name="Testdorp"),
    election_date=dt.date(2022, 3, 16),
)
_CREATED = dt.datetime(2022, 3, 17, 1, 0, 0)


def candidate_name(list_number: int, number: int) -> PersonName:
    """The name of candidate ``number`` on list ``list_number`` in the test elections."""
    return PersonName(
        initials="A.", first_name=f"Anna{list_number}{number}", last_name=f"Lid{number}"
    )


def _counts(votes: dict[int, list[int]], share: int, of: int) -> VoteCounts:
    """The part ``share`` of ``of`` of the votes (the last part takes the rest)."""
    lists = []
    for number, candidate_votes in sorted(votes.items()):
        part = [v // of if share < of - 1 else v - (of - 1) * (v // of) for v in candidate_votes]
        lists.append(
            ListVotes(
                number=number,
                name=f"Partij {number}",
                votes=sum(part),
                candidates=tuple(
                    CandidateVotes(number=i, votes=v) for i, v in enumerate(part, start=1)
                ),
            )
        )
    valid = sum(lst.votes for lst in lists)
    return VoteCounts(
        lists=tuple(lists),
        cast=valid + 500,
        total_counted=valid,
        rejected={RejectedReason.INVALID: 0, RejectedReason.BLANK: 0},
        uncounted={UncountedReason.POLL_CARDS: valid, UncountedReason.ADMITTED_VOTERS: valid},
    )


def count_document(votes: dict[int, list[int]], *, total: VoteCounts | None = None) -> Eml510:
    """The 510b of Testdorp: two polling stations and their total (or ``total`` as given)."""
    units = tuple(
        ReportingUnitVotes(
            id=f"9999::SB{i + 1}", name=f"Stembureau {i + 1}", votes=_counts(votes, i, 2)
        )
        for i in range(2)
    )
    return Eml510(
        message_type=MessageType.COUNT_MUNICIPALITY,
        header=EmlHeader(
            managing_authority=Authority(id="9999", name="Testdorp"),
            creation_date_time=_CREATED,
            canonicalization=True,
        ),
        identifier=IDENTIFIER,
        contests=(
            ContestCount(
                contest_id="geen",
                total=total if total is not None else _counts(votes, 0, 1),
                reporting_units=units,
            ),
        ),
    )


def lists_document(votes: dict[int, list[int]]) -> Eml230b:
    """The 230b of Testdorp: one list per key, as many candidates as it has votes."""
    return Eml230b(
        header=EmlHeader(
            managing_authority=Authority(id="CSB", name="Centraal stembureau Testdorp"),
            issue_date=dt.date(2022, 2, 3),
            creation_date_time=_CREATED,
        ),
        identifier=IDENTIFIER.model_copy(update={"nomination_date": dt.date(2022, 1, 31)}),
        contests=(
            Contest(
                id="geen",
                lists=tuple(
                    CandidateList(
                        number=number,
                        name=f"Partij {number}",
                        type=ListType.STANDALONE,
                        publication_language="nl",
                        publish_gender=True,
                        candidates=tuple(
                            Candidate(
                                number=i,
                                name=candidate_name(number, i),
                                locality="Testdorp",
                            )
                            for i in range(1, len(candidate_votes) + 1)
                        ),
                    )
                    for number, candidate_votes in sorted(votes.items())
                ),
            ),
        ),
    )


def write_election(folder: Path, votes: dict[int, list[int]], *, with_lists: bool = True) -> Path:
    """Write Testdorp's 510b (and 230b) into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"Telling_{ELECTION_ID}.eml.xml").write_bytes(write_eml(count_document(votes)))
    if with_lists:
        (folder / f"Kandidatenlijsten_{ELECTION_ID}.eml.xml").write_bytes(
            write_eml(lists_document(votes))
        )
    return folder


#: A tie: 3 seats, lists 1 and 2 have one full seat each and equal remainders, list 3 is below
#: three quarters of the quota (100 < 125), so the residual seat needs a lot (P 8(1)).
TIE = {1: [150, 50], 2: [150, 50], 3: [100]}
