"""Count files (510b) of the demo election made for the HSB/CSB page tests: the demo's own
count, one whose total does not match its polling stations, and one with chosen list totals
(to make the law draw lots). And, for any election: its 510b files by kieskring, and a
municipality's total typed twice at a stage from its 510b (the paper)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from eml import read_eml, write_eml
from eml.documents import Eml510
from osv.model import (
    CandidateVotes,
    ListVotes,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from osv.model.entry import EntryModel
from osv.service.demo import build_demo
from osv.service.entry import Actor, claim, counts_entry, finalise
from osv.service.result.stored import totals_overview
from osv.store import UnitOfWork

__all__ = [
    "by_district",
    "count_with_list_votes",
    "demo_count",
    "inconsistent_count",
    "type_totals_twice",
]


def demo_count() -> bytes:
    """The demo municipality's 510b (its totals agree with its polling stations)."""
    return write_eml(build_demo().count)


def inconsistent_count() -> bytes:
    """The demo's 510b with list 1's total in the municipality's total raised by 7."""
    count = build_demo().count
    contest = count.contests[0]
    assert contest.total is not None
    lists = tuple(
        lst.model_copy(update={"votes": lst.votes + 7}) if lst.number == 1 else lst
        for lst in contest.total.lists
    )
    total = contest.total.model_copy(update={"lists": lists})
    return write_eml(
        count.model_copy(update={"contests": (contest.model_copy(update={"total": total}),)})
    )


def count_with_list_votes(votes: dict[int, int]) -> bytes:
    """A 510b of the demo election with one polling station whose lists have ``votes`` (all on
    their first candidate)."""
    demo = build_demo()
    count: Eml510 = demo.count
    contest = count.contests[0]
    assert contest.total is not None
    lists = []
    for lst in contest.total.lists:
        n = votes.get(lst.number, 0)
        candidates = tuple(
            CandidateVotes(number=c.number, votes=n if c.number == 1 else 0) for c in lst.candidates
        )
        lists.append(ListVotes(number=lst.number, name=lst.name, votes=n, candidates=candidates))
    valid = sum(votes.values())
    counts = VoteCounts(
        lists=tuple(lists),
        cast=valid,
        total_counted=valid,
        rejected={RejectedReason.INVALID: 0, RejectedReason.BLANK: 0},
        uncounted={UncountedReason.POLL_CARDS: valid, UncountedReason.ADMITTED_VOTERS: valid},
    )
    unit = contest.reporting_units[0].model_copy(update={"votes": counts})
    new_contest = contest.model_copy(update={"total": counts, "reporting_units": (unit,)})
    return write_eml(count.model_copy(update={"contests": (new_contest,)}))


def by_district(paths: Iterable[Path]) -> dict[str, list[Path]]:
    """The municipal counts (``Telling_…`` 510b files) among ``paths``, by their contest."""
    found: dict[str, list[Path]] = {}
    for path in paths:
        if path.name.startswith("Telling_"):
            document = read_eml(path).document
            assert isinstance(document, Eml510)
            found.setdefault(document.contests[0].contest_id, []).append(path)
    return found


def type_totals_twice(
    factory: Callable[[], UnitOfWork], eid: str, committee: str, count: Path
) -> None:
    """Two typists CSB type the total of the 510b ``count`` (its paper), open for entry at the
    stage: definitive."""
    document = read_eml(count).document
    assert isinstance(document, Eml510)
    assert document.header.managing_authority is not None
    code = document.header.managing_authority.id
    total = document.contests[0].total
    assert total is not None
    paper = counts_entry(total, EntryModel.GSB_TOTALS)
    session_id, _ = totals_overview(factory, eid, committee)
    assert session_id is not None
    for name in ("typist_csb", "typist_csb_2"):
        typist = Actor(name, "typist")
        claimed = claim(factory, session_id, code, typist, paper)
        state = finalise(factory, session_id, code, typist, claimed.version).state
    assert state == "Definitive"
