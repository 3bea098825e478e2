"""The audit log as people read it: the actor by name and email, the entity by its name with a
link to its page, and the change as a diff of fields ("wage amount: 2,900 -> 3,100") instead of
raw JSON.

Names are resolved for a whole page (or an export's chunk) at once: the ids of each kind of
entity the events name (their own entity, and ids inside their before/after such as a
vacancy_id) are collected first, then read with one query per kind, never one per row.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.allocation import service as allocation
from app.auditlog import names as names_repo
from app.surveys import repository as uploads_repo
from app.web.names import pool_labels

if TYPE_CHECKING:  # annotations only: events reach this module as rows
    from app.audit.models import AuditEvent

#: A value longer than this is cut, with an ellipsis: a diff line stays one line.
MAX_VALUE = 80
#: Fields inside before/after that hold another entity's id, and that entity's kind.
REFERENCES = {
    "vacancy_id": "vacancy",
    "pool_id": "pool",
    "match_id": "match",
    "placement_id": "placement",
    "plan_id": "allocation_plan",
    "upload_id": "survey_upload",
    "organisation_id": "organisation",
    "employer_id": "organisation",
    "ministry_id": "organisation",
    "user_id": "user",
    "officer_id": "user",
    "created_by_id": "user",
    "adopted_by_id": "user",
    "removed_by_id": "user",
    "uploaded_by_id": "user",
}


@dataclass(frozen=True, slots=True)
class Named:
    name: str
    #: The entity's page, or None when it has none (or the reader may not open it).
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    old: str | None  # None: the field was not there before (a creation)
    new: str | None  # None: the field is gone after (a deletion)


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    at: datetime
    actor: Named | None  # None: the system
    actor_email: str | None
    action: str
    entity_type: str
    entity_id: str
    entity: Named
    changes: list[Change]


# ---- flattening and the diff -----------------------------------------------------------------


def _flat(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested objects as dotted paths ("move.from"); lists stay values."""
    if isinstance(value, Mapping):
        out: list[tuple[str, Any]] = []
        for key, inner in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            out.extend(
                _flat(inner, path) if isinstance(inner, Mapping) and inner else [(path, inner)]
            )
        return out
    return [(prefix, value)]


def shorten(text: str, limit: int = MAX_VALUE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(value: Any, field: str, names: Mapping[tuple[str, str], Named]) -> str:
    """A value as a person reads it; an id of a known kind by its entity's name."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    if isinstance(value, Mapping):
        if not value:
            return "none"
        return "; ".join(f"{_label(k)} {_text(v, k, names)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        if not value:
            return "none"
        return ", ".join(_text(v, field, names) for v in value)
    text = str(value)
    kind = REFERENCES.get(field.rsplit(".", 1)[-1])
    if kind is not None and (kind, text) in names:
        return names[(kind, text)].name
    return text


def _label(field: str) -> str:
    return field.replace("_", " ")


def diff(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    names: Mapping[tuple[str, str], Named] | None = None,
) -> list[Change]:
    """The fields that differ between `before` and `after`, flattened ("move.to"), in the
    order they appear (before's first), values readable and shortened. A creation lists
    every field of `after` (old None), a deletion every field of `before` (new None)."""
    names = names or {}
    old = dict(_flat(before or {}))
    new = dict(_flat(after or {}))
    fields = list(old) + [f for f in new if f not in old]
    out = []
    for f in fields:
        was, now = f in old, f in new
        if was and now and old[f] == new[f]:
            continue
        out.append(
            Change(
                field=_label(f),
                old=shorten(_text(old[f], f, names)) if was and before is not None else None,
                new=shorten(_text(new[f], f, names)) if now and after is not None else None,
            )
        )
    return out


def change_text(changes: Sequence[Change]) -> str:
    """The diff on one line, for a CSV cell: 'status: open -> closed; openings: 3 -> 5'."""
    parts = []
    for c in changes:
        if c.old is None:
            parts.append(f"{c.field}: {c.new}")
        elif c.new is None:
            parts.append(f"{c.field}: {c.old} -> (removed)")
        else:
            parts.append(f"{c.field}: {c.old} -> {c.new}")
    return "; ".join(parts)


# ---- names, one query per kind ---------------------------------------------------------------


def _uuids(ids: Iterable[str]) -> dict[uuid.UUID, str]:
    """The ids that are UUIDs (a malformed one names nothing, and must not reach a query
    that casts it)."""
    out = {}
    for i in ids:
        try:
            out[uuid.UUID(i)] = i
        except ValueError:
            continue
    return out


Resolver = Callable[[Session, set[str], bool], dict[str, Named]]


def _vacancies(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    titles = names_repo.vacancy_titles(session, wanted)
    return {wanted[i]: Named(t, f"/vacancies/{i}") for i, t in titles.items()}


def _pools(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    found = names_repo.pools(session, wanted)
    labels = pool_labels(session, found.values())
    return {wanted[i]: Named(labels[i], f"/pools/{i}") for i in found}


def _pair_names(
    session: Session,
    ids: set[str],
    read: Callable[[Session, Iterable[uuid.UUID]], dict[uuid.UUID, tuple[uuid.UUID, str, Any]]],
    page: str | None,
) -> dict[str, Named]:
    """Matches and placements: '<vacancy title> / <pool label>'."""
    wanted = _uuids(ids)
    found = read(session, wanted)
    labels = pool_labels(session, [pool for _, _, pool in found.values()])
    out = {}
    for i, (vacancy_id, title, pool) in found.items():
        href = f"/{page}/{i}" if page else f"/vacancies/{vacancy_id}"
        out[wanted[i]] = Named(f"{title} / {labels[pool.id]}", href)
    return out


def _matches(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    return _pair_names(session, ids, names_repo.match_pairs, None)


def _placements(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    return _pair_names(session, ids, names_repo.placement_pairs, "placements")


def _pathways(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    found = names_repo.pathway_names(session, ids)
    return {code: Named(f"{code} {name}", f"/pathways/{code}") for code, name in found.items()}


def _uploads(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    found = uploads_repo.upload_filenames(session, wanted)
    return {wanted[i]: Named(name, f"/uploads/{i}") for i, name in found.items()}


def _plans(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    out = {}
    for i, (created_at, scope) in allocation.plan_headers(session, wanted).items():
        narrowed = ", ".join(str(v) for v in scope.values()) or "everything"
        out[wanted[i]] = Named(f"Plan of {created_at:%Y-%m-%d %H:%M} ({narrowed})", f"/plans/{i}")
    return out


def _organisations(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    # The organisation and user pages are the admin console's: links for admins only.
    wanted = _uuids(ids)
    return {
        wanted[i]: Named(name, f"/admin/organisations/{slug}" if admin else None)
        for i, (name, slug) in names_repo.organisations(session, wanted).items()
    }


def _users(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    return {
        wanted[i]: Named(f"{name} <{email}>", f"/admin/users/{i}" if admin else None)
        for i, (name, email) in names_repo.users(session, wanted).items()
    }


def _keys(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    return {
        wanted[i]: Named(
            f"key {name} ({prefix}…) of {email}", f"/admin/keys/{i}" if admin else None
        )
        for i, (name, prefix, email) in names_repo.api_keys(session, wanted).items()
    }


def _sessions(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    return {
        wanted[i]: Named(f"web session of {email}")
        for i, email in names_repo.web_sessions(session, wanted).items()
    }


def _endpoints(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    wanted = _uuids(ids)
    return {
        wanted[i]: Named(f"webhook {shorten(url, 60)}")
        for i, url in names_repo.webhook_urls(session, wanted).items()
    }


def _rates(session: Session, ids: set[str], admin: bool) -> dict[str, Named]:
    out = {}
    for i in ids:  # "EUR@2026-01-01": the id says it all, no query
        currency, _, day = i.partition("@")
        out[i] = Named(f"{currency} rate of {day}" if day else i)
    return out


RESOLVERS: dict[str, Resolver] = {
    "vacancy": _vacancies,
    "pool": _pools,
    "match": _matches,
    "placement": _placements,
    "legal_pathway": _pathways,
    "survey_upload": _uploads,
    "allocation_plan": _plans,
    "organisation": _organisations,
    "user": _users,
    "api_key": _keys,
    "web_session": _sessions,
    "webhook_endpoint": _endpoints,
    "exchange_rate": _rates,
}


def _references(value: Any, field: str, into: dict[str, set[str]]) -> None:
    if isinstance(value, Mapping):
        for k, v in value.items():
            _references(v, str(k), into)
    elif isinstance(value, list | tuple):
        for v in value:
            _references(v, field, into)
    elif isinstance(value, str) and field in REFERENCES:
        into[REFERENCES[field]].add(value)


def resolve(
    session: Session, wanted: Mapping[str, set[str]], *, admin: bool
) -> dict[tuple[str, str], Named]:
    """(kind, id) -> name of every id asked for, one query per kind (a kind without a
    resolver, or an id not found, is left out)."""
    out: dict[tuple[str, str], Named] = {}
    for kind, ids in wanted.items():
        resolver = RESOLVERS.get(kind)
        if resolver is None or not ids:
            continue
        for i, named in resolver(session, set(ids), admin).items():
            out[(kind, i)] = named
    return out


@dataclass(frozen=True, slots=True)
class RawEvent:
    id: int
    at: datetime
    actor_id: uuid.UUID | None
    actor_email: str | None
    action: str
    entity_type: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def of(cls, event: AuditEvent, actor_email: str | None) -> RawEvent:
        """A row of the repository's list_events (the event and its actor's email)."""
        return cls(
            event.id,
            event.at,
            event.actor_id,
            actor_email,
            event.action,
            event.entity_type,
            event.entity_id,
            event.before,
            event.after,
        )


def views(session: Session, events: Sequence[RawEvent], *, admin: bool) -> list[EventView]:
    """The events with their names resolved (batched: one query per kind of entity)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for e in events:
        wanted[e.entity_type].add(e.entity_id)
        if e.actor_id is not None:
            wanted["user"].add(str(e.actor_id))
        _references(e.before, "", wanted)
        _references(e.after, "", wanted)
    names = resolve(session, wanted, admin=admin)
    out = []
    for e in events:
        actor = names.get(("user", str(e.actor_id))) if e.actor_id is not None else None
        if actor is None and e.actor_email:
            actor = Named(e.actor_email)
        entity = names.get((e.entity_type, e.entity_id)) or Named(_fallback(e))
        out.append(
            EventView(
                id=e.id,
                at=e.at,
                actor=actor,
                actor_email=e.actor_email,
                action=e.action,
                entity_type=e.entity_type,
                entity_id=e.entity_id,
                entity=entity,
                changes=diff(e.before, e.after, names),
            )
        )
    return out


def _fallback(e: RawEvent) -> str:
    """An entity no longer stored (or of a kind without names): its kind and a short id."""
    return f"{_label(e.entity_type)} {shorten(e.entity_id, 13)}"
