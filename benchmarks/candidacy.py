"""Benchmark: checking 30 lists of 80 candidates (a Tweede Kamer nomination), against a baseline.

The lists are built from a fixed seed so every run measures the same thing: 30 parties, each
handing in one list of 80 candidates for all 20 districts, with a few omissions (missing
consents, a duplicate candidate across lists). Measured in the same run:

* ``check_lists``: :func:`candidacy.check_lists`, every check of the examination;
* ``CSV read``: :func:`candidacy.read_lists` of the same 2,400 candidates;
* ``baseline``: building the same number of plain dictionaries with one pass over the
  candidates (the least any examination must do), so the ratios are comparable across machines.

Time is the best of ``--repeat`` repeats (``timeit.Timer.autorange``). No assertion is made.

Usage: ``.venv/bin/python benchmarks/candidacy.py [--repeat 5] [--json]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import timeit
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from candidacy import (  # noqa: E402
    PartyRegistration,
    SubmittedCandidate,
    SubmittedList,
    check_lists,
    default_rules,
    read_lists,
    write_lists,
)
from osv.model import ElectionCategory, Gender, PersonName  # noqa: E402

DISTRICTS = tuple(str(n) for n in range(1, 21))


def build(seed: int = 2026) -> tuple[list[SubmittedList], dict[str, PartyRegistration]]:
    """30 lists of 80 candidates for 20 districts, with a few omissions."""
    rng = random.Random(seed)
    lists = []
    register = {}
    for p in range(30):
        name = f"Partij {p + 1}"
        register[name] = PartyRegistration(
            name=name,
            seats_last_time=rng.choice((16, 20, 32)),
            votes_last_time=rng.randint(0, 10**6),
        )
        candidates = tuple(
            SubmittedCandidate(
                name=PersonName(initials="A.B.", last_name=f"Kandidaat{p}x{c}"),
                gender=rng.choice(tuple(Gender)),
                locality="Juinen",
                consent=rng.random() > 0.01,
            )
            for c in range(80)
        )
        lists.append(
            SubmittedList(
                key=str(p + 1),
                party_name=name,
                districts=DISTRICTS,
                candidates=candidates,
                deposit_paid=True,
                support=dict.fromkeys(DISTRICTS, 30),
            )
        )
    return lists, register


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    lists, register = build()
    rules = default_rules(ElectionCategory.TK, 150)
    text = write_lists(lists)

    def baseline() -> None:
        [{"k": lst.key, "n": c.name.last_name} for lst in lists for c in lst.candidates]

    runs = {
        "baseline": baseline,
        "check_lists": lambda: check_lists(lists, register, rules),
        "CSV read": lambda: read_lists(text),
    }
    best = {}
    for label, function in runs.items():
        timer = timeit.Timer(function)
        number, _ = timer.autorange()
        best[label] = min(timer.repeat(repeat=args.repeat, number=number)) / number
    result = {
        label: {"seconds": seconds, "ratio": seconds / best["baseline"]}
        for label, seconds in best.items()
    }
    findings = len(check_lists(lists, register, rules))
    if args.json:
        print(json.dumps({"findings": findings, "timings": result}, indent=2))
        return
    print(f"30 lists x 80 candidates x 20 districts: {findings} findings")
    for label, row in result.items():
        print(f"{label:12} {row['seconds'] * 1000:9.2f} ms  {row['ratio']:8.1f} x baseline")


if __name__ == "__main__":
    main()
