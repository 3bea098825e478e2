"""The audit events of organisations, users and API keys in words, for the admin console.

A sentence layer on top of app/web/audit_view.py, which names the actor and the entity and
diffs the fields (as the audit log does): an admin reads "Reset the web password; 2 web
sessions ended", not {"has_password": true, "sessions_ended": 2}. Events this module has no
sentence for are still shown: their action and audit_view's field-by-field diff."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.web import audit_view
from app.web.render import env

if TYPE_CHECKING:  # annotations only: the pages reach the models through services
    from app.audit.models import AuditEvent


@dataclass(frozen=True, slots=True)
class EventLine:
    """One audit event as the console shows it: audit_view's view, and a sentence when this
    module has one for the action."""

    view: audit_view.EventView
    sentence: str | None

    @property
    def at(self) -> datetime:
        return self.view.at

    @property
    def actor(self) -> audit_view.Named | None:  # None: the system (seed, CLI)
        return self.view.actor

    @property
    def entity(self) -> audit_view.Named:
        return self.view.entity

    @property
    def entity_type(self) -> str:
        return self.view.entity_type

    @property
    def text(self) -> str:
        return self.sentence or str(env.filters["label"](self.view.action)).capitalize()

    @property
    def changes(self) -> list[audit_view.Change]:
        # A sentence says what changed; the diff is for events without one.
        return [] if self.sentence else self.view.changes


def _moment(value: Any) -> str:
    """An ISO time from an event's JSON as the pages show times ("2030-12-31 23:59 UTC")."""
    if not isinstance(value, str):
        return str(value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return str(env.filters["when"](parsed))


def _ended(after: dict[str, Any]) -> str:
    n = after.get("sessions_ended")
    if not isinstance(n, int):
        return ""
    if n == 0:
        return "; no web session was open"
    return f"; {n} web session{'s' if n != 1 else ''} ended"


def sentence(event: AuditEvent) -> str | None:
    """The event in words, for the console's own actions (None: no sentence for it)."""
    before = event.before or {}
    after = event.after or {}
    country = env.filters["country"]
    match (event.entity_type, event.action):
        case ("organisation", "create"):
            return (
                f"Created the organisation {after.get('name')} ({after.get('slug')}): "
                f"{after.get('kind')} in {country(after.get('country')) or after.get('country')}"
            )
        case ("user", "create"):
            return (
                f"Created the user {after.get('email')} as {after.get('role')} "
                f"in {after.get('organisation')}"
            )
        case ("user", "set_password"):
            what = "Reset the web password" if before.get("has_password") else "Set a web password"
            return what + _ended(after)
        case ("user", "deactivate"):
            return "Disabled the user: API keys and web sign-in stopped working" + _ended(after)
        case ("user", "activate"):
            return "Enabled the user again: keys in force work again"
        case ("user", "change_role"):
            return f"Changed the role from {before.get('role')} to {after.get('role')}"
        case ("api_key", "create"):
            until = after.get("expires_at")
            return (
                f"Created the key “{after.get('name')}” ({after.get('prefix')}…) for "
                f"{after.get('user')}, valid "
                + (f"until {_moment(until)}" if until else "until revoked")
            )
        case ("api_key", "revoke"):
            return "Revoked the key: it no longer authenticates"
    return None


def describe_all(
    session: Session, rows: Sequence[tuple[AuditEvent, str | None]]
) -> list[EventLine]:
    """The events (rows of the repository's list_events) as the console shows them, their
    names resolved by audit_view in one query per kind of entity, with admin links."""
    views = audit_view.views(
        session, [audit_view.RawEvent.of(e, email) for e, email in rows], admin=True
    )
    return [EventLine(v, sentence(e)) for v, (e, _) in zip(views, rows, strict=True)]
