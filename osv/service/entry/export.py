"""The municipality's count file (EML 510b) from the definitive entries of its sessions.

After a session is finished the municipality's totals are tabulated from the definitive entries
(counts-and-checks.md §6): per polling station the definitive entry of its latest session (an
investigated station's later entry replaces its first one), and their sum as the municipality's
total. The 510b has one reporting unit per polling station (``<CBS code>::SB<number>``, named
with its name and postal code as the Kiesraad writes it) and, after a later session, is a
corrigendum: the values before the correction are kept as the ``initial`` values where they
changed. ``Cast`` is each station's number of eligible voters from the 110b (the municipality's
total is their sum).

Investigation flags (``kr:ReportingUnitInvestigations``) come from the first session's answers.
A central count's form (B1-1 and B1-2): "onderzocht vanwege andere reden" and "stembiljetten
deels herteld" from B1-1; "toegelaten kiezers opnieuw vastgesteld" when the polling station's
difference was not fully explained (B1-2, first question answered "no"; the wording of that
question differs between the Kiesraad's model and Abacus, docs/entry.md). A decentral count's
page "Controles en correcties": "onderzocht vanwege onverklaard verschil" and "onderzocht
vanwege andere fout" from the reason ticked, "uitslag gecorrigeerd" when the municipality
corrected the count on its own initiative (or a later session did).

The lists are named as the stored candidate lists (230b) name them (``RegisteredName``, empty
for a blanco lijst). A corrigendum's municipal total carries the first session's total as its
``initial`` values where they changed, as each corrected station does.
"""

from __future__ import annotations

import datetime as dt

from eml.documents import Authority, CountingMethod, Eml510, EmlHeader, MessageType, Phase
from osv.model import (
    CandidateVotes,
    ContestCount,
    ElectionDefinition,
    Investigation,
    InvestigationReason,
    ListVotes,
    PollingStation,
    RegionCategory,
    ReportingUnitVotes,
    VoteCounts,
)
from osv.model.entry import CountEntry, EntryModel
from osv.service.entry.common import EntryRefusedError, contest_of
from osv.service.entry.convert import entry_counts
from osv.service.unit_of_work import UowFactory
from results.entry import Definitive
from results.entry.serialize import state_from_data
from results.tally import sum_counts

__all__ = ["municipal_count"]


def municipal_count(
    uow_factory: UowFactory, eid: str, committee: str, *, created: dt.datetime | None = None
) -> Eml510:
    """The 510b of municipality ``committee`` from its finished sessions.

    :raises EntryRefusedError: when the municipality has no finished session, or its latest
        session is not finished.
    """
    with uow_factory() as uow:
        definition = uow.elections.get(eid)
        sessions = uow.entries.sessions(eid, committee)
        if definition is None or not sessions:
            raise EntryRefusedError(
                f"{committee} has no sessions in {eid}", "no_sessions", committee=committee, eid=eid
            )
        if sessions[-1].status != "completed":
            raise EntryRefusedError(
                f"session {sessions[-1].number} of {committee} is not finished; "
                "the count file is made from finished sessions only",
                "count_not_finished",
                number=sessions[-1].number,
                committee=committee,
            )
        stations = {str(s.number): s for s in uow.polling_stations.get(eid, committee)}
        first: dict[str, CountEntry] = {}
        latest: dict[str, CountEntry] = {}
        for session in sessions:
            for source in uow.entries.sources(session.id):
                state = state_from_data(source.data)
                if isinstance(state, Definitive):
                    latest[source.key] = state.entry
                    first.setdefault(source.key, state.entry)
        contests = uow.elections.contests(eid)
        contest_id = contest_of(uow, definition, committee)
        lists = uow.candidate_lists.get(eid, contest_id) if contest_id is not None else None
    names = {lst.number: lst.name for lst in lists.lists} if lists is not None else {}
    units, befores = _units(committee, stations, first, latest, names)
    municipality = _municipality_name(definition, committee)
    corrigendum = len(sessions) > 1
    method = sessions[0].counting_method
    return Eml510(
        message_type=MessageType.COUNT_MUNICIPALITY,
        header=EmlHeader(
            managing_authority=Authority(id=committee, name=municipality),
            creation_date_time=(created or dt.datetime.now()).replace(microsecond=0),
            canonicalization=True,
        ),
        counting_method=CountingMethod.CENTRAL if method == "CSO" else CountingMethod.DECENTRAL,
        phase=Phase.CORRIGENDUM if corrigendum else Phase.FIRST_SESSION,
        identifier=definition.identifier.model_copy(update={"nomination_date": None}),
        contests=(
            ContestCount(
                contest_id=contests[0].contest_id if len(contests) == 1 else "geen",
                total=_total(units, befores, corrigendum=corrigendum),
                reporting_units=tuple(units),
            ),
        ),
    )


def _units(
    committee: str,
    stations: dict[str, PollingStation],
    first: dict[str, CountEntry],
    latest: dict[str, CountEntry],
    names: dict[int, str],
) -> tuple[list[ReportingUnitVotes], list[VoteCounts]]:
    """One reporting unit per polling station (its latest definitive entry, with the first
    one's values as ``initial`` where corrected), and each station's first counts."""
    units = []
    befores = []
    for key in sorted(latest, key=int):
        station = stations.get(key)
        eligible = station.number_of_voters if station is not None else None
        now = entry_counts(latest[key], eligible, names)
        before = entry_counts(first[key], eligible, names)
        befores.append(before)
        name = station.name if station is not None else None
        if station is not None and station.postal_code:
            name = f"{station.name} (postcode: {station.postal_code})"
        units.append(
            ReportingUnitVotes(
                id=f"{committee}::SB{key}",
                name=name,
                votes=_with_initial(now, before) if latest[key] is not first[key] else now,
                investigations=_investigations(first[key], corrected=latest[key] is not first[key]),
            )
        )
    return units, befores


def _municipality_name(definition: ElectionDefinition, committee: str) -> str | None:
    """The municipality's name, from the election's tree or (a municipal election) its domain."""
    municipality = next(
        (
            region.name
            for region in definition.tree
            if region.category is RegionCategory.GEMEENTE
            and region.number is not None
            and str(region.number).zfill(4) == committee
        ),
        None,
    )
    domain = definition.identifier.domain
    if municipality is None and domain is not None and domain.id == committee:
        # a municipal election names its municipality as its domain; its tree may number the
        # region otherwise (the Kiesraad's GR 110a: RegionNumber 000)
        municipality = domain.name
    return municipality


def _total(
    units: list[ReportingUnitVotes], befores: list[VoteCounts], *, corrigendum: bool
) -> VoteCounts:
    """The municipality's total; in a corrigendum with the first session's total as the
    initial values where they changed (the sum of every station's count before correction)."""
    now = sum_counts([_without_initial(unit.votes) for unit in units])
    return _with_initial(now, sum_counts(befores)) if corrigendum else now


def _without_initial(votes: VoteCounts) -> VoteCounts:
    return votes.model_copy(
        update={
            "lists": tuple(
                lst.model_copy(
                    update={
                        "initial_votes": None,
                        "candidates": tuple(
                            c.model_copy(update={"initial_votes": None}) for c in lst.candidates
                        ),
                    }
                )
                for lst in votes.lists
            ),
            "initial_cast": None,
            "initial_total_counted": None,
            "initial_rejected": {},
            "initial_uncounted": {},
        }
    )


def _with_initial(now: VoteCounts, before: VoteCounts) -> VoteCounts:
    """``now`` with the values of ``before`` as initial values where they differ."""
    old_lists = {lst.number: lst for lst in before.lists}
    lists = []
    for lst in now.lists:
        old = old_lists.get(lst.number)
        old_candidates = {c.number: c.votes for c in old.candidates} if old else {}
        lists.append(
            ListVotes(
                number=lst.number,
                name=lst.name,
                votes=lst.votes,
                initial_votes=old.votes if old is not None and old.votes != lst.votes else None,
                candidates=tuple(
                    CandidateVotes(
                        number=c.number,
                        votes=c.votes,
                        initial_votes=(
                            old_candidates[c.number]
                            if old_candidates.get(c.number, c.votes) != c.votes
                            else None
                        ),
                    )
                    for c in lst.candidates
                ),
            )
        )
    return now.model_copy(
        update={
            "lists": tuple(lists),
            "initial_total_counted": (
                before.total_counted if before.total_counted != now.total_counted else None
            ),
            "initial_rejected": {
                r: v for r, v in before.rejected.items() if now.rejected.get(r) != v
            },
            "initial_uncounted": {
                r: v for r, v in before.uncounted.items() if now.uncounted.get(r) != v
            },
        }
    )


def _investigations(first: CountEntry, *, corrected: bool) -> tuple[Investigation, ...]:
    """The investigation flags of a polling station, from its first-session form (a decentral
    count's page "Controles en correcties"; a central count's B1-1 and B1-2), and whether a
    later session corrected it."""
    entry = first.whole()
    if entry.model is EntryModel.DSO_FIRST_SESSION and entry.dso is not None:
        dso = entry.dso
        page = dso.checks_and_corrections_present == "PagePresent"
        flags = (
            (
                InvestigationReason.UNEXPLAINED_DIFFERENCE,
                page and dso.reason_own_initiative.unexplained_difference,
            ),
            (InvestigationReason.OTHER_ERROR, page and dso.reason_own_initiative.other_error),
            (
                InvestigationReason.RESULT_CORRECTED,
                (page and dso.corrected_results_own_initiative.yes) or corrected,
            ),
        )
    elif entry.model is EntryModel.CSO_FIRST_SESSION and entry.cso is not None:
        cso = entry.cso
        flags = (
            (
                InvestigationReason.ADMITTED_VOTERS_RECOUNTED,
                cso.difference_ballots_voters_fully_explained.no,
            ),
            (InvestigationReason.OTHER_REASON, cso.extra_investigation_other_reason.yes),
            (
                InvestigationReason.BALLOTS_PARTLY_RECOUNTED,
                cso.ballots_recounted_extra_investigation.yes or corrected,
            ),
        )
    else:
        return ()
    return tuple(Investigation(reason=reason, value=value) for reason, value in flags)
