"""Authentication by API key, and the admin operations on organisations, users and keys."""

from __future__ import annotations

import uuid
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, Select, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.audit.service import record
from app.auth.models import ApiKey, Organisation, User
from app.auth.schemas import ROLE_ORGANISATION_KIND, OrganisationIn, OrganisationKind, UserIn
from app.auth.security import display_prefix, generate_api_key, hash_api_key, hash_password
from app.auth.sessions import revoke_user_sessions
from app.common import search
from app.common.lru import Lru
from app.common.principal import Principal, Role
from app.db import as_utc, utcnow, write_aside
from app.errors import NotFound, ProblemError, invalid

# Writing last_used_at on every request would turn every read into a write; a minute is
# precise enough to tell an abandoned key from a live one.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(slots=True)
class _Known:
    """A key seen valid at one change-feed head."""

    head: Hashable
    key_id: uuid.UUID
    principal: Principal
    last_used: datetime | None
    expires_at: datetime | None


class KeyCache:
    """Principals of the API keys seen recently, each tagged with the change-feed head it was
    read at. Every change to a user, an API key or an organisation is a change batch
    (app/changes/service.py), which moves the head: a principal cached at the head of now is what
    the database would answer, so a revoked key or a disabled user is refused by the next
    request in every process, as without the cache. The cache only saves the query."""

    def __init__(self, maxsize: int = 10_000) -> None:
        self._items: Lru[tuple[str, str], _Known] = Lru(maxsize)

    def get(self, slot: tuple[str, str], head: Hashable) -> _Known | None:
        found = self._items.get(slot)
        return found if found is not None and found.head == head else None

    def put(self, slot: tuple[str, str], known: _Known) -> None:
        self._items.put(slot, known)


KEYS = KeyCache()


def authenticate_key(session: Session, key: str, head: Hashable | None = None) -> Principal | None:
    """The principal of a valid API key, else None. With `head` (the change feed's head as the
    request began) a key already checked at that head is not read again."""
    digest = hash_api_key(key)
    slot = (str(session.get_bind().engine.url), digest)
    known = KEYS.get(slot, head) if head is not None else None
    if known is None:
        known = _read_key(session, digest, head)
        if known is None:
            return None
        if head is not None:
            KEYS.put(slot, known)
    now = utcnow()
    if known.expires_at is not None and _aware(known.expires_at) <= now:
        return None  # expired while cached (the query refuses it too)
    last = known.last_used
    if last is not None:
        last = _aware(last)
    if last is None or now - last > LAST_USED_RESOLUTION:
        write_aside(
            session, update(ApiKey).where(ApiKey.id == known.key_id).values(last_used_at=now)
        )
        known.last_used = now
    return known.principal


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes (stored as UTC).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _read_key(session: Session, digest: str, head: Hashable | None) -> _Known | None:
    # Plain columns rather than ORM entities: this runs on every API request not cached.
    row = session.execute(
        select(
            ApiKey.id,
            ApiKey.last_used_at,
            ApiKey.expires_at,
            User.id,
            User.email,
            User.role,
            User.organisation_id,
        )
        .join(User, User.id == ApiKey.user_id)
        .where(
            ApiKey.key_hash == digest,
            ApiKey.revoked_at.is_(None),
            or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > utcnow()),
            User.is_active.is_(True),
        )
    ).first()
    if row is None:
        return None
    key_id, last, expires_at, user_id, email, role, organisation_id = row
    principal = Principal(
        user_id=user_id, email=email, role=Role(role), organisation_id=organisation_id
    )
    return _Known(
        head=head, key_id=key_id, principal=principal, last_used=last, expires_at=expires_at
    )


def create_organisation(
    session: Session, actor: Principal | None, *, slug: str, name: str, kind: str, country: str
) -> Organisation:
    if session.scalar(select(Organisation).where(Organisation.slug == slug)):
        raise ProblemError(409, f"An organisation with slug {slug!r} exists already.")
    org = Organisation(slug=slug, name=name, kind=kind, country=country)
    session.add(org)
    session.flush()
    record(
        session,
        actor,
        "create",
        "organisation",
        org.id,
        None,
        {"slug": slug, "name": name, "kind": kind, "country": country},
    )
    return org


def create_user(
    session: Session,
    actor: Principal | None,
    *,
    email: str,
    name: str,
    role: Role,
    organisation: Organisation,
    password: str | None = None,
) -> User:
    if session.scalar(select(User).where(User.email == email.lower())):
        raise ProblemError(409, f"A user with email {email!r} exists already.")
    user = User(
        email=email.lower(),
        name=name,
        role=role.value,
        organisation_id=organisation.id,
        password_hash=hash_password(password) if password else None,
    )
    session.add(user)
    session.flush()
    record(
        session,
        actor,
        "create",
        "user",
        user.id,
        None,
        {"email": user.email, "role": user.role, "organisation": organisation.slug},
    )
    return user


def create_api_key(
    session: Session,
    actor: Principal | None,
    user: User,
    name: str,
    expires_at: datetime | None = None,
) -> tuple[ApiKey, str]:
    """Create a key (valid until `expires_at`, or until revoked); the clear key is returned
    once and never stored."""
    key = generate_api_key()
    api_key = ApiKey(
        user_id=user.id,
        name=name,
        prefix=display_prefix(key),
        key_hash=hash_api_key(key),
        expires_at=expires_at,
    )
    session.add(api_key)
    session.flush()
    record(
        session,
        actor,
        "create",
        "api_key",
        api_key.id,
        None,
        {
            "user": user.email,
            "name": name,
            "prefix": api_key.prefix,
            "expires_at": expires_at.isoformat() if expires_at else None,
        },
    )
    return api_key, key


def revoke_api_key(session: Session, actor: Principal | None, key_id: uuid.UUID) -> ApiKey:
    api_key = session.get(ApiKey, key_id)
    if api_key is None:
        raise ProblemError(404, f"API key {key_id} was not found.")
    if api_key.revoked_at is None:
        api_key.revoked_at = utcnow()
        session.flush()
        record(
            session, actor, "revoke", "api_key", api_key.id, {"revoked": False}, {"revoked": True}
        )
    return api_key


# ---- a user's password and whether the user may act: both end the user's web sessions --------


def set_password(session: Session, actor: Principal | None, user: User, password: str) -> int:
    """Set (or reset) a user's web password; every web session of the user ends, also the one
    that asked (its browser signs in again with the new password). Returns how many ended."""
    had = user.password_hash is not None
    user.password_hash = hash_password(password)
    ended = revoke_user_sessions(session, user.id, "password_changed")
    session.flush()
    # The audit trail says that the password changed, never anything about it.
    record(
        session,
        actor,
        "set_password",
        "user",
        user.id,
        {"has_password": had},
        {"has_password": True, "sessions_ended": ended},
    )
    return ended


def set_active(session: Session, actor: Principal | None, user: User, active: bool) -> int:
    """Activate or deactivate a user. A deactivated user's API keys stop working (they are kept,
    and work again on reactivation) and every web session ends. Returns how many ended."""
    if actor is not None and actor.user_id == user.id and not active:
        # An admin locking itself out could leave the service with no admin at all.
        raise ProblemError(409, "You cannot deactivate your own account.")
    ended = 0
    if user.is_active != active:
        user.is_active = active
        if not active:
            ended = revoke_user_sessions(session, user.id, "deactivated")
        session.flush()
        record(
            session,
            actor,
            "activate" if active else "deactivate",
            "user",
            user.id,
            {"is_active": not active},
            {"is_active": active, "sessions_ended": ended},
        )
    return ended


# ---- admin: listing, and creation from validated API/CLI input --------------------------------


def list_organisations(
    session: Session, *, kind: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Organisation], int]:
    stmt = select(Organisation)
    if kind:
        stmt = stmt.where(Organisation.kind == kind)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Organisation.slug).limit(limit).offset(offset)).all()
    return list(rows), total


def organisation_by_slug(session: Session, slug: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.slug == slug))


def add_organisation(
    session: Session, actor: Principal | None, data: OrganisationIn
) -> Organisation:
    return create_organisation(
        session,
        actor,
        slug=data.slug,
        name=data.name,
        kind=data.kind.value,
        country=data.country,
    )


def add_user(session: Session, actor: Principal | None, data: UserIn) -> User:
    """Create a user in an existing organisation whose kind fits the role."""
    org = organisation_by_slug(session, data.organisation)
    if org is None:
        raise invalid(
            [
                {
                    "field": "body.organisation",
                    "type": "unknown_organisation",
                    "message": f"there is no organisation {data.organisation!r}",
                }
            ]
        )
    wanted = ROLE_ORGANISATION_KIND[data.role]
    if org.kind != wanted:
        # Scoping is by organisation: an employer user in a ministry would see its pools.
        raise invalid(
            [
                {
                    "field": "body.role",
                    "type": "role_organisation_kind",
                    "message": f"a {data.role.value} user belongs to an organisation of kind "
                    f"{wanted.value}; {org.slug} is a {org.kind}",
                }
            ]
        )
    return create_user(
        session,
        actor,
        email=data.email,
        name=data.name,
        role=data.role,
        organisation=org,
        password=data.password,
    )


def list_users(
    session: Session,
    *,
    organisation: str | None = None,
    role: Role | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[tuple[User, Organisation]], int]:
    stmt = select(User, Organisation).join(Organisation, Organisation.id == User.organisation_id)
    if organisation:
        stmt = stmt.where(Organisation.slug == organisation)
    if role:
        stmt = stmt.where(User.role == role.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(stmt.order_by(User.email).limit(limit).offset(offset))
    return [(user, org) for user, org in rows], total


def get_user(session: Session, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("User", user_id)
    return user


def user_by_email(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise NotFound("User", email)
    return user


def list_keys(
    session: Session,
    *,
    user_id: uuid.UUID | None = None,
    include_revoked: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ApiKey], int]:
    stmt = select(ApiKey)
    if user_id:
        stmt = stmt.where(ApiKey.user_id == user_id)
    if not include_revoked:
        stmt = stmt.where(ApiKey.revoked_at.is_(None))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(
        stmt.order_by(ApiKey.created_at.desc(), ApiKey.id).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def revoke_own_key(session: Session, principal: Principal, key_id: uuid.UUID) -> ApiKey:
    """Revoke one of the principal's own keys; anyone else's answers 404, as if absent."""
    api_key = session.get(ApiKey, key_id)
    if api_key is None or api_key.user_id != principal.user_id:
        raise NotFound("API key", key_id)
    return revoke_api_key(session, principal, key_id)


# ---- the admin console's reads and the role change (app/web/pages/admin.py) ---------------------


def roles_for_kind(kind: str) -> list[Role]:
    """The roles a user of an organisation of this kind may have (an agency: officer or admin)."""
    return [role for role, wanted in ROLE_ORGANISATION_KIND.items() if wanted.value == kind]


def set_role(session: Session, actor: Principal | None, user: User, role: Role) -> bool:
    """Change a user's role within what the organisation's kind allows: in practice officer <->
    admin in the agency, since employer and ministry users have the one role their organisation
    fits. The user's keys and web sessions carry the new role from the next request (both read
    the user again: the change feed moves), so nothing needs to end. Returns whether it changed."""
    if user.role == role.value:
        return False
    if actor is not None and actor.user_id == user.id:
        # As with deactivation: an admin demoting itself could leave the service with no admin.
        raise ProblemError(409, "You cannot change your own role.")
    org = session.get_one(Organisation, user.organisation_id)
    wanted = ROLE_ORGANISATION_KIND[role]
    if org.kind != wanted:
        raise invalid(
            [
                {
                    "field": "body.role",
                    "type": "role_organisation_kind",
                    "message": f"a {role.value} user belongs to an organisation of kind "
                    f"{wanted.value}; {org.slug} is a {org.kind}",
                }
            ]
        )
    before = user.role
    user.role = role.value
    session.flush()
    record(session, actor, "change_role", "user", user.id, {"role": before}, {"role": role.value})
    return True


def _contains(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    # The admin lists search for the whole text as typed, not word by word.
    return search.contains(column, text.strip().lower())


def search_organisations(
    session: Session,
    *,
    q: str | None = None,
    kind: OrganisationKind | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[tuple[Organisation, int]], int]:
    """Organisations whose slug or name contains `q`, with how many users each has, by name;
    `limit` None: all of them (an export)."""
    stmt = select(Organisation)
    if q and q.strip():
        stmt = stmt.where(or_(_contains(Organisation.slug, q), _contains(Organisation.name, q)))
    if kind is not None:
        stmt = stmt.where(Organisation.kind == kind.value)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    users = (
        select(func.count(User.id))
        .where(User.organisation_id == Organisation.id)
        .correlate(Organisation)
        .scalar_subquery()
    )
    page = stmt.add_columns(users).order_by(Organisation.name, Organisation.id).offset(offset)
    if limit is not None:
        page = page.limit(limit)
    return [(org, int(n or 0)) for org, n in session.execute(page)], total


def search_users(
    session: Session,
    *,
    q: str | None = None,
    organisation_id: uuid.UUID | None = None,
    role: Role | None = None,
    active: bool | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[tuple[User, Organisation]], int]:
    """Users whose email or name contains `q`, filtered, by email; `limit` None: all."""
    stmt = select(User, Organisation).join(Organisation, Organisation.id == User.organisation_id)
    if q and q.strip():
        stmt = stmt.where(or_(_contains(User.email, q), _contains(User.name, q)))
    if organisation_id is not None:
        stmt = stmt.where(User.organisation_id == organisation_id)
    if role is not None:
        stmt = stmt.where(User.role == role.value)
    if active is not None:
        stmt = stmt.where(User.is_active.is_(active))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    page = stmt.order_by(User.email, User.id).offset(offset)
    if limit is not None:
        page = page.limit(limit)
    return [(user, org) for user, org in session.execute(page)], total


#: What an API key's state filter takes (KEY_STATES) and what key_state answers.
KEY_STATES = ("in_force", "revoked", "expired", "user_disabled")


def key_state(api_key: ApiKey, user: User) -> str:
    """Whether the key authenticates now, else why not (revoked beats expired beats a disabled
    user: the first is for good, the last comes back on reactivation)."""
    if api_key.revoked_at is not None:
        return "revoked"
    if api_key.expires_at is not None and as_utc(api_key.expires_at) <= utcnow():
        return "expired"
    return "in_force" if user.is_active else "user_disabled"


def _key_state_filter(
    stmt: Select[ApiKey, User, Organisation], state: str
) -> Select[ApiKey, User, Organisation]:
    now = utcnow()
    unrevoked = ApiKey.revoked_at.is_(None)
    unexpired = or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > now)
    if state == "revoked":
        return stmt.where(ApiKey.revoked_at.is_not(None))
    if state == "expired":
        return stmt.where(unrevoked, ApiKey.expires_at <= now)
    if state == "user_disabled":
        return stmt.where(unrevoked, unexpired, User.is_active.is_(False))
    return stmt.where(unrevoked, unexpired, User.is_active.is_(True))  # in force


def search_keys(
    session: Session,
    *,
    q: str | None = None,
    organisation_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
    state: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[tuple[ApiKey, User, Organisation]], int]:
    """API keys with their user and organisation, newest first (ties by id). `q` is in the
    key's name or prefix, or its user's email; `state` one of KEY_STATES; `limit` None: all."""
    stmt = (
        select(ApiKey, User, Organisation)
        .join(User, User.id == ApiKey.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
    )
    if q and q.strip():
        stmt = stmt.where(
            or_(_contains(ApiKey.name, q), _contains(ApiKey.prefix, q), _contains(User.email, q))
        )
    if organisation_id is not None:
        stmt = stmt.where(User.organisation_id == organisation_id)
    if user_id is not None:
        stmt = stmt.where(ApiKey.user_id == user_id)
    if state in KEY_STATES:
        stmt = _key_state_filter(stmt, state)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    page = stmt.order_by(ApiKey.created_at.desc(), ApiKey.id).offset(offset)
    if limit is not None:
        page = page.limit(limit)
    return [(k, u, o) for k, u, o in session.execute(page)], total


def get_key(session: Session, key_id: uuid.UUID) -> tuple[ApiKey, User, Organisation]:
    row = session.execute(
        select(ApiKey, User, Organisation)
        .join(User, User.id == ApiKey.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(ApiKey.id == key_id)
    ).first()
    if row is None:
        raise NotFound("API key", key_id)
    api_key, user, org = row
    return api_key, user, org


@dataclass(frozen=True, slots=True)
class AdminCounts:
    """The admin overview's figures."""

    organisations: dict[str, int]  # kind -> how many
    users: dict[str, int]  # role -> how many active
    users_disabled: int
    users_without_password: int
    keys_in_force: int
    keys_never_used: int  # of those in force
    keys_revoked: int
    keys_expired: int


def admin_counts(session: Session) -> AdminCounts:
    by_kind = select(Organisation.kind, func.count()).group_by(Organisation.kind)
    orgs = {str(k): int(n) for k, n in session.execute(by_kind)}
    by_role = select(User.role, func.count()).where(User.is_active.is_(True)).group_by(User.role)
    roles = {str(r): int(n) for r, n in session.execute(by_role)}
    disabled = session.scalar(select(func.count()).where(User.is_active.is_(False))) or 0
    no_password = (
        session.scalar(
            select(func.count()).where(User.is_active.is_(True), User.password_hash.is_(None))
        )
        or 0
    )
    now = utcnow()
    keys = select(func.count()).select_from(ApiKey).join(User, User.id == ApiKey.user_id)
    unrevoked = ApiKey.revoked_at.is_(None)
    unexpired = or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > now)
    in_force = (unrevoked, unexpired, User.is_active.is_(True))
    return AdminCounts(
        organisations=orgs,
        users=roles,
        users_disabled=int(disabled),
        users_without_password=int(no_password),
        keys_in_force=int(session.scalar(keys.where(*in_force)) or 0),
        keys_never_used=int(
            session.scalar(keys.where(*in_force, ApiKey.last_used_at.is_(None))) or 0
        ),
        keys_revoked=int(session.scalar(keys.where(ApiKey.revoked_at.is_not(None))) or 0),
        keys_expired=int(session.scalar(keys.where(unrevoked, ApiKey.expires_at <= now)) or 0),
    )
