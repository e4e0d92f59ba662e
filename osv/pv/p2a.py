"""Model P 2a: the report of a municipality's later session, held at the CSB's request.

The session investigates polling stations; per station the report names it, the reason and
assignment the central polling station gave, room for the findings (by hand) and whether the
investigation led to corrected results (then in model Na 14-2) or left them unchanged (shared
process-verbaal.md §8). No hash: the report belongs to the session, not to a count file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from osv.model import ElectionIdentifier
from osv.pv.common import model_signatures, opening, write_in
from osv.pv.layout import (
    PageInfo,
    heading,
    lines,
    paragraph,
    render,
    title_block,
)
from osv.pv.p22_2 import dutch_date
from osv.pv.texts import model_texts

__all__ = ["InvestigatedStation", "render_p2a"]


@dataclass(frozen=True)
class InvestigatedStation:
    """A polling station investigated in the session.

    :param reason: the CSB's reason and assignment (``None`` when not recorded).
    :param corrected: new results (``True``), unchanged (``False``), not concluded (``None``).
    """

    number: int
    name: str
    reason: str | None
    corrected: bool | None


def render_p2a(
    identifier: ElectionIdentifier,
    municipality: str,
    stations: Sequence[InvestigatedStation],
    *,
    session: int | None = None,
    held: dt.date | None = None,
    decentral: bool = False,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model P 2a for a later session of ``municipality`` (``0668 West Maas en Waal``).

    :param session: the session's number (2, 3, …); :param held: its date.
    :param decentral: a decentral count, whose corrected results are in model Na 14-1 (a
        central count's in Na 14-2).
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    text = model_texts("p2a")
    story: list[Flowable] = title_block(
        municipality,
        text["title_second"],
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    if session is not None:
        when = f" - {dutch_date(held)}" if held is not None else ""
        story.append(paragraph(text["session"].format(number=session) + when, "h3"))
    story += [
        *opening(text, f"Gemeente {municipality}"),
        PageBreak(),
        heading(text["part1"]),
        heading(text["presence"], 2),
        *write_in(text["presence_table"]),
        PageBreak(),
        heading(text["investigated"], 2),
        heading(text["investigated_text"], 3),
        paragraph(text["note_per_station"]),
        *[paragraph(f"• {item}") for item in text["note_items"]],
    ]
    story += _stations(stations, text, decentral=decentral)
    story += [lines(3), PageBreak(), heading(text["during"], 2)]
    for item in text["session_items"]:
        story += write_in(item)
    story += model_signatures(text, identifier, title="part2")
    info = PageInfo(
        committee=f"Gemeente {municipality}",
        model_lines=tuple(text["footer"]),
        parts_in_header=True,
        audit_head=audit_head,
    )
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {municipality}")


def _stations(
    stations: Sequence[InvestigatedStation], text: Mapping[str, Any], *, decentral: bool
) -> list[Flowable]:
    """Each investigated station: the reason, room for the findings, and the outcome."""
    story: list[Flowable] = []
    if not stations:
        story.append(paragraph(text["none"]))
    for station in stations:
        outcome = {True: "corrected", False: "unchanged", None: "open"}[station.corrected]
        story.append(
            KeepTogether(
                [
                    heading(text["station"].format(number=station.number, name=station.name), 3),
                    paragraph(f"{text['reason']} {station.reason or text['reason_unknown']}"),
                    lines(3, text["findings"]),
                    paragraph(
                        text[outcome].format(corrigendum="Na 14-1" if decentral else "Na 14-2")
                    ),
                ]
            )
        )
    return story
