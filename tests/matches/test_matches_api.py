"""Ranked matches through the API on the demo data."""

from __future__ import annotations

from sqlalchemy import select

from app.auth.models import Organisation
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from tests.market import eligible


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _open_vacancies(demo_database) -> list[Vacancy]:
    with demo_database.session() as s:
        return list(s.scalars(select(Vacancy).where(Vacancy.status == "open")))


def _sort_key(m: dict) -> tuple:
    return (-m["score"], -m["eligible_headcount"], m["pool_id"])


def test_every_open_demo_vacancy_has_ranked_eligible_matches(
    demo_client, demo_database, demo_keys
) -> None:
    officer = _officer(demo_keys)
    vacancies = _open_vacancies(demo_database)
    assert len(vacancies) >= 40
    for v in vacancies:
        r = demo_client.get(f"/api/v1/vacancies/{v.id}/matches", headers=officer)
        assert r.status_code == 200, r.text
        page = r.json()
        items = page["items"]
        assert items, f"no eligible pool for {v.title}"
        assert all(m["eligible"] and m["pathway"] for m in items)
        assert items == sorted(items, key=_sort_key)
        assert [m["rank"] for m in items] == list(range(1, len(items) + 1))
        top = items[0]
        names = [c["name"] for c in top["explanation"]["components"]]
        assert "occupation" in names and "skills" in names
        total = sum(c["contribution"] for c in top["explanation"]["components"])
        assert abs(total - top["score"]) < 1e-9
        assert top["explanation"]["eligibility"]["checks_passed"]
        assert top["pool"]["headcount"] >= 1


def test_blocked_pairs_are_listed_with_reasons_on_request(demo_client, demo_keys) -> None:
    officer = _officer(demo_keys)
    seen: set[str] = set()
    r = demo_client.get("/api/v1/vacancies", headers=officer, params={"limit": 200})
    ids = [v["id"] for v in r.json()["items"]] if r.status_code == 200 else []
    assert ids, "the vacancy list is served"
    for vid in ids:
        page = demo_client.get(
            f"/api/v1/vacancies/{vid}/matches",
            headers=officer,
            params={"include_ineligible": True, "limit": 200},
        ).json()
        for m in page["items"]:
            if not m["eligible"]:
                assert m["reasons"], "every blocked pair says why"
                assert m["eligible_headcount"] == 0
                seen.update(reason["code"] for reason in m["reasons"])
    # The demo exhibits the rules that matter most.
    assert {"ethical_recruitment_health", "origin_not_covered", "language_below_minimum"} <= seen


def test_pagination_is_stable(demo_client, demo_database, demo_keys) -> None:
    officer = _officer(demo_keys)
    v = max(_open_vacancies(demo_database), key=lambda v: v.openings)
    url = f"/api/v1/vacancies/{v.id}/matches"
    whole = demo_client.get(url, headers=officer, params={"limit": 20}).json()["items"]
    a = demo_client.get(url, headers=officer, params={"limit": 10}).json()["items"]
    b = demo_client.get(url, headers=officer, params={"limit": 10, "offset": 10}).json()["items"]
    assert [m["id"] for m in a + b] == [m["id"] for m in whole]


def test_employer_sees_own_vacancy_matches_only(demo_client, demo_database, demo_keys) -> None:
    with demo_database.session() as s:
        v = s.scalars(select(Vacancy).where(Vacancy.status == "open")).first()
        own_slug = s.get(Organisation, v.employer_id).slug
    own = demo_keys["employer"][own_slug]
    other = next(h for slug, h in demo_keys["employer"].items() if slug != own_slug)
    r = demo_client.get(f"/api/v1/vacancies/{v.id}/matches", headers=own)
    assert r.status_code == 200 and r.json()["items"]
    match_id = r.json()["items"][0]["id"]
    assert demo_client.get(f"/api/v1/matches/{match_id}", headers=own).status_code == 200
    # Another employer: the vacancy and the match do not exist for it.
    assert demo_client.get(f"/api/v1/vacancies/{v.id}/matches", headers=other).status_code == 404
    assert demo_client.get(f"/api/v1/matches/{match_id}", headers=other).status_code == 404
    # Unauthenticated: 401 problem.
    r = demo_client.get(f"/api/v1/vacancies/{v.id}/matches")
    assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"


def test_ministry_sees_matches_of_its_own_pools_only(demo_client, demo_database, demo_keys) -> None:
    with demo_database.session() as s:
        orgs = {o.id: o.slug for o in s.scalars(select(Organisation))}
        pools = list(s.scalars(select(Pool)))
    officer = _officer(demo_keys)
    for pool in pools:
        page = demo_client.get(f"/api/v1/pools/{pool.id}/matches", headers=officer).json()
        if page["items"]:
            break
    else:
        raise AssertionError("no pool has matches")
    slug = orgs[pool.ministry_id]
    own = demo_keys["ministry"][slug]
    other = next(h for s_, h in demo_keys["ministry"].items() if s_ != slug)
    mine = demo_client.get(f"/api/v1/pools/{pool.id}/matches", headers=own).json()
    assert [m["id"] for m in mine["items"]] == [m["id"] for m in page["items"]]
    assert demo_client.get(f"/api/v1/pools/{pool.id}/matches", headers=other).status_code == 404
    # Through a vacancy, a ministry sees only the pairs with its own pools.
    vid = page["items"][0]["vacancy_id"]
    via_vacancy = demo_client.get(
        f"/api/v1/vacancies/{vid}/matches", headers=own, params={"limit": 200}
    ).json()["items"]
    assert via_vacancy and {m["pool_id"] for m in via_vacancy} <= {
        str(p.id) for p in pools if p.ministry_id == pool.ministry_id
    }


def test_cached_page_drops_a_withdrawn_pool_that_carries_a_decision(
    demo_client, demo_database, demo_keys
) -> None:
    """A decided pair stays as history; the withdrawn pool must still leave the served page."""
    from app.matches.models import Match

    officer = _officer(demo_keys)
    m = eligible(demo_database)[0]  # the best-ranked pair
    with demo_database.session() as s:
        pool = s.get(Pool, m.pool_id)
        slug = {o.id: o.slug for o in s.scalars(select(Organisation))}[pool.ministry_id]
        version = pool.version
    url = f"/api/v1/vacancies/{m.vacancy_id}/matches"
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions", headers=officer, json={"decision": "shortlisted"}
    )
    assert r.status_code == 201
    with demo_database.session() as s:
        assert s.get(Match, m.id) is not None  # decided: the pair has its row now
    page = demo_client.get(url, headers=officer, params={"limit": 200}).json()["items"]
    assert str(pool.id) in {x["pool_id"] for x in page}  # cached now
    r = demo_client.post(
        f"/api/v1/pools/{pool.id}/withdraw",
        headers={**demo_keys["ministry"][slug], "If-Match": str(version)},
    )
    assert r.status_code == 200, r.text
    page = demo_client.get(url, headers=officer, params={"limit": 200}).json()["items"]
    assert str(pool.id) not in {x["pool_id"] for x in page}


def test_ministry_cannot_read_a_match_of_a_closed_vacancy(
    demo_client, demo_database, demo_keys
) -> None:
    m = eligible(demo_database)[0]
    with demo_database.session() as s:
        pool = s.get(Pool, m.pool_id)
        vacancy = s.get(Vacancy, m.vacancy_id)
        slugs = {o.id: o.slug for o in s.scalars(select(Organisation))}
    ministry = demo_keys["ministry"][slugs[pool.ministry_id]]
    employer = demo_keys["employer"][slugs[vacancy.employer_id]]
    assert demo_client.get(f"/api/v1/matches/{m.id}", headers=ministry).status_code == 200
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=_officer(demo_keys),
        json={"decision": "shortlisted"},
    )
    assert r.status_code == 201  # a decided pair is kept after the vacancy closes
    r = demo_client.post(
        f"/api/v1/vacancies/{vacancy.id}/close",
        headers={**employer, "If-Match": str(vacancy.version)},
    )
    assert r.status_code == 200, r.text
    assert demo_client.get(f"/api/v1/matches/{m.id}", headers=ministry).status_code == 404
    # The officer still reads it: as last decided, the vacancy being out of the market.
    kept = demo_client.get(f"/api/v1/matches/{m.id}", headers=_officer(demo_keys))
    assert kept.status_code == 200 and kept.json()["id"] == str(m.id), kept.text
