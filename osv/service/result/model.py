"""The result of an election as the reports, the 520 writer and the verification see it.

Both ways to compute a result produce an :class:`ElectionResult`: the single-district
allocation (municipal councils, water boards, provinces with one district) and the multi-district
one (Tweede Kamer, provinces with several districts). The text and JSON reports, the EML 520 and
``osv verify`` read only this, so they treat every kind of election alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from osv.model import ElectionIdentifier, PersonName
from results.allocation.types import LotOutcome, LotRequired
from results.tally.findings import Finding

__all__ = ["ElectedPerson", "ElectionResult", "ListOutcome", "ResultStatus"]

ResultStatus = Literal["complete", "lots_required", "no_votes", "unresolved"]


@dataclass(frozen=True)
class ElectedPerson:
    """An elected candidate, with what the 520 and the reports need.

    :param candidate_number: the position on the list (in the district named by ``district``
        for multi-district elections).
    :param by: ``preference`` (Kieswet P 15) or ``list_order`` (P 17).
    :param votes: the candidate's votes (summed over the lists of a group, P 15).
    :param district: the contest (kieskring) of the list the person is elected on, or ``None``
        for a single-district election.
    :param short_code: the key identifying the person above district level (EML ShortCode).
    """

    list_number: int
    candidate_number: int
    name: PersonName
    by: Literal["preference", "list_order"]
    votes: int
    gender: str | None = None
    locality: str | None = None
    country_code: str | None = None
    district: str | None = None
    short_code: str | None = None


@dataclass(frozen=True)
class ListOutcome:
    """A list (or a party, in a multi-district election) in the result, in list order.

    ``elected`` is in the order of election (the order of the 520); ``ranking`` holds the
    candidate numbers for succession (P 19), deceased candidates left out.
    """

    number: int
    name: str
    votes: int
    full_seats: int
    seats: int
    elected: tuple[ElectedPerson, ...] = ()
    ranking: tuple[int, ...] = ()


@dataclass(frozen=True)
class ElectionResult:
    """The computed result of one election, with the calculation and the count findings.

    ``steps`` is the allocation's trace in the JSON form of docs/allocation.md (plain dicts,
    fractions as ``"num/den"``), so reports can show and store it without knowing its types.
    ``lots_used`` are the lot outcomes the computation consumed, in order; ``deceased`` the
    candidates registered as deceased (P 19a), as (list, candidate) pairs. ``names_known`` is
    ``False`` when the candidate lists (230b) were not available: the elected persons then carry
    an empty name and only their list and number are known. ``short_codes`` (several districts
    only) gives every candidate's ShortCode by (district, list, candidate number), for the
    510d and the 520 (:mod:`eml.short_codes`).
    """

    identifier: ElectionIdentifier
    seats: int
    status: ResultStatus
    quota: Fraction | None
    preference_threshold: Fraction | None
    lists: tuple[ListOutcome, ...]
    total_votes: int
    lots_required: LotRequired | None = None
    steps: tuple[dict[str, Any], ...] = ()
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
    unresolved: tuple[str, ...] = ()
    unassigned: int = 0
    lots_used: tuple[LotOutcome, ...] = ()
    deceased: tuple[tuple[int, int], ...] = ()
    names_known: bool = True
    short_codes: Mapping[tuple[str, int, int], str] = field(default_factory=dict)
