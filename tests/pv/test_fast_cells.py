"""The table cells' fast path writes what reportlab's Paragraph writes, byte for byte.

:class:`osv.pv.cells._Cell` builds, breaks and draws a cell's plain text without reportlab's
XML parse, repeated line breaking and drawing layers (docs/pv.md, "Speed"). What it may not
change is the PDF: every model is rendered with the fast path and with reportlab's own
drawing, and every page's content stream must be the same bytes; the pieces (the fragment, the
cleaned text, the broken lines) are compared with reportlab's for arbitrary text.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from osv.pv import cells
from osv.pv.layout import _Cell, _escape, _joined, _styles, paragraph
from tests.pv.every_model import every_model

#: Text as cells hold it: names with Teletex letters, numbers, white space of every kind.
_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"aZ09 .,-'()&<>;\"ĳŉłőş☐", " ", "\n", "\t", "\xa0", "\u2003", "\u200b"]
    ),
    max_size=60,
)
_STYLE = st.sampled_from(["cell", "value", "cell_bold", "cell_mono"])


def _pages(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_model_writes_the_bytes_reportlab_writes(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_cells = 0
    fast_lines = _Cell._fast_lines

    def counted(cell: _Cell, canvas: object) -> object:
        nonlocal fast_cells
        lines = fast_lines(cell, canvas)  # type: ignore[arg-type]
        fast_cells += lines is not None
        return lines

    monkeypatch.setattr(_Cell, "_fast_lines", counted)
    fast = every_model(shared, tmp_path / "fast")
    monkeypatch.setattr(cells, "_FAST_CELLS", False)
    slow = every_model(shared, tmp_path / "slow")
    assert fast_cells > 1000  # the fast path was taken, in every kind of table
    assert sorted(fast) == sorted(slow)
    for name in fast:
        fast_pages, slow_pages = _pages(fast[name]), _pages(slow[name])
        assert len(fast_pages) == len(slow_pages), name
        for number, (page, expected) in enumerate(zip(fast_pages, slow_pages, strict=True), 1):
            assert page == expected, f"{name}, page {number}"


@given(_TEXT)
def test_cleaning_is_reportlabs(text: str) -> None:
    assert _joined(text) == cleanBlockQuotedText(text)


@given(_TEXT, _STYLE)
def test_a_cell_has_the_fragments_reportlabs_parser_makes(text: str, style: str) -> None:
    cell = _Cell(text, _styles()[style])
    parsed = Paragraph(_escape(text), _styles()[style])
    made = {name: value for name, value in vars(cell).items() if name not in ("_plain", "frags")}
    assert made == {name: value for name, value in vars(parsed).items() if name != "frags"}
    assert [vars(f) for f in cell.frags] == [vars(f) for f in parsed.frags]


@given(_TEXT, _STYLE, st.floats(min_value=1, max_value=400))
def test_a_cell_breaks_its_lines_as_reportlab_does(text: str, style: str, width: float) -> None:
    cell = _Cell(text, _styles()[style])
    parsed = Paragraph(_escape(text), _styles()[style])
    assert cell.wrap(width, 1000) == parsed.wrap(width, 1000)
    assert cell.wrap(width, 1000) == parsed.wrap(width, 1000)  # the second time from the cache
    if cell._plain:  # else it is reportlab's Paragraph, all of it
        assert vars(cell.blPara) == vars(parsed.blPara)  # type: ignore[attr-defined]


@given(_TEXT, st.sampled_from(["body", "small", "h1", "h2", "h3", "big", "caption", "cell"]))
def test_a_paragraph_has_the_fragments_reportlabs_parser_makes(text: str, style: str) -> None:
    made = paragraph(text, style)
    parsed = Paragraph(_escape(text), _styles()[style])
    assert (made.text, made.style, made.bulletText) == (
        parsed.text,
        parsed.style,
        parsed.bulletText,
    )
    assert [vars(f) for f in made.frags] == [vars(f) for f in parsed.frags]
    assert made.wrap(300, 1000) == parsed.wrap(300, 1000)
