"""The service functions the survey upload calls: check_pool_codes and create_pools."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.principal import Principal, Role
from app.errors import ProblemError
from app.pools.models import Pool, PoolLanguage, PoolSkill
from app.pools.schemas import PoolIn
from app.pools.service import check_pool_codes, create_pools
from tests.pools.conftest import pool_payload
from tests.vacancies.conftest import FakeSuggestion


def _principal(actor) -> Principal:
    return Principal(actor.user_id, "m@example.org", Role.MINISTRY, actor.org_id)


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_check_pool_codes_reports_item_relative_paths(database) -> None:
    items = [
        PoolIn(**pool_payload()),
        PoolIn(**pool_payload(occupation="9999", sector="04")),
        PoolIn(**pool_payload(skills=[{"skill": "wound-care"}, {"skill": "nope"}])),
    ]
    with database.session() as s:
        errors = check_pool_codes(s, items)
    assert set(errors) == {1, 2}
    assert {e["field"] for e in errors[1]} == {"occupation", "sector"}
    assert [e["field"] for e in errors[2]] == ["skills[1].skill"]
    assert all(e["message"] and e["type"] == "unknown_code" for e in errors[1] + errors[2])


def test_check_then_create_codes_each_title_once(database, actors, fake_coder) -> None:
    asked = fake_coder([FakeSuggestion("2221", "Nursing professionals", 0.9)])
    items = [PoolIn(**pool_payload(occupation="staff nurse")) for _ in range(3)]
    ministry = actors["ministry"]
    with database.transaction() as s:
        assert check_pool_codes(s, items) == {}
        pools = create_pools(s, _principal(ministry), items, organisation_id=ministry.org_id)
    assert asked == ["staff nurse"]
    assert [p.occupation_code for p in pools] == ["2221"] * 3
    assert pools[0].occupation_coding["input"] == "staff nurse"


def test_create_pools_stores_pools_children_and_audit(database, actors) -> None:
    ministry = actors["ministry"]
    items = [PoolIn(**pool_payload()), PoolIn(**pool_payload(origin_country="VN", skills=[]))]
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
