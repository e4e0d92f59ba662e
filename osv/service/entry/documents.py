"""The documents of a finished session, as the municipality hands them over.

* the count file, EML 510b (:func:`~osv.service.entry.export.municipal_count`), named as the
  Kiesraad's software names it: ``Telling_<election>_gemeente_<municipality>.eml.xml``;
* the OSV4-3 table of the same numbers (docs/csv.md), with the names of the candidate lists;
* the process-verbaal, model Na 31-2, carrying the 510b's hash (after a later session the
  corrections model Na 14-2 is not rendered yet: the Na 31-2 then shows the corrected numbers).

Each document is returned as (file name, bytes); the caller zips or writes them. The 510b's
integrity hash is the SHA-256 of exactly these bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from eml import SchemaSet
from eml.write import write_eml
from osv.service.csv_osv43 import Heading, OSV43Table, area_name, default_file_name, station_of
from osv.service.entry.common import EntryRefusedError, UowFactory
from osv.service.entry.export import municipal_count

__all__ = ["count_file_name", "session_documents"]


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
        raise EntryRefusedError(f"no candidate lists of contest {contest_count.contest_id} stored")
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
    from osv.pv import render_na31_2

    pv = render_na31_2(document, digest=hashlib.sha256(count_bytes).digest(), contest=contest)
    return [
        (count_file_name(eid, municipality), count_bytes),
        (default_file_name(eid, municipality), table.render()),
        (f"Model_Na31-2_{eid}_gemeente_{_file_safe(municipality)}.pdf", pv),
    ]


def _file_safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")
