"""Vacancy languages marked `required` (needed at the start of work, design section 3): the flag
round-trips through create, bulk and PATCH, defaults to false, and is audited."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.vacancies.models import VacancyLanguage
from tests.vacancies.conftest import vacancy_payload

URL = "/api/v1/vacancies"

GERMAN_REQUIRED_ENGLISH_SCORED = [
    {"language": "de", "min_level": "B2", "required": True},
    {"language": "en", "min_level": "B1"},
]


def _stored(database, vacancy_id: str) -> list[tuple[str, str, bool]]:
    with database.session() as s:
        return [
            (x.language, x.min_level, x.required)
            for x in s.scalars(
                select(VacancyLanguage)
                .where(VacancyLanguage.vacancy_id == uuid.UUID(vacancy_id))
                .order_by(VacancyLanguage.language)
            )
        ]


def _events(database, entity_id: str) -> list[AuditEvent]:
    with database.session() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.entity_id == entity_id).order_by(AuditEvent.id)
            )
        )


def _create(client, actor, **overrides: Any) -> dict[str, Any]:
    r = client.post(URL, json=vacancy_payload(**overrides), headers=actor.headers)
    assert r.status_code == 201, r.text
    return r.json()


def test_create_stores_the_flag_and_defaults_to_not_required(client, actors, database) -> None:
    employer = actors["employer"]
    body = _create(client, employer, languages=GERMAN_REQUIRED_ENGLISH_SCORED)
    assert body["languages"] == [
        {"language": "de", "min_level": "B2", "required": True},
        {"language": "en", "min_level": "B1", "required": False},
    ]
    assert _stored(database, body["id"]) == [("de", "B2", True), ("en", "B1", False)]
    got = client.get(f"{URL}/{body['id']}", headers=employer.headers).json()
    assert got["languages"] == body["languages"]
    # The audit snapshot carries the flag, so that a later change of it is visible.
    [event] = _events(database, body["id"])
    assert event.after["languages"] == [
        {"language": "de", "min_level": "B2", "required": True},
        {"language": "en", "min_level": "B1", "required": False},
    ]


def test_required_must_be_a_boolean(client, actors, snapshot) -> None:
    before = snapshot()
    r = client.post(
        URL,
        json=vacancy_payload(languages=[{"language": "de", "min_level": "B2", "required": "soon"}]),
        headers=actors["employer"].headers,
    )
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["body.languages[0].required"]
    assert snapshot() == before


def test_bulk_items_keep_their_flags(client, actors, database) -> None:
    r = client.post(
        f"{URL}/bulk",
        json=[
            vacancy_payload(external_ref="REQ", languages=GERMAN_REQUIRED_ENGLISH_SCORED),
            vacancy_payload(external_ref="PLAIN"),
        ],
        headers=actors["employer"].headers,
    )
    assert r.status_code == 201, r.text
    first, second = (x["id"] for x in r.json()["results"])
    assert _stored(database, first) == [("de", "B2", True), ("en", "B1", False)]
    assert _stored(database, second) == [("de", "B1", False)]
    [event] = _events(database, first)
    assert [x["required"] for x in event.after["languages"]] == [True, False]


def test_patch_changes_the_flag_alone_with_a_new_version_and_an_event(
    client, actors, database
) -> None:
    employer = actors["employer"]
    vid = _create(client, employer)["id"]  # German B1, not required
    r = client.patch(
        f"{URL}/{vid}",
        json={"languages": [{"language": "de", "min_level": "B1", "required": True}]},
        headers={**employer.headers, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2
    assert r.json()["languages"] == [{"language": "de", "min_level": "B1", "required": True}]
    assert _stored(database, vid) == [("de", "B1", True)]
    _, update = _events(database, vid)
    assert update.before == {
        "languages": [{"language": "de", "min_level": "B1", "required": False}]
    }
    assert update.after == {"languages": [{"language": "de", "min_level": "B1", "required": True}]}

    # The same languages with the same flags change nothing: no version, no event.
    same = client.patch(
        f"{URL}/{vid}",
        json={"languages": [{"language": "de", "min_level": "B1", "required": True}]},
        headers={**employer.headers, "If-Match": '"2"'},
    )
    assert same.status_code == 200 and same.json()["version"] == 2
    assert len(_events(database, vid)) == 2


def test_patch_replaces_the_languages_and_a_flag_left_out_is_false(
    client, actors, database
) -> None:
    employer = actors["employer"]
    vid = _create(client, employer, languages=GERMAN_REQUIRED_ENGLISH_SCORED)["id"]
    # Other fields leave the languages and their flags alone.
    r = client.patch(
        f"{URL}/{vid}", json={"openings": 7}, headers={**employer.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 200
    assert _stored(database, vid) == [("de", "B2", True), ("en", "B1", False)]
    # Languages sent replace the list, flags included.
    r = client.patch(
        f"{URL}/{vid}",
        json={"languages": [{"language": "de", "min_level": "B2"}]},
        headers={**employer.headers, "If-Match": '"2"'},
    )
    assert r.status_code == 200
    assert r.json()["languages"] == [{"language": "de", "min_level": "B2", "required": False}]
    assert _stored(database, vid) == [("de", "B2", False)]
    update = _events(database, vid)[-1]
    assert update.before["languages"][0]["required"] is True
    assert update.after == {"languages": [{"language": "de", "min_level": "B2", "required": False}]}
