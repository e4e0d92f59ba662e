"""What the examination's parts share: how a finding is made, who a candidate is, and which
registered name stands above a list."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from candidacy.findings import Code, Consequence, Finding
from candidacy.lists import PartyRegistration, SubmittedCandidate, SubmittedList

__all__ = [
    "corrected_name",
    "finding",
    "identity",
    "needs_support_and_deposit",
    "normalised",
    "registered_name",
]


def needs_support_and_deposit(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration]
) -> bool:
    """Whether a list needs support declarations (H 4) and a deposit (H 12).

    Needed for a blank list, a party name not registered, and a party that won no seat at the
    previous election of the same body (Kieswet art. H 4 paragraph 1, H 12 paragraph 1). A name
    corrected ex officio (I 8, K25) counts as the registered name it is corrected to.
    """
    registered = registered_name(submitted, register)
    registration = register.get(registered) if registered is not None else None
    return registration is None or registration.seats_last_time == 0


def finding(
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


def identity(candidate: SubmittedCandidate) -> tuple[str, str, str]:
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


def normalised(name: str) -> str:
    """A party name for comparison: case, accents and spacing removed (C02, C08)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def corrected_name(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration]
) -> str | None:
    """I 8: the one registered name the list's name differs from only by normalisation."""
    if not submitted.party_name or submitted.party_name in register:
        return None
    wanted = normalised(submitted.party_name)
    matches = sorted(n for n in register if normalised(n) == wanted)
    return matches[0] if len(matches) == 1 else None


def registered_name(
    submitted: SubmittedList, register: Mapping[str, PartyRegistration]
) -> str | None:
    if submitted.party_name in register:
        return submitted.party_name
    return corrected_name(submitted, register)
