"""A per-application cache of serialised ranked-match pages.

Ranked matches are read far more often than they change, and a page with 50 explanations is
~150 kB of JSON that takes longer to build than to look up. Each entry is keyed by what the
page was built from (app/matches/router.py: the live market's change number and epoch, the
weights, the object's version and status), read on every request: any committed write makes a
new key, so a stale page can never be served. Entries are per process and per app instance.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from starlette.requests import Request

from app.common.lru import Lru


class PageCache(Lru[Hashable, bytes]):
    def __init__(self, maxsize: int = 512) -> None:
        super().__init__(maxsize)
        self._building: dict[Hashable, threading.Lock] = {}
        self._building_lock = threading.Lock()

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """The page, built once: requests for a page being built wait for it rather than
        build it too (fifty clients asking for a new page at once cost one ranking)."""
        body = self.get(key)
        if body is not None:
            return body
        with self._building_lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            body = self.get(key)
            if body is None:
                try:
                    body = build()
                    self.put(key, body)
                finally:
                    with self._building_lock:
                        self._building.pop(key, None)
        return body


_CREATE_LOCK = threading.Lock()


def page_cache(request: Request) -> PageCache:
    state = request.app.state
    cache = getattr(state, "match_page_cache", None)
    if cache is None:
        with _CREATE_LOCK:
            cache = getattr(state, "match_page_cache", None)
            if cache is None:
                cache = state.match_page_cache = PageCache()
    return cache
