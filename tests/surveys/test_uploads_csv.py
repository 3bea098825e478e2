"""GET /api/v1/uploads.csv: the list's rows (same filters, access and order) as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from app.surveys.service import CSV_COLUMNS
from tests.surveys.helpers import GOOD_ROW, URL, csv_bytes, upload

IN_ROW = "IN,Kerala,2221,86,300,patient-assessment:0.8,en:B2:0.7,6,5,2026-05-01"
BAD_ROW = "PH,Ilocos,9999,86,40,,,6,4,"


def _csv(client, actor, **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{URL}.csv", headers=actor.headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="uploads.csv"'
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


def _pages(client, actor, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        query = {**params, "limit": 2, "offset": len(items)}
        r = client.get(URL, headers=actor.headers, params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _as_row(u: dict[str, Any]) -> dict[str, str]:
    return {k: "" if u[k] is None else str(u[k]) for k in CSV_COLUMNS}


@pytest.fixture
def uploads(client, actors) -> dict[str, str]:
    m1, m2 = actors["ministry"], actors["ministry2"]
    made = {}
    for name, actor, content, options, status in (
        ("first", m1, csv_bytes(GOOD_ROW), {}, 201),
        ("rejected", m1, csv_bytes(GOOD_ROW, BAD_ROW), {}, 422),
        ("partial", m1, csv_bytes(GOOD_ROW, BAD_ROW), {"on_error": "skip"}, 201),
        ("theirs", m2, csv_bytes(IN_ROW), {}, 201),
    ):
        r = upload(client, actor.headers, content, name=f"{name}.csv", **options)
        assert r.status_code == status, r.text
        made[name] = (r.json().get("upload") or r.json())["id"]
    return made


FILTERS: list[dict[str, str]] = [
    {},
    {"status": "rejected"},
    {"status": "partial"},
    {"mode": "pool_table"},
    {"mode": "microdata"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p.values()) or "all")
def test_the_export_has_the_rows_of_the_list_page_by_page(client, actors, uploads, params):
    officer = actors["officer"]
    listed = _pages(client, officer, **params)
    assert _csv(client, officer, **params) == [_as_row(u) for u in listed]


def test_the_pools_counts_are_those_of_the_upload(client, actors, uploads) -> None:
    rows = {r["id"]: r for r in _csv(client, actors["officer"])}
    first, partial = rows[uploads["first"]], rows[uploads["partial"]]
    assert (first["status"], first["pools_created"], first["pools_updated"]) == (
        "accepted",
        "1",
        "0",
    )
    # The same pool identity again: the partial upload updated the first one's pool.
    assert (partial["status"], partial["pools_created"], partial["pools_updated"]) == (
        "partial",
        "0",
        "1",
    )
    assert (partial["rows_read"], partial["rows_rejected"]) == ("2", "1")
    assert rows[uploads["rejected"]]["pools_created"] == "0"


def test_a_ministry_exports_only_its_own_uploads(client, actors, uploads) -> None:
    m1 = actors["ministry"]
    mine = _csv(client, m1)
    assert mine == [_as_row(u) for u in _pages(client, m1)]
    assert {r["id"] for r in mine} == {uploads["first"], uploads["rejected"], uploads["partial"]}
    theirs = {r["id"] for r in _csv(client, actors["ministry2"])}
    assert theirs == {uploads["theirs"]}


def test_employers_may_not_export_uploads(client, actors) -> None:
    r = client.get(f"{URL}.csv", headers=actors["employer"].headers)
    assert r.status_code == 403


def test_formula_like_text_is_neutralised(client, actors) -> None:
    ministry = actors["ministry"]
    r = upload(client, ministry.headers, csv_bytes(GOOD_ROW), name="=HYPERLINK(1).csv")
    assert r.status_code == 201, r.text
    (row,) = _csv(client, ministry)
    assert row["filename"] == "'=HYPERLINK(1).csv"


def test_the_export_refuses_bad_filters_and_needs_a_key(client, actors) -> None:
    r = client.get(f"{URL}.csv", headers=actors["officer"].headers, params={"mode": "x"})
    assert r.status_code == 422
    assert client.get(f"{URL}.csv").status_code == 401
