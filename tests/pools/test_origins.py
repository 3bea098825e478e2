"""A ministry publishes pools of its own country's workers, and of the origins an officer
allowed it (issue 13, item 9): any other origin is refused field by field, through the API
and in an upload's report (row and column), and nothing is stored."""

from __future__ import annotations

import pytest

from tests.audit.helpers import stored_events
from tests.pools.conftest import pool_payload
from tests.surveys.helpers import GOOD_ROW, csv_bytes, snapshot, upload

pytestmark = pytest.mark.postgres

POOLS = "/api/v1/pools"


def _origins(ministry) -> str:
    return f"/api/v1/ministries/{ministry.org_id}/origins"


def test_a_pool_of_another_origin_is_refused_until_an_officer_allows_it(
    client, database, actors, count_rows
) -> None:
    ministry, officer = actors["ministry"], actors["officer"]  # the ministry is of PH
    before = snapshot(count_rows)
    r = client.post(POOLS, json=pool_payload(origin_country="IN"), headers=ministry.headers)
    assert r.status_code == 422, r.text
    [error] = r.json()["errors"]
    assert error["field"] == "body.origin_country" and error["type"] == "origin_not_allowed"
    assert "PH" in error["message"] and "IN" in error["message"]
    assert snapshot(count_rows) == before

    r = client.put(_origins(ministry), json={"origins": ["IN", "PH"]}, headers=officer.headers)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "ministry_id": str(ministry.org_id),
        "country": "PH",
        "granted": ["IN"],
        "origins": ["IN", "PH"],
    }
    [event] = stored_events(database, action="set_origins")
    assert event.actor_id == officer.user_id and event.after == {"origins": ["IN"]}
    r = client.post(POOLS, json=pool_payload(origin_country="IN"), headers=ministry.headers)
    assert r.status_code == 201, r.text

    # Taken back: the published pool keeps its origin, the next one is refused.
    assert (
        client.put(_origins(ministry), json={"origins": []}, headers=officer.headers).json()[
            "granted"
        ]
        == []
    )
    r = client.post(
        POOLS, json=pool_payload(origin_country="IN", region="Kerala"), headers=ministry.headers
    )
    assert r.status_code == 422


def test_an_upload_row_of_another_origin_is_a_row_error_in_its_column(client, actors) -> None:
    ministry = actors["ministry"]
    foreign = GOOD_ROW.replace("PH,", "IN,", 1)
    r = upload(client, ministry.headers, csv_bytes(GOOD_ROW, foreign))
    assert r.status_code == 422, r.text
    errors = r.json()["errors"]
    assert [(e["row"], e["column"], e["value"]) for e in errors] == [(3, "origin_country", "IN")]
    assert "publishes pools of origin PH" in errors[0]["message"]
    assert client.get(POOLS, headers=ministry.headers).json()["total"] == 0
    r = upload(client, ministry.headers, csv_bytes(GOOD_ROW, foreign), on_error="skip")
    assert r.status_code == 201 and r.json()["rows_accepted"] == 1


def test_an_admin_writing_for_a_ministry_follows_the_ministry_s_origins(client, actors) -> None:
    r = client.post(
        POOLS,
        json=pool_payload(origin_country="IN"),
        params={"ministry_id": str(actors["ministry"].org_id)},
        headers=actors["admin"].headers,
    )
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "origin_not_allowed"


def test_who_reads_and_sets_a_ministry_s_origins(client, actors) -> None:
    ministry, other = actors["ministry"], actors["ministry2"]
    assert client.get(_origins(ministry), headers=ministry.headers).json()["origins"] == ["PH"]
    assert client.get(_origins(ministry), headers=other.headers).status_code == 404
    assert client.get(_origins(ministry), headers=actors["employer"].headers).status_code == 403
    assert client.get(_origins(ministry), headers=actors["officer"].headers).status_code == 200
    body = {"origins": ["IN"]}
    assert client.put(_origins(ministry), json=body, headers=ministry.headers).status_code == 403
    r = client.put(_origins(ministry), json={"origins": ["India"]}, headers=actors["admin"].headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"].startswith("body.origins")
    employer_org = f"/api/v1/ministries/{actors['employer'].org_id}/origins"
    assert client.get(employer_org, headers=actors["officer"].headers).status_code == 404
