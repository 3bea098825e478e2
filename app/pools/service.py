"""Labour pools: store (by API, or from a survey upload through `store_pools`), read, list,
update, withdraw and read the history of, with the access rules of design section 8. Services
flush; the request boundary commits.

Identity and waves (design section 3). A pool's identity is (ministry, origin country, region,
occupation, sector experience); the region is compared case- and whitespace-insensitively, and a
missing region or sector is a value of its own. Storing a pool whose identity the ministry has
already (a survey wave, or POST /pools) updates that pool instead of adding a second one:

- created: no pool of the ministry has the identity; a new pool, version 1.
- updated: the pool of that identity takes the new figures (headcount, skills, languages, ISCED,
  experience, availability, region spelling, ESCO occupation; the source becomes the upload, or
  the API), version + 1; its previous figures are kept as a PoolVersion, and an audit event
  holds before/after (the version and what changed). This holds even when the figures are the
  same as the current ones (the same table sent again in another format): every wave that names
  a pool is a version of it, so its history shows when the ministry last confirmed it. A
  withdrawn pool of that identity comes back as active. When the ministry has several pools of
  the identity (only one may be active), the active one is updated, else the most recently
  changed withdrawn one.

Two items of one request with the same identity are refused (a survey upload reports them as
row errors). `withdraw_among` (an upload's replace=true) withdraws the pools of that list whose
identity the items do not name, through the same path as POST /pools/{id}/withdraw. The matches
of every created, updated and withdrawn pool are re-ranked once, together.

The partial unique index on (ministry_id, identity_key) over active pools makes the rule hold
under concurrency: writers take the write lock before they look pools up (PostgreSQL), and a
writer that still loses a race (SQLite reads before its first write) gets a 409, not a second
pool.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import changes
from app.audit.service import record, record_many
from app.common.concurrency import check_version
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.db import as_utc, bulk_insert, new_id, serialise_writes, settings_of, utcnow
from app.errors import NotFound, ProblemError, invalid
from app.intake import listing
from app.intake.coded import ItemCodes, check_item_codes, check_patch_codes, refuse_nulls
from app.intake.codes import existing_refs
from app.intake.errors import Errors, field_error, join_path, prefixed
from app.intake.occupations import ResolvedOccupation, resolve_occupation_fields
from app.intake.owners import resolve_owner
from app.pools import origins, search
from app.pools.mapper import pool_children, to_out
from app.pools.models import Pool, PoolLanguage, PoolSkill, PoolStatus, PoolVersion, identity_key
from app.pools.schemas import PoolFilters, PoolIn, PoolOut, PoolUpdate, PoolVersionOut
from app.taxonomy import lookup

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
#: Ids or keys per IN (...) list: well under SQLite's and PostgreSQL's bind-parameter limits.
_CHUNK = 5_000

SkillRow = tuple[str, float, str | None]  # skill id, share, original text
LanguageRow = tuple[str, str, float]  # language, level, share
Outcome = Literal["created", "updated"]


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


def _min_confidence(session: Session, value: float | None) -> float:
    return settings_of(session).coding_min_confidence if value is None else value


def _resolve(
    session: Session,
    items: Mapping[int, PoolIn],
    *,
    min_confidence: float,
    organisation_id: uuid.UUID | None = None,
) -> tuple[ItemCodes, Errors]:
    """The codes of every item, and (given the ministry) the origins it may not publish."""
    return check_item_codes(
        session,
        items,
        min_confidence=min_confidence,
        more_errors=origins.origin_errors(session, organisation_id, items)
        if organisation_id
        else None,
    )


def check_pool_codes(
    session: Session,
    items: list[PoolIn],
    *,
    organisation_id: uuid.UUID,
    min_confidence: float | None = None,
) -> dict[int, list[dict[str, Any]]]:
    """Taxonomy and origin errors per item index (only items with errors), with item-relative
    field paths ("occupation", "sector", "skills[2].skill", "origin_country"). Job titles are
    coded here, and the coding is remembered for the session, so a following `store_pools`
    does not code them again."""
    _, errors = _resolve(
        session,
        dict(enumerate(items)),
        min_confidence=_min_confidence(session, min_confidence),
        organisation_id=organisation_id,
    )
    return errors


# ---- identity --------------------------------------------------------------------------------


def _key(item: PoolIn, occupation_code: str) -> str:
    return identity_key(item.origin_country, item.region, occupation_code, item.sector)


def identity_keys(
    session: Session, items: Sequence[PoolIn], *, min_confidence: float | None = None
) -> dict[int, str]:
    """The identity key of each item whose occupation resolves (job titles coded, cached for
    the session); items with an unknown occupation are left out (check_pool_codes reports
    them)."""
    occupations, _, _ = resolve_occupation_fields(
        session,
        {i: p.occupation for i, p in enumerate(items)},
        {i: p.esco_occupation for i, p in enumerate(items)},
        min_confidence=_min_confidence(session, min_confidence),
    )
    return {i: _key(items[i], occupation.code) for i, occupation in occupations.items()}


def same_identity(keys: Mapping[int, str]) -> dict[int, list[int]]:
    """Index -> the other indices with the same identity key, for indices that share one."""
    groups: dict[str, list[int]] = {}
    for index, key in keys.items():
        groups.setdefault(key, []).append(index)
    return {
        index: [other for other in group if other != index]
        for group in groups.values()
        if len(group) > 1
        for index in group
    }


def describe_identity(origin: str, region: str | None, occupation: str, sector: str | None) -> str:
    """'PH, Central Luzon, 2221, sector 86': a pool identity as people read it."""
    return ", ".join(
        (
            origin,
            region or "no region",
            occupation,
            f"sector {sector}" if sector else "no sector",
        )
    )


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _preference(pool: Pool) -> tuple[bool, datetime, datetime, uuid.UUID]:
    # The active pool of an identity first; else the withdrawn one changed last.
    return (
        pool.status == PoolStatus.ACTIVE,
        as_utc(pool.updated_at),
        as_utc(pool.created_at),
        pool.id,
    )


def pools_by_identity(
    session: Session, organisation_id: uuid.UUID, keys: Iterable[str]
) -> dict[str, Pool]:
    """Identity key -> the ministry's pool of that identity (see `_preference`), one query per
    5,000 keys whatever their number."""
    found: dict[str, Pool] = {}
    for chunk in _chunks(sorted(set(keys))):
        for pool in session.scalars(
            select(Pool).where(Pool.ministry_id == organisation_id, Pool.identity_key.in_(chunk))
        ):
            best = found.get(pool.identity_key)
            if best is None or _preference(pool) > _preference(best):
                found[pool.identity_key] = pool
    return found


def _children_of(
    session: Session, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[list[SkillRow], list[LanguageRow]]]:
    """Skills and languages of many pools: one query per kind (per 5,000 pools)."""
    out: dict[uuid.UUID, tuple[list[SkillRow], list[LanguageRow]]] = {i: ([], []) for i in ids}
    for chunk in _chunks(list(ids)):
        for pool_id, skill, share, text in session.execute(
            select(PoolSkill.pool_id, PoolSkill.skill_id, PoolSkill.share, PoolSkill.original_text)
            .where(PoolSkill.pool_id.in_(chunk))
            .order_by(PoolSkill.pool_id, PoolSkill.skill_id)
        ):
            out[pool_id][0].append((skill, share, text))
        for pool_id, lang, level, share in session.execute(
            select(
                PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level, PoolLanguage.share
            )
            .where(PoolLanguage.pool_id.in_(chunk))
            .order_by(PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level)
        ):
            out[pool_id][1].append((lang, level, share))
    return out


def _identity_conflict() -> ProblemError:
    return ProblemError(
        409,
        "Another write stored a pool of the same identity (ministry, origin country, region, "
        "occupation, sector) or external_ref at the same moment; send this again: it will "
        "update that pool.",
    )


# ---- building rows ---------------------------------------------------------------------------


def state(p: Pool, skills: Sequence[SkillRow], languages: Sequence[LanguageRow]) -> dict[str, Any]:
    """A JSON snapshot of what a client can set: audit before/after are diffs of two of these,
    and a PoolVersion keeps one."""
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


def _child_rows(
    pool_id: uuid.UUID,
    skills: Sequence[SkillRow] | None,
    languages: Sequence[LanguageRow] | None,
    skill_rows: list[dict[str, Any]],
    language_rows: list[dict[str, Any]],
) -> None:
    for s, share, text in skills or ():
        skill_rows.append(
            {"pool_id": pool_id, "skill_id": s, "share": share, "original_text": text}
        )
    for lang, level, share in languages or ():
        language_rows.append({"pool_id": pool_id, "language": lang, "level": level, "share": share})


def _insert_children(
    session: Session, skill_rows: list[dict[str, Any]], language_rows: list[dict[str, Any]]
) -> None:
    """One statement per table (COPY on PostgreSQL)."""
    bulk_insert(session, PoolSkill, skill_rows)
    bulk_insert(session, PoolLanguage, language_rows)


def _replace_children(
    session: Session,
    pool_id: uuid.UUID,
    skills: Sequence[SkillRow] | None,
    languages: Sequence[LanguageRow] | None,
) -> None:
    """Replace one pool's skills (and languages) that are given (None: kept as they are)."""
    skill_rows: list[dict[str, Any]] = []
    language_rows: list[dict[str, Any]] = []
    if skills is not None:
        session.execute(delete(PoolSkill).where(PoolSkill.pool_id == pool_id))
    if languages is not None:
        session.execute(delete(PoolLanguage).where(PoolLanguage.pool_id == pool_id))
    _child_rows(pool_id, skills, languages, skill_rows, language_rows)
    _insert_children(session, skill_rows, language_rows)


def _version_row(
    principal: Principal | None,
    pool: Pool,
    before: dict[str, Any],
    *,
    version: int,
    made_at: datetime,
    action: str,
    upload_id: uuid.UUID | None,
    at: datetime,
) -> dict[str, Any]:
    """The history row keeping the figures a write is replacing (`before`, version
    `version`)."""
    return {
        "pool_id": pool.id,
        "version": version,
        "figures": before,
        "valid_from": made_at,
        "replaced_at": at,
        "replaced_by_action": action,
        "replaced_by_id": principal.user_id if principal else None,
        "replaced_by_upload_id": upload_id,
    }


def _keep_version(
    session: Session, principal: Principal | None, pool: Pool, before: dict[str, Any], **kw: Any
) -> None:
    """Keep the figures a write is replacing as history (one pool)."""
    session.execute(insert(PoolVersion), [_version_row(principal, pool, before, **kw)])


# ---- store: create or update by identity -----------------------------------------------------


@dataclass(slots=True)
class _Item:
    data: PoolIn
    occupation: ResolvedOccupation
    skills: list[SkillRow]
    languages: list[LanguageRow]
    key: str


@dataclass(slots=True)
class PoolPlan:
    """What storing some items as pools of one ministry does, worked out before any write (a
    dry run reports it as it is)."""

    organisation_id: uuid.UUID
    items: list[_Item]
    #: Per item: created | updated.
    outcomes: list[Outcome]
    #: Item index -> the ministry's pool of the item's identity.
    matched: dict[int, Pool] = field(default_factory=dict)
    #: Item index -> that pool's state before the write.
    before: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: Active pools of `withdraw_among` whose identity no item names.
    withdraw: list[Pool] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoredPools:
    #: Per item, index for index: the pool it created or updated.
    pools: list[Pool]
    outcomes: list[Outcome]
    withdrawn: list[Pool]


def _prepare(
    session: Session,
    items: Sequence[PoolIn],
    *,
    min_confidence: float,
    path: Callable[[int], str],
    organisation_id: uuid.UUID,
) -> list[_Item]:
    """Every item resolved; a taxonomy error, an origin the ministry may not publish, or two
    items of one identity, is one 422."""
    codes, errors = _resolve(
        session,
        dict(enumerate(items)),
        min_confidence=min_confidence,
        organisation_id=organisation_id,
    )
    if errors:
        raise invalid([e for i, errs in errors.items() for e in prefixed(errs, path(i))])
    prepared = [
        _Item(
            data=item,
            occupation=codes.occupations[i],
            skills=[
                (skill, s.share, text)
                for (skill, text), s in zip(codes.skills.get(i, []), item.skills, strict=True)
            ],
            languages=[(lang.language, lang.level, lang.share) for lang in item.languages],
            key=_key(item, codes.occupations[i].code),
        )
        for i, item in enumerate(items)
    ]
    twins = same_identity({i: p.key for i, p in enumerate(prepared)})
    if twins:
        raise invalid(
            [
                field_error(
                    path(i),
                    f"item {i} names the same pool (origin country, region, occupation, sector) "
                    f"as item {others[0]}: one identity is one pool",
                    "duplicate",
                )
                for i, others in sorted(twins.items())
            ]
        )
    return prepared


def _check_refs(
    session: Session,
    organisation_id: uuid.UUID,
    items: Sequence[_Item],
    matched: Mapping[int, Pool],
    path: Callable[[int], str],
) -> None:
    """An external_ref names one pool: the item's own pool (same identity) may keep it."""
    refs = [p.data.external_ref for p in items if p.data.external_ref is not None]
    existing = existing_refs(session, Pool, Pool.ministry_id == organisation_id, refs)
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        ref = item.data.external_ref
        if ref is None:
            continue
        own = matched.get(i)
        if ref in existing and (own is None or existing[ref] != own.id):
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


def _assign(pool: Pool, item: _Item) -> None:
    """The item's figures (and identity spelling) onto `pool`, in memory."""
    data = item.data
    if "external_ref" in data.model_fields_set:
        pool.external_ref = data.external_ref
    pool.origin_country = data.origin_country
    pool.region = data.region
    pool.occupation_code = item.occupation.code
    pool.occupation_coding = item.occupation.coding
    pool.esco_occupation_uri = data.esco_occupation
    pool.sector_code = data.sector
    pool.headcount = data.headcount
    pool.isced_level = data.isced_level
    pool.experience_years = data.experience_years
    pool.available_from = data.available_from


def plan_pools(
    session: Session,
    items: Sequence[PoolIn],
    *,
    organisation_id: uuid.UUID,
    min_confidence: float | None = None,
    withdraw_among: Sequence[Pool] | None = None,
    path: Callable[[int], str] = lambda i: f"[{i}]",
) -> PoolPlan:
    """What `store_pools` would do with these items, without writing anything."""
    prepared = _prepare(
        session,
        items,
        min_confidence=_min_confidence(session, min_confidence),
        path=path,
        organisation_id=organisation_id,
    )
    existing = pools_by_identity(session, organisation_id, (p.key for p in prepared))
    matched = {i: existing[p.key] for i, p in enumerate(prepared) if p.key in existing}
    _check_refs(session, organisation_id, prepared, matched, path)
    children = _children_of(session, [pool.id for pool in matched.values()])
    # A matched identity is always an update, even with the same figures (module docstring).
    plan = PoolPlan(
        organisation_id=organisation_id,
        items=prepared,
        outcomes=["updated" if i in matched else "created" for i in range(len(prepared))],
        matched=matched,
        before={i: state(pool, *children[pool.id]) for i, pool in matched.items()},
    )
    if withdraw_among is not None:
        named = {p.key for p in prepared}
        plan.withdraw = [
            p
            for p in withdraw_among
            if p.status == PoolStatus.ACTIVE and p.identity_key not in named
        ]
    return plan


def store_pools(
    session: Session,
    principal: Principal | None,
    items: Sequence[PoolIn],
    *,
    organisation_id: uuid.UUID,
    upload_id: uuid.UUID | None = None,
    min_confidence: float | None = None,
    withdraw_among: Sequence[Pool] | None = None,
    path: Callable[[int], str] = lambda i: f"[{i}]",
) -> StoredPools:
    """Store `items` as pools of the ministry `organisation_id` (the caller has authorised
    that): create or update each by its identity (module docstring), and withdraw the
    pools of `withdraw_among` that no item names. Any taxonomy error, or two items of one
    identity, is a 422 with "[i]" paths and nothing is stored; an external_ref of another pool
    of the ministry is a 409 naming it."""
    serialise_writes(session)  # look up under the write lock: concurrent waves queue here
    plan = plan_pools(
        session,
        items,
        organisation_id=organisation_id,
        min_confidence=min_confidence,
        withdraw_among=withdraw_among,
        path=path,
    )
    return _apply(session, principal, plan, upload_id=upload_id)


def _apply(
    session: Session, principal: Principal | None, plan: PoolPlan, *, upload_id: uuid.UUID | None
) -> StoredPools:
    now = utcnow()
    pools: list[Pool] = []
    created: list[tuple[Pool, _Item]] = []
    updated: list[tuple[Pool, _Item, int, datetime]] = []  # pool, item, old version, made at
    for i, (item, outcome) in enumerate(zip(plan.items, plan.outcomes, strict=True)):
        if outcome == "created":
            pool = Pool(
                id=new_id(),
                ministry_id=plan.organisation_id,
                external_ref=item.data.external_ref,
                upload_id=upload_id,
                status=PoolStatus.ACTIVE,
                created_by_id=principal.user_id if principal else None,
                created_at=now,
                updated_at=now,
            )
            _assign(pool, item)
            session.add(pool)
            created.append((pool, item))
        else:
            pool = plan.matched[i]
            updated.append((pool, item, pool.version, as_utc(pool.updated_at)))
            _assign(pool, item)
            pool.upload_id = upload_id
            pool.status = PoolStatus.ACTIVE
            pool.updated_at = now  # the row is written, so its version goes up, in any case
        pools.append(pool)
    try:
        # Parents before children: the foreign keys hold at every statement. An UPDATE carries
        # WHERE version = <read>, so a concurrent change of the same pool fails here too.
        session.flush()
    except IntegrityError:
        raise _identity_conflict() from None

    changed = [pool.id for pool, *_ in updated]
    for chunk in _chunks(changed):
        session.execute(delete(PoolSkill).where(PoolSkill.pool_id.in_(chunk)))
        session.execute(delete(PoolLanguage).where(PoolLanguage.pool_id.in_(chunk)))
    # Children, versions and audit events in one statement per table (bulk: a survey wave's
    # ten thousand pools carry some 150,000 skill shares).
    skill_rows: list[dict[str, Any]] = []
    language_rows: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    events: list[tuple[str, str, uuid.UUID, dict[str, Any] | None, dict[str, Any] | None]] = []
    for pool, item in created:
        _child_rows(pool.id, item.skills, item.languages, skill_rows, language_rows)
        events.append(("create", ENTITY, pool.id, None, state(pool, item.skills, item.languages)))
    befores = {plan.matched[i].id: b for i, b in plan.before.items()}
    for pool, item, version, made_at in updated:
        _child_rows(pool.id, item.skills, item.languages, skill_rows, language_rows)
        before = befores[pool.id]
        after = state(pool, item.skills, item.languages)
        keys = [k for k in after if after[k] != before[k]]
        versions.append(
            _version_row(
                principal,
                pool,
                before,
                version=version,
                made_at=made_at,
                action="update",
                upload_id=upload_id,
                at=now,
            )
        )
        # The version first: the figures may be the same (a wave confirming them).
        events.append(
            (
                "update",
                ENTITY,
                pool.id,
                {"version": version, **{k: before[k] for k in keys}},
                {"version": pool.version, **{k: after[k] for k in keys}},
            )
        )
    _insert_children(session, skill_rows, language_rows)
    if versions:
        session.execute(insert(PoolVersion), versions)
    record_many(session, principal, events)
    session.flush()
    withdrawn = _withdraw(session, principal, plan.withdraw, upload_id=upload_id)
    changes.record(
        session,
        pools=[p.id for p, _ in created] + [p.id for p, *_ in updated] + [p.id for p in withdrawn],
    )
    return StoredPools(pools=pools, outcomes=list(plan.outcomes), withdrawn=withdrawn)


def create_pools(
    session: Session,
    principal: Principal | None,
    items: list[PoolIn],
    *,
    organisation_id: uuid.UUID,
    upload_id: uuid.UUID | None = None,
    min_confidence: float | None = None,
) -> list[Pool]:
    """`store_pools` without withdrawals: the pool of each item, index for index."""
    return store_pools(
        session,
        principal,
        items,
        organisation_id=organisation_id,
        upload_id=upload_id,
        min_confidence=min_confidence,
    ).pools


def create_pool(
    session: Session,
    principal: Principal,
    data: PoolIn,
    *,
    ministry_id: uuid.UUID | None,
) -> tuple[PoolOut, Outcome]:
    """POST /pools: a new pool, or the ministry's pool of that identity updated (version + 1,
    even when the figures are the same)."""
    owner = resolve_owner(session, principal, ministry_id, kind="ministry", param="ministry_id")
    stored = store_pools(
        session,
        principal,
        [data],
        organisation_id=owner,
        path=lambda _: "body",
    )
    return to_out(session, stored.pools)[0], stored.outcomes[0]


# ---- read ------------------------------------------------------------------------------------


#: Whether an employer may read a pool (session, employer, pool). Design section 8: only a pool
#: in the matches of its own vacancies; the matches domain knows those and registers the rule
#: (app/matches/service.py). Until it does, employers see no pool: closed, not open.
EmployerSees = Callable[[Session, Principal, Pool], bool]
_employer_sees: list[EmployerSees] = []


def employer_visibility(rule: EmployerSees) -> None:
    _employer_sees[:] = [rule]


def get_pool(session: Session, principal: Principal, pool_id: uuid.UUID) -> PoolOut:
    if principal.role == Role.EMPLOYER:
        # A pool's figures are aggregates only; any pool the employer may not see is "not found".
        pool = session.get(Pool, pool_id)
        if pool is None or not any(rule(session, principal, pool) for rule in _employer_sees):
            raise NotFound("Pool", pool_id)
        out = to_out(session, [pool])[0]
        return out.model_copy(update={"ministry_id": None, "external_ref": None, "upload_id": None})
    return to_out(session, [_load(session, principal, pool_id, write=False)])[0]


def _searched(principal: Principal, filters: PoolFilters) -> Select[Any]:
    """The pools of the list: visible to the principal, narrowed by the filters and by every
    word of the search `filters.q` (app/pools/search.py: origin, region, occupation, sector,
    external_ref)."""
    stmt = listing.filtered(_visible(select(Pool), principal), Pool, filters)
    return stmt.where(*search.matching(filters.q, lambda w: search.contains(Pool.external_ref, w)))


def list_pools(
    session: Session,
    principal: Principal,
    filters: PoolFilters,
    *,
    limit: int,
    offset: int,
    sort: str | None = None,
) -> Page[PoolOut]:
    """A page of the pools the principal may read, newest first unless `sort` names one of
    search.POOL_SORTS ("workers", "-workers", ...); `filters.q` searches their names."""
    _readable(principal)
    stmt = _searched(principal, filters)
    _, order = search.order_by(sort, search.POOL_SORTS, search.POOL_DEFAULT_SORT, Pool.id)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(*order).limit(limit).offset(offset)).all()
    return Page(items=to_out(session, rows), total=total, limit=limit, offset=offset)


#: The columns of GET /api/v1/pools.csv: PoolOut's fields, nested ones flattened.
CSV_COLUMNS = (
    "id",
    "ministry_id",
    "external_ref",
    "origin_country",
    "region",
    "occupation",
    "occupation_title",
    "occupation_coding_input",
    "occupation_coding_code",
    "occupation_coding_title",
    "occupation_coding_confidence",
    "esco_occupation",
    "sector",
    "headcount",
    "skills",
    "languages",
    "isced_level",
    "experience_years",
    "available_from",
    "upload_id",
    "status",
    "version",
    "created_at",
    "updated_at",
)


def export_pools(
    session: Session,
    principal: Principal,
    filters: PoolFilters,
    *,
    sort: str | None = None,
) -> list[tuple[Any, ...]]:
    """Every pool of the list (same filters, search, access and order: newest first unless
    `sort` says otherwise, as list_pools), as CSV rows of
    CSV_COLUMNS: one query for the pools and one each for their skills and languages (never an
    ORM object per row), materialised before the response streams. Skills and languages are
    written as the pool-table upload reads them (`skill:share`, `language:level:share`)."""
    _readable(principal)
    stmt = _searched(principal, filters)
    ids = stmt.with_only_columns(Pool.id).scalar_subquery()
    skills: dict[uuid.UUID, list[str]] = {}
    for pool_id, skill, share in session.execute(
        select(PoolSkill.pool_id, PoolSkill.skill_id, PoolSkill.share)
        .where(PoolSkill.pool_id.in_(ids))
        .order_by(PoolSkill.pool_id, PoolSkill.skill_id)
    ):
        skills.setdefault(pool_id, []).append(f"{skill}:{share:g}")
    languages: dict[uuid.UUID, list[str]] = {}
    for pool_id, lang, level, share in session.execute(
        select(PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level, PoolLanguage.share)
        .where(PoolLanguage.pool_id.in_(ids))
        .order_by(PoolLanguage.pool_id, PoolLanguage.language, PoolLanguage.level)
    ):
        languages.setdefault(pool_id, []).append(f"{lang}:{level}:{share:g}")
    p = Pool
    rows = session.execute(
        stmt.with_only_columns(
            p.id,
            p.ministry_id,
            p.external_ref,
            p.origin_country,
            p.region,
            p.occupation_code,
            p.occupation_coding,
            p.esco_occupation_uri,
            p.sector_code,
            p.headcount,
            p.isced_level,
            p.experience_years,
            p.available_from,
            p.upload_id,
            p.status,
            p.version,
            p.created_at,
            p.updated_at,
        ).order_by(*search.order_by(sort, search.POOL_SORTS, search.POOL_DEFAULT_SORT, p.id)[1])
    ).all()
    titles = lookup.unit_groups(session, {r.occupation_code for r in rows})
    out: list[tuple[Any, ...]] = []
    for r in rows:
        coding = r.occupation_coding or {}
        out.append(
            (
                r.id,
                r.ministry_id,
                r.external_ref,
                r.origin_country,
                r.region,
                r.occupation_code,
                titles.get(r.occupation_code, ""),
                coding.get("input"),
                coding.get("code"),
                coding.get("title"),
                coding.get("confidence"),
                r.esco_occupation_uri,
                r.sector_code,
                r.headcount,
                ";".join(skills.get(r.id, [])),
                ";".join(languages.get(r.id, [])),
                r.isced_level,
                r.experience_years,
                r.available_from,
                r.upload_id,
                r.status,
                r.version,
                r.created_at,
                r.updated_at,
            )
        )
    return out


def pool_history(
    session: Session, principal: Principal, pool_id: uuid.UUID, *, limit: int, offset: int
) -> Page[PoolVersionOut]:
    """The pool's versions, newest (the current figures) first; readable as the pool is.
    Who and what made a version is recorded with the version it replaced (design: a wave's
    previous figures are kept in the pool's history)."""
    pool = _load(session, principal, pool_id, write=False)
    kept = {
        v.version: v
        for v in session.scalars(select(PoolVersion).where(PoolVersion.pool_id == pool.id))
    }
    skills, languages = pool_children(session, pool.id)
    entries: list[tuple[int, dict[str, Any], datetime, datetime | None]] = [
        (pool.version, state(pool, skills, languages), pool.updated_at, None)
    ]
    entries += [
        (v.version, v.figures, v.valid_from, v.replaced_at)
        for v in sorted(kept.values(), key=lambda v: -v.version)
    ]

    def out(
        version: int, figures: dict[str, Any], made: datetime, until: datetime | None
    ) -> PoolVersionOut:
        maker = kept.get(version - 1)
        first = version == 1
        return PoolVersionOut(
            version=version,
            current=until is None,
            change="create" if first else (maker.replaced_by_action if maker else None),
            made_at=as_utc(pool.created_at if first else made),
            made_by_id=pool.created_by_id if first else (maker.replaced_by_id if maker else None),
            made_by_upload_id=(
                (uuid.UUID(figures["upload_id"]) if figures.get("upload_id") else None)
                if first
                else (maker.replaced_by_upload_id if maker else None)
            ),
            replaced_at=as_utc(until) if until else None,
            figures=figures,
        )

    page = entries[offset : offset + limit]
    return Page(items=[out(*e) for e in page], total=len(entries), limit=limit, offset=offset)


# ---- update ----------------------------------------------------------------------------------


def _check_identity_free(session: Session, pool: Pool, key: str) -> None:
    """PATCH may not move an active pool onto the identity of another active pool."""
    with session.no_autoflush:  # the patched pool itself would hit the unique index first
        other = session.scalar(
            select(Pool.id).where(
                Pool.ministry_id == pool.ministry_id,
                Pool.identity_key == key,
                Pool.status == PoolStatus.ACTIVE,
                Pool.id != pool.id,
            )
        )
    if other is not None:
        raise ProblemError(
            409,
            f"Pool {other} has this identity (origin country, region, occupation, sector) "
            "already: a ministry has one active pool per identity. Update that pool instead.",
            existing_id=str(other),
        )


def update_pool(
    session: Session,
    principal: Principal,
    pool_id: uuid.UUID,
    patch: PoolUpdate,
    *,
    expected_version: int | None,
) -> PoolOut:
    pool = _load(session, principal, pool_id, write=True)
    check_version(ENTITY, pool.version, expected_version)
    refuse_nulls(patch, _NOT_NULL)
    sent = patch.model_fields_set

    occupation, named_skills = check_patch_codes(
        session, patch, pool.esco_occupation_uri, min_confidence=_min_confidence(session, None)
    )

    old_skills, old_languages = pool_children(session, pool.id)
    before = state(pool, old_skills, old_languages)
    old_version, made_at, old_key = pool.version, as_utc(pool.updated_at), pool.identity_key
    for name in (
        "region",
        "sector",
        "headcount",
        "isced_level",
        "experience_years",
        "available_from",
        "status",
    ):
        if name in sent:
            setattr(pool, "sector_code" if name == "sector" else name, getattr(patch, name))
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

    key = pool.current_identity_key
    was_active = before["status"] == PoolStatus.ACTIVE
    if pool.status == PoolStatus.ACTIVE and (key != old_key or not was_active):
        serialise_writes(session)
        _check_identity_free(session, pool, key)
    now = utcnow()
    pool.updated_at = now
    try:
        session.flush()  # UPDATE ... WHERE version = <read>: a concurrent write fails here (409)
    except IntegrityError:
        raise _identity_conflict() from None
    _replace_children(session, pool.id, skills, languages)
    withdrawing = was_active and pool.status == PoolStatus.WITHDRAWN
    _keep_version(
        session,
        principal,
        pool,
        before,
        version=old_version,
        made_at=made_at,
        action="withdraw" if withdrawing else "update",
        upload_id=None,
        at=now,
    )
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
    changes.record(session, pools=[pool.id])
    return to_out(session, [pool])[0]


# ---- withdraw --------------------------------------------------------------------------------


def _withdraw(
    session: Session,
    principal: Principal | None,
    pools: Sequence[Pool],
    *,
    upload_id: uuid.UUID | None = None,
) -> list[Pool]:
    """Withdraw the active ones of `pools` (history and audit kept); the caller re-ranks their
    matches. Pairs with decisions stay as history (matches service)."""
    active = [p for p in pools if p.status == PoolStatus.ACTIVE]
    if not active:
        return []
    now = utcnow()
    children = _children_of(session, [p.id for p in active])
    was = [(p, state(p, *children[p.id]), p.version, as_utc(p.updated_at)) for p in active]
    for pool in active:
        pool.status = PoolStatus.WITHDRAWN
        pool.updated_at = now
    session.flush()
    for pool, before, version, made_at in was:
        _keep_version(
            session,
            principal,
            pool,
            before,
            version=version,
            made_at=made_at,
            action="withdraw",
            upload_id=upload_id,
            at=now,
        )
        record(
            session,
            principal,
            "withdraw",
            ENTITY,
            pool.id,
            {"status": PoolStatus.ACTIVE},
            {"status": PoolStatus.WITHDRAWN},
        )
    session.flush()
    return active


def withdraw_pool(
    session: Session, principal: Principal, pool_id: uuid.UUID, *, expected_version: int | None
) -> PoolOut:
    pool = _load(session, principal, pool_id, write=True)
    check_version(ENTITY, pool.version, expected_version)
    # Withdrawing twice is not an error, and not a second event.
    withdrawn = _withdraw(session, principal, [pool])
    if withdrawn:
        changes.record(session, pools=[p.id for p in withdrawn])
    return to_out(session, [pool])[0]
