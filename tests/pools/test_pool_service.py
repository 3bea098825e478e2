"""The service functions the survey upload calls: check_pool_codes and store_pools (pools
created or updated by their identity, and withdrawn by a replacing wave)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.audit.models import AuditEvent
from app.common.principal import Principal, Role
from app.errors import ProblemError
from app.pools import service
from app.pools.models import Pool, PoolLanguage, PoolSkill, PoolVersion, identity_key
from app.pools.schemas import PoolIn
from app.pools.service import check_pool_codes, create_pools, plan_pools, store_pools
from tests.pools.conftest import allow_origins, pool_payload
from tests.vacancies.conftest import FakeSuggestion


def _principal(actor) -> Principal:
    return Principal(actor.user_id, "m@example.org", Role.MINISTRY, actor.org_id)


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_check_pool_codes_reports_item_relative_paths(database, actors) -> None:
    items = [
        PoolIn(**pool_payload()),
        PoolIn(**pool_payload(occupation="9999", sector="04")),
        PoolIn(**pool_payload(skills=[{"skill": "wound-care"}, {"skill": "nope"}])),
        PoolIn(**pool_payload(origin_country="IN")),
    ]
    ministry = actors["ministry"]  # of PH
    with database.session() as s:
        errors = check_pool_codes(s, items, organisation_id=ministry.org_id)
    assert set(errors) == {1, 2, 3}
    assert {e["field"] for e in errors[1]} == {"occupation", "sector"}
    assert [e["field"] for e in errors[2]] == ["skills[1].skill"]
    assert all(e["message"] and e["type"] == "unknown_code" for e in errors[1] + errors[2])
    assert [(e["field"], e["type"]) for e in errors[3]] == [
        ("origin_country", "origin_not_allowed")
    ]


def test_check_then_create_codes_each_title_once(database, actors, fake_coder) -> None:
    asked = fake_coder([FakeSuggestion("2221", "Nursing professionals", 0.9)])
    items = [PoolIn(**pool_payload(occupation="staff nurse", region=f"R{i}")) for i in range(3)]
    ministry = actors["ministry"]
    with database.transaction() as s:
        assert check_pool_codes(s, items, organisation_id=ministry.org_id) == {}
        pools = create_pools(s, _principal(ministry), items, organisation_id=ministry.org_id)
    assert asked == ["staff nurse"]
    assert [p.occupation_code for p in pools] == ["2221"] * 3
    assert pools[0].occupation_coding["input"] == "staff nurse"


def test_create_pools_stores_pools_children_and_audit(database, actors) -> None:
    ministry = actors["ministry"]
    items = [PoolIn(**pool_payload()), PoolIn(**pool_payload(region="Bicol", skills=[]))]
    with database.transaction() as s:
        before = _count(s, AuditEvent)
        pools = create_pools(s, _principal(ministry), items, organisation_id=ministry.org_id)
        assert all(isinstance(p, Pool) for p in pools)
    with database.session() as s:
        assert _count(s, Pool) == 2
        assert _count(s, PoolSkill) == 2 and _count(s, PoolLanguage) == 4
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "pool")).all()
        assert len(events) == 2 == _count(s, AuditEvent) - before
        assert {e.actor_id for e in events} == {ministry.user_id}
        assert {p.ministry_id for p in s.scalars(select(Pool))} == {ministry.org_id}


def test_create_pools_refuses_all_when_one_is_bad(database, actors) -> None:
    ministry = actors["ministry"]
    items = [PoolIn(**pool_payload()), PoolIn(**pool_payload(occupation="9999"))]
    with database.session() as s, pytest.raises(ProblemError) as caught:
        create_pools(s, _principal(ministry), items, organisation_id=ministry.org_id)
    assert caught.value.status == 422
    assert [e["field"] for e in caught.value.errors] == ["[1].occupation"]
    with database.session() as s:
        assert _count(s, Pool) == 0


# ---- identity ----------------------------------------------------------------------------------


def _store(database, actor, *payloads, replace: bool = False):
    """store_pools in a transaction of its own; `replace`: withdraw the ministry's other pools."""
    with database.transaction() as s:
        among = (
            list(s.scalars(select(Pool).where(Pool.ministry_id == actor.org_id)))
            if replace
            else None
        )
        return store_pools(
            s,
            _principal(actor),
            [PoolIn(**p) for p in payloads],
            organisation_id=actor.org_id,
            withdraw_among=among,
        )


def _events(session, pool_id) -> list[AuditEvent]:
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == "pool", AuditEvent.entity_id == str(pool_id))
            .order_by(AuditEvent.id)
        )
    )


def test_identity_key_normalises_region_and_keeps_missing_parts_apart() -> None:
    assert identity_key("ph", "  Central   LUZON ", "2221", "86") == "PH|central luzon|2221|86"
    assert identity_key("PH", None, "2221", None) == identity_key("PH", "", "2221", None)
    assert identity_key("PH", None, "2221", None) != identity_key("PH", None, "2221", "86")


def test_the_same_identity_updates_the_pool_and_keeps_its_history(database, actors) -> None:
    ministry = actors["ministry"]
    (first,) = _store(database, ministry, pool_payload()).pools
    again = _store(
        database,
        ministry,
        pool_payload(
            region=" calabarzon ",  # the same region, spelt otherwise
            headcount=90,
            skills=[{"skill": "wound-care", "share": 0.4}],
            languages=[],
        ),
    )
    assert again.outcomes == ["updated"] and again.pools[0].id == first.id
    with database.session() as s:
        assert _count(s, Pool) == 1
        pool = s.get(Pool, first.id)
        assert (pool.version, pool.headcount, pool.region) == (2, 90, "calabarzon")
        assert s.scalars(select(PoolSkill.skill_id).where(PoolSkill.pool_id == pool.id)).all() == [
            "wound-care"
        ]
        assert _count(s, PoolLanguage) == 0
        (kept,) = s.scalars(select(PoolVersion)).all()
        assert (kept.pool_id, kept.version, kept.replaced_by_action) == (pool.id, 1, "update")
        assert kept.replaced_by_id == ministry.user_id
        assert kept.figures["headcount"] == 120 and len(kept.figures["skills"]) == 2
        assert kept.figures["region"] == "Calabarzon"
        create, update = _events(s, pool.id)
        assert (create.action, update.action) == ("create", "update")
        assert update.before["headcount"] == 120 and update.after["headcount"] == 90
        assert (update.before["version"], update.after["version"]) == (1, 2)
        assert "isced_level" not in update.after  # only what changed


def test_the_same_figures_are_a_new_version_too(database, actors) -> None:
    """A wave confirming a pool's figures is part of its history: updated, never skipped."""
    ministry = actors["ministry"]
    (first,) = _store(database, ministry, pool_payload()).pools
    again = _store(database, ministry, pool_payload())
    assert again.outcomes == ["updated"] and again.pools[0].id == first.id
    with database.session() as s:
        assert _count(s, Pool) == 1 and s.get(Pool, first.id).version == 2
        (kept,) = s.scalars(select(PoolVersion)).all()
        assert (kept.version, kept.replaced_by_action, kept.figures["headcount"]) == (
            1,
            "update",
            120,
        )
        _, update = _events(s, first.id)
        assert (update.action, update.before, update.after) == (
            "update",
            {"version": 1},
            {"version": 2},
        )


def test_missing_region_and_sector_are_part_of_the_identity(database, actors) -> None:
    ministry = actors["ministry"]
    bare = pool_payload(region=None, sector=None)
    stored = _store(database, ministry, bare, pool_payload(region=None), pool_payload(sector=None))
    assert stored.outcomes == ["created"] * 3
    again = _store(database, ministry, {**bare, "headcount": 7})
    assert again.outcomes == ["updated"] and again.pools[0].id == stored.pools[0].id
    # Another ministry's pool of the same identity is its own.
    allow_origins(database, actors["ministry2"], "PH")
    other = _store(database, actors["ministry2"], bare)
    assert other.outcomes == ["created"]


def test_two_items_of_one_identity_are_refused(database, actors) -> None:
    ministry = actors["ministry"]
    items = [
        pool_payload(),
        pool_payload(region="CALABARZON", headcount=5),
        pool_payload(region="X"),
    ]
    with pytest.raises(ProblemError) as caught:
        _store(database, ministry, *items)
    assert caught.value.status == 422
    assert [e["field"] for e in caught.value.errors] == ["[0]", "[1]"]
    with database.session() as s:
        assert _count(s, Pool) == 0


def test_a_withdrawn_pool_comes_back_with_the_new_figures(database, actors) -> None:
    ministry = actors["ministry"]
    (pool,) = _store(database, ministry, pool_payload()).pools
    with database.transaction() as s:
        service.withdraw_pool(s, _principal(ministry), pool.id, expected_version=None)
    again = _store(database, ministry, pool_payload())  # the same figures, but active again
    assert again.outcomes == ["updated"] and again.pools[0].id == pool.id
    with database.session() as s:
        back = s.get(Pool, pool.id)
        assert (back.status, back.version) == ("active", 3)
        actions = [
            v.replaced_by_action
            for v in s.scalars(select(PoolVersion).order_by(PoolVersion.version))
        ]
        assert actions == ["withdraw", "update"]


def test_withdraw_among_withdraws_what_the_items_do_not_name(database, actors) -> None:
    ministry = actors["ministry"]
    kept, dropped = _store(database, ministry, pool_payload(), pool_payload(region="Ilocos")).pools
    with database.session() as s:
        among = list(s.scalars(select(Pool)))
        plan = plan_pools(
            s, [PoolIn(**pool_payload())], organisation_id=ministry.org_id, withdraw_among=among
        )
        assert plan.outcomes == ["updated"] and [p.id for p in plan.withdraw] == [dropped.id]
    stored = _store(database, ministry, pool_payload(headcount=3), replace=True)
    assert stored.outcomes == ["updated"] and [p.id for p in stored.withdrawn] == [dropped.id]
    with database.session() as s:
        assert s.get(Pool, dropped.id).status == "withdrawn"
        assert s.get(Pool, kept.id).status == "active"
        assert [e.action for e in _events(s, dropped.id)] == ["create", "withdraw"]


def test_matches_are_reranked_once_for_every_changed_pool(database, actors, monkeypatch) -> None:
    ministry = actors["ministry"]
    same, updated, dropped = _store(
        database, ministry, pool_payload(), pool_payload(region="A"), pool_payload(region="B")
    ).pools
    calls: list[set[uuid.UUID]] = []
    monkeypatch.setattr(service.changes, "record", lambda _s, *, pools=(): calls.append(set(pools)))
    stored = _store(
        database,
        ministry,
        pool_payload(),
        pool_payload(region="A", headcount=1),
        pool_payload(region="C"),
        replace=True,
    )
    assert stored.outcomes == ["updated", "updated", "created"]
    assert calls == [{same.id, updated.id, dropped.id, stored.pools[2].id}]


def test_the_database_refuses_a_second_active_pool_of_one_identity(database, actors) -> None:
    ministry = actors["ministry"]
    (pool,) = _store(database, ministry, pool_payload()).pools

    def twin(status: str) -> Pool:
        return Pool(
            ministry_id=ministry.org_id,
            origin_country="PH",
            region="CALABARZON ",
            occupation_code="2221",
            sector_code="86",
            headcount=1,
            isced_level=6,
            experience_years=1.0,
            status=status,
        )

    with pytest.raises(IntegrityError), database.transaction() as s:
        s.add(twin("active"))
    with database.transaction() as s:  # a withdrawn one may share the identity
        s.add(twin("withdrawn"))
    with database.session() as s:
        assert {p.identity_key for p in s.scalars(select(Pool))} == {pool.identity_key}
