"""The consistency checks of counts read from EML (510b, 510c, 510d): every rule of
:mod:`results.tally.rules`, each inconsistency a :class:`~results.tally.findings.Finding`.

Three functions, one per level of :attr:`Rule.level`:

* :func:`check_counts` checks one count against itself: a polling station, a municipality, a
  district, or a stated total (with ``total=True`` for the rules on totals only);
* :func:`check_sum` checks a stated total against the sum of its parts;
* :func:`check_contest` does both for a whole contest read into memory (its total and reporting
  units), and finds reporting units counted twice.

Letters are those of the paper models (shared counts-and-checks.md, section 2): A poll cards,
B proxy certificates, C voter cards, D admitted voters, E.x votes on list x, E votes on
candidates, F blank, G invalid, H = E + F + G votes cast, I more and J fewer ballots counted
than voters admitted, Z eligible voters (EML ``Cast`` in the Kiesraad's files).

A rule about A–D, I or J is evaluated only when the count states D (``toegelaten kiezers``):
older files and some totals carry no admitted voters at all, and a missing box is not a zero.
Nothing is ever corrected: the numbers in a finding are the numbers as stated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from osv.model import ContestCount, ListVotes, RejectedReason, UncountedReason, VoteCounts
from results.codes import CountCode, SumCode
from results.tally.findings import Finding
from results.tally.tally import sum_counts

__all__ = ["check_contest", "check_counts", "check_sum", "duplicate_unit", "votes_cast"]

_F, _S = CountCode, SumCode
_A = UncountedReason.POLL_CARDS
_B = UncountedReason.PROXY_CERTIFICATES
_C = UncountedReason.VOTER_CARDS
_D = UncountedReason.ADMITTED_VOTERS
_I = UncountedReason.MORE_BALLOTS
_J = UncountedReason.FEWER_BALLOTS


def votes_cast(votes: VoteCounts) -> int:
    """H: the votes cast, E + F + G (valid votes, blank votes, invalid votes)."""
    return votes.total_counted + sum(votes.rejected.values())


def _finding(
    code: CountCode | SumCode,
    unit: str,
    message: str,
    quantities: Mapping[str, int],
    *,
    list_number: int | None = None,
    candidate: str | None = None,
    subject: str | None = None,
) -> Finding:
    return Finding(
        code=code,
        severity=code.severity,
        unit=unit,
        message=message,
        quantities=dict(quantities),
        list_number=list_number,
        candidate=candidate,
        subject=subject,
    )


def check_counts(votes: VoteCounts, unit: str, *, total: bool = False) -> list[Finding]:
    """The findings of one count on its own (rules of level ``unit``; and ``total`` if asked).

    :param votes: the count.
    :param unit: where it comes from, for the findings (``0473::SB1``, ``0473 (total)``).
    :param total: whether the count is a committee's stated total (W.205 and W.206 apply to
        totals only: a polling station's count has no Z of its own on the paper model).
    """
    found: list[Finding] = []
    uncounted = votes.uncounted
    cast = votes_cast(votes)
    list_sum = sum(lst.votes for lst in votes.lists)
    if list_sum > 0 and votes.total_counted == 0:
        found.append(
            _finding(
                _F.F204,
                unit,
                f"the lists have {list_sum:,} votes but the total of votes on candidates (E) is 0",
                {"sum of lists": list_sum, "E": 0},
            )
        )
    elif list_sum != votes.total_counted:
        found.append(
            _finding(
                _F.F202,
                unit,
                f"the lists' votes add up to {list_sum:,}, but the total of votes on candidates "
                f"(E) is {votes.total_counted:,}",
                {"sum of lists": list_sum, "E": votes.total_counted},
            )
        )
    found += _admitted_voters(uncounted, cast, unit)
    found += _candidate_totals(votes.lists, unit)
    if cast == 0:
        found.append(_finding(_F.W204, unit, "no votes were cast (H = 0)", {"H": 0}))
    if total:
        found += _total_only(votes, unit)
    return found


def _admitted_voters(
    uncounted: Mapping[UncountedReason, int], cast: int, unit: str
) -> list[Finding]:
    """The admitted voters (D) against their parts (A, B, C) and against the votes cast (H)."""
    found: list[Finding] = []
    if _D in uncounted:
        admitted = uncounted[_D]
        parts = uncounted.get(_A, 0) + uncounted.get(_B, 0) + uncounted.get(_C, 0)
        if parts != admitted:
            found.append(
                _finding(
                    _F.F201,
                    unit,
                    f"poll cards, proxy certificates and voter cards add up to {parts:,}, but "
                    f"the admitted voters (D) are {admitted:,}",
                    {
                        "A": uncounted.get(_A, 0),
                        "B": uncounted.get(_B, 0),
                        "C": uncounted.get(_C, 0),
                        "D": admitted,
                    },
                )
            )
        more, fewer = uncounted.get(_I, 0), uncounted.get(_J, 0)
        if admitted != cast - more + fewer:
            found.append(
                _finding(
                    _F.F312,
                    unit,
                    f"admitted voters (D) {admitted:,} do not match votes cast (H) {cast:,} minus "
                    f"more ballots counted (I) {more:,} plus fewer ballots counted (J) {fewer:,}, "
                    f"which is {cast - more + fewer:,}",
                    {"D": admitted, "H": cast, "I": more, "J": fewer},
                )
            )
    return found


def _total_only(votes: VoteCounts, unit: str) -> list[Finding]:
    """The eligible voters (Z) of a committee's stated total."""
    found: list[Finding] = []
    uncounted = votes.uncounted
    if votes.cast == 0:
        found.append(_finding(_F.W205, unit, "the number of eligible voters (Z) is 0", {"Z": 0}))
    elif _A in uncounted and votes.cast < uncounted[_A]:
        found.append(
            _finding(
                _F.W206,
                unit,
                f"fewer eligible voters (Z) {votes.cast:,} than valid poll cards (A) "
                f"{uncounted[_A]:,}",
                {"Z": votes.cast, "A": uncounted[_A]},
            )
        )
    return found


def _candidate_totals(lists: Iterable[ListVotes], unit: str) -> list[Finding]:
    """F.402: per list with candidates, E.x against the sum of its candidates' votes."""
    found = []
    for lst in lists:
        if lst.candidates and lst.candidate_total != lst.votes:
            found.append(
                _finding(
                    _F.F402,
                    unit,
                    f"list {lst.number} has {lst.votes:,} votes, but its candidates' votes add up "
                    f"to {lst.candidate_total:,}",
                    {"E.x": lst.votes, "sum of candidates": lst.candidate_total},
                    list_number=lst.number,
                )
            )
    return found


def check_sum(stated: VoteCounts, parts: Sequence[VoteCounts], unit: str) -> list[Finding]:
    """The findings of a stated total against the sum of its parts (rules of level ``sum``).

    :param stated: the total as the committee stated it (the file's ``TotalVotes``).
    :param parts: the counts it should be the sum of (at least one), or their running sum.
    :param unit: the committee, for the findings (``0473``, ``HSB3``, ``CSB``).
    """
    summed = sum_counts(parts)
    found: list[Finding] = []
    if summed.cast and stated.cast != summed.cast:
        found.append(
            _finding(
                _S.S101,
                unit,
                f"the eligible voters (Z) stated are {stated.cast:,}, the parts state "
                f"{summed.cast:,} together (a warning: Z is not a vote and is often taken from "
                "the register, not added up)",
                {"stated": stated.cast, "sum of parts": summed.cast},
            )
        )
    if stated.total_counted != summed.total_counted:
        found.append(
            _sum_finding(
                _S.S102,
                unit,
                "the votes on candidates (E)",
                stated.total_counted,
                summed.total_counted,
            )
        )
    for rejected in RejectedReason:
        mine, theirs = stated.rejected.get(rejected, 0), summed.rejected.get(rejected, 0)
        if mine != theirs:
            found.append(
                _sum_finding(
                    _S.S103,
                    unit,
                    f"the {rejected.value} votes",
                    mine,
                    theirs,
                    subject=rejected.value,
                )
            )
    for uncounted in UncountedReason:
        if uncounted not in stated.uncounted and uncounted not in summed.uncounted:
            continue
        mine, theirs = stated.uncounted.get(uncounted, 0), summed.uncounted.get(uncounted, 0)
        if mine != theirs:
            found.append(
                _sum_finding(
                    _S.S104, unit, f"'{uncounted.value}'", mine, theirs, subject=uncounted.value
                )
            )
    found += _list_sums(stated, summed, unit)
    return found


def _sum_finding(
    code: SumCode,
    unit: str,
    what: str,
    stated: int,
    summed: int,
    *,
    list_number: int | None = None,
    candidate: str | None = None,
    subject: str | None = None,
) -> Finding:
    return _finding(
        code,
        unit,
        f"{what}: the total states {stated:,}, its parts add up to {summed:,} "
        f"(difference {stated - summed:+,})",
        {"stated": stated, "sum of parts": summed},
        list_number=list_number,
        candidate=candidate,
        subject=subject,
    )


def _list_sums(stated: VoteCounts, summed: VoteCounts, unit: str) -> list[Finding]:
    """S.105, S.106 and S.201: lists and candidates of the total against the sum of the parts."""
    found: list[Finding] = []
    mine = {lst.number: lst for lst in stated.lists}
    theirs = {lst.number: lst for lst in summed.lists}
    if set(mine) != set(theirs):
        found.append(
            _finding(
                _S.S201,
                unit,
                f"the total has lists {_numbers(mine)}, its parts have lists {_numbers(theirs)}",
                {"lists in total": len(mine), "lists in parts": len(theirs)},
                subject=", ".join(str(n) for n in sorted(set(mine) ^ set(theirs))),
            )
        )
    for number in sorted(set(mine) & set(theirs)):
        ours, parts = mine[number], theirs[number]
        if ours.votes != parts.votes:
            found.append(
                _sum_finding(
                    _S.S105, unit, f"list {number}", ours.votes, parts.votes, list_number=number
                )
            )
        found += _candidate_sums(number, ours, parts, unit)
    return found


def _candidate_sums(number: int, ours: ListVotes, parts: ListVotes, unit: str) -> list[Finding]:
    """S.201 and S.106 for list ``number``: its candidates in the total against the parts."""
    if not ours.candidates and not parts.candidates:
        return []
    found: list[Finding] = []
    our_candidates = {c.key: c.votes for c in ours.candidates}
    their_candidates = {c.key: c.votes for c in parts.candidates}
    if set(our_candidates) != set(their_candidates):
        different = sorted(set(our_candidates) ^ set(their_candidates), key=_order)
        differing = ", ".join(different[:_NAMED])
        if len(different) > _NAMED:
            differing += f" and {len(different) - _NAMED} more"
        found.append(
            _finding(
                _S.S201,
                unit,
                f"list {number}: the total has {len(our_candidates)} candidates, its parts "
                f"have {len(their_candidates)}; "
                + _different_candidates(
                    set(our_candidates) - set(their_candidates),
                    set(their_candidates) - set(our_candidates),
                    differing,
                ),
                {
                    "candidates in total": len(our_candidates),
                    "candidates in parts": len(their_candidates),
                },
                list_number=number,
                subject=differing,
            )
        )
    for key, votes in our_candidates.items():
        if key in their_candidates and votes != their_candidates[key]:
            found.append(
                _sum_finding(
                    _S.S106,
                    unit,
                    f"list {number} candidate {key}",
                    votes,
                    their_candidates[key],
                    list_number=number,
                    candidate=key,
                )
            )
    return found


#: S.201 names at most this many candidates; beyond it, it says how they are identified.
_NAMED = 10


def _different_candidates(only_total: set[str], only_parts: set[str], named: str) -> str:
    """Which candidates differ: a few by key, or many summarised by how each side keys them.

    A 510d of a multi-district election keys its total by ShortCode and its parts by number:
    then every candidate differs, and one summary says why instead of 160 identifiers.
    """
    if len(only_total) + len(only_parts) <= _NAMED:
        return f"different ones: {named}"
    return (
        f"{len(only_total) + len(only_parts)} differ: {_keys_text(only_total)} only in the "
        f"total, {_keys_text(only_parts)} only in the parts ({named})"
    )


def _keys_text(keys: set[str]) -> str:
    """``80 identified by ShortCode``, ``3 by number``, ``none``."""
    numbers = sum(1 for key in keys if key.isdigit())
    codes = len(keys) - numbers
    parts = [f"{numbers} identified by number"] if numbers else []
    parts += [f"{codes} identified by ShortCode"] if codes else []
    return " and ".join(parts) or "none"


def _numbers(lists: Mapping[int, ListVotes]) -> str:
    return ", ".join(str(number) for number in sorted(lists)) or "none"


def _order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


def duplicate_unit(unit_id: str, where: str) -> Finding:
    """S.202: reporting unit ``unit_id`` appears again in ``where`` (a file or committee).

    Its votes are in the sum twice; the stated total will then usually differ from the sum
    (S.102–S.106) too. One finding per repetition.
    """
    return _finding(
        _S.S202,
        unit_id,
        f"reporting unit {unit_id} appears more than once in {where}; its votes are added up "
        "each time",
        {"repeated": 1},
    )


def check_contest(contest: ContestCount, authority: str) -> list[Finding]:
    """All findings of a contest read into memory: each unit, the total, and their sum.

    :param contest: the contest's stated total (if any) and its reporting units.
    :param authority: the committee whose file it is (``0473``, ``HSB3``, ``CSB``).
    """
    found: list[Finding] = []
    for unit in contest.reporting_units:
        found += check_counts(unit.votes, unit.id)
    ids = Counter(unit.id for unit in contest.reporting_units)
    for unit_id, times in sorted(ids.items()):
        found += [duplicate_unit(unit_id, authority)] * (times - 1)
    if contest.total is not None:
        found += check_counts(contest.total, f"{authority} (total)", total=True)
        if contest.reporting_units:
            parts = [unit.votes for unit in contest.reporting_units]
            found += check_sum(contest.total, parts, authority)
    return found
