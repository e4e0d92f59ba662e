"""Findings of the examination of candidate lists: code, article, consequence, text.

A finding is data, never an exception (style.md, convention 6). Each code is stable (K01 to
K15; K16 to K21 for the hand-in, the submitter, age, residence and ID copy; K22 to K28 for the
registration of the name, its correction, the repair contact, single support declarations and
identical lists) and names the Kieswet article it applies and what follows from it:

* ``list_invalid`` - the list is declared invalid (Kieswet art. I 5), in one district or all;
* ``candidate_struck`` - a candidate's name is struck from the list (I 6);
* ``name_struck`` - the party name above the list is struck; the list stays as a blank list (I 7);
* ``repairable`` - an omission the submitter may repair within the repair period (I 2); when it is
  not repaired, ``if_not_repaired`` says what follows;
* ``warning`` - nothing follows by law; the CSB may want to look.

Texts name candidates by their published name and position only: never a date of birth, BSN or
address (docs/candidacy.md, privacy).
"""

from __future__ import annotations

from enum import StrEnum

from osv.model.base import Frozen

__all__ = ["Code", "Consequence", "Finding", "sort_findings"]


class Consequence(StrEnum):
    """What a finding means for the list (see the module docstring)."""

    LIST_INVALID = "list_invalid"
    CANDIDATE_STRUCK = "candidate_struck"
    NAME_STRUCK = "name_struck"
    REPAIRABLE = "repairable"
    WARNING = "warning"


class Code(StrEnum):
    """The stable finding codes; docs/candidacy.md has the table with articles."""

    NO_DISTRICTS = "K01"
    DUPLICATE_DISTRICT = "K02"
    NO_CANDIDATES = "K03"
    TOO_MANY_CANDIDATES = "K04"
    CANDIDATE_DATA_MISSING = "K05"
    INITIALS_MALFORMED = "K06"
    CONSENT_MISSING = "K07"
    DUPLICATE_ON_LIST = "K08"
    DUPLICATE_ACROSS_LISTS = "K09"
    AGENT_MISSING = "K10"
    SUPPORT_SHORT = "K11"
    DEPOSIT_MISSING = "K12"
    NAME_NOT_REGISTERED = "K13"
    NAME_NOT_AUTHORISED = "K14"
    INCONSISTENT_MINORITY = "K15"
    RECEIVED_OUT_OF_TIME = "K16"
    SUBMITTER_NOT_VOTER_IN_PERSON = "K17"
    SUBMITTER_NOT_IDENTIFIED = "K18"
    UNDER_AGE = "K19"
    RESIDENCE_DECLARATION_MISSING = "K20"
    ID_COPY_MISSING = "K21"
    NAME_REGISTERED_LATE = "K22"
    NAME_NOT_DISTINCT = "K23"
    NAME_SIMILAR = "K24"
    NAME_CORRECTED = "K25"
    NO_REPAIR_CONTACT = "K26"
    SUPPORT_DECLARATION_INVALID = "K27"
    IDENTICAL_LISTS = "K28"


class Finding(Frozen):
    """One finding about a submitted list.

    :param list_key: the submission it concerns.
    :param district: the district it concerns, or ``None`` for the whole list.
    :param position: the candidate's position on the list, or ``None`` for the list itself.
    :param if_not_repaired: for a repairable omission, the consequence when it is not repaired.
    """

    code: Code
    article: str
    consequence: Consequence
    if_not_repaired: Consequence | None = None
    list_key: str
    district: str | None = None
    position: int | None = None
    text_nl: str
    text_en: str

    @property
    def final_consequence(self) -> Consequence:
        """What follows when nothing is repaired: the consequence, or the unrepaired one."""
        if self.consequence is Consequence.REPAIRABLE and self.if_not_repaired is not None:
            return self.if_not_repaired
        return self.consequence


def sort_findings(findings: list[Finding], order: dict[str, int]) -> tuple[Finding, ...]:
    """Findings in a stable order: by list (``order`` of submission), code, position, district."""
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                order.get(f.list_key, len(order)),
                f.code.value,
                f.position or 0,
                f.district or "",
            ),
        )
    )
