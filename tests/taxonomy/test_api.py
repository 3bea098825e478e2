"""The read-only taxonomy API that clients use to code their data."""

from __future__ import annotations


def test_occupation_with_parents_and_children(client) -> None:
    r = client.get("/api/v1/taxonomy/occupations/2221")
    assert r.status_code == 200
    body = r.json()
    assert body["title"] == "Nursing professionals"
    assert [p["code"] for p in body["parents"]] == ["222", "22", "2"]
    assert body["children"] == []
    major = client.get("/api/v1/taxonomy/occupations/2").json()
    assert major["parents"] == []
    assert [c["code"] for c in major["children"]] == ["21", "22", "23", "24", "25", "26"]


def test_unknown_occupation_is_404(client) -> None:
    r = client.get("/api/v1/taxonomy/occupations/9999")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


def test_occupation_search_by_title_and_level(client) -> None:
    r = client.get("/api/v1/taxonomy/occupations", params={"q": "nurs", "level": 4})
    body = r.json()
    codes = [o["code"] for o in body["items"]]
    assert "2221" in codes and "3221" in codes
    assert all(len(c) == 4 for c in codes)
    assert body["total"] == len(codes)
    units = client.get("/api/v1/taxonomy/occupations", params={"level": 4, "limit": 1}).json()
    assert units["total"] == 436


def test_occupation_search_paginates_stably(client) -> None:
    first = client.get("/api/v1/taxonomy/occupations", params={"limit": 5}).json()["items"]
    second = client.get("/api/v1/taxonomy/occupations", params={"limit": 5, "offset": 5}).json()[
        "items"
    ]
    codes = [o["code"] for o in first + second]
    assert codes == sorted(codes) and len(set(codes)) == 10


def test_search_text_is_not_a_pattern(client) -> None:
    r = client.get("/api/v1/taxonomy/occupations", params={"q": "%"})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_sectors(client) -> None:
    q = client.get("/api/v1/taxonomy/sectors/Q").json()
    assert q["level"] == "section"
    assert [c["code"] for c in q["children"]] == ["86", "87", "88"]
    division = client.get("/api/v1/taxonomy/sectors/86").json()
    assert division["section_code"] == "Q"
    sections = client.get("/api/v1/taxonomy/sectors", params={"level": "section"}).json()
    assert sections["total"] == 21
    divisions = client.get("/api/v1/taxonomy/sectors", params={"level": "division"}).json()
    assert divisions["total"] == 88


def test_skills_search(client) -> None:
    r = client.get("/api/v1/taxonomy/skills", params={"limit": 1})
    assert r.json()["total"] >= 300
    item = r.json()["items"][0]
    one = client.get(f"/api/v1/taxonomy/skills/{item['id']}").json()
    assert one["label"] == item["label"] and one["is_group"] is False
    assert client.get("/api/v1/taxonomy/skills/no-such-skill").status_code == 404


def test_countries_and_languages_come_from_iso(client) -> None:
    countries = client.get("/api/v1/taxonomy/countries").json()
    assert len(countries) >= 240
    by_code = {c["alpha_2"]: c for c in countries}
    assert by_code["NG"]["who_safeguard_list"] is True
    assert by_code["PH"]["who_safeguard_list"] is False
    assert client.get("/api/v1/taxonomy/countries/DE").json()["alpha_3"] == "DEU"
    assert client.get("/api/v1/taxonomy/countries/XX").status_code == 404
    languages = {
        item["code"]: item["name"] for item in client.get("/api/v1/taxonomy/languages").json()
    }
    assert languages["de"] == "German" and len(languages) >= 180


def test_levels(client) -> None:
    body = client.get("/api/v1/taxonomy/levels").json()
    assert [c["code"] for c in body["cefr"]] == ["A1", "A2", "B1", "B2", "C1", "C2"]
    assert [i["code"] for i in body["isced"]] == [str(i) for i in range(9)]


def test_metadata_names_sources(client) -> None:
    names = [s["name"] for s in client.get("/api/v1/taxonomy").json()["sources"]]
    assert "ISCO-08" in names and "ISIC Rev.4" in names
