"""The law's arithmetic, recomputed from the input without the implementation under test.

Only the few closed formulas of the Kieswet are here (docs: seat-allocation.md §3, §7, §12.1,
§13); the sequential parts (residual seats, lots, exhaustion) are not reimplemented: the
properties check relations that any correct sequence must satisfy instead. Integers and
:class:`fractions.Fraction` only.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from osv.model import ElectionCategory
from results.allocation.types import AllocationInput, ListInput

__all__ = [
    "SMALL_BODY_SEATS",
    "full_quota_threshold_may_apply",
    "full_seats",
    "has_absolute_majority",
    "living_candidates",
    "preference_threshold_percent",
    "qualifies_by_preference",
    "quota",
    "remainder",
    "total_votes",
]

#: Fewer seats than this: largest remainders and unique highest averages (P 8); from this many
#: seats on: highest averages, D'Hondt (P 7).
SMALL_BODY_SEATS = 19


def total_votes(allocation_input: AllocationInput) -> int:
    """``V``: the sum of the lists' votes (stemcijfers), deceased candidates included (P 2)."""
    return sum(lst.votes for lst in allocation_input.lists)


def quota(allocation_input: AllocationInput) -> Fraction:
    """The quota (kiesdeler, P 5): ``V / S`` as an exact fraction; ``V`` must be positive."""
    return Fraction(total_votes(allocation_input), allocation_input.seats)


def full_seats(lst: ListInput, allocation_input: AllocationInput) -> int:
    """The list's full seats (P 6): how often the quota fits in its votes, ``V_i * S // V``."""
    return lst.votes * allocation_input.seats // total_votes(allocation_input)


def remainder(lst: ListInput, allocation_input: AllocationInput) -> Fraction:
    """The list's remainder (overschot, P 6): its votes minus its full seats times the quota."""
    return lst.votes - full_seats(lst, allocation_input) * quota(allocation_input)


def living_candidates(lst: ListInput) -> tuple[int, ...]:
    """The numbers of the candidates who can take a seat: all but the deceased (P 19a)."""
    return tuple(c.number for c in lst.candidates if not c.deceased)


def has_absolute_majority(lst: ListInput, allocation_input: AllocationInput) -> bool:
    """P 9 looks at lists with *more* than half of the votes: ``2 * V_i > V`` (half is not)."""
    return 2 * lst.votes > total_votes(allocation_input)


def preference_threshold_percent(allocation_input: AllocationInput) -> int:
    """The preference threshold in percent of the quota (P 15).

    25 %; 50 % for a municipal council (gemeenteraad, GR) with fewer than 19 seats (P 15(2) names
    the municipal council only). An explicit override in the input wins.
    """
    if allocation_input.preference_threshold is not None:
        return allocation_input.preference_threshold
    small_council = (
        allocation_input.category is ElectionCategory.GR
        and allocation_input.seats < SMALL_BODY_SEATS
    )
    return 50 if small_council else 25


def qualifies_by_preference(allocation_input: AllocationInput) -> Callable[[int], bool]:
    """The test whether a number of votes is strictly more than the preference threshold
    (P 15(1)), for this election.

    Integer form of ``votes > pct / 100 * V / S``: ``votes * S * 100 > pct * V``.
    """
    pct = preference_threshold_percent(allocation_input)
    seats = allocation_input.seats
    bar = pct * total_votes(allocation_input)

    def qualifies(votes: int) -> bool:
        return votes * seats * 100 > bar

    return qualifies


def full_quota_threshold_may_apply(category: ElectionCategory) -> bool:
    """Whether a list below the quota may be kept from residual seats (P 7(2)).

    The Tweede Kamer for certain; the European Parliament follows the Tweede Kamer's seat rules
    in the documents but that is marked "to verify", so properties that depend on it treat both
    as possible and never assert either way for EP.
    """
    return category in (ElectionCategory.TK, ElectionCategory.EP)
