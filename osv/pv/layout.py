"""The page layout the process-verbaal models share (shared process-verbaal.md §2, §3).

A4; margins 1.5 cm left and right, 2.0 cm top, 2.9 cm bottom (room for the hash footer). Every
page carries a header (the committee, bold, right), a footer with the model's identity (left)
and "Pagina X van Y" (right), and, for generated models, the date and the SHA-256 of the EML
file the report belongs to, in 16 groups of 4, and for a report made from OSV's database the
last hash of its audit log under it. "Pagina X van Y" needs the page count: the
canvas keeps its pages and writes the footers when the document is saved.

Building blocks, each a list of reportlab flowables: :func:`title_block`, :func:`heading`,
:func:`letter_boxes` (a row of digit cells, the letter in its own cell, inverted for totals,
and the label), :func:`table` (splits across pages, header row repeated), :func:`signatures`.
Pre-filled values are in the monospaced font, right-aligned, with "." as thousands separator.
The page frame (margins, header, footer) and :func:`render` live in :mod:`osv.pv.pages`;
:class:`PageInfo`, :func:`format_hash` and :func:`render` are imported from here as well.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    DocIf,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from osv.pv.cells import _broken, _Cell, _escape, _joined, _number, _Table, _Text, _unparsed
from osv.pv.fonts import BOLD, MONO, REGULAR, register_fonts
from osv.pv.pages import LEFT, RIGHT, WIDTH, NumberedCanvas, PageInfo, format_hash
from osv.pv.pages import render as render_pages

__all__ = [
    "PageInfo",
    "dutch_number",
    "format_hash",
    "front_side_break",
    "heading",
    "letter_boxes",
    "lines",
    "name_boxes",
    "paragraph",
    "render",
    "signatures",
    "table",
    "title_block",
]


def dutch_number(value: int) -> str:
    """``12345`` as ``12.345`` (Dutch thousands separator)."""
    return f"{value:,}".replace(",", ".")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    """The layout's paragraph styles (made once: a cell's fragment and line breaking are kept
    per style, see :class:`_Cell`)."""
    register_fonts()
    styles = {
        "body": ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12),
        "small": ParagraphStyle("small", fontName=REGULAR, fontSize=8, leading=10),
        "h1": ParagraphStyle(
            "h1", fontName=BOLD, fontSize=16, leading=20, spaceBefore=6, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", fontName=BOLD, fontSize=14, leading=18, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3
        ),
        "big": ParagraphStyle("big", fontName=BOLD, fontSize=22, leading=28),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=10.5),
        "value": ParagraphStyle("value", fontName=MONO, fontSize=8.5, leading=10.5, alignment=2),
        "cell_bold": ParagraphStyle("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.5),
        "cell_mono": ParagraphStyle("cell_mono", fontName=MONO, fontSize=8.5, leading=10.5),
    }
    styles["caption"] = ParagraphStyle(
        "caption", fontName=REGULAR, fontSize=8, leading=10, spaceBefore=3
    )
    for name in ("h1", "h2", "h3", "caption"):
        styles[name].keepWithNext = 1  # a heading never ends a page
    return styles


def paragraph(text: str, style: str = "body") -> Paragraph:
    """A paragraph in one of the layout's styles (``body``, ``small``, ``h1``, ...; ``caption``
    is a table's title, kept on the page of the table)."""
    source, frags = _unparsed(text, _styles()[style])
    return _Text(source, _styles()[style], frags=frags)


def heading(text: str, level: int = 1) -> Paragraph:
    """A heading: level 1 (16 pt, "Deel N", a part of the report), 2 (14 pt) or 3 (10 pt)."""
    if level == 1:
        return _PartHeading(text)
    return paragraph(text, f"h{level}")


class _PartHeading(_Text):
    """A level-1 heading: where it is drawn, a part of the report begins (the page header
    names it, see :class:`PageInfo`)."""

    def __init__(self, text: str) -> None:
        source, frags = _unparsed(text, _styles()["h1"])
        super().__init__(source, _styles()["h1"], frags=frags)
        self.part = text

    def drawOn(  # noqa: N802 - reportlab's name
        self,
        canvas: pdf_canvas.Canvas,
        x: float,
        y: float,
        _sW: float = 0,  # noqa: N803 - reportlab's name
    ) -> None:
        if isinstance(canvas, NumberedCanvas):
            frame = getattr(getattr(canvas, "_doctemplate", None), "frame", None)
            canvas.begin_part(self.part, at_top=bool(getattr(frame, "_atTop", False)))
        super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # reportlab takes _sW


def title_block(first: str, second: str, election: str, subtitle: str) -> list[Flowable]:
    """The title page's block: rule, two big lines, the election, the model's subtitle, rule."""
    rule = Table([[""]], colWidths=[WIDTH - LEFT - RIGHT], rowHeights=[2])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.black)]))
    return [
        rule,
        Spacer(1, 10),
        paragraph(first, "big"),
        paragraph(second, "big"),
        Spacer(1, 10),
        paragraph(election, "h3"),
        paragraph(subtitle, "body"),
        Spacer(1, 6),
        rule,
        Spacer(1, 12),
    ]


def letter_boxes(rows: Sequence[tuple[str, int | str | None, str, bool]]) -> Table:
    """Count fields: per row (letter, value or ``None`` for an empty box, label, is a total).

    Nine digit cells hold the value right-aligned (empty cells dotted for handwriting); the
    letter has a cell of its own, black with a white letter for totals (D, E, H, I, J). A text
    value (``Niet invullen`` for box C of a municipal election) fills one merged grey cell.
    """
    styles = _styles()
    data = []
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), MONO),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("ALIGN", (0, 0), (8, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for index, (letter, value, label, total) in enumerate(rows):
        if isinstance(value, str):
            digits = [value] + [""] * 8
            commands += [
                ("SPAN", (0, index), (8, index)),
                ("BACKGROUND", (0, index), (8, index), colors.HexColor("#d9d9d9")),
                ("FONTNAME", (0, index), (8, index), REGULAR),
                ("FONTSIZE", (0, index), (8, index), 8),
            ]
        else:
            digits = list(f"{value:>9}") if value is not None else [""] * 9
        data.append([*digits, letter, _Cell(label, styles["cell"])])
        commands.append(("GRID", (0, index), (9, index), 0.5, colors.black))
        if value is None:
            commands.append(("INNERGRID", (0, index), (8, index), 0.3, colors.grey, None, (1, 2)))
        commands.append(("FONTNAME", (9, index), (9, index), BOLD))
        if total:
            commands += [
                ("BACKGROUND", (9, index), (9, index), colors.black),
                ("TEXTCOLOR", (9, index), (9, index), colors.white),
            ]
    widths = [0.5 * cm] * 9 + [1.1 * cm, WIDTH - LEFT - RIGHT - 5.6 * cm]
    result = Table(data, colWidths=widths, rowHeights=[0.6 * cm] * len(data), hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    numeric: Sequence[int] = (),
    widths: Sequence[float] | None = None,
    bold_rows: Sequence[int] = (),
    grey_columns: Sequence[int] = (),
    fonts: Mapping[int, str] | None = None,
    row_height: float | None = None,
) -> Table:
    """A table that splits across pages with its header row repeated.

    Cells in ``numeric`` columns are pre-filled values: monospaced, right-aligned, numbers with
    "." as thousands separator. Other cells wrap. ``grey_columns`` are shaded (the
    "Oorspronkelijk" column of a corrigendum). ``fonts`` sets a column's font (``bold`` or
    ``mono``). Without any header text the table has no header row; ``row_height`` gives
    every row at least that height (rows to write in by hand).
    """
    styles = _styles()

    def cell(value: object, column: int) -> _Cell:
        if column in numeric:
            text = dutch_number(value) if isinstance(value, int) else str(value)
            return _Cell(text, styles["value"])
        style = f"cell_{fonts[column]}" if fonts and column in fonts else "cell"
        return _Cell(str(value), styles[style])

    top = 1 if any(headers) else 0
    data = [[_Cell(h, styles["cell"]) for h in headers]] if top else []
    data += [[cell(value, c) for c, value in enumerate(row)] for row in rows]
    heights = [None] * top + [row_height] * len(rows) if row_height else None
    # One cell style for every cell: the commands below set none of a cell's own (its font,
    # alignment, padding), only the alignment at the top for all; reportlab makes an object
    # for each cell otherwise, and sets that alignment in each.
    style = CellStyle("cell")
    result = _Table(
        data,
        colWidths=list(widths) if widths else None,
        rowHeights=heights,
        repeatRows=top,
        hAlign="LEFT",
        cellStyles=[[style] * len(row) for row in data],
    )
    commands: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if top:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
    for row in bold_rows:
        commands.append(("BACKGROUND", (0, row + top), (-1, row + top), colors.HexColor("#f2f2f2")))
    for column in grey_columns:
        commands.append(("BACKGROUND", (column, top), (column, -1), colors.HexColor("#e6e6e6")))
    result.setStyle(TableStyle(commands))
    return result


def lines(count: int, label: str = "") -> Table:
    """``count`` empty ruled lines to write on, under an optional label."""
    rows: list[list[object]] = [[paragraph(label, "cell")]] if label else []
    rows += [[""] for _ in range(count)]
    width = WIDTH - LEFT - RIGHT
    result = Table(rows, colWidths=[width], rowHeights=[0.7 * cm] * len(rows), hAlign="LEFT")
    start = 1 if label else 0
    result.setStyle(
        TableStyle([("LINEBELOW", (0, start), (-1, -1), 0.4, colors.grey, None, (1, 2))])
    )
    return result


def name_boxes(labels: Sequence[str], count: int) -> Table:
    """``count`` boxes of two halves to write in (``Naam:`` and ``Handtekening:``)."""
    box_width = (WIDTH - LEFT - RIGHT) / 2
    styles = _styles()
    data = [[_Cell(label, styles["cell"]) for label in labels] for _ in range(count)]
    grid = Table(data, colWidths=[box_width, box_width], rowHeights=[1.3 * cm] * count)
    grid.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return grid


class _OnFrontSide(DocIf):
    """At the top of an even page (the back of a sheet printed on both sides): ``blank``
    first, so what follows begins on a sheet of its own."""

    def funcWrap(  # type: ignore[override]  # noqa: N802 - DocIf uses the value
        self,
        aW: float,  # noqa: N803 - reportlab's names
        aH: float,  # noqa: N803
    ) -> bool:
        page = getattr(getattr(self, "_doctemplate", None), "page", None)
        return isinstance(page, int) and page % 2 == 0


def front_side_break(title: str, text: str) -> list[Flowable]:
    """A page break after which the next page is the front of a sheet: when it would be a
    back, a page saying ``title`` (``Deze pagina is expres leeg``) and ``text`` comes first."""
    blank = [paragraph(title, "h3"), paragraph(text), PageBreak()]
    return [PageBreak(), _OnFrontSide("", blank)]


def signatures(
    chair: str, members_title: str, members: int, *, title: str = "", intro: str = ""
) -> list[Flowable]:
    """The signature part, on a new page: its ``title`` and ``intro``, date and place, the
    chair, ``members`` more boxes."""
    box_width = (WIDTH - LEFT - RIGHT) / 2
    rows = [["Datum en tijd:", "Plaats:"], [chair + "\nNaam:", "Handtekening:"]]
    rows += [[f"{members_title} {n}\nNaam:", "Handtekening:"] for n in range(1, members + 1)]
    styles = _styles()
    data = [
        [
            Paragraph(_escape(a).replace("\n", "<br/>"), styles["cell"]),
            Paragraph(_escape(b), styles["cell"]),
        ]
        for a, b in rows
    ]
    grid = Table(data, colWidths=[box_width, box_width], rowHeights=[1.6 * cm] * len(data))
    grid.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    head: list[Flowable] = [heading(title)] if title else []
    if intro:
        head.append(paragraph(intro))
    return [PageBreak(), KeepTogether([*head, grid])]


def render(story: list[Flowable], info: PageInfo, *, title: str) -> bytes:
    """The PDF of ``story`` on the layout's pages (:func:`osv.pv.pages.render`); the caches of
    the cells are emptied after it, whatever happens."""
    try:
        return render_pages(story, info, title=title)
    finally:
        _forget()


def _forget() -> None:
    """Empty the caches of cells (:func:`_joined`, :func:`_broken`, :func:`_number`) after a
    document: they serve the repetitions within one document, hold no memory after it, and a
    document costs the same whether or not another came before (benchmarks/pv.py measures
    repeated renderings)."""
    _joined.cache_clear()
    _broken.cache_clear()
    _number.cache_clear()
