"""`imdi aggregate-microdata` (app/surveys/distributed.py) on the tests' 2-worker LocalCluster:
on a file that fits both, the same stored pools (figures, skills, languages), report, errors,
codings and outcomes as the in-process upload of that file; and the two-step aggregation's
tallies merge to the same pools however the rows are split."""

from __future__ import annotations

import csv
import hashlib
import io
import random
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import cli
from app.auth.models import Organisation
from app.config import get_settings
from app.db import Database
from app.pools.models import Pool, PoolLanguage, PoolSkill
from app.surveys import microdata
from app.surveys.distributed import (
    JobResult,
    aggregate_microdata,
    plan_dataset,
    read_planned,
)
from app.surveys.errors import FileProblem
from app.surveys.limits import ReadLimits
from app.surveys.occupations import TitleCoder
from app.surveys.schemas import UploadOptions
from app.surveys.service import ReadResult
from app.surveys.tables import open_table
from tests.conftest import Actor, create_actor
from tests.surveys.helpers import MICRODATA_HEADER, microdata_csv, snapshot, upload
from tests.surveys.test_microdata import HEADER, RESPONDENTS

pytestmark = pytest.mark.postgres

#: Small blocks, so that a few thousand rows make a dozen blocks (and a few buckets).
BLOCK = 16 * 1024
BUCKETS = 3


@pytest.fixture
def twin(database: Database) -> Actor:
    """A second ministry of the same country: the distributed job's owner, so that its pools
    sit beside the upload's (same origin) without being the same identities."""
    return create_actor(database, "ministry", country="PH")


def _write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _upload(client: Any, actor: Actor, content: bytes, name: str, **options: str) -> Any:
    return upload(client, actor.headers, content, name=name, mode="microdata", **options)


def _job(
    dask_client: Any, database: Database, paths: list[Path], org_id: uuid.UUID, **options: Any
) -> JobResult:
    with database.transaction() as s:
        org = s.get(Organisation, org_id)
        assert org is not None
        return aggregate_microdata(
            dask_client,
            s,
            database.settings,
            [str(p) for p in paths],
            org=org,
            options=UploadOptions(mode="microdata", **options),
            block_bytes=BLOCK,
            buckets=BUCKETS,
        )


def _comparable(body: dict[str, Any]) -> dict[str, Any]:
    """An upload's answer without what differs by construction (ids, owner, times)."""
    out = {
        k: v
        for k, v in body.items()
        if k not in ("id", "organisation_id", "uploaded_by_id", "created_at", "pool_ids")
    }
    out["pools"] = [{k: v for k, v in p.items() if k != "pool_id"} for p in body["pools"]]
    return out


def _body(response: Any) -> dict[str, Any]:
    body = response.json()
    return body["upload"] if response.status_code == 422 else body


def _job_body(job: JobResult) -> dict[str, Any]:
    return job.upload.upload.model_dump(mode="json")


def _stored_pools(database: Database, org_id: uuid.UUID) -> dict[tuple[Any, ...], Any]:
    """The ministry's pools, all figures with their skills and languages, by identity."""
    with database.session() as s:
        pools = s.scalars(select(Pool).where(Pool.ministry_id == org_id)).all()
        skills: dict[uuid.UUID, dict[str, float]] = {}
        for pool_id, skill, share in s.execute(
            select(PoolSkill.pool_id, PoolSkill.skill_id, PoolSkill.share)
            .join(Pool, Pool.id == PoolSkill.pool_id)
            .where(Pool.ministry_id == org_id)
        ):
            skills.setdefault(pool_id, {})[skill] = share
        languages: dict[uuid.UUID, dict[tuple[str, str], float]] = {}
        for pool_id, language, level, share in s.execute(
            select(
                PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level, PoolLanguage.share
            )
            .join(Pool, Pool.id == PoolLanguage.pool_id)
            .where(Pool.ministry_id == org_id)
        ):
            languages.setdefault(pool_id, {})[(language, level)] = share
        return {
            (p.origin_country, p.region, p.occupation_code, p.sector_code): (
                p.headcount,
                p.isced_level,
                p.experience_years,
                p.available_from,
                p.status,
                p.version,
                skills.get(p.id, {}),
                languages.get(p.id, {}),
            )
            for p in pools
        }


def _same_as_upload(
    client: Any,
    dask_client: Any,
    database: Database,
    actors: Any,
    twin: Actor,
    path: Path,
    **options: str,
) -> tuple[dict[str, Any], JobResult]:
    """Upload `path` as the ministry and run the job on it as the twin: the same answer and
    the same pools. Returns the upload's answer and the job's result."""
    flags = {k: str(v).lower() for k, v in options.items()}
    response = _upload(client, actors["ministry"], path.read_bytes(), path.name, **flags)
    job = _job(dask_client, database, [path], twin.org_id, **options)
    assert job.upload.status_code == response.status_code
    assert _comparable(_job_body(job)) == _comparable(_body(response))
    assert _stored_pools(database, twin.org_id) == _stored_pools(
        database, actors["ministry"].org_id
    )
    return _body(response), job


def test_the_respondents_give_the_uploads_pools_and_report(
    client, dask_client, database, actors, twin, tmp_path
) -> None:
    path = _write(tmp_path, "survey.csv", ("\n".join([HEADER, *RESPONDENTS]) + "\n").encode())
    body, job = _same_as_upload(client, dask_client, database, actors, twin, path)
    assert body["status"] == "accepted" and body["pools_created"] == 2
    assert job.upload.upload.report["codings"][0]["code"] == "5321"
    assert job.upload.upload.checksum == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "variant",
    [{}, {"newline": "\r\n", "stray_quotes": True}],
    ids=["lf", "crlf-stray-quotes"],
)
def test_a_generated_file_read_in_many_blocks(
    client, dask_client, database, actors, twin, tmp_path, variant
) -> None:
    """Bad rows of every kind, duplicate ids across blocks, job titles in several spellings,
    blank lines, quoted commas and line breaks; stray quotes fool the quote-parity cut, and
    the file is cut again by the csv module."""
    path = _write(tmp_path, "survey.csv", microdata_csv(2500, seed=3, **variant))
    assert len(plan_dataset([str(path)], database.settings, block_bytes=BLOCK).blocks) > 8
    body, job = _same_as_upload(client, dask_client, database, actors, twin, path, on_error="skip")
    assert body["status"] == "partial" and body["errors_total"] > 100
    assert {e["message"] for e in body["errors"]} >= {
        "the same respondent_id appears on an earlier row",
        "the row has 10 cells but the header has 9 columns (is a value missing its quotes?)",
    }
    inputs = {c["input"] for c in body["report"]["codings"]}
    # A spelling first met on a duplicate unwilling respondent's row (coded, as the row is bad).
    assert "BUS  Driver" in inputs and "bus driver" not in inputs
    assert job.errors == body["errors"]


def _records(content: bytes) -> int:
    """The records of a CSV file's body as the upload numbers them (blank lines count)."""
    return sum(1 for _ in csv.reader(io.StringIO(content.decode(), newline="")))


def test_several_part_files_are_one_wave(
    client, dask_client, database, actors, twin, tmp_path
) -> None:
    parts = [microdata_csv(700, seed=s) for s in (11, 12, 13)]
    bodies = [p.split(b"\n", 1)[1] for p in parts]  # the header is the first line
    whole = _write(
        tmp_path, "whole/survey.csv", (MICRODATA_HEADER + "\n").encode() + b"".join(bodies)
    )
    names = ["region=a/part-0.csv", "region=a/part-1.csv", "region=b/part-0.csv"]
    for name, content in zip(names, parts, strict=True):
        _write(tmp_path, f"survey-2026/{name}", content)
    _write(tmp_path, "survey-2026/_SUCCESS", b"")  # markers of a writer are not data
    _write(tmp_path, "survey-2026/.part-0.csv.crc", b"x")

    response = _upload(
        client, actors["ministry"], whole.read_bytes(), "survey.csv", on_error="skip"
    )
    job = _job(dask_client, database, [tmp_path / "survey-2026"], twin.org_id, on_error="skip")
    got, want = _comparable(_job_body(job)), _comparable(_body(response))
    # The same rows in the same order (ids repeat across the files: duplicates), so the same
    # pools, counts and codings; errors name their file and its own row numbers.
    assert _stored_pools(database, twin.org_id) == _stored_pools(
        database, actors["ministry"].org_id
    )
    assert got["report"] == want["report"] and got["pools"] == want["pools"]
    for field in ("status", "rows_read", "rows_accepted", "rows_rejected", "errors_total"):
        assert got[field] == want[field]
    assert got["filename"] == "survey-2026"
    sums = sorted(
        (name, hashlib.sha256((tmp_path / "survey-2026" / name).read_bytes()).hexdigest())
        for name in names
    )
    text = "".join(f"{name}\t{sha}\n" for name, sha in sums)
    assert got["checksum"] == hashlib.sha256(text.encode()).hexdigest()
    starts = [0]
    for content in bodies:
        starts.append(starts[-1] + _records(content))
    expected = []
    for e in want["errors"]:
        k = max(i for i in range(3) if e["row"] - 1 > starts[i])
        expected.append({**e, "row": e["row"] - starts[k], "file": names[k]})
    # The API lists the first 1,000 errors (ids repeat: most rows of the later files are bad).
    assert len(expected) == 1000 < got["errors_total"]
    assert job.errors[:1000] == expected
    assert got["errors"][:1000] == [{k: v for k, v in e.items() if k != "file"} for e in expected]

    # The same dataset again is the same wave: a replay, nothing stored.
    again = _job(dask_client, database, [tmp_path / "survey-2026"], twin.org_id, on_error="skip")
    assert again.upload.upload.replayed and again.upload.upload.id == job.upload.upload.id


def _parquet_copy(csv_path: Path, parquet_path: Path, row_group: int) -> None:
    """The CSV file's records as a Parquet file of text columns (a blank line: a row of
    nulls), in row groups of `row_group` rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = list(csv.reader(io.StringIO(csv_path.read_text(), newline="")))
    header, rows = records[0], records[1:]
    columns = {name: [r[i] if r else None for r in rows] for i, name in enumerate(header)}
    pq.write_table(pa.table(columns), parquet_path, row_group_size=row_group)


def _read(dask_client: Any, database: Database, path: Path) -> ReadResult:
    with database.session() as s:
        plan = plan_dataset([str(path)], database.settings, block_bytes=BLOCK)
        return read_planned(dask_client, s, database.settings, plan, origin="PH", buckets=BUCKETS)


def test_a_parquet_copy_reads_as_the_csv_file(dask_client, database, tmp_path) -> None:
    """Row groups are blocks; rows are numbered as the CSV file's (record index + 2)."""
    csv_path = _write(tmp_path, "survey.csv", microdata_csv(2000, seed=4, wrong_width=False))
    parquet_path = tmp_path / "survey.parquet"
    _parquet_copy(csv_path, parquet_path, row_group=300)
    plan = plan_dataset([str(parquet_path)], database.settings)
    assert len(plan.blocks) == 7 and plan.dataset.fmt == "parquet"
    from_csv = _read(dask_client, database, csv_path)
    from_parquet = _read(dask_client, database, parquet_path)
    assert [i.model_dump() for i in from_parquet.items] == [i.model_dump() for i in from_csv.items]
    assert from_parquet.errors == from_csv.errors and from_csv.errors_total > 50
    assert from_parquet.details == from_csv.details
    for field in ("rows_read", "bad_rows", "good_rows", "columns", "errors_total"):
        assert getattr(from_parquet, field) == getattr(from_csv, field)


def test_a_parquet_wave_is_stored(dask_client, database, twin, tmp_path) -> None:
    csv_path = _write(tmp_path, "survey.csv", microdata_csv(600, seed=5, clean=True))
    parquet_path = tmp_path / "survey.parquet"
    _parquet_copy(csv_path, parquet_path, row_group=200)
    job = _job(dask_client, database, [parquet_path], twin.org_id)
    assert job.upload.status_code == 201 and job.upload.upload.file_format == "parquet"


def _without(content: bytes, region: str) -> bytes:
    return b"".join(line for line in content.splitlines(keepends=True) if region not in line)


def test_a_second_wave_updates_and_replace_withdraws(
    client, dask_client, database, actors, twin, tmp_path
) -> None:
    first = _write(tmp_path, "wave-1.csv", microdata_csv(1500, seed=21, clean=True))
    body, _ = _same_as_upload(client, dask_client, database, actors, twin, first)
    assert body["status"] == "accepted" and body["pools_created"] > 20
    caraga = {p["pool"] for p in body["pools"] if "Caraga" in p["pool"]}
    assert caraga
    # The next wave lists no Caraga respondent: with replace=true those pools are withdrawn.
    second = _write(
        tmp_path, "wave-2.csv", _without(microdata_csv(1500, seed=22, clean=True), b"Caraga")
    )
    body, _ = _same_as_upload(client, dask_client, database, actors, twin, second, replace="true")
    assert {"updated", "withdrawn"} <= {p["outcome"] for p in body["pools"]}
    assert body["pools_withdrawn"] > 0
    # Those pools, and any cell now below k (not listed either).
    assert caraga <= {p["pool"] for p in body["pools"] if p["outcome"] == "withdrawn"}
    withdrawn = [v for v in _stored_pools(database, twin.org_id).values() if v[4] == "withdrawn"]
    assert len(withdrawn) == body["pools_withdrawn"]


def test_a_rejected_file_stores_no_pool(
    client, dask_client, database, actors, twin, tmp_path, count_rows, monkeypatch, capsys
) -> None:
    path = _write(tmp_path, "survey.csv", microdata_csv(1500, seed=31))
    before = snapshot(count_rows)
    body, job = _same_as_upload(client, dask_client, database, actors, twin, path)
    assert body["status"] == "rejected" and job.upload.status_code == 422
    assert _stored_pools(database, twin.org_id) == {}
    after = snapshot(count_rows)
    # Each kept its rejected record and report (as an upload does), and no pool.
    assert after["pools"] == before["pools"]
    assert after["survey_uploads"] == before["survey_uploads"] + 2

    # The command: exit status 1, the outcome and the first errors printed.
    monkeypatch.setenv("DATABASE_URL", database.url)
    get_settings.cache_clear()
    try:
        with database.session() as s:
            slug = s.get(Organisation, twin.org_id).slug  # type: ignore[union-attr]
        code = cli.main(
            [
                "aggregate-microdata",
                str(path),
                "--ministry",
                slug,
                "--scheduler",
                dask_client.scheduler.address,
                "--no-progress",
            ]
        )
    finally:
        get_settings.cache_clear()
    printed = capsys.readouterr().out
    assert code == 1
    assert "status rejected" in printed and f"{body['errors_total']} row errors" in printed
    first = body["errors"][0]
    assert f"row {first['row']}, {first['column'] or 'the row'}: {first['message']}" in printed
    assert snapshot(count_rows)["pools"] == before["pools"]


def test_a_dry_run_stores_nothing(
    client, dask_client, database, actors, twin, tmp_path, count_rows
) -> None:
    path = _write(tmp_path, "survey.csv", microdata_csv(1200, seed=41))
    before = snapshot(count_rows)
    body, _ = _same_as_upload(
        client, dask_client, database, actors, twin, path, on_error="skip", dry_run="true"
    )
    assert body["dry_run"] and body["status"] == "partial" and body["pools_created"] > 10
    assert snapshot(count_rows) == before


@pytest.mark.parametrize(
    "damage",
    [b",Ilo\xffcos,", b",Ilo\rcos,"],  # not UTF-8; a bare carriage return (not CSV)
    ids=["bad-byte", "bare-cr"],
)
def test_a_file_problem_is_the_uploads(
    client, dask_client, database, actors, twin, tmp_path, count_rows, damage
) -> None:
    content = microdata_csv(1500, seed=3)
    at = content.index(b",Ilocos,", 3 * BLOCK)  # a few blocks into the file
    damaged = content[:at] + damage + content[at + len(b",Ilocos,") :]
    path = _write(tmp_path, "survey.csv", damaged)
    before = snapshot(count_rows)
    response = _upload(client, actors["ministry"], path.read_bytes(), path.name)
    assert response.status_code == 422
    with pytest.raises(FileProblem) as caught:
        _job(dask_client, database, [path], twin.org_id)
    # The same problem, at the same byte offset, line and row, found in a later block.
    assert caught.value.detail == response.json()["detail"]
    assert snapshot(count_rows) == before


def test_tallies_of_any_split_merge_to_the_same_pools(session) -> None:
    """Step 1 of the aggregation on two arbitrary halves of a file's rows, merged (and cut
    into buckets and merged again), gives step 2 the same pools as the whole file's tallies."""
    content = microdata_csv(2500, seed=51)
    limits = ReadLimits(max_rows=10**7)
    coder = TitleCoder(session, 0.35)
    whole = microdata.MicrodataReader(coder)
    whole.read(open_table(io.BytesIO(content), "s.csv", microdata.COLUMNS, limits=limits))
    expected = whole.aggregate(whole.check_codes(session), origin="PH")
    assert len(expected.items) > 20

    rows = list(open_table(io.BytesIO(content), "s.csv", microdata.COLUMNS, limits=limits))
    seen = microdata.SeenIds()
    duplicates = [
        r.number
        for r in rows
        if r.values["respondent_id"] and seen(r.values["respondent_id"], r.number)
    ]
    rng = random.Random(5)
    halves: list[list[Any]] = [[], []]
    for row in rows:
        halves[rng.random() < 0.4].append(row)
    readers = []
    for half in halves:
        reader = microdata.MicrodataReader(coder, microdata.DuplicateRows(duplicates))
        reader.read(half)
        readers.append((reader, reader.check_codes(session)))
    tallies = [r.tallies(valid) for r, valid in readers]
    labels = {
        k: label
        for k, (_first, label) in microdata.merge_firsts(r.labels() for r, _ in readers).items()
    }

    def aggregated(parts: list[microdata.PoolPart]) -> microdata.Aggregated:
        return microdata.assemble(
            parts,
            errors=sorted((e for r, _ in readers for e in r.errors), key=lambda e: e["row"]),
            bad_rows=sum(r.bad_rows for r, _ in readers),
            respondents=sum(r.respondents for r, _ in readers),
            unwilling=sum(r.unwilling for r, _ in readers),
            codings=microdata.merge_codings(r.title_codings for r, _ in readers),
        )

    merged = aggregated([microdata.pools_of(microdata.merge_tallies(tallies), labels, "PH")])
    buckets = [t.split(4) for t in tallies]
    bucketed = aggregated(
        [
            microdata.pools_of(microdata.merge_tallies([b[j] for b in buckets]), labels, "PH")
            for j in range(4)
        ]
    )
    for got in (merged, bucketed):
        assert [i.model_dump() for i in got.items] == [i.model_dump() for i in expected.items]
        assert got.report() == expected.report() and got.codings == expected.codings
        assert got.errors == expected.errors
