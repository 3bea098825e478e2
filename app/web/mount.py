"""Mounting the workspace on the app: its static files and its page routers."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.web.pages import (
    analytics,
    audit,
    auth,
    dashboard,
    pathways,
    placements,
    plans,
    pools,
    upload,
    vacancies,
)
from app.web.render import STATIC


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (
        auth,
        dashboard,
        vacancies,
        pools,
        placements,
        pathways,
        audit,
        analytics,
        upload,
        plans,
    ):
        app.include_router(module.router)
