"""The paper forms a count is typed from (counts-and-checks.md §1, "Model key").

Apart from the pydantic models of :mod:`osv.model.entry`, so that the command line can offer the
forms as choices without loading them (docs/performance.md).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["EntryModel"]


class EntryModel(StrEnum):
    """The paper form an entry is typed from (counts-and-checks.md §1, "Model key")."""

    #: GSB, central count (CSO), first session: Na 31-2 Bijlage 1, per polling station.
    CSO_FIRST_SESSION = "CSOFirstSession"
    #: GSB, central count, later session: Na 14-2 Bijlage 1, per investigated polling station.
    CSO_NEXT_SESSION = "CSONextSession"
    #: GSB, decentral count (DSO), first session: N 10-1 (with Na 14-1 version 1).
    DSO_FIRST_SESSION = "DSOFirstSession"
    #: GSB, decentral count, later session: Na 14-1 version 2.
    DSO_NEXT_SESSION = "DSONextSession"
    #: CSB (municipal council) or HSB: one municipality's totals, from its Na 31-2.
    GSB_TOTALS = "GSBTotals"
    #: CSB of a multi-district election: one district's totals (OSV addition; as GSBTotals).
    HSB_TOTALS = "HSBTotals"

    @property
    def is_totals(self) -> bool:
        """Whether the form is a committee's totals (TOT in the rule tables), not a station's."""
        return self in (EntryModel.GSB_TOTALS, EntryModel.HSB_TOTALS)

    @property
    def is_first_session(self) -> bool:
        """Whether the form is of a polling station's first session."""
        return self in (EntryModel.CSO_FIRST_SESSION, EntryModel.DSO_FIRST_SESSION)
