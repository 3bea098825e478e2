"""The pages' automated checks in Chromium: axe-core (from its npm package, tests/web/axe),
no page wider than a 390 px phone, and screenshots at 1366 px and 390 px.

axe runs through page.evaluate, which the Content-Security-Policy does not govern, so the page
under test keeps its real policy."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from tests.web.browser import shot

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
#: axe's impact levels that fail a page; "moderate" and "minor" are reported, not failed.
FAILING = ("serious", "critical")
WIDE = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@lru_cache
def axe_source() -> str:
    if not AXE.is_file():
        reason = "axe-core is not installed (`make axe` runs npm ci in tests/web/axe)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the accessibility check: {reason}")
        pytest.skip(reason)
    return AXE.read_text()


def violations(page) -> list[dict]:
    """axe's violations of the page as it stands (WCAG 2.1 A and AA rules and best practice)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """() => axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                              'best-practice']},
              resultTypes: ['violations']})"""
    )
    return result["violations"]


def _describe(found: list[dict]) -> str:
    lines = []
    for v in found:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}) at {targets}")
    return "\n".join(lines)


def check_page(page, name: str) -> None:
    """The page now open passes axe with no serious or critical violation, at desktop and at
    phone width; it does not overflow a 390 px screen; both screenshots are saved."""
    size = page.viewport_size or WIDE
    try:
        for label, viewport in (("1366", WIDE), ("390", PHONE)):
            page.set_viewport_size(viewport)
            bad = [v for v in violations(page) if v["impact"] in FAILING]
            assert not bad, f"{name} at {label} px:\n{_describe(bad)}"
            if viewport is PHONE:
                width = page.evaluate("() => document.documentElement.scrollWidth")
                assert width <= PHONE["width"], (
                    f"{name} is {width} px wide on a {PHONE['width']} px screen: something "
                    "overflows (wrap wide tables in .table-wrap)"
                )
            shot(page, f"{name}-{label}")
    finally:
        page.set_viewport_size(size)
