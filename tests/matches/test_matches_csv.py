"""CSV exports of the rankings: GET /api/v1/vacancies/{id}/matches.csv and
/api/v1/pools/{id}/matches.csv give every pair the JSON list pages through, with the same filter
and access rules, formula-safe."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from sqlalchemy import select

from app.auth.models import Organisation
from app.matches.export import POOL_EXPORT_COLUMNS, VACANCY_EXPORT_COLUMNS
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from tests.market import eligible

COMPONENTS = (
    "skills",
    "occupation",
    "sector",
    "language",
    "education",
    "experience",
    "availability",
)


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _most_matched(demo_database, side: str) -> Any:
    """The vacancy (side "vacancy_id") or pool ("pool_id") with the most eligible pairs."""
    counts: dict[Any, int] = {}
    for m in eligible(demo_database):
        key = getattr(m, side)
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: (counts[k], str(k)))


def _csv(client, url: str, headers: dict[str, str], **params: Any) -> list[dict[str, str]]:
    r = client.get(url, headers=headers, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(r.text)))


def _pages(client, url: str, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """The JSON list read page by page (small pages, so that paging is exercised)."""
    items: list[dict[str, Any]] = []
    while True:
        r = client.get(url, headers=headers, params={**params, "limit": 7, "offset": len(items)})
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        if len(items) >= page["total"] or not page["items"]:
            return items


def _text(value: Any) -> str:
    """A JSON value as its CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _same(row: dict[str, str], item: dict[str, Any], side: str) -> None:
    assert row["rank"] == str(item["rank"])
    for key in ("id", "vacancy_id", "pool_id", "eligible_headcount", "engine_version"):
        assert row[key] == _text(item[key]), key
    assert float(row["score"]) == item["score"]
    assert row["eligible"] == _text(item["eligible"])
    assert row["pathway"] == _text(item["pathway"])
    assert row["weights_hash"] == item["weights_hash"]
    assert row["reasons"] == ";".join(r["code"] for r in item["reasons"])
    assert row["computed_at"].endswith("Z")
    for name in COMPONENTS:
        got = row[f"component_{name}"]
        want = item["components"].get(name)
        assert (float(got) if got else None) == want, name
    summary = item[side]
    for key, value in summary.items():
        if key == "id":
            continue
        cell = row[f"{side}_{key}"]
        if isinstance(value, float):
            assert float(cell) == value, key
        else:
            assert cell == _text(value), key


@pytest.mark.parametrize("include_ineligible", [False, True])
def test_a_vacancy_export_is_its_list_page_by_page(
    demo_client, demo_database, demo_keys, include_ineligible: bool
) -> None:
    officer = _officer(demo_keys)
    vacancy_id = _most_matched(demo_database, "vacancy_id")
    url = f"/api/v1/vacancies/{vacancy_id}/matches"
    params = {"include_ineligible": include_ineligible}
    rows = _csv(demo_client, url + ".csv", officer, **params)
    items = _pages(demo_client, url, officer, **params)
    assert len(items) > 7  # more than one page
    assert len(rows) == len(items)
    assert list(rows[0]) == list(VACANCY_EXPORT_COLUMNS)
    for row, item in zip(rows, items, strict=True):
        _same(row, item, "pool")
    if include_ineligible:
        assert any(r["eligible"] == "false" and r["reasons"] for r in rows)
    else:
        assert all(r["eligible"] == "true" and not r["reasons"] for r in rows)


@pytest.mark.parametrize("include_ineligible", [False, True])
def test_a_pool_export_is_its_list_page_by_page(
    demo_client, demo_database, demo_keys, include_ineligible: bool
) -> None:
    officer = _officer(demo_keys)
    pool_id = _most_matched(demo_database, "pool_id")
    url = f"/api/v1/pools/{pool_id}/matches"
    params = {"include_ineligible": include_ineligible}
    rows = _csv(demo_client, url + ".csv", officer, **params)
    items = _pages(demo_client, url, officer, **params)
    assert items and len(rows) == len(items)
    assert list(rows[0]) == list(POOL_EXPORT_COLUMNS)
    for row, item in zip(rows, items, strict=True):
        _same(row, item, "vacancy")


def test_another_organisations_pairs_never_appear(demo_client, demo_database, demo_keys) -> None:
    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        slugs = {o.id: o.slug for o in s.scalars(select(Organisation))}
        pool = s.get(Pool, m.pool_id)
        vacancy = s.get(Vacancy, m.vacancy_id)
        own_pools = {
            str(p) for p in s.scalars(select(Pool.id).where(Pool.ministry_id == pool.ministry_id))
        }
    ministry = demo_keys["ministry"][slugs[pool.ministry_id]]
    url = f"/api/v1/vacancies/{m.vacancy_id}/matches.csv"
    everyone = _csv(demo_client, url, _officer(demo_keys), include_ineligible=True)
    mine = _csv(demo_client, url, ministry, include_ineligible=True)
    # A ministry exports only the pairs with its own pools, as its JSON list shows them.
    assert mine and {r["pool_id"] for r in mine} <= own_pools
    assert len(mine) < len(everyone)
    listed = _pages(demo_client, url.removesuffix(".csv"), ministry, include_ineligible=True)
    assert [r["id"] for r in mine] == [i["id"] for i in listed]
    # Another employer's vacancy, another ministry's pool: not found, as the lists answer.
    employer = demo_keys["employer"][slugs[vacancy.employer_id]]
    other_employer = next(h for s_, h in demo_keys["employer"].items() if h != employer)
    assert demo_client.get(url, headers=other_employer).status_code == 404
    other_ministry = next(h for s_, h in demo_keys["ministry"].items() if h != ministry)
    r = demo_client.get(f"/api/v1/pools/{m.pool_id}/matches.csv", headers=other_ministry)
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    # An employer's pool export holds only its own vacancies.
    rows = _csv(demo_client, f"/api/v1/pools/{m.pool_id}/matches.csv", employer)
    with demo_database.session() as s:
        own = {
            str(v)
            for v in s.scalars(select(Vacancy.id).where(Vacancy.employer_id == vacancy.employer_id))
        }
    assert rows and {r["vacancy_id"] for r in rows} <= own


def test_a_formula_looking_title_is_neutralised(demo_client, demo_database, demo_keys) -> None:
    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        vacancy = s.get(Vacancy, m.vacancy_id)
        slug = s.scalar(select(Organisation.slug).where(Organisation.id == vacancy.employer_id))
        version = vacancy.version
    formula = '=HYPERLINK("http://x")'
    r = demo_client.patch(
        f"/api/v1/vacancies/{m.vacancy_id}",
        json={"title": formula},
        headers={**demo_keys["employer"][slug], "If-Match": f'"{version}"'},
    )
    assert r.status_code == 200, r.text
    rows = _csv(demo_client, f"/api/v1/pools/{m.pool_id}/matches.csv", _officer(demo_keys))
    (row,) = [r for r in rows if r["vacancy_id"] == str(m.vacancy_id)]
    assert row["vacancy_title"] == "'" + formula


def test_an_export_needs_a_key(demo_client, demo_database) -> None:
    m = eligible(demo_database)[0]
    for url in (
        f"/api/v1/vacancies/{m.vacancy_id}/matches.csv",
        f"/api/v1/pools/{m.pool_id}/matches.csv",
    ):
        r = demo_client.get(url)
        assert r.status_code == 401, url
        assert r.headers["content-type"] == "application/problem+json"
