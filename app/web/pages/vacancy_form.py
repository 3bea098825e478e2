"""Posting a vacancy (employers): the form, its job-title suggestions, and the post."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from app.deps import SessionDep
from app.errors import ProblemError
from app.taxonomy.coding import suggest
from app.vacancies import service as vacancies
from app.vacancies.schemas import VacancyIn
from app.web.deps import CsrfForm, EmployerUser
from app.web.pages.common import form_errors, redirect, text, web_router
from app.web.render import render

router = web_router()

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
        return _form_page(request, user, values, errors=form_errors(exc), status=422)
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
