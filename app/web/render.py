"""Rendering pages: the Jinja2 environment, its filters, and the navigation of each role."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from app.common import codes
from app.common.principal import Role
from app.web import session as web_session
from app.web.identity import WebUser

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# StrictUndefined: a misspelt variable is an error in the tests, not a silently empty cell.
env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _country(code: str | None) -> str:
    if not code:
        return ""
    return codes.countries().get(code, ("", code))[1]


def _language(code: str | None) -> str:
    return codes.languages().get(code or "", code or "")


def _pct(value: float | None, digits: int = 0) -> str:
    return "" if value is None else f"{value:.{digits}%}"


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") + " UTC"
    return value.isoformat()


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 row', '2 rows', '1,000 rows' ('many' when the plural is not one + s)."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _label(value: str | None) -> str:
    return (value or "").replace("_", " ")


env.filters.update(
    country=_country, language=_language, pct=_pct, num=_num, when=_when, label=_label
)
env.globals["isced_levels"] = codes.ISCED_LEVELS
env.globals["plural"] = plural


def nav_for(role: Role) -> list[tuple[str, str]]:
    """(path, label) of the navigation a role sees: only what it may open."""
    if role in (Role.OFFICER, Role.ADMIN):
        officer = [
            ("/", "Dashboard"),
            ("/queue", "Work queue"),
            ("/decisions", "Decisions"),
            ("/vacancies", "Vacancies"),
            ("/pools", "Pools"),
            ("/placements", "Placements"),
            ("/pathways", "Pathways"),
            ("/analytics", "Analytics"),
            ("/plans", "Allocation plans"),
            ("/batch-runs", "Batch runs"),
            ("/audit", "Audit log"),
        ]
        return [*officer, ("/admin", "Administration")] if role is Role.ADMIN else officer
    if role is Role.EMPLOYER:
        return [
            ("/", "Dashboard"),
            ("/vacancies", "My vacancies"),
            ("/vacancies/new", "Post a vacancy"),
            ("/placements", "Placements"),
            ("/pathways", "Pathways"),
        ]
    return [
        ("/", "Dashboard"),
        ("/pools", "My pools"),
        ("/upload", "Upload a survey"),
        ("/vacancies", "Matched vacancies"),
        ("/placements", "Placements"),
        ("/pathways", "Pathways"),
    ]


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    user: WebUser | None = None,
    csrf: str | None = None,
) -> HTMLResponse:
    settings = request.app.state.settings
    user = user or getattr(request.state, "web_user", None)
    flash = web_session.pop_flash(request, settings)

    page = env.get_template(template).render(
        request=request,
        path=request.url.path,
        user=user,
        nav=nav_for(user.principal.role) if user else [],
        csrf=csrf or (user.csrf if user else ""),
        flash=flash,
        **(context or {}),
    )
    response = HTMLResponse(page, status_code=status)
    # Pages show who is signed in and their data: never from a shared cache.
    response.headers["Cache-Control"] = "no-store"
    if flash is not None:
        response.delete_cookie(web_session.FLASH_COOKIE, path="/")
    return response
