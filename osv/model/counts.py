"""Counts of votes per reporting unit, as exchanged in EML 510 (510a/b/c/d).

A reporting unit is a polling station (in a municipality's 510b), a municipality (in a
district's 510c) or a district or municipality (in the total count 510d). Each carries the same
group of numbers (:class:`VoteCounts`):

* votes per list (E.1 ... E.n) and per candidate;
* ``cast`` (EML ``Cast``): the number of eligible voters, Z, in files of the Kiesraad's software;
* ``total_counted`` (``TotalCounted``): valid votes on candidates, E;
* ``rejected``: blank (F, ``blanco``) and invalid (G, ``ongeldig``) votes;
* ``uncounted``: admitted voters and their parts (A, B, C, D), more or fewer ballots counted
  (I, J) and explanations, under their EML reason codes.

The model holds the numbers exactly as given; whether they add up is checked by ``results``,
never silently corrected here.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from osv.model.base import Count, Frozen, Number, require_increasing
from osv.model.polling import PollingStationType

__all__ = [
    "CandidateVotes",
    "ContestCount",
    "Investigation",
    "InvestigationReason",
    "ListVotes",
    "RejectedReason",
    "ReportingUnitVotes",
    "UncountedReason",
    "VoteCounts",
]


class RejectedReason(StrEnum):
    """Reason codes of ``RejectedVotes``: invalid (G) and blank (F) votes."""

    INVALID = "ongeldig"
    BLANK = "blanco"


class UncountedReason(StrEnum):
    """Reason codes of ``UncountedVotes``, in the order the Kiesraad's software writes them."""

    POLL_CARDS = "geldige stempassen"  # A
    PROXY_CERTIFICATES = "geldige volmachtbewijzen"  # B
    VOTER_CARDS = "geldige kiezerspassen"  # C
    ADMITTED_VOTERS = "toegelaten kiezers"  # D
    MORE_BALLOTS = "meer getelde stembiljetten"  # I
    FEWER_BALLOTS = "minder getelde stembiljetten"  # J
    BALLOTS_TAKEN = "meegenomen stembiljetten"
    TOO_FEW_ISSUED = "te weinig uitgereikte stembiljetten"
    TOO_MANY_ISSUED = "te veel uitgereikte stembiljetten"
    NO_POSTAL_BALLOTS = "geen briefstembiljetten"
    TOO_MANY_POSTAL_BALLOTS = "te veel briefstembiljetten"
    LOST_BALLOTS = "kwijtgeraakte stembiljetten"
    NO_EXPLANATION = "geen verklaring"
    OTHER_EXPLANATION = "andere verklaring"


class InvestigationReason(StrEnum):
    """Reason codes of ``kr:Investigation`` (an investigation of a polling station's count)."""

    # central count (centrale stemopneming, CSO)
    ADMITTED_VOTERS_RECOUNTED = "toegelaten kiezers opnieuw vastgesteld"
    OTHER_REASON = "onderzocht vanwege andere reden"
    BALLOTS_PARTLY_RECOUNTED = "stembiljetten deels herteld"
    # decentral count (decentrale stemopneming, DSO)
    UNEXPLAINED_DIFFERENCE = "onderzocht vanwege onverklaard verschil"
    OTHER_ERROR = "onderzocht vanwege andere fout"
    RESULT_CORRECTED = "uitslag gecorrigeerd"


class Investigation(Frozen):
    """One yes/no flag about investigations of a reporting unit's count."""

    reason: InvestigationReason
    value: bool


class CandidateVotes(Frozen):
    """Votes on one candidate (preference votes, voorkeurstemmen).

    A candidate is identified by ``number`` (position on the list, ``CandidateIdentifier Id``),
    and above district level also by ``short_code``. ``initial_votes`` is the value before a
    correction (``kr:InitialValidVotes`` in a corrigendum).
    """

    number: Number | None = None
    short_code: str | None = None
    votes: Count
    initial_votes: Count | None = None

    @model_validator(mode="after")
    def _identified(self) -> CandidateVotes:
        if self.number is None and not self.short_code:
            raise ValueError("a candidate needs a number or a short code")
        return self

    @property
    def key(self) -> str:
        """The candidate's key: its number, or its short code where it has no number."""
        return str(self.number) if self.number is not None else str(self.short_code)

    @classmethod
    def from_checked(
        cls, number: int | None, short_code: str | None, votes: int, initial_votes: int | None
    ) -> CandidateVotes:
        """The object ``CandidateVotes(number=..., ...)`` gives, for a reader that has already
        checked every value (a number from 1, a count from 0 to 999,999,999, a number or a
        short code): built without validating again, about four times as fast, which matters
        for the half a million candidates of a national count (docs/performance.md). A test
        compares it with the validated object, field by field and as a whole."""
        made = cls.__new__(cls)
        object.__setattr__(
            made,
            "__dict__",
            {
                "number": number,
                "short_code": short_code,
                "votes": votes,
                "initial_votes": initial_votes,
            },
        )
        object.__setattr__(made, "__pydantic_fields_set__", set(_ALL_CANDIDATE_FIELDS))
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made


_ALL_CANDIDATE_FIELDS = frozenset({"number", "short_code", "votes", "initial_votes"})


class ListVotes(Frozen):
    """Votes on one list (E.x) and on each of its candidates."""

    number: Number
    name: str = ""
    votes: Count
    initial_votes: Count | None = None
    candidates: tuple[CandidateVotes, ...] = ()

    @model_validator(mode="after")
    def _candidates_increase(self) -> ListVotes:
        require_increasing(
            (c.number for c in self.candidates if c.number is not None),
            f"candidate numbers on list {self.number}",
        )
        return self

    @property
    def candidate_total(self) -> int:
        """The sum of the candidates' votes (which should equal ``votes``)."""
        return sum(candidate.votes for candidate in self.candidates)


class VoteCounts(Frozen):
    """The numbers of one reporting unit or total (the EML ``VoteGroup``).

    ``rejected`` has both reason codes; ``uncounted`` only the codes present in the source. The
    ``initial_*`` fields hold the values before a correction (corrigendum) where they changed.
    """

    lists: tuple[ListVotes, ...] = ()
    cast: Count
    total_counted: Count
    rejected: dict[RejectedReason, Count]
    uncounted: dict[UncountedReason, Count] = Field(default_factory=dict)
    initial_cast: Count | None = None
    initial_total_counted: Count | None = None
    initial_rejected: dict[RejectedReason, Count] = Field(default_factory=dict)
    initial_uncounted: dict[UncountedReason, Count] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _lists_increase(self) -> VoteCounts:
        require_increasing((lst.number for lst in self.lists), "list numbers")
        return self

    def list(self, number: int) -> ListVotes | None:
        """The votes of list ``number``, or ``None`` when the list is absent."""
        for list_votes in self.lists:
            if list_votes.number == number:
                return list_votes
        return None


class ReportingUnitVotes(Frozen):
    """The counts of one reporting unit.

    ``id`` is the EML ReportingUnitIdentifier Id, ``::``-separated below the file's authority:
    ``0668::SB1`` (polling station 1 of municipality 0668) in a 510b, ``0363`` in a 510c,
    ``HSB1`` in a 510d.
    """

    id: str = Field(min_length=1)
    name: str | None = None
    type: PollingStationType | None = None
    shared_location: bool | None = None
    votes: VoteCounts
    investigations: tuple[Investigation, ...] = ()


class ContestCount(Frozen):
    """The counts of one contest: the total (if given) and each reporting unit."""

    contest_id: str
    contest_name: str | None = None
    total: VoteCounts | None = None
    reporting_units: tuple[ReportingUnitVotes, ...] = ()
