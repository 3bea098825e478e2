"""The access table of design section 8, one test per cell: test_<resource>__<role>.

Every cell is checked the way a user meets it, through the HTTP API on the demo data: what the
role may do succeeds (2xx) and shows only what it may see, what it may not do is a 403 (whatever
the id, so a 403 reveals nothing), and another organisation's object is a 404, never a 403.
The expected data is read from the database directly, not from another API call, so that a
scoping bug cannot hide behind the same bug in the oracle; the matches expected are the live
rankings of every open vacancy (tests/market.py, unscoped), narrowed here by the owners of
their vacancies and pools as the database records them.

Readings of the table where it leaves room (see the cells for details):
- employer x pools: employers read a pool matched with one of their vacancies (GET /pools/{id},
  aggregates only: no ministry, upload or ministry's reference) and the aggregate summaries
  inside the matches of their own vacancies; the pool list and writes are 403 for the role.
- admin x uploads: "all" is every read of every upload, every pool write and every upload, on
  behalf of the ministry named by ?ministry_id= (its country is the origin of microdata pools).
- organisations, users, keys: the row is the administration API (/api/v1/admin). Every user may
  still list, create and revoke their *own* keys under /api/v1/me (self-service, design section
  3); someone else's key there is a 404.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import ColumnElement, Select, func, select

from app.allocation.models import AllocationPlan
from app.audit.models import AuditEvent
from app.auth.models import ApiKey, Organisation, User
from app.db import Database
from app.decisions.models import Decision
from app.matches.models import Match
from app.matches.service import RankedMatch
from app.pathways.models import ExchangeRate, LegalPathway
from app.pools.models import Pool
from app.surveys.models import SurveyUpload
from app.vacancies.models import Vacancy
from tests.market import ranked

V = "/api/v1/vacancies"
P = "/api/v1/pools"
U = "/api/v1/uploads"
M = "/api/v1/matches"
D = "/api/v1/decisions"
PW = "/api/v1/pathways"
RATES = "/api/v1/exchange-rates"
PLANS = "/api/v1/allocation-plans"
ANALYTICS = (
    "/api/v1/analytics/shortage-surplus",
    "/api/v1/analytics/shortage-surplus.csv",
    "/api/v1/analytics/skills-gap",
    "/api/v1/analytics/skills-gap.csv",
    "/api/v1/analytics/outcomes",
    "/api/v1/analytics/outcomes.csv",
    "/api/v1/analytics/decisions-dataset.json",
    "/api/v1/analytics/decisions-dataset.csv",
)
AUDIT = "/api/v1/audit-events"
ADMIN = "/api/v1/admin"

#: What a match shows of a pool (PoolSummary): aggregates, nothing that names its ministry,
#: its upload or a person.
POOL_AGGREGATE_FIELDS = {
    "id",
    "origin_country",
    "region",
    "occupation",
    "headcount",
    "isced_level",
    "experience_years",
    "available_from",
}
#: Words of keys that would carry contact data or point at a person.
CONTACT_WORDS = ("contact", "email", "phone", "created_by")
#: ... and, for a pool shown to an employer, at its ministry, its upload or its ministry's ids.
POOL_LEAK_WORDS = (*CONTACT_WORDS, "ministry", "upload", "external_ref")
#: A past date: a rate may not be dated in the future.
RATE = {"currency": "USD", "rate": "0.9", "as_of": "2025-06-30"}

POOL_CSV = (
    "origin_country,region,occupation,sector,headcount,skills,languages,isced_level,"
    "experience_years,available_from\n"
    "{origin},Central,2221,86,120,patient-assessment;wound-care:0.5,en:B2:0.6,6,4.5,2027-03-01\n"
)


# ---- the demo world --------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    slug: str
    id: uuid.UUID
    headers: dict[str, str]


@dataclass(frozen=True)
class Demo:
    """The demo data seen by two employers, two ministries, an officer and an admin."""

    client: TestClient
    database: Database
    employer: Org
    employer2: Org
    ministry: Org
    ministry2: Org
    officer: dict[str, str]
    admin: dict[str, str]

    def scalar(self, stmt: Select[Any]) -> Any:
        with self.database.session() as s:
            return s.scalar(stmt)

    def scalars(self, stmt: Select[Any]) -> list[Any]:
        with self.database.session() as s:
            return list(s.scalars(stmt))

    def count(self, model: type, *where: ColumnElement[bool]) -> int:
        return int(self.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    def served(
        self,
        *,
        vacancy_id: uuid.UUID | None = None,
        pool_id: uuid.UUID | None = None,
        employer: Org | None = None,
        ministry: Org | None = None,
        include_ineligible: bool = False,
    ) -> list[RankedMatch]:
        """The matches the API ranks now (eligible ones unless asked: of an open vacancy and
        an active pool), best first, narrowed to a vacancy, a pool, or the vacancies of an
        employer and the pools of a ministry (owners as the database has them)."""
        with self.database.session() as s:
            employer_of = dict(s.execute(select(Vacancy.id, Vacancy.employer_id)).all())
            ministry_of = dict(s.execute(select(Pool.id, Pool.ministry_id)).all())
        keep: list[Callable[[RankedMatch], bool]] = []
        if vacancy_id is not None:
            keep.append(lambda m: m.vacancy_id == vacancy_id)
        if pool_id is not None:
            keep.append(lambda m: m.pool_id == pool_id)
        if employer is not None:
            keep.append(lambda m: employer_of[m.vacancy_id] == employer.id)
        if ministry is not None:
            keep.append(lambda m: ministry_of[m.pool_id] == ministry.id)
        return ranked(
            self.database,
            include_ineligible=include_ineligible,
            where=lambda m: all(k(m) for k in keep),
        )

    def vacancy(self, org: Org, status: str = "open") -> uuid.UUID:
        """A vacancy of `org` in `status`; an open one has ranked matches."""
        stmt = select(Vacancy.id).where(Vacancy.employer_id == org.id, Vacancy.status == status)
        if status == "open":
            stmt = stmt.where(Vacancy.id.in_({m.vacancy_id for m in self.served(employer=org)}))
        found = self.scalar(stmt.order_by(Vacancy.id))
        assert found is not None, f"the demo data has no {status} vacancy of {org.slug}"
        return found

    def pool(self, org: Org) -> uuid.UUID:
        """An active pool of `org` that is matched with an open vacancy."""
        found = self.scalar(
            select(Pool.id)
            .where(Pool.ministry_id == org.id)
            .where(Pool.id.in_({m.pool_id for m in self.served(ministry=org)}))
            .order_by(Pool.id)
        )
        assert found is not None, f"the demo data has no matched pool of {org.slug}"
        return found

    def match(self, **where: Any) -> uuid.UUID:
        """The id of the best eligible match of an open vacancy and an active pool (where
        decisions go), narrowed as `served` narrows."""
        found = self.served(**where)
        assert found, "the demo data has no such match"
        return found[0].id


@pytest.fixture
def demo(
    demo_client: TestClient,
    demo_database: Database,
    demo_keys: dict[str, dict[str, dict[str, str]]],
) -> Iterator[Demo]:
    from app.auth.ratelimit import FAILED_AUTH

    FAILED_AUTH.reset()  # process-wide: another test's failed keys must not block these
    with demo_database.session() as s:
        ids = {slug: id_ for slug, id_ in s.execute(select(Organisation.slug, Organisation.id))}

    def org(role: str, slug: str) -> Org:
        return Org(slug, ids[slug], demo_keys[role][slug])

    yield Demo(
        client=demo_client,
        database=demo_database,
        # Two employers of the same destination (DE), two ministries of different origins.
        employer=org("employer", "de-rhein-ruhr-kliniken"),
        employer2=org("employer", "de-isartal-bau"),
        ministry=org("ministry", "ph-dmw"),
        ministry2=org("ministry", "in-mole"),
        officer=demo_keys["officer"]["imdi-facilitation"],
        admin=demo_keys["admin"]["imdi-facilitation"],
    )


# ---- helpers ---------------------------------------------------------------------------------


def _ok(r: Response, status: int = 200) -> Any:
    assert r.status_code == status, f"{r.request.method} {r.request.url}: {r.status_code} {r.text}"
    return r.json() if r.headers.get("content-type", "").endswith("json") else r.text


def _status(r: Response, status: int) -> None:
    assert r.status_code == status, f"{r.request.method} {r.request.url}: {r.status_code} {r.text}"
    if status in (403, 404):  # problem+json, as design section 9 says
        assert r.headers["content-type"].startswith("application/problem+json")


def _keys_deep(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys_deep(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys_deep(v)}
    return set()


def _leaky_keys(value: Any, words: tuple[str, ...] = CONTACT_WORDS) -> set[str]:
    return {k for k in _keys_deep(value) if any(w in k.lower() for w in words)}


def _if_match(headers: dict[str, str], r: Response) -> dict[str, str]:
    return {**headers, "If-Match": r.headers["ETag"]}


def _vacancy_payload(**overrides: Any) -> dict[str, Any]:
    return {
        "title": "Registered nurse, access test",
        "destination_country": "DE",
        "occupation": "2221",
        "sector": "86",
        "skills": [{"skill": "patient-assessment", "importance": "essential"}],
        "languages": [{"language": "de", "min_level": "B1"}],
        "min_isced": 6,
        "openings": 4,
        "wage": {"amount": "3400.00", "currency": "EUR", "period": "month"},
        "contract": {"type": "permanent"},
        "start_date": "2027-03-01",
        "employer_pays_fees": True,
        **overrides,
    }


def _pool_payload(origin: str = "PH") -> dict[str, Any]:
    return {
        "origin_country": origin,
        "occupation": "2221",
        "sector": "86",
        "headcount": 50,
        "skills": [{"skill": "patient-assessment", "share": 0.8}],
        "languages": [{"language": "en", "level": "B2", "share": 0.7}],
        "isced_level": 6,
        "experience_years": 3.0,
        "available_from": "2027-01-15",
    }


def _pathway_payload(code: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": "Access-test nurses programme",
        "destination_country": "DE",
        "kind": "g2g_programme",
        "origin_countries": ["PH"],
        "occupations": ["222"],
        "min_isced": 5,
        "languages": [{"language": "de", "min_level": "B1"}],
        "wage_threshold": {"amount": "2800.00", "currency": "EUR", "period": "month"},
        "contract_types": ["permanent"],
        "annual_quota": 100,
        "government_to_government": True,
        "requires_employer_pays": True,
        "valid_from": "2024-01-01",
        "source": "made up for the access tests",
    }


def _upload(demo: Demo, headers: dict[str, str], origin: str) -> Response:
    return demo.client.post(
        U,
        headers=headers,
        data={"mode": "pool_table"},
        files={"file": (f"pools-{origin}.csv", POOL_CSV.format(origin=origin).encode())},
    )


def _shortlist(demo: Demo, headers: dict[str, str], match_id: uuid.UUID) -> dict[str, Any]:
    return _ok(
        demo.client.post(
            f"{M}/{match_id}/decisions", headers=headers, json={"decision": "shortlisted"}
        ),
        201,
    )


def _first_pathway(demo: Demo) -> str:
    return demo.scalar(select(LegalPathway.code).order_by(LegalPathway.code))


# ---- vacancies -------------------------------------------------------------------------------


def test_vacancies__employer(demo: Demo) -> None:
    """Own organisation: create, read, update, close; another employer's vacancy is a 404."""
    c, me, h = demo.client, demo.employer, demo.employer.headers
    listed = _ok(c.get(V, headers=h, params={"limit": 200}))
    assert {v["employer_id"] for v in listed["items"]} == {str(me.id)}
    assert listed["total"] == demo.count(Vacancy, Vacancy.employer_id == me.id)
    # Filtering by another employer does not widen the view.
    other_filter = c.get(V, headers=h, params={"employer_id": str(demo.employer2.id)})
    assert _ok(other_filter)["total"] == 0

    created = _ok(c.post(V, headers=h, json=_vacancy_payload()), 201)
    assert created["employer_id"] == str(me.id)
    read = c.get(f"{V}/{created['id']}", headers=h)
    assert _ok(read)["id"] == created["id"]
    patched = c.patch(f"{V}/{created['id']}", headers=_if_match(h, read), json={"openings": 6})
    assert _ok(patched)["openings"] == 6
    assert _ok(c.post(f"{V}/{created['id']}/close", headers=h))["status"] == "closed"

    theirs = demo.vacancy(demo.employer2)
    _status(c.get(f"{V}/{theirs}", headers=h), 404)
    _status(c.patch(f"{V}/{theirs}", headers={**h, "If-Match": "1"}, json={"openings": 1}), 404)
    _status(c.post(f"{V}/{theirs}/close", headers=h), 404)
    assert demo.scalar(select(Vacancy.status).where(Vacancy.id == theirs)) == "open"


def test_vacancies__ministry(demo: Demo) -> None:
    """Reads open vacancies of every employer, with no contact data; writes nothing."""
    c, h = demo.client, demo.ministry.headers
    listed = _ok(c.get(V, headers=h, params={"limit": 200}))
    assert {v["status"] for v in listed["items"]} == {"open"}
    assert listed["total"] == demo.count(Vacancy, Vacancy.status == "open")
    assert len({v["employer_id"] for v in listed["items"]}) > 1  # all employers, not one
    assert _leaky_keys(listed) == set()
    with demo.database.session() as s:
        emails = list(s.scalars(select(User.email).where(User.role == "employer")))
    assert not [e for e in emails if e in c.get(V, headers=h, params={"limit": 200}).text]

    open_one = demo.vacancy(demo.employer)
    assert _leaky_keys(_ok(c.get(f"{V}/{open_one}", headers=h))) == set()
    # A draft or closed vacancy is not published: to a ministry it does not exist.
    _status(c.get(f"{V}/{demo.vacancy(demo.employer, 'closed')}", headers=h), 404)
    _status(
        c.get(f"{V}/{demo.scalar(select(Vacancy.id).where(Vacancy.status == 'draft'))}", headers=h),
        404,
    )

    before = demo.count(Vacancy)
    read = c.get(f"{V}/{open_one}", headers=demo.officer)
    _status(c.post(V, headers=h, json=_vacancy_payload()), 403)
    _status(c.patch(f"{V}/{open_one}", headers=_if_match(h, read), json={"openings": 1}), 403)
    _status(c.post(f"{V}/{open_one}/close", headers=h), 403)
    assert demo.count(Vacancy) == before
    assert _ok(c.get(f"{V}/{open_one}", headers=h))["version"] == read.json()["version"]


def test_vacancies__officer(demo: Demo) -> None:
    """Reads every vacancy (drafts and closed ones too); writes nothing."""
    c, h = demo.client, demo.officer
    listed = _ok(c.get(V, headers=h, params={"limit": 200}))
    assert listed["total"] == demo.count(Vacancy)
    assert {v["status"] for v in listed["items"]} >= {"open", "draft", "closed"}
    draft = demo.scalar(select(Vacancy.id).where(Vacancy.status == "draft"))
    assert _ok(c.get(f"{V}/{draft}", headers=h))["status"] == "draft"

    theirs = demo.vacancy(demo.employer)
    read = c.get(f"{V}/{theirs}", headers=h)
    before = demo.count(Vacancy)
    _status(
        c.post(
            V, headers=h, json=_vacancy_payload(), params={"employer_id": str(demo.employer.id)}
        ),
        403,
    )
    _status(c.patch(f"{V}/{theirs}", headers=_if_match(h, read), json={"openings": 1}), 403)
    _status(c.post(f"{V}/{theirs}/close", headers=h), 403)
    assert demo.count(Vacancy) == before
    assert demo.scalar(select(Vacancy.status).where(Vacancy.id == theirs)) == "open"


def test_vacancies__admin(demo: Demo) -> None:
    """Everything, for any employer (naming the employer when creating)."""
    c, h = demo.client, demo.admin
    listed = _ok(c.get(V, headers=h, params={"limit": 200}))
    assert listed["total"] == demo.count(Vacancy)
    created = _ok(
        c.post(
            V, headers=h, json=_vacancy_payload(), params={"employer_id": str(demo.employer2.id)}
        ),
        201,
    )
    assert created["employer_id"] == str(demo.employer2.id)
    theirs = demo.vacancy(demo.employer)
    read = c.get(f"{V}/{theirs}", headers=h)
    patched = c.patch(f"{V}/{theirs}", headers=_if_match(h, read), json={"openings": 9})
    assert _ok(patched)["openings"] == 9
    assert _ok(c.post(f"{V}/{theirs}/close", headers=h))["status"] == "closed"


# ---- pools, uploads --------------------------------------------------------------------------


def test_pools__employer(demo: Demo) -> None:
    """Pools only as aggregates in the matches of own vacancies; no pool or upload endpoint."""
    c, me, h = demo.client, demo.employer, demo.employer.headers
    own_vacancy = demo.vacancy(me)
    matched_pool = demo.served(vacancy_id=own_vacancy)[0].pool_id
    # A pool of its matches is read as aggregates (issue 13, item 9); the list, the writes and
    # the uploads are not the employer's: 403 whatever the id.
    read = _ok(c.get(f"{P}/{matched_pool}", headers=h))
    assert read["id"] == str(matched_pool) and read["headcount"] > 0
    assert read["ministry_id"] is None and read["upload_id"] is None
    assert read["external_ref"] is None
    seen = {m.pool_id for m in demo.served(employer=me, include_ineligible=True)}
    with demo.database.session() as s:
        unmatched = s.scalars(select(Pool.id).where(Pool.id.not_in(seen)).limit(1)).one()
    _status(c.get(f"{P}/{unmatched}", headers=h), 404)
    _status(c.get(P, headers=h), 403)
    _status(
        c.post(P, headers=h, json=_pool_payload(), params={"ministry_id": str(demo.ministry.id)}),
        403,
    )
    _status(
        c.patch(f"{P}/{matched_pool}", headers={**h, "If-Match": "1"}, json={"headcount": 1}), 403
    )
    _status(c.post(f"{P}/{matched_pool}/withdraw", headers=h), 403)
    _status(c.get(U, headers=h), 403)
    _status(_upload(demo, h, "PH"), 403)

    # Through the matches of an own vacancy: aggregate summaries, nothing about the ministry.
    ranked = _ok(c.get(f"{V}/{own_vacancy}/matches", headers=h, params={"limit": 200}))
    assert ranked["items"]
    for item in ranked["items"]:
        assert set(item["pool"]) == POOL_AGGREGATE_FIELDS
    assert _leaky_keys(ranked, POOL_LEAK_WORDS) == set()
    with demo.database.session() as s:
        ministry_ids = [str(i) for i in s.scalars(select(Pool.ministry_id).distinct())]
    assert not [i for i in ministry_ids if i in c.get(f"{V}/{own_vacancy}/matches", headers=h).text]

    # The matches of a pool matched with an own vacancy: own vacancies only.
    own_ids = {str(i) for i in demo.scalars(select(Vacancy.id).where(Vacancy.employer_id == me.id))}
    of_pool = _ok(c.get(f"{P}/{matched_pool}/matches", headers=h, params={"limit": 200}))
    assert of_pool["items"] and {m["vacancy_id"] for m in of_pool["items"]} <= own_ids
    assert _leaky_keys(of_pool, POOL_LEAK_WORDS) == set()
    # A pool no match (eligible or not, ranked now or decided) links to an own vacancy does
    # not exist for this employer.
    linked = {m.pool_id for m in demo.served(employer=me, include_ineligible=True)}
    decided = (
        select(Match.pool_id)
        .join(Vacancy, Vacancy.id == Match.vacancy_id)
        .where(Vacancy.employer_id == me.id)
    )
    unlinked = demo.scalar(
        select(Pool.id).where(Pool.id.not_in(linked), Pool.id.not_in(decided)).order_by(Pool.id)
    )
    assert unlinked is not None
    _status(c.get(f"{P}/{unlinked}/matches", headers=h), 404)


def test_pools__ministry(demo: Demo) -> None:
    """Own organisation: create (by API or upload), read, update, withdraw; others' are 404."""
    c, me, h = demo.client, demo.ministry, demo.ministry.headers
    listed = _ok(c.get(P, headers=h, params={"limit": 200}))
    assert {p["ministry_id"] for p in listed["items"]} == {str(me.id)}
    assert listed["total"] == demo.count(Pool, Pool.ministry_id == me.id)

    created = _ok(c.post(P, headers=h, json=_pool_payload("PH")), 201)
    assert created["ministry_id"] == str(me.id)
    read = c.get(f"{P}/{created['id']}", headers=h)
    patched = c.patch(f"{P}/{created['id']}", headers=_if_match(h, read), json={"headcount": 70})
    assert _ok(patched)["headcount"] == 70
    assert _ok(c.post(f"{P}/{created['id']}/withdraw", headers=h))["status"] == "withdrawn"

    mine = _ok(_upload(demo, h, "PH"), 201)
    theirs = _ok(_upload(demo, demo.ministry2.headers, "IN"), 201)
    uploads = _ok(c.get(U, headers=h))
    assert [u["id"] for u in uploads["items"]] == [mine["id"]]
    assert _ok(c.get(f"{U}/{mine['id']}", headers=h))["id"] == mine["id"]
    _status(c.get(f"{U}/{theirs['id']}", headers=h), 404)
    _status(c.get(f"{U}/{theirs['id']}/report.csv", headers=h), 404)

    their_pool = demo.pool(demo.ministry2)
    _status(c.get(f"{P}/{their_pool}", headers=h), 404)
    _status(
        c.patch(f"{P}/{their_pool}", headers={**h, "If-Match": "1"}, json={"headcount": 1}), 404
    )
    _status(c.post(f"{P}/{their_pool}/withdraw", headers=h), 404)
    _status(c.get(f"{P}/{their_pool}/matches", headers=h), 404)
    assert demo.scalar(select(Pool.status).where(Pool.id == their_pool)) == "active"


def test_pools__officer(demo: Demo) -> None:
    """Reads every pool and upload; writes none."""
    c, h = demo.client, demo.officer
    stored = _ok(_upload(demo, demo.ministry.headers, "PH"), 201)
    listed = _ok(c.get(P, headers=h, params={"limit": 200}))
    assert listed["total"] == demo.count(Pool)
    assert len({p["ministry_id"] for p in listed["items"]}) > 1
    for org in (demo.ministry, demo.ministry2):
        assert _ok(c.get(f"{P}/{demo.pool(org)}", headers=h))["ministry_id"] == str(org.id)
    assert [u["id"] for u in _ok(c.get(U, headers=h))["items"]] == [stored["id"]]
    assert _ok(c.get(f"{U}/{stored['id']}", headers=h))["id"] == stored["id"]

    pool = demo.pool(demo.ministry)
    before = demo.count(Pool), demo.count(SurveyUpload)
    _status(
        c.post(P, headers=h, json=_pool_payload(), params={"ministry_id": str(demo.ministry.id)}),
        403,
    )
    _status(c.patch(f"{P}/{pool}", headers={**h, "If-Match": "1"}, json={"headcount": 1}), 403)
    _status(c.post(f"{P}/{pool}/withdraw", headers=h), 403)
    _status(_upload(demo, h, "PH"), 403)
    assert (demo.count(Pool), demo.count(SurveyUpload)) == before


def test_pools__admin(demo: Demo) -> None:
    """Every pool and upload; pool writes and uploads for any ministry."""
    c, h = demo.client, demo.admin
    stored = _ok(_upload(demo, demo.ministry2.headers, "IN"), 201)
    assert _ok(c.get(P, headers=h, params={"limit": 200}))["total"] == demo.count(Pool)
    created = _ok(
        c.post(
            P, headers=h, json=_pool_payload("IN"), params={"ministry_id": str(demo.ministry2.id)}
        ),
        201,
    )
    assert created["ministry_id"] == str(demo.ministry2.id)
    pool = demo.pool(demo.ministry)
    read = c.get(f"{P}/{pool}", headers=h)
    assert (
        _ok(c.patch(f"{P}/{pool}", headers=_if_match(h, read), json={"headcount": 99}))["headcount"]
        == 99
    )
    assert _ok(c.post(f"{P}/{pool}/withdraw", headers=h))["status"] == "withdrawn"
    assert [u["id"] for u in _ok(c.get(U, headers=h))["items"]] == [stored["id"]]
    assert _ok(c.get(f"{U}/{stored['id']}", headers=h))["id"] == stored["id"]
    assert c.get(f"{U}/{stored['id']}/report.csv", headers=h).status_code == 200
    # An admin uploads a ministry's survey, named by ?ministry_id= (issue 13, item 9): its
    # pools are the ministry's, the upload is the admin's act.
    missing = _upload(demo, h, "PH")
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "query.ministry_id"
    on_behalf = demo.client.post(
        U,
        headers=h,
        params={"ministry_id": str(demo.ministry.id)},
        data={"mode": "pool_table"},
        files={"file": ("pools-admin.csv", POOL_CSV.format(origin="PH").encode())},
    )
    upload = _ok(on_behalf, 201)
    assert upload["organisation_id"] == str(demo.ministry.id)
    own = _ok(c.get(f"{U}/{upload['id']}", headers=demo.ministry.headers))
    assert own["id"] == upload["id"]
    _status(c.get(f"{U}/{upload['id']}", headers=demo.ministry2.headers), 404)


# ---- matches ---------------------------------------------------------------------------------


def test_matches__employer(demo: Demo) -> None:
    """The matches of own vacancies; another employer's vacancy or match is a 404."""
    c, h = demo.client, demo.employer.headers
    own = demo.vacancy(demo.employer)
    ranked = _ok(c.get(f"{V}/{own}/matches", headers=h, params={"limit": 200}))
    assert {m["vacancy_id"] for m in ranked["items"]} == {str(own)}
    assert ranked["total"] == len(demo.served(vacancy_id=own))
    assert _ok(c.get(f"{M}/{ranked['items'][0]['id']}", headers=h))["vacancy_id"] == str(own)

    theirs = demo.vacancy(demo.employer2)
    _status(c.get(f"{V}/{theirs}/matches", headers=h), 404)
    _status(c.get(f"{M}/{demo.match(vacancy_id=theirs)}", headers=h), 404)


def test_matches__ministry(demo: Demo) -> None:
    """The matches of own pools only, also when read through a vacancy; others' are 404."""
    c, me, h = demo.client, demo.ministry, demo.ministry.headers
    own = demo.pool(me)
    ranked = _ok(c.get(f"{P}/{own}/matches", headers=h, params={"limit": 200}))
    assert {m["pool_id"] for m in ranked["items"]} == {str(own)}
    assert ranked["total"] == len(demo.served(pool_id=own))
    assert _ok(c.get(f"{M}/{ranked['items'][0]['id']}", headers=h))["pool_id"] == str(own)

    # An open vacancy's ranking, as a ministry sees it: its own pools only.
    vacancy = demo.served(pool_id=own)[0].vacancy_id
    own_pools = {str(p) for p in demo.scalars(select(Pool.id).where(Pool.ministry_id == me.id))}
    of_vacancy = _ok(c.get(f"{V}/{vacancy}/matches", headers=h, params={"limit": 200}))
    assert of_vacancy["items"] and {m["pool_id"] for m in of_vacancy["items"]} <= own_pools
    assert of_vacancy["total"] == len(demo.served(vacancy_id=vacancy, ministry=me))

    theirs = demo.pool(demo.ministry2)
    _status(c.get(f"{P}/{theirs}/matches", headers=h), 404)
    _status(c.get(f"{M}/{demo.match(pool_id=theirs)}", headers=h), 404)


def _reads_all_matches(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    for vacancy in (demo.vacancy(demo.employer), demo.vacancy(demo.employer2)):
        ranked = _ok(c.get(f"{V}/{vacancy}/matches", headers=h, params={"limit": 200}))
        assert ranked["total"] == len(demo.served(vacancy_id=vacancy))
        assert len({m["pool"]["origin_country"] for m in ranked["items"]}) > 1  # every ministry
    for pool in (demo.pool(demo.ministry), demo.pool(demo.ministry2)):
        ranked = _ok(c.get(f"{P}/{pool}/matches", headers=h, params={"limit": 200}))
        assert ranked["total"] == len(demo.served(pool_id=pool))
        match_id = ranked["items"][0]["id"]
        assert _ok(c.get(f"{M}/{match_id}", headers=h))["id"] == match_id


def test_matches__officer(demo: Demo) -> None:
    _reads_all_matches(demo, demo.officer)


def test_matches__admin(demo: Demo) -> None:
    _reads_all_matches(demo, demo.admin)


# ---- decisions -------------------------------------------------------------------------------


def test_decisions__employer(demo: Demo) -> None:
    """Reads the decisions on own vacancies; records none."""
    c, h = demo.client, demo.employer.headers
    mine = demo.match(employer=demo.employer)
    theirs = demo.match(employer=demo.employer2)
    decided = _shortlist(demo, demo.officer, mine)
    _shortlist(demo, demo.officer, theirs)

    assert [d["id"] for d in _ok(c.get(D, headers=h))["items"]] == [decided["id"]]
    # Decided on, the pair has its row.
    other_vacancy = demo.scalar(select(Match.vacancy_id).where(Match.id == theirs))
    assert _ok(c.get(D, headers=h, params={"vacancy_id": str(other_vacancy)}))["total"] == 0
    assert [d["id"] for d in _ok(c.get(f"{M}/{mine}/decisions", headers=h))] == [decided["id"]]
    _status(c.get(f"{M}/{theirs}/decisions", headers=h), 404)

    before = demo.count(Decision)
    _status(c.post(f"{M}/{mine}/decisions", headers=h, json={"decision": "shortlisted"}), 403)
    assert demo.count(Decision) == before


def test_decisions__ministry(demo: Demo) -> None:
    """Reads the decisions on own pools; records none."""
    c, h = demo.client, demo.ministry.headers
    mine = demo.match(ministry=demo.ministry)
    theirs = demo.match(ministry=demo.ministry2)
    decided = _shortlist(demo, demo.officer, mine)
    _shortlist(demo, demo.officer, theirs)

    assert [d["id"] for d in _ok(c.get(D, headers=h))["items"]] == [decided["id"]]
    other_pool = demo.scalar(select(Match.pool_id).where(Match.id == theirs))  # decided: a row
    assert _ok(c.get(D, headers=h, params={"pool_id": str(other_pool)}))["total"] == 0
    assert [d["id"] for d in _ok(c.get(f"{M}/{mine}/decisions", headers=h))] == [decided["id"]]
    _status(c.get(f"{M}/{theirs}/decisions", headers=h), 404)

    before = demo.count(Decision)
    _status(c.post(f"{M}/{mine}/decisions", headers=h, json={"decision": "rejected"}), 403)
    assert demo.count(Decision) == before


def _decides_and_reads_all(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    first = demo.match(employer=demo.employer)
    second = demo.match(employer=demo.employer2)
    made = [_shortlist(demo, h, first)]
    made.append(
        _ok(
            c.post(
                f"{M}/{second}/decisions",
                headers=h,
                json={"decision": "needs_information", "note": "language certificates?"},
            ),
            201,
        )
    )
    listed = _ok(c.get(D, headers=h))
    assert listed["total"] == demo.count(Decision) == 2
    assert {d["id"] for d in listed["items"]} == {d["id"] for d in made}
    assert [d["id"] for d in _ok(c.get(f"{M}/{second}/decisions", headers=h))] == [made[1]["id"]]


def test_decisions__officer(demo: Demo) -> None:
    _decides_and_reads_all(demo, demo.officer)


def test_decisions__admin(demo: Demo) -> None:
    _decides_and_reads_all(demo, demo.admin)


# ---- legal pathways --------------------------------------------------------------------------


def _reads_pathways_only(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    listed = _ok(c.get(PW, headers=h, params={"limit": 200}))
    assert listed["total"] == demo.count(LegalPathway) > 0
    code = _first_pathway(demo)
    read = c.get(f"{PW}/{code}", headers=h)
    assert _ok(read)["code"] == code
    assert isinstance(_ok(c.get(f"{PW}/{code}/quota", headers=h)), list)
    assert _ok(c.get(RATES, headers=h))["total"] > 0
    _status(c.get(f"{PW}/NO-SUCH-PATHWAY", headers=h), 404)

    before = demo.count(LegalPathway), demo.count(ExchangeRate)
    _status(c.post(PW, headers=h, json=_pathway_payload("DE-ACCESS-TEST")), 403)
    _status(c.patch(f"{PW}/{code}", headers=_if_match(h, read), json={"annual_quota": 1}), 403)
    _status(c.post(RATES, headers=h, json=RATE), 403)
    _status(c.put(RATES, headers=h, json=RATE), 403)
    assert (demo.count(LegalPathway), demo.count(ExchangeRate)) == before
    assert _ok(c.get(f"{PW}/{code}", headers=h))["version"] == read.json()["version"]


def _maintains_pathways(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    created = _ok(c.post(PW, headers=h, json=_pathway_payload("DE-ACCESS-TEST")), 201)
    read = c.get(f"{PW}/{created['code']}", headers=h)
    patched = c.patch(
        f"{PW}/{created['code']}", headers=_if_match(h, read), json={"annual_quota": 150}
    )
    assert _ok(patched)["annual_quota"] == 150
    assert _ok(c.get(PW, headers=h, params={"limit": 200}))["total"] == demo.count(LegalPathway)
    rate = c.put(RATES, headers=h, json=RATE)
    assert rate.status_code in (200, 201), rate.text


def test_pathways__employer(demo: Demo) -> None:
    _reads_pathways_only(demo, demo.employer.headers)


def test_pathways__ministry(demo: Demo) -> None:
    _reads_pathways_only(demo, demo.ministry.headers)


def test_pathways__officer(demo: Demo) -> None:
    _maintains_pathways(demo, demo.officer)


def test_pathways__admin(demo: Demo) -> None:
    _maintains_pathways(demo, demo.admin)


# ---- allocation plans, analytics -------------------------------------------------------------

#: A small scope (one destination, one origin) keeps the solve short.
PLAN = {"scope": {"destination": "DE", "origin": "PH"}, "time_limit_seconds": 10}


def _no_planning(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    plan = _ok(c.post(PLANS, headers=demo.officer, json=PLAN), 201)
    before = demo.count(AllocationPlan), demo.count(Decision)
    _status(c.post(PLANS, headers=h, json=PLAN), 403)
    _status(c.get(PLANS, headers=h), 403)
    _status(c.get(f"{PLANS}/{plan['id']}", headers=h), 403)
    _status(c.get(f"{PLANS}/{uuid.uuid4()}", headers=h), 403)  # same answer: ids reveal nothing
    _status(c.post(f"{PLANS}/{plan['id']}/adopt", headers=h), 403)
    for path in ANALYTICS:
        _status(c.get(path, headers=h), 403)
    assert (demo.count(AllocationPlan), demo.count(Decision)) == before


def _plans_and_analyses(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    plan = _ok(c.post(PLANS, headers=h, json=PLAN), 201)
    assert plan["assignments"], "the demo scope should allocate someone"
    assert [p["id"] for p in _ok(c.get(PLANS, headers=h))["items"]] == [plan["id"]]
    assert _ok(c.get(f"{PLANS}/{plan['id']}", headers=h))["id"] == plan["id"]
    adopted = _ok(c.post(f"{PLANS}/{plan['id']}/adopt", headers=h))
    assert adopted["status"] == "adopted"
    assert demo.count(Decision, Decision.decision == "approved") == len(plan["assignments"])
    for path in ANALYTICS:
        r = c.get(path, headers=h)
        assert r.status_code == 200, f"{path}: {r.text}"
        wanted = "text/csv" if path.endswith(".csv") else "application/json"
        assert r.headers["content-type"].startswith(wanted)
    assert _ok(c.get(ANALYTICS[0], headers=h))["items"]


def test_allocation_plans_analytics__employer(demo: Demo) -> None:
    _no_planning(demo, demo.employer.headers)


def test_allocation_plans_analytics__ministry(demo: Demo) -> None:
    _no_planning(demo, demo.ministry.headers)


def test_allocation_plans_analytics__officer(demo: Demo) -> None:
    _plans_and_analyses(demo, demo.officer)


def test_allocation_plans_analytics__admin(demo: Demo) -> None:
    _plans_and_analyses(demo, demo.admin)


# ---- audit log -------------------------------------------------------------------------------


def _no_audit(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    _status(c.get(AUDIT, headers=h), 403)
    _status(c.get(AUDIT, headers=h, params={"entity_type": "vacancy"}), 403)


def _reads_audit(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    decided = _shortlist(demo, demo.officer, demo.match())
    events = _ok(c.get(AUDIT, headers=h, params={"entity_id": decided["match_id"]}))
    assert [(e["action"], e["entity_type"]) for e in events["items"]] == [("decide", "match")]
    assert _ok(c.get(AUDIT, headers=h))["total"] == demo.count(AuditEvent)
    # Read only: the log has no write operation at all.
    assert c.post(AUDIT, headers=h, json={}).status_code == 405
    assert c.delete(f"{AUDIT}/{events['items'][0]['id']}", headers=h).status_code in (404, 405)


def test_audit_log__employer(demo: Demo) -> None:
    _no_audit(demo, demo.employer.headers)


def test_audit_log__ministry(demo: Demo) -> None:
    _no_audit(demo, demo.ministry.headers)


def test_audit_log__officer(demo: Demo) -> None:
    _reads_audit(demo, demo.officer)


def test_audit_log__admin(demo: Demo) -> None:
    _reads_audit(demo, demo.admin)


# ---- organisations, users, keys --------------------------------------------------------------


def _admin_user_key(demo: Demo) -> uuid.UUID:
    return demo.scalar(
        select(ApiKey.id).join(User, User.id == ApiKey.user_id).where(User.role == "admin")
    )


def _not_admin(demo: Demo, h: dict[str, str]) -> None:
    c = demo.client
    someone = demo.scalar(select(User.id).where(User.role == "admin"))
    key = _admin_user_key(demo)
    tables = (Organisation, User, ApiKey)
    before = [demo.count(t) for t in tables]
    org = {"slug": "x-access-test", "name": "X", "kind": "employer", "country": "DE"}
    user = {
        "email": "x@example.org",
        "name": "X",
        "role": "admin",
        "organisation": "imdi-facilitation",
    }
    _status(c.get(f"{ADMIN}/organisations", headers=h), 403)
    _status(c.post(f"{ADMIN}/organisations", headers=h, json=org), 403)
    _status(c.get(f"{ADMIN}/users", headers=h), 403)
    _status(c.post(f"{ADMIN}/users", headers=h, json=user), 403)
    _status(c.get(f"{ADMIN}/keys", headers=h), 403)
    _status(c.post(f"{ADMIN}/users/{someone}/keys", headers=h, json={"name": "x"}), 403)
    _status(c.post(f"{ADMIN}/keys/{key}/revoke", headers=h), 403)
    # Self-service: one's own keys only; the admin's key is someone else's, so a 404.
    me = _ok(c.get("/api/v1/me", headers=h))
    mine = _ok(c.get("/api/v1/me/keys", headers=h))
    assert mine["items"] and {k["user_id"] for k in mine["items"]} == {me["id"]}
    _status(c.post(f"/api/v1/me/keys/{key}/revoke", headers=h), 404)
    assert [demo.count(t) for t in tables] == before
    assert demo.scalar(select(ApiKey.revoked_at).where(ApiKey.id == key)) is None


def test_organisations_users_keys__employer(demo: Demo) -> None:
    _not_admin(demo, demo.employer.headers)


def test_organisations_users_keys__ministry(demo: Demo) -> None:
    _not_admin(demo, demo.ministry.headers)


def test_organisations_users_keys__officer(demo: Demo) -> None:
    _not_admin(demo, demo.officer)


def test_organisations_users_keys__admin(demo: Demo) -> None:
    c, h = demo.client, demo.admin
    orgs = _ok(c.get(f"{ADMIN}/organisations", headers=h, params={"limit": 200}))
    assert orgs["total"] == demo.count(Organisation)
    org = _ok(
        c.post(
            f"{ADMIN}/organisations",
            headers=h,
            json={"slug": "x-access-test", "name": "X", "kind": "employer", "country": "DE"},
        ),
        201,
    )
    user = _ok(
        c.post(
            f"{ADMIN}/users",
            headers=h,
            json={
                "email": "hr@x-access-test.example.org",
                "name": "X HR",
                "role": "employer",
                "organisation": org["slug"],
            },
        ),
        201,
    )
    assert (
        _ok(c.get(f"{ADMIN}/users", headers=h, params={"organisation": org["slug"]}))["total"] == 1
    )
    key = _ok(c.post(f"{ADMIN}/users/{user['id']}/keys", headers=h, json={"name": "hr"}), 201)
    new_headers = {"Authorization": f"Bearer {key['key']}"}
    assert _ok(c.get("/api/v1/me", headers=new_headers))["id"] == user["id"]
    listed = _ok(c.get(f"{ADMIN}/keys", headers=h, params={"user_id": user["id"]}))
    assert [k["id"] for k in listed["items"]] == [key["id"]]
    assert _ok(c.post(f"{ADMIN}/keys/{key['id']}/revoke", headers=h))["revoked_at"]
    assert c.get("/api/v1/me", headers=new_headers).status_code == 401
