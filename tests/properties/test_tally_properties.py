"""Properties of adding counts up and checking them (``results.tally``), for auditors.

docs/auditing.md ("Adding up and checking counts") explains each property in plain words. The
generator makes an election tree of consistent polling-station counts: for every station the
votes per candidate, blank and invalid votes, one of "more" or "fewer" ballots than admitted
voters (I, J), poll cards and proxies; every derived box (E.x, E, D, A) follows from those, as on
a correct paper report. No expected total is stored: each test compares two ways of adding up,
or a stated total with a change the test made itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from osv.model import (
    CandidateVotes,
    ListVotes,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from results.tally import RULES, Finding, check_counts, check_sum, sum_counts
from tests.strategies.counts import vote_counts

_A = UncountedReason.POLL_CARDS
_B = UncountedReason.PROXY_CERTIFICATES
_C = UncountedReason.VOTER_CARDS
_D = UncountedReason.ADMITTED_VOTERS
_I = UncountedReason.MORE_BALLOTS
_J = UncountedReason.FEWER_BALLOTS

_votes = st.integers(0, 2_000)


@st.composite
def structures(draw: st.DrawFn) -> tuple[tuple[int, int], ...]:
    """Lists of an election: (list number, number of candidates), 1 to 8 lists."""
    numbers = sorted(draw(st.sets(st.integers(1, 40), min_size=1, max_size=8)))
    return tuple((number, draw(st.integers(1, 6))) for number in numbers)


@st.composite
def stations(draw: st.DrawFn, structure: tuple[tuple[int, int], ...]) -> VoteCounts:
    """One polling station's count that satisfies every rule of a single count."""
    lists = tuple(
        ListVotes(
            number=number,
            votes=sum(votes := draw(st.lists(_votes, min_size=size, max_size=size))),
            candidates=tuple(CandidateVotes(number=i, votes=v) for i, v in enumerate(votes, 1)),
        )
        for number, size in structure
    )
    valid = sum(lst.votes for lst in lists)
    blank, invalid = draw(_votes), draw(_votes)
    cast = valid + blank + invalid
    difference = draw(st.integers(-20, min(cast, 20)))  # H − D
    more, fewer = max(difference, 0), max(-difference, 0)
    admitted = cast - more + fewer
    proxies = draw(st.integers(0, admitted))
    voter_cards = draw(st.integers(0, admitted - proxies))
    return VoteCounts(
        lists=lists,
        cast=draw(st.integers(admitted, admitted + 3_000)),
        total_counted=valid,
        rejected={RejectedReason.INVALID: invalid, RejectedReason.BLANK: blank},
        uncounted={
            _A: admitted - proxies - voter_cards,
            _B: proxies,
            _C: voter_cards,
            _D: admitted,
            _I: more,
            _J: fewer,
        },
    )


@dataclass(frozen=True)
class Tree:
    """Polling stations grouped by municipality, municipalities by district."""

    districts: tuple[tuple[tuple[VoteCounts, ...], ...], ...]

    @property
    def stations(self) -> list[VoteCounts]:
        return [s for district in self.districts for municipality in district for s in municipality]


@st.composite
def trees(draw: st.DrawFn) -> Tree:
    """1–3 districts of 1–3 municipalities of 1–5 polling stations, all of one election."""
    structure = draw(structures())
    station = stations(structure)
    municipality = st.lists(station, min_size=1, max_size=5).map(tuple)
    district = st.lists(municipality, min_size=1, max_size=3).map(tuple)
    return Tree(draw(st.lists(district, min_size=1, max_size=3).map(tuple)))


@given(trees(), st.randoms(use_true_random=False))
def test_the_total_does_not_depend_on_the_order_of_the_units(tree: Tree, rnd: object) -> None:
    """Adding up is commutative: shuffling the polling stations changes no number."""
    units = tree.stations
    shuffled = list(units)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert sum_counts(shuffled) == sum_counts(units)


@given(trees())
def test_adding_up_level_by_level_equals_adding_up_at_once(tree: Tree) -> None:
    """Stations → municipality (510b) → district (510c) → total (510d) equals Σ all stations."""
    municipalities = [
        [sum_counts(municipality) for municipality in district] for district in tree.districts
    ]
    districts = [sum_counts(district) for district in municipalities]
    assert sum_counts(districts) == sum_counts(tree.stations)


@given(trees())
def test_consistent_units_add_up_to_a_consistent_total(tree: Tree) -> None:
    """If every station's count is consistent, every total is, and equals the sum of its parts.

    This is the shared spec's property of aggregation (counts-and-checks.md §6): F.201, F.202 and
    F.312 hold for the totals, where I and J are sums of the stations' surpluses and shortfalls.
    (Warnings may remain: a station where nobody voted is W.204 at every level.)
    """
    for station in tree.stations:
        assert _errors(check_counts(station, "station")) == []
    for district in tree.districts:
        parts = [sum_counts(municipality) for municipality in district]
        for municipality, total in zip(district, parts, strict=True):
            assert _errors(check_counts(total, "municipality", total=True)) == []
            assert check_sum(total, list(municipality), "municipality") == []
        assert check_sum(sum_counts(parts), parts, "district") == []


def _errors(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == "error"]


_QUANTITIES = st.sampled_from(["E", "F", "G", "A", "D", "I", "list", "candidate", "Z"])


@given(trees(), _QUANTITIES, st.integers(-50, 50).filter(bool))
def test_any_change_to_a_stated_total_is_found_with_its_code(
    tree: Tree, quantity: str, delta: int
) -> None:
    """A stated total that differs from the sum of its parts in one quantity is found: one
    finding, with the code of that quantity and both numbers, whatever the quantity and change."""
    parts = tree.stations
    total = sum_counts(parts)
    changed, code, before = _change(total, quantity, delta)
    if before + delta < 0:  # counts are never negative; nothing to state
        return
    findings = check_sum(changed, parts, "committee")
    assert [finding.code for finding in findings] == [code]
    assert findings[0].quantities == {"stated": before + delta, "sum of parts": before}
    assert findings[0].severity == RULES[code].severity


def _change(total: VoteCounts, quantity: str, delta: int) -> tuple[VoteCounts, str, int]:
    """``total`` with one quantity changed by ``delta``; the code expected; the old value."""
    if quantity == "Z":
        return _copy(total, cast=max(total.cast + delta, 0)), "S.101", total.cast
    if quantity == "E":
        value = total.total_counted
        return _copy(total, total_counted=max(value + delta, 0)), "S.102", value
    if quantity in ("F", "G"):
        reason = RejectedReason.BLANK if quantity == "F" else RejectedReason.INVALID
        value = total.rejected[reason]
        rejected = {**total.rejected, reason: max(value + delta, 0)}
        return _copy(total, rejected=rejected), "S.103", value
    if quantity in ("A", "D", "I"):
        reason = {"A": _A, "D": _D, "I": _I}[quantity]
        value = total.uncounted[reason]
        uncounted = {**total.uncounted, reason: max(value + delta, 0)}
        return _copy(total, uncounted=uncounted), "S.104", value
    first = total.lists[0]
    if quantity == "list":
        changed = first.model_copy(update={"votes": max(first.votes + delta, 0)})
        return _copy(total, lists=(changed, *total.lists[1:])), "S.105", first.votes
    candidate = first.candidates[0]
    new = candidate.model_copy(update={"votes": max(candidate.votes + delta, 0)})
    changed = first.model_copy(update={"candidates": (new, *first.candidates[1:])})
    return _copy(total, lists=(changed, *total.lists[1:])), "S.106", candidate.votes


def _copy(votes: VoteCounts, **update: object) -> VoteCounts:
    return votes.model_copy(update=update)


@given(vote_counts(), st.booleans())
def test_every_finding_has_a_documented_code_and_its_severity(
    votes: VoteCounts, total: bool
) -> None:
    """Any count, however inconsistent, is checked without failing; each finding carries a code
    of docs/consistency.md with that rule's severity, and the unit it was given."""
    for finding in check_counts(votes, "unit", total=total) + check_sum(votes, [votes], "unit"):
        assert finding.code in RULES
        assert finding.severity == RULES[finding.code].severity
        assert finding.unit == "unit"
        assert finding.message
    assert check_sum(votes, [votes], "unit") == []
