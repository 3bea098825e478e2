"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI

import app.models  # noqa: F401  (configure every mapper at start-up)
from app import apidocs
from app.allocation.router import router as allocation_router
from app.analytics.router import router as analytics_router
from app.auditlog.router import router as audit_router
from app.auth.router import admin_router, me_router
from app.batch.router import router as batch_router
from app.changes import transaction_head
from app.config import Settings, get_settings
from app.db import Database
from app.errors import install_error_handlers
from app.health.router import router as health_router
from app.matches import adapters
from app.matches.live import Follower as MarketFollower
from app.matches.live import warm as warm_market
from app.matches.router import router as matches_router
from app.metrics import MetricsMiddleware
from app.middleware import (
    BodySizeLimitMiddleware,
    SecurityHeadersMiddleware,
    install_text_guard,
)
from app.openapi import install_problem_openapi, operation_id
from app.pathways.router import rates_router
from app.pathways.router import router as pathways_router
from app.placements.router import router as placements_router
from app.pools.router import ministries_router
from app.pools.router import router as pools_router
from app.reviews.router import router as reviews_router
from app.surveys.router import router as surveys_router
from app.taxonomy.router import router as taxonomy_router
from app.vacancies.router import router as vacancies_router
from app.web import mount as web_pages
from app.web.routing import browser_error_page
from app.webhooks.router import document_events
from app.webhooks.router import router as webhooks_router

UPLOAD_PREFIX = "/api/v1/uploads"
#: The web upload form has the upload limit too (checked as the form is parsed).
WEB_UPLOAD_PATH = "/upload"


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    adapters.weights_of(settings)  # bad IMDI_MATCH_WEIGHTS stop the start, not a request
    db = database or Database(settings.database_url, settings)
    logging.basicConfig(level=settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Build this process's live market before serving: the first ranking read is then as
        # fast as any other, and "serving" means ready (start-up is measured to here).
        warm_market(db, settings)
        to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        follower = None
        if settings.market_follow_seconds > 0:
            follower = MarketFollower(db, settings, settings.market_follow_seconds)
            follower.start()
        yield
        if follower is not None:
            follower.stop()
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
        # Our own /docs and /redoc (app/apidocs): FastAPI's load their assets from a CDN.
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.db = db
    # What caches of answers are keyed by (the API-key cache; see app/auth/deps.py).
    app.state.change_head = transaction_head

    # Browsers outside /api/ get HTML error pages; everyone else problem+json.
    install_error_handlers(app, html_page=browser_error_page)
    install_text_guard(app)
    install_problem_openapi(app)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.request_max_bytes,
        # The uploads: the file's limit and room for the multipart envelope. The API's own
        # streaming receiver refuses a file over its limit first, with a precise message.
        limits={
            UPLOAD_PREFIX: settings.upload_max_bytes + 64 * 1024,
            WEB_UPLOAD_PATH: settings.upload_max_bytes + 64 * 1024,
        },
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=not settings.is_development)

    app.include_router(health_router)
    app.include_router(taxonomy_router)
    app.include_router(vacancies_router)
    app.include_router(pools_router)
    app.include_router(ministries_router)
    app.include_router(surveys_router)
    app.include_router(matches_router)
    app.include_router(reviews_router)
    app.include_router(placements_router)
    app.include_router(allocation_router)
    app.include_router(batch_router)
    app.include_router(pathways_router)
    app.include_router(rates_router)
    app.include_router(audit_router)
    app.include_router(admin_router)
    app.include_router(me_router)
    app.include_router(analytics_router)
    app.include_router(webhooks_router)
    document_events(app.webhooks)
    apidocs.install(app)
    web_pages.install(app)  # the pages last: their paths are the most general
    return app
