"""Small pieces of text shared by the result and verification reports.

Exact values are printed as the process-verbaal P 22-2 prints them: as mixed fractions
(``726 3/17``), never rounded. A lot that must be drawn is described with the exact option to
type, so the operator never has to work out the syntax of ``--lot``.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from results.allocation.types import LotKind, LotOutcome, LotRequired
from results.tally.findings import Finding

__all__ = [
    "finding_line",
    "lot_instructions",
    "lot_option",
    "lot_text",
    "mixed",
    "to_fraction",
]


def to_fraction(value: Fraction | str | int) -> Fraction:
    """A value of the trace (``"num/den"``, an integer or a fraction) as a :class:`Fraction`."""
    return value if isinstance(value, Fraction) else Fraction(value)


def mixed(value: Fraction | str | int) -> str:
    """``value`` as a mixed fraction: ``"726 3/17"``, ``"12"``, ``"3/4"`` (never rounded)."""
    fraction = to_fraction(value)
    whole, rest = divmod(fraction.numerator, fraction.denominator)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return f"{rest}/{fraction.denominator}"
    return f"{whole} {rest}/{fraction.denominator}"


def lot_option(kind: LotKind, chosen: int, list_number: int | None = None) -> str:
    """The ``--lot`` value for one outcome: ``residual_LR:3``, ``candidate_preference:5:2``."""
    text = f"{kind.value}:{chosen}"
    return f"{text}:{list_number}" if list_number is not None else text


def lot_text(lot: LotOutcome) -> str:
    """One lot outcome in words, with its ``--lot`` form."""
    what = (
        f"candidate {lot.chosen} of list {lot.list_number}"
        if lot.kind is LotKind.CANDIDATE_PREFERENCE
        else f"list {lot.chosen}"
    )
    option = lot_option(lot.kind, lot.chosen, lot.list_number)
    return f"{lot.kind.value}: {what} drawn (--lot {option})"


def lot_instructions(needed: LotRequired, used: Sequence[LotOutcome]) -> list[str]:
    """Sentences that say which lot must be drawn and exactly how to give its outcome."""
    candidate = needed.kind is LotKind.CANDIDATE_PREFERENCE
    noun = "candidate" if candidate else "list"
    options = ", ".join(f"{noun} {option}" for option in needed.options)
    lines = [
        f"A drawing of lots is needed ({needed.article}): {needed.description}",
        f"Options: {options}; {needed.seats} of them "
        f"{'gets' if needed.seats == 1 else 'get'} a seat, one drawing at a time.",
        "Draw the lot in the public session, then run the same command again with the outcome "
        "added, one of:",
    ]
    repeat = " ".join(f"--lot {lot_option(u.kind, u.chosen, u.list_number)}" for u in used)
    for option in needed.options:
        value = lot_option(needed.kind, option, needed.list_number if candidate else None)
        prefix = f"{repeat} " if repeat else ""
        lines.append(f"    {prefix}--lot {value}    (if {noun} {option} is drawn)")
    if used:
        lines.append("Keep the earlier --lot options in this order: lots are replayed in order.")
    return lines


def finding_line(finding: Finding) -> str:
    """A finding on one line: code, severity, where, the sentence and the numbers."""
    numbers = ", ".join(f"{name} {value:,}" for name, value in finding.quantities.items())
    tail = f" ({numbers})" if numbers else ""
    return f"{finding.code} {finding.severity} at {finding.unit}: {finding.message}{tail}"
