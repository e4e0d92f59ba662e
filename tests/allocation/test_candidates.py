"""Candidates: preference votes (P 15), list order (P 17), deceased (P 19a), ranking (P 19)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from osv.model import ElectionCategory
from results.allocation import (
    CandidateStep,
    ElectedCandidate,
    LotKind,
    LotOutcome,
    Step,
    allocate,
)
from results.allocation.candidates import PreferenceThreshold, elect_candidates, list_candidates
from results.allocation.lots import LotBook, LotsNeeded
from results.allocation.ranking import rank_candidates, ranking_applies
from tests.allocation.builders import complete, election, list_input


def test_the_threshold_must_be_exceeded_not_reached() -> None:
    """P 15(1): "groter dan". Quota 100, 50 %: threshold 50; 50 votes is not enough, 51 is.
    With quota 5104/15 the threshold 50 % is 170 2/15: 170 is below, 171 above."""
    half = PreferenceThreshold(Fraction(100), 50)
    assert half.value == 50
    assert not half.exceeded_by(50)
    assert half.exceeded_by(51)
    gr2022 = PreferenceThreshold(Fraction(5104, 15), 50)
    assert gr2022.value == Fraction(2552, 15)
    assert not gr2022.exceeded_by(170)
    assert gr2022.exceeded_by(171)


def test_preference_votes_reorder_the_elected_and_the_rest_go_in_list_order() -> None:
    """GR2022 case (cand_lt19_pref_reorder), list 1 with 8 seats. Quota 340 4/15; S = 15, so
    the threshold is 50 %: 170 2/15. Above it: candidate 1 (1069), 3 (321), 2 (303), 4 (210).
    They are elected by preference in that order; the other 4 seats go in list order to
    candidates 5, 6, 7, 8. Trace: P 15 four times, then P 17 four times."""
    votes = [1069, 303, 321, 210, 36, 101, 79, 121, 150, 149, 15, 17]
    trace: list[Step] = []
    threshold = PreferenceThreshold(Fraction(5104, 15), 50)
    elected = elect_candidates(list_input(1, votes), 8, threshold, LotBook(()), trace)
    assert [(e.number, e.by) for e in elected] == [
        (1, "preference"),
        (3, "preference"),
        (2, "preference"),
        (4, "preference"),
        (5, "list_order"),
        (6, "list_order"),
        (7, "list_order"),
        (8, "list_order"),
    ]
    assert elected[1] == ElectedCandidate(number=3, by="preference", votes=321)
    assert [s.article for s in trace if isinstance(s, CandidateStep)] == ["P 15"] * 4 + ["P 17"] * 4


def test_a_deceased_candidate_is_never_elected_and_left_out_of_the_ranking() -> None:
    """List of 4 candidates, 2 seats, quota 100, 25 %: threshold 25. Candidate 1 (deceased)
    has 300 votes: they count for the list, but he takes no seat and is not ranked. Candidate 3
    (40) is elected by preference, candidate 2 in list order. Ranking 3, 2, 4; changed."""
    lst = list_input(1, [300, 10, 40, 0], deceased=[1])
    result = list_candidates(lst, 2, PreferenceThreshold(Fraction(100), 25), 19, LotBook(()), [])
    assert [(e.number, e.by) for e in result.elected] == [(3, "preference"), (2, "list_order")]
    assert result.ranking == (3, 2, 4)
    assert result.ranking_changed


def test_a_list_with_a_deceased_candidate_always_counts_as_a_changed_ranking() -> None:
    """Nobody above the threshold; the ranking is the list order without candidate 2, which
    differs from the list as submitted."""
    lst = list_input(1, [10, 10, 10], deceased=[2])
    result = list_candidates(lst, 1, PreferenceThreshold(Fraction(100), 25), 19, LotBook(()), [])
    assert result.ranking == (1, 3)
    assert result.ranking_changed


def test_equal_preference_votes_that_fit_are_elected_in_list_order_without_a_lot() -> None:
    """3 seats, threshold 25: candidates 2 and 4 both have 60 votes, candidate 5 has 80.
    Elected: 5, then 2 and 4 (list order), no lot."""
    lst = list_input(1, [10, 60, 0, 60, 80])
    elected = elect_candidates(lst, 3, PreferenceThreshold(Fraction(100), 25), LotBook(()), [])
    assert [e.number for e in elected] == [5, 2, 4]


def test_equal_preference_votes_that_do_not_fit_ask_a_candidate_preference_lot() -> None:
    """2 seats, threshold 25: candidate 5 has 80 votes, candidates 2, 3 and 4 have 60 each.
    Seat 1 goes to candidate 5; for seat 2 the three tie: lot (P 15(1)). With outcome 4:
    elected 5, 4; ranking 5, 4, then the other two above the threshold (2, 3, list order),
    then 1."""
    lst = list_input(7, [10, 60, 60, 60, 80])
    threshold = PreferenceThreshold(Fraction(100), 25)
    with pytest.raises(LotsNeeded) as needed:
        list_candidates(lst, 2, threshold, 19, LotBook(()), [])
    required = needed.value.required
    assert (required.kind, required.article, required.list_number) == (
        LotKind.CANDIDATE_PREFERENCE,
        "P 15(1)",
        7,
    )
    assert (required.options, required.seats, required.seat_number) == ((2, 3, 4), 1, 2)
    assert required.tied_value == 60
    lot = LotOutcome(LotKind.CANDIDATE_PREFERENCE, 4, list_number=7)
    trace: list[Step] = []
    result = list_candidates(lst, 2, threshold, 19, LotBook([lot]), trace)
    assert [e.number for e in result.elected] == [5, 4]
    assert result.ranking == (5, 4, 2, 3, 1)
    assert [s.lot for s in trace if isinstance(s, CandidateStep)] == [None, lot]


def test_candidate_lots_are_asked_and_replayed_through_allocate() -> None:
    """S = 19, votes 2000 and 17000: quota 1000, threshold 25 % = 250, full seats 2 and 17.
    List 1's candidates have 0, 600, 600, 600, 200 votes: candidates 2, 3 and 4 tie above the
    threshold for 2 seats. Seat 1: lot among 2, 3, 4 (drawn 3); seat 2: lot among 2, 4
    (drawn 2). Ranking: 3, 2 (seat order), 4 (above the threshold), then 1, 5."""
    allocation_input = election(
        19,
        [2000, 17000],
        candidate_votes=[[0, 600, 600, 600, 200], [17000] + [0] * 19],
    )
    first = allocate(allocation_input)
    assert first.status == "lots_required"
    required = first.lots_required
    assert required is not None
    assert (required.kind, required.options, required.seats) == (
        LotKind.CANDIDATE_PREFERENCE,
        (2, 3, 4),
        2,
    )
    assert [lst.seats for lst in first.lists] == [2, 17]
    result = complete(allocation_input, [3, 2])
    assert [(e.number, e.by) for e in result.candidates[0].elected] == [
        (3, "preference"),
        (2, "preference"),
    ]
    assert result.candidates[0].ranking == (3, 2, 4, 1, 5)


def test_above_threshold_candidates_not_elected_rank_next_by_votes() -> None:
    """P 19(2): after the preference electees (seat order) come the others above the
    threshold by votes, equal votes in list order; then everyone else in list order (P 19(3))."""
    lst = list_input(1, [5, 70, 30, 90, 30, 1])
    ranking = rank_candidates(lst, [4], lambda votes: votes > 25, apply_ranking=True)
    assert ranking == (4, 2, 3, 5, 1, 6)


def test_lists_without_seats_keep_their_order_from_19_seats_on() -> None:
    """P 19(5): from 19 seats on, the ranking is not applied to a list on which nobody was
    elected; below 19 seats it is (cand_lt19_above_threshold_no_seat and
    cand_gte19_above_threshold_no_seat)."""
    assert not ranking_applies(19, 0)
    assert ranking_applies(19, 1)
    assert ranking_applies(18, 0)
    lst = list_input(5, [0, 0, 0, 0, 15])
    threshold = PreferenceThreshold(Fraction(960, 19), 25)
    assert list_candidates(lst, 0, threshold, 19, LotBook(()), []).ranking == (1, 2, 3, 4, 5)
    small = PreferenceThreshold(Fraction(95, 3), 50)
    lst = list_input(3, [0, 0, 0, 0, 16])
    result = list_candidates(lst, 0, small, 18, LotBook(()), [])
    assert result.ranking == (5, 1, 2, 3, 4)
    assert result.ranking_changed


def test_the_preference_threshold_is_half_the_quota_only_for_small_municipal_councils() -> None:
    """P 15(2) names the gemeenteraad: a water board (AB) with 17 seats keeps 25 %."""
    gr = allocate(election(17, [1000, 700]))
    ab = allocate(election(17, [1000, 700], category=ElectionCategory.AB))
    assert gr.quota == ab.quota == 100
    assert gr.preference_threshold == 50
    assert ab.preference_threshold == 25


def test_the_preference_threshold_can_be_overridden() -> None:
    """The input may set the percentage (the 110a carries it); quota 100, 10 % gives 10."""
    result = allocate(dataclasses.replace(election(17, [1000, 700]), preference_threshold=10))
    assert result.preference_threshold == 10


def test_every_list_gets_its_candidates_and_ranking_even_without_seats() -> None:
    """The result has one entry per list, in list order; a list without seats elects nobody."""
    result = allocate(election(15, [540, 160, 160, 80, 80, 80, 60, 40]))
    assert [c.list_number for c in result.candidates] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert result.candidates[7].elected == ()
    assert len(result.candidates[7].ranking) == 50
    elected = [len(c.elected) for c in result.candidates]
    assert elected == [lst.seats for lst in result.lists]
