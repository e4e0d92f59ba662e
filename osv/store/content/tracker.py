"""Recording: which objects a transaction changed that no audit event has recorded yet."""

from __future__ import annotations

from sqlalchemy.orm import Session

from osv.store.content.documents import content_hash

__all__ = ["Tracker"]


_PENDING = "osv.content.pending"
#: ``touch`` without a hash to compare: the change must be recorded by an audit event.
_MUST_RECORD = ""


class Tracker:
    """The objects a transaction changed that no audit event has recorded yet.

    Kept in the session (``session.info``), so every repository of a unit of work shares it.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _pending(self) -> dict[str, str | None]:
        pending: dict[str, str | None] = self.session.info.setdefault(_PENDING, {})
        return pending

    def touch(self, key: str | None, *, before: str | None = _MUST_RECORD) -> None:
        """Note that object ``key`` changes in this transaction.

        :param before: its hash before the change, when the change may leave the hash as it
            was (a typist's draft); then no event is needed if it did.
        """
        if key is not None:
            self._pending.setdefault(key, before)

    def hash_now(self, key: str) -> str | None:
        """The object's hash as stored now (what ``before`` is given as)."""
        self.session.flush()
        return content_hash(self.session, key)

    def take(self) -> dict[str, str | None]:
        """The hashes of the touched objects as stored now, and forget them (recorded)."""
        pending = self.session.info.pop(_PENDING, {})
        if not pending:
            return {}
        self.session.flush()
        return {key: content_hash(self.session, key) for key in pending}

    def unrecorded(self) -> list[str]:
        """The touched objects whose change no event recorded (their hash changed)."""
        pending = self.session.info.get(_PENDING, {})
        if not pending:
            return []
        self.session.flush()
        return [
            key
            for key, before in pending.items()
            if before == _MUST_RECORD or content_hash(self.session, key) != before
        ]

    def forget(self) -> None:
        """Drop what was noted (the transaction ended)."""
        self.session.info.pop(_PENDING, None)
