"""Reads of organisations and users that pages show next to other rows (one query each)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Organisation, User
from app.common.principal import Principal, Role


def organisation_names(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.id.in_(wanted))
    )
    return {i: n for i, n in rows}


def user_emails(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        i: e for i, e in session.execute(select(User.id, User.email).where(User.id.in_(wanted)))
    }


def find_user(session: Session, email: str) -> User | None:
    """The user with exactly this email, if any (emails are stored lower-case)."""
    return session.scalar(select(User).where(User.email == email))


def user_id_of(session: Session, email: str) -> uuid.UUID | None:
    """The id of the user with exactly this email, if any."""
    return session.scalar(select(User.id).where(User.email == email))


def principal_of(user: User) -> Principal:
    """The caller a signed-in user is."""
    return Principal(
        user_id=user.id,
        email=user.email,
        role=Role(user.role),
        organisation_id=user.organisation_id,
    )


def organisation_slugs(session: Session) -> dict[str, str]:
    """slug -> name of every organisation, by name (an organisation picker's options)."""
    rows = session.execute(select(Organisation.slug, Organisation.name).order_by(Organisation.name))
    return {slug: name for slug, name in rows}


def organisation_of(session: Session, organisation_id: uuid.UUID) -> Organisation:
    return session.get_one(Organisation, organisation_id)
