"""Recording decisions. Approvals consume pathway quota, vacancy openings and pool headcount,
and are serialised so that concurrent approvals can never exceed any of them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.principal import Principal, Role
from app.config import Settings
from app.db import serialise_writes
from app.errors import ProblemError
from app.matches import service as matches
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.reviews.models import Decision
from app.reviews.schemas import DecisionIn, DecisionKind
from app.vacancies.models import Vacancy


def _lock(session: Session, model: type, ident: uuid.UUID) -> None:
    """Hold a write lock on one row until the transaction ends.

    PostgreSQL: SELECT ... FOR UPDATE. SQLite has no row locks; a no-op UPDATE takes the
    database write lock, which serialises the approvals that follow the same path.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(model.id).where(model.id == ident).with_for_update())
    else:
        session.execute(update(model).where(model.id == ident).values(version=model.version))


def lock_for_approvals(
    session: Session,
    pathway_ids: Iterable[uuid.UUID],
    vacancy_ids: Iterable[uuid.UUID],
    pool_ids: Iterable[uuid.UUID],
) -> None:
    """Take, up front, every lock a batch of approvals needs, in the one order single approvals
    use (the approvals lock, pathways, vacancies, pools; by id within each), so that a batch
    and single approvals running at the same time cannot deadlock."""
    serialise_writes(session)
    for model, ids in ((LegalPathway, pathway_ids), (Vacancy, vacancy_ids), (Pool, pool_ids)):
        for ident in sorted(set(ids)):
            _lock(session, model, ident)


def approved_headcount(session: Session, *conditions) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Decision.headcount), 0)).where(
            Decision.decision == DecisionKind.APPROVED.value, *conditions
        )
    )
    return int(total or 0)


def approved_totals(
    session: Session, *keys: Any, where: Sequence[Any] = ()
) -> dict[tuple[Any, ...], int]:
    """Approved headcount grouped by the given Decision columns, e.g. per vacancy at once
    (the grouped form of approved_headcount, for callers that need many totals)."""
    rows = session.execute(
        select(*keys, func.sum(Decision.headcount))
        .where(Decision.decision == DecisionKind.APPROVED.value, *where)
        .group_by(*keys)
    )
    return {tuple(row[:-1]): int(row[-1] or 0) for row in rows}


def quota_left(session: Session, pathway: LegalPathway, year: int) -> int | None:
    if pathway.annual_quota is None:
        return None
    used = approved_headcount(
        session, Decision.pathway_code == pathway.code, Decision.quota_year == year
    )
    return pathway.annual_quota - used


def _check_approval(
    session: Session, match: Match, vacancy: Vacancy, pool: Pool, headcount: int
) -> LegalPathway:
    if not match.eligible or match.pathway_code is None:
        raise ProblemError(
            409,
            "This pair is not eligible under any legal pathway; it cannot be approved.",
            reasons=match.reasons,
        )
    pathway = session.scalar(select(LegalPathway).where(LegalPathway.code == match.pathway_code))
    if pathway is None:
        raise ProblemError(409, f"Pathway {match.pathway_code} no longer exists.")
    # Lock in one fixed order (pathway, vacancy, pool) so concurrent approvals cannot deadlock.
    serialise_writes(session)
    _lock(session, LegalPathway, pathway.id)
    _lock(session, Vacancy, vacancy.id)
    _lock(session, Pool, pool.id)
    year = vacancy.start_date.year
    left = quota_left(session, pathway, year)
    if left is not None and headcount > left:
        raise ProblemError(
            409,
            f"The {year} quota of {pathway.code} has {max(left, 0)} places left; "
            f"{headcount} requested.",
            title="Quota exhausted",
            code="quota_exhausted",
            remaining=max(left, 0),
        )
    openings_left = vacancy.openings - approved_headcount(
        session, Decision.vacancy_id == vacancy.id
    )
    if headcount > openings_left:
        raise ProblemError(
            409,
            f"The vacancy has {max(openings_left, 0)} openings left; {headcount} requested.",
            title="Openings exhausted",
            code="openings_exhausted",
            remaining=max(openings_left, 0),
        )
    pair_left = match.eligible_headcount - approved_headcount(
        session, Decision.vacancy_id == vacancy.id, Decision.pool_id == pool.id
    )
    pool_left = pool.headcount - approved_headcount(session, Decision.pool_id == pool.id)
    available = min(pair_left, pool_left)
    if headcount > available:
        raise ProblemError(
            409,
            f"The pool has {max(available, 0)} eligible workers left for this vacancy; "
            f"{headcount} requested.",
            title="Pool exhausted",
            code="pool_exhausted",
            remaining=max(available, 0),
        )
    return pathway


def _require_open(vacancy: Vacancy, pool: Pool) -> None:
    if vacancy.status != "open" or pool.status != "active":
        raise ProblemError(409, "Decisions are taken on open vacancies and active pools only.")


def _record_decision(
    session: Session,
    principal: Principal,
    match: Match,
    vacancy: Vacancy,
    pool: Pool,
    kind: DecisionKind,
    note: str,
    headcount: int,
    pathway_code: str | None,
) -> Decision:
    decision = Decision(
        match_id=match.id,
        vacancy_id=vacancy.id,
        pool_id=pool.id,
        officer_id=principal.user_id,
        decision=kind.value,
        note=note,
        headcount=headcount,
        pathway_code=pathway_code,
        quota_year=vacancy.start_date.year,
    )
    session.add(decision)
    session.flush()
    record(
        session,
        principal,
        "decide",
        "match",
        match.id,
        None,
        {
            "decision": decision.decision,
            "headcount": headcount,
            "pathway": pathway_code,
            "note": note,
        },
    )
    return decision


def approve(
    session: Session,
    principal: Principal,
    match: Match,
    vacancy: Vacancy,
    pool: Pool,
    headcount: int,
    note: str = "",
) -> Decision:
    """Record an approval of `headcount` workers on a match, after the checks and under the
    locks of every approval (quota, openings, pool headcount); a failed check raises a 409
    ProblemError and records nothing. Does not re-rank: call rerank_after_approvals once
    the request's approvals are recorded."""
    _require_open(vacancy, pool)
    pathway = _check_approval(session, match, vacancy, pool, headcount)
    decision = _record_decision(
        session,
        principal,
        match,
        vacancy,
        pool,
        DecisionKind.APPROVED,
        note,
        headcount,
        pathway.code,
    )
    if approved_headcount(session, Decision.vacancy_id == vacancy.id) >= vacancy.openings:
        before = vacancy.status
        vacancy.status = "filled"
        record(
            session,
            principal,
            "fill",
            "vacancy",
            vacancy.id,
            {"status": before},
            {"status": "filled"},
        )
    return decision


def rerank_after_approvals(
    session: Session, settings: Settings, vacancies: Sequence[Vacancy], pools: Sequence[Pool]
) -> None:
    """Quota, openings and pool capacity moved: re-rank what they affect, in this transaction."""
    matches.recompute_destinations(
        session, settings, sorted({v.destination_country for v in vacancies})
    )
    # A vacancy the approvals filled has left the market: its other pairs go too.
    filled = [v for v in {v.id: v for v in vacancies}.values() if v.status != "open"]
    matches.recompute_vacancies(session, settings, filled)
    matches.recompute_pools(session, settings, list({p.id: p for p in pools}.values()))


def decide(
    session: Session,
    settings: Settings,
    principal: Principal,
    match_id: uuid.UUID,
    data: DecisionIn,
) -> Decision:
    match = matches.get_match(session, principal, match_id)
    vacancy = session.get(Vacancy, match.vacancy_id)
    pool = session.get(Pool, match.pool_id)
    assert vacancy is not None and pool is not None
    _require_open(vacancy, pool)
    # Matches served are always current (recomputed in the write that changed an input), so
    # the pathway and eligible headcount on the row are the ones the officer saw.
    if data.decision is DecisionKind.APPROVED:
        decision = approve(session, principal, match, vacancy, pool, data.headcount or 0, data.note)
        rerank_after_approvals(session, settings, [vacancy], [pool])
        return decision
    return _record_decision(
        session, principal, match, vacancy, pool, data.decision, data.note, 0, match.pathway_code
    )


def history(session: Session, principal: Principal, match_id: uuid.UUID) -> list[Decision]:
    match = matches.get_match(session, principal, match_id)
    return list(
        session.scalars(
            select(Decision)
            .where(Decision.match_id == match.id)
            .order_by(Decision.created_at, Decision.id)
        )
    )


def visible_decisions(stmt: Select[Any], principal: Principal) -> Select[Any]:
    """`stmt` (over Decision) limited to the decisions `principal` may read: an employer's on
    its vacancies, a ministry's on its pools; officers and admins read all."""
    if principal.role is Role.EMPLOYER:
        stmt = stmt.where(
            Decision.vacancy_id.in_(
                select(Vacancy.id).where(Vacancy.employer_id == principal.organisation_id)
            )
        )
    elif principal.role is Role.MINISTRY:
        stmt = stmt.where(
            Decision.pool_id.in_(
                select(Pool.id).where(Pool.ministry_id == principal.organisation_id)
            )
        )
    return stmt


def list_decisions(
    session: Session,
    principal: Principal,
    *,
    vacancy_id: uuid.UUID | None,
    pool_id: uuid.UUID | None,
    decision: DecisionKind | None,
    limit: int,
    offset: int,
) -> tuple[list[Decision], int]:
    stmt = visible_decisions(select(Decision), principal)
    if vacancy_id:
        stmt = stmt.where(Decision.vacancy_id == vacancy_id)
    if pool_id:
        stmt = stmt.where(Decision.pool_id == pool_id)
    if decision:
        stmt = stmt.where(Decision.decision == decision.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(Decision.created_at.desc(), Decision.id.desc()).limit(limit).offset(offset)
    )
    return list(rows), total
