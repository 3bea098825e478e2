"""The API docs work with the network unplugged (issue 16): Swagger UI at /docs and ReDoc at
/redoc load everything from the service, under the site's Content-Security-Policy, in Debian's
Chromium. Every request that is not to the service is aborted, as on a network without internet."""

from __future__ import annotations

import re

from tests.web import browser as browser_support

#: ReDoc's sidebar always asks for Redocly's logo from its CDN; the site's policy blocks it (it
#: never leaves the machine) and ReDoc then leaves the logo out.
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _unplugged(page, site) -> None:
    page.context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site.url)
            else route.abort("internetdisconnected")
        ),
    )


def test_swagger_ui_has_every_operation_and_an_authorize_button(page, site) -> None:
    _unplugged(page, site)
    page.goto("/docs")
    page.locator(".opblock").nth(60).wait_for()
    assert page.locator(".opblock").count() >= 70
    page.get_by_role("button", name=re.compile("Authorize")).first.click()
    dialog = page.locator(".auth-container")
    dialog.wait_for()
    assert "apiKey" in dialog.inner_text() and "Bearer" in dialog.inner_text()
    page.screenshot(path=str(browser_support.SHOTS / "docs-swagger-ui.png"))


def test_redoc_renders_the_reference_offline(browser, site) -> None:
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(browser_support.TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(site.url) else foreign.append(r.url))
    try:
        _unplugged(page, site)
        page.goto("/redoc")
        page.get_by_role("heading", name=re.compile("imdi-match")).first.wait_for()
        assert page.locator("[data-section-id^='tag/']").count() >= 10
        page.screenshot(path=str(browser_support.SHOTS / "docs-redoc.png"))
    finally:
        context.close()
    assert set(foreign) <= {REDOCLY_LOGO}
    # What the policy blocks: that logo, and two empty inline style attributes ReDoc writes
    # (its real styles are nonce'd <style> elements, which do apply). Nothing else fails.
    faults = [
        e
        for e in errors
        if REDOCLY_LOGO not in e
        and "Applying inline style violates" not in e
        and "internetdisconnected" not in e.lower()
    ]
    assert faults == []
