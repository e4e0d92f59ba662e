"""The standing of every list while seats are being given: the allocation's working state.

The steps of chapter P change the seats of the lists one after another: full seats (P 6),
residual seats (P 7, P 8), the seat of the absolute majority (P 9), seats given back and given
again when a list runs out of candidates (P 10). A :class:`ListStanding` holds what those steps
need to know about one list at a given moment: its votes, full seats and remainder (fixed after
P 6), its seats now, and its history in the phases of P 8 (whether it holds a
largest-remainder seat or a unique-highest-average seat).

It is deliberately a small mutable record: the step functions in ``residual.py``,
``majority.py`` and ``exhaustion.py`` update it and record every change in the trace, and the
entry point turns it into the immutable :class:`~results.allocation.types.ListSeats` at the end.
A lijstengroep or a set of identical lists counts as one list for the distribution between
parties (P 3), so the same record serves the allocation over several kieskringen.

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (chapter P, paragraph 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from results.allocation.quota import full_seats, remainder, scaled_remainder
from results.allocation.types import ListSeats

__all__ = ["ListStanding", "initial_standings"]


@dataclass
class ListStanding:
    """One list (or group counted as one list) during the seat allocation.

    :param number: the list number.
    :param votes: the list's votes (stemcijfer), ``V_i``.
    :param available: the candidates who can take a seat: not registered as deceased (P 19a).
    :param full_seats: the full seats of P 6.
    :param remainder: the remainder (overschot) of P 6.
    :param scaled_remainder: the remainder times the number of seats, an integer for comparing.
    :param seats: the seats the list holds now.
    :param gained: seats gained after P 6: residual seats (P 7, P 8), the seat of P 9 and seats
        given again under P 10, less a residual seat taken away by P 9.
    :param removed: seats given back because the list ran out of candidates (P 10).
    :param lr_seat: holds a largest-remainder seat (P 8(1): at most one per list).
    :param uha_seat: received a unique-highest-average seat (P 8(3): at most one per list).
    :param exhausted: ran out of candidates: gave seats back (P 10) or could not take a freed
        seat because every living candidate already has one.
    :param name: the list's name, for the result.
    """

    number: int
    votes: int
    available: int
    full_seats: int
    remainder: Fraction
    scaled_remainder: int
    seats: int
    gained: int = 0
    removed: int = 0
    lr_seat: bool = False
    uha_seat: bool = False
    exhausted: bool = False
    name: str = ""

    def gain(self) -> None:
        """Add one seat beyond the full seats."""
        self.seats += 1
        self.gained += 1

    def lose(self) -> None:
        """Take away one seat gained beyond the full seats (P 9 takes a residual seat)."""
        self.seats -= 1
        self.gained -= 1

    def result(self) -> ListSeats:
        """The list's seats as reported.

        ``seats == full_seats + residual_seats - seats_removed`` always holds.
        """
        return ListSeats(
            number=self.number,
            name=self.name,
            votes=self.votes,
            full_seats=self.full_seats,
            remainder=self.remainder,
            residual_seats=self.gained,
            seats=self.seats,
            available=self.available,
            exhausted=self.exhausted,
            seats_removed=self.removed,
        )


def initial_standings(
    lists: Sequence[tuple[int, int, int, str]], votes: int, seats: int
) -> list[ListStanding]:
    """The standings after the full seats of P 6.

    :param lists: per list ``(number, votes, available candidates, name)``, in list order.
    :param votes: ``V``, the total of the lists' votes; must be positive.
    :param seats: ``S``, the number of seats.
    """
    standings = []
    for number, list_votes, available, name in lists:
        full = full_seats(list_votes, votes, seats)
        standings.append(
            ListStanding(
                number=number,
                votes=list_votes,
                available=available,
                full_seats=full,
                remainder=remainder(list_votes, full, votes, seats),
                scaled_remainder=scaled_remainder(list_votes, full, votes, seats),
                seats=full,
                name=name,
            )
        )
    return standings
