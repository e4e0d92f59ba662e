"""A party's nomination: one candidate list as handed in, with the data that is never published.

On nomination day a party hands in its list (Model H 1, Kieswet chapter H) at the centraal
stembureau, usually also as an EML 210 file produced by the party's software. Unlike the
published lists (:mod:`osv.model.candidates`, EML 230b) a nomination has no list number yet
(numbering happens later, Kieswet I 9-I 11) and carries personal data the CSB needs for its
checks: dates of birth (H 7), national identification numbers (BSN, H 9), correspondence
addresses, the representative (gemachtigde) of a candidate living outside the European
Netherlands (H 10), and the submitter (inleveraar) with deputies who may repair omissions (H 5).

None of that personal data may ever be published (candidacy.md C27):
:meth:`NominatedCandidate.published` gives the public part as a plain :class:`Candidate`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from osv.model.base import Frozen, require_increasing
from osv.model.candidates import Candidate, ListType, PersonName

__all__ = [
    "DATE_OF_BIRTH_ANNEX_PATTERN",
    "Agent",
    "AgentRole",
    "ContestRef",
    "LivingAddress",
    "MailingAddress",
    "NominatedCandidate",
    "NominatedList",
    "Proposer",
    "ProposerRole",
]

#: ``kr:DateOfBirthAnnex``: a date of birth with unknown parts, e.g. ``XX-05-1976``, ``XX-XX-XXXX``.
DATE_OF_BIRTH_ANNEX_PATTERN = (
    r"^(XX-(XX|\d[1-9]|[1-9]0)-([1-9]\d{3}|\d[1-9]\d\d|\d\d[1-9]\d|\d{3}[1-9])|XX-XX-XXXX)$"
)


class MailingAddress(Frozen):
    """A postal address (EML ``Contact/MailingAddress``, an xAL locality, or country abroad).

    ``street`` is the free address line (street and house number), ``postal_code`` the
    ``xal:PostalCodeNumber``; ``country_code`` is set for an address outside the Netherlands.
    """

    street: str | None = None
    postal_code: str | None = None
    locality: str
    country_code: str | None = None


class LivingAddress(Frozen):
    """Where a person lives (``kr:LivingAddress``): a place, and a country code when abroad."""

    locality: str
    country_code: str | None = None


class AgentRole(StrEnum):
    """The article under which a representative is named (``Agent Role``)."""

    H10 = "H10"
    H10A = "H10a"


class Agent(Frozen):
    """The representative (gemachtigde) of a candidate living abroad (Kieswet H 10).

    The representative lives in the European Netherlands and receives the candidate's mail.
    """

    name: PersonName
    role: AgentRole | None = None
    mailing_address: MailingAddress | None = None
    living_address: LivingAddress


class NominatedCandidate(Candidate):
    """A candidate as nominated: the published fields plus the personal data of Model H 1.

    ``number`` is the position on the list as handed in. ``locality`` (the place of residence)
    is required. ``date_of_birth_annex`` replaces ``date_of_birth`` when day, month or year are
    unknown (``XX-05-1976``). ``national_id`` is the BSN. ``short_code`` does not exist in a
    nomination and is always ``None``.
    """

    date_of_birth: dt.date | None = None
    date_of_birth_annex: str | None = Field(default=None, pattern=DATE_OF_BIRTH_ANNEX_PATTERN)
    national_id: str | None = None
    mailing_address: MailingAddress | None = None
    agent: Agent | None = None

    @model_validator(mode="after")
    def _nomination_fields(self) -> NominatedCandidate:
        if self.locality is None:
            raise ValueError(f"candidate {self.number} has no place of residence")
        if self.short_code is not None:
            raise ValueError(f"candidate {self.number} has a short code; a nomination has none")
        if self.date_of_birth is not None and self.date_of_birth_annex is not None:
            raise ValueError(f"candidate {self.number} has two dates of birth")
        return self

    def published(self) -> Candidate:
        """The public part only: number, name, gender and place of residence (C27)."""
        return Candidate(
            number=self.number,
            name=self.name,
            gender=self.gender,
            locality=self.locality,
            country_code=self.country_code,
        )


class ContestRef(Frozen):
    """A contest (kieskring) a list is handed in for (``kr:ListData/kr:Contests/kr:Contest``)."""

    id: str
    name: str | None = None


class NominatedList(Frozen):
    """The list as handed in: registered name, kind, list data and candidates in list order.

    ``name`` is the aanduiding, empty for a list without one (blanco lijst). ``contests`` names
    the kieskringen the list is handed in for, when the party's software lists them.
    """

    name: str = ""
    type: ListType
    publish_gender: bool
    publication_language: str | None = None
    belongs_to_set: int | None = Field(default=None, ge=1)
    belongs_to_combination: str | None = None
    contests: tuple[ContestRef, ...] = ()
    candidates: tuple[NominatedCandidate, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _candidates_increase(self) -> NominatedList:
        require_increasing((c.number for c in self.candidates), "candidate numbers on the list")
        return self


class ProposerRole(StrEnum):
    """Who a proposer is (``Proposer/JobTitle``, Kieswet H 3 and H 5)."""

    SUBMITTER = "inleveraar"
    DEPUTY_SUBMITTER = "plaatsvervanger van de inleveraar"
    COMBINATION_AGENT = "gemachtigde voor het aangaan van lijstencombinaties"
    COMBINATION_DEPUTY = "plaatsvervanger voor het aangaan van lijstencombinaties"


class Proposer(Frozen):
    """The person handing in the list (inleveraar) or a deputy who may repair omissions (H 5).

    ``id`` numbers the deputies (the schema requires it for a deputy). Lijstencombinaties were
    abolished in 2017; the two roles for them are kept only to read older files.
    """

    name: PersonName
    mailing_address: MailingAddress
    role: ProposerRole
    id: str | None = None
    living_address: LivingAddress | None = None
