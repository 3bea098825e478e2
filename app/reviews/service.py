"""Recording decisions. Approvals consume pathway quota, vacancy openings and pool headcount,
and are serialised so that concurrent approvals can never exceed any of them. A withdrawal
takes an approval back and releases what it consumed; decisions stay append-only history, so
what is approved now is always summed as approvals less withdrawals (approved_totals)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from app.audit.service import record
from app.auth.models import Organisation
from app.common.principal import Principal, Role
from app.config import Settings
from app.db import serialise_writes
from app.decisions.models import Decision, Placement, PlacementStatus
from app.decisions.totals import RELEASED, approved_headcount, approved_totals
from app.errors import NotFound, ProblemError
from app.matches import service as matches
from app.matches.models import Match
from app.matches.service import RankedMatch
from app.pathways.models import LegalPathway
from app.pools import search as pool_search
from app.pools.models import Pool, PoolStatus
from app.reviews.schemas import DecisionIn, DecisionKind
from app.vacancies.models import Vacancy, VacancyStatus
from app.webhooks.events import EventType, emit


def _lock(
    session: Session,
    model: type[LegalPathway] | type[Vacancy] | type[Pool],
    ids: Sequence[uuid.UUID],
) -> None:
    """Hold a write lock on these rows until the transaction ends, taken in id order.

    PostgreSQL: one SELECT ... ORDER BY id FOR UPDATE (rows are locked as the ordered scan
    returns them, so every locker takes them in the same order). SQLite has no row locks; a
    no-op UPDATE takes the database write lock, which serialises the approvals that follow
    the same path (it sets updated_at to itself: a lock is no change, so the column's
    onupdate must not fire).
    """
    if not ids:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(model.id).where(model.id.in_(ids)).order_by(model.id).with_for_update()
        ).all()
    else:
        session.execute(
            update(model)
            .where(model.id.in_(ids))
            .values(version=model.version, updated_at=model.updated_at)
        )


def lock_for_approvals(
    session: Session,
    pathway_ids: Iterable[uuid.UUID],
    vacancy_ids: Iterable[uuid.UUID],
    pool_ids: Iterable[uuid.UUID],
) -> None:
    """Take, up front, every lock a batch of approvals needs, in the one order single approvals
    use (pathways, vacancies, pools; by id within each), so that a batch and single approvals
    running at the same time cannot deadlock. Row locks only: approvals in other destinations,
    and every other write, go on beside them."""
    serialise_writes(session)  # SQLite: its one write lock; PostgreSQL: nothing
    _lock(session, LegalPathway, sorted(set(pathway_ids)))
    _lock(session, Vacancy, sorted(set(vacancy_ids)))
    _lock(session, Pool, sorted(set(pool_ids)))


_LOCKED_PATHWAYS = "imdi.locked_pathways"


def lock_pairs(session: Session, vacancies: Sequence[Vacancy], pools: Sequence[Pool]) -> None:
    """The locks approving pairs of these vacancies and pools needs: every pathway of their
    destinations (any of them may be the one a pair is approved under, and their quota use
    must hold until the commit), then the vacancies and the pools."""
    destinations = sorted({v.destination_country for v in vacancies})
    pathway_rows = session.execute(
        select(LegalPathway.id, LegalPathway.code).where(
            LegalPathway.destination_country.in_(destinations)
        )
    ).all()
    lock_for_approvals(
        session, [r.id for r in pathway_rows], [v.id for v in vacancies], [p.id for p in pools]
    )
    # Approvals may use only pathways locked here (one created meanwhile is refused).
    session.info[_LOCKED_PATHWAYS] = {r.code for r in pathway_rows}
    # Every column as committed, now that the rows are locked (headcount, start date, version).
    for row in (*vacancies, *pools):
        session.refresh(row)


def _on_pair(vacancy: Vacancy, pool: Pool) -> tuple[Any, Any]:
    return (Decision.vacancy_id == vacancy.id, Decision.pool_id == pool.id)


@dataclass
class Tally:
    """Headcounts approved on the pairs, vacancies, pools and quotas (pathway, year) that
    approvals of these vacancies and pools check, read once under lock_pairs' locks and kept
    current as they approve: nothing else changes them while the locks are held. An adoption
    of a hundred assignments reads them in four statements, not five per approval."""

    pairs: dict[tuple[uuid.UUID, uuid.UUID], int]
    vacancies: dict[uuid.UUID, int]
    pools: dict[uuid.UUID, int]
    quotas: dict[tuple[str, int], int]
    pathways: dict[str, LegalPathway]

    @classmethod
    def read(cls, session: Session, vacancies: Iterable[Vacancy], pools: Iterable[Pool]) -> Tally:
        vacancies, pools = list(vacancies), list(pools)
        v_ids = sorted({v.id for v in vacancies})
        p_ids = sorted({p.id for p in pools})
        codes = session.info.get(_LOCKED_PATHWAYS)
        stmt = select(LegalPathway)
        if codes is not None:
            stmt = stmt.where(LegalPathway.code.in_(sorted(codes)))
        else:  # not under lock_pairs (a caller's own locks): the destinations' pathways
            destinations = sorted({v.destination_country for v in vacancies})
            stmt = stmt.where(LegalPathway.destination_country.in_(destinations))
        pathways = {p.code: p for p in session.scalars(stmt)}
        years = sorted({v.start_date.year for v in vacancies})
        on_vacancies, on_pools = Decision.vacancy_id.in_(v_ids), Decision.pool_id.in_(p_ids)
        pairs = approved_totals(
            session, Decision.vacancy_id, Decision.pool_id, where=(on_vacancies, on_pools)
        )
        by_vacancy = approved_totals(session, Decision.vacancy_id, where=(on_vacancies,))
        by_pool = approved_totals(session, Decision.pool_id, where=(on_pools,))
        quotas = approved_totals(
            session,
            Decision.pathway_code,
            Decision.quota_year,
            where=(Decision.pathway_code.in_(sorted(pathways)), Decision.quota_year.in_(years)),
        )
        return cls(
            pairs={(v, p): n for (v, p), n in pairs.items()},
            vacancies={v: n for (v,), n in by_vacancy.items()},
            pools={p: n for (p,), n in by_pool.items()},
            quotas={(c, y): n for (c, y), n in quotas.items()},
            pathways=pathways,
        )

    def on_pair(self, vacancy: Vacancy, pool: Pool) -> int:
        return self.pairs.get((vacancy.id, pool.id), 0)

    def on_vacancy(self, vacancy: Vacancy) -> int:
        return self.vacancies.get(vacancy.id, 0)

    def on_pool(self, pool: Pool) -> int:
        return self.pools.get(pool.id, 0)

    def quota_left(self, pathway: LegalPathway, year: int) -> int | None:
        if pathway.annual_quota is None:
            return None
        return pathway.annual_quota - self.quotas.get((pathway.code, year), 0)

    def add(self, vacancy: Vacancy, pool: Pool, pathway_code: str, headcount: int) -> None:
        _bump(self.pairs, (vacancy.id, pool.id), headcount)
        _bump(self.vacancies, vacancy.id, headcount)
        _bump(self.pools, pool.id, headcount)
        _bump(self.quotas, (pathway_code, vacancy.start_date.year), headcount)


_K = TypeVar("_K")


def _bump(counts: dict[_K, int], key: _K, n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _refuse_if_approved(
    session: Session,
    vacancy: Vacancy,
    pool: Pool,
    kind: DecisionKind,
    approved: int | None = None,
) -> None:
    """Any decision but a withdrawal on a match with workers approved is a 409: the approval
    must be taken back first (call under the pair's locks, so the answer holds). `approved`:
    the pair's approved headcount, when the caller has it."""
    if approved is None:
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
    session: Session,
    match: RankedMatch,
    vacancy: Vacancy,
    pool: Pool,
    headcount: int,
    tally: Tally,
) -> LegalPathway:
    """The checks of an approval, under lock_pairs' locks (`match`: the pair scored under
    them, by matches.evaluate; `tally`: what is approved, read under them)."""
    pathway = None
    if match.pathway_code is not None:
        # One the locks did not cover (created since) is read, to be refused below.
        pathway = tally.pathways.get(match.pathway_code) or session.scalar(
            select(LegalPathway).where(LegalPathway.code == match.pathway_code)
        )
    # First: an approved pair that the approval made ineligible (its quota used up) still
    # answers "withdraw first".
    _refuse_if_approved(session, vacancy, pool, DecisionKind.APPROVED, tally.on_pair(vacancy, pool))
    _require_open(vacancy, pool, headcount)
    # Openings before eligibility: a pair listed a moment ago whose vacancy the other
    # approvals filled is told so (with what remains), not "not eligible".
    openings_left = vacancy.openings - tally.on_vacancy(vacancy)
    if openings_left <= 0:
        raise _openings_exhausted(0, headcount)
    if not match.eligible or match.pathway_code is None:
        raise ProblemError(
            409,
            "This pair is not eligible under any legal pathway; it cannot be approved.",
            reasons=match.reasons,
        )
    if pathway is None:
        raise ProblemError(409, f"Pathway {match.pathway_code} no longer exists.")
    locked = session.info.get(_LOCKED_PATHWAYS)
    if locked is not None and pathway.code not in locked:
        raise ProblemError(
            409,
            f"Pathway {pathway.code} was created while this approval was checked; try again.",
            title="Pathways changed",
            code="pathways_changed",
        )
    year = vacancy.start_date.year
    left = tally.quota_left(pathway, year)
    if left is not None and headcount > left:
        raise ProblemError(
            409,
            f"The {year} quota of {pathway.code} has {max(left, 0)} places left; "
            f"{headcount} requested.",
            title="Quota exhausted",
            code="quota_exhausted",
            remaining=max(left, 0),
        )
    if headcount > openings_left:
        raise _openings_exhausted(openings_left, headcount)
    # Nothing is approved on the pair (refused above), so the pair can take its eligible
    # headcount, within what the pool's other approvals leave.
    pool_left = pool.headcount - tally.on_pool(pool)
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


def _openings_exhausted(left: int, headcount: int) -> ProblemError:
    return ProblemError(
        409,
        f"The vacancy has {max(left, 0)} openings left; {headcount} requested.",
        title="Openings exhausted",
        code="openings_exhausted",
        remaining=max(left, 0),
    )


def _require_open(vacancy: Vacancy, pool: Pool, headcount: int = 0) -> None:
    if vacancy.status == VacancyStatus.FILLED:  # its approvals took every opening
        raise _openings_exhausted(0, headcount)
    if vacancy.status != VacancyStatus.OPEN or pool.status != PoolStatus.ACTIVE:
        raise ProblemError(
            409,
            "Decisions are taken on open vacancies and active pools only.",
            title="Not open",
            code="not_open",
        )


def _record_decision(
    session: Session,
    principal: Principal,
    match: Match | RankedMatch,
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
    decision_recorded(session, decision)
    return decision


def decision_recorded(session: Session, decision: Decision) -> None:
    """The decision.recorded webhook event (to the vacancy's employer, the pool's ministry and
    the programme's endpoints), in the decision's transaction."""
    emit(
        session,
        EventType.DECISION_RECORDED,
        {
            "decision_id": str(decision.id),
            "match_id": str(decision.match_id),
            "vacancy_id": str(decision.vacancy_id),
            "pool_id": str(decision.pool_id),
            "decision": decision.decision,
            "headcount": decision.headcount,
            "pathway": decision.pathway_code,
        },
        vacancy_id=decision.vacancy_id,
        pool_id=decision.pool_id,
    )


def approve(
    session: Session,
    principal: Principal,
    match: RankedMatch,
    vacancy: Vacancy,
    pool: Pool,
    headcount: int,
    note: str = "",
    tally: Tally | None = None,
    stored: dict[uuid.UUID, Match] | None = None,
) -> Decision:
    """Record an approval of `headcount` workers on a match, after the checks, under
    lock_pairs' locks, `match` scored under them (quota, openings, pool headcount as they are
    now: `tally`, read under the locks, for a batch of approvals, and `stored`, the batch's
    match rows from matches.stored_many); a failed check raises a 409 ProblemError and
    records nothing. The pair's match row keeps what the approval was decided on."""
    if tally is None:
        tally = Tally.read(session, [vacancy], [pool])
    pathway = _check_approval(session, match, vacancy, pool, headcount, tally)
    row = matches.remember(session, match, stored)
    decision = _record_decision(
        session,
        principal,
        row,
        vacancy,
        pool,
        DecisionKind.APPROVED,
        note,
        headcount,
        pathway.code,
    )
    # What becomes of the approval: all its workers wait for selection.
    session.add(
        Placement(
            decision_id=decision.id,
            match_id=decision.match_id,
            vacancy_id=vacancy.id,
            pool_id=pool.id,
            pathway_code=pathway.code,
            quota_year=decision.quota_year,
            approved=headcount,
            approved_at=decision.created_at,
        )
    )
    tally.add(vacancy, pool, pathway.code, headcount)
    if tally.on_vacancy(vacancy) >= vacancy.openings:
        before = vacancy.status
        vacancy.status = VacancyStatus.FILLED
        record(
            session,
            principal,
            "fill",
            "vacancy",
            vacancy.id,
            {"status": before},
            {"status": VacancyStatus.FILLED},
        )
    return decision


def _not_approved() -> ProblemError:
    return ProblemError(
        409,
        "Nothing is approved on this match; only an approval can be withdrawn.",
        title="Not approved",
        code="not_approved",
    )


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
    openings come free is open again."""
    pair = _on_pair(vacancy, pool)
    # The locks of approvals, in their order. The pathways are those the pair's approvals
    # used (a pathway they did not lock can at worst make another approval wait or refuse).
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
        raise _not_approved()
    placements = list(
        session.scalars(
            select(Placement)
            .where(
                *_placements_on_pair(vacancy, pool),
                Placement.status == PlacementStatus.ACTIVE,
                # An earlier approval of the pair whose workers were all given back is over.
                Placement.approved > Placement.released,
            )
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    gone = sum(p.gone for p in placements)
    if gone:
        raise ProblemError(
            409,
            f"{gone} workers of this approval have departed: it can no longer be withdrawn. "
            "Record what becomes of them on its placement (arrived, left early, ...).",
            title="Workers departed",
            code="placement_departed",
            departed=gone,
        )
    for placement in placements:
        placement.status = PlacementStatus.WITHDRAWN
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
    for withdrawal in decisions:
        decision_recorded(session, withdrawal)
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
    _reopen_if_freed(session, principal, vacancy)
    return decisions


def _reopen_if_freed(session: Session, principal: Principal, vacancy: Vacancy) -> None:
    """A filled vacancy whose openings came free (a withdrawal, a release) is open again."""
    if (
        vacancy.status == VacancyStatus.FILLED
        and approved_headcount(session, Decision.vacancy_id == vacancy.id) < vacancy.openings
    ):
        vacancy.status = VacancyStatus.OPEN
        record(
            session,
            principal,
            "reopen",
            "vacancy",
            vacancy.id,
            {"status": VacancyStatus.FILLED},
            {"status": VacancyStatus.OPEN},
        )


def _placements_on_pair(vacancy: Vacancy, pool: Pool) -> tuple[Any, Any]:
    return (Placement.vacancy_id == vacancy.id, Placement.pool_id == pool.id)


def lock_for_release(session: Session, placements: Iterable[Placement]) -> None:
    """The locks of approvals (pathways, vacancies, pools, in their one order) that releasing
    workers of these placements needs; take them before locking the placements."""
    chosen = list(placements)
    pathway_ids = session.scalars(
        select(LegalPathway.id).where(
            LegalPathway.code.in_(sorted({p.pathway_code for p in chosen}))
        )
    )
    lock_for_approvals(
        session, list(pathway_ids), [p.vacancy_id for p in chosen], [p.pool_id for p in chosen]
    )


def release(
    session: Session, principal: Principal, placement: Placement, headcount: int, note: str
) -> Decision:
    """Give back `headcount` workers of a placement (refused visas, dropouts before departure):
    the quota of its pathway and year, the vacancy's openings and the pool's headcount, as a
    withdrawal does, on a ledger row of its own. Call under lock_for_release's locks."""
    decision = Decision(
        match_id=placement.match_id,
        vacancy_id=placement.vacancy_id,
        pool_id=placement.pool_id,
        officer_id=principal.user_id,
        decision=RELEASED,
        note=note,
        headcount=headcount,
        pathway_code=placement.pathway_code,
        quota_year=placement.quota_year,
    )
    session.add(decision)
    session.flush()
    vacancy = session.get(Vacancy, placement.vacancy_id)
    if vacancy is not None:
        session.refresh(vacancy, ["status", "openings"])  # as committed, under the lock
        _reopen_if_freed(session, principal, vacancy)
    return decision


def _scored(
    session: Session, settings: Settings, match_id: uuid.UUID, vacancy: Vacancy, pool: Pool
) -> RankedMatch:
    """The pair scored now (under the caller's locks); a pair that is no longer a match but
    was decided on keeps its last row; one that is neither is a 404."""
    found = matches.evaluate(session, settings, [(vacancy, pool)]).get((vacancy.id, pool.id))
    if found is not None:
        return found
    row = matches.stored(session, match_id)
    if row is None:
        raise NotFound("Match", match_id)
    return matches.RankedMatch.of_row(row)


def decide(
    session: Session,
    settings: Settings,
    principal: Principal,
    match_id: uuid.UUID,
    data: DecisionIn,
) -> Decision:
    vacancy, pool = matches.pair_of(session, principal, match_id)
    if data.decision is DecisionKind.WITHDRAWN:
        row = matches.stored(session, match_id)
        if row is None:  # never decided: nothing can be approved on it
            raise _not_approved()
        # The last row written is the one answered (more than one only when the pair's
        # approvals used more than one pathway or quota year).
        return withdraw(session, principal, row, vacancy, pool, data.note)[-1]
    # The market caught up first, outside the locks (scoring under them reads its taxonomy).
    matches.market(session, settings)
    # Under the pair's locks (the approvals' order), so that an approval cannot slip in
    # between the checks and the write; the pair is scored under them too.
    lock_pairs(session, [vacancy], [pool])
    if data.decision is DecisionKind.APPROVED:
        # Scored now, never from history: a pair that is no longer a match is not approved.
        scored = matches.evaluate(session, settings, [(vacancy, pool)])
        match = scored.get((vacancy.id, pool.id))
        if match is None:
            _refuse_if_approved(session, vacancy, pool, DecisionKind.APPROVED)
            raise ProblemError(
                409,
                "This pair is no longer a match (its occupations and skills are unrelated now); "
                "it cannot be approved.",
                title="Not a match",
                code="not_a_match",
            )
        return approve(session, principal, match, vacancy, pool, data.headcount or 0, data.note)
    _refuse_if_approved(session, vacancy, pool, data.decision)
    _require_open(vacancy, pool)
    row = matches.remember(session, _scored(session, settings, match_id, vacancy, pool))
    return _record_decision(
        session, principal, row, vacancy, pool, data.decision, data.note, 0, row.pathway_code
    )


#: What a bulk decision may record: the decisions that take no headcount and release nothing.
BULK_KINDS = (DecisionKind.SHORTLISTED, DecisionKind.REJECTED, DecisionKind.NEEDS_INFORMATION)
#: At most this many matches are decided in one bulk decision.
BULK_LIMIT = 200


def decide_many(
    session: Session,
    settings: Settings,
    principal: Principal,
    match_ids: Sequence[uuid.UUID],
    kind: DecisionKind,
    note: str = "",
) -> list[Decision]:
    """Record one decision (a shortlist, a rejection or a request for information) on each of
    these matches, all or nothing: every match is checked as decide() checks it (visible, open
    vacancy and active pool, nothing approved on it, still a match or decided on before), and
    if any fails nothing is recorded and a 409 `bulk_refused` lists each failure (`failures`:
    match_id, vacancy_id, pool_id, code, detail). The pairs are locked, tallied and scored in
    one batch (no ranking per match); each decision is audited as a single one is."""
    if kind not in BULK_KINDS:
        raise ProblemError(422, f"'{kind.value}' is decided one match at a time.", code="not_bulk")
    wanted = list(dict.fromkeys(match_ids))  # once each, in the order given
    if not wanted:
        raise ProblemError(422, "No match was selected.", code="nothing_selected")
    if len(wanted) > BULK_LIMIT:
        raise ProblemError(
            422, f"At most {BULK_LIMIT} matches are decided at once.", code="too_many"
        )
    failures: list[dict[str, Any]] = []

    def fail(match_id: uuid.UUID, pair: tuple[Vacancy, Pool] | None, exc: ProblemError) -> None:
        failures.append(
            {
                "match_id": str(match_id),
                "vacancy_id": str(pair[0].id) if pair else None,
                "pool_id": str(pair[1].id) if pair else None,
                "code": str(exc.extra.get("code", "not_found" if exc.status == 404 else "")),
                "detail": exc.detail,
            }
        )

    pairs: dict[uuid.UUID, tuple[Vacancy, Pool]] = {}
    for match_id in wanted:
        try:
            pairs[match_id] = matches.pair_of(session, principal, match_id)
        except ProblemError as exc:
            fail(match_id, None, exc)
    vacancies = list({v.id: v for v, _ in pairs.values()}.values())
    pools = list({p.id: p for _, p in pairs.values()}.values())
    matches.market(session, settings)  # caught up before the locks, as decide() does
    lock_pairs(session, vacancies, pools)
    tally = Tally.read(session, vacancies, pools)
    scored = matches.evaluate(session, settings, list(pairs.values()))
    stored = matches.stored_many(session, pairs)
    chosen: list[tuple[Vacancy, Pool, RankedMatch]] = []
    for match_id, (vacancy, pool) in pairs.items():
        try:
            _refuse_if_approved(session, vacancy, pool, kind, tally.on_pair(vacancy, pool))
            _require_open(vacancy, pool)
            match = scored.get((vacancy.id, pool.id))
            if match is None:  # no longer a match: one decided on before keeps its last row
                row = stored.get(match_id)
                if row is None:
                    raise NotFound("Match", match_id)
                match = RankedMatch.of_row(row)
            chosen.append((vacancy, pool, match))
        except ProblemError as exc:
            fail(match_id, (vacancy, pool), exc)
    if failures:
        # Checked before anything is written: nothing of the batch is recorded.
        raise ProblemError(
            409,
            f"{len(failures)} of {len(wanted)} matches cannot take the decision; nothing was "
            "recorded.",
            title="Bulk decision refused",
            code="bulk_refused",
            failures=failures,
        )
    decided: list[Decision] = []
    for vacancy, pool, match in chosen:
        row = matches.remember(session, match, stored)
        decided.append(
            _record_decision(
                session, principal, row, vacancy, pool, kind, note, 0, row.pathway_code
            )
        )
    return decided


def history(session: Session, principal: Principal, match_id: uuid.UUID) -> list[Decision]:
    matches.pair_of(session, principal, match_id)
    return list(
        session.scalars(
            select(Decision)
            .where(Decision.match_id == match_id)
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


#: The sorts of the list of decisions, each served by an index of the decisions table (its
#: rows are history: a million of them must not be sorted on read).
DECISION_SORTS: dict[str, tuple[Any, ...]] = {
    "when": (Decision.created_at,),
    "decision": (Decision.decision, Decision.created_at),
    "pathway": (Decision.pathway_code, Decision.quota_year, Decision.decision),
}
#: Newest first, as the API lists them.
DECISION_DEFAULT_SORT = "-when"


def list_decisions(
    session: Session,
    principal: Principal,
    *,
    vacancy_id: uuid.UUID | None,
    pool_id: uuid.UUID | None,
    decision: DecisionKind | None,
    limit: int,
    offset: int,
    q: str | None = None,
    sort: str | None = None,
) -> tuple[list[Decision], int]:
    """A page of the decisions the principal may read, newest first unless `sort` names one of
    DECISION_SORTS; `q` searches the vacancy's title and employer, the pool's names
    (app/pools/search.py) and the note."""
    stmt = _filtered(
        visible_decisions(select(Decision), principal), vacancy_id, pool_id, decision, q
    )
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(*_order(sort)).limit(limit).offset(offset))
    return list(rows), total


def _order(sort: str | None) -> list[Any]:
    return pool_search.order_by(sort, DECISION_SORTS, DECISION_DEFAULT_SORT, Decision.id)[1]


def _filtered(
    stmt: Select[Any],
    vacancy_id: uuid.UUID | None,
    pool_id: uuid.UUID | None,
    decision: DecisionKind | None,
    q: str | None = None,
) -> Select[Any]:
    if vacancy_id:
        stmt = stmt.where(Decision.vacancy_id == vacancy_id)
    if pool_id:
        stmt = stmt.where(Decision.pool_id == pool_id)
    if decision:
        stmt = stmt.where(Decision.decision == decision.value)
    if pool_search.words(q):
        # Each word in one of the pair's names: the vacancy's title or employer, the pool's
        # origin, region, occupation or sector, or the note.
        employer = select(Organisation.name).where(Organisation.id == Vacancy.employer_id)
        stmt = (
            stmt.join(Vacancy, Vacancy.id == Decision.vacancy_id)
            .join(Pool, Pool.id == Decision.pool_id)
            .where(
                *pool_search.matching(
                    q,
                    lambda w: pool_search.contains(Vacancy.title, w),
                    lambda w: pool_search.contains(employer.scalar_subquery(), w),
                    lambda w: pool_search.contains(Decision.note, w),
                )
            )
        )
    return stmt


# ---- CSV exports: the lists' rows as plain tuples, read in one query ---------------------------

#: A decision's columns in an export, in order (named as the API's DecisionOut fields).
EXPORT_COLUMNS: tuple[Any, ...] = (
    Decision.id,
    Decision.match_id,
    Decision.vacancy_id,
    Decision.pool_id,
    Decision.officer_id,
    Decision.decision,
    Decision.note,
    Decision.headcount,
    Decision.pathway_code,
    Decision.quota_year,
    Decision.created_at,
)


def export_decisions(
    session: Session,
    principal: Principal,
    *,
    vacancy_id: uuid.UUID | None,
    pool_id: uuid.UUID | None,
    decision: DecisionKind | None,
    q: str | None = None,
    sort: str | None = None,
) -> list[tuple[Any, ...]]:
    """Every decision list_decisions would page through, in its order (newest first unless
    `sort` says otherwise)."""
    stmt = _filtered(
        visible_decisions(select(*EXPORT_COLUMNS), principal), vacancy_id, pool_id, decision, q
    )
    stmt = stmt.order_by(*_order(sort))
    return [tuple(row) for row in session.execute(stmt)]


def export_history(
    session: Session, principal: Principal, match_id: uuid.UUID
) -> list[tuple[Any, ...]]:
    """A match's decisions as history() reads them (oldest first; a 404 as there)."""
    matches.pair_of(session, principal, match_id)
    stmt = (
        select(*EXPORT_COLUMNS)
        .where(Decision.match_id == match_id)
        .order_by(Decision.created_at, Decision.id)
    )
    return [tuple(row) for row in session.execute(stmt)]
