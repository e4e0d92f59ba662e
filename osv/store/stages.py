"""The stages of the principal (HSB) and central (CSB) polling stations: files and choices.

A stage is named by its election and committee (``CSB``, or ``HSB<n>`` for district ``n``). It
keeps the count files its coordinator uploaded (``input``), the files its last computation wrote
(``output``), both byte for byte, and the choices registered for the computation: deceased
candidates (Kieswet P 19a) and lot outcomes (P 14), in order, and the municipalities an HSB
coordinator added for typed totals (kind ``gemeente``; a Tweede Kamer 110a lists none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, func, select

from osv.store.content import stage_key
from osv.store.repository import Repository, as_utc
from osv.store.rows import StageChoiceRow, StageFileRow

__all__ = ["ChoiceKind", "FileRole", "StageChoice", "StageFile", "StageRepository"]

FileRole = Literal["input", "output"]
ChoiceKind = Literal["deceased", "lot", "gemeente"]


@dataclass(frozen=True)
class StageFile:
    """A file of a stage.

    :param part: what the file counts or is: the municipality's CBS code or district number of a
        count file, or the kind of an output (``510d``, ``520``, ``pdf``, ``report``).
    """

    id: int
    committee: str
    role: FileRole
    message_type: str
    part: str
    file_name: str
    sha256: str
    content: bytes
    stored_at: dt.datetime
    stored_by: str


@dataclass(frozen=True)
class StageChoice:
    """A deceased candidate (``LIST:CANDIDATE``), a lot outcome (``KIND:CHOICE[:LIST]``) or an
    added municipality (``CODE:NAME``)."""

    id: int
    kind: ChoiceKind
    position: int
    value: str
    stored_at: dt.datetime
    stored_by: str


class StageRepository(Repository):
    """Files and choices of HSB and CSB stages."""

    def add_file(
        self,
        eid: str,
        committee: str,
        role: FileRole,
        *,
        message_type: str,
        part: str,
        file_name: str,
        sha256: str,
        content: bytes,
        stored_at: dt.datetime,
        stored_by: str,
    ) -> None:
        """Keep a file; its election must be stored.

        :raises IntegrityViolationError: (at flush) when the stage has a file of that name.
        """
        self.session.add(
            StageFileRow(
                election_id=self._require_election(eid),
                committee=committee,
                role=role,
                message_type=message_type,
                part=part,
                file_name=file_name,
                sha256=sha256,
                content=content,
                stored_at=stored_at,
                stored_by=stored_by,
            )
        )
        self.session.flush()
        self.changes.touch(stage_key(eid, committee, role))

    def files(self, eid: str, committee: str, role: FileRole) -> list[StageFile]:
        """The stage's files of ``role``, in the order they were stored."""
        election = self._election_key(eid)
        if election is None:
            return []
        rows = self.session.scalars(
            select(StageFileRow)
            .where(
                StageFileRow.election_id == election,
                StageFileRow.committee == committee,
                StageFileRow.role == role,
            )
            .order_by(StageFileRow.id)
        )
        return [_file(row) for row in rows]

    def remove_file(self, eid: str, committee: str, file_id: int) -> StageFile | None:
        """Remove one input file of the stage; return it (``None`` when it is not there)."""
        election = self._election_key(eid)
        row = self.session.get(StageFileRow, file_id)
        if row is None or row.election_id != election or row.committee != committee:
            return None
        removed = _file(row)
        self.session.delete(row)
        self.session.flush()
        self.changes.touch(stage_key(eid, committee, removed.role))
        return removed

    def clear_outputs(self, eid: str, committee: str) -> int:
        """Remove the files of the last computation; return how many there were."""
        self.changes.touch(stage_key(eid, committee, "output"))
        return self._clear(StageFileRow, eid, committee, StageFileRow.role == "output")

    def add_choice(
        self, eid: str, committee: str, kind: ChoiceKind, value: str, *, at: dt.datetime, by: str
    ) -> None:
        """Register a choice after the stage's earlier ones of its kind."""
        election = self._require_election(eid)
        last = self.session.scalar(
            select(func.max(StageChoiceRow.position)).where(
                StageChoiceRow.election_id == election,
                StageChoiceRow.committee == committee,
                StageChoiceRow.kind == kind,
            )
        )
        self.session.add(
            StageChoiceRow(
                election_id=election,
                committee=committee,
                kind=kind,
                position=(last or 0) + 1,
                value=value,
                stored_at=at,
                stored_by=by,
            )
        )
        self.session.flush()
        self.changes.touch(stage_key(eid, committee, "choices"))

    def choices(self, eid: str, committee: str, kind: ChoiceKind) -> list[StageChoice]:
        """The stage's choices of ``kind``, in order."""
        election = self._election_key(eid)
        if election is None:
            return []
        rows = self.session.scalars(
            select(StageChoiceRow)
            .where(
                StageChoiceRow.election_id == election,
                StageChoiceRow.committee == committee,
                StageChoiceRow.kind == kind,
            )
            .order_by(StageChoiceRow.position)
        )
        return [
            StageChoice(
                id=row.id,
                kind=row.kind,  # type: ignore[arg-type]  # checked by a constraint
                position=row.position,
                value=row.value,
                stored_at=as_utc(row.stored_at),
                stored_by=row.stored_by,
            )
            for row in rows
        ]

    def remove_choice(self, eid: str, committee: str, choice_id: int) -> StageChoice | None:
        """Remove one choice; return it (``None`` when it is not the stage's)."""
        election = self._election_key(eid)
        row = self.session.get(StageChoiceRow, choice_id)
        if row is None or row.election_id != election or row.committee != committee:
            return None
        removed = StageChoice(
            row.id,
            row.kind,  # type: ignore[arg-type]  # checked by a constraint
            row.position,
            row.value,
            as_utc(row.stored_at),
            row.stored_by,
        )
        self.session.delete(row)
        self.session.flush()
        self.changes.touch(stage_key(eid, committee, "choices"))
        return removed

    def clear_lots(self, eid: str, committee: str) -> int:
        """Remove every lot outcome of the stage; return how many there were."""
        self.changes.touch(stage_key(eid, committee, "choices"))
        return self._clear(StageChoiceRow, eid, committee, StageChoiceRow.kind == "lot")

    def _clear(
        self,
        row_class: type[StageFileRow] | type[StageChoiceRow],
        eid: str,
        committee: str,
        condition: object,
    ) -> int:
        election = self._election_key(eid)
        if election is None:
            return 0
        result = self.session.execute(
            delete(row_class).where(
                row_class.election_id == election,
                row_class.committee == committee,
                condition,  # type: ignore[arg-type]
            )
        )
        self.session.flush()
        return int(getattr(result, "rowcount", 0) or 0)


def _file(row: StageFileRow) -> StageFile:
    return StageFile(
        id=row.id,
        committee=row.committee,
        role=row.role,  # type: ignore[arg-type]  # checked by a constraint
        message_type=row.message_type,
        part=row.part,
        file_name=row.file_name,
        sha256=row.sha256,
        content=row.content,
        stored_at=as_utc(row.stored_at),
        stored_by=row.stored_by,
    )
