"""The EML_NL messages as typed documents: an envelope (header) around ``osv.model`` content.

One class per message type. Reading a file gives one of these; writing takes one. Reading what
OSV wrote gives an equal document (the round-trip property tested in ``tests/eml``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from osv.model import (
    Contest,
    ContestCount,
    ContestResult,
    ElectionDefinition,
    ElectionIdentifier,
    Frozen,
    NominatedList,
    PollingStation,
    Proposer,
)

__all__ = [
    "Authority",
    "CountingMethod",
    "Eml110a",
    "Eml110b",
    "Eml210",
    "Eml230b",
    "Eml510",
    "Eml520",
    "EmlDocument",
    "EmlHeader",
    "MessageType",
    "Phase",
]


class MessageType(StrEnum):
    """The EML ``Id`` of the messages OSV reads and writes."""

    ELECTION_DEFINITION = "110a"
    POLLING_STATIONS = "110b"
    NOMINATION = "210"
    CANDIDATE_LISTS = "230b"
    COUNT_POLLING_STATION = "510a"
    COUNT_MUNICIPALITY = "510b"
    COUNT_DISTRICT = "510c"
    COUNT_TOTAL = "510d"
    RESULT = "520"


class Authority(Frozen):
    """A managing authority or reporting unit: an Id (``CSB``, ``HSB1``, ``0668``) and a name."""

    id: str
    name: str | None = None


class EmlHeader(Frozen):
    """What every EML file carries before its content.

    ``canonicalization`` tells whether the file declares ``ds:CanonicalizationMethod`` (the
    Kiesraad's software does in 510 and 520 files). ``creation_date_time`` is the moment the data
    were fixed, without time zone as the Kiesraad writes it. ``created_by`` is
    ``kr:CreatedByAuthority``: who made the file on behalf of the managing authority (a party's
    software for a 210); it is only written inside a managing authority.
    """

    transaction_id: str = "1"
    managing_authority: Authority | None = None
    created_by: Authority | None = None
    issue_date: dt.date | None = None
    creation_date_time: dt.datetime | None = None
    canonicalization: bool = False
    schema_version: str | None = None

    @model_validator(mode="after")
    def _created_by_needs_an_authority(self) -> EmlHeader:
        if self.created_by is not None and self.managing_authority is None:
            raise ValueError("kr:CreatedByAuthority belongs inside a ManagingAuthority")
        return self


class Eml110a(Frozen):
    """Election definition (Verkiezingsdefinitie)."""

    message_type: Literal[MessageType.ELECTION_DEFINITION] = MessageType.ELECTION_DEFINITION
    header: EmlHeader
    election: ElectionDefinition


class Eml110b(Frozen):
    """Polling stations of one municipality (Stembureaus).

    ``reporting_unit`` is the municipality (CBS code and name). ``voting_method`` is ``SPV`` in
    valid files; some test files leave it empty, which is kept as ``None``.
    """

    message_type: Literal[MessageType.POLLING_STATIONS] = MessageType.POLLING_STATIONS
    header: EmlHeader
    identifier: ElectionIdentifier
    contest_id: str = "geen"
    reporting_unit: Authority
    voting_method: str | None = "SPV"
    max_votes: int | None = None
    contact_details: str | None = None
    election_site: str | None = None
    polling_stations: tuple[PollingStation, ...] = ()


class Eml210(Frozen):
    """A party's nomination (Kandidaatstelling): one list as handed in, with personal data.

    ``contest_id`` is the ``ContestIdentifier`` (``geen``, ``alle`` or a kieskring number) and
    ``contest_name`` its ``ContestName``. ``proposers`` are the submitter and the deputies (the
    schema requires at least two). The header always has an issue date and a creation time, and
    the identifier a nomination date (the 210 schema requires them).
    """

    message_type: Literal[MessageType.NOMINATION] = MessageType.NOMINATION
    header: EmlHeader
    identifier: ElectionIdentifier
    contest_id: str
    contest_name: str | None = None
    candidate_list: NominatedList
    proposers: tuple[Proposer, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _required_by_the_schema(self) -> Eml210:
        if self.header.issue_date is None or self.header.creation_date_time is None:
            raise ValueError("a nomination's header needs an issue date and a creation time")
        if self.identifier.nomination_date is None:
            raise ValueError("a nomination's election identifier needs a nomination date")
        return self


class Eml230b(Frozen):
    """Candidate lists (Kandidatenlijsten), per contest (the election, or one district)."""

    message_type: Literal[MessageType.CANDIDATE_LISTS] = MessageType.CANDIDATE_LISTS
    header: EmlHeader
    identifier: ElectionIdentifier
    list_date: dt.date | None = None
    contests: tuple[Contest, ...] = Field(min_length=1)


class CountingMethod(StrEnum):
    """How the candidate votes were counted (``kr:CountingMethod``)."""

    CENTRAL = "centrale stemopneming"
    DECENTRAL = "decentrale stemopneming"


class Phase(StrEnum):
    """Whether a count file is the first session's or a correction (``kr:Phase``)."""

    FIRST_SESSION = "eerste zitting"
    CORRIGENDUM = "corrigendum"


class Eml510(Frozen):
    """A count (Telling): 510a polling station, 510b municipality, 510c district, 510d total."""

    message_type: Literal[
        MessageType.COUNT_POLLING_STATION,
        MessageType.COUNT_MUNICIPALITY,
        MessageType.COUNT_DISTRICT,
        MessageType.COUNT_TOTAL,
    ]
    header: EmlHeader
    counting_method: CountingMethod | None = None
    phase: Phase | None = None
    identifier: ElectionIdentifier
    contests: tuple[ContestCount, ...] = Field(min_length=1)


class Eml520(Frozen):
    """The result (Resultaat): elected lists and candidates per contest."""

    message_type: Literal[MessageType.RESULT] = MessageType.RESULT
    header: EmlHeader
    identifier: ElectionIdentifier
    contests: tuple[ContestResult, ...] = Field(min_length=1)


#: Any document OSV reads or writes.
EmlDocument = Eml110a | Eml110b | Eml210 | Eml230b | Eml510 | Eml520
