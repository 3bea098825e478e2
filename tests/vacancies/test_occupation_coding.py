"""Job titles sent where an ISCO-08 code is expected are coded by app.taxonomy.coding.suggest;
a stub coder pins the behaviour around it, one test runs the real coder."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.vacancies.models import Vacancy
from tests.vacancies.conftest import FakeSuggestion, vacancy_payload

URL = "/api/v1/vacancies"

CONFIDENT = [
    FakeSuggestion("2221", "Nursing professionals", 0.91),
    FakeSuggestion("3221", "Nursing associate professionals", 0.42),
]
UNSURE = [
    FakeSuggestion("3221", "Nursing associate professionals", 0.2),
    FakeSuggestion("5321", "Health care assistants", 0.18),
]


def test_a_confidently_coded_title_is_stored_with_its_coding(
    client, actors, database, fake_coder
) -> None:
    asked = fake_coder(CONFIDENT)
    r = client.post(
        URL, json=vacancy_payload(occupation="Registered nurse"), headers=actors["employer"].headers
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert asked == ["Registered nurse"]
    assert body["occupation"] == "2221"
    assert body["occupation_title"] == "Nursing professionals"
    assert body["occupation_coding"] == {
        "input": "Registered nurse",
        "code": "2221",
        "title": "Nursing professionals",
        "confidence": 0.91,
    }
    with database.session() as s:
        row = s.get(Vacancy, uuid.UUID(body["id"]))
        assert row.occupation_code == "2221"
        assert row.occupation_coding["input"] == "Registered nurse"
    got = client.get(f"{URL}/{body['id']}", headers=actors["employer"].headers).json()
    assert got["occupation_coding"] == body["occupation_coding"]


def test_a_title_below_the_minimum_confidence_is_422_with_candidates(
    client, actors, snapshot, fake_coder
) -> None:
    fake_coder(UNSURE)
    before = snapshot()
    r = client.post(
        URL, json=vacancy_payload(occupation="care person"), headers=actors["employer"].headers
    )
    assert r.status_code == 422
    [error] = r.json()["errors"]
    assert error["field"] == "body.occupation"
    assert error["type"] == "low_confidence"
    assert "3221" in error["message"] and "0.35" in error["message"]
    assert [c["code"] for c in error["candidates"]] == ["3221", "5321"]
    assert snapshot() == before


def test_the_threshold_is_a_setting(client, actors, fake_coder) -> None:
    fake_coder(UNSURE)
    client.app.state.settings.coding_min_confidence = 0.1
    r = client.post(
        URL, json=vacancy_payload(occupation="care person"), headers=actors["employer"].headers
    )
    assert r.status_code == 201 and r.json()["occupation"] == "3221"


def test_no_suggestion_at_all_is_422(client, actors, fake_coder) -> None:
    fake_coder([])
    r = client.post(URL, json=vacancy_payload(occupation="zzz"), headers=actors["employer"].headers)
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "low_confidence"


def test_a_coded_code_that_is_no_unit_group_is_refused(client, actors, fake_coder) -> None:
    fake_coder([FakeSuggestion("9999", "Invented", 0.99)])
    r = client.post(
        URL, json=vacancy_payload(occupation="x-er"), headers=actors["employer"].headers
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.occupation"


def test_bulk_and_update_code_titles_too(client, actors, database, fake_coder) -> None:
    fake_coder(CONFIDENT)
    employer = actors["employer"]
    items = [vacancy_payload(occupation="Registered nurse"), vacancy_payload(occupation="9999")]
    body = client.post(f"{URL}/bulk", json=items, headers=employer.headers).json()
    assert [x["status"] for x in body["results"]] == ["created", "error"]
    vid = body["results"][0]["id"]
    with database.session() as s:
        coding = s.scalar(select(Vacancy.occupation_coding).where(Vacancy.id == uuid.UUID(vid)))
    assert coding["code"] == "2221"
    # Replacing the title with a code drops the coding.
    r = client.patch(
        f"{URL}/{vid}", json={"occupation": "3221"}, headers={**employer.headers, "If-Match": "1"}
    )
    assert r.status_code == 200
    assert r.json()["occupation"] == "3221" and r.json()["occupation_coding"] is None


def test_the_real_coder(client, actors, snapshot) -> None:
    pytest.importorskip("app.taxonomy.coding")
    employer = actors["employer"].headers
    r = client.post(
        URL, json=vacancy_payload(occupation="Software developer", skills=[]), headers=employer
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["occupation"] == body["occupation_coding"]["code"] == "2512"
    assert body["occupation_coding"]["confidence"] >= 0.35
    assert body["skills"] and all(s["derived"] for s in body["skills"]), "2512 has a profile"
    before = snapshot()
    r = client.post(URL, json=vacancy_payload(occupation="qzxv wrbl"), headers=employer)
    assert r.status_code == 422 and r.json()["errors"][0]["type"] == "low_confidence"
    assert snapshot() == before
