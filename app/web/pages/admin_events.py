"""The audit events of organisations, users and API keys in words, for the admin console.

An admin reads "Reset the web password; 2 web sessions ended", not {"has_password": true,
"sessions_ended": 2}. Events this module has no sentence for are still shown: their action
and a field-by-field before -> after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.web.render import env

if TYPE_CHECKING:  # annotations only: the pages reach the models through services
    from app.audit.models import AuditEvent


@dataclass(frozen=True, slots=True)
class EventLine:
    """One audit event as the console shows it."""

    at: datetime
    actor: str  # the acting user's email, or "system" (seed, CLI)
    text: str
    changes: list[str]  # field: before -> after, for events without a sentence of their own


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _moment(value: Any) -> str:
    """An ISO time from an event's JSON as the pages show times ("2030-12-31 23:59 UTC")."""
    if not isinstance(value, str):
        return _value(value)
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


def _sentence(event: AuditEvent) -> str | None:
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


def _changes(event: AuditEvent) -> list[str]:
    before = event.before or {}
    after = event.after or {}
    out = []
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old != new:
            name = field.replace("_", " ")
            out.append(
                f"{name}: {_value(new)}"
                if field not in before
                else f"{name}: {_value(old)} → {_value(new)}"
            )
    return out


def describe(event: AuditEvent, actor_email: str | None) -> EventLine:
    sentence = _sentence(event)
    return EventLine(
        at=event.at,
        actor=actor_email or "system",
        text=sentence or str(env.filters["label"](event.action)).capitalize(),
        changes=[] if sentence else _changes(event),
    )


def describe_all(rows: list[tuple[AuditEvent, str | None]]) -> list[EventLine]:
    return [describe(event, email) for event, email in rows]
