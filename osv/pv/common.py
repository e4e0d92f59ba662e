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
from reportlab.platypus import Flowable, KeepTogether, PageBreak

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
from osv.pv.layout import (
    PageInfo,
    dutch_number,
    front_side_break,
    heading,
    letter_boxes,
    name_boxes,
    paragraph,
    table,
)
from osv.pv.texts import model_texts

__all__ = [
    "NOT_APPLICABLE",
    "box_c",
    "box_label",
    "candidate_label",
    "count_page_info",
    "list_box_label",
    "model_signatures",
    "municipal_totals",
    "municipality_of",
    "opening",
    "station_number",
    "total_label",
    "units_with_differences",
    "voters_boxes",
    "votes_boxes",
    "votes_tables",
    "write_in",
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


def model_signatures(
    text: Mapping[str, Any],
    identifier: ElectionIdentifier,
    *,
    committee: str = "gemeentelijk stembureau",
    title: str = "part3",
) -> list[Flowable]:
    """The signature part of a municipality's model, as the 2027 models print it: on the front
    of a sheet (after a page "Deze pagina is expres leeg" when needed), the rule that all members
    present sign with the minimum for the election category, date and place, the chair and the
    required members, and boxes for the other members present (``text["extra_boxes"]`` when
    the model has more than the common number).

    :param committee: ``stembureau`` (N 10-x) or ``gemeentelijk stembureau``.
    :param title: the key of the part's title in ``text`` (``part3``, or ``part2``).
    """
    s = model_texts("signing")
    kind = "GR" if identifier.category is ElectionCategory.GR else "other"
    extra = text.get("extra_boxes", s["extra_boxes"])[kind]
    person = s["person_box"]
    return [
        *front_side_break(s["blank"], s["blank_text"]),
        KeepTogether(
            [
                heading(text[title]),
                paragraph(s["intro"].format(committee=committee, minimum=s["minimum"][kind])),
                heading(s["date"], 3),
                name_boxes(s["date_box"], 1),
            ]
        ),
        KeepTogether(
            [
                heading(s["required"].format(count=s["count"][kind], committee=committee), 2),
                heading(s["chair"].format(committee=committee), 3),
                name_boxes(person, 1),
                heading(s["members"].format(number=s["number"][kind], committee=committee), 3),
                name_boxes(person, s["number"][kind]),
            ]
        ),
        heading(s["others"].format(committee=committee), 2),
        heading(s["extra"], 3),
        name_boxes(person, extra),
    ]


def write_in(item: Mapping[str, Any]) -> list[Flowable]:
    """A table to write in: ``title`` (level 3), ``text`` (optional), ``headers``, ``rows``."""
    story: list[Flowable] = [heading(item["title"], 3)]
    if item.get("text"):
        story.append(paragraph(item["text"]))
    headers = item["headers"]
    story.append(table(headers, [[""] * len(headers)] * item["rows"], row_height=0.7 * cm))
    return story


def opening(text: Mapping[str, Any], committee: str) -> list[Flowable]:
    """The title page's explanation as the 2027 models print it: the details of the committee,
    what the report is (``intro_text``, and ``method_text`` in bold where the model has one) and
    the contents."""
    story: list[Flowable] = [
        heading(text["details"], 2),
        paragraph(committee),
        heading(text["intro"], 2),
        paragraph(text["intro_text"]),
    ]
    if "method_text" in text:
        story.append(paragraph(text["method_text"], "h3"))
    return [*story, heading(text["contents"], 2), *[paragraph(i) for i in text["contents_items"]]]


def count_page_info(
    count: Eml510, text: Mapping[str, Any], *, digest: bytes | None, audit_head: str | None
) -> PageInfo:
    """The pages of a municipality's report of its count file (510b): the municipality in the
    header, the part each page is in, the 510b's hash and moment and the audit head."""
    code, name = municipality_of(count)
    return PageInfo(
        committee=f"Gemeente {code} {name}".strip(),
        model_lines=tuple(text["footer"]),
        digest=digest,
        created=count.header.creation_date_time,
        parts_in_header=True,
        audit_head=audit_head,
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


def box_label(labels: Mapping[str, str], letter: str, identifier: ElectionIdentifier) -> str:
    """A box's label; a municipal election's own where the model has one (``B_GR``: proxies
    only on the back of the poll card, ``C_GR``: no voter cards, ``D_GR``: A+B)."""
    if identifier.category is ElectionCategory.GR:
        return labels.get(f"{letter}_GR", labels[letter])
    return labels[letter]


def total_label(labels: Mapping[str, str], lists: Sequence[int]) -> str:
    """The label of box E, naming the last list where the model says so (``tel E.1 t/m E.8
    op``)."""
    return labels["E"].format(last=lists[-1] if lists else "")


def list_box_label(labels: Mapping[str, str], number: int, name: str) -> str:
    """The label of box E.n: ``Totaal lijst 3 - F.D. Dreumel`` where the model says so."""
    return labels.get("E_list", "Lijst {number} {name}").format(number=number, name=name).strip()


def voters_boxes(
    identifier: ElectionIdentifier, votes: VoteCounts | None, labels: Mapping[str, str]
) -> Flowable:
    """Boxes A, B, C, D: filled from ``votes``, or empty (dotted) without."""
    u = votes.uncounted if votes is not None else {}
    filled = votes is not None

    def label(letter: str) -> str:
        return box_label(labels, letter, identifier)

    rows: list[Box] = [
        ("A", u.get(UncountedReason.POLL_CARDS, 0 if filled else None), label("A"), False),
        (
            "B",
            u.get(UncountedReason.PROXY_CERTIFICATES, 0 if filled else None),
            label("B"),
            False,
        ),
        ("C", box_c(identifier, u.get(UncountedReason.VOTER_CARDS)), label("C"), False),
        ("D", u.get(UncountedReason.ADMITTED_VOTERS), label("D"), True),
    ]
    return letter_boxes(rows)


def votes_boxes(
    lists: Sequence[tuple[int, str]], votes: VoteCounts | None, labels: Mapping[str, str]
) -> Flowable:
    """Boxes E.1 … E.n (one per list), E, F, G, H: filled from ``votes`` or empty."""
    per_list = {lst.number: lst.votes for lst in votes.lists} if votes is not None else {}
    rows: list[Box] = [
        (f"E.{number}", per_list.get(number), list_box_label(labels, number, name), False)
        for number, name in lists
    ]
    e_label = total_label(labels, [number for number, _ in lists])
    if votes is None:
        rows += [("E", None, e_label, True)]
        rows += [(letter, None, labels[letter], letter == "H") for letter in "FGH"]
    else:
        blank = votes.rejected.get(RejectedReason.BLANK, 0)
        invalid = votes.rejected.get(RejectedReason.INVALID, 0)
        rows += [
            ("E", votes.total_counted, e_label, True),
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


def units_with_differences(
    units: Sequence[ReportingUnitVotes],
) -> tuple[list[str], list[str]]:
    """The units (station numbers, municipal codes) with more, and with fewer votes cast (H)
    than voters admitted (D)."""
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
    return more, fewer


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
    if "eligible_text" in text:
        story.append(paragraph(text["eligible_text"].format(count=dutch_number(total.cast))))
    story.append(letter_boxes([("Z", total.cast, labels["Z"], False)]))
    story.append(heading(text["voters"], 2))
    if "voters_text" in text:
        story.append(paragraph(text["voters_text"]))
    story.append(voters_boxes(identifier, total, labels))
    story.append(heading(text["votes"], 2))
    names = {lst.number: lst.name for lst in contest.lists} if contest is not None else {}
    rows: list[tuple[str, int | str | None, str, bool]] = [
        (
            f"E.{lst.number}",
            lst.votes,
            list_box_label(labels, lst.number, lst.name or names.get(lst.number) or ""),
            False,
        )
        for lst in total.lists
    ]
    rows += [
        ("E", total.total_counted, total_label(labels, [x.number for x in total.lists]), True),
        ("F", total.rejected.get(RejectedReason.BLANK), labels["F"], False),
        ("G", total.rejected.get(RejectedReason.INVALID), labels["G"], False),
        ("H", h, labels["H"], True),
    ]
    story.append(letter_boxes(rows))
    story.append(heading(text["differences"], 2))
    more, fewer = units_with_differences(units)
    if "all_equal" in text:  # Na 31-1 asks first whether any station has a difference
        answer = text["all_equal_no"] if more or fewer else text["all_equal_yes"]
        story.append(paragraph(f"{text['all_equal']}   {answer}"))
    story.append(paragraph(text["more"].format(stations=", ".join(more) or text["none"])))
    story.append(letter_boxes([("I", u.get(UncountedReason.MORE_BALLOTS, 0), labels["I"], True)]))
    story.append(paragraph(text["fewer"].format(stations=", ".join(fewer) or text["none"])))
    story.append(letter_boxes([("J", u.get(UncountedReason.FEWER_BALLOTS, 0), labels["J"], True)]))
    return story
