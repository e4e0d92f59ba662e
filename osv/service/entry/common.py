"""What the double-entry use cases share: the actor, the views, loading and storing a source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from osv.model import (
    ElectionDefinition,
    RegionCategory,
)
from osv.model.entry import CandidatePage, CountEntry, EntryModel, ListTotal, Votes
from osv.service.errors import CodedRefusalError
from osv.store import (
    AuditEvent,
    EntryConflictError,
    EntrySession,
    EntrySource,
    UnitOfWork,
)
from osv.store.records import utc_now
from results.checks import EntryFindings, EntryShape, check_entry, validate_entry
from results.entry import (
    Definitive,
    EntriesDifferent,
    EntryState,
    FirstEntryCorrection,
    SecondEntryCorrection,
    SecondEntryInProgress,
    state_name,
)
from results.entry.serialize import state_to_data

__all__ = [
    "Actor",
    "EntryRefusedError",
    "Role",
    "SourceView",
    "audit",
    "contest_of",
    "empty_form",
    "load",
    "require",
    "shape_of",
    "store",
    "validate",
    "view_of",
]

Role = Literal["typist", "coordinator"]


class EntryRefusedError(CodedRefusalError):
    """An action on data entry was refused: unknown session or source, wrong role, a session
    that is completed or cannot be finished yet.

    :param code: the reason, which ``ui/messages.py`` translates (``wrong_role``,
        ``unknown_session``, ``cannot_finish``, ...).
    :param details: the values the Dutch sentence names.
    """


@dataclass(frozen=True)
class Actor:
    """Who acts: a user name and a role."""

    name: str
    role: Role


@dataclass(frozen=True)
class SourceView:
    """A source as a screen shows it.

    :param entry: the entry being typed or decided on (the definitive one when definitive).
    :param findings: the findings of :attr:`entry` (``None`` when nothing was typed).
    :param differences: fields that differ from the first entry (W.001), during a second entry
        or when the entries differ.
    :param cleared: fields cleared for a correction (W.002).
    :param first_findings: when the entries differ, the findings of the first entry (a finding
        of the second entry alone means the entries differ, not that the paper is wrong).
    """

    session_id: int
    key: str
    name: str | None
    model: EntryModel
    state: str
    version: int
    typists: tuple[str, ...]
    entry: CountEntry | None
    findings: EntryFindings | None
    differences: tuple[str, ...] = ()
    cleared: tuple[str, ...] = ()
    first_findings: EntryFindings | None = None


def require(actor: Actor, role: Role, what: str) -> None:
    """Refuse an action that needs another role."""
    if actor.role != role:
        raise EntryRefusedError(
            f"{actor.name} is a {actor.role}; only a {role} may {what}",
            "wrong_role",
            role=role,
        )


def load(
    uow: UnitOfWork,
    session_id: int,
    key: str,
    *,
    writable: bool = False,
    version: int | None = None,
) -> tuple[EntrySession, EntrySource]:
    """The session and source of an action; refuse unknown ones, writing into a finished
    session, and an action based on a version that is no longer the stored one."""
    session = uow.entries.get_session(session_id)
    if session is None:
        raise EntryRefusedError(
            f"there is no session {session_id}", "unknown_session", session=session_id
        )
    if writable and session.status == "completed":
        raise EntryRefusedError(
            f"session {session.number} of {session.committee} is finished; nothing can be typed",
            "session_finished",
            number=session.number,
            committee=session.committee,
        )
    source = uow.entries.get_source(session_id, key)
    if source is None:
        raise EntryRefusedError(
            f"session {session.number} of {session.committee} has no polling station {key}",
            "unknown_source",
            number=session.number,
            committee=session.committee,
            station=key,
        )
    if version is not None and version != source.version:
        raise EntryConflictError(
            f"polling station {key} was changed by someone else (version {source.version}, "
            f"you had {version}); reload it and make the change again"
        )
    return session, source


def store(
    uow: UnitOfWork,
    actor: Actor,
    session: EntrySession,
    source: EntrySource,
    new: EntryState,
    event: str,
    *,
    logged: bool = True,
) -> SourceView:
    """Store a source's new state (version-checked), log it, commit; return its view."""
    data = state_to_data(new)
    version = uow.entries.update_source(source.id, source.version, state_name(new), data)
    if logged:
        audit(
            uow,
            actor,
            event,
            session.election,
            session=session.number,
            committee=session.committee,
            source=source.key,
            state=state_name(new),
        )
    uow.commit()
    stored = EntrySource(
        id=source.id,
        session_id=source.session_id,
        key=source.key,
        name=source.name,
        model=source.model,
        state=state_name(new),
        data=data,
        version=version,
        updated_at=utc_now(),
    )
    return view_of(stored, new)


def view_of(source: EntrySource, state: EntryState) -> SourceView:
    """The screen's view of a source in ``state``, with the findings of its current entry."""
    entry: CountEntry | None = None
    typists: tuple[str, ...] = ()
    differences: tuple[str, ...] = ()
    cleared: tuple[str, ...] = ()
    first: EntryFindings | None = None
    if isinstance(state, SecondEntryInProgress):
        entry, typists, differences = (
            state.entry,
            (state.first_user, state.second_user),
            state.differences,
        )
    elif isinstance(state, EntriesDifferent):
        entry, typists, differences = (
            state.second,
            (state.first_user, state.second_user),
            state.differences,
        )
        first = check_entry(state.first)
    elif isinstance(state, FirstEntryCorrection | SecondEntryCorrection):
        entry, cleared = state.entry, state.cleared
        typists = (state.user, state.kept_user)
    elif isinstance(state, Definitive):
        entry, typists = state.entry, (state.first_user, state.second_user)
    elif hasattr(state, "first_user"):
        entry, typists = state.entry, (state.first_user,)  # type: ignore[union-attr]
    return SourceView(
        session_id=source.session_id,
        key=source.key,
        name=source.name,
        model=EntryModel(source.model),
        state=state_name(state),
        version=source.version,
        typists=typists,
        entry=entry,
        findings=check_entry(entry) if entry is not None else None,
        differences=differences,
        cleared=cleared,
        first_findings=first,
    )


def shape_of(uow: UnitOfWork, eid: str, committee: str) -> EntryShape:
    """The lists and candidates a committee's forms have: those of its contest (the district
    the municipality lies in, for an election with several districts)."""
    definition = uow.elections.get(eid)
    if definition is None:
        raise EntryRefusedError(f"no election {eid} is stored", "unknown_election", eid=eid)
    contest_id = contest_of(uow, definition, committee)
    lists = uow.candidate_lists.list_sizes(eid, contest_id) if contest_id is not None else ()
    if not lists:
        raise EntryRefusedError(
            f"no candidate lists of {committee}'s contest are stored for {eid}; import the 230b",
            "no_candidate_lists",
            committee=committee,
            eid=eid,
        )
    return EntryShape(category=definition.identifier.category, lists=lists)


def contest_of(uow: UnitOfWork, definition: ElectionDefinition, committee: str) -> str | None:
    """The contest whose candidate lists a committee's forms have: the election's only one, or
    the district the municipality lies in (``None`` when the tree does not say)."""
    contests = uow.elections.contests(definition.identifier.id)
    if len(contests) == 1:
        return contests[0].contest_id
    return _district_of(definition, committee)


def _district_of(definition: ElectionDefinition, committee: str) -> str | None:
    """The contest (district number) of the municipality ``committee`` in the election tree, or
    of a principal polling station ``HSB<n>`` (district ``n``)."""
    if committee.startswith("HSB") and committee[3:].isdigit():
        return committee[3:]
    for region in definition.tree:
        if (
            region.category is RegionCategory.GEMEENTE
            and region.number is not None
            and committee.isdigit()
            and region.number == int(committee)
            and region.superior_category is RegionCategory.KIESKRING
        ):
            return str(region.superior_number)
    return None


def validate(uow: UnitOfWork, session: EntrySession, entry: CountEntry, model: EntryModel) -> None:
    """Refuse an entry that does not fit the session's election and form (hard limits)."""
    validate_entry(entry, shape_of(uow, session.election, session.committee), expected=model)


def empty_form(uow: UnitOfWork, session: EntrySession, model: EntryModel) -> CountEntry:
    """A form with every box empty, with the lists and candidates of the committee's contest."""
    shape = shape_of(uow, session.election, session.committee)
    return CountEntry(
        model=model,
        votes=Votes(list_totals=tuple(ListTotal(number=n) for n, _ in shape.lists)),
        lists=tuple(
            CandidatePage(number=n, candidate_votes=(None,) * size) for n, size in shape.lists
        ),
    )


def audit(uow: UnitOfWork, actor: Actor, event: str, eid: str, **data: Any) -> None:
    """Append an event to the audit log, in the action's transaction."""
    uow.audit.append(AuditEvent(event=event, actor=actor.name, election=eid, data=data))
