"""What a party hands in on nomination day (Kieswet chapter H), as plain frozen data.

A :class:`SubmittedList` is one Model H 1: the party name (aanduiding) above it, the electoral
districts (kieskringen) it is handed in for, and its candidates in list order with the personal
data the form asks for. The documents that go with it are recorded as facts the central polling
station (CSB) establishes when it examines them: which candidates handed in a consent (H 9),
how many valid support declarations (H 4) there are per district, whether the deposit (H 12) was
paid and whether the party's representative authorised the use of the name (H 3).

Personal data (date of birth, BSN, addresses) are kept here because the CSB needs them for its
checks; they are never published (:mod:`candidacy.publication` writes only published fields).
Their ``repr`` is hidden so they cannot end up in a log or an error message by accident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pydantic import Field

from osv.model import Gender, ListType, PersonName
from osv.model.base import Frozen

__all__ = [
    "Agent",
    "PartyRegistration",
    "SubmittedCandidate",
    "SubmittedList",
    "SupportDeclaration",
]


class PartyRegistration(Frozen):
    """A registered party name (aanduiding) in the register of Kieswet chapter G.

    ``seats_last_time`` and ``votes_last_time`` are the party's result at the previous election of
    the same body: they decide whether it needs support declarations and a deposit (H 4, H 12),
    whether it may hand in 80 candidates (H 6) and where its lists are numbered (I 9).
    """

    name: str = Field(min_length=1)
    seats_last_time: int = Field(default=0, ge=0)
    votes_last_time: int = Field(default=0, ge=0)
    #: Optional (K22): the day the registration request was received (G 1 to G 3).
    requested_on: dt.date | None = None


class Agent(Frozen):
    """The gemachtigde of a candidate living outside the European Netherlands (H 10)."""

    name: PersonName
    locality: str | None = Field(default=None, repr=False)


class SubmittedCandidate(Frozen):
    """A candidate as on Model H 1, with the data the CSB checks but never publishes.

    ``locality`` is the place of residence (woonplaats); ``country_code`` is set for a candidate
    living abroad (ISO 3166 alpha-2). ``consent`` records whether the H 9 was handed in.

    ``outside_area`` is set by the CSB when the place of residence lies outside the
    municipality, province or water board (a candidate abroad is outside it anyway);
    ``residence_declaration`` records the declaration of intended residence (H 7) handed in
    for such a candidate. ``already_member`` is set for a sitting member of the council; for
    the others ``id_copy`` records whether a copy of a valid ID document was handed in (GR,
    H 9), ``None`` when the CSB has not recorded it.
    """

    name: PersonName
    gender: Gender | None = None
    locality: str | None = None
    country_code: str | None = None
    date_of_birth: dt.date | None = Field(default=None, repr=False)
    bsn: str | None = Field(default=None, repr=False)
    agent: Agent | None = Field(default=None, repr=False)
    consent: bool = True
    outside_area: bool = False
    residence_declaration: bool = False
    already_member: bool = False
    id_copy: bool | None = None

    @property
    def abroad(self) -> bool:
        """Whether the candidate lives outside the Netherlands (a country other than NL)."""
        return self.country_code is not None and self.country_code.upper() != "NL"


class SupportDeclaration(Frozen):
    """One support declaration (Model H 4) as the CSB records it (optional input, K27).

    ``signer`` identifies the voter who signed (e.g. a BSN or name and date of birth): personal
    data, used only to detect one signer supporting two lists, hidden from ``repr`` and never in a
    finding. ``registered_in_district`` records whether the signer is registered as a voter in
    ``district`` on the day of registration of candidates (checked against the BRP by the
    municipality).
    """

    district: str = Field(min_length=1)
    signer: str = Field(min_length=1, repr=False)
    registered_in_district: bool = True


class SubmittedList(Frozen):
    """One Model H 1 and the CSB's record of the documents handed in with it.

    ``key`` identifies the submission before it has a number (e.g. the order of receipt).
    ``party_name`` is empty for a list without an aanduiding (blanco lijst).
    ``districts`` are the contest ids it is handed in for: ``("geen",)`` for a municipal election,
    kieskring numbers otherwise. ``support`` maps a district to the number of valid support
    declarations (H 4) handed in for it; ``deposit_paid`` and ``name_authorised`` (H 3-1) are
    ``True`` when the proof was handed in. ``publish_gender``, ``publication_language``,
    ``list_type`` and ``belongs_to_set`` are published as they are in the 230b (the type is
    derived at publication when it is ``None``).

    The CSB records the hand-in (H 1, I 5): ``received_at`` is the time of receipt in local
    wall-clock time at the CSB (no time zone); ``submitter_voter`` whether the person who handed
    it in is a voter for this election, ``submitter_in_person`` whether they handed it in in
    person and ``submitter_id_checked`` whether they identified themselves with a valid ID
    document (Wet op de identificatieplicht, art. 1). ``None`` means not recorded (older inputs):
    the checks report that as a warning rather than passing it silently.
    """

    key: str = Field(min_length=1)
    party_name: str = ""
    districts: tuple[str, ...] = ()
    candidates: tuple[SubmittedCandidate, ...] = ()
    name_authorised: bool = True
    deposit_paid: bool = False
    support: Mapping[str, int] = Field(default_factory=dict)
    publish_gender: bool = True
    publication_language: str | None = "nl"
    list_type: ListType | None = None
    belongs_to_set: int | None = Field(default=None, ge=1)
    received_at: dt.datetime | None = None
    submitter_voter: bool | None = None
    submitter_in_person: bool | None = None
    submitter_id_checked: bool | None = None
    #: Optional (K26): whether the list names a person who may repair omissions (H 5); ``None``
    #: when not recorded (no check).
    repair_contact_named: bool | None = None
    #: Optional (K27): the individual support declarations; when given, K11 counts the valid
    #: ones per district instead of ``support``.
    support_declarations: tuple[SupportDeclaration, ...] = ()

    def __hash__(self) -> int:  # Mapping fields are not hashable; key identifies a submission
        return hash(self.key)
