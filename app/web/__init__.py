"""The web workspace: server-rendered pages (Jinja2) on the same app as the API.

`install(app)` mounts the static files and the page routers. Pages authenticate with a signed
session cookie (session.py) and check a CSRF token on every form (deps.py); they call the domain
services directly, never the HTTP API.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.web.render import STATIC


def install(app: FastAPI) -> None:
    from app.web.pages import (
        analytics,
        audit,
        auth,
        dashboard,
        pathways,
        plans,
        pools,
        upload,
        vacancies,
    )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (auth, dashboard, vacancies, pools, pathways, audit, analytics, upload, plans):
        app.include_router(module.router)
