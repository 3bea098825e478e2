"""An employer's whole job in real headless Chromium (Debian's package, driven by Playwright's
Python package, as tests/web/test_browser.py): post a vacancy through the pickers (country by
name, skills by label, a language), edit it, close it, reopen it, duplicate it, and read why a
vacancy below a pathway's wage threshold matches nothing. Every main page of the walk passes
the accessibility check (axe-core, 390 px) and is shot at 1366 and 390 px."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.web.accessibility import check_page
from tests.web.browser import Site, sign_in
from tests.web.conftest import EMPLOYER_ORG

pytestmark = pytest.mark.browser


def _vacancy_id(url: str) -> uuid.UUID:
    found = re.search(r"/vacancies/([0-9a-f-]{36})$", url)
    assert found, url
    return uuid.UUID(found.group(1))


def _status(site: Site, vacancy_id: uuid.UUID) -> str:
    from app.vacancies.models import Vacancy

    with site.database.session() as s:
        row = s.get(Vacancy, vacancy_id)
        assert row is not None
        return row.status


def test_an_employer_posts_edits_closes_reopens_and_duplicates(page, site, demo_people) -> None:
    sign_in(page, demo_people, EMPLOYER_ORG)
    check_page(page, "40-employer-dashboard")
    page.get_by_role("link", name="Post a vacancy").first.click()
    page.wait_for_url(re.compile(r"/vacancies/new$"))
    # The destination and its language come filled in, by name.
    assert page.get_by_label("Destination country").input_value() == "Germany (DE)"
    assert page.get_by_label("Language 1", exact=True).input_value() == "German (de)"
    check_page(page, "41-employer-post-form")

    page.get_by_label("Job title").fill("Breakfast cook")
    page.get_by_label("Occupation").fill("Cooks (5120)")
    page.get_by_label("Destination country").fill("Germanyy")  # a typo first
    page.get_by_label("Start date").fill("2027-04-01")
    page.get_by_label("Skill 1", exact=True).fill("Food safety and hygiene")
    page.get_by_label("Importance of skill 2").select_option("optional")
    page.get_by_label("Skill 2", exact=True).fill("customer servic")  # typed, not picked
    page.get_by_role("button", name="Post the vacancy").click()
    # The errors are next to their fields, with what was typed kept.
    country_error = page.locator("#f-destination_country-error")
    assert "No country is called 'Germanyy'" in country_error.inner_text()
    assert "No skill is called 'customer servic'" in page.locator("#f-skill_2-error").inner_text()
    assert page.get_by_label("Skill 1", exact=True).input_value() == "Food safety and hygiene"
    check_page(page, "42-employer-post-errors")

    page.get_by_label("Destination country").fill("Germany")
    page.get_by_label("Skill 2", exact=True).fill("Customer service")
    page.get_by_label("Sector (optional)").fill("Food and beverage service activities (56)")
    page.get_by_label("Minimum level of language 1").select_option("A2")
    page.get_by_role("button", name="Post the vacancy").click()
    page.wait_for_url(re.compile(r"/vacancies/[0-9a-f-]{36}$"))
    vacancy_id = _vacancy_id(page.url)
    assert "is posted" in page.locator(".flash").inner_text()
    facts = page.locator("dl.facts.wide").inner_text()
    assert "Food and beverage service activities (56)" in facts
    assert "Food safety and hygiene" in facts and "German A2" in facts
    check_page(page, "43-employer-vacancy")

    # Edit: the form comes back filled in; the change is saved as a new version.
    page.get_by_role("link", name="Edit").click()
    check_page(page, "44-employer-edit-form")
    page.get_by_label("Openings").fill("4")
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_url(re.compile(rf"/vacancies/{vacancy_id}$"))
    assert "is saved" in page.locator(".flash").inner_text()
    assert "4 (0 approved, 4 left)" in page.locator("dl.facts.wide").inner_text()

    # Close, then reopen.
    page.get_by_role("button", name="Close the vacancy").click()
    page.wait_for_url(re.compile(rf"/vacancies/{vacancy_id}$"))
    assert _status(site, vacancy_id) == "closed"
    page.get_by_role("button", name="Reopen the vacancy").click()
    page.wait_for_url(re.compile(rf"/vacancies/{vacancy_id}$"))
    assert _status(site, vacancy_id) == "open"

    # Duplicate: a new vacancy prefilled from this one.
    page.get_by_role("link", name="Duplicate").click()
    assert page.get_by_label("Job title").input_value() == "Breakfast cook"
    page.get_by_label("Job title").fill("Breakfast cook (second hotel)")
    page.get_by_role("button", name="Post the vacancy").click()
    page.wait_for_url(re.compile(r"/vacancies/[0-9a-f-]{36}$"))
    assert _vacancy_id(page.url) != vacancy_id
    assert "Food safety and hygiene" in page.locator("dl.facts.wide").inner_text()

    # The list finds both by text, sorted by title.
    page.goto("/vacancies?q=breakfast&sort=title")
    rows = page.locator("table.data tbody th[scope=row]").all_inner_texts()
    assert rows == ["Breakfast cook", "Breakfast cook (second hotel)"]
    check_page(page, "45-employer-vacancies")


def test_an_employer_reads_why_a_vacancy_matches_nothing(page, site, demo_people) -> None:
    """A software developer's vacancy that names the Blue Card at a wage below its threshold:
    the demo's developer pools relate to it, and no pathway admits them."""
    sign_in(page, demo_people, EMPLOYER_ORG)
    page.goto("/vacancies/new")
    page.get_by_label("Job title").fill("Booking system developer")
    page.get_by_label("Occupation").fill("2512")
    page.get_by_label("Start date").fill("2027-05-01")
    page.get_by_label("Gross wage (optional)").fill("3000")
    page.get_by_label("Legal pathways you mean to use (optional)").fill("DE-BLUE-CARD")
    page.get_by_role("button", name="Post the vacancy").click()
    page.wait_for_url(re.compile(r"/vacancies/[0-9a-f-]{36}$"))
    why = page.locator("section.diagnosis")
    assert why.get_by_role("heading", name="Why nothing matches").is_visible()
    text = why.inner_text()
    assert "no legal pathway admits them" in text and "DE-BLUE-CARD" in text
    assert "Raise the wage to at least EUR 4,025 a month (EUR 48,300 a year)." in text
    check_page(page, "46-employer-why-nothing-matches")
