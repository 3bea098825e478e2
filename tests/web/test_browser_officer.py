"""An officer works the queue in real headless Chromium (as tests/web/test_browser.py runs it):
from the dashboard's figure into the queue, a filter by a country's name, a misspelt name's
error next to its field, two matches shortlisted in one go, one of them rejected, the other
approved from its row; then the decisions, the pools and a pool. Then the batch runs: a running
run's progress, and cancelling it from its page. Every main page is checked by axe-core, at
390 px too, and screenshotted (tests/web/accessibility.py)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.batch.models import RunStatus
from app.batch.service import Scope
from app.db import utcnow
from tests.batch.test_batch_api import make_run
from tests.web.accessibility import check_page
from tests.web.browser import sign_in
from tests.web.conftest import OFFICER

pytestmark = pytest.mark.browser


def _destinations(page) -> set[str]:
    rows = page.get_by_role("region", name="Matches in the queue").locator("tbody tr")
    return {rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())}


def test_an_officer_works_the_queue_in_bulk(page, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    check_page(page, "officer-dashboard")

    page.get_by_role("link", name=re.compile("open vacancies awaiting a decision")).click()
    page.wait_for_url(re.compile(r"/queue\?state=waiting$"))
    assert page.get_by_role("heading", name=re.compile("Waiting on a decision: ")).is_visible()
    check_page(page, "officer-queue")

    # A country by its name; the picker then shows what it resolved to.
    page.get_by_label("Destination country").fill("Germany")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"destination=Germany"))
    assert page.get_by_label("Destination country").input_value() == "Germany (DE)"
    assert _destinations(page) == {"Germany"}

    # A misspelt one says so next to the field (and keeps what was typed).
    page.get_by_label("Destination country").fill("Germanyy")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"destination=Germanyy"))
    error = page.locator("#f-destination-error")
    assert "No country is called 'Germanyy'" in error.inner_text()
    assert page.get_by_label("Destination country").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Destination country").input_value() == "Germanyy"
    check_page(page, "officer-queue-filter-error")
    page.get_by_label("Destination country").fill("Germany (DE)")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"destination=Germany\+%28DE%29"))

    # Two matches shortlisted in one go.
    rows = page.get_by_role("region", name="Matches in the queue").locator("tbody tr")
    picked = [rows.nth(i).locator("th a").first.inner_text() for i in range(2)]
    for i in range(2):
        rows.nth(i).get_by_role("checkbox").check()
    page.get_by_label("Note (optional, for every selected match)").fill("Browser cohort")
    page.get_by_role("button", name="Shortlist selected").click()
    assert page.get_by_role("status").filter(has_text="Shortlisted 2 matches.").is_visible()
    assert _destinations(page) == {"Germany"}  # back to the same view

    page.get_by_role("navigation", name="Queue states").get_by_role(
        "link", name=re.compile("Shortlisted")
    ).click()
    page.wait_for_url(re.compile(r"state=shortlisted"))
    rows = page.get_by_role("region", name="Matches in the queue").locator("tbody tr")
    assert rows.count() == 2
    assert sorted(rows.nth(i).locator("th a").first.inner_text() for i in range(2)) == sorted(
        picked
    )
    check_page(page, "officer-queue-shortlisted")

    # One rejected...
    rows.nth(0).get_by_role("checkbox").check()
    page.get_by_role("button", name="Reject selected").click()
    assert page.get_by_role("status").filter(has_text="Rejected 1 match.").is_visible()
    rows = page.get_by_role("region", name="Matches in the queue").locator("tbody tr")
    assert rows.count() == 1

    # ... the other approved from its row, back on the same tab.
    rows.first.get_by_role("spinbutton").fill("1")
    rows.first.get_by_role("button", name=re.compile("^Approve ")).click()
    page.wait_for_url(re.compile(r"/queue\?destination=Germany.*&state=shortlisted$"))
    assert page.get_by_role("status").filter(has_text="Approved 1 workers under").is_visible()
    assert "Nothing in this part of the queue" in page.locator("tbody").inner_text()

    page.goto("/decisions")
    assert page.get_by_text("4 decisions").is_visible()
    check_page(page, "officer-decisions")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pools").click()
    page.wait_for_url(re.compile(r"/pools$"))
    page.get_by_label("Origin country").fill("Philippines")
    page.get_by_label("Search").fill("Visayas")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"origin=Philippines"))
    table = page.get_by_role("region", name="Pools")
    assert table.locator("tbody tr").count() >= 2
    assert "Philippines, " in table.locator("tbody tr th a").first.inner_text()
    check_page(page, "officer-pools")
    table.locator("tbody tr th a").first.click()
    page.wait_for_url(re.compile(r"/pools/[0-9a-f-]{36}$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Philippines, ")
    check_page(page, "officer-pool")


def test_an_officer_follows_and_cancels_a_batch_run(page, site, demo_people) -> None:
    now = utcnow()
    make_run(site.database, scope=Scope(destination="DE"), started_at=now - timedelta(hours=2))
    running = make_run(
        site.database,
        status=RunStatus.RUNNING,
        started_at=now - timedelta(minutes=12),
        tasks_total=8,
        tasks_done=3,
    )
    sign_in(page, demo_people, OFFICER)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Batch runs").click()
    page.wait_for_url(re.compile(r"/batch-runs$"))
    assert page.get_by_role("heading", name="Batch runs", level=1).is_visible()
    table = page.get_by_role("region", name="Batch runs")
    bar = table.get_by_role("progressbar")
    assert bar.count() == 1  # the running run's; the succeeded one is done
    assert bar.get_attribute("value") == "37"
    assert "37 % (3 of 8 blocks)" in table.inner_text()
    check_page(page, "officer-batch-runs")

    table.locator("tbody tr", has=page.get_by_role("progressbar")).get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/batch-runs/{running}$"))
    assert page.get_by_role("progressbar", name="Progress of the run").is_visible()
    check_page(page, "officer-batch-run")
    page.get_by_role("button", name="Cancel run").click()
    page.wait_for_url(re.compile(rf"/batch-runs/{running}$"))
    assert page.get_by_role("status").filter(has_text="Cancel requested.").is_visible()
    assert page.get_by_role("button", name="Cancel run").count() == 0
    check_page(page, "officer-batch-run-cancelled")
