"""The checks shared by the Python properties and the command-line contract.

Each function states one rule of Kieswet chapter P about a complete result (an
:class:`~tests.properties.outcome.Outcome`) of one input, and fails with a sentence that names
the list or candidate concerned. The rules and their articles are explained in
docs/auditing.md; the numbers refer to seat-allocation.md §16.
"""

from __future__ import annotations

from fractions import Fraction

from results.allocation.types import AllocationInput, ListInput
from tests.properties import law
from tests.properties.outcome import Outcome

__all__ = [
    "check_all",
    "check_candidates",
    "check_concordance",
    "check_exact_quota",
    "check_full_seats_are_a_floor",
    "check_majority_guarantee",
    "check_no_votes",
    "check_seats_add_up",
    "check_seats_within_living_candidates",
    "check_status",
]


def check_status(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """A result is ``no_votes`` exactly when no list has a vote, and otherwise complete."""
    no_votes = law.total_votes(allocation_input) == 0
    expected = "no_votes" if no_votes else "complete"
    assert outcome.status == expected, (
        f"status {outcome.status!r} for a total of {law.total_votes(allocation_input)} votes "
        f"after every lot was drawn; expected {expected!r}"
    )
    assert outcome.seats_available == allocation_input.seats


def check_no_votes(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§16.3: a list without votes gets no seat; with no votes at all nobody does (§9)."""
    for lst in allocation_input.lists:
        if lst.votes == 0:
            assert outcome.seats.get(lst.number, 0) == 0, (
                f"list {lst.number} has no votes but {outcome.seats[lst.number]} seats"
            )
            assert not outcome.elected.get(lst.number), (
                f"list {lst.number} has no votes but elected candidates"
            )
    if outcome.status == "no_votes":
        assert outcome.quota is None, "no votes, so there is no quota"
        assert sum(outcome.seats.values()) == 0, "no votes, yet seats were given"


def check_seats_add_up(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§16.1: the seats given and the seats left unassigned add up to the seats available, and
    seats stay unassigned only when every list that could take one has no candidate left."""
    given = sum(outcome.seats.values())
    assert outcome.unassigned >= 0
    assert given + outcome.unassigned == allocation_input.seats, (
        f"{given} seats given + {outcome.unassigned} unassigned != "
        f"{allocation_input.seats} seats available"
    )
    assert {lst.number for lst in allocation_input.lists} == set(outcome.seats), (
        "the result must give a seat count for every list of the input, and no other"
    )
    if outcome.unassigned == 0:
        assert "not_all_seats_assigned" not in outcome.warnings
        return
    assert "not_all_seats_assigned" in outcome.warnings, (
        f"{outcome.unassigned} seats unassigned without the warning not_all_seats_assigned"
    )
    quota = law.quota(allocation_input)
    for lst in allocation_input.lists:
        if lst.votes == 0:
            continue
        if law.full_quota_threshold_may_apply(allocation_input.category) and lst.votes < quota:
            continue  # P 7(2): below the quota, no residual seat, not even a freed one
        assert outcome.seats[lst.number] == lst.available, (
            f"{outcome.unassigned} seats unassigned while list {lst.number} "
            f"({lst.votes} votes) has {outcome.seats[lst.number]} seats and "
            f"{lst.available} living candidates"
        )


def check_seats_within_living_candidates(
    allocation_input: AllocationInput, outcome: Outcome
) -> None:
    """§16.2: no list has more seats than living candidates to take them (P 10, P 19a)."""
    for lst in allocation_input.lists:
        assert 0 <= outcome.seats[lst.number] <= lst.available, (
            f"list {lst.number} has {outcome.seats[lst.number]} seats but only "
            f"{lst.available} living candidates"
        )


def check_exact_quota(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§13: the quota is exactly the votes divided by the seats: quota * seats == votes."""
    assert outcome.quota is not None
    assert isinstance(outcome.quota, Fraction), f"the quota is a {type(outcome.quota).__name__}"
    assert outcome.quota * allocation_input.seats == law.total_votes(allocation_input), (
        f"quota {outcome.quota} * {allocation_input.seats} seats != "
        f"{law.total_votes(allocation_input)} votes"
    )


def check_full_seats_are_a_floor(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§16.4: every list has its full seats ``floor(V_i * S / V)`` (P 6), unless it has fewer
    living candidates (P 10); P 9 only ever takes a residual seat, never a full one."""
    for lst in allocation_input.lists:
        full = law.full_seats(lst, allocation_input)
        assert outcome.full_seats[lst.number] == full, (
            f"list {lst.number}: {outcome.full_seats[lst.number]} full seats reported, "
            f"{lst.votes} * {allocation_input.seats} // {law.total_votes(allocation_input)} "
            f"= {full}"
        )
        assert outcome.seats[lst.number] >= min(full, lst.available), (
            f"list {lst.number} has {outcome.seats[lst.number]} seats, fewer than its "
            f"{full} full seats and {lst.available} living candidates"
        )


def check_concordance(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§16.7: more votes never means fewer seats, for a list that still has candidates."""
    for a in allocation_input.lists:
        s_a = outcome.seats[a.number]
        if s_a >= a.available:
            continue  # list a could not take another seat (P 10)
        for b in allocation_input.lists:
            if a.votes > b.votes:
                assert s_a >= outcome.seats[b.number], (
                    f"list {a.number} ({a.votes} votes, {s_a} seats, {a.available} living "
                    f"candidates) has fewer seats than list {b.number} ({b.votes} votes, "
                    f"{outcome.seats[b.number]} seats)"
                )


def check_majority_guarantee(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§16.11: a list with more than half of the votes has more than half of the seats (P 9),
    unless it has no living candidate left to take them (P 10)."""
    seats = allocation_input.seats
    for lst in allocation_input.lists:
        if law.has_absolute_majority(lst, allocation_input):
            won = outcome.seats[lst.number]
            assert 2 * won > seats or won == lst.available, (
                f"list {lst.number} has {lst.votes} of {law.total_votes(allocation_input)} "
                f"votes (more than half) but only {won} of {seats} seats with "
                f"{lst.available} living candidates"
            )


def _ranking_for_a_list_with_seats(
    lst: ListInput, preference: list[int], allocation_input: AllocationInput
) -> list[int]:
    """The P 19 ranking: the preference electees in the order of their seats, then the other
    candidates above the threshold by votes (equal votes in list order), then everyone else in
    list order; deceased candidates left out."""
    qualifies = law.qualifies_by_preference(allocation_input)
    living = [c for c in lst.candidates if not c.deceased]
    others_above = sorted(
        (c for c in living if c.number not in preference and qualifies(c.votes)),
        key=lambda c: (-c.votes, c.number),
    )
    placed = set(preference) | {c.number for c in others_above}
    rest = [c.number for c in living if c.number not in placed]
    return [*preference, *(c.number for c in others_above), *rest]


def check_candidates(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """§16.13 and P 15, P 17, P 19, P 19a, per list:

    * as many candidates are elected as the list has seats (never more than living candidates);
    * deceased candidates are never elected and never ranked;
    * the candidates elected by preference have strictly more votes than the threshold, come
      first, are the ones with the most votes, and there are as many as the seats and the
      qualifying candidates allow;
    * the other seats go to the first living candidates in list order;
    * the ranking holds every living candidate once and starts with the elected, in order; for
      a list with seats it is exactly the P 19 order.
    """
    qualifies = law.qualifies_by_preference(allocation_input)
    for lst in allocation_input.lists:
        number = lst.number
        seats = outcome.seats[number]
        by_number = {c.number: c for c in lst.candidates}
        living = law.living_candidates(lst)
        elected = outcome.elected.get(number, ())
        names = [e.number for e in elected]
        assert len(elected) == min(seats, len(living)), (
            f"list {number}: {len(elected)} elected for {seats} seats and "
            f"{len(living)} living candidates"
        )
        assert len(set(names)) == len(names), f"list {number}: a candidate elected twice {names}"
        for e in elected:
            assert e.number in by_number, f"list {number}: unknown candidate {e.number} elected"
            candidate = by_number[e.number]
            assert not candidate.deceased, f"list {number}: deceased candidate {e.number} elected"
            assert e.votes == candidate.votes, (
                f"list {number}, candidate {e.number}: {e.votes} votes reported, "
                f"{candidate.votes} in the input"
            )
            assert e.by in ("preference", "list_order"), f"unknown way of election {e.by!r}"
        preference = [e for e in elected if e.by == "preference"]
        assert elected[: len(preference)] == tuple(preference), (
            f"list {number}: candidates elected by preference must come first (P 15 before "
            f"P 17): {elected}"
        )
        for e in preference:
            assert qualifies(e.votes), (
                f"list {number}, candidate {e.number}: elected by preference with {e.votes} "
                f"votes, not more than the threshold of "
                f"{law.preference_threshold_percent(allocation_input)} % of the quota"
            )
        votes_in_order = [e.votes for e in preference]
        assert votes_in_order == sorted(votes_in_order, reverse=True), (
            f"list {number}: preference electees not in order of votes: {preference}"
        )
        qualifying = [c for c in lst.candidates if not c.deceased and qualifies(c.votes)]
        assert len(preference) == min(seats, len(qualifying)), (
            f"list {number}: {len(preference)} elected by preference, but {len(qualifying)} "
            f"living candidates are above the threshold and the list has {seats} seats"
        )
        if preference:
            lowest = min(e.votes for e in preference)
            for c in qualifying:
                if c.number not in names:
                    assert c.votes <= lowest, (
                        f"list {number}: candidate {c.number} ({c.votes} votes, above the "
                        f"threshold) not elected while a preference electee has {lowest}"
                    )
        chosen = {e.number for e in preference}
        in_list_order = [n for n in living if n not in chosen][: seats - len(preference)]
        assert [e.number for e in elected[len(preference) :]] == in_list_order, (
            f"list {number}: the seats left after the preference electees must go to the "
            f"first living candidates in list order {in_list_order} (P 17), found "
            f"{[e.number for e in elected[len(preference) :]]}"
        )
        assert all(e.by == "list_order" for e in elected[len(preference) :])
        ranking = outcome.ranking.get(number)
        assert ranking is not None, f"list {number} has no ranking (P 19)"
        assert sorted(ranking) == sorted(living), (
            f"list {number}: the ranking {list(ranking)} is not a permutation of the living "
            f"candidates {list(living)}"
        )
        assert list(ranking[:seats]) == names, (
            f"list {number}: the ranking {list(ranking)} does not start with the elected {names}"
        )
        if seats > 0:
            expected = _ranking_for_a_list_with_seats(
                lst, [e.number for e in preference], allocation_input
            )
            assert list(ranking) == expected, (
                f"list {number}: ranking {list(ranking)}, P 19 gives {expected}"
            )


def check_all(allocation_input: AllocationInput, outcome: Outcome) -> None:
    """Every check above on one complete result (used for the command-line contract)."""
    check_status(allocation_input, outcome)
    check_no_votes(allocation_input, outcome)
    if outcome.status == "no_votes":
        return
    check_seats_add_up(allocation_input, outcome)
    check_seats_within_living_candidates(allocation_input, outcome)
    check_exact_quota(allocation_input, outcome)
    check_full_seats_are_a_floor(allocation_input, outcome)
    check_concordance(allocation_input, outcome)
    check_majority_guarantee(allocation_input, outcome)
    check_candidates(allocation_input, outcome)
