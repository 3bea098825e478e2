"""The decisions: every decision the signed-in person may read (an officer all, an employer
those on its vacancies, a ministry those on its pools), searched, sorted, filtered and exported
as CSV. Mounted through the queue's router (app/web/pages/queue.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.auditlog import names as audit_names
from app.auth import repository as auth
from app.common.csv_safe import csv_response
from app.db import Database
from app.deps import SessionDep, get_database
from app.matches import repository as matches_repository
from app.reviews import service as reviews
from app.reviews.router import DECISION_COLUMNS
from app.reviews.schemas import DecisionKind
from app.web import names
from app.web.deps import CurrentWebUser
from app.web.pages.common import PAGE_SIZE, page_offset, web_router
from app.web.pages.list_filters import Short, Text
from app.web.render import render

router = web_router()

KINDS: dict[str, str] = {
    DecisionKind.APPROVED: "Approved",
    DecisionKind.SHORTLISTED: "Shortlisted",
    DecisionKind.NEEDS_INFORMATION: "Needs information",
    DecisionKind.REJECTED: "Rejected",
    DecisionKind.WITHDRAWN: "Withdrawn",
}


@dataclass(frozen=True, slots=True)
class _Asked:
    """The list as asked for (the page and its download): search, kind, pair, sort."""

    q: str
    kind: DecisionKind | None
    vacancy: uuid.UUID | None
    pool: uuid.UUID | None
    sort: str

    def query(self) -> dict[str, str]:
        """The query string links carry on (defaults left out)."""
        found = {
            "q": self.q,
            "decision": self.kind.value if self.kind else None,
            "vacancy": str(self.vacancy) if self.vacancy else None,
            "pool": str(self.pool) if self.pool else None,
            "sort": None if self.sort == reviews.DECISION_DEFAULT_SORT else self.sort,
        }
        return {k: v for k, v in found.items() if v}


def _asked(
    q: Text = None,
    decision: Short = None,
    vacancy: Annotated[uuid.UUID | None, Query()] = None,
    pool: Annotated[uuid.UUID | None, Query()] = None,
    sort: Short = None,
) -> _Asked:
    return _Asked(
        (q or "").strip(),
        DecisionKind(decision) if decision in KINDS else None,
        vacancy,
        pool,
        sort
        if sort and sort.lstrip("-") in reviews.DECISION_SORTS
        else reviews.DECISION_DEFAULT_SORT,
    )


Asked = Annotated[_Asked, Depends(_asked)]


@router.get("/decisions")
def decision_list(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    asked: Asked,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    rows, total = reviews.list_decisions(
        session,
        user.principal,
        vacancy_id=asked.vacancy,
        pool_id=asked.pool,
        decision=asked.kind,
        q=asked.q or None,
        sort=asked.sort,
        limit=PAGE_SIZE,
        offset=start,
    )
    vacancies = matches_repository.vacancies_by_id(session, [d.vacancy_id for d in rows])
    pools = matches_repository.pools_by_id(session, [d.pool_id for d in rows])
    query = asked.query()
    return render(
        request,
        "decisions.html",
        {
            "decisions": rows,
            "total": total,
            "decision_vacancies": vacancies,
            "decision_pools": pools,
            "pool_names": names.pool_labels(session, pools.values()),
            "employers": auth.organisation_names(
                session, [v.employer_id for v in vacancies.values()]
            ),
            "officers": auth.user_emails(session, [d.officer_id for d in rows])
            if user.is_officer
            else {},
            "kinds": KINDS,
            "q": asked.q,
            "kind": asked.kind.value if asked.kind else "",
            "sort": asked.sort,
            "query": query,
            "sort_query": {k: v for k, v in query.items() if k != "sort"},
            "offset": start,
            "page_size": PAGE_SIZE,
        },
    )


#: /decisions.csv: the API export's columns, then the readable names of the pair.
CSV_COLUMNS = (*DECISION_COLUMNS, "vacancy", "pool")


@router.get("/decisions.csv")
def decision_csv(
    user: CurrentWebUser,
    session: SessionDep,
    db: Annotated[Database, Depends(get_database)],
    asked: Asked,
) -> Response:
    """Every decision of the list (same search, filters, access and order), unpaged, streamed
    CSV_CHUNK rows at a time: each chunk's vacancy titles and pool labels are read in one query
    per kind, in a short session of the chunk's own (the request's has closed by the time the
    body streams; never the vacancies and pools of the whole export at once)."""
    rows = reviews.export_decisions(
        session,
        user.principal,
        vacancy_id=asked.vacancy,
        pool_id=asked.pool,
        decision=asked.kind,
        q=asked.q or None,
        sort=asked.sort,
    )
    return csv_response(CSV_COLUMNS, _named(db, rows), "decisions.csv")


#: Rows of /decisions.csv named per batch of lookups.
CSV_CHUNK = 1000


def _named(db: Database, rows: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The export's rows with the pair's readable names appended."""
    for start in range(0, len(rows), CSV_CHUNK):
        chunk = rows[start : start + CSV_CHUNK]
        # Columns 2 and 3 are the vacancy and pool ids (DECISION_COLUMNS' order).
        with db.session() as session:
            titles = audit_names.vacancy_titles(session, {r[2] for r in chunk})
            pools = matches_repository.pools_by_id(session, {r[3] for r in chunk})
            labels = names.pool_labels(session, pools.values())
        for r in chunk:
            yield (*r, titles.get(r[2], ""), labels.get(r[3], ""))
