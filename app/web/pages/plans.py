"""Allocation plans (officers and admins): the list, a form to compute one (its pairs from the
live ranking or a batch run's, "Pairs from"), a plan's assignments next to the greedy baseline
and where its pairs came from, removing lines before adoption, and adoption: a confirmation
page that lists every approval it will record and the quotas it uses, whose form alone records
them (allocation.adopt, checked against the lines it showed)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.responses import Response

from app.allocation import service as allocation
from app.allocation.schemas import PlanIn
from app.analytics import service as analytics
from app.auth import repository as users
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.matches import repository as matches
from app.pathways import service as pathways
from app.web.deps import CsrfForm, OfficerUser
from app.web.names import pool_labels
from app.web.pages.analytics import RUN_CHOICES, run_choice
from app.web.pages.common import form_errors, page_offset, redirect, text, upper, web_router
from app.web.render import plural, render
from app.web.routing import Redirect

router = web_router()
PAGE = 25


def _list_page(
    request: Request,
    session: Session,
    *,
    offset: int,
    values: dict[str, str] | None = None,
    errors: list[dict[str, str]] | None = None,
    status: int = 200,
) -> Response:
    plans, total = allocation.list_plans(session, status=None, limit=PAGE, offset=offset)
    runs = analytics.recent_runs(session, RUN_CHOICES)
    return render(
        request,
        "plans.html",
        {
            "plans": [(p, n, h, _batch_run(p)) for p, n, h in plans],
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
                "batch_run_id": "",
            },
            "runs": [(str(r.run_id), run_choice(r)) for r in runs],
            "errors": errors or [],
        },
        status=status,
    )


def _batch_run(plan: Any) -> dict[str, Any] | None:
    """The batch run a plan's pairs came from, its as-of a time to show; None: live."""
    run = allocation.batch_run_of(plan)
    if run is not None:
        run["as_of"] = datetime.fromisoformat(run["as_of"])
    return run


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
            "batch_run_id",
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
                "batch_run_id": values["batch_run_id"] or None,
            }
        )
    except ValidationError as exc:
        return _list_page(
            request, session, offset=0, values=values, errors=form_errors(exc), status=422
        )
    try:
        view = allocation.create_plan(session, user.principal, data)
    except ProblemError as exc:
        if exc.status != 422:
            raise
        # The run was replaced meanwhile, or the scope reaches outside it: say so by the form.
        errors = [
            {"field": str(e.get("field", "")), "message": str(e.get("message", exc.detail))}
            for e in exc.errors or [{"message": exc.detail}]
        ]
        return _list_page(request, session, offset=0, values=values, errors=errors, status=422)
    return redirect(
        request,
        f"/plans/{view.plan.id}",
        "success",
        f"Plan computed ({view.plan.solver_status}): {plural(len(view.assignments), 'assignment')}"
        ". Review it, remove the lines you will not approve, then adopt it.",
    )


@dataclass(frozen=True, slots=True)
class Line:
    """One assignment as the pages show it: names, not ids."""

    id: uuid.UUID
    vacancy_id: uuid.UUID
    vacancy: str
    destination: str
    employer: str
    pool_id: uuid.UUID
    pool: str
    pathway_code: str
    pathway: str
    headcount: int
    score: float


def _lines(session: Session, rows: Sequence[dict[str, Any]]) -> list[Line]:
    """Lines (allocation.line_of's, or the removed ones the plan keeps) with their vacancy,
    employer, pool and pathway names: one query for each kind of row, never one per line."""
    vacancies = matches.vacancies_by_id(session, {uuid.UUID(r["vacancy_id"]) for r in rows})
    employers = users.organisation_names(session, {v.employer_id for v in vacancies.values()})
    pools = matches.pools_by_id(session, {uuid.UUID(r["pool_id"]) for r in rows})
    labels = pool_labels(session, pools.values())
    names = pathways.pathway_names(session, {r["pathway"] for r in rows})
    out = []
    for r in rows:
        vid, pid, code = uuid.UUID(r["vacancy_id"]), uuid.UUID(r["pool_id"]), r["pathway"]
        v = vacancies.get(vid)
        out.append(
            Line(
                id=uuid.UUID(r["id"]),
                vacancy_id=vid,
                vacancy=v.title if v else "a vacancy no longer stored",
                destination=v.destination_country if v else "",
                employer=employers.get(v.employer_id, "") if v else "",
                pool_id=pid,
                pool=labels.get(pid, "a pool no longer stored"),
                pathway_code=code,
                pathway=names.get(code, code),
                headcount=int(r["headcount"]),
                score=float(r["score"]),
            )
        )
    return out


@router.get("/plans/{plan_id}")
def plan_page(
    request: Request, plan_id: uuid.UUID, user: OfficerUser, session: SessionDep
) -> Response:
    view = allocation.get_plan(session, plan_id)
    report = (view.plan.options or {}).get("report") or {}
    removed = allocation.removed_lines(view.plan)
    lines = _lines(session, [*map(allocation.line_of, view.assignments), *removed])
    rows, gone = lines[: len(view.assignments)], lines[len(view.assignments) :]
    return render(
        request,
        "plan.html",
        {
            "plan": view.plan,
            "rows": rows,
            "removed": gone,
            "report": report,
            "batch_run": _batch_run(view.plan),
            "headcount": sum(a.headcount for a in rows),
            "improvement": view.plan.objective - view.plan.greedy_objective,
        },
    )


@router.post("/plans/{plan_id}/assignments/{assignment_id}/remove")
def plan_remove_line(
    request: Request,
    plan_id: uuid.UUID,
    assignment_id: uuid.UUID,
    form: CsrfForm,
    user: OfficerUser,
    session: SessionDep,
) -> Response:
    view = allocation.get_plan(session, plan_id)  # an unknown plan: the 404 page
    line = next((a for a in view.assignments if a.id == assignment_id), None)
    named = _lines(session, [allocation.line_of(line)])[0] if line is not None else None
    try:
        allocation.remove_assignment(session, user.principal, plan_id, assignment_id)
    except ProblemError as exc:  # adopted meanwhile, or a line removed already
        raise Redirect(f"/plans/{plan_id}", "error", exc.detail) from None
    what = (
        f"{named.vacancy} from {named.pool} ({plural(named.headcount, 'worker')})"
        if named
        else "the line"
    )
    return redirect(request, f"/plans/{plan_id}", "success", f"Removed from the plan: {what}.")


def _proposed_or_leave(plan_id: uuid.UUID, view: allocation.PlanView) -> None:
    if view.plan.status != "proposed":
        raise Redirect(f"/plans/{plan_id}", "info", f"The plan is {view.plan.status} already.")
    if not view.assignments:
        raise Redirect(f"/plans/{plan_id}", "info", "The plan has no line left to approve.")


@router.get("/plans/{plan_id}/adopt")
def plan_adopt_confirm(
    request: Request, plan_id: uuid.UUID, user: OfficerUser, session: SessionDep
) -> Response:
    """What adoption will record: every approval, and what it does to the quotas."""
    view = allocation.get_plan(session, plan_id)
    _proposed_or_leave(plan_id, view)
    lines = _lines(session, [allocation.line_of(a) for a in view.assignments])
    effects, keys = allocation.quota_effects(session, view.assignments)
    by_key = {(e.pathway_code, e.year): e for e in effects}
    return render(
        request,
        "plan_adopt.html",
        {
            "plan": view.plan,
            "rows": lines,
            "effects": effects,
            "line_effect": {a.id: by_key[keys[a.id]] for a in view.assignments},
            "headcount": sum(a.headcount for a in lines),
            "lines_digest": allocation.lines_digest(a.id for a in view.assignments),
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
    confirm = f"/plans/{plan_id}/adopt"
    if form.get("confirm") != "yes":
        # Only the confirmation form records approvals: it lists what it confirms.
        raise Redirect(confirm, "info", "Check what will be approved, then confirm.")
    try:
        view = allocation.adopt(session, settings, user.principal, plan_id, text(form, "lines"))
    except ProblemError as exc:
        if exc.status == 404:
            raise
        if exc.extra.get("code") == "plan_changed":
            raise Redirect(confirm, "error", exc.detail) from None
        failures = exc.extra.get("failures") or []
        detail = exc.detail + "".join(f" {f['detail']}" for f in failures[:3])
        # Raised: the approvals flushed before the failure roll back with the transaction.
        raise Redirect(f"/plans/{plan_id}", "error", detail) from None
    return redirect(
        request,
        f"/plans/{plan_id}",
        "success",
        f"Plan adopted: {plural(len(view.assignments), 'approval')} recorded.",
    )
