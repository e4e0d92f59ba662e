"""What ``osv show`` displays: elections, lists, candidates and polling stations.

Functions about one election take its Id, or ``None`` for "the only stored election".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eml.safe import Limits
from osv.service import queries
from osv.service.errors import ElectionNotChosenError, UnknownElectionError, UnknownListError
from osv.service.importing import HashCheck, import_files
from osv.store import UnitOfWork


def _import(uow_factory: Callable[[], UnitOfWork], *paths: Path) -> None:
    import_files(
        uow_factory,
        list(paths),
        schemas=None,
        limits=Limits(),
        hash_check=HashCheck(skip=True),
        actor="dave",
    )


@pytest.fixture
def juinen(shared: Path, uow_factory: Callable[[], UnitOfWork]) -> str:
    """The Juinen sample election, imported; returns its Id."""
    _import(uow_factory, *sorted((shared / "eml-nl/samples/juinen").glob("*.eml.xml")))
    return "GR2025_Juinen"


def test_without_elections_the_user_is_told_to_import_a_definition(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """An empty database: list nothing, and ask for a 110a when an election is needed."""
    assert queries.elections(uow_factory) == []
    with pytest.raises(ElectionNotChosenError, match=r"import an election definition \(110a\)"):
        queries.lists(uow_factory, None)


def test_the_only_stored_election_is_used_when_none_is_named(
    uow_factory: Callable[[], UnitOfWork], juinen: str
) -> None:
    """With one election stored, ``None`` means that one."""
    [summary] = queries.elections(uow_factory)
    assert summary.eid == juinen
    lists = queries.lists(uow_factory, None)
    assert lists == queries.lists(uow_factory, juinen)
    assert summary.lists == len(lists)
    assert summary.candidates == sum(lst.candidates for lst in lists)
    assert summary.polling_stations == len(queries.polling_stations(uow_factory, None))


def test_with_several_elections_one_must_be_named(
    uow_factory: Callable[[], UnitOfWork], juinen: str, shared: Path
) -> None:
    """The refusal lists the stored elections to choose from."""
    _import(uow_factory, shared / "eml-nl/samples/abacus-tests/eml110a_test.eml.xml")
    with pytest.raises(ElectionNotChosenError, match="GR2022_Test, GR2025_Juinen"):
        queries.polling_stations(uow_factory, None)
    assert queries.polling_stations(uow_factory, "GR2022_Test") == []


def test_an_unknown_election_is_refused_with_the_stored_ones(
    uow_factory: Callable[[], UnitOfWork], juinen: str
) -> None:
    """A typo in the Id gets an answer naming what is there."""
    with pytest.raises(UnknownElectionError, match="No election GR2025_Juine is stored; stored"):
        queries.lists(uow_factory, "GR2025_Juine")


def test_candidates_of_one_list_in_list_order(
    uow_factory: Callable[[], UnitOfWork], juinen: str
) -> None:
    """The candidates of list 1 by number; an unknown list is refused with the known ones."""
    first = queries.lists(uow_factory, None)[0]
    candidates = queries.candidates(uow_factory, None, first.number)
    assert len(candidates) == first.candidates
    assert [c.number for c in candidates] == sorted(c.number for c in candidates)
    assert {c.list_number for c in candidates} == {first.number}
    with pytest.raises(UnknownListError, match="has no candidate list 99; its lists are: 1"):
        queries.candidates(uow_factory, None, 99)


def test_the_audit_log_is_shown_oldest_first(
    uow_factory: Callable[[], UnitOfWork], juinen: str
) -> None:
    """Each import is an event with its actor; ``limit`` keeps the last ones."""
    events = queries.audit_events(uow_factory)
    assert [e.event for e in events] == ["eml.imported"] * 3
    assert {e.actor for e in events} == {"dave"}
    assert queries.audit_events(uow_factory, juinen, limit=1) == events[-1:]
