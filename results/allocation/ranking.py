"""The ranking of the candidates for succession: Kieswet P 19, with P 19a.

When an elected member leaves, the seat goes to the next candidate of the same list in this
ranking (chapter W). P 19 draws it up per list, after the elected candidates are known:

1. the candidates elected by preference votes (P 15), in the order their seats were given;
2. then the other candidates with more votes than the preference threshold (25 % of the quota,
   or half of it where P 15(2) applies), by number of votes; equal numbers in list order;
3. then all other candidates, in list order (this includes those elected under P 17).

P 19(4) (lijstengroepen) does not apply to a single list. P 19(5): except when fewer than 19
seats are to be filled, the ranking is not applied to a list on which nobody was elected (and
which is not part of a group of lists with seats); such a list keeps its own order. P 19a:
deceased candidates are left out of the ranking altogether.

Verified against the text of P 19 in force in 2025 (an English translation of the Kieswet as of
2025); seat-allocation.md §12.4.

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (P 19, P 19a).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from osv.model.rules import SMALL_BODY_SEATS
from results.allocation.types import ListInput

__all__ = ["rank_candidates", "ranking_applies"]


def ranking_applies(body_seats: int, list_seats: int) -> bool:
    """P 19(5): whether the P 19 ranking is drawn up for a list.

    Always when fewer than 19 seats are to be filled; otherwise only for a list on which at
    least one candidate was elected (for a single list: a list with seats).
    """
    return body_seats < SMALL_BODY_SEATS or list_seats > 0


def rank_candidates(
    candidate_list: ListInput,
    elected_by_preference: Sequence[int],
    above_threshold: Callable[[int], bool],
    *,
    apply_ranking: bool,
) -> tuple[int, ...]:
    """The ranking of one list for succession (P 19), deceased candidates left out (P 19a).

    :param candidate_list: the list, its candidates in list order.
    :param elected_by_preference: the candidates elected under P 15, in the order of their seats.
    :param above_threshold: whether a number of votes is more than the preference threshold.
    :param apply_ranking: :func:`ranking_applies`; when false the list keeps its order.
    :return: candidate numbers, best placed first.
    """
    living = [c for c in candidate_list.candidates if not c.deceased]
    if not apply_ranking:
        return tuple(c.number for c in living)
    first = list(elected_by_preference)  # P 19(1)
    placed = set(first)
    # P 19(2): sorted() is stable, so equal votes keep list order.
    second = sorted(
        (c for c in living if c.number not in placed and above_threshold(c.votes)),
        key=lambda c: -c.votes,
    )
    placed.update(c.number for c in second)
    third = [c.number for c in living if c.number not in placed]  # P 19(3)
    return (*first, *(c.number for c in second), *third)
