"""What the HSB and CSB stage use cases share: naming a stage, refusals, the working folder.

A stage is the work of one principal polling station (``HSB<n>``, district ``n`` of an election
with several districts: Tweede Kamer, PS2) or of the central polling station (``CSB``) of an
election stored in the database. Its computation is the one of ``osv result`` (docs/result.md),
which works on a folder of EML files: :func:`working_folder` writes that folder from the store —
the election definition (110a) and candidate lists (230b) as stored, written again by
:func:`eml.write_eml`, and the stage's uploaded count files byte for byte.

The store keeps the definition and the lists, not the files they came from, so their headers
are written anew: ``IssueDate`` and ``kr:CreationDateTime`` (which the official schemas
require) are the moment the file was imported, as its import record has it. The same stored
data therefore always give the same bytes, and the hashes in a stage's report stay the same
from one computation to the next.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eml import write_eml
from eml.documents import Authority, Eml110a, Eml230b, EmlHeader
from osv.errors import InvariantError
from osv.model import ElectionDefinition
from osv.service.errors import ServiceError
from osv.store import AuditEvent, UnitOfWork
from osv.store.records import ImportedFile

__all__ = [
    "CSB",
    "StageRefusedError",
    "UowFactory",
    "audit",
    "district_of",
    "eml_moment",
    "is_multi_district",
    "require_stage",
    "working_folder",
]

UowFactory = Callable[[], UnitOfWork]

#: The committee name of the central polling station's stage.
CSB = "CSB"


class StageRefusedError(ServiceError):
    """An action on an HSB or CSB stage was refused; nothing was stored.

    :param code: a stable key the web interface translates (``wrong_election``, ...).
    :param details: the values the sentence names, for the translation.
    """

    def __init__(self, message: str, code: str = "refused", **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.details = details


def district_of(committee: str) -> str | None:
    """The district number of an HSB stage (``HSB3`` → ``3``); ``None`` for the CSB."""
    if committee.startswith("HSB") and committee[3:].isdigit():
        return committee[3:]
    return None


def is_multi_district(uow: UnitOfWork, eid: str) -> bool:
    """Whether the election has several districts (an HSB stage per district)."""
    return len(uow.elections.contests(eid)) > 1


def require_stage(uow: UnitOfWork, eid: str, committee: str) -> None:
    """Refuse an unknown election, or a stage the election does not have.

    Elections with one district have no HSB stage (Kieswet O 3(4): the HSB's report is part of
    the CSB's); those with several have one HSB per district.
    """
    if uow.elections.get(eid) is None:
        raise StageRefusedError(f"no election {eid} is stored", "unknown_election", eid=eid)
    if committee == CSB:
        return
    district = district_of(committee)
    contests = {c.contest_id for c in uow.elections.contests(eid)}
    if district is None or len(contests) < 2 or district not in contests:
        raise StageRefusedError(
            f"{eid} has no principal polling station {committee}", "unknown_stage", eid=eid
        )


def audit(uow: UnitOfWork, actor: str, event: str, eid: str, **data: Any) -> None:
    """Append an event to the audit log, in the action's transaction."""
    uow.audit.append(AuditEvent(event=event, actor=actor, election=eid, data=data))


@contextlib.contextmanager
def working_folder(
    uow: UnitOfWork, eid: str, committee: str, extra: tuple[str, bytes] | None = None
) -> Iterator[Path]:
    """A temporary folder with the stage's files as ``osv result`` reads them.

    Both have the election definition (110a), which names the units the stage must have a
    count of: an HSB the municipalities of its kieskring, the CSB every kieskring or
    municipality (``osv result`` refuses to compute without all of them). The CSB's folder also
    has every stored 230b. Then the uploaded counts, and the municipalities' totals typed in
    twice and definitive (:func:`osv.service.stage.totals.entered_counts`). ``extra`` is a
    file being uploaded, checked with the others before it is stored. The folder is removed
    afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="osv-stage-") as name:
        folder = Path(name) / "in"
        folder.mkdir()
        definition = uow.elections.get(eid)
        if definition is None:
            raise InvariantError("the election of a stage is not stored")
        domain = definition.identifier.domain
        authority = Authority(id=CSB, name=domain.name if domain else None)
        imported = {f.message_type: f for f in uow.files.for_election(eid)}
        defined = _header(authority, imported.get("110a"), definition)
        (folder / f"Verkiezingsdefinitie_{eid}.eml.xml").write_bytes(
            write_eml(Eml110a(header=defined, election=definition))
        )
        if committee == CSB:
            sources = uow.candidate_lists.sources(eid)
            contests = [
                contest
                for stored in uow.elections.contests(eid)
                if (contest := uow.candidate_lists.get(eid, stored.contest_id)) is not None
            ]
            for contest in contests:
                suffix = "" if len(contests) == 1 else f"_kieskring_{contest.id}"
                header = _header(
                    authority, sources.get(contest.id) or imported.get("110a"), definition
                )
                (folder / f"Kandidatenlijsten_{eid}{suffix}.eml.xml").write_bytes(
                    write_eml(
                        Eml230b(
                            header=header, identifier=definition.identifier, contests=(contest,)
                        )
                    )
                )
        for stored_file in uow.stages.files(eid, committee, "input"):
            (folder / stored_file.file_name).write_bytes(stored_file.content)
        from osv.service.stage.totals import entered_counts  # (totals imports this module)

        for name, data in entered_counts(uow, eid, committee):
            (folder / name).write_bytes(data)
        if extra is not None:
            (folder / extra[0]).write_bytes(extra[1])
        yield folder


def eml_moment(at: dt.datetime) -> dt.datetime:
    """A stored moment as ``kr:CreationDateTime`` carries it: UTC without a time zone, to the
    second (as the stage's computation dates its files)."""
    return at.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)


def _header(
    authority: Authority, record: ImportedFile | None, definition: ElectionDefinition
) -> EmlHeader:
    """The header of a stored 110a or 230b written again: dated when its file was imported.

    Without an import record (data stored by other means) the date is the election's nomination
    date, or its election date, at midnight: fixed, so the bytes stay the same.
    """
    if record is not None:
        moment = eml_moment(record.imported_at)
    else:
        identifier = definition.identifier
        day = identifier.nomination_date or identifier.election_date
        moment = dt.datetime.combine(day, dt.time())
    return EmlHeader(
        managing_authority=authority, issue_date=moment.date(), creation_date_time=moment
    )
