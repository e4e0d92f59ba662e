"""The quota (P 5) and the full seats with their remainders (P 6), in exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest

from results.allocation import FullSeatsStep, QuotaStep, allocate
from results.allocation.quota import (
    full_seats,
    mixed_number,
    quota,
    remainder,
    scaled_remainder,
    total_votes,
)
from tests.allocation.builders import election


def test_the_quota_is_the_votes_divided_by_the_seats_as_a_mixed_fraction() -> None:
    """V = 5104, S = 15: quota 5104/15 = 340 4/15, not 340.2666..."""
    q = quota(5104, 15)
    assert q == Fraction(5104, 15)
    assert mixed_number(q) == "340 4/15"


def test_full_seats_and_remainders_with_a_fractional_quota() -> None:
    """Quota 340 4/15 (the GR2022 case of seat-allocation.md, votes 2571, 977, 567, 536, 453).

    List 1: 2571 / (340 4/15) = 7.55..., 7 full seats, remainder 2571 - 7 * 340 4/15
    = 2571 - 2381 13/15 = 189 2/15. List 5: 453 / (340 4/15) = 1.33..., 1 full seat, remainder
    112 11/15. In integers the remainders times 15 are 2837 and 1691.
    """
    assert full_seats(2571, 5104, 15) == 7
    assert remainder(2571, 7, 5104, 15) == Fraction(2837, 15)
    assert mixed_number(remainder(2571, 7, 5104, 15)) == "189 2/15"
    assert scaled_remainder(2571, 7, 5104, 15) == 2837
    assert full_seats(453, 5104, 15) == 1
    assert mixed_number(remainder(453, 1, 5104, 15)) == "112 11/15"


def test_a_list_with_exactly_a_multiple_of_the_quota_has_remainder_zero() -> None:
    """Quota 80: 160 votes are exactly 2 full seats, remainder 0."""
    assert full_seats(160, 1200, 15) == 2
    assert remainder(160, 2, 1200, 15) == 0


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(80), "80"),
        (Fraction(4, 15), "4/15"),
        (Fraction(0), "0"),
        (Fraction(140, 3), "46 2/3"),
    ],
)
def test_mixed_numbers_are_written_as_the_process_verbaal_prints_them(
    value: Fraction, text: str
) -> None:
    """Whole numbers without a fraction, proper fractions without a whole part."""
    assert mixed_number(value) == text


def test_the_trace_starts_with_the_quota_and_one_full_seats_step_per_list() -> None:
    """P 5 then P 6: quota 5104/15; full seats 7, 2, 1, 1, 1 with their remainders."""
    result = allocate(election(15, [2571, 977, 567, 536, 453]))
    assert result.steps[0] == QuotaStep(total_votes=5104, seats=15, quota=Fraction(5104, 15))
    full = [s for s in result.steps if isinstance(s, FullSeatsStep)]
    assert [s.full_seats for s in full] == [7, 2, 1, 1, 1]
    assert [s.article for s in full] == ["P 6"] * 5
    assert all(0 <= s.remainder < result.quota for s in full if result.quota is not None)
    assert total_votes([2571, 977, 567, 536, 453]) == 5104
