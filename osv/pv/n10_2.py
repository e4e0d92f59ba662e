"""Model N 10-2: a polling station's report when the candidate votes are counted centrally.

A blank form, one per polling station, pre-filled with the election, the municipality, the
station's number, name and address and the lists (shared process-verbaal.md §4). Deel 1 is the
report of the session (presence list, objections, events), Deel 2 the counts by hand: the
admitted voters A–D (box C "Niet invullen" in a municipal election), the votes per list E.1 …
E.n and E–H, and the difference between D and H (I or J); Deel 3 the signatures. No hash: the
form is filled in on paper.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from osv.model import ElectionCategory, ElectionIdentifier, PollingStation
from osv.pv.common import voters_boxes, votes_boxes
from osv.pv.layout import (
    PageInfo,
    heading,
    letter_boxes,
    lines,
    paragraph,
    render,
    signatures,
    table,
    title_block,
)
from osv.pv.p22_2 import dutch_date
from osv.pv.texts import model_texts

__all__ = ["render_n10_2", "station_address"]


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


def render_n10_2(
    identifier: ElectionIdentifier,
    municipality: str,
    station: PollingStation,
    lists: Sequence[tuple[int, str]],
) -> bytes:
    """The blank PDF of model N 10-2 for ``station``.

    :param municipality: ``0668 West Maas en Waal`` (CBS code and name).
    :param lists: (number, name) of each list on the ballot.
    """
    text = model_texts("n10_2")
    kind = "GR" if identifier.category is ElectionCategory.GR else "other"
    story: list[Flowable] = title_block(
        municipality,
        text["title_second"].format(number=station.number),
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += [
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
        PageBreak(),
        heading(text["part1"]),
        heading(text["presence"], 2),
        table(text["presence_headers"], [[""] * 6] * 8, row_height=0.7 * cm),
        heading(text["voting"], 2),
    ]
    for item in text["voting_items"]:
        story += [heading(item, 3), lines(3)]
    story.append(heading(text["counting"], 2))
    for item in text["counting_items"]:
        story += [heading(item, 3), lines(3)]
    labels = text["labels"]
    story += [
        PageBreak(),
        heading(text["part2"]),
        heading(text["voters"], 2),
        voters_boxes(identifier, None, labels),
        heading(text["votes"], 2),
        votes_boxes(lists, None, labels),
        heading(text["differences"], 2),
        *[paragraph(choice) for choice in text["differences_choices"]],
        letter_boxes([("I", None, labels["I"], True), ("J", None, labels["J"], True)]),
        paragraph(text["explained"]),
        *signatures(
            text["chair"],
            text["members"],
            text["member_boxes"][kind],
            title=text["part3"],
            intro=text["signing"].format(minimum=text["minimum"][kind]),
        ),
    ]
    info = PageInfo(
        committee=f"Stembureau {station.number}",
        model_lines=tuple(text["footer"]),
        part=f"Gemeente {municipality}",
    )
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {station.number}")
