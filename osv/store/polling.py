"""Polling stations of one municipality (EML 110b), stored and read back.

A municipality sends one list of its polling stations per election; the stations are stored
together, keyed by the municipality's CBS code (the 110b reporting unit) and their number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from osv.model import Location, PollingStation, PollingStationType
from osv.store.content import station_key
from osv.store.records import ImportedFile
from osv.store.repository import Repository
from osv.store.rows import PollingStationRow

__all__ = ["PollingStationRepository"]


class PollingStationRepository(Repository):
    """The polling stations of each municipality of each election."""

    def add(
        self,
        eid: str,
        municipality_code: str,
        municipality_name: str | None,
        stations: Sequence[PollingStation],
        *,
        source_sha256: str | None = None,
    ) -> None:
        """Store the polling stations of one municipality for election ``eid``.

        :raises IntegrityViolationError: (at flush) when a station number is stored already.
        """
        election = self._require_election(eid)
        source = self._source_key(election, source_sha256)
        rows: list[dict[str, Any]] = [
            {
                "election_id": election,
                "source_file_id": source,
                "municipality_code": municipality_code,
                "municipality_name": municipality_name,
                "number": station.number,
                "name": station.name,
                "postal_code": station.postal_code,
                "type": station.type.value if station.type else None,
                "number_of_voters": station.number_of_voters,
                "shared_location": station.shared_location,
                "channel": station.channel,
                "locations": [location.model_dump(mode="json") for location in station.locations],
            }
            for station in stations
        ]
        self._bulk_insert(PollingStationRow, rows)
        if source is None:
            for station in stations:
                self.changes.touch(station_key(eid, municipality_code, station.number))

    def get(self, eid: str, municipality_code: str) -> tuple[PollingStation, ...]:
        """The stored stations of one municipality, by number (empty when none are stored)."""
        election = self._election_key(eid)
        if election is None:
            return ()
        rows = self.session.scalars(
            select(PollingStationRow)
            .where(
                PollingStationRow.election_id == election,
                PollingStationRow.municipality_code == municipality_code,
            )
            .order_by(PollingStationRow.number)
        )
        return tuple(_station(row) for row in rows)

    def sources(self, eid: str) -> dict[str, ImportedFile | None]:
        """For each municipality of ``eid`` with stored stations: the file they came from."""
        election = self._election_key(eid)
        if election is None:
            return {}
        found = self.session.execute(
            select(PollingStationRow.municipality_code, PollingStationRow.source_file_id)
            .where(PollingStationRow.election_id == election)
            .distinct()
        ).all()
        return {code: self._source(file_key, eid) for code, file_key in found}


def _station(row: PollingStationRow) -> PollingStation:
    return PollingStation(
        number=row.number,
        name=row.name,
        postal_code=row.postal_code,
        number_of_voters=row.number_of_voters,
        type=PollingStationType(row.type) if row.type else None,
        shared_location=row.shared_location,
        channel=row.channel,
        locations=tuple(Location.model_validate(location) for location in row.locations),
    )
