"""The files and choices of HSB/CSB stages: bytes kept exactly, order kept, stages apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from osv.store import IntegrityViolationError, UnitOfWork
from tests.store.examples import EID, definition

_AT = dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)


def _add(uow: UnitOfWork, committee: str, name: str, content: bytes) -> None:
    uow.stages.add_file(
        EID,
        committee,
        "input",
        message_type="510b",
        part="0001",
        file_name=name,
        sha256="ab" * 32,
        content=content,
        stored_at=_AT,
        stored_by="test",
    )


def test_files_keep_their_exact_bytes_and_belong_to_one_stage(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    content = b"<?xml version='1.0'?>\r\n<EML>\x00\xff</EML>"
    with uow_factory() as uow:
        uow.elections.add(definition())
        _add(uow, "CSB", "Telling.eml.xml", content)
        _add(uow, "HSB1", "Telling.eml.xml", b"other")
        uow.commit()
    with uow_factory() as uow:
        (stored,) = uow.stages.files(EID, "CSB", "input")
        assert stored.content == content
        assert stored.stored_at == _AT
        assert uow.stages.files(EID, "CSB", "output") == []
        assert uow.stages.remove_file(EID, "HSB1", stored.id) is None  # not that stage's
        assert uow.stages.remove_file(EID, "CSB", stored.id) == stored
        uow.commit()
    with uow_factory() as uow:
        assert uow.stages.files(EID, "CSB", "input") == []
        assert len(uow.stages.files(EID, "HSB1", "input")) == 1


def test_a_second_file_of_the_same_name_in_a_stage_is_refused(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    def add_twice() -> None:
        with uow_factory() as uow:
            uow.elections.add(definition())
            _add(uow, "CSB", "Telling.eml.xml", b"1")
            _add(uow, "CSB", "Telling.eml.xml", b"2")

    with pytest.raises(IntegrityViolationError):
        add_twice()


def test_choices_keep_their_order_and_lots_are_cleared_apart(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    with uow_factory() as uow:
        uow.elections.add(definition())
        for value in ("residual_LR:2", "residual_LR:1"):
            uow.stages.add_choice(EID, "CSB", "lot", value, at=_AT, by="test")
        uow.stages.add_choice(EID, "CSB", "deceased", "1:3", at=_AT, by="test")
        uow.commit()
    with uow_factory() as uow:
        lots = uow.stages.choices(EID, "CSB", "lot")
        assert [(c.position, c.value) for c in lots] == [(1, "residual_LR:2"), (2, "residual_LR:1")]
        assert uow.stages.clear_lots(EID, "CSB") == 2
        uow.commit()
    with uow_factory() as uow:
        assert uow.stages.choices(EID, "CSB", "lot") == []
        assert [c.value for c in uow.stages.choices(EID, "CSB", "deceased")] == ["1:3"]
