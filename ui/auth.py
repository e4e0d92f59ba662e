"""Who may open which page: sign-in sessions, roles per route, CSRF tokens.

Every route declares its rule with :func:`allow`, as a dependency::

    @router.get("/invoer")
    def stations(who: Annotated[Principal, Depends(allow(*TYPISTS))]) -> Response: ...

:func:`ui.app.create_app` refuses to start when a route has no rule, so a page is never
reachable by accident (deny by default), and ``tests/ui/test_authorisation.py`` checks every
route with every role. The rule dependency, in this order:

1. refuses an address (path or query) holding what no box takes (:mod:`ui.security`): 400;
2. finds the sign-in session from the ``osv_sessie`` cookie (server-side, sliding timeout and
   absolute lifetime);
3. without one, sends a browser to the sign-in page (``GET``) or answers 401;
4. refuses a role that is not allowed with 403;
5. for a ``POST``, refuses a form holding what no box takes (400, nothing stored), then checks
   its ``csrf`` field against the session's token: 400 when it differs (the page was old, or
   the post came from another site).

Public routes (the sign-in page, a projector's display link) use ``allow(PUBLIC)``: the input
guard applies to them too; the sign-in form is protected with a double-submit CSRF cookie
instead.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.datastructures import FormData

from osv.service.entry import Actor
from osv.store import User, WebSession
from ui.security import BadInputError, input_problem

__all__ = [
    "ADMINISTRATORS",
    "ALL_ROLES",
    "COORDINATORS",
    "CSB_COORDINATORS",
    "CSB_TYPISTS",
    "GSB_COORDINATORS",
    "GSB_TYPISTS",
    "HSB_CSB_COORDINATORS",
    "OBSERVERS",
    "PUBLIC",
    "SESSION_COOKIE",
    "TYPISTS",
    "BadFormError",
    "ForbiddenError",
    "LoginRequiredError",
    "Principal",
    "allow",
    "api_routes",
    "rule_of",
]

SESSION_COOKIE = "osv_sessie"
PUBLIC = "public"
ALL_ROLES = (
    "administrator",
    "coordinator_gsb",
    "coordinator_hsb",
    "coordinator_csb",
    "typist_gsb",
    "typist_csb",
    "observer",
)
ADMINISTRATORS = ("administrator",)
COORDINATORS = ("coordinator_gsb", "coordinator_hsb", "coordinator_csb")
GSB_COORDINATORS = ("coordinator_gsb",)
CSB_COORDINATORS = ("coordinator_csb",)
GSB_TYPISTS = ("typist_gsb",)
OBSERVERS = ("observer",)
#: The coordinators of the principal and central polling stations (ui/routes/stages.py).
HSB_CSB_COORDINATORS = ("coordinator_hsb", "coordinator_csb")
#: The typists of the principal and central polling stations (ui/routes/totals.py).
CSB_TYPISTS = ("typist_csb",)
#: Every typist: the entry pages' shortcut explanation (ui/routes/shortcuts.py).
TYPISTS = (*GSB_TYPISTS, *CSB_TYPISTS)


class LoginRequiredError(Exception):
    """No valid sign-in session: sign in first."""


class ForbiddenError(Exception):
    """The signed-in user's role may not open this page."""


class BadFormError(Exception):
    """A form without the right CSRF token."""


@dataclass(frozen=True)
class Principal:
    """The signed-in user of a request (``None`` fields on a public page)."""

    user: User | None
    session: WebSession | None

    @property
    def name(self) -> str:
        """The user's name."""
        return self.user.name if self.user else ""

    @property
    def role(self) -> str:
        """The user's role (``""`` when nobody is signed in)."""
        return self.user.role if self.user else ""

    @property
    def csrf(self) -> str:
        """The CSRF token for this session's forms."""
        return self.session.csrf_token if self.session else ""

    @property
    def actor(self) -> Actor:
        """The user as an actor of the entry services."""
        if self.role.startswith("coordinator"):
            return Actor(self.name, "coordinator")
        return Actor(self.name, "typist")


def allow(*roles: str) -> Callable[..., Any]:
    """The dependency of a route that only ``roles`` may use (or :data:`PUBLIC`).

    After the route, the posted form's uploaded files are closed (a route that takes no files
    does not read them, and they must not wait for the garbage collector).
    """

    async def check(request: Request) -> AsyncIterator[Principal]:
        try:
            yield await _checked(request)
        finally:
            form = getattr(request.state, "osv_form", None)
            if form is not None:
                await form.close()

    async def _checked(request: Request) -> Principal:
        problem = input_problem(request)
        if problem is not None:
            raise BadInputError(problem)
        resolve = request.app.state.osv.principal
        principal: Principal = resolve(request)
        if PUBLIC in roles:
            if request.method == "POST":
                await _guard_form(request)
            return principal
        if principal.user is None:
            raise LoginRequiredError
        if principal.role not in roles:
            raise ForbiddenError
        if request.method == "POST":
            form = await _guard_form(request)
            token = form.get("csrf")
            if not isinstance(token, str) or not hmac.compare_digest(token, principal.csrf):
                raise BadFormError
        return principal

    check.osv_roles = roles  # type: ignore[attr-defined]
    return check


async def _guard_form(request: Request) -> FormData:
    """The posted form, or :class:`BadInputError` (its uploaded files closed) when it holds
    what no box takes."""
    form = await request.form()
    request.state.osv_form = form
    problem = input_problem(request, form)
    if problem is not None:
        raise BadInputError(problem)
    return form


def api_routes(routes: Iterable[Any]) -> Iterator[APIRoute]:
    """Every API route of an application, also inside included routers (whose routes FastAPI
    keeps as they were declared: OSV's routers have no prefix)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from api_routes(inner.routes)


def rule_of(route: APIRoute) -> tuple[str, ...] | None:
    """The roles a route allows, or ``None`` when it declares no rule."""
    for dependency in route.dependant.dependencies:
        roles = getattr(dependency.call, "osv_roles", None)
        if roles is not None:
            return tuple(roles)
    return None
