"""The service's cross-cutting behaviour: health, metrics, errors, headers, limits, settings."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.config import DEV_SECRET, Settings
from app.main import create_app


def test_healthz_checks_the_database(client) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_an_unreachable_database(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from app.db import Database
    from tests.conftest import make_test_app

    # A directory where the database file should be: SQLite cannot open it.
    db = Database(f"sqlite:///{tmp_path}")
    with TestClient(make_test_app(db), raise_server_exceptions=False) as c:
        r = c.get("/healthz")
    db.dispose()
    assert r.status_code == 503
    assert r.headers["content-type"] == "application/problem+json"


def test_metrics_are_prometheus_text(database) -> None:
    settings = Settings(environment="test", database_url=database.url, metrics_token="scrape-me")
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as c:
        c.get("/healthz")
        r = c.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/plain")
        assert 'imdi_http_requests_total{method="GET",route="/healthz",status="200"}' in r.text


def test_metrics_are_hidden_outside_development_but_from_a_scraper(database) -> None:
    """Issue 13, item 9: route counts tell an outsider what the service does: /metrics
    answers the token or an address of metrics_networks, and is a 404 like any unknown path
    to everyone else (a wrong token, an API key, another address)."""
    settings = Settings(environment="test", database_url=database.url, metrics_token="scrape-me")
    app = create_app(settings, database)
    with TestClient(app, raise_server_exceptions=False) as c:  # its client is "testclient"
        unknown = c.get("/nothing-here")
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "scrape-me"}):
            r = c.get("/metrics", headers=headers)
            body = {**r.json(), "instance": "/nothing-here"}
            assert r.status_code == 404 and body == unknown.json(), headers
    local = Settings(environment="test", database_url=database.url)
    with TestClient(create_app(local, database), client=("127.0.0.1", 40000)) as c:
        assert c.get("/metrics").status_code == 200  # a Prometheus on the same host
    with TestClient(create_app(local, database), client=("203.0.113.9", 40000)) as c:
        assert c.get("/metrics").status_code == 404
    dev = Settings(environment="development", database_url=database.url)
    with TestClient(create_app(dev, database), client=("203.0.113.9", 40000)) as c:
        assert c.get("/metrics").status_code == 200


def test_openapi_and_docs_are_served(client) -> None:
    assert client.get("/openapi.json").json()["info"]["title"] == "imdi-match"
    assert client.get("/docs").status_code == 200


def test_unknown_route_is_a_problem_document(client) -> None:
    r = client.get("/api/v1/nothing-here")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == 404 and body["title"] == "Not found"


def test_invalid_query_is_422_with_the_field_path(client) -> None:
    r = client.get("/api/v1/taxonomy/occupations", params={"limit": 500})
    assert r.status_code == 422
    body = r.json()
    assert body["errors"][0]["field"] == "query.limit"
    assert "200" in body["errors"][0]["message"]


def test_security_headers_are_set(client) -> None:
    r = client.get("/healthz")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    # Outside development browsers are told to use HTTPS only (issue 13, item 9).
    assert r.headers["strict-transport-security"].startswith("max-age=31536000")


def test_no_hsts_on_a_developers_plain_http(database) -> None:
    dev = Settings(environment="development", database_url=database.url)
    with TestClient(create_app(dev, database)) as c:
        assert "strict-transport-security" not in c.get("/healthz").headers


def test_the_docs_have_the_sites_policy(client) -> None:
    """Swagger UI and ReDoc come from the service itself (issue 16): no CDN, no inline script."""
    site = client.get("/healthz").headers["content-security-policy"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-security-policy"] == site
    for asset in re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', docs.text):
        assert client.get(asset).status_code == 200, asset
    assert "<script>" not in docs.text


def test_redoc_has_the_sites_policy_and_a_style_nonce(client) -> None:
    site = client.get("/healthz").headers["content-security-policy"]
    first, second = client.get("/redoc"), client.get("/redoc")
    nonce = re.search(r'data-style-nonce="([^"]+)"', first.text)
    assert nonce is not None and "<script>" not in first.text
    assert first.headers["content-security-policy"] == site.replace(
        "style-src 'self'", f"style-src 'self' 'nonce-{nonce.group(1)}'"
    )
    assert nonce.group(1) not in second.text  # a fresh one per response
    for asset in re.findall(r'src="(/docs/assets/[^"]+)"', first.text):
        assert client.get(asset).status_code == 200, asset


def test_oversized_body_is_413_naming_the_limit(database) -> None:
    from fastapi.testclient import TestClient

    from app.main import create_app

    settings = Settings(environment="test", database_url=database.url, request_max_bytes=100)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as c:
        r = c.post("/api/v1/taxonomy/occupations", content=b"x" * 101)
    assert r.status_code == 413
    assert "100 bytes" in r.json()["detail"]


def test_chunked_oversized_body_is_413_not_a_parse_error(database) -> None:
    """No Content-Length: the limit is crossed while FastAPI reads the JSON body."""
    from fastapi.testclient import TestClient

    from app.main import create_app

    def chunks():
        for _ in range(5):
            yield b" " * 50

    settings = Settings(environment="test", database_url=database.url, request_max_bytes=100)
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as c:
        r = c.post(
            "/api/v1/vacancies", content=chunks(), headers={"content-type": "application/json"}
        )
        assert "content-length" not in r.request.headers
        small = c.post("/api/v1/vacancies", content=iter([b"{}"]), headers=r.request.headers)
    assert r.status_code == 413, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert "100 bytes" in r.json()["detail"]
    assert small.status_code == 401  # under the limit: on to the app


def test_uploads_have_their_own_body_limit(database) -> None:
    from fastapi.testclient import TestClient

    from app.main import create_app

    settings = Settings(
        environment="test",
        database_url=database.url,
        request_max_bytes=100,
        upload_max_bytes=1000,
    )
    envelope = 64 * 1024
    with TestClient(create_app(settings, database), raise_server_exceptions=False) as c:
        # Over the request limit, within the upload limit: the app answers (no API key).
        api = c.post("/api/v1/uploads", files={"file": ("a.csv", b"x" * 500)})
        big = c.post("/api/v1/uploads", content=b"x" * (1000 + envelope + 1))
        web = c.post("/upload", content=b"x" * (1000 + envelope + 1))
        other = c.post("/signin", content=b"x" * 101)
    assert api.status_code == 401
    assert big.status_code == web.status_code == 413
    assert f"{1000 + envelope} bytes" in web.json()["detail"]
    assert other.status_code == 413 and "100 bytes" in other.json()["detail"]


def test_body_limit_answers_413_over_the_apps_own_error() -> None:
    """An app that turns the interrupted read into its own error still answers 413."""
    import asyncio

    from starlette.responses import PlainTextResponse

    from app.middleware import BodySizeLimitMiddleware

    async def app(scope, receive, send) -> None:
        try:
            while (await receive()).get("more_body"):
                pass
        except Exception:
            await PlainTextResponse("bad body", status_code=400)(scope, receive, send)
            return
        await PlainTextResponse("ok")(scope, receive, send)

    def call(path: str, sizes: list[int]) -> list[dict]:
        messages = [
            {"type": "http.request", "body": b"x" * n, "more_body": i < len(sizes) - 1}
            for i, n in enumerate(sizes)
        ]
        sent: list[dict] = []

        async def receive() -> dict:
            return messages.pop(0)

        async def send(message: dict) -> None:
            sent.append(message)

        middleware = BodySizeLimitMiddleware(app, max_bytes=10, limits={"/big": 100})
        scope = {"type": "http", "method": "POST", "path": path, "headers": []}
        asyncio.run(middleware(scope, receive, send))
        return sent

    assert call("/x", [6, 6])[0]["status"] == 413
    assert call("/x", [6, 4])[0]["status"] == 200
    assert call("/big/one", [60, 40])[0]["status"] == 200
    assert call("/big/one", [60, 41])[0]["status"] == 413
    assert BodySizeLimitMiddleware(app, 1, limits={"/a": 2, "/a/b": 3}).limit_for("/a/b/c") == 3


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(ValidationError, match="IMDI_SECRET_KEY"):
        Settings(environment="production", secret_key=DEV_SECRET)
    ok = Settings(environment="production", secret_key="x" * 40)
    assert ok.environment == "production"


def test_database_url_defaults_to_a_sqlite_file(monkeypatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite:///") and settings.is_sqlite
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert Settings(_env_file=None).database_url == "postgresql+psycopg://u@h/db"
