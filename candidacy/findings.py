"""Findings of the examination of candidate lists: code, article, consequence, text.

A finding is data, never an exception (style.md, convention 6). Each code is stable, and its
article, consequence, Dutch title and explanation are defined once, in the registry
(:mod:`candidacy.codes`); a finding names the article it applies and what follows from it:

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

from candidacy.codes import Code, Consequence
from osv.model.base import Frozen

__all__ = ["Code", "Consequence", "Finding", "sort_findings"]


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
