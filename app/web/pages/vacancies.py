"""Vacancies: the list, the form to post one, a vacancy with its ranked pools, and decisions."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from app.auth import repository as auth
from app.common.principal import Role
from app.common.schemas import SingleLine
from app.decisions import repository as decided
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError, field_path
from app.matches import repository as matches_repository
from app.matches import service as matches
from app.placements.schemas import PlacementFilters
from app.reviews import repository as reviews_repository
from app.reviews import service as reviews
from app.reviews.schemas import DecisionIn, DecisionKind
from app.taxonomy import repository as taxonomy
from app.taxonomy.coding import suggest
from app.vacancies import service as vacancies
from app.vacancies.schemas import VacancyFilters, VacancyIn
from app.web.deps import CsrfForm, CurrentWebUser, EmployerUser, OfficerUser
from app.web.matchview import skill_ids, view
from app.web.pages.common import PAGE_SIZE, page_offset, redirect, text, upper, web_router
from app.web.pages.placements import pipeline
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


@router.get("/vacancies")
def vacancy_list(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    settings: SettingsDep,
    destination: Annotated[SingleLine | None, Query(max_length=2)] = None,
    occupation: Annotated[SingleLine | None, Query(max_length=4, pattern=r"^\d{0,4}$")] = None,
    sector: Annotated[SingleLine | None, Query(max_length=2)] = None,
    status: Annotated[SingleLine | None, Query(max_length=10)] = None,
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
    filters = VacancyFilters(
        destination=upper(destination),
        occupation=occupation or None,
        sector=upper(sector),
        status=status if status in STATUSES else None,
    )
    page = vacancies.list_vacancies(session, principal, filters, limit=PAGE_SIZE, offset=start)
    # Eligible matches and best score of the page's vacancies: the count and the first match
    # of each one's ranking (a page is PAGE_SIZE vacancies).
    stats: dict[uuid.UUID, tuple[int, float]] = {}
    for v in page.items:
        best = matches_repository.best_of_vacancy(session, settings, principal, v.id)
        if best is not None:
            stats[v.id] = best
    return render(
        request,
        "vacancies.html",
        {
            "page": page,
            "filters": filters,
            "statuses": STATUSES,
            "stats": stats,
            "employers": auth.organisation_names(session, [v.employer_id for v in page.items]),
            "offset": start,
            "page_size": PAGE_SIZE,
            "query": {
                k: v
                for k, v in {
                    "destination": filters.destination,
                    "occupation": filters.occupation,
                    "sector": filters.sector,
                    "status": filters.status,
                }.items()
                if v
            },
        },
    )


# ---- post a vacancy (employers) --------------------------------------------------------------

_FORM_DEFAULTS: dict[str, Any] = {
    "title": "",
    "description": "",
    "destination_country": "",
    "region": "",
    "occupation": "",
    "sector": "",
    "openings": "1",
    "start_date": "",
    "contract_type": "permanent",
    "contract_months": "",
    "wage_amount": "",
    "wage_currency": "EUR",
    "wage_period": "month",
    "language": "en",
    "language_level": "",
    "language_required": False,
    "language_2": "",
    "language_2_level": "",
    "language_2_required": False,
    "min_isced": "",
    "min_experience_years": "",
    "skills": "",
    "employer_pays_fees": True,
    "status": "open",
}
#: Form field names of each language row: (language, minimum level, required at start of work).
LANGUAGE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("language", "language_level", "language_required"),
    ("language_2", "language_2_level", "language_2_required"),
)
_CHECKBOXES = ("employer_pays_fees", *(required for _, _, required in LANGUAGE_ROWS))


def _form_page(
    request: Request,
    user,
    values: dict[str, Any],
    *,
    errors: list | None = None,
    suggestions: list | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "vacancy_new.html",
        {
            "values": values,
            "errors": errors or [],
            "suggestions": suggestions,
            "language_rows": LANGUAGE_ROWS,
        },
        status=status,
    )


@router.get("/vacancies/new")
def vacancy_form(request: Request, user: EmployerUser) -> Response:
    values = {**_FORM_DEFAULTS, "destination_country": user.organisation_country}
    return _form_page(request, user, values)


def _vacancy_input(values: dict[str, Any]) -> dict[str, Any]:
    """Form values -> the API's vacancy document (empty fields left out)."""
    data: dict[str, Any] = {
        "title": values["title"],
        "description": values["description"],
        "destination_country": values["destination_country"],
        "occupation": values["occupation"],
        "openings": values["openings"] or None,
        "start_date": values["start_date"] or None,
        "employer_pays_fees": bool(values["employer_pays_fees"]),
        "status": values["status"] if values["status"] in ("open", "draft") else "open",
        "contract": {
            "type": values["contract_type"],
            "duration_months": values["contract_months"] or None,
        },
    }
    for name in ("region", "sector", "min_isced", "min_experience_years"):
        if values[name]:
            data[name] = values[name]
    if values["wage_amount"]:
        data["wage"] = {
            "amount": values["wage_amount"],
            "currency": values["wage_currency"],
            "period": values["wage_period"],
        }
    languages = [
        {
            "language": values[lang],
            "min_level": values[level],
            "required": bool(values[required]),
        }
        for lang, level, required in LANGUAGE_ROWS
        if values[lang] and values[level]
    ]
    if languages:
        data["languages"] = languages
    skills = [s.strip() for s in values["skills"].replace("\n", ",").split(",") if s.strip()]
    if skills:
        data["skills"] = [{"skill": s, "importance": "essential"} for s in skills]
    return data


def _values(form: FormData) -> dict[str, Any]:
    values: dict[str, Any] = {k: text(form, k) for k in _FORM_DEFAULTS}
    for name in _CHECKBOXES:
        values[name] = form.get(name) == "on"
    # A suggestion picked from the list wins over what is typed in the occupation field.
    if choice := text(form, "occupation_choice"):
        values["occupation"] = choice
    return values


def _form_errors(exc: ValidationError) -> list[dict[str, str]]:
    return [
        {
            "field": field_path(e.get("loc", ())),
            "message": str(e.get("msg", "invalid")).removeprefix("Value error, "),
        }
        for e in exc.errors()
    ]


@router.post("/vacancies/new")
def vacancy_create(
    request: Request,
    form: CsrfForm,
    user: EmployerUser,
    session: SessionDep,
) -> Response:
    values = _values(form)
    if form.get("action") == "suggest":
        found = suggest(session, values["title"], values["description"] or None, k=5)
        return _form_page(request, user, values, suggestions=found)
    try:
        data = VacancyIn.model_validate(_vacancy_input(values))
    except ValidationError as exc:
        return _form_page(request, user, values, errors=_form_errors(exc), status=422)
    try:
        out = vacancies.create_vacancy(
            session,
            user.principal,
            data,
            employer_id=None,
        )
    except ProblemError as exc:
        if exc.status not in (409, 422):
            raise
        session.rollback()  # nothing half-written is committed with the error page
        errors = exc.errors or [{"field": "", "message": exc.detail}]
        return _form_page(request, user, values, errors=errors, status=exc.status)
    coded = ""
    if out.occupation_coding is not None:
        coded = (
            f" The job title was coded to ISCO {out.occupation} {out.occupation_title} "
            f"(confidence {out.occupation_coding.confidence:.0%})."
        )
    return redirect(
        request, f"/vacancies/{out.id}", "success", f"Vacancy {out.title!r} is posted.{coded}"
    )


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
            "decision_labels": DECISIONS,
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            # What became of its approvals (an employer's or ministry's own: the service scopes).
            "placements": pipeline(session, principal, PlacementFilters(vacancy_id=row.id)),
        },
    )


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
