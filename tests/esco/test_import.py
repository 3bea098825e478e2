"""The ESCO v1.1.1 download (../shared) imported: counts, hierarchy, and a second import that
changes nothing."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select, text

from app.db import Database
from app.matches.adapters import taxonomy_view
from app.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    Occupation,
    OccupationTitle,
    Skill,
    SkillBroader,
)
from tests.esco.conftest import load
from tests.shared_data import esco_zips

TABLES = (
    "skills",
    "skill_broader_relations",
    "esco_occupations",
    "esco_occupation_skills",
    "occupations",
    "occupation_titles",
)


def _count(session, model, *where) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_the_published_counts_arrive(esco_database: Database) -> None:
    with esco_database.session() as s:
        assert _count(s, EscoOccupation) == 3007
        assert _count(s, Skill, Skill.source == "esco", Skill.is_group.is_(False)) == 13896
        assert _count(s, EscoOccupationSkill) == 123855
        relations = Counter(s.scalars(select(EscoOccupationSkill.relation)))
        assert relations == {"essential": 64946, "optional": 58909}
        # Every ISCO-08 unit group carries its ESCO URI (436 of ESCO's 619 ISCO groups).
        reached = _count(s, Occupation, Occupation.level == 4, Occupation.esco_uri.is_not(None))
        assert reached == 436
        assert _count(s, Occupation, Occupation.esco_uri.is_not(None)) == 619
        # 640 groups in skillGroups_en.csv and 7 named only in the skills hierarchy.
        assert _count(s, Skill, Skill.source == "esco", Skill.is_group.is_(True)) == 647
        assert _count(s, SkillBroader) == 20656
        nurse = s.scalar(select(EscoOccupation).where(EscoOccupation.label == "specialist nurse"))
        assert nurse is not None and nurse.isco_code == "2221" and nurse.version == "v1.1.1"
        assert nurse.alt_labels and "\n" not in "".join(nurse.alt_labels)
        assert s.get(Occupation, "2221").esco_uri == "http://data.europa.eu/esco/isco/C2221"
        skill = s.scalar(select(Skill).where(Skill.label == "manage musical staff"))
        assert skill.skill_type == "skill/competence" and skill.reuse_level == "sector-specific"
        assert "manage music staff" in skill.alt_labels
        # The built-in taxonomy is extended, not replaced.
        assert s.get(Skill, "patient-assessment") is not None


def test_every_esco_skill_has_its_nearest_group_for_the_engine(esco_database: Database) -> None:
    with esco_database.session() as s:
        groups = set(s.scalars(select(Skill.id).where(Skill.is_group.is_(True))))
        rows = s.execute(
            select(Skill.id, Skill.parent_id).where(
                Skill.source == "esco", Skill.is_group.is_(False)
            )
        ).all()
        assert all(parent in groups for _, parent in rows)
        up: dict[str, set[str]] = {}
        for a, b in s.execute(select(SkillBroader.skill_id, SkillBroader.broader_id)):
            up.setdefault(a, set()).add(b)
        # The nearest group: the groups fewest broader steps away, the first of them by URI.
        for sid, parent in rows[::50]:
            frontier, seen = {sid}, {sid}
            while True:
                frontier = {b for n in frontier for b in up.get(n, ())} - seen
                seen |= frontier
                reached = sorted(frontier & groups)
                if reached:
                    assert parent == reached[0], sid
                    break
        # Skills with three or more broader concepts still get exactly one group.
        view = taxonomy_view(s)
        several = [a for a, bs in up.items() if len(bs) >= 3 and a not in groups]
        assert several and all(view.skill_group[a] is not None for a in several)


def test_a_second_import_changes_no_row(esco_database: Database) -> None:
    def snapshot() -> dict[str, list[tuple]]:
        with esco_database.engine.connect() as conn:
            return {
                t: sorted(
                    (
                        tuple(str(v) for v in row)
                        for row in conn.execute(text(f"SELECT * FROM {t}"))
                    ),
                )
                for t in TABLES
            }

    before = snapshot()
    report = load(esco_database, *esco_zips())
    assert not report.changed, (report.created, report.updated, report.deleted)
    assert report.orphan_relations == 67  # one occupation's relations, kept as published
    assert snapshot() == before


def test_esco_labels_become_job_titles_the_coder_learns(esco_database: Database) -> None:
    from app.taxonomy import coding

    with esco_database.session() as s:
        titles = _count(s, OccupationTitle, OccupationTitle.source == "esco")
        assert titles > 25_000
        # "wire drawer" is an alternative label of ESCO's metal drawing machine operator (8121).
        assert ("8121", "wire drawer") in set(
            s.execute(
                select(OccupationTitle.occupation_code, OccupationTitle.title).where(
                    OccupationTitle.title == "wire drawer"
                )
            )
        )
        best = coding.suggest(s, "wiredrawing setter", k=1)[0]
        assert best.code == "8121"
