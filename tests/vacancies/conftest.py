"""Helpers for the vacancy API tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from app.db import Database

INTAKE_TABLES = (
    "vacancies",
    "vacancy_skills",
    "vacancy_languages",
    "pools",
    "pool_skills",
    "pool_languages",
    "audit_events",
    "idempotency_records",
)


def vacancy_payload(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Registered nurse, geriatric ward",
        "destination_country": "DE",
        "occupation": "2221",
        "sector": "86",
        "skills": [
            {"skill": "patient-assessment", "importance": "essential"},
            {"skill": "wound-care", "importance": "optional"},
        ],
        "languages": [{"language": "de", "min_level": "B1"}],
        "min_isced": 6,
        "openings": 4,
        "wage": {"amount": "3400.00", "currency": "EUR", "period": "month"},
        "contract": {"type": "permanent"},
        "start_date": "2027-03-01",
        "employer_pays_fees": True,
    }
    body.update(overrides)
    return body


@pytest.fixture
def snapshot(count_rows: Callable[[str], int]) -> Callable[[], dict[str, int]]:
    """Row counts of every table intake writes to: equal snapshots mean nothing was stored."""

    def take() -> dict[str, int]:
        return {table: count_rows(table) for table in INTAKE_TABLES}

    return take


@pytest.fixture
def pathways(database: Database) -> list[str]:
    """Two legal pathways: one to Germany, one to the United Kingdom."""
    from app.pathways.models import LegalPathway

    with database.transaction() as s:
        s.add_all([
            LegalPathway(code="DE-SKILLED", name="Skilled workers (DE)", destination_country="DE",
                         kind="work_visa"),
            LegalPathway(code="GB-HEALTH", name="Health and care visa (GB)",
                         destination_country="GB", kind="work_visa"),
        ])  # fmt: skip
    return ["DE-SKILLED", "GB-HEALTH"]


@dataclass(frozen=True)
class FakeSuggestion:
    code: str
    title: str
    confidence: float


@pytest.fixture
def fake_coder(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[Sequence[FakeSuggestion]], list[str]]:
    """Replace the job-title coder with a stub answering fixed suggestions; returns the titles it
    was asked about. The contract is suggest(session, title, description=None, k=5)."""
    from app.taxonomy import coding

    asked: list[str] = []

    def install(suggestions: Sequence[FakeSuggestion]) -> list[str]:
        def suggest(session: Any, title: str, description: str | None = None, k: int = 5):
            asked.append(title)
            return list(suggestions)[:k]

        monkeypatch.setattr(coding, "suggest", suggest)
        return asked

    return install
