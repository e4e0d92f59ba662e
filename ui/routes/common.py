"""What the route modules share: the application state and redirects."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse

from ui.app import UiState

__all__ = ["redirect", "ui"]


def ui(request: Request) -> UiState:
    """The application's :class:`~ui.app.UiState`."""
    state: UiState = request.app.state.osv
    return state


def redirect(url: str) -> RedirectResponse:
    """Go to ``url`` after a post (303 See Other)."""
    return RedirectResponse(url, status_code=303)
