"""The list of pools and a pool's page through the TestClient, on every backend: readable names
(never ids), sectors by title, text search, sortable columns, pickers that take names with the
error next to the field, and the CSV export of the same rows."""

from __future__ import annotations

import csv
import io
import re
import uuid

import pytest
from sqlalchemy import func, select

from app.auth.models import Organisation
from app.db import Database
from app.pools.models import Pool
from app.taxonomy.models import Sector
from app.vacancies.models import Vacancy
from app.web import names
from app.web.pages.common import PAGE_SIZE
from tests.web.conftest import (
    EMPLOYER_ORG,
    MINISTRY_ORG,
    OFFICER,
    as_user,
    assert_no_inline_code,
    top_match,
)

pytestmark = pytest.mark.postgres

_ROW = re.compile(r'<th scope="row"><a href="/pools/([0-9a-f-]{36})">([^<]*)</a>')


def _rows(page: str) -> list[tuple[uuid.UUID, str]]:
    return [(uuid.UUID(i), label) for i, label in _ROW.findall(page)]


def _pools(database: Database, *where, order=None) -> list[Pool]:  # type: ignore[no-untyped-def]
    with database.session() as s:
        stmt = select(Pool).where(*where)
        stmt = stmt.order_by(*(order or (Pool.created_at.desc(), Pool.id.desc())))
        rows = list(s.scalars(stmt))
        s.expunge_all()
        return rows


def _labels(database: Database, pools: list[Pool]) -> dict[uuid.UUID, str]:
    with database.session() as s:
        return names.pool_labels(s, pools)


def test_pools_show_by_readable_names_and_sectors_by_title(officer, demo_database) -> None:
    client, _ = officer
    r = client.get("/pools")
    assert r.status_code == 200
    assert_no_inline_code(r.text)
    newest = _pools(demo_database)[:PAGE_SIZE]
    labels = _labels(demo_database, newest)
    assert _rows(r.text) == [(p.id, labels[p.id].replace("'", "&#39;")) for p in newest]
    assert all(not re.fullmatch(r"[0-9a-f]{8}", label) for _, label in _rows(r.text))
    with demo_database.session() as s:
        sectors = dict(s.execute(select(Sector.code, Sector.title)).all())
    with_sector = next(p for p in newest if p.sector_code)
    row = r.text.split(f'href="/pools/{with_sector.id}"', 1)[1].split("</tr>", 1)[0]
    assert f"<td>{sectors[with_sector.sector_code]}</td>" in row.replace("&#39;", "'")


def test_search_finds_pools_by_origin_region_and_occupation(officer, demo_database) -> None:
    client, _ = officer
    visayas = _pools(demo_database, func.lower(Pool.region).contains("visayas"))
    assert visayas
    page = client.get("/pools?q=Visayas").text
    assert {i for i, _ in _rows(page)} == {p.id for p in visayas[:PAGE_SIZE]}
    assert f"{len(visayas)} pools" in page
    # Every word must match: a country by name and an occupation by code or title.
    nurses = _pools(demo_database, Pool.origin_country == "PH", Pool.occupation_code == "2221")
    assert nurses
    hits = _rows(client.get("/pools?q=philippines+2221").text)
    assert {i for i, _ in hits} == {p.id for p in nurses}
    # A title word finds every occupation titled so: "nursing" also names associate
    # professionals (3221).
    nursing = _pools(
        demo_database, Pool.origin_country == "PH", Pool.occupation_code.in_(("2221", "3221"))
    )
    hits = _rows(client.get("/pools?q=philippines+nursing").text)
    assert {i for i, _ in hits} == {p.id for p in nursing} and len(nursing) > len(nurses)
    assert "0 pools" in client.get("/pools?q=zzzz-nowhere").text


def test_columns_sort_both_ways_from_the_index(officer, demo_database) -> None:
    client, _ = officer
    largest = _pools(demo_database, order=(Pool.headcount.desc(), Pool.id.desc()))
    page = client.get("/pools?sort=-workers").text
    assert [i for i, _ in _rows(page)] == [p.id for p in largest[:PAGE_SIZE]]
    assert 'aria-sort="descending"' in page
    smallest = _pools(demo_database, order=(Pool.headcount.asc(), Pool.id.asc()))
    page = client.get("/pools?sort=workers").text
    assert [i for i, _ in _rows(page)] == [p.id for p in smallest[:PAGE_SIZE]]
    # The next page keeps the sort and the search.
    assert "sort=workers&amp;offset=25" in page
    unknown = client.get("/pools?sort=ministry_id").text  # not a sort: the default
    assert [i for i, _ in _rows(unknown)] == [p.id for p in _pools(demo_database)[:PAGE_SIZE]]


def test_pickers_take_names_and_show_errors_next_to_the_field(officer, demo_database) -> None:
    client, _ = officer
    nurses = _pools(demo_database, Pool.origin_country == "PH", Pool.occupation_code == "2221")
    page = client.get("/pools?origin=Philippines&occupation=Nursing+professionals").text
    assert {i for i, _ in _rows(page)} == {p.id for p in nurses}
    assert 'value="Philippines (PH)"' in page and 'value="Nursing professionals (2221)"' in page

    health = _pools(demo_database, Pool.sector_code == "86")
    page = client.get("/pools?sector=86").text
    assert f"{len(health)} pools" in page

    bad = client.get("/pools?origin=Philipines&sector=Health+stuff")
    assert bad.status_code == 200
    origin = bad.text.split('<label for="f-origin">', 1)[1].split("</div>", 1)[0]
    assert "No country is called &#39;Philipines&#39;" in origin
    assert "Did you mean Philippines (PH)?" in origin and 'aria-invalid="true"' in origin
    sector = bad.text.split('<label for="f-sector">', 1)[1].split("</div>", 1)[0]
    assert "No ISIC Rev.4 sector is called" in sector and 'value="Health stuff"' in sector
    assert "leaves them out until corrected" in bad.text


def test_pools_csv_streams_the_rows_of_the_list(officer, demo_database) -> None:
    client, _ = officer
    r = client.get("/pools.csv?origin=Philippines&sort=-workers")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    expected = _pools(
        demo_database, Pool.origin_country == "PH", order=(Pool.headcount.desc(), Pool.id.desc())
    )
    assert [uuid.UUID(x["id"]) for x in rows] == [p.id for p in expected]
    labels = _labels(demo_database, expected)
    assert [x["name"] for x in rows] == [labels[p.id] for p in expected]
    assert all(x["sector_title"] for x in rows if x["sector"])


def test_a_ministry_searches_only_its_own_pools(demo_client, demo_people, demo_database) -> None:
    as_user(demo_client, demo_people, MINISTRY_ORG)
    with demo_database.session() as s:
        ministry = s.scalar(select(Organisation.id).where(Organisation.slug == MINISTRY_ORG))
    own = _pools(demo_database, Pool.ministry_id == ministry)
    page = demo_client.get("/pools?sort=origin").text
    assert f"{len(own)} pools" in page
    assert "0 pools" in demo_client.get("/pools?q=Kenya").text
    rows = list(csv.DictReader(io.StringIO(demo_client.get("/pools.csv").text)))
    assert {uuid.UUID(x["id"]) for x in rows} == {p.id for p in own}


def test_a_pool_page_names_the_pool_and_its_sector(officer, demo_database) -> None:
    client, _ = officer
    pool = next(p for p in _pools(demo_database) if p.sector_code and p.region)
    label = _labels(demo_database, [pool])[pool.id]
    page = client.get(f"/pools/{pool.id}").text
    assert f"<h1>{label}" in page.replace("&#39;", "'")
    with demo_database.session() as s:
        title = s.scalar(select(Sector.title).where(Sector.code == pool.sector_code))
    assert f"<dd>{title} <span" in page.replace("&#39;", "'")
    assert f'href="/decisions?pool={pool.id}"' in page


def test_an_employer_reads_a_matched_pool_by_its_name(
    demo_client, demo_people, demo_database
) -> None:
    with demo_database.session() as s:
        vacancy_id = s.scalar(
            select(Vacancy.id)
            .join(Organisation, Organisation.id == Vacancy.employer_id)
            .where(Organisation.slug == EMPLOYER_ORG, Vacancy.status == "open")
            .order_by(Vacancy.title, Vacancy.id)
        )
    assert vacancy_id is not None
    pool_id = top_match(demo_database, vacancy_id).pool_id
    pool = _pools(demo_database, Pool.id == pool_id)[0]
    as_user(demo_client, demo_people, EMPLOYER_ORG)
    page = demo_client.get(f"/pools/{pool_id}").text
    assert f"<h1>{_labels(demo_database, [pool])[pool_id]}" in page.replace("&#39;", "'")
    assert "/decisions?pool=" not in page  # the ministry's history is not the employer's


def test_the_api_searches_and_sorts_pools_as_the_page_does(
    demo_client, demo_people, demo_database
) -> None:
    key = {"Authorization": f"Bearer {demo_people[OFFICER]['api_key']}"}
    visayas = _pools(
        demo_database,
        func.lower(Pool.region).contains("visayas"),
        order=(Pool.headcount.desc(), Pool.id.desc()),
    )
    r = demo_client.get("/api/v1/pools?q=visayas&sort=-workers&limit=200", headers=key)
    assert r.status_code == 200, r.text
    assert [uuid.UUID(p["id"]) for p in r.json()["items"]] == [p.id for p in visayas]
    assert r.json()["total"] == len(visayas)
    exported = demo_client.get("/api/v1/pools.csv?q=visayas&sort=-workers", headers=key)
    ids = [uuid.UUID(x["id"]) for x in csv.DictReader(io.StringIO(exported.text))]
    assert ids == [p.id for p in visayas]
    # Without them the list is as it was: every pool, newest first.
    plain = demo_client.get("/api/v1/pools?limit=200", headers=key).json()
    assert [uuid.UUID(p["id"]) for p in plain["items"]] == [p.id for p in _pools(demo_database)]
    assert demo_client.get("/api/v1/pools?sort=ministry", headers=key).status_code == 422


def test_pools_csv_refuses_a_filter_that_names_nothing(officer) -> None:
    # A misspelt picker would otherwise export every pool, as if no filter were given.
    client, _ = officer
    for query in ("origin=Philipines", "occupation=Dragon+tamers", "sector=Health+stuff"):
        r = client.get(f"/pools.csv?{query}")
        assert r.status_code == 422, query
        assert not r.headers["content-type"].startswith("text/csv")
    assert "No country is called" in client.get("/pools.csv?origin=Philipines").text
    assert client.get("/pools.csv?origin=Philippines").status_code == 200
