"""The imported EML files of each election: their SHA-256, size and how their hash was checked.

Every file whose content is stored is recorded here first; the content rows point at this
record. The record is unique per election and SHA-256, which is how a second import of the same
file is recognised and turned into a no-op.
"""

from __future__ import annotations

from sqlalchemy import select

from osv.store.content import eml_key
from osv.store.records import ImportedFile
from osv.store.repository import Repository, imported_file
from osv.store.rows import ImportedFileRow

__all__ = ["FileRepository"]


class FileRepository(Repository):
    """Records of imported files."""

    def add(self, record: ImportedFile) -> None:
        """Record an imported file; its election must be stored.

        :raises IntegrityViolationError: (at flush) when the file is recorded for the election.
        """
        election = self._require_election(record.election)
        self.session.add(
            ImportedFileRow(
                election_id=election,
                message_type=record.message_type,
                sha256=record.sha256,
                file_name=record.file_name,
                size=record.size,
                imported_at=record.imported_at,
                imported_by=record.imported_by,
                hash_check=record.hash_check,
                digest_matched=record.digest_matched,
            )
        )
        self.session.flush()
        self.changes.touch(eml_key(record.election, record.sha256))

    def get(self, eid: str, sha256: str) -> ImportedFile | None:
        """The record of the file with ``sha256`` imported for ``eid``, or ``None``."""
        election = self._election_key(eid)
        if election is None:
            return None
        row = self.session.scalar(
            select(ImportedFileRow).where(
                ImportedFileRow.election_id == election, ImportedFileRow.sha256 == sha256
            )
        )
        return imported_file(row, eid) if row is not None else None

    def for_election(self, eid: str) -> list[ImportedFile]:
        """All files imported for ``eid``, in the order they were imported."""
        election = self._election_key(eid)
        if election is None:
            return []
        rows = self.session.scalars(
            select(ImportedFileRow)
            .where(ImportedFileRow.election_id == election)
            .order_by(ImportedFileRow.id)
        )
        return [imported_file(row, eid) for row in rows]
