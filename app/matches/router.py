"""Ranked matches of a vacancy, of a pool, and one match."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.deps import CurrentPrincipal
from app.deps import SessionDep, SettingsDep
from app.matches import service
from app.matches.models import Match as MatchRow
from app.matches.schemas import MatchOut, MatchPage, PoolSummary, Reason, VacancySummary
from app.pools.models import Pool as PoolRow
from app.vacancies.models import Vacancy as VacancyRow

router = APIRouter(prefix="/api/v1", tags=["matches"])

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]


def _pool_summary(p: PoolRow) -> PoolSummary:
    return PoolSummary(
        id=p.id, origin_country=p.origin_country, region=p.region,
        occupation=p.occupation_code, headcount=p.headcount, isced_level=p.isced_level,
        experience_years=p.experience_years, available_from=p.available_from,
    )


def _vacancy_summary(v: VacancyRow) -> VacancySummary:
    return VacancySummary(
        id=v.id, title=v.title, destination_country=v.destination_country,
        occupation=v.occupation_code, openings=v.openings, start_date=v.start_date,
        status=v.status,
    )


def to_out(row: MatchRow, *, rank: int | None = None, pool: PoolRow | None = None,
           vacancy: VacancyRow | None = None) -> MatchOut:
    return MatchOut(
        id=row.id, vacancy_id=row.vacancy_id, pool_id=row.pool_id, rank=rank, score=row.score,
        components=row.components, eligible=row.eligible, pathway=row.pathway_code,
        eligible_headcount=row.eligible_headcount,
        reasons=[Reason(**r) for r in row.reasons or []], explanation=row.explanation,
        engine_version=row.engine_version, weights_hash=row.weights_hash,
        computed_at=row.computed_at,
        pool=_pool_summary(pool) if pool is not None else None,
        vacancy=_vacancy_summary(vacancy) if vacancy is not None else None,
    )


def _load(session: Session, model, ids: set[uuid.UUID]) -> dict:
    return {o.id: o for o in session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}


@router.get("/vacancies/{vacancy_id}/matches", response_model=MatchPage)
def vacancy_matches(
    vacancy_id: uuid.UUID, session: SessionDep, settings: SettingsDep,
    principal: CurrentPrincipal, include_ineligible: bool = False,
    limit: Limit = 50, offset: Offset = 0,
) -> MatchPage:
    _, rows, total = service.matches_of_vacancy(
        session, settings, principal, vacancy_id,
        include_ineligible=include_ineligible, limit=limit, offset=offset,
    )
    pools = _load(session, PoolRow, {r.pool_id for r in rows})
    items = [to_out(r, rank=offset + i + 1, pool=pools[r.pool_id]) for i, r in enumerate(rows)]
    return MatchPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/pools/{pool_id}/matches", response_model=MatchPage)
def pool_matches(
    pool_id: uuid.UUID, session: SessionDep, settings: SettingsDep,
    principal: CurrentPrincipal, include_ineligible: bool = False,
    limit: Limit = 50, offset: Offset = 0,
) -> MatchPage:
    _, rows, total = service.matches_of_pool(
        session, settings, principal, pool_id,
        include_ineligible=include_ineligible, limit=limit, offset=offset,
    )
    vacancies = _load(session, VacancyRow, {r.vacancy_id for r in rows})
    items = [to_out(r, rank=offset + i + 1, vacancy=vacancies[r.vacancy_id])
             for i, r in enumerate(rows)]
    return MatchPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/matches/{match_id}", response_model=MatchOut)
def get_match(match_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> MatchOut:
    row = service.get_match(session, principal, match_id)
    return to_out(row, pool=session.get(PoolRow, row.pool_id),
                  vacancy=session.get(VacancyRow, row.vacancy_id))
