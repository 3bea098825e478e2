"""CSV exports of the rankings: every pair a vacancy's (or a pool's) list of matches would page
through, with the same filter and access rules, one row per pair.

Rankings are computed on read without explanations (a CSV row holds the figures only), and
the counterparts' summary columns are read in one column query per chunk of ids, never an
ORM object per row: a national pool's ranking can hold 100,000 open vacancies."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.principal import Principal
from app.config import Settings
from app.db import in_chunks
from app.matches import adapters, service
from app.pools.models import Pool as PoolRow
from app.vacancies.models import Vacancy as VacancyRow

#: A limit past any ranking's length: the export reads the whole ranking in one call.
WHOLE_RANKING = 2**62

#: The columns of a ranked pair, both exports: the list item's scalar fields, its components
#: as component_<name> (empty when the component drops out) and its reasons' codes.
MATCH_COLUMNS: tuple[str, ...] = (
    "rank",
    "id",
    "vacancy_id",
    "pool_id",
    "score",
    *(f"component_{name}" for name in adapters.COMPONENTS),
    "eligible",
    "pathway",
    "eligible_headcount",
    "reasons",
    "engine_version",
    "weights_hash",
    "computed_at",
)
#: The pool's summary (`pool` in the JSON) in a vacancy's export; its id is pool_id already.
POOL_COLUMNS: tuple[str, ...] = (
    "pool_origin_country",
    "pool_region",
    "pool_occupation",
    "pool_headcount",
    "pool_isced_level",
    "pool_experience_years",
    "pool_available_from",
)
#: The vacancy's summary (`vacancy` in the JSON) in a pool's export; its id is vacancy_id.
VACANCY_COLUMNS: tuple[str, ...] = (
    "vacancy_title",
    "vacancy_destination_country",
    "vacancy_occupation",
    "vacancy_openings",
    "vacancy_start_date",
    "vacancy_status",
)
VACANCY_EXPORT_COLUMNS = (*MATCH_COLUMNS, *POOL_COLUMNS)
POOL_EXPORT_COLUMNS = (*MATCH_COLUMNS, *VACANCY_COLUMNS)


def _match_cells(rank: int, m: service.RankedMatch) -> list[Any]:
    return [
        rank,
        m.id,
        m.vacancy_id,
        m.pool_id,
        m.score,
        *(m.components.get(name) for name in adapters.COMPONENTS),
        m.eligible,
        m.pathway_code,
        m.eligible_headcount,
        ";".join(str(r.get("code", "")) for r in m.reasons or []),
        m.engine_version,
        m.weights_hash,
        m.computed_at,
    ]


def _summaries(
    session: Session, columns: Sequence[Any], ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[Any, ...]]:
    """id -> the summary columns (after the id, which `columns` starts with), a query per
    chunk of ids."""
    found: dict[uuid.UUID, tuple[Any, ...]] = {}
    for chunk in in_chunks(sorted(set(ids))):
        for row in session.execute(select(*columns).where(columns[0].in_(chunk))):
            found[row[0]] = tuple(row[1:])
    return found


def _rows(
    ranked: list[service.RankedMatch],
    other: Callable[[service.RankedMatch], uuid.UUID],
    summaries: dict[uuid.UUID, tuple[Any, ...]],
    width: int,
) -> list[list[Any]]:
    empty = (None,) * width
    return [[*_match_cells(i, m), *summaries.get(other(m), empty)] for i, m in enumerate(ranked, 1)]


def vacancy_rows(
    session: Session,
    settings: Settings,
    principal: Principal,
    vacancy_id: uuid.UUID,
    *,
    include_ineligible: bool,
) -> list[list[Any]]:
    """Every ranked pool of a (visible) vacancy as VACANCY_EXPORT_COLUMNS rows, best first."""
    vacancy = service.visible_vacancy(session, principal, vacancy_id)  # 404 when hidden
    ranked, _ = service.vacancy_ranking(
        session,
        settings,
        principal,
        vacancy.id,
        include_ineligible=include_ineligible,
        limit=WHOLE_RANKING,
        offset=0,
        explain=False,
    )
    pools = _summaries(
        session,
        (
            PoolRow.id,
            PoolRow.origin_country,
            PoolRow.region,
            PoolRow.occupation_code,
            PoolRow.headcount,
            PoolRow.isced_level,
            PoolRow.experience_years,
            PoolRow.available_from,
        ),
        (m.pool_id for m in ranked),
    )
    return _rows(ranked, lambda m: m.pool_id, pools, len(POOL_COLUMNS))


def pool_rows(
    session: Session,
    settings: Settings,
    principal: Principal,
    pool_id: uuid.UUID,
    *,
    include_ineligible: bool,
) -> list[list[Any]]:
    """Every ranked open vacancy of a (visible) pool as POOL_EXPORT_COLUMNS rows, best first."""
    pool = service.visible_pool(session, principal, pool_id, settings)  # 404 when hidden
    ranked, _ = service.pool_ranking(
        session,
        settings,
        principal,
        pool,
        include_ineligible=include_ineligible,
        limit=WHOLE_RANKING,
        offset=0,
        explain=False,
    )
    vacancies = _summaries(
        session,
        (
            VacancyRow.id,
            VacancyRow.title,
            VacancyRow.destination_country,
            VacancyRow.occupation_code,
            VacancyRow.openings,
            VacancyRow.start_date,
            VacancyRow.status,
        ),
        (m.vacancy_id for m in ranked),
    )
    return _rows(ranked, lambda m: m.vacancy_id, vacancies, len(VACANCY_COLUMNS))
