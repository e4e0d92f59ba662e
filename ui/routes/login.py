"""Signing in and out, and the start page that sends each role to its work."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from osv.service.users import SignInRefusedError, sign_in, sign_out
from ui.auth import ALL_ROLES, PUBLIC, SESSION_COOKIE, BadFormError, Principal, allow
from ui.messages import dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()

_LOGIN_CSRF = "osv_login_csrf"
_HOME = {
    "administrator": "/beheer",
    "coordinator_gsb": "/zittingen",
    "coordinator_hsb": "/uitslag",
    "coordinator_csb": "/uitslag",
    "typist_csb": "/totalen",
    "typist_gsb": "/invoer",
    "observer": "/voortgang",
}


@router.get("/inloggen")
def login_page(
    request: Request, who: Annotated[Principal, Depends(allow(PUBLIC))], volgende: str = "/"
) -> Response:
    """The sign-in form (with a fresh double-submit CSRF token)."""
    token = request.cookies.get(_LOGIN_CSRF) or secrets.token_urlsafe(24)
    page = ui(request).render(
        request,
        "login.html",
        csrf=token,
        next=_safe(volgende),
        first_password=ui(request).first_password,
    )
    page.set_cookie(
        _LOGIN_CSRF, token, httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return page


@router.post("/inloggen")
def login(
    request: Request,
    who: Annotated[Principal, Depends(allow(PUBLIC))],
    naam: Annotated[str, Form()] = "",
    wachtwoord: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
    volgende: Annotated[str, Form()] = "/",
) -> Response:
    """Check the name and password; start a session."""
    cookie = request.cookies.get(_LOGIN_CSRF, "")
    if not cookie or not secrets.compare_digest(cookie, csrf):
        raise BadFormError
    state = ui(request)
    client = request.client.host if request.client else "?"
    try:
        token, _ = sign_in(state.factory, naam, wachtwoord, state.throttle, client)
    except SignInRefusedError as error:
        return state.render(
            request,
            "login.html",
            401,
            csrf=cookie,
            next=_safe(volgende),
            error=dutch_error(error),
            name=naam,
        )
    response = redirect(_safe(volgende))
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=int(state.lifetime.total_seconds()),
    )
    return response


@router.post("/uitloggen")
def logout(request: Request, who: Annotated[Principal, Depends(allow(*ALL_ROLES))]) -> Response:
    """End the session."""
    sign_out(ui(request).factory, request.cookies.get(SESSION_COOKIE, ""))
    response = redirect("/inloggen")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/")
def home(request: Request, who: Annotated[Principal, Depends(allow(*ALL_ROLES))]) -> Response:
    """Each role's start page; roles without pages yet get an explanation."""
    target = _HOME.get(who.role)
    if target:
        return redirect(target)
    return ui(request).render(request, "home.html")


def _safe(target: str) -> str:
    """Only a path on this site (no open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"
