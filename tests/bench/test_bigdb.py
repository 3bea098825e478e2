"""bench/bigdb.py: the code mappings (always) and a small build (PostgreSQL leg only)."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from sqlalchemy import func, select

from app.config import PROJECT_ROOT
from bench import bigdb
from bench.synthetic import make_pool_columns, make_world
from tests.conftest import PG_ON


def _real_units() -> list[str]:
    with (PROJECT_ROOT / "seed_data/taxonomy/isco08.csv").open(encoding="utf-8") as fh:
        return [r["code"] for r in csv.DictReader(fh) if r["level"] == "4"]


def test_occupations_map_one_to_one_keeping_the_hierarchy_where_it_can() -> None:
    world = make_world(0)
    real = _real_units()
    mapped = bigdb.map_occupations(world.occupations, real)
    assert sorted(mapped) == sorted(world.occupations)
    assert sorted(mapped.values()) == sorted(real)  # a bijection onto the real unit groups
    for digits in (1, 2, 3):
        # As many units keep their group as the two hierarchies' group sizes allow.
        kept = sum(s[:digits] == r[:digits] for s, r in mapped.items())
        groups = {c[:digits] for c in real}
        best = sum(
            min(
                sum(c.startswith(g) for c in world.occupations),
                sum(c.startswith(g) for c in real),
            )
            for g in groups
        )
        assert kept == best, digits
    assert bigdb.map_occupations(world.occupations, real) == mapped  # deterministic


def test_prefixes_cover_exactly_the_mapped_units() -> None:
    world = make_world(0)
    mapped = bigdb.map_occupations(world.occupations, _real_units())
    for prefixes in (["1", "2", "3"], ["22", "32", "532"], ["6", "9", "51", "83"]):
        real = bigdb.map_prefixes(prefixes, mapped)
        want = {mapped[s] for s in mapped if any(s.startswith(p) for p in prefixes)}
        got = {u for u in mapped.values() if any(u.startswith(p) for p in real)}
        assert got == want


def test_pool_regions_make_identities_unique() -> None:
    world = make_world(0)
    cols = make_pool_columns(world, 20_000, seed=0)
    regions = bigdb.pool_regions(cols, seed=0)
    keys = {
        (cols.origin[i], bigdb.normalise_region(regions[i]), cols.occupation[i], cols.sector[i])
        for i in range(len(regions))
    }
    assert len(keys) == len(regions)


def test_sorted_ids_are_sorted_version_4_uuids() -> None:
    ids = bigdb.sorted_ids(1000, seed=3).tolist()
    assert ids == sorted(ids)
    assert len(set(ids)) == 1000
    assert {u.version for u in ids} == {4}
    assert np.array_equal(bigdb.sorted_ids(1000, seed=3), bigdb.sorted_ids(1000, seed=3))


@pytest.mark.skipif(not PG_ON, reason="PostgreSQL leg only (IMDI_TEST_POSTGRES=1)")
def test_build_fills_every_table_the_service_reads() -> None:
    from app.db import Database
    from app.matches import adapters
    from app.pools.models import Pool, PoolSkill, identity_key
    from app.vacancies.models import Vacancy

    report = bigdb.build(200, 50, seed=1, log=lambda _: None)
    try:
        assert report.rows["pools"] == 200 and report.rows["vacancies"] == 50
        keys = bigdb.bench_keys(report.url)  # fresh keys for the bench users (--reuse)
        assert keys.officer.startswith("imdi_") and keys.ministry != keys.employer
        db = Database(report.url)
        try:
            with db.session() as s:
                assert (
                    s.scalar(select(func.count()).select_from(PoolSkill))
                    == report.rows["pool_skills"]
                )
                pools = list(s.scalars(select(Pool)))
                assert all(
                    p.identity_key
                    == identity_key(p.origin_country, p.region, p.occupation_code, p.sector_code)
                    for p in pools
                )
                # The service's own readers take the rows as they are.
                records = adapters.pool_records(s, pools[:20])
                assert all(r.skills for r in records)
                vacancies = list(s.scalars(select(Vacancy).limit(20)))
                assert len(adapters.vacancy_records(s, vacancies)) == len(vacancies)
        finally:
            db.dispose()
    finally:
        bigdb.drop_database(report.name)
