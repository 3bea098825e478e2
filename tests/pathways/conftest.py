"""Helpers for pathway tests: payloads, rates, and approved decisions built with the ORM."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.db import Database
from app.decisions.models import Decision
from app.matches.ids import pair_id
from app.matches.models import Match
from app.pathways.models import ExchangeRate
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from tests.conftest import Actor


def pathway_payload(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "code": "DE-TEST-NURSES",
        "name": "Test nurses programme",
        "destination_country": "DE",
        "kind": "g2g_programme",
        "origin_countries": ["PH", "IN"],
        "occupations": ["222", "3221"],
        "excluded_occupations": [],
        "sectors": ["Q", "86"],
        "min_isced": 5,
        "languages": [{"language": "de", "min_level": "B1"}],
        "min_experience_years": 1,
        "wage_threshold": {"amount": "2800.00", "currency": "EUR", "period": "month"},
        "contract_types": ["permanent"],
        "max_contract_months": None,
        "annual_quota": 100,
        "government_to_government": True,
        "requires_employer_pays": True,
        "valid_from": "2024-01-01",
        "valid_to": None,
        "source": "made up for the tests",
    }
    body.update(overrides)
    return body


@pytest.fixture
def rates(database: Database) -> None:
    """GBP and USD rates (EUR, the base, needs none)."""
    with database.transaction() as s:
        s.add(ExchangeRate(currency="GBP", as_of=date(2025, 1, 1), rate=Decimal("1.15")))
        s.add(ExchangeRate(currency="USD", as_of=date(2025, 1, 1), rate=Decimal("0.9")))


@pytest.fixture
def add_decision(database: Database, actors: dict[str, Actor]) -> Callable[..., uuid.UUID]:
    """Store one decision on a fresh (vacancy, pool) match; approvals consume quota."""

    def add(
        pathway_code: str, quota_year: int, headcount: int, decision: str = "approved"
    ) -> uuid.UUID:
        with database.transaction() as s:
            vacancy = Vacancy(
                employer_id=actors["employer"].org_id,
                title="Nurse",
                destination_country="DE",
                occupation_code="2221",
                openings=headcount or 1,
                contract_type="permanent",
                start_date=date(quota_year, 3, 1),
            )
            pool = Pool(
                ministry_id=actors["ministry"].org_id,
                origin_country="PH",
                # A region of its own: one ministry's pools of the same identity are one pool.
                region=f"Region {uuid.uuid4().hex[:8]}",
                occupation_code="2221",
                headcount=max(headcount, 1),
                isced_level=6,
                experience_years=3.0,
            )
            s.add_all([vacancy, pool])
            s.flush()
            match = Match(
                id=pair_id(vacancy.id, pool.id),
                vacancy_id=vacancy.id,
                pool_id=pool.id,
                score=0.8,
                eligible=True,
                pathway_code=pathway_code,
                eligible_headcount=headcount,
                engine_version="test",
                weights_hash="test",
            )
            s.add(match)
            s.flush()
            row = Decision(
                match_id=match.id,
                vacancy_id=vacancy.id,
                pool_id=pool.id,
                officer_id=actors["officer"].user_id,
                decision=decision,
                headcount=headcount,
                pathway_code=pathway_code,
                quota_year=quota_year,
            )
            s.add(row)
            s.flush()
            decision_id = row.id
        return decision_id

    return add
