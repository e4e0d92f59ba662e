"""Never publish an incomplete result: do the counts cover every unit the definition names?

Before the HSB writes a 510c, or the CSB a 510d, 520 or process-verbaal, and before ``osv
verify`` recomputes a published result, the counts read are compared with what the election
definition (110a) names for the stage (:mod:`results.tally.completeness`):

* an HSB: every municipality of its kieskring;
* the CSB of an election with several kieskringen: every kieskring (or, when it is given the
  municipalities' counts, every municipality of every kieskring);
* the CSB of an election with one district: every municipality of the tree;
* and, where the folder holds polling-station lists (110b), every polling station of such a
  municipality in its count (510b).

A unit without its count, or a count of a unit the definition does not name there, stops the
stage with :class:`IncompleteCountsError`: one sentence per unit, nothing written. ``--draft``
computes anyway and writes only the reports, headed as a draft. Without a 110a the coverage
cannot be checked: :attr:`Coverage.checked` is ``False`` and the reports say so at the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eml import Eml110b, SchemaSet, read_eml
from eml.documents import MessageType
from eml.safe import Limits
from osv.model import ElectionDefinition
from osv.service.result.files import ElectionFiles, FoundFile, ResultInputError
from osv.service.result.sources import CountSource
from results.tally.completeness import (
    Completeness,
    ExpectedUnit,
    check_completeness,
    expected_districts,
    expected_municipalities,
    expected_polling_stations,
    unit_number,
)

__all__ = [
    "NO_DEFINITION",
    "UNCHECKED",
    "Coverage",
    "IncompleteCountsError",
    "coverage_from_headers",
    "coverage_of",
]

#: What the reports say, at the top, when there is no 110a to check the coverage against.
NO_DEFINITION = (
    "NOT CHECKED FOR COMPLETENESS: the folder has no election definition (110a), so OSV "
    "cannot tell whether every municipality or kieskring has its count; a missing count "
    "would change the result without any finding. Add the 110a to check it."
)


@dataclass(frozen=True)
class Coverage:
    """How the counts of a stage cover what the election definition names.

    :param checked: ``False`` when there was no 110a (nothing could be checked).
    :param checks: one comparison per kind of unit (kieskringen or municipalities, and the
        polling stations of each municipality with a 110b).
    :param why: why nothing could be checked, when not for the lack of a 110a.
    """

    checked: bool
    checks: tuple[Completeness, ...] = ()
    why: str | None = None

    @property
    def complete(self) -> bool:
        """Whether every check found every unit and nothing else (vacuously true unchecked)."""
        return all(check.complete for check in self.checks)

    @property
    def missing(self) -> tuple[ExpectedUnit, ...]:
        """Every unit without a count, in the definition's order."""
        return tuple(unit for check in self.checks for unit in check.missing)

    def sentences(self) -> list[str]:
        """One sentence per missing unit, and per count of a unit not named for the stage."""
        lines = [unit.sentence for unit in self.missing]
        for check in self.checks:
            lines += [
                f"{identifier}: a count of a unit the election definition does not name "
                f"among the {check.what}"
                for identifier in check.unexpected
            ]
        return lines

    def confirmations(self) -> list[str]:
        """One sentence per check that found every unit (``every one of the 20 kieskringen
        has its count``)."""
        return [
            f"every one of the {len(check.expected)} {check.what} has its count"
            if len(check.expected) > 1
            else f"{check.expected[0].label}, the only one the definition names, has its count"
            for check in self.checks
            if check.complete
        ]

    def summary(self) -> str:
        """One sentence per check that is not complete, joined."""
        return "; ".join(check.summary for check in self.checks if not check.complete)


#: The coverage of counts read without an election definition.
UNCHECKED = Coverage(checked=False)


#: The coverage when the election definition names no unit of the stage's kind with a number.
_NOTHING_NAMED = Coverage(
    checked=False,
    why=(
        "NOT CHECKED FOR COMPLETENESS: the election definition (110a) names no numbered "
        "municipality or kieskring for this stage, so OSV cannot tell whether every one has "
        "its count; a missing count would change the result without any finding."
    ),
)


class IncompleteCountsError(ResultInputError):
    """The counts do not cover every unit the definition names: nothing is computed or written.

    :param election: the election Id.
    :param coverage: what is missing (:meth:`Coverage.sentences`, one line each).
    """

    def __init__(self, election: str, coverage: Coverage) -> None:
        self.coverage = coverage
        self.problems = tuple(f"{sentence}." for sentence in coverage.sentences())
        self._headline = (
            f"the counts of {election} are incomplete: {coverage.summary()}; nothing was "
            "computed or written (a draft with --draft writes only the reports)"
        )
        super().__init__(f"{self._headline}: {' '.join(self.problems)}")

    @property
    def headline(self) -> str:
        """The summary sentence; the missing units are the :attr:`problems`."""
        return self._headline


def coverage_of(
    files: ElectionFiles,
    definition: ElectionDefinition | None,
    counts: CountSource,
    *,
    hsb: bool = False,
    schemas: SchemaSet | None = None,
    limits: Limits | None = None,
) -> Coverage:
    """Compare the counts read with the definition (and the folder's 110b files).

    :param hsb: ``True`` for a principal polling station (the municipalities of the counts'
        kieskring); otherwise the central polling station.
    :raises EmlError: when a 110b in the folder cannot be read.
    """
    if definition is None:
        return UNCHECKED
    units = _units_check(
        definition,
        counts.level,
        counts.contest_ids[0],
        [part.id for part in counts.parts],
        [part.contest_id for part in counts.parts],
        hsb,
    )
    if not units.expected:
        return _NOTHING_NAMED
    checks = [units]
    if counts.level == "510b":
        checks += _station_checks(files, counts, schemas, limits)
    return Coverage(checked=True, checks=tuple(checks))


def coverage_from_headers(
    definition: ElectionDefinition, counts: Sequence[FoundFile], *, hsb: bool = False
) -> Coverage | None:
    """The same comparison from the count files' headers alone, before their content is read.

    A 510b's authority is its municipality (CBS code), a 510c's ``HSB<n>`` its kieskring, so a
    missing unit shows before a hundred megabytes of counts are read. ``None`` when the headers
    cannot tell (a 510d, an HSB whose kieskring only the content says, a header without an
    authority): then only :func:`coverage_of` decides.
    """
    if not counts or hsb or any(found.authority is None for found in counts):
        return None
    level = counts[0].message_type.value
    if level not in ("510b", "510c") or any(f.message_type.value != level for f in counts):
        return None
    ids = [found.authority.id for found in counts if found.authority is not None]
    districts = [str(number) if (number := unit_number(i)) else i for i in ids]
    check = _units_check(definition, level, "", ids, districts, hsb=False)
    return Coverage(checked=True, checks=(check,)) if check.expected else None


def _units_check(
    definition: ElectionDefinition,
    level: str,
    contest: str,
    unit_ids: Sequence[str],
    districts_present: Sequence[str],
    hsb: bool,
) -> Completeness:
    """The units the stage must have, against the units its counts are of."""
    districts = expected_districts(definition)
    if hsb:
        number = int(contest) if contest.isdigit() else None
        name = next((d.name for d in districts if d.number == number), "")
        return check_completeness(
            expected_municipalities(definition, number),
            unit_ids,
            f"municipalities of kieskring {contest} {name}".rstrip(),
        )
    if level == "510b":
        return check_completeness(
            expected_municipalities(definition), unit_ids, "municipalities of the election"
        )
    if len(districts) > 1:  # 510c per kieskring, or a 510d with a unit per kieskring
        return check_completeness(districts, districts_present, "kieskringen")
    return check_completeness(  # a 510d of a single-district election: its municipalities
        expected_municipalities(definition), unit_ids, "municipalities of the election"
    )


def _station_checks(
    files: ElectionFiles,
    counts: CountSource,
    schemas: SchemaSet | None,
    limits: Limits | None,
) -> list[Completeness]:
    """Per 110b in the folder: every polling station it lists has a unit in the 510b."""
    parts = {unit_number(part.id): part for part in counts.parts}
    checks = []
    for found in files.of(MessageType.POLLING_STATIONS):
        document = read_eml(found.path, source=found.name, schemas=schemas, limits=limits).document
        if not isinstance(document, Eml110b):  # the scan classified it by the same Id
            raise ResultInputError(f"{found.name} is not a list of polling stations (110b)")
        unit = document.reporting_unit
        part = parts.get(unit_number(unit.id))
        if part is None:
            continue  # the municipality has no count at all: the municipalities' check says so
        expected = expected_polling_stations(unit.id, unit.name, document.polling_stations)
        checks.append(
            check_completeness(
                expected,
                part.units,
                f"polling stations of municipality {unit.id} {unit.name or ''}".rstrip()
                + f" ({found.name})",
            )
        )
    return checks
