"""The seat allocation of Kieswet chapter P, in exact arithmetic, every step explained.

:func:`allocate` takes an :class:`AllocationInput` (seats, category, lists with the votes of
their candidates, the lot outcomes drawn so far) and returns an :class:`Allocation`: seats per
list, elected candidates, the ranking for succession and a trace of every step, each naming
its article of the Kieswet (https://wetten.overheid.nl/BWBR0004627/2026-01-01). When a tie
needs a lot, the result says what to draw; append the outcome to ``AllocationInput.lots`` and
call again.

Elections with several kieskringen (Tweede Kamer, PS2) first allocate between parties, each
counting as one list (P 2, P 3), then within each party over its district lists and persons::

    parties = allocate(party_allocation_input(election, party_lots))
    result = allocate_districts(election, party_seats_of(parties))

The modules, in the order the law applies them:

* ``quota.py``: the quota (P 5) and the full seats (P 6);
* ``residual.py``: the residual seats (P 7, P 8), one step at a time;
* ``majority.py``: the absolute majority (P 9);
* ``exhaustion.py``: lists that run out of candidates (P 10, P 19a);
* ``candidates.py``: candidates elected by preference votes (P 15) and in list order (P 17);
* ``ranking.py``: the ranking for succession (P 19);
* ``lots.py``: the replay protocol for lots (P 14);
* ``standing.py``, ``validation.py``: the working state and the checks at the door;
* ``allocation.py``: :func:`allocate`, the order of the steps;
* ``types.py``: the shared input, outcome and trace types;
* ``groups*.py``: several kieskringen with lijstengroepen and sets of identical lists.
"""

from __future__ import annotations

from results.allocation.allocation import allocate
from results.allocation.groups import allocate_districts, party_allocation_input, party_seats_of
from results.allocation.groups_types import (
    DistrictCandidate,
    DistrictList,
    MultiDistrictAllocation,
    MultiDistrictInput,
    PartyLists,
)
from results.allocation.types import (
    AbsoluteMajorityStep,
    Allocation,
    AllocationError,
    AllocationInput,
    CandidateInput,
    CandidateStep,
    ElectedCandidate,
    ExhaustionStep,
    FullSeatsStep,
    ListCandidates,
    ListInput,
    ListSeats,
    LotKind,
    LotOutcome,
    LotRequired,
    QuotaStep,
    ResidualMethod,
    ResidualSeatStep,
    ResidualThreshold,
    Status,
    Step,
    UnassignedStep,
)

__all__ = [
    "AbsoluteMajorityStep",
    "Allocation",
    "AllocationError",
    "AllocationInput",
    "CandidateInput",
    "CandidateStep",
    "DistrictCandidate",
    "DistrictList",
    "ElectedCandidate",
    "ExhaustionStep",
    "FullSeatsStep",
    "ListCandidates",
    "ListInput",
    "ListSeats",
    "LotKind",
    "LotOutcome",
    "LotRequired",
    "MultiDistrictAllocation",
    "MultiDistrictInput",
    "PartyLists",
    "QuotaStep",
    "ResidualMethod",
    "ResidualSeatStep",
    "ResidualThreshold",
    "Status",
    "Step",
    "UnassignedStep",
    "allocate",
    "allocate_districts",
    "party_allocation_input",
    "party_seats_of",
]
