"""Each consistency rule of a single count fires exactly when its condition holds.

A consistent count gives no findings; breaking one quantity gives the finding of exactly that
rule, with the unit, the numbers as stated and the list concerned. The letters are those of the
paper models (A–J, Z; see docs/consistency.md).
"""

from __future__ import annotations

from osv.model import RejectedReason
from results.tally import check_counts, votes_cast
from tests.tally.counts import D, count, with_list, with_uncounted

UNIT = "0473::SB1"


def _codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [finding.code for finding in findings]


def test_a_consistent_count_has_no_findings() -> None:
    votes = count({1: [40, 3], 2: [12, 0, 5]}, blank=2, invalid=1, more=2, fewer=1, proxies=7)
    assert check_counts(votes, UNIT) == []
    assert check_counts(votes, "0473 (total)", total=True) == []
    assert votes_cast(votes) == 63


def test_f201_admitted_voters_are_not_poll_cards_plus_proxies() -> None:
    votes = with_uncounted(count({1: [10]}, proxies=2), A=9)
    [finding] = check_counts(votes, UNIT)
    assert finding.code == "F.201"
    assert finding.severity == "error"
    assert finding.unit == UNIT
    assert finding.quantities == {"A": 9, "B": 2, "C": 0, "D": 10}


def test_f202_lists_do_not_add_up_to_the_votes_on_candidates() -> None:
    votes = count({1: [10], 2: [5]})
    votes = votes.model_copy(update={"total_counted": 14})
    codes = _codes(check_counts(votes, UNIT))
    assert "F.202" in codes
    [f202] = [f for f in check_counts(votes, UNIT) if f.code == "F.202"]
    assert f202.quantities == {"sum of lists": 15, "E": 14}


def test_f204_replaces_f202_when_e_is_empty() -> None:
    votes = count({1: [10]}).model_copy(update={"total_counted": 0})
    codes = _codes(check_counts(votes, UNIT))
    assert "F.204" in codes
    assert "F.202" not in codes


def test_f312_admitted_voters_do_not_match_votes_cast_and_the_differences() -> None:
    """Zandvoort SB7 in GR2022: D 983, H 982, I 0, J 0."""
    votes = with_uncounted(count({1: [981]}, blank=1), D=983, A=983)
    [finding] = check_counts(votes, UNIT)
    assert finding.code == "F.312"
    assert finding.quantities == {"D": 983, "H": 982, "I": 0, "J": 0}


def test_f312_counts_the_more_and_fewer_ballots() -> None:
    votes = count({1: [100]}, more=3, fewer=8)
    assert check_counts(votes, UNIT) == []
    wrong = with_uncounted(votes, J=7)
    assert _codes(check_counts(wrong, UNIT)) == ["F.312"]


def test_without_admitted_voters_no_rule_on_them_is_evaluated() -> None:
    votes = count({1: [10]})
    bare = votes.model_copy(update={"uncounted": {}})
    assert check_counts(bare, UNIT) == []


def test_f402_a_list_total_is_not_the_sum_of_its_candidates() -> None:
    votes = count({1: [10, 5], 2: [7]})
    broken = with_list(votes, 1, votes=16).model_copy(update={"total_counted": 23})
    broken = with_uncounted(broken, A=23, D=23)
    [finding] = check_counts(broken, UNIT)
    assert finding.code == "F.402"
    assert finding.list_number == 1
    assert finding.quantities == {"E.x": 16, "sum of candidates": 15}


def test_w204_no_votes_at_all_is_a_warning() -> None:
    [finding] = check_counts(count({1: [0]}), UNIT)
    assert (finding.code, finding.severity) == ("W.204", "warning")


def test_w205_and_w206_apply_to_stated_totals_only() -> None:
    votes = count({1: [10]}, eligible=0)
    assert check_counts(votes, UNIT) == []
    assert _codes(check_counts(votes, "0473 (total)", total=True)) == ["W.205"]
    few = count({1: [10]}, eligible=9)
    [finding] = check_counts(few, "0473 (total)", total=True)
    assert finding.code == "W.206"
    assert finding.quantities == {"Z": 9, "A": 10}


def test_w205_suppresses_w206() -> None:
    votes = count({1: [10]}, eligible=0)
    assert "W.206" not in _codes(check_counts(votes, "t", total=True))


def test_several_rules_are_reported_together() -> None:
    votes = count({1: [10]}, blank=1)
    broken = with_uncounted(votes, A=5, D=12)
    broken = broken.model_copy(
        update={"rejected": {RejectedReason.INVALID: 0, RejectedReason.BLANK: 1}}
    )
    assert sorted(_codes(check_counts(broken, UNIT))) == ["F.201", "F.312"]
    assert broken.uncounted[D] == 12
