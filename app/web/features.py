"""Optional parts of the workspace that appear when their domain service exists."""

from __future__ import annotations

import importlib.util
from functools import lru_cache


@lru_cache
def plans_enabled() -> bool:
    # Allocation plans are being built elsewhere; the page appears once the service does.
    return importlib.util.find_spec("app.allocation.service") is not None
