"""Hypothesis strategies that generate elections for the seat allocation (AllocationInput).

The elections are valid input (lists and candidates in increasing number order, votes from 0)
but otherwise as awkward as the law allows:

* seats from 1 to 150, more often 9 to 18 and 19 to 45 (municipal councils below and from 19
  seats, whose rules differ) and 150 (Tweede Kamer);
* categories GR, AB, PS, TK and EP (PS, TK and EP from 19 seats, as the law has them);
* 1 to 20 lists with 0 to 1,000,000 votes each, some with no votes at all;
* 1 to 80 candidates per list; in one election in three lists may be short (1 to 3
  candidates), so that lists run out of candidates (P 10) often but not always;
* deceased candidates: none, a few at random places, or every candidate of one list;
* ties on purpose: lists with equal votes or a multiple of another list's votes (equal
  remainders and averages, so lots are needed), candidates with equal preference votes, one list
  with (almost) exactly half of all votes (P 9);
* the edge cases named in seat-allocation.md §16, as fixed inputs drawn now and then.

A list's votes are spread over its candidates by a simple rule (half to the first candidate,
the rest evenly) plus up to four candidates with drawn votes, so preference votes above and
below the threshold occur without drawing 80 numbers per list.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from osv.model import ElectionCategory
from results.allocation.types import AllocationInput, CandidateInput, ListInput

__all__ = [
    "EDGE_CASES",
    "MAX_LIST_VOTES",
    "allocation_inputs",
    "election",
    "scale_factors",
    "spread_votes",
]

MAX_LIST_VOTES = 1_000_000
MAX_LISTS = 20
MAX_CANDIDATES = 80

GR, AB, PS, TK, EP = (
    ElectionCategory.GR,
    ElectionCategory.AB,
    ElectionCategory.PS,
    ElectionCategory.TK,
    ElectionCategory.EP,
)

#: Municipal councils twice as often as the other bodies.
_CATEGORIES = (GR, GR, AB, PS, TK, EP)

#: Bodies the law only knows with 19 seats or more.
_LARGE_BODIES = (PS, TK, EP)


def spread_votes(total: int, count: int) -> list[int]:
    """``total`` votes over ``count`` candidates: half to the first, the rest evenly, the odd
    votes to the lowest numbers. The result always adds up to ``total``."""
    if count == 1:
        return [total]
    first = total // 2
    rest = total - first
    share, extra = divmod(rest, count - 1)
    return [first] + [share + (1 if i < extra else 0) for i in range(count - 1)]


def election(
    seats: int,
    votes: Sequence[int],
    *,
    category: ElectionCategory = GR,
    candidates: Sequence[int] | None = None,
    deceased: dict[int, Sequence[int]] | None = None,
    candidate_votes: dict[int, Sequence[int]] | None = None,
) -> AllocationInput:
    """A hand-written election: lists numbered from 1 with the given votes.

    :param candidates: candidates per list (default 50, more than any list needs here).
    :param deceased: list number -> numbers of its deceased candidates.
    :param candidate_votes: list number -> votes per candidate, replacing the spread of the
        list's votes (and then also deciding the list's total).
    """
    lists = []
    for index, list_votes in enumerate(votes):
        number = index + 1
        count = candidates[index] if candidates is not None else 50
        per_candidate = (
            list(candidate_votes[number])
            if candidate_votes and number in candidate_votes
            else spread_votes(list_votes, count)
        )
        dead = set((deceased or {}).get(number, ()))
        lists.append(
            ListInput(
                number=number,
                name=f"Lijst {number}",
                candidates=tuple(
                    CandidateInput(number=c + 1, votes=v, deceased=c + 1 in dead)
                    for c, v in enumerate(per_candidate)
                ),
            )
        )
    return AllocationInput(seats=seats, category=category, lists=tuple(lists))


def _tk_sized() -> AllocationInput:
    """A Tweede Kamer-sized election: 150 seats, 20 lists of 80 candidates, 10^7 votes."""
    votes = [2_400_000, 1_600_000, 1_300_000, 900_000, 700_000, 600_000, 480_000, 420_000]
    votes += [330_000, 290_000, 230_000, 210_000, 140_000, 120_000, 70_000, 52_000]
    votes += [40_000, 25_000, 12_000, 3_000]
    return election(150, votes, category=TK, candidates=[80] * len(votes))


#: The edge cases that seat-allocation.md §16 asks to include explicitly (inputs only; what the
#: result must be follows from the properties, never from a stored answer).
EDGE_CASES: tuple[AllocationInput, ...] = (
    # every list tied, with more tied lists than seats
    election(5, [21] * 5),
    election(3, [21] * 5),
    # only one list with votes
    election(9, [0, 500, 0]),
    # a single seat
    election(1, [40, 60, 30]),
    # a list with votes but no living candidates
    election(5, [300, 100, 80], candidates=[3, 2, 2], deceased={3: [1, 2]}),
    # a list at exactly 3/4 of the quota (eligible for a largest-remainder seat)
    election(10, [500, 250, 175, 75]),
    # remainders of exactly 0 on lists eligible for largest remainders
    election(15, [480, 240, 240, 55, 50, 45, 45, 45]),
    # a tie for the last seat where one of the tied lists has no candidate left
    election(10, [350, 350, 300], candidates=[10, 3, 10]),
    # five lists tie for four largest-remainder seats: four lots in a row
    election(15, [500, 140, 140, 140, 140, 140]),
    # P 9 after a last step that several lists won together (lot for whose seat goes)
    election(15, [2552, 511, 511, 511, 509, 509]),
    election(24, [7501, 1249, 1249, 1249, 1249, 1248, 1248, 8]),
    # exactly half of the votes: no P 9
    election(15, [2552, 987, 570, 539, 456]),
    # P 9 followed by P 10 on the majority list
    election(15, [2571, 977, 567, 536, 453], candidates=[7, 4, 2, 2, 2]),
    # P 10 frees seats that need plain highest averages and a lot
    election(5, [5, 5, 50], candidates=[2, 2, 2]),
    # a deceased candidate who would have been elected by preference
    election(
        9,
        [400, 300],
        candidate_votes={1: [100, 20, 250, 30], 2: [150, 150]},
        candidates=[4, 2],
        deceased={1: [3]},
    ),
    # candidates exactly at the 50 % threshold (quota 100 / 2 = 50 votes: not elected)
    election(5, [500], candidate_votes={1: [300, 50, 50, 50, 50]}, candidates=[5]),
    # equal preference votes for more candidates than the list has seats
    election(19, [3000, 2399, 1797, 1190, 1114]),
    election(
        10,
        [1000, 200],
        candidate_votes={1: [100, 300, 300, 300], 2: [200]},
        candidates=[4, 1],
    ),
    # no votes at all
    election(9, [0, 0, 0]),
    # a Tweede Kamer-sized election
    _tk_sized(),
)


_SEATS_LARGE_BODY = st.one_of(st.integers(19, 150), st.just(150))
_SEATS = st.one_of(st.integers(9, 18), st.integers(19, 45), st.just(150), st.integers(1, 150))

# Every strategy below is built once: drawing from a strategy made per list would validate it
# again for every list of every example, which made the generation six times slower. Raw
# numbers are drawn instead and fitted to the list (a position modulo the number of
# candidates, an amount modulo the votes left); both shrink towards the first candidate and
# zero votes.

#: One list's votes: ``("votes", n)``, or ``("pool", index, factor)`` for a value of the
#: election's shared pool (equal votes, so equal remainders) or a multiple of one (equal
#: averages).
_PLAIN_VOTES = st.one_of(
    st.integers(0, 200),
    st.integers(0, MAX_LIST_VOTES),
    st.integers(0, MAX_LIST_VOTES),
    st.integers(0, MAX_LIST_VOTES),
    st.just(0),
).map(lambda votes: ("votes", votes, 1))
_TIED_VOTES = st.one_of(
    _PLAIN_VOTES,
    st.tuples(st.just("pool"), st.integers(0, 2), st.sampled_from((1, 1, 2, 3))),
)
_POOL = st.lists(st.integers(1, MAX_LIST_VOTES // 3), min_size=3, max_size=3)

#: Candidates per list: in one election in three, lists may be short (P 10 then happens often).
_SHORT_LISTS = st.sampled_from((False, False, True))
_CANDIDATE_COUNT = st.one_of(st.integers(20, MAX_CANDIDATES), st.just(MAX_CANDIDATES))
_SHORT_CANDIDATE_COUNT = st.one_of(st.integers(1, 3), st.integers(1, MAX_CANDIDATES))
#: Up to four candidates with drawn votes: (position, amount, take the list's shared amount).
_SPECIAL = st.lists(
    st.tuples(st.integers(0, MAX_CANDIDATES - 1), st.integers(0, MAX_LIST_VOTES), st.booleans()),
    max_size=4,
)
_SHARED = st.integers(0, MAX_LIST_VOTES)
#: Deceased candidates in an election: none (what shrinking aims at), a few on some lists, or
#: every candidate of one list.
_DEATHS = st.sampled_from(("none", "none", "some", "some", "whole list"))
_DECEASED = st.lists(st.integers(0, MAX_CANDIDATES - 1), max_size=3)
_NEAR_HALF = st.sampled_from((False, False, False, True))
#: How far the near-half list is from exactly half; ``None``: a seventh above it.
_HALF_OFFSET: st.SearchStrategy[int | None] = st.sampled_from((-1, 0, 0, 1, 2, None))


def _candidates(
    draw: st.DrawFn, total: int, ties: bool, short: bool, deaths: str
) -> tuple[CandidateInput, ...]:
    """``total`` votes over 1 to 80 candidates, some of them with drawn votes, some deceased."""
    count = draw(_SHORT_CANDIDATE_COUNT if short else _CANDIDATE_COUNT)
    votes = [0] * count
    remaining = total
    shared = draw(_SHARED) % (total // 2 + 1)
    special: list[int] = []
    for raw_position, raw_amount, use_shared in draw(_SPECIAL):
        position = raw_position % count
        if position in special:
            continue
        wanted = shared if ties and use_shared else raw_amount % (remaining + 1)
        given = min(wanted, remaining)
        votes[position] = given
        remaining -= given
        special.append(position)
    others = [position for position in range(count) if position not in special]
    if others:
        for position, share in zip(others, spread_votes(remaining, len(others)), strict=True):
            votes[position] += share
    else:  # every candidate had drawn votes: the rest goes to the first
        votes[0] += remaining
    if deaths == "all":
        dead = set(range(count))
    elif deaths == "some":
        dead = {position % count for position in draw(_DECEASED)}
    else:
        dead = set()
    return tuple(
        CandidateInput(number=i + 1, votes=v, deceased=i in dead) for i, v in enumerate(votes)
    )


@st.composite
def _random_election(draw: st.DrawFn, ties: bool) -> AllocationInput:
    category = draw(st.sampled_from(_CATEGORIES), label="category")
    seats = draw(_SEATS_LARGE_BODY if category in _LARGE_BODIES else _SEATS, label="seats")
    count = draw(st.integers(1, MAX_LISTS), label="lists")
    pool = draw(_POOL) if ties else []
    totals = []
    for _ in range(count):
        kind, value, factor = draw(_TIED_VOTES if ties else _PLAIN_VOTES)
        totals.append(value if kind == "votes" else min(pool[value] * factor, MAX_LIST_VOTES))
    if count > 1 and draw(_NEAR_HALF, label="a list near half of all votes"):
        # One list with (almost) exactly half of all votes: P 9 on or just off.
        which = draw(st.integers(0, count - 1))
        others = sum(totals) - totals[which]
        offset = draw(_HALF_OFFSET)
        totals[which] = max(0, others + (others // 7 if offset is None else offset))
    if draw(st.booleans(), label="list numbers with gaps"):
        numbers = sorted(draw(st.sets(st.integers(1, 99), min_size=count, max_size=count)))
    else:
        numbers = list(range(1, count + 1))
    short = draw(_SHORT_LISTS, label="short lists allowed")
    deaths = draw(_DEATHS, label="deceased candidates")
    dead_list = draw(st.integers(0, count - 1)) if deaths == "whole list" else None
    lists = tuple(
        ListInput(
            number=number,
            name=f"Lijst {number}",
            candidates=_candidates(
                draw, total, ties, short, "all" if index == dead_list else deaths
            ),
        )
        for index, (number, total) in enumerate(zip(numbers, totals, strict=True))
    )
    return AllocationInput(seats=seats, category=category, lists=lists)


def allocation_inputs(
    *, ties: bool = True, edge_cases: bool = True
) -> st.SearchStrategy[AllocationInput]:
    """Elections for the allocation.

    :param ties: also build ties on purpose (equal or proportional list votes, equal preference
        votes). Properties that compare two runs and only hold without lots turn this off, so
        Hypothesis does not waste examples on inputs they must discard.
    :param edge_cases: now and then draw one of :data:`EDGE_CASES`.
    """
    random = _random_election(ties)
    if not edge_cases:
        return random
    return st.one_of(random, random, random, st.sampled_from(EDGE_CASES))


def scale_factors() -> st.SearchStrategy[int]:
    """Factors to multiply all votes with: small, large, and a prime."""
    return st.one_of(st.integers(2, 10), st.just(7919), st.integers(2, 1000))
