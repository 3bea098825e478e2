"""The schema is made only by Alembic: it round-trips and matches the ORM models; data
migrations keep what they must (0007: duplicate pools merged, no decision lost)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app.migrate import downgrade, upgrade
from app.models import Base


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_round_trips(backend) -> None:
    url = backend.empty()
    upgrade(url)
    assert _tables(url) == set(Base.metadata.tables)
    downgrade(url, "base")
    assert _tables(url) == set()
    upgrade(url)
    assert _tables(url) == set(Base.metadata.tables)
    backend.drop(url)


def test_migrations_match_the_models(backend) -> None:
    url = backend.template("schema")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], f"models and migrations disagree: {diff}"


# ---- 0007: pool identity ---------------------------------------------------------------------

U, S, N, F, B, J, D, T = (
    sa.Uuid(),
    sa.String(),
    sa.Integer(),
    sa.Float(),
    sa.Boolean(),
    sa.JSON(),
    sa.Date(),
    sa.DateTime(timezone=True),
)


def _table(table: str, **columns: Any) -> sa.TableClause:
    """The columns the test writes, with their types (UUIDs are stored as the app stores them)."""
    return sa.table(table, *(sa.column(c, t) for c, t in columns.items()))


ORGS = _table("organisations", id=U, slug=S, name=S, kind=S, country=S, created_at=T)
USERS = _table("users", id=U, email=S, name=S, role=S, organisation_id=U, is_active=B, created_at=T)
OCCUPATIONS = _table("occupations", code=S, level=N, title=S, alt_labels=J)
SECTORS = _table("sectors", code=S, level=S, title=S)
SKILLS = _table("skills", id=S, label=S, alt_labels=J, description=S, is_group=B, source=S)
VACANCIES = _table(
    "vacancies", id=U, employer_id=U, title=S, description=S, destination_country=S,
    occupation_code=S, openings=N, contract_type=S, start_date=D, employer_pays_fees=B,
    pathway_codes=J, status=S, version=N, created_at=T, updated_at=T,
)  # fmt: skip
UPLOADS = _table(
    "survey_uploads", id=U, organisation_id=U, filename=S, file_format=S, mode=S, checksum=S,
    size_bytes=N, rows_read=N, rows_accepted=N, rows_rejected=N, cells_suppressed=N, errors=J,
    report=J, status=S, created_at=T,
)  # fmt: skip
POOLS = _table(
    "pools", id=U, ministry_id=U, origin_country=S, region=S, occupation_code=S, sector_code=S,
    headcount=N, isced_level=N, experience_years=F, upload_id=U, status=S, version=N,
    created_at=T, updated_at=T,
)  # fmt: skip
POOL_SKILLS = _table("pool_skills", pool_id=U, skill_id=S, share=F)
POOL_LANGUAGES = _table("pool_languages", pool_id=U, language=S, level=S, share=F)
MATCHES = _table(
    "matches", id=U, vacancy_id=U, pool_id=U, score=F, components=J, eligible=B,
    eligible_headcount=N, reasons=J, explanation=J, engine_version=S, weights_hash=S,
    computed_at=T,
)  # fmt: skip
DECISIONS = _table(
    "decisions", id=U, match_id=U, vacancy_id=U, pool_id=U, officer_id=U, decision=S, note=S,
    headcount=N, created_at=T,
)  # fmt: skip
PLANS = _table(
    "allocation_plans", id=U, scope=J, options=J, solver_status=S, objective=F,
    greedy_objective=F, status=S, created_by_id=U, created_at=T,
)  # fmt: skip
ASSIGNMENTS = _table(
    "allocation_assignments", id=U, plan_id=U, vacancy_id=U, pool_id=U, pathway_code=S,
    headcount=N, score=F,
)  # fmt: skip
IDEMPOTENCY = _table(
    "idempotency_records", id=U, user_id=U, key=S, method=S, path=S, request_hash=S,
    status_code=N, response_body=J, created_at=T,
)  # fmt: skip
AUDIT = _table("audit_events", action=S, entity_type=S, entity_id=S, after=J)
VERSIONS = _table("pool_versions", pool_id=U, version=N, figures=J, replaced_by_action=S)
KEYED = _table("pools", id=U, ministry_id=U, status=S, identity_key=S, sector_code=S, version=N)


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 12, 0, tzinfo=UTC)


def _seed_0006(conn: sa.Connection) -> dict[str, uuid.UUID]:
    """Duplicate pools as a ministry that uploaded one table twice would have them, with
    matches, decisions, an allocation plan and a stored Idempotency-Key response on them."""
    ids = {
        name: uuid.uuid4()
        for name in (
            "ministry", "ministry2", "employer", "officer", "upload", "a1", "a2", "a3", "a4",
            "b1", "b2", "c", "d", "v1", "v2", "v3", "m_v1_a1", "m_v1_a2", "m_v2_a3", "m_v3_a1",
            "plan",
        )
    }  # fmt: skip
    run = conn.execute
    run(ORGS.insert(), [
        {"id": ids[o], "slug": o, "name": o, "kind": k, "country": c, "created_at": _at(1)}
        for o, k, c in (("ministry", "ministry", "PH"), ("ministry2", "ministry", "PH"),
                        ("employer", "employer", "DE"))
    ])  # fmt: skip
    run(USERS.insert(), [{
        "id": ids["officer"], "email": "o@x.org", "name": "o", "role": "officer",
        "organisation_id": ids["employer"], "is_active": True, "created_at": _at(1),
    }])  # fmt: skip
    run(OCCUPATIONS.insert(), [
        {"code": c, "level": 4, "title": c, "alt_labels": []} for c in ("2221", "5321")
    ])  # fmt: skip
    run(SECTORS.insert(), [{"code": "86", "level": "division", "title": "Health"}])
    run(SKILLS.insert(), [{
        "id": "wound-care", "label": "wound care", "alt_labels": [], "description": "",
        "is_group": False, "source": "builtin",
    }])  # fmt: skip
    run(VACANCIES.insert(), [{
        "id": ids[v], "employer_id": ids["employer"], "title": v, "description": "",
        "destination_country": "DE", "occupation_code": "2221", "openings": 9,
        "contract_type": "permanent", "start_date": date(2027, 3, 1),
        "employer_pays_fees": True, "pathway_codes": [], "status": "open", "version": 1,
        "created_at": _at(1), "updated_at": _at(1),
    } for v in ("v1", "v2", "v3")])  # fmt: skip
    run(UPLOADS.insert(), [{
        "id": ids["upload"], "organisation_id": ids["ministry"], "filename": "m.csv",
        "file_format": "csv", "mode": "microdata", "checksum": "x", "size_bytes": 1,
        "rows_read": 5, "rows_accepted": 5, "rows_rejected": 0, "cells_suppressed": 0,
        "errors": [], "report": {}, "status": "accepted", "created_at": _at(1),
    }])  # fmt: skip

    def pool(name: str, day: int, **over: Any) -> dict[str, Any]:
        row = {
            "id": ids[name], "ministry_id": ids["ministry"], "origin_country": "PH",
            "region": "Central Luzon", "occupation_code": "2221", "sector_code": "86",
            "headcount": 100, "isced_level": 6, "experience_years": 4.0, "upload_id": None,
            "status": "active", "version": 1, "created_at": _at(day), "updated_at": _at(day),
        }  # fmt: skip
        return {**row, **over}

    run(POOLS.insert(), [
        # a1..a3: one pool stored three times (a2 spells the region otherwise): merged into a1.
        pool("a1", 2), pool("a2", 3, region=" central  LUZON"), pool("a3", 4),
        # a4: the same identity, other figures, changed last: stays active; a1 is withdrawn.
        pool("a4", 5, headcount=80),
        # b1 withdrawn, b2 active: one active pool of the identity already, nothing to do.
        pool("b1", 2, region=None, occupation_code="5321", sector_code=None, status="withdrawn"),
        pool("b2", 3, region=None, occupation_code="5321", sector_code=None),
        # Another ministry's pool of a1's identity is its own.
        pool("c", 2, ministry_id=ids["ministry2"]),
        # From a microdata upload: its sector goes (a microdata pool has none).
        pool("d", 2, region="Ilocos", upload_id=ids["upload"]),
    ])  # fmt: skip
    run(POOL_SKILLS.insert(), [
        {"pool_id": ids[p], "skill_id": "wound-care", "share": 0.5} for p in ("a1", "a2", "a3")
    ])  # fmt: skip
    run(POOL_LANGUAGES.insert(), [
        {"pool_id": ids[p], "language": "en", "level": "B2", "share": 0.6}
        for p in ("a1", "a2", "a3", "a4")
    ])  # fmt: skip

    def match(name: str, vacancy: str, pool_name: str) -> dict[str, Any]:
        return {
            "id": ids[name], "vacancy_id": ids[vacancy], "pool_id": ids[pool_name], "score": 0.7,
            "components": {}, "eligible": True, "eligible_headcount": 50, "reasons": [],
            "explanation": {}, "engine_version": "1.0.0", "weights_hash": "w",
            "computed_at": _at(6),
        }  # fmt: skip

    run(MATCHES.insert(), [
        match("m_v1_a1", "v1", "a1"), match("m_v1_a2", "v1", "a2"), match("m_v2_a3", "v2", "a3"),
        match("m_v3_a1", "v3", "a1"),  # undecided: goes when a1 is withdrawn
    ])  # fmt: skip

    def decision(match_name: str, vacancy: str, pool_name: str, kind: str, n: int) -> dict:
        return {
            "id": uuid.uuid4(), "match_id": ids[match_name], "vacancy_id": ids[vacancy],
            "pool_id": ids[pool_name], "officer_id": ids["officer"], "decision": kind,
            "note": "", "headcount": n, "created_at": _at(7),
        }  # fmt: skip

    run(DECISIONS.insert(), [
        decision("m_v1_a1", "v1", "a1", "approved", 5),
        decision("m_v1_a2", "v1", "a2", "shortlisted", 0),  # the same vacancy: matches collide
        decision("m_v2_a3", "v2", "a3", "approved", 3),
    ])  # fmt: skip
    run(PLANS.insert(), [{
        "id": ids["plan"], "scope": {}, "options": {}, "solver_status": "optimal",
        "objective": 1.0, "greedy_objective": 1.0, "status": "proposed",
        "created_by_id": ids["officer"], "created_at": _at(7),
    }])  # fmt: skip
    run(ASSIGNMENTS.insert(), [
        {"id": uuid.uuid4(), "plan_id": ids["plan"], "vacancy_id": ids[v], "pool_id": ids[p],
         "pathway_code": "PW", "headcount": n, "score": 0.7}
        for v, p, n in (("v1", "a1", 2), ("v1", "a2", 3), ("v2", "a3", 1))
    ])  # fmt: skip
    run(IDEMPOTENCY.insert(), [{
        "id": uuid.uuid4(), "user_id": ids["officer"], "key": "k1", "method": "POST",
        "path": "/api/v1/pools", "request_hash": "h", "status_code": 201,
        "response_body": {"id": str(ids["a2"]), "version": 1}, "created_at": _at(7),
    }])  # fmt: skip
    return ids


def test_0007_merges_duplicate_pools_and_loses_no_decision(backend) -> None:
    url = backend.empty()
    upgrade(url, "0006")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            ids = _seed_0006(conn)
        upgrade(url, "0007")
        with engine.connect() as conn:
            pools = {r.id: r for r in conn.execute(sa.select(KEYED))}
            name = {v: k for k, v in ids.items()}
            assert {name[i] for i in pools} == {"a1", "a4", "b1", "b2", "c", "d"}
            state = {name[i]: (r.status, r.version) for i, r in pools.items()}
            assert state == {
                "a1": ("withdrawn", 2),  # the merged duplicates, older than a4
                "a4": ("active", 1),
                "b1": ("withdrawn", 1),
                "b2": ("active", 1),
                "c": ("active", 1),
                "d": ("active", 2),
            }
            assert pools[ids["a1"]].identity_key == "PH|central luzon|2221|86"
            assert pools[ids["a4"]].identity_key == pools[ids["a1"]].identity_key
            assert pools[ids["b2"]].identity_key == "PH||5321|"
            assert pools[ids["d"]].sector_code is None
            assert pools[ids["d"]].identity_key == "PH|ilocos|2221|"

            # Every decision is kept, on the pool that stays; the matches of one vacancy are one.
            decisions = conn.execute(
                sa.select(DECISIONS.c.decision, DECISIONS.c.pool_id, DECISIONS.c.match_id)
            ).all()
            assert sorted((d, name[p], name[m]) for d, p, m in decisions) == [
                ("approved", "a1", "m_v1_a1"),
                ("approved", "a1", "m_v2_a3"),
                ("shortlisted", "a1", "m_v1_a1"),
            ]
            matches = conn.execute(sa.select(MATCHES.c.id, MATCHES.c.pool_id)).all()
            assert sorted((name[m], name[p]) for m, p in matches) == [
                ("m_v1_a1", "a1"),
                ("m_v2_a3", "a1"),
            ]
            assignments = conn.execute(
                sa.select(ASSIGNMENTS.c.vacancy_id, ASSIGNMENTS.c.pool_id, ASSIGNMENTS.c.headcount)
            ).all()
            assert sorted((name[v], name[p], n) for v, p, n in assignments) == [
                ("v1", "a1", 5),
                ("v2", "a1", 1),
            ]
            (body,) = conn.execute(sa.select(IDEMPOTENCY.c.response_body)).scalars()
            assert body == {"id": str(ids["a1"]), "version": 1}
            skills = conn.execute(sa.select(POOL_SKILLS.c.pool_id)).scalars().all()
            assert [name[p] for p in skills] == ["a1"]

            versions = conn.execute(
                sa.select(VERSIONS.c.pool_id, VERSIONS.c.version, VERSIONS.c.replaced_by_action)
            ).all()
            assert sorted((name[p], v, a) for p, v, a in versions) == [
                ("a1", 1, "withdraw"),
                ("d", 1, "update"),
            ]
            events = conn.execute(sa.select(AUDIT.c.action, AUDIT.c.entity_id, AUDIT.c.after)).all()
            actions = sorted((a, name[uuid.UUID(e)]) for a, e, _ in events)
            assert actions == [
                ("merge", "a1"), ("merge", "a1"), ("merge", "a2"), ("merge", "a3"),
                ("update", "d"), ("withdraw", "a1"),
            ]  # fmt: skip
            assert all("0007" in after["note"] for _, _, after in events)

        # The database now refuses a second active pool of one identity.
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.update(KEYED).where(KEYED.c.id == ids["a1"]).values(status="active"))
        # Later revisions run over the data, and the way back keeps it.
        upgrade(url)
        downgrade(url, "0006")
        upgrade(url)
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(KEYED)).scalar() == 6
    finally:
        engine.dispose()
        backend.drop(url)


PLACEMENTS = _table(
    "placements", decision_id=U, vacancy_id=U, approved=N, status=S, selected=N, version=N
)
LEDGER = _table(
    "decisions", id=U, match_id=U, vacancy_id=U, pool_id=U, officer_id=U, decision=S, note=S,
    headcount=N, pathway_code=S, quota_year=N, created_at=T,
)  # fmt: skip


def test_0013_gives_every_approval_in_force_its_placement(backend) -> None:
    url = backend.empty()
    upgrade(url, "0006")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            ids = _seed_0006(conn)
        upgrade(url, "0012")
        with engine.begin() as conn:
            # The approvals as the service writes them (a pathway and a quota year), and a
            # withdrawal of the second one; then it is approved again.
            conn.execute(
                LEDGER.update()
                .where(LEDGER.c.decision == "approved")
                .values(pathway_code="DE-SKILLED", quota_year=2027)
            )
            second = conn.execute(
                sa.select(LEDGER).where(
                    LEDGER.c.vacancy_id == ids["v2"], LEDGER.c.decision == "approved"
                )
            ).one()
            for decision, day in (("withdrawn", 20), ("approved", 21)):
                conn.execute(
                    LEDGER.insert().values(
                        id=uuid.uuid4(),
                        match_id=second.match_id,
                        vacancy_id=second.vacancy_id,
                        pool_id=second.pool_id,
                        officer_id=second.officer_id,
                        decision=decision,
                        note="",
                        headcount=second.headcount,
                        pathway_code="DE-SKILLED",
                        quota_year=2027,
                        created_at=_at(day),
                    )
                )
        upgrade(url, "0013")
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(PLACEMENTS.c.vacancy_id, PLACEMENTS.c.status, PLACEMENTS.c.approved)
            ).all()
        name = {v: k for k, v in ids.items()}
        assert sorted((name[v], s, n) for v, s, n in rows) == [
            ("v1", "active", 5),
            ("v2", "active", 3),
            ("v2", "withdrawn", 3),
        ]
    finally:
        engine.dispose()
