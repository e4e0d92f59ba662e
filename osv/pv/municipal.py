"""The report of a municipality's first session, as Na 31-1 (decentral count) and Na 31-2
(central count) share it (the 2027 models as the Kiesraad's Abacus prints them).

Title page with the details of the municipal polling station, what the report is, the counting
method and the contents; for Na 31-1 the inserted page "Controles in opdracht van het centraal
stembureau"; Deel 1 the session: the presence list, the polling stations counted (with the
flags of each model), room for explanations, objections and other particulars; Deel 2 the
municipality's totals in letter boxes (Z, A–D, E.x–H), the differences (I, J), the outcome of
the check protocol (by hand) and the votes per list and candidate; Deel 3 the signatures. The
510b's hash is on every page. :func:`write_in` is a Deel 1 table to write in, as the models
give it (a title, an explanation, the columns and the number of rows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from eml.documents import Eml510
from osv.model import Contest, ContestCount, ReportingUnitVotes
from osv.pv.common import (
    count_page_info,
    model_signatures,
    municipal_totals,
    municipality_of,
    opening,
    votes_tables,
    write_in,
)
from osv.pv.layout import heading, lines, paragraph, render, table, title_block
from osv.pv.p22_2 import dutch_date

__all__ = ["render_municipal_report"]

StationRow = Callable[[ReportingUnitVotes, Mapping[str, Any]], list[object]]


def render_municipal_report(
    text: Mapping[str, Any],
    count: Eml510,
    *,
    digest: bytes | None,
    contest: Contest | None,
    audit_head: str | None,
    station_row: StationRow,
    inserted_page: list[Flowable] | None = None,
) -> bytes:
    """The PDF of a municipality's report (Na 31-1 or Na 31-2, by ``text``) of its 510b.

    :param station_row: a polling station's row of table 1.2 (number, name, the model's flags).
    :param inserted_page: the page after the title page (Na 31-1's checks at the central
        polling station's request), or ``None``.
    :raises ValueError: the 510b has no total.
    """
    code, name = municipality_of(count)
    contest_count = count.contests[0]
    total = contest_count.total
    if total is None:
        raise ValueError(f"a {text['model']} needs the municipality's total (TotalVotes)")
    identifier = count.identifier
    story: list[Flowable] = title_block(
        f"{code} {name}",
        text["title_second"],
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += opening(text, f"Gemeente {code} {name}")
    if inserted_page:
        story += [PageBreak(), *inserted_page]
    story += _part1(text, contest_count, station_row)
    story += municipal_totals(total, contest_count.reporting_units, text, identifier)
    story += [
        heading(text["protocol"], 2),
        paragraph(text["protocol_text"]),
        *[paragraph(choice) for choice in text["protocol_choices"]],
        lines(4),
        PageBreak(),
        heading(text["per_list"], 2),
        *votes_tables(total.lists, contest, text),
        *model_signatures(text, identifier),
    ]
    info = count_page_info(count, text, digest=digest, audit_head=audit_head)
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {name}")


def _part1(
    text: Mapping[str, Any], contest_count: ContestCount, station_row: StationRow
) -> list[Flowable]:
    """Deel 1: presence, the polling stations (table 1.2) and the session."""
    story: list[Flowable] = [
        PageBreak(),
        heading(text["part1"]),
        heading(text["presence"], 2),
        *write_in(text["presence_table"]),
        heading(text["stations"], 2),
        paragraph(text["stations_text"]),
        table(
            text["stations_headers"],
            [station_row(unit, text) for unit in contest_count.reporting_units],
            widths=[w * cm for w in (1.4, 7.6, 3.0, 3.0, 3.0)],
        ),
        *write_in(text["explanations"]),
        heading(text["session"], 2),
    ]
    for item in text["session_items"]:
        story += write_in(item)
    return story
