"""Pathways as the API writes them: the JSON document and the CSV row (the API's export and the
pathways page's download share them)."""

from __future__ import annotations

from typing import Any

from app.pathways import service
from app.pathways.models import LegalPathway
from app.pathways.schemas import PathwayOut, QuotaUsage


def to_out(row: LegalPathway, usage: QuotaUsage) -> PathwayOut:
    return PathwayOut.model_validate(
        {
            **service.pathway_document(row),
            "id": row.id,
            "version": row.version,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "quota_usage": usage,
        }
    )


#: A pathway's CSV columns: PathwayOut's fields in order, its objects flattened.
PATHWAY_COLUMNS = (
    "code",
    "name",
    "destination_country",
    "kind",
    "origin_countries",
    "occupations",
    "excluded_occupations",
    "sectors",
    "min_isced",
    "languages",
    "min_experience_years",
    "wage_threshold_amount",
    "wage_threshold_currency",
    "wage_threshold_period",
    "contract_types",
    "max_contract_months",
    "annual_quota",
    "government_to_government",
    "requires_employer_pays",
    "valid_from",
    "valid_to",
    "source",
    "id",
    "version",
    "created_at",
    "updated_at",
    "quota_usage_year",
    "quota_usage_quota",
    "quota_usage_used",
    "quota_usage_remaining",
)


def cells(row: LegalPathway, usage: QuotaUsage) -> tuple[Any, ...]:
    out = to_out(row, usage).model_dump(mode="json")
    wage = out["wage_threshold"] or {}
    joined = {
        name: ";".join(out[name])
        for name in ("origin_countries", "occupations", "excluded_occupations", "sectors")
    }
    return (
        out["code"],
        out["name"],
        out["destination_country"],
        out["kind"],
        joined["origin_countries"],
        joined["occupations"],
        joined["excluded_occupations"],
        joined["sectors"],
        out["min_isced"],
        ";".join(f"{lang['language']}:{lang['min_level']}" for lang in out["languages"]),
        out["min_experience_years"],
        wage.get("amount"),
        wage.get("currency"),
        wage.get("period"),
        ";".join(out["contract_types"]),
        out["max_contract_months"],
        out["annual_quota"],
        flag(out["government_to_government"]),
        flag(out["requires_employer_pays"]),
        out["valid_from"],
        out["valid_to"],
        out["source"],
        out["id"],
        out["version"],
        out["created_at"],
        out["updated_at"],
        usage.year,
        usage.quota,
        usage.used,
        usage.remaining,
    )


def flag(value: bool) -> str:
    return "true" if value else "false"
