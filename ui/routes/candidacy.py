"""The central polling station's candidacy pages (docs/candidacy.md).

A CSB coordinator uploads the submitted lists (CSV, one row per candidate) and the election
file; :mod:`osv.service.candidacy.stored` keeps them in the database (the CSB's working data:
personal data stay on the server and are never shown beyond the published name). The page
shows the findings with article and consequence; the coordinator records which omissions were
repaired, the outcome of any lot and where the CSB departs from the proposal (per finding: what
it decides instead and why), and decides: OSV proposes the decisions, numbers the lists
(or says which lot to draw) and keeps the 230b per district and model I 4, downloadable as one
zip. This module only reads forms and renders pages; it touches no files.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from candidacy import Finding, LotsRequired, check_lists
from candidacy.decisions import departure_text
from candidacy.departures import lawful_departures
from eml.hash import format_digest
from osv.errors import OSVError
from osv.service.candidacy.decisions import match_decisions
from osv.service.candidacy.stored import (
    Submission,
    decide_and_publish,
    load_submission,
    publication_files,
    store_submission,
)
from ui.auth import CSB_COORDINATORS, Principal, allow
from ui.messages import INSTEAD_LABELS, dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Coordinator = Annotated[Principal, Depends(allow(*CSB_COORDINATORS))]


def _not_found(request: Request) -> Response:
    return ui(request).render(
        request,
        "error.html",
        404,
        title="Onbekende kandidaatstelling",
        message="Deze upload bestaat niet (meer). Upload de lijsten opnieuw.",
    )


def _findings_context(findings: Sequence[Finding]) -> dict[str, Any]:
    """The findings with, per finding where the CSB may depart, the decisions it may take."""
    options = {}
    for index, finding in enumerate(findings):
        lawful = lawful_departures(finding)
        if len(lawful) > 1:
            options[index] = [(i.value, INSTEAD_LABELS[i.value]) for i in lawful]
    return {"findings": list(enumerate(findings)), "options": options}


def _published_context(submission: Submission) -> dict[str, Any]:
    """The earlier publication, if any: when, by whom, its files with their hashes."""
    published = submission.published
    if published is None:
        return {"published": None}
    return {
        "published": published,
        "published_files": [
            (name, format_digest(bytes.fromhex(digest))) for name, digest in published.files
        ],
    }


def _departures(form: FormData, count: int) -> dict[int, tuple[str, str]]:
    """Per finding index, the decision chosen instead of the proposal and its reason."""
    chosen = {}
    for index in range(count):
        instead = str(form.get(f"afwijking-{index}", "")).strip()
        if instead:
            chosen[index] = (instead, str(form.get(f"reden-{index}", "")).strip())
    return chosen


@router.get("/kandidaatstelling")
def start(request: Request, who: Coordinator) -> Response:
    """The upload form."""
    return ui(request).render(request, "candidacy/upload.html")


@router.post("/kandidaatstelling")
async def upload(request: Request, who: Coordinator) -> Response:
    """Keep the uploaded lists and election file (in the database) if they can be read."""
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
        token = store_submission(state.factory, lists_data, setup_data, who.name)
    except OSVError as error:
        return state.render(request, "candidacy/upload.html", 400, message=dutch_error(error))
    return redirect(f"/kandidaatstelling/{token}")


@router.get("/kandidaatstelling/{token}")
def findings_page(request: Request, who: Coordinator, token: str) -> Response:
    """The lists and the findings; the form to record repairs, lot outcomes and departures,
    filled in with the decisions of the earlier publication, if any."""
    submission = load_submission(ui(request).factory, token)
    if submission is None:
        return _not_found(request)
    setup, lists = submission.setup, submission.lists
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    context: dict[str, Any] = {"departures": {}}
    if submission.published is not None:
        # Start from the decisions of the earlier publication; say which no longer fit.
        recorded = submission.published.decisions
        matched = match_decisions(findings, recorded)
        context = {
            "repaired": matched.repaired,
            "lots": "\n".join(recorded.lots),
            "departures": {
                index: (departure.instead.value, departure.reason)
                for index, departure in matched.departures.items()
            },
            "unmatched_repairs": matched.unmatched_repairs,
            "unmatched_departures": matched.unmatched_departures,
        }
    return ui(request).render(
        request,
        "candidacy/findings.html",
        token=token,
        setup=setup,
        lists=lists,
        instead_labels=INSTEAD_LABELS,
        **context,
        **_published_context(submission),
        **_findings_context(findings),
    )


@router.post("/kandidaatstelling/{token}/besluiten")
async def decide(request: Request, who: Coordinator, token: str) -> Response:
    """Decide with the recorded repairs, number (or ask for a lot) and publish."""
    state = ui(request)
    submission = load_submission(state.factory, token)
    if submission is None:
        return _not_found(request)
    form = await request.form()
    repaired = {int(str(v)) for v in form.getlist("hersteld") if str(v).isdigit()}
    lots = [line.strip() for line in str(form.get("loten", "")).splitlines() if line.strip()]
    setup, lists = submission.setup, submission.lists
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    departures = _departures(form, len(findings))
    context = {
        "token": token,
        "setup": setup,
        "lists": lists,
        "repaired": repaired,
        "lots": "\n".join(lots),
        "departures": departures,
        "instead_labels": INSTEAD_LABELS,
        **_published_context(submission),
        **_findings_context(findings),
    }
    try:
        result = decide_and_publish(
            state.factory,
            submission,
            who.name,
            repaired=repaired,
            lots=lots,
            departures=departures,
            schemas=state.schemas,
        )
    except OSVError as error:
        return state.render(
            request, "candidacy/findings.html", 400, message=dutch_error(error), **context
        )
    if isinstance(result, LotsRequired):
        return state.render(
            request, "candidacy/findings.html", 409, required=result.lots, **context
        )
    return state.render(
        request,
        "candidacy/published.html",
        token=token,
        setup=setup,
        result=result,
        by_key={lst.key: lst for lst in lists},
        departed=[
            (decision.list_key, departure, departure_text(departure))
            for decision in result.decisions
            for departure in decision.departures
        ],
    )


@router.get("/kandidaatstelling/{token}/publicatie.zip")
def download(request: Request, who: Coordinator, token: str) -> Response:
    """The 230b files and model I 4 as one zip."""
    files = publication_files(ui(request).factory, token)
    if not files:
        return _not_found(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="kandidatenlijsten.zip"'},
    )
