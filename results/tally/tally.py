"""Adding counts up: a running sum of :class:`~osv.model.VoteCounts`, one reporting unit at a time.

A municipality's total is the sum of its polling stations, a district's the sum of its
municipalities, the election's the sum of its districts (Kieswet N 10, O 3, P 1). Every number
is added: votes per list and per candidate, ``cast``, ``total_counted``, each reason code of the
rejected and uncounted votes. Summing never corrects anything; whether a stated total agrees
with the sum is :func:`results.tally.checks.check_sum`'s question.

A :class:`Tally` keeps one integer per quantity, so adding up 10,000 polling stations holds the
size of one count, not of 10,000. Lists are keyed by number and candidates by their key (number,
or short code above district level); a list or candidate that appears in some units only is
kept (its sum is what the units gave), and :func:`same_structure` tells the caller whether two
counts have the same lists and candidates.

The ``initial_*`` values (before a corrigendum) are not added up: a total is of the values as
corrected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from osv.model import (
    CandidateVotes,
    ListVotes,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)

__all__ = [
    "Tally",
    "by_short_code",
    "keyed_by_short_code",
    "same_structure",
    "structure_of",
    "sum_counts",
]


@dataclass
class _CandidateSum:
    number: int | None
    short_code: str | None
    votes: int = 0


@dataclass
class _ListSum:
    name: str
    votes: int = 0
    #: candidate key → running sum, in order of first appearance.
    candidates: dict[str, _CandidateSum] = field(default_factory=dict)


class Tally:
    """A running sum of counts: :meth:`add` each unit, then read :attr:`total`."""

    def __init__(self) -> None:
        self._units = 0
        self._cast = 0
        self._counted = 0
        self._rejected: dict[RejectedReason, int] = {}
        self._uncounted: dict[UncountedReason, int] = {}
        self._lists: dict[int, _ListSum] = {}

    @property
    def units(self) -> int:
        """How many counts were added."""
        return self._units

    def add(self, votes: VoteCounts) -> None:
        """Add one count to the sum."""
        self._units += 1
        self._cast += votes.cast
        self._counted += votes.total_counted
        for rejected, count in votes.rejected.items():
            self._rejected[rejected] = self._rejected.get(rejected, 0) + count
        for uncounted, count in votes.uncounted.items():
            self._uncounted[uncounted] = self._uncounted.get(uncounted, 0) + count
        for list_votes in votes.lists:
            summed = self._lists.get(list_votes.number)
            if summed is None:
                summed = self._lists[list_votes.number] = _ListSum(name=list_votes.name)
            elif not summed.name:
                summed.name = list_votes.name
            summed.votes += list_votes.votes
            for candidate in list_votes.candidates:
                entry = summed.candidates.get(candidate.key)
                if entry is None:
                    entry = summed.candidates[candidate.key] = _CandidateSum(
                        candidate.number, candidate.short_code
                    )
                entry.votes += candidate.votes

    @property
    def total(self) -> VoteCounts:
        """The sum so far, as a count (lists by number; candidates by number, then as first seen).

        :raises ValueError: when nothing was added (an empty sum has no structure).
        """
        if not self._units:
            raise ValueError("no counts were added; there is no total")
        return VoteCounts(
            lists=tuple(
                ListVotes(
                    number=number,
                    name=summed.name,
                    votes=summed.votes,
                    candidates=_candidates(summed),
                )
                for number, summed in sorted(self._lists.items())
            ),
            cast=self._cast,
            total_counted=self._counted,
            rejected={reason: self._rejected.get(reason, 0) for reason in RejectedReason},
            uncounted={
                reason: self._uncounted[reason]
                for reason in UncountedReason
                if reason in self._uncounted
            },
        )


def _candidates(summed: _ListSum) -> tuple[CandidateVotes, ...]:
    entries = list(summed.candidates.values())
    numbered = sorted((e for e in entries if e.number is not None), key=lambda e: e.number or 0)
    coded = [e for e in entries if e.number is None]
    return tuple(
        CandidateVotes(number=e.number, short_code=e.short_code, votes=e.votes)
        for e in numbered + coded
    )


def sum_counts(counts: Iterable[VoteCounts]) -> VoteCounts:
    """The sum of ``counts`` (at least one).

    :raises ValueError: when ``counts`` is empty.
    """
    tally = Tally()
    for votes in counts:
        tally.add(votes)
    return tally.total


def structure_of(votes: VoteCounts) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The lists of a count and the keys of their candidates, in order."""
    return tuple(
        (lst.number, tuple(candidate.key for candidate in lst.candidates)) for lst in votes.lists
    )


def same_structure(first: VoteCounts, second: VoteCounts) -> bool:
    """Whether two counts have the same lists with the same candidates (not the same numbers)."""
    return structure_of(first) == structure_of(second)


def keyed_by_short_code(votes: VoteCounts) -> bool:
    """Whether ``votes`` identifies candidates by ShortCode alone (the total of a 510d of an
    election with several kieskringen, where candidate numbers differ per kieskring)."""
    return any(
        candidate.number is None and candidate.short_code
        for lst in votes.lists
        for candidate in lst.candidates
    )


def by_short_code(votes: VoteCounts) -> VoteCounts:
    """``votes`` with every candidate that has a ShortCode identified by it alone.

    A kieskring's count (a unit of a 510d) names candidates by number *and* ShortCode; adding
    kieskringen up, or comparing them with a total keyed by ShortCode, needs the person's key,
    the ShortCode, not the number on one kieskring's list.
    """
    if not any(
        c.short_code and c.number is not None for lst in votes.lists for c in lst.candidates
    ):
        return votes
    return votes.model_copy(
        update={
            "lists": tuple(
                lst.model_copy(
                    update={
                        "candidates": tuple(
                            c.model_copy(update={"number": None}) if c.short_code else c
                            for c in lst.candidates
                        )
                    }
                )
                for lst in votes.lists
            )
        }
    )
