"""Exchange rates: upsert per (currency, as_of), latest per currency, history, audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app import changes
from tests.audit.helpers import stored_events

URL = "/api/v1/exchange-rates"


def test_put_creates_then_replaces_the_rate_of_a_day(client, database, actors) -> None:
    officer = actors["officer"].headers
    r = client.put(
        URL, json={"currency": "gbp", "rate": "1.15", "as_of": "2025-01-01"}, headers=officer
    )
    assert r.status_code == 201, r.text
    assert r.json()["currency"] == "GBP" and r.json()["rate"] == 1.15  # a JSON number
    assert r.json()["base"] == "EUR"
    r = client.post(
        URL,
        json={"currency": "GBP", "rate": 1.2, "as_of": "2025-01-01"},
        headers=actors["admin"].headers,
    )
    assert r.status_code == 200 and r.json()["rate"] == 1.2
    same = client.put(
        URL, json={"currency": "GBP", "rate": "1.20", "as_of": "2025-01-01"}, headers=officer
    )
    assert same.status_code == 200

    events = stored_events(database, entity_type="exchange_rate")
    assert [(e.action, e.entity_id) for e in events] == [
        ("create", "GBP@2025-01-01"),
        ("update", "GBP@2025-01-01"),
    ]  # the same rate: no event
    assert events[0].actor_id == actors["officer"].user_id and events[0].before is None
    assert events[0].after == {
        "currency": "GBP",
        "rate": "1.15",
        "base": "EUR",
        "as_of": "2025-01-01",
    }
    assert events[1].actor_id == actors["admin"].user_id
    assert (events[1].before["rate"], events[1].after["rate"]) == ("1.15", "1.2")


def test_latest_per_currency_and_history(client, actors) -> None:
    officer = actors["officer"].headers
    for currency, rate, as_of in [
        ("GBP", "1.10", "2024-06-01"),
        ("GBP", "1.15", "2025-01-01"),
        ("USD", "0.90", "2024-06-01"),
        ("PHP", "0.0155", "2025-02-01"),
    ]:
        r = client.put(
            URL, json={"currency": currency, "rate": rate, "as_of": as_of}, headers=officer
        )
        assert r.status_code == 201
    reader = actors["employer"].headers
    latest = client.get(URL, headers=reader).json()
    assert latest["total"] == 3
    assert [(i["currency"], i["rate"], i["as_of"]) for i in latest["items"]] == [
        ("GBP", 1.15, "2025-01-01"),
        ("PHP", 0.0155, "2025-02-01"),
        ("USD", 0.9, "2024-06-01"),
    ]
    history = client.get(URL, params={"currency": "gbp", "history": "true"}, headers=reader).json()
    assert [(i["rate"], i["as_of"]) for i in history["items"]] == [
        (1.15, "2025-01-01"),
        (1.1, "2024-06-01"),
    ]
    assert client.get(URL, params={"history": True}, headers=reader).json()["total"] == 4
    one = client.get(URL, params={"currency": "USD"}, headers=reader).json()["items"]
    assert [i["currency"] for i in one] == ["USD"]
    assert client.get(URL, params={"currency": "XYZ"}, headers=reader).status_code == 422


def test_invalid_rates_are_refused_and_not_stored(client, actors, count_rows) -> None:
    officer = actors["officer"].headers
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    cases = [
        ({"currency": "GBP", "rate": 0, "as_of": "2025-01-01"}, "body.rate"),
        ({"currency": "GBP", "rate": -1, "as_of": "2025-01-01"}, "body.rate"),
        ({"currency": "XYZ", "rate": 1, "as_of": "2025-01-01"}, "body.currency"),
        ({"currency": "GBP", "rate": 1, "as_of": "not a date"}, "body.as_of"),
        ({"currency": "GBP", "rate": 1}, "body.as_of"),
        ({"currency": "GBP", "rate": 1, "as_of": tomorrow}, "body.as_of"),
        ({"currency": "EUR", "rate": 2, "as_of": "2025-01-01"}, "body.rate"),
    ]
    for body, field in cases:
        r = client.put(URL, json=body, headers=officer)
        assert r.status_code == 422, (body, r.text)
        assert field in {e["field"] for e in r.json()["errors"]}, (body, r.json())
    assert count_rows("exchange_rates") == 0
    assert (
        client.put(
            URL, json={"currency": "EUR", "rate": 1, "as_of": "2025-01-01"}, headers=officer
        ).status_code
        == 201
    )


def test_only_officers_and_admins_write_rates(client, actors, count_rows) -> None:
    body = {"currency": "GBP", "rate": "1.15", "as_of": "2025-01-01"}
    for role in ("employer", "ministry"):
        assert client.put(URL, json=body, headers=actors[role].headers).status_code == 403
        assert client.get(URL, headers=actors[role].headers).status_code == 200
    assert client.put(URL, json=body).status_code == 401
    assert count_rows("exchange_rates") == 0


def test_a_rate_change_reaches_the_rankings_on_the_next_read(client, database, actors) -> None:
    """Nothing is re-ranked on a write: a changed rate is noted in the change feed, and the
    next ranking read converts wages with it; an unchanged rate notes nothing."""
    from tests.pathways.conftest import pathway_payload
    from tests.pools.conftest import pool_payload
    from tests.vacancies.conftest import vacancy_payload

    officer = actors["officer"].headers
    body = {"currency": "GBP", "rate": "1.15", "as_of": "2025-01-01"}
    assert client.put(URL, json=body, headers=officer).status_code == 201
    # 34,000 GBP a year: 39,100 EUR at 1.15, 42,500 EUR at 1.25; the vacancy pays 40,800 EUR.
    threshold = {"amount": 34000, "currency": "GBP", "period": "year"}
    r = client.post(
        "/api/v1/pathways", json=pathway_payload(wage_threshold=threshold), headers=officer
    )
    assert r.status_code == 201, r.text
    vacancy = client.post(
        "/api/v1/vacancies", json=vacancy_payload(), headers=actors["employer"].headers
    ).json()["id"]
    german_b1 = [{"language": "de", "level": "B1", "share": 0.5}]
    r = client.post(
        "/api/v1/pools",
        json=pool_payload(languages=german_b1),
        headers=actors["ministry"].headers,
    )
    assert r.status_code == 201, r.text

    def ranked() -> list[tuple[bool, str | None, list[str]]]:
        r = client.get(
            f"/api/v1/vacancies/{vacancy}/matches",
            params={"include_ineligible": True},
            headers=officer,
        )
        assert r.status_code == 200, r.text
        return [
            (m["eligible"], m["pathway"], [x["code"] for x in m["reasons"]])
            for m in r.json()["items"]
        ]

    def head() -> tuple[int, str | None]:
        with database.session() as s:
            return changes.head(s)

    assert ranked() == [(True, "DE-TEST-NURSES", [])]
    before = head()
    assert client.put(URL, json=body, headers=officer).status_code == 200
    assert head() == before  # unchanged: nothing to do
    assert client.put(URL, json={**body, "rate": "1.25"}, headers=officer).status_code == 200
    assert head()[0] == before[0] + 1
    assert ranked() == [(False, "DE-TEST-NURSES", ["wage_below_threshold"])]


def test_a_rate_makes_a_pathway_wage_currency_acceptable(client, actors) -> None:
    from tests.pathways.conftest import pathway_payload

    body = pathway_payload(wage_threshold={"amount": 25000, "currency": "GBP", "period": "year"})
    officer = actors["officer"].headers
    r = client.post("/api/v1/pathways", json=body, headers=officer)
    assert r.status_code == 422 and "add a rate first" in r.json()["detail"]
    client.put(
        URL, json={"currency": "GBP", "rate": "1.15", "as_of": "2025-01-01"}, headers=officer
    )
    assert client.post("/api/v1/pathways", json=body, headers=officer).status_code == 201
