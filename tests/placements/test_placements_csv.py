"""GET /api/v1/placements.csv: the list's rows with the same filters, unpaged, with the
list's access rules (on the demo data). Placements hold no free text: their formula guard is
the shared one (tests/reviews/test_decisions_csv.py and the other exports check it)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from app.common.csv_safe import neutralise
from app.placements.export import COLUMNS as PLACEMENT_COLUMNS
from tests.market import eligible, owners

PL = "/api/v1/placements"
TODAY = datetime.now(UTC).date().isoformat()


def _csv(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{PL}.csv", headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == PLACEMENT_COLUMNS
    return list(reader)


def _paged(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(PL, headers=headers, params={**params, "limit": 1, "offset": len(items)})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _as_row(item: dict[str, Any]) -> dict[str, str]:
    row = dict(item)
    for stage, n in item["stages"].items():
        row[f"stages_{stage}"] = n
    return {name: neutralise(row[name]) for name in PLACEMENT_COLUMNS}


def test_the_export_has_the_lists_rows_with_the_same_filters_and_access(
    demo_client, demo_database, demo_keys
) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    pairs = eligible(demo_database, 3)
    first = pairs[0]
    employer, ministry = owners(demo_database, first.vacancy_id, first.pool_id)
    second = next(m for m in pairs if owners(demo_database, m.vacancy_id, m.pool_id)[0] != employer)
    for m, n in ((first, 3), (second, 2)):
        r = demo_client.post(
            f"/api/v1/matches/{m.id}/decisions",
            headers=officer,
            json={"decision": "approved", "headcount": n},
        )
        assert r.status_code == 201, r.text
    placement = _paged(demo_client, officer, vacancy_id=str(first.vacancy_id))[0]
    r = demo_client.post(
        f"{PL}/{placement['id']}/moves",
        headers=officer,
        json={"to_stage": "selected", "count": 2, "on": TODAY},
    )
    assert r.status_code == 201, r.text

    for params in (
        {},
        {"vacancy_id": str(first.vacancy_id)},
        {"pool_id": str(second.pool_id)},
        {"stage": "selected"},
        {"pathway": first.pathway_code},
        {"status": "withdrawn"},
    ):
        rows = _csv(demo_client, officer, **params)
        assert rows == [_as_row(i) for i in _paged(demo_client, officer, **params)], params
    (selected,) = _csv(demo_client, officer, stage="selected")
    assert (selected["id"], selected["stages_selected"]) == (placement["id"], "2")
    assert (selected["approved"], selected["awaiting"]) == ("3", "1")
    assert selected["approved_at"].endswith("Z") and selected["version"] == "2"

    # An employer exports its vacancies' placements only, a ministry its pools'.
    theirs = demo_keys["employer"][employer]
    assert {r["id"] for r in _csv(demo_client, theirs)} == {placement["id"]}
    assert _csv(demo_client, theirs) == [_as_row(i) for i in _paged(demo_client, theirs)]
    origin = demo_keys["ministry"][ministry]
    assert placement["id"] in {r["id"] for r in _csv(demo_client, origin)}
    assert _csv(demo_client, origin) == [_as_row(i) for i in _paged(demo_client, origin)]


def test_the_export_needs_a_key(demo_client) -> None:
    assert demo_client.get(f"{PL}.csv").status_code == 401
