"""Microdata uploads: respondents aggregated into pools, small cells suppressed, respondent ids
never stored."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, text

from app.models import Base
from app.pools.models import Pool, PoolLanguage, PoolSkill
from tests.surveys.helpers import SAMPLES, csv_bytes, row_errors, snapshot, upload

HEADER = (
    "respondent_id,region,occupation,sector,isced_level,languages,skills,experience_years,"
    "willing_to_work_abroad"
)
SECRET = "SECRET-ID-"

RESPONDENTS = [
    # Ilocos, nursing professionals (2221): six willing respondents -> one pool.
    f"{SECRET}01,Ilocos,2221,86,5,tl:C2;en:B2,patient-assessment;wound-care,1,yes",
    f"{SECRET}02,Ilocos,2221,86,5,en:B2,patient-assessment,2,Yes",
    f"{SECRET}03,Ilocos,2221,86,5,en:b1,patient-assessment;wound-care,3,true",
    f"{SECRET}04,Ilocos,2221,87,6,en:B2,patient-assessment,4,1",
    f"{SECRET}05,  ILOCOS ,2221,86,6,en:B1,,5,YES",
    f"{SECRET}06,Ilocos,2221,,6,,hand-hygiene,10,y",
    # Not willing to work abroad: not counted anywhere (the bad code is not even checked).
    f"{SECRET}07,Ilocos,2221,86,8,en:C2,wound-care,40,no",
    f"{SECRET}08,Ilocos,9999,86,8,en:C2,wound-care,40,0",
    # Caraga, 2221: four willing respondents -> below k = 5, suppressed.
    f"{SECRET}09,Caraga,2221,86,6,en:B2,patient-assessment,3,yes",
    f"{SECRET}10,Caraga,2221,86,6,en:B2,patient-assessment,3,yes",
    f"{SECRET}11,Caraga,2221,86,6,en:B2,patient-assessment,3,yes",
    f"{SECRET}12,Caraga,2221,86,6,en:B2,patient-assessment,3,yes",
    # Ilocos, a job title coded to 5321 (health care assistants): five respondents -> a pool.
    f"{SECRET}13,Ilocos,care assistant,87,4,en:A2,hand-hygiene,2,yes",
    f"{SECRET}14,Ilocos,Care Assistant,87,4,en:A2,hand-hygiene,2.5,yes",
    f"{SECRET}15,Ilocos,5321,87,3,en:A2,hand-hygiene,3,yes",
    f"{SECRET}16,Ilocos,5321,87,4,,,4,yes",
    f"{SECRET}17,Ilocos,5321,88,4,,,6,yes",
]


def _upload(client, actors, rows: list[str], **options: str):
    return upload(
        client,
        actors["ministry"].headers,
        csv_bytes(*rows, header=HEADER),
        name="survey.csv",
        mode="microdata",
        **options,
    )


def _pool_details(database, pool_ids: list[str]) -> dict[tuple[str | None, str], dict]:
    out = {}
    with database.session() as s:
        for pool in s.scalars(select(Pool).where(Pool.id.in_([uuid.UUID(i) for i in pool_ids]))):
            skills = {
                k: v
                for k, v in s.execute(
                    select(PoolSkill.skill_id, PoolSkill.share).where(PoolSkill.pool_id == pool.id)
                )
            }
            languages = {
                (lang, level): share
                for lang, level, share in s.execute(
                    select(PoolLanguage.language, PoolLanguage.level, PoolLanguage.share).where(
                        PoolLanguage.pool_id == pool.id
                    )
                )
            }
            out[(pool.region, pool.occupation_code)] = {
                "pool": pool,
                "skills": skills,
                "languages": languages,
            }
    return out


def test_respondents_are_aggregated_into_pools(client, database, actors, count_rows) -> None:
    before = snapshot(count_rows)
    r = _upload(client, actors, RESPONDENTS)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "accepted" and body["errors"] == []
    report = body["report"]
    assert report["respondents"] == 17 and body["rows_read"] == 17
    assert report["respondents_unwilling"] == 2
    assert report["cells"] == 3
    assert report["cells_suppressed"] == 1 and body["cells_suppressed"] == 1
    assert report["respondents_suppressed"] == 4
    assert report["respondents_pooled"] == 11 and body["rows_accepted"] == 11
    assert report["k_threshold"] == 5
    (coding,) = report["codings"]
    assert coding["code"] == "5321" and coding["respondents"] == 2

    pools = _pool_details(database, body["pool_ids"])
    assert set(pools) == {("Ilocos", "2221"), ("Ilocos", "5321")}
    assert body["pools_created"] == 2 and body["pools_updated"] == 0
    assert [(p["row"], p["outcome"], p["pool"]) for p in body["pools"]] == [
        (None, "created", "PH, Ilocos, 2221, no sector"),
        (None, "created", "PH, Ilocos, 5321, no sector"),
    ]
    nurses = pools[("Ilocos", "2221")]
    pool = nurses["pool"]
    assert pool.origin_country == "PH"  # the uploading ministry's country
    assert pool.ministry_id == actors["ministry"].org_id
    assert pool.headcount == 6
    # The cell is the pool's identity (origin, region, occupation): no sector experience.
    assert pool.sector_code is None
    assert pool.experience_years == pytest.approx(3.5)  # median of 1, 2, 3, 4, 5, 10
    assert pool.isced_level == 5  # median 5.5, rounded down
    assert nurses["skills"] == pytest.approx(
        {"patient-assessment": 4 / 6, "wound-care": 2 / 6, "hand-hygiene": 1 / 6}
    )
    assert nurses["languages"] == pytest.approx(
        {("en", "B2"): 3 / 6, ("en", "B1"): 2 / 6, ("tl", "C2"): 1 / 6}
    )
    carers = pools[("Ilocos", "5321")]
    assert carers["pool"].headcount == 5 and carers["pool"].isced_level == 4
    assert carers["pool"].experience_years == pytest.approx(3)
    assert carers["pool"].sector_code is None
    assert carers["skills"] == pytest.approx({"hand-hygiene": 3 / 5})
    assert carers["languages"] == pytest.approx({("en", "A2"): 3 / 5})

    after = snapshot(count_rows)
    assert after["pools"] == before["pools"] + 2
    assert after["survey_uploads"] == before["survey_uploads"] + 1
    assert after["audit_events"] == before["audit_events"] + 3


def _all_stored_text(database) -> str:
    """Every row of every table, as text: respondent ids must be nowhere in it."""
    parts = []
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(text(f"SELECT * FROM {table.name}")):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def test_respondent_ids_are_never_stored(client, database, actors) -> None:
    rows = [*RESPONDENTS, f"{SECRET}01,Ilocos,2221,86,5,en:B2,,1,yes"]  # a duplicate id
    rows.append(f"{SECRET}99,Ilocos,2221,86,5,en:B2,no-such-skill,1,yes")
    h = actors["ministry"].headers
    rejected = _upload(client, actors, rows)
    assert rejected.status_code == 422
    assert row_errors(rejected.json()) == [(19, "respondent_id"), (20, "skills")]
    duplicate = rejected.json()["errors"][0]
    assert duplicate["value"] == "" and "earlier row" in duplicate["message"]
    skipped = _upload(client, actors, rows, on_error="skip")
    assert skipped.status_code == 201
    report = client.get(f"/api/v1/uploads/{skipped.json()['id']}/report.csv", headers=h)
    for response in (rejected, skipped, report):
        assert SECRET not in response.text
    stored = _all_stored_text(database)
    assert "Ilocos" in stored  # the search does see the uploads' data
    assert SECRET not in stored


def test_microdata_mistakes_are_reported_by_row(client, actors, count_rows) -> None:
    before = snapshot(count_rows)
    rows = [
        *RESPONDENTS,
        ",Ilocos,2221,86,5,en:B2,,1,yes",  # row 19: no id
        f"{SECRET}20,Ilocos,2221,86,5,en:B2,,1,maybe",  # row 20
        f"{SECRET}21,Ilocos,9999,04,5,en:B2;en:C1,wound-care:0.5,1,yes",  # row 21
        f"{SECRET}22,Ilocos,2221,86,12,xx:B2,,-1,yes",  # row 22
        f"{SECRET}23,Ilocos,various duties,86,5,,,1,yes",  # row 23
    ]
    r = _upload(client, actors, rows)
    assert r.status_code == 422
    # In column order within a row: each mistake of a row is reported, codes included.
    assert row_errors(r.json()) == [
        (19, "respondent_id"),
        (20, "willing_to_work_abroad"),
        (21, "occupation"),
        (21, "sector"),
        (21, "languages"),
        (21, "skills"),
        (22, "isced_level"),
        (22, "languages"),
        (22, "experience_years"),
        (23, "occupation"),
    ]
    after = snapshot(count_rows)
    assert after["pools"] == before["pools"]
    assert after["survey_uploads"] == before["survey_uploads"] + 1

    skipped = _upload(client, actors, rows, on_error="skip")
    assert skipped.status_code == 201 and skipped.json()["status"] == "partial"
    assert skipped.json()["rows_rejected"] == 5 and len(skipped.json()["pool_ids"]) == 2


def test_missing_microdata_column_is_named(client, actors) -> None:
    header = HEADER.replace(",willing_to_work_abroad", "")
    r = upload(
        client,
        actors["ministry"].headers,
        csv_bytes("a,b,2221,86,5,,,1", header=header),
        mode="microdata",
    )
    assert r.status_code == 422 and "'willing_to_work_abroad'" in r.json()["detail"]


def test_the_microdata_sample(client, actors, count_rows) -> None:
    content = (SAMPLES / "microdata.csv").read_bytes()
    before = snapshot(count_rows)
    dry = upload(
        client,
        actors["ministry"].headers,
        content,
        name="microdata.csv",
        mode="microdata",
        dry_run="true",
    )
    assert dry.status_code == 200, dry.text
    report = dry.json()["report"]
    assert report["respondents"] == 10_000
    assert report["cells_suppressed"] > 0 and report["respondents_suppressed"] > 0
    assert dry.json()["status"] == "accepted" and report["pools"] > 50
    assert snapshot(count_rows) == before
