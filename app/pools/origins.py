"""Which origin countries a ministry publishes pools for: its own country's, and those an
officer allowed it (a regional labour office, a ministry that also registers its diaspora).
A pool of another origin is refused field by field (an API item, an upload's row and column).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.models import Organisation
from app.common.principal import Principal, Role
from app.errors import NotFound, ProblemError
from app.intake.errors import Errors, field_error
from app.pools.models import MinistryOrigin
from app.pools.schemas import OriginsOut, PoolIn


def ministry(session: Session, ministry_id: uuid.UUID) -> Organisation:
    org = session.get(Organisation, ministry_id)
    if org is None or org.kind != "ministry":
        raise NotFound("Ministry", ministry_id)
    return org


def granted(session: Session, ministry_id: uuid.UUID) -> list[str]:
    return list(
        session.scalars(
            select(MinistryOrigin.origin_country)
            .where(MinistryOrigin.ministry_id == ministry_id)
            .order_by(MinistryOrigin.origin_country)
        )
    )


def described(session: Session, ministry_id: uuid.UUID) -> OriginsOut:
    """The ministry's own country, the origins granted it, and so every origin it publishes."""
    org = ministry(session, ministry_id)
    extra = granted(session, ministry_id)
    return OriginsOut(
        ministry_id=org.id,
        country=org.country,
        granted=extra,
        origins=sorted({org.country, *extra}),
    )


def origin_errors(session: Session, ministry_id: uuid.UUID, items: Mapping[int, PoolIn]) -> Errors:
    """An error on `origin_country` for each item whose origin the ministry may not publish."""
    if not items:
        return {}
    may = described(session, ministry_id).origins
    return {
        i: [
            field_error(
                "origin_country",
                f"this ministry publishes pools of origin {', '.join(may)}; "
                f"{item.origin_country} needs an officer's leave "
                f"(PUT /api/v1/ministries/{ministry_id}/origins)",
                "origin_not_allowed",
            )
        ]
        for i, item in items.items()
        if item.origin_country not in may
    }


def set_granted(
    session: Session, principal: Principal, ministry_id: uuid.UUID, origins: Iterable[str]
) -> list[str]:
    """Replace the origins an officer allowed the ministry (its own country needs none).
    Pools already published keep their origin; what is refused is the next pool."""
    if principal.role not in (Role.OFFICER, Role.ADMIN):
        raise ProblemError(403, "Officers decide which origins a ministry publishes.")
    org = ministry(session, ministry_id)
    before = granted(session, ministry_id)
    after = sorted(set(origins) - {org.country})
    if after != before:
        session.execute(delete(MinistryOrigin).where(MinistryOrigin.ministry_id == ministry_id))
        session.add_all(
            MinistryOrigin(
                ministry_id=ministry_id, origin_country=c, granted_by_id=principal.user_id
            )
            for c in after
        )
        session.flush()
        record(
            session,
            principal,
            "set_origins",
            "organisation",
            ministry_id,
            {"origins": before},
            {"origins": after},
        )
    return after
