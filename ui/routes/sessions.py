"""The coordinator's pages: start a session, the status overview, resolve, explain warnings,
finish, and download the documents as one zip."""

from __future__ import annotations

import io
import zipfile
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import Response

from osv.service.entry import (
    SourceView,
    decide,
    finish_session,
    note_warning,
    overview,
    session_documents,
    start_session,
    unfinished,
    view,
)
from osv.service.entry.read import (
    DECISIONS_BY_STATE,
    STATE_ORDER,
    committees,
    comparison,
    next_session,
    progress,
    session_info,
    sessions,
    warning_notes,
)
from results.checks import CHECK_RULES
from ui.auth import GSB_COORDINATORS, Principal, allow
from ui.forms import field_labels, label_of, pages_of
from ui.messages import DECISION_LABELS, METHOD_LABELS, unfinished_sentence
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Coordinator = Annotated[Principal, Depends(allow(*GSB_COORDINATORS))]

_SORTS = {
    "nummer": lambda r: (len(r.key), r.key),
    "status": lambda r: STATE_ORDER.index(r.state) if r.state in STATE_ORDER else 99,
    "fouten": lambda r: -r.errors,
    "waarschuwingen": lambda r: -r.warnings_open,
}


@router.get("/zittingen")
def session_list(request: Request, who: Coordinator) -> Response:
    """The sessions, and the form to start one."""
    state = ui(request)
    return state.render(
        request,
        "sessions/list.html",
        sessions=sessions(state.factory),
        committees=committees(state.factory),
    )


@router.get("/zittingen/starten")
def start_page(request: Request, who: Coordinator, gemeente: str = "") -> Response:
    """What starting the municipality's next session does, to confirm (``gemeente`` is
    ``election|code``); the first session asks for the counting method."""
    return _start_page(request, gemeente)


def _start_page(
    request: Request, gemeente: str, *, method: str = "", message: str = "", status: int = 200
) -> Response:
    state = ui(request)
    eid, _, code = gemeente.partition("|")
    upcoming = next_session(state.factory, eid, code)
    if upcoming is None:
        raise HTTPException(404, f"no municipality {code} with polling stations in {eid}")
    return state.render(
        request,
        "sessions/start.html",
        status,
        upcoming=upcoming,
        gemeente=gemeente,
        chosen=method,
        message=message,
    )


@router.post("/zittingen")
def start(
    request: Request,
    who: Coordinator,
    gemeente: Annotated[str, Form()],
    methode: Annotated[str, Form()] = "",
    bevestigd: Annotated[str, Form()] = "",
) -> Response:
    """Start the municipality's next session (``gemeente`` is ``election|code``), once
    confirmed; the first session with the counting method chosen (no default)."""
    eid, _, code = gemeente.partition("|")
    upcoming = next_session(ui(request).factory, eid, code)
    first = upcoming is not None and upcoming.method is None
    if first and methode not in METHOD_LABELS:
        return _start_page(request, gemeente, message="Kies de telmethode.", status=400)
    if not bevestigd:
        return _start_page(
            request,
            gemeente,
            method=methode,
            message="Bevestig dat je de zitting wilt starten."
            if not first
            else ("Vink aan dat je de telmethode hebt gecontroleerd."),
            status=400,
        )
    session = start_session(
        ui(request).factory,
        eid,
        code,
        who.actor,
        counting_method="DSO" if methode == "DSO" else "CSO" if methode == "CSO" else None,
    )
    return redirect(f"/zittingen/{session.id}")


@router.get("/zittingen/{session_id}")
def status(
    request: Request,
    who: Coordinator,
    session_id: int,
    status: str = "",
    met: str = "",
    sorteer: str = "nummer",
) -> Response:
    """The status overview: filter by state, errors or warnings; sort; progress per state."""
    state = ui(request)
    info = session_info(state.factory, session_id)
    if info is None:
        return state.render(request, "error.html", 404, title="Onbekende zitting", message="")
    rows = overview(state.factory, session_id)
    summary = progress(rows)
    shown = [
        r
        for r in rows
        if (not status or r.state == status)
        and (met != "fouten" or r.errors)
        and (met != "waarschuwingen" or r.warnings_open)
    ]
    shown.sort(key=_SORTS.get(sorteer, _SORTS["nummer"]))
    return state.render(
        request,
        "sessions/status.html",
        info=info,
        rows=shown,
        progress=summary,
        states=STATE_ORDER,
        filter_state=status,
        filter_with=met,
        sort=sorteer,
    )


def _municipal(request: Request, session_id: int) -> None:
    """Refuse a session that is not a municipality's (an HSB/CSB's is on /uitslag)."""
    if session_info(ui(request).factory, session_id) is None:
        raise HTTPException(404, f"no municipal session {session_id}")


@router.get("/zittingen/{session_id}/bron/{key}")
def source(request: Request, who: Coordinator, session_id: int, key: str) -> Response:
    """One polling station: state, findings, the differing fields, decisions, warnings."""
    _municipal(request, session_id)
    state = ui(request)
    current = view(state.factory, session_id, key)
    notes = {(n.code, n.list_number): n for n in warning_notes(state.factory, session_id, key)}
    compared = comparison(state.factory, session_id, key)
    info = session_info(state.factory, session_id)
    labels = _labels(request, session_id, current)
    return state.render(
        request,
        "sessions/source.html",
        source=current,
        session_id=session_id,
        comparison=compared,
        labels={path: label_of(labels, path) for path, _, _ in compared.rows},
        decisions=[
            (d, DECISION_LABELS[d])
            for d in DECISIONS_BY_STATE.get(current.state, ())
            if d != "reset"
        ],
        reset=DECISION_LABELS["reset"]
        if "reset" in DECISIONS_BY_STATE.get(current.state, ())
        else "",
        rules=CHECK_RULES,
        second_only=_second_only(current),
        notes=notes,
        later=bool(info and info.session.number > 1 and info.session.status != "completed"),
    )


def _second_only(current: SourceView) -> set[tuple[str, int | None]]:
    """The findings of the second entry that the first entry does not have, when the entries
    differ: they say the entries differ, not that the paper is wrong."""
    if current.first_findings is None or current.findings is None:
        return set()
    first = {(f.code, f.list_number) for f in current.first_findings.items}
    return {
        (f.code, f.list_number)
        for f in current.findings.items
        if (f.code, f.list_number) not in first
    }


def _labels(request: Request, session_id: int, current: SourceView) -> dict[str, str]:
    """The Dutch labels of the source's boxes, as on the paper model."""
    state = ui(request)
    info = session_info(state.factory, session_id)
    if current.entry is None or info is None:
        return {}
    ballot = state.ballot(info.session.election)
    names = {s.number: s.name for s in ballot.lists}
    candidates: dict[int, list[str]] = {}
    for c in ballot.candidates:
        prefix = f"{c.prefix} ".capitalize() if c.prefix else ""
        candidates.setdefault(c.list_number, []).append(f"{prefix}{c.last_name}, {c.initials}")
    return field_labels(pages_of(current.entry, info.category, names, candidates))


#: Decisions that delete typed entries: asked to confirm first.
_CONFIRMED = ("discard_first", "discard_both", "reset")


@router.post("/zittingen/{session_id}/bron/{key}/besluit")
def resolve(
    request: Request,
    who: Coordinator,
    session_id: int,
    key: str,
    besluit: Annotated[str, Form()],
    versie: Annotated[int, Form()],
    bevestigd: Annotated[str, Form()] = "",
) -> Response:
    """Take one of the coordinator's decisions; one that deletes entries once confirmed."""
    _municipal(request, session_id)
    if besluit in _CONFIRMED and not bevestigd:
        state = ui(request)
        current = view(state.factory, session_id, key)
        return state.render(
            request,
            "sessions/confirm_decision.html",
            session_id=session_id,
            source=current,
            decision=besluit,
            label=DECISION_LABELS[besluit],
            finished=_finished(request, session_id),
            version=versie,
        )
    decide(ui(request).factory, session_id, key, who.actor, besluit, versie)
    return redirect(f"/zittingen/{session_id}/bron/{key}")


def _finished(request: Request, session_id: int) -> bool:
    info = session_info(ui(request).factory, session_id)
    return info is not None and info.session.status == "completed"


@router.post("/zittingen/{session_id}/bron/{key}/waarschuwing")
def explain(
    request: Request,
    who: Coordinator,
    session_id: int,
    key: str,
    code: Annotated[str, Form()],
    lijst: Annotated[int, Form()] = 0,
    uitleg: Annotated[str, Form()] = "",
    afgehandeld: Annotated[str, Form()] = "",
) -> Response:
    """Record an explanation of a warning, or mark it handled."""
    _municipal(request, session_id)
    note_warning(
        ui(request).factory,
        session_id,
        key,
        who.actor,
        code,
        list_number=lijst or None,
        explanation=uitleg or None,
        handled=bool(afgehandeld),
    )
    return redirect(f"/zittingen/{session_id}/bron/{key}")


@router.get("/zittingen/{session_id}/afronden")
def finish_page(request: Request, who: Coordinator, session_id: int) -> Response:
    """Whether the session can be finished, and the confirmation to finish it."""
    return _finish_page(request, session_id)


def _finish_page(request: Request, session_id: int, status: int = 200) -> Response:
    state = ui(request)
    info = session_info(state.factory, session_id)
    if info is None:
        raise HTTPException(404, f"no municipal session {session_id}")
    problems = unfinished(state.factory, session_id)
    return state.render(
        request,
        "sessions/finish.html",
        status,
        info=info,
        problems=unfinished_sentence(info.session.committee, problems) if problems else "",
        sources=len(overview(state.factory, session_id)),
    )


@router.post("/zittingen/{session_id}/afronden")
def finish(
    request: Request, who: Coordinator, session_id: int, bevestigd: Annotated[str, Form()] = ""
) -> Response:
    """Finish the session (every station definitive, every warning noted), once confirmed."""
    _municipal(request, session_id)
    if not bevestigd:
        return _finish_page(request, session_id)
    finish_session(ui(request).factory, session_id, who.actor)
    return redirect(f"/zittingen/{session_id}")


@router.get("/zittingen/{session_id}/documenten.zip")
def documents(request: Request, who: Coordinator, session_id: int) -> Response:
    """The 510b and the OSV4-3 table (and the PV, once it exists) as one zip."""
    state = ui(request)
    info = session_info(state.factory, session_id)
    if info is None:
        raise HTTPException(404, f"no session {session_id}")
    files = session_documents(
        state.factory, info.session.election, info.session.committee, schemas=state.schemas
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    name = (
        f"OSV_{info.session.election}_gemeente_{info.session.committee}_"
        f"zitting_{info.session.number}.zip"
    )
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
