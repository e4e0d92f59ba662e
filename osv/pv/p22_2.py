"""Model P 22-2: the central polling station's report of the result and the seat allocation.

Rendered from an :class:`~osv.service.result.model.ElectionResult` (the same the 520 and the
text report are written from) and the SHA-256 of the 520 it belongs to, printed on every page.
Deel 2 follows the calculation step by step: the votes per list, the quota as a mixed fraction
(P 5), the full seats with their remainders (P 6), every residual seat with its method and
article and who got it (P 7, P 8), P 9 and P 10 and the lots when they applied, the distribution,
the candidates elected by preference (P 15) and in list order (P 17) per list with the ranking
(P 19), and the elected in alphabetical order. Bijlage 1 has the votes per list and candidate
when the candidate votes are given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from osv.model import RejectedReason, UncountedReason, VoteCounts
from osv.pv.common import opening, voters_boxes, write_in
from osv.pv.layout import (
    PageInfo,
    front_side_break,
    heading,
    letter_boxes,
    lines,
    name_boxes,
    paragraph,
    render,
    table,
    title_block,
)
from osv.pv.texts import model_texts
from osv.service.result.formatting import lot_text, mixed
from osv.service.result.model import ElectedPerson, ElectionResult

__all__ = ["render_p22_2"]

_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_METHODS = {
    "largest_remainders": "grootste overschotten",
    "largest_averages": "grootste gemiddelden",
    "largest_averages_one_per_list": "grootste gemiddelden, één per lijst",
    "highest_averages": "grootste gemiddelden",
}


def dutch_date(day: dt.date) -> str:
    """``woensdag 16 maart 2022``."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def render_p22_2(
    result: ElectionResult,
    *,
    digest: bytes | None,
    created: dt.datetime | None,
    candidate_votes: VoteCounts | None = None,
    committee: str | None = None,
    audit_head: str | None = None,
) -> bytes:
    """The PDF of model P 22-2 for ``result``.

    :param digest: SHA-256 of the 520 the report belongs to (``None`` for a draft, e.g. while a
        lot is pending).
    :param created: the 520's creation moment.
    :param candidate_votes: the total count, for Bijlage 1 (votes per candidate).
    :param committee: the header, e.g. ``Centraal stembureau West Maas en Waal``.
    :param audit_head: the audit log's last hash, for a report made from OSV's database.
    """
    return render_result_model(
        "p22_2",
        result,
        digest=digest,
        created=created,
        candidate_votes=candidate_votes,
        committee=committee,
        audit_head=audit_head,
    )


def render_result_model(
    model: str,
    result: ElectionResult,
    *,
    digest: bytes | None,
    created: dt.datetime | None,
    candidate_votes: VoteCounts | None = None,
    committee: str | None = None,
    audit_head: str | None = None,
) -> bytes:
    """Model P 22-2 or P 22-1 (``model``: the texts' name): the two share their structure."""
    text = model_texts(model)
    identifier = result.identifier
    where = committee or f"Centraal stembureau {_domain(result)}"
    story: list[Flowable] = title_block(
        _domain(result),
        text["title_second"],
        f"{identifier.name or identifier.id} - {dutch_date(identifier.election_date)}",
        text["subtitle"],
    )
    story += opening(text, where)
    story += _part1(text)
    story += _part2(result, text, candidate_votes)
    story += _signing(text)
    if candidate_votes is not None:
        story += _annex(result, candidate_votes, text)
    info = PageInfo(
        committee=where,
        model_lines=tuple(text["footer"]),
        digest=digest,
        created=created,
        parts_in_header=True,
        audit_head=audit_head,
    )
    return render(story, info, title=f"{text['subtitle']} {identifier.id}")


def _domain(result: ElectionResult) -> str:
    domain = result.identifier.domain
    return domain.name if domain is not None else (result.identifier.name or result.identifier.id)


def _part1(text: Mapping[str, Any]) -> list[Flowable]:
    return [
        PageBreak(),
        heading(text["part1"]),
        heading(text["presence"], 2),
        *write_in(text["presence_table"]),
        PageBreak(),
        heading(text["checks"], 2),
        heading(text["checks_question"], 3),
        *[paragraph(choice) for choice in text["checks_choices"]],
        heading(text["objections"], 2),
        heading(text["objections_text"], 3),
        *[paragraph(choice) for choice in text["objections_choices"]],
    ]


def _admitted(votes: VoteCounts, result: ElectionResult, text: Mapping[str, Any]) -> list[Flowable]:
    """2.1 Z and 2.2 A–D of the total count (the 510d's), in letter boxes."""
    labels = text["labels"]
    return [
        heading(text["eligible"], 2),
        letter_boxes([("Z", votes.cast, labels["Z"], False)]),
        heading(text["voters"], 2),
        voters_boxes(result.identifier, votes, labels),
    ]


def _differences(votes: VoteCounts, text: Mapping[str, Any]) -> list[Flowable]:
    """2.4: whether votes cast and voters admitted are equal, and I and J of the total."""
    labels = text["labels"]
    u = votes.uncounted
    more, fewer = u.get(UncountedReason.MORE_BALLOTS, 0), u.get(UncountedReason.FEWER_BALLOTS, 0)
    return [
        heading(text["differences"], 2),
        heading(text["all_equal"], 3),
        paragraph(text["all_equal_no" if more or fewer else "all_equal_yes"]),
        heading(text["more"], 3),
        letter_boxes([("I", more, labels["I"], True)]),
        heading(text["fewer"], 3),
        letter_boxes([("J", fewer, labels["J"], True)]),
    ]


def _signing(text: Mapping[str, Any]) -> list[Flowable]:
    """Deel 3: date and place, the chair, the deputy chair, the other members (P 22-x)."""
    s = model_texts("signing")
    person = s["person_box"]
    return [
        *front_side_break(s["blank"], s["blank_text"]),
        KeepTogether([heading(text["part3"]), heading(s["date"], 3), name_boxes(s["date_box"], 1)]),
        heading(text["chair"], 3),
        name_boxes(person, 1),
        heading(text["deputy"], 3),
        name_boxes(person, 1),
        heading(text["members"], 3),
        name_boxes(person, 5),
    ]


def _part2(
    result: ElectionResult, text: Mapping[str, Any], votes: VoteCounts | None
) -> list[Flowable]:
    """Deel 2; 2.1, 2.2 and 2.4 and the blank and invalid votes only with the total count."""
    story: list[Flowable] = [PageBreak(), heading(text["part2"])]
    if votes is not None:
        story += _admitted(votes, result, text)
    story.append(heading(text["votes"], 2))
    rows: list[list[object]] = [[o.number, o.name, o.votes] for o in result.lists]
    rows.append(["", text["valid"], result.total_votes])
    if votes is not None:
        blank = votes.rejected.get(RejectedReason.BLANK, 0)
        invalid = votes.rejected.get(RejectedReason.INVALID, 0)
        rows += [
            ["", text["blank"], blank],
            ["", text["invalid"], invalid],
            ["", text["cast"], result.total_votes + blank + invalid],
        ]
    story.append(table(text["votes_headers"], rows, numeric=(2,), bold_rows=(len(result.lists),)))
    if votes is not None:
        story += _differences(votes, text)
    story += _quota_and_full_seats(result, text)
    story += _residual(result, text)
    story += [
        heading(text["distribution"], 2),
        paragraph(text["distribution_text"]),
        table(
            text["distribution_headers"],
            [
                [o.number, o.name, o.seats]
                for o in sorted(result.lists, key=lambda o: -o.seats)
                if o.seats
            ],
            numeric=(2,),
        ),
    ]
    story += _candidates(result, text)
    elected = sorted(
        (person for outcome in result.lists for person in outcome.elected),
        key=lambda p: (p.name.last_name.lower(), p.name.initials),
    )
    story += [
        heading(text["alphabetical"], 2),
        table(
            text["alphabetical_headers"],
            [[_person_name(p), p.locality or p.country_code or "", p.list_number] for p in elected],
            numeric=(2,),
        ),
    ]
    story += _protocol(text)
    return story


def _quota_and_full_seats(result: ElectionResult, text: Mapping[str, Any]) -> list[Flowable]:
    """The quota and the full seats per list, when the result has them."""
    story: list[Flowable] = []
    if result.quota is not None:
        story += [
            heading(text["quota"], 2),
            paragraph(text["quota_explained"]),
            paragraph(
                text["quota_text"].format(
                    valid=f"{result.total_votes:,}".replace(",", "."),
                    seats=result.seats,
                    quota=mixed(result.quota),
                )
            ),
        ]
    full_steps = _steps(result, "full_seats")
    if full_steps:
        story += [
            heading(text["full"], 2),
            paragraph(text["full_explained"]),
            table(
                text["full_headers"],
                [
                    [s["list_number"], s["votes"], s["full_seats"], mixed(s["remainder"])]
                    for s in full_steps
                ],
                numeric=(1, 2, 3),
            ),
        ]
    return story


def _protocol(text: Mapping[str, Any]) -> list[Flowable]:
    """The protocol page: its questions with their choices and room to write."""
    story: list[Flowable] = [
        PageBreak(),
        heading(text["protocol"], 2),
        heading(text["protocol_text"], 3),
        *[paragraph(choice) for choice in text["protocol_choices"]],
        lines(5),
    ]
    for question in text["protocol_questions"]:
        story += [heading(question["question"], 3)]
        story += [paragraph(choice) for choice in question["choices"]]
    story.append(lines(6))
    return story


def _steps(result: ElectionResult, kind: str) -> list[dict[str, Any]]:
    return [step for step in result.steps if step.get("step") == kind]


def _residual(result: ElectionResult, text: Mapping[str, Any]) -> list[Flowable]:
    full = sum(o.full_seats for o in result.lists)
    story: list[Flowable] = [
        heading(text["residual"], 2),
        heading(text["residual_calculation"], 3),
        paragraph(text["residual_explained"]),
        paragraph(
            text["residual_count"].format(
                seats=result.seats, full=full, residual=result.seats - full
            )
        ),
        heading(text["residual_distribution"], 3),
    ]
    steps = _steps(result, "residual_seat")
    if not steps:
        story.append(paragraph(text["residual_none"]))
    else:
        method = "residual_method_small" if result.seats < 19 else "residual_method_large"
        story += [paragraph(f"• {line}") for line in text[method]]
        story += _residual_tables(steps, text)
    majority = _steps(result, "absolute_majority")
    story.append(
        paragraph(
            text["majority"].format(
                list=majority[0]["list_number"], taken=majority[0]["taken_from"]
            )
            if majority
            else text["majority_none"]
        )
    )
    exhaustion = _steps(result, "exhaustion")
    for step in exhaustion:
        story.append(
            paragraph(
                text["exhaustion"].format(
                    list=step["list_number"],
                    available=step["available"],
                    removed=step["seats_removed"],
                )
            )
        )
    if not exhaustion:
        story.append(paragraph(text["exhaustion_none"]))
    if result.lots_used:
        story += [paragraph(text["lots"].format(text=lot_text(lot))) for lot in result.lots_used]
    else:
        story.append(paragraph(text["lots_none"]))
    return story


def _residual_tables(steps: list[dict[str, Any]], text: Mapping[str, Any]) -> list[Flowable]:
    """The residual seats as tables of six seats each: a row per list with its remainder or
    average for each seat ("-" where it does not compete), then the method, the article and
    who got the seat (shared process-verbaal.md §9, 2.7.2)."""
    lists = sorted({int(key) for step in steps for key in step["values"]})
    story: list[Flowable] = []
    for start in range(0, len(steps), 6):
        chunk = steps[start : start + 6]
        values = [{int(k): v for k, v in step["values"].items()} for step in chunk]
        rows: list[list[object]] = [
            [f"Lijst {number}", *(mixed(v[number]) if number in v else "-" for v in values)]
            for number in lists
        ]
        rows.append(["Methode", *(_METHODS.get(s["method"], s["method"]) for s in chunk)])
        rows.append(["Artikel", *(s.get("article", "") for s in chunk)])
        rows.append(
            [
                "Toegekend aan",
                *(
                    "lijst "
                    + ", ".join(str(w) for w in s["winners"])
                    + (" (lot)" if s.get("lot") else "")
                    for s in chunk
                ),
            ]
        )
        headers = [text["residual_headers"][0], *(str(s["seat_number"]) for s in chunk)]
        width = (18.0 - 3.0) / len(chunk)
        story.append(
            table(
                headers,
                rows,
                numeric=tuple(range(1, len(chunk) + 1)),
                widths=[3.0 * cm, *([width * cm] * len(chunk))],
                bold_rows=(len(rows) - 1,),
            )
        )
        story.append(Spacer(1, 4))
    return story


def _person_name(person: ElectedPerson) -> str:
    name = person.name
    last = f"{name.prefix} {name.last_name}" if name.prefix else name.last_name
    first = f" ({name.first_name})" if name.first_name else ""
    return f"{last}, {name.initials}{first}"


def _candidates(result: ElectionResult, text: Mapping[str, Any]) -> list[Flowable]:
    story: list[Flowable] = [heading(text["candidates"], 2)]
    if result.preference_threshold is not None:
        story.append(
            paragraph(text["threshold"].format(threshold=mixed(result.preference_threshold)))
        )
    for outcome in result.lists:
        if not outcome.seats:
            continue
        story.append(heading(f"Lijst {outcome.number} {outcome.name}", 3))
        story.append(paragraph(text["list_seats"].format(seats=outcome.seats)))
        for kind, title, headers in (
            ("preference", text["preference"], text["preference_headers"]),
            ("list_order", text["list_order"], text["list_order_headers"]),
        ):
            rows = [
                [
                    seat,
                    _person_name(p),
                    p.locality or p.country_code or "",
                    p.votes if kind == "preference" else p.candidate_number,
                ]
                for seat, p in enumerate(outcome.elected, start=1)
                if p.by == kind
            ]
            story.append(paragraph(title, "caption"))
            if rows:
                story += [paragraph(text[f"{kind}_text"]), table(headers, rows, numeric=(0, 3))]
            else:
                story.append(paragraph(text[f"{kind}_none"]))
        if outcome.ranking:
            story.append(
                paragraph(
                    text["ranking"].format(ranking=", ".join(map(str, outcome.ranking))), "small"
                )
            )
        story.append(Spacer(1, 4))
    return story


def _annex(result: ElectionResult, votes: VoteCounts, text: Mapping[str, Any]) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), heading(text["annex"])]
    names = {o.number: o.name for o in result.lists}
    for lst in votes.lists:
        story.append(heading(f"Lijst {lst.number} {names.get(lst.number, lst.name)}", 3))
        rows: list[Sequence[object]] = [[c.key, "", c.votes] for c in lst.candidates]
        rows.append(["", f"Totaal lijst {lst.number}", lst.votes])
        story.append(table(text["annex_headers"], rows, numeric=(2,), bold_rows=(len(rows) - 1,)))
    return story
