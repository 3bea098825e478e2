"""Covered sectors of a pathway: ISIC Rev.4 section letters (covering all their divisions) or
divisions (design section 4), validated on create and update with the field path."""

from __future__ import annotations

from tests.audit.helpers import stored_events
from tests.pathways.conftest import pathway_payload
from tests.pools.conftest import pool_payload
from tests.vacancies.conftest import vacancy_payload

URL = "/api/v1/pathways"


def _fields(response) -> dict[str, str]:
    return {e["field"]: e["message"] for e in response.json()["errors"]}


def test_sections_and_divisions_are_accepted_and_letters_upper_cased(client, actors) -> None:
    r = client.post(
        URL, json=pathway_payload(sectors=["q", "86", " A "]), headers=actors["officer"].headers
    )
    assert r.status_code == 201, r.text
    assert r.json()["sectors"] == ["Q", "86", "A"]
    got = client.get(f"{URL}/DE-TEST-NURSES", headers=actors["employer"].headers).json()
    assert got["sectors"] == ["Q", "86", "A"]


def test_unknown_and_malformed_sectors_are_422_at_the_field(client, actors, count_rows) -> None:
    for sectors, index, words in (
        (["Q", "Z"], 1, "neither an ISIC Rev.4 section"),  # sections run A to U
        (["04"], 0, "'04' is not an ISIC Rev.4 division"),  # no division 04
        (["86", "123"], 1, "neither an ISIC Rev.4 section"),  # a group, not a division
        (["8"], 0, "neither an ISIC Rev.4 section"),
        (["QQ"], 0, ""),
        (["Q", "q"], None, "listed twice"),
    ):
        r = client.post(
            URL, json=pathway_payload(sectors=sectors), headers=actors["officer"].headers
        )
        assert r.status_code == 422, (sectors, r.text)
        field = "body.sectors" if index is None else f"body.sectors[{index}]"
        assert field in _fields(r), (sectors, r.json())
        assert words in _fields(r)[field], (sectors, r.json())
    assert count_rows("legal_pathways") == 0


def test_an_update_validates_and_stores_sectors(client, database, actors) -> None:
    assert (
        client.post(URL, json=pathway_payload(), headers=actors["officer"].headers).status_code
        == 201
    )
    headers = {**actors["officer"].headers, "If-Match": '"1"'}
    for sectors, field in ((["86", "V"], "body.sectors[1]"), (["04"], "body.sectors[0]")):
        bad = client.patch(f"{URL}/DE-TEST-NURSES", json={"sectors": sectors}, headers=headers)
        assert bad.status_code == 422, bad.text
        assert set(_fields(bad)) == {field}, bad.json()
    assert client.get(f"{URL}/DE-TEST-NURSES", headers=headers).json()["sectors"] == ["Q", "86"]
    good = client.patch(f"{URL}/DE-TEST-NURSES", json={"sectors": ["c", "10"]}, headers=headers)
    assert good.status_code == 200, good.text
    assert good.json()["sectors"] == ["C", "10"] and good.json()["version"] == 2
    update = stored_events(database, entity_type="legal_pathway")[-1]
    assert update.before["sectors"] == ["Q", "86"] and update.after["sectors"] == ["C", "10"]


def test_a_section_letter_covers_its_divisions_in_matching(client, actors) -> None:
    # Section Q (human health and social work) covers division 86 (hospitals), not 55 (hotels).
    pathway = pathway_payload(
        sectors=["Q"],
        languages=[],
        wage_threshold=None,
        min_experience_years=None,
        annual_quota=None,
    )
    assert client.post(URL, json=pathway, headers=actors["officer"].headers).status_code == 201
    pool = client.post("/api/v1/pools", json=pool_payload(), headers=actors["ministry"].headers)
    assert pool.status_code == 201, pool.text
    employer = actors["employer"].headers
    hospital = client.post(
        "/api/v1/vacancies", json=vacancy_payload(sector="86", languages=[]), headers=employer
    ).json()
    hotel = client.post(
        "/api/v1/vacancies", json=vacancy_payload(sector="55", languages=[]), headers=employer
    ).json()

    officer = actors["officer"].headers
    params = {"include_ineligible": "true"}
    [admitted] = client.get(
        f"/api/v1/vacancies/{hospital['id']}/matches", params=params, headers=officer
    ).json()["items"]
    assert admitted["eligible"] and admitted["pathway"] == "DE-TEST-NURSES"
    [blocked] = client.get(
        f"/api/v1/vacancies/{hotel['id']}/matches", params=params, headers=officer
    ).json()["items"]
    assert not blocked["eligible"]
    assert [r["code"] for r in blocked["reasons"]] == ["sector_not_covered"]
