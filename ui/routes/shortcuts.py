"""The typist's onboarding: the explanation of the entry pages' keyboard shortcuts.

Every entry page (``/invoer/…`` and ``/totalen/…``) carries the explanation
(``ui/templates/entry/shortcuts.html``): a ``<dialog>`` that is open until the typist confirms
it once, and that the link "Uitleg sneltoetsen" or the ``?`` key opens again. The confirmation is
stored per user (``users.shortcuts_confirmed_at``) by the one route here, which works without
JavaScript: the form posts, and the typist returns to the page they were on.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from osv.service.users import confirm_shortcuts
from ui.auth import TYPISTS, Principal, allow
from ui.routes.common import redirect, ui

__all__ = ["back_to", "router"]

router = APIRouter()

#: The pages the explanation is shown on; a return address elsewhere goes to the start page.
_ENTRY_PAGES = ("/invoer/", "/totalen/")


@router.post("/sneltoetsen/begrepen")
def confirm(
    request: Request,
    who: Annotated[Principal, Depends(allow(*TYPISTS))],
    terug: Annotated[str, Form()] = "/",
) -> Response:
    """Record that the typist read the explanation; back to the entry page they came from."""
    confirm_shortcuts(ui(request).factory, who.name)
    return redirect(back_to(terug))


def back_to(path: str) -> str:
    """``path`` without its query and fragment when it is an entry page of this site, else
    ``/`` (a return address from a form is never followed off the site)."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    if path.startswith(_ENTRY_PAGES) and "//" not in path and "\\" not in path:
        return path
    return "/"
