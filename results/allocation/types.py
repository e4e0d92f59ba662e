"""What goes into the seat allocation, what comes out, and the trace of every step.

The allocation of Kieswet chapter P (https://wetten.overheid.nl/BWBR0004627/2026-01-01) takes
the votes per candidate of every list and the number of seats, and gives seats per list and the
elected candidates. Everything is exact: votes and seats are ``int``, quotas, remainders and
averages are ``fractions.Fraction``. No float appears anywhere.

Outcomes that are not failures are values (style.md, convention 5):

* ``status == "complete"``: every step could be taken;
* ``status == "lots_required"``: a tie must be settled by drawing lots in a public session
  (P 14); :attr:`Allocation.lots_required` says exactly what must be drawn, and the caller runs
  the allocation again with the outcome appended to :attr:`AllocationInput.lots`: the
  computation is replayed from the start, deterministically;
* ``status == "no_votes"``: no valid votes at all, so there is no quota (the law gives no answer;
  the central polling station must contact the Kiesraad).

Malformed input (lists out of order, negative votes, a lot that does not fit) raises
:class:`AllocationError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Literal

from osv.errors import OSVError
from osv.model import ElectionCategory

__all__ = [
    "AbsoluteMajorityStep",
    "Allocation",
    "AllocationError",
    "AllocationInput",
    "CandidateInput",
    "CandidateStep",
    "ElectedCandidate",
    "ExhaustionStep",
    "FullSeatsStep",
    "ListCandidates",
    "ListInput",
    "ListSeats",
    "LotKind",
    "LotOutcome",
    "LotRequired",
    "QuotaStep",
    "ResidualMethod",
    "ResidualSeatStep",
    "ResidualThreshold",
    "Status",
    "Step",
    "UnassignedStep",
]


class AllocationError(OSVError):
    """The input cannot be allocated: malformed, or a supplied lot does not fit the tie."""


class LotKind(StrEnum):
    """The ties that the law settles by drawing lots (Kieswet P 14), by where they occur."""

    RESIDUAL_LR = "residual_LR"  # equal remainders, P 8(1)
    RESIDUAL_UHA = "residual_UHA"  # equal averages, one seat per list, P 8(3)
    RESIDUAL_HA = "residual_HA"  # equal averages, P 7(1) (and plain highest averages)
    ABSOLUTE_MAJORITY = "absolute_majority"  # whose seat goes to the majority list, P 9
    GROUP_LR = "group_LR"  # equal remainders within a lijstengroep, P 12
    CANDIDATE_PREFERENCE = "candidate_preference"  # equal preference votes, P 15(1)


class ResidualThreshold(StrEnum):
    """Which lists may receive a residual seat (restzetel).

    ``NONE``: every list with votes (P 7(1), 19 seats or more, except the Tweede Kamer);
    ``THREE_QUARTERS_QUOTA``: lists with at least 3/4 of the quota for the largest-remainder
    seats (P 8(2), fewer than 19 seats); ``FULL_QUOTA``: lists with at least the quota (P 7(2),
    Tweede Kamer). A named parameter, because bill 36 641 would extend the full quota to all
    elections but the Eerste Kamer.
    """

    NONE = "none"
    THREE_QUARTERS_QUOTA = "three_quarters_quota"
    FULL_QUOTA = "full_quota"


class ResidualMethod(StrEnum):
    """How a residual seat was given."""

    LARGEST_REMAINDERS = "largest_remainders"  # P 8(1), one per list
    UNIQUE_HIGHEST_AVERAGES = "unique_highest_averages"  # P 8(3), one per list
    HIGHEST_AVERAGES = "highest_averages"  # P 7(1) (D'Hondt), or after P 10 below 19 seats


# --- input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateInput:
    """A candidate with the votes cast on them; ``deceased`` when registered so (P 19a).

    ``key`` identifies the person across the lists of a lijstengroep (the EML ShortCode or the
    name); it is not needed for a single list.
    """

    number: int
    votes: int
    deceased: bool = False
    key: str | None = None


@dataclass(frozen=True)
class ListInput:
    """A list (lijst) with its candidates in list order."""

    number: int
    candidates: tuple[CandidateInput, ...]
    name: str = ""

    @property
    def votes(self) -> int:
        """The list's stemcijfer: the sum of its candidates' votes, deceased included (P 2)."""
        return sum(candidate.votes for candidate in self.candidates)

    @property
    def available(self) -> int:
        """How many candidates can take a seat: those not registered as deceased (P 10, P 19a)."""
        return sum(1 for candidate in self.candidates if not candidate.deceased)


@dataclass(frozen=True)
class LotOutcome:
    """The outcome of one drawing of lots: which option was drawn.

    ``chosen`` is a list number, or a candidate number for ``CANDIDATE_PREFERENCE`` lots, in
    which case ``list_number`` names the list.
    """

    kind: LotKind
    chosen: int
    list_number: int | None = None


@dataclass(frozen=True)
class AllocationInput:
    """Everything the allocation needs.

    :param seats: the number of seats to fill (110a ``kr:NumberOfSeats``).
    :param category: the election's category; it decides the rules that differ by body.
    :param lists: the lists in increasing number order.
    :param lots: outcomes of the lots drawn so far, in the order they were asked for.
    :param residual_threshold: override of the law's threshold for residual seats (see
        :class:`ResidualThreshold`); ``None`` applies the law as it stands.
    :param preference_threshold: override of the preference threshold in percent of the quota;
        ``None`` applies Kieswet P 15.
    """

    seats: int
    category: ElectionCategory
    lists: tuple[ListInput, ...]
    lots: tuple[LotOutcome, ...] = ()
    residual_threshold: ResidualThreshold | None = None
    preference_threshold: int | None = None


# --- outcomes -------------------------------------------------------------------------------

Status = Literal["complete", "lots_required", "no_votes"]


@dataclass(frozen=True)
class LotRequired:
    """A tie that only a drawing of lots can settle: everything the people who draw need.

    :param kind: where the tie occurs.
    :param article: the article that prescribes the lot, e.g. ``"P 8(1)"``.
    :param options: the tied list numbers (candidate numbers for candidate lots).
    :param seats: how many of the options receive a seat; each drawing gives one of them.
    :param list_number: the list, for candidate lots.
    :param seat_number: the number of the residual seat at stake, counted from 1.
    :param tied_value: the equal remainder, average or number of votes.
    :param description: one sentence for the operator and the process-verbaal.
    """

    kind: LotKind
    article: str
    options: tuple[int, ...]
    seats: int
    description: str
    list_number: int | None = None
    seat_number: int | None = None
    tied_value: Fraction | None = None


@dataclass(frozen=True)
class ListSeats:
    """The seats of one list and how they came about."""

    number: int
    name: str
    votes: int
    full_seats: int
    remainder: Fraction
    residual_seats: int
    seats: int
    available: int
    exhausted: bool = False
    seats_removed: int = 0


@dataclass(frozen=True)
class ElectedCandidate:
    """An elected candidate: by preference votes (P 15) or in list order (P 17)."""

    number: int
    by: Literal["preference", "list_order"]
    votes: int


@dataclass(frozen=True)
class ListCandidates:
    """The elected candidates of one list in the order their seats were given, and the ranking
    for succession (P 19): candidate numbers, deceased candidates left out."""

    list_number: int
    elected: tuple[ElectedCandidate, ...]
    ranking: tuple[int, ...]
    ranking_changed: bool


# --- the trace ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaStep:
    """P 5: the quota (kiesdeler) is the total of the lists' votes divided by the seats."""

    total_votes: int
    seats: int
    quota: Fraction
    article: str = "P 5"
    step: Literal["quota"] = "quota"


@dataclass(frozen=True)
class FullSeatsStep:
    """P 6: each list gets as many seats as the quota fits in its votes; the rest is its
    remainder (overschot)."""

    list_number: int
    votes: int
    full_seats: int
    remainder: Fraction
    article: str = "P 6"
    step: Literal["full_seats"] = "full_seats"


@dataclass(frozen=True)
class ResidualSeatStep:
    """One residual seat (or several, when equal values fit the seats left).

    ``values`` holds the compared value per eligible list (remainder or average), ``excluded``
    the lists that could not take part, with the reason (``"below_threshold"``, ``"exhausted"``,
    ``"no_votes"``, ``"has_lr_seat"``, ``"has_uha_seat"``).
    """

    seat_number: int
    method: ResidualMethod
    values: tuple[tuple[int, Fraction], ...]
    winners: tuple[int, ...]
    excluded: tuple[tuple[int, str], ...] = ()
    lot: LotOutcome | None = None
    reassignment: bool = False
    article: str = "P 7"
    step: Literal["residual_seat"] = "residual_seat"


@dataclass(frozen=True)
class AbsoluteMajorityStep:
    """P 9: a list with more than half of the votes but not more than half of the seats gets
    one seat more, taken from the list that received the last residual seat."""

    list_number: int
    taken_from: int
    lot: LotOutcome | None = None
    article: str = "P 9"
    step: Literal["absolute_majority"] = "absolute_majority"


@dataclass(frozen=True)
class ExhaustionStep:
    """P 10: a list with more seats than candidates who can take them gives the surplus back."""

    list_number: int
    seats_removed: int
    available: int
    article: str = "P 10"
    step: Literal["exhaustion"] = "exhaustion"


@dataclass(frozen=True)
class UnassignedStep:
    """Seats no list could take: every list with votes is exhausted (P 10)."""

    seats: int
    article: str = "P 10"
    step: Literal["unassigned"] = "unassigned"


@dataclass(frozen=True)
class CandidateStep:
    """A candidate elected: by preference votes above the threshold (P 15), or in list order
    (P 17); ``lot`` when a drawing settled equal preference votes."""

    list_number: int
    candidate_number: int
    by: Literal["preference", "list_order"]
    votes: int
    lot: LotOutcome | None = None
    article: str = "P 15"
    step: Literal["candidate"] = "candidate"


Step = (
    QuotaStep
    | FullSeatsStep
    | ResidualSeatStep
    | AbsoluteMajorityStep
    | ExhaustionStep
    | UnassignedStep
    | CandidateStep
)


@dataclass(frozen=True)
class Allocation:
    """The outcome of :func:`results.allocation.allocate`.

    For ``lots_required``, everything computed up to the tie is filled in (for the UI and a
    draft report); ``candidates`` is empty until the seats are final. ``unassigned`` counts
    seats no list could take. ``warnings`` are stable codes: ``not_all_seats_assigned``,
    ``absolute_majority_and_list_exhaustion``.
    """

    status: Status
    seats: int
    quota: Fraction | None
    preference_threshold: Fraction | None
    lists: tuple[ListSeats, ...]
    candidates: tuple[ListCandidates, ...] = ()
    unassigned: int = 0
    lots_required: LotRequired | None = None
    lots_used: tuple[LotOutcome, ...] = ()
    steps: tuple[Step, ...] = ()
    warnings: tuple[str, ...] = field(default=())
