"""Sessions: starting a committee's session with its sources, finishing it, tabulating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from osv.model import (
    PollingStation,
    VoteCounts,
)
from osv.model.entry import CountEntry, EntryModel
from osv.service.entry.common import (
    Actor,
    EntryRefusedError,
    audit,
    load,
    require,
    shape_of,
)
from osv.service.entry.convert import entry_counts
from osv.service.unit_of_work import UowFactory
from osv.store import (
    EntrySession,
    EntrySource,
    UnitOfWork,
)
from results.checks import check_entry
from results.entry import Definitive, Empty, state_name
from results.entry.serialize import state_from_data
from results.tally import sum_counts

__all__ = [
    "METHOD_NAMES",
    "SessionTotals",
    "UnfinishedSource",
    "conclude_without_new_results",
    "finish_session",
    "start_session",
    "unfinished",
]


@dataclass(frozen=True)
class SessionTotals:
    """A finished session's counts: per polling station (key → counts) and their sum."""

    session: EntrySession
    stations: tuple[tuple[str, str | None, VoteCounts], ...]
    total: VoteCounts | None


@dataclass(frozen=True)
class UnfinishedSource:
    """A source that keeps a session from being finished: not definitive (``state`` names its
    state), or definitive with ``warnings`` (their codes) nobody explained."""

    station: str
    state: str | None
    warnings: tuple[str, ...] = ()

    def english(self) -> str:
        """The problem as the English refusal names it."""
        if self.state is not None:
            return f"{self.station} is {self.state}"
        return f"{self.station} has warnings without explanation ({', '.join(self.warnings)})"


def start_session(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    actor: Actor,
    *,
    counting_method: Literal["CSO", "DSO"] | None = None,
) -> EntrySession:
    """Start the committee's next session, with its sources.

    The counting method (CSO, central; DSO, decentral: process.md §3) is chosen when the first
    session starts, explicitly, and is fixed for the election: every later session has the
    method of the first, and may leave ``counting_method`` out.

    :raises EntryRefusedError: no method chosen for a first session, or another method than the
        first session's for a later one; the previous session is not finished; no polling
        stations are stored for the committee; a later session without open investigations.
    """
    require(actor, "coordinator", "start a session")
    with uow_factory() as uow:
        earlier = uow.entries.sessions(eid, committee)
        _require_finished(earlier, committee)
        method = _method(committee, earlier, counting_method)
        number = len(earlier) + 1
        stations = {s.number: s for s in uow.polling_stations.get(eid, committee)}
        if not stations:
            raise EntryRefusedError(
                f"no polling stations are stored for {committee} in {eid}; import its 110b first",
                "no_polling_stations",
                committee=committee,
                eid=eid,
            )
        shape_of(uow, eid, committee)  # refuses an election without candidate lists
        model, keys = _sources_of(uow, eid, committee, number, method, stations)
        session = uow.entries.add_session(eid, committee, number, method, actor.name)
        uow.entries.add_sources(
            session.id,
            [
                (
                    str(key),
                    stations[key].name if key in stations else None,
                    model.value,
                    {"state": "Empty"},
                )
                for key in keys
            ],
        )
        audit(
            uow,
            actor,
            "entry.session_started",
            eid,
            session=number,
            committee=committee,
            sources=len(keys),
            model=model.value,
        )
        uow.commit()
        return session


def _require_finished(earlier: list[EntrySession], committee: str) -> None:
    """Refuse a new session while the committee's last one is not finished."""
    if earlier and earlier[-1].status != "completed":
        raise EntryRefusedError(
            f"session {earlier[-1].number} of {committee} is not finished yet",
            "previous_not_finished",
            number=earlier[-1].number,
            committee=committee,
        )


def _sources_of(
    uow: UnitOfWork,
    eid: str,
    committee: str,
    number: int,
    method: str,
    stations: dict[int, PollingStation],
) -> tuple[EntryModel, list[int]]:
    """The form of session ``number`` and its sources: every polling station in a first
    session, the open investigations' stations in a later one.

    :raises EntryRefusedError: a later session without open investigations.
    """
    if number == 1:
        model = EntryModel.CSO_FIRST_SESSION if method == "CSO" else EntryModel.DSO_FIRST_SESSION
        keys = sorted(stations)
    else:
        model = EntryModel.CSO_NEXT_SESSION if method == "CSO" else EntryModel.DSO_NEXT_SESSION
        keys = [
            i.polling_station
            for i in uow.entries.investigations(eid, committee)
            if i.concluded_in is None
        ]
        if not keys:
            raise EntryRefusedError(
                f"no investigations of {committee} are open; a later session has nothing to enter",
                "no_open_investigations",
                committee=committee,
            )
    return model, keys


#: The counting methods in the words of a refusal.
METHOD_NAMES = {"CSO": "central (CSO)", "DSO": "decentral (DSO)"}


def _method(
    committee: str, earlier: list[EntrySession], chosen: Literal["CSO", "DSO"] | None
) -> Literal["CSO", "DSO"]:
    """The counting method of the committee's next session: chosen for the first session, the
    first session's for every later one."""
    if not earlier:
        if chosen is None:
            raise EntryRefusedError(
                f"choose the counting method of {committee} (CSO or DSO) to start its first "
                "session; it holds for every later session",
                "no_counting_method",
                committee=committee,
            )
        return chosen
    fixed: Literal["CSO", "DSO"] = "DSO" if earlier[0].counting_method == "DSO" else "CSO"
    if chosen is not None and chosen != fixed:
        raise EntryRefusedError(
            f"{committee} counts {METHOD_NAMES[fixed]} since session 1; a later session cannot "
            f"switch to {METHOD_NAMES[chosen]}",
            "method_fixed",
            committee=committee,
            method=fixed,
        )
    return fixed


def finish_session(uow_factory: UowFactory, session_id: int, actor: Actor) -> SessionTotals:
    """Finish a session: every source definitive, every warning explained; then tabulate.

    In a later session a polling station whose investigation was concluded without new results
    (:func:`conclude_without_new_results`) needs no entry: its earlier count stands.

    :raises EntryRefusedError: naming every source that keeps the session from being finished.
    """
    require(actor, "coordinator", "finish a session")
    with uow_factory() as uow:
        session = uow.entries.get_session(session_id)
        if session is None:
            raise EntryRefusedError(
                f"there is no session {session_id}", "unknown_session", session=session_id
            )
        if session.status == "completed":
            raise EntryRefusedError(
                f"session {session.number} of {session.committee} is already finished",
                "finished_already",
                number=session.number,
                committee=session.committee,
            )
        problems, definitive = _readiness(uow, session)
        if problems:
            raise EntryRefusedError(
                f"session {session.number} of {session.committee} cannot be finished: "
                + "; ".join(p.english() for p in problems),
                "cannot_finish",
                number=session.number,
                committee=session.committee,
                problems=tuple(problems),
            )
        uow.entries.complete_session(session_id, actor.name)
        if session.number > 1:
            for source, _ in definitive:
                uow.entries.conclude_investigation(
                    session.election, session.committee, int(source.key), session.number, True
                )
        voters = {
            str(s.number): s.number_of_voters
            for s in uow.polling_stations.get(session.election, session.committee)
        }
        stations = tuple(
            (source.key, source.name, entry_counts(entry, voters.get(source.key)))
            for source, entry in definitive
        )
        audit(
            uow,
            actor,
            "entry.session_finished",
            session.election,
            session=session.number,
            committee=session.committee,
            sources=len(stations),
        )
        uow.commit()
        total = sum_counts([counts for _, _, counts in stations]) if stations else None
        return SessionTotals(session=session, stations=stations, total=total)


def unfinished(uow_factory: UowFactory, session_id: int) -> tuple[UnfinishedSource, ...]:
    """What keeps a session from being finished now (nothing: it can be finished), as
    :func:`finish_session` would refuse it; read only, for the coordinator's confirmation.

    :raises EntryRefusedError: there is no such session.
    """
    with uow_factory().reading() as uow:
        session = uow.entries.get_session(session_id)
        if session is None:
            raise EntryRefusedError(
                f"there is no session {session_id}", "unknown_session", session=session_id
            )
        return tuple(_readiness(uow, session)[0])


def _readiness(
    uow: UnitOfWork, session: EntrySession
) -> tuple[list[UnfinishedSource], list[tuple[EntrySource, CountEntry]]]:
    """The sources that keep ``session`` from being finished, and its definitive entries."""
    sources = uow.entries.sources(session.id)
    notes = {
        (n.source_id, n.code, n.list_number) for n in uow.entries.notes([s.id for s in sources])
    }
    problems: list[UnfinishedSource] = []
    definitive: list[tuple[EntrySource, CountEntry]] = []
    without_results = {
        str(i.polling_station)
        for i in uow.entries.investigations(session.election, session.committee)
        if i.concluded_in == session.number and i.corrected_results is False
    }
    for source in sources:
        state = state_from_data(source.data)
        if source.key in without_results and isinstance(state, Empty):
            continue  # investigated, no new results: the earlier count stands
        if not isinstance(state, Definitive):
            problems.append(UnfinishedSource(source.key, state_name(state)))
            continue
        open_ = [
            w.code
            for w in check_entry(state.entry).warnings
            if (source.id, w.code, w.list_number or 0) not in notes
        ]
        if open_:
            problems.append(UnfinishedSource(source.key, None, tuple(open_)))
        definitive.append((source, state.entry))
    return problems, definitive


def conclude_without_new_results(
    uow_factory: UowFactory, session_id: int, key: str, actor: Actor
) -> None:
    """A later session's investigation of polling station ``key`` found nothing to correct: the
    station's earlier count stands and no entry is typed (Na 14-2: "zonder nieuwe uitslag").

    :raises EntryRefusedError: in a first session, or when an entry was already started.
    """
    require(actor, "coordinator", "conclude an investigation")
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, writable=True)
        if session.number == 1:
            raise EntryRefusedError(
                "a first session has no investigations to conclude", "first_session"
            )
        if not isinstance(state_from_data(source.data), Empty):
            raise EntryRefusedError(
                f"polling station {key} already has an entry; reset it first to conclude "
                "without new results",
                "entry_started",
                station=key,
            )
        uow.entries.conclude_investigation(
            session.election, session.committee, int(key), session.number, False
        )
        audit(
            uow,
            actor,
            "entry.investigation_concluded",
            session.election,
            session=session.number,
            committee=session.committee,
            source=key,
            new_results=False,
        )
        uow.commit()
