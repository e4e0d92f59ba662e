"""What a typist enters from a paper count: the boxes of the paper model, exactly as written.

One :class:`CountEntry` holds one paper form of one source (counts-and-checks.md §1–§2):

* ``model`` says which paper form it is (:class:`EntryModel`): a polling station's count in a
  central count (Na 31-2 Bijlage 1) or a decentral count (N 10-1), the same in a later session
  (Na 14-2 Bijlage 1, Na 14-1), or a municipality's (or district's) totals typed in at the
  central or principal polling station (Na 31-2);
* the numbers use the letters of the paper models: A–D voters, E.x per list, E, F, G, H votes,
  I and J the differences, Z eligible voters, and the votes per candidate with the total at the
  bottom of each list's candidate page;
* every yes/no question is two independent ticks (:class:`YesNo`), so "both" and "neither" can
  be recorded and checked, never collapsed to one boolean.

An empty box is ``None``: "not filled in" is not the same as 0 for the rules that ask whether a
box was filled (F.204, F.305–F.309, F.401). Numbers outside 0 … 999,999,999, non-integers and
booleans are refused when the entry is built (the hard limits of §3); whether the entry fits its
election and model (lists, candidates, box C, Z) is :func:`results.checks.validate_entry`'s
question; whether the numbers agree is :func:`results.checks.check_entry`'s.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool

from osv.model.base import MAX_COUNT, Frozen
from osv.model.forms import EntryModel

__all__ = [
    "Box",
    "CandidatePage",
    "CompareDH",
    "CountEntry",
    "CsoQuestions",
    "Differences",
    "DsoQuestions",
    "EntryModel",
    "ListTotal",
    "OwnInitiativeReason",
    "Voters",
    "Votes",
    "YesNo",
]

#: One number box of a paper form: an integer 0 … 999,999,999, or ``None`` when left empty.
Box = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)] | None


class YesNo(Frozen):
    """A yes/no question as ticked on paper: two independent ticks."""

    yes: StrictBool = False
    no: StrictBool = False

    @property
    def is_empty(self) -> bool:
        """Neither ticked."""
        return not self.yes and not self.no

    @property
    def is_both(self) -> bool:
        """Both ticked."""
        return self.yes and self.no

    @property
    def is_answered(self) -> bool:
        """Exactly one ticked."""
        return self.yes != self.no


class Voters(Frozen):
    """Admitted voters (toegelaten kiezers): A, B, C and their total D."""

    #: A: valid poll cards (geldige stempassen).
    poll_card_count: Box = None
    #: B: valid proxy certificates (geldige volmachtbewijzen).
    proxy_certificate_count: Box = None
    #: C: valid voter cards (geldige kiezerspassen); PS, AB, TK, EP only, absent for GR.
    voter_card_count: Box = None
    #: D: total admitted voters (totaal toegelaten kiezers), = A + B (+ C).
    total_admitted_voters_count: Box = None


class ListTotal(Frozen):
    """E.x: the total of one list as written on the counts page."""

    number: Annotated[int, Field(ge=1, le=MAX_COUNT, strict=True)]
    total: Box = None


class Votes(Frozen):
    """Votes cast (uitgebrachte stemmen): E.x per list, E, F, G and H."""

    #: E.1 … E.n, in list order.
    list_totals: tuple[ListTotal, ...] = ()
    #: E: total votes on candidates (totaal stemmen op kandidaten), = Σ E.x.
    total_votes_candidates_count: Box = None
    #: F: blank votes (blanco stemmen).
    blank_votes_count: Box = None
    #: G: invalid votes (ongeldige stemmen).
    invalid_votes_count: Box = None
    #: H: total votes cast (totaal uitgebrachte stemmen), = E + F + G.
    total_votes_cast_count: Box = None


class CompareDH(Frozen):
    """The three tick boxes comparing D and H on a polling station's form."""

    #: "D = H": as many votes cast as admitted voters.
    admitted_voters_equal_votes_cast: StrictBool = False
    #: "H > D": more votes cast than admitted voters.
    votes_cast_greater_than_admitted_voters: StrictBool = False
    #: "H < D": fewer votes cast than admitted voters.
    votes_cast_smaller_than_admitted_voters: StrictBool = False


class Differences(Frozen):
    """Differences between admitted voters (D) and votes cast (H).

    On a polling station's form I = H − D and J = D − H of that station, with the three tick boxes
    and whether the difference is fully explained; on a committee's totals I and J are sums over
    its polling stations and there are no tick boxes (§2.3).
    """

    compare_d_h: CompareDH | None = None
    #: I: more ballots counted (aantal méér getelde stembiljetten).
    more_ballots_count: Box = None
    #: J: fewer ballots counted (aantal minder getelde stembiljetten).
    fewer_ballots_count: Box = None
    #: Is the difference fully explained by what was noted during voting?
    difference_fully_explained: YesNo | None = None


class CandidatePage(Frozen):
    """One list's candidate page: the votes per candidate and the total written at the bottom."""

    number: Annotated[int, Field(ge=1, le=MAX_COUNT, strict=True)]
    #: The votes of candidate 1, 2, … in list order (one box each).
    candidate_votes: tuple[Box, ...] = ()
    #: The list total written at the bottom of the candidate page.
    page_total: Box = None

    @property
    def candidate_sum(self) -> int:
        """The sum of the candidates' boxes (empty boxes count 0)."""
        return sum(votes or 0 for votes in self.candidate_votes)


class CsoQuestions(Frozen):
    """The questions of a central count's first session (Na 31-2 Bijlage 1, B1-1 and B1-2)."""

    #: B1-1: was there an extra investigation for another reason than an unexplained difference?
    extra_investigation_other_reason: YesNo = YesNo()
    #: B1-1: were ballots (partly) recounted after that investigation?
    ballots_recounted_extra_investigation: YesNo = YesNo()
    #: B1-2: was the polling station's difference between D and H fully explained?
    difference_ballots_voters_fully_explained: YesNo = YesNo()
    #: B1-2: is the municipality's H different from the polling station's H (per list)?
    difference_ballots_per_list: YesNo = YesNo()


class OwnInitiativeReason(Frozen):
    """Why the municipality investigated a decentral count on its own initiative (two ticks)."""

    unexplained_difference: StrictBool = False
    other_error: StrictBool = False


class DsoQuestions(Frozen):
    """The questions of a decentral count's first session (N 10-1 with Na 14-1 version 1)."""

    #: "Over het proces-verbaal": a corrigendum as well (two documents), or the PV only.
    corrigendum_present: Literal["TwoDocuments", "OneDocument"] | None = None
    #: Is the page "Controles en correcties" present?
    checks_and_corrections_present: Literal["PagePresent", "PageMissing"] | None = None
    #: "Controles en correcties": reason for the investigation on own initiative.
    reason_own_initiative: OwnInitiativeReason = OwnInitiativeReason()
    #: Corrected results after the investigation on own initiative?
    corrected_results_own_initiative: YesNo = YesNo()
    #: Corrected results at the CSB's request? (impossible in a first session: F.135)
    corrected_results_csb_request: YesNo = YesNo()


class CountEntry(Frozen):
    """One paper form as typed in: the boxes of :attr:`model`, empty ones ``None``."""

    model: EntryModel
    #: Z: eligible voters (kiesgerechtigden); on a committee's totals only.
    eligible_voters: Box = None
    voters: Voters = Voters()
    votes: Votes = Votes()
    differences: Differences = Differences()
    #: The candidate pages, one per list, in list order.
    lists: tuple[CandidatePage, ...] = ()
    #: The questions of a central count's first session (CSOFirstSession only).
    cso: CsoQuestions | None = None
    #: The questions of a decentral count's first session (DSOFirstSession only).
    dso: DsoQuestions | None = None

    def whole(self) -> CountEntry:
        """This entry with every question block of its form present: a block that was never
        saved (``None``: ``cso``, ``dso``, the D/H tick boxes, "fully explained") becomes the
        block as the blank paper has it, nothing ticked. Rules and comparisons read the whole
        entry, so a page never saved and a page saved empty mean the same."""
        update: dict[str, object] = {}
        if self.model is EntryModel.CSO_FIRST_SESSION and self.cso is None:
            update["cso"] = CsoQuestions()
        if self.model is EntryModel.DSO_FIRST_SESSION and self.dso is None:
            update["dso"] = DsoQuestions()
        differences = self.differences
        if not self.model.is_totals and (
            differences.compare_d_h is None or differences.difference_fully_explained is None
        ):
            update["differences"] = differences.model_copy(
                update={
                    "compare_d_h": differences.compare_d_h or CompareDH(),
                    "difference_fully_explained": differences.difference_fully_explained or YesNo(),
                }
            )
        return self.model_copy(update=update) if update else self
