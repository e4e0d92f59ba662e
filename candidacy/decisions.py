"""The central polling station's decisions in its public session (Kieswet art. I 4 to I 8).

After the repair period the CSB decides, per list: valid or invalid (per district, I 5),
which candidates are struck (I 6) and whether the party name is struck (I 7). The decisions
follow from the findings and from which omissions were repaired; the CSB records them
(:class:`ListDecision`) and may depart from the proposal, giving a reason
(:class:`~candidacy.departures.Departure`): :func:`decide` is the proposal with the CSB's
departures applied. :func:`apply_decisions` then gives the accepted lists, ready to be numbered.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from pydantic import Field

from candidacy.departures import Departure, Instead, check_departures, proposed_outcome
from candidacy.findings import Finding
from candidacy.lists import SubmittedList
from osv.model.base import Frozen

__all__ = ["ListDecision", "apply_decisions", "decide", "departure_text", "propose_decisions"]


class ListDecision(Frozen):
    """What the CSB decided about one submitted list.

    :param invalid: the list is declared invalid as a whole (I 5).
    :param invalid_districts: districts in which the list is declared invalid (I 5).
    :param struck: positions of the candidates struck (I 6), in increasing order.
    :param name_struck: the party name is struck; the list stays as a blank list (I 7).
    :param reasons: one line per decision, with its article, for the report (Model I 4).
    :param departures: where the CSB departed from the proposal (each reason says so too).
    """

    list_key: str
    invalid: bool = False
    invalid_districts: tuple[str, ...] = ()
    struck: tuple[int, ...] = ()
    name_struck: bool = False
    reasons: tuple[str, ...] = Field(default=())
    departures: tuple[Departure, ...] = ()


_INSTEAD_NL = {
    Instead.NOT_APPLICABLE: "de bevinding is niet van toepassing",
    Instead.LIST_INVALID: "de lijst is ongeldig (art. I 5)",
    Instead.CANDIDATE_STRUCK: "de kandidaat wordt geschrapt (art. I 6)",
    Instead.NAME_STRUCK: "de aanduiding wordt geschrapt (art. I 7)",
}


def departure_text(departure: Departure) -> str:
    """The Dutch line for the report: what the CSB decided instead, and why."""
    return (
        f"het centraal stembureau wijkt af van het voorstel: {_INSTEAD_NL[departure.instead]}. "
        f"Reden: {departure.reason.strip()}"
    )


def propose_decisions(
    lists: Sequence[SubmittedList],
    findings: Sequence[Finding],
    repaired: Collection[Finding] = (),
) -> tuple[ListDecision, ...]:
    """The decisions that follow from ``findings`` when the omissions in ``repaired`` were repaired.

    A repairable omission that was not repaired takes its ``if_not_repaired`` consequence
    (Kieswet art. I 2 with I 5 to I 7); a list with no candidate left is invalid (I 5).
    """
    return decide(lists, findings, repaired)


def decide(
    lists: Sequence[SubmittedList],
    findings: Sequence[Finding],
    repaired: Collection[Finding] = (),
    departures: Sequence[Departure] = (),
) -> tuple[ListDecision, ...]:
    """The CSB's decisions: the proposal, except where it departs from it (art. I 4 to I 8).

    Each finding a departure names takes the departure's outcome instead of the proposed one
    (:func:`~candidacy.departures.proposed_outcome`), and its reason line says, with the
    finding's article, that the CSB departed and why. Without departures this is
    :func:`propose_decisions`. A list with no candidate left is invalid (I 5).

    :raises DepartureError: when a departure is not possible
        (:func:`~candidacy.departures.check_departures`).
    """
    chosen = check_departures(findings, repaired, departures)
    return tuple(_decide_list(submitted, findings, repaired, chosen) for submitted in lists)


def _decide_list(
    submitted: SubmittedList,
    findings: Sequence[Finding],
    repaired: Collection[Finding],
    chosen: Mapping[Finding, Departure],
) -> ListDecision:
    """The decision on one list: its findings' outcomes, with the departures ``chosen``."""
    invalid: list[str] = []
    whole = False
    struck: set[int] = set()
    name_struck = False
    reasons: list[str] = []
    applied: list[Departure] = []
    for finding in findings:
        if finding.list_key != submitted.key:
            continue
        departure = chosen.get(finding)
        outcome = proposed_outcome(finding, repaired) if departure is None else departure.instead
        reason = f"{finding.code.value} (art. {finding.article}): {finding.text_nl}"
        if departure is not None:
            if departure not in applied:
                applied.append(departure)
            reasons.append(f"{reason} — {departure_text(departure)}")
        if outcome is Instead.LIST_INVALID:
            if finding.district is None:
                whole = True
            elif finding.district not in invalid:
                invalid.append(finding.district)
        elif outcome is Instead.CANDIDATE_STRUCK and finding.position is not None:
            struck.add(finding.position)
        elif outcome is Instead.NAME_STRUCK:
            name_struck = True
        elif departure is None:
            continue
        if departure is None:
            reasons.append(reason)
    if submitted.candidates and len(struck) == len(submitted.candidates):
        whole = True
        reasons.append("Geen kandidaat over na schrapping (art. I 5).")
    return ListDecision(
        list_key=submitted.key,
        invalid=whole,
        invalid_districts=() if whole else tuple(invalid),
        struck=tuple(sorted(struck)),
        name_struck=name_struck,
        reasons=tuple(reasons),
        departures=tuple(applied),
    )


def apply_decisions(
    lists: Sequence[SubmittedList], decisions: Sequence[ListDecision]
) -> tuple[SubmittedList, ...]:
    """The accepted lists: struck candidates and names removed, invalid districts dropped.

    A list invalid in all its districts, or without candidates, is left out.

    :raises ValueError: when a decision names a list or position that does not exist.
    """
    by_key = {decision.list_key: decision for decision in decisions}
    known = {submitted.key for submitted in lists}
    for key in by_key:
        if key not in known:
            raise ValueError(f"a decision names list {key!r}, which was not handed in")
    accepted = []
    for submitted in lists:
        decision = by_key.get(submitted.key, ListDecision(list_key=submitted.key))
        for position in decision.struck:
            if not 1 <= position <= len(submitted.candidates):
                raise ValueError(
                    f"the decision on list {submitted.key!r} strikes position {position}, "
                    f"the list has {len(submitted.candidates)} candidates"
                )
        districts = tuple(
            d for d in dict.fromkeys(submitted.districts) if d not in decision.invalid_districts
        )
        candidates = tuple(
            c for i, c in enumerate(submitted.candidates, 1) if i not in decision.struck
        )
        if decision.invalid or not districts or not candidates:
            continue
        accepted.append(
            submitted.model_copy(
                update={
                    "districts": districts,
                    "candidates": candidates,
                    "party_name": "" if decision.name_struck else submitted.party_name,
                }
            )
        )
    return tuple(accepted)
