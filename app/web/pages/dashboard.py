"""The landing page of each role."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from app.common.principal import Principal, Role
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.matches import repository as matches
from app.pools import repository as pools_repository
from app.pools.schemas import PoolFilters
from app.pools.service import list_pools
from app.reviews import queue as work_queue
from app.reviews import repository as reviews
from app.surveys import repository as surveys
from app.taxonomy import repository as taxonomy
from app.vacancies import repository as vacancies
from app.vacancies.schemas import VacancyFilters
from app.vacancies.service import list_vacancies
from app.web import names, pickers
from app.web.deps import CurrentWebUser
from app.web.pages.common import web_router
from app.web.pages.pools import pool_names
from app.web.render import render

router = web_router()


def officer_dashboard(session: Session, settings: Settings, principal: Principal) -> dict[str, Any]:
    """The officer's figures: the open market, the vacancies waiting for a decision, the
    matches waiting on an officer, the latest uploads and the fullest quotas."""
    open_vacancies, openings = vacancies.open_totals(session)
    active_pools, headcount = pools_repository.active_totals(session)
    waiting, waiting_total = matches.waiting_vacancies(session, settings, principal)
    quotas = reviews.quota_lines(session)
    return {
        "open_vacancies": open_vacancies,
        "openings": openings,
        "active_pools": active_pools,
        "headcount": headcount,
        "waiting": waiting,
        "waiting_total": waiting_total,
        "waiting_ranked": min(waiting_total, matches.WAITING_RANKED),
        # The queue's own counts, so that a figure and the queue tab it opens agree.
        "queue": work_queue.state_counts(session),
        "uploads": surveys.recent_uploads(session, limit=5),
        "quota_alerts": [q for q in quotas if q.alert],
        "quotas": quotas[:6],
        "titles": taxonomy.occupation_titles(session, [w.vacancy.occupation_code for w in waiting]),
    }


@router.get("/")
def dashboard(
    request: Request, user: CurrentWebUser, session: SessionDep, settings: SettingsDep
) -> Response:
    principal = user.principal
    if user.is_officer:
        return render(
            request,
            "dashboard_officer.html",
            officer_dashboard(session, settings, principal),
        )
    recent = reviews.recent_decisions(session, principal)
    decided_pools = pools_repository.pools_by_id(session, [d.pool_id for d in recent])
    labels = names.pool_labels(session, decided_pools.values())
    context: dict[str, Any] = {
        "decisions": recent,
        "decision_vacancies": vacancies.vacancies_by_id(session, [d.vacancy_id for d in recent]),
        "decision_pools": decided_pools,
        "pool_names": labels,
    }
    if principal.role is Role.EMPLOYER:
        page = list_vacancies(session, principal, VacancyFilters(), limit=10, offset=0)
        return render(request, "dashboard_employer.html", {**context, "vacancies": page})
    pools = list_pools(session, principal, PoolFilters(status="active"), limit=10, offset=0)
    context["pool_names"] = {**labels, **pool_names(pools.items)}
    context["sectors"] = pickers.sector_names(session)
    return render(
        request,
        "dashboard_ministry.html",
        {
            **context,
            "pools": pools,
            "uploads": surveys.uploads_of(session, principal, limit=5),
        },
    )
