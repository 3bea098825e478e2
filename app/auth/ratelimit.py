"""A small in-process limiter for failed authentications (per client address).

Per process, which is enough to stop a key-guessing loop against one worker; a deployment
with many workers behind a proxy should also limit at the proxy.
"""

from __future__ import annotations

import threading
import time
from collections import deque


class FailureLimiter:
    def __init__(self, max_failures: int = 20, window_seconds: float = 60.0) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.get(key) or deque()
        while q and now - q[0] > self.window:
            q.popleft()
        # Only addresses with recent failures are kept, so the map cannot grow without bound.
        if q:
            self._failures[key] = q
        else:
            self._failures.pop(key, None)
        return q

    def fail(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            q = self._recent(key, now)
            q.append(now)
            self._failures[key] = q

    def blocked(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return len(self._recent(key, now)) >= self.max_failures

    def retry_after(self, key: str) -> int:
        now = time.monotonic()
        with self._lock:
            q = self._recent(key, now)
            return max(1, int(self.window - (now - q[0])) + 1) if q else 1

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


FAILED_AUTH = FailureLimiter()
