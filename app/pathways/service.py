"""Legal pathways, their quota usage, and exchange rates: reads, validated writes, audit.

Every write is audited in the caller's transaction and re-ranks the open vacancies it can
affect (a pathway: its destination, and the old one when that changed; a rate: all).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.orm import Session

from app import changes
from app.audit.service import record
from app.common.concurrency import check_version
from app.common.principal import Principal
from app.config import Settings
from app.db import utcnow
from app.decisions.models import Decision
from app.decisions.totals import approved_totals
from app.errors import NotFound, ProblemError, field_path, invalid
from app.pathways.models import ExchangeRate, LegalPathway
from app.pathways.schemas import ExchangeRateIn, PathwayIn, PathwayPatch, QuotaUsage
from app.pathways.values import pathway_values
from app.taxonomy.models import Occupation, Sector


def _error(loc: Sequence[str | int], message: str, type_: str) -> dict[str, Any]:
    return {"field": field_path(("body", *loc)), "message": message, "type": type_}


# ---- documents -------------------------------------------------------------------------------


def pathway_document(row: LegalPathway) -> dict[str, Any]:
    """The pathway in its input shape (that of seed_data/demo/pathways.json), JSON-ready."""
    wage = None
    if row.wage_amount is not None:
        wage = {
            "amount": str(row.wage_amount),
            "currency": row.wage_currency,
            "period": row.wage_period,
        }
    return {
        "code": row.code,
        "name": row.name,
        "destination_country": row.destination_country,
        "kind": row.kind,
        "origin_countries": list(row.origin_countries or []),
        "occupations": list(row.occupations or []),
        "excluded_occupations": list(row.excluded_occupations or []),
        "sectors": list(row.sectors or []),
        "min_isced": row.min_isced,
        "languages": [dict(lang) for lang in row.languages or []],
        "min_experience_years": row.min_experience_years,
        "wage_threshold": wage,
        "contract_types": list(row.contract_types or []),
        "max_contract_months": row.max_contract_months,
        "annual_quota": row.annual_quota,
        "government_to_government": row.government_to_government,
        "requires_employer_pays": row.requires_employer_pays,
        "valid_from": row.valid_from.isoformat() if row.valid_from else None,
        "valid_to": row.valid_to.isoformat() if row.valid_to else None,
        "source": row.source,
    }


def _audited(row: LegalPathway) -> dict[str, Any]:
    return {**pathway_document(row), "version": row.version}


# ---- reading ---------------------------------------------------------------------------------


def _filtered(
    stmt: Select[Any],
    *,
    destination: str | None,
    kind: str | None,
    origin: str | None,
    active_on: date | None,
) -> Select[Any]:
    if destination:
        stmt = stmt.where(LegalPathway.destination_country == destination)
    if kind:
        stmt = stmt.where(LegalPathway.kind == kind)
    if origin:
        # The JSON list holds validated upper-case alpha-2 codes, so its text contains '"PH"'
        # exactly when PH is listed: portable across SQLite and PostgreSQL without JSON ops.
        text = cast(LegalPathway.origin_countries, String)
        stmt = stmt.where(or_(text == "[]", text.like(f'%"{origin}"%')))
    if active_on:
        stmt = stmt.where(
            or_(LegalPathway.valid_from.is_(None), LegalPathway.valid_from <= active_on),
            or_(LegalPathway.valid_to.is_(None), LegalPathway.valid_to >= active_on),
        )
    return stmt


def list_pathways(
    session: Session,
    *,
    destination: str | None = None,
    kind: str | None = None,
    origin: str | None = None,
    active_on: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[LegalPathway], int]:
    stmt = _filtered(
        select(LegalPathway),
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    )
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(LegalPathway.code).limit(limit).offset(offset)).all()
    return list(rows), total


def all_pathways(
    session: Session,
    *,
    destination: str | None = None,
    kind: str | None = None,
    origin: str | None = None,
    active_on: date | None = None,
) -> list[LegalPathway]:
    """Every pathway list_pathways would page through, in its order (by code): an export's
    rows (a few dozen pathways, read at once)."""
    stmt = _filtered(
        select(LegalPathway),
        destination=destination,
        kind=kind,
        origin=origin,
        active_on=active_on,
    )
    return list(session.scalars(stmt.order_by(LegalPathway.code)))


def get_pathway(session: Session, code: str) -> LegalPathway:
    row = session.scalar(select(LegalPathway).where(LegalPathway.code == code.upper()))
    if row is None:
        raise NotFound("Legal pathway", code)
    return row


def current_year() -> int:
    return utcnow().year


def _used(session: Session, codes: Iterable[str], years: Iterable[int] | None) -> dict:
    """Approved headcount per (pathway code, quota year)."""
    codes = list(codes)
    if not codes:
        return {}
    where = [Decision.pathway_code.in_(codes), Decision.quota_year.is_not(None)]
    if years is not None:
        where.append(Decision.quota_year.in_(list(years)))
    return approved_totals(session, Decision.pathway_code, Decision.quota_year, where=where)


def _usage(row: LegalPathway, year: int, used: int) -> QuotaUsage:
    quota = row.annual_quota
    remaining = None if quota is None else max(quota - used, 0)
    return QuotaUsage(year=year, quota=quota, used=used, remaining=remaining)


def current_usage(session: Session, rows: Sequence[LegalPathway]) -> dict[str, QuotaUsage]:
    """Quota usage of the current calendar year for each pathway, in one query."""
    year = current_year()
    used = _used(session, [r.code for r in rows], [year])
    return {r.code: _usage(r, year, used.get((r.code, year), 0)) for r in rows}


def quota_usage(session: Session, code: str, year: int | None = None) -> list[QuotaUsage]:
    """Usage for one year, or for every year with approvals plus the current year."""
    row = get_pathway(session, code)
    used = _used(session, [row.code], None if year is None else [year])
    years = [year] if year is not None else sorted({y for _, y in used} | {current_year()})
    return [_usage(row, y, used.get((row.code, y), 0)) for y in years]


# ---- writing ---------------------------------------------------------------------------------


def _known(session: Session, column: Any, codes: Iterable[str]) -> set[str]:
    wanted = sorted(set(codes))
    if not wanted:
        return set()
    return set(session.scalars(select(column).where(column.in_(wanted))))


def has_rate(session: Session, settings: Settings, currency: str) -> bool:
    if currency == settings.base_currency:
        return True  # one unit of the base is worth one unit of the base: no rate needed
    found = session.scalar(
        select(ExchangeRate.currency).where(ExchangeRate.currency == currency).limit(1)
    )
    return found is not None


def validate_pathway(session: Session, settings: Settings, data: PathwayIn) -> None:
    """Checks that need the database or more than one field; a 422 listing every problem."""
    errors: list[dict[str, Any]] = []
    # Prefixes at any level (major group "2" to unit group "2221") are real ISCO groups.
    occupations = _known(session, Occupation.code, [*data.occupations, *data.excluded_occupations])
    for name in ("occupations", "excluded_occupations"):
        for i, code in enumerate(getattr(data, name)):
            if code not in occupations:
                errors.append(
                    _error(
                        (name, i), f"{code!r} is not an ISCO-08 occupation group", "unknown_code"
                    )
                )
    # A section letter covers all its divisions (design section 4); both must be real codes.
    sectors = _known(session, Sector.code, data.sectors)
    for i, code in enumerate(data.sectors):
        if code not in sectors:
            level = "section" if code.isalpha() else "division"
            errors.append(
                _error(("sectors", i), f"{code!r} is not an ISIC Rev.4 {level}", "unknown_code")
            )
    wage = data.wage_threshold
    if wage is not None and not has_rate(session, settings, wage.currency):
        errors.append(
            _error(
                ("wage_threshold", "currency"),
                f"there is no exchange rate for {wage.currency}; add a rate first "
                "(PUT /api/v1/exchange-rates)",
                "missing_rate",
            )
        )
    if data.valid_from and data.valid_to and data.valid_from > data.valid_to:
        errors.append(_error(("valid_to",), "must not be before valid_from", "date_order"))
    if errors:
        raise invalid(errors)


def _apply(row: LegalPathway, data: PathwayIn) -> bool:
    """Set the columns that differ; True when anything changed."""
    changed = False
    for name, value in pathway_values(data.model_dump(mode="json")).items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def create_pathway(
    session: Session, settings: Settings, actor: Principal, data: PathwayIn
) -> LegalPathway:
    if session.scalar(select(LegalPathway.id).where(LegalPathway.code == data.code)):
        raise ProblemError(409, f"A legal pathway with code {data.code} exists already.")
    validate_pathway(session, settings, data)
    row = LegalPathway(**pathway_values(data.model_dump(mode="json")))
    session.add(row)
    session.flush()
    record(session, actor, "create", "legal_pathway", row.code, None, _audited(row))
    changes.record(session, pathways=True)
    return row


def update_pathway(
    session: Session,
    settings: Settings,
    actor: Principal,
    code: str,
    patch: PathwayPatch,
    expected_version: int | None,
) -> LegalPathway:
    row = get_pathway(session, code)
    check_version("legal pathway", row.version, expected_version)
    before = _audited(row)
    # Validate the pathway as it would be after the change, so that cross-field rules
    # (valid_from <= valid_to) hold whichever of the two fields the patch touches.
    merged = {**pathway_document(row), **patch.model_dump(mode="json", exclude_unset=True)}
    data = PathwayIn.model_validate(merged)
    validate_pathway(session, settings, data)
    if not _apply(row, data):
        return row  # nothing changed: no new version, no audit event
    session.flush()  # bumps the version (a concurrent writer makes this a 409)
    record(session, actor, "update", "legal_pathway", row.code, before, _audited(row))
    changes.record(session, pathways=True)
    return row


# ---- exchange rates --------------------------------------------------------------------------


def list_rates(
    session: Session,
    *,
    currency: str | None = None,
    history: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> tuple[list[ExchangeRate], int]:
    """The latest rate of each currency, or (history) every dated rate, newest first."""
    stmt = select(ExchangeRate)
    if currency:
        stmt = stmt.where(ExchangeRate.currency == currency)
    if not history:
        latest = (
            select(ExchangeRate.currency, func.max(ExchangeRate.as_of).label("as_of"))
            .group_by(ExchangeRate.currency)
            .subquery()
        )
        stmt = stmt.join(
            latest,
            (latest.c.currency == ExchangeRate.currency) & (latest.c.as_of == ExchangeRate.as_of),
        )
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(ExchangeRate.currency, ExchangeRate.as_of.desc()).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def plain(value: Decimal) -> Decimal:
    """0.567794690000 (as the NUMERIC column returns it) -> 0.56779469, and 1.000... -> 1."""
    return Decimal(format(value.normalize(), "f"))


def _rate_document(row: ExchangeRate) -> dict[str, Any]:
    return {
        "currency": row.currency,
        "rate": str(plain(row.rate)),
        "base": row.base,
        "as_of": row.as_of.isoformat(),
    }


def put_rate(
    session: Session, settings: Settings, actor: Principal | None, data: ExchangeRateIn
) -> tuple[ExchangeRate, bool]:
    """Create or replace the rate of (currency, as_of); returns the row and whether it is new."""
    errors = []
    if data.currency == settings.base_currency and data.rate != Decimal(1):
        errors.append(
            _error(("rate",), f"{data.currency} is the base currency; its rate is 1", "base_rate")
        )
    # The newest rate is the one in use, so a future date would apply it before its time.
    if data.as_of > utcnow().date():
        errors.append(_error(("as_of",), "must not be in the future", "future_date"))
    if errors:
        raise invalid(errors)
    row = session.get(ExchangeRate, (data.currency, data.as_of))
    if row is None:
        row = ExchangeRate(
            currency=data.currency,
            as_of=data.as_of,
            rate=data.rate,
            base=settings.base_currency,
        )
        session.add(row)
        session.flush()
        record(
            session,
            actor,
            "create",
            "exchange_rate",
            f"{row.currency}@{row.as_of}",
            None,
            _rate_document(row),
        )
        created = True
    elif row.rate != data.rate:
        before = _rate_document(row)
        row.rate = data.rate
        session.flush()
        record(
            session,
            actor,
            "update",
            "exchange_rate",
            f"{row.currency}@{row.as_of}",
            before,
            _rate_document(row),
        )
        created = False
    else:
        return row, False  # the same rate again: nothing to record
    # Wages and thresholds of every destination are compared through the rates.
    changes.record(session, rates=True)
    return row, created


def pathway_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """code -> name of these pathways (one query): what pages name a pathway by."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = session.execute(
        select(LegalPathway.code, LegalPathway.name).where(LegalPathway.code.in_(wanted))
    )
    return {code: name for code, name in rows}
