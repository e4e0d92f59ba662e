"""Converting between a typed form and the counts of its reporting unit.

:func:`entry_counts` turns a definitive entry into the ``VoteCounts`` of EML 510
(``ReportingUnitVotes``); :func:`counts_entry` does the opposite for a polling station's count
as a committee would have written it on a correct form (used to pre-fill a form from a received
count file, and by tests and benchmarks that type published counts).
"""

from __future__ import annotations

from osv.model import (
    CandidateVotes,
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
    EntryModel,
    ListTotal,
    Voters,
    Votes,
    YesNo,
)

__all__ = ["counts_entry", "entry_counts"]


def _n(value: int | None) -> int:
    """An empty box is 0 in a count."""
    return value or 0


def entry_counts(entry: CountEntry, eligible: int | None) -> VoteCounts:
    """A definitive entry as the counts of its reporting unit (EML 510b ``ReportingUnitVotes``).

    Empty boxes are 0. ``Cast`` is the polling station's number of eligible voters (110b), as in
    the Kiesraad's files. Box C is written as 0 for municipal councils, as the Kiesraad does.
    """
    pages = {page.number: page for page in entry.lists}
    lists = tuple(
        ListVotes(
            number=total.number,
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
    difference explained, no difference per list". Z is filled in on committee totals only.
    """
    u = votes.uncounted
    cast = votes.total_counted + sum(votes.rejected.values())
    admitted = u.get(UncountedReason.ADMITTED_VOTERS, 0)
    totals = model.is_totals
    differences = Differences(
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
    )
