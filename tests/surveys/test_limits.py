"""What reading an upload may cost (issue 13, item 1): an XLSX bomb, oversized cells and rows, and
values echoed in messages and reports. Every refused file is a small problem+json answer, quickly,
with nothing stored; the bombs are built here (tests/surveys/bombs.py), in chunks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.surveys.errors import DETAIL_MAX, FILE_ERRORS_MAX, MESSAGE_MAX, VALUE_MAX, FileProblem
from app.surveys.limits import MAX_COLUMNS, ROW_MAX_TAGS, SHEET_MAX_ROWS, ReadLimits
from app.surveys.service import MAX_REPORTED_ERROR_BYTES, MAX_REPORTED_ERRORS
from app.surveys.xlsx_guard import XmlScanner
from tests.surveys import bombs
from tests.surveys.helpers import (
    GOOD_ROW,
    POOL_HEADER,
    SAMPLES,
    client_with,
    csv_bytes,
    snapshot,
    upload,
)

MB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]
#: The bomb of the issue: 400 MB of one letter in one cell, about 400 KB zipped.
BOMB_BYTES = 400 * MB
#: Smaller bombs for the tests that only look at the answer (the guard stops early anyway).
SMALL_BOMB = 40 * MB
#: A refusal names its limit in a sentence; the whole answer stays this small.
SMALL_ANSWER = 3000
#: Settings that switch the compression-ratio check off, so that the next check is the one seen.
NO_RATIO = {"upload_max_zip_ratio": 1e12}


@pytest.fixture
def unchanged(count_rows, actors):
    """Asserts, after the test, that no table an upload writes to has changed."""
    before = snapshot(count_rows)
    yield
    assert snapshot(count_rows) == before


def _refused(r: Any, status: int, *words: str) -> dict[str, Any]:
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"] == "application/problem+json"
    assert len(r.content) < SMALL_ANSWER
    body = r.json()
    for word in words:
        assert word in body["detail"], body["detail"]
    return body


def _stored_error_bytes(database) -> int:
    with database.engine.connect() as conn:
        rows = conn.execute(text("SELECT errors FROM survey_uploads")).scalars().all()
    return max((len(json.dumps(e)) for e in rows if e is not None), default=0)


# ---- the bomb --------------------------------------------------------------------------------


BOMBS = [
    # (variant, settings, status, words of the detail)
    ("inline", {}, 413, "ratio"),
    ("shared", {}, 413, "ratio"),
    ("inline", NO_RATIO, 413, "32767 characters"),
    ("shared", NO_RATIO, 413, "32767 characters"),
]


@pytest.mark.parametrize(("variant", "settings", "status", "words"), BOMBS)
def test_the_xlsx_bomb_is_a_small_413_and_stores_nothing(
    database, actors, unchanged, variant, settings, status, words
) -> None:
    content = bombs.build(SMALL_BOMB, shared=variant == "shared")
    assert len(content) < 100_000  # 40 MB of one cell, zipped
    with client_with(database, **settings) as c:
        r = upload(c, actors["ministry"].headers, content, name="bomb.xlsx")
    _refused(r, status, words)


def test_shared_strings_over_their_limit_are_refused_unread(database, actors, unchanged) -> None:
    content = bombs.build(200 * MB, shared=True)  # the shared strings are read into one list
    with client_with(database, **NO_RATIO) as c:
        r = upload(c, actors["ministry"].headers, content, name="bomb.xlsx")
    _refused(r, 413, "shared strings decompress to 200 MB", "128 MB")


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
@pytest.mark.parametrize("declared", [1000, 2 * MB])
def test_a_lying_header_cannot_make_the_bomb_pass(
    database, actors, unchanged, part, declared
) -> None:
    # The headers claim a small part: no size or ratio check fires, the bytes are what count.
    shared = part == "xl/sharedStrings.xml"
    content = bombs.with_declared_size(bombs.build(SMALL_BOMB, shared=shared), part, declared)
    with client_with(database, **NO_RATIO) as c:
        r = upload(c, actors["ministry"].headers, content, name="bomb.xlsx")
    # Past the cell limit first (413), or at the declared end the checksum fails (422).
    assert r.status_code in (413, 422), r.text[:300]
    _refused(r, r.status_code)


_MEASURE = """
import json, resource, sys, time
from fastapi.testclient import TestClient
from app.config import Settings
from app.db import Database
from app.main import create_app
from tests.surveys import bombs
from tests.surveys.helpers import GOOD_ROW, csv_bytes, upload

url, key, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = {"Authorization": f"Bearer {key}"}
peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out = {}
for variant, settings in (("inline", {}), ("inline-no-ratio", {"upload_max_zip_ratio": 1e12}),
                          ("shared-no-ratio", {"upload_max_zip_ratio": 1e12})):
    content = bombs.build(size, shared=variant.startswith("shared"))
    db = Database(url)
    app = create_app(Settings(environment="test", database_url=url, **settings), db)
    with TestClient(app, base_url="https://testserver") as c:
        assert upload(c, headers, csv_bytes(GOOD_ROW), dry_run="true").status_code == 200
        before = peak()
        started = time.perf_counter()
        r = upload(c, headers, content, name="bomb.xlsx")
        out[variant] = {"status": r.status_code, "bytes": len(r.content), "zip": len(content),
                        "growth": peak() - before, "seconds": time.perf_counter() - started}
    db.dispose()
print(json.dumps(out))
"""


def test_the_400_mb_bomb_leaves_memory_flat(database, actors, unchanged) -> None:
    """The bomb of the issue, through the whole app in a process of its own (peak memory is a
    process's): it took a worker from 216 MB to 3.85 GB; now the answer is a 413 of a few
    hundred bytes and the peak grows by a few MB (200 MB is the generous bound)."""
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            _MEASURE,
            database.url,
            actors["ministry"].key,
            str(BOMB_BYTES),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.strip().splitlines()[-1])
    for variant, result in results.items():
        assert result["zip"] < 1 * MB, variant
        assert result["status"] == 413, (variant, result)
        assert result["bytes"] < SMALL_ANSWER, (variant, result)
        assert result["growth"] < 200 * MB, (variant, result)


# ---- the sheet XML ---------------------------------------------------------------------------


def _xlsx_upload(database, actors, content: bytes, **settings: Any) -> Any:
    with client_with(database, **settings) as c:
        return upload(c, actors["ministry"].headers, content, name="pools.xlsx", dry_run="true")


def test_a_declared_dimension_is_not_trusted(database, actors) -> None:
    # A sheet claiming A1:XFD1048576 would have every row padded to 16,384 cells and empty
    # rows added up to row 1,048,576 (billions of cells from a 2 KB file).
    start = bombs.SHEET_START.replace(
        b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>'
    )
    content = bombs.package(bombs.table_sheet(bombs.good_rows(2), start=start))
    r = _xlsx_upload(database, actors, content)
    assert r.status_code == 200, r.text[:500]
    assert r.json()["rows_read"] == 2 and r.json()["errors"] == []


def test_a_row_with_cells_beyond_the_column_limit_is_413(database, actors, unchanged) -> None:
    far = f'<row r="3"><c r="{_letters(MAX_COLUMNS + 1)}3" s="0"/></row>'.encode()
    sheet = [*bombs.table_sheet(bombs.good_rows(1))]
    sheet.insert(-1, far)
    _refused(_xlsx_upload(database, actors, bombs.package(sheet)), 413, f"column {MAX_COLUMNS}")


def test_a_row_number_past_the_last_row_of_a_sheet_is_413(database, actors, unchanged) -> None:
    # One row numbered 2,000,000: openpyxl yields the million empty rows before it.
    sheet = [*bombs.table_sheet(bombs.good_rows(1))]
    sheet.insert(-1, b'<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>PH</t></is></c></row>')
    r = _xlsx_upload(database, actors, bombs.package(sheet))
    _refused(r, 413, f"more than {SHEET_MAX_ROWS} rows")


def test_a_sheet_of_more_rows_than_a_spreadsheet_has_is_413(database, actors, unchanged) -> None:
    sheet = list(bombs.table_sheet(bombs.good_rows(1)))
    sheet.insert(-1, b"<row/>" * SHEET_MAX_ROWS)
    content = bombs.package(sheet, level=1)
    r = _xlsx_upload(database, actors, content, **NO_RATIO)
    _refused(r, 413, f"more than {SHEET_MAX_ROWS} rows")


def test_a_row_of_very_many_elements_is_413(database, actors, unchanged) -> None:
    # Each element is tiny but costs the parser a few hundred bytes: bytes alone do not bound it.
    cells = b"<c/>" * (ROW_MAX_TAGS + 1)
    content = bombs.package([bombs.SHEET_START, b"<row>", cells, b"</row>", bombs.SHEET_END])
    r = _xlsx_upload(database, actors, content, **NO_RATIO)
    _refused(r, 413, f"{ROW_MAX_TAGS} elements")


def test_a_long_text_split_by_comments_or_cdata_counts_whole(database, actors, unchanged) -> None:
    # The parser joins the pieces around a comment or a CDATA section into one text.
    piece = b"A" * 120_000  # each piece alone is under the bound (a cell, 10 bytes a character)
    text_ = piece + b"<!--<c/>-->" + piece + b"<![CDATA[<<<<]]>" + piece
    cell = b'<c r="B2" t="inlineStr"><is><t>' + text_ + b"</t></is></c>"
    sheet = list(bombs.table_sheet([]))
    sheet.insert(-1, b'<row r="2">' + cell + b"</row>")
    _refused(_xlsx_upload(database, actors, bombs.package(sheet)), 413, "32767 characters")


def test_comments_and_cdata_of_a_workbook_are_read_as_usual(database, actors) -> None:
    region = "Central Luzon"
    rows = bombs.good_rows(1)
    rows[0][1] = region
    sheet = b"".join(bombs.table_sheet(rows))
    sheet = sheet.replace(b"<t>Central Luzon</t>", b"<t><![CDATA[Central]]> <!-- x -->Luzon</t>")
    sheet = sheet.replace(b"<sheetData>", b"<!-- written by hand --><sheetData>")
    r = _xlsx_upload(database, actors, bombs.package([sheet]))
    assert r.status_code == 200, r.text[:500]
    assert r.json()["pools"][0]["pool"].startswith("PH, Central Luzon"), r.json()["pools"]


@pytest.mark.parametrize(
    ("start", "words"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet>', "DTD"),
        ('<?xml version="1.0" encoding="UTF-16"?><worksheet>'.encode("utf-16"), "UTF-8"),
        (b'<?xml version="1.0" encoding="Shift_JIS"?><worksheet>', "UTF-8"),
    ],
)
def test_xml_the_scan_cannot_bound_is_refused(database, actors, unchanged, start, words) -> None:
    content = bombs.package([start, b"<sheetData/></worksheet>"])
    _refused(_xlsx_upload(database, actors, content), 422, words)


def test_a_bzip2_part_is_refused(database, actors, unchanged) -> None:
    sheet = bombs.table_sheet(bombs.good_rows(1))
    content = bombs.package(sheet, compression=zipfile.ZIP_BZIP2)
    _refused(_xlsx_upload(database, actors, content), 422, "compression")


def test_a_zip_of_very_many_parts_is_413(database, actors, unchanged) -> None:
    extra = {f"xl/media/{n}.bin": b"" for n in range(10_001)}
    content = bombs.package(bombs.table_sheet(bombs.good_rows(1)), extra=extra, level=1)
    _refused(_xlsx_upload(database, actors, content), 413, "10000 parts")


def test_the_unzipped_size_limit_is_configurable(database, actors, unchanged) -> None:
    sample = (SAMPLES / "pool_table.xlsx").read_bytes()
    r = _xlsx_upload(database, actors, sample, upload_max_unzipped_bytes=10_000)
    body = _refused(r, 413, "decompresses to")
    assert body["max_unzipped_bytes"] == 10_000


def test_a_part_read_whole_is_bounded_before_it_is_decompressed(database, actors) -> None:
    styles = b'<?xml version="1.0"?><styleSheet>' + b" " * (17 * MB) + b"</styleSheet>"
    content = bombs.package(bombs.table_sheet(bombs.good_rows(1)), extra={"xl/styles.xml": styles})
    r = _xlsx_upload(database, actors, content, **NO_RATIO)
    _refused(r, 413, "xl/styles.xml", "read whole")


# ---- the scanner, chunk by chunk -------------------------------------------------------------


_LIMITS = ReadLimits(max_cell_chars=100)  # texts of up to 2,024 bytes between tags
_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><sst>'
SCANS = [
    (_HEAD + b"<si><t>" + b"a" * 2000 + b"</t></si></sst>", None),
    (_HEAD + b"<si><t>" + b"a" * 2100 + b"</t></si></sst>", 413),
    (_HEAD + b"<si><t>" + b"a" * 1500 + b"<![CDATA[" + b"<<" * 400 + b"]]>" + b"</t></si>", 413),
    (_HEAD + b"<si><t>" + (b"a" * 500 + b"<!--<a-->") * 5 + b"</t></si></sst>", 413),
    (_HEAD + b"<si><t>" + (b"a" * 500 + b"<?pi <a ?>") * 5 + b"</t></si></sst>", 413),
    (_HEAD + b"<!-- note --><si><t><![CDATA[a<b]]></t></si><?pi x?></sst>", None),
    (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]><sst/>', 422),
    ("<sst/>".encode("utf-16"), 422),
    (b"<sst>" + b"<si/>" * 10 + b"</sst>", None),
]


@pytest.mark.parametrize(("document", "status"), SCANS)
@pytest.mark.parametrize("chunk", [1, 2, 3, 8, 9, 10, 16, 1000, 16384])
def test_the_scan_does_not_depend_on_where_reads_split_the_xml(document, status, chunk) -> None:
    scanner = XmlScanner("xl/sharedStrings.xml", _LIMITS)
    try:
        for at in range(0, len(document), chunk):
            piece = document[at : at + chunk]
            scanner.feed(piece, end=len(piece) < chunk)
        scanner.feed(b"", end=True)
    except FileProblem as exc:
        assert exc.status == status
    else:
        assert status is None


# ---- cells, rows and the whole file ----------------------------------------------------------


def _pool_row(**values: str) -> str:
    cells = dict(zip(POOL_HEADER.split(","), GOOD_ROW.split(","), strict=True))
    cells.update(values)
    return ",".join(cells.values())


def test_a_cell_over_the_limit_is_a_row_error_with_the_value_cut(client, database, actors) -> None:
    long_cell = "x" * 40_000  # over Excel's 32,767, under the csv module's own field limit
    content = csv_bytes(_pool_row(region="Ilocos"), _pool_row(skills=long_cell))
    r = upload(client, actors["ministry"].headers, content, on_error="skip")
    assert r.status_code == 201, r.text[:500]
    body = r.json()
    assert (body["rows_accepted"], body["rows_rejected"]) == (1, 1)
    (error,) = body["errors"]
    assert (error["row"], error["column"]) == (3, "skills")
    assert "40000 characters, more than the 32767" in error["message"]
    assert len(error["value"]) == VALUE_MAX and error["value"].endswith("\u2026")
    assert len(r.content) < 10_000
    assert _stored_error_bytes(database) < 1000


def test_the_cell_limit_is_configurable_and_applies_to_xlsx(database, actors) -> None:
    rows = bombs.good_rows(2)
    rows[1][POOL_HEADER.split(",").index("skills")] = "y" * 5000
    content = bombs.package(bombs.table_sheet(rows))
    r = _xlsx_upload(database, actors, content, upload_max_cell_chars=1000)
    assert r.status_code == 200, r.text[:500]
    assert [(e["row"], e["column"]) for e in r.json()["errors"]] == [(3, "skills")]
    assert "more than the 1000" in r.json()["errors"][0]["message"]


ECHOING = ["headcount", "isced_level", "experience_years", "sector", "available_from",
           "languages", "skills", "occupation"]  # fmt: skip


@pytest.mark.parametrize("column", ECHOING)
def test_every_message_quoting_a_value_quotes_it_cut_short(
    client, database, actors, column
) -> None:
    value = "9" * 30_000 if column == "occupation" else ("q" * 29_999 + ":")
    r = upload(client, actors["ministry"].headers, csv_bytes(_pool_row(**{column: value})))
    assert r.status_code == 422, r.text[:500]
    errors = r.json()["errors"]
    assert errors and {e["column"] for e in errors} == {column}
    for e in errors:
        assert len(e["value"]) <= VALUE_MAX and len(e["message"]) <= MESSAGE_MAX
        assert "qqqq" * 50 not in e["message"] and "9999" * 50 not in e["message"]
    assert len(r.content) < SMALL_ANSWER * 2
    assert _stored_error_bytes(database) < 2000


def test_a_job_title_is_echoed_cut_short_in_codings(client, actors) -> None:
    title = "registered nurse " + "x" * 200
    r = upload(client, actors["ministry"].headers, csv_bytes(_pool_row(occupation=title)),
               dry_run="true")  # fmt: skip
    assert r.status_code in (200, 422), r.text[:500]
    for coding in r.json().get("report", {}).get("codings", []):
        assert len(coding["input"]) <= VALUE_MAX
    for e in r.json().get("errors", []):
        assert len(e["value"]) <= VALUE_MAX and len(e["message"]) <= MESSAGE_MAX


def test_a_csv_line_over_the_row_limit_is_413(client, actors, unchanged) -> None:
    # One line of 5 MB (no line break): refused while it is read, never held whole.
    content = csv_bytes(_pool_row(region="a" * (5 * MB)))
    _refused(upload(client, actors["ministry"].headers, content), 413, "line 2")


def test_a_csv_row_spread_over_many_lines_is_bounded_too(client, actors, unchanged) -> None:
    # Quoted line breaks make one row of a million short fields out of short lines.
    row = '"\n",' * (ReadLimits().max_row_bytes // 4 + 10)
    _refused(upload(client, actors["ministry"].headers, csv_bytes(row)), 413, "longer than")


def test_the_cells_of_a_file_are_bounded_together(database, actors, unchanged) -> None:
    # One shared string of 30,000 characters as the skills of 2,000 rows: 60 million characters
    # from a few kilobytes (the default bound is 200 million; here it is 1 million).
    rows = bombs.good_rows(2000)
    skills = POOL_HEADER.split(",").index("skills")
    for row in rows:
        row[skills] = "@shared@"
    sheet = b"".join(bombs.table_sheet(rows)).replace(
        b't="inlineStr"><is><t>@shared@</t></is></c>', b't="s"><v>0</v></c>'
    )
    strings = [b"<si><t>" + b"z" * 30_000 + b"</t></si>"]
    content = bombs.package([sheet], strings)
    assert len(content) < 100_000
    r = _xlsx_upload(database, actors, content, upload_max_text_chars=1_000_000)
    assert _refused(r, 413, "1000000 characters")["max_text_chars"] == 1_000_000


def test_a_header_of_many_unknown_columns_is_a_small_problem(client, actors, unchanged) -> None:
    header = POOL_HEADER + "," + ",".join(f"extra_{n}_" + "w" * 200 for n in range(2000))
    r = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW, header=header))
    assert r.status_code == 422 and len(r.content) < 100_000  # 1 MB of header, 100 errors
    body = r.json()
    assert "unknown column" in body["detail"] and len(body["detail"]) <= DETAIL_MAX
    assert len(body["errors"]) == FILE_ERRORS_MAX and body["errors_total"] == 2000


# ---- the stored report -----------------------------------------------------------------------


def test_the_stored_report_is_capped_in_errors_and_in_bytes(client, database, actors) -> None:
    # 4,000 bad rows with two long errors each: about 5 MB of errors, kept to 2 MB.
    bad = _pool_row(sector="s" * 1000, isced_level="i" * 1000)
    r = upload(client, actors["ministry"].headers, csv_bytes(*[bad] * 4000))
    assert r.status_code == 422, r.text[:300]
    upload_id = r.json()["upload"]["id"]
    read = client.get(f"/api/v1/uploads/{upload_id}", headers=actors["ministry"].headers).json()
    assert read["errors_total"] == 8000 and read["report"]["errors_truncated"] is True
    with database.engine.connect() as conn:
        stored = conn.execute(text("SELECT errors FROM survey_uploads")).scalar_one()
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert 2000 < len(stored) < min(8000, MAX_REPORTED_ERRORS)  # cut by bytes, not by count
    assert len(json.dumps(stored)) <= MAX_REPORTED_ERROR_BYTES
    report = client.get(f"/api/v1/uploads/{upload_id}/report.csv",
                        headers=actors["ministry"].headers)  # fmt: skip
    assert report.status_code == 200 and len(report.content) < 2 * MAX_REPORTED_ERROR_BYTES


def test_a_good_xlsx_still_reads_through_the_guard(client, actors) -> None:
    r = upload(client, actors["ministry"].headers, (SAMPLES / "pool_table.xlsx").read_bytes(),
               name="pool_table.xlsx", dry_run="true")  # fmt: skip
    assert r.status_code == 200, r.text[:500]
    assert r.json()["rows_read"] == 30 and r.json()["errors"] == []


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def test_letters() -> None:
    assert [_letters(n) for n in (1, 26, 27, 1024, 1025, 16384)] == [
        "A", "Z", "AA", "AMJ", "AMK", "XFD"
    ]  # fmt: skip
