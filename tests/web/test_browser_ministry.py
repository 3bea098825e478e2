"""A ministry's whole upload job in Chromium: the dashboard, the upload form (and its error),
a survey wave from seed_data/samples, the report at its own address, a safe reload, and the
CSV report downloaded by the signed-in browser."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import PROJECT_ROOT
from app.surveys.models import SurveyUpload
from tests.web.accessibility import check_page
from tests.web.browser import sign_in
from tests.web.conftest import MINISTRY_ORG

pytestmark = pytest.mark.browser

SAMPLE = PROJECT_ROOT / "seed_data" / "samples" / "pool_table.csv"


def _uploads(site) -> int:
    with site.database.session() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyUpload)) or 0)


def test_a_ministry_uploads_a_wave_reads_and_downloads_the_report(
    page, site, demo_people, tmp_path: Path
) -> None:
    sign_in(page, demo_people, MINISTRY_ORG)
    assert page.get_by_role("heading", level=1).is_visible()
    check_page(page, "60-ministry-dashboard")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Upload a survey").click()
    page.wait_for_url(re.compile(r"/upload$"))
    check_page(page, "61-upload-form")

    # A file that is no table: the form again, saying why.
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    page.get_by_label("File (.csv or .xlsx)").set_input_files(str(empty))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()
    assert re.search(r"/upload$", page.url)
    check_page(page, "62-upload-form-error")

    before = _uploads(site)
    page.get_by_label("File (.csv or .xlsx)").set_input_files(str(SAMPLE))
    page.get_by_label("Pool table").check()
    page.get_by_label("Store the good rows, report the bad").check()
    page.get_by_role("button", name="Upload").click()
    # Post/redirect/get: the report has its own address.
    page.wait_for_url(re.compile(r"/uploads/[0-9a-f-]{36}$"))
    report_url = page.url
    assert _uploads(site) == before + 1
    outcome = page.locator("#upload-outcome")
    assert re.search(r"\d[\d,]* rows read", outcome.inner_text())
    assert not re.search(r"\b1 (rows|pools)\b", outcome.inner_text())
    pools = page.locator("#pool-outcomes tbody tr")
    assert pools.count() > 0
    first_pool = pools.first.locator("td").nth(1).inner_text()
    assert first_pool.startswith("Philippines, ") and " - " in first_pool
    check_page(page, "63-upload-report")

    # A reload reads the report again: no form is re-sent, nothing is stored twice.
    response = page.reload()
    assert response is not None and response.status == 200
    assert page.url == report_url and response.request.method == "GET"
    assert _uploads(site) == before + 1

    with page.expect_download() as download:
        page.get_by_role("link", name="Report as CSV").click()
    got = download.value
    assert got.suggested_filename.startswith("upload-") and got.suggested_filename.endswith(
        "-report.csv"
    )
    rows = list(csv.reader(io.StringIO(Path(got.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["row", "column", "value", "message", "outcome", "pool_id"]
    assert rows[1][4] == "summary"
    assert {r[4] for r in rows[2:]} <= {"created", "updated", "error", "withdrawn"}
