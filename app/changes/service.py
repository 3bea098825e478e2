"""The change feed: every committed write says, in one row, which objects it changed.

Live markets (app/matches/live.py, one per server process) rank on read from memory; they stay
current by re-reading just what the feed names. The write side is one hook:
- during a unit of work, changes are gathered in `session.info`: automatically for every ORM
  object of a watched class that is added, changed or deleted (each domain registers its own
  models with `watch`: a vacancy or its skills, a pool, a pathway, a rate, a decision, a taxonomy
  row), and by `record` for bulk statements that bypass the ORM (COPY, multi-row INSERT);
- just before the commit, the batch is written and the head bumped, as the transaction's last
  statements: `change_head` is one row, so on PostgreSQL its row lock orders the commits of
  concurrent writers (held from the bump to the commit: milliseconds, never a whole request),
  and a reader that sees head N sees every batch up to N committed (no gaps, no reordering).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import Any, Literal

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from app.changes.models import ChangeBatch, ChangeHead
from app.db import utcnow

_PENDING = "imdi.changes"


class Changes:
    """What one unit of work changed (ids as strings, JSON-ready)."""

    __slots__ = ("access", "pairs", "pathways", "pools", "rates", "taxonomy", "vacancies")

    def __init__(self) -> None:
        self.vacancies: set[str] = set()
        self.pools: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        self.pathways = False
        self.rates = False
        self.taxonomy = False
        # A user, API key or organisation changed: principals cached by key are stale.
        self.access = False

    def __bool__(self) -> bool:
        return bool(self.vacancies or self.pools or self.pairs) or (
            self.pathways or self.rates or self.taxonomy or self.access
        )

    def payload(self) -> dict[str, Any]:
        return {
            "vacancies": sorted(self.vacancies),
            "pools": sorted(self.pools),
            "pairs": sorted([v, p] for v, p in self.pairs),
            "pathways": self.pathways,
            "rates": self.rates,
            "taxonomy": self.taxonomy,
            "access": self.access,
        }


def pending(session: Session) -> Changes:
    found = session.info.get(_PENDING)
    if found is None:
        found = session.info[_PENDING] = Changes()
    return found


def record(
    session: Session,
    *,
    vacancies: Iterable[uuid.UUID | str] = (),
    pools: Iterable[uuid.UUID | str] = (),
    pairs: Iterable[tuple[uuid.UUID | str, uuid.UUID | str]] = (),
    pathways: bool = False,
    rates: bool = False,
    taxonomy: bool = False,
) -> None:
    """Say what a bulk statement changed (ORM objects are noticed without this)."""
    changes = pending(session)
    changes.vacancies.update(str(v) for v in vacancies)
    changes.pools.update(str(p) for p in pools)
    changes.pairs.update((str(v), str(p)) for v, p in pairs)
    changes.pathways |= pathways
    changes.rates |= rates
    changes.taxonomy |= taxonomy


Notice = Callable[[Changes, Any], None]
_WATCHED: dict[type, Notice] = {}


def watch(model: type, notice: Notice) -> None:
    """Have every added, changed or deleted `model` object noted by `notice`. Each domain
    registers its own models (next to them), so this feed knows no domain."""
    _WATCHED[model] = notice


def watch_ids(model: type, kind: Literal["vacancies", "pools"], attribute: str = "id") -> None:
    """A `model` object changes the vacancy (or pool) whose id is its `attribute`."""

    def notice(changes: Changes, obj: Any) -> None:
        value = getattr(obj, attribute)
        if value is not None:  # not yet assigned: seen again after the flush
            getattr(changes, kind).add(str(value))

    watch(model, notice)


def watch_flag(model: type, flag: Literal["pathways", "rates", "taxonomy", "access"]) -> None:
    """Any change to a `model` object changes what `flag` names, as a whole."""

    def notice(changes: Changes, _obj: Any) -> None:
        setattr(changes, flag, True)

    watch(model, notice)


def _notice(changes: Changes, obj: object) -> None:
    notice = _WATCHED.get(type(obj))
    if notice is not None:
        notice(changes, obj)


@event.listens_for(Session, "before_flush")
def _gather(session: Session, _context: Any, _instances: Any) -> None:
    changes = pending(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        _notice(changes, obj)


@event.listens_for(Session, "after_flush")
def _gather_new_ids(session: Session, _context: Any) -> None:
    # Objects whose ids were assigned by the flush itself (defaults run at insert).
    changes = pending(session)
    for obj in session.new:
        _notice(changes, obj)


@event.listens_for(Session, "before_commit")
def _write_batch(session: Session) -> None:
    # The commit's own flush runs after this hook: flush first, so nothing it writes is missed.
    session.flush()
    changes = session.info.pop(_PENDING, None)
    if not changes:
        return
    conn = session.connection()
    seq = conn.execute(
        update(ChangeHead)
        .where(ChangeHead.id == 1)
        .values(seq=ChangeHead.seq + 1)
        .returning(ChangeHead.seq)
    ).scalar()
    if seq is None:  # a database whose head row was removed (tests that empty tables)
        conn.execute(insert(ChangeHead).values(id=1, seq=1, epoch=str(uuid.uuid4())))
        seq = 1
    conn.execute(
        insert(ChangeBatch).values(seq=seq, committed_at=utcnow(), payload=changes.payload())
    )


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_HEAD, None)


@event.listens_for(Session, "after_commit")
def _forget_head(session: Session) -> None:
    session.info.pop(_HEAD, None)


_HEAD = "imdi.head"

Head = tuple[int, str | None]


def head(session: Session) -> Head:
    """(the last committed batch's number, the database's epoch), read now."""
    row = session.execute(
        select(ChangeHead.seq, ChangeHead.epoch).where(ChangeHead.id == 1)
    ).first()
    return (0, None) if row is None else (int(row[0]), row[1])


def transaction_head(session: Session) -> Head:
    """The head as this transaction first read it (read once: a request's authentication and
    its ranking share one read). Everything committed before the request began is at or
    below it; the next transaction reads it again."""
    found = session.info.get(_HEAD)
    if found is None:
        found = session.info[_HEAD] = head(session)
    return found
