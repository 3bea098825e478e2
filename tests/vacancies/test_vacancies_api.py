"""Vacancy API: create, read, list, update with If-Match, close, and the access rules."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select, text

from app.audit.models import AuditEvent
from app.taxonomy.models import OccupationSkill
from app.vacancies.models import Vacancy, VacancySkill
from tests.vacancies.conftest import vacancy_payload

URL = "/api/v1/vacancies"


def _create(client, actor, **overrides: Any) -> dict[str, Any]:
    r = client.post(URL, json=vacancy_payload(**overrides), headers=actor.headers)
    assert r.status_code == 201, r.text
    return r.json()


def _events(database, entity_id: str) -> list[AuditEvent]:
    with database.session() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
            )
        )


# ---- create ----------------------------------------------------------------------------------


def test_create_stores_the_vacancy_and_answers_with_it(client, actors, database, snapshot) -> None:
    employer = actors["employer"]
    before = snapshot()
    r = client.post(URL, json=vacancy_payload(external_ref="HR-1"), headers=employer.headers)
    assert r.status_code == 201, r.text
    body = r.json()
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{URL}/{body['id']}"
    assert body["employer_id"] == str(employer.org_id)
    assert body["occupation"] == "2221"
    assert body["occupation_title"] == "Nursing professionals"
    assert body["occupation_coding"] is None
    assert [(s["skill"], s["importance"], s["derived"]) for s in body["skills"]] == [
        ("patient-assessment", "essential", False),
        ("wound-care", "optional", False),
    ]
    assert body["skills"][0]["label"] == "Patient assessment"
    # A language sent without `required` is scored only.
    assert body["languages"] == [{"language": "de", "min_level": "B1", "required": False}]
    # Money is a JSON number (sent as "3400.00" or 3400; answered as a number).
    assert body["wage"] == {"amount": 3400.0, "currency": "EUR", "period": "month"}
    assert body["status"] == "open" and body["version"] == 1
    assert body["created_at"].endswith(("Z", "+00:00"))

    after = snapshot()
    assert after["vacancies"] == before["vacancies"] + 1
    assert after["vacancy_skills"] == before["vacancy_skills"] + 2
    assert after["vacancy_languages"] == before["vacancy_languages"] + 1
    # The stored row is what the response says.
    got = client.get(f"{URL}/{body['id']}", headers=employer.headers)
    assert got.status_code == 200 and got.json() == body
    assert got.headers["etag"] == '"1"'


def test_create_is_audited_with_actor_and_snapshot(client, actors, database) -> None:
    employer = actors["employer"]
    body = _create(client, employer, external_ref="HR-2")
    [event] = _events(database, body["id"])
    assert event.action == "create" and event.entity_type == "vacancy"
    assert event.actor_id == employer.user_id
    assert event.before is None
    assert event.after["occupation"] == "2221"
    assert event.after["openings"] == 4
    assert event.after["external_ref"] == "HR-2"
    assert [s["skill"] for s in event.after["skills"]] == ["patient-assessment", "wound-care"]


def test_vacancy_without_skills_gets_the_occupation_profile(client, actors, database) -> None:
    body = _create(client, actors["employer"], skills=[])
    with database.session() as s:
        profile = {
            (o.skill_id, o.relation)
            for o in s.scalars(
                select(OccupationSkill).where(OccupationSkill.occupation_code == "2221")
            )
        }
    assert profile, "the seed has a profile for 2221"
    assert {(k["skill"], k["importance"]) for k in body["skills"]} == profile
    assert all(k["derived"] for k in body["skills"])
    # Essential ones first, as the matching engine weighs them more.
    kinds = [k["importance"] for k in body["skills"]]
    assert kinds == sorted(kinds)


def test_vacancy_without_skills_and_without_profile_has_none(client, actors) -> None:
    body = _create(client, actors["employer"], occupation="2111", sector=None, skills=[])
    assert body["skills"] == []


def test_admin_creates_for_a_named_employer(client, actors) -> None:
    admin, employer = actors["admin"], actors["employer"]
    r = client.post(URL, json=vacancy_payload(), headers=admin.headers)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "query.employer_id"
    r = client.post(
        URL,
        json=vacancy_payload(),
        headers=admin.headers,
        params={"employer_id": str(actors["ministry"].org_id)},
    )
    assert r.status_code == 422, "a ministry is not an employer"
    r = client.post(
        URL,
        json=vacancy_payload(),
        headers=admin.headers,
        params={"employer_id": str(employer.org_id)},
    )
    assert r.status_code == 201
    assert r.json()["employer_id"] == str(employer.org_id)


def test_employer_cannot_create_for_another_organisation(client, actors, snapshot) -> None:
    before = snapshot()
    r = client.post(
        URL,
        json=vacancy_payload(),
        headers=actors["employer"].headers,
        params={"employer_id": str(actors["employer2"].org_id)},
    )
    assert r.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("role", ["officer", "ministry"])
def test_officers_and_ministries_cannot_create(client, actors, snapshot, role) -> None:
    before = snapshot()
    r = client.post(URL, json=vacancy_payload(), headers=actors[role].headers)
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/problem+json"
    assert snapshot() == before


def test_duplicate_external_ref_is_409_naming_the_existing_vacancy(
    client, actors, snapshot
) -> None:
    first = _create(client, actors["employer"], external_ref="HR-7")
    before = snapshot()
    r = client.post(
        URL, json=vacancy_payload(external_ref="HR-7"), headers=actors["employer"].headers
    )
    assert r.status_code == 409
    assert r.json()["existing_id"] == first["id"]
    assert first["id"] in r.json()["detail"]
    assert snapshot() == before
    # Another employer's references are its own.
    other = client.post(
        URL, json=vacancy_payload(external_ref="HR-7"), headers=actors["employer2"].headers
    )
    assert other.status_code == 201


# ---- bad input ---------------------------------------------------------------------------------

BAD_INPUTS = [
    ({"occupation": "9999"}, "body.occupation"),
    ({"occupation": "22"}, "body.occupation"),
    ({"sector": "04"}, "body.sector"),
    ({"sector": "Q"}, "body.sector"),
    ({"destination_country": "XX"}, "body.destination_country"),
    ({"languages": [{"language": "xx", "min_level": "B1"}]}, "body.languages[0].language"),
    ({"languages": [{"language": "de", "min_level": "B3"}]}, "body.languages[0].min_level"),
    ({"openings": 0}, "body.openings"),
    ({"openings": -3}, "body.openings"),
    ({"colour": "blue"}, "body.colour"),
    ({"skills": [{"skill": "no-such-skill"}]}, "body.skills[0].skill"),
    ({"skills": [{"skill": "wound-care"}, {"skill": "grp-health-clinical-nursing"}]},
     "body.skills[1].skill"),
    ({"skills": [{"skill": "wound-care"}, {"skill": "wound-care"}]}, "body.skills"),
    ({"languages": [{"language": "de", "min_level": "B1"}, {"language": "de", "min_level": "B2"}]},
     "body.languages"),
    ({"wage": {"amount": 10, "currency": "EURO", "period": "month"}}, "body.wage.currency"),
    ({"wage": {"amount": 0, "currency": "EUR", "period": "month"}}, "body.wage.amount"),
    ({"contract": {"type": "forever"}}, "body.contract.type"),
    ({"min_isced": 9}, "body.min_isced"),
    ({"pathways": ["NO-SUCH-PATHWAY"]}, "body.pathways[0]"),
    ({"pathways": ["GB-HEALTH"]}, "body.pathways[0]"),
    ({"esco_occupation": "nurse"}, "body.esco_occupation"),
]  # fmt: skip


def test_bad_input_is_422_at_the_field_and_stores_nothing(
    client, actors, snapshot, pathways
) -> None:
    # One test walks every case (each leaves the database as it was): far cheaper than a
    # fresh database per case.
    before = snapshot()
    for change, field in BAD_INPUTS:
        r = client.post(URL, json=vacancy_payload(**change), headers=actors["employer"].headers)
        assert r.status_code == 422, (change, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        fields = [e["field"] for e in r.json()["errors"]]
        assert field in fields, (change, fields)
        assert all(e["message"] for e in r.json()["errors"])
        assert snapshot() == before, change


def test_several_code_errors_are_reported_together(client, actors, snapshot) -> None:
    before = snapshot()
    r = client.post(
        URL,
        json=vacancy_payload(occupation="9998", sector="04", skills=[{"skill": "x"}]),
        headers=actors["employer"].headers,
    )
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {
        "body.occupation",
        "body.sector",
        "body.skills[0].skill",
    }
    assert "(and 2 more)" in r.json()["detail"]
    assert snapshot() == before


def test_pathways_of_the_destination_are_accepted(client, actors, pathways) -> None:
    body = _create(client, actors["employer"], pathways=["DE-SKILLED"])
    assert body["pathways"] == ["DE-SKILLED"]


# ---- read and access ---------------------------------------------------------------------------


def test_unauthenticated_and_bad_keys_are_401_problems(client) -> None:
    for headers in ({}, {"Authorization": "Bearer imdi_nope"}, {"Authorization": "Basic x"}):
        r = client.get(URL, headers=headers)
        assert r.status_code == 401
        assert r.headers["content-type"] == "application/problem+json"
        r = client.post(URL, json=vacancy_payload(), headers=headers)
        assert r.status_code == 401


def test_another_organisations_vacancy_is_not_found(client, actors, snapshot) -> None:
    body = _create(client, actors["employer"])
    vid = body["id"]
    other = actors["employer2"]
    assert client.get(f"{URL}/{vid}", headers=other.headers).status_code == 404
    before = snapshot()
    r = client.patch(
        f"{URL}/{vid}", json={"openings": 9}, headers={**other.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 404
    assert client.post(f"{URL}/{vid}/close", headers=other.headers).status_code == 404
    assert snapshot() == before
    # The same answer as for an id that does not exist at all.
    assert client.get(f"{URL}/{uuid.uuid4()}", headers=other.headers).status_code == 404


def test_ministry_reads_open_vacancies_only_and_cannot_write(client, actors, snapshot) -> None:
    open_one = _create(client, actors["employer"])
    draft = _create(client, actors["employer2"], status="draft")
    ministry = actors["ministry"]
    assert client.get(f"{URL}/{open_one['id']}", headers=ministry.headers).status_code == 200
    assert client.get(f"{URL}/{draft['id']}", headers=ministry.headers).status_code == 404
    listed = client.get(URL, headers=ministry.headers).json()
    assert [v["id"] for v in listed["items"]] == [open_one["id"]]
    assert (
        client.get(URL, headers=ministry.headers, params={"status": "draft"}).json()["total"] == 0
    )
    before = snapshot()
    r = client.patch(
        f"{URL}/{open_one['id']}",
        json={"openings": 1},
        headers={**ministry.headers, "If-Match": "1"},
    )
    assert r.status_code == 403
    assert client.post(f"{URL}/{open_one['id']}/close", headers=ministry.headers).status_code == 403
    assert snapshot() == before


def test_officer_and_admin_read_everything_but_officer_cannot_write(client, actors) -> None:
    a = _create(client, actors["employer"])
    b = _create(client, actors["employer2"], status="draft", destination_country="GB")
    for role in ("officer", "admin"):
        h = actors[role].headers
        assert client.get(f"{URL}/{b['id']}", headers=h).status_code == 200
        assert {v["id"] for v in client.get(URL, headers=h).json()["items"]} == {a["id"], b["id"]}
    officer = actors["officer"].headers
    r = client.patch(f"{URL}/{a['id']}", json={"openings": 1}, headers={**officer, "If-Match": "1"})
    assert r.status_code == 403
    assert client.post(f"{URL}/{a['id']}/close", headers=officer).status_code == 403


def test_employer_lists_only_its_own(client, actors) -> None:
    mine = _create(client, actors["employer"])
    _create(client, actors["employer2"])
    listed = client.get(URL, headers=actors["employer"].headers).json()
    assert [v["id"] for v in listed["items"]] == [mine["id"]] and listed["total"] == 1
    # Naming another employer does not widen the view.
    r = client.get(
        URL,
        headers=actors["employer"].headers,
        params={"employer_id": str(actors["employer2"].org_id)},
    )
    assert r.json()["total"] == 0


# ---- list: filters and pagination --------------------------------------------------------------


@pytest.fixture
def catalogue(client, actors) -> dict[str, str]:
    e1, e2 = actors["employer"], actors["employer2"]
    made = {
        "nurse_de": _create(client, e1, occupation="2221", sector="86"),
        "carer_de": _create(client, e1, occupation="5322", sector="87", skills=[]),
        "dev_gb": _create(client, e2, occupation="2512", sector="62", destination_country="GB",
                          skills=[], languages=[{"language": "en", "min_level": "B2"}]),
        "nurse_gb_draft": _create(client, e2, occupation="2221", sector="86",
                                  destination_country="GB", status="draft"),
    }  # fmt: skip
    return {k: v["id"] for k, v in made.items()}


LIST_FILTERS = [
    ({"destination": "de"}, {"nurse_de", "carer_de"}),
    ({"occupation": "22"}, {"nurse_de", "nurse_gb_draft"}),
    ({"occupation": "2"}, {"nurse_de", "nurse_gb_draft", "dev_gb"}),
    ({"occupation": "5322"}, {"carer_de"}),
    ({"sector": "86"}, {"nurse_de", "nurse_gb_draft"}),
    ({"sector": "Q"}, {"nurse_de", "nurse_gb_draft", "carer_de"}),
    ({"status": "draft"}, {"nurse_gb_draft"}),
    ({"destination": "GB", "status": "open"}, {"dev_gb"}),
]


def test_list_filters(client, actors, catalogue) -> None:
    for params, expected in LIST_FILTERS:
        r = client.get(URL, headers=actors["officer"].headers, params=params)
        assert r.status_code == 200, r.text
        ids = {v["id"] for v in r.json()["items"]}
        assert ids == {catalogue[k] for k in expected}, params
        assert r.json()["total"] == len(expected), params


def test_list_filters_by_employer_for_officers(client, actors, catalogue) -> None:
    r = client.get(
        URL,
        headers=actors["officer"].headers,
        params={"employer_id": str(actors["employer2"].org_id)},
    )
    assert {v["id"] for v in r.json()["items"]} == {
        catalogue["dev_gb"],
        catalogue["nurse_gb_draft"],
    }


BAD_LIST_PARAMS = [
    {"occupation": "22%"}, {"occupation": "nurse"}, {"sector": "862"}, {"destination": "XX"},
    {"status": "gone"}, {"limit": 201}, {"limit": 0}, {"offset": -1},
]  # fmt: skip


def test_bad_list_parameters_are_422(client, actors) -> None:
    for params in BAD_LIST_PARAMS:
        r = client.get(URL, headers=actors["officer"].headers, params=params)
        assert r.status_code == 422, params
        assert r.json()["errors"][0]["field"].startswith("query."), params


def test_pagination_is_stable_and_complete(client, actors) -> None:
    employer = actors["employer"]
    ids = [_create(client, employer, skills=[])["id"] for _ in range(7)]
    pages = []
    for offset in range(0, 8, 3):
        r = client.get(URL, headers=employer.headers, params={"limit": 3, "offset": offset})
        body = r.json()
        assert body["total"] == 7 and body["limit"] == 3 and body["offset"] == offset
        pages.append([v["id"] for v in body["items"]])
    assert [len(p) for p in pages] == [3, 3, 1]
    flat = [i for p in pages for i in p]
    assert sorted(flat) == sorted(ids)
    # Newest first, ties by id: the same order every time.
    again = client.get(URL, headers=employer.headers, params={"limit": 50}).json()["items"]
    assert [v["id"] for v in again] == flat
    stamps = [v["created_at"] for v in again]
    assert stamps == sorted(stamps, reverse=True)
    default = client.get(URL, headers=employer.headers).json()
    assert default["limit"] == 50


# ---- update --------------------------------------------------------------------------------------


def _stored(database, vid: str) -> tuple[Vacancy, list[str]]:
    with database.session() as s:
        v = s.get(Vacancy, uuid.UUID(vid))
        skills = list(
            s.scalars(
                select(VacancySkill.skill_id)
                .where(VacancySkill.vacancy_id == v.id)
                .order_by(VacancySkill.position)
            )
        )
        return v, skills


@pytest.mark.parametrize("if_match", ['"1"', "1", 'W/"1"'])
def test_update_with_if_match(client, actors, database, if_match) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    r = client.patch(
        f"{URL}/{vid}",
        json={"openings": 9, "skills": [{"skill": "vital-signs-monitoring"}], "region": "Bavaria"},
        headers={**employer.headers, "If-Match": if_match},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["version"] == 2 and r.headers["etag"] == '"2"'
    assert body["openings"] == 9 and body["region"] == "Bavaria"
    assert [s["skill"] for s in body["skills"]] == ["vital-signs-monitoring"]
    assert body["languages"] == [{"language": "de", "min_level": "B1", "required": False}], (
        "untouched"
    )
    row, skills = _stored(database, vid)
    assert row.openings == 9 and row.version == 2 and skills == ["vital-signs-monitoring"]


def test_update_is_audited_with_before_and_after_of_changed_fields(
    client, actors, database
) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    r = client.patch(
        f"{URL}/{vid}",
        json={"openings": 6, "title": "Nurse (night shifts)"},
        headers={**employer.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 200
    _, update = _events(database, vid)
    assert update.action == "update" and update.actor_id == employer.user_id
    assert update.before == {"title": "Registered nurse, geriatric ward", "openings": 4}
    assert update.after == {"title": "Nurse (night shifts)", "openings": 6}


def test_stale_if_match_is_409_and_overwrites_nothing(client, actors, database, snapshot) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    h = {**employer.headers, "If-Match": '"1"'}
    assert client.patch(f"{URL}/{vid}", json={"openings": 5}, headers=h).status_code == 200
    before = snapshot()
    r = client.patch(
        f"{URL}/{vid}", json={"openings": 1, "skills": [{"skill": "wound-care"}]}, headers=h
    )
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["current_version"] == 2
    assert r.headers["etag"] == '"2"'
    row, skills = _stored(database, vid)
    assert row.openings == 5 and row.version == 2
    assert skills == ["patient-assessment", "wound-care"]
    assert snapshot() == before


def test_update_without_if_match_is_428(client, actors, database, snapshot) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    before = snapshot()
    r = client.patch(f"{URL}/{vid}", json={"openings": 2}, headers=employer.headers)
    assert r.status_code == 428
    assert r.headers["content-type"] == "application/problem+json"
    assert _stored(database, vid)[0].openings == 4
    assert snapshot() == before
    r = client.patch(
        f"{URL}/{vid}", json={"openings": 2}, headers={**employer.headers, "If-Match": "latest"}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "header.If-Match"


BAD_UPDATES = [
    ({"occupation": "9999"}, "body.occupation"),
    ({"sector": "04"}, "body.sector"),
    ({"skills": [{"skill": "nope"}]}, "body.skills[0].skill"),
    ({"openings": 0}, "body.openings"),
    ({"title": None}, "body.title"),
    ({"pathways": ["GB-HEALTH"]}, "body.pathways[0]"),
    ({"destination_country": "FR"}, "body.destination_country"),
]


def test_bad_update_is_422_and_changes_nothing(
    client, actors, database, snapshot, pathways
) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    before = snapshot()
    for patch, field in BAD_UPDATES:
        r = client.patch(
            f"{URL}/{vid}", json=patch, headers={**employer.headers, "If-Match": '"1"'}
        )
        assert r.status_code == 422, (patch, r.text)
        assert field in [e["field"] for e in r.json()["errors"]], patch
        assert _stored(database, vid)[0].version == 1
        assert snapshot() == before, patch


def test_update_that_changes_nothing_keeps_the_version(client, actors, database) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    r = client.patch(
        f"{URL}/{vid}", json={"openings": 4}, headers={**employer.headers, "If-Match": "1"}
    )
    assert r.status_code == 200 and r.json()["version"] == 1
    assert [e.action for e in _events(database, vid)] == ["create"]


def test_clearing_optional_fields(client, actors) -> None:
    employer = actors["employer"]
    vid = _create(client, employer, region="Berlin")["id"]
    r = client.patch(
        f"{URL}/{vid}",
        json={"region": None, "wage": None, "sector": None},
        headers={**employer.headers, "If-Match": "1"},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["region"] is None and body["wage"] is None and body["sector"] is None


def test_new_occupation_rederives_derived_skills(client, actors) -> None:
    employer = actors["employer"]
    vid = _create(client, employer, skills=[])["id"]
    r = client.patch(
        f"{URL}/{vid}", json={"occupation": "5322"}, headers={**employer.headers, "If-Match": "1"}
    )
    body = r.json()
    assert body["occupation"] == "5322" and body["skills"]
    assert all(s["derived"] for s in body["skills"])
    named = _create(client, employer)["id"]
    r = client.patch(
        f"{URL}/{named}", json={"occupation": "5322"}, headers={**employer.headers, "If-Match": "1"}
    )
    assert [s["skill"] for s in r.json()["skills"]] == ["patient-assessment", "wound-care"]


def test_concurrent_write_after_the_check_is_409(client, actors, database) -> None:
    """The UPDATE itself carries the version: a write that lands between our read and our
    update makes the update match no row, and nothing is overwritten."""
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    with database.engine.begin() as conn:  # someone else's committed write, bypassing the API
        conn.execute(
            text("UPDATE vacancies SET openings = 7, version = 2 WHERE id = :id"),
            {"id": uuid.UUID(vid).hex if database.url.startswith("sqlite") else vid},
        )
    r = client.patch(
        f"{URL}/{vid}", json={"openings": 3}, headers={**employer.headers, "If-Match": "1"}
    )
    assert r.status_code == 409 and r.json()["current_version"] == 2
    assert _stored(database, vid)[0].openings == 7


# ---- close ---------------------------------------------------------------------------------------


def test_close(client, actors, database) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    r = client.post(f"{URL}/{vid}/close", headers=employer.headers)
    assert r.status_code == 200
    assert r.json()["status"] == "closed" and r.json()["version"] == 2
    assert r.headers["etag"] == '"2"'
    again = client.post(f"{URL}/{vid}/close", headers={**employer.headers, "If-Match": '"2"'})
    assert again.status_code == 200 and again.json()["version"] == 2
    events = _events(database, vid)
    assert [e.action for e in events] == ["create", "close"]
    assert events[1].before == {"status": "open"} and events[1].after == {"status": "closed"}
    assert events[1].actor_id == employer.user_id
    # Closed vacancies leave the ministries' view.
    assert client.get(f"{URL}/{vid}", headers=actors["ministry"].headers).status_code == 404


def test_close_with_a_stale_version_is_409(client, actors, database) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]
    client.patch(
        f"{URL}/{vid}", json={"openings": 2}, headers={**employer.headers, "If-Match": "1"}
    )
    r = client.post(f"{URL}/{vid}/close", headers={**employer.headers, "If-Match": '"1"'})
    assert r.status_code == 409
    assert _stored(database, vid)[0].status == "open"


def test_admin_updates_and_closes_any_vacancy(client, actors) -> None:
    vid = _create(client, actors["employer"])["id"]
    admin = actors["admin"].headers
    r = client.patch(f"{URL}/{vid}", json={"openings": 2}, headers={**admin, "If-Match": "1"})
    assert r.status_code == 200
    assert client.post(f"{URL}/{vid}/close", headers=admin).json()["status"] == "closed"
