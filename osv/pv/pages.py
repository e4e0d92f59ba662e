"""The page frame of every process-verbaal: A4 with its margins, the header and footer each page
carries (:class:`PageInfo`, drawn once the page count is known), and :func:`render`, which turns
a story of flowables into a PDF/A-2b (see :mod:`osv.pv.layout` for the building blocks)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
)

from osv.pv.fonts import BOLD, MONO, REGULAR, register_fonts
from osv.pv.pdfa import DocumentMetadata, make_pdfa

__all__ = [
    "BOTTOM",
    "HEIGHT",
    "LEFT",
    "RIGHT",
    "TOP",
    "WIDTH",
    "NumberedCanvas",
    "PageInfo",
    "format_hash",
    "render",
]

WIDTH, HEIGHT = A4
LEFT = RIGHT = 1.5 * cm
TOP = 2.0 * cm
BOTTOM = 2.9 * cm


@dataclass(frozen=True)
class PageInfo:
    """What every page shows.

    :param committee: the header's right side (``Gemeente 0668 West Maas en Waal``).
    :param model_lines: the footer's left side, the model's identity (one or two lines).
    :param digest: the SHA-256 of the EML file the report belongs to, or ``None`` (blank forms).
    :param created: the EML's creation moment, shown with the hash.
    :param part: the header's left side (on the first pages, until a part begins, when
        ``parts_in_header``).
    :param parts_in_header: the header names the part of the report the page is in: each
        level-1 heading (``Deel 2 - Telresultaten``) begins a part, and a page shows the part
        in force at its top (one that begins at the top of the page included).
    :param audit_head: the last hash of OSV's audit log when the report was made (64 hex), for a
        report made from OSV's database; printed under the EML hash, so the paper holds the
        anchor of the log (docs/audit.md). ``None`` for reports made from files.
    """

    committee: str
    model_lines: tuple[str, ...]
    digest: bytes | None = None
    created: dt.datetime | None = None
    part: str = ""
    parts_in_header: bool = False
    audit_head: str | None = None


def format_hash(digest: bytes) -> str:
    """The SHA-256 as printed on paper: 16 groups of 4 lowercase hex characters."""
    text = digest.hex()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


#: How much of a long table or paragraph a heading keeps on its page.
_START = 3 * cm


class _KeepWithNext(KeepTogether):
    """Keeps headings on the page of what follows them.

    reportlab keeps a heading and the next flowable together and, when both do not fit, starts
    them on a new page: for a long table (a list of 50 candidates) that leaves the rest of the
    page blank. Here a heading needs only the start of a table or paragraph that runs on (3 cm,
    a few rows with the header row) on its page; whatever cannot be split moves whole.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        content: list[Flowable] = list(getattr(self, "_content"))  # noqa: B009 - no stub
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):
            return content
        heights = [
            f.wrapOn(self.canv, aW, 0xFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in content
        ]
        needed = sum(heights)
        if isinstance(content[-1], (Table, Paragraph)):
            needed = min(needed, sum(heights[:-1]) + _START)
        if needed > aH:
            content.insert(0, FrameBreak())
        return content


class NumberedCanvas(pdf_canvas.Canvas):
    """Keeps every page until the end, then draws the footers with the page count."""

    def __init__(
        self, *args: Any, info: PageInfo, metadata: DocumentMetadata, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._drawn: dict[tuple[object, ...], list[str]] = {}
        self._info = info
        self._metadata = metadata
        self._part = self._page_part = info.part

    def begin_part(self, part: str, *, at_top: bool) -> None:
        """A part of the report begins here; at the top of a page, that page's header names it."""
        self._part = part
        if at_top:
            self._page_part = part

    def setFont(  # noqa: N802 - reportlab's name
        self, psfontname: str, size: float, leading: float | None = None
    ) -> None:
        """Only the embedded DejaVu fonts: a table cell without a font of its own (an empty
        cell) asks for reportlab's default, Helvetica, which is not embedded (PDF/A)."""
        if psfontname not in (REGULAR, BOLD, MONO):
            psfontname = REGULAR
        super().setFont(psfontname, size, leading)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's internal page reset
        self._page_part = self._part

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
            _deflate_only(self._doc.Pages.pages[-1])  # type: ignore[attr-defined]  # reportlab's
        make_pdfa(self._doc, self._metadata)  # type: ignore[attr-defined]  # reportlab's own
        super().save()

    def drawString(  # noqa: N802 - reportlab's name
        self, x: float, y: float, text: str, *args: Any, **kwargs: Any
    ) -> None:
        if args or kwargs:
            super().drawString(x, y, text, *args, **kwargs)
        else:
            self._draw_once(super().drawString, x, y, text)

    def drawRightString(  # noqa: N802 - reportlab's name
        self, x: float, y: float, text: str, *args: Any, **kwargs: Any
    ) -> None:
        if args or kwargs:
            super().drawRightString(x, y, text, *args, **kwargs)
        else:
            self._draw_once(super().drawRightString, x, y, text)

    def _draw_once(self, draw: Any, x: float, y: float, text: str) -> None:
        """Draw ``text`` with reportlab's ``draw``; the same text in the same font at the same
        place again (the header and footer of every page) as reportlab wrote it the first
        time in this document, without writing it anew."""
        key = (draw.__name__, self._fontname, self._fontsize, self._leading, x, y, text)  # type: ignore[attr-defined]  # reportlab's
        page: list[str] = self._code  # type: ignore[attr-defined]  # reportlab's own
        known = self._drawn.get(key)
        if known is not None:
            page += known
            return
        start = len(page)
        draw(x, y, text)
        self._drawn[key] = page[start:]

    def _decorate(self, number: int, total: int) -> None:
        info = self._info
        self.setFont(REGULAR, 8)
        self.drawString(
            LEFT, HEIGHT - 1.2 * cm, self._page_part if info.parts_in_header else info.part
        )
        self.setFont(BOLD, 8)
        self.drawRightString(WIDTH - RIGHT, HEIGHT - 1.2 * cm, info.committee)
        self.setFont(REGULAR, 8)
        y = 2.2 * cm
        for line in info.model_lines:
            self.drawString(LEFT, y, line)
            y -= 10
        self.drawRightString(WIDTH - RIGHT, 2.2 * cm, f"Pagina {number} van {total}")
        if info.digest is not None:
            moment = info.created.strftime("%d-%m-%Y %H:%M:%S") if info.created else ""
            self.drawString(
                LEFT,
                1.2 * cm,
                f"Datum: {moment}. Digitale vingerafdruk van EML-telbestand bij dit "
                "proces-verbaal:",
            )
            self.setFont(MONO, 8)
            self.drawString(LEFT, 0.8 * cm, format_hash(info.digest))
        if info.audit_head is not None:
            self.setFont(REGULAR, 8)
            label = "Laatste hash logboek OSV: "
            self.drawString(LEFT, 0.4 * cm, label)
            self.setFont(MONO, 8)
            self.drawString(
                LEFT + self.stringWidth(label, REGULAR, 8),
                0.4 * cm,
                format_hash(bytes.fromhex(info.audit_head)),
            )


def render(story: list[Flowable], info: PageInfo, *, title: str) -> bytes:
    """The PDF/A-2b of ``story`` with the pages of ``info``; fonts embedded.

    The document's metadata name ``title`` and the model (``info.model_lines``); its date is
    the EML's creation moment when the report belongs to a file, else the moment of rendering.
    """
    register_fonts()
    import io

    metadata = DocumentMetadata(
        title,
        " ".join(info.model_lines),
        info.created or dt.datetime.now(dt.UTC),
    )

    out = io.BytesIO()
    document = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author="OSV",
        creator="OSV",
        invariant=1,
        initialFontName=REGULAR,  # reportlab's default, Helvetica, is not embedded (PDF/A)
        keepTogetherClass=_KeepWithNext,
    )
    frame = Frame(LEFT, BOTTOM, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(
        story,
        canvasmaker=lambda *a, **k: NumberedCanvas(*a, info=info, metadata=metadata, **k),
    )
    return out.getvalue()


def _deflate_only(page: Any) -> None:
    """The page's content stream compressed without reportlab's ASCII85 on top (which makes
    it a quarter larger and, in pure Python, took a tenth of the time of a long report);
    reportlab's ``PDFPage.check_format`` otherwise, which keeps a stream already set."""
    if page.compression:
        contents = pdfdoc.PDFStream(content=page.stream, filters=[pdfdoc.PDFZCompress])
        contents.__Comment__ = "page stream"  # type: ignore[attr-defined]  # as reportlab's
        page.Contents = contents
