"""Model Na 31-2 Bijlage 1: one polling station's counts as the municipality counted them.

With central counting (CSO) the municipal polling station counts each station's ballots again,
by candidate, on this annex; it is the source the typists enter (shared process-verbaal.md §6).
Blank (one per station, the candidates' names printed, the boxes dotted) or filled from the
entered counts (a reporting unit of the municipality's 510b): B1-1 the extra investigation,
B1-2 the differences with the station's own report, B1-3 the counts A–D, E.x–H, I/J and the
votes per list and candidate. No hash: the annex is the input of the count file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from osv.model import (
    Contest,
    ElectionIdentifier,
    InvestigationReason,
    UncountedReason,
    VoteCounts,
)
from osv.pv.common import voters_boxes, votes_boxes, votes_tables
from osv.pv.layout import (
    PageInfo,
    heading,
    letter_boxes,
    lines,
    paragraph,
    render,
    table,
    title_block,
)
from osv.pv.p22_2 import dutch_date
from osv.pv.texts import model_texts

__all__ = ["render_na31_2_bijlage1"]


def render_na31_2_bijlage1(
    identifier: ElectionIdentifier,
    municipality: str,
    station: tuple[str, str],
    contest: Contest | None,
    votes: VoteCounts | None = None,
    flags: Mapping[InvestigationReason, bool] | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of Bijlage 1 of model Na 31-2 for one polling station.

    :param municipality: ``0668 West Maas en Waal``.
    :param station: the station's number and name.
    :param contest: the candidate lists (names on the form; a blank form needs them).
    :param votes: the station's entered counts; ``None`` for a blank form.
    :param flags: the investigation answers (510b ``kr:ReportingUnitInvestigations``).
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    text = model_texts("na31_2_bijlage1")
    number, name = station
    labels = text["labels"]
    story: list[Flowable] = title_block(
        municipality,
        text["title_second"].format(number=number),
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += [paragraph(name, "h3"), heading(text["about"], 2), paragraph(text["about_text"])]
    story += _investigation(text, votes, flags or {})
    story += [
        PageBreak(),
        heading(text["results"]),
        heading(text["voters"], 2),
        paragraph(text["voters_text"], "h3"),
        voters_boxes(identifier, votes, labels),
        PageBreak(),
        heading(text["votes"], 2),
        votes_boxes(_lists(contest, votes), votes, labels),
        heading(text["compare"], 2),
        heading(text["compare_question"], 3),
        *[paragraph(choice) for choice in text["compare_choices"]],
        letter_boxes(_difference(votes, labels)),
        heading(text["explained"], 3),
        paragraph(text["explained_source"]),
        *[paragraph(choice) for choice in text["explained_choices"]],
        heading(text["explanations"], 2),
        paragraph(text["explanations_text"], "h3"),
        lines(8),
        PageBreak(),
        heading(text["per_list"], 2),
        *votes_tables(votes.lists if votes is not None else None, contest, text),
    ]
    info = PageInfo(
        committee=f"Gemeente {municipality}",
        model_lines=tuple(text["footer"]),
        part=text["part"].format(number=number),
        audit_head=audit_head,
    )
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {number}")


def _lists(contest: Contest | None, votes: VoteCounts | None) -> list[tuple[int, str]]:
    if contest is not None:
        return [(lst.number, lst.name) for lst in contest.lists]
    if votes is None:
        raise ValueError("a blank Bijlage 1 needs the candidate lists")
    return [(lst.number, lst.name) for lst in votes.lists]


def _answer(text: Mapping[str, Any], value: bool | None) -> str:
    return str(text["open"] if value is None else text["yes"] if value else text["no"])


def _investigation(
    text: Mapping[str, Any],
    votes: VoteCounts | None,
    flags: Mapping[InvestigationReason, bool],
) -> list[Flowable]:
    filled = votes is not None
    other = flags.get(InvestigationReason.OTHER_REASON) if filled else None
    recount = flags.get(InvestigationReason.BALLOTS_PARTLY_RECOUNTED) if filled else None
    unexplained = flags.get(InvestigationReason.ADMITTED_VOTERS_RECOUNTED) if filled else None
    first, second = text["questions"]
    answer = _answer(text, None if unexplained is None else not unexplained)
    return [
        PageBreak(),
        heading(text["investigation"]),
        paragraph(text["investigation_text"], "h3"),
        paragraph(f"{first}   {_answer(text, other)}"),
        paragraph(f"{second}   {_answer(text, recount)}"),
        lines(3, text["reason"]),
        PageBreak(),
        heading(text["differences"]),
        heading(text["counts"], 2),
        paragraph(text["counts_question"], "h3"),
        paragraph(f"{answer}   {text['counts_recount']}"),
        heading(text["count_ballots"], 2),
        paragraph(text["count_ballots_text"], "h3"),
        heading(text["list_level"], 2),
        paragraph(text["list_level_question"], "h3"),
        *[paragraph(choice) for choice in text["list_level_choices"]],
        heading(text["list_differences"], 2),
        heading(text["list_differences_text"], 3),
        table(text["list_differences_headers"], [[""] * 5] * 12, row_height=0.7 * cm),
    ]


def _difference(
    votes: VoteCounts | None, labels: Mapping[str, str]
) -> list[tuple[str, int | str | None, str, bool]]:
    if votes is None:
        return [("I", None, labels["I"], True), ("J", None, labels["J"], True)]
    u = votes.uncounted
    return [
        ("I", u.get(UncountedReason.MORE_BALLOTS, 0), labels["I"], True),
        ("J", u.get(UncountedReason.FEWER_BALLOTS, 0), labels["J"], True),
    ]
