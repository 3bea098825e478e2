"""GET /api/v1/allocation-plans.csv: the list's rows with the same filter, unpaged,
formula-safe, officers and admins only. Plans over the base data (no vacancies): empty plans,
solved at once."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient

from app.allocation.router import PLAN_COLUMNS
from app.common.csv_safe import neutralise

URL = "/api/v1/allocation-plans"
FORMULA = '=HYPERLINK("http://x")'


def _csv(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{URL}.csv", headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == PLAN_COLUMNS
    return list(reader)


def _paged(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(URL, headers=headers, params={**params, "limit": 2, "offset": len(items)})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _as_row(item: dict[str, Any]) -> dict[str, str]:
    row = dict(item)
    for name in ("destination", "origin", "occupation_prefix", "pathway"):
        row[f"scope_{name}"] = item["scope"].get(name)
    return {name: neutralise(row[name]) for name in PLAN_COLUMNS}


def test_the_export_has_the_lists_rows_with_the_same_filter(client, actors) -> None:
    officer = actors["officer"].headers
    bodies: list[dict[str, Any]] = [
        {"scope": {"destination": "ES", "origin": "MA", "pathway": "ES-GECCO-MA"}},
        {"scope": {"occupation_prefix": "2221"}, "min_score": 0.4, "origin_cap": 0.5},
        {"scope": {"pathway": FORMULA}},
        {},
    ]
    ids = []
    for body in bodies:
        r = client.post(URL, json=body, headers=officer)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = client.post(f"{URL}/{ids[1]}/adopt", headers=actors["admin"].headers)
    assert r.status_code == 200, r.text
    for params in ({}, {"status": "proposed"}, {"status": "adopted"}):
        rows = _csv(client, officer, **params)
        assert rows == [_as_row(i) for i in _paged(client, officer, **params)], params
    rows = _csv(client, actors["admin"].headers)
    assert [r["id"] for r in rows] == ids[::-1]  # newest first
    assert rows[1]["scope_pathway"] == "'" + FORMULA
    assert (rows[2]["status"], rows[2]["scope_occupation_prefix"]) == ("adopted", "2221")
    assert (rows[2]["origin_cap"], rows[2]["min_score"]) == ("0.5", "0.4")
    assert rows[3]["scope_destination"] == "ES" and rows[3]["adopted_at"] == ""


def test_only_officers_and_admins_export(client, actors) -> None:
    assert client.get(f"{URL}.csv").status_code == 401
    for role in ("employer", "ministry"):
        assert client.get(f"{URL}.csv", headers=actors[role].headers).status_code == 403
    r = client.get(f"{URL}.csv", headers=actors["officer"].headers, params={"status": "x"})
    assert r.status_code == 422
