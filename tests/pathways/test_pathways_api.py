"""The legal pathways API: create, read, list, update with If-Match, validation, quota usage."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from app.config import PROJECT_ROOT, Settings
from app.errors import ProblemError
from app.pathways import service
from app.pathways.schemas import PathwayIn
from app.seed import SeedReport, load_rates
from tests.audit.helpers import stored_events
from tests.pathways.conftest import pathway_payload

URL = "/api/v1/pathways"


def _fields(response) -> dict[str, str]:
    return {e["field"]: e["message"] for e in response.json()["errors"]}


def test_officer_creates_and_every_role_reads(client, database, actors) -> None:
    body = pathway_payload(code="de-test-nurses", destination_country="de")
    r = client.post(URL, json=body, headers=actors["officer"].headers)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["code"] == "DE-TEST-NURSES"  # codes are upper case
    assert created["destination_country"] == "DE"
    assert created["version"] == 1
    # Amounts are JSON numbers (a decimal string is accepted on input).
    assert created["wage_threshold"] == {"amount": 2800, "currency": "EUR", "period": "month"}
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{URL}/DE-TEST-NURSES"
    for role in ("employer", "ministry", "officer", "admin"):
        got = client.get(f"{URL}/de-test-nurses", headers=actors[role].headers)
        assert got.status_code == 200
        assert got.headers["etag"] == '"1"'
        assert got.json()["languages"] == [{"language": "de", "min_level": "B1"}]
    assert client.get(f"{URL}/DE-TEST-NURSES").status_code == 401

    [event] = stored_events(database, entity_type="legal_pathway")
    assert (event.action, event.entity_id) == ("create", "DE-TEST-NURSES")
    assert event.actor_id == actors["officer"].user_id
    assert event.before is None
    assert event.after["annual_quota"] == 100 and event.after["version"] == 1


def test_admin_creates_too_but_employer_and_ministry_cannot(client, actors, count_rows) -> None:
    for role in ("employer", "ministry"):
        r = client.post(URL, json=pathway_payload(), headers=actors[role].headers)
        assert r.status_code == 403
    assert count_rows("legal_pathways") == 0
    assert (
        client.post(URL, json=pathway_payload(), headers=actors["admin"].headers).status_code == 201
    )
    for role in ("employer", "ministry"):
        r = client.patch(
            f"{URL}/DE-TEST-NURSES",
            json={"name": "x"},
            headers={**actors[role].headers, "If-Match": '"1"'},
        )
        assert r.status_code == 403
    assert (
        client.get(f"{URL}/DE-TEST-NURSES", headers=actors["admin"].headers).json()["name"]
        == "Test nurses programme"
    )


def test_unknown_pathway_is_404(client, actors) -> None:
    r = client.get(f"{URL}/NOPE", headers=actors["employer"].headers)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


def test_invalid_values_are_422_with_field_paths_and_nothing_is_stored(
    client, actors, count_rows
) -> None:
    events = count_rows("audit_events")
    body = pathway_payload(
        destination_country="XX",
        kind="visa",
        origin_countries=["PH", "QQ"],
        occupations=["2221", "22x"],
        sectors=["Z"],
        languages=[{"language": "xx", "min_level": "B1"}, {"language": "de", "min_level": "D1"}],
        wage_threshold={"amount": 0, "currency": "XYZ", "period": "week"},
        contract_types=["gig"],
        annual_quota=-1,
        min_isced=9,
        unknown_field=True,
    )
    r = client.post(URL, json=body, headers=actors["officer"].headers)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    fields = _fields(r)
    for path in (
        "body.destination_country",
        "body.kind",
        "body.origin_countries[1]",
        "body.occupations[1]",
        "body.sectors[0]",
        "body.languages[0].language",
        "body.languages[1].min_level",
        "body.wage_threshold.amount",
        "body.wage_threshold.currency",
        "body.wage_threshold.period",
        "body.contract_types[0]",
        "body.annual_quota",
        "body.min_isced",
        "body.unknown_field",
    ):
        assert path in fields, (path, fields)
    assert "ISO 3166-1" in fields["body.destination_country"]
    assert count_rows("legal_pathways") == 0
    assert count_rows("audit_events") == events


def test_codes_are_checked_against_the_taxonomy_and_rates(client, actors, count_rows) -> None:
    body = pathway_payload(
        occupations=["2", "22", "222", "2221", "99"],  # 99 is no ISCO sub-major group
        excluded_occupations=["0110", "2229"],  # 2229 does not exist
        sectors=["A", "01", "04"],  # there is no division 04
        wage_threshold={"amount": 30000, "currency": "JPY", "period": "year"},
        valid_from="2026-01-01",
        valid_to="2025-12-31",
    )
    r = client.post(URL, json=body, headers=actors["officer"].headers)
    assert r.status_code == 422
    fields = _fields(r)
    assert set(fields) == {
        "body.occupations[4]",
        "body.excluded_occupations[1]",
        "body.sectors[2]",
        "body.wage_threshold.currency",
        "body.valid_to",
    }
    assert "add a rate first" in fields["body.wage_threshold.currency"]
    assert "valid_from" in fields["body.valid_to"]
    assert count_rows("legal_pathways") == 0


def test_a_wage_in_a_currency_with_a_rate_is_accepted(client, actors, rates) -> None:
    body = pathway_payload(wage_threshold={"amount": 25000, "currency": "gbp", "period": "year"})
    r = client.post(URL, json=body, headers=actors["officer"].headers)
    assert r.status_code == 201, r.text
    assert r.json()["wage_threshold"]["currency"] == "GBP"


def test_duplicates_in_lists_and_codes_are_refused(client, actors, count_rows) -> None:
    r = client.post(
        URL, json=pathway_payload(origin_countries=["PH", "ph"]), headers=actors["officer"].headers
    )
    assert r.status_code == 422
    assert "listed twice" in _fields(r)["body.origin_countries"]
    assert (
        client.post(URL, json=pathway_payload(), headers=actors["officer"].headers).status_code
        == 201
    )
    again = client.post(
        URL, json=pathway_payload(name="Another"), headers=actors["officer"].headers
    )
    assert again.status_code == 409
    assert count_rows("legal_pathways") == 1


def _create(client, actors, **overrides) -> dict:
    r = client.post(URL, json=pathway_payload(**overrides), headers=actors["officer"].headers)
    assert r.status_code == 201, r.text
    return r.json()


def test_list_filters_paginates_and_sorts_by_code(client, actors) -> None:
    _create(client, actors, code="DE-B", origin_countries=[], valid_from=None)  # any origin
    _create(client, actors, code="DE-A", origin_countries=["PH"], kind="work_visa")
    _create(
        client,
        actors,
        code="DE-C",
        origin_countries=["IN"],
        valid_from="2020-01-01",
        valid_to="2021-12-31",
    )
    _create(client, actors, code="FR-A", destination_country="FR", origin_countries=["PH"])
    headers = actors["employer"].headers

    def codes(**params) -> list[str]:
        r = client.get(URL, params=params, headers=headers)
        assert r.status_code == 200, r.text
        return [p["code"] for p in r.json()["items"]]

    assert codes() == ["DE-A", "DE-B", "DE-C", "FR-A"]
    assert codes(destination="de") == ["DE-A", "DE-B", "DE-C"]
    assert codes(kind="work_visa") == ["DE-A"]
    assert codes(origin="PH") == ["DE-A", "DE-B", "FR-A"]
    assert codes(origin="IN") == ["DE-B", "DE-C"]
    assert codes(origin="NP") == ["DE-B"]
    assert codes(active_on="2021-12-31") == ["DE-B", "DE-C"]  # valid_to is inclusive
    assert codes(active_on="2022-01-01") == ["DE-B"]
    assert codes(active_on="2024-01-01") == ["DE-A", "DE-B", "FR-A"]  # so is valid_from
    assert codes(destination="DE", origin="PH", active_on="2024-06-01") == ["DE-A", "DE-B"]

    page = client.get(URL, params={"limit": 2, "offset": 2}, headers=headers).json()
    assert (page["total"], page["limit"], page["offset"]) == (4, 2, 2)
    assert [p["code"] for p in page["items"]] == ["DE-C", "FR-A"]
    assert client.get(URL, params={"limit": 500}, headers=headers).status_code == 422
    assert client.get(URL, params={"origin": "QQ"}, headers=headers).status_code == 422


def test_update_needs_if_match(client, database, actors) -> None:
    _create(client, actors)
    officer = actors["officer"].headers
    r = client.patch(f"{URL}/DE-TEST-NURSES", json={"annual_quota": 50}, headers=officer)
    assert r.status_code == 428
    r = client.patch(
        f"{URL}/DE-TEST-NURSES",
        json={"annual_quota": 50},
        headers={**officer, "If-Match": "yesterday"},
    )
    assert r.status_code == 422
    got = client.get(f"{URL}/DE-TEST-NURSES", headers=officer).json()
    assert (got["annual_quota"], got["version"]) == (100, 1)
    assert [e.action for e in stored_events(database, entity_type="legal_pathway")] == ["create"]


def test_update_with_the_current_version_then_a_stale_one(client, database, actors) -> None:
    _create(client, actors)
    officer = actors["officer"].headers
    r = client.patch(
        f"{URL}/DE-TEST-NURSES",
        json={"annual_quota": 50, "name": "Renamed"},
        headers={**officer, "If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    body = r.json()
    assert (body["annual_quota"], body["name"], body["version"]) == (50, "Renamed", 2)
    assert body["origin_countries"] == ["PH", "IN"]  # fields not sent keep their values

    stale = client.patch(
        f"{URL}/DE-TEST-NURSES",
        json={"annual_quota": 7},
        headers={**actors["admin"].headers, "If-Match": '"1"'},
    )
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert stale.headers["etag"] == '"2"'
    got = client.get(f"{URL}/DE-TEST-NURSES", headers=officer).json()
    assert (got["annual_quota"], got["version"]) == (50, 2)

    events = stored_events(database, entity_type="legal_pathway", action="update")
    assert len(events) == 1
    assert events[0].actor_id == actors["officer"].user_id
    assert events[0].before["annual_quota"] == 100 and events[0].before["version"] == 1
    assert events[0].after["annual_quota"] == 50 and events[0].after["name"] == "Renamed"
    assert events[0].after["version"] == 2


def test_update_validates_the_result_and_refuses_what_cannot_change(
    client, database, actors
) -> None:
    _create(client, actors, valid_from="2024-01-01")
    headers = {**actors["officer"].headers, "If-Match": '"1"'}
    cases = [
        ({"valid_to": "2023-12-31"}, "body.valid_to"),  # before the stored valid_from
        ({"name": None}, "body.name"),
        ({"origin_countries": None}, "body.origin_countries"),
        ({"code": "NEW-CODE"}, "body.code"),
        ({"occupations": ["99"]}, "body.occupations[0]"),
        (
            {"wage_threshold": {"amount": 1, "currency": "USD", "period": "hour"}},
            "body.wage_threshold.currency",
        ),
    ]
    for patch, field in cases:
        r = client.patch(f"{URL}/DE-TEST-NURSES", json=patch, headers=headers)
        assert r.status_code == 422, (patch, r.text)
        assert field in _fields(r), (patch, r.json())
    got = client.get(f"{URL}/DE-TEST-NURSES", headers=headers).json()
    assert got["version"] == 1 and got["valid_to"] is None
    assert len(stored_events(database, entity_type="legal_pathway")) == 1


def test_nullable_fields_can_be_cleared_and_a_no_op_changes_nothing(
    client, database, actors
) -> None:
    _create(client, actors)
    headers = {**actors["officer"].headers, "If-Match": '"1"'}
    same = client.patch(f"{URL}/DE-TEST-NURSES", json={"annual_quota": 100}, headers=headers)
    assert same.status_code == 200 and same.json()["version"] == 1
    r = client.patch(
        f"{URL}/DE-TEST-NURSES",
        json={"annual_quota": None, "wage_threshold": None},
        headers=headers,
    )
    assert r.status_code == 200
    assert (r.json()["annual_quota"], r.json()["wage_threshold"]) == (None, None)
    assert r.json()["quota_usage"]["quota"] is None
    assert [e.action for e in stored_events(database, entity_type="legal_pathway")] == [
        "create",
        "update",
    ]


def test_changes_reach_the_rankings_of_the_destinations_they_touch(client, actors) -> None:
    """Nothing is re-ranked on a write: the next ranking read applies a created or changed
    pathway, in the destinations it left and in those it reached."""
    from tests.pools.conftest import pool_payload
    from tests.vacancies.conftest import vacancy_payload

    officer, employer = actors["officer"].headers, actors["employer"].headers
    vacancies = {
        country: client.post(
            "/api/v1/vacancies", json=vacancy_payload(destination_country=country), headers=employer
        ).json()["id"]
        for country in ("DE", "AT")
    }
    german_b1 = [{"language": "de", "level": "B1", "share": 0.5}]
    r = client.post(
        "/api/v1/pools", json=pool_payload(languages=german_b1), headers=actors["ministry"].headers
    )
    assert r.status_code == 201, r.text

    def ranked() -> dict[str, list[tuple[bool, str | None]]]:
        out = {}
        for country, vacancy in vacancies.items():
            r = client.get(
                f"/api/v1/vacancies/{vacancy}/matches",
                params={"include_ineligible": True},
                headers=officer,
            )
            assert r.status_code == 200, r.text
            out[country] = [(m["eligible"], m["pathway"]) for m in r.json()["items"]]
        return out

    assert ranked() == {"DE": [(False, None)], "AT": [(False, None)]}  # no pathway yet
    _create(client, actors)
    assert ranked() == {"DE": [(True, "DE-TEST-NURSES")], "AT": [(False, None)]}
    headers = {**officer, "If-Match": '"1"'}
    r = client.patch(f"{URL}/DE-TEST-NURSES", json={"destination_country": "AT"}, headers=headers)
    assert r.status_code == 200, r.text
    assert ranked() == {"DE": [(False, None)], "AT": [(True, "DE-TEST-NURSES")]}


def test_quota_usage_counts_approved_headcount_per_year(client, actors, add_decision) -> None:
    _create(client, actors, annual_quota=100)
    _create(client, actors, code="OTHER", annual_quota=None)
    year = datetime.now(UTC).year
    add_decision("DE-TEST-NURSES", year, 30)
    add_decision("DE-TEST-NURSES", year, 20)
    add_decision("DE-TEST-NURSES", year, 40, decision="rejected")  # not counted
    add_decision("DE-TEST-NURSES", year, 0, decision="shortlisted")
    add_decision("DE-TEST-NURSES", year - 2, 110)  # over the quota that year
    add_decision("OTHER", year, 5)
    headers = actors["ministry"].headers

    r = client.get(f"{URL}/DE-TEST-NURSES/quota", headers=headers)
    assert r.status_code == 200
    assert r.json() == [
        {"year": year - 2, "quota": 100, "used": 110, "remaining": 0},
        {"year": year, "quota": 100, "used": 50, "remaining": 50},
    ]
    one = client.get(f"{URL}/DE-TEST-NURSES/quota", params={"year": year + 1}, headers=headers)
    assert one.json() == [{"year": year + 1, "quota": 100, "used": 0, "remaining": 100}]
    other = client.get(f"{URL}/OTHER/quota", headers=headers).json()
    assert other == [{"year": year, "quota": None, "used": 5, "remaining": None}]

    got = client.get(f"{URL}/DE-TEST-NURSES", headers=headers).json()
    assert got["quota_usage"] == {"year": year, "quota": 100, "used": 50, "remaining": 50}
    listed = {p["code"]: p["quota_usage"] for p in client.get(URL, headers=headers).json()["items"]}
    assert listed["DE-TEST-NURSES"]["used"] == 50 and listed["OTHER"]["used"] == 5
    assert client.get(f"{URL}/NOPE/quota", headers=headers).status_code == 404


def test_every_demo_pathway_passes_the_api_validation(database) -> None:
    """The demo file and the API agree: what `make run` loads could be entered by hand."""
    pathways = json.loads((PROJECT_ROOT / "seed_data/demo/pathways.json").read_text())
    settings = Settings(environment="test", database_url=database.url)
    with database.session() as s:
        load_rates(s, SeedReport())
        for p in pathways["pathways"]:
            data = PathwayIn.model_validate(p)
            try:
                service.validate_pathway(s, settings, data)
            except ProblemError as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{p['code']}: {exc.errors}")
        s.rollback()
