"""The fonts of the process-verbaal: DejaVu Sans (text) and DejaVu Sans Mono (pre-filled values).

DejaVu covers the whole Teletex (T.61) repertoire that EML_NL allows in names (ş, ő, ł, ŉ, ĳ,
…). The fonts come from Debian's package ``fonts-dejavu-core`` (``apt install
fonts-dejavu-core``), never from files copied into OSV; ``OSV_FONT_DIR`` points elsewhere when
they are installed in another folder. They are embedded (as subsets) in every PDF.
"""

from __future__ import annotations

import os
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
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
