"""The documents of a finished session, as the municipality hands them over.

* the count file, EML 510b (:func:`~osv.service.entry.export.municipal_count`), named as the
  Kiesraad's software names it: ``Telling_<election>_gemeente_<municipality>.eml.xml``;
* the OSV4-3 table of the same numbers (docs/csv.md), with the names of the candidate lists;
* the process-verbaal of the session's counting method (process.md §3; only those models):
  after the first session model Na 31-2 (central count) or Na 31-1 (decentral), carrying the
  510b's hash; after a later session (the 510b is then a corrigendum), for a central count
  model Na 14-2 with the 510b's hash and its Bijlage 1 for each polling station whose counts
  changed, for a decentral count model Na 14-1 version 2 for each polling station investigated
  in the session (the figures before and after, with the 510b's hash, where the counts changed),
  each with the CSB's reason printed; and model P 2a, the report of the later session with
  every investigation concluded in it.
  The Na 31-2 and Na 14-2 carry, under the 510b's hash, the last hash of OSV's audit log
  (:func:`osv.service.audit_log.audit_head`).

:func:`station_annexes` renders the Na 31-2 Bijlage 1 of each polling station filled with its
entered counts (on request: one PDF per station; a central count's only).

Each document is returned as (file name, bytes); the caller zips or writes them. The 510b's
integrity hash is the SHA-256 of exactly these bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection

from eml import Eml510, SchemaSet
from eml.documents import CountingMethod, Phase
from eml.write import write_eml
from osv.errors import InvariantError
from osv.model import Contest
from osv.service.audit_log import audit_head
from osv.service.entry.common import EntryRefusedError
from osv.service.entry.export import municipal_count
from osv.service.formats.csv_osv43 import (
    Heading,
    OSV43Table,
    area_name,
    default_file_name,
    station_of,
)
from osv.service.unit_of_work import UowFactory
from osv.store import Investigation

__all__ = ["count_file_name", "session_documents", "station_annexes"]


def count_file_name(eid: str, municipality: str) -> str:
    """``Telling_<election>_gemeente_<municipality>.eml.xml`` (spaces as underscores)."""
    return (
        f"Telling_{eid}_gemeente_{re.sub(r'[^0-9A-Za-z]+', '_', municipality).strip('_')}.eml.xml"
    )


def session_documents(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    *,
    schemas: SchemaSet | None = None,
    created: dt.datetime | None = None,
) -> list[tuple[str, bytes]]:
    """The 510b and the OSV4-3 table of a municipality's finished sessions.

    :param schemas: validate the 510b against the official schemas as it is written.
    :raises EntryRefusedError: no finished session, or no candidate lists stored.
    """
    document = municipal_count(uow_factory, eid, committee, created=created)
    authority = document.header.managing_authority
    municipality = (authority.name if authority else None) or committee
    contest_count = document.contests[0]
    with uow_factory() as uow:
        contest = uow.candidate_lists.get(eid, contest_count.contest_id)
    if contest is None:
        raise EntryRefusedError(
            f"no candidate lists of contest {contest_count.contest_id} stored",
            "no_contest_lists",
            contest=contest_count.contest_id,
        )
    identifier = document.identifier
    table = OSV43Table(
        Heading(
            election=identifier.name or "",
            date=identifier.election_date.isoformat(),
            area=area_name(municipality),
            number=committee,
        ),
        contest,
    )
    for unit in contest_count.reporting_units:
        table.add_station(station_of(unit.id, unit.name), unit.votes, f"reporting unit {unit.id}")
    if contest_count.total is None:
        raise InvariantError("the counted contest has no total")
    table.set_total(contest_count.total, "the total")
    count_bytes = write_eml(document, schemas=schemas)
    files = [
        (count_file_name(eid, municipality), count_bytes),
        (default_file_name(eid, municipality), table.render()),
    ]
    head = audit_head(uow_factory).hash
    if document.phase is Phase.CORRIGENDUM:
        return files + _later_session(uow_factory, document, count_bytes, contest, committee, head)
    from osv.pv import render_na31_1, render_na31_2

    digest = hashlib.sha256(count_bytes).digest()
    if document.counting_method is CountingMethod.DECENTRAL:
        pv = render_na31_1(document, digest=digest, contest=contest, audit_head=head)
        model = "Na31-1"
    else:
        pv = render_na31_2(document, digest=digest, contest=contest, audit_head=head)
        model = "Na31-2"
    return [*files, (f"Model_{model}_{eid}_gemeente_{_file_safe(municipality)}.pdf", pv)]


def _later_session(
    uow_factory: UowFactory,
    document: Eml510,
    count_bytes: bytes,
    contest: Contest,
    committee: str,
    head: str,
) -> list[tuple[str, bytes]]:
    """The corrigenda of the latest session (Na 14-2 with its Bijlagen 1, or Na 14-1 version 2
    per investigation) and its report P 2a."""
    from osv.pv.p2a import InvestigatedStation, render_p2a
    from osv.service.pv_files import corrigendum_of

    eid = document.identifier.id
    with uow_factory() as uow:
        session = uow.entries.sessions(eid, committee)[-1]
        investigations = uow.entries.investigations(eid, committee)
        names = {s.number: s.name for s in uow.polling_stations.get(eid, committee)}
    reasons = {i.polling_station: i.reason for i in investigations}
    concluded = [i for i in investigations if i.concluded_in == session.number]
    authority = document.header.managing_authority
    municipality = f"{committee} {(authority.name if authority else None) or ''}".strip()
    decentral = document.counting_method is CountingMethod.DECENTRAL
    report = render_p2a(
        document.identifier,
        municipality,
        [
            InvestigatedStation(
                number=i.polling_station,
                name=names.get(i.polling_station, ""),
                reason=i.reason,
                corrected=i.corrected_results,
            )
            for i in concluded
        ],
        session=session.number,
        held=session.started_at.date(),
        decentral=decentral,
        audit_head=head,
    )
    corrigenda = (
        _station_corrigenda(document, count_bytes, contest, concluded, municipality, head)
        if decentral
        else corrigendum_of(document, count_bytes, contest, reasons, audit_head=head)
    )
    return [
        *corrigenda,
        (
            f"Model_P2a_{eid}_gemeente_{_file_safe(municipality)}_zitting_{session.number}.pdf",
            report,
        ),
    ]


def _station_corrigenda(
    document: Eml510,
    count_bytes: bytes,
    contest: Contest,
    concluded: list[Investigation],
    municipality: str,
    head: str,
) -> list[tuple[str, bytes]]:
    """Na 14-1 version 2 of each investigation concluded in the session: with the station's
    figures before and after and the 510b's hash when it led to new counts, with the reason and
    "no corrected result" otherwise."""
    from osv.pv import render_na14_1_v2

    units = {u.id: u for u in document.contests[0].reporting_units}
    committee = document.header.managing_authority
    code = committee.id if committee else ""
    out = []
    for investigation in sorted(concluded, key=lambda i: i.polling_station):
        unit = units.get(f"{code}::SB{investigation.polling_station}")
        if unit is None:
            continue
        corrected = bool(investigation.corrected_results)
        pdf = render_na14_1_v2(
            document.identifier,
            municipality,
            unit,
            contest=contest,
            reason=investigation.reason,
            corrected=corrected,
            digest=hashlib.sha256(count_bytes).digest() if corrected else None,
            created=document.header.creation_date_time if corrected else None,
            audit_head=head,
        )
        name = f"Model_Na14-1_{document.identifier.id}_SB{investigation.polling_station}.pdf"
        out.append((name, pdf))
    return out


def station_annexes(
    uow_factory: UowFactory, eid: str, committee: str, stations: Collection[int] = ()
) -> list[tuple[str, bytes]]:
    """Na 31-2 Bijlage 1 of each polling station (or of ``stations``), filled with the counts
    of its definitive entry in the finished sessions.

    :raises EntryRefusedError: no finished session, no candidate lists stored, or a decentral
        count (its stations' reports are N 10-1).
    """
    from osv.service.pv_files import annexes_of

    document = municipal_count(uow_factory, eid, committee)
    if document.counting_method is CountingMethod.DECENTRAL:
        raise EntryRefusedError(
            f"{committee} counts decentrally: its polling stations report on model N 10-1, "
            "there is no Na 31-2 Bijlage 1",
            "other_method",
            committee=committee,
        )
    contest_id = document.contests[0].contest_id
    with uow_factory() as uow:
        contest = uow.candidate_lists.get(eid, contest_id)
    if contest is None:
        raise EntryRefusedError(
            f"no candidate lists of contest {contest_id} stored",
            "no_contest_lists",
            contest=contest_id,
        )
    return annexes_of(document, contest, stations, audit_head=audit_head(uow_factory).hash)


def _file_safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")
