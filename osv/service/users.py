"""Users of the web interface: accounts, roles, passwords, sign-in and server-side sessions.

Roles (process.md §7): the administrator sets up elections and users and takes no part in the
count; a coordinator runs the sessions of one committee level (GSB, HSB or CSB); a typist types
counts at one level (GSB or CSB); an observer watches the progress, read-only.

* **User names** are 1 to 64 printable characters without spaces (:func:`user_name_problem`);
  a sign-in with any other name is refused before it is looked up, checked or logged as given.
* **Passwords** are hashed with Argon2id (``argon2-cffi``'s defaults). A new password has at
  least :data:`MIN_PASSWORD_LENGTH` characters, is not the user name nor contains it, is not one
  character repeated and is not one of the common passwords shipped with OSV
  (``common_passwords.txt``; :func:`password_problem`). Users change their own password with
  the old one (:func:`change_own_password`).
* A sign-in creates a server-side session: the browser gets a random token, the database keeps
  only its SHA-256, with a CSRF token, the client's address and the moment of last use. A
  ``login`` session ends after ``timeout`` without use (sliding) and at the latest ``lifetime``
  after the sign-in (absolute); a ``display`` session (a read-only progress link for a
  projector) never times out and is revoked by a coordinator. Users see their own sessions and
  end the others (:func:`own_sessions`, :func:`end_own_session`). Display links are in
  :mod:`osv.service.display_links`.
* :class:`~osv.service.login_throttle.LoginThrottle` slows down guessing: every attempt is
  counted *before* its password is checked, atomically, per user name (after ``free`` failures
  each further attempt waits, the delay doubling) and per client address only as a generous
  ceiling, so one client cannot lock out the others behind the same address.
* Every change and every sign-in (failed or not) is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from osv.errors import InvariantError
from osv.service.errors import CodedRefusalError, ServiceError
from osv.service.login_throttle import LoginThrottle, client_label
from osv.service.unit_of_work import UowFactory
from osv.store import AuditEvent, UnitOfWork, User, WebSession
from osv.store.records import utc_now

__all__ = [
    "FIRST_ADMINISTRATOR",
    "MAX_PASSWORD_LENGTH",
    "MAX_USER_NAME_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "ROLES",
    "SESSION_LIFETIME",
    "SESSION_TIMEOUT",
    "SignInRefusedError",
    "UserRefusedError",
    "change_own_password",
    "confirm_shortcuts",
    "create_user",
    "end_other_sessions",
    "end_own_session",
    "ensure_first_administrator",
    "existing_user",
    "hash_password",
    "own_sessions",
    "password_problem",
    "session_of",
    "set_active",
    "set_password",
    "set_role",
    "sign_in",
    "sign_out",
    "token_hash",
    "user_name_problem",
    "users",
]

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
#: The longest password accepted (Argon2 hashes any length; this bounds the work per attempt).
MAX_PASSWORD_LENGTH = 1024
#: The longest user name.
MAX_USER_NAME_LENGTH = 64

#: A sign-in session ends after this long without use (sliding).
SESSION_TIMEOUT = dt.timedelta(minutes=30)
#: A sign-in session ends this long after the sign-in, however busy (absolute).
SESSION_LIFETIME = dt.timedelta(hours=12)

#: The name of the administrator created when no user exists yet.
FIRST_ADMINISTRATOR = "beheerder"

_HASHER = PasswordHasher()  # Argon2id with argon2-cffi's recommended parameters
#: Verified against when a user does not exist, so that the time taken does not tell.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class UserRefusedError(CodedRefusalError):
    """A change to users was refused (name taken, password too weak, unknown role or user).

    :param code: the reason, which ``ui/messages.py`` translates (``password_too_short``,
        ``password_common``, ``name_taken``, ``own_role``, ...).
    :param details: the values the Dutch sentence names.
    """


class SignInRefusedError(ServiceError):
    """A sign-in was refused: wrong name or password, inactive user, or too many attempts.

    :param wait: seconds to wait before the next attempt is considered (0 when not throttled).
    :param old_password: the old password given to change it was wrong (not a sign-in).
    """

    def __init__(self, message: str, wait: float = 0.0, *, old_password: bool = False) -> None:
        super().__init__(message)
        self.wait = wait
        self.old_password = old_password


def user_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a user name (English, for the log), or ``None``.

    A user name has 1 to :data:`MAX_USER_NAME_LENGTH` characters, all printable (no control,
    format or bidirectional characters such as NUL or U+202E) and none of them a space.
    """
    if not name:
        return "empty"
    if len(name) > MAX_USER_NAME_LENGTH:
        return f"{len(name)} characters, at most {MAX_USER_NAME_LENGTH}"
    if not name.isprintable() or any(c.isspace() for c in name):
        return "a space, or a character that is not printable"
    return None


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files("osv.service").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line and line[0] != "#"
    )


def password_problem(password: str, name: str) -> UserRefusedError | None:
    """Why ``password`` is refused as the password of user ``name``, or ``None``.

    Refused: shorter than :data:`MIN_PASSWORD_LENGTH` or longer than
    :data:`MAX_PASSWORD_LENGTH` characters; the user name, or containing it (ignoring case;
    names of three characters or more); one character repeated; one of the common passwords
    in ``osv/service/common_passwords.txt`` (ignoring case).
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return UserRefusedError(
            f"a password must have at least {MIN_PASSWORD_LENGTH} characters, "
            f"this one has {len(password)}",
            "password_too_short",
            minimum=MIN_PASSWORD_LENGTH,
            length=len(password),
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        return UserRefusedError(
            f"a password has at most {MAX_PASSWORD_LENGTH} characters",
            "password_too_long",
            maximum=MAX_PASSWORD_LENGTH,
        )
    folded, own = password.casefold(), name.strip().casefold()
    if own and (folded == own or (len(own) >= 3 and own in folded)):
        return UserRefusedError(
            "a password must not be or contain the user name", "password_has_name"
        )
    if len(set(password)) == 1:
        return UserRefusedError(
            "a password must not be one character repeated", "password_one_character"
        )
    if folded in _common_passwords() or folded.strip() in _common_passwords():
        return UserRefusedError(
            "this password is one of the most common ones; choose another", "password_common"
        )
    return None


def hash_password(password: str, name: str = "") -> str:
    """The Argon2id hash of ``password`` for user ``name``.

    :raises UserRefusedError: when :func:`password_problem` refuses the password.
    """
    problem = password_problem(password, name)
    if problem is not None:
        raise problem
    return _HASHER.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _audit(uow: UnitOfWork, actor: str, event: str, **data: object) -> None:
    uow.audit.append(AuditEvent(event=event, actor=actor, data=data))


def create_user(factory: UowFactory, name: str, password: str, role: str, actor: str) -> User:
    """Create a user with ``role`` (one of :data:`ROLES`)."""
    name = name.strip()
    if user_name_problem(name) is not None:
        raise UserRefusedError(
            f"a user name must be 1 to {MAX_USER_NAME_LENGTH} printable characters without spaces",
            "bad_name",
        )
    if role not in ROLES:
        raise UserRefusedError(
            f"unknown role {role!r}; one of {', '.join(ROLES)}", "unknown_role", role=role
        )
    hashed = hash_password(password, name)
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
    while password_problem(password, FIRST_ADMINISTRATOR) is not None:
        password = secrets.token_urlsafe(12)  # practically never: a repeat or the name
    create_user(factory, FIRST_ADMINISTRATOR, password, "administrator", "system")
    return password


def users(factory: UowFactory) -> list[User]:
    """Every user, by name."""
    with factory() as uow:
        return uow.users.all()


def existing_user(uow: UnitOfWork, name: str) -> User:
    user = uow.users.get(name)
    if user is None:
        raise UserRefusedError(f"there is no user named {name}", "unknown_user", name=name)
    return user


def set_active(factory: UowFactory, name: str, active: bool, actor: str) -> None:
    """Allow or stop a user's sign-ins; stopping ends their sessions at once."""
    if name == actor and not active:
        raise UserRefusedError("you cannot deactivate yourself", "deactivate_self")
    with factory() as uow:
        user = existing_user(uow, name)
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
        user = existing_user(uow, name)
        uow.users.update(name, role=role)
        uow.users.revoke_user(user.id)
        _audit(uow, actor, "user.role_changed", user=name, role=role, previous=user.role)
        uow.commit()


def set_password(factory: UowFactory, name: str, password: str, actor: str) -> None:
    """Give a user a new password (an administrator, or ``osv user password``); their
    sessions end."""
    hashed = hash_password(password, name)
    with factory() as uow:
        user = existing_user(uow, name)
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


def sign_in(
    factory: UowFactory, name: str, password: str, throttle: LoginThrottle, client: str
) -> tuple[str, WebSession]:
    """Check a name and password; return a new session token and the session.

    The name is checked first (:func:`user_name_problem`): an impossible name is refused
    without looking it up and logged without its text. Then the attempt is counted
    (:meth:`~osv.service.login_throttle.LoginThrottle.admit`) before the password is checked.

    :raises SignInRefusedError: wrong name or password (one message for both), an inactive
        user, or too many failed attempts (with the seconds to wait).
    """
    client = client_label(client)
    impossible = user_name_problem(name)
    wait = throttle.admit(None if impossible else name, client)
    if wait > 0:
        raise SignInRefusedError(f"too many failed attempts; wait {wait:.0f} seconds", wait)
    if impossible is not None or len(password) > MAX_PASSWORD_LENGTH:
        with factory() as uow:
            reason = f"user name refused: {impossible}" if impossible else "password too long"
            _audit(uow, "?", "user.sign_in_failed", client=client, reason=reason)
            uow.commit()
        raise SignInRefusedError("the user name or password is wrong")
    with factory() as uow:
        user = uow.users.get(name)
        try:
            _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
            ok = user is not None and user.active
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            _audit(uow, name, "user.sign_in_failed", client=client)
            uow.commit()
            raise SignInRefusedError("the user name or password is wrong")
        throttle.succeeded(name, client)
        token = secrets.token_urlsafe(32)
        uow.users.add_session(
            user, token_hash(token), "login", secrets.token_urlsafe(32), client=client
        )
        _audit(uow, user.name, "user.signed_in", client=client)
        uow.commit()
        found = uow.users.find_session(token_hash(token))
    if found is None:
        raise InvariantError("the session just stored for the sign-in is not found")
    return token, found


def _alive(
    found: WebSession, now: dt.datetime, timeout: dt.timedelta, lifetime: dt.timedelta
) -> bool:
    """Whether a login session is within its sliding timeout and its absolute lifetime."""
    return now - found.last_seen_at <= timeout and now - found.created_at <= lifetime


def session_of(
    factory: UowFactory,
    token: str,
    timeout: dt.timedelta,
    lifetime: dt.timedelta = SESSION_LIFETIME,
) -> WebSession | None:
    """The live session of ``token``, its sliding timeout restarted; ``None`` when there is
    none, it was revoked, its user is inactive, or a login session was unused for ``timeout``
    or began more than ``lifetime`` ago.
    """
    if not token:
        return None
    hashed = token_hash(token)
    # Every request asks this: read beside the transactions that write, and write only when
    # the session must end or its last use be recorded (at most every 15 s).
    for writing in (False, True):
        with factory() if writing else factory().reading() as uow:
            found = uow.users.find_session(hashed)
            if found is None or found.revoked or not found.user.active:
                return None
            now = utc_now()
            alive = _alive(found, now, timeout, lifetime)
            if found.kind != "login" or (alive and now - found.last_seen_at <= _TOUCH_AFTER):
                return found
            if writing:
                if alive:
                    uow.users.touch(found.id, now)
                else:
                    uow.users.revoke(found.id)
                uow.commit()
                return found if alive else None
    return None  # not reached: the writing pass returns


#: A login session's last use is recorded at most this often (fewer writes).
_TOUCH_AFTER = dt.timedelta(seconds=15)


def sign_out(factory: UowFactory, token: str) -> None:
    """End the session of ``token`` (nothing happens for an unknown token)."""
    with factory() as uow:
        found = uow.users.find_session(token_hash(token))
        if found is not None:
            uow.users.revoke(found.id)
            _audit(uow, found.user.name, "user.signed_out")
            uow.commit()


def own_sessions(
    factory: UowFactory,
    name: str,
    timeout: dt.timedelta = SESSION_TIMEOUT,
    lifetime: dt.timedelta = SESSION_LIFETIME,
) -> list[WebSession]:
    """The sign-in sessions of user ``name`` that still work, newest first."""
    now = utc_now()
    with factory() as uow:
        return [
            s
            for s in uow.users.sessions("login")
            if s.user.name == name and _alive(s, now, timeout, lifetime)
        ]


def end_own_session(factory: UowFactory, name: str, session_id: int) -> None:
    """End one of user ``name``'s own sign-in sessions (on another computer, say).

    :raises UserRefusedError: when it is not a session of theirs that still works.
    """
    with factory() as uow:
        mine = [s for s in uow.users.sessions("login") if s.user.name == name]
        if not any(s.id == session_id for s in mine):
            raise UserRefusedError(
                f"{name} has no session {session_id}", "unknown_session", session=session_id
            )
        uow.users.revoke(session_id)
        _audit(uow, name, "user.session_ended", session=session_id)
        uow.commit()


def end_other_sessions(factory: UowFactory, name: str, keep: int) -> int:
    """End every sign-in session of user ``name`` except ``keep`` (the current one); return
    how many were ended."""
    with factory() as uow:
        others = [s for s in uow.users.sessions("login") if s.user.name == name and s.id != keep]
        for other in others:
            uow.users.revoke(other.id)
        if others:
            _audit(uow, name, "user.sessions_ended", sessions=[s.id for s in others])
        uow.commit()
        return len(others)


def change_own_password(
    factory: UowFactory,
    name: str,
    old: str,
    new: str,
    *,
    throttle: LoginThrottle,
    client: str,
    keep: int | None = None,
) -> None:
    """A user changes their own password, giving the old one; their other sessions end.

    The old password is checked like a sign-in (the attempt counted first, so a session left
    open cannot be used to guess it).

    :param keep: the session the change is made in, which stays.
    :raises SignInRefusedError: the old password is wrong, or too many attempts.
    :raises UserRefusedError: the new password is refused (:func:`password_problem`).
    """
    client = client_label(client)
    wait = throttle.admit(name, client)
    if wait > 0:
        raise SignInRefusedError(f"too many failed attempts; wait {wait:.0f} seconds", wait)
    with factory() as uow:
        user = existing_user(uow, name)
        try:
            _HASHER.verify(user.password_hash, old[:MAX_PASSWORD_LENGTH])
        except (VerificationError, InvalidHashError):
            _audit(uow, name, "user.password_change_failed", client=client)
            uow.commit()
            raise SignInRefusedError("the old password is wrong", old_password=True) from None
    throttle.succeeded(name, client)
    hashed = hash_password(new, name)
    with factory() as uow:
        user = existing_user(uow, name)
        uow.users.update(name, password_hash=hashed)
        for session in uow.users.sessions("login"):
            if session.user.id == user.id and session.id != keep:
                uow.users.revoke(session.id)
        _audit(uow, name, "user.password_changed", user=name, by="self")
        uow.commit()
