"""Mounting the workspace on the app: its static files and its page routers."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.web.pages import (
    admin,
    analytics,
    audit,
    auth,
    batch_runs,
    dashboard,
    decisions,
    pathways,
    pick,
    placements,
    plans,
    pools,
    queue,
    upload,
    vacancies,
    vacancy_detail,
    vacancy_form,
)
from app.web.render import STATIC


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (
        auth,
        dashboard,
        vacancies,
        vacancy_form,  # before vacancy_detail: /vacancies/new is not a vacancy id
        vacancy_detail,
        pools,
        placements,
        pathways,
        audit,
        analytics,
        upload,
        plans,
        batch_runs,
        queue,
        decisions,
        admin,
        pick,
    ):
        app.include_router(module.router)
