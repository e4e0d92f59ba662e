"""The stages there are: a CSB per stored election, an HSB per district where there are several."""

from __future__ import annotations

from dataclasses import dataclass

from osv.service.result.stored.common import CSB
from osv.service.unit_of_work import UowFactory

__all__ = ["StageSummary", "stages"]


@dataclass(frozen=True)
class StageSummary:
    """A stage in the list of stages.

    :param committee: ``CSB`` or ``HSB<n>``.
    :param name: the district's name for an HSB.
    :param computed: whether the stage has a computed result.
    """

    eid: str
    election_name: str | None
    committee: str
    name: str | None
    counts: int
    computed: bool


def stages(uow_factory: UowFactory, levels: tuple[str, ...] = ("HSB", "CSB")) -> list[StageSummary]:
    """Every stage of every stored election at ``levels`` (``HSB``, ``CSB``)."""
    found = []
    with uow_factory() as uow:
        for eid in uow.elections.eids():
            definition = uow.elections.get(eid)
            name = definition.identifier.name if definition is not None else None
            contests = uow.elections.contests(eid)
            committees: list[tuple[str, str | None]] = []
            if "HSB" in levels and len(contests) > 1:
                committees += [(f"HSB{c.contest_id}", c.name) for c in contests]
            if "CSB" in levels:
                committees.append((CSB, None))
            for committee, district in committees:
                found.append(
                    StageSummary(
                        eid=eid,
                        election_name=name,
                        committee=committee,
                        name=district,
                        counts=len(uow.stages.files(eid, committee, "input")),
                        computed=bool(uow.stages.files(eid, committee, "output")),
                    )
                )
    return found
