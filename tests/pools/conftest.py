"""Helpers for the labour pool API tests."""

from __future__ import annotations

from typing import Any

from app.db import Database
from app.pools.models import MinistryOrigin
from tests.vacancies.conftest import fake_coder, snapshot

__all__ = [
    "allow_origins",
    "fake_coder",
    "pool_payload",
    "snapshot",
]  # fixtures shared with the vacancy tests


def pool_payload(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "origin_country": "PH",
        "region": "Calabarzon",
        "occupation": "2221",
        "sector": "86",
        "headcount": 120,
        "skills": [
            {"skill": "patient-assessment", "share": 0.9},
            {"skill": "wound-care", "share": 0.6},
        ],
        "languages": [
            {"language": "en", "level": "B2", "share": 0.7},
            {"language": "de", "level": "A2", "share": 0.1},
        ],
        "isced_level": 6,
        "experience_years": 4.5,
        "available_from": "2027-01-15",
    }
    body.update(overrides)
    return body


def allow_origins(database: Database, actor: Any, *countries: str) -> None:
    """As an officer would (PUT /api/v1/ministries/{id}/origins): the actor's ministry may
    publish pools of these origins too (tests where two ministries hold one identity)."""
    with database.transaction() as s:
        s.add_all(MinistryOrigin(ministry_id=actor.org_id, origin_country=c) for c in countries)
