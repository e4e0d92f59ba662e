"""The result of an election: the lists that won seats and the elected candidates (EML 520).

In EML 520 a candidate's ``CandidateIdentifier Id`` is the order of election within the list, not
the position on the list; :attr:`ElectedCandidate.number` keeps that Id as written. ``ranking``
is 1 or 2 as the Kiesraad's software writes it (see eml-nl.md §6.6).
"""

from __future__ import annotations

from pydantic import Field

from osv.model.base import Count, Frozen, Number
from osv.model.candidates import Candidate

__all__ = ["ContestResult", "ElectedCandidate", "ListResult"]


class ElectedCandidate(Frozen):
    """An elected candidate with the optional ranking and number of votes of the 520."""

    candidate: Candidate
    ranking: int | None = Field(default=None, ge=1, le=2)
    votes: Count | None = None


class ListResult(Frozen):
    """A list in the result with its elected candidates, in the order of the file."""

    number: Number
    name: str = ""
    votes: Count | None = None
    candidates: tuple[ElectedCandidate, ...] = ()


class ContestResult(Frozen):
    """The result of one contest (``geen`` or ``alle`` for the whole election)."""

    contest_id: str
    contest_name: str | None = None
    lists: tuple[ListResult, ...] = ()
