"""Every user's own account: the sessions they are signed in with, and their password.

A user sees where they are signed in (when, last used, from which address), ends a session they
do not recognise or all the others, and changes their own password, giving the old one
(:mod:`osv.service.users`). Changing the password ends their other sessions.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from osv.errors import OSVError
from osv.service.users import change_own_password, end_other_sessions, end_own_session, own_sessions
from ui.auth import ALL_ROLES, Principal, allow
from ui.messages import dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Anyone = Annotated[Principal, Depends(allow(*ALL_ROLES))]


def _page(request: Request, who: Principal, message: str = "", status: int = 200) -> Response:
    state = ui(request)
    return state.render(
        request,
        "account/page.html",
        status,
        sessions=own_sessions(state.factory, who.name, state.timeout, state.lifetime),
        current=who.session.id if who.session else None,
        timeout_minutes=int(state.timeout.total_seconds() // 60),
        lifetime_hours=f"{state.lifetime.total_seconds() / 3600:g}",
        message=message,
        error=status >= 400,
    )


@router.get("/account")
def account(request: Request, who: Anyone, melding: str = "") -> Response:
    """The user's sessions and the form to change their password."""
    return _page(request, who, melding)


@router.post("/account/wachtwoord")
def change_password(
    request: Request,
    who: Anyone,
    oud: Annotated[str, Form()] = "",
    nieuw: Annotated[str, Form()] = "",
    herhaald: Annotated[str, Form()] = "",
) -> Response:
    """Change the user's own password (the old one required); the other sessions end."""
    if nieuw != herhaald:
        return _page(request, who, "De twee nieuwe wachtwoorden zijn niet gelijk.", 400)
    state = ui(request)
    try:
        change_own_password(
            state.factory,
            who.name,
            oud,
            nieuw,
            throttle=state.throttle,
            client=request.client.host if request.client else "?",
            keep=who.session.id if who.session else None,
        )
    except OSVError as error:
        return _page(request, who, dutch_error(error), 400)
    return redirect(
        "/account?melding=Je wachtwoord is gewijzigd; je andere sessies zijn beëindigd."
    )


@router.post("/account/sessies/{session_id}/beeindigen")
def end_session(request: Request, who: Anyone, session_id: int) -> Response:
    """End one of the user's own sessions."""
    try:
        end_own_session(ui(request).factory, who.name, session_id)
    except OSVError as error:
        return _page(request, who, dutch_error(error), 400)
    return redirect("/account?melding=De sessie is beëindigd.")


@router.post("/account/sessies/andere-beeindigen")
def end_others(request: Request, who: Anyone) -> Response:
    """End every session of the user but this one."""
    keep = who.session.id if who.session else 0
    ended = end_other_sessions(ui(request).factory, who.name, keep)
    return redirect(f"/account?melding={ended} andere sessie(s) beëindigd.")
