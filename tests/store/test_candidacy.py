"""Candidacy submissions: bytes kept exactly, tokens unique, a publication replaces the last."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from osv.store import IntegrityViolationError, UnitOfWork
from osv.store.candidacy import CandidacyOutput, CandidacySubmission

_AT = dt.datetime(2026, 2, 3, 12, tzinfo=dt.UTC)


def _submission(token: str, lists: bytes = b"lijst,\r\n\x00\xff") -> CandidacySubmission:
    return CandidacySubmission(
        token=token,
        lists_content=lists,
        lists_sha256="ab" * 32,
        setup_content=b"{}",
        setup_sha256="cd" * 32,
        stored_at=_AT,
        stored_by="csb",
    )


def _output(name: str, content: bytes) -> CandidacyOutput:
    return CandidacyOutput(
        file_name=name, sha256="ef" * 32, content=content, stored_at=_AT, stored_by="csb"
    )


def test_a_submission_keeps_its_exact_bytes(uow_factory: Callable[[], UnitOfWork]) -> None:
    with uow_factory() as uow:
        uow.candidacy.add(_submission("t" * 22))
        uow.commit()
    with uow_factory() as uow:
        assert uow.candidacy.get("t" * 22) == _submission("t" * 22)
        assert uow.candidacy.get("u" * 22) is None
        assert uow.candidacy.count() == 1


def test_a_token_is_used_once(uow_factory: Callable[[], UnitOfWork]) -> None:
    with uow_factory() as uow:
        uow.candidacy.add(_submission("t" * 22))
        uow.commit()

    def add_again() -> None:
        with uow_factory() as uow:
            uow.candidacy.add(_submission("t" * 22, b"other"))
            uow.commit()

    with pytest.raises(IntegrityViolationError):
        add_again()
    with uow_factory() as uow:
        assert uow.candidacy.count() == 1


def test_a_publication_replaces_the_last_and_belongs_to_its_submission(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    with uow_factory() as uow:
        uow.candidacy.add(_submission("a" * 22))
        uow.candidacy.add(_submission("b" * 22))
        uow.candidacy.replace_outputs("a" * 22, [_output("x.xml", b"1"), _output("y.pdf", b"2")])
        uow.candidacy.replace_outputs("b" * 22, [_output("x.xml", b"other")])
        uow.commit()
    with uow_factory() as uow:
        uow.candidacy.replace_outputs("a" * 22, [_output("z.pdf", b"3"), _output("x.xml", b"4")])
        uow.commit()
    with uow_factory() as uow:
        assert [(o.file_name, o.content) for o in uow.candidacy.outputs("a" * 22)] == [
            ("x.xml", b"4"),
            ("z.pdf", b"3"),
        ]
        assert [o.content for o in uow.candidacy.outputs("b" * 22)] == [b"other"]
        assert uow.candidacy.outputs("c" * 22) == []
        with pytest.raises(KeyError):
            uow.candidacy.replace_outputs("c" * 22, [])
