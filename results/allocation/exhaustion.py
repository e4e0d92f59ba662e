"""A list that runs out of candidates: Kieswet P 10, with deceased candidates (P 19a).

A seat needs a person. A list can take no more seats than it has candidates who can take one:
its candidates minus those the central polling station registered as deceased (P 19a: a
deceased candidate is left out when seats are given to candidates; his votes still count for the
list). P 10: "Indien bij de toepassing van de vorige bepalingen aan een lijst meer zetels zouden
moeten worden toegewezen dan er kandidaten zijn, gaan de overblijvende zetel of zetels door
voortgezette toepassing van die bepalingen over op één of meer van de overige lijsten, waarop
kandidaten voorkomen aan wie geen zetel is toegewezen."

So, after P 6 to P 9:

1. every list with more seats than available candidates gives the surplus back (the list is
   *exhausted*), recorded as an :class:`~results.allocation.types.ExhaustionStep`;
2. the freed seats are given again by continuing the same method (P 7, or the phases of P 8
   with their history: a list that holds a largest-remainder seat still holds it), among the
   lists that still have a living candidate without a seat;
3. seats that no list can take stay unassigned (seat-allocation.md §8).

Exception (Kieswet Ya 29, the island councils of Bonaire, Sint Eustatius and Saba): "In
afwijking van artikel P 10" the surplus seats are not given to another list; they stay
unassigned. The entry point switches step 2 off for that category.

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (P 10, P 19a, Ya 29).
"""

from __future__ import annotations

from collections.abc import Sequence

from results.allocation.lots import LotBook
from results.allocation.residual import ResidualRules, assign_residual_seats
from results.allocation.standing import ListStanding
from results.allocation.types import ExhaustionStep, Step

__all__ = ["reassign_freed_seats", "remove_surplus_seats"]


def remove_surplus_seats(standings: Sequence[ListStanding], trace: list[Step]) -> int:
    """P 10, first half: take from every list the seats it has no living candidate for.

    :param standings: every list after P 9; updated in place.
    :param trace: an :class:`ExhaustionStep` is appended per list that gives seats back.
    :return: the number of seats freed.
    """
    freed = 0
    for standing in standings:
        surplus = standing.seats - standing.available
        if surplus <= 0:
            continue
        standing.seats = standing.available
        standing.removed += surplus
        standing.exhausted = True
        freed += surplus
        trace.append(
            ExhaustionStep(
                list_number=standing.number,
                seats_removed=surplus,
                available=standing.available,
            )
        )
    return freed


def reassign_freed_seats(
    standings: Sequence[ListStanding],
    freed: int,
    rules: ResidualRules,
    lots: LotBook,
    trace: list[Step],
    *,
    first_seat: int,
) -> int:
    """P 10, second half: give the freed seats again by continued application of P 7 or P 8.

    Only lists with a living candidate who has no seat yet take part; the phase history of P 8
    is kept. Ties are settled as in the first assignment (lots may be needed here too).

    :param freed: the seats freed by :func:`remove_surplus_seats`.
    :param first_seat: the number the first of these seats gets in the trace (the residual
        seats of the first assignment count first).
    :return: how many of the freed seats were given; the rest stay unassigned.
    """
    return assign_residual_seats(
        standings, freed, rules, lots, trace, first_seat=first_seat, reassignment=True
    )
