"""GET /api/v1/decisions.csv and GET /api/v1/matches/{match_id}/decisions.csv: the lists' rows
with the same filters, unpaged, formula-safe, with the lists' access rules (on the demo data)."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient

from app.common.csv_safe import neutralise
from app.reviews.router import DECISION_COLUMNS
from tests.market import eligible, owners

FORMULA = '=HYPERLINK("http://x")'


def _csv(client: TestClient, url: str, headers: dict[str, str], **params: Any) -> list[dict]:
    r = client.get(url, headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == DECISION_COLUMNS
    return list(reader)


def _paged(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """GET /api/v1/decisions read page by page (two items a page)."""
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(
            "/api/v1/decisions",
            headers=headers,
            params={**params, "limit": 2, "offset": len(items)},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _as_row(item: dict[str, Any]) -> dict[str, str]:
    return {name: neutralise(item[name]) for name in DECISION_COLUMNS}


def _decide(client: TestClient, headers, match_id, decision: str, **body: Any) -> None:
    r = client.post(
        f"/api/v1/matches/{match_id}/decisions",
        headers=headers,
        json={"decision": decision, **body},
    )
    assert r.status_code == 201, r.text


def test_the_exports_have_the_lists_rows_with_the_same_filters_and_access(
    demo_client, demo_database, demo_keys
) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    # Two pairs of different employers (and the ministry of the first).
    pairs = eligible(demo_database, 2)
    first = pairs[0]
    employer, ministry = owners(demo_database, first.vacancy_id, first.pool_id)
    second = next(m for m in pairs if owners(demo_database, m.vacancy_id, m.pool_id)[0] != employer)
    _decide(demo_client, officer, first.id, "shortlisted", note=FORMULA)
    _decide(demo_client, officer, first.id, "needs_information", note="CEFR certificates?")
    _decide(demo_client, officer, second.id, "rejected", note="-10 % below the wage floor")
    _decide(demo_client, officer, first.id, "approved", headcount=2)

    url = "/api/v1/decisions.csv"
    for params in (
        {},
        {"vacancy_id": str(first.vacancy_id)},
        {"pool_id": str(second.pool_id)},
        {"decision": "rejected"},
    ):
        rows = _csv(demo_client, url, officer, **params)
        assert rows == [_as_row(i) for i in _paged(demo_client, officer, **params)], params
    rows = _csv(demo_client, url, officer)
    assert [r["decision"] for r in rows] == [
        "approved",
        "rejected",
        "needs_information",
        "shortlisted",
    ]  # newest first
    assert rows[3]["note"] == "'" + FORMULA  # a spreadsheet shows it as text
    assert rows[1]["note"] == "'-10 % below the wage floor"
    assert rows[0]["headcount"] == "2" and rows[0]["pathway_code"] == first.pathway_code

    # An employer exports the decisions on its vacancies only, a ministry those on its pools.
    theirs = demo_keys["employer"][employer]
    mine = _csv(demo_client, url, theirs)
    assert mine == [_as_row(i) for i in _paged(demo_client, theirs)]
    assert {r["match_id"] for r in mine} == {str(first.id)}
    on_pools = _csv(demo_client, url, demo_keys["ministry"][ministry])
    assert str(first.id) in {r["match_id"] for r in on_pools}

    # The match's history: oldest first, as GET /api/v1/matches/{id}/decisions.
    history_url = f"/api/v1/matches/{first.id}/decisions"
    history = demo_client.get(history_url, headers=theirs).json()
    assert _csv(demo_client, f"{history_url}.csv", theirs) == [_as_row(d) for d in history]
    assert [d["decision"] for d in history] == ["shortlisted", "needs_information", "approved"]
    other = next(h for s, h in demo_keys["employer"].items() if s != employer)
    assert demo_client.get(f"{history_url}.csv", headers=other).status_code == 404


def test_the_exports_need_a_key(demo_client, demo_database) -> None:
    assert demo_client.get("/api/v1/decisions.csv").status_code == 401
    m = eligible(demo_database)[0]
    assert demo_client.get(f"/api/v1/matches/{m.id}/decisions.csv").status_code == 401
