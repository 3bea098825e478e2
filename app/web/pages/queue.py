"""The officers' work queue: matches shortlisted, needing information or waiting on a
decision, with bulk decisions (app/reviews/queue.py reads it, app/reviews/service.py
decide_many records them). Single approvals post to the vacancy pages' decision handler."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.responses import Response

from app.common.csv_safe import csv_response
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.matches import repository as matches_repository
from app.reviews import queue as work_queue
from app.reviews import service as reviews
from app.reviews.schemas import DecisionKind
from app.taxonomy import repository as taxonomy
from app.web import names, pickers
from app.web.deps import CsrfForm, OfficerUser
from app.web.pages import list_filters
from app.web.pages.common import PAGE_SIZE, page_offset, redirect, text, web_router
from app.web.pages.list_filters import Short, Text
from app.web.render import render
from app.web.routing import Redirect, safe_next

router = web_router()

TAB_LABELS: dict[str, str] = {
    "waiting": "Waiting on a decision",
    "shortlisted": "Shortlisted",
    "needs_information": "Needing information",
}
#: What the bulk buttons record, and how the success message says it.
BULK_DONE: dict[str, str] = {
    DecisionKind.SHORTLISTED: "Shortlisted",
    DecisionKind.REJECTED: "Rejected",
    DecisionKind.NEEDS_INFORMATION: "Asked for more information on",
}


def _state(value: str | None) -> work_queue.State:
    for s in work_queue.STATES:
        if value == s:
            return s
    return "waiting"


class _View:
    """The queue as asked for: the state, the resolved filters, the query links carry on."""

    def __init__(
        self,
        session: SessionDep,
        state: Short = None,
        q: Text = None,
        destination: Text = None,
        origin: Text = None,
        occupation: Text = None,
        sort: Short = None,
    ) -> None:
        self.state = _state(state)
        self.q = (q or "").strip()
        self.destination = list_filters.country("destination", destination)
        self.origin = list_filters.country("origin", origin)
        self.occupation = list_filters.occupation(session, "occupation", occupation)
        self.sort = work_queue.chosen_sort(sort)
        self.filters = work_queue.QueueFilters(
            destination=self.destination.code,
            origin=self.origin.code,
            occupation=self.occupation.code,
            q=self.q or None,
        )

    def query(self, **extra: str | None) -> dict[str, str]:
        """The view's query string (state, search, filters, sort), for its links."""
        return list_filters.query(
            self.destination,
            self.origin,
            self.occupation,
            state=self.state,
            q=self.q,
            sort=None if self.sort == work_queue.DEFAULT_SORT else self.sort,
            **extra,
        )


#: The queue's query string, resolved once per request (the page and its download).
View = Annotated[_View, Depends()]


@router.get("/queue")
def queue_view(
    request: Request,
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
    view: View,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    start = page_offset(offset)
    page = work_queue.queue_page(
        session,
        settings,
        user.principal,
        view.state,
        view.filters,
        sort=view.sort,
        limit=PAGE_SIZE,
        offset=start,
    )
    counts: dict[str, int] = work_queue.state_counts(session, view.filters)
    if view.state == "waiting":  # ranked on read: counted only where it is read
        counts["waiting"] = page.total
    query = view.query()
    here = "/queue" + (f"?{request.url.query}" if request.url.query else "")
    return render(
        request,
        "queue.html",
        {
            "view": view,
            "page": page,
            "counts": counts,
            "tabs": TAB_LABELS,
            "labels": names.pool_labels(session, [i.pool for i in page.items]),
            "titles": _titles(session, page.items),
            "offset": start,
            "page_size": PAGE_SIZE,
            "query": query,
            "base_query": {k: v for k, v in query.items() if k != "state"},
            "sort_query": {k: v for k, v in query.items() if k != "sort"},
            "field_errors": list_filters.errors(view.destination, view.origin, view.occupation),
            "countries": pickers.country_options(),
            "occupations": pickers.occupation_options(session),
            "here": here,
            "bulk": {k: v for k, v in BULK_DONE.items() if k != view.state},
            "depth": matches_repository.QUEUE_DEPTH,
        },
    )


def _titles(session: SessionDep, items: list[work_queue.QueueItem]) -> dict[str, str]:
    return taxonomy.occupation_titles(session, {i.vacancy.occupation_code for i in items})


#: The columns of /queue.csv.
CSV_COLUMNS = (
    "match_id",
    "state",
    "vacancy_id",
    "vacancy",
    "employer",
    "destination_country",
    "start_date",
    "occupation",
    "pool_id",
    "pool",
    "origin_country",
    "region",
    "score",
    "eligible_headcount",
    "pathway_code",
    "decided_at",
    "note",
)
#: /queue.csv holds at most this many rows, the first of the view's order (the waiting tab has
#: fewer: it ranks a bounded set). The response says how many the view has in
#: X-Total-Count; when that is more, narrow the filters to export the rest.
CSV_LIMIT = 10_000


@router.get("/queue.csv")
def queue_csv(
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
    view: View,
) -> Response:
    """The items of the queue view (same state, filters, search and order), unpaged up to
    CSV_LIMIT rows, read in one query (the pools' labels and employers' names in one more each).
    A filter that names nothing is a 422, not an export of the whole queue."""
    list_filters.refuse_unresolved(view.destination, view.origin, view.occupation)
    page = work_queue.queue_page(
        session,
        settings,
        user.principal,
        view.state,
        view.filters,
        sort=view.sort,
        limit=CSV_LIMIT,
    )
    labels = names.pool_labels(session, [i.pool for i in page.items])
    rows: list[tuple[Any, ...]] = [
        (
            i.match_id,
            i.state,
            i.vacancy.id,
            i.vacancy.title,
            i.employer,
            i.vacancy.destination_country,
            i.vacancy.start_date,
            i.vacancy.occupation_code,
            i.pool.id,
            labels[i.pool.id],
            i.pool.origin_country,
            i.pool.region,
            round(i.score, 4),
            i.eligible_headcount,
            i.pathway_code,
            i.decided_at,
            i.note,
        )
        for i in page.items
    ]
    response = csv_response(CSV_COLUMNS, rows, f"queue-{view.state}.csv")
    response.headers["X-Total-Count"] = str(page.total)
    return response


@router.post("/queue/decide")
def bulk_decide(
    request: Request,
    form: CsrfForm,
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """Shortlist, reject or ask for information on the selected matches in one transaction:
    all of them or none (a refusal names each row that failed, and why)."""
    back = safe_next(text(form, "next") or "/queue")
    kind = text(form, "decision")
    if kind not in BULK_DONE:
        raise Redirect(back, "error", "Nothing was recorded: choose what to decide.")
    selected: list[uuid.UUID] = []
    for value in form.getlist("match"):
        try:
            selected.append(uuid.UUID(str(value)))
        except ValueError:
            raise Redirect(
                back, "error", "Nothing was recorded: a selected row is not a match."
            ) from None
    if not selected:
        raise Redirect(back, "error", "Nothing was recorded: select at least one match first.")
    note = text(form, "note")[:5000]
    try:
        decided = reviews.decide_many(
            session, settings, user.principal, selected, DecisionKind(kind), note
        )
    except ProblemError as exc:
        # Raised, so that the transaction rolls back: nothing of the batch stays.
        raise Redirect(back, "error", _refusal(session, exc)) from None
    n = len(decided)
    return redirect(
        request, back, "success", f"{BULK_DONE[kind]} {n} {'match' if n == 1 else 'matches'}."
    )


#: Failures a refused bulk decision names one by one.
_NAMED_FAILURES = 5


def _refusal(session: SessionDep, exc: ProblemError) -> str:
    """Which rows failed and why, by the names the queue shows them by."""
    failures = exc.extra.get("failures") or []
    if not failures:
        return f"Nothing was recorded: {exc.detail}"
    vacancies = matches_repository.vacancies_by_id(
        session, [uuid.UUID(f["vacancy_id"]) for f in failures if f["vacancy_id"]]
    )
    pools = matches_repository.pools_by_id(
        session, [uuid.UUID(f["pool_id"]) for f in failures if f["pool_id"]]
    )
    labels = names.pool_labels(session, pools.values())
    parts = []
    # The message travels in a cookie: the first few failures by name, then how many more.
    for f in failures[:_NAMED_FAILURES]:
        v = vacancies.get(uuid.UUID(f["vacancy_id"])) if f["vacancy_id"] else None
        p = uuid.UUID(f["pool_id"]) if f["pool_id"] else None
        row = f"{v.title} with {labels[p]}" if v is not None and p in labels else "a match"
        parts.append(f"{row}: {f['detail']}")
    if len(failures) > _NAMED_FAILURES:
        parts.append(f"And {len(failures) - _NAMED_FAILURES} more rows cannot take it either.")
    return f"Nothing was recorded: {len(failures)} of the selected rows failed. " + " ".join(parts)
