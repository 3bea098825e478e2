"""Shortage/surplus and skills-gap analytics, computed from ranked pairs of the market.

Where the pairs come from (`PairSource`):
- the live ranking (the default): the matches service's batch rankings (`ranked_pairs`: every
  open vacancy ranked against the active pools, from one state of the market), not stored rows
  (the matches table keeps only decided pairs);
- a batch run (`imdi batch-rank`, app/batch): the pairs it stored, as of the run's end, for
  national scales a request could not rank. Only a succeeded run that is still its scope's
  results can be read. Its pairs are taken for the vacancies still open and the pools still
  active (of the run's scope); demand and capacities are read from the database now, as for the
  live ranking. A run with a top k holds each vacancy's first k pairs only, so its supply counts
  only pools in some vacancy's top k; its skills gap has the missing skills of each vacancy's
  first `explain_top` pairs only. A scoped run covers its scope only: so do its figures (the
  source says which), never mixed with live pairs of the rest of the market. Vacancies and
  pools created after the run read its inputs are left out (it never ranked them: counting
  them would show demand without supply); ones reopened or re-activated since count as now.

Shortage and surplus (per ISCO unit group, destination country or origin country):
- demand: the openings of open vacancies less the headcount already approved for them;
- eligible supply: the distinct active pools with an eligible match in a related occupation (same
  ISCO minor group, 3 digits, as the vacancy: a pathway that admits any occupation makes cooks
  "eligible" for a software vacancy, but they are not its supply), each counted once per group
  with its largest eligible headcount among the group's matches, capped by what is left of the
  pool (headcount less its approvals). A pool matched by five vacancies of one occupation is the
  same people five times over: counting it once is what keeps supply from being inflated;
- balance = supply - demand: negative is a shortage (openings nobody eligible can fill), positive
  a surplus (eligible workers without an opening).
Grouped by origin, the demand of an origin is that of the distinct vacancies its pools are
eligible for: how much of the open demand the origin could serve.
`active_headcount` is the whole remaining headcount of the group's active pools (occupation and
origin groupings; pools have no destination), eligible or not, for context: a large active
headcount with little eligible supply points at a rule (a pathway, a quota) rather than at
missing workers.

Skills gap: for each open vacancy, its top N eligible matches (the ranking order of the matches
API), ranked with their explanations; the essential vacancy skills that a match's pool gives no
credit for are in the match's explanation (`missing_essential`). Counted per (occupation,
skill): in how many top matches the skill is missing, for how many vacancies, and the eligible
workers of those matches: the placements that training in that skill would most likely unlock.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.batch import service as batch
from app.batch.models import BatchRun, RunOutput, RunStatus
from app.batch.service import Scope
from app.common import codes
from app.common.csv_safe import to_csv
from app.config import Settings
from app.db import as_utc, utcnow
from app.decisions.models import Decision
from app.decisions.totals import approved_totals
from app.errors import ProblemError, invalid
from app.matches import adapters
from app.matches.service import market as live_market
from app.matches.service import ranked_pairs
from app.pools.models import Pool, PoolStatus
from app.taxonomy import lookup
from app.vacancies.models import Vacancy, VacancyStatus

DEFAULT_TOP_N = 10
#: Digits of the ISCO code a pool shares with a vacancy to count as its supply (minor group).
RELATED_DIGITS = 3


class GroupBy(StrEnum):
    """How shortage and surplus are grouped: by the vacancies' ISCO-08 unit group
    (occupation), their ISO 3166-1 destination country, or the pools' ISO 3166-1 origin
    country."""

    OCCUPATION = "occupation"
    DESTINATION = "destination"
    ORIGIN = "origin"


@dataclass(frozen=True, slots=True)
class BalanceRow:
    key: str
    label: str
    demand: int
    supply: int
    vacancies: int
    pools: int
    active_headcount: int | None

    @property
    def balance(self) -> int:
        return self.supply - self.demand

    @property
    def shortage(self) -> int:
        return max(self.demand - self.supply, 0)

    @property
    def surplus(self) -> int:
        return max(self.supply - self.demand, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "balance": self.balance,
            "shortage": self.shortage,
            "surplus": self.surplus,
        }


@dataclass(frozen=True, slots=True)
class SkillGapRow:
    occupation: str
    occupation_title: str
    skill: str
    skill_label: str
    matches_missing: int
    vacancies: int
    workers: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SkillTotal:
    skill: str
    skill_label: str
    matches_missing: int
    vacancies: int
    workers: int
    occupations: int


def country_name(code: str) -> str:
    return codes.countries().get(code, ("", code))[1]


# ---- where the pairs come from ---------------------------------------------------------------


class SourceKind(StrEnum):
    """live: ranked in the request from the live market; batch_run: a batch run's stored
    pairs."""

    LIVE = "live"
    BATCH_RUN = "batch_run"


@dataclass(frozen=True, slots=True)
class PairSource:
    """The pairs an analysis reads, and what they are as of."""

    kind: SourceKind
    #: Live: when the request ranked; a run: when it finished.
    as_of: datetime
    #: The change feed's position the pairs were ranked at (live: the market's when read).
    change_seq: int
    engine_version: str
    weights_hash: str
    run_id: uuid.UUID | None = None
    #: A run: when it read its inputs (what was created later it never ranked).
    inputs_at: datetime | None = None
    #: Pairs kept per vacancy (None: every eligible pair; live always).
    top_k: int | None = None
    #: A run's first pairs per vacancy with their missing essential skills (None: live, any).
    explain_top: int | None = None
    #: What the pairs cover (a run's scope; live: everything).
    scope: Scope = field(default_factory=Scope)

    @property
    def explained(self) -> int | None:
        """How many of each vacancy's first pairs carry missing skills (None: as many as
        asked). A run keeps at most top_k pairs, so no more than that are explained."""
        if self.kind is SourceKind.LIVE or self.explain_top is None:
            return None
        return self.explain_top if self.top_k is None else min(self.explain_top, self.top_k)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "run_id": self.run_id,
            "as_of": self.as_of,
            "change_seq": self.change_seq,
            "engine_version": self.engine_version,
            "weights_hash": self.weights_hash,
            "top_k": self.top_k,
            "explain_top": self.explain_top,
            "scope": self.scope.as_dict(),
        }

    @classmethod
    def of_run(cls, run: BatchRun) -> PairSource:
        return cls(
            kind=SourceKind.BATCH_RUN,
            as_of=as_utc(run.finished_at or run.started_at),
            change_seq=run.change_seq,
            engine_version=run.engine_version,
            weights_hash=run.weights_hash,
            run_id=run.id,
            inputs_at=as_utc(run.started_at),
            top_k=run.top_k,
            explain_top=run.explain_top,
            scope=Scope.of(run.scope),
        )


def live_source(session: Session, settings: Settings) -> PairSource:
    # The market the ranking reads (caught up to the transaction's head): its position.
    seq = live_market(session, settings).seq
    return PairSource(
        kind=SourceKind.LIVE,
        as_of=utcnow(),
        change_seq=seq,
        engine_version=adapters.ENGINE_VERSION,
        weights_hash=adapters.weights_digest(adapters.weights_of(settings)),
    )


def run_source(session: Session, run_id: uuid.UUID, param: str = "query.run") -> PairSource:
    """A batch run whose pairs can be read: a 422 naming `param` otherwise (unknown, not
    succeeded, superseded by a newer run of its scope, or written to Parquet)."""
    try:
        run = batch.usable_run(session, run_id)
    except ProblemError as exc:
        kind = "unknown_batch_run" if exc.status == 404 else "unusable_batch_run"
        raise invalid([{"field": param, "message": exc.detail, "type": kind}]) from None
    return PairSource.of_run(run)


def pair_source(
    session: Session, settings: Settings, run_id: uuid.UUID | None, param: str = "query.run"
) -> PairSource:
    """The live ranking, or the batch run `run_id`'s stored pairs."""
    if run_id is None:
        return live_source(session, settings)
    return run_source(session, run_id, param)


def recent_runs(session: Session, limit: int = 10) -> list[PairSource]:
    """The batch runs analytics and plans can read now (succeeded, still their scope's results,
    in the database), newest first: the choices of the pages."""
    runs = session.scalars(
        select(BatchRun)
        .where(
            BatchRun.status == RunStatus.SUCCEEDED.value,
            BatchRun.superseded.is_(False),
            BatchRun.output == RunOutput.DATABASE.value,
        )
        .order_by(BatchRun.finished_at.desc(), BatchRun.id)
        .limit(limit)
    )
    return [PairSource.of_run(r) for r in runs]


def _vacancy_scope(scope: Scope) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Vacancy.status == VacancyStatus.OPEN]
    if scope.destination is not None:
        where.append(Vacancy.destination_country == scope.destination)
    if scope.occupation_prefix is not None:
        where.append(Vacancy.occupation_code.startswith(scope.occupation_prefix))
    return where


def _pool_scope(scope: Scope) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Pool.status == PoolStatus.ACTIVE]
    if scope.origin is not None:
        where.append(Pool.origin_country == scope.origin)
    return where


# ---- shortage and surplus --------------------------------------------------------------------


def _approved_by(session: Session, column: Any, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    totals = approved_totals(session, column, where=(column.in_(ids),))
    return {key: total for (key,), total in totals.items()}


@dataclass(frozen=True, slots=True)
class _Vacancy:
    occupation: str
    destination: str
    remaining: int  # openings less the headcount approved


@dataclass(frozen=True, slots=True)
class _Pool:
    occupation: str
    origin: str
    capacity: int  # headcount less its approvals


@dataclass(frozen=True, slots=True)
class BalanceInputs:
    """What the balance is computed from: open vacancies, active pools, and their eligible
    pairs in a related occupation, (vacancy id, pool id, eligible headcount); and where the
    pairs come from."""

    vacancies: dict[uuid.UUID, _Vacancy]
    pools: dict[uuid.UUID, _Pool]
    pairs: list[tuple[uuid.UUID, uuid.UUID, int]]
    source: PairSource


def balance_market(
    session: Session, settings: Settings, source: PairSource | None = None
) -> BalanceInputs:
    """The open vacancies, active pools and their related eligible pairs: one ranking of every
    open vacancy (or one read of a batch run's pairs, `source`), however many groupings are
    computed from it. A run's scope bounds the vacancies and pools too."""
    src = source if source is not None else live_source(session, settings)
    rows = session.execute(
        select(
            Vacancy.id, Vacancy.occupation_code, Vacancy.destination_country, Vacancy.openings
        ).where(*_vacancy_scope(src.scope), *_ranked_by(Vacancy.created_at, src))
    ).all()
    approved_v = _approved_by(session, Decision.vacancy_id, [v.id for v in rows])
    vacancies = {
        v.id: _Vacancy(
            v.occupation_code, v.destination_country, max(v.openings - approved_v.get(v.id, 0), 0)
        )
        for v in rows
    }
    rows = session.execute(
        select(Pool.id, Pool.occupation_code, Pool.origin_country, Pool.headcount).where(
            *_pool_scope(src.scope), *_ranked_by(Pool.created_at, src)
        )
    ).all()
    approved_p = _approved_by(session, Decision.pool_id, [p.id for p in rows])
    pools = {
        p.id: _Pool(
            p.occupation_code, p.origin_country, max(p.headcount - approved_p.get(p.id, 0), 0)
        )
        for p in rows
    }
    # Eligible pairs of open vacancies and active pools, from one state of the market (or the
    # run's); a vacancy or pool the pairs hold but the reads above missed (a write committed
    # in between, or a vacancy closed and a pool withdrawn since the run) is left out.
    pairs = [
        (vid, pid, headcount)
        for vid, pid, headcount in _eligible_pairs(session, settings, src)
        if vid in vacancies
        and pid in pools
        and pools[pid].occupation[:RELATED_DIGITS] == vacancies[vid].occupation[:RELATED_DIGITS]
    ]
    return BalanceInputs(vacancies, pools, pairs, src)


def _ranked_by(created_at: Any, source: PairSource) -> list[ColumnElement[bool]]:
    """A run's figures leave out what was created after it read its inputs."""
    return [] if source.inputs_at is None else [created_at <= source.inputs_at]


def _eligible_pairs(
    session: Session, settings: Settings, source: PairSource
) -> Iterator[tuple[uuid.UUID, uuid.UUID, int]]:
    """(vacancy id, pool id, eligible headcount) of every eligible pair the source holds."""
    if source.run_id is None:
        for vid, ranked in ranked_pairs(session, settings):
            for m in ranked:
                yield vid, m.pool_id, m.eligible_headcount
    else:
        for p in batch.run_pairs(session, source.run_id):
            yield p.vacancy_id, p.pool_id, p.eligible_headcount


def shortage_surplus(
    session: Session, settings: Settings, by: GroupBy, market: BalanceInputs | None = None
) -> list[BalanceRow]:
    """One row per group, biggest shortage first (then biggest surplus, then key). `market`:
    from balance_market, to compute several groupings from one ranking."""
    m = market if market is not None else balance_market(session, settings)

    def vacancy_key(v: _Vacancy) -> str:
        return v.occupation if by is GroupBy.OCCUPATION else v.destination

    demand: dict[str, int] = defaultdict(int)
    vacancy_count: dict[str, int] = defaultdict(int)
    best: dict[str, dict[uuid.UUID, int]] = defaultdict(dict)  # group -> pool -> headcount
    if by is GroupBy.ORIGIN:
        served: dict[str, set[uuid.UUID]] = defaultdict(set)
        for vid, pid, headcount in m.pairs:
            key = m.pools[pid].origin
            served[key].add(vid)
            best[key][pid] = max(best[key].get(pid, 0), headcount)
        for key, vids in served.items():
            demand[key] = sum(m.vacancies[v].remaining for v in vids)
            vacancy_count[key] = len(vids)
    else:
        for v in m.vacancies.values():
            demand[vacancy_key(v)] += v.remaining
            vacancy_count[vacancy_key(v)] += 1
        for vid, pid, headcount in m.pairs:
            key = vacancy_key(m.vacancies[vid])
            best[key][pid] = max(best[key].get(pid, 0), headcount)

    active: dict[str, int] | None = None
    if by is not GroupBy.DESTINATION:
        active = defaultdict(int)
        for p in m.pools.values():
            active[p.occupation if by is GroupBy.OCCUPATION else p.origin] += p.capacity

    keys = set(demand) | set(best)
    labels = _labels(session, by, keys)
    rows = [
        BalanceRow(
            key=key,
            label=labels.get(key, key),
            demand=demand.get(key, 0),
            supply=sum(min(h, m.pools[pid].capacity) for pid, h in best.get(key, {}).items()),
            vacancies=vacancy_count.get(key, 0),
            pools=len(best.get(key, {})),
            active_headcount=None if active is None else active.get(key, 0),
        )
        for key in keys
    ]
    rows.sort(key=lambda r: (r.balance, r.key))
    return rows


def _labels(session: Session, by: GroupBy, keys: Iterable[str]) -> dict[str, str]:
    if by is GroupBy.OCCUPATION:
        return lookup.unit_groups(session, keys)
    return {k: country_name(k) for k in keys}


# ---- skills gap ------------------------------------------------------------------------------


def skills_gap(
    session: Session,
    settings: Settings,
    top_n: int = DEFAULT_TOP_N,
    source: PairSource | None = None,
) -> list[SkillGapRow]:
    """Missing essential skills in each open vacancy's top `top_n` eligible matches, per
    (occupation, skill), most often missing first. From a batch run (`source`): its pairs'
    missing skills, which it keeps for each vacancy's first `explain_top` pairs only, so a
    `top_n` beyond that (or beyond its top k) is a 422."""
    src = source if source is not None else live_source(session, settings)
    explained = src.explained
    if explained is not None and top_n > explained:
        limit = (
            f"kept the missing skills of each vacancy's first {src.explain_top} pairs"
            if src.top_k is None or (src.explain_top or 0) <= src.top_k
            else f"kept each vacancy's first {src.top_k} pairs only"
        )
        raise invalid(
            [
                {
                    "field": "query.top",
                    "message": f"batch run {src.run_id} {limit}: ask for at most {explained} "
                    "top matches, or use the live ranking",
                    "type": "beyond_explain_top",
                }
            ]
        )
    occupation_of: dict[uuid.UUID, str] = {
        vid: occupation
        for vid, occupation in session.execute(
            select(Vacancy.id, Vacancy.occupation_code).where(*_vacancy_scope(src.scope))
        )
    }
    rows: Iterable[tuple[uuid.UUID, str, int, list[str] | None]]
    if src.run_id is None:
        # The ranking order of the matches API: score, eligible headcount, then pool id.
        rows = (
            (vid, occupation_of[vid], m.eligible_headcount, m.explanation.get("missing_essential"))
            for vid, ranked in ranked_pairs(session, settings, k=top_n, explain=True)
            if vid in occupation_of
            for m in ranked
        )
    else:
        # The run's ranks are that order too; its pools withdrawn since are left out.
        active = set(session.scalars(select(Pool.id).where(*_pool_scope(src.scope))))
        rows = (
            (p.vacancy_id, occupation_of[p.vacancy_id], p.eligible_headcount, p.missing_essential)
            for p in batch.run_pairs(session, src.run_id, max_rank=top_n)
            if p.vacancy_id in occupation_of and p.pool_id in active
        )
    count: dict[tuple[str, str], int] = defaultdict(int)
    workers: dict[tuple[str, str], int] = defaultdict(int)
    vacancies: dict[tuple[str, str], set[uuid.UUID]] = defaultdict(set)
    for vid, occupation, headcount, missing in rows:
        for skill in missing or []:
            key = (occupation, str(skill))
            count[key] += 1
            workers[key] += int(headcount or 0)
            vacancies[key].add(vid)
    titles = lookup.unit_groups(session, {o for o, _ in count})
    labels = _skill_labels(session, {s for _, s in count})
    out = [
        SkillGapRow(
            occupation=o,
            occupation_title=titles.get(o, o),
            skill=s,
            skill_label=labels.get(s, s),
            matches_missing=n,
            vacancies=len(vacancies[(o, s)]),
            workers=workers[(o, s)],
        )
        for (o, s), n in count.items()
    ]
    out.sort(key=lambda r: (-r.matches_missing, -r.workers, r.occupation, r.skill))
    return out


def _skill_labels(session: Session, ids: set[str]) -> dict[str, str]:
    return lookup.skills(session, ids) if ids else {}


def skill_totals(rows: Sequence[SkillGapRow]) -> list[SkillTotal]:
    """The gap per skill across occupations (for the overview chart)."""
    acc: dict[str, list[Any]] = {}
    for r in rows:
        a = acc.setdefault(r.skill, [r.skill_label, 0, 0, 0, 0])
        a[1] += r.matches_missing
        a[2] += r.vacancies
        a[3] += r.workers
        a[4] += 1
    out = [SkillTotal(s, a[0], a[1], a[2], a[3], a[4]) for s, a in acc.items()]
    out.sort(key=lambda t: (-t.matches_missing, -t.workers, t.skill))
    return out


# ---- CSV -------------------------------------------------------------------------------------

BALANCE_COLUMNS = (
    "key",
    "label",
    "demand",
    "supply",
    "balance",
    "shortage",
    "surplus",
    "vacancies",
    "pools",
    "active_headcount",
)


def balance_csv(rows: Sequence[BalanceRow]) -> str:
    return to_csv(BALANCE_COLUMNS, ([r.as_dict()[c] for c in BALANCE_COLUMNS] for r in rows))


SKILL_GAP_COLUMNS = tuple(f.name for f in fields(SkillGapRow))


def skills_gap_csv(rows: Sequence[SkillGapRow]) -> str:
    return to_csv(SKILL_GAP_COLUMNS, ([getattr(r, c) for c in SKILL_GAP_COLUMNS] for r in rows))
