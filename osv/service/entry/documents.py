"""The documents of a finished session, as the municipality hands them over.

* the count file, EML 510b (:func:`~osv.service.entry.export.municipal_count`), named as the
  Kiesraad's software names it: ``Telling_<election>_gemeente_<municipality>.eml.xml``;
* the OSV4-3 table of the same numbers (docs/csv.md), with the names of the candidate lists;
* the process-verbaal (Na 31-2 or Na 14-2) when the PDF layer (``osv.pv``) is installed.

Each document is returned as (file name, bytes); the caller zips or writes them. The 510b's
integrity hash is the SHA-256 of exactly these bytes.
"""

from __future__ import annotations

import datetime as dt
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
    return [
        (count_file_name(eid, municipality), write_eml(document, schemas=schemas)),
        (default_file_name(eid, municipality), table.render()),
    ]
