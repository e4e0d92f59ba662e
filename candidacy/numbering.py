"""Numbering of the accepted lists (Kieswet art. I 16 [to verify: I 9 to I 11 in older texts]).

1. Lists of parties that won one or more seats at the previous election of the same body come
   first, ordered by the votes they received then, most first.
2. The other lists follow; for an election in several districts first by the number of districts
   the list is valid in (most first). The order among the rest is decided by lot.
3. All lists under one party name get one number (a set of identical lists, a lijstengroep); a
   blank list is numbered on its own.

Ties (equal previous votes, or the lot among the other lists) are settled by lot drawn by people
in the public session. The software never draws: :func:`number_lists` returns
:class:`LotsRequired` naming every group that needs a lot, until the caller supplies each
outcome as a :class:`LotOutcome`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from pydantic import model_validator

from candidacy.lists import PartyRegistration, SubmittedList
from osv.model.base import Frozen

__all__ = [
    "LotOutcome",
    "LotReason",
    "LotRequired",
    "LotsRequired",
    "Numbered",
    "number_lists",
    "numbering_key",
]


class LotReason(StrEnum):
    """Why a lot is needed."""

    EQUAL_PREVIOUS_VOTES = "equal_previous_votes"
    OTHER_LISTS = "other_lists"


class LotOutcome(Frozen):
    """The order a lot drawn in the public session gave to a group of lists (by numbering key)."""

    order: tuple[str, ...]

    @model_validator(mode="after")
    def _distinct(self) -> LotOutcome:
        if len(set(self.order)) != len(self.order):
            raise ValueError("a lot outcome names each list once")
        return self


class LotRequired(Frozen):
    """One lot the CSB has to draw: the order among ``among`` (numbering keys, sorted)."""

    reason: LotReason
    among: tuple[str, ...]
    first_number: int


class LotsRequired(Frozen):
    """The lists cannot be numbered until these lots are drawn."""

    lots: tuple[LotRequired, ...]


class Numbered(Frozen):
    """The list number of each numbering key (party name, or a blank list's key)."""

    numbers: dict[str, int]

    def number(self, submitted: SubmittedList) -> int:
        """The number of ``submitted``."""
        return self.numbers[numbering_key(submitted)]


def numbering_key(submitted: SubmittedList) -> str:
    """What gets one number: the party name, or the submission key of a blank list."""
    return submitted.party_name or f"blanco:{submitted.key}"


def number_lists(
    accepted: Sequence[SubmittedList],
    register: Mapping[str, PartyRegistration],
    lots: Sequence[LotOutcome] = (),
) -> Numbered | LotsRequired:
    """Number the accepted lists (see the module docstring), or say which lots are required.

    :param accepted: the lists declared valid (:func:`candidacy.decisions.apply_decisions`).
    :param register: party names with their previous seats and votes.
    :param lots: outcomes of the lots drawn so far; an outcome fits a group when it names
        exactly the lists of that group.
    """
    districts: dict[str, set[str]] = {}
    for submitted in accepted:
        districts.setdefault(numbering_key(submitted), set()).update(submitted.districts)
    with_seats: list[tuple[int, str]] = []
    others: list[tuple[int, str]] = []
    for key, valid_in in districts.items():
        registration = register.get(key)
        if registration is not None and registration.seats_last_time > 0:
            with_seats.append((registration.votes_last_time, key))
        else:
            others.append((len(valid_in), key))
    order: list[str] = []
    required: list[LotRequired] = []
    for reason, group in (
        (LotReason.EQUAL_PREVIOUS_VOTES, with_seats),
        (LotReason.OTHER_LISTS, others),
    ):
        # I 16: most votes (or most districts) first; equals are ordered by lot.
        for value in sorted({v for v, _ in group}, reverse=True):
            tied = sorted(key for v, key in group if v == value)
            if len(tied) == 1:
                order += tied
                continue
            outcome = _fitting(lots, tied)
            if outcome is None:
                required.append(
                    LotRequired(reason=reason, among=tuple(tied), first_number=len(order) + 1)
                )
                order += tied
            else:
                order += outcome.order
    if required:
        return LotsRequired(lots=tuple(required))
    return Numbered(numbers={key: number for number, key in enumerate(order, start=1)})


def _fitting(lots: Sequence[LotOutcome], tied: list[str]) -> LotOutcome | None:
    for outcome in lots:
        if sorted(outcome.order) == tied:
            return outcome
    return None
