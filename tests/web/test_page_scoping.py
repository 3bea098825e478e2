"""Each organisation reads only its own in the new pages and their downloads: a decision on one
employer's vacancy (and one ministry's pool) is invisible to every other employer and ministry,
whatever id they put in the query string."""

from __future__ import annotations

import csv
import io

import pytest

from tests.market import eligible, owners
from tests.web.conftest import as_user, csrf_of

pytestmark = pytest.mark.postgres


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_other_organisations_never_see_a_decision(officer, demo_database, demo_people) -> None:
    client, token = officer
    match = eligible(demo_database)[0]
    employer, ministry = owners(demo_database, match.vacancy_id, match.pool_id)
    r = client.post(
        f"/matches/{match.id}/decision",
        data={"csrf_token": token, "decision": "shortlisted", "note": "scoping", "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    query = {"vacancy": str(match.vacancy_id)}
    assert len(_csv_rows(client.get("/decisions.csv", params=query).text)) == 1

    other_employer = next(
        slug
        for slug, u in demo_people.items()
        if "@" not in slug and slug != employer and u.get("role") == "employer"
    )
    other_ministry = next(
        slug
        for slug, u in demo_people.items()
        if "@" not in slug and slug != ministry and u.get("role") == "ministry"
    )
    for slug, params in (
        (other_employer, query),
        (other_ministry, {"pool": str(match.pool_id)}),
    ):
        client.cookies.clear()
        as_user(client, demo_people, slug)
        page = client.get("/decisions", params=params)
        assert page.status_code == 200 and "scoping" not in page.text
        assert _csv_rows(client.get("/decisions.csv", params=params).text) == []
        # The officers' queue and the admin console are not theirs to open.
        assert client.get("/queue").status_code == 403
        assert client.get("/admin/users").status_code == 403
        assert client.get("/queue.csv").status_code == 403

    # The pair's own employer and ministry do read it.
    for slug, params in ((employer, query), (ministry, {"pool": str(match.pool_id)})):
        client.cookies.clear()
        as_user(client, demo_people, slug)
        assert len(_csv_rows(client.get("/decisions.csv", params=params).text)) == 1


def test_csv_downloads_are_never_cached(officer) -> None:
    client, _ = officer
    for path in ("/decisions.csv", "/pools.csv", "/vacancies.csv", "/audit.csv", "/queue.csv"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-store", path


def test_a_state_change_needs_the_forms_token(officer) -> None:
    client, token = officer
    assert csrf_of(client.get("/queue").text) == token
    r = client.post("/queue/decide", data={"decision": "rejected"}, follow_redirects=False)
    assert r.status_code == 403 and "security token" in r.text
