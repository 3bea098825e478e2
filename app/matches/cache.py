"""A per-application cache of serialised ranked-match pages.

Ranked matches are read far more often than they change, and a page with 50 explanations is
~150 kB of JSON that takes longer to build than to look up. Each entry is keyed by what the
page was built from (app/matches/router.py: the live market's change number and epoch, the
weights, the object's version and status), read on every request: any committed write makes a
new key, so a stale page can never be served. Entries are per process and per app instance.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.requests import Request


class PageCache:
    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
            return body

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """The page, built once: requests for a page being built wait for it rather than
        build it too (fifty clients asking for a new page at once cost one ranking)."""
        body = self.get(key)
        if body is not None:
            return body
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            body = self.get(key)
            if body is None:
                try:
                    body = build()
                    self.put(key, body)
                finally:
                    with self._lock:
                        self._building.pop(key, None)
        return body

    def put(self, key: Hashable, body: bytes) -> None:
        with self._lock:
            self._items[key] = body
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)


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
