"""Exact values as the process-verbaal prints them, and the lot instructions."""

from __future__ import annotations

from fractions import Fraction

from osv.service.result.formatting import lot_instructions, mixed
from results.allocation.types import LotKind, LotOutcome, LotRequired


def test_mixed_fractions_are_exact() -> None:
    assert mixed(Fraction(5104, 15)) == "340 4/15"
    assert mixed("550/1") == "550"
    assert mixed(Fraction(3, 4)) == "3/4"
    assert mixed(0) == "0"


def test_lot_instructions_repeat_earlier_lots_in_order() -> None:
    needed = LotRequired(
        kind=LotKind.CANDIDATE_PREFERENCE,
        article="P 15(1)",
        options=(2, 4),
        seats=1,
        description="candidates 2 and 4 of list 3 have equal preference votes",
        list_number=3,
    )
    lines = lot_instructions(needed, [LotOutcome(LotKind.RESIDUAL_LR, 1)])
    assert lines[0].startswith("A drawing of lots is needed (P 15(1)): candidates 2 and 4")
    assert (
        "    --lot residual_LR:1 --lot candidate_preference:2:3    (if candidate 2 is drawn)"
        in lines
    )
    assert lines[-1].startswith("Keep the earlier --lot options")
