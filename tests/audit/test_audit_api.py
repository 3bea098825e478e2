"""The audit log API: who may read it, its filters, and its order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from app.audit.models import AuditEvent
from tests.audit.helpers import rewritable_audit, stored_events

URL = "/api/v1/audit-events"
RATES = "/api/v1/exchange-rates"


def _put_rate(client, actor, currency: str, rate: str) -> None:
    r = client.put(
        RATES,
        json={"currency": currency, "rate": rate, "as_of": "2025-01-01"},
        headers=actor.headers,
    )
    assert r.status_code in (200, 201), r.text


def test_only_officers_and_admins_read_the_log(client, actors) -> None:
    for role in ("employer", "employer2", "ministry", "ministry2"):
        r = client.get(URL, headers=actors[role].headers)
        assert r.status_code == 403
        assert r.headers["content-type"] == "application/problem+json"
    assert client.get(URL).status_code == 401
    for role in ("officer", "admin"):
        assert client.get(URL, headers=actors[role].headers).status_code == 200


def test_events_show_actor_action_and_before_after(client, actors) -> None:
    _put_rate(client, actors["officer"], "GBP", "1.15")
    _put_rate(client, actors["admin"], "GBP", "1.2")
    r = client.get(URL, params={"entity_type": "exchange_rate"}, headers=actors["officer"].headers)
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2
    newest, oldest = body["items"]
    assert (newest["action"], newest["actor_id"]) == ("update", str(actors["admin"].user_id))
    assert newest["actor_email"].endswith("@agency.example.org")
    assert newest["before"]["rate"] == "1.15" and newest["after"]["rate"] == "1.2"
    assert (oldest["action"], oldest["before"]) == ("create", None)
    assert newest["entity_id"] == "GBP@2025-01-01"
    assert datetime.fromisoformat(newest["at"]).tzinfo is not None


def test_filters(client, database, actors) -> None:
    _put_rate(client, actors["officer"], "GBP", "1.15")
    _put_rate(client, actors["officer"], "USD", "0.9")
    _put_rate(client, actors["admin"], "USD", "0.91")
    admin = actors["admin"].headers

    def ids(**params) -> list[str]:
        r = client.get(URL, params=params, headers=admin)
        assert r.status_code == 200, r.text
        return [f"{e['action']}:{e['entity_id']}" for e in r.json()["items"]]

    assert ids(entity_type="exchange_rate", entity_id="USD@2025-01-01") == [
        "update:USD@2025-01-01",
        "create:USD@2025-01-01",
    ]
    assert ids(entity_type="exchange_rate", action="create") == [
        "create:USD@2025-01-01",
        "create:GBP@2025-01-01",
    ]
    assert ids(actor_id=str(actors["admin"].user_id)) == ["update:USD@2025-01-01"]
    # The fixtures' users and keys were created by the system (no actor).
    setup = client.get(URL, params={"entity_type": "api_key"}, headers=admin).json()
    assert setup["total"] == 6 and all(e["actor_id"] is None for e in setup["items"])

    # Move the first rate event back in time, then select by time.
    first = stored_events(database, entity_id="GBP@2025-01-01")[0]
    back = datetime.now(UTC) - timedelta(days=3)
    with rewritable_audit(database) as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == first.id).values(at=back))
    cut = (back + timedelta(days=1)).isoformat()
    assert "create:GBP@2025-01-01" not in ids(entity_type="exchange_rate", since=cut)
    assert ids(entity_type="exchange_rate", until=cut) == ["create:GBP@2025-01-01"]
    naive = (back + timedelta(days=1)).replace(tzinfo=None).isoformat()  # read as UTC
    assert ids(entity_type="exchange_rate", until=naive) == ["create:GBP@2025-01-01"]
    assert client.get(URL, params={"actor_id": "nobody"}, headers=admin).status_code == 422
    assert client.get(URL, params={"since": "yesterday"}, headers=admin).status_code == 422


def test_newest_first_and_pages_do_not_overlap(client, database, actors) -> None:
    for i in range(5):
        _put_rate(client, actors["officer"], "GBP", f"1.1{i}")
    # Equal times must still give one order: ties are broken by id.
    same = datetime.now(UTC)
    with rewritable_audit(database) as conn:
        conn.execute(update(AuditEvent).values(at=same))
    admin = actors["admin"].headers
    everything = client.get(URL, params={"limit": 200}, headers=admin).json()
    ids = [e["id"] for e in everything["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == everything["total"]
    paged: list[int] = []
    for offset in range(0, everything["total"], 3):
        page = client.get(URL, params={"limit": 3, "offset": offset}, headers=admin).json()
        paged += [e["id"] for e in page["items"]]
    assert paged == ids
    assert client.get(URL, params={"limit": 201}, headers=admin).status_code == 422


def test_events_are_written_in_the_same_transaction_as_the_change(
    client, actors, count_rows, monkeypatch
) -> None:
    """When the request fails after the change and its event were flushed, neither stays (nor
    a change batch for the live markets)."""
    from app.pathways import service
    from tests.pathways.conftest import pathway_payload

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("noting the change for the live markets failed")

    # The last step of creating a pathway, after its row and its event were flushed.
    monkeypatch.setattr(service.changes, "record", fail)
    before = count_rows("audit_events"), count_rows("change_batches")
    r = client.post("/api/v1/pathways", json=pathway_payload(), headers=actors["officer"].headers)
    assert r.status_code == 500
    assert count_rows("legal_pathways") == 0
    assert (count_rows("audit_events"), count_rows("change_batches")) == before
