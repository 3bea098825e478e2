"""The officers' work queue: matches shortlisted, needing information or waiting on a
decision, with bulk decisions."""

from __future__ import annotations

from app.web.pages.common import web_router

router = web_router()
