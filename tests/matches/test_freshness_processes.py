"""The freshness guarantee across server processes and a restart (README, "Freshness").

Two real servers (uvicorn processes) on one database: a write through one is in the very next
ranking read through the other, and a restarted server ranks as the one that kept running.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.market import eligible

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "IMDI_DATABASE_URL": self.url,
            "IMDI_ENVIRONMENT": "development",
            "IMDI_LOG_LEVEL": "WARNING",
        }
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "app.main:create_app",
                    "--factory",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"server did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def get(self, path: str, headers: dict[str, str], **params: object) -> httpx.Response:
        return httpx.get(f"{self.base}{path}", headers=headers, params=params, timeout=30)

    def send(self, method: str, path: str, headers: dict[str, str], **kw: object) -> httpx.Response:
        return httpx.request(method, f"{self.base}{path}", headers=headers, timeout=30, **kw)


@pytest.fixture
def servers(demo_db_url: str, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    a, b = Server(demo_db_url, tmp_path / "a.log"), Server(demo_db_url, tmp_path / "b.log")
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        a.stop()
        b.stop()


def _items(server: Server, vacancy_id: object, officer: dict[str, str]) -> list[dict]:
    r = server.get(f"/api/v1/vacancies/{vacancy_id}/matches", officer, limit=200)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def _key(items: list[dict]) -> list[tuple]:
    return [(x["id"], x["score"], x["eligible"], x["eligible_headcount"]) for x in items]


def test_a_write_through_one_process_is_read_through_the_other(
    servers: tuple[Server, Server], demo_keys, demo_db_url: str
) -> None:
    from app.auth.models import Organisation
    from app.db import Database
    from app.pools.models import Pool
    from app.vacancies.models import Vacancy

    a, b = servers
    officer = next(iter(demo_keys["officer"].values()))
    db = Database(demo_db_url)
    try:
        m = eligible(db, min_headcount=2)[0]
        with db.session() as s:
            vacancy = s.get(Vacancy, m.vacancy_id)
            pool = s.get(Pool, m.pool_id)
            employer = demo_keys["employer"][s.get(Organisation, vacancy.employer_id).slug]
            ministry = demo_keys["ministry"][s.get(Organisation, pool.ministry_id).slug]
            version = vacancy.version
    finally:
        db.dispose()
    # Both processes have built their market and served this ranking.
    assert _key(_items(a, m.vacancy_id, officer)) == _key(_items(b, m.vacancy_id, officer))

    # A vacancy change through A: B's next read ranks the new version.
    r = a.send(
        "PATCH",
        f"/api/v1/vacancies/{m.vacancy_id}",
        {**employer, "If-Match": str(version)},
        json={"languages": [{"language": "is", "min_level": "C2"}]},
    )
    assert r.status_code == 200, r.text
    after = _items(b, m.vacancy_id, officer)
    assert after and all(x["components"]["language"] == 0 for x in after)

    # An approval through B: A's next read of the pair shows the headcount taken.
    pair = next(x for x in after if x["pool_id"] == str(m.pool_id))
    r = b.send(
        "POST",
        f"/api/v1/matches/{pair['id']}/decisions",
        officer,
        json={"decision": "approved", "headcount": 1, "note": "freshness"},
    )
    assert r.status_code == 201, r.text
    pool_page = a.get(f"/api/v1/pools/{m.pool_id}/matches", officer, limit=200)
    assert pool_page.status_code == 200, pool_page.text
    history = a.get(f"/api/v1/matches/{pair['id']}/decisions", officer).json()
    assert [d["decision"] for d in history] == ["approved"]

    # A pool withdrawn through A leaves B's next ranking.
    r = a.send("POST", f"/api/v1/pools/{m.pool_id}/withdraw", ministry, json={})
    assert r.status_code in (200, 409), r.text  # 409: a pool with an approval may be refused
    if r.status_code == 200:
        assert str(m.pool_id) not in {x["pool_id"] for x in _items(b, m.vacancy_id, officer)}

    # A restart: the new process ranks as the one that kept running.
    expected = _key(_items(b, m.vacancy_id, officer))
    a.stop()
    a.start()
    assert _key(_items(a, m.vacancy_id, officer)) == expected
