"""Demo credentials for match tests (the demo data is what `make run` loads)."""

from __future__ import annotations

import json

import pytest

from app.config import PROJECT_ROOT


@pytest.fixture(scope="session")
def demo_users() -> list[dict]:
    data = json.loads((PROJECT_ROOT / "seed_data/demo/organisations.json").read_text())
    return data["users"]


@pytest.fixture(scope="session")
def demo_keys(demo_users) -> dict[str, dict[str, str]]:
    """role -> {organisation slug: Authorization header}; the first user of each org."""
    out: dict[str, dict[str, str]] = {}
    for u in demo_users:
        out.setdefault(u["role"], {}).setdefault(
            u["organisation"], {"Authorization": f"Bearer {u['api_key']}"}
        )
    return out
