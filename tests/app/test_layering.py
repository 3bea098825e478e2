"""The layering itself is checked by import-linter's contracts (pyproject.toml, `make lint`,
docs/architecture.md); this checks what it cannot: the decisions app/decisions/totals.py counts
are the API's names for them."""

from __future__ import annotations

from app.decisions import totals
from app.reviews.schemas import DecisionKind


def test_counted_decisions_are_the_api_names() -> None:
    assert DecisionKind.APPROVED.value == totals.APPROVED
    assert DecisionKind.WITHDRAWN.value == totals.WITHDRAWN
