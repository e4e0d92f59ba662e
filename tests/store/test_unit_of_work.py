"""The unit of work: one transaction, stored completely on commit and not at all otherwise."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from osv.store import (
    AuditEvent,
    Database,
    IntegrityViolationError,
    StoreError,
    UnitOfWork,
)
from tests.store.examples import EID, definition


def test_changes_are_lost_unless_committed(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Leaving the block without commit() rolls back: a read-only service stores nothing."""
    with uow_factory() as uow:
        uow.elections.add(definition())
        assert uow.elections.get(EID) is not None
    with uow_factory() as uow:
        assert uow.elections.get(EID) is None


def test_committed_changes_are_visible_to_the_next_unit_of_work(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """After commit() a new unit of work reads what was stored."""
    with uow_factory() as uow:
        uow.elections.add(definition())
        uow.commit()
    with uow_factory() as uow:
        assert uow.elections.get(EID) == definition()


def test_an_exception_inside_the_block_rolls_everything_back(
    uow_factory: Callable[[], UnitOfWork], database: Database
) -> None:
    """An error halfway leaves nothing behind, not even the part done before it."""
    before = database.row_counts()

    def fail_halfway() -> None:
        with uow_factory() as uow:
            uow.elections.add(definition())
            uow.audit.append(AuditEvent(event="test", actor="tester", election=EID))
            raise RuntimeError("halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        fail_halfway()
    assert database.row_counts() == before


def test_a_database_error_leaves_the_block_as_a_store_error(
    uow_factory: Callable[[], UnitOfWork], database: Database
) -> None:
    """SQLAlchemy's exceptions are translated into StoreError with a named condition."""
    with uow_factory() as uow:
        uow.elections.add(definition())
        uow.commit()
    before = database.row_counts()

    def add_again() -> None:
        with uow_factory() as uow:
            uow.audit.append(AuditEvent(event="test", actor="tester"))
            uow.elections.add(definition())

    with pytest.raises(IntegrityViolationError, match="nothing was stored") as caught:
        add_again()
    assert isinstance(caught.value, StoreError)
    assert caught.value.__cause__ is not None
    assert database.row_counts() == before


def test_the_repositories_cannot_be_used_outside_the_block(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Using a unit of work after its block is a programming error that says so."""
    uow = uow_factory()
    with uow:
        pass
    with pytest.raises(StoreError, match="outside its 'with' block"):
        uow.commit()


def test_a_unit_of_work_can_be_used_again_for_a_new_transaction(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Each ``with`` block is its own transaction."""
    uow = uow_factory()
    with uow:
        uow.elections.add(definition())
        uow.commit()
    with uow:
        assert uow.elections.eids() == [EID]


def test_a_unit_of_work_opened_for_reading_stores_nothing(
    uow_factory: Callable[[], UnitOfWork], database: Database
) -> None:
    """``reading()`` is for pages that only show data: commit is refused in a sentence, a
    change is refused by the database itself, and nothing is stored."""
    before = database.row_counts()
    with (
        uow_factory().reading() as uow,
        pytest.raises(StoreError, match="opened for reading cannot store"),
    ):
        uow.commit()

    def change_while_reading() -> None:
        with uow_factory().reading() as uow:
            uow.elections.add(definition())
            uow.session.flush()

    with pytest.raises(StoreError, match=r"(?i)read-?only"):
        change_while_reading()
    assert database.row_counts() == before
    with uow_factory() as uow:  # the same pooled connection writes again afterwards
        uow.elections.add(definition())
        uow.commit()
    with uow_factory().reading() as uow:
        assert uow.elections.get(EID) == definition()


def test_a_reader_is_not_held_up_by_a_transaction_that_writes(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """While one unit of work writes and has not committed (on SQLite it holds the only write
    turn), a unit of work opened for reading runs to its end, and sees the last commit, not
    the unfinished change. This is what lets typists' saves and the pages others open run
    side by side."""
    writing, read_done = threading.Event(), threading.Event()
    seen: list[object] = []

    def writer() -> None:
        with uow_factory() as uow:
            uow.elections.add(definition())
            uow.session.flush()
            writing.set()
            read_done.wait(timeout=120)  # hold the transaction open until the reader is done
            uow.commit()

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(timeout=120)
    with uow_factory().reading() as uow:
        seen.append(uow.elections.get(EID))
    read_done.set()
    thread.join(timeout=120)
    assert seen == [None]  # the reader finished while the writer held its transaction open
    with uow_factory().reading() as uow:
        assert uow.elections.get(EID) == definition()
