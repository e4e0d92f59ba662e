"""The registration of the party name above a list and of a requested name (chapter G, I 8:
checks K22 to K25, C01, C02, C08)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping, Sequence

from candidacy.checks.common import finding, normalised, registered_name
from candidacy.findings import Code, Consequence, Finding, sort_findings
from candidacy.lists import PartyRegistration, SubmittedList
from candidacy.rules import ElectionRules

__all__ = ["check_registration", "registration_checks"]


def registration_checks(
    lists: Sequence[SubmittedList],
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
) -> list[Finding]:
    """K22 to K25: the registration of the name above each list (G 1 to G 3, I 8)."""
    found: list[Finding] = []
    for submitted in lists:
        registered = registered_name(submitted, register)
        if registered is None:
            continue
        name = submitted.party_name
        if registered != name:
            found.append(
                finding(
                    Code.NAME_CORRECTED,
                    "I 8",
                    Consequence.WARNING,
                    submitted,
                    f"De aanduiding {name} wijkt af van de geregistreerde aanduiding "
                    f"{registered}; deze wordt ambtshalve verbeterd.",
                    f"The party name {name} differs from the registered name {registered}; "
                    "it is corrected ex officio.",
                )
            )
        found += _registration_of(submitted, registered, register, rules)
    return found


def _registration_of(
    submitted: SubmittedList,
    registered: str,
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
    *,
    new_request: bool = False,
) -> list[Finding]:
    """K22, K23 for the name ``registered``; a ``new_request`` yields to every registered name."""
    found: list[Finding] = []
    registration = register[registered]
    # G 1 to G 3: the request must be received by the 42nd day before nomination day.
    if rules.nomination_date is not None and registration.requested_on is not None:
        deadline = rules.nomination_date - dt.timedelta(days=rules.registration_days_before)
        if registration.requested_on > deadline:
            found.append(
                finding(
                    Code.NAME_REGISTERED_LATE,
                    "G 1-G 3, I 7",
                    Consequence.NAME_STRUCK,
                    submitted,
                    f"Het verzoek tot registratie van {registered} is ontvangen op "
                    f"{registration.requested_on.isoformat()}, na de termijn "
                    f"({deadline.isoformat()}).",
                    f"The registration request for {registered} was received on "
                    f"{registration.requested_on.isoformat()}, after the deadline "
                    f"({deadline.isoformat()}).",
                )
            )
    # G 1: within the maximum length, and not identical to an earlier registered name.
    if len(registered) > rules.max_name_length:
        found.append(
            finding(
                Code.NAME_NOT_DISTINCT,
                "G 1",
                Consequence.NAME_STRUCK,
                submitted,
                f"De aanduiding {registered} is langer dan {rules.max_name_length} tekens.",
                f"The party name {registered} is longer than {rules.max_name_length} characters.",
            )
        )
    return found + _identical_names(submitted, registered, register, new_request=new_request)


def _identical_names(
    submitted: SubmittedList,
    registered: str,
    register: Mapping[str, PartyRegistration],
    *,
    new_request: bool,
) -> list[Finding]:
    """K23, G 1: ``registered`` is identical (after normalisation) to an earlier name."""
    registration = register[registered]
    found: list[Finding] = []
    same = sorted(
        other
        for other in register
        if other != registered
        and normalised(other) == normalised(registered)
        and (new_request or not _earlier(registration, register[other]))
    )
    if same:
        # Which of two registered names came first decides; unknown dates leave it to the CSB.
        decided = new_request or all(_earlier(register[other], registration) for other in same)
        found.append(
            finding(
                Code.NAME_NOT_DISTINCT,
                "G 1",
                Consequence.NAME_STRUCK if decided else Consequence.WARNING,
                submitted,
                f"De aanduiding {registered} is gelijk aan de geregistreerde aanduiding "
                f"{', '.join(same)}.",
                f"The party name {registered} is identical to the registered name "
                f"{', '.join(same)}.",
            )
        )
    return found


def _earlier(one: PartyRegistration, other: PartyRegistration) -> bool:
    """Whether ``one`` was requested strictly before ``other`` (both dates known)."""
    if one.requested_on is None or other.requested_on is None:
        return False
    return one.requested_on < other.requested_on


def _nearest_names(
    registered: str, register: Mapping[str, PartyRegistration], percent: int
) -> list[str]:
    """C02: the (at most three) registered names most like ``registered``, deterministic."""
    mine = normalised(registered)
    scored = []
    for other in register:
        theirs = normalised(other)
        if other == registered or theirs == mine:
            continue
        ratio = difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio()
        if ratio * 100 >= percent:
            scored.append((-ratio, other))
    return [other for _, other in sorted(scored)[:3]]


def check_registration(
    request: PartyRegistration,
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
) -> tuple[Finding, ...]:
    """The checks of a request to register a party name (Kieswet art. G 1 to G 3: C01, C02).

    ``register`` holds the names registered before; ``request.requested_on`` the day the request
    was received. The findings carry the requested name as ``list_key``. K22 (late) and K23
    (identical after normalisation, or too long) are grounds to refuse; K24 only lists the
    nearest registered names: whether a name is confusingly similar, or contrary to public order,
    is the CSB's judgement, never the software's.
    """
    name = request.name
    others = {other: r for other, r in register.items() if other != name}
    draft = SubmittedList(key=name, party_name=name)
    found = _registration_of(draft, name, {**others, name: request}, rules, new_request=True)
    nearest = _nearest_names(name, others, rules.similar_name_percent)
    if nearest:
        found.append(
            finding(
                Code.NAME_SIMILAR,
                "G 1",
                Consequence.WARNING,
                draft,
                f"De aanduiding {name} lijkt op: {', '.join(nearest)}; het CSB beoordeelt of "
                "zij verwarring wekt.",
                f"The party name {name} resembles: {', '.join(nearest)}; the CSB judges "
                "whether it is confusing.",
            )
        )
    return sort_findings(found, {name: 0})
