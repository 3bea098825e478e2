"""The ranking watch: ranking.changed webhook events for the vacancies and pools of the
organisations that subscribed to them.

Run by the webhook worker (app/webhooks/delivery.py), never by a write: the writes only append
to the change feed as always. Each pass reads the feed since its cursor; when something that can
move a ranking changed (a vacancy, a pool, a pathway, a rate, a decision), it re-ranks the watched
subjects it could have moved: a changed vacancy is re-ranked itself, and any pool change
re-ranks every watched vacancy (symmetrically for pools). The top `TOP` eligible pairs are
compared with the mark of the last report: an event is sent when the order of the top changes,
a pair enters or leaves it, or a score moves by `SCORE_STEP` or more, or an eligible headcount
changes. A subject's first pass only sets its mark.

Cost: one ranking (the live market's, tens of milliseconds at a million pools) per watched
subject a change could move, at most once per webhook_watch_seconds."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes.models import ChangeBatch
from app.changes.service import head
from app.common.principal import Principal, Role
from app.config import Settings
from app.db import serialise_writes
from app.matches import service
from app.pools.models import Pool, PoolStatus
from app.vacancies.models import Vacancy, VacancyStatus
from app.webhooks.events import EventType, emit
from app.webhooks.models import RankingMark, WebhookCursor, WebhookEndpoint

TOP = 10
#: A score change smaller than this is not material (scores are 0..1).
SCORE_STEP = 0.01
CURSOR = "ranking"
#: The watch ranks as an officer would (every pool, every vacancy), for its owner's events.
_SYSTEM = Principal(
    user_id=uuid.UUID(int=0),
    email="ranking-watch",
    role=Role.OFFICER,
    organisation_id=uuid.UUID(int=0),
)


def _material(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> bool:
    if [b["id"] for b in before] != [a["id"] for a in after]:
        return True
    return any(
        abs(b["score"] - a["score"]) >= SCORE_STEP
        or b["eligible_headcount"] != a["eligible_headcount"]
        for b, a in zip(before, after, strict=True)
    )


class RankingWatch:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, session: Session) -> int:
        """One pass; how many ranking.changed events it emitted (the caller commits).

        Passes of several workers take turns: the cursor row is locked first (SQLite: the
        write lock), so a second worker finds the cursor moved on and the marks written."""
        serialise_writes(session)
        cursor = session.scalars(
            select(WebhookCursor).where(WebhookCursor.name == CURSOR).with_for_update()
        ).first()
        if cursor is None:  # the migration makes it; a test database emptied by hand may not
            cursor = WebhookCursor(name=CURSOR, seq=-1)
            session.add(cursor)
        now_seq, _ = head(session)
        if cursor.seq > now_seq:  # the database was replaced: start over
            cursor.seq = -1
        if cursor.seq == now_seq:
            return 0
        vacancies, pools, everything = self._changed(session, cursor.seq, now_seq)
        cursor.seq = now_seq
        organisations = self._subscribers(session)
        if not organisations:
            return 0
        emitted = 0
        watched_vacancies = session.execute(
            select(Vacancy.id, Vacancy.employer_id).where(
                Vacancy.employer_id.in_(organisations), Vacancy.status == VacancyStatus.OPEN
            )
        ).all()
        for vacancy_id, employer_id in watched_vacancies:
            if everything or pools or vacancy_id in vacancies:
                top = self._vacancy_top(session, vacancy_id)
                emitted += self._compare(session, "vacancy", vacancy_id, top, employer_id)
        watched_pools = session.execute(
            select(Pool.id, Pool.ministry_id).where(
                Pool.ministry_id.in_(organisations), Pool.status == PoolStatus.ACTIVE
            )
        ).all()
        for pool_id, ministry_id in watched_pools:
            if everything or vacancies or pool_id in pools:
                top = self._pool_top(session, pool_id)
                emitted += self._compare(session, "pool", pool_id, top, ministry_id)
        session.flush()
        return emitted

    @staticmethod
    def _changed(
        session: Session, after: int, upto: int
    ) -> tuple[set[uuid.UUID], set[uuid.UUID], bool]:
        """Vacancies and pools changed in (after, upto], and whether anything else that moves
        every ranking changed (pathways, rates, taxonomy, decisions); a first pass (after -1):
        everything."""
        if after < 0:
            return set(), set(), True
        vacancies: set[uuid.UUID] = set()
        pools: set[uuid.UUID] = set()
        everything = False
        for payload in session.scalars(
            select(ChangeBatch.payload).where(ChangeBatch.seq > after, ChangeBatch.seq <= upto)
        ):
            vacancies.update(uuid.UUID(v) for v in payload.get("vacancies", ()))
            pools.update(uuid.UUID(p) for p in payload.get("pools", ()))
            everything |= any(payload.get(k) for k in ("pathways", "rates", "taxonomy", "pairs"))
        return vacancies, pools, everything

    @staticmethod
    def _subscribers(session: Session) -> set[uuid.UUID]:
        rows = session.execute(
            select(WebhookEndpoint.organisation_id, WebhookEndpoint.events).where(
                WebhookEndpoint.active.is_(True), WebhookEndpoint.programme.is_(False)
            )
        ).all()
        return {org for org, events in rows if EventType.RANKING_CHANGED.value in events}

    def _vacancy_top(self, session: Session, vacancy_id: uuid.UUID) -> list[dict[str, Any]]:
        found, _ = service.vacancy_ranking(
            session,
            self.settings,
            _SYSTEM,
            vacancy_id,
            include_ineligible=False,
            limit=TOP,
            offset=0,
            explain=False,
        )
        return [_entry(m.pool_id, m.score, m.eligible_headcount) for m in found]

    def _pool_top(self, session: Session, pool_id: uuid.UUID) -> list[dict[str, Any]]:
        pool = session.get(Pool, pool_id)
        if pool is None:
            return []
        found, _ = service.pool_ranking(
            session,
            self.settings,
            _SYSTEM,
            pool,
            include_ineligible=False,
            limit=TOP,
            offset=0,
            explain=False,
        )
        return [_entry(m.vacancy_id, m.score, m.eligible_headcount) for m in found]

    @staticmethod
    def _compare(
        session: Session,
        subject: str,
        subject_id: uuid.UUID,
        top: list[dict[str, Any]],
        owner: uuid.UUID,
    ) -> int:
        mark = session.get(RankingMark, (subject, subject_id))
        if mark is None:
            session.add(RankingMark(subject=subject, subject_id=subject_id, top=top))
            return 0
        if not _material(mark.top, top):
            return 0
        previous, mark.top = mark.top, top
        emit(
            session,
            EventType.RANKING_CHANGED,
            {"subject": subject, "id": str(subject_id), "top": top, "previous_top": previous},
            organisation_id=owner,
        )
        return 1


def _entry(other: uuid.UUID, score: float, headcount: int) -> dict[str, Any]:
    return {"id": str(other), "score": round(score, 4), "eligible_headcount": headcount}
