"""The text forms of --lot and --deceased."""

from __future__ import annotations

import pytest

from osv.service.result.files import ResultInputError
from osv.service.result.options import parse_deceased, parse_lot, parse_lots
from results.allocation.types import LotKind, LotOutcome


def test_lots_read_in_order() -> None:
    assert parse_lots(["residual_LR:3", "candidate_preference:5:2", "absolute_majority:1"]) == (
        LotOutcome(LotKind.RESIDUAL_LR, 3),
        LotOutcome(LotKind.CANDIDATE_PREFERENCE, 5, list_number=2),
        LotOutcome(LotKind.ABSOLUTE_MAJORITY, 1),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("residual_LR", "expected KIND:CHOICE"),
        ("residual_lr:3", "unknown kind"),
        ("residual_LR:three", "whole number"),
        ("residual_LR:3:2", "only candidate_preference lots name a list"),
        ("candidate_preference:5", "names the candidate and the list"),
        ("", "expected KIND:CHOICE"),
    ],
)
def test_malformed_lots_are_refused(text: str, message: str) -> None:
    with pytest.raises(ResultInputError, match=message):
        parse_lot(text)


def test_deceased_candidates() -> None:
    assert parse_deceased(["2:5", "1:1"]) == ((2, 5), (1, 1))
    with pytest.raises(ResultInputError, match="expected LIST:CANDIDATE"):
        parse_deceased(["2-5"])
    with pytest.raises(ResultInputError, match="the candidate must be a whole number"):
        parse_deceased(["2:x"])
