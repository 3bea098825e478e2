"""One vacancy with its ranked pools, its decisions and what became of its approvals."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query, Request
from starlette.responses import Response

from app.auth import repository as auth
from app.decisions import repository as decided
from app.deps import SessionDep, SettingsDep
from app.matches import diagnosis as diagnoses
from app.matches import repository as matches_repository
from app.matches import service as matches
from app.placements.schemas import PlacementFilters
from app.reviews import repository as reviews_repository
from app.reviews import service as reviews
from app.taxonomy import repository as taxonomy
from app.vacancies import service as vacancies
from app.web import names, pickers
from app.web.deps import CurrentWebUser
from app.web.matchview import skill_ids, view
from app.web.pages.common import page_offset, web_router
from app.web.pages.placements import pipeline
from app.web.pages.vacancies import DECISIONS, MATCHES_PER_PAGE
from app.web.render import render

router = web_router()

# ---- one vacancy with its ranked pools --------------------------------------------------------


@router.get("/vacancies/{vacancy_id}")
def vacancy_page(
    request: Request,
    vacancy_id: uuid.UUID,
    user: CurrentWebUser,
    session: SessionDep,
    settings: SettingsDep,
    offset: Annotated[int | None, Query(ge=0)] = None,
    blocked: Annotated[bool, Query()] = False,
) -> Response:
    principal = user.principal
    start = page_offset(offset)
    row, rows, total = matches.matches_of_vacancy(
        session,
        settings,
        principal,
        vacancy_id,
        include_ineligible=False,
        limit=MATCHES_PER_PAGE,
        offset=start,
    )
    vacancy = vacancies.get_vacancy(session, principal, vacancy_id)
    blocked_rows = (
        matches_repository.blocked_of_vacancy(session, settings, principal, row)
        if blocked and user.is_officer
        else []
    )
    in_force = reviews_repository.approvals_in_force(session, row.id) if user.is_officer else []
    # Every pool on the page, and every decision on its matches: one query each (no N+1).
    pools = matches_repository.pools_by_id(
        session,
        [*(r.pool_id for r in [*rows, *blocked_rows]), *(m.pool_id for m, _ in in_force)],
    )
    decisions = decided.decisions_by_match(session, [r.id for r in rows])
    labels = {s.skill: s.label for s in vacancy.skills}
    labels.update(taxonomy.skill_labels(session, skill_ids(rows) - set(labels)))
    on_pair = decided.approved_by_pair(session, [(r.vacancy_id, r.pool_id) for r in rows])
    views = [
        view(r, start + i + 1, labels, decisions[r.id], on_pair.get((r.vacancy_id, r.pool_id), 0))
        for i, r in enumerate(rows)
    ]
    # Why nothing matches, when nothing does (the first page of an empty ranking).
    diagnosis = (
        diagnoses.diagnose(session, settings, principal, row)
        if total == 0 and start == 0 and user.role != "ministry"  # a ministry: its own pools only
        else None
    )
    approved = decided.approved_on_vacancy(session, row.id)
    year = row.start_date.year
    pathways = sorted({r.pathway_code for r in rows if r.pathway_code})
    history, _ = reviews.list_decisions(
        session, principal, vacancy_id=row.id, pool_id=None, decision=None, limit=50, offset=0
    )
    openings_left = max(row.openings - approved, 0)
    return render(
        request,
        "vacancy.html",
        {
            "vacancy": vacancy,
            "row": row,
            "views": views,
            "total": total,
            "offset": start,
            "page_size": MATCHES_PER_PAGE,
            "pools": pools,
            "ministries": auth.organisation_names(session, [p.ministry_id for p in pools.values()])
            if user.is_officer
            else {},
            "employer": auth.organisation_names(session, [row.employer_id]).get(row.employer_id),
            "approved": approved,
            "openings_left": openings_left,
            # What the approve field proposes: what is left of the pair, within the openings left.
            "default_headcount": lambda v: max(
                min(v.row.eligible_headcount - v.approved, openings_left), 1
            ),
            "quotas": reviews_repository.quota_lines(session, [(p, year) for p in pathways]),
            "blocked": blocked,
            "blocked_views": [view(r, None, labels) for r in blocked_rows],
            "history": history,
            "in_force": in_force,
            "officers": auth.user_emails(session, [d.officer_id for d in history])
            if user.is_officer
            else {},
            "pool_by_id": pools,
            "pool_names": names.pool_labels(session, pools.values()),
            "sector": pickers.sector_value(session, row.sector_code),
            "diagnosis": diagnosis,
            "can_edit": user.role == "employer",
            "decision_labels": DECISIONS,
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            # What became of its approvals (an employer's or ministry's own: the service scopes).
            "placements": pipeline(session, principal, PlacementFilters(vacancy_id=row.id)),
        },
    )
