"""Officers' decisions: history, approvals that consume quota and openings, and races."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.reviews.models import Decision
from app.vacancies.models import Vacancy
from tests.conftest import make_test_app


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _eligible(db, *where) -> Match:
    with db.session() as s:
        return s.scalars(
            select(Match)
            .where(Match.eligible.is_(True), Match.eligible_headcount >= 5, *where)
            .order_by(Match.score.desc(), Match.id)
        ).first()


def _approved(db, *where) -> int:
    with db.session() as s:
        return int(
            s.scalar(
                select(func.coalesce(func.sum(Decision.headcount), 0)).where(
                    Decision.decision == "approved", *where
                )
            )
            or 0
        )


def test_decision_history_and_access(demo_client, demo_database, demo_keys) -> None:
    m = _eligible(demo_database)
    officer = _officer(demo_keys)
    url = f"/api/v1/matches/{m.id}/decisions"
    r = demo_client.post(url, headers=officer, json={"decision": "shortlisted", "note": "good"})
    assert r.status_code == 201, r.text
    r = demo_client.post(
        url, headers=officer, json={"decision": "needs_information", "note": "CEFR certificates?"}
    )
    assert r.status_code == 201
    history = demo_client.get(url, headers=officer).json()
    assert [d["decision"] for d in history] == ["shortlisted", "needs_information"]
    assert history[0]["officer_id"] and history[0]["pathway_code"] == m.pathway_code
    # Employers and ministries cannot decide.
    for role in ("employer", "ministry"):
        headers = next(iter(demo_keys[role].values()))
        assert (
            demo_client.post(url, headers=headers, json={"decision": "rejected"}).status_code == 403
        )


def test_invalid_decisions_are_422(demo_client, demo_database, demo_keys) -> None:
    m = _eligible(demo_database)
    url = f"/api/v1/matches/{m.id}/decisions"
    officer = _officer(demo_keys)
    r = demo_client.post(url, headers=officer, json={"decision": "approved"})
    assert r.status_code == 422 and "headcount" in r.json()["detail"]
    r = demo_client.post(url, headers=officer, json={"decision": "maybe"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.decision"
    assert _approved(demo_database) == 0


def test_approval_consumes_openings_and_is_refused_past_them(
    demo_client, demo_database, demo_keys
) -> None:
    m = _eligible(demo_database)
    officer = _officer(demo_keys)
    with demo_database.session() as s:
        openings = s.get(Vacancy, m.vacancy_id).openings
    take = min(openings, m.eligible_headcount) - 1 if openings > 1 else 1
    url = f"/api/v1/matches/{m.id}/decisions"
    r = demo_client.post(url, headers=officer, json={"decision": "approved", "headcount": take})
    assert r.status_code == 201, r.text
    r = demo_client.post(url, headers=officer, json={"decision": "approved", "headcount": openings})
    assert r.status_code == 409
    assert r.json()["code"] in {"openings_exhausted", "pool_exhausted"}
    assert _approved(demo_database, Decision.vacancy_id == m.vacancy_id) == take


def test_quota_exhaustion_blocks_further_approvals(demo_client, demo_database, demo_keys) -> None:
    m = _eligible(demo_database)
    officer = _officer(demo_keys)
    with demo_database.session() as s:
        pathway = s.scalar(select(LegalPathway).where(LegalPathway.code == m.pathway_code))
        pathway.annual_quota = 2
        s.commit()
    url = f"/api/v1/matches/{m.id}/decisions"
    r = demo_client.post(url, headers=officer, json={"decision": "approved", "headcount": 3})
    assert r.status_code == 409 and r.json()["code"] == "quota_exhausted"
    assert r.json()["remaining"] == 2
    r = demo_client.post(url, headers=officer, json={"decision": "approved", "headcount": 2})
    assert r.status_code == 201, r.text
    # The approval used the quota up: pairs under that pathway are re-ranked and now say so.
    with demo_database.session() as s:
        blocked = s.scalars(select(Match).where(Match.eligible.is_(False))).all()
        codes = {r["code"] for row in blocked for r in row.reasons}
        assert (
            "quota_exhausted" in codes
            or not s.scalars(
                select(Match).where(
                    Match.pathway_code == m.pathway_code, Match.eligible.is_(True), Match.id != m.id
                )
            ).first()
        )


def test_ineligible_pair_cannot_be_approved(demo_client, demo_database, demo_keys) -> None:
    with demo_database.session() as s:
        m = s.scalars(select(Match).where(Match.eligible.is_(False))).first()
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions",
        headers=_officer(demo_keys),
        json={"decision": "approved", "headcount": 1},
    )
    assert r.status_code == 409
    assert _approved(demo_database) == 0


def _race(database, url: str, headers: dict[str, str], n: int) -> list[int]:
    """n clients post one approval each at the same moment; returns their status codes."""
    app = make_test_app(database)
    barrier = threading.Barrier(n)
    codes: list[int] = []
    lock = threading.Lock()

    def go() -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            barrier.wait()
            r = c.post(url, headers=headers, json={"decision": "approved", "headcount": 1})
            with lock:
                codes.append(r.status_code)

    threads = [threading.Thread(target=go) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return codes


def test_concurrent_approvals_never_exceed_openings(demo_database, demo_keys) -> None:
    m = _eligible(demo_database)
    with demo_database.session() as s:
        s.get(Vacancy, m.vacancy_id).openings = 3
        s.commit()
    codes = _race(demo_database, f"/api/v1/matches/{m.id}/decisions", _officer(demo_keys), 8)
    assert sorted(codes) == [201] * 3 + [409] * 5, codes
    assert _approved(demo_database, Decision.vacancy_id == m.vacancy_id) == 3


def test_concurrent_approvals_never_exceed_quota(demo_database, demo_keys) -> None:
    m = _eligible(demo_database)
    with demo_database.session() as s:
        s.scalar(select(LegalPathway).where(LegalPathway.code == m.pathway_code)).annual_quota = 2
        s.get(Vacancy, m.vacancy_id).openings = 100
        s.commit()
    codes = _race(demo_database, f"/api/v1/matches/{m.id}/decisions", _officer(demo_keys), 6)
    assert sorted(codes) == [201] * 2 + [409] * 4, codes
    assert _approved(demo_database, Decision.pathway_code == m.pathway_code) == 2
