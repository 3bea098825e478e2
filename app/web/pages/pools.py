"""Labour pools: the list (officers, a ministry's own), and a pool with its ranked vacancies."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import Query, Request
from starlette.responses import Response

from app.auth import repository as auth
from app.common.schemas import SingleLine
from app.decisions import repository as decided
from app.deps import SessionDep, SettingsDep
from app.matches import repository as matches_repository
from app.matches import service as matches
from app.placements.schemas import PlacementFilters
from app.pools import mapper as pool_mapper
from app.pools.schemas import PoolFilters
from app.pools.service import list_pools
from app.reviews import repository as reviews
from app.taxonomy import repository as taxonomy
from app.web.deps import CurrentWebUser
from app.web.matchview import skill_ids, view
from app.web.pages.common import PAGE_SIZE, page_offset, upper, web_router
from app.web.pages.placements import pipeline
from app.web.pages.vacancies import DECISIONS, MATCHES_PER_PAGE
from app.web.render import render

router = web_router()

#: Typed as PoolFilters.status is: `in _STATUSES` then narrows a query string to it.
_STATUSES: tuple[Literal["active", "withdrawn"], ...] = ("active", "withdrawn")


@router.get("/pools")
def pool_list(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    origin: Annotated[SingleLine | None, Query(max_length=2)] = None,
    occupation: Annotated[SingleLine | None, Query(max_length=4, pattern=r"^\d{0,4}$")] = None,
    status: Annotated[SingleLine | None, Query(max_length=10)] = None,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    filters = PoolFilters(
        origin=upper(origin),
        occupation=occupation or None,
        status=status if status in _STATUSES else None,
    )
    # Employers read pools only through their vacancies' matches: the service answers 403.
    page = list_pools(session, user.principal, filters, limit=PAGE_SIZE, offset=start)
    return render(
        request,
        "pools.html",
        {
            "page": page,
            "filters": filters,
            "offset": start,
            "page_size": PAGE_SIZE,
            "ministries": auth.organisation_names(
                session, [p.ministry_id for p in page.items if p.ministry_id is not None]
            ),
            "query": {
                k: v
                for k, v in {
                    "origin": filters.origin,
                    "occupation": filters.occupation,
                    "status": filters.status,
                }.items()
                if v
            },
        },
    )


@router.get("/pools/{pool_id}")
def pool_page(
    request: Request,
    pool_id: uuid.UUID,
    user: CurrentWebUser,
    session: SessionDep,
    settings: SettingsDep,
    offset: Annotated[int | None, Query(ge=0)] = None,
    blocked: Annotated[bool, Query()] = False,
) -> Response:
    principal = user.principal
    start = page_offset(offset)
    # Visibility (a ministry's own pools; an employer's only through its vacancies) is the
    # matches service's; the pool's aggregates come from the pool mapper.
    row, rows, total = matches.matches_of_pool(
        session,
        settings,
        principal,
        pool_id,
        include_ineligible=False,
        limit=MATCHES_PER_PAGE,
        offset=start,
    )
    pool = pool_mapper.to_out(session, [row])[0]
    blocked_rows = (
        matches_repository.blocked_of_pool(session, settings, principal, row)
        if blocked and user.is_officer
        else []
    )
    vacancy_rows = matches_repository.vacancies_by_id(
        session, [r.vacancy_id for r in [*rows, *blocked_rows]]
    )
    decisions = decided.decisions_by_match(session, [r.id for r in rows])
    labels = {s.skill: s.label for s in pool.skills}
    labels.update(taxonomy.skill_labels(session, skill_ids([*rows, *blocked_rows]) - set(labels)))
    on_pair = decided.approved_by_pair(session, [(r.vacancy_id, r.pool_id) for r in rows])
    views = [
        view(r, start + i + 1, labels, decisions[r.id], on_pair.get((r.vacancy_id, r.pool_id), 0))
        for i, r in enumerate(rows)
    ]
    approved = decided.approved_on_pool(session, row.id)
    quota_pairs = {
        (r.pathway_code, vacancy_rows[r.vacancy_id].start_date.year) for r in rows if r.pathway_code
    }
    left = max(row.headcount - approved, 0)
    return render(
        request,
        "pool.html",
        {
            "pool": pool,
            "row": row,
            "views": views,
            "total": total,
            "offset": start,
            "page_size": MATCHES_PER_PAGE,
            "vacancies": vacancy_rows,
            "employers": auth.organisation_names(
                session, [v.employer_id for v in vacancy_rows.values()]
            ),
            "ministry": auth.organisation_names(session, [row.ministry_id]).get(row.ministry_id)
            if principal.role != "employer"
            else None,
            "titles": taxonomy.occupation_titles(
                session, [v.occupation_code for v in vacancy_rows.values()]
            ),
            "approved": approved,
            "left": left,
            "default_headcount": lambda v: max(min(v.row.eligible_headcount - v.approved, left), 1),
            "quotas": reviews.quota_lines(session, quota_pairs),
            "blocked": blocked,
            "blocked_views": [view(r, None, labels) for r in blocked_rows],
            "decision_labels": DECISIONS,
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            # What became of its approvals (an employer's own vacancies': the service scopes).
            "placements": pipeline(session, principal, PlacementFilters(pool_id=row.id)),
        },
    )
