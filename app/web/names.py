"""Readable names of the rows pages show: a pool is "Philippines, Western Visayas - Registered
nurses (385)", never an id."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Protocol

from sqlalchemy.orm import Session

from app.common import codes
from app.taxonomy import repository as taxonomy


class PoolLike(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def origin_country(self) -> str: ...
    @property
    def region(self) -> str | None: ...
    @property
    def occupation_code(self) -> str: ...
    @property
    def headcount(self) -> int: ...


def pool_label(pool: PoolLike, titles: Mapping[str, str]) -> str:
    """'Philippines, Western Visayas - Registered nurses (385)': origin, region, occupation and
    headcount, as a person would name the pool."""
    country = codes.countries().get(pool.origin_country, ("", pool.origin_country))[1]
    place = f"{country}, {pool.region}" if pool.region else country
    occupation = titles.get(pool.occupation_code) or f"ISCO {pool.occupation_code}"
    return f"{place} - {occupation} ({pool.headcount:,})"


def pool_labels(session: Session, pools: Iterable[PoolLike]) -> dict[uuid.UUID, str]:
    """Labels of these pools (one query for their occupations' titles)."""
    listed = list(pools)
    titles = taxonomy.occupation_titles(session, {p.occupation_code for p in listed})
    return {p.id: pool_label(p, titles) for p in listed}
