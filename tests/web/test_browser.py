"""The web workspace in real headless Chromium (Debian's package, driven by Playwright's Python
package; nothing downloads a browser).

The app runs under uvicorn in a thread on 127.0.0.1 (a free port) against a fresh copy of the
demo database; each test has its own browser context (its own cookies). Screenshots of the main
pages are kept in test-artifacts/screenshots/. Every page is also checked for console errors,
which is where Chromium reports anything the Content-Security-Policy blocked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.accessibility import check_page
from tests.web.browser import shot, sign_in
from tests.web.conftest import (
    EMPLOYER_ORG,
    MINISTRY_ORG,
    OFFICER,
    OTHER_EMPLOYER_ORG,
    top_match,
)

pytestmark = pytest.mark.browser


def test_officer_walks_from_dashboard_to_why_a_pool_ranks(page, site, demo_people) -> None:
    page.goto("/")
    assert page.url.endswith("/signin?next=/")
    check_page(page, "01-signin")
    sign_in(page, demo_people, OFFICER)
    assert page.get_by_role("heading", name="Dashboard").is_visible()
    shot(page, "02-officer-dashboard")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Vacancies").click()
    page.wait_for_url(re.compile(r"/vacancies$"))
    shot(page, "03-vacancies")
    vacancy = site.vacancy_of(EMPLOYER_ORG, "Cook")
    page.get_by_label("Destination country").fill("Germany")
    page.get_by_label("Occupation", exact=True).fill("5120")
    page.get_by_role("button", name="Filter").click()
    page.locator(f'a[href="/vacancies/{vacancy.id}"]').click()
    page.wait_for_url(re.compile(f"/vacancies/{vacancy.id}$"))

    first = page.locator("li.match-card").first
    assert first.locator("svg.score-bars rect.bar-score").count() >= 5  # a bar per component
    first.get_by_text("Why it ranks here").click()
    table = first.locator("table", has_text="Score components")
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 5
    assert first.get_by_text(re.compile(r"admits the pair: origin country covered")).is_visible()
    shot(page, "04-vacancy-ranked-pools")

    page.get_by_role("link", name="Show blocked pairs and why").click()
    assert page.get_by_role("heading", name="Blocked pairs").is_visible()

    page.locator(f'a[href="/pools/{top_match(site.database, vacancy.id).pool_id}"]').first.click()
    assert page.get_by_role("heading", name=re.compile("Ranked vacancies")).is_visible()
    shot(page, "05-pool")


def test_approving_a_match_changes_the_quota(page, site, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    vacancy = site.vacancy_of(EMPLOYER_ORG, "Cook")  # a DE-THAMM-PILOT vacancy: quota 40
    page.goto(f"/vacancies/{vacancy.id}")
    quota = page.locator('.quota-line[data-pathway="DE-THAMM-PILOT"] .quota-used')
    used_before = int(quota.inner_text().split()[0])

    card = (
        page.locator("li.match-card")
        .filter(has=page.locator('a[href="/pathways/DE-THAMM-PILOT"]'))
        .first
    )
    card.get_by_label("Workers to approve").fill("3")
    card.get_by_label("Note").fill("Approved in the browser test")
    card.get_by_role("button", name="Approve").click()
    page.wait_for_url(re.compile(r"#match-"))

    assert page.get_by_role("status").filter(has_text="Approved 3 workers").is_visible()
    assert quota.inner_text() == f"{used_before + 3} of 40 used"
    history = page.get_by_role("region", name="Decisions taken")
    assert history.get_by_text("Approved in the browser test").is_visible()
    shot(page, "06-after-approval")


def test_an_upload_with_a_bad_row_shows_the_row_report(page, demo_people, tmp_path: Path) -> None:
    sign_in(page, demo_people, MINISTRY_ORG)
    shot(page, "07-ministry-dashboard")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Upload a survey").click()
    csv_file = tmp_path / "pools-with-a-bad-row.csv"
    csv_file.write_text(
        "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
        "experience_years,available_from\n"
        "PH,Central Luzon,2221,86,120,patient-assessment,en:B2:0.6,6,4.5,2027-03-01\n"
        "PH,Visayas,2221,86,many,patient-assessment,en:B2:0.6,6,4.5,2027-03-01\n"
    )
    page.get_by_label("File (.csv or .xlsx)").set_input_files(str(csv_file))
    page.get_by_label("Pool table").check()
    page.get_by_label("Reject the whole file (nothing is stored)").check()
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()

    assert page.get_by_role("alert").filter(has_text="rejected").is_visible()
    rows = page.locator("#row-report tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("th").inner_text() == "3"
    assert "headcount" in rows.first.inner_text()
    shot(page, "08-upload-row-report")


def test_the_analytics_page_draws_non_empty_charts(page, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Analytics").click()
    for name in ("occupation", "destination", "origin", "skills-gap"):
        chart = page.locator(f'figure[data-chart="{name}"] svg.chart')
        assert chart.is_visible(), name
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 20, name
        bars = chart.locator("rect")
        assert bars.count() >= 2, name
        widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
        assert max(widths) > 50, name  # drawn, not zero-width
        # Each bar explains itself on hover (SVG <title>).
        assert chart.locator("g.row > title").count() == bars.count()
    # The table next to each chart has the numbers.
    assert page.locator("#by-occupation table tbody tr").count() >= 2
    shot(page, "09-analytics")

    with page.expect_download() as download:
        page.locator('a[href="/analytics/shortage-surplus.csv?by=origin"]').click()
    text = Path(download.value.path()).read_text()
    assert text.startswith("key,label,demand,supply,balance")


def test_a_form_posted_without_its_csrf_token_is_refused(page, site, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    # Not the Cook vacancy: the approval test may have approved its one eligible pool, and an
    # approved match offers only a withdrawal.
    vacancy = site.vacancy_of(EMPLOYER_ORG, "Restaurant server")
    page.goto(f"/vacancies/{vacancy.id}")
    form = page.locator("form.decide").first
    form.locator('input[name="csrf_token"]').evaluate("input => input.remove()")
    with page.expect_response(lambda r: "/decision" in r.url) as response:
        form.get_by_role("button", name="Reject").click()
    assert response.value.status == 403
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    assert page.get_by_text("security token is missing").is_visible()
    shot(page, "10-csrf-refused")


def test_an_employer_gets_a_404_for_another_organisations_vacancy(page, site, demo_people) -> None:
    sign_in(page, demo_people, EMPLOYER_ORG)
    shot(page, "11-employer-dashboard")
    own = site.vacancy_of(EMPLOYER_ORG)
    foreign = site.vacancy_of(OTHER_EMPLOYER_ORG)
    assert page.goto(f"/vacancies/{own.id}").status == 200
    assert page.locator('button[value="approved"]').count() == 0  # employers do not decide
    shot(page, "12-employer-vacancy")
    response = page.goto(f"/vacancies/{foreign.id}")
    assert response.status == 404
    assert page.get_by_role("heading", name="Not found").is_visible()
    assert foreign.title not in page.content()
    shot(page, "13-not-found")
    page.goto("/vacancies/new")
    shot(page, "14-employer-post-vacancy")


def test_keyboard_alone_reaches_the_decision_buttons(page, site, demo_people) -> None:
    # Sign in with the keyboard too.
    page.goto("/signin")
    assert page.evaluate("document.activeElement.id") == "email"  # the field has the focus
    page.keyboard.type(demo_people[OFFICER]["email"])
    page.keyboard.press("Tab")
    page.keyboard.type(demo_people[OFFICER]["password"])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/$"))

    vacancy = site.vacancy_of(EMPLOYER_ORG, "Restaurant server")
    page.goto(f"/vacancies/{vacancy.id}")
    page.keyboard.press("Tab")  # the skip link comes first ...
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")  # ... and jumps over the navigation
    reached = None
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.tagName, document.activeElement.textContent.trim(), "
            "getComputedStyle(document.activeElement).outlineStyle]"
        )
        if focused[0] == "BUTTON" and focused[1] == "Shortlist":
            reached = focused
            break
    assert reached is not None, "Tab never reached a decision button"
    assert reached[2] != "none", "the focused button shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#match-"))  # back on the page, at the decided match
    assert page.get_by_role("status").filter(has_text="Shortlisted the match").is_visible()
    shot(page, "15-keyboard-decision")


def test_screenshots_of_the_other_main_pages(page, site, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    for path, name, heading in [
        ("/pools", "16-pools", "Labour pools"),
        ("/pathways", "17-pathways", "Legal pathways"),
        ("/pathways/DE-THAMM-PILOT", "18-pathway", re.compile("DE-THAMM-PILOT")),
        ("/audit", "19-audit", "Audit log"),
        ("/plans", "20-plans", "Allocation plans"),
        ("/analytics", "21-analytics", "Shortage"),
        ("/placements", "22-placements", "Placements"),
    ]:
        assert page.goto(path).status == 200, path
        assert page.get_by_role("heading", name=heading, exact=False).first.is_visible()
        check_page(page, name)


def test_a_filter_takes_a_country_name_and_says_why_a_name_is_none(page, demo_people) -> None:
    sign_in(page, demo_people, OFFICER)
    page.goto("/pathways")
    page.get_by_label("Destination country").fill("germany")
    page.get_by_role("button", name="Filter").click()
    assert page.get_by_label("Destination country").input_value() == "Germany (DE)"
    codes = page.locator("table tbody th a").all_inner_texts()
    assert codes and all(c.startswith("DE-") for c in codes)
    page.get_by_label("Destination country").fill("Germanyy")
    page.get_by_role("button", name="Filter").click()
    error = page.locator("#f-destination-error")
    assert "No country is called 'Germanyy'" in error.inner_text()
    assert "Germany (DE)" in error.inner_text()
    # The field is marked invalid and names its error for a screen reader.
    field = page.get_by_label("Destination country")
    assert field.get_attribute("aria-invalid") == "true"
    assert "f-destination-error" in (field.get_attribute("aria-describedby") or "")
    check_page(page, "23-filter-error")
