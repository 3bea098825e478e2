"""Ranked matches of a vacancy, of a pool, and one match."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.auth.deps import CurrentPrincipal
from app.common.principal import Principal
from app.common.schemas import MAX_OFFSET
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.matches import adapters, live, repository, service
from app.matches.cache import page_cache
from app.matches.schemas import MatchOut, MatchPage, PoolSummary, Reason, VacancySummary
from app.pools.models import Pool as PoolRow
from app.vacancies.models import Vacancy as VacancyRow

router = APIRouter(prefix="/api/v1", tags=["matches"])

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _pool_summary(p: PoolRow) -> PoolSummary:
    return PoolSummary(
        id=p.id,
        origin_country=p.origin_country,
        region=p.region,
        occupation=p.occupation_code,
        headcount=p.headcount,
        isced_level=p.isced_level,
        experience_years=p.experience_years,
        available_from=p.available_from,
    )


def _vacancy_summary(v: VacancyRow) -> VacancySummary:
    return VacancySummary(
        id=v.id,
        title=v.title,
        destination_country=v.destination_country,
        occupation=v.occupation_code,
        openings=v.openings,
        start_date=v.start_date,
        status=v.status,
    )


def to_out(
    row: service.RankedMatch,
    *,
    rank: int | None = None,
    pool: PoolRow | None = None,
    vacancy: VacancyRow | None = None,
) -> MatchOut:
    return MatchOut(
        id=row.id,
        vacancy_id=row.vacancy_id,
        pool_id=row.pool_id,
        rank=rank,
        score=row.score,
        components=row.components,
        eligible=row.eligible,
        pathway=row.pathway_code,
        eligible_headcount=row.eligible_headcount,
        reasons=[Reason(**r) for r in row.reasons or []],
        explanation=row.explanation,
        engine_version=row.engine_version,
        weights_hash=row.weights_hash,
        computed_at=row.computed_at,
        pool=_pool_summary(pool) if pool is not None else None,
        vacancy=_vacancy_summary(vacancy) if vacancy is not None else None,
    )


def _page(
    rows: list[service.RankedMatch],
    total: int,
    limit: int,
    offset: int,
    *,
    pools: dict | None = None,
    vacancies: dict | None = None,
) -> bytes:
    items = [
        to_out(
            r,
            rank=offset + i + 1,
            pool=pools[r.pool_id] if pools is not None else None,
            vacancy=vacancies[r.vacancy_id] if vacancies is not None else None,
        )
        for i, r in enumerate(rows)
    ]
    return (
        MatchPage(items=items, total=total, limit=limit, offset=offset).model_dump_json().encode()
    )


def _cached(request: Request, key: tuple, build: Callable[[], bytes]) -> Response:
    """A page from the cache when nothing it was built from has changed: the key holds the
    market's epoch and change number, so any committed write anywhere makes a new key."""
    return Response(page_cache(request).get_or_build(key, build), media_type="application/json")


def _key(m: live.Market, settings: Settings, principal: Principal, *parts: object) -> tuple:
    return (
        *parts,
        service.page_scope(principal),
        m.epoch,
        m.seq,
        adapters.weights_digest(adapters.weights_of(settings)),
    )


@router.get("/vacancies/{vacancy_id}/matches", response_model=MatchPage)
def vacancy_matches(
    vacancy_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    principal: CurrentPrincipal,
    include_ineligible: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    m = service.market(session, settings)
    # An open vacancy's page served from the cache costs no query but the feed's head.
    if not service.vacancy_seen_on_market(m, principal, vacancy_id):
        service.visible_vacancy(session, principal, vacancy_id)  # 404 when hidden
    key = _key(m, settings, principal, "vacancy", vacancy_id, include_ineligible, limit, offset)

    def build() -> bytes:
        vacancy = service.visible_vacancy(session, principal, vacancy_id)
        rows, total = service.vacancy_ranking(
            session,
            settings,
            principal,
            vacancy.id,
            include_ineligible=include_ineligible,
            limit=limit,
            offset=offset,
        )
        pools = repository.pools_by_id(session, (r.pool_id for r in rows))
        return _page(rows, total, limit, offset, pools=pools)

    return _cached(request, key, build)


@router.get("/pools/{pool_id}/matches", response_model=MatchPage)
def pool_matches(
    pool_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    principal: CurrentPrincipal,
    include_ineligible: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    m = service.market(session, settings)
    if not service.pool_seen_on_market(m, principal, pool_id):
        service.visible_pool(session, principal, pool_id, settings)  # 404 when hidden
    key = _key(m, settings, principal, "pool", pool_id, include_ineligible, limit, offset)

    def build() -> bytes:
        pool = service.visible_pool(session, principal, pool_id, settings)
        rows, total = service.pool_ranking(
            session,
            settings,
            principal,
            pool,
            include_ineligible=include_ineligible,
            limit=limit,
            offset=offset,
        )
        vacancies = repository.vacancies_by_id(session, (r.vacancy_id for r in rows))
        return _page(rows, total, limit, offset, vacancies=vacancies)

    return _cached(request, key, build)


@router.get("/matches/{match_id}", response_model=MatchOut)
def get_match(
    match_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: CurrentPrincipal
) -> MatchOut:
    row = service.get_match(session, settings, principal, match_id)
    pool, vacancy = repository.pair_rows(session, row)
    return to_out(row, pool=pool, vacancy=vacancy)
