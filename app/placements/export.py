"""Placements as CSV rows: the API's export and the placements page's download share them."""

from __future__ import annotations

from typing import Any

from app.decisions.models import PlacementStage

#: A placement's CSV columns: PlacementOut's scalar fields, `stages` flattened per stage.
COLUMNS = (
    "id",
    "decision_id",
    "match_id",
    "vacancy_id",
    "pool_id",
    "pathway_code",
    "quota_year",
    "approved",
    "approved_at",
    "status",
    "awaiting",
    *(f"stages_{stage.value}" for stage in PlacementStage),
    "released",
    "version",
    "updated_at",
)


def cells(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An export row (service.EXPORT_COLUMNS' values) in COLUMNS' order."""
    (pid, decision, match, vacancy, pool, pathway, year, approved, approved_at, status) = row[:10]
    released, version, updated_at = row[10:13]
    stages = row[13:]
    return (
        pid,
        decision,
        match,
        vacancy,
        pool,
        pathway,
        year,
        approved,
        approved_at,
        status,
        approved - sum(stages),
        *stages,
        released,
        version,
        updated_at,
    )
