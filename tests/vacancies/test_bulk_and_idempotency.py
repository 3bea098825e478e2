"""Bulk vacancy submission (each item on its own) and Idempotency-Key retries."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.vacancies.models import Vacancy
from tests.vacancies.conftest import vacancy_payload

URL = "/api/v1/vacancies"
BULK = f"{URL}/bulk"


def _mixed() -> list[Any]:
    return [
        vacancy_payload(external_ref="A"),
        vacancy_payload(external_ref="B", occupation="9999"),
        "not an object",
        vacancy_payload(external_ref="C", skills=[{"skill": "no-such-skill"}]),
        vacancy_payload(external_ref="D", openings=0, colour="red"),
        vacancy_payload(external_ref="E", skills=[], occupation="5322", sector="87"),
    ]


def test_bulk_creates_the_valid_items_and_reports_the_others(
    client, actors, database, snapshot
) -> None:
    employer = actors["employer"]
    before = snapshot()
    r = client.post(BULK, json=_mixed(), headers=employer.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["created"] == 2 and body["failed"] == 4
    results = body["results"]
    assert [x["index"] for x in results] == list(range(6))
    assert [x["status"] for x in results] == [
        "created", "error", "error", "error", "error", "created",
    ]  # fmt: skip
    assert results[1]["errors"][0]["field"] == "[1].occupation"
    assert results[2]["errors"][0]["field"] == "[2]"
    assert results[3]["errors"][0]["field"] == "[3].skills[0].skill"
    assert {e["field"] for e in results[4]["errors"]} == {"[4].openings", "[4].colour"}
    assert "id" not in results[1] and "errors" not in results[0]

    after = snapshot()
    assert after["vacancies"] == before["vacancies"] + 2
    assert after["audit_events"] == before["audit_events"] + 2
    with database.session() as s:
        stored = {v.external_ref: str(v.id) for v in s.scalars(select(Vacancy))}
    assert stored == {"A": results[0]["id"], "E": results[5]["id"]}
    # The created ones are complete vacancies, skills derived where none were named.
    e = client.get(f"{URL}/{results[5]['id']}", headers=employer.headers).json()
    assert e["skills"] and all(s["derived"] for s in e["skills"])


def test_bulk_with_every_item_valid_is_201(client, actors, snapshot) -> None:
    before = snapshot()
    items = [vacancy_payload(external_ref=f"R{i}") for i in range(5)]
    r = client.post(BULK, json=items, headers=actors["employer"].headers)
    assert r.status_code == 201
    assert r.json()["created"] == 5 and r.json()["failed"] == 0
    assert snapshot()["vacancies"] == before["vacancies"] + 5


def test_bulk_duplicate_external_refs_fail_per_item(client, actors) -> None:
    employer = actors["employer"]
    existing = client.post(URL, json=vacancy_payload(external_ref="X"), headers=employer.headers)
    items = [
        vacancy_payload(external_ref="X"),
        vacancy_payload(external_ref="Y"),
        vacancy_payload(external_ref="Y"),
    ]
    body = client.post(BULK, json=items, headers=employer.headers).json()
    assert [x["status"] for x in body["results"]] == ["error", "created", "error"]
    assert body["results"][0]["errors"][0]["field"] == "[0].external_ref"
    assert existing.json()["id"] in body["results"][0]["errors"][0]["message"]
    assert "item 1" in body["results"][2]["errors"][0]["message"]


def test_bulk_over_the_limit_is_413_naming_it(client, actors, snapshot) -> None:
    client.app.state.settings.bulk_max_items = 3
    before = snapshot()
    r = client.post(BULK, json=[vacancy_payload()] * 4, headers=actors["employer"].headers)
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/problem+json"
    assert "3" in r.json()["detail"] and r.json()["limit"] == 3
    assert snapshot() == before


def test_bulk_body_must_be_an_array(client, actors) -> None:
    r = client.post(BULK, json=vacancy_payload(), headers=actors["employer"].headers)
    assert r.status_code == 422


def test_bulk_access(client, actors, snapshot) -> None:
    before = snapshot()
    for role in ("officer", "ministry"):
        r = client.post(BULK, json=[vacancy_payload()], headers=actors[role].headers)
        assert r.status_code == 403
    assert client.post(BULK, json=[vacancy_payload()]).status_code == 401
    r = client.post(BULK, json=[vacancy_payload()], headers=actors["admin"].headers)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "query.employer_id"
    assert snapshot() == before


# ---- Idempotency-Key ---------------------------------------------------------------------------


def test_retried_bulk_returns_the_first_response_and_creates_nothing(
    client, actors, snapshot
) -> None:
    headers = {**actors["employer"].headers, "Idempotency-Key": "batch-2027-01"}
    first = client.post(BULK, json=_mixed(), headers=headers)
    assert first.status_code == 200
    created = snapshot()
    again = client.post(BULK, json=_mixed(), headers=headers)
    assert again.status_code == first.status_code
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert snapshot() == created


def test_retried_create_returns_the_same_vacancy(client, actors, snapshot) -> None:
    headers = {**actors["employer"].headers, "Idempotency-Key": str(uuid.uuid4())}
    first = client.post(URL, json=vacancy_payload(), headers=headers)
    assert first.status_code == 201
    created = snapshot()
    again = client.post(URL, json=vacancy_payload(), headers=headers)
    assert again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["etag"] == '"1"'
    assert snapshot() == created
    # Without a key, the same body is a second vacancy.
    other = client.post(URL, json=vacancy_payload(), headers=actors["employer"].headers)
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


def test_same_key_with_another_body_is_refused(client, actors, snapshot) -> None:
    headers = {**actors["employer"].headers, "Idempotency-Key": "k-1"}
    assert client.post(URL, json=vacancy_payload(), headers=headers).status_code == 201
    before = snapshot()
    r = client.post(URL, json=vacancy_payload(openings=9), headers=headers)
    assert r.status_code == 422
    assert "another request" in r.json()["detail"]
    r = client.post(BULK, json=[vacancy_payload()], headers=headers)
    assert r.status_code == 422, "same key on another path"
    assert snapshot() == before


def test_keys_belong_to_their_user(client, actors) -> None:
    key = {"Idempotency-Key": "shared-key"}
    a = client.post(URL, json=vacancy_payload(), headers={**actors["employer"].headers, **key})
    b = client.post(URL, json=vacancy_payload(), headers={**actors["employer2"].headers, **key})
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]


def test_a_failed_request_does_not_burn_its_key(client, actors, snapshot) -> None:
    headers = {**actors["employer"].headers, "Idempotency-Key": "k-retry"}
    before = snapshot()
    bad = client.post(URL, json=vacancy_payload(occupation="9999"), headers=headers)
    assert bad.status_code == 422
    assert snapshot() == before, "the key record was rolled back with the request"
    ok = client.post(URL, json=vacancy_payload(occupation="9999"), headers=headers)
    assert ok.status_code == 422


def test_invalid_key_is_422(client, actors) -> None:
    headers = {**actors["employer"].headers, "Idempotency-Key": "x" * 300}
    r = client.post(URL, json=vacancy_payload(), headers=headers)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "header.Idempotency-Key"


def test_concurrent_duplicate_is_409_and_creates_nothing(
    client, actors, database, snapshot, monkeypatch
) -> None:
    """Two requests with one key that both pass the look-up (neither sees the other's record):
    the unique (user, key) constraint stops the second, in the same transaction as its work."""
    from app.idempotency import service as idempotency

    headers = {**actors["employer"].headers, "Idempotency-Key": "race"}
    first = client.post(URL, json=vacancy_payload(), headers=headers)
    assert first.status_code == 201
    before = snapshot()

    real_scalar = idempotency.Session.scalar

    def blind_scalar(self, statement, *args, **kwargs):  # the look-up misses, as in a race
        if "idempotency_records" in str(statement):
            return None
        return real_scalar(self, statement, *args, **kwargs)

    monkeypatch.setattr(idempotency.Session, "scalar", blind_scalar)
    r = client.post(URL, json=vacancy_payload(), headers=headers)
    monkeypatch.undo()
    assert r.status_code == 409
    assert "in progress or done" in r.json()["detail"]
    assert snapshot() == before
    with database.session() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.entity_id == first.json()["id"]))


def test_an_expired_key_is_not_replayed(client, actors, database) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from app.db import utcnow
    from app.idempotency.models import IdempotencyRecord
    from app.idempotency.service import RETENTION

    headers = {**actors["employer"].headers, "Idempotency-Key": "k-old"}
    first = client.post(URL, json=vacancy_payload(), headers=headers)
    assert first.status_code == 201
    with database.transaction() as s:
        s.execute(
            update(IdempotencyRecord).values(created_at=utcnow() - RETENTION - timedelta(hours=1))
        )
    again = client.post(URL, json=vacancy_payload(), headers=headers)
    assert again.status_code == 201 and again.json()["id"] != first.json()["id"]
