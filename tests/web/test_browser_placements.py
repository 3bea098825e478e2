"""The placement pages in real headless Chromium, as tests/web/test_browser.py runs them (Debian's
package, driven by Playwright's Python package; nothing downloads a browser): the officer's
board, an employer's vacancy pipeline recording "contract signed", and a ministry's pool
pipeline recording "selected".

The demo has no approvals: each test approves a pair of its own through the API of the running
app (and records the moves before its own through the API too)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select

from app.decisions.models import Decision, Placement
from tests.market import eligible, owners
from tests.web.accessibility import check_page
from tests.web.browser import Site, sign_in
from tests.web.conftest import OFFICER

pytestmark = pytest.mark.browser


# ---- approvals through the API ---------------------------------------------------------------


@dataclass(frozen=True)
class Approved:
    vacancy_id: uuid.UUID
    pool_id: uuid.UUID
    placement_id: uuid.UUID
    employer: str  # the organisations' slugs (demo_people's keys)
    ministry: str


def _key(demo_people, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {demo_people[who]['api_key']}"}


def _approve(site: Site, demo_people, headcount: int) -> Approved:
    """An undecided eligible pair approved by the officer through the API."""
    db = site.database
    with db.session() as s:
        decided = {(v, p) for v, p in s.execute(select(Decision.vacancy_id, Decision.pool_id))}
    m = next(x for x in eligible(db, headcount) if (x.vacancy_id, x.pool_id) not in decided)
    r = httpx.post(
        f"{site.url}/api/v1/matches/{m.id}/decisions",
        headers=_key(demo_people, OFFICER),
        json={"decision": "approved", "headcount": headcount},
    )
    assert r.status_code == 201, r.text
    with db.session() as s:
        placement_id = s.scalar(
            select(Placement.id).where(
                Placement.vacancy_id == m.vacancy_id, Placement.pool_id == m.pool_id
            )
        )
    employer, ministry = owners(db, m.vacancy_id, m.pool_id)
    assert placement_id and employer and ministry
    return Approved(m.vacancy_id, m.pool_id, placement_id, employer, ministry)


def _api_move(site: Site, demo_people, who: str, a: Approved, source, to: str, n: int) -> None:
    r = httpx.post(
        f"{site.url}/api/v1/placements/{a.placement_id}/moves",
        headers=_key(demo_people, who),
        json={
            "from_stage": source,
            "to_stage": to,
            "count": n,
            "on": datetime.now(UTC).date().isoformat(),
        },
    )
    assert r.status_code == 201, r.text


def _workers_at(page, stage: str) -> int:
    return int(page.locator(f'table.pipeline tr[data-stage="{stage}"] td').first.inner_text())


# ---- the scenarios ---------------------------------------------------------------------------


def test_officer_reads_the_board_and_filters_it(page, site, demo_people) -> None:
    first = _approve(site, demo_people, 3)
    second = _approve(site, demo_people, 2)
    _api_move(site, demo_people, OFFICER, first, None, "selected", 2)
    sign_in(page, demo_people, OFFICER)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Placements").click()
    page.wait_for_url(re.compile(r"/placements$"))
    assert page.get_by_role("heading", name="Placements", exact=True).is_visible()
    rows = page.locator("table.placements tbody tr")
    assert page.locator(f'tr[data-placement="{first.placement_id}"]').is_visible()
    assert page.locator(f'tr[data-placement="{second.placement_id}"]').is_visible()
    row = page.locator(f'tr[data-placement="{first.placement_id}"]')
    assert row.locator('td[data-stage="selected"]').inner_text() == "2"
    check_page(page, "30-placements-board")

    page.get_by_label("Workers at stage").select_option("selected")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"stage=selected"))
    assert rows.count() == 1
    assert page.locator(f'tr[data-placement="{first.placement_id}"]').is_visible()

    page.get_by_label("Status").select_option("withdrawn")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"status=withdrawn"))
    assert page.get_by_text("No placement yet").is_visible()

    page.get_by_role("link", name="Clear").click()
    page.locator(f'tr[data-placement="{first.placement_id}"]').get_by_role(
        "link", name=re.compile("^Open")
    ).click()
    page.wait_for_url(re.compile(f"/placements/{first.placement_id}$"))
    assert page.get_by_role("heading", name="Pipeline").is_visible()
    assert _workers_at(page, "awaiting") == 1 and _workers_at(page, "selected") == 2
    assert page.get_by_role("region", name="Moves").locator("tbody tr").count() == 1
    check_page(page, "31-placement-officer")


def test_employer_records_contract_signed_from_its_vacancy_pipeline(
    page, site, demo_people
) -> None:
    a = _approve(site, demo_people, 4)
    _api_move(site, demo_people, a.ministry, a, None, "selected", 3)
    sign_in(page, demo_people, a.employer)
    page.goto(f"/vacancies/{a.vacancy_id}")
    pipeline = page.get_by_role("region", name="Placements")
    row = pipeline.locator(f'tr[data-placement="{a.placement_id}"]')
    assert row.locator('td[data-stage="selected"]').inner_text() == "3"
    check_page(page, "32-employer-vacancy-pipeline")

    row.get_by_role("link", name=re.compile("^Open")).click()
    page.wait_for_url(re.compile(f"/placements/{a.placement_id}$"))
    move = page.get_by_label("Move", exact=True)
    # Only the employer's own side: contract signed or left early (the selected workers, and
    # those not selected yet).
    assert move.locator("option").all_inner_texts() == [
        "approved → left early (1 not selected yet)",
        "selected → contract signed (3 at selected)",
        "selected → left early (3 at selected)",
    ]
    move.select_option("selected:contract_signed")
    page.get_by_label("Workers", exact=True).fill("2")
    page.get_by_label("Note", exact=True).fill("Contracts signed at the embassy")
    page.get_by_role("button", name="Record the move").click()
    page.wait_for_url(re.compile(f"/placements/{a.placement_id}$"))

    assert (
        page.get_by_role("status")
        .filter(has_text="Recorded: 2 workers moved from selected to contract signed")
        .is_visible()
    )
    assert _workers_at(page, "selected") == 1 and _workers_at(page, "contract_signed") == 2
    moves = page.get_by_role("region", name="Moves")
    assert moves.get_by_text("Contracts signed at the embassy").is_visible()
    assert moves.get_by_role("cell", name="you", exact=True).is_visible()
    assert moves.get_by_role("cell", name="the ministry", exact=True).is_visible()
    check_page(page, "33-employer-contract-signed")

    page.goto(f"/vacancies/{a.vacancy_id}")
    row = page.get_by_role("region", name="Placements").locator(
        f'tr[data-placement="{a.placement_id}"]'
    )
    assert row.locator('td[data-stage="contract_signed"]').inner_text() == "2"


def test_ministry_records_selected_from_its_pool_pipeline(page, site, demo_people) -> None:
    a = _approve(site, demo_people, 3)
    sign_in(page, demo_people, a.ministry)
    page.goto(f"/pools/{a.pool_id}")
    pipeline = page.get_by_role("region", name="Placements")
    row = pipeline.locator(f'tr[data-placement="{a.placement_id}"]')
    assert row.locator('td[data-stage="selected"]').inner_text() == "0"
    check_page(page, "34-ministry-pool-pipeline")

    row.get_by_role("link", name=re.compile("^Open")).click()
    page.wait_for_url(re.compile(f"/placements/{a.placement_id}$"))
    assert _workers_at(page, "awaiting") == 3
    # More than are waiting: refused on the page, nothing recorded.
    page.get_by_label("Move", exact=True).select_option("awaiting:selected")
    page.get_by_label("Workers", exact=True).fill("5")
    with page.expect_response(lambda r: r.url.endswith("/moves")) as response:
        page.get_by_role("button", name="Record the move").click()
    assert response.value.status == 409
    assert page.get_by_role("alert").filter(has_text="5 workers moved, 3 waiting").is_visible()
    assert _workers_at(page, "awaiting") == 3
    check_page(page, "35-ministry-move-refused")

    page.get_by_label("Workers", exact=True).fill("3")
    page.get_by_label("Note", exact=True).fill("Selected after the skills test")
    page.get_by_role("button", name="Record the move").click()
    page.wait_for_url(re.compile(f"/placements/{a.placement_id}$"))
    assert (
        page.get_by_role("status")
        .filter(has_text="Recorded: 3 workers moved from the approved workers to selected")
        .is_visible()
    )
    assert _workers_at(page, "awaiting") == 0 and _workers_at(page, "selected") == 3
    assert page.get_by_text("No move is yours to record now").is_visible()
    check_page(page, "36-ministry-selected")

    page.goto(f"/pools/{a.pool_id}")
    row = page.get_by_role("region", name="Placements").locator(
        f'tr[data-placement="{a.placement_id}"]'
    )
    assert row.locator('td[data-stage="selected"]').inner_text() == "3"
