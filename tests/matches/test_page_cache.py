"""The ranked-page cache builds a page once, however many requests ask for it at once, and a
build that fails leaves nothing behind (the next request builds it)."""

from __future__ import annotations

import threading
import time

import pytest

from app.matches.cache import PageCache


def test_concurrent_requests_for_a_new_page_build_it_once() -> None:
    cache = PageCache()
    builds: list[int] = []
    start = threading.Barrier(8)

    def build() -> bytes:
        builds.append(1)
        time.sleep(0.05)  # a ranking in progress while the others arrive
        return b"page"

    got: list[bytes] = []

    def ask() -> None:
        start.wait()
        got.append(cache.get_or_build("k", build))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [b"page"] * 8 and len(builds) == 1


def test_a_failed_build_is_not_cached_and_the_next_request_builds_again() -> None:
    cache = PageCache()

    def fail() -> bytes:
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        cache.get_or_build("k", fail)
    assert cache.get("k") is None
    assert cache.get_or_build("k", lambda: b"page") == b"page"


def test_the_cache_keeps_the_most_recently_used_pages() -> None:
    cache = PageCache(maxsize=2)
    for key in ("a", "b"):
        cache.put(key, key.encode())
    assert cache.get("a") == b"a"
    cache.put("c", b"c")
    assert cache.get("b") is None and cache.get("a") == b"a" and cache.get("c") == b"c"
