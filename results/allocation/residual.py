"""The residual seats (restzetels): Kieswet P 7 and P 8, one step at a time.

After the full seats of P 6, ``R`` seats are left. How they are given depends on the size of
the body (https://wetten.overheid.nl/BWBR0004627/2026-01-01, chapter P, paragraph 2):

* **19 seats or more, P 7(1): highest averages (D'Hondt).** Each seat goes to the list with the
  largest average ``V_i / (s_i + 1)``, its votes divided by its seats if it got this one; a list
  may get several. For the Tweede Kamer, P 7(2) keeps lists below the quota out (and so does
  the European Parliament, whose seats follow the Tweede Kamer's rules: Kieswet Y 2).
* **Fewer than 19 seats, P 8.** First largest remainders (LR, P 8(1)): the seat goes to the
  largest remainder, at most one per list, only to lists with at least 3/4 of the quota
  (P 8(2)); a remainder of 0 is the smallest remainder but still counts. When no list may take
  an LR seat any more, unique highest averages (UHA, P 8(3)): largest average, at most one per
  list, every list with votes. When that is exhausted too (only after P 10 freed seats), plain
  highest averages (HA): not in the law text, but the Kiesraad's reading, used by Abacus and
  OSV2020 (kiesraad/abacus-documentatie, zetelverdeling-GR-verduidelijkingen.md).

Each step compares the eligible lists, gives one seat to the best, or one seat to each of
several lists tied for the best value when they all fit in the seats left (in list-number
order), and otherwise asks for a lot among the tied lists (P 7(1), P 8(1): "beslist zo nodig
het lot"); every drawing gives one seat. Every step is recorded as a
:class:`~results.allocation.types.ResidualSeatStep` with the value of every eligible list and
the reason every other list was left out.

Comparisons are exact and use integers only: remainders compare as ``V_i * S - f_i * V``,
averages by cross-multiplication ``V_a * (s_b + 1)`` against ``V_b * (s_a + 1)``
(seat-allocation.md §13). Fractions are built only for the values written in the trace.

The threshold for residual seats is a parameter (:class:`ResidualThreshold`), because bill
36 641 would change it; :func:`default_residual_threshold` gives the law as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from osv.model import ElectionCategory
from osv.model.rules import SMALL_BODY_SEATS
from results.allocation.lots import LotBook, describe_numbers
from results.allocation.quota import mixed_number
from results.allocation.standing import ListStanding
from results.allocation.types import (
    LotKind,
    LotRequired,
    ResidualMethod,
    ResidualSeatStep,
    ResidualThreshold,
    Step,
)

__all__ = [
    "ResidualRules",
    "assign_residual_seats",
    "default_residual_threshold",
    "method_article",
]

_LR = ResidualMethod.LARGEST_REMAINDERS
_UHA = ResidualMethod.UNIQUE_HIGHEST_AVERAGES
_HA = ResidualMethod.HIGHEST_AVERAGES

_LOT_KINDS = {_LR: LotKind.RESIDUAL_LR, _UHA: LotKind.RESIDUAL_UHA, _HA: LotKind.RESIDUAL_HA}

#: Categories whose residual seats need the full quota: the Tweede Kamer (P 7(2)) and the
#: European Parliament, elected by the Tweede Kamer's rules unless chapter Y says otherwise (Y 2).
_FULL_QUOTA_CATEGORIES = frozenset({ElectionCategory.TK, ElectionCategory.EP})


def default_residual_threshold(category: ElectionCategory, seats: int) -> ResidualThreshold:
    """Which lists may take residual seats under the law as it stands.

    * Tweede Kamer: only lists that reached the quota, P 7(2); the European Parliament too,
      through Kieswet Y 2 (its members are elected by the Tweede Kamer's rules);
    * fewer than 19 seats: largest-remainder seats only for lists with at least 3/4 of the
      quota, P 8(2);
    * otherwise no threshold, P 7(1).
    """
    if category in _FULL_QUOTA_CATEGORIES:
        return ResidualThreshold.FULL_QUOTA
    if seats < SMALL_BODY_SEATS:
        return ResidualThreshold.THREE_QUARTERS_QUOTA
    return ResidualThreshold.NONE


def method_article(method: ResidualMethod) -> str:
    """The article that gives a seat by ``method``."""
    return {_LR: "P 8(1)", _UHA: "P 8(3)", _HA: "P 7(1)"}[method]


@dataclass(frozen=True)
class ResidualRules:
    """What decides who may take a residual seat.

    :param seats: ``S``, the number of seats of the body (below 19: P 8, else P 7).
    :param total_votes: ``V``, the total of the lists' votes.
    :param threshold: the threshold for residual seats. ``THREE_QUARTERS_QUOTA`` keeps lists
        below 3/4 of the quota from largest-remainder seats (P 8(2)) and, from 19 seats on,
        from every residual seat; ``FULL_QUOTA`` keeps lists below the quota from every
        residual seat (P 7(2); bill 36 641 would extend this to every residual seat).
    """

    seats: int
    total_votes: int
    threshold: ResidualThreshold

    @property
    def small(self) -> bool:
        """Fewer than 19 seats: the phases of P 8 instead of P 7."""
        return self.seats < SMALL_BODY_SEATS

    def reaches(self, votes: int, threshold: ResidualThreshold) -> bool:
        """Whether a list with ``votes`` reaches ``threshold``, in integers.

        3/4 of the quota: ``4 * V_i * S >= 3 * V`` (at least, so exactly 3/4 is enough);
        the quota: ``V_i * S >= V``.
        """
        if threshold is ResidualThreshold.THREE_QUARTERS_QUOTA:
            return 4 * votes * self.seats >= 3 * self.total_votes
        if threshold is ResidualThreshold.FULL_QUOTA:
            return votes * self.seats >= self.total_votes
        return True

    def eligible_by_votes(self, votes: int, method: ResidualMethod) -> bool:
        """Whether the threshold lets a list with ``votes`` compete by ``method``."""
        if self.small and method is not _LR and self.threshold is not ResidualThreshold.FULL_QUOTA:
            return True  # P 8(3) and plain highest averages take every list with votes
        return self.reaches(votes, self.threshold)


def assign_residual_seats(
    standings: Sequence[ListStanding],
    count: int,
    rules: ResidualRules,
    lots: LotBook,
    trace: list[Step],
    *,
    first_seat: int,
    reassignment: bool = False,
) -> int:
    """Give up to ``count`` residual seats, one step at a time, recording each step.

    :param standings: every list, in list order; updated in place.
    :param count: how many seats to give.
    :param rules: the body's size, the total votes and the threshold.
    :param lots: the outcomes of lots drawn so far; a tie that does not fit the seats left
        asks it for an outcome (and so may raise :class:`~results.allocation.lots.LotsNeeded`).
    :param trace: the steps so far; a :class:`ResidualSeatStep` is appended for every step.
    :param first_seat: the number of the first seat given here (residual seats are numbered
        from 1; seats given again under P 10 continue the count).
    :param reassignment: giving seats freed by P 10. Then only lists that still have a living
        candidate without a seat take part ("lijsten waarop kandidaten voorkomen aan wie geen
        zetel is toegewezen", P 10); during the first assignment the candidates are not looked
        at: P 10 applies afterwards, to what P 6 to P 9 "would have to" give.
    :return: how many seats were given; fewer than ``count`` only when no list may take one.
    """
    given = 0
    while given < count:
        contest = _contest(standings, rules, limit_to_candidates=reassignment)
        if contest is None:
            break
        method, compared, excluded = contest
        tied, values = _best(method, compared)
        left = count - given
        seat_number = first_seat + given
        lot = None
        winners = tied
        if len(tied) > left:
            required = _lot_required(method, tied, values, left, seat_number, reassignment)
            lot = lots.draw(required)
            winners = [s for s in tied if s.number == lot.chosen]
        _award(winners, method)
        trace.append(
            ResidualSeatStep(
                seat_number=seat_number,
                method=method,
                values=tuple((s.number, values[s.number]) for s in compared),
                winners=tuple(s.number for s in winners),
                excluded=tuple(excluded),
                lot=lot,
                reassignment=reassignment,
                article=method_article(method),
            )
        )
        given += len(winners)
    return given


def _award(winners: Sequence[ListStanding], method: ResidualMethod) -> None:
    """A seat to each of ``winners``, marked with the method that gave it."""
    for standing in winners:
        standing.gain()
        if method is _LR:
            standing.lr_seat = True
        elif method is _UHA:
            standing.uha_seat = True


_Contest = tuple[ResidualMethod, list[ListStanding], list[tuple[int, str]]]


def _contest(
    standings: Sequence[ListStanding], rules: ResidualRules, *, limit_to_candidates: bool
) -> _Contest | None:
    """The method of the next step and the lists that take part: the first phase that still has
    an eligible list (LR, then UHA, then HA below 19 seats; HA from 19 seats on)."""
    methods = (_LR, _UHA, _HA) if rules.small else (_HA,)
    for method in methods:
        compared: list[ListStanding] = []
        excluded: list[tuple[int, str]] = []
        for standing in standings:
            reason = _exclusion(standing, method, rules, limit_to_candidates)
            if reason is None:
                compared.append(standing)
            else:
                excluded.append((standing.number, reason))
                if reason == "exhausted":
                    standing.exhausted = True
        if compared:
            return method, compared, excluded
    return None


def _exclusion(
    standing: ListStanding, method: ResidualMethod, rules: ResidualRules, limit: bool
) -> str | None:
    """Why a list cannot take part in a step by ``method``, or ``None`` when it can."""
    if standing.votes == 0:
        return "no_votes"  # a list without votes never gets a seat (nothing to divide)
    if limit and standing.seats >= standing.available:
        return "exhausted"  # P 10: no candidate left to take the seat
    if not rules.eligible_by_votes(standing.votes, method):
        return "below_threshold"  # P 7(2) or P 8(2)
    if method is _LR and standing.lr_seat:
        return "has_lr_seat"  # P 8(1): one largest-remainder seat per list
    if method is _UHA and standing.uha_seat:
        return "has_uha_seat"  # P 8(3): "aan geen van de lijsten meer dan één zetel"
    return None


def _best(
    method: ResidualMethod, compared: list[ListStanding]
) -> tuple[list[ListStanding], dict[int, Fraction]]:
    """The lists sharing the best value, in list order, and every compared list's value."""
    if method is _LR:
        top = max(s.scaled_remainder for s in compared)
        tied = [s for s in compared if s.scaled_remainder == top]
        return tied, {s.number: s.remainder for s in compared}
    best = compared[0]
    for standing in compared[1:]:
        if standing.votes * (best.seats + 1) > best.votes * (standing.seats + 1):
            best = standing
    tied = [s for s in compared if s.votes * (best.seats + 1) == best.votes * (s.seats + 1)]
    return tied, {s.number: Fraction(s.votes, s.seats + 1) for s in compared}


def _lot_required(
    method: ResidualMethod,
    tied: list[ListStanding],
    values: dict[int, Fraction],
    left: int,
    seat_number: int,
    reassignment: bool,
) -> LotRequired:
    """What the people who draw need to know about a tie for more lists than seats."""
    options = tuple(s.number for s in tied)
    value = values[options[0]]
    what = "remainder" if method is _LR else "average"
    seats_left = "1 seat is" if left == 1 else f"{left} seats are"
    freed = " (freed under P 10)" if reassignment else ""
    article = method_article(method)
    return LotRequired(
        kind=_LOT_KINDS[method],
        article=article,
        options=options,
        seats=left,
        seat_number=seat_number,
        tied_value=value,
        description=(
            f"Lists {describe_numbers(options)} have the same {what} of {mixed_number(value)} "
            f"votes and only {seats_left} left: draw one of them by lot for residual seat "
            f"{seat_number}{freed} (Kieswet {article})."
        ),
    )
