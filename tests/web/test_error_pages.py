"""Error pages: a browser outside /api/ gets an HTML page (the site's look, a link home), the
API and every other client keep getting problem+json (issue 17, item 5)."""

from __future__ import annotations

import uuid

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from app.errors import wants_html
from tests.web.conftest import OFFICER, assert_no_inline_code, sign_in

pytestmark = pytest.mark.postgres

#: What Chromium sends for a page.
BROWSER = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
    "image/webp,*/*;q=0.8"
}


def _is_page(r, status: int, heading: str) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["cache-control"] == "no-store"
    html = r.text
    assert f'<h1 id="error-h">{heading}</h1>' in html
    assert '<link rel="stylesheet" href="/static/app.css">' in html  # the site's look
    assert '<a href="/">' in html  # a way home
    assert_no_inline_code(html)
    return html


@pytest.mark.parametrize("path", ["/nope", "/vacancies/not-a-uuid/x", "/uploads/x/y/z"])
def test_an_unknown_address_is_an_html_404_for_a_browser(client, path) -> None:
    html = _is_page(client.get(path, headers=BROWSER), 404, "Not found")
    assert "There is no such page" in html
    assert "Go to the home page" in html  # nobody is signed in: no session was needed


def test_the_api_and_other_clients_keep_problem_json(client) -> None:
    for path, headers in [
        ("/api/v1/nothing-here", BROWSER),  # the API answers JSON even to a browser
        ("/nope", {}),  # httpx sends */*: not a browser
        ("/nope", {"Accept": "application/json"}),
        ("/nope", {"Accept": "text/html;q=0, application/json"}),
    ]:
        r = client.get(path, headers=headers)
        assert r.status_code == 404, path
        assert r.headers["content-type"] == "application/problem+json", (path, headers)
        assert r.json()["title"] == "Not found"


def test_a_wrong_method_is_an_html_405_for_a_browser(client) -> None:
    r = client.get("/signout", headers=BROWSER)  # sign-out is a POST form
    _is_page(r, 405, "Not available this way")
    assert "POST" in r.headers["allow"]
    api = client.delete("/api/v1/taxonomy/occupations", headers=BROWSER)
    assert api.status_code == 405
    assert api.headers["content-type"] == "application/problem+json"


def test_a_signed_in_browser_gets_the_page_with_its_navigation(demo_client, demo_people) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    # A page route: its own handler draws the 404 (with the user's navigation).
    own = demo_client.get(f"/plans/{uuid.uuid4()}", headers=BROWSER)
    assert own.status_code == 404 and 'aria-label="Main"' in own.text
    assert "Back to the dashboard" in own.text
    # An unknown address is drawn before any session is read: no navigation, but a page.
    unknown = demo_client.get("/plans/x/y", headers=BROWSER)
    _is_page(unknown, 404, "Not found")


def test_a_500_page_does_not_leak_the_exception(database) -> None:
    from tests.conftest import make_test_app

    app: FastAPI = make_test_app(database)
    broken = APIRouter()

    @broken.get("/broken-page")
    def _page() -> None:
        raise RuntimeError("secret table users_passwords at /srv/app.py")

    @broken.get("/api/v1/broken")
    def _api() -> None:
        raise RuntimeError("secret table users_passwords at /srv/app.py")

    app.router.routes.insert(0, broken.routes[0])
    app.router.routes.insert(0, broken.routes[1])
    with TestClient(app, raise_server_exceptions=False) as c:
        html = _is_page(c.get("/broken-page", headers=BROWSER), 500, "Something went wrong")
        assert "secret" not in html and "RuntimeError" not in html
        assert "it has been logged" in html
        api = c.get("/api/v1/broken", headers=BROWSER)
        assert api.status_code == 500
        assert api.headers["content-type"] == "application/problem+json"
        assert "secret" not in api.text


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        ("text/html", True),
        ("text/html;q=0.5, application/json", True),
        ("application/xhtml+xml", True),
        ("TEXT/HTML", True),
        ("text/html;q=0", False),
        ("text/html;q=nonsense", False),
        ("*/*", False),
        ("", False),
        ("application/json", False),
    ],
)
def test_what_counts_as_a_browser(accept: str, html: bool) -> None:
    from starlette.requests import Request

    def request(path: str) -> Request:
        return Request(
            {
                "type": "http",
                "method": "GET",
                "path": path,
                "query_string": b"",
                "headers": [(b"accept", accept.encode())],
            }
        )

    assert wants_html(request("/vacancies/x")) is html
    assert wants_html(request("/api/v1/vacancies")) is False
    assert wants_html(request("/api")) is False
