"""Job-title coding to ISCO-08 unit groups (app/taxonomy/coding.py) and its endpoint."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Settings
from app.seed import SeedReport, load_taxonomy
from app.taxonomy import coding
from app.taxonomy.models import OccupationTitle

SUGGEST = "/api/v1/taxonomy/occupations/suggest"
MIN_CONFIDENCE = Settings(environment="test").coding_min_confidence
ELDERLY_CARE = (
    "You will support elderly people in their own homes: help with washing, dressing and meals, "
    "remind them to take their medication and keep them company."
)


def _codes(session: Session, title: str, description: str | None = None, k: int = 5) -> list[str]:
    return [s.code for s in coding.suggest(session, title, description, k)]


def _rank(session: Session, title: str, code: str, description: str | None = None) -> int:
    return _codes(session, title, description, k=436).index(code)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("registered nurse", "2221"),
        ("bricklayer", "7112"),
        ("fruit picker", "9211"),
        ("software developer", "2512"),
        ("HGV driver", "8332"),
        ("Fruit Pickers (m/f/d) - urgent", "9211"),
    ],
)
def test_common_titles_are_coded_first_and_confidently(
    session: Session, title: str, code: str
) -> None:
    best = coding.suggest(session, title)[0]
    assert best.code == code
    assert best.confidence >= MIN_CONFIDENCE


def test_a_title_never_seen_still_finds_its_group_in_the_top_five(session: Session) -> None:
    # Neither spelling is among the examples; letter sequences and shared words carry them.
    assert "7112" in _codes(session, "bricklayers helper")
    assert "2221" in _codes(session, "registred nurse")


def test_suggestions_are_ordered_by_confidence_then_code(session: Session) -> None:
    for title in ("nurse", "assistant", "driver", "xqzt blorp"):
        items = coding.suggest(session, title, k=20)
        assert len(items) == 20
        keys = [(-s.confidence, s.code) for s in items]
        assert keys == sorted(keys)
        assert all(0.0 <= s.confidence <= 1.0 for s in items)
        assert len({s.code for s in items}) == 20
    # A precise title is more certain than a vague one.
    precise = coding.suggest(session, "registered nurse", k=1)[0].confidence
    vague = coding.suggest(session, "assistant", k=1)[0].confidence
    assert precise > vague


@pytest.mark.parametrize("title", ["xqzt blorp", "qwerty uiop", "zzzz"])
def test_nonsense_is_below_the_minimum_confidence(session: Session, title: str) -> None:
    assert coding.suggest(session, title)[0].confidence < MIN_CONFIDENCE


def test_a_title_without_letters_or_digits_has_no_suggestions(session: Session) -> None:
    assert coding.suggest(session, " -- ") == []


def test_description_helps_to_disambiguate(session: Session) -> None:
    without = _rank(session, "assistant", "5322")
    with_description = _rank(session, "assistant", "5322", ELDERLY_CARE)
    assert with_description < without
    assert with_description < 5
    # An unrelated description does not bury a clear title.
    assert _codes(session, "registered nurse", "Free housing and a German course.", k=1) == ["2221"]


def test_new_examples_rebuild_the_model(session: Session) -> None:
    before = coding.coder(session)
    assert coding.coder(session) is before  # nothing changed: the cached model
    assert _codes(session, "zythum brewer", k=1) != ["7515"]
    session.add(OccupationTitle(occupation_code="7515", title="zythum brewer", source="esco"))
    session.commit()
    best = coding.suggest(session, "zythum brewer", k=1)[0]
    assert best.code == "7515" and best.confidence >= MIN_CONFIDENCE
    assert coding.coder(session) is not before
    rebuilt = coding.rebuild(session)
    assert rebuilt is coding.coder(session)


def test_the_seed_loads_the_job_titles_idempotently(session: Session) -> None:
    titles = session.scalars(
        select(OccupationTitle.title).where(OccupationTitle.occupation_code == "7112")
    ).all()
    assert "bricklayer" in titles
    report = SeedReport()
    load_taxonomy(session, report)
    assert "occupation titles" not in report.created
    assert "occupation titles" not in report.updated


def test_endpoint_returns_suggestions_and_the_threshold(client: TestClient, actors) -> None:
    r = client.get(
        SUGGEST, headers=actors["employer"].headers, params={"title": "registered nurse", "k": 3}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["min_confidence"] == MIN_CONFIDENCE
    assert len(body["items"]) == 3
    assert body["items"][0]["code"] == "2221"
    assert body["items"][0]["title"] == "Nursing professionals"
    assert body["items"][0]["confidence"] >= MIN_CONFIDENCE

    r = client.get(
        SUGGEST,
        headers=actors["employer"].headers,
        params={"title": "assistant", "description": ELDERLY_CARE},
    )
    assert r.status_code == 200
    assert "5322" in [i["code"] for i in r.json()["items"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"title": ""}, "query.title"),
        ({}, "query.title"),
        ({"title": "x" * 201}, "query.title"),
        ({"title": "nurse", "k": 0}, "query.k"),
        ({"title": "nurse", "k": 21}, "query.k"),
        ({"title": "nurse", "description": "x" * 5001}, "query.description"),
    ],
)
def test_endpoint_validates(
    client: TestClient, actors, params: dict[str, object], field: str
) -> None:
    r = client.get(SUGGEST, headers=actors["employer"].headers, params=params)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in r.json()["errors"]] == [field]


def test_suggest_is_not_taken_for_an_occupation_code(client: TestClient, actors) -> None:
    # Without a title it is a validation error of the suggest route, not a 404 for code "suggest".
    assert client.get(SUGGEST, headers=actors["employer"].headers).status_code == 422
    assert client.get("/api/v1/taxonomy/occupations/2221").json()["code"] == "2221"
