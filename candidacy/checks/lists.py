"""The examination of each list as a whole: districts, hand-in, party name, support and
deposit, repair contact, support declarations and identical lists (H 1 to H 5, H 11, H 12,
I 2, I 5, I 7)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from candidacy.checks.candidates import check_candidates, duplicates_across_lists
from candidacy.checks.common import (
    corrected_name,
    finding,
    identity,
    needs_support_and_deposit,
)
from candidacy.checks.names import registration_checks
from candidacy.findings import Code, Consequence, Finding, sort_findings
from candidacy.lists import PartyRegistration, SubmittedList
from candidacy.rules import ElectionRules

__all__ = ["check_lists"]


#: I 5(a): lists are handed in on nomination day between nine and seventeen hours.
_OPENS = dt.time(9, 0)
_CLOSES = dt.time(17, 0)


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
    findings += duplicates_across_lists(lists)
    findings += declaration_findings
    findings += registration_checks(lists, register, rules)
    findings += _repair_contact(lists)
    findings += _identical_lists(lists)
    return sort_findings(findings, {key: i for i, key in enumerate(keys)})


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
            finding(
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
                finding(
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
            finding(
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
    found += check_candidates(submitted, register, rules, name)
    found += _check_support_and_deposit(submitted, register, rules, name, invalid)
    return found


def _check_hand_in(submitted: SubmittedList, rules: ElectionRules, name: str) -> list[Finding]:
    """H 1, H 3, I 5(a), (e), (f): when and by whom the list was handed in.

    A fact the CSB has not recorded (``None``) is a warning naming what to establish.
    """
    found = _check_received(submitted, rules, name)
    found += _check_submitter(submitted, name)
    return found


def _check_received(submitted: SubmittedList, rules: ElectionRules, name: str) -> list[Finding]:
    """H 1, I 5(a): handed in on nomination day between nine and seventeen hours."""
    found: list[Finding] = []
    received = submitted.received_at
    if received is None:
        found.append(
            finding(
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
                finding(
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
    return found


def _check_submitter(submitted: SubmittedList, name: str) -> list[Finding]:
    """H 3, I 2, I 5(e), (f): handed in in person by a voter who identified."""
    found: list[Finding] = []
    submitter = (
        (submitted.submitter_voter, "geen kiezer voor deze verkiezing", "not a voter here"),
        (submitted.submitter_in_person, "niet persoonlijk aanwezig", "not present in person"),
    )
    facts = [fact for fact, _, _ in submitter]
    if False in facts:
        what_nl = [nl for fact, nl, _ in submitter if fact is False]
        what_en = [en for fact, _, en in submitter if fact is False]
        found.append(
            finding(
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
            finding(
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
    return found + _check_identified(submitted, name)


def _check_identified(submitted: SubmittedList, name: str) -> list[Finding]:
    """I 2, I 5(f): the person handing in the list identified with a valid ID document."""
    found: list[Finding] = []
    if submitted.submitter_id_checked is False:
        found.append(
            finding(
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
            finding(
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
    if submitted.party_name not in register and corrected_name(submitted, register) is None:
        return [
            finding(
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
            finding(
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
                finding(
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
            finding(
                Code.DEPOSIT_MISSING,
                "H 12, I 5",
                Consequence.LIST_INVALID,
                submitted,
                f"Lijst {name}: de waarborgsom van EUR {euros} is niet betaald.",
                f"List {name}: the deposit of EUR {euros} has not been paid.",
            )
        )
    return found


def _repair_contact(lists: Sequence[SubmittedList]) -> list[Finding]:
    """H 5, I 2 (K26): the list names a person who may repair omissions."""
    found: list[Finding] = []
    for submitted in lists:
        if submitted.repair_contact_named is False:
            name = submitted.party_name or "blanco lijst"
            found.append(
                finding(
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
                finding(
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
            identities = tuple(identity(c) for c in submitted.candidates)
            groups[(submitted.party_name, identities)].append(submitted)
    found: list[Finding] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        keys = ", ".join(m.key for m in members)
        for submitted in members:
            found.append(
                finding(
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
