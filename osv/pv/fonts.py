"""The fonts of the process-verbaal: DejaVu Sans (text) and DejaVu Sans Mono (pre-filled values).

DejaVu covers the whole Teletex (T.61) repertoire that EML_NL allows in names (ş, ő, ł, ŉ, ĳ,
…). The fonts come from Debian's package ``fonts-dejavu-core`` (``apt install
fonts-dejavu-core``), never from files copied into OSV; ``OSV_FONT_DIR`` points elsewhere when
they are installed in another folder. They are embedded (as subsets) in every PDF.
"""

from __future__ import annotations

import os
import struct
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from osv.errors import OSVError

__all__ = ["BOLD", "MONO", "REGULAR", "FontMissingError", "register_fonts"]

REGULAR = "OSV-Sans"
BOLD = "OSV-Sans-Bold"
MONO = "OSV-Mono"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}
_DEFAULT = Path("/usr/share/fonts/truetype/dejavu")


class FontMissingError(OSVError):
    """The DejaVu fonts are not installed where OSV looks for them."""


@cache
def register_fonts() -> None:
    """Register the three fonts with reportlab (once per process).

    :raises FontMissingError: naming the missing file and how to install it.
    """
    folder = Path(os.environ.get("OSV_FONT_DIR") or _DEFAULT)
    for name, file in _FILES.items():
        path = folder / file
        if not path.is_file():
            raise FontMissingError(
                f"the font {path} is missing; install Debian's fonts-dejavu-core "
                "(apt install fonts-dejavu-core) or set OSV_FONT_DIR to a folder with DejaVu"
            )
        font = TTFont(name, str(path))
        _mend_trailing_widths(font)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


def _mend_trailing_widths(font: TTFont) -> None:
    """Give the glyphs after the font's last full horizontal metric their width in font units.

    A TrueType ``hmtx`` table may end with glyphs that only have a left side bearing and share
    the last full metric's advance width (DejaVu Sans Mono: every glyph). reportlab keeps that
    width for them already scaled to 1/1000 em, and its subsets then tell a PDF reader 602/2048
    em where the PDF's widths say 602/1000 em: a PDF/A validator refuses such a font. The
    advance width in font units is the last full metric's own.
    """
    face = font.face
    count = struct.unpack(">H", face.get_table("hhea")[34:36])[0]  # type: ignore[no-untyped-call]
    if 0 < count < len(face.hmetrics):
        width = face.hmetrics[count - 1][0]
        face.hmetrics[count:] = [(width, lsb) for _, lsb in face.hmetrics[count:]]
