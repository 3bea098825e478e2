"""Pools have an identity: survey waves update a pool instead of adding a second one

Design section 3: a pool's identity is (ministry, origin country, region, occupation, sector
experience). This revision

- adds pools.identity_key, the normalised identity ("PH|central luzon|2221|86": region
  case-folded and whitespace collapsed, a missing region or sector empty), a lookup index on
  (ministry_id, identity_key) in place of the one on ministry_id, and a partial unique index on
  (ministry_id, identity_key) over active pools;
- adds pool_versions, the figures a pool had before a write replaced them;
- makes the existing rows satisfy the rule, by the same steps the service would take, each with
  a pool_versions row and an audit event (actor: the system):
  1. pools from microdata uploads lose their sector: a microdata wave groups respondents by
     (origin, region, occupation), so its pools have no sector experience, and the next wave
     must find them by that identity;
  2. exact duplicates (same identity, same status and the same figures, skills and languages)
     are merged into the oldest: their matches, decisions and allocation assignments move to it
     (a match of the same vacancy that both have becomes one, its decisions all kept), and the
     stored responses of Idempotency-Keys name it instead;
  3. of several active pools of one identity that still differ, the one changed last stays
     active and the others are withdrawn (their decided pairs stay, as a withdrawal leaves them).

Plain SQL through SQLAlchemy Core, the same on SQLite and PostgreSQL. The identity rule is
copied here on purpose: a migration must not change when the application's code does.

SQLite cannot make an existing column NOT NULL without rebuilding the table, and rebuilding
`pools` with foreign keys on would cascade into its matches; so on SQLite the column is added as
NOT NULL with an empty default (the application always sets it), on PostgreSQL it is filled and
then made NOT NULL.

Downgrade drops the column, the indexes and pool_versions; merges and withdrawals stay.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 03:07:00
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_LENGTH = 320
_ACTIVE = sa.text("status = 'active'")
_CHUNK = 5_000
_NOTE = "migration 0007 (pool identity)"

_pools = sa.table(
    "pools",
    sa.column("id", sa.Uuid()),
    sa.column("ministry_id", sa.Uuid()),
    sa.column("external_ref", sa.String()),
    sa.column("origin_country", sa.String()),
    sa.column("region", sa.String()),
    sa.column("occupation_code", sa.String()),
    sa.column("occupation_coding", sa.JSON()),
    sa.column("esco_occupation_uri", sa.String()),
    sa.column("sector_code", sa.String()),
    sa.column("identity_key", sa.String()),
    sa.column("headcount", sa.Integer()),
    sa.column("isced_level", sa.Integer()),
    sa.column("experience_years", sa.Float()),
    sa.column("available_from", sa.Date()),
    sa.column("upload_id", sa.Uuid()),
    sa.column("status", sa.String()),
    sa.column("version", sa.Integer()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
_skills = sa.table(
    "pool_skills",
    sa.column("pool_id", sa.Uuid()),
    sa.column("skill_id", sa.String()),
    sa.column("share", sa.Float()),
)
_languages = sa.table(
    "pool_languages",
    sa.column("pool_id", sa.Uuid()),
    sa.column("language", sa.String()),
    sa.column("level", sa.String()),
    sa.column("share", sa.Float()),
)
_uploads = sa.table("survey_uploads", sa.column("id", sa.Uuid()), sa.column("mode", sa.String()))
_matches = sa.table(
    "matches",
    sa.column("id", sa.Uuid()),
    sa.column("vacancy_id", sa.Uuid()),
    sa.column("pool_id", sa.Uuid()),
)
_decisions = sa.table(
    "decisions",
    sa.column("id", sa.Uuid()),
    sa.column("match_id", sa.Uuid()),
    sa.column("vacancy_id", sa.Uuid()),
    sa.column("pool_id", sa.Uuid()),
)
_assignments = sa.table(
    "allocation_assignments",
    sa.column("id", sa.Uuid()),
    sa.column("plan_id", sa.Uuid()),
    sa.column("vacancy_id", sa.Uuid()),
    sa.column("pool_id", sa.Uuid()),
    sa.column("pathway_code", sa.String()),
    sa.column("headcount", sa.Integer()),
)
_idempotency = sa.table(
    "idempotency_records",
    sa.column("id", sa.Uuid()),
    sa.column("path", sa.String()),
    sa.column("response_body", sa.JSON()),
)
_audit = sa.table(
    "audit_events",
    sa.column("actor_id", sa.Uuid()),
    sa.column("action", sa.String()),
    sa.column("entity_type", sa.String()),
    sa.column("entity_id", sa.String()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("before", sa.JSON()),
    sa.column("after", sa.JSON()),
)
_versions = sa.table(
    "pool_versions",
    sa.column("pool_id", sa.Uuid()),
    sa.column("version", sa.Integer()),
    sa.column("figures", sa.JSON()),
    sa.column("valid_from", sa.DateTime(timezone=True)),
    sa.column("replaced_at", sa.DateTime(timezone=True)),
    sa.column("replaced_by_action", sa.String()),
    sa.column("replaced_by_id", sa.Uuid()),
    sa.column("replaced_by_upload_id", sa.Uuid()),
)

Row = Mapping[str, Any]
Children = dict[uuid.UUID, tuple[list[tuple[str, float]], list[tuple[str, str, float]]]]


def identity_key(origin: str, region: str | None, occupation: str, sector: str | None) -> str:
    region_key = " ".join((region or "").split()).casefold()
    return "|".join((origin.upper(), region_key, occupation, sector or ""))


def _key(row: Row) -> str:
    return identity_key(
        row["origin_country"], row["region"], row["occupation_code"], row["sector_code"]
    )


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _children(conn: sa.Connection, ids: Sequence[uuid.UUID]) -> Children:
    out: Children = {i: ([], []) for i in ids}
    for chunk in _chunks(list(ids)):
        for pool_id, skill, share in conn.execute(
            sa.select(_skills.c.pool_id, _skills.c.skill_id, _skills.c.share).where(
                _skills.c.pool_id.in_(chunk)
            )
        ):
            out[pool_id][0].append((skill, share))
        for pool_id, lang, level, share in conn.execute(
            sa.select(
                _languages.c.pool_id, _languages.c.language, _languages.c.level, _languages.c.share
            ).where(_languages.c.pool_id.in_(chunk))
        ):
            out[pool_id][1].append((lang, level, share))
    return out


def _state(row: Row, children: Children) -> dict[str, Any]:
    """The pool's state as app.pools.service.state records it (audit, pool_versions)."""
    skills, languages = children.get(row["id"], ([], []))
    available = row["available_from"]
    return {
        "external_ref": row["external_ref"],
        "origin_country": row["origin_country"],
        "region": row["region"],
        "occupation": row["occupation_code"],
        "occupation_coding": row["occupation_coding"],
        "esco_occupation": row["esco_occupation_uri"],
        "sector": row["sector_code"],
        "headcount": row["headcount"],
        "skills": [{"skill": s, "share": share} for s, share in sorted(skills)],
        "languages": [
            {"language": lang, "level": level, "share": share}
            for lang, level, share in sorted(languages)
        ],
        "isced_level": row["isced_level"],
        "experience_years": row["experience_years"],
        "available_from": available.isoformat() if available else None,
        "upload_id": str(row["upload_id"]) if row["upload_id"] else None,
        "status": row["status"],
    }


def _event(
    conn: sa.Connection,
    action: str,
    pool_id: uuid.UUID,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    at: datetime,
) -> None:
    conn.execute(
        _audit.insert().values(
            actor_id=None,
            action=action,
            entity_type="pool",
            entity_id=str(pool_id),
            at=at,
            before=before,
            after={**after, "note": _NOTE},
        )
    )


def _supersede(
    conn: sa.Connection,
    row: Row,
    children: Children,
    changes: dict[str, Any],
    action: str,
    at: datetime,
) -> None:
    """Keep the row's figures as a version, then write `changes` as version + 1."""
    conn.execute(
        _versions.insert().values(
            pool_id=row["id"],
            version=row["version"],
            figures=_state(row, children),
            valid_from=row["updated_at"],
            replaced_at=at,
            replaced_by_action=action,
            replaced_by_id=None,
            replaced_by_upload_id=None,
        )
    )
    conn.execute(
        _pools.update()
        .where(_pools.c.id == row["id"])
        .values(**changes, version=row["version"] + 1, updated_at=at)
    )


def _pool_rows(conn: sa.Connection, where: Any = None) -> list[dict[str, Any]]:
    stmt = sa.select(*[c for c in _pools.c if c.name != "identity_key"])
    if where is not None:
        stmt = stmt.where(where)
    return [dict(r) for r in conn.execute(stmt).mappings()]


# ---- 1. microdata pools have no sector ---------------------------------------------------------


def _clear_microdata_sectors(conn: sa.Connection, at: datetime) -> None:
    microdata = sa.select(_uploads.c.id).where(_uploads.c.mode == "microdata")
    rows = _pool_rows(
        conn, sa.and_(_pools.c.sector_code.is_not(None), _pools.c.upload_id.in_(microdata))
    )
    if not rows:
        return
    children = _children(conn, [r["id"] for r in rows])
    for row in rows:
        _supersede(conn, row, children, {"sector_code": None}, "update", at)
        _event(conn, "update", row["id"], {"sector": row["sector_code"]}, {"sector": None}, at)


# ---- 2. exact duplicates merge into the oldest ----------------------------------------------


def _signature(row: Row, children: Children) -> tuple[Any, ...]:
    skills, languages = children.get(row["id"], ([], []))
    return (
        row["status"],
        row["headcount"],
        row["isced_level"],
        row["experience_years"],
        row["available_from"],
        row["esco_occupation_uri"],
        frozenset(skills),
        frozenset(languages),
    )


def _merge(conn: sa.Connection, dup: uuid.UUID, keeper: uuid.UUID, at: datetime) -> None:
    """Move everything that refers to `dup` onto `keeper`, then delete `dup`."""
    kept = {
        vacancy: match
        for match, vacancy in conn.execute(
            sa.select(_matches.c.id, _matches.c.vacancy_id).where(_matches.c.pool_id == keeper)
        )
    }
    for match, vacancy in conn.execute(
        sa.select(_matches.c.id, _matches.c.vacancy_id).where(_matches.c.pool_id == dup)
    ).all():
        if vacancy in kept:
            # matches are unique per (vacancy, pool): one match, with both pools' decisions.
            conn.execute(
                _decisions.update()
                .where(_decisions.c.match_id == match)
                .values(match_id=kept[vacancy])
            )
            conn.execute(_matches.delete().where(_matches.c.id == match))
        else:
            conn.execute(_matches.update().where(_matches.c.id == match).values(pool_id=keeper))
    conn.execute(_decisions.update().where(_decisions.c.pool_id == dup).values(pool_id=keeper))

    # An allocation plan that assigned both pools to one vacancy by one pathway: one assignment.
    own = {
        (plan, vacancy, pathway): ident
        for ident, plan, vacancy, pathway in conn.execute(
            sa.select(
                _assignments.c.id,
                _assignments.c.plan_id,
                _assignments.c.vacancy_id,
                _assignments.c.pathway_code,
            ).where(_assignments.c.pool_id == keeper)
        )
    }
    for ident, plan, vacancy, pathway, headcount in conn.execute(
        sa.select(
            _assignments.c.id,
            _assignments.c.plan_id,
            _assignments.c.vacancy_id,
            _assignments.c.pathway_code,
            _assignments.c.headcount,
        ).where(_assignments.c.pool_id == dup)
    ).all():
        target = own.get((plan, vacancy, pathway))
        if target is None:
            conn.execute(
                _assignments.update().where(_assignments.c.id == ident).values(pool_id=keeper)
            )
        else:
            conn.execute(
                _assignments.update()
                .where(_assignments.c.id == target)
                .values(headcount=_assignments.c.headcount + headcount)
            )
            conn.execute(_assignments.delete().where(_assignments.c.id == ident))

    conn.execute(_skills.delete().where(_skills.c.pool_id == dup))
    conn.execute(_languages.delete().where(_languages.c.pool_id == dup))
    conn.execute(_versions.delete().where(_versions.c.pool_id == dup))
    conn.execute(_pools.delete().where(_pools.c.id == dup))
    _event(conn, "merge", keeper, None, {"merged_pool": str(dup)}, at)
    _event(conn, "merge", dup, None, {"merged_into": str(keeper)}, at)


def _rename_in_idempotency(conn: sa.Connection, merged: Mapping[uuid.UUID, uuid.UUID]) -> None:
    """Stored first responses of pool requests name the kept pool instead of a merged one."""
    if not merged:
        return
    names = {str(dup): str(keeper) for dup, keeper in merged.items()}
    for ident, body in conn.execute(
        sa.select(_idempotency.c.id, _idempotency.c.response_body).where(
            _idempotency.c.path.like("/api/v1/pools%")
        )
    ).all():
        text = json.dumps(body)
        new = text
        for dup, keeper in names.items():
            new = new.replace(dup, keeper)
        if new != text:
            conn.execute(
                _idempotency.update()
                .where(_idempotency.c.id == ident)
                .values(response_body=json.loads(new))
            )


# ---- 3. one active pool per identity ----------------------------------------------------------


def _withdraw(conn: sa.Connection, row: Row, children: Children, at: datetime) -> None:
    _supersede(conn, row, children, {"status": "withdrawn"}, "withdraw", at)
    _event(conn, "withdraw", row["id"], {"status": "active"}, {"status": "withdrawn"}, at)
    # As re-ranking a withdrawn pool does: its pairs go, unless a decision refers to them.
    decided = sa.select(sa.literal(1)).where(
        sa.or_(
            _decisions.c.match_id == _matches.c.id,
            sa.and_(
                _decisions.c.vacancy_id == _matches.c.vacancy_id,
                _decisions.c.pool_id == _matches.c.pool_id,
            ),
        )
    )
    conn.execute(_matches.delete().where(_matches.c.pool_id == row["id"], ~decided.exists()))


def _order(row: Row) -> tuple[Any, ...]:
    return (row["created_at"], str(row["id"]))


def _settle(
    conn: sa.Connection,
    group: list[dict[str, Any]],
    children: Children,
    merged: dict[uuid.UUID, uuid.UUID],
    at: datetime,
) -> None:
    classes: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in group:
        classes[_signature(row, children)].append(row)
    survivors = []
    for same in classes.values():
        same.sort(key=_order)
        keeper = same[0]
        for dup in same[1:]:
            _merge(conn, dup["id"], keeper["id"], at)
            merged[dup["id"]] = keeper["id"]
        survivors.append(keeper)
    active = sorted(
        (r for r in survivors if r["status"] == "active"),
        key=lambda r: (r["updated_at"], r["created_at"], str(r["id"])),
    )
    for row in active[:-1]:
        _withdraw(conn, row, children, at)


def _settle_identities(conn: sa.Connection, at: datetime) -> dict[uuid.UUID, str]:
    """Merge and withdraw until every identity has one active pool; returns every pool's key."""
    rows = _pool_rows(conn)
    groups: dict[tuple[uuid.UUID, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[(row["ministry_id"], _key(row))].append(row)
    crowded = [g for g in groups.values() if len(g) > 1]
    merged: dict[uuid.UUID, uuid.UUID] = {}
    if crowded:
        children = _children(conn, [r["id"] for g in crowded for r in g])
        for group in crowded:
            _settle(conn, group, children, merged, at)
        # A merged pool's keeper may itself have been merged into another: follow the chain.
        for dup, keeper in list(merged.items()):
            while keeper in merged:
                keeper = merged[keeper]
            merged[dup] = keeper
        _rename_in_idempotency(conn, merged)
    return {row["id"]: _key(row) for row in rows if row["id"] not in merged}


def _store_keys(conn: sa.Connection, keys: Mapping[uuid.UUID, str]) -> None:
    stmt = (
        _pools.update()
        .where(_pools.c.id == sa.bindparam("b_id"))
        .values(identity_key=sa.bindparam("b_key"))
    )
    items = [{"b_id": ident, "b_key": key} for ident, key in keys.items()]
    for chunk in _chunks(items):
        conn.execute(stmt, list(chunk))


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    op.create_table(
        "pool_versions",
        sa.Column("pool_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_by_action", sa.String(length=10), nullable=False),
        sa.Column("replaced_by_id", sa.Uuid(), nullable=True),
        sa.Column("replaced_by_upload_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["pool_id"],
            ["pools.id"],
            name=op.f("fk_pool_versions_pool_id_pools"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"], ["users.id"], name=op.f("fk_pool_versions_replaced_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_upload_id"],
            ["survey_uploads.id"],
            name=op.f("fk_pool_versions_replaced_by_upload_id_survey_uploads"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("pool_id", "version", name=op.f("pk_pool_versions")),
    )
    # See the module docstring for the SQLite default.
    op.add_column(
        "pools",
        sa.Column(
            "identity_key",
            sa.String(length=KEY_LENGTH),
            nullable=not sqlite,
            server_default="" if sqlite else None,
        ),
    )

    at = datetime.now(UTC)
    _clear_microdata_sectors(conn, at)
    _store_keys(conn, _settle_identities(conn, at))

    if not sqlite:
        op.alter_column(
            "pools", "identity_key", existing_type=sa.String(KEY_LENGTH), nullable=False
        )
    op.drop_index("ix_pools_ministry_id", table_name="pools")
    op.create_index("ix_pools_ministry_identity", "pools", ["ministry_id", "identity_key"])
    op.create_index(
        "uq_pools_active_identity",
        "pools",
        ["ministry_id", "identity_key"],
        unique=True,
        sqlite_where=_ACTIVE,
        postgresql_where=_ACTIVE,
    )


def downgrade() -> None:
    op.drop_index("uq_pools_active_identity", table_name="pools")
    op.drop_index("ix_pools_ministry_identity", table_name="pools")
    op.create_index("ix_pools_ministry_id", "pools", ["ministry_id"])
    op.drop_column("pools", "identity_key")
    op.drop_table("pool_versions")
