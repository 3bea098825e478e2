"""The seed command loads the taxonomies and the demo, and a second run changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from app import changes
from app.auth.models import ApiKey, Organisation, User
from app.config import Settings
from app.db import SETTINGS
from app.decisions.models import Decision
from app.matches.models import Match
from app.pathways.models import ExchangeRate, LegalPathway
from app.pools.models import Pool, PoolLanguage
from app.seed import seed
from app.taxonomy.models import Occupation, OccupationSkill, SafeguardCountry, Sector, Skill
from app.vacancies.models import Vacancy, VacancyLanguage
from tests.market import eligible, ranked


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
        # The demo vacancies are ranked as soon as they are loaded (on read), and nothing is
        # stored for them: match rows are kept for decided pairs only, and none is decided.
        assert _count(s, Decision) == 0 and _count(s, Match) == 0
    assert eligible(demo_database)


def test_second_run_changes_nothing(demo_database) -> None:
    settings = Settings(environment="test", database_url=demo_database.url)
    with demo_database.session() as s:
        before = {m: _count(s, m) for m in (Occupation, Skill, Vacancy, Pool, User, Match)}
        head = changes.head(s)
        s.info[SETTINGS] = settings
        report, _ = seed(s, demo=True)
        s.commit()
        assert not report.changed, (report.created, report.updated)
        assert {m: _count(s, m) for m in before} == before
        # Nothing changed, so nothing for the live markets to re-read.
        assert changes.head(s) == head


def test_demo_vacancy_languages_keep_their_required_flag(demo_database) -> None:
    with demo_database.session() as s:
        flags = {
            (ref, lang): (level, required)
            for ref, lang, level, required in s.execute(
                select(
                    Vacancy.external_ref,
                    VacancyLanguage.language,
                    VacancyLanguage.min_level,
                    VacancyLanguage.required,
                ).join(Vacancy, Vacancy.id == VacancyLanguage.vacancy_id)
            )
        }
    # The German ICU nurses need German B2 from the first day; the other wards train to it.
    assert flags[("demo-v-003", "de")] == ("B2", True)
    assert flags[("demo-v-001", "de")] == ("B2", False)
    required = [key for key, (_, req) in flags.items() if req]
    assert 0 < len(required) < len(flags) / 2, "a few languages are required, most are scored"


def test_the_icu_vacancy_is_limited_by_german_b2(demo_database) -> None:
    with demo_database.session() as s:
        icu = s.scalar(select(Vacancy.id).where(Vacancy.external_ref == "demo-v-003"))
    found = ranked(demo_database, explain=True, where=lambda m: m.vacancy_id == icu)
    with demo_database.session() as s:
        pools = {
            p.id: p for p in s.scalars(select(Pool).where(Pool.id.in_([m.pool_id for m in found])))
        }
        rows = [(m, pools[m.pool_id]) for m in found]
        german_b2 = {
            pool_id: share
            for pool_id, share in s.execute(
                select(PoolLanguage.pool_id, func.sum(PoolLanguage.share))
                .where(PoolLanguage.language == "de", PoolLanguage.level.in_(["B2", "C1", "C2"]))
                .group_by(PoolLanguage.pool_id)
            )
        }
    assert rows, "some pools have nurses with German B2"
    for match, pool in rows:
        share = german_b2.get(pool.id, 0.0)
        assert 0 < match.eligible_headcount <= int(pool.headcount * share + 1e-9)
        kinds = [f["kind"] for f in match.explanation["headcount"]]
        assert kinds[0] == "available" and "de" in match.explanation["headcount"][-1]["text"]
        assert {"required_language", "pathway_language"} & set(kinds)
