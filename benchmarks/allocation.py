"""Benchmark: the seat allocation, compared with votelib on the same inputs in the same run.

Two elections, built from a fixed seed so every run measures the same thing:

* ``Tweede Kamer``: 150 seats, 30 lists of 80 candidates, about 10^7 votes (category TK);
* ``council 17``: a municipal council of 17 seats, 8 lists of 30 candidates (category GR).

For each, the same run measures:

* ``OSV allocate``: :func:`results.allocation.allocate`, the whole chapter P: input checks,
  seats, every step of the trace, and the candidates (P 15 to P 19);
* ``OSV seat part``: only the seats, P 5 to P 10 with their trace (see :func:`osv_seat_part`);
* ``votelib``: the seat part only, with votelib's evaluator for the method the law uses: D'Hondt
  (``HighestAverages('d_hondt')``) for the Tweede Kamer, over the lists that reach the quota
  (P 7(2) as a filter, inside the timed call), and largest remainders with the Hare quota
  (``LargestRemainder('hare')``) for the council.

Time is the best of ``--repeat`` repeats of a timeit-style loop (``timeit.Timer.autorange``
picks the number of calls per repeat), the variants taking turns; the ratios are OSV's times
over votelib's. The script also checks, outside the timed calls, whether votelib gives the same
seats as OSV on these inputs, and whether either computation touched a floating-point number (a
tracer looks at the local variables of their frames and the module-level names their code
uses). No assertion is made on any number.

votelib is an optional dependency: ``pip install -e '.[bench]'`` (``make bench`` does it).

Usage: ``.venv/bin/python benchmarks/allocation.py [--repeat 7] [--json]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import timeit
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from types import FrameType
from typing import Any

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from osv.model import ElectionCategory  # noqa: E402
from results.allocation import allocate  # noqa: E402
from results.allocation.types import (  # noqa: E402
    Allocation,
    AllocationInput,
    CandidateInput,
    ListInput,
)

try:
    from votelib.evaluate.proportional import HighestAverages, LargestRemainder
except ImportError:  # pragma: no cover - explained to the user
    raise SystemExit(
        "votelib is not installed: pip install -e '.[bench]' (or run make bench)"
    ) from None


# --- the elections ---------------------------------------------------------------------------


def _candidate_votes(rng: random.Random, total: int, count: int) -> list[int]:
    """A list's votes over its candidates as in real elections: the first candidate takes
    most, a few others draw preference votes, the rest get a little each."""
    weights = [rng.uniform(0.5, 1.5) / (rank + 1) ** 1.6 for rank in range(count)]
    weights[0] *= 8
    for star in rng.sample(range(1, count), k=min(3, count - 1)):
        weights[star] *= rng.uniform(5, 20)
    scale = sum(weights)
    votes = [int(total * w / scale) for w in weights]
    votes[0] += total - sum(votes)
    return votes


def _election(
    seats: int, category: ElectionCategory, list_votes: list[int], candidates: int, seed: int
) -> AllocationInput:
    rng = random.Random(seed)
    return AllocationInput(
        seats=seats,
        category=category,
        lists=tuple(
            ListInput(
                number=number,
                name=f"Lijst {number}",
                candidates=tuple(
                    CandidateInput(number=i + 1, votes=v)
                    for i, v in enumerate(_candidate_votes(rng, total, candidates))
                ),
            )
            for number, total in enumerate(list_votes, start=1)
        ),
    )


def tweede_kamer() -> AllocationInput:
    """150 seats, 30 lists of 80 candidates, about 10^7 votes shaped like a recent TK."""
    rng = random.Random(2023)
    shares = [rng.paretovariate(1.2) for _ in range(30)]
    scale = 10_400_000 / sum(shares)
    return _election(150, ElectionCategory.TK, [int(s * scale) for s in shares], 80, seed=150)


def council() -> AllocationInput:
    """A municipal council of 17 seats: 8 lists of 30 candidates, about 15,000 votes."""
    votes = [3_904, 2_875, 2_101, 1_788, 1_532, 1_236, 1_004, 890]
    return _election(17, ElectionCategory.GR, votes, 30, seed=17)


# --- the variants ----------------------------------------------------------------------------


def _list_votes(allocation_input: AllocationInput) -> dict[int, int]:
    return {lst.number: lst.votes for lst in allocation_input.lists}


def votelib_dhondt_over_quota(allocation_input: AllocationInput) -> Callable[[], dict[Any, Any]]:
    """votelib's D'Hondt over the lists that reach the quota (P 7(2)), filter included."""
    votes = _list_votes(allocation_input)
    seats = allocation_input.seats
    evaluator = HighestAverages("d_hondt")

    def run() -> dict[Any, Any]:
        total = sum(votes.values())
        eligible = {n: v for n, v in votes.items() if v * seats >= total}
        return dict(evaluator.evaluate(eligible, seats))

    return run


def votelib_largest_remainder(allocation_input: AllocationInput) -> Callable[[], dict[Any, Any]]:
    """votelib's largest remainders with the Hare quota (votes / seats) over every list."""
    votes = _list_votes(allocation_input)
    seats = allocation_input.seats
    evaluator = LargestRemainder("hare")
    return lambda: dict(evaluator.evaluate(votes, seats))


@dataclass(frozen=True)
class Case:
    """One election and the votelib evaluator for its method."""

    name: str
    allocation_input: AllocationInput
    votelib_name: str
    votelib: Callable[[AllocationInput], Callable[[], dict[Any, Any]]]


CASES = (
    Case("Tweede Kamer", tweede_kamer(), "votelib D'Hondt", votelib_dhondt_over_quota),
    Case("council 17", council(), "votelib largest remainder", votelib_largest_remainder),
)


# --- measuring -------------------------------------------------------------------------------


def best_time(function: Callable[[], object], repeat: int) -> float:
    """Seconds per call: the best of ``repeat`` timeit-style loops."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=repeat, number=number)) / number


def _values(value: object, depth: int = 0) -> Iterator[object]:
    yield value
    if depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _values(key, depth + 1)
            yield from _values(item, depth + 1)
    elif depth < 2 and isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _values(item, depth + 1)


def floats_seen(function: Callable[[], object], packages: tuple[str, ...]) -> list[float]:
    """The float values that ``packages``' code had in hand while ``function`` ran: in the local
    variables of its frames (looked at on every line, containers two levels deep) and in the
    module-level names its code uses (such as a ``float('inf')`` constant). Intermediate values
    of an expression are not seen; a float stored nowhere would escape this check."""
    seen: list[float] = []

    def tracer(frame: FrameType, event: str, _arg: object) -> Any:
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(packages):
            return None
        if event == "call":
            names = frame.f_code.co_names
            seen.extend(
                value for name in names if isinstance(value := frame.f_globals.get(name), float)
            )
        if event in ("line", "return"):
            for value in frame.f_locals.values():
                seen.extend(v for v in _values(value) if isinstance(v, float))
        return tracer

    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(None)
    return seen


def _describe_floats(values: list[float]) -> str:
    if not values:
        return "none"
    finite = sorted({v for v in values if v not in (float("inf"), float("-inf"))})
    if not finite:
        return "only infinity (a 'no maximum' sentinel, compared with integers)"
    return f"{len(finite)} finite float values, e.g. {finite[:3]}"


def osv_seat_part(allocation_input: AllocationInput) -> Callable[[], object] | None:
    """OSV's seat part alone: quota, full seats, residual seats, P 9 and P 10 with their trace,
    without the input checks and the candidates. It drives the allocation's private run class
    (``results.allocation.allocation._Run``), so it is skipped, not faked, if that changes."""
    try:
        from results.allocation.allocation import _Run
        from results.allocation.lots import LotBook
    except ImportError:
        return None
    if not hasattr(_Run, "assign_seats"):
        return None
    lists = [(lst.number, lst.votes, lst.available, lst.name) for lst in allocation_input.lists]

    def run() -> object:
        total = sum(votes for _, votes, _, _ in lists)
        seats = _Run(allocation_input, lists, total, LotBook(allocation_input.lots))
        seats.assign_seats()
        return seats

    return run


def measure(case: Case, repeat: int) -> dict[str, Any]:
    """Time the variants on one election and compare their seats and arithmetic."""

    def osv() -> Allocation:
        return allocate(case.allocation_input)

    variants: dict[str, Callable[[], object]] = {"osv": osv}
    seat_part = osv_seat_part(case.allocation_input)
    if seat_part is not None:
        variants["osv_seats"] = seat_part
    other = case.votelib(case.allocation_input)
    variants["votelib"] = other
    seconds = dict.fromkeys(variants, float("inf"))
    for _ in range(2):  # take turns, so no variant profits from a warmer machine
        for name, function in variants.items():
            seconds[name] = min(seconds[name], best_time(function, repeat))
    result = osv()
    osv_seats = {lst.number: lst.seats for lst in result.lists if lst.seats}
    other_seats = {n: int(s) for n, s in other().items() if s}
    seat_seconds = seconds.get("osv_seats")
    return {
        "election": case.name,
        "seats": case.allocation_input.seats,
        "lists": len(case.allocation_input.lists),
        "candidates": sum(len(lst.candidates) for lst in case.allocation_input.lists),
        "votes": sum(lst.votes for lst in case.allocation_input.lists),
        "osv_status": result.status,
        "osv_seconds": seconds["osv"],
        "osv_seat_part_seconds": seat_seconds,
        "votelib": case.votelib_name,
        "votelib_seconds": seconds["votelib"],
        "ratio_whole": seconds["osv"] / seconds["votelib"],
        "ratio_seat_part": seat_seconds / seconds["votelib"] if seat_seconds else None,
        "same_seats": osv_seats == other_seats,
        "osv_seats": osv_seats,
        "votelib_seats": other_seats,
        "osv_quota_exact": isinstance(result.quota, Fraction),
        "osv_floats": _describe_floats(floats_seen(osv, ("results.allocation",))),
        "votelib_floats": _describe_floats(floats_seen(other, ("votelib",))),
    }


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.3f} ms"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def table(rows: list[dict[str, Any]]) -> str:
    """The measurements as a plain text table, then the checks per election."""
    headers = [
        "election",
        "seats",
        "lists",
        "votes",
        "OSV allocate",
        "OSV seat part",
        "votelib (seats)",
        "ratio whole",
        "ratio seats",
    ]
    cells = [
        [
            r["election"],
            str(r["seats"]),
            str(r["lists"]),
            f"{r['votes']:,}",
            _ms(r["osv_seconds"]),
            _ms(r["osv_seat_part_seconds"]),
            _ms(r["votelib_seconds"]),
            _ratio(r["ratio_whole"]),
            _ratio(r["ratio_seat_part"]),
        ]
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines += [
        "",
        "Best of the repeats, per call. OSV allocate: the whole of chapter P (input checks,",
        "seats, trace, candidates). OSV seat part: P 5 to P 10 with their trace. votelib: the",
        "seats only. ratio = OSV time / votelib time.",
    ]
    for r in rows:
        lines.append("")
        lines.append(f"{r['election']} ({r['votelib']}):")
        lines.append(f"  same seats as votelib: {'yes' if r['same_seats'] else 'NO'}")
        if not r["same_seats"]:
            lines.append(f"    OSV     {r['osv_seats']}")
            lines.append(f"    votelib {r['votelib_seats']}")
        lines.append(f"  floats in OSV:     {r['osv_floats']}")
        lines.append(f"  floats in votelib: {r['votelib_floats']}")
        ratio = r["ratio_seat_part"] if r["ratio_seat_part"] is not None else r["ratio_whole"]
        part = "seat part" if r["ratio_seat_part"] is not None else "whole allocation"
        verdict = "no slower than" if ratio <= 1 else f"{ratio:.1f} times as slow as"
        lines.append(f"  OSV's {part} is {verdict} votelib on this election")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a table, or JSON with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="repeats per variant (best is kept)")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args(argv)
    rows = [measure(case, args.repeat) for case in CASES]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(table(rows))


if __name__ == "__main__":
    main()
