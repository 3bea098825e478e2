"""An officer's allocation plan in Chromium: compute a plan, remove a line, open the adoption,
read what will be approved, confirm; and an unknown address answers an HTML 404 page."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.decisions.models import Decision
from tests.web.accessibility import check_page
from tests.web.browser import sign_in
from tests.web.conftest import OFFICER

pytestmark = pytest.mark.browser


def _decisions(site) -> int:
    with site.database.session() as s:
        return int(s.scalar(select(func.count()).select_from(Decision)) or 0)


def test_an_officer_computes_trims_and_adopts_a_plan(page, site, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Allocation plans").click()
    page.wait_for_url(re.compile(r"/plans$"))
    check_page(page, "70-plans")

    page.get_by_label("Destination (ISO code)").fill("DE")
    page.get_by_label("Pathway code").fill("DE-THAMM-PILOT")
    page.get_by_label("Minimum score").fill("0.3")
    page.get_by_role("button", name="Compute").click()
    page.wait_for_url(re.compile(r"/plans/[0-9a-f-]{36}$"))
    plan_url = page.url
    lines = page.locator("#assignments tbody tr")
    count = lines.count()
    assert count >= 2
    assert page.get_by_role("columnheader", name="Employer").is_visible()
    check_page(page, "71-plan")

    removed_vacancy = lines.first.locator("th").inner_text()
    lines.first.get_by_role("button", name=re.compile(r"^Remove ")).click()
    page.wait_for_url(plan_url)
    assert page.get_by_role("status").filter(has_text="Removed from the plan").is_visible()
    assert page.locator("#assignments tbody tr").count() == count - 1
    assert removed_vacancy.split(" ")[0] in page.locator("#removed-lines").inner_text()

    page.get_by_role("link", name=re.compile(r"^Adopt the plan")).click()
    page.wait_for_url(re.compile(r"/plans/[0-9a-f-]{36}/adopt$"))
    approvals = page.locator("#approvals tbody tr")
    assert approvals.count() == count - 1
    assert page.get_by_role("heading", name="Effect on the quotas").is_visible()
    assert "DE-THAMM-PILOT" in page.locator("#quota-effect").inner_text()
    check_page(page, "72-plan-adopt-confirm")

    before = _decisions(site)
    page.get_by_role("button", name=re.compile(r"^Confirm: record")).click()
    page.wait_for_url(plan_url)
    assert page.get_by_role("status").filter(has_text="Plan adopted").is_visible()
    assert _decisions(site) == before + count - 1


def test_an_unknown_address_is_an_html_page(page, demo_people) -> None:
    response = page.goto("/nope")
    assert response is not None and response.status == 404
    assert "text/html" in response.headers["content-type"]
    assert page.get_by_role("heading", name="Not found").is_visible()
    assert page.get_by_role("link", name="Go to the home page").is_visible()
    check_page(page, "73-not-found")
    sign_in(page, demo_people, OFFICER)
    response = page.goto("/vacancies/not-a-uuid/x")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", name="Not found").is_visible()
