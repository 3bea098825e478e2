"""The live market follows every committed change (app/changes/service.py, app/matches/live.py).

What is checked here in one process: one batch per committed transaction and none for a
rolled-back one; every kind of write shows on the next read; and a market caught up through
the feed ranks exactly as one built afresh from the database. Two server processes and a
restart: tests/matches/test_freshness_processes.py.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from app import changes
from app.changes.models import ChangeBatch
from app.config import Settings
from app.matches import adapters, live, service
from app.pathways.models import ExchangeRate, LegalPathway
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from tests.market import eligible


def _settings(db, **kw) -> Settings:
    return Settings(environment="test", database_url=db.url, **kw)


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _all_rankings(db, settings: Settings) -> dict[uuid.UUID, list[tuple]]:
    with db.session() as s:
        return {
            vid: [
                (
                    m.pool_id,
                    round(m.score, 12),
                    m.eligible,
                    m.eligible_headcount,
                    m.pathway_code,
                    tuple(r["code"] for r in m.reasons),
                    m.explanation,
                )
                for m in ms
            ]
            for vid, ms in service.ranked_pairs(s, settings, include_ineligible=True, explain=True)
        }


def test_one_batch_per_commit_none_for_a_rollback(demo_database) -> None:
    with demo_database.session() as s:
        before = changes.head(s)
        pool = s.scalars(select(Pool).where(Pool.status == "active")).first()
        pool.headcount += 1
        s.rollback()
        assert changes.head(s) == before
        pool = s.get(Pool, pool.id)
        pool.headcount += 1
        s.commit()
        seq, epoch = changes.head(s)
        assert (seq, epoch) == (before[0] + 1, before[1])
        payload = s.get(ChangeBatch, seq).payload
        assert payload["pools"] == [str(pool.id)]
        # A read-only transaction writes no batch.
        s.scalar(select(func.count()).select_from(Vacancy))
        s.commit()
        assert changes.head(s)[0] == seq


def test_caught_up_market_ranks_as_a_fresh_one(demo_client, demo_database, demo_keys) -> None:
    """Writes of every kind, through the API and the ORM; then the market this process caught up
    through the feed, and one built afresh, rank every open vacancy identically."""
    settings = _settings(demo_database)
    officer = _officer(demo_keys)
    _all_rankings(demo_database, settings)  # the market exists before the writes
    m = eligible(demo_database, min_headcount=2)[0]
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": 1, "note": "test"},
    )
    assert r.status_code == 201, r.text
    with demo_database.session() as s:
        pools = list(s.scalars(select(Pool).where(Pool.status == "active").order_by(Pool.id)))
        pools[0].headcount *= 3
        pools[1].status = "withdrawn"
        vacancy = s.scalars(
            select(Vacancy).where(Vacancy.status == "open").order_by(Vacancy.id)
        ).first()
        vacancy.min_experience_years = 4.0
        pathway = s.scalars(select(LegalPathway).order_by(LegalPathway.code)).first()
        pathway.min_experience_years = 1.0
        s.add(ExchangeRate(currency="USD", rate=0.5, as_of=date(2026, 12, 1)))
        s.commit()
    caught_up = _all_rankings(demo_database, settings)
    with demo_database.session() as s:
        live.forget(s)
    fresh = _all_rankings(demo_database, settings)
    assert caught_up == fresh
    assert str(pools[1].id) not in {str(p) for ranked in fresh.values() for p, *_ in ranked}


def test_a_pathway_change_shows_on_the_next_read(demo_database) -> None:
    settings = _settings(demo_database)
    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        vacancy = s.get(Vacancy, m.vacancy_id)
        # Close every pathway of the destination to this pool's origin.
        for p in s.scalars(
            select(LegalPathway).where(
                LegalPathway.destination_country == vacancy.destination_country
            )
        ):
            p.origin_countries = ["AQ"]
        s.commit()
        rows, _ = service.vacancy_ranking(
            s,
            settings,
            _officer_principal(s),
            vacancy.id,
            include_ineligible=True,
            limit=500,
            offset=0,
        )
    row = next((x for x in rows if x.pool_id == m.pool_id), None)
    assert row is not None and not row.eligible
    assert any(r["code"] == "origin_not_covered" for r in row.reasons)


def _officer_principal(s):
    from app.auth.models import User
    from app.common.principal import Principal, Role

    user = s.scalars(select(User).where(User.role == "officer")).first()
    return Principal(
        user_id=user.id, email=user.email, role=Role.OFFICER, organisation_id=user.organisation_id
    )


def test_closed_vacancy_has_no_ranking(demo_database) -> None:
    settings = _settings(demo_database)
    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        vacancy = s.get(Vacancy, m.vacancy_id)
        vacancy.status = "closed"
        s.commit()
        rows, total = service.vacancy_ranking(
            s,
            settings,
            _officer_principal(s),
            vacancy.id,
            include_ineligible=True,
            limit=50,
            offset=0,
        )
    assert (rows, total) == ([], 0)


def test_other_weights_are_served_at_once(demo_database) -> None:
    weights = {"skills": 0.1, "occupation": 0.7}
    settings = _settings(demo_database, match_weights=weights)
    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        rows, _ = service.vacancy_ranking(
            s,
            settings,
            _officer_principal(s),
            m.vacancy_id,
            include_ineligible=False,
            limit=50,
            offset=0,
        )
    assert rows and all(r.weights_hash == adapters.weights_digest(weights) for r in rows)
    assert m.weights_hash != adapters.weights_digest(weights)


def test_matches_served_after_a_vacancy_update_reflect_it(
    demo_client, demo_database, demo_keys
) -> None:
    """PATCH a vacancy through the API: the very next read serves matches of the new version."""
    from app.auth.models import Organisation

    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        vacancy = s.get(Vacancy, m.vacancy_id)
        slug = s.get(Organisation, vacancy.employer_id).slug
        vid, version = vacancy.id, vacancy.version
    employer = demo_keys["employer"][slug]
    officer = _officer(demo_keys)
    before = demo_client.get(f"/api/v1/vacancies/{vid}/matches", headers=officer).json()["items"]
    assert any(x["components"].get("language", 0) > 0 for x in before)
    # Nobody in the demo pools speaks Icelandic at C2.
    r = demo_client.patch(
        f"/api/v1/vacancies/{vid}",
        headers={**employer, "If-Match": str(version)},
        json={"languages": [{"language": "is", "min_level": "C2"}]},
    )
    assert r.status_code == 200, r.text
    after = demo_client.get(f"/api/v1/vacancies/{vid}/matches", headers=officer).json()["items"]
    assert after and all(x["components"]["language"] == 0 for x in after)


def test_matches_served_after_a_pool_update_reflect_it(
    demo_client, demo_database, demo_keys
) -> None:
    from app.auth.models import Organisation

    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        pool = s.get(Pool, m.pool_id)
        slug = s.get(Organisation, pool.ministry_id).slug
        pid, version, headcount = pool.id, pool.version, pool.headcount
    ministry = demo_keys["ministry"][slug]
    officer = _officer(demo_keys)
    r = demo_client.patch(
        f"/api/v1/pools/{pid}",
        headers={**ministry, "If-Match": str(version)},
        json={"headcount": headcount * 10},
    )
    assert r.status_code == 200, r.text
    page = demo_client.get(
        f"/api/v1/vacancies/{m.vacancy_id}/matches", headers=officer, params={"limit": 200}
    ).json()["items"]
    row = next(x for x in page if x["pool_id"] == str(pid))
    assert row["eligible_headcount"] > m.eligible_headcount
    assert row["pool"]["headcount"] == headcount * 10


def test_pool_columns_from_rows_equal_the_records(demo_database) -> None:
    with demo_database.session() as s:
        rows = list(s.scalars(select(Pool).where(Pool.status == "active").order_by(Pool.id)))
        records = adapters.pool_records(s, rows)
        columns, ministries = adapters.pool_columns(s)
        some, _ = adapters.pool_columns(s, [r.id for r in rows[:3]])
    assert columns.to_pools() == records
    assert ministries == [r.ministry_id for r in rows]
    assert some.to_pools() == records[:3]


def test_open_vacancy_records_from_rows_equal_the_orm_path(demo_database) -> None:
    with demo_database.session() as s:
        rows = list(s.scalars(select(Vacancy).where(Vacancy.status == "open").order_by(Vacancy.id)))
        records, employers = adapters.open_vacancies(s)
        assert records == adapters.vacancy_records(s, rows)
        assert employers == [v.employer_id for v in rows]


def test_a_quota_used_up_blocks_other_vacancies_on_the_next_read(
    demo_client, demo_database, demo_keys
) -> None:
    officer = _officer(demo_keys)
    m = eligible(demo_database, min_headcount=1)[0]
    with demo_database.session() as s:
        start = s.get(Vacancy, m.vacancy_id).start_date
        pathway = s.scalar(select(LegalPathway).where(LegalPathway.code == m.pathway_code))
        pathway.annual_quota = 1
        s.commit()
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=officer,
        json={"decision": "approved", "headcount": 1, "note": "uses the quota up"},
    )
    assert r.status_code == 201, r.text
    others = [
        x
        for x in eligible(demo_database)
        if x.pathway_code == m.pathway_code and x.vacancy_id != m.vacancy_id
    ]
    with demo_database.session() as s:
        same_year = [
            x for x in others if s.get(Vacancy, x.vacancy_id).start_date.year == start.year
        ]
    assert not same_year  # nobody else is eligible under the used-up quota that year
