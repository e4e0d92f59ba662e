"""Uploading the count files a principal or central polling station adds up.

The CSB of an election with one district (municipal council, water board, PS1) receives each
municipality's count (510b); the CSB of an election with several districts receives each
district's count (510c, from the HSBs) or the municipalities' 510b; an HSB receives the 510b of
the municipalities in its district (process.md §5). An upload is checked completely before it is
stored: it must be an EML file of the right type and of this election (and district), and it
must fit with the files already uploaded — the folder is read exactly as ``osv result`` reads
it, so two files of one municipality, or of two districts at one HSB, are refused. A refused
upload stores nothing and says why in one sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

from eml import SchemaSet, read_eml
from eml.documents import Eml510, MessageType
from eml.safe import Limits
from osv.errors import OSVError
from osv.service.result.counts import read_count_source
from osv.service.result.files import find_election_files
from osv.service.result.inputs import read_inputs
from osv.service.stage.common import (
    CSB,
    StageRefusedError,
    UowFactory,
    audit,
    district_of,
    is_multi_district,
    require_stage,
    working_folder,
)
from osv.store import UnitOfWork
from osv.store.records import utc_now
from osv.store.stages import StageFile

__all__ = ["remove_count", "upload_count"]

_TYPES = {
    MessageType.COUNT_MUNICIPALITY: "510b",
    MessageType.COUNT_DISTRICT: "510c",
}


def upload_count(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    file_name: str,
    data: bytes,
    actor: str,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> StageFile:
    """Check and keep one uploaded count file of the stage ``committee`` of ``eid``.

    :raises StageRefusedError: with a stable ``code`` (``not_a_count``, ``wrong_election``,
        ``wrong_district``, ``duplicate``, ``does_not_fit``) and one sentence; nothing stored.
    """
    name = _safe_name(file_name)
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        try:
            read = read_eml(data, source=name, schemas=schemas, limits=limits)
        except OSVError as error:
            raise StageRefusedError(
                f"{name} is not a readable EML file: {error}", "unreadable", name=name
            ) from None
        document = read.document
        allowed = _allowed(committee, is_multi_district(uow, eid))
        if not isinstance(document, Eml510) or document.message_type not in allowed:
            raise StageRefusedError(
                f"{name} is a {document.message_type.value} file; "
                f"{committee} takes {' or '.join(_TYPES[t] for t in allowed)} count files",
                "not_a_count",
                name=name,
                found=document.message_type.value,
                expected=" of ".join(_TYPES[t] for t in allowed),
            )
        found_eid = document.identifier.id
        if found_eid != eid:
            raise StageRefusedError(
                f"{name} is a count of election {found_eid}, not of {eid}",
                "wrong_election",
                name=name,
                found=found_eid,
                eid=eid,
            )
        district = district_of(committee)
        contests = [contest.contest_id for contest in document.contests]
        if district is not None and contests != [district]:
            raise StageRefusedError(
                f"{name} counts district {', '.join(contests)}, not district {district}",
                "wrong_district",
                name=name,
                found=", ".join(contests),
                district=district,
            )
        sha256 = read.digest.hex()
        for earlier in uow.stages.files(eid, committee, "input"):
            if earlier.sha256 == sha256 or earlier.file_name == name:
                raise StageRefusedError(
                    f"{name} was already uploaded (as {earlier.file_name})",
                    "duplicate",
                    name=name,
                    earlier=earlier.file_name,
                )
        with working_folder(uow, eid, committee, (name, data)) as folder:
            try:
                _read_like_result(folder, committee, schemas, limits)
            except OSVError as error:
                raise StageRefusedError(
                    f"{name} does not fit with the files already uploaded: {error}",
                    "does_not_fit",
                    name=name,
                    reason=str(error),
                ) from None
        authority = document.header.managing_authority
        code = authority.id if authority is not None else None
        if code is not None and code in _typed(uow, eid, committee):
            raise StageRefusedError(
                f"the totals of municipality {code} are open for entry at {committee}; "
                "its count cannot also be uploaded",
                "typed_already",
                name=name,
                municipality=code,
            )
        part = (
            contests[0]
            if document.message_type is MessageType.COUNT_DISTRICT
            else (authority.id if authority is not None else "?")
        )
        now = utc_now()
        uow.stages.add_file(
            eid,
            committee,
            "input",
            message_type=_TYPES[document.message_type],
            part=part,
            file_name=name,
            sha256=sha256,
            content=data,
            stored_at=now,
            stored_by=actor,
        )
        _stale(uow, eid, committee)
        audit(
            uow,
            actor,
            "stage.count_uploaded",
            eid,
            committee=committee,
            file=name,
            message_type=_TYPES[document.message_type],
            part=part,
            sha256=sha256,
        )
        stored = uow.stages.files(eid, committee, "input")[-1]
        uow.commit()
        return stored


def remove_count(
    uow_factory: UowFactory, eid: str, committee: str, file_id: int, actor: str
) -> None:
    """Remove an uploaded count file (a wrong one, or one replaced by a corrigendum).

    :raises StageRefusedError: when the stage has no such file.
    """
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        removed = uow.stages.remove_file(eid, committee, file_id)
        if removed is None or removed.role != "input":
            raise StageRefusedError(
                f"{committee} of {eid} has no uploaded file {file_id}", "unknown_file"
            )
        _stale(uow, eid, committee)
        audit(
            uow,
            actor,
            "stage.count_removed",
            eid,
            committee=committee,
            file=removed.file_name,
            sha256=removed.sha256,
        )
        uow.commit()


def _stale(uow: UnitOfWork, eid: str, committee: str) -> None:
    """Other counts make the last computation and its lot outcomes stale: remove them."""
    uow.stages.clear_outputs(eid, committee)
    uow.stages.clear_lots(eid, committee)


def _allowed(committee: str, multi_district: bool) -> tuple[MessageType, ...]:
    if committee == CSB and multi_district:
        return (MessageType.COUNT_MUNICIPALITY, MessageType.COUNT_DISTRICT)
    return (MessageType.COUNT_MUNICIPALITY,)


def _read_like_result(
    folder: Path, committee: str, schemas: SchemaSet | None, limits: Limits | None
) -> None:
    """Read the folder as the stage's computation will (its refusals are the upload's)."""
    if committee == CSB:
        read_inputs(folder, schemas=schemas, limits=limits)
        return
    files = find_election_files(folder, limits=limits)
    read_count_source(
        files.identifier,
        files.of(MessageType.COUNT_MUNICIPALITY),
        multi_district=True,
        schemas=schemas,
        limits=limits,
    )


def _safe_name(file_name: str) -> str:
    """The upload's file name without folders or unusual characters, ending in ``.xml``."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(file_name or "telling.xml").name) or "telling"
    return name if name.endswith(".xml") else f"{name}.xml"


def _typed(uow: UnitOfWork, eid: str, committee: str) -> set[str]:
    """The municipalities whose totals are open for double entry at the stage."""
    sessions = uow.entries.sessions(eid, committee)
    if not sessions:
        return set()
    return {source.key for source in uow.entries.sources(sessions[-1].id)}
