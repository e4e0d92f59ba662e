"""Reading a rendered process-verbaal back: its pages' text, headers and footers.

The header (the part of the report, the committee) is drawn 1.2 cm below the top of the A4
page, the footer's lines from 2.2 cm above the bottom down; :func:`headers` and :func:`footers`
read the text drawn there, so a test can say what each page's header or footer shows.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from osv.store import UnitOfWork

__all__ = ["audit_heads", "before_event", "footers", "headers", "pages"]


def pages(pdf: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _band(pdf: bytes, low: float, high: float) -> list[str]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        parts: list[tuple[float, float, str]] = []

        def visit(text: str, cm_: list[float], tm: list[float], *_: object) -> None:
            # where the text is on the page: its matrix in the current transformation
            x = tm[4] * cm_[0] + tm[5] * cm_[2] + cm_[4]
            y = tm[4] * cm_[1] + tm[5] * cm_[3] + cm_[5]
            if text.strip() and low <= y <= high:
                parts.append((-y, x, text))  # noqa: B023 - collected per page

        page.extract_text(visitor_text=visit)
        out.append(" ".join(text.strip() for *_, text in sorted(parts)))
    return out


def headers(pdf: bytes) -> list[str]:
    """Each page's header: the part (left) and the committee (right), as one line."""
    top = A4[1] - 1.2 * cm
    return _band(pdf, top - 2, top + 2)


def footers(pdf: bytes) -> list[str]:
    """Each page's footer: the model's identity, the page number, the date and hashes."""
    return _band(pdf, 0, 2.2 * cm + 2)


def audit_heads(pdf: bytes) -> list[str]:
    """The audit log's last hash as each page's footer prints it (64 hex; "" where a page has
    none), read from "Laatste hash logboek OSV: xxxx xxxx …"."""
    out = []
    for footer in footers(pdf):
        _, found, rest = footer.partition("Laatste hash logboek OSV:")
        out.append("".join(rest.split()[:16]) if found else "")
    return out


def before_event(factory: Callable[[], UnitOfWork], event: str) -> str:
    """The hash of the audit event just before the last ``event``: the log's head when the
    action that logged ``event`` made its documents."""
    with factory() as uow:
        events = uow.audit.events()
    last = max(i for i, e in enumerate(events) if e.event == event)
    head = events[last - 1].hash
    assert head is not None
    return head
