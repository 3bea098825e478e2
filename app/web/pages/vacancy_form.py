"""Posting, editing, duplicating, closing and reopening a vacancy (employers).

One form serves the three: a new vacancy (its first language follows the destination country,
as the data says: app/vacancies/service.destination_language), an edit of one (the version it
was read at travels in the form: a vacancy changed meanwhile is not overwritten, the form comes
back with the person's values and says so) and a duplicate (a new vacancy prefilled from one).
Every coded field takes a name through a picker (country, language, occupation, sector, skills by
label) and shows what is wrong next to the field, keeping what was typed.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import Query, Request
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from app.deps import SessionDep
from app.errors import ProblemError
from app.pathways import service as pathways
from app.taxonomy.coding import suggest
from app.vacancies import service as vacancies
from app.vacancies.schemas import VacancyIn, VacancyOut, VacancyUpdate
from app.web import pickers
from app.web.deps import CsrfForm, EmployerUser
from app.web.identity import WebUser
from app.web.pages.common import redirect, text, web_router
from app.web.render import render
from app.web.routing import Redirect

router = web_router()

Mode = Literal["new", "edit", "duplicate"]

#: Plain text fields of the form and their defaults.
_TEXT_DEFAULTS: dict[str, str] = {
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
    "min_isced": "",
    "min_experience_years": "",
    "pathways": "",
    "status": "open",
}
#: Form field names of each language row: (language, minimum level, required at start of work).
LANGUAGE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("language", "language_level", "language_required"),
    ("language_2", "language_2_level", "language_2_required"),
    ("language_3", "language_3_level", "language_3_required"),
)
#: Skill rows shown at least (one more appears below the last filled one); "More skill rows"
#: adds SKILL_ROWS_STEP without JavaScript; at most SKILL_ROWS_MAX (the API takes 100).
SKILL_ROWS_MIN = 5
SKILL_ROWS_STEP = 5
SKILL_ROWS_MAX = 100
CEFR = ("A1", "A2", "B1", "B2", "C1", "C2")
#: The API's field paths -> the form field that shows the error ({i}: the list index).
_FIELD_OF = {
    "title": "title",
    "description": "description",
    "destination_country": "destination_country",
    "region": "region",
    "occupation": "occupation",
    "esco_occupation": "occupation",
    "sector": "sector",
    "openings": "openings",
    "start_date": "start_date",
    "contract": "contract_type",
    "contract.type": "contract_type",
    "contract.duration_months": "contract_months",
    "wage": "wage_amount",
    "wage.amount": "wage_amount",
    "wage.currency": "wage_currency",
    "wage.period": "wage_period",
    "min_isced": "min_isced",
    "min_experience_years": "min_experience_years",
    "employer_pays_fees": "employer_pays_fees",
    "status": "status",
}
#: Labels of the fields, for the summary of errors at the top of the form.
_LABELS = {
    "title": "Job title",
    "description": "Description",
    "destination_country": "Destination country",
    "region": "Region",
    "occupation": "Occupation",
    "sector": "Sector",
    "openings": "Openings",
    "start_date": "Start date",
    "contract_type": "Contract",
    "contract_months": "Contract length",
    "wage_amount": "Wage",
    "wage_currency": "Currency",
    "wage_period": "Wage period",
    "min_isced": "Minimum ISCED level",
    "min_experience_years": "Minimum years of experience",
    "pathways": "Legal pathways",
    "employer_pays_fees": "Fair recruitment",
    "status": "Publish as",
}


@dataclass
class Problems:
    """What is wrong with a posted form: messages by form field, and the summary on top."""

    by_field: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.by_field[name] = (
            f"{self.by_field[name]} {message}" if name in self.by_field else message
        )

    def add_new(self, name: str, message: str) -> None:
        """A schema's or the service's message, unless a picker already said what is wrong
        with the field (its "field required" would only repeat it)."""
        if name not in self.by_field:
            self.by_field[name] = message

    def summary(self) -> list[dict[str, str]]:
        return [
            {"field": _label(name), "message": message, "anchor": _field_id(name)}
            for name, message in self.by_field.items()
        ]

    def __bool__(self) -> bool:
        return bool(self.by_field)


def _label(name: str) -> str:
    if name in _LABELS:
        return _LABELS[name]
    if found := re.fullmatch(r"skill_(\d+)", name):
        return f"Skill {found.group(1)}"
    for i, (lang, _, _) in enumerate(LANGUAGE_ROWS, 1):
        if name == lang:
            return f"Language {i}"
    return name


def _field_id(name: str) -> str:
    return f"f-{name}"


# ---- the form's values -----------------------------------------------------------------------


def _skill_rows(values: dict[str, Any]) -> int:
    filled = [i for i in range(1, SKILL_ROWS_MAX + 1) if values.get(f"skill_{i}")]
    return max(SKILL_ROWS_MIN, (max(filled) + 1) if filled else 0)


def blank_values(session: Any, user: WebUser) -> dict[str, Any]:
    """A new vacancy's form: the destination is the employer's country, and the first language
    the one that country's pathways (or vacancies) ask for, if the data names one."""
    values: dict[str, Any] = dict(_TEXT_DEFAULTS)
    country = user.organisation_country
    values["destination_country"] = pickers.country_value(country)
    usual = vacancies.destination_language(session, country)
    for lang, level, required in LANGUAGE_ROWS:
        values[lang], values[level], values[required] = "", "", False
    if usual is not None:
        values["language"] = pickers.language_value(usual[0])
        values["language_level"] = usual[1]
    values["employer_pays_fees"] = True
    values["skill_rows"] = SKILL_ROWS_MIN
    values["derived_skills"] = []
    return values


def values_of(session: Any, v: VacancyOut) -> dict[str, Any]:
    """The form's values for a stored vacancy (an edit, or a duplicate's starting point)."""
    values: dict[str, Any] = dict(_TEXT_DEFAULTS)
    values.update(
        title=v.title,
        description=v.description,
        destination_country=pickers.country_value(v.destination_country),
        region=v.region or "",
        occupation=pickers.occupation_value(session, v.occupation),
        sector=pickers.sector_value(session, v.sector),
        openings=str(v.openings),
        start_date=v.start_date.isoformat(),
        contract_type=v.contract.type.value,
        contract_months=str(v.contract.duration_months or ""),
        min_isced="" if v.min_isced is None else str(v.min_isced),
        min_experience_years=""
        if v.min_experience_years is None
        else f"{v.min_experience_years:g}",
        pathways=", ".join(v.pathways),
        status=v.status,
        employer_pays_fees=v.employer_pays_fees,
    )
    if v.wage is not None:
        values.update(
            wage_amount=f"{v.wage.amount:f}".rstrip("0").rstrip("."),
            wage_currency=v.wage.currency,
            wage_period=v.wage.period.value,
        )
    for i, (lang, level, required) in enumerate(LANGUAGE_ROWS):
        row = v.languages[i] if i < len(v.languages) else None
        values[lang] = pickers.language_value(row.language) if row else ""
        values[level] = row.min_level if row else ""
        values[required] = bool(row and row.required)
    # Derived skills (the occupation's profile) are not shown: left empty, they stay derived.
    named = [s for s in v.skills if not s.derived]
    for i, s in enumerate(named, 1):
        values[f"skill_{i}"] = s.label
        values[f"importance_{i}"] = s.importance
    values["skill_rows"] = _skill_rows(values)
    values["derived_skills"] = [s.label for s in v.skills if s.derived]
    return values


def _posted(form: FormData) -> dict[str, Any]:
    values: dict[str, Any] = {k: text(form, k) for k in _TEXT_DEFAULTS}
    values["employer_pays_fees"] = form.get("employer_pays_fees") == "on"
    for lang, level, required in LANGUAGE_ROWS:
        values[lang], values[level] = text(form, lang), text(form, level)
        values[required] = form.get(required) == "on"
    rows = text(form, "skill_rows")
    count = min(max(int(rows), SKILL_ROWS_MIN), SKILL_ROWS_MAX) if rows.isdigit() else 0
    for i in range(1, max(count, SKILL_ROWS_MIN) + 1):
        values[f"skill_{i}"] = text(form, f"skill_{i}")
        values[f"importance_{i}"] = text(form, f"importance_{i}") or "essential"
    # The form before the pickers had one field of comma-separated skills: still taken.
    for extra in pickers.split_list(text(form, "skills")):
        i = next(j for j in range(1, SKILL_ROWS_MAX + 1) if not values.get(f"skill_{j}"))
        values[f"skill_{i}"], values[f"importance_{i}"] = extra, "essential"
    values["skill_rows"] = max(count, _skill_rows(values))
    # A suggestion picked from the list wins over what is typed in the occupation field.
    if choice := text(form, "occupation_choice"):
        values["occupation"] = choice
    values["derived_skills"] = []
    return values


# ---- values -> the API's document ------------------------------------------------------------


def _resolve(session: Any, values: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """The pickers' codes and the rest of the document (fields with an error left out; the
    schema and the service check what the pickers cannot)."""
    data: dict[str, Any] = {
        "title": values["title"],
        "description": values["description"],
        "openings": values["openings"] or None,
        "start_date": values["start_date"] or None,
        "employer_pays_fees": bool(values["employer_pays_fees"]),
        "contract": {
            "type": values["contract_type"],
            "duration_months": values["contract_months"] or None,
        },
        "region": values["region"] or None,
        "min_isced": values["min_isced"] or None,
        "min_experience_years": values["min_experience_years"] or None,
        "wage": {
            "amount": values["wage_amount"],
            "currency": values["wage_currency"].upper(),
            "period": values["wage_period"],
        }
        if values["wage_amount"]
        else None,
    }
    country = pickers.resolve_country(values["destination_country"])
    if country.error:
        problems.add("destination_country", country.error)
    elif country.code is None:
        problems.add("destination_country", "Name the country where the work is.")
    data["destination_country"] = country.code
    # A name or code from the list; anything else is a job title the service codes.
    occupation = values["occupation"]
    picked = pickers.resolve_occupation(session, occupation, unit_group=True)
    data["occupation"] = picked.code if picked.code else (occupation or None)
    if picked.error and re.fullmatch(r"\s*\d{1,4}\s*", occupation or ""):
        problems.add("occupation", picked.error)
    sector = pickers.resolve_sector(session, values["sector"])
    if sector.error:
        problems.add("sector", sector.error)
    elif sector.code is not None and not sector.code.isdigit():
        problems.add(
            "sector",
            f"{pickers.sector_value(session, sector.code)} is a section: pick one of its "
            "two-digit divisions.",
        )
    data["sector"] = sector.code if sector.code and sector.code.isdigit() else None
    languages: list[dict[str, Any]] = []
    for lang, level, required in LANGUAGE_ROWS:
        if not values[lang]:
            if values[level]:
                problems.add(lang, "Name the language of this level.")
            continue
        found = pickers.resolve_language(values[lang])
        if found.error or found.code is None:
            problems.add(lang, found.error or "Name a language.")
            continue
        if not values[level]:
            problems.add(lang, "Pick the minimum level of this language.")
            continue
        if any(x["language"] == found.code for x in languages):
            problems.add(lang, "This language is listed twice.")
            continue
        languages.append(
            {"language": found.code, "min_level": values[level], "required": values[required]}
        )
    data["languages"] = languages
    skills: list[dict[str, str]] = []
    values["skill_fields"] = []  # the row each skill sent came from (for the service's errors)
    for i in range(1, values["skill_rows"] + 1):
        typed = values.get(f"skill_{i}", "").strip()
        if not typed:
            continue
        # One row at a time: each unknown label's message goes next to its own row.
        ids, errors = pickers.resolve_skills(session, [typed])
        if not ids:
            problems.add(f"skill_{i}", errors[0] if errors else f"No skill is called {typed!r}.")
        elif all(s["skill"] != ids[0] for s in skills):  # the same skill twice: kept once
            skills.append({"skill": ids[0], "importance": values[f"importance_{i}"]})
            values["skill_fields"].append(f"skill_{i}")
    data["skills"] = skills
    data["pathways"] = [code.upper() for code in pickers.split_list(values["pathways"])]
    data["status"] = values["status"] if values["status"] in ("open", "draft") else "open"
    return data


def _schema_problems(exc: ValidationError, problems: Problems, rows: dict[str, Any]) -> None:
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        message = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        problems.add_new(_form_field(loc, rows), message)


def _form_field(loc: list[str], rows: dict[str, Any]) -> str:
    """The form field of an error's location (the API's path, "body." left out)."""
    parts = [p for p in loc if p != "body"]
    if not parts:
        return "title"
    head = parts[0]
    if head == "skills" and len(parts) > 1 and parts[1].isdigit():
        return rows["skills"][int(parts[1])] if int(parts[1]) < len(rows["skills"]) else "skill_1"
    if head == "languages" and len(parts) > 1 and parts[1].isdigit():
        index = int(parts[1])
        return rows["languages"][index] if index < len(rows["languages"]) else "language"
    if head == "pathways":
        return "pathways"
    dotted = ".".join(p for p in parts[:2] if not p.isdigit())
    return _FIELD_OF.get(dotted) or _FIELD_OF.get(head) or "title"


def _service_problems(exc: ProblemError, problems: Problems, rows: dict[str, Any]) -> None:
    if not exc.errors:
        problems.add("title", exc.detail)
        return
    for e in exc.errors:
        path = str(e.get("field", ""))
        loc = [p for p in re.split(r"[.\[\]]+", path) if p]
        problems.add_new(_form_field(loc, rows), str(e.get("message", exc.detail)))


def _rows(values: dict[str, Any]) -> dict[str, list[str]]:
    """Which form field each item of the document's lists came from (for their errors)."""
    return {
        "skills": list(values.get("skill_fields", [])),
        "languages": [lang for lang, _, _ in LANGUAGE_ROWS if values[lang]],
    }


# ---- the page --------------------------------------------------------------------------------


def _unit_groups(session: Any) -> list[pickers.Option]:
    names = pickers.occupation_names(session, unit_groups_only=True)
    return [pickers.Option(f"{t} ({c})", c) for c, t in names.items()]


def _divisions(session: Any) -> list[pickers.Option]:
    return [
        pickers.Option(f"{t} ({c})", c)
        for c, t in pickers.sector_names(session).items()
        if c.isdigit()
    ]


def _form_page(
    request: Request,
    session: Any,
    values: dict[str, Any],
    *,
    mode: Mode,
    vacancy: VacancyOut | None = None,
    problems: Problems | None = None,
    conflict: str | None = None,
    suggestions: list | None = None,
    status: int = 200,
) -> Response:
    problems = problems or Problems()
    action = {
        "new": "/vacancies/new",
        "duplicate": "/vacancies/new",
        "edit": f"/vacancies/{vacancy.id}/edit" if vacancy else "/vacancies/new",
    }[mode]
    return render(
        request,
        "vacancy_form.html",
        {
            "mode": mode,
            "vacancy": vacancy,
            "action": action,
            "values": values,
            "errors": problems.by_field,
            "summary": problems.summary(),
            "conflict": conflict,
            "suggestions": suggestions,
            "language_rows": LANGUAGE_ROWS,
            "level_options": [(level, level) for level in CEFR],
            "skill_rows": range(1, values["skill_rows"] + 1),
            "countries": pickers.country_options(),
            "languages": pickers.language_options(),
            "occupations": _unit_groups(session),
            "sectors": _divisions(session),
            "skills": pickers.skill_options(session),
            "pathway_options": [
                pickers.Option(p.code, p.code) for p in pathways.all_pathways(session)
            ],
        },
        status=status,
    )


def _own(session: Any, user: WebUser, vacancy_id: uuid.UUID) -> VacancyOut:
    """The employer's own vacancy (another organisation's is a 404, as everywhere)."""
    return vacancies.get_vacancy(session, user.principal, vacancy_id)


def _more_rows(values: dict[str, Any]) -> None:
    values["skill_rows"] = min(values["skill_rows"] + SKILL_ROWS_STEP, SKILL_ROWS_MAX)


@router.get("/vacancies/new")
def vacancy_form(
    request: Request,
    user: EmployerUser,
    session: SessionDep,
    from_: uuid.UUID | None = Query(None, alias="from"),
) -> Response:
    """A new vacancy's form; `from`: a duplicate of one of the employer's vacancies."""
    if from_ is not None:
        source = _own(session, user, from_)
        values = values_of(session, source)
        values["status"] = "open"
        return _form_page(request, session, values, mode="duplicate", vacancy=source)
    return _form_page(request, session, blank_values(session, user), mode="new")


@router.post("/vacancies/new")
def vacancy_create(
    request: Request,
    form: CsrfForm,
    user: EmployerUser,
    session: SessionDep,
) -> Response:
    values = _posted(form)
    mode: Mode = "duplicate" if text(form, "mode") == "duplicate" else "new"
    action = text(form, "action")
    if action == "suggest":
        found = suggest(session, values["title"], values["description"] or None, k=5)
        return _form_page(request, session, values, mode=mode, suggestions=found)
    if action == "more_skills":
        _more_rows(values)
        return _form_page(request, session, values, mode=mode)
    problems = Problems()
    data = _resolve(session, values, problems)
    rows = _rows(values)
    document: VacancyIn | None = None
    try:
        document = VacancyIn.model_validate(
            {k: v for k, v in data.items() if v is not None or k == "wage"}
        )
    except ValidationError as exc:
        _schema_problems(exc, problems, rows)
    if problems or document is None:
        return _form_page(request, session, values, mode=mode, problems=problems, status=422)
    try:
        out = vacancies.create_vacancy(session, user.principal, document, employer_id=None)
    except ProblemError as exc:
        if exc.status not in (409, 422):
            raise
        session.rollback()  # nothing half-written is committed with the error page
        _service_problems(exc, problems, rows)
        return _form_page(request, session, values, mode=mode, problems=problems, status=exc.status)
    coded = ""
    if out.occupation_coding is not None:
        coded = (
            f" The job title was coded to ISCO {out.occupation} {out.occupation_title} "
            f"(confidence {out.occupation_coding.confidence:.0%})."
        )
    posted = "is posted" if out.status == "open" else "is saved as a draft"
    return redirect(
        request, f"/vacancies/{out.id}", "success", f"Vacancy {out.title!r} {posted}.{coded}"
    )


# ---- edit --------------------------------------------------------------------------------------


@router.get("/vacancies/{vacancy_id}/edit")
def vacancy_edit_form(
    request: Request, vacancy_id: uuid.UUID, user: EmployerUser, session: SessionDep
) -> Response:
    vacancy = _own(session, user, vacancy_id)
    values = values_of(session, vacancy)
    values["version"] = str(vacancy.version)
    return _form_page(request, session, values, mode="edit", vacancy=vacancy)


def _patch(data: dict[str, Any], vacancy: VacancyOut, values: dict[str, Any]) -> dict[str, Any]:
    """What the edit changes, as a PATCH document: the service compares the rest, but an
    occupation sent again would drop how a job title was coded, and empty skill rows on a
    vacancy whose skills are derived keep them derived."""
    patch = {
        k: v
        for k, v in data.items()
        if k not in ("destination_country", "occupation", "skills", "status")
    }
    if data.get("occupation") and data["occupation"] != vacancy.occupation:
        patch["occupation"] = data["occupation"]
    if data["skills"] or any(not s.derived for s in vacancy.skills):
        patch["skills"] = data["skills"]
    if vacancy.status == "draft" and values["status"] in ("open", "draft"):
        patch["status"] = values["status"]
    return patch


@router.post("/vacancies/{vacancy_id}/edit")
def vacancy_update(
    request: Request,
    vacancy_id: uuid.UUID,
    form: CsrfForm,
    user: EmployerUser,
    session: SessionDep,
) -> Response:
    vacancy = _own(session, user, vacancy_id)
    values = _posted(form)
    values["version"] = text(form, "version")
    # The destination cannot change (post a new vacancy instead): the stored one is shown.
    values["destination_country"] = pickers.country_value(vacancy.destination_country)
    action = text(form, "action")
    if action == "suggest":
        found = suggest(session, values["title"], values["description"] or None, k=5)
        return _form_page(request, session, values, mode="edit", vacancy=vacancy, suggestions=found)
    if action == "more_skills":
        _more_rows(values)
        return _form_page(request, session, values, mode="edit", vacancy=vacancy)
    if not values["version"].isdigit():
        raise ProblemError(428, "The form did not say which version of the vacancy it edits.")
    problems = Problems()
    data = _resolve(session, values, problems)
    rows = _rows(values)
    patch: VacancyUpdate | None = None
    try:
        patch = VacancyUpdate.model_validate(_patch(data, vacancy, values))
    except ValidationError as exc:
        _schema_problems(exc, problems, rows)
    if problems or patch is None:
        return _form_page(
            request, session, values, mode="edit", vacancy=vacancy, problems=problems, status=422
        )
    try:
        out = vacancies.update_vacancy(
            session, user.principal, vacancy_id, patch, expected_version=int(values["version"])
        )
    except ProblemError as exc:
        if exc.status not in (409, 422):
            raise
        session.rollback()
        if exc.status == 409:
            # Changed since the form was read: nothing is written; the person's values come
            # back with the current version, so saving again is a choice made knowingly.
            current = _own(session, user, vacancy_id)
            values["version"] = str(current.version)
            conflict = (
                f"This vacancy was changed by someone else while you edited it (you started "
                f"from version {text(form, 'version')}, it is now version {current.version}). "
                "Your changes are not saved: they "
                "are kept below. Open the vacancy in another tab to see it as it is now; "
                "saving this form again replaces it with what is below."
            )
            return _form_page(
                request,
                session,
                values,
                mode="edit",
                vacancy=current,
                conflict=conflict,
                status=409,
            )
        _service_problems(exc, problems, rows)
        return _form_page(
            request, session, values, mode="edit", vacancy=vacancy, problems=problems, status=422
        )
    changed = "is saved" if out.version != vacancy.version else "has no change to save"
    return redirect(request, f"/vacancies/{out.id}", "success", f"Vacancy {out.title!r} {changed}.")


# ---- close and reopen ------------------------------------------------------------------------


def _status_change(
    request: Request,
    vacancy_id: uuid.UUID,
    form: FormData,
    user: WebUser,
    session: Any,
    action: Any,
    done: str,
) -> Response:
    version = text(form, "version")
    back = f"/vacancies/{vacancy_id}"
    try:
        out = action(
            session,
            user.principal,
            vacancy_id,
            expected_version=int(version) if version.isdigit() else None,
        )
    except ProblemError as exc:
        if exc.status != 409:
            raise
        raise Redirect(back, "error", f"Nothing was changed: {exc.detail}") from None
    return redirect(request, back, "success", f"Vacancy {out.title!r} {done}.")


@router.post("/vacancies/{vacancy_id}/close")
def vacancy_close(
    request: Request, vacancy_id: uuid.UUID, form: CsrfForm, user: EmployerUser, session: SessionDep
) -> Response:
    return _status_change(
        request,
        vacancy_id,
        form,
        user,
        session,
        vacancies.close_vacancy,
        "is closed: it is no longer matched",
    )


@router.post("/vacancies/{vacancy_id}/reopen")
def vacancy_reopen(
    request: Request, vacancy_id: uuid.UUID, form: CsrfForm, user: EmployerUser, session: SessionDep
) -> Response:
    return _status_change(
        request,
        vacancy_id,
        form,
        user,
        session,
        vacancies.reopen_vacancy,
        "is open again: it is matched with pools",
    )
