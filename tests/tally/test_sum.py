"""A stated total against the sum of its parts: every difference is a finding, with both numbers.

These are OSV's own S-codes (docs/consistency.md, section 3): a file received from a committee
is added up again, and where the committee's total differs from the sum of its reporting
units, the finding names the quantity, the total as stated and the sum.
"""

from __future__ import annotations

from osv.model import CandidateVotes, ContestCount, RejectedReason, ReportingUnitVotes, VoteCounts
from results.tally import Tally, check_contest, check_sum, same_structure, sum_counts
from results.tally.tally import by_short_code, keyed_by_short_code
from tests.tally.counts import I, count, with_list, with_uncounted

PARTS = [
    count({1: [10, 2], 2: [5]}, blank=1, more=1, eligible=100),
    count({1: [3, 0], 2: [8]}, invalid=2, fewer=2, eligible=200),
]


def test_the_sum_adds_every_quantity() -> None:
    total = sum_counts(PARTS)
    assert total.cast == 300
    assert total.total_counted == 28
    assert total.rejected == {RejectedReason.INVALID: 2, RejectedReason.BLANK: 1}
    assert [(lst.number, lst.votes) for lst in total.lists] == [(1, 15), (2, 13)]
    assert [c.votes for c in total.lists[0].candidates] == [13, 2]
    assert total.uncounted[I] == 1
    assert check_sum(total, PARTS, "0473") == []


def test_tally_is_a_running_sum() -> None:
    tally = Tally()
    for part in PARTS:
        tally.add(part)
    assert tally.units == 2
    assert tally.total == sum_counts(PARTS)


def test_s101_eligible_voters_differ_as_a_warning() -> None:
    stated = sum_counts(PARTS).model_copy(update={"cast": 301})
    [finding] = check_sum(stated, PARTS, "0473")
    assert (finding.code, finding.severity) == ("S.101", "warning")
    assert finding.quantities == {"stated": 301, "sum of parts": 300}


def test_s101_is_not_raised_when_the_parts_state_no_eligible_voters() -> None:
    """TK2025 West Maas en Waal: the polling stations state Cast 0, the total the register."""
    parts = [part.model_copy(update={"cast": 0}) for part in PARTS]
    stated = sum_counts(PARTS)
    assert check_sum(stated, parts, "0668") == []


def test_s102_to_s104_votes_and_voters() -> None:
    total = sum_counts(PARTS)
    fewer = total.model_copy(update={"total_counted": 27})
    assert [f.code for f in check_sum(fewer, PARTS, "x")] == ["S.102"]
    blank = total.model_copy(
        update={"rejected": {RejectedReason.INVALID: 2, RejectedReason.BLANK: 3}}
    )
    [finding] = check_sum(blank, PARTS, "x")
    assert (finding.code, finding.quantities) == ("S.103", {"stated": 3, "sum of parts": 1})
    [finding] = check_sum(with_uncounted(total, I=0), PARTS, "x")
    assert finding.code == "S.104"
    assert "meer getelde stembiljetten" in finding.message


def test_s105_and_s106_lists_and_candidates() -> None:
    total = sum_counts(PARTS)
    [finding] = check_sum(with_list(total, 2, votes=14), PARTS, "HSB3")
    assert (finding.code, finding.list_number, finding.unit) == ("S.105", 2, "HSB3")
    assert "difference +1" in finding.message
    candidates = (CandidateVotes(number=1, votes=12), CandidateVotes(number=2, votes=2))
    [finding] = check_sum(with_list(total, 1, candidates=candidates), PARTS, "HSB3")
    assert (finding.code, finding.list_number, finding.candidate) == ("S.106", 1, "1")
    assert finding.quantities == {"stated": 12, "sum of parts": 13}


def test_s201_lists_or_candidates_missing_from_the_total() -> None:
    total = sum_counts(PARTS)
    fewer_lists = total.model_copy(update={"lists": total.lists[:1]})
    assert [f.code for f in check_sum(fewer_lists, PARTS, "x")] == ["S.201"]
    one_candidate = with_list(total, 1, candidates=total.lists[0].candidates[:1])
    assert [f.code for f in check_sum(one_candidate, PARTS, "x")] == ["S.201"]
    assert not same_structure(total, one_candidate)
    assert same_structure(total, PARTS[0])


def test_check_contest_finds_a_unit_counted_twice() -> None:
    units = [
        ReportingUnitVotes(id="0473::SB1", votes=PARTS[0]),
        ReportingUnitVotes(id="0473::SB1", votes=PARTS[1]),
    ]
    contest = ContestCount(contest_id="geen", total=sum_counts(PARTS), reporting_units=tuple(units))
    findings = check_contest(contest, "0473")
    assert [(f.code, f.unit) for f in findings] == [("S.202", "0473::SB1")]


def test_check_contest_checks_units_total_and_sum() -> None:
    broken = with_uncounted(PARTS[0], A=0)
    units = (
        ReportingUnitVotes(id="0473::SB1", votes=broken),
        ReportingUnitVotes(id="0473::SB2", votes=PARTS[1]),
    )
    stated = with_list(sum_counts(PARTS), 2, votes=12)
    contest = ContestCount(contest_id="geen", total=stated, reporting_units=units)
    found = {(f.code, f.unit) for f in check_contest(contest, "0473")}
    assert ("F.201", "0473::SB1") in found
    assert ("S.105", "0473") in found
    assert ("S.104", "0473") in found  # the stated A is the consistent one; the unit's is not


def _by_code(votes: VoteCounts, prefix: str) -> VoteCounts:
    """``votes`` with candidates identified by ShortCode only, as a TK 510d's total has them."""
    lists = tuple(
        lst.model_copy(
            update={
                "candidates": tuple(
                    CandidateVotes(short_code=f"{prefix}{lst.number}x{c.number}", votes=c.votes)
                    for c in lst.candidates
                )
            }
        )
        for lst in votes.lists
    )
    return votes.model_copy(update={"lists": lists})


def test_s201_summarises_a_total_keyed_by_short_code_against_parts_keyed_by_number() -> None:
    """Issue 14 (5): a total by ShortCode against parts by number differs in every candidate;
    the finding says how each side identifies them instead of printing every key."""
    part = count({1: [1] * 40, 2: [2] * 40})
    total = _by_code(part, "Lid")
    findings = check_sum(total, [part], "CSB")
    assert [f.code for f in findings] == ["S.201", "S.201"]
    message = findings[0].message
    assert message.startswith(
        "list 1: the total has 40 candidates, its parts have 40; 80 differ: 40 identified by "
        "ShortCode only in the total, 40 identified by number only in the parts ("
    )
    assert message.endswith(" and 70 more)")
    assert len(message) < 300
    assert findings[0].subject is not None
    assert findings[0].subject.endswith(" and 70 more")


def test_a_total_by_short_code_equals_its_parts_added_up_by_short_code() -> None:
    """The units of a 510d name candidates by number and ShortCode; added up by ShortCode they
    equal a correct total keyed by ShortCode: no finding."""
    parts = [count({1: [5, 3]}), count({1: [2, 7]})]
    coded = [_with_codes(part) for part in parts]
    total = by_short_code(sum_counts(by_short_code(part) for part in coded))
    assert keyed_by_short_code(total)
    assert not keyed_by_short_code(coded[0])
    assert check_sum(total, [by_short_code(part) for part in coded], "CSB") == []
    assert [c.votes for c in total.lists[0].candidates] == [7, 10]


def _with_codes(votes: VoteCounts) -> VoteCounts:
    lists = tuple(
        lst.model_copy(
            update={
                "candidates": tuple(
                    c.model_copy(update={"short_code": f"Lid{c.number}"}) for c in lst.candidates
                )
            }
        )
        for lst in votes.lists
    )
    return votes.model_copy(update={"lists": lists})
