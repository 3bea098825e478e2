"""GET /api/v1/pathways.csv: the list's rows with the same filters, unpaged, formula-safe."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.testclient import TestClient

from app.common.csv_safe import neutralise
from app.pathways.export import PATHWAY_COLUMNS
from tests.pathways.conftest import pathway_payload

URL = "/api/v1/pathways"
FORMULA = '=HYPERLINK("http://x")'


def _csv(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{URL}.csv", headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="pathways.csv"' in r.headers["content-disposition"]
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == PATHWAY_COLUMNS
    return list(reader)


def _paged(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """The JSON list read page by page (one item a page)."""
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(URL, headers=headers, params={**params, "limit": 1, "offset": len(items)})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)  # the export's formula guard (asserted on its own below)


def _as_row(item: dict[str, Any]) -> dict[str, str]:
    """A JSON item as its CSV row should read (lists joined with ";", objects flattened)."""
    wage = item["wage_threshold"] or {}
    usage = item["quota_usage"]
    row = {name: item[name] for name in PATHWAY_COLUMNS if name in item}
    for name in ("origin_countries", "occupations", "excluded_occupations", "sectors"):
        row[name] = ";".join(item[name])
    row["contract_types"] = ";".join(item["contract_types"])
    row["languages"] = ";".join(f"{x['language']}:{x['min_level']}" for x in item["languages"])
    for key in ("amount", "currency", "period"):
        row[f"wage_threshold_{key}"] = wage.get(key)
    for key in ("year", "quota", "used", "remaining"):
        row[f"quota_usage_{key}"] = usage[key]
    return {name: _cell(row[name]) for name in PATHWAY_COLUMNS}


def test_the_export_has_the_lists_rows_with_the_same_filters(client, actors) -> None:
    officer = actors["officer"].headers
    bodies = [
        pathway_payload(code="DE-TEST-NURSES"),
        pathway_payload(
            code="ES-TEST-SEASONAL",
            name=FORMULA,
            destination_country="ES",
            kind="seasonal_scheme",
            origin_countries=["MA"],
            occupations=["6", "921"],
            sectors=["01"],
            languages=[],
            wage_threshold=None,
            contract_types=["seasonal"],
            annual_quota=None,
        ),
        pathway_payload(code="DE-TEST-ANY", origin_countries=[], kind="work_visa"),
    ]
    for body in bodies:
        r = client.post(URL, json=body, headers=officer)
        assert r.status_code == 201, r.text
    # Pathways are read by every role: an employer's export is the officer's.
    reader = actors["employer"].headers
    for params in (
        {},
        {"destination": "DE"},
        {"kind": "seasonal_scheme"},
        {"origin": "MA"},
        {"active_on": "2023-06-01"},  # none in force yet
        {"active_on": "2025-06-01"},
    ):
        rows = _csv(client, reader, **params)
        assert rows == [_as_row(i) for i in _paged(client, reader, **params)], params
    everything = _csv(client, officer)
    assert [r["code"] for r in everything] == ["DE-TEST-ANY", "DE-TEST-NURSES", "ES-TEST-SEASONAL"]
    seasonal = everything[2]
    assert seasonal["name"] == "'" + FORMULA  # a spreadsheet shows it as text
    assert (seasonal["origin_countries"], seasonal["occupations"]) == ("MA", "6;921")
    nurses = everything[1]
    assert nurses["languages"] == "de:B1" and nurses["sectors"] == "Q;86"
    assert nurses["wage_threshold_amount"] == "2800.0" and nurses["quota_usage_quota"] == "100"
    assert nurses["government_to_government"] == "true"


def test_the_export_needs_a_key_and_valid_filters(client, actors) -> None:
    assert client.get(f"{URL}.csv").status_code == 401
    r = client.get(f"{URL}.csv", headers=actors["officer"].headers, params={"destination": "XX"})
    assert r.status_code == 422
