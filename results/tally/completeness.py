"""Whether a stage has the count of every reporting unit the election definition names.

A principal polling station (HSB) adds up the municipalities of its kieskring (Kieswet O 3); a
central polling station (CSB) adds up every kieskring, or, in an election with one district,
every municipality (Kieswet P 1, O 3(4)). Leaving one out gives a result that looks complete,
passes every consistency check and is wrong: with 2 of the 20 kieskringen of TK2023 missing,
four parties get a different number of seats. So before anything is computed or written, the
units the counts cover are compared with the units the election definition (EML 110a) names for
the stage, and, where the polling-station lists (EML 110b) are at hand, the polling stations of
each municipality with the reporting units of its count.

The election definition's tree gives, per region, its number and its superior region:
``GEMEENTE`` regions (municipalities, numbered by their CBS code without leading zeros) sit in a
``KIESKRING`` (``SuperiorRegionNumber``). Count files name units differently: a municipality by
its zero-padded CBS code (``0518``), a district by its number (``12``) or as ``HSB12``, a polling
station as ``0668::SB3``. :func:`unit_number` reads all of these.

Nothing here reads files: the callers give the definition and the identifiers they found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from osv.model import ElectionDefinition, PollingStation, RegionCategory
from osv.model.election import DISTRICT_CATEGORIES

__all__ = [
    "Completeness",
    "ExpectedUnit",
    "check_completeness",
    "expected_districts",
    "expected_municipalities",
    "expected_polling_stations",
    "unit_number",
]

UnitKind = Literal["district", "municipality", "polling station"]


@dataclass(frozen=True)
class ExpectedUnit:
    """A reporting unit the election definition (or a 110b) names for a stage.

    :param kind: ``district`` (kieskring), ``municipality`` or ``polling station``.
    :param number: the district's number, the municipality's CBS code as a number, or the
        polling station's number.
    :param name: its name, as the definition or the 110b gives it.
    :param within: the unit it lies in, where that helps to find it: a municipality's
        kieskring (in an election with several), a polling station's municipality.
    """

    kind: UnitKind
    number: int
    name: str
    within: ExpectedUnit | None = None

    @property
    def own_label(self) -> str:
        """``kieskring 7 Arnhem``, ``municipality 0518 's-Gravenhage``, ``polling station 3``."""
        if self.kind == "district":
            return f"kieskring {self.number} {self.name}".rstrip()
        if self.kind == "municipality":
            return f"municipality {self.number:04d} {self.name}".rstrip()
        return f"polling station {self.number} {self.name}".rstrip()

    @property
    def label(self) -> str:
        """The unit and where it lies: ``municipality 0518 's-Gravenhage (kieskring 12 ...)``."""
        if self.within is None:
            return self.own_label
        return f"{self.own_label} ({self.within.own_label})"

    @property
    def sentence(self) -> str:
        """One sentence for a report: ``kieskring 7 Arnhem: no count``."""
        return f"{self.label}: no count"


@dataclass(frozen=True)
class Completeness:
    """How the counts given for a stage cover the units the definition names.

    :param expected: the units the stage must have a count of.
    :param missing: those without a count, in the definition's order.
    :param unexpected: identifiers of counts the definition does not name for this stage.
    :param what: the units in words, plural (``kieskringen``, ``municipalities of kieskring 6
        Nijmegen``, ``polling stations of municipality 0668 ...``).
    """

    expected: tuple[ExpectedUnit, ...]
    missing: tuple[ExpectedUnit, ...]
    unexpected: tuple[str, ...]
    what: str

    @property
    def complete(self) -> bool:
        """Whether every expected unit has its count and no count is of another unit."""
        return not self.missing and not self.unexpected

    @property
    def summary(self) -> str:
        """One sentence: how many of the expected units lack a count."""
        return f"{len(self.missing)} of the {len(self.expected)} {self.what} have no count"


def unit_number(identifier: str) -> int | None:
    """The number in a unit identifier as count files write it, or ``None``.

    ``0518`` → 518; ``12`` → 12; ``HSB12`` → 12; ``0668::SB3`` → 3 (the polling station);
    anything else → ``None``.
    """
    text = identifier.strip()
    if "::" in text:
        text = text.rpartition("::")[2]
    match = re.fullmatch(r"(?:HSB|SB)?0*(\d{1,9})", text)
    return int(match.group(1)) if match else None


def expected_districts(definition: ElectionDefinition) -> tuple[ExpectedUnit, ...]:
    """The kieskringen of the tree (the units a multi-district CSB adds up)."""
    return tuple(
        ExpectedUnit("district", region.number, region.name)
        for region in definition.tree
        if region.category in DISTRICT_CATEGORIES and region.number is not None
    )


def expected_municipalities(
    definition: ElectionDefinition, district: int | None = None
) -> tuple[ExpectedUnit, ...]:
    """The municipalities of the tree, or of kieskring ``district`` only.

    A municipality's kieskring is its ``SuperiorRegionNumber`` when its superior is a district.
    """
    districts = {unit.number: unit for unit in expected_districts(definition)}
    found = []
    for region in definition.tree:
        if region.category is not RegionCategory.GEMEENTE or region.number is None:
            continue
        superior = (
            region.superior_number if region.superior_category in DISTRICT_CATEGORIES else None
        )
        if district is not None and superior != district:
            continue
        within = districts.get(superior) if superior is not None and len(districts) > 1 else None
        found.append(ExpectedUnit("municipality", region.number, region.name, within))
    return tuple(found)


def expected_polling_stations(
    municipality: str, name: str | None, stations: Sequence[PollingStation]
) -> tuple[ExpectedUnit, ...]:
    """The polling stations a municipality's 110b lists (its 510b counts each of them)."""
    number = unit_number(municipality)
    within = ExpectedUnit("municipality", number, name or "") if number is not None else None
    return tuple(
        ExpectedUnit("polling station", station.number, station.name or "", within)
        for station in stations
    )


def check_completeness(
    expected: Sequence[ExpectedUnit], present: Iterable[str], what: str
) -> Completeness:
    """Compare the units of the counts (``present``, as count files name them) with ``expected``.

    :param what: the expected units in words, plural, for the summary sentence.
    """
    numbers: dict[int, str] = {}
    unreadable: list[str] = []
    for identifier in present:
        number = unit_number(identifier)
        if number is None:
            unreadable.append(identifier)
        else:
            numbers.setdefault(number, identifier)
    wanted = {unit.number for unit in expected}
    missing = tuple(unit for unit in expected if unit.number not in numbers)
    unexpected = tuple(
        sorted(identifier for number, identifier in numbers.items() if number not in wanted)
    ) + tuple(unreadable)
    return Completeness(tuple(expected), missing, unexpected, what)
