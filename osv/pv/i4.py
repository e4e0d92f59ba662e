"""Model I 4: the central polling station's report of its public candidacy session.

Rendered from prepared data (:class:`CandidacySession`): the lists handed in, the findings with
their articles, the decisions (invalid lists, struck candidates and party names), where the
CSB departed from the proposal and why, the numbering and the published 230b files with their
hashes. Personal data never appear (a departure's reason is the CSB's own text): the
candidates are named as on the published list (initials, prefix, last name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer

from candidacy import Consequence, Finding, ListDecision, Numbered, SubmittedList
from candidacy.decisions import departure_text
from osv.errors import InvariantError
from osv.model import ElectionIdentifier
from osv.pv.layout import PageInfo, heading, paragraph, render, signatures, table, title_block
from osv.pv.p22_2 import dutch_date
from osv.pv.texts import model_texts

__all__ = ["CandidacySession", "render_i4"]


@dataclass(frozen=True)
class CandidacySession:
    """What the report of the session shows.

    :param submitted: the lists handed in, in order of receipt.
    :param accepted: the lists declared valid, after striking.
    :param files: the published 230b files as (file name, formatted SHA-256).
    :param repaired: the omissions repaired within the repair period.
    :param audit_head: the audit log's last hash when the report was made (from the pages).
    """

    identifier: ElectionIdentifier
    committee: str
    submitted: tuple[SubmittedList, ...]
    findings: tuple[Finding, ...]
    decisions: tuple[ListDecision, ...]
    accepted: tuple[SubmittedList, ...]
    numbered: Numbered
    files: tuple[tuple[str, str], ...] = ()
    created: dt.datetime | None = None
    repaired: tuple[Finding, ...] = ()
    audit_head: str | None = None


def _name(lst: SubmittedList, blank: str) -> str:
    return lst.party_name or blank


def render_i4(session: CandidacySession) -> bytes:
    """The PDF of model I 4 for ``session``."""
    text = model_texts("i4")
    identifier = session.identifier
    by_key = {lst.key: lst for lst in session.submitted}
    story: list[Flowable] = title_block(
        session.committee,
        text["title_second"],
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += [
        paragraph(text["intro"]),
        *[paragraph(f"• {item}") for item in text["intro_items"]],
        PageBreak(),
        heading(text["part1"]),
        heading(text["zitting"], 2),
        paragraph(text["session"].format(committee=session.committee)),
        table(["", ""], [[row, ""] for row in text["zitting_rows"]], row_height=0.8 * cm),
    ]
    story += _submitted(session, text)
    story += _findings(session.findings, text)
    story += _repaired(session, text)
    story += _decisions(session.decisions, by_key, text)
    story += _departures(session, by_key, text)
    story += [heading(text["valid"], 2), paragraph(text["valid_intro"])]
    story.append(
        paragraph(
            ", ".join(f"{lst.key} ({_name(lst, text['blank'])})" for lst in session.accepted)
            or text["none"]
        )
    )
    story += _numbering(session, text)
    story += [
        heading(text["objections"], 2),
        paragraph(text["objections_text"]),
        *[paragraph(choice) for choice in text["objections_choices"]],
        Spacer(1, 2 * cm),
    ]
    story += signatures(text["chair"], text["members"], 4)
    info = PageInfo(
        committee=session.committee,
        model_lines=tuple(text["footer"]),
        created=session.created,
        parts_in_header=True,
        audit_head=session.audit_head,
    )
    return render(story, info, title=f"Model I 4 {identifier.id}")


def _submitted(session: CandidacySession, text: dict[str, Any]) -> list[Flowable]:
    """The lists handed in: key, name, districts and number of candidates."""
    story: list[Flowable] = []
    story += [heading(text["submitted"], 2)]
    story.append(
        table(
            text["submitted_headers"],
            [
                [lst.key, _name(lst, text["blank"]), ", ".join(lst.districts), len(lst.candidates)]
                for lst in session.submitted
            ],
            numeric=(3,),
            widths=[w * cm for w in (2.0, 8.5, 4.0, 3.0)],
        )
    )
    return story


def _repaired(session: CandidacySession, text: dict[str, Any]) -> list[Flowable]:
    """The omissions repaired (Kieswet art. I 2), or that there were none."""
    story: list[Flowable] = []
    story += [heading(text["repaired"], 2)]
    story += (
        [
            paragraph(text["repaired_intro"]),
            *[
                paragraph(f"{f.code.value} (art. {f.article}): {f.text_nl}")
                for f in session.repaired
            ],
        ]
        if session.repaired
        else [paragraph(text["repaired_none"])]
    )
    return story


def _findings(findings: Sequence[Finding], text: dict[str, object]) -> list[Flowable]:
    omissions = [f for f in findings if f.consequence is not Consequence.WARNING]
    warnings = [f for f in findings if f.consequence is Consequence.WARNING]
    story: list[Flowable] = [
        heading(str(text["omissions"]), 2),
        paragraph(str(text["omissions_intro"])),
    ]
    headers = text["omissions_headers"]
    if not isinstance(headers, list):
        raise InvariantError("the model I 4 wording has no list of omissions_headers")
    widths = [w * cm for w in (1.3, 3.2, 1.5, 11.5)]
    if omissions:
        rows = [[f.code.value, f.article, f.list_key, f.text_nl] for f in omissions]
        story += [paragraph(str(text["omissions_some"])), table(headers, rows, widths=widths)]
    else:
        story.append(paragraph(str(text["omissions_none"])))
    if warnings:
        story += [heading(str(text["warnings"]), 3)]
        rows = [[f.code.value, f.article, f.list_key, f.text_nl] for f in warnings]
        story.append(table(headers, rows, widths=widths))
    return story


def _decisions(
    decisions: Sequence[ListDecision], by_key: dict[str, SubmittedList], text: dict[str, object]
) -> list[Flowable]:
    blank = str(text["blank"])
    invalid, struck, names = [], [], []
    for decision in decisions:
        lst = by_key[decision.list_key]
        name = _name(lst, blank)
        if decision.invalid:
            invalid.append(str(text["invalid_whole"]).format(list=lst.key, name=name))
        elif decision.invalid_districts:
            invalid.append(
                str(text["invalid_line"]).format(
                    list=lst.key, name=name, districts=", ".join(decision.invalid_districts)
                )
            )
        for position in decision.struck:
            candidate = lst.candidates[position - 1].name
            struck.append(
                str(text["struck_line"]).format(
                    list=lst.key, name=name, position=position, candidate=candidate.full
                )
            )
        if decision.name_struck:
            names.append(str(text["names_struck_line"]).format(list=lst.key, name=name))
    story: list[Flowable] = []
    for title, lines in (("invalid", invalid), ("struck", struck), ("names_struck", names)):
        story += [heading(str(text[title]), 2), paragraph(str(text["decides"]))]
        if lines:
            story += [paragraph(str(text[f"{title}_some"])), *[paragraph(line) for line in lines]]
        else:
            story.append(paragraph(str(text[f"{title}_none"])))
    return story


def _departures(
    session: CandidacySession, by_key: dict[str, SubmittedList], text: dict[str, object]
) -> list[Flowable]:
    """Every departure from the proposal, with the finding's article and the CSB's reason."""
    lines = []
    for decision in session.decisions:
        lst = by_key[decision.list_key]
        for departure in decision.departures:
            finding = next(f for f in session.findings if departure.names(f))
            where = "".join(
                (
                    f", kieskring {departure.district}" if departure.district else "",
                    f", kandidaat {departure.position}" if departure.position else "",
                )
            )
            lines.append(
                str(text["departures_line"]).format(
                    list=lst.key,
                    name=_name(lst, str(text["blank"])),
                    code=departure.code.value,
                    article=finding.article,
                    where=where,
                    decision=departure_text(departure),
                )
            )
    story: list[Flowable] = [heading(str(text["departures"]), 2)]
    if not lines:
        return [*story, paragraph(str(text["none"]))]
    return [*story, paragraph(str(text["departures_intro"])), *(paragraph(x) for x in lines)]


def _numbering(session: CandidacySession, text: dict[str, object]) -> list[Flowable]:
    names: dict[int, str] = {}
    districts: dict[int, list[str]] = {}
    sizes: dict[int, int] = {}
    for lst in session.accepted:
        number = session.numbered.number(lst)
        names[number] = _name(lst, str(text["blank"]))
        seen = districts.setdefault(number, [])
        seen += [d for d in lst.districts if d not in seen]
        sizes[number] = max(sizes.get(number, 0), len(lst.candidates))
    headers = text["numbering_headers"]
    if not isinstance(headers, list):
        raise InvariantError("the model I 4 wording has no list of numbering_headers")
    story: list[Flowable] = [heading(str(text["numbering"]), 2)]
    story.append(
        table(
            headers,
            [[n, names[n], ", ".join(districts[n]), sizes[n]] for n in sorted(names)],
            numeric=(0, 3),
            widths=[w * cm for w in (1.5, 9.0, 4.0, 3.0)],
        )
    )
    if session.files:
        publication_headers = text["publication_headers"]
        if not isinstance(publication_headers, list):
            raise InvariantError("the model I 4 wording has no list of publication_headers")
        story += [heading(str(text["publication"]), 3)]
        story.append(
            table(
                publication_headers,
                [list(f) for f in session.files],
                widths=[w * cm for w in (8.0, 9.5)],
            )
        )
    return story
