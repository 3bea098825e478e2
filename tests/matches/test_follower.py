"""The market follower (app/matches/live.py): a server process catches its market up in the
background, with no request asking, and stops with the app."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient
from sqlalchemy import select

from app import changes
from app.config import Settings
from app.main import create_app
from app.matches import live
from app.pools.models import Pool
from tests.conftest import BASE_URL


def _followers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "imdi-market-follower"]


def test_the_market_follows_writes_without_a_request(demo_database) -> None:
    settings = Settings(
        environment="test", database_url=demo_database.url, market_follow_seconds=0.05
    )
    before = len(_followers())
    with TestClient(create_app(settings, demo_database), base_url=BASE_URL):
        assert len(_followers()) == before + 1
        with demo_database.session() as s:
            pool = s.scalars(select(Pool).where(Pool.status == "active")).first()
            pool.headcount += 7
            s.commit()
            head, _ = changes.head(s)
            state = live._live_of(s)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            market = state.market
            if market is not None and market.seq >= head:
                break
            time.sleep(0.02)
        assert market is not None and market.seq >= head
        assert market.pools.get(str(pool.id)).headcount == pool.headcount
    assert len(_followers()) == before  # stopped with the app
