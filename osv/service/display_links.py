"""Display links: read-only progress pages for a projector, without signing in.

A display link is a ``display`` session (:mod:`osv.service.users`): its secret token is in the
link, it never times out, and a coordinator revokes it. Creating and revoking one is written to
the audit log.
"""

from __future__ import annotations

import secrets

from osv.service.unit_of_work import UowFactory
from osv.service.users import UserRefusedError, existing_user, token_hash
from osv.store import AuditEvent, WebSession

__all__ = ["create_display_link", "display_links", "revoke_display_link"]


def create_display_link(factory: UowFactory, actor: str) -> str:
    """A new read-only progress link for a projector; returns its secret token."""
    with factory() as uow:
        user = existing_user(uow, actor)
        token = secrets.token_urlsafe(32)
        uow.users.add_session(user, token_hash(token), "display", secrets.token_urlsafe(16))
        uow.audit.append(AuditEvent(event="user.display_link_created", actor=actor, data={}))
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
        uow.audit.append(
            AuditEvent(event="user.display_link_revoked", actor=actor, data={"link": session_id})
        )
        uow.commit()
