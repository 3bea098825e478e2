"""Survey waves: an upload naming a pool the ministry has (by identity) updates it, whatever the
file format; two rows of one identity are row errors; replace=true withdraws what a wave no
longer lists."""

from __future__ import annotations

import threading
import uuid
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.decisions.models import Decision
from app.matches.ids import pair_id
from app.matches.models import Match
from app.pools.models import Pool, PoolVersion
from app.surveys.models import SurveyUpload
from app.surveys.schemas import UploadOut
from app.vacancies.models import Vacancy
from app.web.pages.upload import pools_sentence
from tests.conftest import make_test_app
from tests.pools.conftest import allow_origins
from tests.surveys.helpers import GOOD_ROW, SAMPLES, URL, csv_bytes, row_errors, upload

LUZON = GOOD_ROW  # PH, Central Luzon, 2221, sector 86, headcount 120
ILOCOS = GOOD_ROW.replace("Central Luzon", "Ilocos")
CEBU = GOOD_ROW.replace("Central Luzon", "Cebu")
MICRO_HEADER = (
    "respondent_id,region,occupation,sector,isced_level,languages,skills,experience_years,"
    "willing_to_work_abroad"
)


def _pools(database, *where) -> list[Pool]:
    with database.session() as s:
        return list(s.scalars(select(Pool).where(*where).order_by(Pool.region)))


def _count(database, model, *where) -> int:
    with database.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _outcomes(body) -> list[tuple[int | None, str]]:
    return [(p["row"], p["outcome"]) for p in body["pools"]]


def test_the_same_table_as_csv_then_xlsx_creates_no_second_pool(
    client, database, actors, count_rows
) -> None:
    """The README's own example (issue 11's done-when): supply is not counted twice, and every
    row reports "updated"."""
    h = actors["ministry"].headers
    first = upload(client, h, (SAMPLES / "pool_table.csv").read_bytes(), name="pool_table.csv")
    assert first.status_code == 201 and first.json()["pools_created"] == 30
    pools = count_rows("pools")
    events = count_rows("audit_events")

    again = upload(client, h, (SAMPLES / "pool_table.xlsx").read_bytes(), name="pool_table.xlsx")
    assert again.status_code == 201, again.text
    body = again.json()
    assert body["replayed"] is False and body["id"] != first.json()["id"]
    assert count_rows("pools") == pools == 30
    # Every row found its pool and updated it, with the same figures: version 2, history kept.
    assert (body["pools_created"], body["pools_updated"], body["pools_withdrawn"]) == (0, 30, 0)
    assert {p["outcome"] for p in body["pools"]} == {"updated"}
    assert {p["version"] for p in body["pools"]} == {2}
    assert [p["row"] for p in body["pools"]] == list(range(2, 32))
    assert body["pool_ids"] == first.json()["pool_ids"]  # the same pools, row for row
    assert {p.version for p in _pools(database)} == {2}
    assert {str(p.upload_id) for p in _pools(database)} == {body["id"]}
    assert count_rows("audit_events") == events + 31  # an update per pool, and the upload's
    with database.session() as s:
        kept = s.scalars(select(PoolVersion)).all()
    assert len(kept) == 30 and {(v.version, v.replaced_by_action) for v in kept} == {(1, "update")}
    assert {str(v.replaced_by_upload_id) for v in kept} == {body["id"]}
    assert {v.figures["upload_id"] for v in kept} == {first.json()["id"]}
    history = client.get(f"/api/v1/pools/{body['pool_ids'][0]}/history", headers=h).json()
    assert [(v["version"], v["made_by_upload_id"]) for v in history["items"]] == [
        (2, body["id"]),
        (1, first.json()["id"]),
    ]
    assert history["items"][0]["figures"] == {
        **history["items"][1]["figures"],
        "upload_id": body["id"],
    }


def test_a_new_wave_updates_the_pools_and_keeps_their_history(client, database, actors) -> None:
    h = actors["ministry"].headers
    first = upload(client, h, csv_bytes(LUZON, ILOCOS)).json()
    luzon_id = first["pools"][0]["pool_id"]
    wave = csv_bytes(
        LUZON.replace(",120,", ",95,"),
        ILOCOS,
        CEBU.replace("Cebu", "  CEBU city "),
    )
    r = upload(client, h, wave, name="wave-2.csv")
    assert r.status_code == 201, r.text
    body = r.json()
    # Ilocos has the same figures: updated all the same (the wave confirms it).
    assert _outcomes(body) == [(2, "updated"), (3, "updated"), (4, "created")]
    assert [(p["pool_id"], p["version"]) for p in body["pools"][:2]] == [
        (luzon_id, 2),
        (first["pools"][1]["pool_id"], 2),
    ]
    assert (body["pools_created"], body["pools_updated"]) == (1, 2)
    assert body["pool_ids"] == [p["pool_id"] for p in body["pools"]]

    luzon = _pools(database, Pool.id == uuid.UUID(luzon_id))[0]
    assert (luzon.headcount, luzon.version, str(luzon.upload_id)) == (95, 2, body["id"])
    with database.session() as s:
        (kept,) = s.scalars(
            select(PoolVersion).where(PoolVersion.pool_id == uuid.UUID(luzon_id))
        ).all()
        event = s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_id == luzon_id, AuditEvent.action == "update"
            )
        ).one()
    assert kept.version == 1 and kept.figures["headcount"] == 120
    assert (
        kept.figures["upload_id"] == first["id"] and str(kept.replaced_by_upload_id) == body["id"]
    )
    assert event.before == {"version": 1, "headcount": 120, "upload_id": first["id"]}
    assert event.after == {"version": 2, "headcount": 95, "upload_id": body["id"]}

    history = client.get(f"/api/v1/pools/{luzon_id}/history", headers=h).json()
    assert [(v["version"], v["made_by_upload_id"]) for v in history["items"]] == [
        (2, body["id"]),
        (1, first["id"]),
    ]
    # The upload read back (and its replay) tells the same.
    got = client.get(f"{URL}/{body['id']}", headers=h).json()
    assert got["pools"] == body["pools"] and got["pools_updated"] == 2
    listed = client.get(URL, headers=h).json()["items"][0]
    assert (listed["pools_created"], listed["pools_updated"], listed["pools_withdrawn"]) == (
        1,
        2,
        0,
    )


def test_two_rows_of_one_identity_are_row_errors(client, database, actors) -> None:
    h = actors["ministry"].headers
    # A job title coded to 2221 and the code itself, the region spelt otherwise: one pool.
    twin = LUZON.replace("2221", "registered nurse").replace("Central Luzon", "central  luzon")
    content = csv_bytes(LUZON, ILOCOS, twin)
    r = upload(client, h, content)
    assert r.status_code == 422
    assert row_errors(r.json()) == [(2, ""), (4, "")]
    first, second = r.json()["errors"]
    assert "row 4 too" in first["message"] and "row 2 too" in second["message"]
    assert first["value"] == "PH, Central Luzon, 2221, sector 86"
    # Skipping bad rows stores neither of the two: the file does not say which is right.
    partial = upload(client, h, content, on_error="skip").json()
    assert partial["status"] == "partial" and _outcomes(partial) == [(3, "created")]
    assert [p.region for p in _pools(database)] == ["Ilocos"]


def _decided(database, actors, pool: Pool) -> uuid.UUID:
    """An approval on one of `pool`'s pairs, kept as the pair's match row (its id the pair's
    id), as a decision keeps it; of a closed vacancy, so never ranked."""
    employer, officer = actors["employer"], actors["officer"]  # made lazily: before the write
    with database.transaction() as s:
        vacancy = Vacancy(
            employer_id=employer.org_id,
            title="Nurse",
            destination_country="DE",
            occupation_code="2221",
            openings=5,
            contract_type="permanent",
            start_date=date(2027, 3, 1),
            status="closed",
        )
        s.add(vacancy)
        s.flush()
        match = Match(
            id=pair_id(vacancy.id, pool.id),
            vacancy_id=vacancy.id,
            pool_id=pool.id,
            score=0.8,
            eligible=True,
            eligible_headcount=5,
            engine_version="test",
            weights_hash="test",
        )
        s.add(match)
        s.flush()
        s.add(
            Decision(
                match_id=match.id,
                vacancy_id=vacancy.id,
                pool_id=pool.id,
                officer_id=officer.user_id,
                decision="approved",
                headcount=5,
            )
        )
        return match.id


def test_replace_withdraws_the_pools_a_wave_no_longer_lists(client, database, actors) -> None:
    h = actors["ministry"].headers
    wave1 = upload(client, h, csv_bytes(LUZON, ILOCOS)).json()
    ilocos = _pools(database, Pool.region == "Ilocos")[0]
    match_id = _decided(database, actors, ilocos)
    # Pools from the API, from microdata and of other ministries are not part of this wave.
    api = client.post(
        "/api/v1/pools",
        headers=h,
        json={
            "origin_country": "PH",
            "region": "Davao",
            "occupation": "2221",
            "headcount": 10,
            "isced_level": 6,
            "experience_years": 2,
        },
    )
    assert api.status_code == 201
    micro = [f"r{i},Bicol,5321,,4,,,2,yes" for i in range(5)]
    assert (
        upload(
            client, h, csv_bytes(*micro, header=MICRO_HEADER), name="m.csv", mode="microdata"
        ).status_code
        == 201
    )
    allow_origins(database, actors["ministry2"], "PH")
    other = upload(client, actors["ministry2"].headers, csv_bytes(ILOCOS)).json()

    # Without replace the unlisted pool stays.
    kept = upload(client, h, csv_bytes(LUZON, CEBU)).json()
    assert kept["pools_withdrawn"] == 0 and ilocos.id in {
        p.id for p in _pools(database, Pool.status == "active")
    }

    dry = upload(client, h, csv_bytes(LUZON), name="w3.csv", replace="true", dry_run="true")
    assert dry.status_code == 200, dry.text
    assert _outcomes(dry.json()) == [(2, "updated"), (None, "withdrawn"), (None, "withdrawn")]
    luzon = _pools(database, Pool.region == "Central Luzon")[0]
    assert dry.json()["pools"][0]["version"] == luzon.version + 1  # what it would be
    assert "2 pools would be withdrawn (not in this wave)" in pools_sentence(
        UploadOut.model_validate(dry.json())
    )
    assert _count(database, Pool, Pool.status == "withdrawn") == 0

    r = upload(client, h, csv_bytes(LUZON), name="w3.csv", replace="true")
    assert r.status_code == 201, r.text
    body = r.json()
    withdrawn = {p["pool_id"] for p in body["pools"] if p["outcome"] == "withdrawn"}
    assert withdrawn == {str(ilocos.id), kept["pools"][1]["pool_id"]}  # Ilocos and Cebu
    assert body["pools_withdrawn"] == 2 and body["report"]["replace"] is True
    active = {(p.ministry_id, p.region) for p in _pools(database, Pool.status == "active")}
    me, them = actors["ministry"].org_id, actors["ministry2"].org_id
    assert active == {(me, "Central Luzon"), (me, "Davao"), (me, "Bicol"), (them, "Ilocos")}
    assert other["pools_created"] == 1
    # The approved pair of the withdrawn pool stays, with its decision.
    assert _count(database, Match, Match.id == match_id) == 1
    assert _count(database, Decision, Decision.pool_id == ilocos.id) == 1
    with database.session() as s:
        versions = s.scalars(select(PoolVersion).where(PoolVersion.pool_id == ilocos.id)).all()
    assert [(v.replaced_by_action, str(v.replaced_by_upload_id)) for v in versions] == [
        ("withdraw", body["id"])
    ]
    report = client.get(f"{URL}/{body['id']}/report.csv", headers=h).text.splitlines()
    assert (
        "1 rows read, 1 accepted, 0 rejected; pools: 0 created, 1 updated, 2 withdrawn" in report[1]
    )
    assert report[2].startswith('2,,"PH, Central Luzon, 2221, sector 86",') and report[2].endswith(
        f",updated,{body['pools'][0]['pool_id']}"
    )
    assert sum(1 for line in report if f",withdrawn,{ilocos.id}" in line) == 1

    # A later wave naming the withdrawn pool brings it back.
    back = upload(client, h, csv_bytes(ILOCOS, LUZON), name="w4.csv").json()  # not wave 1's bytes
    assert _outcomes(back) == [(2, "updated"), (3, "updated")]
    assert _pools(database, Pool.id == ilocos.id)[0].status == "active"
    wave1_ids = set(wave1["pool_ids"])
    assert {p["pool_id"] for p in back["pools"]} == wave1_ids


def test_replace_needs_the_whole_wave(client, actors, count_rows) -> None:
    h = actors["ministry"].headers
    r = upload(client, h, csv_bytes(LUZON), replace="true", on_error="skip")
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "replace"
    assert count_rows("survey_uploads") == 0


def test_the_same_file_again_with_replace_is_409(client, actors, count_rows) -> None:
    h = actors["ministry"].headers
    content = csv_bytes(LUZON)
    first = upload(client, h, content).json()
    r = upload(client, h, content, replace="true")
    assert r.status_code == 409 and r.json()["existing_id"] == first["id"]
    replaced = upload(client, h, csv_bytes(ILOCOS), replace="true").json()
    again = upload(client, h, csv_bytes(ILOCOS), replace="true")
    assert again.status_code == 200 and again.json()["id"] == replaced["id"]
    assert again.json()["pools"] == replaced["pools"]


def test_a_microdata_wave_updates_its_cells(client, database, actors) -> None:
    h = actors["ministry"].headers

    def wave(nurses: int, sector: str, with_carers: bool) -> bytes:
        rows = [f"n{i},Ilocos,2221,{sector},6,en:B2,,{i},yes" for i in range(nurses)]
        if with_carers:
            rows += [f"c{i},Ilocos,5321,87,4,,,2,yes" for i in range(5)]
        return csv_bytes(*rows, header=MICRO_HEADER)

    first = upload(client, h, wave(6, "86", True), name="w1.csv", mode="microdata").json()
    assert first["pools_created"] == 2
    # The most common sector moved, the carers' cell fell under k = 5: the same nurses' pool.
    r = upload(client, h, wave(7, "87", False), name="w2.csv", mode="microdata", replace="true")
    assert r.status_code == 201, r.text
    assert _outcomes(r.json()) == [(None, "updated"), (None, "withdrawn")]
    nurses = _pools(database, Pool.occupation_code == "2221")
    assert [(p.headcount, p.sector_code, p.version) for p in nurses] == [(7, None, 2)]
    assert _pools(database, Pool.occupation_code == "5321")[0].status == "withdrawn"


def test_concurrent_waves_of_one_ministry_make_one_pool(database, actors) -> None:
    """Two different files naming the same pool at the same moment: never two pools."""
    app = make_test_app(database)
    h = actors["ministry"].headers
    files = [csv_bytes(LUZON), csv_bytes(LUZON.replace(",120,", ",60,"))]
    barrier = threading.Barrier(len(files))
    codes: list[int] = []
    lock = threading.Lock()

    def go(content: bytes) -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            barrier.wait()
            r = c.post(
                URL, headers=h, data={"mode": "pool_table"}, files={"file": ("p.csv", content)}
            )
            with lock:
                codes.append(r.status_code)

    threads = [threading.Thread(target=go, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # The second waits for the first (write lock) and updates its pool, or is told to retry.
    assert sorted(codes) in ([201, 201], [201, 409]), codes
    assert _count(database, Pool) == 1


def test_the_sentence_counts_in_words() -> None:
    def out(**counts: int) -> UploadOut:
        return UploadOut.model_validate(
            {
                "id": None,
                "organisation_id": uuid.uuid4(),
                "uploaded_by_id": None,
                "filename": "f.csv",
                "file_format": "csv",
                "mode": "pool_table",
                "checksum": "x",
                "size_bytes": 1,
                "rows_read": 1,
                "rows_accepted": 1,
                "rows_rejected": 0,
                "cells_suppressed": 0,
                "status": "accepted",
                "created_at": None,
                **counts,
            }
        )

    assert pools_sentence(out(pools_created=1)) == "1 pool was created."
    assert pools_sentence(out(pools_created=2, pools_updated=1, pools_withdrawn=3)) == (
        "2 pools were created, 1 pool was updated with the new figures and 3 pools were "
        "withdrawn (not in this wave)."
    )
    assert pools_sentence(out(pools_updated=30)) == "30 pools were updated with the new figures."
    assert pools_sentence(out()) == ""


def test_two_ministries_upload_side_by_side(database, actors) -> None:
    """No global write lock (issue 12): while one ministry's upload has written its pools and
    not yet committed, another ministry's upload goes through to its 201."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    first_ministry = actors["ministry2"].org_id
    held, release = threading.Event(), threading.Event()

    def hold_first(session: Session) -> None:
        # The first upload's transaction, its pools written, held open before its commit
        # (before the feed's batch, whose one-row head every commit bumps as its last
        # statement); the one transaction that sees an upload of that ministry.
        if not held.is_set() and session.scalar(
            select(func.count())
            .select_from(SurveyUpload)
            .where(SurveyUpload.organisation_id == first_ministry)
        ):
            held.set()
            release.wait(60)

    app = make_test_app(database)
    codes: dict[str, int] = {}

    def go(who: str, content: bytes) -> None:
        with TestClient(app, raise_server_exceptions=False) as c:
            codes[who] = upload(c, actors[who].headers, content).status_code

    allow_origins(database, actors["ministry2"], "PH")
    event.listen(Session, "before_commit", hold_first, insert=True)
    try:
        first = threading.Thread(target=go, args=("ministry2", csv_bytes(ILOCOS)))
        first.start()
        assert held.wait(60), f"the first upload never reached its commit: {codes}"
        second = threading.Thread(target=go, args=("ministry", csv_bytes(LUZON)))
        second.start()
        second.join(30)
        finished_while_held = not second.is_alive()
        release.set()
        first.join(60)
        second.join(60)
    finally:
        release.set()
        event.remove(Session, "before_commit", hold_first)
    assert finished_while_held, "the second upload waited for the first one's commit"
    assert codes == {"ministry2": 201, "ministry": 201}, codes
    assert _count(database, Pool) == 2
