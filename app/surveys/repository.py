"""Reads of survey uploads that pages list."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import Organisation
from app.common.principal import Principal
from app.surveys.models import SurveyUpload


def _newest_first(stmt: Any, limit: int) -> Any:
    return stmt.order_by(SurveyUpload.created_at.desc(), SurveyUpload.id.desc()).limit(limit)


def recent_uploads(session: Session, limit: int = 5) -> list[tuple[SurveyUpload, str]]:
    """The latest uploads of every organisation, with the organisation's name."""
    stmt = select(SurveyUpload, Organisation.name).join(
        Organisation, Organisation.id == SurveyUpload.organisation_id
    )
    return [(u, name) for u, name in session.execute(_newest_first(stmt, limit))]


def uploads_of(session: Session, principal: Principal, limit: int = 10) -> list[SurveyUpload]:
    """The latest uploads the principal sees: its organisation's (officers and admins: all)."""
    stmt = select(SurveyUpload)
    if not principal.sees_everything:
        stmt = stmt.where(SurveyUpload.organisation_id == principal.organisation_id)
    return list(session.scalars(_newest_first(stmt, limit)))


def upload_filenames(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """id -> file name of these uploads (one query; the audit log names uploads by them)."""
    rows = session.execute(
        select(SurveyUpload.id, SurveyUpload.filename).where(SurveyUpload.id.in_(sorted(set(ids))))
    )
    return {i: name for i, name in rows}
