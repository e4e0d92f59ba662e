"""Candidate lists and candidates, as the centraal stembureau publishes them (EML 230b).

A list (lijst) belongs to one contest: the whole election for a municipal council (contest
``geen``), or one electoral district (kieskring) for the Tweede Kamer and multi-district
provincial elections. Lists of one party in several districts form a lijstengroep or, if they are
identical, a stel gelijkluidende lijsten; each district's copy is still a separate
:class:`CandidateList` here, linked through ``type`` and ``belongs_to_set``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from osv.model.base import Frozen, Number, require_increasing

__all__ = [
    "Candidate",
    "CandidateList",
    "Contest",
    "Gender",
    "ListType",
    "PersonName",
]


class Gender(StrEnum):
    """A candidate's gender as published (EML ``Gender``)."""

    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class PersonName(Frozen):
    """A person's name as printed on the ballot: initials, optional first name and prefix.

    ``prefix`` is the Dutch tussenvoegsel ("van der"), kept apart from the last name because
    lists are sorted and addressed by the last name.
    """

    initials: str
    first_name: str | None = None
    prefix: str | None = None
    last_name: str

    @property
    def full(self) -> str:
        """The name as on the ballot: ``"H. van der Vaart (Hans)"``."""
        parts = [self.initials, self.prefix or "", self.last_name]
        text = " ".join(part for part in parts if part)
        return f"{text} ({self.first_name})" if self.first_name else text

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Key for alphabetical order: last name, then prefix, then initials (case-folded)."""
        return (self.last_name.casefold(), (self.prefix or "").casefold(), self.initials.casefold())


class Candidate(Frozen):
    """A candidate on a list.

    ``number`` is the position on the list (``CandidateIdentifier Id``). ``short_code`` is the
    key that identifies the candidate above district level (``ShortCode``, e.g. ``BakkerA``).
    The qualifying address is a locality, or a country code for candidates living abroad (or
    both, as some producers write the locality inside the country).
    """

    number: Number
    short_code: str | None = None
    name: PersonName
    gender: Gender | None = None
    locality: str | None = None
    country_code: str | None = None


class ListType(StrEnum):
    """How a list relates to the party's lists in other districts (EML ``Type``)."""

    GROUP = "lijstengroep"
    IDENTICAL_SET = "stel gelijkluidende lijsten"
    STANDALONE = "op zichzelf staande lijst"


class CandidateList(Frozen):
    """A candidate list (lijst): its number, registered name and candidates in list order.

    ``name`` is the registered party name (aanduiding); it is empty for a list without one
    (blanco lijst). ``candidates`` are strictly increasing by number and never empty.
    """

    number: Number
    name: str = ""
    type: ListType | None = None
    belongs_to_set: int | None = Field(default=None, ge=1)
    belongs_to_combination: str | None = None
    publication_language: str | None = None
    publish_gender: bool | None = None
    candidates: tuple[Candidate, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _candidates_increase(self) -> CandidateList:
        require_increasing(
            (c.number for c in self.candidates), f"candidate numbers on list {self.number}"
        )
        return self

    def candidate(self, number: int) -> Candidate | None:
        """The candidate at position ``number``, or ``None``."""
        for candidate in self.candidates:
            if candidate.number == number:
                return candidate
        return None


class Contest(Frozen):
    """The lists of one contest: the whole election (``geen``) or one district (its number)."""

    id: str
    name: str | None = None
    lists: tuple[CandidateList, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _lists_increase(self) -> Contest:
        require_increasing((lst.number for lst in self.lists), f"list numbers in contest {self.id}")
        return self

    def list(self, number: int) -> CandidateList | None:
        """The list with ``number``, or ``None``."""
        for candidate_list in self.lists:
            if candidate_list.number == number:
                return candidate_list
        return None
