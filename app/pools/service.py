"""Labour pools: create (by API, or from a survey upload through `create_pools`), read, list,
update and withdraw, with the access rules of design section 8. Services flush; the request
boundary commits."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.principal import Principal, Role
from app.common.concurrency import check_version
from app.common.filters import sector_condition
from app.common.intake import (
    Errors,
    ResolvedOccupation,
    ResolvedSkills,
    check_patch_codes,
    check_sectors,
    existing_refs,
    field_error,
    join_path,
    merge,
    prefixed,
    resolve_occupation_fields,
    resolve_owner,
    resolve_skills,
)
from app.common.schemas import Page
from app.config import get_settings
from app.db import new_id, utcnow
from app.errors import NotFound, ProblemError, invalid
from app.matches import service as matches
from app.pools.mapper import pool_children, to_out
from app.pools.models import Pool, PoolLanguage, PoolSkill
from app.pools.schemas import PoolIn, PoolOut, PoolUpdate

ENTITY = "pool"
_NOT_NULL = (
    "occupation",
    "headcount",
    "skills",
    "languages",
    "isced_level",
    "experience_years",
    "status",
)

SkillRow = tuple[str, float, str | None]  # skill id, share, original text
LanguageRow = tuple[str, str, float]  # language, level, share


@dataclass(frozen=True, slots=True)
class PoolFilters:
    origin: str | None = None
    occupation: str | None = None  # an ISCO code prefix
    sector: str | None = None  # ISIC division, or a section letter
    status: str | None = None
    ministry_id: uuid.UUID | None = None


# ---- access ----------------------------------------------------------------------------------


def _readable(principal: Principal) -> None:
    # Employers will read the pools matched to their vacancies through the matches API.
    if principal.role == Role.EMPLOYER:
        raise ProblemError(
            403, "Employers read labour pools through the matches of their vacancies."
        )


def _visible(stmt: Select[Any], principal: Principal) -> Select[Any]:
    if principal.role == Role.MINISTRY:
        return stmt.where(Pool.ministry_id == principal.organisation_id)
    return stmt


def _load(session: Session, principal: Principal, pool_id: uuid.UUID, *, write: bool) -> Pool:
    if write and principal.role not in (Role.MINISTRY, Role.ADMIN):
        raise ProblemError(403, "Only ministries and admins change labour pools.")
    _readable(principal)
    pool = session.scalar(_visible(select(Pool).where(Pool.id == pool_id), principal))
    if pool is None:  # another organisation's pool is "not found": ids reveal nothing
        raise NotFound("Pool", pool_id)
    return pool


# ---- checks ----------------------------------------------------------------------------------


def _min_confidence(value: float | None) -> float:
    return get_settings().coding_min_confidence if value is None else value


def _resolve(
    session: Session, items: Mapping[int, PoolIn], *, min_confidence: float
) -> tuple[dict[int, ResolvedOccupation], dict[int, ResolvedSkills], Errors]:
    """Occupations (with ESCO occupations) and skills (free texts resolved) of every item."""
    occupations, _, occupation_errors = resolve_occupation_fields(
        session,
        {i: p.occupation for i, p in items.items()},
        {i: p.esco_occupation for i, p in items.items()},
        min_confidence=min_confidence,
    )
    skills, skill_errors = resolve_skills(
        session, {i: [s.skill for s in p.skills] for i, p in items.items()}
    )
    errors = merge(
        occupation_errors,
        check_sectors(session, {i: p.sector for i, p in items.items()}),
        skill_errors,
    )
    return occupations, skills, errors


def check_pool_codes(
    session: Session, items: list[PoolIn], *, min_confidence: float | None = None
) -> dict[int, list[dict[str, Any]]]:
    """Taxonomy errors per item index (only items with errors), with item-relative field paths
    ("occupation", "sector", "skills[2].skill"). Job titles are coded here, and the coding is
    remembered for the session, so a following `create_pools` does not code them again."""
    _, _, errors = _resolve(
        session, dict(enumerate(items)), min_confidence=_min_confidence(min_confidence)
    )
    return errors


# ---- building rows ---------------------------------------------------------------------------


def state(p: Pool, skills: Sequence[SkillRow], languages: Sequence[LanguageRow]) -> dict[str, Any]:
    """A JSON snapshot of what a client can set: audit before/after are diffs of two of these."""
    return {
        "external_ref": p.external_ref,
        "origin_country": p.origin_country,
        "region": p.region,
        "occupation": p.occupation_code,
        "occupation_coding": p.occupation_coding,
        "esco_occupation": p.esco_occupation_uri,
        "sector": p.sector_code,
        "headcount": p.headcount,
        # Sorted: a pool's skills and languages are sets, their order means nothing.
        "skills": [{"skill": s, "share": share} for s, share, _ in sorted(skills)],
        "languages": [
            {"language": lang, "level": level, "share": share}
            for lang, level, share in sorted(languages)
        ],
        "isced_level": p.isced_level,
        "experience_years": p.experience_years,
        "available_from": p.available_from.isoformat() if p.available_from else None,
        "upload_id": str(p.upload_id) if p.upload_id else None,
        "status": p.status,
    }


def _replace_children(
    session: Session,
    pool_id: uuid.UUID,
    skills: Sequence[SkillRow] | None,
    languages: Sequence[LanguageRow] | None,
    *,
    fresh: bool = False,
) -> None:
    """`fresh`: a pool created in this transaction, which has no children to delete."""
    if skills is not None:
        if not fresh:
            session.execute(delete(PoolSkill).where(PoolSkill.pool_id == pool_id))
        session.add_all(
            PoolSkill(pool_id=pool_id, skill_id=s, share=share, original_text=text)
            for s, share, text in skills
        )
    if languages is not None:
        if not fresh:
            session.execute(delete(PoolLanguage).where(PoolLanguage.pool_id == pool_id))
        session.add_all(
            PoolLanguage(pool_id=pool_id, language=lang, level=level, share=share)
            for lang, level, share in languages
        )


# ---- create ----------------------------------------------------------------------------------


def create_pools(
    session: Session,
    principal: Principal | None,
    items: list[PoolIn],
    *,
    organisation_id: uuid.UUID,
    upload_id: uuid.UUID | None = None,
    min_confidence: float | None = None,
) -> list[Pool]:
    """Create pools for the ministry `organisation_id` (the caller has authorised that). Any
    taxonomy error is a 422 with "[i].field" paths and nothing is created; an external_ref the
    ministry already uses is a 409 naming the existing pool."""
    return _create(
        session,
        principal,
        items,
        organisation_id=organisation_id,
        upload_id=upload_id,
        min_confidence=_min_confidence(min_confidence),
        path=lambda i: f"[{i}]",
    )


def _create(
    session: Session,
    principal: Principal | None,
    items: Sequence[PoolIn],
    *,
    organisation_id: uuid.UUID,
    upload_id: uuid.UUID | None,
    min_confidence: float,
    path: Callable[[int], str],
) -> list[Pool]:
    occupations, resolved_skills, errors = _resolve(
        session, dict(enumerate(items)), min_confidence=min_confidence
    )
    if errors:
        raise invalid([e for i, errs in errors.items() for e in prefixed(errs, path(i))])

    refs = [p.external_ref for p in items if p.external_ref is not None]
    existing = existing_refs(session, Pool, Pool.ministry_id == organisation_id, refs)
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        ref = item.external_ref
        if ref is None:
            continue
        if ref in existing:
            raise ProblemError(
                409,
                f"A pool with external_ref {ref!r} exists already: {existing[ref]}.",
                existing_id=str(existing[ref]),
                errors=[field_error(join_path(path(i), "external_ref"), "duplicate", "duplicate")],
            )
        if ref in seen:
            raise invalid(
                [
                    field_error(
                        join_path(path(i), "external_ref"),
                        f"external_ref {ref!r} is used by item {seen[ref]} too",
                        "duplicate",
                    )
                ]
            )
        seen[ref] = i

    now = utcnow()
    created: list[tuple[Pool, list[SkillRow], list[LanguageRow]]] = []
    for i, item in enumerate(items):
        occupation = occupations[i]
        pool = Pool(
            id=new_id(),
            ministry_id=organisation_id,
            external_ref=item.external_ref,
            origin_country=item.origin_country,
            region=item.region,
            occupation_code=occupation.code,
            occupation_coding=occupation.coding,
            esco_occupation_uri=item.esco_occupation,
            sector_code=item.sector,
            headcount=item.headcount,
            isced_level=item.isced_level,
            experience_years=item.experience_years,
            available_from=item.available_from,
            upload_id=upload_id,
            status="active",
            created_by_id=principal.user_id if principal else None,
            created_at=now,
            updated_at=now,
        )
        skills = [
            (skill, s.share, text)
            for (skill, text), s in zip(resolved_skills.get(i, []), item.skills, strict=True)
        ]
        languages = [(lang.language, lang.level, lang.share) for lang in item.languages]
        session.add(pool)
        created.append((pool, skills, languages))
    session.flush()  # parents before children: the foreign keys hold at every statement
    for pool, skills, languages in created:
        _replace_children(session, pool.id, skills, languages, fresh=True)
        record(session, principal, "create", ENTITY, pool.id, None, state(pool, skills, languages))
    session.flush()
    pools = [pool for pool, _, _ in created]
    matches.pools_changed(session, pools)
    return pools


def create_pool(
    session: Session,
    principal: Principal,
    data: PoolIn,
    *,
    ministry_id: uuid.UUID | None,
    min_confidence: float,
) -> PoolOut:
    owner = resolve_owner(session, principal, ministry_id, kind="ministry", param="ministry_id")
    pools = _create(
        session,
        principal,
        [data],
        organisation_id=owner,
        upload_id=None,
        min_confidence=min_confidence,
        path=lambda _: "body",
    )
    return to_out(session, pools)[0]


# ---- read ------------------------------------------------------------------------------------


def get_pool(session: Session, principal: Principal, pool_id: uuid.UUID) -> PoolOut:
    return to_out(session, [_load(session, principal, pool_id, write=False)])[0]


def list_pools(
    session: Session, principal: Principal, filters: PoolFilters, *, limit: int, offset: int
) -> Page[PoolOut]:
    _readable(principal)
    stmt = _visible(select(Pool), principal)
    if filters.origin:
        stmt = stmt.where(Pool.origin_country == filters.origin)
    if filters.occupation:
        stmt = stmt.where(Pool.occupation_code.startswith(filters.occupation))
    if filters.sector:
        stmt = stmt.where(sector_condition(Pool.sector_code, filters.sector))
    if filters.status:
        stmt = stmt.where(Pool.status == filters.status)
    if filters.ministry_id:
        stmt = stmt.where(Pool.ministry_id == filters.ministry_id)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(Pool.created_at.desc(), Pool.id.desc()).limit(limit).offset(offset)
    ).all()
    return Page(items=to_out(session, rows), total=total, limit=limit, offset=offset)


# ---- update ----------------------------------------------------------------------------------


def update_pool(
    session: Session,
    principal: Principal,
    pool_id: uuid.UUID,
    patch: PoolUpdate,
    *,
    expected_version: int | None,
    min_confidence: float,
) -> PoolOut:
    pool = _load(session, principal, pool_id, write=True)
    check_version(ENTITY, pool.version, expected_version)
    sent = patch.model_fields_set
    nulls = [f for f in _NOT_NULL if f in sent and getattr(patch, f) is None]
    if nulls:
        raise invalid([field_error(f"body.{f}", "may not be null", "null") for f in nulls])

    occupation, named_skills = check_patch_codes(
        session, patch, pool.esco_occupation_uri, min_confidence=min_confidence
    )

    old_skills, old_languages = pool_children(session, pool.id)
    before = state(pool, old_skills, old_languages)
    for field in (
        "region",
        "sector",
        "headcount",
        "isced_level",
        "experience_years",
        "available_from",
        "status",
    ):
        if field in sent:
            setattr(pool, "sector_code" if field == "sector" else field, getattr(patch, field))
    if occupation is not None:
        pool.occupation_code = occupation.code
        pool.occupation_coding = occupation.coding
    if "esco_occupation" in sent:
        pool.esco_occupation_uri = patch.esco_occupation
    skills = (
        [
            (skill, s.share, text)
            for (skill, text), s in zip(named_skills, patch.skills, strict=True)
        ]
        if patch.skills is not None
        else None
    )
    languages = (
        [(lang.language, lang.level, lang.share) for lang in patch.languages]
        if patch.languages is not None
        else None
    )
    after = state(
        pool,
        old_skills if skills is None else skills,
        old_languages if languages is None else languages,
    )
    keys = [k for k in after if after[k] != before[k]]
    if not keys:
        return to_out(session, [pool])[0]  # nothing changed: no new version, no event

    pool.updated_at = utcnow()
    session.flush()  # UPDATE ... WHERE version = <read>: a concurrent write fails here (409)
    _replace_children(session, pool.id, skills, languages)
    record(
        session,
        principal,
        "update",
        ENTITY,
        pool.id,
        {k: before[k] for k in keys},
        {k: after[k] for k in keys},
    )
    session.flush()
    matches.pools_changed(session, [pool])
    return to_out(session, [pool])[0]


def withdraw_pool(
    session: Session, principal: Principal, pool_id: uuid.UUID, *, expected_version: int | None
) -> PoolOut:
    pool = _load(session, principal, pool_id, write=True)
    check_version(ENTITY, pool.version, expected_version)
    if pool.status != "withdrawn":  # withdrawing twice is not an error, and not a second event
        before = pool.status
        pool.status = "withdrawn"
        pool.updated_at = utcnow()
        session.flush()
        record(
            session,
            principal,
            "withdraw",
            ENTITY,
            pool.id,
            {"status": before},
            {"status": "withdrawn"},
        )
        matches.pools_changed(session, [pool])
    return to_out(session, [pool])[0]
