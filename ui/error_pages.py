"""The Dutch error pages of the application: sign-in required, no access, an expired form, a
box missing, an HTTP error, and a refusal of a service (:class:`~osv.errors.OSVError`).

Each handler renders ``error.html`` with its status; the texts are in :mod:`ui.texts.errors`
and, for refusals, :func:`ui.messages.dutch_error`. :func:`add_error_pages` registers them.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from osv.errors import InvariantError, OSVError
from osv.service.entry import EntryRefusedError
from osv.store import EntryConflictError, StoreError
from osv.store.repository import UnknownElectionError
from results.checks import EntryInputError
from results.entry import EntryTransitionError
from ui.auth import BadFormError, ForbiddenError, LoginRequiredError
from ui.messages import dutch_error
from ui.routes.common import ui
from ui.security import BadInputError
from ui.texts.errors import ERROR_PAGES, HTTP_ERRORS

__all__ = ["add_error_pages"]


def _page(request: Request, status: int, key: str, message: str | None = None) -> Response:
    title, text = ERROR_PAGES[key]
    return ui(request).render(
        request, "error.html", status, title=title, message=text if message is None else message
    )


async def _login(request: Request, _: Exception) -> Response:
    if request.method == "GET":
        return RedirectResponse(f"/inloggen?volgende={request.url.path}", status_code=303)
    return _page(request, 401, "login_required")


async def _forbidden(request: Request, _: Exception) -> Response:
    return _page(request, 403, "forbidden")


async def _bad_form(request: Request, _: Exception) -> Response:
    return _page(request, 400, "bad_form")


async def _bad_input(request: Request, error: Exception) -> Response:
    if not isinstance(error, BadInputError):
        raise InvariantError("the bad-input handler received another error")
    return _page(request, 400, "bad_input", error.message)


async def _invalid(request: Request, _: Exception) -> Response:
    """A box missing or of the wrong kind (FastAPI's check of a route's parameters): a Dutch
    page instead of FastAPI's English JSON."""
    return _page(request, 400, "invalid")


async def _http(request: Request, error: Exception) -> Response:
    """An HTTP error (an unknown page, a wrong method) as a Dutch page; the English detail of
    the route stays out of sight."""
    if not isinstance(error, StarletteHTTPException):
        raise InvariantError("the HTTP error handler received another error")
    title, message = HTTP_ERRORS.get(error.status_code, ERROR_PAGES["http"])
    return ui(request).render(
        request, "error.html", error.status_code, title=title, message=message
    )


async def _refused(request: Request, error: Exception) -> Response:
    status = (
        409
        if isinstance(error, EntryConflictError | EntryTransitionError)
        else 400
        if isinstance(error, EntryRefusedError | EntryInputError | UnknownElectionError)
        else 503
        if isinstance(error, StoreError)
        else 400
    )
    if not isinstance(error, OSVError):
        raise InvariantError("the OSV error handler received another error")
    return _page(request, status, "refused", dutch_error(error))


def add_error_pages(app: FastAPI) -> None:
    """Show every error of ``app`` as a Dutch page."""
    app.add_exception_handler(LoginRequiredError, _login)
    app.add_exception_handler(ForbiddenError, _forbidden)
    app.add_exception_handler(BadFormError, _bad_form)
    app.add_exception_handler(BadInputError, _bad_input)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(OSVError, _refused)
