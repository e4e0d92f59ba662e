"""Model Na 31-2: a municipality's report of its central count, with its totals.

Rendered from the municipality's count file (EML 510b) and the SHA-256 of that file, printed
on every page; with the candidate lists (230b) the candidates are named. Deel 1 lists the
polling stations counted with their investigation flags; Deel 2 has the totals in letter boxes
(Z, A–D, E–H), the differences (the polling stations with more and with fewer votes than voters,
I and J) and the votes per list and per candidate; Deel 3 the signatures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from eml.documents import Eml510
from osv.model import (
    Contest,
    InvestigationReason,
    ReportingUnitVotes,
    VoteCounts,
)
from osv.pv.common import municipal_totals, municipality_of
from osv.pv.layout import (
    PageInfo,
    heading,
    render,
    signatures,
    table,
    title_block,
)
from osv.pv.p22_2 import dutch_date
from osv.pv.texts import model_texts

__all__ = ["render_na31_2"]


def render_na31_2(
    count: Eml510,
    *,
    digest: bytes | None,
    contest: Contest | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model Na 31-2 for a municipality's count (510b).

    :param digest: SHA-256 of the 510b's bytes (``None`` for a draft).
    :param contest: the candidate lists, to name the candidates.
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    text = model_texts("na31_2")
    code, name = municipality_of(count)
    committee = f"Gemeente {code} {name}".strip()
    contest_count = count.contests[0]
    total = contest_count.total
    if total is None:
        raise ValueError("a Na 31-2 needs the municipality's total (TotalVotes)")
    identifier = count.identifier
    story: list[Flowable] = title_block(
        f"{code} {name}",
        text["title_second"],
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += [PageBreak(), heading(text["part1"]), heading(text["stations"], 2)]
    story.append(
        table(
            text["stations_headers"],
            [_station_row(unit) for unit in contest_count.reporting_units],
            widths=[w * cm for w in (1.4, 8.0, 2.9, 2.9, 2.8)],
        )
    )
    story += municipal_totals(total, contest_count.reporting_units, text, identifier)
    story += _per_list(total, contest, text)
    story += signatures(text["chair"], text["members"], 5, title=text["part3"])
    info = PageInfo(
        committee=committee,
        model_lines=tuple(text["footer"]),
        digest=digest,
        created=count.header.creation_date_time,
        parts_in_header=True,
        audit_head=audit_head,
    )
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {name}")


def _station_row(unit: ReportingUnitVotes) -> list[object]:
    flags = {investigation.reason: investigation.value for investigation in unit.investigations}

    def tick(reason: InvestigationReason) -> str:
        return "☒ ja" if flags.get(reason) else "☐"

    number = unit.id.split("::SB")[-1]
    return [
        number,
        unit.name or "",
        tick(InvestigationReason.ADMITTED_VOTERS_RECOUNTED),
        tick(InvestigationReason.OTHER_REASON),
        tick(InvestigationReason.BALLOTS_PARTLY_RECOUNTED),
    ]


def _per_list(
    total: VoteCounts, contest: Contest | None, text: Mapping[str, Any]
) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), heading(text["per_list"], 2)]
    for lst in total.lists:
        candidate_list = contest.list(lst.number) if contest is not None else None
        name = candidate_list.name if candidate_list is not None else lst.name
        story.append(heading(text["list_title"].format(number=lst.number, name=name), 3))
        rows: list[list[object]] = []
        for votes in lst.candidates:
            person = (
                candidate_list.candidate(votes.number)
                if candidate_list is not None and votes.number is not None
                else None
            )
            label = ""
            if person is not None:
                n = person.name
                last = f"{n.prefix} {n.last_name}" if n.prefix else n.last_name
                label = f"{last}, {n.initials}" + (f" ({n.first_name})" if n.first_name else "")
            rows.append([votes.key, label, votes.votes])
        rows.append(["", text["list_total"].format(number=lst.number), lst.votes])
        story.append(table(text["list_headers"], rows, numeric=(2,), bold_rows=(len(rows) - 1,)))
    return story
