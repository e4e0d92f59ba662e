"""Reading a rendered process-verbaal back: its pages' text, headers and footers.

The header (the part of the report, the committee) is drawn 1.2 cm below the top of the A4
page, the footer's lines from 2.2 cm above the bottom down; :func:`headers` and :func:`footers`
read the text drawn there, so a test can say what each page's header or footer shows.
"""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

__all__ = ["footers", "headers", "pages"]


def pages(pdf: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _band(pdf: bytes, low: float, high: float) -> list[str]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        parts: list[tuple[float, float, str]] = []

        def visit(text: str, _cm: object, tm: list[float], *_: object) -> None:
            if text.strip() and low <= tm[5] <= high:
                parts.append((-tm[5], tm[4], text))  # noqa: B023 - collected per page

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
