"""The administrator's pages: import EML files (with the typed integrity-hash groups), users,
the audit log with the state of its hash chain.

An import takes two steps. The files are uploaded and kept in a folder of their own under
``$OSV_HOME/uploads``; for every 110a, 230b and 510 file the page shows its hash with two groups
hidden and asks for those two groups from the paper report. Then
:func:`osv.service.importing.import_files` checks them and stores all files or none. The upload
folder is removed afterwards. The paper is the check: a Kiesraad hash file is not accepted here
(whoever can change the files on a USB stick can change the hash file too), only by
``osv import --hash-file``, which records that the check was against a file.
"""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import FileResponse, Response
from starlette.datastructures import UploadFile  # what request.form() gives (not FastAPI's)

from eml.safe import Limits
from osv.errors import OSVError
from osv.service import queries
from osv.service.audit_log import backup_for_download, verify_audit_log
from osv.service.importing import HashCheck, import_files
from osv.service.retention import clean_uploads
from osv.service.upload_checks import hash_questions
from osv.service.users import ROLES, create_user, set_active, set_password, set_role, users
from osv.store.errors import BackupError
from ui.auth import ADMINISTRATORS, Principal, allow
from ui.messages import dutch_error
from ui.routes.common import redirect, ui

__all__ = ["router"]

router = APIRouter()
Admin = Annotated[Principal, Depends(allow(*ADMINISTRATORS))]
_NO_BACKUP = (
    "De reservekopie is niet gemaakt. Bij PostgreSQL maak je die met pg_dump; "
    "'osv db backup BESTAND' noemt de precieze opdracht."
)


def _uploads(request: Request) -> Path:
    return ui(request).settings.home / "uploads"


@router.get("/beheer")
def overview(request: Request, who: Admin) -> Response:
    """The stored elections and the import form."""
    state = ui(request)
    return state.render(request, "admin/elections.html", elections=queries.elections(state.factory))


@router.post("/beheer/import")
async def upload(request: Request, who: Admin) -> Response:
    """Keep the uploaded files; ask for the hidden hash groups where needed."""
    state = ui(request)
    form = await request.form()
    files = [f for f in form.getlist("bestanden") if isinstance(f, UploadFile) and f.filename]
    names = [_file_name(f.filename or "") for f in files]
    if not files:
        await form.close()
        return _elections(request, "Kies minstens één EML-bestand.")
    if len(set(names)) != len(names):
        await form.close()
        return _elections(request, "Twee bestanden hebben dezelfde naam; er is niets ingelezen.")
    clean_uploads(_uploads(request))
    token = secrets.token_urlsafe(16)
    folder = _uploads(request) / token
    folder.mkdir(parents=True)
    paths = []
    try:
        for upload, name in zip(files, names, strict=True):
            path = folder / name
            path.write_bytes(await upload.read())
            paths.append(path)
    finally:
        await form.close()  # the uploaded files' temporary copies
    try:
        questions = hash_questions(paths, Limits(max_bytes=state.settings.max_bytes))
    except OSVError as error:
        shutil.rmtree(folder, ignore_errors=True)
        return _elections(request, dutch_error(error))
    if any(q.masked_hash for q in questions):
        return state.render(request, "admin/hash.html", token=token, questions=questions)
    return _import(request, who, token, {})


def _file_name(uploaded: str) -> str:
    """The uploaded file's name without folders or unusual characters (never ``.``, ``..`` or
    empty: the form guard refuses those, and this keeps the folder safe regardless)."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(uploaded).name).lstrip(".")
    return name[:200] or "bestand.xml"


def _elections(request: Request, message: str, status: int = 400) -> Response:
    state = ui(request)
    return state.render(
        request,
        "admin/elections.html",
        status,
        elections=queries.elections(state.factory),
        message=message,
    )


@router.post("/beheer/import/bevestigen")
async def confirm(request: Request, who: Admin) -> Response:
    """Import the kept files with the typed hash groups."""
    form = await request.form()
    token = str(form.get("upload", ""))
    if not re.fullmatch(r"[A-Za-z0-9_-]{10,}", token):
        return _elections(request, "Onbekende upload.")
    typed = {
        str(key)[len("groep1:") :]: (str(value), str(form.get("groep2:" + str(key)[7:], "")))
        for key, value in form.items()
        if str(key).startswith("groep1:")
    }
    return _import(request, who, token, typed)


def _import(
    request: Request, who: Principal, token: str, typed: dict[str, tuple[str, str]]
) -> Response:
    state = ui(request)
    folder = _uploads(request) / token
    if not folder.is_dir():
        return _elections(request, "Deze upload bestaat niet meer; upload de bestanden opnieuw.")
    check = HashCheck(confirm=lambda path, _masked: typed.get(path.name, ("", "")))
    try:
        outcomes = import_files(
            state.factory,
            sorted(folder.iterdir()),
            schemas=state.schemas,
            limits=Limits(max_bytes=state.settings.max_bytes),
            hash_check=check,
            actor=who.name,
        )
    except OSVError as error:
        return _elections(request, dutch_error(error))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    message = "; ".join(f"{o.path.name}: {_outcome(o.status, o.hash_check)}" for o in outcomes)
    notes = [f"{o.path.name}: {note}" for o in outcomes for note in o.notes]
    if notes:
        message += ". Geaccepteerde afwijkingen (technische melding, Engels): " + " | ".join(notes)
    return _elections(request, f"Gelukt. {message}.", 200)


def _outcome(status: str, hash_check: str) -> str:
    """What happened to one imported file, and what its hash was checked against."""
    if status != "imported":
        return "al eerder ingelezen"
    return {
        "typed-groups": "ingelezen, hashcode gecontroleerd tegen het papieren proces-verbaal",
        "hash-file": "ingelezen, hashcode gecontroleerd tegen een hashbestand (niet tegen papier)",
        "not-required": "ingelezen (geen hashcode op papier)",
    }.get(hash_check, "ingelezen, hashcode niet gecontroleerd")


@router.get("/beheer/gebruikers")
def user_list(request: Request, who: Admin, melding: str = "") -> Response:
    """The users, and the form to add one."""
    state = ui(request)
    return state.render(request, "admin/users.html", users=users(state.factory), message=melding)


@router.post("/beheer/gebruikers")
def add_user(
    request: Request,
    who: Admin,
    naam: Annotated[str, Form()],
    wachtwoord: Annotated[str, Form()],
    rol: Annotated[str, Form()],
) -> Response:
    """Add a user."""
    state = ui(request)
    try:
        create_user(state.factory, naam, wachtwoord, rol, who.name)
    except OSVError as error:
        return state.render(
            request, "admin/users.html", 400, users=users(state.factory), message=dutch_error(error)
        )
    return redirect(f"/beheer/gebruikers?melding=Gebruiker {naam} ({ROLES[rol]}) aangemaakt.")


@router.post("/beheer/gebruikers/{name}/actief")
def activate(
    request: Request, who: Admin, name: str, actief: Annotated[str, Form()] = ""
) -> Response:
    """Allow or stop a user's sign-ins."""
    set_active(ui(request).factory, name, actief == "1", who.name)
    return redirect("/beheer/gebruikers")


@router.post("/beheer/gebruikers/{name}/rol")
def change_role(request: Request, who: Admin, name: str, rol: Annotated[str, Form()]) -> Response:
    """Give a user another role (their sessions end)."""
    set_role(ui(request).factory, name, rol, who.name)
    return redirect(f"/beheer/gebruikers?melding={name} is nu {ROLES.get(rol, rol)}.")


@router.post("/beheer/gebruikers/{name}/wachtwoord")
def new_password(
    request: Request, who: Admin, name: str, wachtwoord: Annotated[str, Form()]
) -> Response:
    """Give a user a new password."""
    set_password(ui(request).factory, name, wachtwoord, who.name)
    return redirect(f"/beheer/gebruikers?melding=Nieuw wachtwoord voor {name} ingesteld.")


@router.get("/beheer/logboek")
def audit_log(request: Request, who: Admin, gebeurtenis: str = "", melding: str = "") -> Response:
    """The audit log, newest first (the last 500 events, optionally of one kind), with the
    state of its hash chain (the whole log verified in one streaming pass)."""
    state = ui(request)
    events = queries.audit_events(state.factory, None, limit=2000)
    if gebeurtenis:
        events = [e for e in events if gebeurtenis in e.event]
    report = verify_audit_log(state.factory)
    return state.render(
        request,
        "admin/audit.html",
        events=list(reversed(events))[:500],
        filter=gebeurtenis,
        chain=report.chain,
        content=report.content,
        message=melding,
    )


@router.post("/beheer/reservekopie")
def backup(request: Request, who: Admin) -> Response:
    """Make a checked backup of the (SQLite) database under ``$OSV_HOME/backups`` (the newest
    ten are kept; nothing new when nothing changed since the last); download it."""
    state = ui(request)
    try:
        check = backup_for_download(
            state.factory.database, state.settings.home / "backups", actor=who.name
        )
    except BackupError:
        return redirect(f"/beheer/logboek?{urlencode({'melding': _NO_BACKUP})}")
    return FileResponse(check.path, filename=check.path.name, media_type="application/x-sqlite3")
