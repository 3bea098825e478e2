"""Vacancies: the list, and officers' decisions on a match (the form is vacancy_form, one
vacancy vacancy_detail)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from pydantic import ValidationError
from starlette.responses import Response

from app.auth import repository as auth
from app.common.csv_safe import csv_response
from app.common.principal import Role
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.matches import repository as matches_repository
from app.reviews import repository as reviews_repository
from app.reviews import service as reviews
from app.reviews.schemas import DecisionIn, DecisionKind
from app.taxonomy import repository as taxonomy
from app.vacancies import search
from app.vacancies import service as vacancies
from app.vacancies.schemas import VacancyFilters
from app.web import pickers
from app.web.deps import CsrfForm, CurrentWebUser, OfficerUser
from app.web.pages import list_filters
from app.web.pages.common import PAGE_SIZE, page_offset, redirect, text, web_router
from app.web.pages.list_filters import Short, Text
from app.web.render import render
from app.web.routing import Redirect, safe_next

router = web_router()

#: Typed as VacancyFilters.status is: `in STATUSES` then narrows a query string to it.
STATUSES: tuple[Literal["open", "draft", "filled", "closed"], ...] = (
    "open",
    "draft",
    "filled",
    "closed",
)
MATCHES_PER_PAGE = 20
DECISIONS: dict[str, str] = {
    DecisionKind.APPROVED: "Approved",
    DecisionKind.SHORTLISTED: "Shortlisted",
    DecisionKind.NEEDS_INFORMATION: "Asked for more information on",
    DecisionKind.REJECTED: "Rejected",
    DecisionKind.WITHDRAWN: "Withdrew the approval of",
}


# ---- list ------------------------------------------------------------------------------------


def _list_filters(
    session: SessionDep,
    destination: Text = None,
    occupation: Text = None,
    sector: Text = None,
    status: Short = None,
    q: Text = None,
) -> tuple[VacancyFilters, list[list_filters.PickerField]]:
    """The list's filters from its query string: pickers take a name or a code, and one that
    names nothing filters nothing (its error shows next to it, never a dead end)."""
    fields = [
        list_filters.country("destination", destination),
        list_filters.occupation(session, "occupation", occupation),
        list_filters.sector(session, "sector", sector),
    ]
    dest, occ, sec = (f.code for f in fields)
    filters = VacancyFilters(
        destination=dest,
        occupation=occ,
        sector=sec,
        status=status if status in STATUSES else None,
        q=q.strip() if q and q.strip() else None,
    )
    return filters, fields


#: The list's filters, resolved once per request (the page and its download).
ListFilters = Annotated[
    tuple[VacancyFilters, list[list_filters.PickerField]], Depends(_list_filters)
]


@router.get("/vacancies")
def vacancy_list(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    settings: SettingsDep,
    listed: ListFilters,
    sort: Short = None,
    offset: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    principal = user.principal
    start = page_offset(offset)
    if principal.role is Role.MINISTRY:
        matched = matches_repository.vacancies_matching_pools(
            session, settings, principal, limit=PAGE_SIZE, offset=start
        )
        return render(
            request,
            "vacancies_ministry.html",
            {
                "matched": matched,
                "items": matched.items,
                "total": matched.total,
                "offset": start,
                "page_size": PAGE_SIZE,
                "titles": taxonomy.occupation_titles(
                    session, [i.vacancy.occupation_code for i in matched.items]
                ),
            },
        )
    filters, fields = listed
    chosen, _ = search.order_by(sort)
    page = vacancies.list_vacancies(
        session, principal, filters, limit=PAGE_SIZE, offset=start, sort=chosen
    )
    # Eligible matches and best score of the page's vacancies: the count and the first match
    # of each one's ranking (a page is PAGE_SIZE vacancies).
    stats: dict[uuid.UUID, tuple[int, float]] = {}
    for v in page.items:
        best = matches_repository.best_of_vacancy(session, settings, principal, v.id)
        if best is not None:
            stats[v.id] = best
    query = list_filters.query(*fields, status=filters.status, q=filters.q)
    return render(
        request,
        "vacancies.html",
        {
            "page": page,
            "filters": filters,
            "fields": {f.name: f for f in fields},
            "field_errors": list_filters.errors(*fields),
            "statuses": STATUSES,
            "stats": stats,
            "employers": auth.organisation_names(session, [v.employer_id for v in page.items]),
            "sectors": pickers.sector_names(session),
            "offset": start,
            "page_size": PAGE_SIZE,
            "sort": chosen,
            # Pages keep the sort; sort headings start again from the first page.
            "query": {**query, "sort": chosen},
            "filter_query": query,
            "csv_query": urlencode({**query, "sort": chosen}),
            "countries": pickers.country_options(),
            "occupations": pickers.occupation_options(session),
            "sector_options": pickers.sector_options(session),
        },
    )


@router.get("/vacancies.csv")
def vacancy_export(
    user: CurrentWebUser,
    session: SessionDep,
    listed: ListFilters,
    sort: Short = None,
) -> Response:
    """The list as CSV, with the page's filters, search and sort (the API's columns). A picker
    that names nothing answers 422: a download has no field to show the error next to, and
    the whole list in its place would pass for the filtered one."""
    filters, fields = listed
    list_filters.refuse_unresolved(*fields)
    chosen, _ = search.order_by(sort)
    rows = vacancies.export_vacancies(session, user.principal, filters, chosen)
    return csv_response(vacancies.CSV_COLUMNS, rows, "vacancies.csv")


# ---- decisions (officers) --------------------------------------------------------------------


@router.post("/matches/{match_id}/decision")
def decide(
    request: Request,
    match_id: uuid.UUID,
    form: CsrfForm,
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    back = safe_next(text(form, "next"))
    kind = text(form, "decision")
    headcount = text(form, "headcount")
    try:
        # Validated from the form's strings: an unknown kind is a ValidationError like the rest.
        data = DecisionIn.model_validate(
            {
                "decision": kind,
                "note": text(form, "note"),
                "headcount": (int(headcount) if headcount.isdigit() else None)
                if kind == DecisionKind.APPROVED
                else None,
            }
        )
    except ValidationError as exc:
        message = "; ".join(
            str(e.get("msg", "")).removeprefix("Value error, ") for e in exc.errors()
        )
        raise Redirect(back, "error", f"The decision was not recorded: {message}.") from None
    try:
        decision = reviews.decide(session, settings, user.principal, match_id, data)
    except ProblemError as exc:
        if exc.status == 404:
            raise
        # Raised, so that the transaction rolls back; the officer reads why on the page.
        raise Redirect(back, "error", f"The decision was not recorded: {exc.detail}") from None
    message = f"{DECISIONS[decision.decision]} the match."
    if decision.decision == DecisionKind.APPROVED:
        message = f"Approved {decision.headcount} workers under {decision.pathway_code}."
    elif decision.decision == DecisionKind.WITHDRAWN:
        message = (
            f"Withdrew the approval of {decision.headcount} workers under {decision.pathway_code}."
        )
    # Approvals and withdrawals carry both (the checks tell the type checker so).
    code, year = decision.pathway_code, decision.quota_year
    moves_quota = decision.decision in (DecisionKind.APPROVED, DecisionKind.WITHDRAWN)
    if moves_quota and code is not None and year is not None:
        lines = reviews_repository.quota_lines(session, [(code, year)])
        if lines:
            q = lines[0]
            message += (
                f" {q.pathway} {q.year} quota: {q.used} of {q.quota} used, {q.remaining} left."
            )
    return redirect(request, back, "success", message)
