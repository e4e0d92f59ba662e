"""Pieces the municipality's models share: names, the count boxes, the votes tables.

N 10-x, Na 31-x (and Na 31-2's Bijlage 1) and Na 14-x show the same fields: the admitted voters
(A, B, C, D), the votes (E.1 … E.n, E, F, G, H) and the votes per list and candidate; the
municipality's reports (Na 31-1, Na 31-2) the same Deel 2 with its totals. Box C
(kiezerspassen) does not exist in a municipal election: there it reads "Niet invullen"
(shared process-verbaal.md §2). Person names are printed as "<prefix> <surname>, <initials>
(<first name>)".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak

from eml.documents import Eml510
from osv.model import (
    Candidate,
    CandidateList,
    Contest,
    ElectionCategory,
    ElectionIdentifier,
    ListVotes,
    RejectedReason,
    ReportingUnitVotes,
    UncountedReason,
    VoteCounts,
)
from osv.pv.layout import heading, letter_boxes, paragraph, signatures, table

__all__ = [
    "NOT_APPLICABLE",
    "box_c",
    "candidate_label",
    "model_signatures",
    "municipal_totals",
    "municipality_of",
    "station_number",
    "voters_boxes",
    "votes_boxes",
    "votes_tables",
]

#: Box C of a municipal election: it has no kiezerspassen (shared process.md §8).
NOT_APPLICABLE = "Niet invullen"

_WIDTHS = [1.3 * cm, 12.2 * cm, 4.5 * cm]

Box = tuple[str, int | str | None, str, bool]


def box_c(identifier: ElectionIdentifier, value: int | None) -> int | str | None:
    """Box C's content: "Niet invullen" for a municipal election, else ``value``."""
    return NOT_APPLICABLE if identifier.category is ElectionCategory.GR else value


def municipality_of(count: Eml510) -> tuple[str, str]:
    """The CBS code and name of the municipality whose count ``count`` is (the name is the
    code when the file has none)."""
    authority = count.header.managing_authority
    code = authority.id if authority else ""
    return code, (authority.name if authority else None) or code


def model_signatures(text: Mapping[str, Any], identifier: ElectionIdentifier) -> list[Flowable]:
    """The signature part of a model whose wording gives the chair, the members' boxes and the
    minimum per election category (``member_boxes``, ``minimum``: ``GR`` and ``other``)."""
    kind = "GR" if identifier.category is ElectionCategory.GR else "other"
    return signatures(
        text["chair"],
        text["members"],
        text["member_boxes"][kind],
        title=text["part3"],
        intro=text["signing"].format(minimum=text["minimum"][kind]),
    )


def station_number(unit_id: str) -> str:
    """``0668::SB12`` → ``12``."""
    return unit_id.split("::SB")[-1]


def candidate_label(person: Candidate | None) -> str:
    """``van Dreumel, C.G.H.M. (Cees)``; empty without a candidate."""
    if person is None:
        return ""
    n = person.name
    last = f"{n.prefix} {n.last_name}" if n.prefix else n.last_name
    return f"{last}, {n.initials}" + (f" ({n.first_name})" if n.first_name else "")


def voters_boxes(
    identifier: ElectionIdentifier, votes: VoteCounts | None, labels: Mapping[str, str]
) -> Flowable:
    """Boxes A, B, C, D: filled from ``votes``, or empty (dotted) without."""
    u = votes.uncounted if votes is not None else {}
    filled = votes is not None
    rows: list[Box] = [
        ("A", u.get(UncountedReason.POLL_CARDS, 0 if filled else None), labels["A"], False),
        (
            "B",
            u.get(UncountedReason.PROXY_CERTIFICATES, 0 if filled else None),
            labels["B"],
            False,
        ),
        ("C", box_c(identifier, u.get(UncountedReason.VOTER_CARDS)), labels["C"], False),
        ("D", u.get(UncountedReason.ADMITTED_VOTERS), labels["D"], True),
    ]
    return letter_boxes(rows)


def votes_boxes(
    lists: Sequence[tuple[int, str]], votes: VoteCounts | None, labels: Mapping[str, str]
) -> Flowable:
    """Boxes E.1 … E.n (one per list), E, F, G, H: filled from ``votes`` or empty."""
    per_list = {lst.number: lst.votes for lst in votes.lists} if votes is not None else {}
    rows: list[Box] = [
        (f"E.{number}", per_list.get(number), f"Lijst {number} {name}".strip(), False)
        for number, name in lists
    ]
    if votes is None:
        rows += [(letter, None, labels[letter], letter in "EH") for letter in "EFGH"]
    else:
        blank = votes.rejected.get(RejectedReason.BLANK, 0)
        invalid = votes.rejected.get(RejectedReason.INVALID, 0)
        rows += [
            ("E", votes.total_counted, labels["E"], True),
            ("F", blank, labels["F"], False),
            ("G", invalid, labels["G"], False),
            ("H", votes.total_counted + blank + invalid, labels["H"], True),
        ]
    return letter_boxes(rows)


def votes_tables(
    lists: Sequence[ListVotes] | None,
    contest: Contest | None,
    text: Mapping[str, Any],
    *,
    level: int = 3,
) -> list[Flowable]:
    """A table per list: candidate number, name, votes, then the list's total.

    Without ``lists`` (a blank form) every candidate of ``contest`` gets an empty row.
    """
    story: list[Flowable] = []
    if lists is None:
        candidate_lists: Sequence[CandidateList] = contest.lists if contest is not None else ()
        for candidate_list in candidate_lists:
            story.append(
                heading(
                    text["list_title"].format(
                        number=candidate_list.number, name=candidate_list.name
                    ),
                    level,
                )
            )
            rows: list[list[object]] = [
                [c.number, candidate_label(c), ""] for c in candidate_list.candidates
            ]
            rows.append(["", text["list_total"].format(number=candidate_list.number), ""])
            story.append(
                table(text["list_headers"], rows, widths=_WIDTHS, bold_rows=(len(rows) - 1,))
            )
        return story
    for lst in lists:
        found = contest.list(lst.number) if contest is not None else None
        name = found.name if found is not None else lst.name
        story.append(heading(text["list_title"].format(number=lst.number, name=name), level))
        rows = [
            [
                votes.key,
                candidate_label(
                    found.candidate(votes.number)
                    if found is not None and votes.number is not None
                    else None
                ),
                votes.votes,
            ]
            for votes in lst.candidates
        ]
        rows.append(["", text["list_total"].format(number=lst.number), lst.votes])
        story.append(
            table(
                text["list_headers"],
                rows,
                numeric=(2,),
                widths=_WIDTHS,
                bold_rows=(len(rows) - 1,),
            )
        )
    return story


def municipal_totals(
    total: VoteCounts,
    units: tuple[ReportingUnitVotes, ...],
    text: Mapping[str, Any],
    identifier: ElectionIdentifier,
    contest: Contest | None = None,
) -> list[Flowable]:
    """Deel 2 of a municipality's report (Na 31-1, Na 31-2; a kieskring's O 3): Z, A–D and
    E.x–H of its total in letter boxes, and the units (polling stations, municipalities) with
    more and with fewer votes than admitted voters with I and J (the headings and labels from
    ``text``; a list the count does not name is named from ``contest``)."""
    labels = text["labels"]
    u = total.uncounted
    h = total.total_counted + sum(total.rejected.values())
    story: list[Flowable] = [PageBreak(), heading(text["part2"]), heading(text["eligible"], 2)]
    story.append(letter_boxes([("Z", total.cast, labels["Z"], False)]))
    story.append(heading(text["voters"], 2))
    story.append(
        letter_boxes(
            [
                ("A", u.get(UncountedReason.POLL_CARDS), labels["A"], False),
                ("B", u.get(UncountedReason.PROXY_CERTIFICATES), labels["B"], False),
                ("C", box_c(identifier, u.get(UncountedReason.VOTER_CARDS)), labels["C"], False),
                ("D", u.get(UncountedReason.ADMITTED_VOTERS), labels["D"], True),
            ]
        )
    )
    story.append(heading(text["votes"], 2))
    names = {lst.number: lst.name for lst in contest.lists} if contest is not None else {}
    rows: list[tuple[str, int | str | None, str, bool]] = [
        (
            f"E.{lst.number}",
            lst.votes,
            f"Lijst {lst.number} {lst.name or names.get(lst.number) or ''}".strip(),
            False,
        )
        for lst in total.lists
    ]
    rows += [
        ("E", total.total_counted, labels["E"], True),
        ("F", total.rejected.get(RejectedReason.BLANK), labels["F"], False),
        ("G", total.rejected.get(RejectedReason.INVALID), labels["G"], False),
        ("H", h, labels["H"], True),
    ]
    story.append(letter_boxes(rows))
    story.append(heading(text["differences"], 2))
    more, fewer = [], []
    for unit in units:
        votes = unit.votes
        cast = votes.total_counted + sum(votes.rejected.values())
        admitted = votes.uncounted.get(UncountedReason.ADMITTED_VOTERS, cast)
        number = unit.id.split("::SB")[-1]
        if cast > admitted:
            more.append(number)
        elif cast < admitted:
            fewer.append(number)
    if "all_equal" in text:  # Na 31-1 asks first whether any station has a difference
        answer = text["all_equal_no"] if more or fewer else text["all_equal_yes"]
        story.append(paragraph(f"{text['all_equal']}   {answer}"))
    story.append(paragraph(text["more"].format(stations=", ".join(more) or text["none"])))
    story.append(letter_boxes([("I", u.get(UncountedReason.MORE_BALLOTS, 0), labels["I"], True)]))
    story.append(paragraph(text["fewer"].format(stations=", ".join(fewer) or text["none"])))
    story.append(letter_boxes([("J", u.get(UncountedReason.FEWER_BALLOTS, 0), labels["J"], True)]))
    return story
