"""Small builders for readable single-district test elections, and a loop that draws lots.

``election(15, [540, 160, 160])`` is a municipal council of 15 seats with three lists of 50
candidates each, every list's votes on its first candidate. ``complete(input, [4, 2])`` runs the
allocation and answers the lots it asks for with list (or candidate) numbers 4 and then 2, in
the order asked, as the people drawing lots in the public session would.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from osv.model import ElectionCategory
from results.allocation import (
    Allocation,
    AllocationInput,
    CandidateInput,
    ListInput,
    LotOutcome,
    ResidualThreshold,
    allocate,
)

__all__ = ["complete", "election", "list_input", "seats_of"]


def list_input(
    number: int,
    votes: Sequence[int],
    deceased: Sequence[int] = (),
) -> ListInput:
    """A list numbered ``number`` whose candidates 1, 2, ... have ``votes``."""
    return ListInput(
        number=number,
        candidates=tuple(
            CandidateInput(number=index, votes=v, deceased=index in deceased)
            for index, v in enumerate(votes, start=1)
        ),
    )


def election(
    seats: int,
    votes: Sequence[int],
    *,
    candidates: Sequence[int] | None = None,
    candidate_votes: Sequence[Sequence[int]] | None = None,
    deceased: Mapping[int, Sequence[int]] | None = None,
    category: ElectionCategory = ElectionCategory.GR,
    residual_threshold: ResidualThreshold | None = None,
    preference_threshold: int | None = None,
) -> AllocationInput:
    """An election of ``seats`` seats; list ``i + 1`` has ``votes[i]`` votes.

    Without ``candidate_votes`` every list has ``candidates[i]`` candidates (50 by default) and
    all its votes are on its first candidate. ``deceased`` maps list numbers to the numbers of
    candidates registered as deceased.
    """
    dead = deceased or {}
    lists = []
    for index, total in enumerate(votes):
        number = index + 1
        if candidate_votes is not None:
            per_candidate = list(candidate_votes[index])
            assert sum(per_candidate) == total, f"list {number}: candidate votes do not add up"
        else:
            count = candidates[index] if candidates is not None else 50
            per_candidate = [total] + [0] * (count - 1)
        lists.append(list_input(number, per_candidate, dead.get(number, ())))
    return AllocationInput(
        seats=seats,
        category=category,
        lists=tuple(lists),
        residual_threshold=residual_threshold,
        preference_threshold=preference_threshold,
    )


def complete(allocation_input: AllocationInput, drawn: Sequence[int] = ()) -> Allocation:
    """Run the allocation, answering every lot it asks for with the next of ``drawn``.

    Fails when it asks for more lots than ``drawn`` holds, or finishes before using them all.
    """
    left = list(drawn)
    current = allocation_input
    while True:
        result = allocate(current)
        if result.status != "lots_required":
            assert not left, f"lots {left} were never asked for"
            return result
        required = result.lots_required
        assert required is not None
        assert left, f"a lot was asked for that the test does not draw: {required.description}"
        outcome = LotOutcome(
            kind=required.kind, chosen=left.pop(0), list_number=required.list_number
        )
        current = dataclasses.replace(current, lots=(*current.lots, outcome))


def seats_of(allocation: Allocation) -> list[int]:
    """The seats per list, in list order."""
    return [lst.seats for lst in allocation.lists]
