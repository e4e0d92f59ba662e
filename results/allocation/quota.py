"""The quota (kiesdeler) and the full seats (volle zetels): Kieswet P 5 and P 6.

The central polling station adds up the votes of all lists (their stemcijfers, ``V``) and divides
by the number of seats ``S``: that quotient is the quota (P 5). Every list gets one seat for each
time the quota fits in its votes (P 6); what is left over is its remainder (overschot), at least
0 and less than the quota. The seats not given this way are the residual seats (restzetels) of
P 7 and P 8.

Everything is exact. The quota ``V / S`` is a :class:`fractions.Fraction`; the full seats are the
integer division ``V_i * S // V``, never a rounded float. Comparisons elsewhere multiply out the
denominators (the remainder times ``S`` is the integer ``V_i * S - f_i * V``).

Articles: https://wetten.overheid.nl/BWBR0004627/2026-01-01 (chapter P, paragraph 2).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

__all__ = [
    "full_seats",
    "mixed_number",
    "quota",
    "remainder",
    "scaled_remainder",
    "total_votes",
]


def total_votes(list_votes: Iterable[int]) -> int:
    """``V``: the sum of the lists' votes (stemcijfers), P 5(1). Blank and invalid votes are not
    part of it; votes on deceased candidates are (P 2)."""
    return sum(list_votes)


def quota(votes: int, seats: int) -> Fraction:
    """The quota (kiesdeler), P 5: the total of the votes divided by the number of seats.

    :param votes: ``V``, the total of the lists' votes; must be positive.
    :param seats: ``S``, the number of seats to fill; must be positive.
    :return: ``V / S`` as an exact fraction, e.g. ``Fraction(5104, 15)`` (340 4/15).
    """
    return Fraction(votes, seats)


def full_seats(list_votes: int, votes: int, seats: int) -> int:
    """The full seats of a list, P 6: how many times the quota fits in its votes.

    ``floor(V_i / (V / S))`` equals the integer division ``V_i * S // V``: no fraction and no
    rounding is involved.
    """
    return list_votes * seats // votes


def scaled_remainder(list_votes: int, full: int, votes: int, seats: int) -> int:
    """The remainder times ``S``, an integer: ``V_i * S - f_i * V``.

    Remainders all share the denominator ``S``, so comparing these integers compares the
    remainders themselves (seat-allocation.md §13).
    """
    return list_votes * seats - full * votes


def remainder(list_votes: int, full: int, votes: int, seats: int) -> Fraction:
    """The remainder (overschot) of a list, P 6: its votes minus its full seats times the quota.

    Always at least 0 and less than the quota. A list without a remainder has remainder 0,
    which P 8(1) counts as the smallest remainder.
    """
    return Fraction(scaled_remainder(list_votes, full, votes, seats), seats)


def mixed_number(value: Fraction) -> str:
    """A non-negative fraction written as a mixed number, as the process-verbaal prints it.

    ``Fraction(5104, 15)`` gives ``"340 4/15"``, ``Fraction(80)`` gives ``"80"`` and
    ``Fraction(4, 15)`` gives ``"4/15"``.
    """
    whole, rest = divmod(value.numerator, value.denominator)
    if rest == 0:
        return str(whole)
    part = f"{rest}/{value.denominator}"
    return part if whole == 0 else f"{whole} {part}"
