"""The CSB's decisions file: what it recorded for a publication, so the files can be reproduced.

The web pages keep, with each publication, what the CSB decided in its session (Kieswet
art. I 2 to I 8): which omissions were repaired in time, the outcomes of the lots drawn, where it
departed from the proposal (with its reason), and the time written into the files. The command
line reads the same JSON (``--departures FILE``, docs/candidacy.md, "Decisions file"), so a
publication made on the pages can be made again, byte for byte, with ``osv candidacy export``.

A finding is named as ``check --json`` names it: ``code``, ``list``, ``district``,
``position``. When the findings change (another version of the checks, another election file),
a recorded decision may name a finding that is no longer there: :func:`match_decisions` says
which, so nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from candidacy import (
    Code,
    Consequence,
    Departure,
    Finding,
    FindingName,
    SubmittedList,
    check_lists,
)
from candidacy.departures import lawful_departures
from osv.service.candidacy.files import CandidacyInputError, CandidacySetup

__all__ = [
    "Decisions",
    "Matched",
    "decisions_json",
    "departures_json",
    "load_decisions",
    "load_departures",
    "match_decisions",
    "merged_lots",
    "parse_decisions",
    "parse_departures",
    "read_decisions",
    "repaired_indexes",
    "resolve_decisions",
]


class _FindingRecord(BaseModel):
    """A finding named in a decisions file: as ``check --json`` names it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    list: str
    district: str | None = None
    position: int | None = None


class _DepartureRecord(_FindingRecord):
    """One departure in a decisions file (the JSON shape of :func:`departures_json`)."""

    instead: str
    reason: str


class _DecisionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    repaired: tuple[_FindingRecord, ...] = ()
    lots: tuple[str, ...] = ()
    departures: tuple[_DepartureRecord, ...] = ()
    created: dt.datetime | None = None


@dataclass(frozen=True)
class Decisions:
    """What the CSB recorded for a publication.

    :param repaired: the omissions repaired in time (I 2).
    :param lots: the outcomes of lots drawn in the session, ``key;key;...`` each (besides those
        in the election file).
    :param departures: where the CSB departs from the proposal, with its reasons.
    :param created: the time written into the files (``CreationDateTime``, ``IssueDate``);
        ``None``: the time of publication.
    """

    repaired: tuple[FindingName, ...] = ()
    lots: tuple[str, ...] = ()
    departures: tuple[Departure, ...] = ()
    created: dt.datetime | None = None


def _identity(finding: Finding | FindingName | Departure) -> dict[str, Any]:
    return {
        "code": finding.code.value,
        "list": finding.list_key,
        "district": finding.district,
        "position": finding.position,
    }


def departures_json(departures: Sequence[Departure]) -> list[dict[str, Any]]:
    """The departures as JSON: ``code``, ``list``, ``district``, ``position`` (the finding, as
    ``check --json`` names it), ``instead`` and ``reason``."""
    return [{**_identity(d), "instead": d.instead.value, "reason": d.reason} for d in departures]


def decisions_json(
    repaired: Sequence[Finding],
    lots: Sequence[str],
    departures: Sequence[Departure],
    created: dt.datetime | None,
) -> dict[str, Any]:
    """The decisions as the pages store them and the commands read them (docs/candidacy.md)."""
    recorded: dict[str, Any] = {
        "repaired": [_identity(f) for f in repaired],
        "lots": list(lots),
        "departures": departures_json(departures),
    }
    if created is not None:
        recorded["created"] = created.isoformat()
    return recorded


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    return ".".join(str(part) for part in first["loc"]) + f": {first['msg']}"


def _decisions(records: _DecisionsFile, source: str) -> Decisions:
    repaired = []
    for number, record in enumerate(records.repaired, start=1):
        try:
            code = Code(record.code)
        except ValueError:
            raise CandidacyInputError(
                f"{source}: repaired finding {number}: code: {record.code!r} is not a finding code"
            ) from None
        repaired.append(
            FindingName(
                code=code, list_key=record.list, district=record.district, position=record.position
            )
        )
    departures = []
    for number, departure in enumerate(records.departures, start=1):
        fields = departure.model_dump()
        fields["list_key"] = fields.pop("list")
        try:
            departures.append(Departure.model_validate(fields))
        except ValidationError as error:
            raise CandidacyInputError(
                f"{source}: departure {number}: {_first_error(error)}"
            ) from None
    return Decisions(
        repaired=tuple(repaired),
        lots=tuple(line.strip() for line in records.lots if line.strip()),
        departures=tuple(departures),
        created=records.created,
    )


def parse_decisions(data: bytes, source: str) -> Decisions:
    """The decisions file in ``data``: ``{"repaired": [...], "lots": [...], "departures":
    [...], "created": "..."}``, every member optional (docs/candidacy.md, "Decisions file").

    :raises CandidacyInputError: when it is not JSON in that shape, or names an unknown code or
        decision (the message never repeats a reason).
    """
    try:
        records = _DecisionsFile.model_validate_json(data)
    except ValidationError as error:
        raise CandidacyInputError(
            f"{source}: not a valid decisions file: {_first_error(error)}"
        ) from None
    return _decisions(records, source)


def read_decisions(recorded: Mapping[str, Any], source: str) -> Decisions:
    """The decisions as the pages stored them (see :func:`parse_decisions`)."""
    try:
        records = _DecisionsFile.model_validate(recorded)
    except ValidationError as error:
        raise CandidacyInputError(f"{source}: not valid decisions: {_first_error(error)}") from None
    return _decisions(records, source)


def load_decisions(path: Path) -> Decisions:
    """The decisions file at ``path`` (see :func:`parse_decisions`)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CandidacyInputError(f"{path}: cannot be read ({error.strerror})") from None
    return parse_decisions(data, str(path))


def parse_departures(data: bytes, source: str) -> tuple[Departure, ...]:
    """The departures of a decisions file (see :func:`parse_decisions`)."""
    return parse_decisions(data, source).departures


def load_departures(path: Path) -> tuple[Departure, ...]:
    """The departures in the decisions file at ``path`` (see :func:`parse_decisions`)."""
    return load_decisions(path).departures


@dataclass(frozen=True)
class Matched:
    """Recorded decisions placed on the findings (indexes in the sorted findings).

    :param repaired: the repairable omissions recorded as repaired.
    :param departures: per finding, the recorded departure from its proposal.
    :param unmatched_repairs: recorded repairs that name no repairable omission found now.
    :param unmatched_departures: recorded departures that name no finding found now, or a
        decision its article does not allow.
    """

    repaired: frozenset[int] = frozenset()
    departures: dict[int, Departure] = field(default_factory=dict)
    unmatched_repairs: tuple[FindingName, ...] = ()
    unmatched_departures: tuple[Departure, ...] = ()


def match_decisions(findings: Sequence[Finding], decisions: Decisions) -> Matched:
    """Place the recorded repairs and departures on ``findings``; say which fit none."""
    repaired: set[int] = set()
    unmatched_repairs = []
    for name in decisions.repaired:
        found = [
            index
            for index, finding in enumerate(findings)
            if name.names(finding) and finding.consequence is Consequence.REPAIRABLE
        ]
        if found:
            repaired.update(found)
        else:
            unmatched_repairs.append(name)
    departures: dict[int, Departure] = {}
    unmatched_departures = []
    for departure in decisions.departures:
        found = [
            index
            for index, finding in enumerate(findings)
            if departure.names(finding)
            and departure.instead in lawful_departures(finding)
            and index not in departures
        ]
        if found:
            departures[found[0]] = departure
        else:
            unmatched_departures.append(departure)
    return Matched(
        repaired=frozenset(repaired),
        departures=departures,
        unmatched_repairs=tuple(unmatched_repairs),
        unmatched_departures=tuple(unmatched_departures),
    )


def repaired_indexes(findings: Sequence[Finding], decisions: Decisions) -> frozenset[int]:
    """The indexes (in the sorted ``findings``) of the omissions the decisions record as
    repaired.

    :raises CandidacyInputError: when a recorded repair names no repairable omission found.
    """
    matched = match_decisions(findings, decisions)
    for name in matched.unmatched_repairs:
        raise CandidacyInputError(
            f"the decisions file records {name.where} as repaired, but there is no such "
            "repairable omission"
        )
    return matched.repaired


def _outcomes(lines: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(key.strip() for key in line.split(";")) for line in lines}


def merged_lots(given: Sequence[str], recorded: Sequence[str]) -> tuple[str, ...]:
    """The lot outcomes of ``--lot`` (``given``) and of a decisions file (``recorded``).

    Either may be empty; when both give outcomes they must be the same outcomes.

    :raises CandidacyInputError: when both give outcomes and they differ.
    """
    if not given:
        return tuple(recorded)
    if recorded and _outcomes(given) != _outcomes(recorded):
        raise CandidacyInputError(
            f"the lot outcomes of --lot ({' | '.join(given)}) and of the decisions file "
            f"({' | '.join(recorded)}) differ: give them in one place, or give the same"
        )
    return tuple(given)


def resolve_decisions(
    lists: Sequence[SubmittedList],
    setup: CandidacySetup,
    decisions: Decisions,
    given_lots: Sequence[str] = (),
) -> tuple[frozenset[int], tuple[str, ...]]:
    """For the commands: the indexes (in the sorted findings of ``lists``) of the omissions
    the decisions record as repaired, and the lot outcomes of ``--lot`` and the decisions.

    :raises CandidacyInputError: when a recorded repair names no repairable omission found,
        or ``--lot`` and the decisions give different lot outcomes.
    """
    lots = merged_lots(given_lots, decisions.lots)
    findings = check_lists(lists, setup.register_by_name(), setup.rules())
    return repaired_indexes(findings, decisions), lots
