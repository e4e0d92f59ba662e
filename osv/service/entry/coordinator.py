"""The coordinator's actions: decide on entries, explain warnings, the overview,
investigations."""

from __future__ import annotations

from dataclasses import dataclass

from osv.service.entry.common import (
    Actor,
    EntryRefusedError,
    SourceView,
    audit,
    load,
    require,
    store,
    view_of,
)
from osv.service.unit_of_work import UowFactory
from osv.store import (
    Investigation,
    WarningNote,
)
from osv.store.records import utc_now
from results.checks import check_entry
from results.entry import (
    Definitive,
)
from results.entry.serialize import state_from_data

__all__ = [
    "DECISIONS",
    "UNFINISHED",
    "SourceStatus",
    "decide",
    "note_warning",
    "overview",
    "request_investigation",
]

#: The coordinator's decisions, as methods of the states (counts-and-checks.md §4.1).
DECISIONS = (
    "resume_first",
    "discard_first",
    "keep_first",
    "keep_second",
    "discard_both",
    "return_first",
    "return_second",
    "reset",
)


def request_investigation(
    uow_factory: UowFactory,
    eid: str,
    committee: str,
    polling_station: int,
    reason: str,
    actor: Actor,
) -> None:
    """Record the central polling station's request to investigate a polling station's count.

    :raises EntryRefusedError: no reason given; the polling station is unknown; it already has
        an investigation.
    """
    require(actor, "coordinator", "request an investigation")
    reason = reason.strip()
    if not reason:
        raise EntryRefusedError("give the reason (aanleiding) of the investigation", "no_reason")
    with uow_factory() as uow:
        if not any(s.number == polling_station for s in uow.polling_stations.get(eid, committee)):
            raise EntryRefusedError(
                f"{committee} has no polling station {polling_station}",
                "unknown_polling_station",
                committee=committee,
                station=polling_station,
            )
        if any(
            i.polling_station == polling_station for i in uow.entries.investigations(eid, committee)
        ):
            raise EntryRefusedError(
                f"polling station {polling_station} of {committee} is already investigated",
                "investigated_already",
                committee=committee,
                station=polling_station,
            )
        uow.entries.add_investigation(
            eid,
            Investigation(
                committee=committee,
                polling_station=polling_station,
                reason=reason,
                requested_by=actor.name,
                requested_at=utc_now(),
            ),
        )
        audit(
            uow,
            actor,
            "entry.investigation_requested",
            eid,
            committee=committee,
            polling_station=polling_station,
            reason=reason,
        )
        uow.commit()


def decide(
    uow_factory: UowFactory, session_id: int, key: str, actor: Actor, decision: str, version: int
) -> SourceView:
    """A coordinator's decision on a source (one of :data:`DECISIONS`).

    ``reset`` of a definitive entry re-opens a completed session.
    """
    require(actor, "coordinator", "decide on an entry")
    if decision not in DECISIONS:
        raise EntryRefusedError(
            f"unknown decision {decision!r}; one of {', '.join(DECISIONS)}",
            "unknown_decision",
            decision=decision,
        )
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, version=version)
        if session.status == "completed":
            if decision != "reset":
                raise EntryRefusedError(
                    f"session {session.number} of {session.committee} is finished",
                    "session_finished",
                    number=session.number,
                    committee=session.committee,
                )
            uow.entries.reopen_session(session.id)
        new = getattr(state_from_data(source.data), decision)(actor.name)
        return store(uow, actor, session, source, new, f"entry.{decision}")


def note_warning(
    uow_factory: UowFactory,
    session_id: int,
    key: str,
    actor: Actor,
    code: str,
    *,
    list_number: int | None = None,
    explanation: str | None = None,
    handled: bool = False,
) -> None:
    """Record the coordinator's explanation of a warning of a definitive entry, or mark it
    handled ("checked, no action"). The explanation is listed in the municipality's PV."""
    require(actor, "coordinator", "explain a warning")
    if not (explanation and explanation.strip()) and not handled:
        raise EntryRefusedError(
            "give an explanation, or mark the warning as handled", "no_explanation"
        )
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, writable=True)
        state = state_from_data(source.data)
        if not isinstance(state, Definitive):
            raise EntryRefusedError(
                f"source {key} is not definitive; warnings are explained then",
                "not_definitive",
                station=key,
            )
        if not any(
            f.code == code and f.list_number == list_number
            for f in check_entry(state.entry).warnings
        ):
            raise EntryRefusedError(
                f"source {key} has no warning {code}", "unknown_warning", station=key, warning=code
            )
        uow.entries.set_note(
            WarningNote(
                source_id=source.id,
                code=code,
                list_number=list_number or 0,
                explanation=explanation.strip() if explanation else None,
                handled=handled,
                noted_by=actor.name,
                noted_at=utc_now(),
            )
        )
        audit(
            uow,
            actor,
            "entry.warning_noted",
            session.election,
            session=session.number,
            committee=session.committee,
            source=key,
            code=code,
            list_number=list_number,
            explanation=explanation,
            handled=handled,
        )
        uow.commit()


#: The states of an entry being typed (or retyped): its findings are of an unfinished form.
UNFINISHED = (
    "FirstEntryInProgress",
    "SecondEntryInProgress",
    "FirstEntryCorrection",
    "SecondEntryCorrection",
)


@dataclass(frozen=True)
class SourceStatus:
    """One row of the coordinator's overview.

    ``errors`` and ``warnings`` count the findings of a finalised entry only: an entry still
    being typed is ``unfinished``, and the boxes not typed yet are no errors.
    """

    key: str
    name: str | None
    state: str
    typists: tuple[str, ...]
    errors: int
    warnings: int
    warnings_open: int

    @property
    def unfinished(self) -> bool:
        """Whether an entry of the source is being typed now."""
        return self.state in UNFINISHED


def overview(uow_factory: UowFactory, session_id: int) -> list[SourceStatus]:
    """Per source: state, typists, number of errors and warnings, warnings without a note."""
    with uow_factory().reading() as uow:
        sources = uow.entries.sources(session_id)
        notes = {
            (n.source_id, n.code, n.list_number) for n in uow.entries.notes([s.id for s in sources])
        }
        rows = []
        for source in sources:
            view_ = view_of(source, state_from_data(source.data))
            findings = view_.findings if view_.state not in UNFINISHED else None
            warnings = findings.warnings if findings is not None else ()
            open_ = (
                [
                    w
                    for w in warnings
                    if view_.state == "Definitive"
                    and (source.id, w.code, w.list_number or 0) not in notes
                ]
                if view_.state == "Definitive"
                else list(warnings)
            )
            rows.append(
                SourceStatus(
                    key=source.key,
                    name=source.name,
                    state=view_.state,
                    typists=view_.typists,
                    errors=len(findings.errors) if findings is not None else 0,
                    warnings=len(warnings),
                    warnings_open=len(open_),
                )
            )
        return rows
