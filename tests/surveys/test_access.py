"""Who may upload and read uploads (design section 8)."""

from __future__ import annotations

import uuid

import pytest

from tests.surveys.helpers import GOOD_ROW, URL, csv_bytes, snapshot, upload


@pytest.fixture
def stored(client, actors) -> dict:
    """One accepted upload of the ministry (PH) and one rejected one."""
    h = actors["ministry"].headers
    accepted = upload(client, h, csv_bytes(GOOD_ROW))
    rejected = upload(client, h, csv_bytes(GOOD_ROW.replace(",120,", ",0,")))
    assert accepted.status_code == 201 and rejected.status_code == 422
    return {"accepted": accepted.json(), "rejected": rejected.json()["upload"]}


@pytest.mark.parametrize("role", ["employer", "officer"])
def test_only_ministries_and_admins_upload(client, actors, count_rows, role) -> None:
    headers = actors[role].headers
    before = snapshot(count_rows)
    r = upload(client, headers, csv_bytes(GOOD_ROW))
    assert r.status_code == 403
    assert snapshot(count_rows) == before


def test_an_admin_uploads_for_the_ministry_it_names(client, actors, count_rows) -> None:
    admin, ministry, employer = actors["admin"], actors["ministry"], actors["employer"]
    other = actors["ministry2"]  # the actors are made on first use: all of them before counting

    def send(actor, named=None):
        params = {"ministry_id": str(named.org_id)} if named is not None else {}
        return client.post(
            URL,
            headers=actor.headers,
            params=params,
            data={"mode": "pool_table"},
            files={"file": ("pools.csv", csv_bytes(GOOD_ROW))},
        )

    before = snapshot(count_rows)
    r = send(admin)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "query.ministry_id"
    assert send(admin, employer).status_code == 422  # not a ministry
    assert snapshot(count_rows) == before
    r = send(admin, ministry)
    assert r.status_code == 201, r.text
    assert r.json()["organisation_id"] == str(ministry.org_id)
    pools = client.get("/api/v1/pools", headers=ministry.headers).json()["items"]
    assert [p["upload_id"] for p in pools] == [r.json()["id"]]
    assert send(ministry, other).status_code == 403  # a ministry cannot name another one


def test_an_api_key_is_required(client, count_rows) -> None:
    before = snapshot(count_rows)
    assert upload(client, {}, csv_bytes(GOOD_ROW)).status_code == 401
    assert client.get(URL).status_code == 401
    assert snapshot(count_rows) == before


def test_a_ministry_reads_its_own_uploads_only(client, actors, stored) -> None:
    own = client.get(URL, headers=actors["ministry"].headers).json()
    assert own["total"] == 2
    assert {u["id"] for u in own["items"]} == {stored["accepted"]["id"], stored["rejected"]["id"]}
    assert "errors" not in own["items"][0]  # the list is a summary; the report is per upload

    h2 = actors["ministry2"].headers
    assert client.get(URL, headers=h2).json()["total"] == 0
    for upload_id in (stored["accepted"]["id"], stored["rejected"]["id"]):
        # Another organisation's upload is "not found", never "forbidden".
        assert client.get(f"{URL}/{upload_id}", headers=h2).status_code == 404
        assert client.get(f"{URL}/{upload_id}/report.csv", headers=h2).status_code == 404
    assert client.get(f"{URL}/{uuid.uuid4()}", headers=h2).status_code == 404


def test_officers_and_admins_read_all(client, actors, stored) -> None:
    for role in ("officer", "admin"):
        h = actors[role].headers
        assert client.get(URL, headers=h).json()["total"] == 2
        one = client.get(f"{URL}/{stored['rejected']['id']}", headers=h)
        assert one.status_code == 200 and one.json()["errors"][0]["column"] == "headcount"
        report = client.get(f"{URL}/{stored['rejected']['id']}/report.csv", headers=h)
        assert report.status_code == 200 and "headcount" in report.text


def test_employers_cannot_read_uploads(client, actors, stored) -> None:
    h = actors["employer"].headers
    assert client.get(URL, headers=h).status_code == 403
    assert client.get(f"{URL}/{stored['accepted']['id']}", headers=h).status_code == 403


def test_the_list_filters_and_paginates(client, actors, stored) -> None:
    h = actors["officer"].headers
    rejected = client.get(URL, headers=h, params={"status": "rejected"}).json()
    assert [u["id"] for u in rejected["items"]] == [stored["rejected"]["id"]]
    first = client.get(URL, headers=h, params={"limit": 1}).json()
    second = client.get(URL, headers=h, params={"limit": 1, "offset": 1}).json()
    assert first["total"] == 2 and len(first["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert client.get(URL, headers=h, params={"limit": 500}).status_code == 422


def test_the_upload_record_holds_the_report(client, actors, stored) -> None:
    h = actors["ministry"].headers
    body = client.get(f"{URL}/{stored['accepted']['id']}", headers=h).json()
    assert body["status"] == "accepted" and len(body["pool_ids"]) == 1
    assert body["report"]["pools"] == 1 and body["checksum"] == stored["accepted"]["checksum"]
