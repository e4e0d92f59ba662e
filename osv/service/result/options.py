"""The operator's options of the result stages, read from their text form.

``--lot KIND:CHOICE[:LIST]`` gives the outcome of one drawing of lots (Kieswet P 14), in the
order the lots were asked for: ``residual_LR:3`` (list 3 was drawn), or for equal preference
votes ``candidate_preference:5:2`` (candidate 5 of list 2). ``--deceased LIST:CANDIDATE``
registers a deceased candidate (P 19a): ``2:5`` is candidate 5 of list 2. A malformed value is
refused with one sentence that shows the expected form.
"""

from __future__ import annotations

from collections.abc import Sequence

from osv.service.result.files import ResultInputError
from results.allocation.types import LotKind, LotOutcome

__all__ = ["parse_deceased", "parse_lot", "parse_lots"]

_KINDS = ", ".join(kind.value for kind in LotKind)


def _number(text: str, what: str, option: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ResultInputError(f"{option}: {what} must be a whole number from 1, not {text!r}")
    return int(text)


def parse_lot(text: str) -> LotOutcome:
    """One ``--lot`` value: ``KIND:CHOICE`` or, for candidate lots, ``KIND:CHOICE:LIST``."""
    option = f"--lot {text}"
    parts = text.strip().split(":")
    if len(parts) not in (2, 3):
        raise ResultInputError(
            f"{option}: expected KIND:CHOICE or candidate_preference:CANDIDATE:LIST, "
            "e.g. residual_LR:3"
        )
    try:
        kind = LotKind(parts[0])
    except ValueError:
        raise ResultInputError(
            f"{option}: unknown kind {parts[0]!r}; the kinds are {_KINDS}"
        ) from None
    chosen = _number(parts[1], "the choice", option)
    if kind is LotKind.CANDIDATE_PREFERENCE:
        if len(parts) != 3:
            raise ResultInputError(
                f"{option}: a candidate lot names the candidate and the list, "
                "e.g. candidate_preference:5:2 for candidate 5 of list 2"
            )
        list_number = _number(parts[2], "the list", option)
        return LotOutcome(kind=kind, chosen=chosen, list_number=list_number)
    if len(parts) == 3:
        raise ResultInputError(
            f"{option}: only candidate_preference lots name a list; write {kind.value}:{chosen}"
        )
    return LotOutcome(kind=kind, chosen=chosen)


def parse_lots(texts: Sequence[str]) -> tuple[LotOutcome, ...]:
    """Every ``--lot`` value, in the order given."""
    return tuple(parse_lot(text) for text in texts)


def parse_deceased(texts: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Every ``--deceased LIST:CANDIDATE`` value as (list, candidate) numbers."""
    pairs = []
    for text in texts:
        option = f"--deceased {text}"
        parts = text.strip().split(":")
        if len(parts) != 2:
            raise ResultInputError(
                f"{option}: expected LIST:CANDIDATE, e.g. 2:5 for candidate 5 of list 2"
            )
        list_number = _number(parts[0], "the list", option)
        pairs.append((list_number, _number(parts[1], "the candidate", option)))
    return tuple(pairs)
