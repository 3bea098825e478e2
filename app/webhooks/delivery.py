"""The delivery worker: fans the outbox's events out to subscribed endpoints and POSTs them,
signed, retrying failures with exponential backoff. Run by `imdi webhook-worker` (`make run`
starts it beside the server); several may run at once (a delivery is claimed before it is sent).

A loop: fan out the undispatched events (one delivery per subscribed, active endpoint), claim the
deliveries that are due (each claim is a conditional UPDATE: two workers never send one attempt
twice), POST them in parallel threads, record each attempt (status, latency, error) and set the
delivery's next attempt or outcome. The watchers (the ranking watch, app/matches/watch.py) run in
a thread of their own every webhook_watch_seconds."""

from __future__ import annotations

import ipaddress
import json
import logging
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.auth.models import User
from app.common.principal import Role
from app.config import Settings
from app.db import Database, as_utc, utcnow
from app.pools.models import Pool
from app.vacancies.models import Vacancy
from app.webhooks import signing
from app.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from app.webhooks.service import body_of

log = logging.getLogger("imdi.webhooks")

#: Events fanned out, and deliveries claimed, per step of the loop.
BATCH = 200
#: A claimed delivery is not claimed again for this long (a worker that died mid-POST).
LEASE = timedelta(minutes=5)
#: The receiver's error text kept per attempt.
ERROR_CHARS = 500

Watcher = Callable[[Session], int]


def backoff(settings: Settings, attempts: int) -> timedelta:
    """The wait before attempt `attempts + 1`: base x 2^(attempts - 1), capped, +-10% jitter
    (receivers that failed together do not get their retries together)."""
    seconds = min(
        settings.webhook_backoff_seconds * 2 ** max(attempts - 1, 0),
        settings.webhook_backoff_max_seconds,
    )
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))


@dataclass(frozen=True, slots=True)
class _Send:
    delivery_id: uuid.UUID
    url: str
    secrets: tuple[str, ...]
    msg_id: str
    body: bytes
    lease: datetime  # the claim's next_attempt_at: the outcome is written only under it


@dataclass(frozen=True, slots=True)
class _Result:
    delivery_id: uuid.UUID
    lease: datetime
    at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class Worker:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        client: httpx.Client | None = None,
        watchers: Sequence[Watcher] = (),
    ) -> None:
        self.db = db
        self.settings = settings
        self.client = client or httpx.Client(
            timeout=settings.webhook_timeout_seconds,
            follow_redirects=False,
            headers={"user-agent": "imdi-match-webhooks/1"},
        )
        self.watchers = list(watchers)

    # ---- fan-out ------------------------------------------------------------------------

    def fan_out(self) -> int:
        """Deliveries for the undispatched events; how many events this worker dispatched.
        Events are claimed by one conditional UPDATE (dispatched_at still null): of two
        workers, each event goes to exactly one (on SQLite the UPDATE takes the write lock,
        on PostgreSQL its row locks), and a unique index backs it up."""
        with self.db.session() as session:
            candidates = list(
                session.scalars(
                    select(WebhookEvent.id)
                    .where(WebhookEvent.dispatched_at.is_(None))
                    .order_by(WebhookEvent.occurred_at, WebhookEvent.id)
                    .limit(BATCH)
                )
            )
            if not candidates:
                return 0
            now = utcnow()
            claimed = list(
                session.scalars(
                    update(WebhookEvent)
                    .where(WebhookEvent.id.in_(candidates), WebhookEvent.dispatched_at.is_(None))
                    .values(dispatched_at=now)
                    .returning(WebhookEvent.id)
                )
            )
            if not claimed:
                session.commit()
                return 0
            events = list(session.scalars(select(WebhookEvent).where(WebhookEvent.id.in_(claimed))))
            endpoints = self._listening(session)
            employers = _owners(session, Vacancy.id, Vacancy.employer_id, events, "vacancy_id")
            ministries = _owners(session, Pool.id, Pool.ministry_id, events, "pool_id")
            rows: list[dict[str, Any]] = []
            for event in events:
                audience = {
                    employers.get(event.vacancy_id),
                    ministries.get(event.pool_id),
                    event.organisation_id,
                }
                for endpoint_id, organisation_id, programme, kinds in endpoints:
                    if event.type in kinds and (programme or organisation_id in audience):
                        rows.append(
                            {
                                "id": uuid.uuid4(),
                                "event_id": event.id,
                                "endpoint_id": endpoint_id,
                                "status": DeliveryStatus.PENDING.value,
                                "attempts": 0,
                                "next_attempt_at": now,
                                "created_at": now,
                            }
                        )
            if rows:
                session.execute(insert(WebhookDelivery), rows)
            session.commit()
            return len(claimed)

    @staticmethod
    def _listening(session: Session) -> list[tuple[uuid.UUID, uuid.UUID, bool, list[str]]]:
        """Active endpoints whose creator is still an active user: (id, organisation,
        programme, event types). A programme endpoint hears of everyone only while its creator
        is still an officer or admin; otherwise it hears of its own organisation's events."""
        rows = session.execute(
            select(
                WebhookEndpoint.id,
                WebhookEndpoint.organisation_id,
                WebhookEndpoint.programme,
                WebhookEndpoint.events,
                User.role,
            )
            .join(User, User.id == WebhookEndpoint.created_by_id)
            .where(WebhookEndpoint.active.is_(True), User.is_active.is_(True))
        ).all()
        sees_all = {Role.OFFICER.value, Role.ADMIN.value}
        return [
            (e, org, bool(prog and role in sees_all), kinds) for e, org, prog, kinds, role in rows
        ]

    # ---- delivering ---------------------------------------------------------------------

    def _claim(self) -> list[_Send]:
        """Claim the due deliveries of active endpoints in one UPDATE: it sets their
        next_attempt_at to this claim's lease, on rows still due (PostgreSQL re-checks that
        on rows another worker locked first, and skips the locked ones; SQLite's UPDATE holds
        the write lock), so two workers never claim one. The outcome is written only while
        that lease is still the row's (_record)."""
        now = utcnow()
        lease = now + LEASE
        due = (
            select(WebhookDelivery.id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(
                WebhookDelivery.status == DeliveryStatus.PENDING.value,
                WebhookDelivery.next_attempt_at <= now,
                WebhookEndpoint.active.is_(True),  # a paused endpoint's wait, pending
            )
            .order_by(WebhookDelivery.next_attempt_at)
            .limit(BATCH)
            .with_for_update(of=WebhookDelivery, skip_locked=True)
        )
        with self.db.session() as session:
            claimed = list(
                session.scalars(
                    update(WebhookDelivery)
                    .where(
                        WebhookDelivery.id.in_(due.scalar_subquery()),
                        WebhookDelivery.status == DeliveryStatus.PENDING.value,
                        WebhookDelivery.next_attempt_at <= now,
                    )
                    .values(next_attempt_at=lease)
                    .returning(WebhookDelivery.id)
                )
            )
            session.commit()
            if not claimed:
                return []
            rows = session.execute(
                select(WebhookDelivery.id, WebhookEvent, WebhookEndpoint)
                .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
                .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
                .where(WebhookDelivery.id.in_(claimed))
            ).all()
            sends = []
            for delivery_id, event, endpoint in rows:
                keys = [endpoint.secret]
                until = endpoint.previous_secret_until
                if endpoint.previous_secret and until is not None and as_utc(until) > now:
                    keys.append(endpoint.previous_secret)
                body = json.dumps(body_of(event), separators=(",", ":"), sort_keys=True)
                sends.append(
                    _Send(
                        delivery_id, endpoint.url, tuple(keys), str(event.id), body.encode(), lease
                    )
                )
            return sends

    def _post(self, send: _Send) -> _Result:
        at = utcnow()
        refused = self._refused(send.url)
        if refused:
            return _Result(send.delivery_id, send.lease, at, None, 0, refused)
        timestamp = int(time.time())
        headers = signing.headers(send.secrets, send.msg_id, timestamp, send.body)
        started = time.perf_counter()
        try:
            # Only the status matters: the answer's body is never read (nor held in memory).
            with self.client.stream("POST", send.url, content=send.body, headers=headers) as r:
                status = r.status_code
        except httpx.HTTPError as exc:
            latency = round((time.perf_counter() - started) * 1000)
            failure = f"{type(exc).__name__}: {exc}"
            return _Result(send.delivery_id, send.lease, at, None, latency, failure)
        latency = round((time.perf_counter() - started) * 1000)
        error = None if 200 <= status < 300 else f"HTTP {status}"
        return _Result(send.delivery_id, send.lease, at, status, latency, error)

    def _refused(self, url: str) -> str | None:
        """Why a production service does not POST to `url`: its host resolves to an address
        that is not a global one (loopback, private, shared, link-local, reserved: the
        service's own network, often), unless that is allowed."""
        settings = self.settings
        if settings.environment != "production" or settings.webhook_allow_private_addresses:
            return None
        host = urlsplit(url).hostname or ""
        try:
            infos = socket.getaddrinfo(host, None)
        except OSError as exc:
            return f"cannot resolve {host}: {exc}"
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                return f"refused: {host} resolves to the non-public address {address}"
        return None

    def deliver_due(self) -> int:
        """POST the deliveries that are due, up to webhook_concurrency at once; how many
        attempts were made. The pass ends with its slowest POST (at most the timeout)."""
        sends = self._claim()
        if not sends:
            return 0
        workers = max(1, min(self.settings.webhook_concurrency, len(sends)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(self._post, sends))
        self._record(results)
        return len(results)

    def _record(self, results: Sequence[_Result]) -> None:
        """Each attempt, and its delivery's outcome while this worker's lease is still the
        row's (a delivery deleted with its endpoint meanwhile is left out, not an error)."""
        with self.db.session() as session:
            rows = session.execute(
                select(WebhookDelivery.id, WebhookDelivery.attempts).where(
                    WebhookDelivery.id.in_([r.delivery_id for r in results])
                )
            ).all()
            attempts = {row[0]: row[1] for row in rows}
            results = [r for r in results if r.delivery_id in attempts]
            if not results:
                return
            session.execute(
                insert(WebhookAttempt),
                [
                    {
                        "id": uuid.uuid4(),
                        "delivery_id": r.delivery_id,
                        "attempted_at": r.at,
                        "status_code": r.status_code,
                        "latency_ms": r.latency_ms,
                        "error": (r.error or "")[:ERROR_CHARS] or None,
                    }
                    for r in results
                ],
            )
            outcomes = []
            for r in results:
                made = attempts[r.delivery_id] + 1
                if r.ok:
                    status, next_at = DeliveryStatus.SUCCEEDED, None
                elif made >= self.settings.webhook_max_attempts:
                    status, next_at = DeliveryStatus.FAILED, None
                else:
                    status, next_at = DeliveryStatus.PENDING, r.at + backoff(self.settings, made)
                outcomes.append(
                    {
                        "b_id": r.delivery_id,
                        "b_lease": r.lease,
                        "status": status.value,
                        "attempts": made,
                        "next_attempt_at": next_at,
                        "last_attempt_at": r.at,
                        "last_status_code": r.status_code,
                        "last_latency_ms": r.latency_ms,
                        "last_error": (r.error or "")[:ERROR_CHARS] or None,
                    }
                )
                if not r.ok:
                    log.info("delivery %s failed (%s), attempt %d", r.delivery_id, r.error, made)
            # One statement for the batch (executemany), each row only under this lease.
            session.connection().execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == bindparam("b_id"),
                    WebhookDelivery.next_attempt_at == bindparam("b_lease"),
                )
                .values(
                    {
                        name: bindparam(name)
                        for name in (
                            "status",
                            "attempts",
                            "next_attempt_at",
                            "last_attempt_at",
                            "last_status_code",
                            "last_latency_ms",
                            "last_error",
                        )
                    }
                ),
                outcomes,
            )
            session.commit()

    # ---- the loop -----------------------------------------------------------------------

    def watch(self) -> int:
        """One pass of the watchers; the events they emitted."""
        emitted = 0
        for watcher in self.watchers:
            with self.db.session() as session:
                emitted += watcher(session)
                session.commit()
        return emitted

    def run_once(self) -> int:
        """One pass: fan-out, then delivering; how much work it found."""
        return self.fan_out() + self.deliver_due()

    def run_forever(self, stop: threading.Event) -> None:
        """Deliver until `stop` is set; the watchers run in a thread of their own, every
        webhook_watch_seconds, so a long ranking pass never holds deliveries up."""
        log.info("webhook worker started")
        watching = None
        if self.watchers:
            watching = threading.Thread(target=self._watch_forever, args=(stop,), daemon=True)
            watching.start()
        while not stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # a database outage must not end the worker: log, wait, retry
                log.exception("webhook worker pass failed")
                busy = 0
            if not busy:
                stop.wait(self.settings.webhook_poll_seconds)
        if watching is not None:
            watching.join(timeout=30)
        self.client.close()

    def _watch_forever(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.watch()
            except Exception:
                log.exception("ranking watch pass failed")
            stop.wait(max(self.settings.webhook_watch_seconds, self.settings.webhook_poll_seconds))


def _owners(
    session: Session, id_column: Any, owner_column: Any, events: Sequence[WebhookEvent], attr: str
) -> dict[uuid.UUID | None, uuid.UUID]:
    ids = {getattr(e, attr) for e in events} - {None}
    if not ids:
        return {}
    rows = session.execute(select(id_column, owner_column).where(id_column.in_(ids))).all()
    return {row[0]: row[1] for row in rows}
