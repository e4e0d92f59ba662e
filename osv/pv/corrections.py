"""The "Oorspronkelijk" and "Gecorrigeerd" columns the corrigenda share.

A corrigendum (Na 14-2 and its Bijlage 1, Na 14-1 version 2) does not alter the earlier report;
its figures replace the earlier ones (shared process.md §4.2). Every count is a row with two
columns: "Oorspronkelijk" (grey, the earlier value, pre-filled) and "Gecorrigeerd" (only where
the value changed). The earlier values are the ``initial_*`` values a corrigendum 510b carries
where a value changed; a count without them (the station's figures before a recount, printed
for the recount) fills the first column only, leaving the second to write in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from osv.model import (
    Contest,
    ElectionCategory,
    ElectionIdentifier,
    ListVotes,
    RejectedReason,
    UncountedReason,
    VoteCounts,
)
from osv.pv.common import (
    NOT_APPLICABLE,
    box_label,
    candidate_label,
    list_box_label,
    total_label,
)
from osv.pv.layout import heading, paragraph, table

__all__ = ["corrected_counts", "corrected_list_tables"]

_BOX_WIDTHS = [w * cm for w in (1.3, 8.7, 4.0, 4.0)]


def _pair(before: int | None, now: int) -> tuple[int, int | str]:
    """(original, corrected): the corrected column only where the value changed."""
    if before is None or before == now:
        return now, ""
    return before, now


def corrected_counts(
    identifier: ElectionIdentifier,
    votes: VoteCounts,
    text: Mapping[str, Any],
    *,
    eligible: bool = True,
    headings: bool | None = None,
    differences: Sequence[Flowable] = (),
) -> list[Flowable]:
    """Z (with ``eligible``), A–D, E.x–H, I and J of ``votes`` in the two columns, under the
    headings of ``text`` (``eligible``, ``voters``, ``votes``, ``differences``; by default only
    with Z, as on the municipality's corrigendum); ``differences`` come before I and J."""
    labels = text["labels"]
    headings = eligible if headings is None else headings
    u, iu = votes.uncounted, votes.initial_uncounted

    def field(letter: str, reason: UncountedReason) -> list[object]:
        label = box_label(labels, letter, identifier)
        return [letter, label, *_pair(iu.get(reason), u.get(reason, 0))]

    story: list[Flowable] = []
    headers = text["box_headers"]
    numeric = (2, 3)
    if eligible:
        story += _eligible(votes, text)
    gr = identifier.category is ElectionCategory.GR
    voters: list[list[object]] = [
        field("A", UncountedReason.POLL_CARDS),
        field("B", UncountedReason.PROXY_CERTIFICATES),
        (
            ["C", box_label(labels, "C", identifier), NOT_APPLICABLE, ""]
            if gr
            else field("C", UncountedReason.VOTER_CARDS)
        ),
        field("D", UncountedReason.ADMITTED_VOTERS),
    ]
    if headings:
        story.append(heading(text["voters"], 2))
    if "voters_text" in text:
        story.append(paragraph(text["voters_text"]))
    story.append(table(headers, voters, numeric=numeric, widths=_BOX_WIDTHS, grey_columns=(2,)))
    rows = _vote_rows(votes, labels)
    if headings:
        story.append(heading(text["votes"], 2))
    if "only_changed" in text:
        story.append(paragraph(text["only_changed"]))
    story.append(table(headers, rows, numeric=numeric, widths=_BOX_WIDTHS, grey_columns=(2,)))
    if headings:
        story.append(heading(text["differences"], 2))
    story += differences
    more = [field("I", UncountedReason.MORE_BALLOTS), field("J", UncountedReason.FEWER_BALLOTS)]
    story.append(table(headers, more, numeric=numeric, widths=_BOX_WIDTHS, grey_columns=(2,)))
    return story


def _eligible(votes: VoteCounts, text: Mapping[str, Any]) -> list[Flowable]:
    """Z, the eligible voters, before and after the correction."""
    return [
        heading(text["eligible"], 2),
        table(
            text["box_headers"],
            [["Z", text["labels"]["Z"], *_pair(votes.initial_cast, votes.cast)]],
            numeric=(2, 3),
            widths=_BOX_WIDTHS,
            grey_columns=(2,),
        ),
    ]


def _vote_rows(votes: VoteCounts, labels: Mapping[str, str]) -> list[list[object]]:
    """E.x, E, F, G and H, each before and after the correction."""
    r, ir = votes.rejected, votes.initial_rejected
    blank, invalid = RejectedReason.BLANK, RejectedReason.INVALID
    cast_before = (
        (
            votes.initial_total_counted
            if votes.initial_total_counted is not None
            else votes.total_counted
        )
        + ir.get(blank, r.get(blank, 0))
        + ir.get(invalid, r.get(invalid, 0))
    )
    cast_now = votes.total_counted + r.get(blank, 0) + r.get(invalid, 0)
    rows: list[list[object]] = [
        [
            f"E.{lst.number}",
            list_box_label(labels, lst.number, lst.name or ""),
            *_pair(lst.initial_votes, lst.votes),
        ]
        for lst in votes.lists
    ]
    rows += [
        [
            "E",
            total_label(labels, [lst.number for lst in votes.lists]),
            *_pair(votes.initial_total_counted, votes.total_counted),
        ],
        ["F", labels["F"], *_pair(ir.get(blank), r.get(blank, 0))],
        ["G", labels["G"], *_pair(ir.get(invalid), r.get(invalid, 0))],
        ["H", labels["H"], *_pair(cast_before, cast_now)],
    ]
    return rows


def corrected_list_tables(
    lists: Sequence[ListVotes],
    contest: Contest | None,
    text: Mapping[str, Any],
    *,
    level: int = 3,
) -> list[Flowable]:
    """Per list a table of its candidates' votes and its total, in the two columns."""
    story: list[Flowable] = []
    for lst in lists:
        found = contest.list(lst.number) if contest is not None else None
        name = found.name if found is not None else lst.name
        story.append(heading(text["list_title"].format(number=lst.number, name=name), level))
        rows: list[list[object]] = [
            [
                c.key,
                candidate_label(
                    found.candidate(c.number)
                    if found is not None and c.number is not None
                    else None
                ),
                *_pair(c.initial_votes, c.votes),
            ]
            for c in lst.candidates
        ]
        rows.append(
            ["", text["list_total"].format(number=lst.number), *_pair(lst.initial_votes, lst.votes)]
        )
        story.append(
            table(
                text["list_headers"],
                rows,
                numeric=(2, 3),
                widths=[1.3 * cm, 9.7 * cm, 3.5 * cm, 3.5 * cm],
                bold_rows=(len(rows) - 1,),
                grey_columns=(2,),
            )
        )
    return story
