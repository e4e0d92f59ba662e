"""Uploading the count files a principal or central polling station adds up.

The CSB of an election with one district (municipal council, water board, PS1) receives each
municipality's count (510b); the CSB of an election with several districts receives each
district's count (510c, from the HSBs) or the municipalities' 510b; an HSB receives the 510b of
the municipalities in its district (process.md §5). An upload is checked completely before it is
stored: it must be an EML file of the right type and of this election (and district), and it
must fit with the files already uploaded — the folder is read exactly as ``osv result`` reads
it, so two files of one municipality, or of two districts at one HSB, are refused. A refused
upload stores nothing and says why in one sentence.

Each step imports the previous step's EML file and checks its integrity hash against the paper
report (process.md §2, eml-nl.md §8): the web interface first checks the file
(:func:`check_count`, nothing stored) and shows its hash with two groups hidden; the
coordinator types those groups from the paper Na 31-2 (510b) or O 3 (510c), and
:func:`upload_count` stores the file only when they match. ``osv result`` reads a folder and
has no paper to compare with; it does not use this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eml import SchemaSet, read_eml
from eml.documents import Eml510, EmlDocument, MessageType
from eml.hash import masked
from eml.safe import Limits
from osv.errors import OSVError
from osv.service.errors import HashMismatchError
from osv.service.hash_checks import HashCheck, HashOutcome, check_hash
from osv.service.result.counts import read_count_source
from osv.service.result.files import find_election_files
from osv.service.result.inputs import read_inputs
from osv.service.result.stored.common import (
    CSB,
    StageRefusedError,
    audit,
    district_of,
    is_multi_district,
    require_stage,
)
from osv.service.result.stored.folder import working_folder
from osv.service.unit_of_work import UowFactory
from osv.store import UnitOfWork
from osv.store.records import utc_now
from osv.store.stages import StageFile

__all__ = ["CheckedCount", "check_count", "remove_count", "upload_count"]

_TYPES = {
    MessageType.COUNT_MUNICIPALITY: "510b",
    MessageType.COUNT_DISTRICT: "510c",
}


@dataclass(frozen=True)
class CheckedCount:
    """An uploaded count file that passed every check, not stored yet.

    :param message_type: ``510b`` or ``510c``.
    :param part: the municipality's CBS code (510b) or the district number (510c).
    :param part_name: the municipality's name as the file gives it (``None`` for a 510c).
    :param sha256: the file's SHA-256 (hex).
    :param masked_hash: the hash as printed, with the two groups to type hidden
        (:func:`eml.hash.masked`).
    """

    file_name: str
    message_type: str
    part: str
    part_name: str | None
    sha256: str
    masked_hash: str


@dataclass(frozen=True)
class _Checked:
    count: CheckedCount
    digest: bytes
    canonicalization: bool
    document: Eml510


def check_count(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    file_name: str,
    data: bytes,
    *,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> CheckedCount:
    """Check an uploaded count file of the stage ``committee`` of ``eid`` without storing it.

    The first step of an upload in the web interface: the coordinator is then shown the
    file's hash with two groups hidden and types them from the paper report, and
    :func:`upload_count` checks everything again, with those groups, and stores the file.

    :raises StageRefusedError: as :func:`upload_count`, except ``hash_mismatch``.
    """
    with uow_factory() as uow:
        return _check(uow, eid, committee, _safe_name(file_name), data, schemas, limits).count


def upload_count(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    file_name: str,
    data: bytes,
    actor: str,
    *,
    typed: tuple[str, str],
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> StageFile:
    """Check and keep one uploaded count file of the stage ``committee`` of ``eid``.

    The file is tied to its paper report (Na 31-2 for a 510b, O 3 for a 510c) by its
    integrity hash (eml-nl.md §8): ``typed`` are the two hidden groups of the hash
    (:func:`eml.hash.hidden_groups`) as the coordinator typed them from the paper. The file is
    stored only when they match, with a ``stage.count_uploaded`` audit event that records the
    check, in one transaction.

    :raises StageRefusedError: with a stable ``code`` (``not_a_count``, ``wrong_election``,
        ``wrong_district``, ``duplicate``, ``does_not_fit``, ``typed_already``,
        ``hash_mismatch``) and one sentence; nothing stored.
    """
    name = _safe_name(file_name)
    with uow_factory() as uow:
        checked = _check(uow, eid, committee, name, data, schemas, limits)
        count = checked.count
        outcome = _verify_hash(checked, data, typed)
        uow.stages.add_file(
            eid,
            committee,
            "input",
            message_type=count.message_type,
            part=count.part,
            file_name=name,
            sha256=count.sha256,
            content=data,
            stored_at=utc_now(),
            stored_by=actor,
        )
        _stale(uow, eid, committee)
        where = "district" if count.message_type == "510c" else "municipality"
        audit(
            uow,
            actor,
            "stage.count_uploaded",
            eid,
            committee=committee,
            file=name,
            message_type=count.message_type,
            part=count.part,
            **{where: count.part, f"{where}_name": count.part_name},
            sha256=count.sha256,
            hash_check=outcome.method,
            digest_matched=outcome.digest,
        )
        stored = uow.stages.files(eid, committee, "input")[-1]
        uow.commit()
        return stored


def _verify_hash(checked: _Checked, data: bytes, typed: tuple[str, str]) -> HashOutcome:
    """Compare the groups typed from the paper report with the file's hash.

    :raises StageRefusedError: ``hash_mismatch``.
    """
    count = checked.count
    name = count.file_name
    try:
        return check_hash(
            Path(name),
            MessageType.COUNT_DISTRICT
            if count.message_type == "510c"
            else MessageType.COUNT_MUNICIPALITY,
            checked.digest,
            data,
            checked.canonicalization,
            HashCheck(confirm=lambda _path, _masked: typed),
            {},
        )
    except HashMismatchError:
        raise StageRefusedError(
            f"the typed groups differ from the hidden groups of the hash of {name}, so it "
            "may not be the file of the paper report",
            "hash_mismatch",
            name=name,
            message_type=count.message_type,
            part=count.part,
            part_name=count.part_name,
        ) from None


def _check_kind(
    uow: UnitOfWork, eid: str, committee: str, name: str, document: EmlDocument
) -> tuple[Eml510, list[str]]:
    """That ``document`` is a count the stage takes, of its election and district; the count
    and its contests."""
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
    return document, contests


def _check_fits(
    uow: UnitOfWork,
    eid: str,
    committee: str,
    name: str,
    data: bytes,
    sha256: str,
    schemas: SchemaSet | None,
    limits: Limits | None,
) -> None:
    """That the file is new to the stage and is read with the others as ``osv result`` reads
    them."""
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


def _check(
    uow: UnitOfWork,
    eid: str,
    committee: str,
    name: str,
    data: bytes,
    schemas: SchemaSet | None,
    limits: Limits | None,
    *,
    first_entry: bool = False,
) -> _Checked:
    """Every check of an upload that needs no paper; refuse with a sentence, store nothing.

    With ``first_entry`` the file is to become the first entry of its municipality's totals
    (:mod:`.firstentry`): it must be a municipality's 510b of a municipality the stage adds
    up, whose count was not uploaded.
    """
    require_stage(uow, eid, committee)
    try:
        read = read_eml(data, source=name, schemas=schemas, limits=limits)
    except OSVError as error:
        raise StageRefusedError(
            f"{name} is not a readable EML file: {error}",
            "unreadable",
            name=name,
            reason=str(error),
        ) from None
    document, contests = _check_kind(uow, eid, committee, name, read.document)
    if first_entry:
        _check_municipality(uow, eid, committee, name, document)
    sha256 = read.digest.hex()
    _check_fits(uow, eid, committee, name, data, sha256, schemas, limits)
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
    district_count = document.message_type is MessageType.COUNT_DISTRICT
    part = contests[0] if district_count else (code or "?")
    return _Checked(
        CheckedCount(
            file_name=name,
            message_type=_TYPES[document.message_type],
            part=part,
            part_name=None if district_count or authority is None else authority.name,
            sha256=sha256,
            masked_hash=masked(read.digest),
        ),
        read.digest,
        document.header.canonicalization,
        document,
    )


def _check_municipality(
    uow: UnitOfWork, eid: str, committee: str, name: str, document: Eml510
) -> None:
    """Refuse a file that cannot be a first entry of a municipality's totals at the stage."""
    from osv.service.result.stored.totals import municipalities  # (totals imports this package)

    if document.message_type is not MessageType.COUNT_MUNICIPALITY:
        raise StageRefusedError(
            f"{name} is a {document.message_type.value} file; only a municipality's 510b can "
            "be a first entry",
            "not_a_count",
            name=name,
            found=document.message_type.value,
            expected="510b",
        )
    authority = document.header.managing_authority
    code = authority.id if authority is not None else None
    if code is None or code not in dict(municipalities(uow, eid, committee)):
        raise StageRefusedError(
            f"{name} is the count of municipality {code}, which {committee} of {eid} does not "
            "add up",
            "unknown_municipality",
            name=name,
            municipality=code,
        )
    if any(f.part == code for f in uow.stages.files(eid, committee, "input")):
        raise StageRefusedError(
            f"the count of municipality {code} was uploaded; it cannot also be a first entry",
            "uploaded_already",
            name=name,
            municipality=code,
        )
    if code in _typed(uow, eid, committee):
        raise StageRefusedError(
            f"the totals of municipality {code} are open for entry at {committee} already",
            "open_already",
            name=name,
            municipality=code,
        )


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
