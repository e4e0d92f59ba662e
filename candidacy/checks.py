"""The examination of the submitted lists (Kieswet art. I 1 to I 8), as findings.

:func:`check_lists` takes every list handed in for one election, the register of party names
and the figures of the election (:class:`~candidacy.rules.ElectionRules`) and returns the
findings, sorted; :func:`check_registration` examines a request to register a party name
(chapter G). It decides nothing: the central polling station records its decisions
(:mod:`candidacy.decisions`) after the repair period. Articles link to
https://wetten.overheid.nl/BWBR0004627/2026-01-01 (Kieswet).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from candidacy.findings import Code, Consequence, Finding, sort_findings
from candidacy.lists import PartyRegistration, SubmittedCandidate, SubmittedList
from candidacy.rules import ElectionRules
from osv.model import ElectionCategory

__all__ = ["check_lists", "check_registration", "needs_support_and_deposit"]

#: Initials as on the ballot: one or more letters each followed by a dot ("H.", "Th.", "IJ.").
_INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_]?[^\W\d_]?\.)+$")

#: e-KS practice (C26): warn when at most this share of candidates differs from the rest.
_MINORITY_PERCENT = 20

#: I 5(a): lists are handed in on nomination day between nine and seventeen hours.
_OPENS = dt.time(9, 0)
_CLOSES = dt.time(17, 0)

#: Elections with an area a candidate may live outside of (declaration of residence, H 7).
_AREA_ELECTIONS = frozenset({ElectionCategory.GR, ElectionCategory.PS, ElectionCategory.AB})

#: The age a candidate must reach during the term (H 7 [to verify]).
_AGE = 18


def needs_support_and_deposit(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration]
) -> bool:
    """Whether a list needs support declarations (H 4) and a deposit (H 12).

    Needed for a blank list, a party name not registered, and a party that won no seat at the
    previous election of the same body (Kieswet art. H 4 paragraph 1, H 12 paragraph 1). A name
    corrected ex officio (I 8, K25) counts as the registered name it is corrected to.
    """
    registered = _registered_name(submitted, register)
    registration = register.get(registered) if registered is not None else None
    return registration is None or registration.seats_last_time == 0


def check_lists(
    lists: Sequence[SubmittedList],
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
) -> tuple[Finding, ...]:
    """Every finding about ``lists``, sorted by list (in the given order), code and position.

    :param lists: the lists handed in, each with a distinct ``key``.
    :param register: registered party names (chapter G) by name, with last election's seats.
    :param rules: the figures of chapter H for this election.
    :raises ValueError: when two lists share a key (a caller's mistake, not a finding).
    """
    keys = [submitted.key for submitted in lists]
    duplicates = sorted(key for key, n in Counter(keys).items() if n > 1)
    if duplicates:
        raise ValueError(f"each list needs its own key, found {duplicates[0]!r} more than once")
    findings: list[Finding] = []
    invalid, declaration_findings = _support_declarations(lists)
    for submitted in lists:
        findings += _check_list(submitted, register, rules, invalid)
    findings += _duplicates_across_lists(lists)
    findings += declaration_findings
    findings += _registration_checks(lists, register, rules)
    findings += _repair_contact(lists)
    findings += _identical_lists(lists)
    return sort_findings(findings, {key: i for i, key in enumerate(keys)})


def _finding(
    code: Code,
    article: str,
    consequence: Consequence,
    submitted: SubmittedList,
    nl: str,
    en: str,
    *,
    position: int | None = None,
    district: str | None = None,
    if_not_repaired: Consequence | None = None,
) -> Finding:
    return Finding(
        code=code,
        article=article,
        consequence=consequence,
        if_not_repaired=if_not_repaired,
        list_key=submitted.key,
        district=district,
        position=position,
        text_nl=nl,
        text_en=en,
    )


def _check_list(
    submitted: SubmittedList,
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
    invalid: frozenset[tuple[str, int]] = frozenset(),
) -> list[Finding]:
    found: list[Finding] = []
    name = submitted.party_name or "blanco lijst"
    # H 2: the list names the district(s) it is handed in for.
    if not submitted.districts:
        found.append(
            _finding(
                Code.NO_DISTRICTS,
                "H 2, I 5",
                Consequence.LIST_INVALID,
                submitted,
                f"Lijst {name} vermeldt geen kieskring.",
                f"List {name} names no electoral district.",
            )
        )
    for district, times in sorted(Counter(submitted.districts).items()):
        if times > 1:
            found.append(
                _finding(
                    Code.DUPLICATE_DISTRICT,
                    "H 2",
                    Consequence.WARNING,
                    submitted,
                    f"Lijst {name} vermeldt kieskring {district} {times} keer.",
                    f"List {name} names district {district} {times} times.",
                    district=district,
                )
            )
    # I 5: a list without any candidate is invalid.
    if not submitted.candidates:
        found.append(
            _finding(
                Code.NO_CANDIDATES,
                "I 5",
                Consequence.LIST_INVALID,
                submitted,
                f"Lijst {name} bevat geen kandidaten.",
                f"List {name} holds no candidates.",
            )
        )
    found += _check_hand_in(submitted, rules, name)
    found += _check_party_name(submitted, register, name)
    found += _check_candidates(submitted, register, rules, name)
    found += _check_support_and_deposit(submitted, register, rules, name, invalid)
    return found


def _check_hand_in(submitted: SubmittedList, rules: ElectionRules, name: str) -> list[Finding]:
    """H 1, H 3, I 5(a), (e), (f): when and by whom the list was handed in.

    A fact the CSB has not recorded (``None``) is a warning naming what to establish.
    """
    found: list[Finding] = []
    received = submitted.received_at
    if received is None:
        found.append(
            _finding(
                Code.RECEIVED_OUT_OF_TIME,
                "H 1, I 5",
                Consequence.WARNING,
                submitted,
                f"Lijst {name}: het tijdstip van inlevering is niet vastgelegd.",
                f"List {name}: the time of receipt has not been recorded.",
            )
        )
    else:
        wrong_day = rules.nomination_date is not None and received.date() != rules.nomination_date
        if wrong_day or not _OPENS <= received.time() <= _CLOSES:
            when = received.strftime("%d-%m-%Y %H:%M")
            found.append(
                _finding(
                    Code.RECEIVED_OUT_OF_TIME,
                    "H 1, I 5",
                    Consequence.LIST_INVALID,
                    submitted,
                    f"Lijst {name} is ingeleverd op {when}, niet op de dag van "
                    "kandidaatstelling tussen 9.00 en 17.00 uur.",
                    f"List {name} was handed in at {when}, not on nomination day between "
                    "09:00 and 17:00.",
                )
            )
    submitter = (
        (submitted.submitter_voter, "geen kiezer voor deze verkiezing", "not a voter here"),
        (submitted.submitter_in_person, "niet persoonlijk aanwezig", "not present in person"),
    )
    facts = [fact for fact, _, _ in submitter]
    if False in facts:
        what_nl = [nl for fact, nl, _ in submitter if fact is False]
        what_en = [en for fact, _, en in submitter if fact is False]
        found.append(
            _finding(
                Code.SUBMITTER_NOT_VOTER_IN_PERSON,
                "H 3, I 2, I 5",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: de inleveraar was {' en '.join(what_nl)}.",
                f"List {name}: the person who handed it in was {' and '.join(what_en)}.",
                if_not_repaired=Consequence.LIST_INVALID,
            )
        )
    elif None in facts:
        found.append(
            _finding(
                Code.SUBMITTER_NOT_VOTER_IN_PERSON,
                "H 3, I 5",
                Consequence.WARNING,
                submitted,
                f"Lijst {name}: niet vastgelegd of de inleveraar kiezer is en de lijst "
                "persoonlijk inleverde.",
                f"List {name}: not recorded whether the person who handed it in is a voter and "
                "handed it in in person.",
            )
        )
    if submitted.submitter_id_checked is False:
        found.append(
            _finding(
                Code.SUBMITTER_NOT_IDENTIFIED,
                "I 2, I 5",
                Consequence.REPAIRABLE,
                submitted,
                f"Lijst {name}: de inleveraar heeft zich niet met een geldig identiteitsbewijs "
                "geïdentificeerd.",
                f"List {name}: the person who handed it in did not identify with a valid ID "
                "document.",
                if_not_repaired=Consequence.LIST_INVALID,
            )
        )
    elif submitted.submitter_id_checked is None:
        found.append(
            _finding(
                Code.SUBMITTER_NOT_IDENTIFIED,
                "I 5",
                Consequence.WARNING,
                submitted,
                f"Lijst {name}: niet vastgelegd of de inleveraar zich heeft geïdentificeerd.",
                f"List {name}: not recorded whether the person who handed it in was identified.",
            )
        )
    return found


def _check_party_name(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration], name: str
) -> list[Finding]:
    if not submitted.party_name:
        return []
    # G 1-G 3, I 7: only a registered name may stand above a list (I 8: a name that differs
    # from a registered one only in case, accents or spacing is corrected instead, K25).
    if submitted.party_name not in register and _corrected_name(submitted, register) is None:
        return [
            _finding(
                Code.NAME_NOT_REGISTERED,
                "G 1, I 7",
                Consequence.NAME_STRUCK,
                submitted,
                f"De aanduiding {name} is niet geregistreerd; de lijst wordt een blanco lijst.",
                f"The party name {name} is not registered; the list becomes a blank list.",
            )
        ]
    # H 3, I 7: the party's representative authorises the use of the name (Model H 3-1).
    if not submitted.name_authorised:
        return [
            _finding(
                Code.NAME_NOT_AUTHORISED,
                "H 3, I 2, I 7",
                Consequence.REPAIRABLE,
                submitted,
                f"Voor de aanduiding {name} ontbreekt de machtiging (model H 3-1).",
                f"The authorisation to use the party name {name} (Model H 3-1) is missing.",
                if_not_repaired=Consequence.NAME_STRUCK,
            )
        ]
    return []


def _check_candidates(
    submitted: SubmittedList,
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
    name: str,
) -> list[Finding]:
    found: list[Finding] = []
    registered = _registered_name(submitted, register)
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
                _finding(
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
        identity = _identity(candidate)
        if identity in seen:
            found.append(
                _finding(
                    Code.DUPLICATE_ON_LIST,
                    "H 7, I 6",
                    Consequence.CANDIDATE_STRUCK,
                    submitted,
                    f"Lijst {name}: {who} staat ook op plaats {seen[identity]}.",
                    f"List {name}: {who_en} is also at position {seen[identity]}.",
                    position=position,
                )
            )
        else:
            seen[identity] = position
    found += _minority_warnings(submitted, name)
    if no_birth_date and rules.term_end is not None:
        at = ", ".join(map(str, no_birth_date))
        found.append(
            _finding(
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
            _finding(
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
            _finding(
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
            _finding(
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
            _finding(
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
            _finding(
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
            _finding(
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
    # H 9, I 2, I 6: each candidate's declaration of consent (Model H 9).
    if not candidate.consent:
        found.append(
            _finding(
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
            _finding(
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
                _finding(
                    Code.INCONSISTENT_MINORITY,
                    "H 2 Kiesbesluit",
                    Consequence.WARNING,
                    submitted,
                    f"Lijst {name}: {with_it} van {total} kandidaten hebben een {nl}.",
                    f"List {name}: {with_it} of {total} candidates have a {en}.",
                )
            )
    return found


def _check_support_and_deposit(
    submitted: SubmittedList,
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
    name: str,
    invalid: frozenset[tuple[str, int]] = frozenset(),
) -> list[Finding]:
    if not needs_support_and_deposit(submitted, register):
        return []
    found: list[Finding] = []
    # H 4, I 2, I 5: enough valid support declarations in every district.
    for district in dict.fromkeys(submitted.districts):
        required = rules.support_required(district)
        handed_in = _support_count(submitted, district, invalid)
        if handed_in < required:
            found.append(
                _finding(
                    Code.SUPPORT_SHORT,
                    "H 4, I 2, I 5",
                    Consequence.REPAIRABLE,
                    submitted,
                    f"Lijst {name}, kieskring {district}: {handed_in} geldige "
                    f"ondersteuningsverklaringen, nodig zijn er {required}.",
                    f"List {name}, district {district}: {handed_in} valid support "
                    f"declarations, {required} are required.",
                    district=district,
                    if_not_repaired=Consequence.LIST_INVALID,
                )
            )
    # H 12 to H 14a, I 5: the deposit, paid before nomination day.
    if not submitted.deposit_paid:
        euros = f"{rules.deposit_cents // 100:,}".replace(",", ".")
        found.append(
            _finding(
                Code.DEPOSIT_MISSING,
                "H 12, I 5",
                Consequence.LIST_INVALID,
                submitted,
                f"Lijst {name}: de waarborgsom van EUR {euros} is niet betaald.",
                f"List {name}: the deposit of EUR {euros} has not been paid.",
            )
        )
    return found


def _identity(candidate: SubmittedCandidate) -> tuple[str, str, str]:
    """Who a candidate is, for duplicates: last name, prefix and initials, and birth date.

    With a date of birth the date decides; without one the place of residence stands in.
    """
    name = candidate.name
    other = (
        candidate.date_of_birth.isoformat()
        if candidate.date_of_birth is not None
        else (candidate.locality or "").casefold()
    )
    return (
        f"{(name.prefix or '').casefold()} {name.last_name.casefold()}".strip(),
        name.initials.replace(" ", "").casefold(),
        other,
    )


def _duplicates_across_lists(lists: Sequence[SubmittedList]) -> list[Finding]:
    """H 7, I 6: a candidate on more than one list is struck on each of those lists.

    Lists under one party name in different districts (a set of identical lists or a
    lijstengroep) may carry the same candidate; any other pair of lists may not: lists of
    different parties (or a blank list), or two lists of one party in the same district.
    """
    places: dict[tuple[str, str, str], list[tuple[SubmittedList, int]]] = defaultdict(list)
    for submitted in lists:
        for position, candidate in enumerate(submitted.candidates, start=1):
            places[_identity(candidate)].append((submitted, position))
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
                _finding(
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
    """Whether one candidate may not be on both lists (see :func:`_duplicates_across_lists`)."""
    if not one.party_name or one.party_name != other.party_name:
        return True
    return bool(set(one.districts) & set(other.districts))


# K22 and up: registration of the name, correction, repair contact, support declarations,
# identical lists (docs/candidacy.md, checks C01, C02, C08, C20, C22, C24).


def _normalised(name: str) -> str:
    """A party name for comparison: case, accents and spacing removed (C02, C08)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def _corrected_name(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration]
) -> str | None:
    """I 8: the one registered name the list's name differs from only by normalisation."""
    if not submitted.party_name or submitted.party_name in register:
        return None
    wanted = _normalised(submitted.party_name)
    matches = sorted(n for n in register if _normalised(n) == wanted)
    return matches[0] if len(matches) == 1 else None


def _registered_name(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration]
) -> str | None:
    if submitted.party_name in register:
        return submitted.party_name
    return _corrected_name(submitted, register)


def _registration_checks(
    lists: Sequence[SubmittedList],
    register: Mapping[str, PartyRegistration],
    rules: ElectionRules,
) -> list[Finding]:
    """K22 to K25: the registration of the name above each list (G 1 to G 3, I 8)."""
    found: list[Finding] = []
    for submitted in lists:
        registered = _registered_name(submitted, register)
        if registered is None:
            continue
        name = submitted.party_name
        if registered != name:
            found.append(
                _finding(
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
                _finding(
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
            _finding(
                Code.NAME_NOT_DISTINCT,
                "G 1",
                Consequence.NAME_STRUCK,
                submitted,
                f"De aanduiding {registered} is langer dan {rules.max_name_length} tekens.",
                f"The party name {registered} is longer than {rules.max_name_length} characters.",
            )
        )
    same = sorted(
        other
        for other in register
        if other != registered
        and _normalised(other) == _normalised(registered)
        and (new_request or not _earlier(registration, register[other]))
    )
    if same:
        # Which of two registered names came first decides; unknown dates leave it to the CSB.
        decided = new_request or all(_earlier(register[other], registration) for other in same)
        found.append(
            _finding(
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
    mine = _normalised(registered)
    scored = []
    for other in register:
        theirs = _normalised(other)
        if other == registered or theirs == mine:
            continue
        ratio = difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio()
        if ratio * 100 >= percent:
            scored.append((-ratio, other))
    return [other for _, other in sorted(scored)[:3]]


def _repair_contact(lists: Sequence[SubmittedList]) -> list[Finding]:
    """H 5, I 2 (K26): the list names a person who may repair omissions."""
    found: list[Finding] = []
    for submitted in lists:
        if submitted.repair_contact_named is False:
            name = submitted.party_name or "blanco lijst"
            found.append(
                _finding(
                    Code.NO_REPAIR_CONTACT,
                    "H 5, I 2",
                    Consequence.REPAIRABLE,
                    submitted,
                    f"Lijst {name} noemt niemand die verzuimen mag herstellen.",
                    f"List {name} names nobody who may repair omissions.",
                )
            )
    return found


def _support_declarations(
    lists: Sequence[SubmittedList],
) -> tuple[frozenset[tuple[str, int]], list[Finding]]:
    """H 4 (K27): invalid support declarations, as (list key, index) and findings.

    A declaration is invalid when its signer is not registered in its district, or when the
    signer already signed a declaration for this or an earlier list (lists in order of receipt).
    """
    invalid: set[tuple[str, int]] = set()
    found: list[Finding] = []
    first: dict[str, SubmittedList] = {}
    for submitted in lists:
        name = submitted.party_name or "blanco lijst"
        for index, declaration in enumerate(submitted.support_declarations):
            number = index + 1
            district = declaration.district
            earlier = first.get(declaration.signer)
            if not declaration.registered_in_district:
                nl = "de ondertekenaar staat niet als kiezer in deze kieskring ingeschreven"
                en = "the signer is not registered as a voter in this district"
            elif earlier is not None:
                other = earlier.party_name or "blanco lijst"
                nl = f"de ondertekenaar ondersteunde al lijst {earlier.key} ({other})"
                en = f"the signer already supported list {earlier.key} ({other})"
            else:
                first[declaration.signer] = submitted
                continue
            invalid.add((submitted.key, index))
            found.append(
                _finding(
                    Code.SUPPORT_DECLARATION_INVALID,
                    "H 4",
                    Consequence.WARNING,
                    submitted,
                    f"Lijst {name}, kieskring {district}: ondersteuningsverklaring {number} "
                    f"is ongeldig: {nl}.",
                    f"List {name}, district {district}: support declaration {number} is "
                    f"invalid: {en}.",
                    district=district,
                )
            )
    return frozenset(invalid), found


def _support_count(
    submitted: SubmittedList, district: str, invalid: frozenset[tuple[str, int]]
) -> int:
    """Valid support declarations in ``district``: counted when given, else as recorded."""
    if not submitted.support_declarations:
        return submitted.support.get(district, 0)
    return sum(
        1
        for index, declaration in enumerate(submitted.support_declarations)
        if declaration.district == district and (submitted.key, index) not in invalid
    )


def _identical_lists(lists: Sequence[SubmittedList]) -> list[Finding]:
    """H 11 (K28): lists of one party name with the same candidates in the same order."""
    groups: dict[tuple[str, tuple[tuple[str, str, str], ...]], list[SubmittedList]] = defaultdict(
        list
    )
    for submitted in lists:
        if submitted.party_name and submitted.candidates:
            identities = tuple(_identity(c) for c in submitted.candidates)
            groups[(submitted.party_name, identities)].append(submitted)
    found: list[Finding] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        keys = ", ".join(m.key for m in members)
        for submitted in members:
            found.append(
                _finding(
                    Code.IDENTICAL_LISTS,
                    "H 11",
                    Consequence.WARNING,
                    submitted,
                    f"Lijst {submitted.party_name} is gelijk aan de lijsten {keys} en vormt "
                    "daarmee een stel gelijkluidende lijsten.",
                    f"List {submitted.party_name} is identical to lists {keys}; together they "
                    "form a set of identical lists.",
                )
            )
    return found


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
            _finding(
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
