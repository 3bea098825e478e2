"""Labour pools: the list (officers, a ministry's own), and a pool with its ranked vacancies."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.auth import repository as auth
from app.common.csv_safe import csv_response
from app.decisions import repository as decided
from app.deps import SessionDep, SettingsDep
from app.matches import repository as matches_repository
from app.matches import service as matches
from app.placements.schemas import PlacementFilters
from app.pools import mapper as pool_mapper
from app.pools import search
from app.pools.schemas import PoolFilters, PoolOut
from app.pools.service import CSV_COLUMNS, export_pools, list_pools
from app.reviews import repository as reviews
from app.taxonomy import repository as taxonomy
from app.web import names, pickers
from app.web.deps import CurrentWebUser
from app.web.matchview import skill_ids, view
from app.web.pages import list_filters
from app.web.pages.common import PAGE_SIZE, page_offset, web_router
from app.web.pages.list_filters import Short, Text
from app.web.pages.placements import pipeline
from app.web.pages.vacancies import DECISIONS, MATCHES_PER_PAGE
from app.web.render import render

router = web_router()

#: Typed as PoolFilters.status is: `in _STATUSES` then narrows a query string to it.
_STATUSES: tuple[Literal["active", "withdrawn"], ...] = ("active", "withdrawn")


@dataclass(frozen=True, slots=True)
class _Named:
    """What names.pool_labels reads of a pool (a names.PoolLike), from the API's PoolOut or
    an export row."""

    id: uuid.UUID
    origin_country: str
    region: str | None
    occupation_code: str
    headcount: int

    @classmethod
    def of(cls, p: PoolOut) -> _Named:
        return cls(p.id, p.origin_country, p.region, p.occupation, p.headcount)


def pool_names(pools: Iterable[PoolOut]) -> dict[uuid.UUID, str]:
    """Readable names of pools of the API's PoolOut, from the titles they carry (no query).
    Kept for the dashboard (app/web/pages/dashboard.py), which imports it; the pages here use
    names.pool_labels."""
    return {p.id: names.pool_label(_Named.of(p), {p.occupation: p.occupation_title}) for p in pools}


class _Listing:
    """The list of pools as asked for: pickers resolved (an error shows next to its field and
    that filter is left out), the search, the sort, the query its links carry on."""

    def __init__(
        self,
        session: SessionDep,
        q: Text = None,
        origin: Text = None,
        occupation: Text = None,
        sector: Text = None,
        status: Short = None,
        sort: Short = None,
    ) -> None:
        self.q = (q or "").strip()
        self.origin = list_filters.country("origin", origin)
        self.occupation = list_filters.occupation(session, "occupation", occupation)
        self.sector = list_filters.sector(session, "sector", sector)
        self.status = status if status in _STATUSES else None
        self.sort = search.pool_sort(sort)
        self.filters = PoolFilters(
            origin=self.origin.code,
            occupation=self.occupation.code,
            sector=self.sector.code,
            status=self.status,
            q=self.q or None,
        )

    def query(self) -> dict[str, str]:
        return list_filters.query(
            self.origin,
            self.occupation,
            self.sector,
            q=self.q,
            status=self.status,
            sort=None if self.sort == search.POOL_DEFAULT_SORT else self.sort,
        )


#: The list's query string, resolved once per request (the page and its download).
Listing = Annotated[_Listing, Depends()]


@router.get("/pools")
def pool_list(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    listing: Listing,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    # Employers read pools only through their vacancies' matches: the service answers 403.
    page = list_pools(
        session,
        user.principal,
        listing.filters,
        limit=PAGE_SIZE,
        offset=start,
        sort=listing.sort,
    )
    query = listing.query()
    return render(
        request,
        "pools.html",
        {
            "page": page,
            "listing": listing,
            "offset": start,
            "page_size": PAGE_SIZE,
            "ministries": auth.organisation_names(
                session, [p.ministry_id for p in page.items if p.ministry_id is not None]
            ),
            "pool_names": names.pool_labels(session, map(_Named.of, page.items)),
            "sectors": pickers.sector_names(session),
            "query": query,
            "sort_query": {k: v for k, v in query.items() if k != "sort"},
            "field_errors": list_filters.errors(listing.origin, listing.occupation, listing.sector),
            "countries": pickers.country_options(),
            "occupations": pickers.occupation_options(session),
            "sector_options": pickers.sector_options(session),
        },
    )


@router.get("/pools.csv")
def pool_list_csv(
    user: CurrentWebUser,
    session: SessionDep,
    listing: Listing,
) -> Response:
    """The pools of the list (same search, filters, access and order), unpaged, in the columns
    of the API's GET /api/v1/pools.csv, then each pool's readable name and sector title. A
    filter that names nothing (no such country, occupation or sector) is a 422, not the
    whole list."""
    list_filters.refuse_unresolved(listing.origin, listing.occupation, listing.sector)
    rows = export_pools(session, user.principal, listing.filters, sort=listing.sort)
    # The API's columns: origin_country, region, occupation and headcount at these places.
    at = {c: i for i, c in enumerate(CSV_COLUMNS)}
    labels = names.pool_labels(
        session,
        (
            _Named(
                r[at["id"]],
                r[at["origin_country"]],
                r[at["region"]],
                r[at["occupation"]],
                r[at["headcount"]],
            )
            for r in rows
        ),
    )
    sectors = pickers.sector_names(session)
    out = [(*r, labels[r[at["id"]]], sectors.get(r[at["sector"]] or "", "")) for r in rows]
    return csv_response((*CSV_COLUMNS, "name", "sector_title"), out, "pools.csv")


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
            "pool_name": names.pool_labels(session, [row])[row.id],
            "sector_title": pickers.sector_names(session).get(pool.sector or "", pool.sector)
            if pool.sector
            else None,
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
