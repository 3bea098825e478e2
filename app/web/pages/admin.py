"""The admin console: organisations, users and API keys, with their audit events."""

from __future__ import annotations

from app.web.pages.common import web_router

router = web_router()
