"""Allocation plans (officers and admins): the list, a form to compute one, a plan's
assignments next to the greedy baseline, and adoption (which records the approvals)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query, Request
from pydantic import ValidationError
from starlette.responses import Response

from app.allocation import service as allocation
from app.allocation.schemas import PlanIn
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.matches import repository as matches
from app.web.deps import CsrfForm, OfficerUser
from app.web.pages.common import form_errors, page_offset, redirect, text, upper, web_router
from app.web.render import render
from app.web.routing import Redirect

router = web_router()
PAGE = 25


def _list_page(
    request: Request,
    session,
    *,
    offset: int,
    values: dict[str, str] | None = None,
    errors: list | None = None,
    status: int = 200,
) -> Response:
    plans, total = allocation.list_plans(session, status=None, limit=PAGE, offset=offset)
    return render(
        request,
        "plans.html",
        {
            "plans": plans,
            "total": total,
            "offset": offset,
            "page_size": PAGE,
            "values": values
            or {
                "destination": "",
                "origin": "",
                "occupation_prefix": "",
                "pathway": "",
                "min_score": "0.5",
                "origin_cap": "",
            },
            "errors": errors or [],
        },
        status=status,
    )


@router.get("/plans")
def plan_list(
    request: Request,
    user: OfficerUser,
    session: SessionDep,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    return _list_page(request, session, offset=page_offset(offset))


@router.post("/plans")
def plan_create(
    request: Request, form: CsrfForm, user: OfficerUser, session: SessionDep
) -> Response:
    values = {
        k: text(form, k)
        for k in (
            "destination",
            "origin",
            "occupation_prefix",
            "pathway",
            "min_score",
            "origin_cap",
        )
    }
    scope = {
        "destination": upper(values["destination"]),
        "origin": upper(values["origin"]),
        "occupation_prefix": values["occupation_prefix"] or None,
        "pathway": upper(values["pathway"]),
    }
    try:
        data = PlanIn.model_validate(
            {
                "scope": {k: v for k, v in scope.items() if v},
                "min_score": values["min_score"] or 0,
                "origin_cap": values["origin_cap"] or None,
            }
        )
    except ValidationError as exc:
        return _list_page(
            request, session, offset=0, values=values, errors=form_errors(exc), status=422
        )
    view = allocation.create_plan(session, user.principal, data)
    return redirect(
        request,
        f"/plans/{view.plan.id}",
        "success",
        f"Plan computed ({view.plan.solver_status}): {len(view.assignments)} "
        "assignments. Review it, then adopt it to record the approvals.",
    )


@router.get("/plans/{plan_id}")
def plan_page(
    request: Request, plan_id: uuid.UUID, user: OfficerUser, session: SessionDep
) -> Response:
    view = allocation.get_plan(session, plan_id)
    rows = view.assignments
    vacancies = matches.vacancies_by_id(session, [a.vacancy_id for a in rows])
    pools = matches.pools_by_id(session, [a.pool_id for a in rows])
    report = (view.plan.options or {}).get("report") or {}
    return render(
        request,
        "plan.html",
        {
            "plan": view.plan,
            "rows": rows,
            "vacancies": vacancies,
            "pools": pools,
            "report": report,
            "headcount": sum(a.headcount for a in rows),
            "improvement": view.plan.objective - view.plan.greedy_objective,
        },
    )


@router.post("/plans/{plan_id}/adopt")
def plan_adopt(
    request: Request,
    plan_id: uuid.UUID,
    form: CsrfForm,
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    try:
        view = allocation.adopt(session, settings, user.principal, plan_id)
    except ProblemError as exc:
        if exc.status == 404:
            raise
        failures = exc.extra.get("failures") or []
        detail = exc.detail + "".join(f" {f['detail']}" for f in failures[:3])
        # Raised: the approvals flushed before the failure roll back with the transaction.
        raise Redirect(f"/plans/{plan_id}", "error", detail) from None
    return redirect(
        request,
        f"/plans/{plan_id}",
        "success",
        f"Plan adopted: {len(view.assignments)} approvals recorded.",
    )
