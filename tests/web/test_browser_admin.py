"""The admin's whole job in real headless Chromium: sign in, create a ministry user and an API
key for it (shown once), revoke a key after confirming, disable and enable a user and reset a
password; the main pages pass the accessibility check at 1366 px and 390 px."""

from __future__ import annotations

import re

import pytest

from tests.web.accessibility import check_page
from tests.web.browser import shot, sign_in
from tests.web.conftest import MINISTRY_ORG

pytestmark = pytest.mark.browser

ADMIN = "admin@imdi-facilitation.example.org"
NEW_USER = "analyst@ph-dmw.example.org"


def test_an_admin_invites_a_ministry_user_gives_it_a_key_and_revokes_it(
    page, site, demo_people
) -> None:
    sign_in(page, demo_people, ADMIN)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Administration").click()
    page.wait_for_url(re.compile(r"/admin$"))
    assert page.get_by_role("heading", name="Administration", level=1).is_visible()
    check_page(page, "admin-overview")

    # Invite a ministry user: the organisation picked by name from its list.
    page.get_by_role("link", name="Invite a user").first.click()
    page.wait_for_url(re.compile(r"/admin/users/new$"))
    page.get_by_label("Email").fill(NEW_USER)
    page.get_by_label("Name", exact=True).fill("Data analyst")
    page.get_by_label("Organisation").fill("Department of Migrant Workers")
    page.get_by_label("Role").select_option("ministry")
    page.get_by_label("Generate a password").check()
    page.get_by_role("button", name="Invite the user").click()
    assert page.get_by_role("heading", name="User invited").is_visible()
    password = page.get_by_label(f"Password for {NEW_USER}").input_value()
    assert len(password) >= 12
    page.get_by_role("link", name="Done: go to the user").click()
    page.wait_for_url(re.compile(r"/admin/users/[0-9a-f-]{36}$"))
    user_url = page.url
    assert password not in page.content()
    assert page.get_by_text(
        f"Created the user {NEW_USER} as ministry in {MINISTRY_ORG}"
    ).is_visible()
    check_page(page, "admin-user")

    # An API key for the new user: shown once, on the page the form answers with.
    page.get_by_label("What the key is for").fill("Survey upload pipeline")
    page.get_by_role("button", name="Create the key").click()
    assert page.get_by_role("heading", name="API key created").is_visible()
    key = page.get_by_label("The API key").input_value()
    assert key.startswith("imdi_")
    check_page(page, "admin-key-created")
    page.get_by_role("link", name="Done: go to the key").click()
    page.wait_for_url(re.compile(r"/admin/keys/[0-9a-f-]{36}$"))
    assert key not in page.content()

    # The key works for the API until it is revoked.
    me = page.request.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status == 200 and me.json()["email"] == NEW_USER

    page.get_by_role("navigation", name="Administration").get_by_role(
        "link", name="API keys"
    ).click()
    page.wait_for_url(re.compile(r"/admin/keys$"))
    check_page(page, "admin-keys")
    page.get_by_label("Name, prefix or user email contains").fill("upload pipeline")
    page.get_by_role("button", name="Find").click()
    row = page.locator("tr", has_text="Survey upload pipeline")
    assert row.get_by_text("in force").is_visible()
    row.get_by_role("link", name=re.compile("Revoke")).click()
    assert page.get_by_role("heading", name="Revoke the key “Survey upload pipeline”?").is_visible()
    shot(page, "admin-key-revoke-confirm")
    page.get_by_role("button", name="Revoke the key").click()
    assert page.get_by_text("it no longer authenticates").first.is_visible()
    assert page.get_by_text("Revoked the key: it no longer authenticates").is_visible()
    me = page.request.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status == 401

    # The users list, filtered by organisation name.
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Users").click()
    page.get_by_label("Organisation").fill("Department of Migrant Workers")
    page.get_by_role("button", name="Find").click()
    assert page.get_by_role("link", name=NEW_USER).is_visible()
    check_page(page, "admin-users")

    # Disable, enable, and reset the password with one the admin sets.
    page.goto(user_url)
    page.get_by_role("button", name=f"Disable {NEW_USER}").click()
    assert page.get_by_text(f"{NEW_USER} is disabled").is_visible()
    page.get_by_role("button", name=f"Enable {NEW_USER}").click()
    assert page.get_by_text(f"{NEW_USER} is enabled").is_visible()
    page.get_by_label("Set the one below").check()
    page.get_by_label("Password (12 characters or more)").fill("short")
    page.get_by_role("button", name="Reset the password").click()
    assert page.get_by_text("at least 12 characters").first.is_visible()
    page.get_by_label("Set the one below").check()
    page.get_by_label("Password (12 characters or more)").fill("agreed on the phone today")
    page.get_by_role("button", name="Reset the password").click()
    assert page.get_by_text(f"The password of {NEW_USER} is set").is_visible()
    assert page.get_by_text("Disabled the user").is_visible()
    assert page.get_by_text("Reset the web password").is_visible()


def test_an_officer_is_refused_the_console_with_an_html_page(page, site, demo_people) -> None:
    officer = "officer1@imdi-facilitation.example.org"
    sign_in(page, demo_people, officer)
    response = page.goto("/admin/users")
    assert response is not None and response.status == 403
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    assert page.get_by_role("link", name="Administration").count() == 0
