"""The model refuses impossible values itself, whatever created it."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from osv.model import (
    MAX_COUNT,
    Candidate,
    CandidateList,
    CandidateVotes,
    Contest,
    ElectionCategory,
    ElectionIdentifier,
    ElectionSubcategory,
    ListVotes,
    PersonName,
    RejectedReason,
    VoteCounts,
)
from osv.model.rules import expected_preference_threshold, expected_subcategory, seat_range


def _candidate(number: int) -> Candidate:
    return Candidate(number=number, name=PersonName(initials="A.", last_name="Jansen"))


def test_candidate_numbers_on_a_list_must_increase() -> None:
    """A list whose candidate numbers go back is refused with both numbers in the message."""
    with pytest.raises(
        ValidationError,
        match="candidate numbers on list 2 must increase: expected more than 3, found 2",
    ):
        CandidateList(number=2, candidates=(_candidate(1), _candidate(3), _candidate(2)))


def test_a_list_needs_candidates_and_a_contest_needs_lists() -> None:
    with pytest.raises(ValidationError):
        CandidateList(number=1, candidates=())
    with pytest.raises(ValidationError):
        Contest(id="geen", lists=())


def test_list_numbers_in_a_contest_must_increase() -> None:
    lists = (
        CandidateList(number=2, candidates=(_candidate(1),)),
        CandidateList(number=2, candidates=(_candidate(1),)),
    )
    with pytest.raises(ValidationError, match="list numbers in contest geen must increase"):
        Contest(id="geen", lists=lists)


@pytest.mark.parametrize("votes", [-1, MAX_COUNT + 1])
def test_counts_outside_zero_to_999999999_are_refused(votes: int) -> None:
    with pytest.raises(ValidationError):
        CandidateVotes(number=1, votes=votes)


def test_the_largest_count_is_accepted() -> None:
    assert CandidateVotes(number=1, votes=MAX_COUNT).votes == MAX_COUNT


def test_a_candidate_in_a_count_needs_a_number_or_a_short_code() -> None:
    with pytest.raises(ValidationError, match="number or a short code"):
        CandidateVotes(votes=3)
    assert CandidateVotes(short_code="BakkerA", votes=3).key == "BakkerA"
    assert CandidateVotes(number=7, short_code="BakkerA", votes=3).key == "7"


def test_vote_counts_keep_list_order_and_sum_candidates() -> None:
    votes = VoteCounts(
        lists=(
            ListVotes(
                number=1,
                votes=5,
                candidates=(CandidateVotes(number=1, votes=3), CandidateVotes(number=2, votes=2)),
            ),
        ),
        cast=10,
        total_counted=5,
        rejected={RejectedReason.INVALID: 0, RejectedReason.BLANK: 1},
    )
    first = votes.list(1)
    assert first is not None
    assert first.candidate_total == 5
    assert votes.list(2) is None


def test_election_identifiers_follow_the_kiesraad_pattern() -> None:
    ElectionIdentifier(
        id="GR2022_WestMaasenWaal", category=ElectionCategory.GR, election_date=dt.date(2022, 3, 16)
    )
    with pytest.raises(ValidationError):
        ElectionIdentifier(
            id="Gemeente2022", category=ElectionCategory.GR, election_date=dt.date(2022, 3, 16)
        )


def test_person_names_read_as_on_the_ballot() -> None:
    name = PersonName(initials="H.", first_name="Hans", prefix="van der", last_name="Vaart")
    assert name.full == "H. van der Vaart (Hans)"
    assert PersonName(initials="D.", last_name="Yeşilgöz").full == "D. Yeşilgöz"


@pytest.mark.parametrize(
    ("category", "seats", "threshold"),
    [
        (ElectionCategory.GR, 9, 50),
        (ElectionCategory.GR, 18, 50),
        (ElectionCategory.GR, 19, 25),
        (ElectionCategory.GR, 45, 25),
        (ElectionCategory.AB, 18, 25),
        (ElectionCategory.AB, 26, 25),
        (ElectionCategory.PS, 39, 25),
        (ElectionCategory.TK, 150, 25),
    ],
)
def test_preference_threshold_is_half_the_quota_only_for_small_councils(
    category: ElectionCategory, seats: int, threshold: int
) -> None:
    """Kieswet P 15: 25 % of the quota; P 15(2): 50 % for a gemeenteraad of fewer than 19 seats."""
    assert expected_preference_threshold(category, seats) == threshold


def test_subcategory_follows_seats_and_districts() -> None:
    assert expected_subcategory(ElectionCategory.GR, 18, 1) is ElectionSubcategory.GR1
    assert expected_subcategory(ElectionCategory.GR, 19, 1) is ElectionSubcategory.GR2
    assert expected_subcategory(ElectionCategory.AB, 26, 1) is ElectionSubcategory.AB2
    assert expected_subcategory(ElectionCategory.PS, 43, 1) is ElectionSubcategory.PS1
    assert expected_subcategory(ElectionCategory.PS, 55, 2) is ElectionSubcategory.PS2
    assert expected_subcategory(ElectionCategory.TK, 150, 20) is ElectionSubcategory.TK


def test_seat_ranges_follow_the_law() -> None:
    """Gemeentewet art. 8 (9–45), Provinciewet art. 8 (39–55), Grondwet art. 51 (150, 75)."""
    assert seat_range(ElectionCategory.GR) == (9, 45)
    assert seat_range(ElectionCategory.PS) == (39, 55)
    assert seat_range(ElectionCategory.TK) == (150, 150)
    assert seat_range(ElectionCategory.EK) == (75, 75)
