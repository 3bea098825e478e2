"""GET /api/v1/vacancies.csv: the list's rows (same filters, access and order) as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from app.vacancies.service import CSV_COLUMNS
from tests.vacancies.conftest import vacancy_payload

URL = "/api/v1/vacancies"


def _create(client, actor, **overrides: Any) -> dict[str, Any]:
    r = client.post(URL, json=vacancy_payload(**overrides), headers=actor.headers)
    assert r.status_code == 201, r.text
    return r.json()


def _csv(client, actor, **params: Any) -> list[dict[str, str]]:
    r = client.get(f"{URL}.csv", headers=actor.headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="vacancies.csv"'
    reader = csv.DictReader(io.StringIO(r.text))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


def _pages(client, actor, **params: Any) -> list[dict[str, Any]]:
    """The JSON list read page by page (two items a page, so that paging is exercised)."""
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(
            URL, headers=actor.headers, params={**params, "limit": 2, "offset": len(items)}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _as_row(v: dict[str, Any]) -> dict[str, str]:
    """A JSON list item as the export writes it (the columns its docstring names)."""
    coding = v["occupation_coding"] or {}
    wage = v["wage"] or {}
    flat = {
        **{k: v[k] for k in CSV_COLUMNS if k in v},
        "occupation_coding_input": coding.get("input"),
        "occupation_coding_code": coding.get("code"),
        "occupation_coding_title": coding.get("title"),
        "occupation_coding_confidence": coding.get("confidence"),
        "skills": ";".join(f"{s['skill']}:{s['importance']}" for s in v["skills"]),
        "languages": ";".join(
            f"{x['language']}:{x['min_level']}" + (":required" if x["required"] else "")
            for x in v["languages"]
        ),
        "wage_amount": f"{wage['amount']:.2f}" if wage else None,
        "wage_currency": wage.get("currency"),
        "wage_period": wage.get("period"),
        "contract_type": v["contract"]["type"],
        "contract_duration_months": v["contract"]["duration_months"],
        "pathways": ";".join(v["pathways"]),
    }
    return {k: _text(flat[k]) for k in CSV_COLUMNS}


@pytest.fixture
def catalogue(client, actors, pathways) -> dict[str, str]:
    e1, e2 = actors["employer"], actors["employer2"]
    made = {
        "nurse_de": _create(client, e1, occupation="2221", sector="86", pathways=["DE-SKILLED"],
                            languages=[{"language": "de", "min_level": "B2", "required": True}]),
        "carer_de": _create(client, e1, occupation="5322", sector="87", skills=[], wage=None,
                            contract={"type": "temporary", "duration_months": 12}),
        "dev_gb": _create(client, e2, occupation="2512", sector="62", destination_country="GB",
                          skills=[], languages=[{"language": "en", "min_level": "B2"}]),
        "nurse_gb_draft": _create(client, e2, occupation="2221", sector="86",
                                  destination_country="GB", status="draft"),
        "nurse_de_2": _create(client, e1, occupation="2221", sector="86", openings=9),
    }  # fmt: skip
    return {k: v["id"] for k, v in made.items()}


FILTERS: list[dict[str, str]] = [
    {},
    {"destination": "de"},
    {"occupation": "22"},
    {"sector": "Q"},
    {"status": "draft"},
    {"destination": "GB", "status": "open"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p) or "all")
def test_the_export_has_the_rows_of_the_list_page_by_page(client, actors, catalogue, params):
    officer = actors["officer"]
    listed = _pages(client, officer, **params)
    assert listed, params
    assert _csv(client, officer, **params) == [_as_row(v) for v in listed]


def test_each_role_exports_what_it_may_list(client, actors, catalogue) -> None:
    for role in ("employer", "employer2", "ministry", "admin"):
        actor = actors[role]
        rows = _csv(client, actor)
        assert rows == [_as_row(v) for v in _pages(client, actor)], role
    # Another employer's vacancies never appear, even when asked for by employer_id.
    mine = {r["id"] for r in _csv(client, actors["employer"])}
    assert mine == {catalogue["nurse_de"], catalogue["carer_de"], catalogue["nurse_de_2"]}
    other = _csv(client, actors["employer"], employer_id=str(actors["employer2"].org_id))
    assert other == []
    # A ministry sees the open ones only (no draft).
    seen = {r["id"] for r in _csv(client, actors["ministry"])}
    assert catalogue["nurse_gb_draft"] not in seen and catalogue["dev_gb"] in seen


def test_nested_fields_are_flattened_and_lists_joined(client, actors, catalogue) -> None:
    rows = {r["id"]: r for r in _csv(client, actors["officer"])}
    nurse = rows[catalogue["nurse_de"]]
    assert nurse["skills"] == "patient-assessment:essential;wound-care:optional"
    assert nurse["languages"] == "de:B2:required"
    assert nurse["pathways"] == "DE-SKILLED"
    assert (nurse["wage_amount"], nurse["wage_currency"], nurse["wage_period"]) == (
        "3400.00",
        "EUR",
        "month",
    )
    assert nurse["employer_pays_fees"] == "true"
    carer = rows[catalogue["carer_de"]]
    assert (carer["contract_type"], carer["contract_duration_months"]) == ("temporary", "12")
    assert carer["wage_amount"] == carer["wage_currency"] == ""
    assert carer["skills"]  # derived from the occupation's profile, as in the JSON


def test_formula_like_text_is_neutralised(client, actors) -> None:
    employer = actors["employer"]
    title = '=HYPERLINK("http://x")'
    _create(client, employer, title=title, external_ref="+1-555", description="@SUM(A1)")
    (row,) = _csv(client, employer)
    assert row["title"] == "'" + title
    assert row["external_ref"] == "'+1-555"
    assert row["description"] == "'@SUM(A1)"


def test_the_export_takes_the_list_filters_and_refuses_bad_ones(client, actors) -> None:
    for params in ({"destination": "XX"}, {"status": "gone"}, {"sector": "862"}):
        r = client.get(f"{URL}.csv", headers=actors["officer"].headers, params=params)
        assert r.status_code == 422, params
        assert r.json()["errors"][0]["field"].startswith("query."), params


def test_the_export_needs_a_key(client) -> None:
    r = client.get(f"{URL}.csv")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    r = client.get(f"{URL}.csv", headers={"Authorization": "Bearer imdi_not_a_key"})
    assert r.status_code == 401


def test_the_export_is_the_whole_list_not_a_page(client, actors) -> None:
    employer = actors["employer"]
    items = [vacancy_payload(skills=[], title=f"Registered nurse {i}") for i in range(230)]
    r = client.post(f"{URL}/bulk", json=items, headers=employer.headers)
    assert r.status_code == 201, r.text
    rows = _csv(client, employer)
    assert len(rows) == 230
    assert [r["id"] for r in rows] == [v["id"] for v in _pages(client, employer, limit=200)][:230]
