"""The failed-authentication limits are isolated: bad passwords never block good keys, bad keys
never block sign-in, an account locks whatever address the guesses come from, and
X-Forwarded-For is believed only from a configured trusted proxy."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.auth.ratelimit import FAILED_AUTH, FailureLimiter, resolve_client
from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.conftest import BASE_URL
from tests.web.conftest import OFFICER, csrf_of, demo_people

__all__ = ["demo_people"]  # the web tests' fixture of demo users

pytestmark = pytest.mark.postgres

ADMIN = "admin@imdi-facilitation.example.org"
PROXY = ("127.0.0.1", 50000)


@pytest.fixture(autouse=True)
def _fresh_limits() -> Iterator[None]:
    FAILED_AUTH.reset()
    yield
    FAILED_AUTH.reset()


def _client(database: Database, *, peer: tuple[str, int] = PROXY, proxies: str = "") -> TestClient:
    settings = Settings(environment="test", database_url=database.url, trusted_proxies=proxies)
    return TestClient(
        create_app(settings, database),
        base_url=BASE_URL,
        client=peer,
        raise_server_exceptions=False,
    )


def _sign_in(client: TestClient, email: str, password: str, via: str | None = None) -> int:
    headers = {"X-Forwarded-For": via} if via else {}
    token = csrf_of(client.get("/signin", headers=headers).text)
    r = client.post(
        "/signin",
        data={"csrf_token": token, "email": email, "password": password, "next": "/"},
        headers=headers,
        follow_redirects=False,
    )
    return r.status_code


def _me(client: TestClient, key: str, via: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {key}"}
    if via:
        headers["X-Forwarded-For"] = via
    return client.get("/api/v1/me", headers=headers).status_code


def test_bad_passwords_from_an_address_never_block_a_good_key_from_it(
    demo_client, demo_people
) -> None:
    # A password spray: one guess per account, all from one address.
    for i in range(FAILED_AUTH.signin_client.max_failures):
        assert _sign_in(demo_client, f"user{i}@example.org", "guess") == 401
    assert _sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"]) == 429
    assert _me(demo_client, demo_people[OFFICER]["api_key"]) == 200


def test_bad_keys_from_an_address_never_block_a_good_key_or_sign_in_from_it(
    demo_client, demo_people
) -> None:
    for i in range(FAILED_AUTH.max_failures):
        assert _me(demo_client, f"imdi_bad{i:04d}") == 401
    blocked = demo_client.get("/api/v1/me", headers={"Authorization": "Bearer imdi_bad"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    assert _me(demo_client, demo_people[ADMIN]["api_key"]) == 200
    assert _sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"]) == 303


def test_an_account_locks_whatever_addresses_the_guesses_come_from(
    demo_database, demo_people
) -> None:
    with _client(demo_database, proxies="127.0.0.1") as client:
        limit = FAILED_AUTH.signin_account.max_failures
        for i in range(limit):
            assert _sign_in(client, OFFICER, "guess", via=f"198.51.100.{i}") == 401
        # Locked: even the right password, from an address that never failed, waits.
        assert _sign_in(client, OFFICER, demo_people[OFFICER]["password"], "192.0.2.7") == 429
        # Another account from one of those addresses is not held back.
        assert _sign_in(client, ADMIN, demo_people[ADMIN]["password"], "198.51.100.1") == 303
        # An email without an account locks the same way (no telling which emails exist).
        for i in range(limit):
            _sign_in(client, "nobody@example.org", "guess", via=f"203.0.113.{i}")
        assert _sign_in(client, "nobody@example.org", "guess", via="192.0.2.8") == 429


def test_a_good_sign_in_starts_the_account_count_again(demo_database, demo_people) -> None:
    with _client(demo_database, proxies="127.0.0.1") as client:
        limit = FAILED_AUTH.signin_account.max_failures
        for i in range(limit - 1):
            assert _sign_in(client, OFFICER, "typo", via=f"198.51.100.{i}") == 401
        assert _sign_in(client, OFFICER, demo_people[OFFICER]["password"], "192.0.2.1") == 303
        client.cookies.clear()
        for i in range(limit - 1):
            assert _sign_in(client, OFFICER, "typo", via=f"198.51.100.{i}") == 401


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(demo_database) -> None:
    limit = FAILED_AUTH.max_failures
    # No trusted proxy (the default): a client rotating X-Forwarded-For is one client.
    with _client(demo_database) as client:
        for i in range(limit):
            assert _me(client, f"imdi_bad{i:04d}", via=f"198.51.100.{i}") == 401
        assert _me(client, "imdi_bad9999", via="192.0.2.1") == 429
    FAILED_AUTH.reset()
    # A peer that is not the trusted proxy: its header is ignored as well.
    with _client(demo_database, peer=("192.0.2.50", 4000), proxies="127.0.0.1") as client:
        for i in range(limit):
            assert _me(client, f"imdi_bad{i:04d}", via=f"198.51.100.{i}") == 401
        assert _me(client, "imdi_bad9999", via="192.0.2.1") == 429
    FAILED_AUTH.reset()
    # Through the trusted proxy, each forwarded address is a client of its own.
    with _client(demo_database, proxies="127.0.0.0/8") as client:
        for i in range(limit + 5):
            assert _me(client, f"imdi_bad{i:04d}", via=f"198.51.100.{i}") == 401
        # ... and is limited as one.
        for i in range(limit):
            assert _me(client, f"imdi_other{i:02d}", via="192.0.2.1") == 401
        assert _me(client, "imdi_otherXX", via="192.0.2.1") == 429
        assert _me(client, "imdi_otherYY", via="192.0.2.2") == 401


def test_guesses_at_one_key_prefix_are_limited_across_addresses(demo_database) -> None:
    prefix = "imdi_AbCdEfG"
    with _client(demo_database, proxies="127.0.0.1") as client:
        for i in range(FAILED_AUTH.key_prefix.max_failures):
            assert _me(client, f"{prefix}guess{i}", via=f"198.51.100.{i}") == 401
        assert _me(client, f"{prefix}guess-more", via="192.0.2.1") == 429
        assert _me(client, "imdi_ZyXwVuTguess", via="192.0.2.1") == 401


def _nets(*values: str) -> list:
    return [ipaddress.ip_network(v) for v in values]


def test_resolve_client_reads_forwarded_hops_from_the_nearest() -> None:
    proxies = _nets("10.0.0.0/8", "::1")
    # Not from a proxy: the header is someone's claim, ignored.
    assert resolve_client("192.0.2.1", ["198.51.100.1"], proxies) == "192.0.2.1"
    # From a proxy: the nearest hop that is not a proxy; spoofed hops further left are ignored.
    assert resolve_client("10.0.0.2", ["6.6.6.6, 198.51.100.1, 10.0.0.3"], proxies) == (
        "198.51.100.1"
    )
    assert resolve_client("10.0.0.2", ["6.6.6.6", "198.51.100.1"], proxies) == "198.51.100.1"
    assert resolve_client("::1", ["[2001:db8::1]:443"], proxies) == "2001:db8::1"
    # No header, or a hop that is no address: the proxy itself (never the client's claim).
    assert resolve_client("10.0.0.2", [], proxies) == "10.0.0.2"
    assert resolve_client("10.0.0.2", ["198.51.100.1, junk"], proxies) == "10.0.0.2"
    assert resolve_client("testclient", ["198.51.100.1"], proxies) == "testclient"


def test_the_limiter_keeps_memory_bounded_under_a_spray() -> None:
    limiter = FailureLimiter(max_failures=3, window_seconds=60, max_keys=100)
    for i in range(1000):
        limiter.fail(f"spray-{i}")
    assert len(limiter._failures) <= 100
    for _ in range(10):
        limiter.fail("one")
    assert limiter.blocked("one") and len(limiter._failures["one"]) == 3
    limiter.forget("one")
    assert not limiter.blocked("one")


def test_trusted_proxies_are_read_as_a_comma_separated_list() -> None:
    settings = Settings(environment="test", trusted_proxies="10.0.0.5, 172.18.0.0/16,::1")
    assert [str(n) for n in settings.trusted_proxies] == ["10.0.0.5/32", "172.18.0.0/16", "::1/128"]
    assert Settings(environment="test").trusted_proxies == []  # none unless configured
    with pytest.raises(ValueError, match="network"):
        Settings(environment="test", trusted_proxies="localhost")
