"""What every request and response passes: the input guard and the security headers.

**The input guard** (:func:`input_problem`) runs in every route's access rule
(:func:`ui.auth.allow`), before the route reads anything, and refuses in Dutch, with nothing
stored:

* a path, query or form value longer than :data:`MAX_TEXT` characters, or holding a control
  character (tab, line feed and carriage return excepted), a lone surrogate, a character that
  changes the writing direction (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), or a
  digit other than 0–9 (``²`` and ``١٢`` pass ``str.isdigit``, and ``١٢`` passes ``int``: no
  box of a Dutch form takes them);
* a path or form value the route declares as a whole number (and the field ``versie`` of
  every form) that is not 1 to 9 ASCII digits;
* an uploaded file whose name is empty, ``.``, ``..``, starts with a dot, holds a ``/`` or
  ``\\`` or a character that is not printable, or is longer than 255 characters.

Each form route still checks its own boxes (a CBS code is four digits, a number has bounds, a
name a length); this guard only keeps what no box should hold away from all of them.

**The security headers** (:class:`SecurityHeaders`) are set on every response: a
Content-Security-Policy without inline script or style (everything comes from ``/static``),
``frame-ancestors 'none'`` and ``X-Frame-Options: DENY`` (no framing, no clickjacking),
``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``, and
``Cache-Control: no-store`` on every page but the static files (signed-in pages must not stay
in a shared computer's cache).
"""

from __future__ import annotations

import re
import unicodedata

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.datastructures import FormData, UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "MAX_TEXT",
    "BadInputError",
    "SecurityHeaders",
    "file_name_problem",
    "input_problem",
    "text_problem",
]

#: The longest text any box takes (a route may allow less).
MAX_TEXT = 10_000
#: The longest name of an uploaded file.
MAX_FILE_NAME = 255

#: Everything from this site, nothing inline, never in a frame.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)

#: Characters that change the writing direction (Trojan-source style tricks).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
#: Form fields that are a whole number on every page (the version a page was loaded with).
NUMBER_FIELDS = frozenset({"versie"})


class BadInputError(Exception):
    """A request holds a value no box takes; ``message`` says which, in Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def text_problem(value: str, limit: int = MAX_TEXT) -> str | None:
    """Why ``value`` is refused as text (Dutch, without the box's name), or ``None``."""
    if len(value) > limit:
        return f"is te lang ({len(value)} tekens; hoogstens {limit})"
    for character in value:
        code = ord(character)
        if (code < 32 and character not in "\t\n\r") or 0x7F <= code < 0xA0:
            return "bevat een stuurteken (zoals NUL), dat in geen vak hoort"
        if 0xD800 <= code <= 0xDFFF:
            return "bevat een ongeldig teken"
        if character in _BIDI:
            return "bevat een teken dat de schrijfrichting omdraait, dat in geen vak hoort"
        if code > 0x7F and unicodedata.category(character) in ("Nd", "No"):
            return "bevat een cijfer dat geen 0 tot en met 9 is"
    return None


def file_name_problem(name: str) -> str | None:
    """Why ``name`` is refused as the name of an uploaded file (Dutch), or ``None``."""
    if not name or name in {".", ".."} or name.startswith("."):
        return "heeft geen gewone bestandsnaam"
    if len(name) > MAX_FILE_NAME:
        return f"heeft een te lange naam (hoogstens {MAX_FILE_NAME} tekens)"
    if "/" in name or "\\" in name or not name.isprintable():
        return "heeft een naam met een map of een teken dat niet in een bestandsnaam hoort"
    return None


def _label(name: str) -> str:
    shown = "".join(c for c in name[:40] if c.isprintable())
    return f"‘{shown}’" if shown else "zonder naam"


def _whole_numbers(route: APIRoute | None, which: str) -> frozenset[str]:
    """The names of the path (``which="path"``) or form parameters declared as ``int``."""
    if route is None:
        return frozenset()
    fields = route.dependant.path_params if which == "path" else route.dependant.body_params
    return frozenset(f.name for f in fields if f.field_info.annotation is int)


def input_problem(request: Request, form: FormData | None = None) -> str | None:
    """Why the request's path, query or ``form`` is refused (one Dutch sentence), or ``None``."""
    route = request.scope.get("route")
    api_route = route if isinstance(route, APIRoute) else None
    numbers = _whole_numbers(api_route, "path")
    for name, value in request.path_params.items():
        text = str(value)
        if name in numbers and not _WHOLE_NUMBER.fullmatch(text):
            return "Dit adres bestaat niet: er hoort een getal in."
        if text_problem(text, 500):
            return "Dit adres bevat tekens die OSV niet aanneemt."
    for name, value in request.query_params.multi_items():
        problem = text_problem(name, 200) or text_problem(value, 2_000)
        if problem:
            return f"Het adres {problem}."
    if form is None:
        return None
    form_numbers = _whole_numbers(api_route, "form") | NUMBER_FIELDS
    for name, value in form.multi_items():
        problem = text_problem(name, 200)
        if problem:
            return f"Een vak {problem}; er is niets opgeslagen."
        if isinstance(value, UploadFile):
            problem = file_name_problem(value.filename or "")
            if problem and value.filename:
                return f"Het bestand {_label(value.filename)} {problem}; er is niets opgeslagen."
            continue
        problem = text_problem(str(value))
        if problem:
            return f"Het vak {_label(name)} {problem}; er is niets opgeslagen."
        if name in form_numbers and value != "" and not _WHOLE_NUMBER.fullmatch(str(value)):
            return (
                f"Het vak {_label(name)} neemt alleen een heel getal in cijfers 0 tot en met 9; "
                "er is niets opgeslagen."
            )
    return None


class SecurityHeaders:
    """ASGI middleware: the security headers on every response (see the module)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if static or k.lower() != b"cache-control"
                ]
                headers += _HEADERS
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
