"""Stored matches follow every change of their inputs (app/matches/service.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.config import Settings
from app.matches import service
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from matching import ENGINE_VERSION
from matching.weights import weights_hash


def _settings(db, **kw) -> Settings:
    return Settings(environment="test", database_url=db.url, **kw)


def _a_match(s) -> Match:
    return s.scalars(
        select(Match).where(Match.eligible.is_(True)).order_by(Match.score.desc())
    ).first()


def test_pool_change_rescored_in_the_same_transaction(demo_database) -> None:
    settings = _settings(demo_database)
    with demo_database.session() as s:
        m = _a_match(s)
        pool = s.get(Pool, m.pool_id)
        before = m.eligible_headcount
        pool.headcount = pool.headcount * 3
        service.recompute_pools(s, settings, [pool])
        s.commit()
    with demo_database.session() as s:
        fresh = s.scalar(
            select(Match).where(Match.vacancy_id == m.vacancy_id, Match.pool_id == m.pool_id)
        )
        assert fresh.eligible_headcount >= before * 3 - 2


def test_withdrawn_pool_leaves_the_rankings(demo_database) -> None:
    settings = _settings(demo_database)
    with demo_database.session() as s:
        m = _a_match(s)
        pool = s.get(Pool, m.pool_id)
        pool.status = "withdrawn"
        service.recompute_pools(s, settings, [pool])
        s.commit()
        assert s.scalar(select(Match).where(Match.pool_id == pool.id)) is None


def test_pathway_change_recomputes_its_destination(demo_database) -> None:
    settings = _settings(demo_database)
    with demo_database.session() as s:
        m = _a_match(s)
        vacancy = s.get(Vacancy, m.vacancy_id)
        pool = s.get(Pool, m.pool_id)
        # Close every pathway of the destination to this pool's origin.
        for p in s.scalars(
            select(LegalPathway).where(
                LegalPathway.destination_country == vacancy.destination_country
            )
        ):
            p.origin_countries = ["AQ"]
        service.recompute_destinations(s, settings, [vacancy.destination_country])
        s.commit()
        row = s.scalar(
            select(Match).where(Match.vacancy_id == vacancy.id, Match.pool_id == pool.id)
        )
        assert row is None or (
            not row.eligible and any(r["code"] == "origin_not_covered" for r in row.reasons)
        )


def test_closed_vacancy_has_no_undecided_matches(demo_database) -> None:
    settings = _settings(demo_database)
    with demo_database.session() as s:
        m = _a_match(s)
        vacancy = s.get(Vacancy, m.vacancy_id)
        vacancy.status = "closed"
        service.recompute_vacancies(s, settings, [vacancy])
        s.commit()
        assert s.scalar(select(Match).where(Match.vacancy_id == vacancy.id)) is None


def test_new_weights_are_never_served_from_old_rows(demo_database) -> None:
    weights = {"skills": 0.1, "occupation": 0.7}
    settings = _settings(demo_database, match_weights=weights)
    with demo_database.session() as s:
        m = _a_match(s)
        vacancy = s.get(Vacancy, m.vacancy_id)
        assert m.weights_hash != weights_hash(settings.weights)
        service.vacancy_fingerprint(s, settings, vacancy)
        s.commit()
        rows = list(s.scalars(select(Match).where(Match.vacancy_id == vacancy.id)))
        assert rows and all(r.weights_hash == weights_hash(settings.weights) for r in rows)
        assert all(r.engine_version == ENGINE_VERSION for r in rows)


def test_matches_served_after_a_vacancy_update_reflect_it(
    demo_client, demo_database, demo_keys
) -> None:
    """PATCH a vacancy through the API: the very next read serves matches of the new version."""
    from app.auth.models import Organisation

    with demo_database.session() as s:
        m = _a_match(s)
        vacancy = s.get(Vacancy, m.vacancy_id)
        slug = s.get(Organisation, vacancy.employer_id).slug
        vid, version = vacancy.id, vacancy.version
    employer = demo_keys["employer"][slug]
    officer = next(iter(demo_keys["officer"].values()))
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

    with demo_database.session() as s:
        m = _a_match(s)
        pool = s.get(Pool, m.pool_id)
        slug = s.get(Organisation, pool.ministry_id).slug
        pid, version, headcount = pool.id, pool.version, pool.headcount
    ministry = demo_keys["ministry"][slug]
    officer = next(iter(demo_keys["officer"].values()))
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
