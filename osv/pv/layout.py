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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, cast

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    DocIf,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.tables import CellStyle
from reportlab.rl_config import _FUZZ, paraFontSizeHeightOffset

from osv.pv.fonts import BOLD, MONO, REGULAR, register_fonts
from osv.pv.pdfa import DocumentMetadata, make_pdfa

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

_WIDTH, _HEIGHT = A4
_LEFT = _RIGHT = 1.5 * cm
_TOP = 2.0 * cm
_BOTTOM = 2.9 * cm


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


class _Text(Paragraph):
    """reportlab's Paragraph, which keeps its lines at the widths it was wrapped at when it
    has one fragment (built by :func:`_unparsed`): a paragraph is wrapped again to keep a
    heading with what follows, to place it and to split it, and breaks its lines the same
    each time."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if len(self.frags) != 1 or availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)
        wrapped: dict[float, tuple[Any, ...]] = self.__dict__.setdefault("_wrapped", {})
        known = wrapped.get(availWidth)
        if known is None:
            super().wrap(availWidth, availHeight)
            state = vars(self)  # what reportlab's wrap set
            known = tuple(state[name] for name in _WRAPPED)
            wrapped[availWidth] = known
        vars(self).update(zip(_WRAPPED, known, strict=True))
        return self.width, self.height


#: What reportlab's ``Paragraph.wrap`` sets.
_WRAPPED = ("width", "height", "blPara", "_width_max", "_wrapWidths")


def _unparsed(text: str, style: ParagraphStyle) -> tuple[str, list[Any] | None]:
    """The text and fragments to build reportlab's Paragraph of ``text`` escaped without its
    XML parse, when the text has no entity (what the parse makes then, see :class:`_Cell`);
    else the escaped text, for reportlab to parse."""
    if "&" in text or "<" in text or ">" in text:
        return _escape(text), None
    joined = _joined(text)
    return joined, _fragments(style, joined)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Cell(Paragraph):
    """A table cell's plain text: reportlab's Paragraph of ``text`` escaped, written to the PDF
    byte for byte as reportlab writes it, without what a long table pays for it (profile in
    docs/pv.md, "Speed"; tests/pv/test_fast_cells.py compares the bytes of every model):

    * No XML parse: text without markup or entities parses to one fragment, the style's,
      holding the text with its lines joined (reportlab's ``cleanBlockQuotedText``); the
      fragment is cloned from the style's (:func:`_fragment`).
    * Lines broken once per text, style and width (:func:`_broken`): reportlab wraps every cell
      of a table each time the table is measured, split across a page or drawn (five times per
      cell in Na 31-2), and many cells say the same (``☐``, ``0``).
    * Drawn without reportlab's layers of objects (:meth:`drawOn`): the operators its
      ``Flowable.drawOn`` and ``Paragraph.drawPara`` write for a paragraph of one fragment whose
      lines fit, left- or right-aligned, in a TrueType font, appended to the page directly.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        joined = _joined(text)
        if "&" in text or "<" in text or ">" in text:
            # reportlab's parse gives one fragment more on each side of an entity (``&amp;``):
            # reportlab's Paragraph, all of it
            self._plain = False
            super().__init__(_escape(text), style)
            return
        self._plain = True
        # what Paragraph.__init__ sets, given the fragments
        self.caseSensitive = 1
        self.encoding = "utf8"
        self.text = joined
        self.frags = _fragments(style, joined)
        self.style = style
        self.bulletText = getattr(style, "bulletText", None)
        self.debug = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if not self._plain or availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)
        text = self.frags[0].text if self.frags else ""
        blpara, width_max, height, widths, drawable = _broken(self.style, text, availWidth)
        self.width, self.height = availWidth, height
        self.blPara, self._width_max, self._wrapWidths = blpara, width_max, widths
        self._drawable = drawable
        return availWidth, height

    def drawOn(  # noqa: N802 - reportlab's name
        self,
        canvas: pdf_canvas.Canvas,
        x: float,
        y: float,
        _sW: float = 0,  # noqa: N803 - reportlab's name
    ) -> None:
        lines = self._fast_lines(canvas) if _FAST_CELLS and self._plain and not _sW else None
        if lines is None:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # reportlab takes _sW
            return
        if not lines:  # an empty cell: reportlab's Flowable.drawOn, without a drawing
            page: list[str] = canvas._code  # type: ignore[attr-defined]  # reportlab's own
            page += ("q", f"1 0 0 1 {_number(x)} {_number(y)} cm", "Q")
            return
        style, blpara = self.style, self.blPara
        doc = canvas._doc  # type: ignore[attr-defined]  # reportlab's own
        doc.ensureMinPdfVersion("transparency")  # as setFillColor with an alpha does
        font: Any = getFont(style.fontName)
        escape = canvas._escape  # type: ignore[attr-defined]  # reportlab's own
        colour = blpara.textColor
        fill = _fill(colour.red, colour.green, colour.blue)
        tf = _font_operators(blpara.fontSize, style.leading)
        top = self.height - (
            blpara.fontSize
            if paraFontSizeHeightOffset
            else getattr(blpara, "ascent", blpara.fontSize)
        )
        code = [f"BT 1 0 0 1 0 {_number(top)} Tm"]
        subset_now = -1
        right = style.alignment == TA_RIGHT
        for extraspace, words in lines:
            if right and (extraspace > 1e-6 or extraspace < -1e-6):
                _move_cursor(code, extraspace)
            parts = []
            for subset, chunk in font.splitString(" ".join(words), doc):
                if subset != subset_now:
                    parts.append(f"{font.getSubsetInternalName(subset, doc)} {tf}")
                    subset_now = subset
                parts.append(f"({escape(chunk)}) Tj")
            code.append(" ".join(parts) + " T*")
            if right and (extraspace > 1e-6 or extraspace < -1e-6):
                _move_cursor(code, -extraspace)
        code.append("ET")
        canvas._code += (  # type: ignore[attr-defined]  # reportlab's own
            "q",
            f"1 0 0 1 {_number(x)} {_number(y)} cm",
            "q",
            fill,
            " ".join(code),
            "Q",
            "Q",
        )

    def _fast_lines(self, canvas: pdf_canvas.Canvas) -> list[tuple[float, list[str]]] | None:
        """The lines to draw on the fast path, or ``None`` where reportlab's drawing differs
        from it (or the canvas would change state a cell cannot write by itself)."""
        if (
            not getattr(self, "_drawable", False)
            or self.bulletText
            or getattr(self, "_offsets", None)
            or getattr(self, "autoLeading", "") not in ("", "off")
            or not _drawable_style(self.style)
            or getattr(canvas, "_enforceColorSpace", None)
            or not canvas.bottomup
            or canvas._extgstate.getValue("ca") != self.blPara.textColor.alpha  # type: ignore[attr-defined]
        ):
            return None
        lines: list[tuple[float, list[str]]] = self.blPara.lines
        return lines


@cache
def _drawable_style(style: ParagraphStyle) -> bool:
    """Whether :meth:`_Cell.drawOn` draws a paragraph of ``style`` as reportlab does: left or
    right, without a background, border, indent or automatic leading, in a TrueType font that
    is not shaped."""
    return (
        style.alignment in (TA_LEFT, TA_RIGHT)
        and not style.backColor
        and not (style.borderWidth and style.borderColor)
        and not style.firstLineIndent
        and not style.leftIndent
        and getattr(style, "autoLeading", "") in ("", "off")
        and not style.shaping
        and getattr(getFont(style.fontName), "_dynamicFont", False)
    )


def _drawable_lines(blpara: Any) -> bool:
    """Whether :meth:`_Cell.drawOn` draws reportlab's ``blpara`` as reportlab does: one
    fragment, black or another RGB colour, no underline or link, no line that needs spacing
    out (justified)."""
    return bool(
        blpara.kind == 0
        and not getattr(blpara, "us_lines", None)
        and not getattr(blpara, "link", None)
        and isinstance(blpara.textColor, colors.Color)
        and all(extraspace > -1e-8 for extraspace, _ in blpara.lines)
    )


def _move_cursor(code: list[str], dx: float) -> None:
    """reportlab's ``PDFTextObject.moveCursor(dx, 0)``: a ``Td`` that merges with one just
    before it."""
    dy = 0.0
    if code and code[-1].endswith(" Td"):
        last = code[-1].split()
        if len(last) == 3:
            del code[-1]
        else:
            code[-1] = "".join(last[:-4])
        dx += float(last[-3])
        dy -= float(last[-2])
        code.append(f"{fp_str(dx, -dy)} Td")
        return
    code.append(f"{fp_str(dx, 0)} Td")


@lru_cache(maxsize=8192)
def _number(value: float) -> str:
    """reportlab's ``fp_str`` of one number (a cell's place repeats from row to row and page
    to page; reportlab's own, in pure Python, took a tenth of a long report's time)."""
    return str(fp_str(value))


@cache
def _fill(red: float, green: float, blue: float) -> str:
    """What reportlab's ``setFillColor`` writes for an RGB colour."""
    return f"{fp_str(red, green, blue)} rg"


@cache
def _font_operators(size: float, leading: float) -> str:
    """What reportlab writes after a font's name: its size and the leading."""
    return f"{fp_str(size)} Tf {fp_str(leading)} TL"


#: The fast writing of cells (:meth:`_Cell.drawOn`); tests turn it off to compare the bytes.
_FAST_CELLS = True


@lru_cache(maxsize=8192)
def _joined(text: str) -> str:
    """reportlab's ``cleanBlockQuotedText``: the lines of ``text`` stripped and joined."""
    if text.isprintable() and text == text.strip(" ") and "  " not in text:
        return text  # no white space but single ASCII spaces: nothing to clean
    return str(cleanBlockQuotedText(text))


@cache
def _fragment(style: ParagraphStyle) -> Any:
    """The fragment reportlab's parser makes of a word without markup in ``style``."""
    (fragment,) = Paragraph("x", style).frags
    return fragment


def _fragments(style: ParagraphStyle, text: str) -> list[Any]:
    """The fragments reportlab's parser makes of ``text`` (cleaned, without markup or
    entities): none for no text, else the style's fragment holding it."""
    return [_fragment(style).clone(text=text)] if text else []


@lru_cache(maxsize=8192)
def _broken(style: ParagraphStyle, text: str, width: float) -> tuple[Any, float, float, Any, bool]:
    """Reportlab's line breaking of the one-fragment paragraph ``text`` at ``width``: its lines
    (read, never changed, when drawn), its widest line, its height, the widths it broke the
    lines at, and whether :meth:`_Cell.drawOn` can draw them (:func:`_drawable_lines`)."""
    one_line = _one_line(style, text, width)
    if one_line is not None:
        return one_line
    probe: Any = Paragraph(text, style, frags=_fragments(style, text))
    _, height = probe.wrap(width, 0x7FFFFFFF)
    blpara = probe.blPara
    return blpara, probe._width_max, height, probe._wrapWidths, _drawable_lines(blpara)


def _one_line(
    style: ParagraphStyle, text: str, width: float
) -> tuple[Any, float, float, Any, bool] | None:
    """What :func:`_broken` gives for a text that fits on one line at ``width``, computed as
    reportlab's ``Paragraph.breakLines`` computes it for one fragment (the same word widths,
    summed in the same order), without building a paragraph; ``None`` for any other text or
    a style with more to it (hyphenation, bullets, indents, bidirectional text, shaping)."""
    if (
        not text
        or "\xad" in text  # soft hyphens
        or style.endDots
        or getattr(style, "hyphenationLang", "")
        or style.uriWasteReduce
        or style.embeddedHyphenation
        or style.wordWrap
        or style.shaping
        or getattr(style, "bulletText", None)
        or style.leftIndent
        or style.firstLineIndent
        or style.rightIndent
        or getattr(style, "autoLeading", "") not in ("", "off")
    ):
        return None
    words = rl_paragraph.split(rl_paragraph.strip(text))  # type: ignore[attr-defined]
    if not words:
        return None
    fragment = _fragment(style)
    font_name, font_size = fragment.fontName, fragment.fontSize
    space = stringWidth(" ", font_name, font_size, "utf8")
    shrink = style.spaceShrinkage * space
    current = -space
    for count, word in enumerate(words):
        new = current + space + stringWidth(word, font_name, font_size, "utf8")
        if new > width + shrink * count:
            return None  # a second line: reportlab's own breaking
        current = new
    ascent, descent = getAscentDescent(font_name, font_size)
    blpara = (
        _fragment(style)
        .clone(text=text)
        .clone(
            kind=0,
            lines=[(width - current, words)],
            ascent=ascent,
            descent=descent,
            fontSize=font_size,
        )
    )
    widths = [
        width - (style.leftIndent + style.firstLineIndent) - style.rightIndent,
        width - style.leftIndent - style.rightIndent,
    ]
    widest = current if current > 0 else 0
    return blpara, widest, style.leading, widths, _drawable_lines(blpara)


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
        if isinstance(canvas, _NumberedCanvas):
            frame = getattr(getattr(canvas, "_doctemplate", None), "frame", None)
            canvas.begin_part(self.part, at_top=bool(getattr(frame, "_atTop", False)))
        super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # reportlab takes _sW


def title_block(first: str, second: str, election: str, subtitle: str) -> list[Flowable]:
    """The title page's block: rule, two big lines, the election, the model's subtitle, rule."""
    rule = Table([[""]], colWidths=[_WIDTH - _LEFT - _RIGHT], rowHeights=[2])
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
    widths = [0.5 * cm] * 9 + [1.1 * cm, _WIDTH - _LEFT - _RIGHT - 5.6 * cm]
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


class _Table(Table):
    """reportlab's Table, which remembers the heights of its rows.

    reportlab computes the height of every row it is not given, from every cell, each time the
    table is wrapped (to keep a heading with it, to place it, before splitting it); the heights
    only depend on the width the table is given, so the first computation at a width serves
    the next ones (the parts of a split table get them from reportlab already).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._heights_at: dict[float, list[float]] = {}

    def _calc_height(
        self,
        availHeight: float,  # noqa: N803 - reportlab's names
        availWidth: float,  # noqa: N803
        H: Any = None,  # noqa: N803
        W: Any = None,  # noqa: N803
    ) -> None:
        given: Any = self._argH  # type: ignore[has-type]  # reportlab's: None where unknown
        known = self._heights_at.get(availWidth)
        if known is None and None in given:
            known = self._one_pass(W or getattr(self, "_argW"))  # noqa: B009 - no stub
            if known is not None:
                self._heights_at[availWidth] = known
        if known is not None:
            self._argH = self._rowHeights = known
        try:
            super()._calc_height(availHeight, availWidth, H, W)  # type: ignore[misc]
        finally:
            self._argH = given
        if known is None and None in given and self._hmax == len(given):  # type: ignore[attr-defined]
            self._heights_at[availWidth] = list(self._rowHeights)

    def _one_pass(self, widths: Sequence[object]) -> list[float] | None:
        """The heights of the rows in one pass (:func:`_row_heights`) where reportlab's would
        give the same: the widths known, every cell a :class:`_Cell` of one cell style, no
        spans; else ``None``."""
        values: Any = self._cellvalues  # type: ignore[attr-defined]  # reportlab's own
        styles: list[list[CellStyle]] = self._cellStyles  # type: ignore[attr-defined]
        if (
            self._spanCmds  # type: ignore[attr-defined]  # reportlab's own
            or not styles
            or not all(isinstance(width, (int, float)) for width in widths)
            or any(type(cell) is not _Cell for row in values for cell in row)
            or any(style is not styles[0][0] for row in styles for style in row)
        ):
            return None
        given: Any = self._argH  # reportlab's: None where unknown
        return _row_heights(values, cast("list[float]", widths), styles[0][0], given)

    def _drawCell(  # noqa: N802 - reportlab's name
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        """reportlab's ``Table._drawCell`` for a :class:`_Cell` at the top left of its cell
        (every cell of :func:`table`): the same place, without measuring the cell again."""
        if (
            type(cellval) is not _Cell
            or self._curcellstyle is not cellstyle  # type: ignore[attr-defined]  # reportlab's
            or cellstyle.valign != "TOP"
            or cellstyle.alignment != "LEFT"
            or cellstyle.href
            or cellstyle.destination
            or cellval.getSpaceBefore()
            or not hasattr(cellval, "height")
        ):
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        _, height = cellval.wrapOn(
            self.canv,
            colwidth - cellstyle.leftPadding - cellstyle.rightPadding,
            rowheight - cellstyle.topPadding - cellstyle.bottomPadding,
        )
        y = rowpos + rowheight - cellstyle.topPadding
        cellval.drawOn(self.canv, colpos + cellstyle.leftPadding, y - height)


def _row_heights(
    data: Sequence[Sequence[_Cell]],
    widths: Sequence[float],
    style: CellStyle,
    given: Sequence[float | None] | None,
) -> list[float]:
    """The height of every row as reportlab's ``Table._calc_height`` computes it, in one pass:
    the tallest cell with the padding of ``style``, at the cells' widths; a height ``given``
    stays. (reportlab's pass, per cell and with a sum over the rows above each row, took a
    tenth of Na 31-2's time.)"""
    padding = style.bottomPadding + style.topPadding
    room = 72000 - style.topPadding - style.bottomPadding
    inner = [width - style.leftPadding - style.rightPadding for width in widths]
    heights: list[float] = []
    for index, row in enumerate(data):
        fixed = given[index] if given is not None else None
        if fixed is not None:
            heights.append(fixed)
            continue
        height: float = 0
        for cell, width in zip(row, inner, strict=True):
            tallest = cell.wrap(width, room)[1] + padding
            if tallest > height:
                height = tallest
        heights.append(height)
    return heights


def lines(count: int, label: str = "") -> Table:
    """``count`` empty ruled lines to write on, under an optional label."""
    rows: list[list[object]] = [[paragraph(label, "cell")]] if label else []
    rows += [[""] for _ in range(count)]
    width = _WIDTH - _LEFT - _RIGHT
    result = Table(rows, colWidths=[width], rowHeights=[0.7 * cm] * len(rows), hAlign="LEFT")
    start = 1 if label else 0
    result.setStyle(
        TableStyle([("LINEBELOW", (0, start), (-1, -1), 0.4, colors.grey, None, (1, 2))])
    )
    return result


def name_boxes(labels: Sequence[str], count: int) -> Table:
    """``count`` boxes of two halves to write in (``Naam:`` and ``Handtekening:``)."""
    box_width = (_WIDTH - _LEFT - _RIGHT) / 2
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
    box_width = (_WIDTH - _LEFT - _RIGHT) / 2
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


class _NumberedCanvas(pdf_canvas.Canvas):
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
            _LEFT, _HEIGHT - 1.2 * cm, self._page_part if info.parts_in_header else info.part
        )
        self.setFont(BOLD, 8)
        self.drawRightString(_WIDTH - _RIGHT, _HEIGHT - 1.2 * cm, info.committee)
        self.setFont(REGULAR, 8)
        y = 2.2 * cm
        for line in info.model_lines:
            self.drawString(_LEFT, y, line)
            y -= 10
        self.drawRightString(_WIDTH - _RIGHT, 2.2 * cm, f"Pagina {number} van {total}")
        if info.digest is not None:
            moment = info.created.strftime("%d-%m-%Y %H:%M:%S") if info.created else ""
            self.drawString(
                _LEFT,
                1.2 * cm,
                f"Datum: {moment}. Digitale vingerafdruk van EML-telbestand bij dit "
                "proces-verbaal:",
            )
            self.setFont(MONO, 8)
            self.drawString(_LEFT, 0.8 * cm, format_hash(info.digest))
        if info.audit_head is not None:
            self.setFont(REGULAR, 8)
            label = "Laatste hash logboek OSV: "
            self.drawString(_LEFT, 0.4 * cm, label)
            self.setFont(MONO, 8)
            self.drawString(
                _LEFT + self.stringWidth(label, REGULAR, 8),
                0.4 * cm,
                format_hash(bytes.fromhex(info.audit_head)),
            )


def _deflate_only(page: Any) -> None:
    """The page's content stream compressed without reportlab's ASCII85 on top (which makes
    it a quarter larger and, in pure Python, took a tenth of the time of a long report);
    reportlab's ``PDFPage.check_format`` otherwise, which keeps a stream already set."""
    if page.compression:
        contents = pdfdoc.PDFStream(content=page.stream, filters=[pdfdoc.PDFZCompress])
        contents.__Comment__ = "page stream"  # type: ignore[attr-defined]  # as reportlab's
        page.Contents = contents


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
        leftMargin=_LEFT,
        rightMargin=_RIGHT,
        topMargin=_TOP,
        bottomMargin=_BOTTOM,
        title=title,
        author="OSV",
        creator="OSV",
        invariant=1,
        initialFontName=REGULAR,  # reportlab's default, Helvetica, is not embedded (PDF/A)
        keepTogetherClass=_KeepWithNext,
    )
    frame = Frame(_LEFT, _BOTTOM, _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    try:
        document.build(
            story,
            canvasmaker=lambda *a, **k: _NumberedCanvas(*a, info=info, metadata=metadata, **k),
        )
    finally:
        _forget()
    return out.getvalue()


def _forget() -> None:
    """Empty the caches of cells (:func:`_joined`, :func:`_broken`, :func:`_number`) after a
    document: they serve the repetitions within one document, hold no memory after it, and a
    document costs the same whether or not another came before (benchmarks/pv.py measures
    repeated renderings)."""
    _joined.cache_clear()
    _broken.cache_clear()
    _number.cache_clear()
