"""The examination of each candidate: the maximum number, name data, consent, agent, age,
residence, ID copy, and a candidate on a list twice or on conflicting lists (H 2 Kiesbesluit,
H 6, H 7, H 9, H 10, I 6)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from candidacy.checks.common import finding, identity, registered_name
from candidacy.findings import Code, Consequence, Finding
from candidacy.lists import PartyRegistration, SubmittedCandidate, SubmittedList
from candidacy.rules import ElectionRules
from osv.model import ElectionCategory

__all__ = ["check_candidates", "duplicates_across_lists"]


#: Initials as on the ballot: one or more letters each followed by a dot ("H.", "Th.", "IJ.").
_INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_]?[^\W\d_]?\.)+$")


#: e-KS practice (C26): warn when at most this share of candidates differs from the rest.
_MINORITY_PERCENT = 20


#: Elections with an area a candidate may live outside of (declaration of residence, H 7).
_AREA_ELECTIONS = frozenset({ElectionCategory.GR, ElectionCategory.PS, ElectionCategory.AB})


#: The age a candidate must reach during the term (H 7 [to verify]).
_AGE = 18


def check_candidates(
    submitted: SubmittedList,
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
    name: str,
) -> list[Finding]:
    found: list[Finding] = []
    registered = registered_name(submitted, register)
    registration = register.get(registered) if registered is not None else None
    limit = rules.candidate_limit(registration.seats_last_time if registration else 0)
    seen: dict[tuple[str, str, str], int] = {}
    no_birth_date: list[int] = []
    no_id_record: list[int] = []
    for position, candidate in enumerate(submitted.candidates, start=1):
        who = f"kandidaat {position} ({candidate.name.full})"
        who_en = f"candidate {position} ({candidate.name.full})"
        # H 6, I 6: the candidates beyond the maximum are struck.
        if position > limit:
            found.append(
                finding(
                    Code.TOO_MANY_CANDIDATES,
                    "H 6, I 6",
                    Consequence.CANDIDATE_STRUCK,
                    submitted,
                    f"Lijst {name}: {who} staat boven het maximum van {limit} kandidaten.",
                    f"List {name}: {who_en} is beyond the maximum of {limit} candidates.",
                    position=position,
                )
            )
            continue
        found += _candidate_data(submitted, candidate, position, name, who, who_en)
        found += _candidate_eligibility(submitted, candidate, rules, position, name, who, who_en)
        if candidate.date_of_birth is None:
            no_birth_date.append(position)
        if _needs_id_copy(candidate, rules) and candidate.id_copy is None:
            no_id_record.append(position)
        # H 7 (one name once per list), I 6: the later entry is struck.
        who_is = identity(candidate)
        if who_is in seen:
            found.append(
                finding(
                    Code.DUPLICATE_ON_LIST,
                    "H 7, I 6",
                    Consequence.CANDIDATE_STRUCK,
                    submitted,
                    f"Lijst {name}: {who} staat ook op plaats {seen[who_is]}.",
                    f"List {name}: {who_en} is also at position {seen[who_is]}.",
                    position=position,
                )
            )
        else:
            seen[who_is] = position
    found += _minority_warnings(submitted, name)
    found += _not_recorded(submitted, rules, name, no_birth_date, no_id_record)
    return found


def _not_recorded(
    submitted: SubmittedList,
    rules: ElectionRules,
    name: str,
    no_birth_date: list[int],
    no_id_record: list[int],
) -> list[Finding]:
    """Warnings for the candidates whose date of birth (H 7) or ID copy (H 9) is not recorded."""
    found: list[Finding] = []
    if no_birth_date and rules.term_end is not None:
        at = ", ".join(map(str, no_birth_date))
        found.append(
            finding(
                Code.UNDER_AGE,
                "H 7",
                Consequence.WARNING,
                submitted,
                f"Lijst {name}: van kandidaat {at} is geen geboortedatum vastgelegd; de leeftijd "
                "is niet gecontroleerd.",
                f"List {name}: no date of birth recorded for candidate {at}; the age was not "
                "checked.",
            )
        )
    if no_id_record:
        at = ", ".join(map(str, no_id_record))
        found.append(
            finding(
                Code.ID_COPY_MISSING,
                "H 9",
                Consequence.WARNING,
                submitted,
                f"Lijst {name}: niet vastgelegd of van kandidaat {at} een kopie van een geldig "
                "identiteitsbewijs is overgelegd.",
                f"List {name}: not recorded whether a copy of a valid ID document was handed in "
                f"for candidate {at}.",
            )
        )
    return found


def _needs_id_copy(candidate: SubmittedCandidate, rules: ElectionRules) -> bool:
    """GR (H 9 [to verify]): a candidate not yet a member hands in a copy of an ID document."""
    return rules.category is ElectionCategory.GR and not candidate.already_member


def _eighteenth_birthday(born: dt.date) -> dt.date:
    """The day a person born on ``born`` turns 18 (born 29 February: 1 March [to verify])."""
    try:
        return born.replace(year=born.year + _AGE)
    except ValueError:
        return dt.date(born.year + _AGE, 3, 1)


def _candidate_eligibility(
    submitted: SubmittedList,
    candidate: SubmittedCandidate,
    rules: ElectionRules,
    position: int,
    name: str,
    who: str,
    who_en: str,
) -> list[Finding]:
    """Age (H 7), declaration of intended residence (H 7) and ID copy (H 9, GR)."""
    found: list[Finding] = []
    born = candidate.date_of_birth
    # H 7, I 6: the candidate reaches 18 during the term, at the latest on its last day.
    term_end = rules.term_end
    if born is not None and term_end is not None and _eighteenth_birthday(born) > term_end:
        found.append(
            finding(
                Code.UNDER_AGE,
                "H 7, I 6",
                Consequence.CANDIDATE_STRUCK,
                submitted,
                f"Lijst {name}: {who} is aan het einde van de zittingsperiode nog geen "
                f"{_AGE} jaar.",
                f"List {name}: {who_en} is not yet {_AGE} at the end of the term.",
                position=position,
            )
        )
    # H 7, I 2, I 6: a candidate living outside the area declares the intention to move there.
    outside = candidate.outside_area or candidate.abroad
    if rules.category in _AREA_ELECTIONS and outside and not candidate.residence_declaration:
        found.append(
            finding(
                Code.RESIDENCE_DECLARATION_MISSING,
                "H 7, I 2, I 6",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: {who} woont buiten het gebied; de verklaring van voorgenomen "
                "vestiging ontbreekt.",
                f"List {name}: {who_en} lives outside the area; the declaration of intended "
                "residence is missing.",
                position=position,
                if_not_repaired=Consequence.CANDIDATE_STRUCK,
            )
        )
    # H 9, I 2 (GR): a copy of a valid ID document of a candidate not yet a member.
    if _needs_id_copy(candidate, rules) and candidate.id_copy is False:
        found.append(
            finding(
                Code.ID_COPY_MISSING,
                "H 9, I 2",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: de kopie van een geldig identiteitsbewijs van {who} ontbreekt.",
                f"List {name}: the copy of a valid ID document of {who_en} is missing.",
                position=position,
            )
        )
    return found


def _candidate_data(
    submitted: SubmittedList,
    candidate: SubmittedCandidate,
    position: int,
    name: str,
    who: str,
    who_en: str,
) -> list[Finding]:
    found = _name_data(submitted, candidate, position, name, who, who_en)
    # H 9, I 2, I 6: each candidate's declaration of consent (Model H 9).
    if not candidate.consent:
        found.append(
            finding(
                Code.CONSENT_MISSING,
                "H 9, I 2, I 6",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: de instemmingsverklaring (model H 9) van {who} ontbreekt.",
                f"List {name}: the consent (Model H 9) of {who_en} is missing.",
                position=position,
                if_not_repaired=Consequence.CANDIDATE_STRUCK,
            )
        )
    # H 10, I 2, I 6: a candidate living abroad names an agent in the Netherlands.
    if candidate.abroad and candidate.agent is None:
        found.append(
            finding(
                Code.AGENT_MISSING,
                "H 10, I 2, I 6",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: {who} woont buiten Nederland en heeft geen gemachtigde.",
                f"List {name}: {who_en} lives abroad and names no agent.",
                position=position,
                if_not_repaired=Consequence.CANDIDATE_STRUCK,
            )
        )
    return found


def _name_data(
    submitted: SubmittedList,
    candidate: SubmittedCandidate,
    position: int,
    name: str,
    who: str,
    who_en: str,
) -> list[Finding]:
    """Kiesbesluit H 2: the candidate's last name, initials (as "A.B.") and residence."""
    found: list[Finding] = []
    missing_nl = []
    missing_en = []
    if not candidate.name.last_name.strip():
        missing_nl.append("achternaam")
        missing_en.append("last name")
    if not candidate.name.initials.strip():
        missing_nl.append("voorletters")
        missing_en.append("initials")
    if not (candidate.locality or "").strip() and not candidate.country_code:
        missing_nl.append("woonplaats")
        missing_en.append("place of residence")
    # Kiesbesluit H 2, I 2, I 6: the list gives name, initials and residence of each candidate.
    if missing_nl:
        found.append(
            finding(
                Code.CANDIDATE_DATA_MISSING,
                "H 2 Kiesbesluit, I 2, I 6",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: bij {who} ontbreekt {', '.join(missing_nl)}.",
                f"List {name}: {who_en} has no {', '.join(missing_en)}.",
                position=position,
                if_not_repaired=Consequence.CANDIDATE_STRUCK,
            )
        )
    elif not _INITIALS.match(candidate.name.initials.strip()):
        found.append(
            finding(
                Code.INITIALS_MALFORMED,
                "H 2 Kiesbesluit, I 2, I 6",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: de voorletters van {who} hebben niet de vorm 'A.B.'.",
                f"List {name}: the initials of {who_en} are not of the form 'A.B.'.",
                position=position,
                if_not_repaired=Consequence.CANDIDATE_STRUCK,
            )
        )
    return found


def _minority_warnings(submitted: SubmittedList, name: str) -> list[Finding]:
    """e-KS practice (C26): a small minority with (or without) a first name or gender."""
    total = len(submitted.candidates)
    if total < 2:
        return []
    found: list[Finding] = []
    aspects = (
        ("roepnaam", "first name", [c.name.first_name is not None for c in submitted.candidates]),
        ("geslacht", "gender", [c.gender is not None for c in submitted.candidates]),
    )
    for nl, en, has in aspects:
        with_it = sum(has)
        minority = min(with_it, total - with_it)
        if minority > 0 and minority * 100 <= _MINORITY_PERCENT * total:
            found.append(
                finding(
                    Code.INCONSISTENT_MINORITY,
                    "H 2 Kiesbesluit",
                    Consequence.WARNING,
                    submitted,
                    f"Lijst {name}: {with_it} van {total} kandidaten hebben een {nl}.",
                    f"List {name}: {with_it} of {total} candidates have a {en}.",
                )
            )
    return found


def duplicates_across_lists(lists: Sequence[SubmittedList]) -> list[Finding]:
    """H 7, I 6: a candidate on more than one list is struck on each of those lists.

    Lists under one party name in different districts (a set of identical lists or a
    lijstengroep) may carry the same candidate; any other pair of lists may not: lists of
    different parties (or a blank list), or two lists of one party in the same district.
    """
    places: dict[tuple[str, str, str], list[tuple[SubmittedList, int]]] = defaultdict(list)
    for submitted in lists:
        for position, candidate in enumerate(submitted.candidates, start=1):
            places[identity(candidate)].append((submitted, position))
    found: list[Finding] = []
    for entries in places.values():
        if len({submitted.key for submitted, _ in entries}) < 2:
            continue
        for submitted, position in entries:
            conflicts = [
                other
                for other, _ in entries
                if other.key != submitted.key and _conflict(submitted, other)
            ]
            if not conflicts:
                continue
            others = ", ".join(
                sorted({f"{o.key} ({o.party_name or 'blanco lijst'})" for o in conflicts})
            )
            candidate = submitted.candidates[position - 1]
            name = submitted.party_name or "blanco lijst"
            found.append(
                finding(
                    Code.DUPLICATE_ACROSS_LISTS,
                    "H 7, I 6",
                    Consequence.CANDIDATE_STRUCK,
                    submitted,
                    f"Lijst {name}: kandidaat {position} ({candidate.name.full}) staat ook op "
                    f"lijst {others}.",
                    f"List {name}: candidate {position} ({candidate.name.full}) is also on "
                    f"list {others}.",
                    position=position,
                )
            )
    return found


def _conflict(one: SubmittedList, other: SubmittedList) -> bool:
    """Whether one candidate may not be on both lists (see :func:`duplicates_across_lists`)."""
    if not one.party_name or one.party_name != other.party_name:
        return True
    return bool(set(one.districts) & set(other.districts))
