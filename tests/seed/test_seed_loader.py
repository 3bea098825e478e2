"""The seed command loads the taxonomies and the demo, and a second run changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from app.auth.models import ApiKey, Organisation, User
from app.config import Settings
from app.matches.models import Match
from app.pathways.models import ExchangeRate, LegalPathway
from app.pools.models import Pool
from app.seed import seed
from app.taxonomy.models import Occupation, OccupationSkill, SafeguardCountry, Sector, Skill
from app.vacancies.models import Vacancy


def _count(s, model, *where) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_taxonomies_are_loaded_in_full(session) -> None:
    s = session
    assert [_count(s, Occupation, Occupation.level == n) for n in (1, 2, 3, 4)] == [
        10,
        43,
        130,
        436,
    ]
    assert _count(s, Sector, Sector.level == "section") == 21
    assert _count(s, Sector, Sector.level == "division") == 88
    assert _count(s, SafeguardCountry) == 55
    assert _count(s, Skill, Skill.is_group.is_(False)) >= 300
    nurse = s.get(Occupation, "2221")
    assert nurse.title == "Nursing professionals" and nurse.parent_code == "222"
    # Without the demo, nothing but reference data.
    assert _count(s, Vacancy) == 0 and _count(s, LegalPathway) == 0


def test_demo_data_is_loaded(demo_database) -> None:
    with demo_database.session() as s:
        assert _count(s, LegalPathway) >= 8
        assert _count(s, Vacancy) >= 50 and _count(s, Pool) >= 200
        assert _count(s, Organisation, Organisation.kind == "agency") == 1
        assert {r for (r,) in s.execute(select(User.role).distinct())} == {
            "employer",
            "ministry",
            "officer",
            "admin",
        }
        assert _count(s, ApiKey) == _count(s, User)
        assert _count(s, ExchangeRate) >= 5
        # Every occupation the demo uses has a skills profile.
        used = set(s.scalars(select(Vacancy.occupation_code))) | set(
            s.scalars(select(Pool.occupation_code))
        )
        profiled = set(s.scalars(select(OccupationSkill.occupation_code)))
        assert used <= profiled
        # The demo vacancies are ranked as soon as they are loaded.
        assert _count(s, Match, Match.eligible.is_(True)) > 0


def test_second_run_changes_nothing(demo_database) -> None:
    settings = Settings(environment="test", database_url=demo_database.url)
    with demo_database.session() as s:
        before = {m: _count(s, m) for m in (Occupation, Skill, Vacancy, Pool, User, Match)}
        report, _ = seed(s, demo=True, settings=settings)
        s.commit()
        assert not report.changed, (report.created, report.updated)
        assert {m: _count(s, m) for m in before} == before
