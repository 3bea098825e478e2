"""The live market: every active pool and open vacancy in memory, ranked on read.

One market per server process and database. It is built at start-up (or at the first request)
from a snapshot of the database, then kept current from the change feed (app/changes/service.py):
every request that reads rankings first reads the feed's head (one indexed row) and, when it
moved, applies the batches since, re-reading only the objects they name. So:

    A ranking served reflects every write committed before the request began, in every
    server process (writes through another process included), and after a restart.

Applying a batch never rebuilds the large index: changed pools (or vacancies) become a small
segment and their older rows are masked (matching/segments.py); approvals and withdrawals
update the approved headcounts and quota use from the decisions table. Readers of one process
share one immutable snapshot; catching up swaps it under a lock, so a ranking in progress is
never mixed from two states.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import changes
from app.changes.models import ChangeBatch
from app.config import Settings
from app.db import Database, utcnow
from app.decisions.models import Decision
from app.decisions.totals import approved_totals
from app.matches import adapters, snapshots
from app.matches.adapters import (
    Context,
    ExchangeRates,
    Pathway,
    PoolColumns,
    PoolSegments,
    Taxonomy,
    VacancySegments,
)

log = logging.getLogger("imdi.market")

#: A catch-up touching more pools than this rebuilds the market from the database instead
#: (a national re-survey: one large index beats a large pile of small segments).
REBUILD_ABOVE = 250_000


@dataclass
class Labels:
    """Organisations as small ints, for masks over the market's rows (append-only)."""

    number: dict[uuid.UUID, int] = field(default_factory=dict)

    def of(self, org: uuid.UUID) -> int:
        found = self.number.get(org)
        if found is None:
            found = self.number.setdefault(org, len(self.number))
        return found

    def find(self, org: uuid.UUID) -> int:
        """The label of an organisation, -2 (matching no row) when it owns nothing yet."""
        return self.number.get(org, -2)


@dataclass(frozen=True)
class Market:
    """One immutable state of the market, as of change batch `seq`."""

    seq: int
    epoch: str | None
    as_of: datetime
    taxonomy: Taxonomy
    pathways: tuple[Pathway, ...]
    rates: ExchangeRates
    quota_used: Mapping[tuple[str, int], int]
    approved: Mapping[tuple[str, str], int]
    pools: PoolSegments  # labelled by ministry
    vacancies: VacancySegments  # labelled by employer
    labels: Labels

    def context(self, settings: Settings) -> Context:
        return adapters.engine_context(
            self.taxonomy, self.pathways, self.rates, self.quota_used, self.approved, settings
        )


def _pool_columns(
    session: Session, settings: Settings, seq: int, epoch: str | None, reuse: bool
) -> tuple[int, PoolColumns, list[uuid.UUID]]:
    """The active pools' columns and the feed position they are as of: a snapshot's (older,
    caught up afterwards) or the database's now (written as the newest snapshot)."""
    store = snapshots.store(settings.market_snapshot_dir, session)
    if store is None:
        return (seq, *adapters.pool_columns(session))
    with store.exclusive():  # another process reading them now: wait, then load its snapshot
        found = store.load(session, epoch, seq) if reuse else None
        if found is not None:
            log.info("market pools from the snapshot at change %s", found.seq)
            return found.seq, found.columns, found.ministries
        columns, ministries = adapters.pool_columns(session)
        store.save(session, epoch, seq, columns, ministries)
        return seq, columns, ministries


def build(session: Session, settings: Settings, *, reuse: bool = True) -> Market:
    """A market from the database as it is now (the head is read first: what follows
    holds every batch up to it, and perhaps some after, which catching up re-reads). Its pools
    may come from a snapshot (`reuse`): the market is then as of the snapshot's position, and
    the caller catches it up to the head."""
    started = time.perf_counter()
    seq, epoch = changes.head(session)
    taxonomy = adapters.taxonomy_view(session)
    labels = Labels()
    seq, columns, ministries = _pool_columns(session, settings, seq, epoch, reuse)
    pools = adapters.pool_segments(columns, taxonomy, [labels.of(m) for m in ministries])
    records, employers = adapters.open_vacancies(session)
    vacancies = adapters.vacancy_segments(records, taxonomy, [labels.of(e) for e in employers])
    market = Market(
        seq=seq,
        epoch=epoch,
        as_of=utcnow(),
        taxonomy=taxonomy,
        pathways=adapters.pathway_records(session),
        rates=adapters.exchange_rates(session, settings.base_currency),
        quota_used=adapters.quota_used(session),
        approved=adapters.approved_pairs(session),
        pools=pools,
        vacancies=vacancies,
        labels=labels,
    )
    log.info(
        "market built at change %s: %d pools, %d vacancies in %.1f s",
        seq,
        len(columns),
        len(records),
        time.perf_counter() - started,
    )
    return market


def _batches(session: Session, after: int, upto: int) -> list[dict[str, Any]]:
    return list(
        session.scalars(
            select(ChangeBatch.payload)
            .where(ChangeBatch.seq > after, ChangeBatch.seq <= upto)
            .order_by(ChangeBatch.seq)
        )
    )


def _ids(values: Iterable[str]) -> list[uuid.UUID]:
    return [uuid.UUID(v) for v in values]


def catch_up(session: Session, settings: Settings, market: Market, upto: int) -> Market:
    """The market with the batches after market.seq up to `upto` applied."""
    batches = _batches(session, market.seq, upto)
    pools: set[str] = set()
    vacancies: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    pathways = rates = taxonomy = False
    for b in batches:
        pools.update(b.get("pools", ()))
        vacancies.update(b.get("vacancies", ()))
        pairs.update((v, p) for v, p in b.get("pairs", ()))
        pathways |= bool(b.get("pathways"))
        rates |= bool(b.get("rates"))
        taxonomy |= bool(b.get("taxonomy"))
    if taxonomy or len(pools) > REBUILD_ABOVE:
        return build(session, settings, reuse=False)
    labels = market.labels
    changes: dict[str, Any] = {"seq": upto, "as_of": utcnow()}
    if pools:
        columns, ministries = adapters.pool_columns(session, _ids(pools))
        changes["pools"] = market.pools.changed_columns(
            pools, columns, [labels.of(m) for m in ministries]
        )
    if vacancies:
        records, employers = adapters.open_vacancies(session, _ids(vacancies))
        changes["vacancies"] = market.vacancies.changed(
            vacancies, records, [labels.of(e) for e in employers]
        )
    if pathways:
        changes["pathways"] = adapters.pathway_records(session)
    if rates:
        changes["rates"] = adapters.exchange_rates(session, settings.base_currency)
    if pairs:
        approved = dict(market.approved)
        for pair in pairs:
            approved.pop(pair, None)
        by_pool: dict[uuid.UUID, set[str]] = {}
        for v, p in pairs:
            by_pool.setdefault(uuid.UUID(p), set()).add(v)
        fresh = approved_totals(
            session,
            Decision.vacancy_id,
            Decision.pool_id,
            where=(Decision.pool_id.in_(sorted(by_pool)),),
        )
        for (v, p), n in fresh.items():
            if (str(v), str(p)) in pairs and n > 0:
                approved[(str(v), str(p))] = n
        changes["approved"] = approved
        changes["quota_used"] = adapters.quota_used(session)
    return replace(market, **changes)


class _Live:
    def __init__(self) -> None:
        self.market: Market | None = None
        self.lock = threading.Lock()


_LIVE: dict[str, _Live] = {}
_REGISTRY_LOCK = threading.Lock()


def _live_of(session: Session) -> _Live:
    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    found = _LIVE.get(key)
    if found is None:
        with _REGISTRY_LOCK:
            found = _LIVE.setdefault(key, _Live())
    return found


def current(session: Session, settings: Settings) -> Market:
    """The market as of this transaction's head: every change committed before the request
    began is in it."""
    seq, epoch = changes.transaction_head(session)
    live = _live_of(session)
    market = live.market
    # A market at this head or past it (another thread caught up, or a build read a newer
    # head) holds every change committed before this call.
    if market is not None and market.epoch == epoch and market.seq >= seq:
        return market
    with live.lock:
        market = live.market
        if market is not None and market.epoch == epoch and market.seq >= seq:
            return market
        if market is None or market.epoch != epoch:
            market = build(session, settings)
        if seq > market.seq:  # a build from a snapshot is as of the snapshot
            market = catch_up(session, settings, market, seq)
        live.market = market
        return market


def warm(db: Database, settings: Settings) -> None:
    """Build this process's market now (at start-up), rather than at the first request. A
    database not migrated yet (no feed) is left for the first request to report."""
    try:
        with db.session() as session:
            if db.engine.dialect.name == "postgresql":
                # One snapshot for the head and every table read after it.
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            market = current(session, settings)
        # The vacancy-level checks of every open vacancy (seconds at 100,000 vacancies) are
        # kept per pathways and rates: run them now, not in the first pool's ranking.
        market.vacancies.prepare(market.context(settings))
    except DBAPIError as exc:
        log.warning("market not built at start-up: %s", exc.orig)


class Follower:
    """Catches this process's market up in the background, every `every` seconds, so that a
    large change (a 10,000-pool upload through another process) is applied before the next
    request needs it instead of inside it. Requests still read the head and catch up
    themselves when the follower has not yet: the freshness guarantee does not depend on it."""

    def __init__(self, db: Database, settings: Settings, every: float) -> None:
        self.db, self.settings, self.every = db, settings, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="imdi-market-follower", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                with self.db.session() as session:
                    current(session, self.settings)
            except Exception:  # never dies: the next round tries again
                log.exception("market follower: catching up failed")


def forget(session: Session) -> None:
    """Drop this process's market of the session's database (tests, after a restore)."""
    _LIVE.pop(session.get_bind().engine.url.render_as_string(hide_password=True), None)
