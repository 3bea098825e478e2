"""Files that cannot be read as a table: a clear 4xx, and nothing stored at all."""

from __future__ import annotations

import pytest

from tests.surveys.helpers import (
    GOOD_ROW,
    POOL_HEADER,
    URL,
    client_with,
    csv_bytes,
    snapshot,
    upload,
)


@pytest.fixture
def unchanged(count_rows, actors):
    """Asserts, after the test, that no table an upload writes to has changed."""
    before = snapshot(count_rows)
    yield
    assert snapshot(count_rows) == before


FILE_PROBLEMS = [
    # (file name, content, status, words of the detail)
    ("pools.csv", b"", 422, "empty"),
    ("pools.csv", b"\xef\xbb\xbf\r\n", 422, "empty"),
    ("pools.csv", csv_bytes(), 422, "no data rows"),
    ("pools.csv", b"\n\n" + csv_bytes(GOOD_ROW), 422, "first line"),
    ("pools.pdf", b"%PDF-1.7", 415, ".csv and .xlsx"),
    ("pools", csv_bytes(GOOD_ROW), 415, ".csv and .xlsx"),
    ("pools.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 415, ".xls"),
    ("pools.xlsx", csv_bytes(GOOD_ROW), 422, "not an XLSX workbook"),
    ("pools.xlsx", b"PK\x03\x04 this is no zip", 422, "XLSX"),
    ("pools.csv", b"PK\x03\x04\x14\x00\x06\x00", 422, "workbook"),
]


@pytest.mark.parametrize(("name", "content", "status", "words"), FILE_PROBLEMS)
def test_unreadable_files(client, actors, unchanged, name, content, status, words) -> None:
    r = upload(client, actors["ministry"].headers, content, name=name)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert words in r.json()["detail"]


def test_non_utf8_bytes_name_the_offset_and_line(client, actors, unchanged) -> None:
    content = csv_bytes(GOOD_ROW)
    latin1 = GOOD_ROW.replace("Central Luzon", "Bicol R\xe9gion").encode("latin-1")
    content += latin1 + b"\n"
    r = upload(client, actors["ministry"].headers, content)
    assert r.status_code == 422
    body = r.json()
    offset = content.index(b"\xe9")
    assert body["byte_offset"] == offset and body["line"] == 3
    assert f"byte offset {offset}" in body["detail"] and "line 3" in body["detail"]
    assert "UTF-8" in body["detail"] and "0xE9" in body["detail"]


def test_missing_required_column_is_named(client, actors, unchanged) -> None:
    header = POOL_HEADER.replace("headcount,", "")
    row = GOOD_ROW.replace(",120,", ",")
    r = upload(client, actors["ministry"].headers, csv_bytes(row, header=header))
    assert r.status_code == 422
    assert "'headcount'" in r.json()["detail"] and "missing" in r.json()["detail"]
    assert r.json()["errors"] == [
        {
            "row": 1,
            "column": "headcount",
            "value": "",
            "message": "required column 'headcount' is missing",
        }
    ]


def test_unknown_and_duplicate_columns_are_named(client, actors, unchanged) -> None:
    header = POOL_HEADER + ",salary,Region"
    r = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW + ",900,x", header=header))
    assert r.status_code == 422
    columns = {(e["column"], e["message"].split(" ")[0]) for e in r.json()["errors"]}
    assert columns == {("salary", "unknown"), ("region", "column")}
    assert "unknown column 'salary'" in r.json()["detail"]


def test_microdata_columns_in_pool_table_mode_are_unknown(client, actors, unchanged) -> None:
    header = "respondent_id,occupation,isced_level,experience_years,willing_to_work_abroad"
    r = upload(client, actors["ministry"].headers, csv_bytes("r1,2221,6,3,yes", header=header))
    assert r.status_code == 422
    assert "unknown column 'respondent_id'" in r.json()["detail"]


def test_a_row_with_too_many_cells_is_a_row_error(client, actors) -> None:
    r = upload(client, actors["ministry"].headers, csv_bytes(GOOD_ROW, GOOD_ROW + ",extra"))
    assert r.status_code == 422
    assert [(e["row"], e["column"]) for e in r.json()["errors"]] == [(3, "")]
    assert "11 cells" in r.json()["errors"][0]["message"]


def test_file_over_the_size_limit_is_413(database, actors, count_rows) -> None:
    content = csv_bytes(GOOD_ROW, GOOD_ROW.replace("Central Luzon", "Ilocos"))
    h = actors["ministry"].headers
    before = snapshot(count_rows)
    with client_with(database, upload_max_bytes=len(content) - 1) as c:
        r = upload(c, h, content)
        # Far over the limit: refused on the declared length, before the body is read.
        big = upload(c, h, b"x" * (len(content) + 200_000))
    assert r.status_code == 413
    assert f"{len(content) - 1} bytes" in r.json()["detail"]
    assert r.json()["max_bytes"] == len(content) - 1
    assert big.status_code == 413
    assert snapshot(count_rows) == before
    with client_with(database, upload_max_bytes=len(content)) as c:
        assert upload(c, h, content).status_code == 201  # the limit itself is allowed


def test_file_with_too_many_rows_is_413(database, actors, count_rows) -> None:
    before = snapshot(count_rows)
    with client_with(database, upload_max_rows=2) as c:
        ok = upload(c, actors["ministry"].headers, csv_bytes(GOOD_ROW, GOOD_ROW), dry_run="true")
        assert ok.status_code == 200
        r = upload(c, actors["ministry"].headers, csv_bytes(GOOD_ROW, GOOD_ROW, GOOD_ROW))
    assert r.status_code == 413
    assert "more than 2 data rows" in r.json()["detail"]
    assert snapshot(count_rows) == before


def test_not_multipart_is_415_and_no_file_is_422(client, actors, unchanged) -> None:
    h = actors["ministry"].headers
    r = client.post(URL, headers=h, content=csv_bytes(GOOD_ROW))
    assert r.status_code == 415
    r = client.post(URL, headers=h, data={"mode": "pool_table"}, files={"other": ("x", b"")})
    assert r.status_code == 422
    r = client.post(
        URL,
        headers=h,
        files={"document": ("p.csv", csv_bytes(GOOD_ROW))},
        data={"mode": "pool_table"},
    )
    assert r.status_code == 422 and "'file'" in r.json()["detail"]
