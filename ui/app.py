"""The web application: wiring and error handling in one place.

:func:`create_app` opens the database (or takes a unit-of-work factory from a test), makes the
first administrator when there are no users, removes old pending uploads
(:mod:`osv.service.retention`), loads the templates, includes one router per area
(:mod:`ui.routes`), sets the security headers on every response (:mod:`ui.security`) and
refuses to start when a route declares no access rule (:func:`ui.auth.allow`). Errors of the
services, and input no box takes, are turned into Dutch pages here, so routes stay thin: they
parse a form, call one service and render a template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from eml.xsd import SchemaSet
from osv.config import Settings
from osv.errors import InvariantError, OSVError
from osv.service import queries
from osv.service.bootstrap import UnitOfWorkFactory, unit_of_work_factory
from osv.service.entry import EntryRefusedError
from osv.service.retention import clean_uploads
from osv.service.users import (
    ROLES,
    SESSION_TIMEOUT,
    LoginThrottle,
    ensure_first_administrator,
    session_of,
)
from osv.service.workplace import MunicipalMethod, counting_methods
from osv.store import EntryConflictError, StoreError
from osv.store.queries import CandidateSummary, ListSummary
from osv.store.repository import UnknownElectionError
from results.checks import EntryInputError
from results.entry import EntryTransitionError
from ui.auth import (
    SESSION_COOKIE,
    BadFormError,
    ForbiddenError,
    LoginRequiredError,
    Principal,
    api_routes,
    rule_of,
)
from ui.messages import dutch_error, method_label, state_label
from ui.security import BadInputError, SecurityHeaders
from ui.texts.audit import content_sentence
from ui.texts.findings import finding_sentence, number, quantity_label, unit_label
from ui.texts.numbers import finding_numbers
from ui.texts.result import result_notes, status_label
from ui.texts.values import entry_value

__all__ = ["UiState", "create_app"]

#: Dutch titles and sentences of HTTP errors that are not refusals, by status.
_HTTP_ERRORS = {
    404: ("Niet gevonden", "Deze pagina bestaat niet (meer)."),
    405: ("Niet toegestaan", "Deze pagina kan zo niet worden gebruikt."),
}

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Ballot:
    """An election's candidate lists and candidates as the entry pages name them."""

    lists: tuple[ListSummary, ...]
    candidates: tuple[CandidateSummary, ...]


@dataclass
class UiState:
    """What every route needs, made once per application."""

    factory: UnitOfWorkFactory
    settings: Settings
    templates: Jinja2Templates
    timeout: dt.timedelta
    lifetime: dt.timedelta = dt.timedelta(hours=12)
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    first_password: str | None = None
    _ballots: dict[str, tuple[tuple[int, int], Ballot]] = field(default_factory=dict)

    def ballot(self, eid: str) -> Ballot:
        """The candidate lists and candidates of election ``eid``, read again only when changed.

        Every page of an entry needs them (docs/performance.md). Stored lists are never
        replaced (osv.service.import_checks), only added, so one small query for the number
        and highest id of the candidates tells whether the copy kept is current, also when
        another process (the command line) imported lists meanwhile.
        """
        version = queries.ballot_version(self.factory, eid)
        kept = self._ballots.get(eid)
        if kept is not None and kept[0] == version:
            return kept[1]
        found = Ballot(
            tuple(queries.lists(self.factory, eid)),
            tuple(queries.candidates(self.factory, eid, None)),
        )
        self._ballots[eid] = (version, found)
        return found

    @property
    def schemas(self) -> SchemaSet | None:
        """The official schemas when configured (EML written is validated against them)."""
        return SchemaSet(self.settings.xsd_dir) if self.settings.xsd_dir else None

    def principal(self, request: Request) -> Principal:
        """The signed-in user of ``request`` (cached on the request)."""
        cached = getattr(request.state, "principal", None)
        if isinstance(cached, Principal):
            return cached
        token = request.cookies.get(SESSION_COOKIE, "")
        session = session_of(self.factory, token, self.timeout, self.lifetime) if token else None
        if session is not None and session.kind != "login":
            session = None
        principal = Principal(session.user if session else None, session)
        request.state.principal = principal
        return principal

    def render(
        self, request: Request, template: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        """A page, with the signed-in user and the CSRF token in its context."""
        principal = self.principal(request)
        return self.templates.TemplateResponse(
            request,
            template,
            {
                "who": principal,
                "csrf": principal.csrf,
                "roles": ROLES,
                "methods": self._methods(principal),
                **context,
            },
            status_code=status_code,
        )

    def _methods(self, principal: Principal) -> list[MunicipalMethod]:
        """The municipalities' counting methods, shown on every page of a coordinator or typist
        GSB (none when the database cannot be read: the page saying so must still render)."""
        if principal.user is None or principal.role not in ("coordinator_gsb", "typist_gsb"):
            return []
        try:
            return counting_methods(self.factory)
        except StoreError:
            return []


def create_app(
    settings: Settings | None = None,
    *,
    factory: UnitOfWorkFactory | None = None,
    timeout: dt.timedelta = SESSION_TIMEOUT,
) -> FastAPI:
    """The OSV web application.

    :param settings: where the database is (default: from the environment).
    :param factory: units of work on an opened database (tests); default: opened from
        ``settings``.
    :param timeout: sign-in sessions end after this long without use (and at the latest
        ``settings.session_lifetime`` after the sign-in).
    """
    from ui.routes import (
        account,
        admin,
        candidacy,
        entry,
        investigations,
        login,
        progress,
        sessions,
        shortcuts,
        stages,
        stations,
        totals,
    )

    settings = settings or Settings.from_env()
    factory = factory or unit_of_work_factory(settings)
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["state_label"] = state_label
    templates.env.globals["method_label"] = method_label
    templates.env.globals["finding_sentence"] = finding_sentence
    templates.env.globals["unit_label"] = unit_label
    templates.env.globals["quantity_label"] = quantity_label
    templates.env.filters["getal"] = number
    templates.env.globals["status_label"] = status_label
    templates.env.globals["result_notes"] = result_notes
    templates.env.globals["entry_value"] = entry_value
    templates.env.globals["finding_numbers"] = finding_numbers
    templates.env.globals["content_sentence"] = content_sentence
    state = UiState(factory, settings, templates, timeout, settings.session_lifetime)
    state.first_password = ensure_first_administrator(factory)
    clean_uploads(settings.home / "uploads")

    app = FastAPI(title="OSV", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.osv = state
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (
        login,
        account,
        entry,
        shortcuts,
        sessions,
        progress,
        admin,
        investigations,
        stations,
        stages,
        totals,
        candidacy,
    ):
        app.include_router(module.router)
    for route in api_routes(app.routes):
        if rule_of(route) is None:
            raise RuntimeError(f"route {route.path} declares no access rule (ui.auth.allow)")

    @app.exception_handler(LoginRequiredError)
    async def _login(request: Request, _: Exception) -> Response:
        if request.method == "GET":
            return RedirectResponse(f"/inloggen?volgende={request.url.path}", status_code=303)
        return state.render(
            request, "error.html", 401, title="Niet ingelogd", message="Log eerst in."
        )

    @app.exception_handler(ForbiddenError)
    async def _forbidden(request: Request, _: Exception) -> Response:
        return state.render(
            request,
            "error.html",
            403,
            title="Geen toegang",
            message="Met jouw rol mag je deze pagina niet gebruiken.",
        )

    @app.exception_handler(BadFormError)
    async def _bad_form(request: Request, _: Exception) -> Response:
        return state.render(
            request,
            "error.html",
            400,
            title="Formulier verlopen",
            message="Het formulier is verlopen of niet van deze site. Laad de "
            "pagina opnieuw en probeer het nog eens.",
        )

    @app.exception_handler(BadInputError)
    async def _bad_input(request: Request, error: Exception) -> Response:
        if not isinstance(error, BadInputError):
            raise InvariantError("the bad-input handler received another error")
        return state.render(
            request, "error.html", 400, title="Niet aangenomen", message=error.message
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, _: Exception) -> Response:
        """A box missing or of the wrong kind (FastAPI's check of a route's parameters): a
        Dutch page instead of FastAPI's English JSON."""
        return state.render(
            request,
            "error.html",
            400,
            title="Niet aangenomen",
            message="Een vak ontbreekt of is niet goed ingevuld; er is niets opgeslagen. Laad "
            "de pagina opnieuw en probeer het nog eens.",
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: Exception) -> Response:
        """An HTTP error (an unknown page, a wrong method) as a Dutch page; the English detail
        of the route stays out of sight."""
        if not isinstance(error, StarletteHTTPException):
            raise InvariantError("the HTTP error handler received another error")
        title, message = _HTTP_ERRORS.get(
            error.status_code, ("Niet gelukt", "Dit verzoek kan niet worden uitgevoerd.")
        )
        return state.render(request, "error.html", error.status_code, title=title, message=message)

    @app.exception_handler(OSVError)
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
        return state.render(
            request, "error.html", status, title="Niet gelukt", message=dutch_error(error)
        )

    return app
