"""A polling station's own report, blank: models N 10-2 (central count) and N 10-1 (decentral).

Both are filled in by hand at the polling station on election night and printed beforehand,
pre-filled with the election, the municipality, the station's number, name and address and the
lists (shared process-verbaal.md §4, §5). Deel 1 is the report of the session (presence list,
objections, events), Deel 2 the counts: the admitted voters A–D (box C "Niet invullen" in a
municipal election), the votes per list E.1 … E.n and E–H, the difference between D and H (I
or J) and whether it is explained; Deel 3 the signatures. N 10-1 adds the votes per list and
per candidate (the station counts them) and the page "Controles en correcties" that the
municipal polling station fills in after checking the station's counts. No hash: the form is
filled in on paper. The wording of each model is in its TOML file; the layout is shared here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from osv.model import Contest, ElectionCategory, ElectionIdentifier, PollingStation
from osv.pv.common import (
    model_signatures,
    voters_boxes,
    votes_boxes,
    votes_tables,
    write_in,
)
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

__all__ = [
    "checks_and_corrections",
    "differences_to_fill",
    "render_station_report",
    "station_address",
]


def station_address(station: PollingStation) -> str:
    """The station's first address: street, number, postal code, place."""
    if not station.locations:
        return station.postal_code or ""
    where = station.locations[0]
    street = " ".join(
        str(part)
        for part in (where.street_name, where.house_number, where.house_number_addition)
        if part
    )
    place = " ".join(p for p in (where.postal_code or station.postal_code, where.city) if p)
    return ", ".join(p for p in (street, place) if p)


def render_station_report(
    text: Mapping[str, Any],
    identifier: ElectionIdentifier,
    municipality: str,
    station: PollingStation,
    lists: Sequence[tuple[int, str]],
    contest: Contest | None = None,
) -> bytes:
    """The blank PDF of a polling station's report with the wording ``text``.

    :param municipality: ``0668 West Maas en Waal`` (CBS code and name).
    :param lists: (number, name) of each list on the ballot.
    :param contest: the candidate lists, when the model has the votes per candidate (N 10-1).
    """
    story: list[Flowable] = title_block(
        municipality,
        text["title_second"].format(number=station.number),
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += _details(text, station)
    if "checks" in text:
        story += [PageBreak(), *checks_and_corrections(text)]
    story += _part1(text)
    labels, gr = text["labels"], identifier.category is ElectionCategory.GR
    story += [
        PageBreak(),
        heading(text["part2"]),
        heading(text["voters"], 2),
        paragraph(text["voters_text_GR" if gr else "voters_text"]),
        voters_boxes(identifier, None, labels),
        PageBreak(),
        heading(text["votes"], 2),
        paragraph(text["votes_text"], "h3"),
        votes_boxes(lists, None, labels),
        differences_to_fill(text),
    ]
    if contest is not None:
        story += [PageBreak(), heading(text["per_list"], 2), *votes_tables(None, contest, text)]
    story += model_signatures(text, identifier, committee="stembureau")
    committee = f"Stembureau {station.number}"
    info = PageInfo(committee, tuple(text["footer"]), part=f"Gemeente {municipality}")
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {station.number}")


def _details(text: Mapping[str, Any], station: PollingStation) -> list[Flowable]:
    """The station's details, the introduction and the contents."""
    return [
        heading(text["details"], 2),
        table(
            ["", ""],
            list(
                zip(
                    text["details_rows"],
                    [str(station.number), station.name, station_address(station)],
                    strict=True,
                )
            ),
            widths=[4.0 * cm, 14.0 * cm],
        ),
        heading(text["intro"], 2),
        paragraph(text["intro_text"]),
        paragraph(text["method_text"], "h3"),
        heading(text["contents"], 2),
        *[paragraph(item) for item in text["contents_items"]],
    ]


def _part1(text: Mapping[str, Any]) -> list[Flowable]:
    """Deel 1: presence, the voting and the counting, each to write in."""
    story: list[Flowable] = [
        PageBreak(),
        heading(text["part1"]),
        heading(text["presence"], 2),
        *write_in(text["presence_table"]),
        heading(text["voting"], 2),
    ]
    for item in text["voting_items"]:
        story += write_in(item)
    story.append(heading(text["counting"], 2))
    for item in text["counting_items"]:
        story += write_in(item)
    return story


def differences_to_fill(text: Mapping[str, Any], *more: Flowable) -> Flowable:
    """The difference between D and H to fill in by hand, kept on one page: the three ticks
    (D = H, H > D, H < D), boxes I and J, "explained?" (and ``more`` after it)."""
    labels = text["labels"]
    equal, more_votes, fewer_votes = text["differences_choices"]
    return KeepTogether(
        [
            heading(text["differences"], 2),
            heading(text["compare"], 3),
            paragraph(equal),
            paragraph(more_votes),
            letter_boxes([("I", None, labels["I"], True)]),
            paragraph(fewer_votes),
            letter_boxes([("J", None, labels["J"], True)]),
            heading(text["explained"], 3),
            *[paragraph(choice) for choice in text["explained_choices"]],
            *more,
        ]
    )


def checks_and_corrections(text: Mapping[str, Any]) -> list[Flowable]:
    """The page "Controles en correcties" of N 10-1, to fill in by hand: why the municipal
    polling station investigated the counts on its own initiative and whether that corrected
    them, and whether a check at the central polling station's request did."""
    return [
        heading(text["checks"]),
        paragraph(text["checks_text"]),
        heading(text["own_initiative"], 2),
        heading(text["why"], 3),
        *[paragraph(choice) for choice in text["why_choices"]],
        heading(text["corrected"], 3),
        *[paragraph(choice) for choice in text["corrected_choices"]],
        heading(text["drawn_up"], 3),
        lines(1, text["when"]),
        heading(text["csb_request"], 2),
        heading(text["corrected"], 3),
        *[paragraph(choice) for choice in text["corrected_choices"]],
        heading(text["drawn_up"], 3),
        lines(1, text["when"]),
    ]
