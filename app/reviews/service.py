"""Recording decisions. Approvals consume pathway quota, vacancy openings and pool headcount,
and are serialised so that concurrent approvals can never exceed any of them. A withdrawal
takes an approval back and releases what it consumed; decisions stay append-only history, so
what is approved now is always summed as approvals less withdrawals (approved_totals)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.principal import Principal, Role
from app.config import Settings
from app.db import serialise_writes
from app.errors import ProblemError
from app.matches import service as matches
from app.matches.models import Match
from app.pathways.models import LegalPathway
from app.pools.models import Pool
from app.reviews.models import Decision
from app.reviews.schemas import DecisionIn, DecisionKind
from app.vacancies.models import Vacancy


def _lock(session: Session, model: type, ident: uuid.UUID) -> None:
    """Hold a write lock on one row until the transaction ends.

    PostgreSQL: SELECT ... FOR UPDATE. SQLite has no row locks; a no-op UPDATE takes the
    database write lock, which serialises the approvals that follow the same path (it sets
    updated_at to itself: a lock is no change, so the column's onupdate must not fire).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(model.id).where(model.id == ident).with_for_update())
    else:
        session.execute(
            update(model)
            .where(model.id == ident)
            .values(version=model.version, updated_at=model.updated_at)
        )


def lock_for_approvals(
    session: Session,
    pathway_ids: Iterable[uuid.UUID],
    vacancy_ids: Iterable[uuid.UUID],
    pool_ids: Iterable[uuid.UUID],
) -> None:
    """Take, up front, every lock a batch of approvals needs, in the one order single approvals
    use (the approvals lock, pathways, vacancies, pools; by id within each), so that a batch
    and single approvals running at the same time cannot deadlock."""
    serialise_writes(session)
    for model, ids in ((LegalPathway, pathway_ids), (Vacancy, vacancy_ids), (Pool, pool_ids)):
        for ident in sorted(set(ids)):
            _lock(session, model, ident)


#: An approval adds its headcount; a withdrawal records, on its own row, the headcount (and the
#: pathway and quota year) it releases, and takes it away again.
_COUNTED = (DecisionKind.APPROVED.value, DecisionKind.WITHDRAWN.value)
_SIGNED = case(
    (Decision.decision == DecisionKind.WITHDRAWN.value, -Decision.headcount),
    else_=Decision.headcount,
)


def approved_totals(
    session: Session, *keys: Any, where: Sequence[Any] = ()
) -> dict[tuple[Any, ...], int]:
    """Headcount approved now (approvals less withdrawals), grouped by the given Decision
    columns, e.g. per vacancy at once. The one place approvals are summed: quota, openings
    and pool headcount used, wherever they are shown or checked, come from here."""
    rows = session.execute(
        select(*keys, func.sum(_SIGNED))
        .where(Decision.decision.in_(_COUNTED), *where)
        .group_by(*keys)
    )
    return {tuple(row[:-1]): int(row[-1] or 0) for row in rows}


def approved_headcount(session: Session, *conditions: Any) -> int:
    """Headcount approved now on the decisions matching `conditions` (one total)."""
    return approved_totals(session, where=conditions).get((), 0)


def _on_pair(vacancy: Vacancy, pool: Pool) -> tuple[Any, Any]:
    return (Decision.vacancy_id == vacancy.id, Decision.pool_id == pool.id)


def _refuse_if_approved(session: Session, vacancy: Vacancy, pool: Pool, kind: DecisionKind) -> None:
    """Any decision but a withdrawal on a match with workers approved is a 409: the approval
    must be taken back first (call under the pair's locks, so the answer holds)."""
    approved = approved_headcount(session, *_on_pair(vacancy, pool))
    if approved > 0:
        raise ProblemError(
            409,
            f"{approved} workers are approved on this match; withdraw the approval (decision "
            f"'withdrawn', with a note) before recording '{kind.value}'.",
            title="Match approved",
            code="approved_match",
            approved=approved,
        )


def quota_left(session: Session, pathway: LegalPathway, year: int) -> int | None:
    if pathway.annual_quota is None:
        return None
    used = approved_headcount(
        session, Decision.pathway_code == pathway.code, Decision.quota_year == year
    )
    return pathway.annual_quota - used


def _check_approval(
    session: Session, match: Match, vacancy: Vacancy, pool: Pool, headcount: int
) -> LegalPathway:
    pathway = (
        session.scalar(select(LegalPathway).where(LegalPathway.code == match.pathway_code))
        if match.pathway_code is not None
        else None
    )
    # Lock in one fixed order (pathway, vacancy, pool) so concurrent approvals cannot deadlock.
    lock_for_approvals(session, [pathway.id] if pathway else [], [vacancy.id], [pool.id])
    # First: an approved pair that the approval made ineligible (its quota used up) still
    # answers "withdraw first".
    _refuse_if_approved(session, vacancy, pool, DecisionKind.APPROVED)
    _require_open(vacancy, pool)
    if not match.eligible or match.pathway_code is None:
        raise ProblemError(
            409,
            "This pair is not eligible under any legal pathway; it cannot be approved.",
            reasons=match.reasons,
        )
    if pathway is None:
        raise ProblemError(409, f"Pathway {match.pathway_code} no longer exists.")
    year = vacancy.start_date.year
    left = quota_left(session, pathway, year)
    if left is not None and headcount > left:
        raise ProblemError(
            409,
            f"The {year} quota of {pathway.code} has {max(left, 0)} places left; "
            f"{headcount} requested.",
            title="Quota exhausted",
            code="quota_exhausted",
            remaining=max(left, 0),
        )
    openings_left = vacancy.openings - approved_headcount(
        session, Decision.vacancy_id == vacancy.id
    )
    if headcount > openings_left:
        raise ProblemError(
            409,
            f"The vacancy has {max(openings_left, 0)} openings left; {headcount} requested.",
            title="Openings exhausted",
            code="openings_exhausted",
            remaining=max(openings_left, 0),
        )
    # Nothing is approved on the pair (refused above), so the pair can take its eligible
    # headcount, within what the pool's other approvals leave.
    pool_left = pool.headcount - approved_headcount(session, Decision.pool_id == pool.id)
    available = min(match.eligible_headcount, pool_left)
    if headcount > available:
        raise ProblemError(
            409,
            f"The pool has {max(available, 0)} eligible workers left for this vacancy; "
            f"{headcount} requested.",
            title="Pool exhausted",
            code="pool_exhausted",
            remaining=max(available, 0),
        )
    return pathway


def _require_open(vacancy: Vacancy, pool: Pool) -> None:
    if vacancy.status != "open" or pool.status != "active":
        raise ProblemError(409, "Decisions are taken on open vacancies and active pools only.")


def _record_decision(
    session: Session,
    principal: Principal,
    match: Match,
    vacancy: Vacancy,
    pool: Pool,
    kind: DecisionKind,
    note: str,
    headcount: int,
    pathway_code: str | None,
) -> Decision:
    decision = Decision(
        match_id=match.id,
        vacancy_id=vacancy.id,
        pool_id=pool.id,
        officer_id=principal.user_id,
        decision=kind.value,
        note=note,
        headcount=headcount,
        pathway_code=pathway_code,
        quota_year=vacancy.start_date.year,
    )
    session.add(decision)
    session.flush()
    record(
        session,
        principal,
        "decide",
        "match",
        match.id,
        None,
        {
            "decision": decision.decision,
            "headcount": headcount,
            "pathway": pathway_code,
            "note": note,
        },
    )
    return decision


def approve(
    session: Session,
    principal: Principal,
    match: Match,
    vacancy: Vacancy,
    pool: Pool,
    headcount: int,
    note: str = "",
) -> Decision:
    """Record an approval of `headcount` workers on a match, after the checks and under the
    locks of every approval (quota, openings, pool headcount); a failed check raises a 409
    ProblemError and records nothing. Does not re-rank: call rerank_after_approvals once
    the request's approvals are recorded."""
    pathway = _check_approval(session, match, vacancy, pool, headcount)
    decision = _record_decision(
        session,
        principal,
        match,
        vacancy,
        pool,
        DecisionKind.APPROVED,
        note,
        headcount,
        pathway.code,
    )
    if approved_headcount(session, Decision.vacancy_id == vacancy.id) >= vacancy.openings:
        before = vacancy.status
        vacancy.status = "filled"
        record(
            session,
            principal,
            "fill",
            "vacancy",
            vacancy.id,
            {"status": before},
            {"status": "filled"},
        )
    return decision


def withdraw(
    session: Session,
    principal: Principal,
    match: Match,
    vacancy: Vacancy,
    pool: Pool,
    note: str,
) -> list[Decision]:
    """Take back what is approved on a match, releasing exactly the quota (per pathway and
    quota year it was approved under), vacancy openings and pool headcount it consumed: one
    withdrawal row per (pathway, year) approved, each recording what it releases. A 409
    `not_approved` when nothing is approved on the pair. Allowed on a filled (or closed)
    vacancy and a withdrawn pool too: releasing is always possible. A filled vacancy whose
    openings come free is open again. Does not re-rank: call rerank_after_approvals."""
    pair = _on_pair(vacancy, pool)
    # The locks of approvals, in their order. The pathways are those the pair's approvals
    # used; read after the write lock (PostgreSQL), they cannot change before the row locks.
    serialise_writes(session)
    codes = sorted({c for (c,) in approved_totals(session, Decision.pathway_code, where=pair) if c})
    pathway_ids = session.scalars(select(LegalPathway.id).where(LegalPathway.code.in_(codes)))
    lock_for_approvals(session, list(pathway_ids), [vacancy.id], [pool.id])
    # Read under the locks: a concurrent withdrawal of the same approval has committed by now.
    held = {
        key: n
        for key, n in approved_totals(
            session, Decision.pathway_code, Decision.quota_year, where=pair
        ).items()
        if n > 0
    }
    if not held:
        raise ProblemError(
            409,
            "Nothing is approved on this match; only an approval can be withdrawn.",
            title="Not approved",
            code="not_approved",
        )
    session.refresh(vacancy, ["status", "openings"])  # as committed, now that it is locked
    released = [
        {"pathway": code, "quota_year": year, "headcount": n}
        for (code, year), n in sorted(held.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or 0))
    ]
    decisions = [
        Decision(
            match_id=match.id,
            vacancy_id=vacancy.id,
            pool_id=pool.id,
            officer_id=principal.user_id,
            decision=DecisionKind.WITHDRAWN.value,
            note=note,
            headcount=r["headcount"],
            pathway_code=r["pathway"],
            quota_year=r["quota_year"],
        )
        for r in released
    ]
    session.add_all(decisions)
    session.flush()
    record(
        session,
        principal,
        "decide",
        "match",
        match.id,
        {"approved": sum(held.values()), "by_pathway": released},
        {
            "decision": DecisionKind.WITHDRAWN.value,
            "approved": 0,
            "released": released,
            "note": note,
        },
    )
    if (
        vacancy.status == "filled"
        and approved_headcount(session, Decision.vacancy_id == vacancy.id) < vacancy.openings
    ):
        vacancy.status = "open"
        record(
            session,
            principal,
            "reopen",
            "vacancy",
            vacancy.id,
            {"status": "filled"},
            {"status": "open"},
        )
    return decisions


def rerank_after_approvals(
    session: Session,
    settings: Settings,
    vacancies: Sequence[Vacancy],
    pools: Sequence[Pool],
    decisions: Sequence[Decision],
) -> None:
    """Approvals or withdrawals (`decisions`) moved quota, openings and pool capacity: re-rank,
    in this transaction, exactly what that can change.

    - The pools: their eligible headcount for every other vacancy moved.
    - A vacancy that was filled (its other pairs leave the market) or reopened by a withdrawal.
    - Quota enters eligibility only as "used < quota": other vacancies' pairs change only when a
      pathway's quota for a year became exhausted, or free again; then the open vacancies of its
      destination starting that year are re-ranked. Otherwise no other ranking moves, which is
      what keeps an approval cheap however many vacancies the destination has.
    """
    moved: dict[tuple[str, int], int] = {}
    for d in decisions:
        if d.pathway_code is not None and d.quota_year is not None:
            sign = -1 if d.decision == DecisionKind.WITHDRAWN.value else 1
            key = (d.pathway_code, d.quota_year)
            moved[key] = moved.get(key, 0) + sign * d.headcount
    flipped: set[tuple[str, int]] = set()
    quotas = {
        p.code: p
        for p in session.scalars(
            select(LegalPathway).where(LegalPathway.code.in_(sorted({c for c, _ in moved})))
        )
    }
    for (code, year), delta in moved.items():
        pathway = quotas.get(code)
        if pathway is None or pathway.annual_quota is None or not delta:
            continue
        used = approved_headcount(
            session, Decision.pathway_code == code, Decision.quota_year == year
        )
        if (used - delta >= pathway.annual_quota) != (used >= pathway.annual_quota):
            flipped.add((pathway.destination_country, year))
    if flipped:
        matches.recompute_vacancies(
            session,
            settings,
            [
                v
                for v in matches.open_vacancies(session, sorted({d for d, _ in flipped}))
                if (v.destination_country, v.start_date.year) in flipped
            ],
        )
    withdrawn = {d.vacancy_id for d in decisions if d.decision == DecisionKind.WITHDRAWN.value}
    # A vacancy the approvals filled has left the market: its other pairs go too; one that a
    # withdrawal reopened comes back.
    changed = [
        v for v in {v.id: v for v in vacancies}.values() if v.status != "open" or v.id in withdrawn
    ]
    matches.recompute_vacancies(session, settings, changed)
    matches.recompute_pools(session, settings, list({p.id: p for p in pools}.values()))


def decide(
    session: Session,
    settings: Settings,
    principal: Principal,
    match_id: uuid.UUID,
    data: DecisionIn,
) -> Decision:
    match = matches.get_match(session, principal, match_id)
    vacancy = session.get(Vacancy, match.vacancy_id)
    pool = session.get(Pool, match.pool_id)
    assert vacancy is not None and pool is not None
    if data.decision is DecisionKind.WITHDRAWN:
        # The last row written is the one answered (more than one only when the pair's
        # approvals used more than one pathway or quota year).
        withdrawals = withdraw(session, principal, match, vacancy, pool, data.note)
        rerank_after_approvals(session, settings, [vacancy], [pool], withdrawals)
        return withdrawals[-1]
    # Matches served are always current (recomputed in the write that changed an input), so
    # the pathway and eligible headcount on the row are the ones the officer saw.
    if data.decision is DecisionKind.APPROVED:
        decision = approve(session, principal, match, vacancy, pool, data.headcount or 0, data.note)
        rerank_after_approvals(session, settings, [vacancy], [pool], [decision])
        return decision
    # Under the pair's locks (the approvals' order), so that an approval cannot slip in
    # between the check and the write.
    lock_for_approvals(session, [], [vacancy.id], [pool.id])
    _refuse_if_approved(session, vacancy, pool, data.decision)
    _require_open(vacancy, pool)
    return _record_decision(
        session, principal, match, vacancy, pool, data.decision, data.note, 0, match.pathway_code
    )


def history(session: Session, principal: Principal, match_id: uuid.UUID) -> list[Decision]:
    match = matches.get_match(session, principal, match_id)
    return list(
        session.scalars(
            select(Decision)
            .where(Decision.match_id == match.id)
            .order_by(Decision.created_at, Decision.id)
        )
    )


def visible_decisions(stmt: Select[Any], principal: Principal) -> Select[Any]:
    """`stmt` (over Decision) limited to the decisions `principal` may read: an employer's on
    its vacancies, a ministry's on its pools; officers and admins read all."""
    if principal.role is Role.EMPLOYER:
        stmt = stmt.where(
            Decision.vacancy_id.in_(
                select(Vacancy.id).where(Vacancy.employer_id == principal.organisation_id)
            )
        )
    elif principal.role is Role.MINISTRY:
        stmt = stmt.where(
            Decision.pool_id.in_(
                select(Pool.id).where(Pool.ministry_id == principal.organisation_id)
            )
        )
    return stmt


def list_decisions(
    session: Session,
    principal: Principal,
    *,
    vacancy_id: uuid.UUID | None,
    pool_id: uuid.UUID | None,
    decision: DecisionKind | None,
    limit: int,
    offset: int,
) -> tuple[list[Decision], int]:
    stmt = visible_decisions(select(Decision), principal)
    if vacancy_id:
        stmt = stmt.where(Decision.vacancy_id == vacancy_id)
    if pool_id:
        stmt = stmt.where(Decision.pool_id == pool_id)
    if decision:
        stmt = stmt.where(Decision.decision == decision.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(Decision.created_at.desc(), Decision.id.desc()).limit(limit).offset(offset)
    )
    return list(rows), total
