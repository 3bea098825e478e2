"""Design section 8 for placements, every endpoint for every role: officers and admins read
and move every placement; an employer reads its vacancies' and records the destination side; a
ministry reads its pools' and records the origin side; another organisation's placement is a
404 (never a 403), and in a list it is not there."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.db import Database
from app.decisions.models import Decision
from tests.market import eligible, owners

PL = "/api/v1/placements"
TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture
def placement(demo_client: TestClient, demo_database: Database, demo_keys) -> dict[str, Any]:
    """An approved pair's placement with its owners' slugs."""
    with demo_database.session() as s:
        decided = set(s.scalars(select(Decision.match_id)))
    m = next(x for x in eligible(demo_database, 3) if x.id not in decided)
    officer = next(iter(demo_keys["officer"].values()))
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": 3},
    )
    assert r.status_code == 201, r.text
    employer, ministry = owners(demo_database, m.vacancy_id, m.pool_id)
    found = demo_client.get(PL, headers=officer, params={"pool_id": str(m.pool_id)}).json()
    (p,) = [x for x in found["items"] if x["vacancy_id"] == str(m.vacancy_id)]
    return {**p, "employer": employer, "ministry": ministry}


def _keys(demo_keys, placement) -> dict[str, dict[str, str]]:
    def other(role: str, own: str) -> dict[str, str]:
        return next(h for slug, h in demo_keys[role].items() if slug != own)

    return {
        "officer": next(iter(demo_keys["officer"].values())),
        "admin": next(iter(demo_keys["admin"].values())),
        "employer": demo_keys["employer"][placement["employer"]],
        "other_employer": other("employer", placement["employer"]),
        "ministry": demo_keys["ministry"][placement["ministry"]],
        "other_ministry": other("ministry", placement["ministry"]),
    }


def _move(source: str | None, to: str) -> dict[str, Any]:
    return {"from_stage": source, "to_stage": to, "count": 1, "on": TODAY}


#: role -> (GET one, in GET list, POST a move into "selected", into "contract_signed")
EXPECTED = {
    "officer": (200, True, 201, 201),
    "admin": (200, True, 201, 201),
    "employer": (200, True, 403, 201),
    "ministry": (200, True, 201, 403),
    "other_employer": (404, False, 404, 404),
    "other_ministry": (404, False, 404, 404),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_placement_endpoints_for_every_role(
    role: str, demo_client: TestClient, demo_keys, placement
) -> None:
    get_one, listed, select_status, sign_status = EXPECTED[role]
    headers = _keys(demo_keys, placement)[role]
    officer = _keys(demo_keys, placement)["officer"]
    pid = placement["id"]
    assert demo_client.get(f"{PL}/{pid}", headers=headers).status_code == get_one
    items = demo_client.get(PL, headers=headers, params={"limit": 200}).json()["items"]
    assert (pid in {p["id"] for p in items}) is listed
    # Every listed placement is the role's own (or any, for officers and admins).
    if role in ("employer", "ministry"):
        with_owner = demo_client.get(PL, headers=officer, params={"limit": 200}).json()["items"]
        owners = {p["id"] for p in with_owner}
        assert {p["id"] for p in items} <= owners
    r = demo_client.post(f"{PL}/{pid}/moves", headers=headers, json=_move(None, "selected"))
    assert r.status_code == select_status, r.text
    if select_status != 201:  # the next move needs a selected worker: an officer records it
        assert (
            demo_client.post(
                f"{PL}/{pid}/moves", headers=officer, json=_move(None, "selected")
            ).status_code
            == 201
        )
    r = demo_client.post(
        f"{PL}/{pid}/moves", headers=headers, json=_move("selected", "contract_signed")
    )
    assert r.status_code == sign_status, r.text
    # Bulk: the same rules per item; another organisation's placement is an unknown one.
    assert (
        demo_client.post(f"{PL}/{pid}/moves", headers=officer, json=_move(None, "selected"))
    ).status_code == 201
    r = demo_client.post(
        f"{PL}/moves",
        headers=headers,
        json={"moves": [{"placement_id": pid, **_move("selected", "contract_signed")}]},
    )
    expected_bulk = {201: 201, 403: 403, 404: 422}[sign_status]
    assert r.status_code == expected_bulk, r.text


def test_placements_need_a_key(demo_client: TestClient, placement) -> None:
    pid = placement["id"]
    assert demo_client.get(PL).status_code == 401
    assert demo_client.get(f"{PL}/{pid}").status_code == 401
    assert demo_client.post(f"{PL}/{pid}/moves", json=_move(None, "selected")).status_code == 401
