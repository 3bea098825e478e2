"""Placements: reading an approval's pipeline, and recording its workers' moves.

Every move is checked against the placement as committed, under its row lock: a stage never
holds more workers than the one before passed on, none goes below zero, and nothing goes past
the approved headcount. A move that gives workers back (a refused visa, leaving before
departure) takes the approvals' locks first, in their one order, and writes a ledger row
(reviews.release), so that quota, openings and pool headcount are free for the next approval
and allocation plan. Each move is an audit event in the same transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.audit.service import record
from app.common.concurrency import check_version
from app.common.principal import Principal, Role
from app.common.schemas import Page
from app.db import as_utc, serialise_writes
from app.decisions.models import Placement, PlacementMove, PlacementStatus
from app.decisions.models import PlacementStage as Stage
from app.errors import NotFound, ProblemError, invalid
from app.intake.errors import FieldError, field_error, join_path
from app.placements import stages
from app.placements.schemas import (
    BulkMovesIn,
    MoveIn,
    MoveOut,
    PlacementFilters,
    PlacementOut,
)
from app.pools.models import Pool
from app.reviews import service as reviews
from app.vacancies.models import Vacancy
from app.webhooks.events import EventType, emit

ENTITY = "placement"


# ---- access ----------------------------------------------------------------------------------


def visible(stmt: Select[Any], principal: Principal) -> Select[Any]:
    """`stmt` over placements narrowed to those the principal may read (design section 8):
    officers and admins every one, an employer its vacancies', a ministry its pools'."""
    if principal.role in (Role.OFFICER, Role.ADMIN):
        return stmt
    if principal.role is Role.EMPLOYER:
        return stmt.where(
            Placement.vacancy_id.in_(
                select(Vacancy.id).where(Vacancy.employer_id == principal.organisation_id)
            )
        )
    if principal.role is Role.MINISTRY:
        return stmt.where(
            Placement.pool_id.in_(
                select(Pool.id).where(Pool.ministry_id == principal.organisation_id)
            )
        )
    return stmt.where(False)


def _visible_by_id(
    session: Session, principal: Principal, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Placement]:
    stmt = visible(select(Placement).where(Placement.id.in_(sorted(set(ids)))), principal)
    return {p.id: p for p in session.scalars(stmt)}


# ---- reading ---------------------------------------------------------------------------------


def to_out(placement: Placement, moves: Sequence[PlacementMove] | None = None) -> PlacementOut:
    return PlacementOut(
        id=placement.id,
        decision_id=placement.decision_id,
        match_id=placement.match_id,
        vacancy_id=placement.vacancy_id,
        pool_id=placement.pool_id,
        pathway_code=placement.pathway_code,
        quota_year=placement.quota_year,
        approved=placement.approved,
        approved_at=placement.approved_at,
        status=PlacementStatus(placement.status),
        awaiting=placement.awaiting,
        stages={stage: placement.count(stage) for stage in Stage},
        released=placement.released,
        version=placement.version,
        updated_at=placement.updated_at,
        moves=None if moves is None else [_move_out(m) for m in moves],
    )


def _move_out(m: PlacementMove) -> MoveOut:
    return MoveOut(
        id=m.id,
        from_stage=Stage(m.from_stage) if m.from_stage else None,
        to_stage=Stage(m.to_stage),
        count=m.count,
        on=m.moved_on,
        recorded_at=m.recorded_at,
        actor_id=m.actor_id,
        note=m.note,
        released=m.released,
    )


def filtered(stmt: Select[Any], filters: PlacementFilters) -> Select[Any]:
    if filters.vacancy_id:
        stmt = stmt.where(Placement.vacancy_id == filters.vacancy_id)
    if filters.pool_id:
        stmt = stmt.where(Placement.pool_id == filters.pool_id)
    if filters.pathway:
        stmt = stmt.where(Placement.pathway_code == filters.pathway)
    if filters.stage:
        stmt = stmt.where(getattr(Placement, filters.stage.value) > 0)
    if filters.status:
        stmt = stmt.where(Placement.status == filters.status)
    if filters.employer_id:
        stmt = stmt.where(
            Placement.vacancy_id.in_(
                select(Vacancy.id).where(Vacancy.employer_id == filters.employer_id)
            )
        )
    if filters.ministry_id:
        stmt = stmt.where(
            Placement.pool_id.in_(select(Pool.id).where(Pool.ministry_id == filters.ministry_id))
        )
    return stmt


def list_placements(
    session: Session,
    principal: Principal,
    filters: PlacementFilters,
    *,
    limit: int,
    offset: int,
) -> Page[PlacementOut]:
    """Placements the principal may read, newest approval first (ties by id)."""
    stmt = filtered(visible(select(Placement), principal), filters)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(Placement.approved_at.desc(), Placement.id.desc()).limit(limit).offset(offset)
    ).all()
    return Page(items=[to_out(p) for p in rows], total=total, limit=limit, offset=offset)


#: A placement's columns in a CSV export, in order: its scalar fields, then one per stage.
EXPORT_COLUMNS = (
    Placement.id,
    Placement.decision_id,
    Placement.match_id,
    Placement.vacancy_id,
    Placement.pool_id,
    Placement.pathway_code,
    Placement.quota_year,
    Placement.approved,
    Placement.approved_at,
    Placement.status,
    Placement.released,
    Placement.version,
    Placement.updated_at,
    *(getattr(Placement, stage.value) for stage in Stage),
)


def export_placements(
    session: Session, principal: Principal, filters: PlacementFilters
) -> list[tuple[Any, ...]]:
    """Every placement list_placements would page through, in its order, as EXPORT_COLUMNS'
    values (one query, no objects)."""
    stmt = filtered(visible(select(*EXPORT_COLUMNS), principal), filters)
    stmt = stmt.order_by(Placement.approved_at.desc(), Placement.id.desc())
    return [tuple(row) for row in session.execute(stmt)]


def moves_of(session: Session, placement_id: uuid.UUID) -> list[PlacementMove]:
    return list(
        session.scalars(
            select(PlacementMove)
            .where(PlacementMove.placement_id == placement_id)
            .order_by(PlacementMove.recorded_at, PlacementMove.id)
        )
    )


def get_placement(session: Session, principal: Principal, placement_id: uuid.UUID) -> PlacementOut:
    """One placement with its moves; another organisation's is a 404."""
    placement = _visible_by_id(session, principal, [placement_id]).get(placement_id)
    if placement is None:
        raise NotFound("Placement", placement_id)
    return to_out(placement, moves_of(session, placement.id))


# ---- moves -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Move:
    placement_id: uuid.UUID
    data: MoveIn
    path: str  # where the move stands in the request body, for its errors


def move(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    data: MoveIn,
    *,
    expected_version: int | None,
) -> PlacementOut:
    """Record one move on a placement (If-Match optional: the checks run on the committed
    counts under the row lock, so no move is lost without it)."""
    if not _visible_by_id(session, principal, [placement_id]):
        raise NotFound("Placement", placement_id)
    placement = _apply(session, principal, [_Move(placement_id, data, "body")], expected_version)[
        placement_id
    ]
    return to_out(placement, moves_of(session, placement_id))


def bulk_moves(session: Session, principal: Principal, data: BulkMovesIn) -> list[PlacementOut]:
    """Record moves in order, all or none. A placement the caller may not read is an item
    error like any other (its id reveals nothing: "unknown placement")."""
    items = [_Move(m.placement_id, m, f"body.moves[{i}]") for i, m in enumerate(data.moves)]
    known = _visible_by_id(session, principal, [m.placement_id for m in items])
    unknown = [
        field_error(join_path(m.path, "placement_id"), "unknown placement", "unknown_placement")
        for m in items
        if m.placement_id not in known
    ]
    if unknown:
        raise invalid(unknown)
    placements = _apply(session, principal, items, None)
    order = list(dict.fromkeys(m.placement_id for m in items))
    return [to_out(placements[i]) for i in order]


def _check_request(principal: Principal, moves: Sequence[_Move]) -> None:
    """What is wrong with the moves whatever the counts: a stage the role does not record (a
    403), a move the pipeline has not, a day ahead (a 422)."""
    forbidden: list[FieldError] = []
    errors: list[FieldError] = []
    today = datetime.now(UTC).date()
    for m in moves:
        d = m.data
        if not stages.may_record(principal.role, d.to_stage):
            side = stages.SIDE[d.to_stage]
            who = f"the {side.value} of the pair or an officer" if side else "an officer"
            forbidden.append(
                field_error(
                    join_path(m.path, "to_stage"),
                    f"'{d.to_stage.value}' is recorded by {who}",
                    "not_your_stage",
                )
            )
        if d.to_stage not in stages.NEXT[d.from_stage]:
            source = d.from_stage.value if d.from_stage else "the approved workers"
            allowed = ", ".join(sorted(s.value for s in stages.NEXT[d.from_stage])) or "none"
            errors.append(
                field_error(
                    join_path(m.path, "to_stage"),
                    f"workers move from {source} to {allowed}, not to '{d.to_stage.value}'",
                    "invalid_move",
                )
            )
        if d.on > today:
            errors.append(field_error(join_path(m.path, "on"), "is ahead of today", "future"))
    if forbidden:
        raise ProblemError(
            403,
            "; ".join(f"{e['field']}: {e['message']}" for e in forbidden),
            errors=forbidden,
        )
    if errors:
        raise invalid(errors)


def _apply(
    session: Session,
    principal: Principal,
    moves: Sequence[_Move],
    expected_version: int | None,
) -> dict[uuid.UUID, Placement]:
    _check_request(principal, moves)
    ids = sorted({m.placement_id for m in moves})
    serialise_writes(session)  # SQLite: its one write lock; PostgreSQL: row locks below
    releasing = [m for m in moves if stages.releases(m.data.from_stage, m.data.to_stage)]
    if releasing:
        unlocked = {
            p.id: p for p in session.scalars(select(Placement).where(Placement.id.in_(ids)))
        }
        reviews.lock_for_release(session, [unlocked[m.placement_id] for m in releasing])
    placements = {
        p.id: p
        for p in session.scalars(
            select(Placement)
            .where(Placement.id.in_(ids))
            .order_by(Placement.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }
    if expected_version is not None:
        for p in placements.values():
            check_version(ENTITY, p.version, expected_version)
    # The counts as the moves leave them, one after another; every check on them first.
    counts = {i: {s: p.count(s) for s in Stage} for i, p in placements.items()}
    conflicts: list[FieldError] = []
    for m in moves:
        p, d = placements[m.placement_id], m.data
        if p.status != PlacementStatus.ACTIVE:
            conflicts.append(
                field_error(m.path, "its approval was withdrawn", "placement_withdrawn")
            )
            continue
        if d.on < as_utc(p.approved_at).date():
            conflicts.append(
                field_error(
                    join_path(m.path, "on"),
                    f"is before the approval ({as_utc(p.approved_at).date()})",
                    "before_approval",
                )
            )
        now = counts[p.id]
        held = p.approved - sum(now.values()) if d.from_stage is None else now[d.from_stage]
        if d.count > held:
            where = d.from_stage.value if d.from_stage else "waiting for selection"
            conflicts.append(
                field_error(
                    join_path(m.path, "count"),
                    f"{d.count} workers moved, {held} {where}",
                    "not_enough_workers",
                    available=held,
                )
            )
            continue
        if d.from_stage is not None:
            now[d.from_stage] -= d.count
        now[d.to_stage] += d.count
    if conflicts:
        raise ProblemError(
            409,
            "; ".join(f"{e['field']}: {e['message']}" for e in conflicts),
            title="Move refused",
            code="placement_move",
            errors=conflicts,
        )
    for m in moves:
        _record_move(session, principal, placements[m.placement_id], m.data)
    session.flush()
    return placements


def _record_move(session: Session, principal: Principal, p: Placement, d: MoveIn) -> None:
    before = {"stages": {s.value: p.count(s) for s in Stage if p.count(s)}, "released": p.released}
    if d.from_stage is not None:
        setattr(p, d.from_stage.value, p.count(d.from_stage) - d.count)
    setattr(p, d.to_stage.value, p.count(d.to_stage) + d.count)
    released = d.count if stages.releases(d.from_stage, d.to_stage) else 0
    # Before the release's flush, so that the move is one UPDATE of the placement (version + 1).
    p.updated_at = datetime.now(UTC)
    if released:
        p.released += released
        reviews.release(session, principal, p, released, d.note or f"placement: {d.to_stage.value}")
    session.add(
        PlacementMove(
            placement_id=p.id,
            from_stage=d.from_stage.value if d.from_stage else None,
            to_stage=d.to_stage.value,
            count=d.count,
            moved_on=d.on,
            actor_id=principal.user_id,
            note=d.note,
            released=released,
        )
    )
    after = {"stages": {s.value: p.count(s) for s in Stage if p.count(s)}, "released": p.released}
    emit(
        session,
        EventType.PLACEMENT_MOVED,
        {
            "placement_id": str(p.id),
            "vacancy_id": str(p.vacancy_id),
            "pool_id": str(p.pool_id),
            "from_stage": d.from_stage.value if d.from_stage else None,
            "to_stage": d.to_stage.value,
            "count": d.count,
            "on": d.on.isoformat(),
            "released": released,
            "stages": after["stages"],
        },
        vacancy_id=p.vacancy_id,
        pool_id=p.pool_id,
    )
    record(
        session,
        principal,
        "move",
        ENTITY,
        p.id,
        before,
        {
            **after,
            "move": {"from": d.from_stage, "to": d.to_stage, "count": d.count, "on": str(d.on)},
        },
    )
