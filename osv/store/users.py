"""Users of the web interface and their sign-ins (server-side sessions).

A user has a unique name, an Argon2id password hash (made and checked in ``osv.service``; the
store only keeps the text) and one role. A web session is stored by the SHA-256 of its secret
token, with its CSRF token and the moment it was last used (for the sliding timeout); display
sessions are read-only links for a projector that do not time out and can be revoked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update

from osv.store.errors import StoreError
from osv.store.records import utc_now
from osv.store.repository import Repository, as_utc
from osv.store.rows import UserRow, WebSessionRow

__all__ = ["User", "UserRepository", "WebSession"]


@dataclass(frozen=True)
class User:
    """An account: name, password hash, role, whether it may sign in, and when it confirmed
    the explanation of the entry pages' keyboard shortcuts (``None``: not yet)."""

    id: int
    name: str
    password_hash: str
    role: str
    active: bool
    created_at: dt.datetime
    created_by: str
    shortcuts_confirmed_at: dt.datetime | None = None


@dataclass(frozen=True)
class WebSession:
    """A sign-in (``login``) or a projector link (``display``) of a user."""

    id: int
    user: User
    kind: str
    csrf_token: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    revoked: bool
    #: the address the sign-in came from (``None`` for display links and older sign-ins)
    client: str | None = None


class UserRepository(Repository):
    """Users and web sessions."""

    def count(self) -> int:
        """How many users exist (active or not)."""
        return int(self.session.scalar(select(func.count()).select_from(UserRow)) or 0)

    def add(self, name: str, password_hash: str, role: str, created_by: str) -> User:
        """Store a new user; the name must be new."""
        if self.session.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
            raise StoreError(f"a user named {name!r} already exists")
        row = UserRow(
            name=name,
            password_hash=password_hash,
            role=role,
            active=True,
            created_at=utc_now(),
            created_by=created_by,
        )
        self.session.add(row)
        self.session.flush()
        return _user(row)

    def get(self, name: str) -> User | None:
        """The user named ``name``, or ``None``."""
        row = self.session.scalar(select(UserRow).where(UserRow.name == name))
        return _user(row) if row is not None else None

    def all(self) -> list[User]:
        """Every user, by name."""
        return [_user(row) for row in self.session.scalars(select(UserRow).order_by(UserRow.name))]

    def update(
        self,
        name: str,
        *,
        password_hash: str | None = None,
        active: bool | None = None,
        role: str | None = None,
    ) -> None:
        """Change a user's password hash, whether it may sign in, or its role."""
        values: dict[str, object] = {}
        if role is not None:
            values["role"] = role
        if password_hash is not None:
            values["password_hash"] = password_hash
        if active is not None:
            values["active"] = active
        if values:
            self.session.execute(update(UserRow).where(UserRow.name == name).values(**values))

    def confirm_shortcuts(self, name: str, at: dt.datetime) -> bool:
        """Record that ``name`` confirmed the shortcuts explanation at ``at``; ``False`` when
        it had already been confirmed (the first moment is kept)."""
        row = self.session.scalar(select(UserRow).where(UserRow.name == name))
        if row is None or row.shortcuts_confirmed_at is not None:
            return False
        row.shortcuts_confirmed_at = at
        self.session.flush()
        return True

    # --- web sessions ----------------------------------------------------------------------

    def add_session(
        self, user: User, token_hash: str, kind: str, csrf_token: str, *, client: str | None = None
    ) -> int:
        """Store a new web session (from address ``client``); returns its id."""
        now = utc_now()
        row = WebSessionRow(
            token_hash=token_hash,
            user_id=user.id,
            kind=kind,
            csrf_token=csrf_token,
            created_at=now,
            last_seen_at=now,
            revoked=False,
            client=client,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def find_session(self, token_hash: str) -> WebSession | None:
        """The web session with this token hash (with its user), or ``None``."""
        found = self.session.execute(
            select(WebSessionRow, UserRow)
            .join(UserRow, UserRow.id == WebSessionRow.user_id)
            .where(WebSessionRow.token_hash == token_hash)
        ).first()
        if found is None:
            return None
        row, user = found
        return _web_session(row, _user(user))

    def sessions(self, kind: str) -> list[WebSession]:
        """The unrevoked web sessions of one kind, newest first."""
        found = self.session.execute(
            select(WebSessionRow, UserRow)
            .join(UserRow, UserRow.id == WebSessionRow.user_id)
            .where(WebSessionRow.kind == kind, WebSessionRow.revoked.is_(False))
            .order_by(WebSessionRow.id.desc())
        )
        return [_web_session(row, _user(user)) for row, user in found]

    def touch(self, session_id: int, at: dt.datetime) -> None:
        """Record that a session was used at ``at`` (the sliding timeout starts again)."""
        self.session.execute(
            update(WebSessionRow).where(WebSessionRow.id == session_id).values(last_seen_at=at)
        )

    def revoke(self, session_id: int) -> None:
        """End a web session (sign-out, timeout, or a revoked display link)."""
        self.session.execute(
            update(WebSessionRow).where(WebSessionRow.id == session_id).values(revoked=True)
        )

    def revoke_user(self, user_id: int) -> None:
        """End every web session of a user (deactivated, or password changed)."""
        self.session.execute(
            update(WebSessionRow).where(WebSessionRow.user_id == user_id).values(revoked=True)
        )


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        name=row.name,
        password_hash=row.password_hash,
        role=row.role,
        active=row.active,
        created_at=as_utc(row.created_at),
        created_by=row.created_by,
        shortcuts_confirmed_at=(
            as_utc(row.shortcuts_confirmed_at) if row.shortcuts_confirmed_at else None
        ),
    )


def _web_session(row: WebSessionRow, user: User) -> WebSession:
    return WebSession(
        id=row.id,
        user=user,
        kind=row.kind,
        csrf_token=row.csrf_token,
        created_at=as_utc(row.created_at),
        last_seen_at=as_utc(row.last_seen_at),
        revoked=row.revoked,
        client=row.client,
    )
