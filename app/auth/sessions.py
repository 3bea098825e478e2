"""The web session store: one row per sign-in (web_sessions), so that a session can be ended.

The cookie (app/web/session.py) carries a random token; the table holds its SHA-256 digest
(a leaked database lets no one in, and the token is random, so no slow hash). A session is
valid while its row is not revoked, its user is active, it has been used within the idle
timeout and it is younger than its lifetime (Settings.session_idle_minutes, session_max_hours).
Sign-out revokes the row; a password change or deactivation revokes every row of the user.

Being seen is written at most once a minute, aside from the request's transaction (best effort,
app.db.write_aside), so that a page view is not turned into a write (as an API key's last use).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.models import Organisation, User, UserSession
from app.auth.repository import principal_of
from app.common.principal import Principal
from app.config import Settings
from app.db import as_utc, utcnow, write_aside

#: How stale last_seen_at may get: the idle timeout is enforced to within this.
TOUCH_RESOLUTION = timedelta(minutes=1)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def idle_limit(settings: Settings) -> timedelta:
    return timedelta(minutes=settings.session_idle_minutes)


def lifetime(settings: Settings) -> timedelta:
    return timedelta(hours=settings.session_max_hours)


def open_session(session: Session, actor: Principal, settings: Settings) -> str:
    """Start a session for the signed-in `actor`; returns the token for the cookie (shown once,
    stored only as its digest)."""
    now = utcnow()
    # Sessions past their lifetime or idle timeout can never be used again: they go, whoever's.
    session.execute(
        delete(UserSession)
        .where(
            or_(
                UserSession.created_at < now - lifetime(settings),
                UserSession.last_seen_at < now - idle_limit(settings),
            )
        )
        .execution_options(synchronize_session=False)
    )
    token = secrets.token_urlsafe(32)
    row = UserSession(
        user_id=actor.user_id, token_hash=token_digest(token), created_at=now, last_seen_at=now
    )
    session.add(row)
    session.flush()
    record(session, actor, "sign_in", "web_session", row.id, None, {"user": actor.email})
    return token


def resume(session: Session, token: str, settings: Settings) -> tuple[User, Organisation] | None:
    """The user and organisation of a live session, or None (unknown, revoked, idle too long,
    too old, or the user deactivated): then the cookie is worth nothing."""
    row = session.execute(
        select(UserSession.id, UserSession.created_at, UserSession.last_seen_at, User, Organisation)
        .join(User, User.id == UserSession.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(
            UserSession.token_hash == token_digest(token),
            UserSession.revoked_at.is_(None),
            User.is_active.is_(True),
        )
    ).first()
    if row is None:
        return None
    session_id, created, last_seen, user, org = row
    now = utcnow()
    if now - as_utc(created) > lifetime(settings) or now - as_utc(last_seen) > idle_limit(settings):
        return None
    if now - as_utc(last_seen) > TOUCH_RESOLUTION:
        write_aside(
            session,
            update(UserSession).where(UserSession.id == session_id).values(last_seen_at=now),
        )
    return user, org


def close_session(session: Session, token: str, reason: str = "signed_out") -> bool:
    """Sign-out: revoke the session of `token`, recorded as its user's act; False when none
    was in force."""
    found = session.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == token_digest(token), UserSession.revoked_at.is_(None))
    ).first()
    if found is None:
        return False
    row, user = found
    row.revoked_at = utcnow()
    row.revoked_reason = reason
    session.flush()
    record(session, principal_of(user), "sign_out", "web_session", row.id, None, {"reason": reason})
    return True


def revoke_user_sessions(session: Session, user_id: uuid.UUID, reason: str) -> int:
    """End every session of a user (password changed, user deactivated); returns how many.
    The caller records the change that caused it, with this count."""
    result = session.execute(
        update(UserSession)
        .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def live_session_count(session: Session, user_id: uuid.UUID, settings: Settings) -> int:
    """How many of a user's web sessions are in force now (not revoked, neither idle too long
    nor too old): what an admin sees before ending them with a password reset."""
    now = utcnow()
    return int(
        session.scalar(
            select(func.count()).where(
                UserSession.user_id == user_id,
                UserSession.revoked_at.is_(None),
                UserSession.created_at >= now - lifetime(settings),
                UserSession.last_seen_at >= now - idle_limit(settings),
            )
        )
        or 0
    )
