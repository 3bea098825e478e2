"""Pool-table uploads: what is stored, what each kind of mistake reports, and that a refused file
leaves the database as it was."""

from __future__ import annotations

import uuid

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.pools.models import Pool, PoolLanguage, PoolSkill
from app.surveys.models import SurveyUpload
from tests.pools.conftest import allow_origins
from tests.surveys.helpers import (
    GOOD_ROW,
    POOL_HEADER,
    SAMPLES,
    URL,
    csv_bytes,
    row_errors,
    snapshot,
    upload,
)


def _pools(database, upload_id: str) -> list[Pool]:
    with database.session() as s:
        return list(s.scalars(select(Pool).where(Pool.upload_id == uuid.UUID(upload_id))))


def test_a_valid_table_becomes_pools(client, database, actors, count_rows) -> None:
    before = snapshot(count_rows)
    content = csv_bytes(GOOD_ROW, "PH,Cebu,registered nurse,,30,,en:B1,6,3,")
    r = upload(client, actors["ministry"].headers, content)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "accepted"
    assert (body["rows_read"], body["rows_accepted"], body["rows_rejected"]) == (2, 2, 0)
    assert body["file_format"] == "csv" and body["mode"] == "pool_table"
    assert len(body["pool_ids"]) == 2 and body["errors"] == []
    assert r.headers["location"] == f"{URL}/{body['id']}"
    # The job title was coded, and the report says to what and how sure.
    (coding,) = body["report"]["codings"]
    assert coding["row"] == 3 and coding["input"] == "registered nurse"
    assert coding["code"] == "2221" and coding["confidence"] >= 0.35

    after = snapshot(count_rows)
    assert after["pools"] == before["pools"] + 2
    assert after["pool_skills"] == before["pool_skills"] + 2
    assert after["pool_languages"] == before["pool_languages"] + 3
    assert after["survey_uploads"] == before["survey_uploads"] + 1
    # One event for the upload and one per pool.
    assert after["audit_events"] == before["audit_events"] + 3

    pools = sorted(_pools(database, body["id"]), key=lambda p: p.region or "")
    assert [p.region for p in pools] == ["Cebu", "Central Luzon"]
    assert all(p.ministry_id == actors["ministry"].org_id for p in pools)
    cebu, luzon = pools
    assert cebu.occupation_code == "2221" and cebu.sector_code is None
    assert luzon.headcount == 120 and luzon.experience_years == 4.5
    assert luzon.available_from.isoformat() == "2026-03-01"
    with database.session() as s:
        skills = {
            skill: share
            for skill, share in s.execute(
                select(PoolSkill.skill_id, PoolSkill.share).where(PoolSkill.pool_id == luzon.id)
            )
        }
        languages = {
            (lang, level, share)
            for lang, level, share in s.execute(
                select(PoolLanguage.language, PoolLanguage.level, PoolLanguage.share).where(
                    PoolLanguage.pool_id == luzon.id
                )
            )
        }
    assert skills == {"patient-assessment": 1.0, "wound-care": 0.5}
    assert languages == {("en", "B2", 0.6), ("fr", "A2", 0.3)}


BAD_CELLS = [
    # (column, bad value, words the message must contain)
    ("occupation", "9999", "ISCO-08"),
    ("occupation", "22", "4-digit"),
    ("occupation", "various duties", "too vague"),
    ("sector", "04", "ISIC"),
    ("sector", "861", "ISIC"),
    ("origin_country", "XZ", "ISO 3166-1"),
    ("languages", "xx:B2:0.5", "ISO 639-1"),
    ("languages", "en:B4:0.5", "CEFR"),
    ("languages", "en:B2:1.2", "between 0 and 1"),
    ("languages", "en:B2:0.7;en:B1:0.5", "more than 1"),
    ("skills", "patient-assessment:1.5", "between 0 and 1"),
    ("skills", "patient-assessment:-0.2", "between 0 and 1"),
    ("skills", "no-such-skill", "not a skill"),
    ("skills", "wound-care;wound-care", "twice"),
    ("headcount", "0", "at least one"),
    ("headcount", "-3", "at least one"),
    ("headcount", "2.5", "whole number"),
    ("isced_level", "9", "between 0 and 8"),
    ("experience_years", "lots", "not a number"),
    ("available_from", "next spring", "YYYY-MM-DD"),
]


def _with(column: str, value: str) -> str:
    cells = GOOD_ROW.split(",")
    cells[POOL_HEADER.split(",").index(column)] = f'"{value}"' if ";" in value else value
    return ",".join(cells)


@pytest.mark.parametrize(("column", "value", "words"), BAD_CELLS)
def test_each_mistake_names_row_and_column_and_stores_no_pool(
    client, actors, count_rows, column: str, value: str, words: str
) -> None:
    before = snapshot(count_rows)
    r = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW, _with(column, value)))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert row_errors(body) == [(3, column)]
    (error,) = body["errors"]
    assert words in error["message"]
    assert error["value"] == value
    assert body["upload"]["status"] == "rejected"
    assert body["upload"]["rows_rejected"] == 1 and body["upload"]["rows_accepted"] == 0

    after = snapshot(count_rows)
    # All or nothing: not even the good row 2 became a pool.
    for table in ("pools", "pool_skills", "pool_languages"):
        assert after[table] == before[table], table
    # The rejected upload is kept with its report (and its audit event) for later reading.
    assert after["survey_uploads"] == before["survey_uploads"] + 1
    assert after["audit_events"] == before["audit_events"] + 1
    stored = client.get(f"{URL}/{body['upload']['id']}", headers=actors["ministry"].headers)
    assert stored.json()["status"] == "rejected"
    assert stored.json()["errors"] == body["errors"]


def test_every_bad_row_and_cell_is_reported(client, actors) -> None:
    rows = [
        GOOD_ROW,
        "XZ,Cebu,9999,04,0,nope,en:Q1,6,3,",
        _with("region", "Davao"),
        _with("headcount", "0"),
    ]
    r = upload(client, actors["ministry"].headers, csv_bytes(*rows))
    assert r.status_code == 422
    assert row_errors(r.json()) == [
        (3, "origin_country"),
        (3, "occupation"),
        (3, "sector"),
        (3, "headcount"),
        (3, "skills"),
        (3, "languages"),
        (5, "headcount"),
    ]


def test_on_error_skip_stores_the_good_rows(client, actors, count_rows) -> None:
    before = snapshot(count_rows)
    content = csv_bytes(GOOD_ROW, _with("occupation", "9999"), _with("region", "Davao"))
    r = upload(client, actors["ministry"].headers, content, on_error="skip")
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "partial"
    assert (body["rows_read"], body["rows_accepted"], body["rows_rejected"]) == (3, 2, 1)
    assert row_errors(body) == [(3, "occupation")]
    assert count_rows("pools") == before["pools"] + 2
    assert len(body["pool_ids"]) == 2


def test_on_error_skip_with_no_good_row_is_rejected(client, actors, count_rows) -> None:
    before = snapshot(count_rows)
    r = upload(
        client, actors["ministry"].headers, csv_bytes(_with("headcount", "0")), on_error="skip"
    )
    assert r.status_code == 422
    assert count_rows("pools") == before["pools"]


def test_dry_run_reports_and_stores_nothing(client, actors, count_rows) -> None:
    before = snapshot(count_rows)
    good = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW), dry_run="true")
    assert good.status_code == 200, good.text
    assert good.json()["id"] is None and good.json()["dry_run"] is True
    assert good.json()["status"] == "accepted" and good.json()["report"]["pools"] == 1
    bad = upload(
        client,
        actors["ministry"].headers,
        csv_bytes(GOOD_ROW, _with("sector", "04")),
        dry_run="true",
    )
    assert bad.status_code == 200
    assert bad.json()["status"] == "rejected" and row_errors(bad.json()) == [(3, "sector")]
    assert snapshot(count_rows) == before
    # A dry run does not count as an upload: the real one afterwards stores the pools.
    real = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW))
    assert real.status_code == 201 and real.json()["replayed"] is False


def test_options_can_be_query_parameters(client, actors) -> None:
    r = client.post(
        f"{URL}?mode=pool_table&dry_run=true",
        headers=actors["ministry"].headers,
        files={"file": ("p.csv", csv_bytes(GOOD_ROW))},
    )
    assert r.status_code == 200 and r.json()["dry_run"] is True


def test_bad_options_are_422(client, actors, count_rows) -> None:
    before = snapshot(count_rows)
    h = actors["ministry"].headers
    assert upload(client, h, csv_bytes(GOOD_ROW), mode=None).status_code == 422
    r = upload(client, h, csv_bytes(GOOD_ROW), mode="census")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "mode"
    assert upload(client, h, csv_bytes(GOOD_ROW), on_error="ignore").status_code == 422
    assert snapshot(count_rows) == before


def test_the_same_file_again_returns_the_earlier_upload(
    client, database, actors, count_rows
) -> None:
    h = actors["ministry"].headers
    content = csv_bytes(GOOD_ROW)
    first = upload(client, h, content)
    assert first.status_code == 201
    before = snapshot(count_rows)
    again = upload(client, h, content, name="renamed.csv")
    assert again.status_code == 200
    assert again.headers["upload-replayed"] == "true"
    assert again.json()["replayed"] is True
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["pool_ids"] == first.json()["pool_ids"]
    assert snapshot(count_rows) == before
    # Another ministry sending the same bytes has an upload of its own.
    allow_origins(database, actors["ministry2"], "PH")
    other = upload(client, actors["ministry2"].headers, content)
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


def test_a_rejected_file_can_be_sent_again(client, actors, count_rows) -> None:
    h = actors["ministry"].headers
    content = csv_bytes(GOOD_ROW, _with("sector", "04"))
    assert upload(client, h, content).status_code == 422
    assert upload(client, h, content).status_code == 422  # still no replay of a rejection
    partial = upload(client, h, content, on_error="skip")
    assert partial.status_code == 201 and partial.json()["status"] == "partial"
    replay = upload(client, h, content, on_error="skip")
    assert replay.status_code == 200 and replay.json()["id"] == partial.json()["id"]
    with client.app.state.db.session() as s:
        statuses = sorted(s.scalars(select(SurveyUpload.status)))
    assert statuses == ["partial", "rejected", "rejected"]


def test_semicolon_csv_with_bom(client, actors, database) -> None:
    content = (SAMPLES / "pool_table_semicolon_bom.csv").read_bytes()
    assert content.startswith(b"\xef\xbb\xbf") and b";" in content.split(b"\n")[0]
    r = upload(client, actors["ministry"].headers, content, name="pools.CSV")
    assert r.status_code == 201, r.text
    assert r.json()["rows_accepted"] == 4
    assert r.json()["report"]["columns"][0] == "origin_country"  # the BOM is not in the name
    # Decimal commas (usual with semicolon files) are read as decimals.
    assert any(p.experience_years % 1 for p in _pools(database, r.json()["id"]))


def test_header_names_are_case_insensitive_and_trimmed(client, actors) -> None:
    header = (
        " Origin_Country ,REGION,Occupation,sector,Headcount,skills,languages,ISCED level,"
        "experience-years,available_from"
    )
    r = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW, header=header))
    assert r.status_code == 201, r.text


def test_sample_files_upload_cleanly(client, actors) -> None:
    h = actors["ministry"].headers
    csv_r = upload(client, h, (SAMPLES / "pool_table.csv").read_bytes(), name="pool_table.csv")
    assert csv_r.status_code == 201 and csv_r.json()["rows_accepted"] == 30
    xlsx = (SAMPLES / "pool_table.xlsx").read_bytes()
    xlsx_r = upload(client, h, xlsx, name="pool_table.xlsx")
    assert xlsx_r.status_code == 201, xlsx_r.text
    assert xlsx_r.json()["file_format"] == "xlsx" and xlsx_r.json()["rows_accepted"] == 30
    assert len(xlsx_r.json()["report"]["codings"]) == len(csv_r.json()["report"]["codings"])


def test_xlsx_rows_are_numbered_as_the_spreadsheet_shows(client, actors, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(POOL_HEADER.split(","))
    good = GOOD_ROW.split(",")
    sheet.append(good)
    sheet.append([])  # a blank row 3 still counts in the numbering
    sheet.append([*good[:4], 0, *good[5:]])  # row 4: zero headcount, as a number cell
    path = tmp_path / "pools.xlsx"
    book.save(path)
    r = upload(client, actors["ministry"].headers, path.read_bytes(), name="pools.xlsx")
    assert r.status_code == 422
    assert row_errors(r.json()) == [(4, "headcount")]
    assert r.json()["upload"]["rows_read"] == 2


def test_the_mistakes_sample_reports_each_mistake(client, actors) -> None:
    content = (SAMPLES / "pool_table_with_mistakes.csv").read_bytes()
    r = upload(client, actors["ministry"].headers, content, name="mistakes.csv")
    assert r.status_code == 422
    assert row_errors(r.json()) == [
        (3, "occupation"),
        (4, "languages"),
        (5, "skills"),
        (6, "headcount"),
        (7, "origin_country"),
        (8, "skills"),
        (9, "occupation"),
    ]


def test_report_csv_neutralises_formulas(client, actors) -> None:
    h = actors["ministry"].headers
    content = (SAMPLES / "pool_table_with_mistakes.csv").read_bytes()
    upload_id = upload(client, h, content, name="m.csv").json()["upload"]["id"]
    also = upload(
        client, h, csv_bytes(_with("headcount", "-3"), _with("sector", "@SUM(A1)")), name="m2.csv"
    )
    r = client.get(f"{URL}/{upload_id}/report.csv", headers=h)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith("attachment;")
    lines = r.text.splitlines()
    # The row errors' columns first, as before; then what became of the row.
    assert lines[0] == "row,column,value,message,outcome,pool_id"
    assert lines[1].startswith(',,,"8 rows read, 0 accepted, 7 rejected; pools: 0 created')
    (formula,) = [line for line in lines if "HYPERLINK" in line]
    assert formula.startswith("8,skills,\"'=HYPERLINK(")
    assert "\n=" not in r.text and ",=" not in r.text and ',"=' not in r.text

    text = client.get(f"{URL}/{also.json()['upload']['id']}/report.csv", headers=h).text
    assert "2,headcount,'-3," in text
    assert "3,sector,'@SUM(A1)," in text


def test_a_failure_while_storing_leaves_nothing(client, actors, count_rows, monkeypatch) -> None:
    from app.surveys import service

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(service, "store_pools", broken)
    before = snapshot(count_rows)
    r = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW))
    assert r.status_code == 500
    assert snapshot(count_rows) == before


def test_json_lists_the_first_1000_row_errors_and_report_csv_all(client, actors) -> None:
    h = actors["ministry"].headers
    bad = GOOD_ROW.replace(",120,", ",-5,")
    content = csv_bytes(*[bad] * 1_003)
    r = upload(client, h, content)
    assert r.status_code == 422
    body = r.json()
    stored = body["upload"]
    assert len(body["errors"]) == len(stored["errors"]) == 1_000
    assert stored["errors_total"] == 1_003
    assert "1000 of 1003" in stored["errors_note"] and "report.csv" in stored["errors_note"]

    got = client.get(f"{URL}/{stored['id']}", headers=h).json()
    assert len(got["errors"]) == 1_000 and got["errors_total"] == 1_003
    assert got["errors"][-1]["row"] == 1_001 and got["errors_note"] == stored["errors_note"]
    report = client.get(f"{URL}/{stored['id']}/report.csv", headers=h).text
    assert len(report.strip().splitlines()) == 2 + 1_003  # header, summary, errors

    small = upload(client, h, csv_bytes(GOOD_ROW, bad)).json()["upload"]
    assert small["errors_total"] == len(small["errors"]) == 1 and small["errors_note"] is None
