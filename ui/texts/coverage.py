"""Whether a stage's counts cover the units the election definition names, in Dutch.

A stage (HSB or CSB) adds up the counts of the units its election definition (110a) names:
districts, municipalities or polling stations. :func:`coverage_summary` says in one sentence
what is missing, :func:`coverage_confirmation` that nothing is, and :func:`coverage_sentences`
names each unit without a count and each count of a unit the definition does not name.
"""

from __future__ import annotations

from osv.service.result.coverage import Coverage
from results.tally.completeness import Completeness, ExpectedUnit

__all__ = ["coverage_confirmation", "coverage_sentences", "coverage_summary", "expected_unit"]


#: The reporting units a stage adds up, in Dutch: one, several, the article and the relative
#: pronoun ("de gemeente die", "het stembureau dat").
_UNIT_WORDS = {
    "district": ("kieskring", "kieskringen", "de", "die"),
    "municipality": ("gemeente", "gemeenten", "de", "die"),
    "polling station": ("stembureau", "stembureaus", "het", "dat"),
}


def expected_unit(unit: ExpectedUnit) -> str:
    """A unit the election definition names, in Dutch: ``Kieskring 7 Arnhem``, ``Gemeente 0518
    's-Gravenhage (kieskring 12 's-Gravenhage)``, ``Stembureau 3 Dorpshuis (gemeente 0668
    West Maas en Waal)``."""
    text = _own_unit(unit)
    if unit.within is None:
        return text
    within = _own_unit(unit.within)
    return f"{text} ({within[0].lower()}{within[1:]})"


def _own_unit(unit: ExpectedUnit) -> str:
    if unit.kind == "district":
        text = f"Kieskring {unit.number} {unit.name}"
    elif unit.kind == "municipality":
        text = f"Gemeente {unit.number:04d} {unit.name}"
    else:
        text = f"Stembureau {unit.number} {unit.name}"
    return text.rstrip()


def _unit_words(check: Completeness) -> tuple[str, str, str, str]:
    """The Dutch words for the units of ``check`` (municipalities when it names none: only an
    HSB or a single-district CSB can be without expected units)."""
    kind = check.expected[0].kind if check.expected else "municipality"
    return _UNIT_WORDS[kind]


def coverage_summary(coverage: Coverage) -> str:
    """What keeps the counts of a stage from being complete, in one Dutch sentence without a
    final stop: "2 van de 20 kieskringen hebben nog geen telling"."""
    parts = []
    for check in coverage.checks:
        one, several, the, which = _unit_words(check)
        if not check.expected:
            parts.append(f"de verkiezingsdefinitie (110a) noemt hier geen enkele {one}")
        elif check.missing and len(check.expected) == 1:
            parts.append(
                f"{the} {one} {which} de verkiezingsdefinitie noemt, heeft nog geen telling"
            )
        elif check.missing:
            verb = "heeft" if len(check.missing) == 1 else "hebben"
            parts.append(
                f"{len(check.missing)} van de {len(check.expected)} {several} {verb} nog geen "
                "telling"
            )
        if check.unexpected:
            count = len(check.unexpected)
            parts.append(
                f"{count} {'telling is' if count == 1 else 'tellingen zijn'} van een {one} "
                f"{which} de verkiezingsdefinitie hier niet noemt"
            )
    return "; ".join(parts)


def coverage_confirmation(coverage: Coverage) -> str:
    """That every unit the election definition names for the stage has its count, in Dutch:
    "Alle 20 kieskringen die de verkiezingsdefinitie noemt, hebben een telling"."""
    parts = []
    for check in coverage.checks:
        one, several, the, which = _unit_words(check)
        if len(check.expected) == 1:
            parts.append(f"{the} {one} {which} de verkiezingsdefinitie noemt, heeft een telling")
        else:
            parts.append(
                f"alle {len(check.expected)} {several} die de verkiezingsdefinitie noemt, "
                "hebben een telling"
            )
    return "; ".join(parts)


def coverage_sentences(coverage: Coverage) -> list[str]:
    """One Dutch sentence per unit without a count ("Kieskring 7 Arnhem: geen telling."), then
    one per count of a unit the election definition does not name for the stage."""
    lines = [f"{expected_unit(unit)}: geen telling." for unit in coverage.missing]
    for check in coverage.checks:
        one, _, _, which = _unit_words(check)
        lines += [
            f"{identifier}: een telling van een {one} {which} de verkiezingsdefinitie hier "
            "niet noemt; die telt niet mee."
            for identifier in check.unexpected
        ]
    return lines
