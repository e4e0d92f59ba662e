"""The central polling station departs from the proposal (Kieswet art. I 4 to I 8).

OSV proposes the decisions that follow from the findings (:mod:`candidacy.decisions`), but the
CSB decides. Where it judges otherwise — the consent *was* handed in in time, the party *did*
win 16 seats last time, the list *was* handed in after 17:00 — it records a
:class:`Departure`: which finding (code, list, district, position), what it decides instead
(:class:`Instead`: the finding does not apply, or another lawful consequence) and why.

Only lawful departures are accepted (:func:`check_departures`): a finding can only lead to the
consequence its article allows (:data:`LAWFUL`: striking a candidate, I 6; declaring a list
invalid, I 5; striking the party name, I 7), a candidate can only be struck by a finding about
a candidate, and a departure must change the proposal. A reason is required; it is printed on
the report (Model I 4) and is the CSB's own text, never repeated in an error message.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from enum import StrEnum

from pydantic import Field

from candidacy.findings import Code, Consequence, Finding
from osv.errors import OSVError
from osv.model.base import Frozen

__all__ = [
    "LAWFUL",
    "MAX_REASON",
    "Departure",
    "DepartureError",
    "DepartureProblem",
    "FindingName",
    "Instead",
    "check_departures",
    "lawful_departures",
    "proposed_outcome",
]

#: The longest reason accepted (characters); a reason is a sentence or a short paragraph.
MAX_REASON = 2000


class Instead(StrEnum):
    """What the CSB decides instead of the proposal."""

    NOT_APPLICABLE = "not_applicable"
    """The finding does not apply: nothing follows from it."""
    LIST_INVALID = "list_invalid"
    """The list is invalid (in the finding's district, or as a whole), art. I 5."""
    CANDIDATE_STRUCK = "candidate_struck"
    """The candidate the finding concerns is struck, art. I 6."""
    NAME_STRUCK = "name_struck"
    """The party name is struck; the list stays as a blank list, art. I 7."""


#: Per finding code, the consequences (besides "does not apply") the CSB may attach to it.
#: Warnings with no lawful consequence of their own (K02, K15, K24 to K28) and K21 (no
#: consequence known, [to verify]) allow none: the CSB can only depart from what they propose.
LAWFUL: dict[Code, frozenset[Instead]] = {
    Code.NO_DISTRICTS: frozenset({Instead.LIST_INVALID}),
    Code.NO_CANDIDATES: frozenset({Instead.LIST_INVALID}),
    Code.TOO_MANY_CANDIDATES: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.CANDIDATE_DATA_MISSING: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.INITIALS_MALFORMED: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.CONSENT_MISSING: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.DUPLICATE_ON_LIST: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.DUPLICATE_ACROSS_LISTS: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.AGENT_MISSING: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.SUPPORT_SHORT: frozenset({Instead.LIST_INVALID}),
    Code.DEPOSIT_MISSING: frozenset({Instead.LIST_INVALID}),
    Code.NAME_NOT_REGISTERED: frozenset({Instead.NAME_STRUCK}),
    Code.NAME_NOT_AUTHORISED: frozenset({Instead.NAME_STRUCK}),
    Code.RECEIVED_OUT_OF_TIME: frozenset({Instead.LIST_INVALID}),
    Code.SUBMITTER_NOT_VOTER_IN_PERSON: frozenset({Instead.LIST_INVALID}),
    Code.SUBMITTER_NOT_IDENTIFIED: frozenset({Instead.LIST_INVALID}),
    Code.UNDER_AGE: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.RESIDENCE_DECLARATION_MISSING: frozenset({Instead.CANDIDATE_STRUCK}),
    Code.NAME_REGISTERED_LATE: frozenset({Instead.NAME_STRUCK}),
    Code.NAME_NOT_DISTINCT: frozenset({Instead.NAME_STRUCK}),
}

_EFFECT = {
    Consequence.LIST_INVALID: Instead.LIST_INVALID,
    Consequence.CANDIDATE_STRUCK: Instead.CANDIDATE_STRUCK,
    Consequence.NAME_STRUCK: Instead.NAME_STRUCK,
}


class FindingName(Frozen):
    """A finding as a decision names it, as :class:`~candidacy.findings.Finding` names itself:
    ``code``, ``list_key``, ``district`` and ``position`` (``None`` where the finding has none).
    """

    code: Code
    list_key: str
    district: str | None = None
    position: int | None = None

    def names(self, finding: Finding) -> bool:
        """Whether this is the name of ``finding``."""
        return (finding.code, finding.list_key, finding.district, finding.position) == (
            self.code,
            self.list_key,
            self.district,
            self.position,
        )

    @property
    def where(self) -> str:
        """The finding named in an error message: code, list, district, position."""
        place = f"finding {self.code.value} on list {self.list_key}"
        if self.district is not None:
            place += f", district {self.district}"
        if self.position is not None:
            place += f", position {self.position}"
        return place


class Departure(FindingName):
    """The CSB departs from the proposed consequence of one finding (named as in
    :class:`FindingName`).

    :param instead: what the CSB decides instead.
    :param reason: why, in the CSB's words (required; printed on Model I 4).
    """

    instead: Instead
    reason: str = Field(max_length=MAX_REASON)


class DepartureProblem(StrEnum):
    """Why a departure was refused (stable; the web pages translate it)."""

    NO_REASON = "no_reason"
    UNKNOWN_FINDING = "unknown_finding"
    TWICE = "twice"
    NOT_LAWFUL = "not_lawful"
    NO_CHANGE = "no_change"


class DepartureError(OSVError, ValueError):
    """A departure cannot be applied. The message names the finding, never the reason's text
    or a candidate's data; ``problem`` and ``departure`` say which and where."""

    def __init__(self, problem: DepartureProblem, departure: Departure, message: str) -> None:
        super().__init__(f"{departure.where}: {message}")
        self.problem = problem
        self.departure = departure


def lawful_departures(finding: Finding) -> tuple[Instead, ...]:
    """What the CSB may decide about ``finding``: "does not apply", and the consequences its
    article allows (:data:`LAWFUL`; striking a candidate only for a finding about one)."""
    lawful = {Instead.NOT_APPLICABLE, *LAWFUL.get(finding.code, ())}
    if finding.position is None:
        lawful.discard(Instead.CANDIDATE_STRUCK)
    return tuple(i for i in Instead if i in lawful)


def proposed_outcome(finding: Finding, repaired: Collection[Finding]) -> Instead:
    """What the proposal attaches to ``finding``: its consequence when it was repaired, else
    its final consequence (I 2); a warning or a repaired omission: nothing (does not apply)."""
    outcome = finding.consequence if finding in repaired else finding.final_consequence
    return _EFFECT.get(outcome, Instead.NOT_APPLICABLE)


def check_departures(
    findings: Sequence[Finding],
    repaired: Collection[Finding],
    departures: Sequence[Departure],
) -> dict[Finding, Departure]:
    """Each finding a departure concerns, with that departure.

    :raises DepartureError: when a departure has no reason, names no finding, names a finding
        twice, asks for a consequence the finding's article does not allow (or a struck
        candidate for a finding about no candidate), or does not change the proposal.
    """
    chosen: dict[Finding, Departure] = {}
    for departure in departures:
        if not departure.reason.strip():
            raise DepartureError(DepartureProblem.NO_REASON, departure, "a reason is required")
        matching = [finding for finding in findings if departure.names(finding)]
        if not matching:
            raise DepartureError(
                DepartureProblem.UNKNOWN_FINDING, departure, "there is no such finding"
            )
        if any(finding in chosen for finding in matching):
            raise DepartureError(
                DepartureProblem.TWICE, departure, "a finding can be departed from only once"
            )
        lawful = lawful_departures(matching[0])
        if departure.instead not in lawful:
            allowed = ", ".join(i.value for i in lawful)
            raise DepartureError(
                DepartureProblem.NOT_LAWFUL,
                departure,
                f"expected one of {allowed}, found {departure.instead.value}",
            )
        for finding in matching:
            if proposed_outcome(finding, repaired) is departure.instead:
                raise DepartureError(
                    DepartureProblem.NO_CHANGE,
                    departure,
                    f"the proposal is {departure.instead.value} already",
                )
            chosen[finding] = departure
    return chosen
