"""The consistency findings of counts (:class:`results.tally.findings.Finding`) in Dutch.

A finding carries its code, its reporting unit and its numbers by name; its ``message`` is the
English sentence of the command line. The HSB/CSB page and the HSB's report (model O 3) show
instead a Dutch sentence built from the structured fields, naming the unit as the paper models
do (stembureau, gemeente, kieskring) and the boxes by their letters: "Stembureau 12 (gemeente
0394): A + B (831 + 93 = 924) is niet gelijk aan D (923)." Every code of
:data:`results.tally.rules.RULES` has a sentence here (``tests/ui/test_finding_texts.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from results.codes import CountCode, SumCode
from results.tally.findings import Finding

__all__ = [
    "QUANTITY_LABELS",
    "SENTENCES",
    "finding_sentence",
    "number",
    "quantity_label",
    "unit_label",
]

#: The names of :attr:`Finding.quantities` that are not letters of the paper models, in Dutch.
QUANTITY_LABELS = {
    "sum of lists": "som van de lijsten",
    "sum of candidates": "som van de kandidaten",
    "stated": "opgegeven",
    "sum of parts": "som van de onderdelen",
    "lists in total": "lijsten in het totaal",
    "lists in parts": "lijsten in de onderdelen",
    "candidates in total": "kandidaten in het totaal",
    "candidates in parts": "kandidaten in de onderdelen",
    "repeated": "herhalingen",
}

#: What S.103 and S.104 compare, by the reason code written in EML (:attr:`Finding.subject`).
_REASONS = {
    "blanco": "de blanco stemmen (F)",
    "ongeldig": "de ongeldige stemmen (G)",
    "geldige stempassen": "de geldige stempassen (A)",
    "geldige volmachtbewijzen": "de geldige volmachtbewijzen (B)",
    "geldige kiezerspassen": "de geldige kiezerspassen (C)",
    "toegelaten kiezers": "de toegelaten kiezers (D)",
    "meer getelde stembiljetten": "de meer getelde stembiljetten (I)",
    "minder getelde stembiljetten": "de minder getelde stembiljetten (J)",
}


def number(value: int) -> str:
    """A whole number as Dutch papers write it: 7.665, -3."""
    return f"{value:,}".replace(",", ".")


def quantity_label(name: str) -> str:
    """A quantity's name in Dutch (letters such as ``D`` or ``E.x`` stay as they are)."""
    return QUANTITY_LABELS.get(name, name)


def unit_label(unit: str) -> str:
    """Where a finding is, as the paper models name it.

    ``0394::SB12`` is "stembureau 12 (gemeente 0394)", ``0394`` "gemeente 0394", ``HSB3``
    "kieskring 3", ``CSB`` "centraal stembureau"; a stated total (``0394 (total)``) is "totaal
    van gemeente 0394". Anything else (a file name) is shown as it is.
    """
    base = unit.removesuffix(" (total)")
    if "::" in base:
        municipality, _, station = base.partition("::")
        label = f"stembureau {station.removeprefix('SB')} (gemeente {municipality})"
    elif base.startswith("HSB") and base[3:].isdigit():
        label = f"kieskring {base[3:]}"
    elif base == "CSB":
        label = "centraal stembureau"
    elif base.isdigit():
        label = f"gemeente {base}" if len(base) == 4 else f"kieskring {base}"
    else:
        label = base
    return f"totaal van {label}" if unit.endswith(" (total)") else label


def _q(finding: Finding, name: str) -> int:
    return int(finding.quantities.get(name, 0))


def _f201(f: Finding) -> str:
    letters = ["A", "B"] + (["C"] if _q(f, "C") else [])
    values = [_q(f, letter) for letter in letters]
    return (
        f"{' + '.join(letters)} ({' + '.join(number(v) for v in values)} = "
        f"{number(sum(values))}) is niet gelijk aan D ({number(_q(f, 'D'))})."
    )


def _f202(f: Finding) -> str:
    return (
        f"de stemmen op de lijsten (E.1 + … + E.n) tellen op tot {number(_q(f, 'sum of lists'))}, "
        f"maar E (stemmen op kandidaten) is {number(_q(f, 'E'))}."
    )


def _f204(f: Finding) -> str:
    return (
        f"de lijsten hebben samen {number(_q(f, 'sum of lists'))} stemmen, maar E (stemmen op "
        "kandidaten) is 0."
    )


def _f312(f: Finding) -> str:
    d, h, i, j = (_q(f, letter) for letter in "DHIJ")
    return (
        f"D ({number(d)}) is niet gelijk aan H − I + J ({number(h)} − {number(i)} + {number(j)} "
        f"= {number(h - i + j)})."
    )


def _f402(f: Finding) -> str:
    n = f.list_number
    return (
        f"lijst {n} heeft {number(_q(f, 'E.x'))} stemmen (E.{n}), maar de stemmen op haar "
        f"kandidaten tellen op tot {number(_q(f, 'sum of candidates'))}."
    )


def _w206(f: Finding) -> str:
    return (
        f"er zijn minder kiesgerechtigden (Z = {number(_q(f, 'Z'))}) dan geldige stempassen "
        f"(A = {number(_q(f, 'A'))})."
    )


def _s101(f: Finding) -> str:
    return (
        f"het opgegeven aantal kiesgerechtigden (Z) is {number(_q(f, 'stated'))}; de onderdelen "
        f"geven samen {number(_q(f, 'sum of parts'))}. Dit is een waarschuwing: Z is geen stem "
        "en komt vaak uit het register."
    )


def _sum(what: str) -> Callable[[Finding], str]:
    def sentence(f: Finding) -> str:
        stated, summed = _q(f, "stated"), _q(f, "sum of parts")
        difference = f"{'+' if stated >= summed else '−'}{number(abs(stated - summed))}"
        subject = what.format(
            list=f.list_number,
            candidate=f.candidate,
            reason=_REASONS.get(f.subject or "", f"het aantal ‘{f.subject}’"),
        )
        return (
            f"{subject}: het totaal geeft {number(stated)}, de onderdelen tellen op tot "
            f"{number(summed)} (verschil {difference})."
        )

    return sentence


def _s201(f: Finding) -> str:
    if "lists in total" in f.quantities:
        text = (
            f"het totaal heeft {number(_q(f, 'lists in total'))} lijsten, de onderdelen hebben "
            f"er {number(_q(f, 'lists in parts'))}"
        )
        named = "lijsten"
    else:
        text = (
            f"lijst {f.list_number}: het totaal heeft {number(_q(f, 'candidates in total'))} "
            f"kandidaten, de onderdelen hebben er {number(_q(f, 'candidates in parts'))}"
        )
        named = "kandidaten"
    return f"{text}; verschillend: {named} {f.subject}." if f.subject else f"{text}."


#: A Dutch sentence (after the unit) per code of :data:`results.tally.rules.RULES`.
SENTENCES: Mapping[CountCode | SumCode, Callable[[Finding], str]] = {
    CountCode.F201: _f201,
    CountCode.F202: _f202,
    CountCode.F204: _f204,
    CountCode.F312: _f312,
    CountCode.F402: _f402,
    CountCode.W204: lambda f: "er zijn geen stemmen uitgebracht (H = 0).",
    CountCode.W205: lambda f: "het aantal kiesgerechtigden (Z) is 0.",
    CountCode.W206: _w206,
    SumCode.S101: _s101,
    SumCode.S102: _sum("de stemmen op kandidaten (E)"),
    SumCode.S103: _sum("{reason}"),
    SumCode.S104: _sum("{reason}"),
    SumCode.S105: _sum("de stemmen op lijst {list}"),
    SumCode.S106: _sum("de stemmen op kandidaat {candidate} van lijst {list}"),
    SumCode.S201: _s201,
    SumCode.S202: lambda f: (
        "komt meer dan eens voor in het bestand; de stemmen worden elke keer opgeteld."
    ),
}


def finding_sentence(finding: Finding) -> str:
    """The finding as one Dutch sentence, starting with its unit."""
    where = unit_label(finding.unit)
    build = SENTENCES.get(finding.code)
    text = build(finding) if build else f"bevinding {finding.code}."
    return f"{where[:1].upper()}{where[1:]}: {text}"
