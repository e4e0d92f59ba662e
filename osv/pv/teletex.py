"""A test page with every character of the Teletex repertoire, in each embedded font.

EML_NL names (candidates, places, polling stations) may use the characters of the Teletex set
(ITU-T T.61, the repertoire of ISO/IEC 6937): the printable ASCII characters, the supplementary
symbols, the letters T.61 has as such (Æ, Đ, Ħ, Ĳ, Ŀ, Ł, Ø, Œ, Þ, Ŧ, Ŋ, ŉ, ĸ, ß, ...) and every
Latin letter with one of its thirteen diacritics (grave, acute, circumflex, tilde, macron, breve,
dot, diaeresis, ring, cedilla, double acute, ogonek, caron) that Unicode has as one character in
Latin-1 and Latin Extended-A (shared process-verbaal.md §2). ``osv pv teletex`` prints them in
a table (code point, the character in DejaVu Sans, Sans Bold and Sans Mono, its Unicode name)
so a reviewer can see that the fonts cover them all.
"""

from __future__ import annotations

import unicodedata

from reportlab.platypus import Flowable

from osv.pv.layout import PageInfo, heading, paragraph, render, table

__all__ = ["TELETEX", "render_teletex"]

#: T.61's non-spacing diacritics, as Unicode combining marks.
_DIACRITICS = frozenset(
    "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u0327\u030b\u0328\u030c"
)
#: Letters and symbols T.61 has as characters of their own (its supplementary set).
_OWN = "¡¢£¥§¤«°±²³×µ¶·÷»¼½¾¿ªº¬¦­©®™♪ΩÆÐĐĦĲĿŁØŒÞŦŊŉĸæđðħıĳŀłøœßþŧŋ"


def _composed() -> str:
    found = []
    for code in range(0xC0, 0x180):
        char = chr(code)
        parts = unicodedata.normalize("NFD", char)
        if (
            len(parts) == 2
            and parts[0].isascii()
            and parts[0].isalpha()
            and parts[1] in _DIACRITICS
        ):
            found.append(char)
    return "".join(found)


#: Every character of the repertoire, each once, in code-point order.
TELETEX: str = "".join(
    sorted(set("".join(chr(c) for c in range(0x20, 0x7F)) + _OWN + _composed()) - {" ", "\xad"})
)


def render_teletex() -> bytes:
    """The PDF of the test page: every character of :data:`TELETEX` in the three fonts."""
    rows: list[list[object]] = []
    for char in TELETEX:
        rows.append([f"U+{ord(char):04X}", char, char, char, unicodedata.name(char, "").lower()])
    story: list[Flowable] = [
        heading("Teletex-tekenset (ITU-T T.61)"),
        paragraph(
            f"Alle {len(TELETEX)} tekens die namen in EML_NL-bestanden mogen bevatten, in de "
            "lettertypen van de processen-verbaal: DejaVu Sans, DejaVu Sans Bold en DejaVu Sans "
            "Mono. Een teken dat als leeg vakje of vraagteken verschijnt, ontbreekt in het "
            "lettertype."
        ),
        paragraph(TELETEX, "body"),
        table(
            ["Code", "Sans", "Bold", "Mono", "Naam"],
            rows,
            widths=[56.0, 40.0, 40.0, 40.0, 334.0],
            fonts={2: "bold", 3: "mono"},
        ),
    ]
    info = PageInfo(committee="OSV", model_lines=("Testpagina tekenset",), part="Teletex")
    return render(story, info, title="Teletex-tekenset")
