"""What the command line and screens show: stored elections, lists, candidates, stations, log.

Each function opens a unit of work, reads, and returns plain frozen dataclasses; nothing is
changed. Functions that concern one election take its Id, or ``None`` to mean "the only stored
election": with exactly one stored that one is used, otherwise the caller is asked to choose.
"""

from __future__ import annotations

from osv.service.errors import ElectionNotChosenError, UnknownElectionError, UnknownListError
from osv.service.unit_of_work import UowFactory
from osv.store import (
    AuditEvent,
    CandidateSummary,
    ElectionSummary,
    ListSummary,
    PollingStationSummary,
    UnitOfWork,
)

__all__ = [
    "AuditEvent",
    "CandidateSummary",
    "ElectionSummary",
    "ListSummary",
    "PollingStationSummary",
    "audit_events",
    "candidates",
    "choose_election",
    "elections",
    "lists",
    "polling_stations",
]


def choose_election(uow: UnitOfWork, election: str | None) -> str:
    """The Id of the election meant by ``election`` (``None``: the only stored one).

    :raises UnknownElectionError: ``election`` is not stored.
    :raises ElectionNotChosenError: ``election`` is ``None`` and not exactly one is stored.
    """
    stored = uow.elections.eids()
    if election is not None:
        if election not in stored:
            known = f"; stored: {', '.join(stored)}" if stored else "; none is stored yet"
            raise UnknownElectionError(f"No election {election} is stored{known}.")
        return election
    if not stored:
        raise ElectionNotChosenError(
            "No election is stored yet; import an election definition (110a) first."
        )
    if len(stored) > 1:
        raise ElectionNotChosenError(
            f"Several elections are stored ({', '.join(stored)}); name the one to show."
        )
    return stored[0]


def elections(uow_factory: UowFactory) -> list[ElectionSummary]:
    """Every stored election with the numbers of districts, lists, candidates, stations, files."""
    with uow_factory().reading() as uow:
        return uow.queries.election_summaries()


def ballot_version(uow_factory: UowFactory, election: str) -> tuple[int, int]:
    """A fingerprint of an election's candidates that changes when any is added."""
    with uow_factory().reading() as uow:
        return uow.queries.ballot_version(election)


def lists(uow_factory: UowFactory, election: str | None) -> list[ListSummary]:
    """The candidate lists of an election, by contest and number, with candidate counts."""
    with uow_factory().reading() as uow:
        return uow.queries.lists(choose_election(uow, election))


def candidates(
    uow_factory: UowFactory, election: str | None, list_number: int | None
) -> list[CandidateSummary]:
    """The candidates of an election (of list ``list_number`` only, when given), in list order.

    :raises UnknownListError: the election has no list ``list_number``.
    """
    with uow_factory().reading() as uow:
        eid = choose_election(uow, election)
        found = uow.queries.candidates(eid, list_number)
        if list_number is not None and not found:
            numbers = sorted({summary.number for summary in uow.queries.lists(eid)})
            known = ", ".join(map(str, numbers)) or "none"
            raise UnknownListError(
                f"Election {eid} has no candidate list {list_number}; its lists are: {known}."
            )
        return found


def polling_stations(uow_factory: UowFactory, election: str | None) -> list[PollingStationSummary]:
    """The polling stations of an election, by municipality and number."""
    with uow_factory().reading() as uow:
        return uow.queries.polling_stations(choose_election(uow, election))


def audit_events(
    uow_factory: UowFactory,
    election: str | None = None,
    *,
    limit: int | None = None,
) -> list[AuditEvent]:
    """The audit log, oldest first: of one election when named, else all of it.

    :param limit: only the last ``limit`` events.
    """
    with uow_factory().reading() as uow:
        if election is not None:
            choose_election(uow, election)
        return uow.audit.events(election=election, limit=limit)
