"""The typist's actions: claim an entry, save it (and pause), discard it, finalise it."""

from __future__ import annotations

from osv.model.entry import CountEntry, EntryModel
from osv.service.entry.common import (
    Actor,
    SourceView,
    empty_form,
    load,
    require,
    store,
    validate,
    view_of,
)
from osv.service.unit_of_work import UowFactory
from results.entry import (
    FirstEntryFinalised,
)
from results.entry.serialize import state_from_data

__all__ = ["claim", "discard", "finalise", "save", "view"]


def view(uow_factory: UowFactory, session_id: int, key: str) -> SourceView:
    """The source ``key`` of a session as it is now."""
    with uow_factory().reading() as uow:
        _, source = load(uow, session_id, key)
        return view_of(source, state_from_data(source.data))


def claim(
    uow_factory: UowFactory,
    session_id: int,
    key: str,
    actor: Actor,
    entry: CountEntry | None = None,
) -> SourceView:
    """A typist starts the first entry of a source, or its second entry (another typist).

    :param entry: what is typed so far (an empty form when ``None``).
    """
    require(actor, "typist", "type an entry")
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, writable=True)
        form = entry or empty_form(uow, session, EntryModel(source.model))
        validate(uow, session, form, EntryModel(source.model))
        state = state_from_data(source.data)
        if isinstance(state, FirstEntryFinalised):
            new = state.claim_second(actor.name, form)
        else:
            new = state.claim_first(actor.name, form)
        return store(uow, actor, session, source, new, "entry.claimed")


def save(
    uow_factory: UowFactory,
    session_id: int,
    key: str,
    actor: Actor,
    entry: CountEntry,
    version: int,
) -> SourceView:
    """Save what a typist has typed so far (they may pause and continue later)."""
    require(actor, "typist", "save an entry")
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, writable=True, version=version)
        validate(uow, session, entry, EntryModel(source.model))
        new = state_from_data(source.data).save(actor.name, entry)
        return store(uow, actor, session, source, new, "entry.saved", logged=False)


def discard(
    uow_factory: UowFactory, session_id: int, key: str, actor: Actor, version: int
) -> SourceView:
    """A typist discards their own entry in progress."""
    require(actor, "typist", "discard an entry")
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, writable=True, version=version)
        new = state_from_data(source.data).discard(actor.name)
        return store(uow, actor, session, source, new, "entry.discarded")


def finalise(
    uow_factory: UowFactory, session_id: int, key: str, actor: Actor, version: int
) -> SourceView:
    """A typist finalises their entry: it is checked, or compared with the other entry."""
    require(actor, "typist", "finalise an entry")
    with uow_factory() as uow:
        session, source = load(uow, session_id, key, writable=True, version=version)
        new = state_from_data(source.data).finalise(actor.name)
        return store(uow, actor, session, source, new, "entry.finalised")
