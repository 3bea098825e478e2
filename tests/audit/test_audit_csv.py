"""GET /api/v1/audit-events.csv: the log's rows with the same filters, unpaged (streamed by
keyset pages), formula-safe, officers and admins only."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from app.audit.service import record, record_many
from app.auditlog import repository
from app.auditlog.router import AUDIT_COLUMNS
from app.common.csv_safe import neutralise

URL = "/api/v1/audit-events"
FORMULA = '=HYPERLINK("http://x")'


def _csv(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{URL}.csv", headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="audit-events.csv"' in r.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == AUDIT_COLUMNS
    return list(reader)


def _paged(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(URL, headers=headers, params={**params, "limit": 4, "offset": len(items)})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _as_row(item: dict[str, Any]) -> dict[str, str]:
    row = dict(item)
    for name in ("before", "after"):
        row[name] = None if item[name] is None else json.dumps(item[name], ensure_ascii=False)
    return {name: neutralise(row[name]) for name in AUDIT_COLUMNS}


def test_the_export_has_the_logs_rows_with_the_same_filters(
    client, database, actors, monkeypatch
) -> None:
    # Keyset pages of three events, so that the export crosses many pages (and ties).
    monkeypatch.setattr(repository, "EXPORT_PAGE", 3)
    officer = actors["officer"].headers
    for currency, rate in (("GBP", "1.15"), ("GBP", "1.2"), ("USD", "0.9"), ("MAD", "0.0926")):
        r = client.put(
            "/api/v1/exchange-rates",
            json={"currency": currency, "rate": rate, "as_of": "2025-01-01"},
            headers=officer,
        )
        assert r.status_code in (200, 201), r.text
    with database.transaction() as s:
        # Seven events at one time (ties broken by id), one of them formula-looking text.
        record_many(
            s,
            None,
            [("import", "survey_wave", f"wave-{i}", None, {"pools": i}) for i in range(6)]
            + [("import", "survey_wave", FORMULA, None, {"note": "Straße, ünïcode"})],
        )
        record(s, None, "update", "exchange_rate", "XAF@2025-01-01", {"rate": "-1"}, None)
    admin = actors["admin"].headers
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    for params in (
        {},
        {"entity_type": "survey_wave"},
        {"entity_type": "exchange_rate", "action": "update"},
        {"entity_id": "GBP@2025-01-01"},
        {"actor_id": str(actors["officer"].user_id)},
        {"since": since},
        {"until": since},
    ):
        rows = _csv(client, admin, **params)
        assert rows == [_as_row(i) for i in _paged(client, admin, **params)], params
    waves = _csv(client, officer, entity_type="survey_wave")
    assert len(waves) == 7 and [int(r["id"]) for r in waves] == sorted(
        (int(r["id"]) for r in waves), reverse=True
    )
    assert waves[0]["entity_id"] == "'" + FORMULA  # a spreadsheet shows it as text
    assert json.loads(waves[0]["after"]) == {"note": "Straße, ünïcode"}
    assert waves[0]["actor_id"] == "" and waves[0]["before"] == ""
    (usd,) = _csv(client, officer, entity_type="exchange_rate", entity_id="USD@2025-01-01")
    assert usd["actor_email"].endswith("@agency.example.org")
    assert usd["at"].endswith("Z")


def test_only_officers_and_admins_export(client, actors) -> None:
    assert client.get(f"{URL}.csv").status_code == 401
    for role in ("employer", "ministry"):
        assert client.get(f"{URL}.csv", headers=actors[role].headers).status_code == 403
    r = client.get(f"{URL}.csv", headers=actors["officer"].headers, params={"since": "never"})
    assert r.status_code == 422
