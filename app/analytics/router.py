"""HTTP API of the analytics (officers and admins): JSON, and the same tables as CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.analytics import service
from app.analytics.service import GroupBy
from app.auth.deps import require_roles
from app.common.principal import Role
from app.deps import SessionDep, SettingsDep

router = APIRouter(
    prefix="/api/v1/analytics",
    tags=["analytics"],
    dependencies=[Depends(require_roles(Role.OFFICER, Role.ADMIN))],
)
TopN = Annotated[int, Query(ge=1, le=50, description="top matches per vacancy")]
#: The CSV routes' response in the OpenAPI document.
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


@router.get("/shortage-surplus")
def shortage_surplus(
    session: SessionDep, settings: SettingsDep, by: GroupBy = GroupBy.OCCUPATION
) -> dict[str, Any]:
    rows = service.shortage_surplus(session, settings, by)
    return {"by": by.value, "items": [r.as_dict() for r in rows]}


@router.get("/shortage-surplus.csv", response_class=Response, responses=_CSV)
def shortage_surplus_csv(
    session: SessionDep, settings: SettingsDep, by: GroupBy = GroupBy.OCCUPATION
) -> Response:
    return Response(
        service.balance_csv(service.shortage_surplus(session, settings, by)),
        media_type="text/csv; charset=utf-8",
    )


@router.get("/skills-gap")
def skills_gap(
    session: SessionDep, settings: SettingsDep, top: TopN = service.DEFAULT_TOP_N
) -> dict[str, Any]:
    rows = service.skills_gap(session, settings, top)
    return {"top": top, "items": [r.as_dict() for r in rows]}


@router.get("/skills-gap.csv", response_class=Response, responses=_CSV)
def skills_gap_csv(
    session: SessionDep, settings: SettingsDep, top: TopN = service.DEFAULT_TOP_N
) -> Response:
    return Response(
        service.skills_gap_csv(service.skills_gap(session, settings, top)),
        media_type="text/csv; charset=utf-8",
    )
