"""Placements: the board of approvals' pipelines, one placement with its moves and the form to
record the next one (each role only the stages its side records), and the pipeline sections of
the vacancy and pool pages."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.responses import Response

from app.auth import repository as auth
from app.auth import service as auth_service
from app.common.csv_safe import csv_response
from app.common.principal import Principal, Role
from app.common.schemas import Page, SingleLine
from app.deps import SessionDep
from app.errors import ProblemError, field_path
from app.placements import export, stages
from app.placements import service as placements
from app.placements.schemas import MoveIn, MoveOut, PlacementFilters, PlacementOut, PlacementStage
from app.pools import repository as pools_repository
from app.vacancies import repository as vacancies_repository
from app.web.deps import CsrfForm, CurrentWebUser
from app.web.identity import WebUser
from app.web.names import pool_labels
from app.web.pages.common import PAGE_SIZE, page_offset, redirect, text, upper, web_router
from app.web.render import render

router = web_router()

#: Typed as PlacementFilters.status is: `in _STATUSES` then narrows a query string to it.
_STATUSES: tuple[Literal["active", "withdrawn"], ...] = ("active", "withdrawn")
#: The stages in pipeline order (the enum's order): the filter's options, the choices' order.
STAGES: tuple[PlacementStage, ...] = tuple(PlacementStage)
#: The form's name for the approved workers not selected yet (a move's source of None).
AWAITING = "awaiting"
#: How a form field reads on the page (errors name the field by its label, not its path).
_FIELD_LABELS = {"from_stage": "Move", "to_stage": "Move", "count": "Workers", "on": "Date"}
#: Who an actor is, to a viewer outside the actor's organisation (no names across sides).
_ROLE_WORDS = {
    Role.OFFICER: "a programme officer",
    Role.ADMIN: "an administrator",
    Role.MINISTRY: "the ministry",
    Role.EMPLOYER: "the employer",
}


# ---- what the pages show --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Placements with the vacancy and pool rows their table names (one query each)."""

    page: Page[PlacementOut]
    vacancies: dict[uuid.UUID, Any]
    pools: dict[uuid.UUID, Any]
    pool_names: dict[uuid.UUID, str]
    employers: dict[uuid.UUID, str] = field(default_factory=dict)
    ministries: dict[uuid.UUID, str] = field(default_factory=dict)


def pipeline(
    session: Session,
    principal: Principal,
    filters: PlacementFilters,
    *,
    limit: int = PAGE_SIZE,
    offset: int = 0,
    names: bool = False,
) -> Pipeline:
    """The placements the principal may read (the service scopes them), for a table; with the
    organisations' names when asked (officers' board)."""
    page = placements.list_placements(session, principal, filters, limit=limit, offset=offset)
    vacancies = vacancies_repository.vacancies_by_id(session, [p.vacancy_id for p in page.items])
    pools = pools_repository.pools_by_id(session, [p.pool_id for p in page.items])
    pool_names = pool_labels(session, pools.values())
    if not names:
        return Pipeline(page, vacancies, pools, pool_names)
    return Pipeline(
        page,
        vacancies,
        pools,
        pool_names,
        employers=auth.organisation_names(session, [v.employer_id for v in vacancies.values()]),
        ministries=auth.organisation_names(session, [p.ministry_id for p in pools.values()]),
    )


@dataclass(frozen=True, slots=True)
class MoveChoice:
    """One move the signed-in role may record on a placement now."""

    value: str  # the form's value: "<from>:<to>", AWAITING for the unselected workers
    source: PlacementStage | None
    to: PlacementStage
    held: int  # workers at the source now


def move_choices(role: Role, placement: PlacementOut) -> list[MoveChoice]:
    """The moves of the pipeline (stages.NEXT) into a stage this role records
    (stages.may_record), from a stage that holds workers: nothing else can succeed."""
    if placement.status != "active":
        return []
    out: list[MoveChoice] = []
    for source, targets in stages.NEXT.items():
        held = placement.awaiting if source is None else placement.stages[source]
        if held <= 0:
            continue
        for to in sorted(targets, key=STAGES.index):
            if stages.may_record(role, to):
                key = source.value if source is not None else AWAITING
                out.append(MoveChoice(f"{key}:{to.value}", source, to, held))
    return out


def _recorder(stage: PlacementStage) -> str:
    side = stages.SIDE[stage]
    return f"the {side.value} or an officer" if side is not None else "an officer"


def _actors(session: Session, user: WebUser, moves: Iterable[MoveOut]) -> dict[uuid.UUID, str]:
    """Who recorded each move, as the viewer may read it: officers see every email; the
    employer and the ministry see their own organisation's emails and the other side only by
    its role (an employer is never told the ministry's people, and the other way round)."""
    ids = {m.actor_id for m in moves}
    if user.is_officer:
        return auth.user_emails(session, ids)
    out: dict[uuid.UUID, str] = {}
    for actor_id in ids:  # the few people of one placement (the viewer's own is in the session)
        actor = auth_service.get_user(session, actor_id)
        if actor.organisation_id == user.principal.organisation_id:
            out[actor_id] = "you" if actor_id == user.principal.user_id else actor.email
        else:
            out[actor_id] = _ROLE_WORDS.get(Role(actor.role), actor.role)
    return out


def _field(path: str) -> str:
    name = path.removeprefix("body").lstrip(".")
    return _FIELD_LABELS.get(name, name)


def _errors(errors: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {"field": _field(str(e.get("field", ""))), "message": str(e["message"])} for e in errors
    ]


def _today() -> str:
    # The service's "not ahead of today" is a UTC day: the form proposes the same one.
    return datetime.now(UTC).date().isoformat()


def _page(
    request: Request,
    session: Session,
    user: WebUser,
    placement: PlacementOut,
    *,
    values: dict[str, str] | None = None,
    errors: list[dict[str, str]] | None = None,
    status: int = 200,
) -> Response:
    principal = user.principal
    vacancy = vacancies_repository.vacancies_by_id(session, [placement.vacancy_id])[
        placement.vacancy_id
    ]
    pool = pools_repository.pools_by_id(session, [placement.pool_id])[placement.pool_id]
    names = auth.organisation_names(
        session,
        [vacancy.employer_id, *([pool.ministry_id] if principal.role is not Role.EMPLOYER else [])],
    )
    choices = move_choices(principal.role, placement)
    moves = placement.moves or []
    return render(
        request,
        "placement.html",
        {
            "p": placement,
            "vacancy": vacancy,
            "pool": pool,
            "pool_name": pool_labels(session, [pool])[pool.id],
            "employer": names.get(vacancy.employer_id),
            "ministry": names.get(pool.ministry_id),
            # A ministry reads open vacancies only: no link to a page that would be a 404.
            "vacancy_link": principal.role is not Role.MINISTRY or vacancy.status == "open",
            "stages": [(s, placement.stages[s], _recorder(s)) for s in STAGES],
            "moves": moves,
            "actors": _actors(session, user, moves),
            "choices": choices,
            "values": values
            or {
                "move": choices[0].value if choices else "",
                "count": "",
                "on": _today(),
                "note": "",
            },
            "errors": errors or [],
            "today": _today(),
        },
        status=status,
    )


# ---- the board -------------------------------------------------------------------------------


def board_filters(
    stage: Annotated[SingleLine | None, Query(max_length=20)] = None,
    pathway: Annotated[SingleLine | None, Query(max_length=40)] = None,
    status: Annotated[SingleLine | None, Query(max_length=10)] = None,
    vacancy: Annotated[uuid.UUID | None, Query()] = None,
    pool: Annotated[uuid.UUID | None, Query()] = None,
) -> PlacementFilters:
    """The board's filters from its query string (the page and its CSV download)."""
    return PlacementFilters(
        vacancy_id=vacancy,
        pool_id=pool,
        pathway=upper(pathway),
        # An unknown stage or status filters nothing, as on the other lists.
        stage=PlacementStage(stage) if stage in {s.value for s in STAGES} else None,
        status=status if status in _STATUSES else None,
    )


BoardFilters = Annotated[PlacementFilters, Depends(board_filters)]


@router.get("/placements.csv")
def placement_board_csv(
    user: CurrentWebUser, session: SessionDep, filters: BoardFilters
) -> Response:
    """The board's placements with its filters, unpaged, as the API's export writes them."""
    rows = placements.export_placements(session, user.principal, filters)
    return csv_response(export.COLUMNS, [export.cells(r) for r in rows], "placements.csv")


@router.get("/placements")
def placement_board(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    filters: BoardFilters,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    # Employers and ministries read only their own: the service scopes the list.
    found = pipeline(
        session, user.principal, filters, limit=PAGE_SIZE, offset=start, names=user.is_officer
    )
    query = {
        "stage": filters.stage.value if filters.stage else None,
        "pathway": filters.pathway,
        "status": filters.status,
        "vacancy": str(filters.vacancy_id) if filters.vacancy_id else None,
        "pool": str(filters.pool_id) if filters.pool_id else None,
    }
    return render(
        request,
        "placements.html",
        {
            "pipeline": found,
            "filters": filters,
            "stages": STAGES,
            "statuses": _STATUSES,
            "offset": start,
            "page_size": PAGE_SIZE,
            "query": {k: v for k, v in query.items() if v},
        },
    )


# ---- one placement, and recording a move ----------------------------------------------------


@router.get("/placements/{placement_id}")
def placement_page(
    request: Request, placement_id: uuid.UUID, user: CurrentWebUser, session: SessionDep
) -> Response:
    # Another organisation's placement is a 404 (the service's visibility rule).
    placement = placements.get_placement(session, user.principal, placement_id)
    return _page(request, session, user, placement)


def _posted(form: FormData) -> dict[str, str]:
    return {name: text(form, name) for name in ("move", "count", "on", "note")}


def _move_input(values: dict[str, str]) -> dict[str, Any]:
    """Form values -> the API's move document (MoveIn validates the rest)."""
    source, _, to = values["move"].partition(":")
    return {
        "from_stage": None if source in ("", AWAITING) else source,
        "to_stage": to or None,
        "count": values["count"] or None,
        "on": values["on"] or None,
        "note": values["note"],
    }


def _workers(n: int) -> str:
    return f"{n} worker" if n == 1 else f"{n} workers"


@router.post("/placements/{placement_id}/moves")
def record_move(
    request: Request,
    placement_id: uuid.UUID,
    form: CsrfForm,
    user: CurrentWebUser,
    session: SessionDep,
) -> Response:
    values = _posted(form)
    try:
        data = MoveIn.model_validate(_move_input(values))
    except ValidationError as exc:
        # Read first, so that another organisation's placement is a 404 whatever was posted.
        placement = placements.get_placement(session, user.principal, placement_id)
        errors = [
            {
                "field": _field(field_path(e.get("loc", ()))),
                "message": str(e.get("msg", "invalid")).removeprefix("Value error, "),
            }
            for e in exc.errors()
        ]
        return _page(request, session, user, placement, values=values, errors=errors, status=422)
    try:
        out = placements.move(session, user.principal, placement_id, data, expected_version=None)
    except ProblemError as exc:
        if exc.status not in (403, 409, 422):
            raise  # a 404 is a page of its own
        session.rollback()  # nothing of the refused move is committed with the page
        placement = placements.get_placement(session, user.principal, placement_id)
        errors = _errors(exc.errors or [{"field": "", "message": exc.detail}])
        return _page(
            request, session, user, placement, values=values, errors=errors, status=exc.status
        )
    source = data.from_stage.value if data.from_stage else "the approved workers"
    message = (
        f"Recorded: {_workers(data.count)} moved from {source.replace('_', ' ')} to "
        f"{data.to_stage.value.replace('_', ' ')} on {data.on.isoformat()}."
    )
    if stages.releases(data.from_stage, data.to_stage):
        message += (
            f" {_workers(data.count)} given back: to the quota of the pathway, the openings of "
            "the vacancy and the pool."
        )
    return redirect(request, f"/placements/{out.id}", "success", message)
