"""Residual seats: largest remainders, unique highest averages (P 8) and D'Hondt (P 7)."""

from __future__ import annotations

from fractions import Fraction

from osv.model import ElectionCategory
from results.allocation import (
    LotKind,
    ResidualMethod,
    ResidualSeatStep,
    ResidualThreshold,
    allocate,
)
from results.allocation.residual import ResidualRules, default_residual_threshold
from tests.allocation.builders import complete, election, seats_of

LR = ResidualMethod.LARGEST_REMAINDERS
UHA = ResidualMethod.UNIQUE_HIGHEST_AVERAGES
HA = ResidualMethod.HIGHEST_AVERAGES


def _residual_steps(votes: list[int], seats: int, **options: object) -> list[ResidualSeatStep]:
    result = allocate(election(seats, votes, **options))  # type: ignore[arg-type]
    return [s for s in result.steps if isinstance(s, ResidualSeatStep)]


def test_largest_remainders_below_19_seats_with_the_three_quarter_threshold() -> None:
    """S = 15, votes 540, 160, 160, 80, 80, 80, 60, 40 (lt19_largest_remainders).

    Quota 1200 / 15 = 80; 3/4 of the quota = 60. Full seats 6, 2, 2, 1, 1, 1, 0, 0 = 13,
    residual seats 2. Remainders 60, 0, 0, 0, 0, 0, 60, 40; list 8 (40 < 60) takes no part.
    Seat 1: lists 1 and 7 share the largest remainder 60 and both fit in the 2 seats left:
    each gets one, in one step. Seats 7, 2, 2, 1, 1, 1, 1, 0.
    """
    steps = _residual_steps([540, 160, 160, 80, 80, 80, 60, 40], 15)
    assert len(steps) == 1
    (step,) = steps
    assert step.method is LR
    assert step.article == "P 8(1)"
    assert step.winners == (1, 7)
    assert step.lot is None
    assert dict(step.values) == {1: 60, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 60}
    assert step.excluded == ((8, "below_threshold"),)


def test_a_list_at_exactly_three_quarters_of_the_quota_takes_part_in_largest_remainders() -> None:
    """S = 10, V = 400, quota 40, 3/4 of the quota = 30 exactly.

    Votes 250, 90, 30, 30: full seats 6, 2, 0, 0 (8), residual seats 2; remainders 10, 10, 30,
    30. Lists 3 and 4 have exactly 30 (4 * 30 * 10 = 1200 >= 3 * 400 = 1200): eligible, and they
    take both LR seats. Seats 6, 2, 1, 1.
    """
    assert seats_of(allocate(election(10, [250, 90, 30, 30]))) == [6, 2, 1, 1]


def test_one_vote_below_three_quarters_of_the_quota_is_out_of_largest_remainders() -> None:
    """S = 10, votes 251, 90, 29, 30 (V = 400, quota 40, 3/4 = 30).

    List 3 has 29 < 30: no LR seat. Remainders: list 1 11, list 2 10, list 4 30. LR seats to
    list 4 (30) and list 1 (11). Seats 7, 2, 0, 1.
    """
    steps = _residual_steps([251, 90, 29, 30], 10)
    assert [(s.method, s.winners) for s in steps] == [(LR, (4,)), (LR, (1,))]
    assert (3, "below_threshold") in steps[0].excluded
    assert seats_of(allocate(election(10, [251, 90, 29, 30]))) == [7, 2, 0, 1]


def test_a_remainder_of_zero_still_wins_a_largest_remainder_seat() -> None:
    """S = 15, votes 480, 240, 240, 55, 50, 45, 45, 45 (lt19_three_lists_threshold_zero_remainders).

    Quota 80, 3/4 = 60. Full seats 6, 3, 3, 0, ... = 12, residual 3. Only lists 1, 2 and 3
    reach 60, all with remainder 0 ("geacht lijsten te zijn met het kleinste overschot", P 8(1)):
    the three tie and fit the three seats. Seats 7, 4, 4, 0, 0, 0, 0, 0.
    """
    steps = _residual_steps([480, 240, 240, 55, 50, 45, 45, 45], 15)
    assert [(s.method, s.winners) for s in steps] == [(LR, (1, 2, 3))]
    assert dict(steps[0].values) == {1: 0, 2: 0, 3: 0}


def test_unique_highest_averages_follow_when_no_list_may_take_a_largest_remainder_seat() -> None:
    """S = 15, votes 808, 59, 58, 57, 56, 55, 54, 53 (lt19_one_list_meets_threshold).

    Quota 80, 3/4 = 60. Full seats 10, 0, ... residual 5. Only list 1 reaches 60: LR seat 1 to
    list 1 (remainder 8). Then UHA (P 8(3)), one per list: averages 808/12 = 67 1/3, 59, 58, ...
    Seat 2 list 1 (67 1/3), seat 3 list 2 (59), seat 4 list 3 (58), seat 5 list 4 (57).
    Seats 12, 1, 1, 1, 0, 0, 0, 0.
    """
    steps = _residual_steps([808, 59, 58, 57, 56, 55, 54, 53], 15)
    assert [(s.method, s.winners) for s in steps] == [
        (LR, (1,)),
        (UHA, (1,)),
        (UHA, (2,)),
        (UHA, (3,)),
        (UHA, (4,)),
    ]
    assert dict(steps[1].values)[1] == Fraction(808, 12)
    assert 1 in dict(steps[1].values), "an LR seat does not keep a list out of UHA"
    assert (1, "has_uha_seat") in steps[2].excluded
    assert [s.article for s in steps] == ["P 8(1)"] + ["P 8(3)"] * 4


def test_dhondt_from_19_seats_on() -> None:
    """S = 23, votes 600, 302, 98, 99, 101 (gte19_highest_averages, the P 22-2 example).

    Quota 1200 / 23 = 52 4/23. Full seats 11, 5, 1, 1, 1 = 19, residual 4. Averages
    V / (s + 1): 600/12 = 50, 302/6 = 50 1/3, 98/2 = 49, 99/2 = 49 1/2, 101/2 = 50 1/2.
    Seat 1 list 5 (50 1/2); seat 2 list 2 (50 1/3); seat 3 list 1 (50); seat 4 list 4 (49 1/2).
    Seats 12, 6, 1, 2, 2.
    """
    steps = _residual_steps([600, 302, 98, 99, 101], 23)
    assert [s.winners for s in steps] == [(5,), (2,), (1,), (4,)]
    assert all(s.method is HA and s.article == "P 7(1)" for s in steps)
    assert dict(steps[0].values) == {
        1: Fraction(50),
        2: Fraction(302, 6),
        3: Fraction(49),
        4: Fraction(99, 2),
        5: Fraction(101, 2),
    }


def test_equal_averages_for_more_lists_than_seats_ask_a_residual_ha_lot() -> None:
    """S = 23, votes 500 and five times 140 (gte19_ha_tie_lots): quota 1200 / 23; full seats
    9, 2, 2, 2, 2, 2 = 19, residual 4. Seat 1: list 1 (500/10 = 50). Then five lists tie at
    140/3 = 46 2/3 for 3 seats: a lot (P 7(1)) per seat."""
    result = allocate(election(23, [500, 140, 140, 140, 140, 140]))
    required = result.lots_required
    assert required is not None
    assert (required.kind, required.article) == (LotKind.RESIDUAL_HA, "P 7(1)")
    assert required.options == (2, 3, 4, 5, 6)
    assert (required.seats, required.seat_number, required.tied_value) == (3, 2, Fraction(140, 3))
    assert seats_of(complete(election(23, [500, 140, 140, 140, 140, 140]), [4, 2, 5])) == [
        10,
        3,
        2,
        3,
        3,
        2,
    ]


def test_the_tweede_kamer_keeps_lists_below_the_quota_from_residual_seats() -> None:
    """P 7(2). S = 19, votes 1000, 500, 390, 104 (V = 1994, quota 104 18/19).

    Full seats 9, 4, 3, 0 = 16, residual 3. Averages 100, 100, 97 1/2, 104.
    Municipal council: seat 1 list 4 (104); seats 2 and 3 lists 1 and 2 (100, tied, fitting).
    Seats 10, 5, 3, 1. Tweede Kamer: list 4 has fewer votes than the quota and takes no part:
    seats 1 and 2 lists 1 and 2 (100), seat 3 list 3 (97 1/2). Seats 10, 5, 4, 0.
    """
    assert seats_of(allocate(election(19, [1000, 500, 390, 104]))) == [10, 5, 3, 1]
    tk = allocate(election(19, [1000, 500, 390, 104], category=ElectionCategory.TK))
    assert seats_of(tk) == [10, 5, 4, 0]
    steps = [s for s in tk.steps if isinstance(s, ResidualSeatStep)]
    assert all((4, "below_threshold") in s.excluded for s in steps)


def test_the_european_parliament_follows_the_tweede_kamer_threshold() -> None:
    """Kieswet Y 2: members of the European Parliament are elected by the Tweede Kamer's rules,
    so P 7(2) applies to them too."""
    ep = allocate(election(19, [1000, 500, 390, 104], category=ElectionCategory.EP))
    assert seats_of(ep) == [10, 5, 4, 0]
    assert default_residual_threshold(ElectionCategory.EP, 31) is ResidualThreshold.FULL_QUOTA


def test_the_default_thresholds_follow_the_law() -> None:
    """P 7(2) for TK and EP; P 8(2) below 19 seats; none otherwise."""
    assert default_residual_threshold(ElectionCategory.TK, 150) is ResidualThreshold.FULL_QUOTA
    assert (
        default_residual_threshold(ElectionCategory.GR, 17)
        is ResidualThreshold.THREE_QUARTERS_QUOTA
    )
    assert (
        default_residual_threshold(ElectionCategory.AB, 18)
        is ResidualThreshold.THREE_QUARTERS_QUOTA
    )
    assert default_residual_threshold(ElectionCategory.GR, 19) is ResidualThreshold.NONE
    assert default_residual_threshold(ElectionCategory.PS, 55) is ResidualThreshold.NONE


def test_the_full_quota_override_keeps_lists_below_the_quota_from_every_residual_seat() -> None:
    """Bill 36 641 (not in force) would require the quota for every residual seat; the input can
    ask for it. S = 15, votes 808, 59, 58, 57, 56, 55, 54, 53, quota 80: only list 1 reaches the
    quota, so it takes the LR seat, the UHA seat and then every seat by plain highest averages:
    15 seats, where the law as it stands gives 12, 1, 1, 1."""
    result = allocate(
        election(
            15,
            [808, 59, 58, 57, 56, 55, 54, 53],
            residual_threshold=ResidualThreshold.FULL_QUOTA,
        )
    )
    assert seats_of(result) == [15, 0, 0, 0, 0, 0, 0, 0]
    steps = [s for s in result.steps if isinstance(s, ResidualSeatStep)]
    assert [s.method for s in steps] == [LR, UHA, HA, HA, HA]


def test_a_list_without_votes_never_takes_part() -> None:
    """S = 19, votes 500, 0, 250: list 2 is excluded from every step as having no votes."""
    steps = _residual_steps([500, 0, 249], 19)
    assert steps
    assert all((2, "no_votes") in s.excluded for s in steps)


def test_the_rules_compare_thresholds_in_integers() -> None:
    """3/4 of the quota: 4 * V_i * S >= 3 * V; the quota: V_i * S >= V."""
    rules = ResidualRules(
        seats=10, total_votes=400, threshold=ResidualThreshold.THREE_QUARTERS_QUOTA
    )
    assert rules.small
    assert rules.reaches(30, ResidualThreshold.THREE_QUARTERS_QUOTA)
    assert not rules.reaches(29, ResidualThreshold.THREE_QUARTERS_QUOTA)
    assert rules.reaches(40, ResidualThreshold.FULL_QUOTA)
    assert not rules.reaches(39, ResidualThreshold.FULL_QUOTA)
    assert rules.eligible_by_votes(1, UHA)
    assert not rules.eligible_by_votes(29, LR)
