"""One shape for an allocation's result, read from the Python object or from the JSON contract.

The properties that do not need the step-by-step trace are checked on an :class:`Outcome`, so
the very same checks run on :func:`results.allocation.allocate` and on the JSON printed by any
build's ``osv allocate`` (docs/auditing.md). Reading the JSON is deliberately strict: a missing
or mistyped field is a broken contract and fails the test.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from results.allocation.types import Allocation, AllocationInput, LotKind, LotOutcome
from tests.properties.lots import LotAsked

__all__ = ["Elected", "Outcome", "input_to_json"]


@dataclass(frozen=True)
class Elected:
    """An elected candidate: number, ``"preference"`` or ``"list_order"``, and their votes."""

    number: int
    by: str
    votes: int


@dataclass(frozen=True)
class Outcome:
    """What the properties look at: status, quota, seats per list, candidates, lots asked."""

    status: str
    seats_available: int
    quota: Fraction | None
    full_seats: dict[int, int]
    seats: dict[int, int]
    unassigned: int
    elected: dict[int, tuple[Elected, ...]]
    ranking: dict[int, tuple[int, ...]]
    lot_asked: LotAsked | None
    warnings: tuple[str, ...]

    @classmethod
    def of(cls, allocation: Allocation) -> Outcome:
        """Read the Python result."""
        return cls(
            status=allocation.status,
            seats_available=allocation.seats,
            quota=allocation.quota,
            full_seats={lst.number: lst.full_seats for lst in allocation.lists},
            seats={lst.number: lst.seats for lst in allocation.lists},
            unassigned=allocation.unassigned,
            elected={
                c.list_number: tuple(Elected(e.number, e.by, e.votes) for e in c.elected)
                for c in allocation.candidates
            },
            ranking={c.list_number: tuple(c.ranking) for c in allocation.candidates},
            lot_asked=(
                LotAsked.of(allocation.lots_required)
                if allocation.lots_required is not None
                else None
            ),
            warnings=tuple(allocation.warnings),
        )

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Outcome:
        """Read the JSON printed by ``osv allocate`` (osv/service/formats/allocation_json.py)."""
        quota = document["quota"]
        asked = document["lots_required"]
        return cls(
            status=_typed(document["status"], str),
            seats_available=_typed(document["seats_available"], int),
            quota=_fraction(quota) if quota is not None else None,
            full_seats=_numbered(document["full_seats"], lambda v: _typed(v, int)),
            seats=_numbered(document["seats"], lambda v: _typed(v, int)),
            unassigned=_typed(document["unassigned"], int),
            elected=_numbered(
                document["elected"],
                lambda people: tuple(
                    Elected(_typed(p["number"], int), _typed(p["by"], str), _typed(p["votes"], int))
                    for p in people
                ),
            ),
            ranking=_numbered(
                document["ranking"], lambda numbers: tuple(_typed(n, int) for n in numbers)
            ),
            lot_asked=(
                LotAsked(
                    kind=LotKind(asked["kind"]),
                    options=tuple(_typed(o, int) for o in asked["options"]),
                    list_number=asked.get("list"),
                )
                if asked is not None
                else None
            ),
            warnings=tuple(_typed(w, str) for w in document["warnings"]),
        )

    def same_seats_and_candidates(self, other: Outcome) -> bool:
        """Whether two outcomes give the same seats and elect and rank the same people."""
        return (
            self.seats == other.seats
            and self.unassigned == other.unassigned
            and self.elected == other.elected
            and self.ranking == other.ranking
        )


def _typed(value: Any, kind: type) -> Any:
    if kind is int and isinstance(value, bool):
        raise AssertionError(f"expected a number in the JSON, found {value!r}")
    if not isinstance(value, kind):
        raise AssertionError(f"expected {kind.__name__} in the JSON, found {value!r}")
    return value


def _fraction(text: Any) -> Fraction:
    numerator, slash, denominator = _typed(text, str).partition("/")
    if not slash:
        raise AssertionError(f"expected a fraction 'num/den' in the JSON, found {text!r}")
    return Fraction(int(numerator), int(denominator))


def _numbered(mapping: Any, read: Any) -> dict[int, Any]:
    return {int(key): read(value) for key, value in _typed(mapping, dict).items()}


def _lot_json(lot: LotOutcome) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": lot.kind.value, "chosen": lot.chosen}
    if lot.list_number is not None:
        out["list"] = lot.list_number
    return out


def input_to_json(allocation_input: AllocationInput) -> dict[str, Any]:
    """The input in the JSON format ``osv allocate`` reads (docs/allocation.md)."""
    document: dict[str, Any] = {
        "seats": allocation_input.seats,
        "category": allocation_input.category.value,
        "lists": [
            {
                "number": lst.number,
                "name": lst.name,
                "candidates": [
                    {"number": c.number, "votes": c.votes, "deceased": c.deceased}
                    for c in lst.candidates
                ],
            }
            for lst in allocation_input.lists
        ],
        "lots": [_lot_json(lot) for lot in allocation_input.lots],
    }
    if allocation_input.residual_threshold is not None:
        document["residual_threshold"] = allocation_input.residual_threshold.value
    if allocation_input.preference_threshold is not None:
        document["preference_threshold"] = allocation_input.preference_threshold
    return document
