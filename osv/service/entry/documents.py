"""The documents of a finished session, as the municipality hands them over.

* the count file, EML 510b (:func:`~osv.service.entry.export.municipal_count`), named as the
  Kiesraad's software names it: ``Telling_<election>_gemeente_<municipality>.eml.xml``;
* the OSV4-3 table of the same numbers (docs/csv.md), with the names of the candidate lists;
* the process-verbaal: after the first session model Na 31-2; after a later session (the 510b
  is then a corrigendum) model Na 14-2, both carrying the 510b's hash and, under it, the last
  hash of OSV's audit log (:func:`osv.service.audit_log.audit_head`), with the Na 14-2's
  Bijlage 1 for each polling station whose counts changed (the CSB's reason printed) and model
  P 2a, the report of the later session with every investigation concluded in it.

:func:`station_annexes` renders the Na 31-2 Bijlage 1 of each polling station filled with its
entered counts (on request: one PDF per station).

Each document is returned as (file name, bytes); the caller zips or writes them. The 510b's
integrity hash is the SHA-256 of exactly these bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection

from eml import Eml510, SchemaSet
from eml.documents import Phase
from eml.write import write_eml
from osv.model import Contest
from osv.service.audit_log import audit_head
from osv.service.csv_osv43 import Heading, OSV43Table, area_name, default_file_name, station_of
from osv.service.entry.common import EntryRefusedError, UowFactory
from osv.service.entry.export import municipal_count

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
    assert contest_count.total is not None
    table.set_total(contest_count.total, "the total")
    count_bytes = write_eml(document, schemas=schemas)
    files = [
        (count_file_name(eid, municipality), count_bytes),
        (default_file_name(eid, municipality), table.render()),
    ]
    head = audit_head(uow_factory).hash
    if document.phase is Phase.CORRIGENDUM:
        return files + _later_session(uow_factory, document, count_bytes, contest, committee, head)
    from osv.pv import render_na31_2

    pv = render_na31_2(
        document, digest=hashlib.sha256(count_bytes).digest(), contest=contest, audit_head=head
    )
    return [*files, (f"Model_Na31-2_{eid}_gemeente_{_file_safe(municipality)}.pdf", pv)]


def _later_session(
    uow_factory: UowFactory,
    document: Eml510,
    count_bytes: bytes,
    contest: Contest,
    committee: str,
    head: str,
) -> list[tuple[str, bytes]]:
    """Na 14-2 with its Bijlagen 1, and P 2a of the latest session."""
    from osv.pv.p2a import InvestigatedStation, render_p2a
    from osv.service.pv_files import corrigendum_of

    eid = document.identifier.id
    with uow_factory() as uow:
        session = uow.entries.sessions(eid, committee)[-1]
        investigations = uow.entries.investigations(eid, committee)
        names = {s.number: s.name for s in uow.polling_stations.get(eid, committee)}
    reasons = {i.polling_station: i.reason for i in investigations}
    authority = document.header.managing_authority
    municipality = f"{committee} {(authority.name if authority else None) or ''}".strip()
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
            for i in investigations
            if i.concluded_in == session.number
        ],
        session=session.number,
        held=session.started_at.date(),
    )
    return [
        *corrigendum_of(document, count_bytes, contest, reasons, audit_head=head),
        (
            f"Model_P2a_{eid}_gemeente_{_file_safe(municipality)}_zitting_{session.number}.pdf",
            report,
        ),
    ]


def station_annexes(
    uow_factory: UowFactory, eid: str, committee: str, stations: Collection[int] = ()
) -> list[tuple[str, bytes]]:
    """Na 31-2 Bijlage 1 of each polling station (or of ``stations``), filled with the counts
    of its definitive entry in the finished sessions.

    :raises EntryRefusedError: no finished session, or no candidate lists stored.
    """
    from osv.service.pv_files import annexes_of

    document = municipal_count(uow_factory, eid, committee)
    contest_id = document.contests[0].contest_id
    with uow_factory() as uow:
        contest = uow.candidate_lists.get(eid, contest_id)
    if contest is None:
        raise EntryRefusedError(
            f"no candidate lists of contest {contest_id} stored",
            "no_contest_lists",
            contest=contest_id,
        )
    return annexes_of(document, contest, stations)


def _file_safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")
