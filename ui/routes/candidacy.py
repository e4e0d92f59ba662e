"""The central polling station's candidacy pages (docs/candidacy.md).

A CSB coordinator uploads the submitted lists (CSV, one row per candidate) and the election
file; they are kept in a folder of their own under ``$OSV_HOME/kandidaatstelling`` (the CSB's
working data: personal data stay on the server and are never shown beyond the published name).
The page shows the findings with article and consequence; the coordinator records which
omissions were repaired and the outcome of any lot, and decides: OSV proposes the decisions,
numbers the lists (or says which lot to draw) and writes the 230b per district and model I 4,
downloadable as one zip.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import zipfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from candidacy import LotsRequired, SubmittedList, check_lists
from osv.errors import OSVError
from osv.service.candidacy import (
    CandidacySetup,
    parse_lists,
    parse_setup,
    publish,
    write_report,
)
from ui.auth import CSB_COORDINATORS, Principal, allow
from ui.messages import dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Coordinator = Annotated[Principal, Depends(allow(*CSB_COORDINATORS))]
_LISTS = "lijsten.csv"
_SETUP = "verkiezing.json"
_OUT = "publicatie"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,}")


def _root(request: Request) -> Path:
    return ui(request).settings.home / "kandidaatstelling"


def _folder(request: Request, token: str) -> Path | None:
    """The upload folder of ``token``, or ``None`` when there is none."""
    if not _TOKEN.fullmatch(token):
        return None
    folder = _root(request) / token
    return folder if (folder / _LISTS).is_file() and (folder / _SETUP).is_file() else None


def _not_found(request: Request) -> Response:
    return ui(request).render(
        request,
        "error.html",
        404,
        title="Onbekende kandidaatstelling",
        message="Deze upload bestaat niet (meer). Upload de lijsten opnieuw.",
    )


@router.get("/kandidaatstelling")
def start(request: Request, who: Coordinator) -> Response:
    """The upload form."""
    return ui(request).render(request, "candidacy/upload.html")


@router.post("/kandidaatstelling")
async def upload(request: Request, who: Coordinator) -> Response:
    """Keep the uploaded lists and election file after checking that they can be read."""
    state = ui(request)
    form = await request.form()
    lists_file, setup_file = form.get("lijsten"), form.get("verkiezing")
    if not isinstance(lists_file, UploadFile) or not isinstance(setup_file, UploadFile):
        return state.render(
            request,
            "candidacy/upload.html",
            400,
            message="Kies de lijsten en het verkiezingsbestand.",
        )
    lists_data, setup_data = await lists_file.read(), await setup_file.read()
    await lists_file.close()
    await setup_file.close()
    try:
        parse_lists(lists_data, "de lijsten")
        parse_setup(setup_data, "het verkiezingsbestand")
    except OSVError as error:
        return state.render(request, "candidacy/upload.html", 400, message=dutch_error(error))
    token = secrets.token_urlsafe(16)
    folder = _root(request) / token
    folder.mkdir(parents=True)
    (folder / _LISTS).write_bytes(lists_data)
    (folder / _SETUP).write_bytes(setup_data)
    return redirect(f"/kandidaatstelling/{token}")


def _load(folder: Path) -> tuple[CandidacySetup, tuple[SubmittedList, ...]]:
    setup = parse_setup((folder / _SETUP).read_bytes(), "het verkiezingsbestand")
    return setup, parse_lists((folder / _LISTS).read_bytes(), "de lijsten")


@router.get("/kandidaatstelling/{token}")
def findings_page(request: Request, who: Coordinator, token: str) -> Response:
    """The lists and the findings; the form to record repairs and lot outcomes."""
    folder = _folder(request, token)
    if folder is None:
        return _not_found(request)
    setup, lists = _load(folder)
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    return ui(request).render(
        request,
        "candidacy/findings.html",
        token=token,
        setup=setup,
        lists=lists,
        findings=list(enumerate(findings)),
    )


@router.post("/kandidaatstelling/{token}/besluiten")
async def decide(request: Request, who: Coordinator, token: str) -> Response:
    """Decide with the recorded repairs, number (or ask for a lot) and publish."""
    state = ui(request)
    folder = _folder(request, token)
    if folder is None:
        return _not_found(request)
    form = await request.form()
    repaired = {int(str(v)) for v in form.getlist("hersteld") if str(v).isdigit()}
    lots = [line.strip() for line in str(form.get("loten", "")).splitlines() if line.strip()]
    setup, lists = _load(folder)
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    created = dt.datetime.now().replace(microsecond=0)
    context = {
        "token": token,
        "setup": setup,
        "lists": lists,
        "findings": list(enumerate(findings)),
        "repaired": repaired,
        "lots": "\n".join(lots),
    }
    try:
        result = publish(
            lists,
            setup,
            folder / _OUT,
            lots=lots,
            created=created,
            schemas=state.schemas,
            repaired=repaired,
        )
    except OSVError as error:
        return state.render(
            request, "candidacy/findings.html", 400, message=dutch_error(error), **context
        )
    if isinstance(result, LotsRequired):
        return state.render(
            request, "candidacy/findings.html", 409, required=result.lots, **context
        )
    write_report(lists, setup, result, folder / _OUT, created)
    return state.render(
        request,
        "candidacy/published.html",
        token=token,
        setup=setup,
        result=result,
        by_key={lst.key: lst for lst in lists},
    )


@router.get("/kandidaatstelling/{token}/publicatie.zip")
def download(request: Request, who: Coordinator, token: str) -> Response:
    """The 230b files and model I 4 as one zip."""
    folder = _folder(request, token)
    if folder is None or not (folder / _OUT).is_dir():
        return _not_found(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((folder / _OUT).iterdir()):
            archive.writestr(path.name, path.read_bytes())
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="kandidatenlijsten.zip"'},
    )
