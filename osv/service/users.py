"""Users of the web interface: accounts, roles, passwords, sign-in and server-side sessions.

Roles (process.md §7): the administrator sets up elections and users and takes no part in the
count; a coordinator runs the sessions of one committee level (GSB, HSB or CSB); a typist types
counts at one level (GSB or CSB); an observer watches the progress, read-only.

* Passwords are hashed with Argon2id (``argon2-cffi``'s defaults) and must be at least
  :data:`MIN_PASSWORD_LENGTH` characters long.
* A sign-in creates a server-side session: the browser gets a random token, the database keeps
  only its SHA-256, with a CSRF token and the moment of last use. A ``login`` session ends after
  ``timeout`` without use (sliding); a ``display`` session (a read-only progress link for a
  projector) never times out and is revoked by a coordinator.
* :class:`LoginThrottle` slows down guessing: after :data:`LoginThrottle.free` failed attempts
  for a name or from an address, each further attempt must wait, doubling up to 15 minutes.
* Every change and every sign-in (failed or not) is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from osv.service.errors import CodedRefusalError, ServiceError
from osv.store import AuditEvent, UnitOfWork, User, WebSession
from osv.store.records import utc_now

__all__ = [
    "FIRST_ADMINISTRATOR",
    "MIN_PASSWORD_LENGTH",
    "ROLES",
    "LoginThrottle",
    "SignInRefusedError",
    "UserRefusedError",
    "confirm_shortcuts",
    "create_display_link",
    "create_user",
    "display_links",
    "ensure_first_administrator",
    "hash_password",
    "revoke_display_link",
    "session_of",
    "set_active",
    "set_password",
    "set_role",
    "sign_in",
    "sign_out",
    "users",
]

UowFactory = Callable[[], UnitOfWork]

#: The roles, with their Dutch names as the interface shows them.
ROLES = {
    "administrator": "beheerder",
    "coordinator_gsb": "coördinator GSB",
    "coordinator_hsb": "coördinator HSB",
    "coordinator_csb": "coördinator CSB",
    "typist_gsb": "invoerder GSB",
    "typist_csb": "invoerder CSB",
    "observer": "waarnemer",
}

#: The shortest password accepted (as Abacus: 13 characters).
MIN_PASSWORD_LENGTH = 13

#: The name of the administrator created when no user exists yet.
FIRST_ADMINISTRATOR = "beheerder"

_HASHER = PasswordHasher()  # Argon2id with argon2-cffi's recommended parameters
#: Verified against when a user does not exist, so that the time taken does not tell.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class UserRefusedError(CodedRefusalError):
    """A change to users was refused (name taken, password too short, unknown role or user).

    :param code: the reason, which ``ui/messages.py`` translates (``password_too_short``,
        ``name_taken``, ``own_role``, ...).
    :param details: the values the Dutch sentence names.
    """


class SignInRefusedError(ServiceError):
    """A sign-in was refused: wrong name or password, inactive user, or too many attempts.

    :param wait: seconds to wait before the next attempt is considered (0 when not throttled).
    """

    def __init__(self, message: str, wait: float = 0.0) -> None:
        super().__init__(message)
        self.wait = wait


def hash_password(password: str) -> str:
    """The Argon2id hash of ``password`` (refused when shorter than the minimum)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserRefusedError(
            f"a password must have at least {MIN_PASSWORD_LENGTH} characters, "
            f"this one has {len(password)}",
            "password_too_short",
            minimum=MIN_PASSWORD_LENGTH,
            length=len(password),
        )
    return _HASHER.hash(password)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _audit(uow: UnitOfWork, actor: str, event: str, **data: object) -> None:
    uow.audit.append(AuditEvent(event=event, actor=actor, data=data))


def create_user(factory: UowFactory, name: str, password: str, role: str, actor: str) -> User:
    """Create a user with ``role`` (one of :data:`ROLES`)."""
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise UserRefusedError("a user name must be 1 to 64 characters without spaces", "bad_name")
    if role not in ROLES:
        raise UserRefusedError(
            f"unknown role {role!r}; one of {', '.join(ROLES)}", "unknown_role", role=role
        )
    hashed = hash_password(password)
    with factory() as uow:
        if uow.users.get(name) is not None:
            raise UserRefusedError(f"a user named {name} already exists", "name_taken", name=name)
        user = uow.users.add(name, hashed, role, actor)
        _audit(uow, actor, "user.created", user=name, role=role)
        uow.commit()
        return user


def ensure_first_administrator(factory: UowFactory) -> str | None:
    """Create the first administrator when there are no users; return its password.

    The password is random and shown once; ``None`` when users exist already.
    """
    with factory() as uow:
        if uow.users.count():
            return None
    password = secrets.token_urlsafe(12)  # 16 characters
    create_user(factory, FIRST_ADMINISTRATOR, password, "administrator", "system")
    return password


def users(factory: UowFactory) -> list[User]:
    """Every user, by name."""
    with factory() as uow:
        return uow.users.all()


def _existing(uow: UnitOfWork, name: str) -> User:
    user = uow.users.get(name)
    if user is None:
        raise UserRefusedError(f"there is no user named {name}", "unknown_user", name=name)
    return user


def set_active(factory: UowFactory, name: str, active: bool, actor: str) -> None:
    """Allow or stop a user's sign-ins; stopping ends their sessions at once."""
    if name == actor and not active:
        raise UserRefusedError("you cannot deactivate yourself", "deactivate_self")
    with factory() as uow:
        user = _existing(uow, name)
        uow.users.update(name, active=active)
        if not active:
            uow.users.revoke_user(user.id)
        _audit(uow, actor, "user.activated" if active else "user.deactivated", user=name)
        uow.commit()


def set_role(factory: UowFactory, name: str, role: str, actor: str) -> None:
    """Give a user another role (one of :data:`ROLES`); their sessions end, so the new role
    applies from their next sign-in."""
    if role not in ROLES:
        raise UserRefusedError(
            f"unknown role {role!r}; one of {', '.join(ROLES)}", "unknown_role", role=role
        )
    if name == actor:
        raise UserRefusedError("you cannot change your own role", "own_role")
    with factory() as uow:
        user = _existing(uow, name)
        uow.users.update(name, role=role)
        uow.users.revoke_user(user.id)
        _audit(uow, actor, "user.role_changed", user=name, role=role, previous=user.role)
        uow.commit()


def set_password(factory: UowFactory, name: str, password: str, actor: str) -> None:
    """Give a user a new password; their sessions end."""
    hashed = hash_password(password)
    with factory() as uow:
        user = _existing(uow, name)
        uow.users.update(name, password_hash=hashed)
        uow.users.revoke_user(user.id)
        _audit(uow, actor, "user.password_changed", user=name)
        uow.commit()


def confirm_shortcuts(factory: UowFactory, name: str) -> None:
    """Record that ``name`` read the explanation of the entry pages' keyboard shortcuts, so the
    entry pages no longer open it by themselves (docs/ui.md, "Onboarding"). Confirming again
    changes nothing and logs nothing; the first confirmation is logged."""
    with factory() as uow:
        if uow.users.confirm_shortcuts(name, utc_now()):
            _audit(uow, name, "user.shortcuts_confirmed")
        uow.commit()


@dataclass
class LoginThrottle:
    """Failed sign-ins per user name and per client address, in this process.

    After ``free`` failures, the next attempt must wait ``base`` seconds, doubling with every
    further failure up to ``ceiling``; a successful sign-in clears the name's count. Counts older
    than ``ceiling`` seconds are forgotten.
    """

    free: int = 5
    base: float = 2.0
    ceiling: float = 900.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, tuple[int, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, *keys: str) -> float:
        """Seconds until an attempt for these keys (name, address) is considered."""
        now = self.clock()
        longest = 0.0
        with self._lock:
            for key in keys:
                count, last = self._failures.get(key, (0, 0.0))
                if count and now - last > self.ceiling:
                    self._failures.pop(key, None)
                    continue
                if count >= self.free:
                    delay = min(self.ceiling, self.base * 2 ** (count - self.free))
                    longest = max(longest, last + delay - now)
        return max(0.0, longest)

    def failed(self, *keys: str) -> None:
        """Count a failed attempt."""
        now = self.clock()
        with self._lock:
            for key in keys:
                count, _ = self._failures.get(key, (0, 0.0))
                self._failures[key] = (count + 1, now)

    def succeeded(self, key: str) -> None:
        """Forget the failures of ``key``."""
        with self._lock:
            self._failures.pop(key, None)


def sign_in(
    factory: UowFactory, name: str, password: str, throttle: LoginThrottle, client: str
) -> tuple[str, WebSession]:
    """Check a name and password; return a new session token and the session.

    :raises SignInRefusedError: wrong name or password (one message for both), an inactive
        user, or too many failed attempts (with the seconds to wait).
    """
    keys = (f"user:{name}", f"client:{client}")
    wait = throttle.wait(*keys)
    if wait > 0:
        raise SignInRefusedError(f"too many failed attempts; wait {wait:.0f} seconds", wait)
    with factory() as uow:
        user = uow.users.get(name)
        try:
            _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
            ok = user is not None and user.active
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            throttle.failed(*keys)
            _audit(uow, name or "?", "user.sign_in_failed", client=client)
            uow.commit()
            raise SignInRefusedError("the user name or password is wrong")
        throttle.succeeded(keys[0])
        token = secrets.token_urlsafe(32)
        uow.users.add_session(user, _token_hash(token), "login", secrets.token_urlsafe(32))
        _audit(uow, user.name, "user.signed_in", client=client)
        uow.commit()
        found = uow.users.find_session(_token_hash(token))
    assert found is not None
    return token, found


def session_of(factory: UowFactory, token: str, timeout: dt.timedelta) -> WebSession | None:
    """The live session of ``token``, its sliding timeout restarted; ``None`` when there is
    none, it was revoked, its user is inactive, or a login session was unused for ``timeout``.
    """
    if not token:
        return None
    with factory() as uow:
        found = uow.users.find_session(_token_hash(token))
        if found is None or found.revoked or not found.user.active:
            return None
        now = utc_now()
        if found.kind == "login":
            if now - found.last_seen_at > timeout:
                uow.users.revoke(found.id)
                uow.commit()
                return None
            if now - found.last_seen_at > dt.timedelta(seconds=15):  # fewer writes
                uow.users.touch(found.id, now)
                uow.commit()
        return found


def sign_out(factory: UowFactory, token: str) -> None:
    """End the session of ``token`` (nothing happens for an unknown token)."""
    with factory() as uow:
        found = uow.users.find_session(_token_hash(token))
        if found is not None:
            uow.users.revoke(found.id)
            _audit(uow, found.user.name, "user.signed_out")
            uow.commit()


def create_display_link(factory: UowFactory, actor: str) -> str:
    """A new read-only progress link for a projector; returns its secret token."""
    with factory() as uow:
        user = _existing(uow, actor)
        token = secrets.token_urlsafe(32)
        uow.users.add_session(user, _token_hash(token), "display", secrets.token_urlsafe(16))
        _audit(uow, actor, "user.display_link_created")
        uow.commit()
        return token


def display_links(factory: UowFactory) -> list[WebSession]:
    """The display links that still work."""
    with factory() as uow:
        return uow.users.sessions("display")


def revoke_display_link(factory: UowFactory, session_id: int, actor: str) -> None:
    """Stop a display link."""
    with factory() as uow:
        if not any(s.id == session_id for s in uow.users.sessions("display")):
            raise UserRefusedError(
                f"there is no display link {session_id}", "unknown_display_link", link=session_id
            )
        uow.users.revoke(session_id)
        _audit(uow, actor, "user.display_link_revoked", link=session_id)
        uow.commit()
