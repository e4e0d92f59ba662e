"""The JSON format of ``osv allocate``: reading an allocation's input, writing its result.

The format is a contract for other tools and auditors (documented in docs/allocation.md);
the seat allocation itself lives in :mod:`results.allocation` and knows nothing of JSON. Input:

.. code-block:: json

    {"seats": 9, "category": "GR",
     "lists": [{"number": 1, "name": "Partij A",
                "candidates": [{"number": 1, "votes": 310}, {"number": 2, "votes": 40,
                                "deceased": true}]}],
     "lots": [{"kind": "residual_LR", "chosen": 3}]}

Output: ``status``, ``quota`` (``"num/den"``), ``full_seats``, ``seats``, ``elected``,
``ranking``, ``lots_required`` and ``steps``, with list and candidate numbers as object keys in
string form, plus details (``lists``, ``preference_threshold``, ``unassigned``, ``warnings``,
``lots_used``).
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from osv.model import MAX_COUNT, ElectionCategory
from osv.service.errors import ServiceError
from results.allocation.types import (
    Allocation,
    AllocationInput,
    CandidateInput,
    ListInput,
    LotKind,
    LotOutcome,
    ResidualThreshold,
)

__all__ = ["InvalidAllocationInputError", "allocation_to_json", "parse_allocation_input", "plain"]


class InvalidAllocationInputError(ServiceError):
    """The JSON given to ``osv allocate`` does not follow the documented format."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Candidate(_Strict):
    number: int = Field(ge=1, le=MAX_COUNT)
    votes: int = Field(ge=0, le=MAX_COUNT)
    deceased: bool = False


class _List(_Strict):
    number: int = Field(ge=1, le=MAX_COUNT)
    name: str = ""
    candidates: list[_Candidate] = Field(min_length=1)


class _Lot(_Strict):
    kind: LotKind
    chosen: int = Field(ge=1)
    list: int | None = Field(default=None, ge=1)


class _Input(_Strict):
    seats: int = Field(ge=1, le=10_000)
    category: ElectionCategory
    lists: list[_List] = Field(min_length=1)
    lots: list[_Lot] = Field(default_factory=list)
    residual_threshold: ResidualThreshold | None = None
    preference_threshold: int | None = Field(default=None, ge=0, le=100)


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def parse_allocation_input(text: str | bytes) -> AllocationInput:
    """Read the JSON text of an allocation's input; raise with one sentence if it is not in the
    documented format (strictly: ``"12"`` is not a number of votes, ``true`` is not a number)."""
    try:
        raw = _Input.model_validate_json(text, strict=True)
    except ValidationError as error:
        raise InvalidAllocationInputError(f"invalid allocation input: {_problem(error)}") from None
    return AllocationInput(
        seats=raw.seats,
        category=raw.category,
        lists=tuple(
            ListInput(
                number=lst.number,
                name=lst.name,
                candidates=tuple(
                    CandidateInput(number=c.number, votes=c.votes, deceased=c.deceased)
                    for c in lst.candidates
                ),
            )
            for lst in raw.lists
        ),
        lots=tuple(
            LotOutcome(kind=lot.kind, chosen=lot.chosen, list_number=lot.list) for lot in raw.lots
        ),
        residual_threshold=raw.residual_threshold,
        preference_threshold=raw.preference_threshold,
    )


def _fraction(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def plain(value: Any) -> Any:
    """Any result value as JSON: fractions as ``"num/den"``, enums by value, pairs keyed."""
    if isinstance(value, Fraction):
        return _fraction(value)
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        if value and all(
            isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], int)
            for item in value
        ):
            return {str(key): plain(item) for key, item in value}
        return [plain(item) for item in value]
    return value


def _lot_json(lot: LotOutcome) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": lot.kind.value, "chosen": lot.chosen}
    if lot.list_number is not None:
        out["list"] = lot.list_number
    return out


def allocation_to_json(allocation: Allocation) -> dict[str, Any]:
    """The documented JSON result of an allocation."""
    status: Literal["complete", "lots_required", "no_votes"] = allocation.status
    lots_required = None
    if allocation.lots_required is not None:
        needed = allocation.lots_required
        lots_required = {
            "kind": needed.kind.value,
            "article": needed.article,
            "options": list(needed.options),
            "seats": needed.seats,
            "list": needed.list_number,
            "seat_number": needed.seat_number,
            "tied_value": _fraction(needed.tied_value) if needed.tied_value is not None else None,
            "description": needed.description,
        }
    return {
        "status": status,
        "seats_available": allocation.seats,
        "quota": _fraction(allocation.quota) if allocation.quota is not None else None,
        "preference_threshold": (
            _fraction(allocation.preference_threshold)
            if allocation.preference_threshold is not None
            else None
        ),
        "full_seats": {str(lst.number): lst.full_seats for lst in allocation.lists},
        "seats": {str(lst.number): lst.seats for lst in allocation.lists},
        "elected": {
            str(c.list_number): [
                {"number": e.number, "by": e.by, "votes": e.votes} for e in c.elected
            ]
            for c in allocation.candidates
        },
        "ranking": {str(c.list_number): list(c.ranking) for c in allocation.candidates},
        "lots_required": lots_required,
        "lots_used": [_lot_json(lot) for lot in allocation.lots_used],
        "unassigned": allocation.unassigned,
        "warnings": list(allocation.warnings),
        "lists": [plain(lst) for lst in allocation.lists],
        "steps": [plain(step) for step in allocation.steps],
    }
