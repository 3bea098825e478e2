"""What the audit log's pages name an event's entities by, read in batch: one query per kind
of entity for a whole page of events, never one per row. The web layer turns these rows into
labels and links (app/web/audit_view.py); uploads and plans, whose packages sit above this
one, have their own readers (app.surveys.repository, app.allocation.service)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.models import ApiKey, Organisation, User, UserSession
from app.decisions.models import Placement
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from app.webhooks.models import WebhookEndpoint


def _sorted(ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    return sorted(set(ids))


def vacancy_titles(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = session.execute(select(Vacancy.id, Vacancy.title).where(Vacancy.id.in_(_sorted(ids))))
    return {i: t for i, t in rows}


def pools(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Pool]:
    return {p.id: p for p in session.scalars(select(Pool).where(Pool.id.in_(_sorted(ids))))}


def _pairs(
    session: Session, model: type[Match] | type[Placement], ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, str, Pool]]:
    rows = session.execute(
        select(model.id, model.vacancy_id, Vacancy.title, Pool)
        .join(Vacancy, Vacancy.id == model.vacancy_id)
        .join(Pool, Pool.id == model.pool_id)
        .where(model.id.in_(_sorted(ids)))
    )
    return {i: (vacancy_id, title, pool) for i, vacancy_id, title, pool in rows}


def match_pairs(
    session: Session, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, str, Pool]]:
    """match id -> (vacancy id, vacancy title, pool), in one query."""
    return _pairs(session, Match, ids)


def placement_pairs(
    session: Session, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, str, Pool]]:
    """placement id -> (vacancy id, vacancy title, pool), in one query."""
    return _pairs(session, Placement, ids)


def pathway_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    rows = session.execute(
        select(LegalPathway.code, LegalPathway.name).where(
            LegalPathway.code.in_(sorted(set(codes)))
        )
    )
    return {c: n for c, n in rows}


def organisations(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    """id -> (name, slug)."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.slug).where(
            Organisation.id.in_(_sorted(ids))
        )
    )
    return {i: (name, slug) for i, name, slug in rows}


def users(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    """id -> (name, email)."""
    rows = session.execute(select(User.id, User.name, User.email).where(User.id.in_(_sorted(ids))))
    return {i: (name, email) for i, name, email in rows}


def api_keys(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str, str]]:
    """id -> (key name, prefix, owner's email)."""
    rows = session.execute(
        select(ApiKey.id, ApiKey.name, ApiKey.prefix, User.email)
        .join(User, User.id == ApiKey.user_id)
        .where(ApiKey.id.in_(_sorted(ids)))
    )
    return {i: (name, prefix, email) for i, name, prefix, email in rows}


def web_sessions(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """id -> the signed-in user's email."""
    rows = session.execute(
        select(UserSession.id, User.email)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.id.in_(_sorted(ids)))
    )
    return {i: email for i, email in rows}


def webhook_urls(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = session.execute(
        select(WebhookEndpoint.id, WebhookEndpoint.url).where(WebhookEndpoint.id.in_(_sorted(ids)))
    )
    return {i: url for i, url in rows}
