"""Officers' decisions on matches."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from app.auth.deps import CurrentPrincipal, require_roles
from app.common.principal import Principal, Role
from app.common.schemas import MAX_OFFSET
from app.deps import SessionDep, SettingsDep
from app.reviews import service
from app.reviews.schemas import DecisionIn, DecisionKind, DecisionOut, DecisionPage

router = APIRouter(prefix="/api/v1", tags=["decisions"])

Officer = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.ADMIN))]


@router.post(
    "/matches/{match_id}/decisions", response_model=DecisionOut, status_code=status.HTTP_201_CREATED
)
def decide(
    match_id: uuid.UUID,
    data: DecisionIn,
    session: SessionDep,
    settings: SettingsDep,
    principal: Officer,
) -> DecisionOut:
    return DecisionOut.model_validate(service.decide(session, settings, principal, match_id, data))


@router.get("/matches/{match_id}/decisions", response_model=list[DecisionOut])
def match_history(
    match_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[DecisionOut]:
    return [DecisionOut.model_validate(d) for d in service.history(session, principal, match_id)]


@router.get("/decisions", response_model=DecisionPage)
def list_decisions(
    session: SessionDep,
    principal: CurrentPrincipal,
    vacancy_id: uuid.UUID | None = None,
    pool_id: uuid.UUID | None = None,
    decision: DecisionKind | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DecisionPage:
    rows, total = service.list_decisions(
        session,
        principal,
        vacancy_id=vacancy_id,
        pool_id=pool_id,
        decision=decision,
        limit=limit,
        offset=offset,
    )
    return DecisionPage(
        items=[DecisionOut.model_validate(d) for d in rows], total=total, limit=limit, offset=offset
    )
