"""Stored matches follow every change of their inputs (app/matches/service.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.config import Settings
from app.matches import adapters, service
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.reviews.models import Decision
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


# ---- the write path's pieces: index from rows, either ranking direction, precise re-ranks ------


def test_pool_columns_from_rows_equal_the_records(demo_database) -> None:

    with demo_database.session() as s:
        rows = list(s.scalars(select(Pool).where(Pool.status == "active").order_by(Pool.id)))
        records = adapters.pool_records(s, rows)
        columns = adapters.active_pool_columns(s)
    assert columns.to_pools() == records


def _stored(db, pool_id) -> set[tuple]:
    with db.session() as s:
        return {
            (m.vacancy_id, m.eligible, m.eligible_headcount, m.pathway_code, round(m.score, 12))
            for m in s.scalars(select(Match).where(Match.pool_id == pool_id))
        }


def test_few_and_many_changed_pools_store_the_same_pairs(demo_database, monkeypatch) -> None:
    """A pool ranked against an index of the vacancies (few changed pools) stores what an index
    of the changed pools ranked by every vacancy (a survey wave) stores."""
    settings = _settings(demo_database)
    with demo_database.session() as s:
        pools = list(s.scalars(select(Pool).where(Pool.status == "active").order_by(Pool.id)))[:6]
        ids = [p.id for p in pools]
        service.recompute_pools(s, settings, pools)
        s.commit()
    few = {pid: _stored(demo_database, pid) for pid in ids}
    monkeypatch.setattr(adapters, "FEW_POOLS", 0)
    with demo_database.session() as s:
        service.recompute_pools(s, settings, [s.get(Pool, pid) for pid in ids])
        s.commit()
    assert {pid: _stored(demo_database, pid) for pid in ids} == few
    assert any(few.values())


def _approve(client, headers, match_id, headcount: int):
    return client.post(
        f"/api/v1/matches/{match_id}/decisions",
        headers=headers,
        json={"decision": "approved", "headcount": headcount},
    )


def _computed(db, vacancy_id) -> dict:
    with db.session() as s:
        return {
            m.pool_id: m.computed_at
            for m in s.scalars(select(Match).where(Match.vacancy_id == vacancy_id))
        }


def test_an_approval_reranks_other_vacancies_only_when_a_quota_runs_out(
    demo_database, demo_client, demo_keys
) -> None:
    headers = next(iter(demo_keys["officer"].values()))
    with demo_database.session() as s:
        # A pathway with a quota, and two open vacancies of its destination and start year
        # with eligible pairs under it on different pools.
        pairs = s.execute(
            select(Match, Vacancy, LegalPathway)
            .join(Vacancy, Vacancy.id == Match.vacancy_id)
            .join(LegalPathway, LegalPathway.code == Match.pathway_code)
            .where(
                Match.eligible.is_(True),
                Match.eligible_headcount >= 2,
                Vacancy.status == "open",
                Vacancy.openings >= 2,
                LegalPathway.annual_quota.is_not(None),
            )
            .order_by(LegalPathway.code, Match.score.desc(), Match.id)
        ).all()
        by_code: dict[str, list] = {}
        for m, v, p in pairs:
            by_code.setdefault((p.code, v.start_date.year), []).append((m, v, p))
        found = None
        for items in by_code.values():
            first = items[0]
            other = next(
                (x for x in items if x[1].id != first[1].id and x[0].pool_id != first[0].pool_id),
                None,
            )
            if other is not None:
                found = (first, other)
                break
        assert found is not None, "the demo has a quota pathway with two vacancies"
        (m1, v1, pathway), (m2, v2, _) = found
        code, year = pathway.code, v1.start_date.year
        used = sum(
            d.headcount if d.decision == "approved" else -d.headcount
            for d in s.scalars(
                select(Decision).where(
                    Decision.pathway_code == code,
                    Decision.quota_year == year,
                    Decision.decision.in_(("approved", "withdrawn")),
                )
            )
        )
        # Make the quota leave room for exactly two workers.
        s.get(LegalPathway, pathway.id).annual_quota = used + 2
        s.commit()
        service.recompute_destinations(s, _settings(demo_database), [v1.destination_country])
        s.commit()
    before = _computed(demo_database, v2.id)
    assert _approve(demo_client, headers, m1.id, 1).status_code == 201
    # One place left: the quota still admits, so the other vacancy was not re-ranked (only its
    # pair with the approved pool, whose capacity moved, was re-scored).
    after = _computed(demo_database, v2.id)
    assert {k: v for k, v in after.items() if k != m1.pool_id} == {
        k: v for k, v in before.items() if k != m1.pool_id
    }
    v1_before = _computed(demo_database, v1.id)
    assert _approve(demo_client, headers, m2.id, 1).status_code == 201
    # Now it is used up: the destination's vacancies starting that year are re-ranked, and no
    # pair is admitted under the pathway any more.
    moved = {m1.pool_id, m2.pool_id}
    v1_after = _computed(demo_database, v1.id)
    others = [k for k in v1_before if k not in moved and k in v1_after]
    assert others and all(v1_after[k] != v1_before[k] for k in others)
    with demo_database.session() as s:
        rows = list(s.scalars(select(Match).where(Match.vacancy_id == v1.id)))
        assert not any(
            r.eligible and r.pathway_code == code for r in rows if r.pool_id not in moved
        )
