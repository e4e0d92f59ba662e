"""Model Na 14-2: the corrigendum of a municipality's report after a later session.

When the central polling station asks for an investigation, the municipality meets again; if
counts change it writes a new count file (a 510b with ``kr:Phase`` "corrigendum" whose
``kr:Initial…`` values hold the numbers before the correction) and this corrigendum, which
replaces the figures of the earlier Na 31-2 (shared process.md §4.2, process-verbaal.md §8).
Every count shows two columns: "Oorspronkelijk" (grey, the earlier value) and "Gecorrigeerd"
(only where the value changed). The corrigendum carries the new 510b's hash; its Bijlage 1,
one per investigated polling station, the reason, the findings (by hand) and the station's
corrected counts, without hash.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from eml.documents import Eml510
from osv.model import (
    Contest,
    ElectionIdentifier,
    ReportingUnitVotes,
    VoteCounts,
)
from osv.pv.common import (
    count_page_info,
    model_signatures,
    municipality_of,
    station_number,
    units_with_differences,
)
from osv.pv.corrections import corrected_counts, corrected_list_tables
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

__all__ = ["corrected_units", "render_na14_2", "render_na14_2_bijlage1"]


def corrected_units(count: Eml510) -> list[ReportingUnitVotes]:
    """The polling stations of a corrigendum whose counts changed (they carry initial values)."""
    return [u for u in count.contests[0].reporting_units if _changed(u.votes)]


def _changed(votes: VoteCounts) -> bool:
    return bool(
        votes.initial_cast is not None
        or votes.initial_total_counted is not None
        or votes.initial_rejected
        or votes.initial_uncounted
        or any(
            lst.initial_votes is not None
            or any(c.initial_votes is not None for c in lst.candidates)
            for lst in votes.lists
        )
    )


def render_na14_2(
    count: Eml510,
    *,
    digest: bytes | None,
    contest: Contest | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model Na 14-2 from the corrigendum 510b and the SHA-256 of its bytes.

    :param contest: the candidate lists, to name the candidates.
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    text = model_texts("na14_2")
    code, name = municipality_of(count)
    contest_count = count.contests[0]
    total = contest_count.total
    if total is None:
        raise ValueError("a Na 14-2 needs the municipality's total (TotalVotes)")
    identifier = count.identifier
    changed = [station_number(u.id) for u in corrected_units(count)]
    story: list[Flowable] = title_block(
        f"{code} {name}",
        text["title_second"],
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    more, fewer = units_with_differences(contest_count.reporting_units)
    answer = text["all_equal_no"] if more or fewer else text["all_equal_yes"]
    story += [
        heading(text["details"], 2),
        paragraph(f"Gemeente {code} {name}"),
        heading(text["corrigendum"], 2),
        paragraph(text["corrigendum_text"]),
        paragraph(text["corrigendum_emphasis"], "h3"),
        paragraph(text["investigated"].format(stations=", ".join(changed) or "-")),
        heading(text["contents"], 2),
        *[paragraph(item) for item in text["contents_items"]],
        PageBreak(),
        heading(text["part1"]),
        paragraph(text["only_changed"]),
        *corrected_counts(
            identifier,
            total,
            text,
            differences=[
                paragraph(f"{text['all_equal']}   {answer}"),
                paragraph(text["more"].format(stations=", ".join(more) or text["none"])),
                paragraph(text["fewer"].format(stations=", ".join(fewer) or text["none"])),
            ],
        ),
        PageBreak(),
        heading(text["per_list"], 2),
        paragraph(text["only_changed"]),
        *corrected_list_tables(total.lists, contest, text),
        *model_signatures(text, identifier, title="part2"),
    ]
    info = count_page_info(count, text, digest=digest, audit_head=audit_head)
    return render(story, info, title=f"{text['subtitle']} {identifier.id} {name}")


def render_na14_2_bijlage1(
    identifier: ElectionIdentifier,
    municipality: str,
    unit: ReportingUnitVotes,
    *,
    contest: Contest | None = None,
    reason: str | None = None,
    corrected: bool | None = None,
    audit_head: str | None = None,
) -> bytes:
    """Bijlage 1 of model Na 14-2 for one investigated polling station.

    :param municipality: ``0668 West Maas en Waal``.
    :param unit: the station's counts in the corrigendum 510b (with initial values).
    :param reason: the investigation's reason and assignment as the CSB gave it.
    :param corrected: whether the investigation led to new counts (``None``: by hand).
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    text = model_texts("na14_2")
    number = station_number(unit.id)
    led_to = {None: "led_to_open", True: "led_to_yes", False: "led_to_no"}[corrected]
    story: list[Flowable] = title_block(
        municipality,
        text["annex_title"].format(number=number),
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["annex_subtitle"],
    )
    story += [
        paragraph(unit.name or "", "h3"),
        heading(text["about"], 2),
        paragraph(text["about_text"]),
        PageBreak(),
        heading(text["reason"]),
        paragraph(text["reason_text"]),
        heading(text["reason_given"], 3),
        paragraph(reason or text["reason_unknown"]),
        paragraph(text["outcome"]),
        lines(6, text["findings"]),
        paragraph(text["led_to"]),
        *[paragraph(choice) for choice in text[led_to]],
    ]
    if corrected is not False:
        story += [
            PageBreak(),
            heading(text["corrected"]),
            paragraph(text["only_changed"]),
            *corrected_counts(
                identifier, unit.votes, {**text, **text["annex"]}, eligible=False, headings=True
            ),
            heading(text["annex"]["per_list"], 2),
            *corrected_list_tables(unit.votes.lists, contest, text, level=3),
        ]
    info = PageInfo(
        committee=f"Gemeente {municipality}",
        model_lines=tuple(text["annex_footer"]),
        part=text["annex_part"].format(number=number),
        audit_head=audit_head,
    )
    return render(story, info, title=f"{text['annex_subtitle']} {identifier.id} {number}")
