"""A ministry's matched vacancies are ranked once per market state: paging and reloading read
them again for free, and any committed write (a new change number) ranks them anew."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.auth.models import Organisation, User
from app.auth.repository import principal_of
from app.db import Database
from app.matches import repository
from app.vacancies.models import Vacancy
from tests.web.conftest import MINISTRY_ORG, settings_of

pytestmark = pytest.mark.postgres


def test_ranked_once_per_market_state(demo_database: Database, monkeypatch) -> None:
    settings = settings_of(demo_database)
    calls: list[object] = []
    real = repository.pool_ranking

    def counted(*args, **kwargs):
        calls.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(repository, "pool_ranking", counted)
    with demo_database.session() as s:
        user = s.scalars(
            select(User)
            .join(Organisation, Organisation.id == User.organisation_id)
            .where(Organisation.slug == MINISTRY_ORG)
        ).first()
        assert user is not None
        principal = principal_of(user)
    with demo_database.session() as s:
        first = repository.vacancies_matching_pools(s, settings, principal, limit=2, offset=0)
    ranked = len(calls)
    assert ranked == first.pools_ranked > 0 and first.total > 0
    with demo_database.session() as s:
        again = repository.vacancies_matching_pools(s, settings, principal, limit=2, offset=2)
    assert len(calls) == ranked  # the next page: no ranking
    assert again.total == first.total
    assert [i.vacancy.id for i in again.items] != [i.vacancy.id for i in first.items]

    # A committed write moves the market: the next view ranks again, and sees the change.
    with demo_database.transaction() as s:
        vacancy = s.get(Vacancy, first.items[0].vacancy.id)
        assert vacancy is not None
        vacancy.status = "closed"  # the feed records the change (app/changes watches vacancies)
    with demo_database.session() as s:
        after = repository.vacancies_matching_pools(s, settings, principal, limit=50, offset=0)
    assert len(calls) == 2 * ranked
    assert first.items[0].vacancy.id not in {i.vacancy.id for i in after.items}
