"""The coordinator's pages for investigations (onderzoeken) and later sessions.

The central polling station asks the municipality to investigate polling stations
(process.md §4.1). The coordinator records each request with its reason here; a later session
(started on ``/zittingen`` as usual) then has one source per open investigation. Its outcome is
either new results, typed twice on the corrections form like any count, or "no new results",
recorded on the station's page of that session. The rules are in
:mod:`osv.service.entry`; these routes only parse forms.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from osv.errors import OSVError
from osv.service import queries
from osv.service.entry import conclude_without_new_results, request_investigation
from osv.service.entry.read import committees, investigations
from ui.auth import GSB_COORDINATORS, Principal, allow
from ui.messages import dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Coordinator = Annotated[Principal, Depends(allow(*GSB_COORDINATORS))]


def _page(request: Request, message: str = "", status: int = 200) -> Response:
    state = ui(request)
    return state.render(
        request,
        "investigations/list.html",
        status,
        investigations=investigations(state.factory),
        committees=committees(state.factory),
        message=message,
    )


@router.get("/onderzoeken")
def investigation_list(request: Request, who: Coordinator, melding: str = "") -> Response:
    """The requested investigations and their outcome, and the form to record one."""
    return _page(request, melding)


@router.post("/onderzoeken")
def record(
    request: Request,
    who: Coordinator,
    gemeente: Annotated[str, Form()],
    stembureau: Annotated[str, Form()] = "",
    aanleiding: Annotated[str, Form()] = "",
) -> Response:
    """Record the central polling station's request to investigate a polling station."""
    eid, _, code = gemeente.partition("|")
    if not stembureau.strip().isdigit():
        return _page(request, "Vul het nummer van het stembureau in (alleen cijfers).", 400)
    if not aanleiding.strip():
        return _page(request, "Vul de aanleiding van het onderzoek in.", 400)
    number = int(stembureau)
    state = ui(request)
    known = {
        s.number
        for s in queries.polling_stations(state.factory, eid)
        if s.municipality_code == code
    }
    if number not in known:
        return _page(request, f"Gemeente {code} heeft geen stembureau {number}.", 400)
    if any(
        i.election == eid
        and i.investigation.committee == code
        and i.investigation.polling_station == number
        for i in investigations(state.factory)
    ):
        return _page(request, f"Stembureau {number} wordt al onderzocht.", 400)
    try:
        request_investigation(ui(request).factory, eid, code, number, aanleiding, who.actor)
    except OSVError as error:
        return _page(request, dutch_error(error), 400)
    return redirect(f"/onderzoeken?melding=Onderzoek van stembureau {number} vastgelegd.")


@router.post("/zittingen/{session_id}/bron/{key}/zonder-nieuwe-uitslag")
def without_new_results(request: Request, who: Coordinator, session_id: int, key: str) -> Response:
    """Conclude a later session's investigation without new results (the count stands)."""
    conclude_without_new_results(ui(request).factory, session_id, key, who.actor)
    return redirect(f"/zittingen/{session_id}/bron/{key}")
