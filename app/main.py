"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.config import Settings, get_settings
from app.db import Database
from app.errors import install_error_handlers
from app.health.router import router as health_router
from app.metrics import metrics_middleware
from app.middleware import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from app.taxonomy.router import router as taxonomy_router

UPLOAD_PREFIX = "/api/v1/uploads"


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    db = database or Database(settings.database_url)
    logging.basicConfig(level=settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if database is None:  # only dispose what we created
            db.dispose()

    app = FastAPI(
        title="imdi-match",
        version="0.1.0",
        description=(
            "Matches labour demand in countries of destination with labour supply in countries "
            "of origin, only where a legal pathway admits the match, and explains every score."
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db

    install_error_handlers(app)
    app.middleware("http")(metrics_middleware)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.request_max_bytes,
        exempt_prefixes=(UPLOAD_PREFIX,),
    )
    app.add_middleware(SecurityHeadersMiddleware)

    app.include_router(health_router)
    app.include_router(taxonomy_router)
    return app
