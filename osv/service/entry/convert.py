"""Converting between a typed form and the counts of its reporting unit.

:func:`entry_counts` turns a definitive entry into the ``VoteCounts`` of EML 510
(``ReportingUnitVotes``); :func:`counts_entry` does the opposite for a polling station's count
as a committee would have written it on a correct form (used to pre-fill a form from a received
count file, and by tests and benchmarks that type published counts); :func:`totals_entry` turns
a municipality's total from its 510b into the totals form of the HSB/CSB (Na 31-2), box for
box, so the file can be the first entry of that form.
"""

from __future__ import annotations

from collections.abc import Mapping

from osv.model import (
    CandidateVotes,
    ElectionCategory,
    ListVotes,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from osv.model.entry import (
    CandidatePage,
    CompareDH,
    CountEntry,
    CsoQuestions,
    Differences,
    DsoQuestions,
    EntryModel,
    ListTotal,
    Voters,
    Votes,
    YesNo,
)
from results.checks import EntryShape

__all__ = ["counts_entry", "entry_counts", "same_counts", "totals_entry"]


def _n(value: int | None) -> int:
    """An empty box is 0 in a count."""
    return value or 0


def entry_counts(
    entry: CountEntry, eligible: int | None, names: Mapping[int, str] | None = None
) -> VoteCounts:
    """A definitive entry as the counts of its reporting unit (EML 510b ``ReportingUnitVotes``).

    Empty boxes are 0. ``Cast`` is the polling station's number of eligible voters (110b), as in
    the Kiesraad's files. Box C is written as 0 for municipal councils, as the Kiesraad does.
    ``names`` are the lists' registered names by number (the 230b's; empty without).
    """
    pages = {page.number: page for page in entry.lists}
    names = names or {}
    lists = tuple(
        ListVotes(
            number=total.number,
            name=names.get(total.number, ""),
            votes=_n(total.total),
            candidates=tuple(
                CandidateVotes(number=i, votes=_n(v))
                for i, v in enumerate(pages[total.number].candidate_votes, 1)
            )
            if total.number in pages
            else (),
        )
        for total in entry.votes.list_totals
    )
    voters, votes, diff = entry.voters, entry.votes, entry.differences
    return VoteCounts(
        lists=lists,
        cast=eligible if eligible is not None else _n(entry.eligible_voters),
        total_counted=_n(votes.total_votes_candidates_count),
        rejected={
            RejectedReason.INVALID: _n(votes.invalid_votes_count),
            RejectedReason.BLANK: _n(votes.blank_votes_count),
        },
        uncounted={
            UncountedReason.POLL_CARDS: _n(voters.poll_card_count),
            UncountedReason.PROXY_CERTIFICATES: _n(voters.proxy_certificate_count),
            UncountedReason.VOTER_CARDS: _n(voters.voter_card_count),
            UncountedReason.ADMITTED_VOTERS: _n(voters.total_admitted_voters_count),
            UncountedReason.MORE_BALLOTS: _n(diff.more_ballots_count),
            UncountedReason.FEWER_BALLOTS: _n(diff.fewer_ballots_count),
        },
    )


def counts_entry(votes: VoteCounts, model: EntryModel) -> CountEntry:
    """A correctly filled-in form of ``model`` with the numbers of ``votes``.

    The D/H tick box, I and J follow from D and H; "fully explained" is answered yes when D
    and H differ; a central count's first-session questions are answered "no investigation,
    difference explained, no difference per list", a decentral count's "the proces-verbaal only,
    without the page 'Controles en correcties'". Z is filled in on committee totals only.
    """
    u = votes.uncounted
    cast = votes.total_counted + sum(votes.rejected.values())
    admitted = u.get(UncountedReason.ADMITTED_VOTERS, 0)
    totals = model.is_totals
    differences = _differences(votes, totals, admitted, cast)
    no = YesNo(no=True)
    return CountEntry(
        model=model,
        eligible_voters=votes.cast if totals else None,
        voters=Voters(
            poll_card_count=u.get(UncountedReason.POLL_CARDS, 0),
            proxy_certificate_count=u.get(UncountedReason.PROXY_CERTIFICATES, 0),
            total_admitted_voters_count=admitted,
        ),
        votes=Votes(
            list_totals=tuple(ListTotal(number=lst.number, total=lst.votes) for lst in votes.lists),
            total_votes_candidates_count=votes.total_counted,
            blank_votes_count=votes.rejected.get(RejectedReason.BLANK, 0),
            invalid_votes_count=votes.rejected.get(RejectedReason.INVALID, 0),
            total_votes_cast_count=cast,
        ),
        differences=differences,
        lists=tuple(
            CandidatePage(
                number=lst.number,
                candidate_votes=tuple(c.votes for c in lst.candidates),
                page_total=lst.votes,
            )
            for lst in votes.lists
        ),
        cso=CsoQuestions(
            extra_investigation_other_reason=no,
            ballots_recounted_extra_investigation=no,
            difference_ballots_voters_fully_explained=YesNo(yes=True),
            difference_ballots_per_list=no,
        )
        if model is EntryModel.CSO_FIRST_SESSION
        else None,
        dso=DsoQuestions(
            corrigendum_present="OneDocument", checks_and_corrections_present="PageMissing"
        )
        if model is EntryModel.DSO_FIRST_SESSION
        else None,
    )


def _differences(votes: VoteCounts, totals: bool, admitted: int, cast: int) -> Differences:
    """The D/H tick box, I and J, and "fully explained", as they follow from D and H."""
    u = votes.uncounted
    return Differences(
        compare_d_h=None
        if totals
        else CompareDH(
            admitted_voters_equal_votes_cast=admitted == cast,
            votes_cast_greater_than_admitted_voters=cast > admitted,
            votes_cast_smaller_than_admitted_voters=cast < admitted,
        ),
        more_ballots_count=u.get(UncountedReason.MORE_BALLOTS) or (0 if totals else None),
        fewer_ballots_count=u.get(UncountedReason.FEWER_BALLOTS) or (0 if totals else None),
        difference_fully_explained=None if totals else YesNo(yes=admitted != cast),
    )


def totals_entry(votes: VoteCounts, shape: EntryShape) -> CountEntry:
    """A municipality's total (from its 510b) as the totals form ``GSBTotals`` of ``shape``.

    The reverse of :func:`entry_counts` for committee totals: Z is ``Cast``; A, B, (C), D, I and J
    are the uncounted reasons (absent ones 0; C only where the election has voter cards, not for
    a municipal council); E.x and each candidate page's total are the list's votes; E, F, G and
    H the totals. The lists and candidates follow ``shape`` (the stored 230b), by number: a list
    or candidate the file does not name gets 0, one the shape does not have is left out — so
    check the outcome with :func:`same_counts` before using it.
    """
    u = votes.uncounted
    by_list = {lst.number: lst for lst in votes.lists}

    def candidates(number: int, size: int) -> tuple[int, ...]:
        found = by_list.get(number)
        named = {c.number: c.votes for c in found.candidates} if found is not None else {}
        return tuple(named.get(i, 0) for i in range(1, size + 1))

    def list_votes(number: int) -> int:
        found = by_list.get(number)
        return found.votes if found is not None else 0

    rejected = sum(votes.rejected.values())
    return CountEntry(
        model=EntryModel.GSB_TOTALS,
        eligible_voters=votes.cast,
        voters=Voters(
            poll_card_count=u.get(UncountedReason.POLL_CARDS, 0),
            proxy_certificate_count=u.get(UncountedReason.PROXY_CERTIFICATES, 0),
            voter_card_count=None
            if shape.category is ElectionCategory.GR
            else u.get(UncountedReason.VOTER_CARDS, 0),
            total_admitted_voters_count=u.get(UncountedReason.ADMITTED_VOTERS, 0),
        ),
        votes=Votes(
            list_totals=tuple(ListTotal(number=n, total=list_votes(n)) for n, _size in shape.lists),
            total_votes_candidates_count=votes.total_counted,
            blank_votes_count=votes.rejected.get(RejectedReason.BLANK, 0),
            invalid_votes_count=votes.rejected.get(RejectedReason.INVALID, 0),
            total_votes_cast_count=votes.total_counted + rejected,
        ),
        differences=Differences(
            more_ballots_count=u.get(UncountedReason.MORE_BALLOTS, 0),
            fewer_ballots_count=u.get(UncountedReason.FEWER_BALLOTS, 0),
        ),
        lists=tuple(
            CandidatePage(number=n, candidate_votes=candidates(n, size), page_total=list_votes(n))
            for n, size in shape.lists
        ),
    )


def same_counts(first: VoteCounts, second: VoteCounts) -> bool:
    """Whether two counts have the same numbers (names, ``initial_*`` values, absent reasons,
    lists and candidates with 0 votes aside): what the seat allocation would see."""
    return _numbers(first) == _numbers(second)


def _numbers(votes: VoteCounts) -> tuple[object, ...]:
    lists = {
        (lst.number, c.number if c.number is not None else c.short_code, c.votes)
        for lst in votes.lists
        for c in lst.candidates
        if c.votes
    }
    return (
        votes.cast,
        votes.total_counted,
        {lst.number: lst.votes for lst in votes.lists if lst.votes},
        lists,
        {k: v for k, v in votes.rejected.items() if v},
        {k: v for k, v in votes.uncounted.items() if v},
    )
