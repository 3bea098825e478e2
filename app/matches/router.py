"""Ranked matches of a vacancy, of a pool, and one match (and the rankings as CSV)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any, cast

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import Field

from app.auth.deps import CurrentPrincipal
from app.common.csv_safe import CSV_EXPORT, csv_response
from app.common.principal import Principal
from app.common.schemas import MAX_OFFSET
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.matches import adapters, export, live, repository, service
from app.matches.cache import page_cache
from app.matches.schemas import (
    ComponentName,
    ExplanationOut,
    MatchOut,
    MatchPage,
    PoolSummary,
    Reason,
    VacancyState,
    VacancySummary,
)
from app.pools.models import Pool as PoolRow
from app.vacancies.models import Vacancy as VacancyRow

router = APIRouter(prefix="/api/v1", tags=["matches"])

Limit = Annotated[int, Query(ge=1, le=200, description="page size, 1..200")]
Offset = Annotated[
    int,
    Query(
        ge=0,
        le=MAX_OFFSET,
        description="how many pairs of the ranking to skip (offset paging; `total` says how "
        "many there are)",
    ),
]
IncludeIneligible = Annotated[
    bool,
    Query(
        description="also list the pairs no legal pathway admits, each with its `reasons` "
        "(ranked among the eligible ones by the same order, with eligible_headcount 0)",
    ),
]
VacancyId = Annotated[uuid.UUID, Path(description="the vacancy's id")]
PoolId = Annotated[uuid.UUID, Path(description="the pool's id")]
MatchId = Annotated[
    uuid.UUID,
    Path(description="the match's id (the `id` a ranking lists; it is fixed by the pair)"),
]

_VACANCY_404: dict[int | str, dict[str, Any]] = {
    404: {
        "description": "no such vacancy, or the caller may not see it (an employer sees only "
        "its own organisation's vacancies, a ministry only open ones)"
    }
}
_POOL_404: dict[int | str, dict[str, Any]] = {
    404: {
        "description": "no such pool, or the caller may not see it (another ministry's; for an "
        "employer, a pool in no match with its own vacancies)"
    }
}
_MATCH_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {
        "description": "the id names no pair, the caller may not see it, or the pair is "
        "neither a match now (unrelated occupations and skills, or a side off the market) nor "
        "decided on"
    },
    409: {
        "description": "`code` ambiguous_match: the id names more than one pair (two "
        "vacancies or two pools share the half of the id that names them); read the match "
        "from the vacancy's or the pool's ranking instead"
    },
}


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
        status=cast(VacancyState, v.status),
    )


def _fields(
    row: service.RankedMatch,
    rank: int | None,
    pool: PoolRow | None,
    vacancy: VacancyRow | None,
) -> dict[str, Any]:
    """MatchOut's fields of a ranked match but its explanation."""
    return {
        "id": row.id,
        "vacancy_id": row.vacancy_id,
        "pool_id": row.pool_id,
        "rank": rank,
        "score": row.score,
        "components": {ComponentName(k): v for k, v in row.components.items()},
        "eligible": row.eligible,
        "pathway": row.pathway_code,
        "eligible_headcount": row.eligible_headcount,
        "reasons": [Reason.model_validate(r) for r in row.reasons or []],
        "engine_version": row.engine_version,
        "weights_hash": row.weights_hash,
        "computed_at": row.computed_at,
        "pool": _pool_summary(pool) if pool is not None else None,
        "vacancy": _vacancy_summary(vacancy) if vacancy is not None else None,
    }


def to_out(
    row: service.RankedMatch,
    *,
    rank: int | None = None,
    pool: PoolRow | None = None,
    vacancy: VacancyRow | None = None,
) -> MatchOut:
    return MatchOut(
        **_fields(row, rank, pool, vacancy),
        explanation=ExplanationOut.model_validate(row.explanation),
    )


class _ListedMatch(MatchOut):
    """MatchOut as a page of a ranking serialises it (the same JSON): the explanation is the
    engine's, in ExplanationOut's shape already (adapters.explanation_json, or
    adapters.stored_explanation for stored rows; tests/matches/test_explanations.py validates
    listed items against MatchOut), and validating 50 of them again would cost a page more
    than the rest of its serialisation."""

    explanation: dict[str, Any] = Field(  # type: ignore[assignment]
        description="why the pair scored and ranks as it does (ExplanationOut's shape)"
    )


class _ListedPage(MatchPage):
    """MatchPage as a page of a ranking serialises it (the same JSON)."""

    items: list[_ListedMatch] = Field(  # type: ignore[assignment]
        description="the page's matches, best first"
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
        _ListedMatch(
            **_fields(
                r,
                offset + i + 1,
                pools[r.pool_id] if pools is not None else None,
                vacancies[r.vacancy_id] if vacancies is not None else None,
            ),
            explanation=r.explanation,
        )
        for i, r in enumerate(rows)
    ]
    return (
        _ListedPage(items=items, total=total, limit=limit, offset=offset).model_dump_json().encode()
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


@router.get(
    "/vacancies/{vacancy_id}/matches.csv",
    response_class=Response,
    responses={**CSV_EXPORT, **_VACANCY_404},
)
def export_vacancy_matches(
    vacancy_id: VacancyId,
    session: SessionDep,
    settings: SettingsDep,
    principal: CurrentPrincipal,
    include_ineligible: IncludeIneligible = False,
) -> Response:
    """Export a vacancy's ranked pools as CSV

    Every pair GET /api/v1/vacancies/{vacancy_id}/matches would page through with the same
    `include_ineligible`, in the same order (rank 1 first) and with the same access rules (a
    ministry sees only the pairs with its own pools), in one CSV file without paging. Columns,
    named as the JSON fields: rank, id, vacancy_id, pool_id, score, component_skills,
    component_occupation, component_sector, component_language, component_education,
    component_experience, component_availability (each component's score; empty when the
    component drops out), eligible (true/false), pathway, eligible_headcount, reasons (the
    reasons' codes joined with `;`), engine_version, weights_hash, computed_at (RFC 3339,
    UTC), then the pool's summary: pool_origin_country (ISO 3166-1 alpha-2), pool_region,
    pool_occupation (ISCO-08), pool_headcount, pool_isced_level (ISCED 2011),
    pool_experience_years, pool_available_from (empty: available now). Empty cells are nulls;
    the explanation is not exported (read a match for it).
    """
    rows = export.vacancy_rows(
        session, settings, principal, vacancy_id, include_ineligible=include_ineligible
    )
    return csv_response(export.VACANCY_EXPORT_COLUMNS, rows, f"vacancy-{vacancy_id}-matches.csv")


@router.get(
    "/vacancies/{vacancy_id}/matches",
    response_model=MatchPage,
    responses={200: {"description": "one page of the vacancy's ranked pools"}, **_VACANCY_404},
)
def list_vacancy_matches(
    vacancy_id: VacancyId,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    principal: CurrentPrincipal,
    include_ineligible: IncludeIneligible = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """List the pools ranked for a vacancy

    The vacancy's matches: the active pools whose occupation or skills relate to it, each with
    its score, components, legal verdict, explanation and the pool's summary (aggregates
    only). Only eligible pairs unless `include_ineligible`. Best first: score
    descending, then eligible headcount descending, then pool id ascending; the order is
    stable, so offset paging neither repeats nor skips a pair (`total`: the ranking's length).
    A ministry sees only the pairs with its own pools. A vacancy that is no longer open lists
    its decided pairs with pools still active, as they were scored when last decided. Each
    page reflects every write committed before the request; `engine_version` and
    `weights_hash` say what scored it.
    GET /api/v1/vacancies/{vacancy_id}/matches.csv exports the whole ranking.
    """
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


@router.get(
    "/pools/{pool_id}/matches.csv",
    response_class=Response,
    responses={**CSV_EXPORT, **_POOL_404},
)
def export_pool_matches(
    pool_id: PoolId,
    session: SessionDep,
    settings: SettingsDep,
    principal: CurrentPrincipal,
    include_ineligible: IncludeIneligible = False,
) -> Response:
    """Export a pool's ranked vacancies as CSV

    Every pair GET /api/v1/pools/{pool_id}/matches would page through with the same
    `include_ineligible`, in the same order (rank 1 first) and with the same access rules (an
    employer sees only the pairs with its own vacancies), in one CSV file without paging.
    Columns, named as the JSON fields: rank, id, vacancy_id, pool_id, score,
    component_skills, component_occupation, component_sector, component_language,
    component_education, component_experience, component_availability (each component's score;
    empty when the component drops out), eligible (true/false), pathway, eligible_headcount,
    reasons (the reasons' codes joined with `;`), engine_version, weights_hash, computed_at
    (RFC 3339, UTC), then the vacancy's summary: vacancy_title,
    vacancy_destination_country (ISO 3166-1 alpha-2), vacancy_occupation (ISCO-08),
    vacancy_openings, vacancy_start_date, vacancy_status. Empty cells are nulls; the
    explanation is not exported (read a match for it).
    """
    rows = export.pool_rows(
        session, settings, principal, pool_id, include_ineligible=include_ineligible
    )
    return csv_response(export.POOL_EXPORT_COLUMNS, rows, f"pool-{pool_id}-matches.csv")


@router.get(
    "/pools/{pool_id}/matches",
    response_model=MatchPage,
    responses={200: {"description": "one page of the pool's ranked vacancies"}, **_POOL_404},
)
def list_pool_matches(
    pool_id: PoolId,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    principal: CurrentPrincipal,
    include_ineligible: IncludeIneligible = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """List the vacancies ranked for a pool

    The pool's matches: the open vacancies whose occupation or skills relate to it, each with
    its score, components, legal verdict, explanation and the vacancy's summary. Only
    eligible pairs unless `include_ineligible`. Best first: score descending, then eligible
    headcount descending, then vacancy id ascending; the order is stable, so offset paging
    neither repeats nor skips a pair (`total`: the ranking's length). An employer sees only
    the pairs with its own vacancies (and the pool only through them). A pool that is no
    longer active lists its decided pairs with vacancies still open, as they were scored when
    last decided. Each page reflects every write committed before the request. GET
    /api/v1/pools/{pool_id}/matches.csv exports the whole ranking.
    """
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


@router.get(
    "/matches/{match_id}",
    response_model=MatchOut,
    responses={200: {"description": "the match, with both sides' summaries"}, **_MATCH_RESPONSES},
)
def get_match(
    match_id: MatchId, session: SessionDep, settings: SettingsDep, principal: CurrentPrincipal
) -> MatchOut:
    """Read one match

    The pair as it stands now: scored from the live market while the vacancy is open and the
    pool active, else as it was scored when last decided (its stored history). It carries
    both sides' summaries, and `rank` is null (a rank belongs to a list). An employer reads
    the matches of its own vacancies, a ministry those of its own pools with open vacancies,
    officers and admins all.
    """
    row = service.get_match(session, settings, principal, match_id)
    pool, vacancy = repository.pair_rows(session, row)
    return to_out(row, pool=pool, vacancy=vacancy)
