"""Labour pool API: create, read, list, update with If-Match, withdraw, and the access rules."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.pools.models import Pool, PoolSkill
from tests.pools.conftest import allow_origins, pool_payload

URL = "/api/v1/pools"


def _create(client, actor, **overrides: Any) -> dict[str, Any]:
    r = client.post(URL, json=pool_payload(**overrides), headers=actor.headers)
    assert r.status_code == 201, r.text
    return r.json()


def _events(database, entity_id: str) -> list[AuditEvent]:
    with database.session() as s:
        stmt = select(AuditEvent).where(AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
        return list(s.scalars(stmt))


def _stored(database, pid: str) -> tuple[Pool, dict[str, float]]:
    with database.session() as s:
        pool = s.get(Pool, uuid.UUID(pid))
        skills = dict(
            s.execute(
                select(PoolSkill.skill_id, PoolSkill.share).where(PoolSkill.pool_id == pool.id)
            ).all()
        )
        return pool, skills


# ---- create ----------------------------------------------------------------------------------


def test_create_stores_the_pool(client, actors, database, snapshot) -> None:
    ministry = actors["ministry"]
    before = snapshot()
    r = client.post(URL, json=pool_payload(external_ref="PH-1"), headers=ministry.headers)
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["etag"] == '"1"' and r.headers["location"] == f"{URL}/{body['id']}"
    assert body["ministry_id"] == str(ministry.org_id)
    assert body["occupation"] == "2221" and body["occupation_title"] == "Nursing professionals"
    assert {(s["skill"], s["share"]) for s in body["skills"]} == {
        ("patient-assessment", 0.9),
        ("wound-care", 0.6),
    }
    assert body["skills"][0]["label"]
    assert body["status"] == "active" and body["version"] == 1 and body["upload_id"] is None
    after = snapshot()
    assert after["pools"] == before["pools"] + 1
    assert after["pool_skills"] == before["pool_skills"] + 2
    assert after["pool_languages"] == before["pool_languages"] + 2
    assert after["audit_events"] == before["audit_events"] + 1
    [event] = _events(database, body["id"])
    assert event.action == "create" and event.entity_type == "pool"
    assert event.actor_id == ministry.user_id and event.before is None
    assert event.after["headcount"] == 120 and event.after["origin_country"] == "PH"
    got = client.get(f"{URL}/{body['id']}", headers=ministry.headers)
    assert got.json() == body and got.headers["etag"] == '"1"'


def test_default_skill_share_is_one(client, actors) -> None:
    body = _create(client, actors["ministry"], skills=[{"skill": "wound-care"}])
    assert body["skills"][0]["share"] == 1.0


BAD_INPUTS = [
    ({"occupation": "9999"}, "body.occupation"),
    ({"sector": "04"}, "body.sector"),
    ({"origin_country": "XX"}, "body.origin_country"),
    ({"languages": [{"language": "xx", "level": "B1", "share": 0.5}]},
     "body.languages[0].language"),
    ({"languages": [{"language": "en", "level": "D1", "share": 0.5}]}, "body.languages[0].level"),
    ({"languages": [{"language": "en", "level": "B1", "share": 0.7},
                    {"language": "en", "level": "C1", "share": 0.5}]}, "body.languages"),
    ({"skills": [{"skill": "wound-care", "share": 1.5}]}, "body.skills[0].share"),
    ({"skills": [{"skill": "wound-care", "share": -0.1}]}, "body.skills[0].share"),
    ({"skills": [{"skill": "wound-care"}, {"skill": "wound-care"}]}, "body.skills"),
    ({"skills": [{"skill": "wound-care"}, {"skill": "unknown-skill"}]}, "body.skills[1].skill"),
    ({"headcount": 0}, "body.headcount"),
    ({"headcount": -5}, "body.headcount"),
    ({"isced_level": 11}, "body.isced_level"),
    ({"experience_years": -1}, "body.experience_years"),
    ({"name": "Juan dela Cruz"}, "body.name"),
]  # fmt: skip


def test_bad_input_is_422_at_the_field_and_stores_nothing(client, actors, snapshot) -> None:
    before = snapshot()
    for change, field in BAD_INPUTS:
        r = client.post(URL, json=pool_payload(**change), headers=actors["ministry"].headers)
        assert r.status_code == 422, (change, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert field in [e["field"] for e in r.json()["errors"]], (change, r.json()["errors"])
        assert snapshot() == before, change


def test_duplicate_external_ref_is_409(client, database, actors, snapshot) -> None:
    first = _create(client, actors["ministry"], external_ref="S-1")
    before = snapshot()
    # Another pool (another region) cannot take the reference.
    other = pool_payload(external_ref="S-1", region="Ilocos")
    r = client.post(URL, json=other, headers=actors["ministry"].headers)
    assert r.status_code == 409 and r.json()["existing_id"] == first["id"]
    assert snapshot() == before
    allow_origins(database, actors["ministry2"], "PH")
    assert client.post(URL, json=other, headers=actors["ministry2"].headers).status_code == 201


def test_admin_creates_for_a_named_ministry(client, actors) -> None:
    admin = actors["admin"].headers
    r = client.post(URL, json=pool_payload(), headers=admin)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "query.ministry_id"
    r = client.post(
        URL,
        json=pool_payload(),
        headers=admin,
        params={"ministry_id": str(actors["employer"].org_id)},
    )
    assert r.status_code == 422
    r = client.post(
        URL,
        json=pool_payload(),
        headers=admin,
        params={"ministry_id": str(actors["ministry"].org_id)},
    )
    assert r.status_code == 201 and r.json()["ministry_id"] == str(actors["ministry"].org_id)


def test_retried_create_with_idempotency_key(client, actors, snapshot) -> None:
    headers = {**actors["ministry"].headers, "Idempotency-Key": "pool-1"}
    first = client.post(URL, json=pool_payload(), headers=headers)
    created = snapshot()
    again = client.post(URL, json=pool_payload(), headers=headers)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert snapshot() == created
    other = client.post(URL, json=pool_payload(headcount=3), headers=headers)
    assert other.status_code == 422
    assert snapshot() == created


def test_a_title_is_coded(client, actors, fake_coder) -> None:
    from tests.vacancies.conftest import FakeSuggestion

    fake_coder([FakeSuggestion("5322", "Home-based personal care workers", 0.8)])
    body = _create(client, actors["ministry"], occupation="caregiver")
    assert body["occupation"] == "5322"
    assert body["occupation_coding"]["input"] == "caregiver"


# ---- access ------------------------------------------------------------------------------------


def test_who_may_create(client, actors, snapshot) -> None:
    before = snapshot()
    for role in ("employer", "officer"):
        assert (
            client.post(URL, json=pool_payload(), headers=actors[role].headers).status_code == 403
        )
    assert client.post(URL, json=pool_payload()).status_code == 401
    assert snapshot() == before


def test_ministries_see_only_their_own(client, actors, snapshot) -> None:
    mine = _create(client, actors["ministry"])
    theirs = _create(client, actors["ministry2"], origin_country="IN")
    ministry = actors["ministry"].headers
    listed = client.get(URL, headers=ministry).json()
    assert [p["id"] for p in listed["items"]] == [mine["id"]] and listed["total"] == 1
    assert client.get(f"{URL}/{theirs['id']}", headers=ministry).status_code == 404
    before = snapshot()
    r = client.patch(
        f"{URL}/{theirs['id']}", json={"headcount": 1}, headers={**ministry, "If-Match": "1"}
    )
    assert r.status_code == 404
    assert client.post(f"{URL}/{theirs['id']}/withdraw", headers=ministry).status_code == 404
    assert snapshot() == before


def test_employers_read_no_pool_outside_their_matches(client, actors) -> None:
    pid = _create(client, actors["ministry"])["id"]  # no vacancy of the employer: no match
    employer = actors["employer"].headers
    assert client.get(URL, headers=employer).status_code == 403
    missing = "00000000-0000-0000-0000-000000000000"
    r, unknown = (client.get(f"{URL}/{i}", headers=employer) for i in (pid, missing))
    assert r.status_code == unknown.status_code == 404
    assert r.json()["detail"].replace(pid, missing) == unknown.json()["detail"]


def test_officers_and_admins_read_all_and_officers_cannot_write(client, actors) -> None:
    a = _create(client, actors["ministry"])
    b = _create(client, actors["ministry2"], origin_country="IN")
    for role in ("officer", "admin"):
        h = actors[role].headers
        assert {p["id"] for p in client.get(URL, headers=h).json()["items"]} == {a["id"], b["id"]}
        assert client.get(f"{URL}/{a['id']}", headers=h).status_code == 200
    officer = actors["officer"].headers
    r = client.patch(
        f"{URL}/{a['id']}", json={"headcount": 1}, headers={**officer, "If-Match": "1"}
    )
    assert r.status_code == 403
    assert client.post(f"{URL}/{a['id']}/withdraw", headers=officer).status_code == 403
    admin = actors["admin"].headers
    r = client.patch(f"{URL}/{a['id']}", json={"headcount": 1}, headers={**admin, "If-Match": "1"})
    assert r.status_code == 200


# ---- list ----------------------------------------------------------------------------------------


def test_list_filters_and_pagination(client, actors) -> None:
    m1, m2 = actors["ministry"], actors["ministry2"]
    made = {
        "nurse_ph": _create(client, m1)["id"],
        "carer_ph": _create(client, m1, occupation="5322", sector="87", skills=[])["id"],
        "dev_in": _create(client, m2, origin_country="IN", occupation="2512", sector="62",
                          skills=[])["id"],
        "nurse_in": _create(client, m2, origin_country="IN")["id"],
    }  # fmt: skip
    client.post(f"{URL}/{made['nurse_in']}/withdraw", headers=m2.headers)
    cases = [
        ({"origin": "ph"}, {"nurse_ph", "carer_ph"}),
        ({"occupation": "22"}, {"nurse_ph", "nurse_in"}),
        ({"occupation": "25"}, {"dev_in"}),
        ({"sector": "Q"}, {"nurse_ph", "carer_ph", "nurse_in"}),
        ({"sector": "87"}, {"carer_ph"}),
        ({"status": "withdrawn"}, {"nurse_in"}),
        ({"status": "active", "origin": "IN"}, {"dev_in"}),
        ({"ministry_id": str(m2.org_id)}, {"dev_in", "nurse_in"}),
    ]
    officer = actors["officer"].headers
    for params, expected in cases:
        r = client.get(URL, headers=officer, params=params)
        assert r.status_code == 200, (params, r.text)
        assert {p["id"] for p in r.json()["items"]} == {made[k] for k in expected}, params
        assert r.json()["total"] == len(expected)
    pages = [
        client.get(URL, headers=officer, params={"limit": 3, "offset": o}).json() for o in (0, 3)
    ]
    ids = [p["id"] for page in pages for p in page["items"]]
    assert sorted(ids) == sorted(made.values()) and pages[0]["total"] == 4
    for params in ({"origin": "ZZ"}, {"occupation": "x"}, {"status": "open"}, {"limit": 500}):
        assert client.get(URL, headers=officer, params=params).status_code == 422, params


# ---- update and withdraw ---------------------------------------------------------------------


def test_update_with_if_match(client, actors, database) -> None:
    ministry = actors["ministry"]
    pid = _create(client, ministry)["id"]
    r = client.patch(
        f"{URL}/{pid}",
        json={"headcount": 80, "skills": [{"skill": "wound-care", "share": 0.75}]},
        headers={**ministry.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2 and r.headers["etag"] == '"2"'
    pool, skills = _stored(database, pid)
    assert pool.headcount == 80 and skills == {"wound-care": 0.75}
    _, update = _events(database, pid)
    assert update.action == "update" and update.actor_id == ministry.user_id
    assert update.before["headcount"] == 120 and update.after["headcount"] == 80
    assert set(update.after) == {"headcount", "skills"}


def test_stale_update_is_409_and_writes_nothing(client, actors, database, snapshot) -> None:
    ministry = actors["ministry"]
    pid = _create(client, ministry)["id"]
    h = {**ministry.headers, "If-Match": "1"}
    assert client.patch(f"{URL}/{pid}", json={"headcount": 50}, headers=h).status_code == 200
    before = snapshot()
    r = client.patch(f"{URL}/{pid}", json={"headcount": 10, "skills": []}, headers=h)
    assert r.status_code == 409 and r.json()["current_version"] == 2
    pool, skills = _stored(database, pid)
    assert pool.headcount == 50 and len(skills) == 2
    assert snapshot() == before


def test_update_needs_if_match(client, actors, database) -> None:
    ministry = actors["ministry"]
    pid = _create(client, ministry)["id"]
    r = client.patch(f"{URL}/{pid}", json={"headcount": 1}, headers=ministry.headers)
    assert r.status_code == 428
    assert _stored(database, pid)[0].headcount == 120


def test_bad_update_is_422(client, actors, database, snapshot) -> None:
    ministry = actors["ministry"]
    pid = _create(client, ministry)["id"]
    before = snapshot()
    for patch, field in [
        ({"headcount": 0}, "body.headcount"),
        ({"skills": [{"skill": "wound-care", "share": 2}]}, "body.skills[0].share"),
        ({"occupation": "0000"}, "body.occupation"),
        ({"headcount": None}, "body.headcount"),
        ({"origin_country": "IN"}, "body.origin_country"),
    ]:
        r = client.patch(f"{URL}/{pid}", json=patch, headers={**ministry.headers, "If-Match": "1"})
        assert r.status_code == 422, (patch, r.text)
        assert field in [e["field"] for e in r.json()["errors"]], patch
    assert snapshot() == before


def test_withdraw(client, actors, database) -> None:
    ministry = actors["ministry"]
    pid = _create(client, ministry)["id"]
    r = client.post(f"{URL}/{pid}/withdraw", headers={**ministry.headers, "If-Match": '"1"'})
    assert r.status_code == 200 and r.json()["status"] == "withdrawn" and r.json()["version"] == 2
    assert client.post(f"{URL}/{pid}/withdraw", headers=ministry.headers).status_code == 200
    events = _events(database, pid)
    assert [e.action for e in events] == ["create", "withdraw"]
    assert events[1].before == {"status": "active"} and events[1].after == {"status": "withdrawn"}
    stale = client.post(f"{URL}/{pid}/withdraw", headers={**ministry.headers, "If-Match": "1"})
    assert stale.status_code == 409


# ---- identity and history --------------------------------------------------------------------


def _history(client, actor, pid: str, **params: Any) -> dict[str, Any]:
    r = client.get(f"{URL}/{pid}/history", headers=actor.headers, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_posting_a_known_identity_updates_that_pool(client, actors, database, snapshot) -> None:
    ministry = actors["ministry"]
    first = _create(client, ministry)
    before = snapshot()
    # The region compares case- and whitespace-insensitively; the figures are new.
    r = client.post(
        URL, json=pool_payload(region="  calabarzon", headcount=75), headers=ministry.headers
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == first["id"] and body["version"] == 2 and body["headcount"] == 75
    assert r.headers["etag"] == '"2"' and r.headers["content-location"] == f"{URL}/{first['id']}"
    after = snapshot()
    assert after["pools"] == before["pools"] and after["audit_events"] == before["audit_events"] + 1
    _, update = _events(database, first["id"])
    assert update.action == "update" and update.before["headcount"] == 120

    history = _history(client, ministry, first["id"])
    assert history["total"] == 2
    now, then = history["items"]
    assert (now["version"], now["current"], now["change"]) == (2, True, "update")
    assert now["made_by_id"] == str(ministry.user_id) and now["figures"]["headcount"] == 75
    assert (then["version"], then["current"], then["change"]) == (1, False, "create")
    assert then["figures"]["headcount"] == 120 and then["figures"]["region"] == "Calabarzon"
    assert then["replaced_at"] and {s["skill"] for s in then["figures"]["skills"]} == {
        "patient-assessment",
        "wound-care",
    }
    assert _history(client, ministry, first["id"], limit=1, offset=1)["items"][0]["version"] == 1

    # The same figures again: still an update (the ministry confirmed them), no second pool.
    same = snapshot()
    again = client.post(
        URL, json=pool_payload(region="calabarzon", headcount=75), headers=ministry.headers
    )
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert again.json()["version"] == 3 and again.headers["etag"] == '"3"'
    now = snapshot()
    assert now["pools"] == same["pools"] and now["audit_events"] == same["audit_events"] + 1
    *_, confirmed = _events(database, first["id"])
    assert (confirmed.action, confirmed.before, confirmed.after) == (
        "update",
        {"version": 2},
        {"version": 3},
    )
    assert [v["version"] for v in _history(client, ministry, first["id"])["items"]] == [3, 2, 1]


def test_history_is_read_as_the_pool_is(client, actors) -> None:
    pid = _create(client, actors["ministry"])["id"]
    assert _history(client, actors["officer"], pid)["total"] == 1
    assert _history(client, actors["admin"], pid)["items"][0]["change"] == "create"
    url = f"{URL}/{pid}/history"
    assert client.get(url, headers=actors["ministry2"].headers).status_code == 404
    assert client.get(url, headers=actors["employer"].headers).status_code == 403
    assert client.get(url).status_code == 401


def test_withdrawal_is_a_version_and_posting_brings_the_pool_back(client, actors) -> None:
    ministry = actors["ministry"]
    pid = _create(client, ministry)["id"]
    assert client.post(f"{URL}/{pid}/withdraw", headers=ministry.headers).status_code == 200
    back = client.post(URL, json=pool_payload(), headers=ministry.headers)
    assert back.status_code == 200 and back.json()["id"] == pid
    assert back.json()["status"] == "active" and back.json()["version"] == 3
    changes = [v["change"] for v in _history(client, ministry, pid)["items"]]
    assert changes == ["update", "withdraw", "create"]


def test_patch_onto_another_pools_identity_is_409(client, actors, snapshot) -> None:
    ministry = actors["ministry"]
    a = _create(client, ministry)
    b = _create(client, ministry, region="Ilocos")
    before = snapshot()
    h = {**ministry.headers, "If-Match": "1"}
    r = client.patch(f"{URL}/{b['id']}", json={"region": "CALABARZON"}, headers=h)
    assert r.status_code == 409 and r.json()["existing_id"] == a["id"]
    assert snapshot() == before
    # Withdrawn, b may take a's identity; brought back while a is active, it may not.
    assert client.post(f"{URL}/{b['id']}/withdraw", headers=ministry.headers).status_code == 200
    r = client.patch(
        f"{URL}/{b['id']}",
        json={"region": "CALABARZON"},
        headers={**ministry.headers, "If-Match": "2"},
    )
    assert r.status_code == 200, r.text
    r = client.patch(
        f"{URL}/{b['id']}", json={"status": "active"}, headers={**ministry.headers, "If-Match": "3"}
    )
    assert r.status_code == 409 and r.json()["existing_id"] == a["id"]
    # A change of other fields is fine.
    ok = client.patch(f"{URL}/{a['id']}", json={"sector": "87"}, headers=h)
    assert ok.status_code == 200 and ok.json()["version"] == 2


def test_concurrent_posts_of_one_identity_make_one_pool(database, actors) -> None:
    import threading

    from fastapi.testclient import TestClient

    from tests.conftest import make_test_app

    app = make_test_app(database)
    headers = actors["ministry"].headers
    n = 4
    barrier = threading.Barrier(n)
    codes: list[int] = []
    lock = threading.Lock()

    def go(headcount: int) -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            barrier.wait()
            r = c.post(URL, json=pool_payload(headcount=headcount), headers=headers)
            with lock:
                codes.append(r.status_code)

    threads = [threading.Thread(target=go, args=(10 + i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # One creates; the others update it (PostgreSQL: they wait for the write lock) or, having
    # looked before it was stored (SQLite), are told to send again. Never a 500, never two pools.
    assert codes.count(201) == 1 and set(codes) <= {200, 201, 409}, codes
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Pool)) == 1
