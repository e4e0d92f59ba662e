"""Uploading count files to an HSB or CSB stage, and a municipality's 510b as its first entry.

An upload is checked first and kept pending in the installation's folder; the user then types the
two hidden groups of each file's hash code, as printed on the paper report, and only files whose
groups match are stored (:func:`confirm`, :func:`confirm_first_entry`). The pending upload is
removed whatever the outcome, as the administrator's import does.
"""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData, UploadFile

from eml.hash import hidden_groups
from osv.errors import OSVError
from osv.service.entry import Actor
from osv.service.result.stored import (
    CheckedCount,
    check_count,
    check_first_entry,
    import_first_entry,
    upload_count,
)
from ui.auth import Principal
from ui.routes.common import redirect, ui
from ui.routes.stage_page import (
    Coordinator,
    limits,
    refusal_page,
    require_level,
    stage_page,
)
from ui.texts.stages import notice, place, stage_title

__all__ = ["router"]

router = APIRouter()
#: The file in a pending upload's folder that names its election and stage.
_STAGE = "stembureau.txt"
#: The word in that file that marks a pending 510b to become a municipality's first entry.
_FIRST_ENTRY = "eerste-invoer"


def _error(request: Request, who: Principal, eid: str, committee: str, message: str) -> Response:
    return stage_page(request, who, eid, committee, message, 400, error=True)


@router.post("/uitslag/{eid}/{committee}/tellingen")
async def upload(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Check one or more count files and keep them pending; ask for their hidden hash groups."""
    form = await request.form()
    try:
        require_level(who, committee)
        return await _check_uploads(request, who, eid, committee, form)
    finally:
        await form.close()


async def _check_uploads(
    request: Request, who: Principal, eid: str, committee: str, form: FormData
) -> Response:
    state = ui(request)
    files = [f for f in form.getlist("bestanden") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return _error(request, who, eid, committee, notice("choose_files"))
    token = secrets.token_urlsafe(16)
    folder = _pending(request) / token
    folder.mkdir(parents=True)
    (folder / _STAGE).write_text(f"{eid}\n{committee}\n", encoding="utf-8")
    checked: list[CheckedCount] = []
    try:
        for index, upload_file in enumerate(files):
            data = await upload_file.read()
            count = check_count(
                state.factory,
                eid,
                committee,
                upload_file.filename or "telling.xml",
                data,
                schemas=state.schemas,
                limits=limits(request),
            )
            if any(c.file_name == count.file_name for c in checked):
                shutil.rmtree(folder, ignore_errors=True)
                twice = notice("twice_in_upload", name=count.file_name)
                return _error(request, who, eid, committee, twice)
            kept = folder / str(index)
            kept.mkdir()
            (kept / count.file_name).write_bytes(data)
            checked.append(count)
    except OSVError as refused:
        shutil.rmtree(folder, ignore_errors=True)
        others = notice("others_not_kept") if len(files) > 1 else ""
        return refusal_page(request, who, eid, committee, refused, more=others)
    return _hash_page(request, eid, committee, token, checked, first_entry=False)


def _pending_folder(request: Request, token: str, marks: list[str]) -> Path | str:
    """The folder of the pending upload ``token`` whose note reads ``marks`` (election, stage,
    and for a first entry its word and municipality); otherwise why not, in Dutch."""
    folder = _pending(request) / token
    if not re.fullmatch(r"[A-Za-z0-9_-]{10,}", token) or not folder.is_dir():
        return notice("upload_gone")
    stage_file = folder / _STAGE
    if not stage_file.is_file() or stage_file.read_text(encoding="utf-8").split()[:3] != marks[:3]:
        return notice("other_stage")
    return folder


def _hash_page(
    request: Request,
    eid: str,
    committee: str,
    token: str,
    checked: list[CheckedCount],
    *,
    first_entry: bool,
) -> Response:
    """Ask for the two hidden hash groups of each checked file of the pending upload ``token``."""
    step = "eerste-invoer" if first_entry else "tellingen"
    return ui(request).render(
        request,
        "stages/hash.html",
        eid=eid,
        committee=committee,
        title=stage_title(committee, eid),
        token=token,
        confirm_url=f"/uitslag/{eid}/{committee}/{step}/bevestigen",
        first_entry=first_entry,
        rows=[
            (
                index,
                count,
                place(count.message_type, count.part, count.part_name),
                _hidden_numbers(count),
            )
            for index, count in enumerate(checked)
        ],
    )


def _hidden_numbers(count: CheckedCount) -> tuple[int, int]:
    """The 1-based numbers of the two hidden groups, as the user counts them on paper."""
    first, second = hidden_groups(bytes.fromhex(count.sha256))
    return first + 1, second + 1


def _pending(request: Request) -> Path:
    """Where checked uploads wait for their hash groups (like the administrator's import)."""
    return ui(request).settings.home / "uploads" / "uitslag"


@router.post("/uitslag/{eid}/{committee}/tellingen/bevestigen")
async def confirm(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Store the pending count files whose typed hash groups match, in the order uploaded.

    Each file is its own transaction; at the first refusal (wrong groups, or a file that no
    longer fits) the files before it stay, the rest is not stored, and the pending upload is
    removed either way (as the administrator's import does).
    """
    require_level(who, committee)
    form = await request.form()
    folder = _pending_folder(request, str(form.get("upload", "")), [eid, committee])
    if isinstance(folder, str):
        return _error(request, who, eid, committee, folder)
    state = ui(request)
    stored: list[str] = []
    try:
        kept = sorted(
            (int(sub.name), path)
            for sub in folder.iterdir()
            if sub.is_dir() and sub.name.isdigit()
            for path in sub.iterdir()
        )
        for index, path in kept:
            typed = (str(form.get(f"groep1:{index}", "")), str(form.get(f"groep2:{index}", "")))
            try:
                upload_count(
                    state.factory,
                    eid,
                    committee,
                    path.name,
                    path.read_bytes(),
                    who.name,
                    typed=typed,
                    schemas=state.schemas,
                    limits=limits(request),
                )
            except OSVError as refused:
                done = notice("stored_before", names=", ".join(stored)) if stored else ""
                return refusal_page(request, who, eid, committee, refused, more=done)
            stored.append(path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    stored_names = notice("stored", names=", ".join(stored))
    return redirect(f"/uitslag/{eid}/{committee}?melding={stored_names}")


@router.post("/uitslag/{eid}/{committee}/eerste-invoer")
async def first_entry(request: Request, who: Coordinator, eid: str, committee: str) -> Response:
    """Check a municipality's 510b to become the first entry of its totals; ask for the hidden
    groups of its hash (as an upload); nothing is stored yet."""
    form = await request.form()
    try:
        require_level(who, committee)
        return await _check_first_entry(request, who, eid, committee, form)
    finally:
        await form.close()


async def _check_first_entry(
    request: Request, who: Principal, eid: str, committee: str, form: FormData
) -> Response:
    state = ui(request)
    code = str(form.get("gemeente", ""))
    upload_file = form.get("bestand")
    if not re.fullmatch(r"[0-9]{4}", code):
        return _error(request, who, eid, committee, notice("choose_municipality"))
    if not isinstance(upload_file, UploadFile) or not upload_file.filename:
        return _error(request, who, eid, committee, notice("choose_510b", municipality=code))
    data = await upload_file.read()
    try:
        count = check_first_entry(
            state.factory,
            eid,
            committee,
            upload_file.filename,
            data,
            municipality=code,
            schemas=state.schemas,
            limits=limits(request),
        )
    except OSVError as refused:
        return refusal_page(request, who, eid, committee, refused)
    token = secrets.token_urlsafe(16)
    folder = _pending(request) / token
    (folder / "0").mkdir(parents=True)
    (folder / _STAGE).write_text(f"{eid}\n{committee}\n{_FIRST_ENTRY}\n{code}\n", encoding="utf-8")
    (folder / "0" / count.file_name).write_bytes(data)
    return _hash_page(request, eid, committee, token, [count], first_entry=True)


@router.post("/uitslag/{eid}/{committee}/eerste-invoer/bevestigen")
async def confirm_first_entry(
    request: Request, who: Coordinator, eid: str, committee: str
) -> Response:
    """Store the pending 510b as the municipality's first entry when the typed hash groups
    match; the pending upload is removed whatever the outcome."""
    require_level(who, committee)
    form = await request.form()
    folder = _pending_folder(request, str(form.get("upload", "")), [eid, committee, _FIRST_ENTRY])
    if isinstance(folder, str):
        return _error(request, who, eid, committee, folder)
    state = ui(request)
    try:
        marks = (folder / _STAGE).read_text(encoding="utf-8").split()
        kept = list((folder / "0").iterdir()) if (folder / "0").is_dir() else []
        if len(marks) != 4 or len(kept) != 1:
            return _error(request, who, eid, committee, notice("upload_gone_510b"))
        code, path = marks[3], kept[0]
        try:
            import_first_entry(
                state.factory,
                eid,
                committee,
                path.name,
                path.read_bytes(),
                Actor(who.name, "coordinator"),
                typed=(str(form.get("groep1:0", "")), str(form.get("groep2:0", ""))),
                municipality=code,
                schemas=state.schemas,
                limits=limits(request),
            )
        except OSVError as refused:
            return refusal_page(request, who, eid, committee, refused)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    stored = notice("first_entry_stored", name=path.name, municipality=code)
    return redirect(f"/uitslag/{eid}/{committee}?melding={stored}")
