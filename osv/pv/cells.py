"""Table cells and tables of the process-verbaal layout, fast: reportlab's Paragraph and Table
with what a long table pays for them taken out (issue 18; the profile is in docs/pv.md,
"Speed").

A report of 450 polling stations has thousands of table cells, and reportlab breaks every cell
into lines each time its table is measured, split or drawn. Here a cell's lines are broken once
per text, style and width, the cell is written to the page exactly as reportlab writes it, and a
table's row heights are computed once per width. :mod:`osv.pv.layout` builds its blocks from
these; ``tests/pv/test_fast_cells.py`` renders every model with and without these fast paths
and compares the bytes of every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, cast

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    Paragraph,
    Table,
)
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.tables import CellStyle
from reportlab.rl_config import _FUZZ, paraFontSizeHeightOffset

#: Nothing public: :mod:`osv.pv.layout` builds its blocks from these private classes.
__all__: list[str] = []


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
