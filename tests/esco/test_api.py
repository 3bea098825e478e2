"""ESCO through the API, on the demo data with ESCO v1.1.1 loaded: attribution, ESCO
occupations, free-text skills, and vacancies coded with an ESCO occupation."""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import PROJECT_ROOT, Settings
from app.db import Database
from app.pools.models import Pool
from app.taxonomy.models import EscoOccupationSkill, Skill

TAX = "/api/v1/taxonomy"
PICKER = "http://data.europa.eu/esco/occupation/373db468-bd25-4b67-a6e0-4ac79d9a9e85"
BRICKLAYER = "http://data.europa.eu/esco/occupation/05f321f8-055b-407d-bf19-e0ddabda56b7"


def _demo_vacancy(ref: str) -> dict[str, Any]:
    data = json.loads((PROJECT_ROOT / "seed_data/demo/vacancies.json").read_text())
    return next(v for v in data["vacancies"] if v["ref"] == ref)


def _payload(demo: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A demo vacancy as an API body, without its occupation and skills."""
    body = {
        "title": demo["title"],
        "destination_country": demo["destination_country"],
        "sector": demo.get("sector"),
        "languages": demo.get("languages") or [],
        "min_isced": demo.get("min_isced"),
        "min_experience_years": demo.get("min_experience_years"),
        "openings": demo["openings"],
        "wage": demo.get("wage"),
        "contract": {k: v for k, v in (demo.get("contract") or {}).items() if v is not None},
        "start_date": demo["start_date"],
        "employer_pays_fees": bool(demo.get("employer_pays_fees")),
    }
    body.update(changes)
    return body


def _officer(demo_keys: dict[str, dict[str, str]]) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def test_taxonomy_metadata_attributes_esco_and_lists_its_occupations(
    esco_client: TestClient,
) -> None:
    sources = esco_client.get(TAX).json()["sources"]
    esco = [s for s in sources if s["name"].startswith("ESCO")]
    assert esco and esco[0]["name"] == "ESCO v1.1.1"
    assert "(c) European Union" in esco[0]["attribution"]

    page = esco_client.get(
        f"{TAX}/esco/occupations", params={"q": "fruit and vegetable picker"}
    ).json()
    assert page["total"] == 1 and page["items"][0] == {
        "uri": PICKER,
        "label": "fruit and vegetable picker",
        "isco_code": "9211",
    }
    assert esco_client.get(f"{TAX}/esco/occupations", params={"isco": "9211"}).json()["total"] == 2
    one = esco_client.get(f"{TAX}/esco/occupations/{PICKER}").json()
    assert one["version"] == "v1.1.1" and one["alt_labels"]
    relations = {s["relation"] for s in one["skills"]}
    assert relations == {"essential", "optional"}
    assert [s["relation"] for s in one["skills"]] == sorted(s["relation"] for s in one["skills"])
    assert esco_client.get(f"{TAX}/esco/occupations/http://nope.example/x").status_code == 404

    skill = esco_client.get(f"{TAX}/skills/{one['skills'][0]['skill']}").json()
    assert skill["source"] == "esco" and skill["skill_type"] in ("knowledge", "skill/competence")
    assert skill["parent_id"]  # its nearest skill group
    group = esco_client.get(f"{TAX}/skills/{skill['parent_id']}").json()
    assert group["is_group"] is True


def test_free_text_skills_resolve_to_esco_skills_keeping_the_text(
    esco_client: TestClient, demo_keys: dict[str, dict[str, str]], esco_database: Database
) -> None:
    r = esco_client.get(
        f"{TAX}/skills/resolve",
        headers=_officer(demo_keys),
        params={"text": "manage music staff", "k": 3},
    )
    assert r.status_code == 200, r.text
    found = r.json()
    assert len(found) == 3
    assert found[0]["label"] == "manage musical staff" and found[0]["confidence"] == 1.0
    assert found[0]["skill"].startswith("http://data.europa.eu/esco/skill/")
    assert [f["confidence"] for f in found] == sorted(
        (f["confidence"] for f in found), reverse=True
    )
    nonsense = esco_client.get(
        f"{TAX}/skills/resolve", headers=_officer(demo_keys), params={"text": "xqzt blorp"}
    ).json()
    assert all(f["confidence"] < Settings().skill_resolve_min_confidence for f in nonsense)
    assert (
        esco_client.get(
            f"{TAX}/skills/resolve", headers=_officer(demo_keys), params={"text": ""}
        ).status_code
        == 422
    )

    demo = _demo_vacancy("demo-v-008")  # a bricklayer in Germany
    employer = demo_keys["employer"][demo["employer"]]
    body = _payload(
        demo,
        occupation="7112",
        skills=[
            {"skill": "lay bricks", "importance": "essential"},  # an ESCO preferred label
            {"skill": "wound-care", "importance": "optional"},  # a built-in id stays as is
        ],
    )
    r = esco_client.post("/api/v1/vacancies", json=body, headers=employer)
    assert r.status_code == 201, r.text
    skills = r.json()["skills"]
    assert skills[0]["original_text"] == "lay bricks" and skills[0]["label"] == "lay bricks"
    assert skills[0]["skill"].startswith("http://data.europa.eu/esco/skill/")
    assert skills[1] == {**skills[1], "skill": "wound-care", "original_text": None}

    r = esco_client.post(
        "/api/v1/vacancies",
        json=_payload(demo, occupation="7112", skills=[{"skill": "xqzt blorp"}]),
        headers=employer,
    )
    assert r.status_code == 422
    error = r.json()["errors"][0]
    assert error["field"] == "body.skills[0].skill" and "close enough" in error["message"]


def test_a_vacancy_coded_with_an_esco_occupation_ranks_pools_of_that_occupation_first(
    esco_client: TestClient, demo_keys: dict[str, dict[str, str]], esco_database: Database
) -> None:
    demo = _demo_vacancy("demo-v-022")  # crop farm labourers (9211) for the United Kingdom
    employer = demo_keys["employer"][demo["employer"]]
    # No occupation and no skills: the ESCO occupation gives both.
    r = esco_client.post(
        "/api/v1/vacancies", json=_payload(demo, esco_occupation=PICKER), headers=employer
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["occupation"] == "9211" and body["esco_occupation"] == PICKER
    with esco_database.session() as s:
        profile = s.execute(
            select(EscoOccupationSkill.skill_id, EscoOccupationSkill.relation).where(
                EscoOccupationSkill.occupation_uri == PICKER
            )
        ).all()
        assert {(x["skill"], x["importance"]) for x in body["skills"]} == set(
            (a, b) for a, b in profile
        )
        assert all(x["derived"] for x in body["skills"])
        # Essential first: a derived profile keeps ESCO's distinction.
        kinds = [x["importance"] for x in body["skills"]]
        assert kinds == sorted(kinds)
        occupation_of = dict(s.execute(select(Pool.id, Pool.occupation_code)).all())

    # Ranked on read: the new vacancy's pools, with the derived profile, at once.
    officer = next(iter(demo_keys["officer"].values()))
    r = esco_client.get(
        f"/api/v1/vacancies/{body['id']}/matches", headers=officer, params={"limit": 200}
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    codes = [occupation_of[uuid.UUID(m["pool_id"])] for m in items]
    assert codes and codes[0] == "9211"
    same = codes.count("9211")
    assert same >= 3 and codes[:same] == ["9211"] * same, codes
    # The explanation shows the derived skills as such.
    explained = items[0]["explanation"]["skills"]
    assert explained and all(x["derived"] for x in explained)


def test_esco_occupation_and_occupation_must_agree(
    esco_client: TestClient, demo_keys: dict[str, dict[str, str]], esco_database: Database
) -> None:
    demo = _demo_vacancy("demo-v-008")
    employer = demo_keys["employer"][demo["employer"]]
    url = "/api/v1/vacancies"

    r = esco_client.post(
        url, json=_payload(demo, occupation="2221", esco_occupation=BRICKLAYER), headers=employer
    )
    assert r.status_code == 422
    [error] = r.json()["errors"]
    assert error["field"] == "body.occupation" and "7112" in error["message"]

    r = esco_client.post(
        url, json=_payload(demo, esco_occupation="http://data.europa.eu/esco/occupation/nope"),
        headers=employer,
    )  # fmt: skip
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.esco_occupation"

    r = esco_client.post(url, json=_payload(demo), headers=employer)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.occupation"

    # Consistent: the code and the ESCO occupation name the same unit group.
    r = esco_client.post(
        url, json=_payload(demo, occupation="7112", esco_occupation=BRICKLAYER), headers=employer
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["occupation"] == "7112" and all(s["derived"] for s in created["skills"])

    # Changing the occupation against the stored ESCO occupation is refused; clearing the ESCO
    # occupation with it is accepted and re-derives the (derived) skills from the unit group.
    headers = {**employer, "If-Match": f'"{created["version"]}"'}
    r = esco_client.patch(f"{url}/{created['id']}", json={"occupation": "2221"}, headers=headers)
    assert r.status_code == 422, r.text
    r = esco_client.patch(
        f"{url}/{created['id']}", json={"occupation": "9211", "esco_occupation": None},
        headers=headers,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["esco_occupation"] is None and r.json()["occupation"] == "9211"
    with esco_database.session() as s:
        esco_skill_ids = set(s.scalars(select(Skill.id).where(Skill.source == "esco")))
    assert not {x["skill"] for x in r.json()["skills"]} & esco_skill_ids


def test_a_pool_may_name_an_esco_occupation(
    esco_client: TestClient, demo_keys: dict[str, dict[str, str]]
) -> None:
    ministry = demo_keys["ministry"]["ph-dmw"]
    text = "prune trees"
    [best] = esco_client.get(
        f"{TAX}/skills/resolve", headers=_officer(demo_keys), params={"text": text, "k": 1}
    ).json()
    assert best["confidence"] >= Settings().skill_resolve_min_confidence
    body = {
        "origin_country": "PH",
        "esco_occupation": PICKER,
        "headcount": 40,
        "skills": [{"skill": text, "share": 0.8}],
        "isced_level": 2,
        "experience_years": 3,
    }
    r = esco_client.post("/api/v1/pools", json=body, headers=ministry)
    assert r.status_code == 201, r.text
    pool = r.json()
    assert pool["occupation"] == "9211" and pool["esco_occupation"] == PICKER
    assert pool["skills"] == [
        {"skill": best["skill"], "label": best["label"], "share": 0.8, "original_text": text}
    ]
    r = esco_client.post("/api/v1/pools", json={**body, "occupation": "7112"}, headers=ministry)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.occupation"
