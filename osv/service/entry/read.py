"""What the web interface's screens read about data entry: sessions, progress, comparisons.

Read-only queries over the double-entry store, shaped for screens (a cosmicpython "view"): the
sessions of every stored election, the municipalities that have polling stations, the progress
of a session per state, the two entries of a source side by side for the coordinator, and the
decisions the coordinator may take in a source's state. Nothing here changes the database; the
actions are in :mod:`osv.service.entry`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from osv.service.entry.common import SourceView
from osv.service.entry.coordinator import SourceStatus, overview
from osv.service.unit_of_work import UowFactory
from osv.store import EntrySession, Investigation, WarningNote
from results.entry import EntriesDifferent, FirstEntryCorrection, SecondEntryCorrection
from results.entry.compare import fields_of
from results.entry.serialize import state_from_data

__all__ = [
    "DECISIONS_BY_STATE",
    "STATE_ORDER",
    "Committee",
    "Comparison",
    "InvestigationInfo",
    "MunicipalMethod",
    "NextSession",
    "Progress",
    "SessionInfo",
    "committees",
    "comparison",
    "counting_methods",
    "investigations",
    "is_stage",
    "next_session",
    "progress",
    "session_info",
    "session_progress",
    "sessions",
    "typist_of",
    "warning_notes",
]

#: The states of double entry in the order a source goes through them.
STATE_ORDER = (
    "Empty",
    "FirstEntryInProgress",
    "FirstEntryHasErrors",
    "FirstEntryFinalised",
    "SecondEntryInProgress",
    "EntriesDifferent",
    "FirstEntryCorrection",
    "SecondEntryCorrection",
    "Definitive",
)

#: The coordinator's decisions that each state allows (counts-and-checks.md §4.1).
DECISIONS_BY_STATE: dict[str, tuple[str, ...]] = {
    "FirstEntryHasErrors": ("resume_first", "discard_first", "reset"),
    "EntriesDifferent": (
        "keep_first",
        "keep_second",
        "return_first",
        "return_second",
        "discard_both",
        "reset",
    ),
    "FirstEntryInProgress": ("reset",),
    "FirstEntryFinalised": ("reset",),
    "SecondEntryInProgress": ("reset",),
    "FirstEntryCorrection": ("reset",),
    "SecondEntryCorrection": ("reset",),
    "Definitive": ("reset",),
}


@dataclass(frozen=True)
class SessionInfo:
    """A session with its election's name and category."""

    session: EntrySession
    election_name: str | None
    category: str

    @property
    def id(self) -> int:
        """The session's id."""
        return self.session.id


@dataclass(frozen=True)
class Committee:
    """A municipality with polling stations stored for an election."""

    election: str
    code: str
    name: str | None
    polling_stations: int


@dataclass(frozen=True)
class Progress:
    """A session's progress: how many sources are in each state, and what needs attention."""

    total: int
    per_state: dict[str, int]
    with_errors: int
    with_open_warnings: int
    #: Sources with an entry being typed (their findings are not counted as errors yet).
    unfinished: int = 0

    @property
    def definitive(self) -> int:
        """Sources that are definitive."""
        return self.per_state.get("Definitive", 0)

    @property
    def percent(self) -> int:
        """Definitive sources as a whole percentage (rounded down)."""
        return 100 * self.definitive // self.total if self.total else 0


@dataclass(frozen=True)
class Comparison:
    """The two entries of a source side by side: (path, first value, second value) for every
    field that differs, or was cleared for a correction."""

    first_user: str | None
    second_user: str | None
    rows: tuple[tuple[str, Any, Any], ...]


def sessions(factory: UowFactory, *, stages: bool = False) -> list[SessionInfo]:
    """Every municipality's session of every stored election, by election, committee and
    number; with ``stages``, instead the entry sessions of the HSBs and CSBs (committee
    ``CSB`` or ``HSB<n>``, where typists CSB type a municipality's totals)."""
    with factory().reading() as uow:
        found = []
        for summary in uow.queries.election_summaries():
            for session in uow.entries.sessions(summary.eid):
                if is_stage(session.committee) == stages:
                    found.append(SessionInfo(session, summary.name, summary.category))
        return found


def session_info(
    factory: UowFactory, session_id: int, *, stages: bool = False
) -> SessionInfo | None:
    """One session (of a municipality, or with ``stages`` of an HSB or CSB), or ``None``.

    Every entry page asks for it, so it reads the one session and its election's heading
    instead of going through :func:`sessions`.
    """
    with factory().reading() as uow:
        session = uow.entries.get_session(session_id)
        if session is None or is_stage(session.committee) != stages:
            return None
        heading = uow.queries.election_heading(session.election)
        if heading is None:
            return None
        return SessionInfo(session, heading[0], heading[1])


def is_stage(committee: str) -> bool:
    """Whether ``committee`` is an HSB (``HSB<n>``) or the CSB, not a municipality."""
    return committee == "CSB" or (committee.startswith("HSB") and committee[3:].isdigit())


def committees(factory: UowFactory) -> list[Committee]:
    """The municipalities with polling stations, per stored election."""
    with factory().reading() as uow:
        found: dict[tuple[str, str], Committee] = {}
        for summary in uow.queries.election_summaries():
            for station in uow.queries.polling_stations(summary.eid):
                key = (summary.eid, station.municipality_code)
                known = found.get(key)
                found[key] = Committee(
                    summary.eid,
                    station.municipality_code,
                    station.municipality_name,
                    (known.polling_stations if known else 0) + 1,
                )
        return list(found.values())


@dataclass(frozen=True)
class NextSession:
    """What starting a municipality's next session would do, for the confirmation page.

    :param method: the counting method, fixed by the first session (``None`` before it).
    :param open_investigations: the polling stations a later session would enter.
    :param unfinished: the number of a session that is not finished yet (none can start then).
    """

    committee: Committee
    number: int
    method: str | None
    open_investigations: tuple[int, ...]
    unfinished: int | None


def next_session(factory: UowFactory, eid: str, code: str) -> NextSession | None:
    """The next session of municipality ``code`` of election ``eid`` (``None``: no such
    municipality with polling stations)."""
    committee = next((c for c in committees(factory) if (c.election, c.code) == (eid, code)), None)
    if committee is None:
        return None
    with factory().reading() as uow:
        earlier = uow.entries.sessions(eid, code)
        open_ = tuple(
            sorted(
                i.polling_station
                for i in uow.entries.investigations(eid, code)
                if i.concluded_in is None
            )
        )
    return NextSession(
        committee=committee,
        number=len(earlier) + 1,
        method=earlier[0].counting_method if earlier else None,
        open_investigations=open_,
        unfinished=next((s.number for s in earlier if s.status != "completed"), None),
    )


@dataclass(frozen=True)
class MunicipalMethod:
    """The counting method a municipality chose at its first session."""

    election: str
    committee: str
    name: str | None
    method: str


def counting_methods(factory: UowFactory) -> list[MunicipalMethod]:
    """The counting method of every municipality that has started its first session."""
    with factory().reading() as uow:
        found = []
        for summary in uow.queries.election_summaries():
            first = [
                s
                for s in uow.entries.sessions(summary.eid)
                if s.number == 1 and not is_stage(s.committee)
            ]
            if not first:
                continue
            names = {
                s.municipality_code: s.municipality_name
                for s in uow.queries.polling_stations(summary.eid)
            }
            found += [
                MunicipalMethod(summary.eid, s.committee, names.get(s.committee), s.counting_method)
                for s in first
            ]
        return found


def progress(rows: list[SourceStatus]) -> Progress:
    """The progress of a session from its :func:`~osv.service.entry.overview` rows."""
    return Progress(
        total=len(rows),
        per_state=dict(Counter(row.state for row in rows)),
        with_errors=sum(1 for row in rows if row.errors),
        with_open_warnings=sum(1 for row in rows if row.warnings_open),
        unfinished=sum(1 for row in rows if row.unfinished),
    )


def session_progress(factory: UowFactory, session_id: int) -> Progress:
    """The progress of one session."""
    return progress(overview(factory, session_id))


def comparison(factory: UowFactory, session_id: int, key: str) -> Comparison:
    """The fields of a source where its two entries differ (or that were cleared)."""
    with factory().reading() as uow:
        source = uow.entries.get_source(session_id, key)
        if source is None:
            return Comparison(None, None, ())
        state = state_from_data(source.data)
    if isinstance(state, EntriesDifferent):
        first, second = fields_of(state.first), fields_of(state.second)
        return Comparison(
            state.first_user,
            state.second_user,
            tuple((p, first.get(p), second.get(p)) for p in state.differences),
        )
    if isinstance(state, FirstEntryCorrection | SecondEntryCorrection):
        kept, entry = fields_of(state.kept), fields_of(state.entry)
        return Comparison(
            state.kept_user,
            state.user,
            tuple((p, kept.get(p), entry.get(p)) for p in state.cleared),
        )
    return Comparison(None, None, ())


def warning_notes(factory: UowFactory, session_id: int, key: str) -> list[WarningNote]:
    """The coordinator's notes on the warnings of one source."""
    with factory().reading() as uow:
        source = uow.entries.get_source(session_id, key)
        return uow.entries.notes([source.id]) if source is not None else []


def typist_of(view: SourceView) -> str | None:
    """Who is typing the source's entry now (``None`` when nobody is)."""
    if view.state in ("FirstEntryInProgress", "FirstEntryCorrection", "SecondEntryCorrection"):
        return view.typists[0] if view.typists else None
    if view.state == "SecondEntryInProgress":
        return view.typists[1] if len(view.typists) > 1 else None
    return None


@dataclass(frozen=True)
class InvestigationInfo:
    """An investigation with the election and polling station it is about."""

    election: str
    investigation: Investigation
    station_name: str | None


def investigations(factory: UowFactory) -> list[InvestigationInfo]:
    """Every investigation of every stored election, by election, municipality and station."""
    with factory().reading() as uow:
        found = []
        for summary in uow.queries.election_summaries():
            names = {
                (s.municipality_code, s.number): s.name
                for s in uow.queries.polling_stations(summary.eid)
            }
            for code in sorted({code for code, _ in names}):
                for item in uow.entries.investigations(summary.eid, code):
                    found.append(
                        InvestigationInfo(
                            summary.eid, item, names.get((code, item.polling_station))
                        )
                    )
        return found
