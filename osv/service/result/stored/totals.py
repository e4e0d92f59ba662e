"""A municipality's totals typed in twice at the HSB or CSB, instead of uploading its 510b.

The double data entry is the municipalities' own (:mod:`osv.service.entry`, the state machine of
:mod:`results.entry`): the stage has one entry session (committee ``CSB`` or ``HSB<n>``) whose
sources are the municipalities the coordinator opened for entry, each typed from its paper
Na 31-x on the totals form (``GSBTotals``: Z, A–D, E.x, E–H, I, J and the candidates' votes;
counts-and-checks.md §5.3 "TOT"). Two different typists CSB type it; the coordinator decides on
differences and errors exactly as at a municipality. A definitive entry counts for the stage as
that municipality's count: :func:`entered_counts` writes it as a 510b with only the total into
the stage's working folder, so findings and the computation treat it like an uploaded file.

The municipalities are those the election definition (110a) names for the stage
(:func:`municipalities`): at an HSB those of its kieskring, at a CSB all of them. They are
exactly the units the computation requires a count of (:mod:`results.tally.completeness`), so
nothing is typed that would not count and nothing that must count is missing from the list.
A municipality cannot be added by hand (:func:`add_municipality` says why, per code).
"""

from __future__ import annotations

import re
from typing import NoReturn

from eml import write_eml
from eml.documents import Authority, Eml510, EmlHeader, MessageType
from osv.errors import InvariantError
from osv.model import ContestCount, ElectionDefinition, RegionCategory, VoteCounts
from osv.model.entry import EntryModel
from osv.service.entry import Actor, entry_counts, overview
from osv.service.entry.coordinator import SourceStatus
from osv.service.result.stored.common import (
    CSB,
    StageRefusedError,
    audit,
    district_of,
    eml_moment,
    require_stage,
)
from osv.service.unit_of_work import UowFactory
from osv.store import EntrySession, UnitOfWork
from results.entry import Definitive
from results.entry.serialize import state_from_data
from results.tally.completeness import expected_municipalities

__all__ = [
    "add_municipality",
    "entered_counts",
    "municipalities",
    "municipalities_of",
    "open_totals",
    "session_of",
    "totals_overview",
]


#: A CBS municipality code as in the EML ``ManagingAuthority`` id (``0479``).
_CODE = re.compile(r"[0-9]{4}")


def municipalities(uow: UnitOfWork, eid: str, committee: str) -> list[tuple[str, str | None]]:
    """The municipalities whose counts the stage adds up: (CBS code, name), by code.

    Those the election definition (110a) names for the stage: at an HSB the municipalities of
    its kieskring, at the CSB every municipality.
    """
    definition = uow.elections.get(eid)
    if definition is None:
        return []
    district = district_of(committee)
    named = expected_municipalities(definition, int(district) if district else None)
    return sorted((f"{unit.number:04d}", unit.name or None) for unit in named)


def add_municipality(
    uow_factory: UowFactory, eid: str, committee: str, code: str, actor: Actor
) -> NoReturn:
    """Refuse to add a municipality to a stage by hand, saying why for this code.

    The municipalities of a stage are those the election definition (110a) names for it
    (:func:`municipalities`); the Kiesraad's definitions name every municipality of every
    kieskring. A count of one it does not name for the stage would not be part of the stage's
    result: the computation refuses it. Earlier versions let an HSB coordinator add one by CBS
    code, because OSV's generated Tweede Kamer definition named none; the page no longer offers
    it, and a request from an older page gets the reason. Nothing is stored.

    :raises StageRefusedError: always: ``not_coordinator``; at a CSB ``add_at_csb``; a code
        that is not four digits ``malformed_code``; a municipality the 110a names for the
        stage, or one uploaded or open for entry, ``municipality_present``; one the 110a names
        in another kieskring ``other_district``; one it does not name ``not_in_definition``.
    """
    if actor.role != "coordinator":
        raise StageRefusedError(f"{actor.name} is not a coordinator", "not_coordinator")
    code = code.strip()
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        if committee == CSB:
            raise StageRefusedError(
                "a CSB adds no municipalities: the election definition names them", "add_at_csb"
            )
        if not _CODE.fullmatch(code):
            raise StageRefusedError(
                f"{code!r} is not a CBS municipality code of four digits",
                "malformed_code",
                municipality=code,
            )
        session = session_of(uow, eid, committee)
        if (
            code in dict(municipalities(uow, eid, committee))
            or any(f.part == code for f in uow.stages.files(eid, committee, "input"))
            or (session is not None and uow.entries.get_source(session.id, code) is not None)
        ):
            raise StageRefusedError(
                f"{committee} of {eid} has a municipality {code} already",
                "municipality_present",
                municipality=code,
            )
        definition = uow.elections.get(eid)
        if definition is None:
            raise InvariantError("the election of a stage is not stored")
    _refuse_outside(definition, eid, committee, code)


def _refuse_outside(
    definition: ElectionDefinition, eid: str, committee: str, code: str
) -> NoReturn:
    """Refuse municipality ``code``, which the stage does not add up: the definition names it
    in another kieskring, or not at all."""
    region = next(
        (
            r
            for r in definition.tree
            if r.category is RegionCategory.GEMEENTE and r.number == int(code)
        ),
        None,
    )
    if region is None:
        raise StageRefusedError(
            f"the election definition of {eid} names no municipality {code}: a count of it "
            f"would not be part of the result of {committee}",
            "not_in_definition",
            municipality=code,
        )
    district = region.superior_number
    names = {d.number: d.name for d in definition.districts}
    raise StageRefusedError(
        f"the election definition of {eid} names municipality {code} {region.name} in "
        f"kieskring {district}, not in the kieskring of {committee}",
        "other_district",
        municipality=code,
        name=region.name or "",
        district=district,
        district_name=names.get(district, "") if district is not None else "",
    )


def open_totals(uow_factory: UowFactory, eid: str, committee: str, code: str, actor: Actor) -> None:
    """Open municipality ``code``'s totals for double entry at the stage.

    :raises StageRefusedError: for a municipality the stage does not add up, one whose count was
        uploaded, or one already open.
    """
    if actor.role != "coordinator":
        raise StageRefusedError(f"{actor.name} is not a coordinator", "not_coordinator")
    with uow_factory() as uow:
        require_stage(uow, eid, committee)
        names = dict(municipalities(uow, eid, committee))
        if code not in names:
            raise StageRefusedError(
                f"{committee} of {eid} does not add up a municipality {code}",
                "unknown_municipality",
                municipality=code,
            )
        if any(f.part == code for f in uow.stages.files(eid, committee, "input")):
            raise StageRefusedError(
                f"the count of municipality {code} was uploaded; remove it to type its totals",
                "uploaded_already",
                municipality=code,
            )
        session = session_of(uow, eid, committee)
        if session is None:
            session = uow.entries.add_session(eid, committee, 1, "CSO", actor.name)
        if uow.entries.get_source(session.id, code) is not None:
            raise StageRefusedError(
                f"the totals of municipality {code} are open for entry already",
                "open_already",
                municipality=code,
            )
        uow.entries.add_sources(
            session.id, [(code, names[code], EntryModel.GSB_TOTALS.value, {"state": "Empty"})]
        )
        uow.stages.clear_outputs(eid, committee)
        uow.stages.clear_lots(eid, committee)
        audit(uow, actor.name, "stage.totals_opened", eid, committee=committee, municipality=code)
        uow.commit()


def totals_overview(
    uow_factory: UowFactory, eid: str, committee: str
) -> tuple[int | None, list[SourceStatus]]:
    """The stage's entry session (``None`` before any is opened) and its municipalities."""
    with uow_factory() as uow:
        session = session_of(uow, eid, committee)
    if session is None:
        return None, []
    return session.id, overview(uow_factory, session.id)


def entered_counts(uow: UnitOfWork, eid: str, committee: str) -> list[tuple[str, bytes]]:
    """Every definitive totals entry of the stage as a 510b (file name, bytes), total only."""
    session = session_of(uow, eid, committee)
    definition = uow.elections.get(eid)
    if session is None or definition is None:
        return []
    contests = uow.elections.contests(eid)
    district = district_of(committee)
    files = []
    for source in uow.entries.sources(session.id):
        state = state_from_data(source.data)
        if not isinstance(state, Definitive):
            continue
        contest_id = district or (
            contests[0].contest_id if len(contests) == 1 else _district(uow, eid, source.key)
        )
        total = entry_counts(state.entry, state.entry.eligible_voters)
        document = Eml510(
            message_type=MessageType.COUNT_MUNICIPALITY,
            header=EmlHeader(
                managing_authority=Authority(id=source.key, name=source.name),
                creation_date_time=eml_moment(source.updated_at),  # definitive then
                canonicalization=True,
            ),
            identifier=definition.identifier,
            contests=(
                ContestCount(contest_id=contest_id, total=_named(uow, eid, contest_id, total)),
            ),
        )
        files.append(
            (f"Telling_{eid}_gemeente_{source.key}_ingevoerd.eml.xml", write_eml(document))
        )
    return files


def _named(uow: UnitOfWork, eid: str, contest_id: str, total: VoteCounts) -> VoteCounts:
    """``total`` with the registered names of the lists (the form has only their numbers), as
    a municipality's own 510b has them: an HSB's 510c takes them from its 510b files."""
    contest = uow.candidate_lists.get(eid, contest_id)
    if contest is None:
        return total
    names = {lst.number: lst.name for lst in contest.lists}
    return total.model_copy(
        update={
            "lists": tuple(
                lst.model_copy(update={"name": lst.name or names.get(lst.number, "")})
                for lst in total.lists
            )
        }
    )


def _district(uow: UnitOfWork, eid: str, code: str) -> str:
    definition = uow.elections.get(eid)
    if definition is None:
        raise InvariantError("the election of a stage is not stored")
    for region in definition.tree:
        if (
            region.category is RegionCategory.GEMEENTE
            and region.number is not None
            and f"{region.number:04d}" == code
        ):
            return str(region.superior_number)
    return "geen"


def session_of(uow: UnitOfWork, eid: str, committee: str) -> EntrySession | None:
    """The stage's entry session (``None`` before a municipality is opened for entry)."""
    sessions = uow.entries.sessions(eid, committee)
    return sessions[-1] if sessions else None


def municipalities_of(
    uow_factory: UowFactory, eid: str, committee: str
) -> list[tuple[str, str | None]]:
    """:func:`municipalities` in a unit of work of its own (for screens)."""
    with uow_factory() as uow:
        return municipalities(uow, eid, committee)
