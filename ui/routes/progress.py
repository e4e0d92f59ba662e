"""Progress for observers and coordinators, and the read-only display link for a projector.

A projector must not go blank because a sign-in timed out (Abacus issue #3234). A coordinator
makes a *display link*: a secret URL ``/beamer/<token>`` that shows only the progress (states
and counts of findings per session, never typed values), refreshes itself every 15 seconds,
does not time out, and works until a coordinator revokes it. The token is the credential, so
the route is public; only the SHA-256 of the token is stored.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from osv.service.display_links import create_display_link, display_links, revoke_display_link
from osv.service.entry.read import STATE_ORDER, session_progress, sessions
from osv.service.users import session_of
from ui.auth import COORDINATORS, OBSERVERS, PUBLIC, Principal, allow
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Watcher = Annotated[Principal, Depends(allow(*OBSERVERS, *COORDINATORS))]
Coordinator = Annotated[Principal, Depends(allow(*COORDINATORS))]


def _progress(request: Request) -> list[tuple[object, object]]:
    factory = ui(request).factory
    return [(info, session_progress(factory, info.id)) for info in sessions(factory)]


@router.get("/voortgang")
def progress_page(request: Request, who: Watcher, link: str = "") -> Response:
    """The progress of every session; coordinators also manage display links."""
    state = ui(request)
    links = display_links(state.factory) if who.role.startswith("coordinator") else []
    return state.render(
        request,
        "progress/page.html",
        items=_progress(request),
        states=STATE_ORDER,
        links=links,
        new_link=link,
        display=False,
    )


@router.post("/voortgang/beamer")
def new_link(request: Request, who: Coordinator) -> Response:
    """Make a display link for a projector."""
    token = create_display_link(ui(request).factory, who.name)
    return redirect(f"/voortgang?link={token}")


@router.post("/voortgang/beamer/{link_id}/intrekken")
def revoke(request: Request, who: Coordinator, link_id: int) -> Response:
    """Stop a display link."""
    revoke_display_link(ui(request).factory, link_id, who.name)
    return redirect("/voortgang")


@router.get("/beamer/{token}")
def display(
    request: Request, who: Annotated[Principal, Depends(allow(PUBLIC))], token: str
) -> Response:
    """The progress on a projector: no sign-in, no timeout, refreshes itself."""
    state = ui(request)
    found = session_of(state.factory, token, dt.timedelta(days=3650))
    if found is None or found.kind != "display":
        return state.render(
            request,
            "error.html",
            404,
            title="Onbekende link",
            message="Deze weergavelink bestaat niet (meer).",
        )
    return state.render(
        request,
        "progress/page.html",
        items=_progress(request),
        states=STATE_ORDER,
        links=[],
        new_link="",
        display=True,
    )
