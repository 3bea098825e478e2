"""GET /api/v1/pools.csv: the list's rows (same filters, access and order) as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from app.pools.service import CSV_COLUMNS
from tests.pools.conftest import pool_payload

URL = "/api/v1/pools"


def _create(client, actor, **overrides: Any) -> dict[str, Any]:
    r = client.post(URL, json=pool_payload(**overrides), headers=actor.headers)
    assert r.status_code == 201, r.text
    return r.json()


def _csv(client, actor, **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{URL}.csv", headers=actor.headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="pools.csv"'
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


def _pages(client, actor, **params: Any) -> list[dict[str, Any]]:
    """The JSON list read page by page (two items a page, so that paging is exercised)."""
    items: list[dict[str, Any]] = []
    while True:
        query = {**params, "limit": 2, "offset": len(items)}
        r = client.get(URL, headers=actor.headers, params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _as_row(p: dict[str, Any]) -> dict[str, str]:
    """A JSON list item as the export writes it (the columns its docstring names)."""
    coding = p["occupation_coding"] or {}
    flat = {
        **{k: p[k] for k in CSV_COLUMNS if k in p},
        "occupation_coding_input": coding.get("input"),
        "occupation_coding_code": coding.get("code"),
        "occupation_coding_title": coding.get("title"),
        "occupation_coding_confidence": coding.get("confidence"),
        "skills": ";".join(f"{s['skill']}:{s['share']:g}" for s in p["skills"]),
        "languages": ";".join(
            f"{x['language']}:{x['level']}:{x['share']:g}" for x in p["languages"]
        ),
    }
    return {k: _text(flat[k]) for k in CSV_COLUMNS}


@pytest.fixture
def catalogue(client, actors) -> dict[str, str]:
    m1, m2 = actors["ministry"], actors["ministry2"]
    made = {
        "nurse_ph": _create(client, m1)["id"],
        "carer_ph": _create(client, m1, occupation="5322", sector="87", skills=[],
                            available_from=None)["id"],
        "dev_in": _create(client, m2, origin_country="IN", occupation="2512", sector="62",
                          skills=[])["id"],
        "nurse_in": _create(client, m2, origin_country="IN")["id"],
    }  # fmt: skip
    r = client.post(f"{URL}/{made['nurse_in']}/withdraw", headers=m2.headers)
    assert r.status_code == 200, r.text
    return made


FILTERS: list[dict[str, str]] = [
    {},
    {"origin": "ph"},
    {"occupation": "22"},
    {"sector": "Q"},
    {"status": "withdrawn"},
    {"status": "active", "origin": "IN"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "all")
def test_the_export_has_the_rows_of_the_list_page_by_page(client, actors, catalogue, params):
    officer = actors["officer"]
    listed = _pages(client, officer, **params)
    assert listed, params
    assert _csv(client, officer, **params) == [_as_row(p) for p in listed]


def test_a_ministry_exports_only_its_own_pools(client, actors, catalogue) -> None:
    m1, m2 = actors["ministry"], actors["ministry2"]
    mine = _csv(client, m1)
    assert mine == [_as_row(p) for p in _pages(client, m1)]
    assert {r["id"] for r in mine} == {catalogue["nurse_ph"], catalogue["carer_ph"]}
    # Naming another ministry does not widen the view.
    assert _csv(client, m1, ministry_id=str(m2.org_id)) == []
    assert {r["id"] for r in _csv(client, actors["admin"])} == set(catalogue.values())


def test_employers_may_not_export_pools(client, actors, catalogue) -> None:
    r = client.get(f"{URL}.csv", headers=actors["employer"].headers)
    assert r.status_code == 403
    assert r.headers["content-type"].startswith("application/problem+json")


def test_skills_and_languages_are_written_as_an_upload_reads_them(client, actors, catalogue):
    rows = {r["id"]: r for r in _csv(client, actors["officer"])}
    nurse = rows[catalogue["nurse_ph"]]
    assert nurse["skills"] == "patient-assessment:0.9;wound-care:0.6"
    assert nurse["languages"] == "de:A2:0.1;en:B2:0.7"
    assert (nurse["origin_country"], nurse["region"], nurse["status"]) == (
        "PH",
        "Calabarzon",
        "active",
    )
    assert rows[catalogue["nurse_in"]]["status"] == "withdrawn"
    assert rows[catalogue["carer_ph"]]["available_from"] == ""


def test_formula_like_text_is_neutralised(client, actors) -> None:
    ministry = actors["ministry"]
    _create(client, ministry, region='=HYPERLINK("http://x")', external_ref="-PH-7")
    (row,) = _csv(client, ministry)
    assert row["region"] == '\'=HYPERLINK("http://x")'
    assert row["external_ref"] == "'-PH-7"


def test_the_export_refuses_bad_filters(client, actors) -> None:
    for params in ({"origin": "ZZ"}, {"status": "open"}, {"occupation": "x"}):
        r = client.get(f"{URL}.csv", headers=actors["officer"].headers, params=params)
        assert r.status_code == 422, params


def test_the_export_needs_a_key(client) -> None:
    assert client.get(f"{URL}.csv").status_code == 401
    r = client.get(f"{URL}.csv", headers={"Authorization": "Bearer imdi_not_a_key"})
    assert r.status_code == 401
