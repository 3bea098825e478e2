"""The landing page of each role."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from app.auth.principal import Role
from app.deps import SessionDep, SettingsDep
from app.pools.service import PoolFilters, list_pools
from app.vacancies.service import VacancyFilters, list_vacancies
from app.web import queries
from app.web.deps import CurrentWebUser
from app.web.pages.common import web_router
from app.web.render import render

router = web_router()


@router.get("/")
def dashboard(
    request: Request, user: CurrentWebUser, session: SessionDep, settings: SettingsDep
) -> Response:
    principal = user.principal
    if user.is_officer:
        return render(
            request,
            "dashboard_officer.html",
            queries.officer_dashboard(session, settings, principal),
        )
    decisions = queries.recent_decisions(session, principal)
    context = {
        "decisions": decisions,
        "decision_vacancies": queries.by_id(
            session, queries.Vacancy, [d.vacancy_id for d in decisions]
        ),
        "decision_pools": queries.by_id(session, queries.Pool, [d.pool_id for d in decisions]),
    }
    if principal.role is Role.EMPLOYER:
        page = list_vacancies(session, principal, VacancyFilters(), limit=10, offset=0)
        return render(request, "dashboard_employer.html", {**context, "vacancies": page})
    pools = list_pools(session, principal, PoolFilters(status="active"), limit=10, offset=0)
    matched = queries.vacancies_matching_pools(session, settings, principal, limit=1, offset=0)
    return render(
        request,
        "dashboard_ministry.html",
        {
            **context,
            "pools": pools,
            "matched": matched,
            "uploads": queries.uploads_of(session, principal, limit=5),
        },
    )
