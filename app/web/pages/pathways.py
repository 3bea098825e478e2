"""Legal pathways: the list with quota usage, one pathway with usage per year, and its edit form
(officers and admins)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query, Request
from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from app.common.csv_safe import csv_response
from app.common.schemas import SingleLine
from app.common.vocabulary import PathwayKind
from app.deps import SessionDep, SettingsDep
from app.errors import ProblemError
from app.pathways import export
from app.pathways import service as pathways
from app.pathways.schemas import PathwayPatch
from app.reviews import repository as reviews
from app.reviews.repository import QuotaLine
from app.vacancies import repository as vacancies
from app.web import pickers
from app.web.charts import Bar, hbar_chart
from app.web.deps import CsrfForm, CurrentWebUser, OfficerUser
from app.web.pages.common import form_errors, redirect, text, web_router
from app.web.render import render

router = web_router()

KINDS = tuple(k.value for k in PathwayKind)
CONTRACT_TYPES = ("seasonal", "temporary", "permanent")


@router.get("/pathways")
def pathway_list(
    request: Request,
    user: CurrentWebUser,
    session: SessionDep,
    destination: Annotated[SingleLine | None, Query(max_length=100)] = None,
) -> Response:
    # A country by name or code; a name that is none stays in the field with the reason.
    picked = pickers.resolve_country(destination)
    rows, total = (
        ([], 0)
        if picked.error
        else pathways.list_pathways(session, destination=picked.code, limit=200)
    )
    usage: dict[str, QuotaLine] = {}
    for line in reviews.quota_lines(session):  # the fullest year of each pathway
        usage.setdefault(line.pathway, line)
    return render(
        request,
        "pathways.html",
        {
            "rows": rows,
            "total": total,
            "usage": usage,
            "destination": pickers.country_value(picked.code) if picked.code else destination or "",
            "destination_error": picked.error,
            "countries": pickers.country_options(),
        },
    )


@router.get("/pathways.csv")
def pathway_list_csv(
    user: CurrentWebUser,
    session: SessionDep,
    destination: Annotated[SingleLine | None, Query(max_length=100)] = None,
) -> Response:
    """The listed pathways as the API's export writes them (a name that is no country: 422)."""
    picked = pickers.resolve_country(destination)
    if picked.error:
        raise ProblemError(422, picked.error)
    rows = pathways.all_pathways(session, destination=picked.code)
    usage = pathways.current_usage(session, rows)
    return csv_response(
        export.PATHWAY_COLUMNS, [export.cells(r, usage[r.code]) for r in rows], "pathways.csv"
    )


def _years(session, row) -> list[int]:
    years = {u.year for u in pathways.quota_usage(session, row.code)}
    years |= vacancies.open_start_years(session, row.destination_country).get(
        row.destination_country, set()
    )
    return sorted(years)


def _page(
    request: Request,
    session,
    row,
    *,
    values: dict[str, Any] | None = None,
    errors: list | None = None,
    status: int = 200,
) -> Response:
    usage = {u.year: u for u in pathways.quota_usage(session, row.code)}
    lines = []
    for year in _years(session, row):
        u = usage.get(year)
        lines.append({"year": year, "quota": row.annual_quota, "used": u.used if u else 0})
    chart = None
    if row.annual_quota:
        chart = hbar_chart(
            [
                Bar(
                    str(ln["year"]),
                    ln["used"],
                    f"{ln['year']}: {ln['used']} of {row.annual_quota} used",
                    "bar-alert" if ln["used"] >= 0.8 * row.annual_quota else "bar-score",
                    f"{ln['used']} / {row.annual_quota}",
                )
                for ln in lines
            ],
            title=f"Quota usage of {row.code} per year",
            description=f"Approved headcount per calendar year against the annual quota of "
            f"{row.annual_quota}.",
        )
    return render(
        request,
        "pathway.html",
        {
            "row": row,
            "doc": pathways.pathway_document(row),
            "lines": lines,
            "chart": chart,
            "values": values or _form_values(pathways.pathway_document(row)),
            "errors": errors or [],
            "kinds": KINDS,
            "contract_types": CONTRACT_TYPES,
            "occupation_names": pickers.occupation_names(session),
            "sector_names": pickers.sector_names(session),
        },
        status=status,
    )


@router.get("/pathways/{code}")
def pathway_page(
    request: Request, code: SingleLine, user: CurrentWebUser, session: SessionDep
) -> Response:
    return _page(request, session, pathways.get_pathway(session, code))


def _form_values(doc: dict[str, Any]) -> dict[str, Any]:
    wage = doc.get("wage_threshold") or {}
    return {
        "name": doc["name"],
        "kind": doc["kind"],
        "origin_countries": ", ".join(doc["origin_countries"]),
        "occupations": ", ".join(doc["occupations"]),
        "excluded_occupations": ", ".join(doc["excluded_occupations"]),
        "sectors": ", ".join(doc["sectors"]),
        "languages": ", ".join(f"{x['language']}:{x['min_level']}" for x in doc["languages"]),
        "min_isced": "" if doc["min_isced"] is None else str(doc["min_isced"]),
        "min_experience_years": ""
        if doc["min_experience_years"] is None
        else str(doc["min_experience_years"]),
        "wage_amount": wage.get("amount", ""),
        "wage_currency": wage.get("currency", "EUR"),
        "wage_period": wage.get("period", "year"),
        "contract_types": list(doc["contract_types"]),
        "max_contract_months": ""
        if doc["max_contract_months"] is None
        else str(doc["max_contract_months"]),
        "annual_quota": "" if doc["annual_quota"] is None else str(doc["annual_quota"]),
        "government_to_government": doc["government_to_government"],
        "requires_employer_pays": doc["requires_employer_pays"],
        "valid_from": doc["valid_from"] or "",
        "valid_to": doc["valid_to"] or "",
        "source": doc["source"],
    }


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]


def _posted(form: FormData) -> dict[str, Any]:
    values: dict[str, Any] = {
        k: text(form, k)
        for k in (
            "name",
            "kind",
            "origin_countries",
            "occupations",
            "excluded_occupations",
            "sectors",
            "languages",
            "min_isced",
            "min_experience_years",
            "wage_amount",
            "wage_currency",
            "wage_period",
            "max_contract_months",
            "annual_quota",
            "valid_from",
            "valid_to",
            "source",
        )
    }
    values["contract_types"] = [v for v in form.getlist("contract_types") if v in CONTRACT_TYPES]
    values["government_to_government"] = form.get("government_to_government") == "on"
    values["requires_employer_pays"] = form.get("requires_employer_pays") == "on"
    return values


def _patch(values: dict[str, Any]) -> dict[str, Any]:
    """Form values -> a pathway patch: every field, empty ones as null (no value)."""
    languages = []
    for item in _split(values["languages"]):
        lang, _, level = item.partition(":")
        languages.append({"language": lang.strip(), "min_level": level.strip().upper()})
    wage = None
    if values["wage_amount"]:
        wage = {
            "amount": values["wage_amount"],
            "currency": values["wage_currency"],
            "period": values["wage_period"],
        }
    return {
        "name": values["name"],
        "kind": values["kind"],
        "origin_countries": [c.upper() for c in _split(values["origin_countries"])],
        "occupations": _split(values["occupations"]),
        "excluded_occupations": _split(values["excluded_occupations"]),
        "sectors": [s.upper() for s in _split(values["sectors"])],
        "languages": languages,
        "min_isced": values["min_isced"] or None,
        "min_experience_years": values["min_experience_years"] or None,
        "wage_threshold": wage,
        "contract_types": values["contract_types"],
        "max_contract_months": values["max_contract_months"] or None,
        "annual_quota": values["annual_quota"] or None,
        "government_to_government": values["government_to_government"],
        "requires_employer_pays": values["requires_employer_pays"],
        "valid_from": values["valid_from"] or None,
        "valid_to": values["valid_to"] or None,
        "source": values["source"],
    }


@router.post("/pathways/{code}")
def pathway_update(
    request: Request,
    code: SingleLine,
    form: CsrfForm,
    user: OfficerUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    row = pathways.get_pathway(session, code)
    values = _posted(form)
    version = text(form, "version")
    try:
        patch = PathwayPatch.model_validate(_patch(values))
    except ValidationError as exc:
        return _page(request, session, row, values=values, errors=form_errors(exc), status=422)
    if not version.isdigit():
        raise ProblemError(428, "The form did not say which version of the pathway it edits.")
    try:
        pathways.update_pathway(session, settings, user.principal, row.code, patch, int(version))
    except ValidationError as exc:
        return _page(request, session, row, values=values, errors=form_errors(exc), status=422)
    except ProblemError as exc:
        if exc.status != 422:
            raise  # a stale version (409) is a page of its own: reload and redo
        errors = exc.errors or [{"field": "", "message": exc.detail}]
        return _page(request, session, row, values=values, errors=errors, status=422)
    return redirect(
        request,
        f"/pathways/{row.code}",
        "success",
        f"Pathway {row.code} is saved; the matches it affects were ranked again.",
    )
