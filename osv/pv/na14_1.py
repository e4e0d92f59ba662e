"""Model Na 14-1: the corrigendum of a polling station's report in a decentral count (DSO).

With decentral counting the polling station's own report (N 10-1) holds its counts; when the
municipal polling station finds them wrong and recounts, its new figures go on this
corrigendum, which replaces those of the report (shared process.md §4.2, process-verbaal.md
§8). Two versions:

* **version 1**, the first session: the municipality recounted a station on its own initiative
  (an unexplained difference, another error). A blank form per station, pre-filled with the
  election, the station, the lists and their candidates: Deel 1 the investigation, Deel 2 the
  counts (only those that differ from the report), Deel 3 the signatures. The typists then type
  the report with its corrigendum (``DSOFirstSession``, "two documents").
* **version 2**, a later session at the central polling station's request: per investigated
  station, pre-filled with the reason and assignment the CSB gave and the station's figures
  before the investigation ("Oorspronkelijk"); the corrected figures ("Gecorrigeerd", only
  where they changed) are printed when known (from the later session's 510b), or left to write
  in. When the session's corrigendum 510b holds the figures, its hash is on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from osv.model import (
    Contest,
    ElectionIdentifier,
    PollingStation,
    ReportingUnitVotes,
)
from osv.pv.common import (
    model_signatures,
    station_number,
    voters_boxes,
    votes_boxes,
    votes_tables,
)
from osv.pv.corrections import corrected_counts, corrected_list_tables
from osv.pv.layout import (
    PageInfo,
    heading,
    lines,
    paragraph,
    render,
    table,
    title_block,
)
from osv.pv.p22_2 import dutch_date
from osv.pv.station_form import differences_to_fill
from osv.pv.texts import model_texts

__all__ = ["render_na14_1_v1", "render_na14_1_v2"]


def render_na14_1_v1(
    identifier: ElectionIdentifier, municipality: str, station: PollingStation, contest: Contest
) -> bytes:
    """The blank PDF of model Na 14-1 version 1 for ``station`` (a recount in the first
    session).

    :param municipality: ``0668 West Maas en Waal`` (CBS code and name).
    :param contest: the candidate lists (230b): every list with its candidates.
    """
    text = model_texts("na14_1")
    labels = text["labels"]
    lists = [(lst.number, lst.name) for lst in contest.lists]
    story = _opening(text, identifier, municipality, text["subtitle_1"])
    story += [
        *_station(text, str(station.number), station.name),
        heading(text["part1"]),
        heading(text["counts"], 2),
        paragraph(text["counts_question"]),
        *[paragraph(choice) for choice in text["counts_choices"]],
        heading(text["recount"], 2),
        paragraph(text["recount_question"]),
        heading(text["list_differences"], 2),
        paragraph(text["list_differences_text"]),
        table(
            text["list_differences_headers"],
            [[""] * 5] * 12,
            widths=[w * cm for w in (2.4, 2.8, 3.2, 2.4, 7.2)],
            row_height=0.7 * cm,
        ),
        PageBreak(),
        heading(text["part2"]),
        paragraph(text["only_changed"]),
        heading(text["voters"], 2),
        voters_boxes(identifier, None, labels),
        heading(text["votes"], 2),
        votes_boxes(lists, None, labels),
        differences_to_fill(text, paragraph(text["unexplained"]), lines(5)),
        PageBreak(),
        heading(text["per_list"], 2),
        paragraph(text["only_changed"], "caption"),
        *votes_tables(None, contest, text),
        *model_signatures(text, identifier),
    ]
    info = PageInfo(
        committee=f"Stembureau {station.number}",
        model_lines=tuple(text["footer"]),
        part=f"Gemeente {municipality}",
    )
    return render(story, info, title=f"{text['subtitle_1']} {identifier.id} {station.number}")


def render_na14_1_v2(
    identifier: ElectionIdentifier,
    municipality: str,
    unit: ReportingUnitVotes,
    *,
    contest: Contest | None = None,
    reason: str | None = None,
    corrected: bool | None = None,
    digest: bytes | None = None,
    created: dt.datetime | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model Na 14-1 version 2 for one polling station investigated in a later
    session.

    :param municipality: ``0668 West Maas en Waal``.
    :param unit: the station's counts: from a corrigendum 510b (the figures before the
        investigation as its initial values), or its earlier counts alone (to fill in by hand).
    :param reason: the investigation's reason and assignment as the CSB gave it.
    :param corrected: whether the investigation led to new counts (``None``: by hand); without
        new counts Deel 2 is left out.
    :param digest: the SHA-256 of the corrigendum 510b the figures come from, with its
        ``created`` moment, printed on every page.
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    text = model_texts("na14_1")
    number = station_number(unit.id)
    led_to = {None: "led_to_open", True: "led_to_yes", False: "led_to_no"}[corrected]
    story = _opening(text, identifier, municipality, text["subtitle_2"])
    story += [
        *_station(text, number, unit.name or ""),
        heading(text["investigation"]),
        paragraph(text["investigation_text"]),
        heading(text["reason"], 2),
        paragraph(reason or text["reason_unknown"]),
        heading(text["findings"], 2),
        lines(8),
        paragraph(f"{text['led_to']}   {text[led_to]}"),
    ]
    if corrected is not False:
        columns = {**text, "list_headers": text["corrected_list_headers"]}
        story += [
            PageBreak(),
            heading(text["corrected"]),
            paragraph(text["corrected_text"]),
            *corrected_counts(identifier, unit.votes, text, eligible=False, headings=True),
            PageBreak(),
            heading(text["per_list"], 2),
            *corrected_list_tables(unit.votes.lists, contest, columns),
        ]
    story += model_signatures(text, identifier)
    info = PageInfo(
        committee=f"Stembureau {number}",
        model_lines=tuple(text["footer"]),
        digest=digest,
        created=created,
        part=f"Gemeente {municipality}",
        audit_head=audit_head,
    )
    return render(story, info, title=f"{text['subtitle_2']} {identifier.id} {number}")


def _opening(
    text: Mapping[str, Any], identifier: ElectionIdentifier, municipality: str, subtitle: str
) -> list[Flowable]:
    """The title page: the municipality, the corrigendum's purpose, the contents."""
    return [
        *title_block(
            municipality,
            text["title_second"],
            f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
            subtitle,
        ),
        heading(text["details"], 2),
        paragraph(f"Gemeente {municipality}"),
        heading(text["corrigendum"], 2),
        paragraph(text["corrigendum_text"]),
        heading(text["contents"], 2),
        *[paragraph(item) for item in text["contents_items"]],
        PageBreak(),
    ]


def _station(text: Mapping[str, Any], number: str, name: str) -> list[Flowable]:
    return [heading(text["station"].format(number=number)), paragraph(name, "h3")]
