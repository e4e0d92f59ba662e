"""Single values of an EML 510 count, read with messages that name the reporting unit.

Counts (``ValidVotes``, ``Cast``, ``RejectedVotes``, …) are ``xs:nonNegativeInteger`` in the
schema; OSV also refuses anything above 999,999,999 (:data:`osv.model.MAX_COUNT`,
counts-and-checks.md §3), so a hostile file cannot smuggle in a number of a million digits. Each
refusal is one sentence: "ValidVotes of candidate 4 on list 2 in reporting unit 0668::SB1 is
'-3'; a count must be a whole number from 0 to 999,999,999".
"""

from __future__ import annotations

from typing import Final, TypeVar

from lxml import etree

from eml import ns
from eml.read.common import Reader
from eml.safe import local_name
from osv.model import (
    MAX_COUNT,
    Investigation,
    InvestigationReason,
    RejectedReason,
    UncountedReason,
)

__all__ = [
    "MAX_DIGITS",
    "quick_count",
    "read_count",
    "read_investigations",
    "read_number",
    "read_reason",
]

#: The number of digits of the largest count.
MAX_DIGITS: Final = len(str(MAX_COUNT))

_INVESTIGATION: Final = ns.kr("Investigation")

R = TypeVar("R", RejectedReason, UncountedReason)


def quick_count(raw: str | None) -> int | None:
    """The common case, kept fast: plain digits that cannot exceed the maximum; else ``None``."""
    if raw is not None and len(raw) <= MAX_DIGITS and raw.isascii() and raw.isdigit():
        return int(raw)
    return None


def read_count(reader: Reader, element: etree._Element, what: str) -> int:
    """The element's text as a count: a whole number from 0 to 999,999,999.

    ``what`` names the value in the message, e.g. ``"ValidVotes of list 2 in reporting unit
    0668::SB1"``. As in ``xs:nonNegativeInteger``, surrounding white space, a leading ``+`` and
    leading zeros are accepted; anything else is refused.
    """
    quick = quick_count(element.text)
    if quick is not None:
        return quick
    text = (element.text or "").strip()
    digits = text[1:] if text.startswith("+") else text
    if not (digits.isascii() and digits.isdigit()):
        if not (text.startswith("-") and text[1:].isascii() and text[1:].isdigit()):
            raise reader.error(element, f"{what} is {text!r}, which is not a whole number")
    elif len(digits.lstrip("0")) <= MAX_DIGITS and int(digits) <= MAX_COUNT:
        return int(digits)
    shown = text if len(text) <= 40 else f"{text[:20]}… ({len(text)} characters)"
    raise reader.error(
        element, f"{what} is {shown!r}; a count must be a whole number from 0 to 999,999,999"
    )


def read_number(reader: Reader, element: etree._Element, what: str) -> int:
    """A list or candidate number from the ``Id`` attribute: a whole number from 1."""
    text = (element.get("Id") or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_DIGITS or int(text) < 1:
        raise reader.error(element, f"{what} has Id {text!r}; expected a positive whole number")
    return int(text)


def read_reason(
    reader: Reader, element: etree._Element, kind: type[R], target: dict[R, int], where: str
) -> None:
    """Add a ``RejectedVotes``/``UncountedVotes`` (or ``kr:Initial…``) count to ``target``.

    The ``ReasonCode`` must be one of ``kind`` and must not be in ``target`` yet.
    """
    name = local_name(element)
    raw = (element.get("ReasonCode") or "").strip()
    try:
        reason = kind(raw)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise reader.error(
            element, f"{name} in {where} has ReasonCode {raw!r}; expected one of: {allowed}"
        ) from None
    if reason in target:
        raise reader.error(element, f"{where} has more than one {name} with ReasonCode {raw!r}")
    target[reason] = read_count(reader, element, f"{name} {raw!r} in {where}")


def read_investigations(
    reader: Reader, element: etree._Element, where: str
) -> tuple[Investigation, ...]:
    """The flags of a ``kr:ReportingUnitInvestigations`` element, in file order."""
    found: dict[InvestigationReason, Investigation] = {}
    for child in element:
        if child.tag != _INVESTIGATION:
            if isinstance(child.tag, str):
                raise reader.error(
                    child,
                    f"kr:ReportingUnitInvestigations of {where} has an unexpected element "
                    f"{local_name(child)}",
                )
            continue
        raw = (child.get("ReasonCode") or "").strip()
        try:
            reason = InvestigationReason(raw)
        except ValueError:
            allowed = ", ".join(member.value for member in InvestigationReason)
            raise reader.error(
                child,
                f"Investigation in {where} has ReasonCode {raw!r}; expected one of: {allowed}",
            ) from None
        if reason in found:
            raise reader.error(child, f"{where} has more than one Investigation {raw!r}")
        found[reason] = Investigation(reason=reason, value=reader.boolean(child))
    return tuple(found.values())
