"""Model O 3: the principal polling station's (HSB) report of its kieskring.

In an election with several kieskringen (the Tweede Kamer, the European Parliament, provinces
with several kieskringen) each kieskring's HSB adds up the counts of its municipalities and
fixes the kieskring's count, the 510c (Kieswet O 3; process.md §1). Its report carries that
file's SHA-256 on every page, so the central polling station can check the 510c it receives
against the paper (two groups typed on upload).

Rendered from prepared data (:class:`DistrictReport`): Deel 1 the session, the municipal count
files read with their hashes, the HSB's findings and how they were dealt with, objections;
Deel 2 the kieskring's totals in letter boxes (Z, A–D, E.x–H, I, J) and the votes per list and
candidate; Deel 3 the signatures; Bijlage 1 each municipality's totals and its votes per list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from osv.model import (
    Contest,
    ElectionIdentifier,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from osv.pv.common import municipal_totals, votes_tables
from osv.pv.layout import (
    PageInfo,
    format_hash,
    heading,
    lines,
    paragraph,
    render,
    signatures,
    table,
    title_block,
)
from osv.pv.p22_2 import dutch_date
from osv.pv.texts import model_texts

__all__ = ["DistrictReport", "MunicipalCount", "render_o3"]

#: Lists per table of Bijlage 1's votes per list per municipality: the page is 18 cm wide, and
#: a column must hold 9 characters ("1.234.567") in the monospaced font.
_LISTS_PER_TABLE = 6


@dataclass(frozen=True)
class MunicipalCount:
    """One municipality's count as the HSB received it.

    :param code: the CBS code (``0668``); :param name: the municipality's name.
    :param file: the 510b's file name; :param digest: the SHA-256 of its bytes.
    :param votes: the municipality's total (the 510b's ``TotalVotes``).
    """

    code: str
    name: str
    file: str
    digest: bytes
    votes: VoteCounts


@dataclass(frozen=True)
class DistrictReport:
    """What model O 3 of one kieskring shows.

    :param number: the kieskring's number (the contest Id); :param name: its name.
    :param total: the kieskring's count (the 510c's ``TotalVotes``).
    :param municipalities: the municipal counts added up, in the 510c's order.
    :param findings: the HSB's findings in the municipal counts, one Dutch sentence each.
    :param contest: the kieskring's candidate lists (230b), to name the candidates.
    :param digest: the SHA-256 of the 510c (``None``: a draft without one).
    :param created: the 510c's creation moment, printed with the hash.
    :param audit_head: the audit log's last hash, when made from OSV's database (the HSB's
        page).
    """

    identifier: ElectionIdentifier
    number: str
    name: str
    total: VoteCounts
    municipalities: tuple[MunicipalCount, ...]
    findings: tuple[str, ...] = ()
    contest: Contest | None = None
    digest: bytes | None = None
    created: dt.datetime | None = None
    audit_head: str | None = None


def render_o3(report: DistrictReport) -> bytes:
    """The PDF of model O 3 for one kieskring."""
    text = model_texts("o3")
    identifier = report.identifier
    body = text["body"].get(identifier.category.value, text["body"]["PS"])
    committee = text["committee"].format(number=report.number, name=report.name).strip()
    election = f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}"
    story: list[Flowable] = title_block(
        f"Kieskring {report.number} {report.name}".strip(),
        text["title_second"],
        election,
        text["subtitle"],
    )
    story += [paragraph(text["title"].format(body=body), "h3")]
    story += [paragraph(text["intro_text"].format(body=body))]
    if report.digest is None:
        story.append(paragraph(text["draft"], "h3"))
    story.append(
        KeepTogether(
            [
                paragraph(text["csb_box"], "h3"),
                *[paragraph(choice) for choice in text["csb_box_choices"]],
            ]
        )
    )
    story += [heading(text["contents"], 2), *[paragraph(item) for item in text["contents_items"]]]
    story += _session(report, text, election)
    units = tuple(
        ReportingUnitVotes(id=m.code, name=m.name, votes=m.votes) for m in report.municipalities
    )
    story += municipal_totals(report.total, units, text, identifier, report.contest)
    story += [
        PageBreak(),
        heading(text["per_list"], 2),
        paragraph(text["per_list_text"]),
        *votes_tables(report.total.lists, report.contest, text),
        *signatures(
            text["chair"],
            text["members"],
            text["member_boxes"],
            title=text["part3"],
            intro=text["signing"],
        ),
        *_annex(report, text),
    ]
    info = PageInfo(
        committee=committee,
        model_lines=tuple(text["footer"]),
        digest=report.digest,
        created=report.created,
        parts_in_header=True,
        audit_head=report.audit_head,
    )
    return render(story, info, title=f"Model O 3 {identifier.id} {committee}")


def _session(report: DistrictReport, text: Mapping[str, Any], election: str) -> list[Flowable]:
    """Deel 1: the election and session, the presence list, the count files received, the
    findings and how they were dealt with, objections."""
    kieskring = f"{report.number} {report.name}".strip()
    verkiezing, datum, kring = text["election_rows"]
    story: list[Flowable] = [
        PageBreak(),
        heading(text["part1"]),
        heading(text["election"], 2),
        table(
            ["", ""],
            [
                [verkiezing, report.identifier.name or report.identifier.id],
                [datum, election.rsplit(" - ", 1)[-1]],
                [kring, kieskring],
            ],
            widths=[5 * cm, 13 * cm],
            fonts={1: "bold"},
        ),
        heading(text["session"], 2),
        paragraph(text["session_text"].format(number=report.number, name=report.name)),
        table(
            ["", ""],
            [[row, ""] for row in text["session_rows"]],
            widths=[5 * cm, 13 * cm],
            row_height=0.8 * cm,
        ),
        heading(text["presence"], 2),
        paragraph(text["presence_text"]),
        table(text["presence_headers"], [[""] * 4] * 8, row_height=0.7 * cm),
        heading(text["counts"], 2),
        paragraph(text["counts_text"]),
        table(
            text["counts_headers"],
            [
                [f"{m.code} {m.name}".strip(), m.file, format_hash(m.digest)]
                for m in report.municipalities
            ],
            widths=[4.2 * cm, 5.8 * cm, 8 * cm],
            fonts={2: "mono"},
        ),
        heading(text["findings"], 2),
        paragraph(text["findings_text"]),
    ]
    story += _findings(report, text)
    story += [
        KeepTogether([paragraph(text["further"]), lines(3)]),
        heading(text["objections"], 2),
        paragraph(text["objections_text"]),
        *[paragraph(choice) for choice in text["objections_choices"]],
    ]
    return story


def _findings(report: DistrictReport, text: Mapping[str, Any]) -> list[Flowable]:
    """The findings numbered, each marked as dealt with, or that there were none."""
    story: list[Flowable] = []
    if report.findings:
        story.append(paragraph(text["findings_found"]))
        story.append(
            table(
                text["findings_headers"],
                [
                    [str(n), sentence, text["dealt"]]
                    for n, sentence in enumerate(report.findings, start=1)
                ],
                widths=[1 * cm, 10.5 * cm, 6.5 * cm],
            )
        )
    else:
        story.append(paragraph(text["findings_none"]))
    return story


def _annex(report: DistrictReport, text: Mapping[str, Any]) -> list[Flowable]:
    """Bijlage 1: per municipality its totals (D–H, I, J) and its votes per list, with the
    kieskring's total as the last row."""
    total_row = text["annex_total_row"].format(number=report.number)
    rows: list[list[object]] = [
        [f"{m.code} {m.name}".strip(), *_totals(m.votes)] for m in report.municipalities
    ]
    rows.append([total_row, *_totals(report.total)])
    story: list[Flowable] = [
        PageBreak(),
        heading(text["annex"]),
        heading(text["annex_totals"], 2),
        paragraph(text["annex_totals_text"]),
        table(
            text["annex_totals_headers"],
            rows,
            numeric=range(1, 8),
            widths=[3.3 * cm] + [2.1 * cm] * 7,
            bold_rows=(len(rows) - 1,),
        ),
        heading(text["annex_lists"], 2),
    ]
    numbers = [lst.number for lst in report.total.lists]
    for start in range(0, len(numbers), _LISTS_PER_TABLE):
        chunk = numbers[start : start + _LISTS_PER_TABLE]
        per_list = [
            [f"{m.code} {m.name}".strip(), *_list_votes(m.votes, chunk)]
            for m in report.municipalities
        ]
        per_list.append([total_row, *_list_votes(report.total, chunk)])
        story += [
            paragraph(
                text["annex_lists_caption"].format(first=chunk[0], last=chunk[-1]), "caption"
            ),
            table(
                ["Gemeente", *[f"Lijst {n}" for n in chunk]],
                per_list,
                numeric=range(1, len(chunk) + 1),
                widths=[4.2 * cm] + [2.3 * cm] * len(chunk),
                bold_rows=(len(per_list) - 1,),
            ),
        ]
    return story


def _totals(votes: VoteCounts) -> list[int]:
    """D, E, F, G, H, I, J of a count."""
    blank = votes.rejected.get(RejectedReason.BLANK, 0)
    invalid = votes.rejected.get(RejectedReason.INVALID, 0)
    u = votes.uncounted
    return [
        u.get(UncountedReason.ADMITTED_VOTERS, 0),
        votes.total_counted,
        blank,
        invalid,
        votes.total_counted + blank + invalid,
        u.get(UncountedReason.MORE_BALLOTS, 0),
        u.get(UncountedReason.FEWER_BALLOTS, 0),
    ]


def _list_votes(votes: VoteCounts, numbers: Sequence[int]) -> list[int | str]:
    by_number = {lst.number: lst.votes for lst in votes.lists}
    return [by_number.get(n, "") for n in numbers]
