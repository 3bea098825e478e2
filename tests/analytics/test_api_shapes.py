"""The analytics JSON answers keep the service's shapes now that they have response models:
what the API sends is exactly what the service's rows say (no field dropped, renamed or
retyped), on the demo data."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.analytics import service
from app.config import Settings
from app.db import Database

ANALYTICS = "/api/v1/analytics"


def _officer(demo_users: list[dict[str, Any]]) -> dict[str, str]:
    officer = next(u for u in demo_users if u["role"] == "officer")
    return {"Authorization": f"Bearer {officer['api_key']}"}


def test_shortage_surplus_and_skills_gap_are_the_services_rows(
    demo_client: TestClient, demo_database: Database, demo_users: list[dict[str, Any]]
) -> None:
    headers = _officer(demo_users)
    settings = Settings(environment="test", database_url=demo_database.url)
    for by in service.GroupBy:
        r = demo_client.get(f"{ANALYTICS}/shortage-surplus", params={"by": by}, headers=headers)
        assert r.status_code == 200, r.text
        with demo_database.session() as s:
            rows = service.shortage_surplus(s, settings, by)
        body = r.json()
        assert body.pop("source")["kind"] == "live"  # its as_of is the request's
        assert body == {"by": by.value, "items": [row.as_dict() for row in rows]}
        assert rows, by

    r = demo_client.get(f"{ANALYTICS}/skills-gap", params={"top": 3}, headers=headers)
    assert r.status_code == 200, r.text
    with demo_database.session() as s:
        gaps = service.skills_gap(s, settings, 3)
    body = r.json()
    assert body.pop("source")["kind"] == "live"
    assert body == {"top": 3, "items": [g.as_dict() for g in gaps]}
    assert gaps


def test_the_dataset_page_keeps_every_column(
    demo_client: TestClient, demo_database: Database, demo_users: list[dict[str, Any]]
) -> None:
    from app.analytics.outcomes import DATASET_COLUMNS
    from tests.market import eligible

    # A decision, so that the dataset has a row to check.
    pair = eligible(demo_database)[0]
    r = demo_client.post(
        f"/api/v1/matches/{pair.id}/decisions",
        json={"decision": "shortlisted"},
        headers=_officer(demo_users),
    )
    assert r.status_code == 201, r.text
    r = demo_client.get(
        f"{ANALYTICS}/decisions-dataset.json", params={"limit": 5}, headers=_officer(demo_users)
    )
    assert r.status_code == 200, r.text
    page = r.json()
    assert set(page) == {"items", "total", "limit", "next_after"}
    assert page["items"]
    for row in page["items"]:
        assert list(row) == list(DATASET_COLUMNS)
