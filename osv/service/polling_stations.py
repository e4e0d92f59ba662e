"""Adding a polling station by hand, besides uploading the municipality's 110b.

A municipality sometimes adds a polling station after its 110b was sent (a mobile station, a
replacement location). The administrator adds it here; it is stored as if it had been in the
110b, and the change is in the audit log. A station can only be added before the
municipality's first session starts, because the session's sources are made from the stations
stored then.
"""

from __future__ import annotations

from osv.model import PollingStation
from osv.service.errors import ServiceError
from osv.service.unit_of_work import UowFactory
from osv.store import AuditEvent

__all__ = ["PollingStationRefusedError", "add_polling_station"]


class PollingStationRefusedError(ServiceError):
    """Adding a polling station was refused.

    :param code: ``duplicate`` (the number is taken), ``session_started`` (the municipality's
        session has started), ``outside_domain`` (the municipality takes no part in the
        election) or ``unknown_election``.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def add_polling_station(
    uow_factory: UowFactory,
    eid: str,
    municipality_code: str,
    municipality_name: str | None,
    station: PollingStation,
    actor: str,
) -> None:
    """Store ``station`` as one of the municipality's polling stations, in one transaction.

    :param municipality_name: used when the municipality has no stations yet; otherwise the
        stored name is kept.
    :raises PollingStationRefusedError: the election is unknown, the municipality is not in
        its domain, the number is taken, or the municipality's first session has started.
    """
    with uow_factory() as uow:
        definition = uow.elections.get(eid)
        if definition is None:
            raise PollingStationRefusedError(f"there is no election {eid}", "unknown_election")
        outside = definition.municipality_outside(municipality_code)
        if outside is not None:
            raise PollingStationRefusedError(
                f"municipality {municipality_code} holds no polling station of {eid}: {outside}",
                "outside_domain",
            )
        stored = uow.polling_stations.get(eid, municipality_code)
        if any(s.number == station.number for s in stored):
            raise PollingStationRefusedError(
                f"municipality {municipality_code} already has polling station {station.number}",
                "duplicate",
            )
        if uow.entries.sessions(eid, municipality_code):
            raise PollingStationRefusedError(
                f"the session of municipality {municipality_code} has started; polling stations "
                "can no longer be added",
                "session_started",
            )
        names = {
            s.municipality_name
            for s in uow.queries.polling_stations(eid)
            if s.municipality_code == municipality_code
        }
        name = next(iter(names), None) or municipality_name
        uow.polling_stations.add(eid, municipality_code, name, [station])
        uow.audit.append(
            AuditEvent(
                event="polling_station.added",
                actor=actor,
                election=eid,
                data={
                    "municipality": municipality_code,
                    "number": station.number,
                    "name": station.name,
                    "postal_code": station.postal_code,
                    "type": station.type.value if station.type else None,
                },
            )
        )
        uow.commit()
