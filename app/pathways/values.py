"""A legal pathway's JSON form (API body, seed_data/demo/pathways.json) -> its columns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def pathway_values(p: dict[str, Any]) -> dict[str, Any]:
    """Column values of a legal pathway from its JSON form (API body or seed file)."""
    wage = p.get("wage_threshold") or {}
    return {
        "code": p["code"],
        "name": p["name"],
        "destination_country": p["destination_country"],
        "kind": p["kind"],
        "origin_countries": list(p.get("origin_countries") or []),
        "occupations": list(p.get("occupations") or []),
        "excluded_occupations": list(p.get("excluded_occupations") or []),
        "sectors": list(p.get("sectors") or []),
        "min_isced": p.get("min_isced"),
        "languages": list(p.get("languages") or []),
        "min_experience_years": p.get("min_experience_years"),
        "wage_amount": Decimal(str(wage["amount"])) if wage else None,
        "wage_currency": wage.get("currency"),
        "wage_period": wage.get("period"),
        "contract_types": list(p.get("contract_types") or []),
        "max_contract_months": p.get("max_contract_months"),
        "annual_quota": p.get("annual_quota"),
        "government_to_government": bool(p.get("government_to_government")),
        "requires_employer_pays": bool(p.get("requires_employer_pays")),
        "valid_from": _date(p.get("valid_from")),
        "valid_to": _date(p.get("valid_to")),
        "source": p.get("source", ""),
    }
