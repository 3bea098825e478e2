"""Limits on failed authentications, and who the client is.

Each kind of credential is counted apart, so that one cannot be used to lock out another:

- web sign-in: failures per account (the email, known or not, so that a lockout tells nothing
  about which accounts exist) and per client address; a locked account or address is refused
  before its password is checked (argon2 is the expensive part);
- API keys: failures per client address and per key prefix (a client completing a leaked prefix
  from many addresses). A valid key is never refused: it is checked first, and only a failing
  attempt meets the limit (answered 429 instead of 401). Guessing a 256-bit key is hopeless;
  the limit is there to make noisy clients back off, not to hold good ones up.

The client address is the connection's peer, unless that peer is one of the configured trusted
proxies (IMDI_TRUSTED_PROXIES): then it is the nearest address in X-Forwarded-For that is not a
trusted proxy. From anyone else the header is ignored, so rotating it dodges nothing. The server
must pass the raw peer through (uvicorn --no-proxy-headers; `imdi serve` and the image do).

In process and per worker: enough to slow a guessing loop against each worker; a deployment
with many workers should also limit at its proxy.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import deque
from collections.abc import Sequence

from pydantic import IPvAnyNetwork
from starlette.requests import Request


class FailureLimiter:
    """Failures per key in a sliding window; a key with max_failures recent ones is blocked."""

    def __init__(
        self, max_failures: int = 20, window_seconds: float = 60.0, max_keys: int = 100_000
    ) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self.max_keys = max_keys
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.get(key)
        if q is None:
            return deque(maxlen=self.max_failures)
        while q and now - q[0] > self.window:
            q.popleft()
        if not q:  # only keys with recent failures are kept
            del self._failures[key]
        return q

    def _make_room(self, now: float) -> None:
        # Many keys (a spray of emails or random key prefixes): drop the expired ones, and if
        # that is not enough the oldest, so that memory stays bounded whatever is sent.
        # Down to nine tenths, so that a steady spray pays for this once per many new keys.
        for key in list(self._failures):
            self._recent(key, now)
        while len(self._failures) > self.max_keys * 9 // 10:
            self._failures.pop(next(iter(self._failures)))

    def fail(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            q = self._recent(key, now)
            if key not in self._failures and len(self._failures) >= self.max_keys:
                self._make_room(now)
            # At most max_failures kept per key: blocked is "that many within the window".
            q.append(now)
            self._failures[key] = q

    def wait(self, key: str) -> int | None:
        """Seconds until `key` may try again, or None when it is not blocked."""
        now = time.monotonic()
        with self._lock:
            q = self._recent(key, now)
            if len(q) < self.max_failures:
                return None
            return max(1, int(self.window - (now - q[0])) + 1)

    def blocked(self, key: str) -> bool:
        return self.wait(key) is not None

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


def _longest(*waits: int | None) -> int | None:
    found = [w for w in waits if w is not None]
    return max(found) if found else None


class AuthLimits:
    """The failed-authentication limits of this process, one counter per kind of key."""

    def __init__(self) -> None:
        self.signin_client = FailureLimiter(20, 60.0)
        # Ten wrong passwords in a quarter of an hour: enough for someone who mistypes, far too
        # few for a guesser, however many addresses it comes from.
        self.signin_account = FailureLimiter(10, 15 * 60.0)
        self.key_client = FailureLimiter(20, 60.0)
        self.key_prefix = FailureLimiter(20, 60.0)

    # The API client limit, as the tests and the docs name it.
    @property
    def max_failures(self) -> int:
        return self.key_client.max_failures

    @property
    def window(self) -> float:
        return self.key_client.window

    # -- web sign-in

    def signin_wait(self, client: str, account: str) -> int | None:
        return _longest(self.signin_client.wait(client), self.signin_account.wait(account))

    def signin_failed(self, client: str, account: str) -> None:
        self.signin_client.fail(client)
        self.signin_account.fail(account)

    def signin_succeeded(self, account: str) -> None:
        # The account's count starts again; the address's does not (else an attacker with an
        # account of its own could clear its address between guesses).
        self.signin_account.forget(account)

    # -- API keys

    def key_wait(self, client: str, prefix: str) -> int | None:
        return _longest(self.key_client.wait(client), self.key_prefix.wait(prefix))

    def key_failed(self, client: str, prefix: str) -> None:
        self.key_client.fail(client)
        self.key_prefix.fail(prefix)

    def reset(self) -> None:
        for limiter in (self.signin_client, self.signin_account, self.key_client, self.key_prefix):
            limiter.reset()


FAILED_AUTH = AuthLimits()


# ---- who the client is ------------------------------------------------------------------------


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _trusted(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None,
    proxies: Sequence[IPvAnyNetwork],
) -> bool:
    return address is not None and any(address in network for network in proxies)


def resolve_client(
    peer: str, forwarded_for: Sequence[str], proxies: Sequence[IPvAnyNetwork]
) -> str:
    """The client's address: `peer` unless it is a trusted proxy; then the X-Forwarded-For hops
    are read from the right (the nearest first), skipping trusted proxies, and the first other
    one is the client. A hop that is not an address ends the walk at the proxy that sent it."""
    current = _address(peer)
    if not _trusted(current, proxies):
        return peer
    hops = [hop for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break
        current = address
        if not _trusted(address, proxies):
            break
    return str(current)


def client_address(request: Request) -> str:
    """The client of this request, for the limits above (and for logs)."""
    peer = request.client.host if request.client else "unknown"
    proxies = request.app.state.settings.trusted_proxies
    if not proxies:
        return peer
    return resolve_client(peer, request.headers.getlist("x-forwarded-for"), proxies)
