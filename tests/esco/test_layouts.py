"""The import on a tiny synthetic download: both layouts, the hierarchy rule, updates in place
that keep what vacancies and pools name, the command, and the progress printer."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import cli
from app.config import get_settings
from app.db import Database
from app.matches.adapters import taxonomy_view
from app.taxonomy.esco import EscoError, find_files, import_esco
from app.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    Occupation,
    OccupationTitle,
    Skill,
    SkillBroader,
)
from app.vacancies.models import VacancySkill
from tests.esco import synthetic as t
from tests.esco.conftest import load


def _count(s, model, *where) -> int:
    return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_both_layouts_are_found_by_name_in_folders_and_zips(tmp_path: Path) -> None:
    old = find_files([t.write(tmp_path / "ESCO dataset - v1.1.9 - csv")])
    assert old.layout == "v1.1.x" and old.version == "v1.1.9"
    assert old.files["occupationskillrelations"].name == "occupationSkillRelations.csv"

    folder = t.write(tmp_path / "v12", layout="v1.2")
    archive = t.zipped(folder, tmp_path / "ESCO dataset - v1.2.0 - classification - en - csv.zip")
    new = find_files([archive])
    assert new.layout == "v1.2.x" and new.version == "v1.2.0"
    assert new.files["occupationskillrelations"].name == "occupationSkillRelations_en.csv"
    assert find_files([archive], version="v1.2.1").version == "v1.2.1"


def test_an_incomplete_download_is_refused_with_what_is_missing(tmp_path: Path) -> None:
    folder = t.write(tmp_path / "esco")
    (folder / "occupationSkillRelations.csv").unlink()
    with pytest.raises(EscoError, match=r"occupationskillrelations\.csv .*second zip"):
        find_files([folder])
    with pytest.raises(EscoError, match="does not exist"):
        find_files([tmp_path / "nowhere.zip"])
    with pytest.raises(EscoError, match="there twice"):
        find_files([t.write(tmp_path / "a"), t.write(tmp_path / "b")])


@pytest.mark.parametrize("layout", ["v1.1", "v1.2"])
def test_import_loads_every_part_and_a_second_import_changes_nothing(
    database: Database, tmp_path: Path, layout: str
) -> None:
    report = load(database, t.write(tmp_path / f"esco-{layout}.9", layout=layout))
    assert report.created["ESCO occupations"] == 4
    assert report.created["skills"] == 6 and report.created["skill groups"] == 4
    assert report.created["occupation-skill relations"] == 8
    assert not report.issues
    with database.session() as s:
        assert _count(s, EscoOccupationSkill, EscoOccupationSkill.relation == "essential") == 5
        nurse = s.get(EscoOccupation, t.NURSE)
        assert (nurse.isco_code, nurse.label, nurse.code) == ("2221", nurse.label, "2221.1")
        assert nurse.alt_labels == ["registered nurse", "staff nurse"]
        assert nurse.version == f"{layout}.9"
        assert s.get(Occupation, "2221").esco_uri == t.isco_uri("2221")
        wound = s.get(Skill, t.WOUND)
        assert (wound.source, wound.skill_type, wound.reuse_level) == (
            "esco",
            "skill/competence",
            "sector-specific",
        )
        assert wound.alt_labels == ["wound care", "wound dressing", "change dressings"]
        # Nearest group: fewest broader steps, then the first by URI.
        parents = {sid: s.get(Skill, sid).parent_id for sid in (t.WOUND, t.HYGIENE, t.DEEP)}
        assert parents == {t.WOUND: t.G_CARE, t.HYGIENE: t.G_FARM, t.DEEP: t.G_CARE}
        hier = s.get(Skill, t.G_HIER)  # a group only the hierarchy file names
        assert (hier.is_group, hier.parent_id, hier.code) == (True, t.G_CARE, "S3.1")
        assert s.get(Skill, t.G_CARE).parent_id == t.G_ROOT
        assert s.get(Skill, t.G_CARE).code == "S3"
        # Every broader relation is kept, not only the chosen one.
        assert (t.WOUND, t.G_HIER) in set(
            s.execute(select(SkillBroader.skill_id, SkillBroader.broader_id)).all()
        )
        # ESCO's labels are job titles for the coder; those the project lists stay its own.
        titles = dict(s.execute(select(OccupationTitle.title, OccupationTitle.source)).all())
        for label in ("fruit picker", "berry picker", "staff nurse", "clinical nurse specialist"):
            assert label in titles
        assert titles["hop harvester"] == titles["nurse responsible for general care"] == "esco"
        # The engine's hierarchy credit: skills sharing their nearest group.
        view = taxonomy_view(s)
        assert view.skill_group[t.WOUND] == view.skill_group[t.INJECT] == t.G_CARE

    again = load(database, tmp_path / f"esco-{layout}.9")
    assert not again.changed, (again.created, again.updated, again.deleted)


def test_a_newer_release_updates_in_place_and_deletes_what_nothing_names(
    database: Database, tmp_path: Path
) -> None:
    load(database, t.write(tmp_path / "esco-v1.1.9"))
    newer = t.write(tmp_path / "esco-v1.2.0", layout="v1.2", newer=True)
    report = load(database, newer)
    assert report.updated["skills"] == 1 and report.updated["ESCO occupations"] == 3
    assert report.updated["occupation-skill relations"] == 1
    assert report.deleted["ESCO occupations"] == 1
    assert report.deleted["skills and skill groups"] == 1
    assert report.deleted["occupation-skill relations"] == 2
    assert not report.kept
    with database.session() as s:
        assert s.get(Skill, t.WOUND).label == "treat wounds"
        assert s.get(Skill, t.GONE_SKILL) is None and s.get(EscoOccupation, t.GONE_OCC) is None
        assert s.get(EscoOccupationSkill, (t.NURSE, t.HYGIENE)).relation == "essential"
        assert set(s.scalars(select(EscoOccupation.version).distinct())) == {"v1.2.0"}
        assert "hop picker" not in set(s.scalars(select(OccupationTitle.title)))
    assert not load(database, newer).changed


def test_a_newer_release_keeps_what_vacancies_and_pools_name(
    client, actors, database: Database, tmp_path: Path
) -> None:
    load(database, t.write(tmp_path / "esco-v1.1.9"))
    vacancy = client.post(
        "/api/v1/vacancies",
        json={
            "title": "Hop harvest",
            "destination_country": "DE",
            "esco_occupation": t.GONE_OCC,
            "openings": 3,
            "start_date": "2027-08-01",
            "skills": [{"skill": "hop varieties"}, {"skill": t.PICK, "importance": "optional"}],
        },
        headers=actors["employer"].headers,
    )
    assert vacancy.status_code == 201, vacancy.text
    created = vacancy.json()
    assert created["occupation"] == "9211"
    assert created["skills"][0]["skill"] == t.GONE_SKILL
    assert created["skills"][0]["original_text"] == "hop varieties"

    newer = t.write(tmp_path / "esco-v1.2.0", layout="v1.2", newer=True)
    with database.transaction() as session:
        # The vacancy uses ESCO skills whose hierarchy changed: its matches are re-ranked.
        report = import_esco(session, [newer])
    assert report.recomputed
    assert report.kept == {"ESCO occupations": 1, "skills and skill groups": 1}
    with database.session() as s:
        gone = s.get(Skill, t.GONE_SKILL)
        assert gone is not None and gone.parent_id == t.G_FARM
        assert s.get(EscoOccupation, t.GONE_OCC).version == "v1.1.9"
        stored = s.scalars(
            select(VacancySkill.skill_id).where(VacancySkill.vacancy_id == uuid.UUID(created["id"]))
        ).all()
        assert set(stored) == {t.GONE_SKILL, t.PICK}
    r = client.get(f"/api/v1/vacancies/{created['id']}", headers=actors["employer"].headers)
    assert r.status_code == 200 and r.json()["esco_occupation"] == t.GONE_OCC


def test_a_vacancy_naming_no_skills_gets_the_esco_occupations_skills_marked_derived(
    client, actors, database: Database, tiny_esco: Path
) -> None:
    load(database, tiny_esco)
    r = client.post(
        "/api/v1/vacancies",
        json={
            "title": "Ward nurse",
            "destination_country": "DE",
            "occupation": "2221",
            "esco_occupation": t.NURSE,
            "openings": 2,
            "start_date": "2027-03-01",
        },
        headers=actors["employer"].headers,
    )
    assert r.status_code == 201, r.text
    skills = [(x["skill"], x["importance"], x["derived"]) for x in r.json()["skills"]]
    assert skills == [
        (t.INJECT, "essential", True),
        (t.WOUND, "essential", True),
        (t.HYGIENE, "optional", True),
    ]


def test_the_command_imports_and_reports(
    db_url: str, tiny_esco: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        assert cli.main(["import-esco", str(tiny_esco)]) == 0
        out = capsys.readouterr()
        assert "ESCO v1.1.9 (v1.1.x layout)" in out.out and "(c) European Union" in out.out
        assert "created 4 ESCO occupations" in out.out
        assert "done in" in out.err  # the progress printer, one line per stage off a terminal
        assert cli.main(["import-esco", "--quiet", str(tiny_esco)]) == 0
        out = capsys.readouterr()
        assert "nothing changed" in out.out and out.err == ""
        assert cli.main(["import-esco", str(tiny_esco / "nowhere")]) == 1
        assert "does not exist" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()


def test_the_progress_printer_draws_a_bar_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    p = cli.ProgressBar(out, width=10)
    p.start("reading skills_en.csv", 200)
    p.advance(100)
    p.finish()
    text = out.getvalue()
    assert "\rreading skills_en.csv" in text and "[#####-----]  50%" in text
    assert "[##########] 100%" in text


def test_a_pool_changes_its_esco_occupation_and_occupation_together(
    client, actors, database: Database, tiny_esco: Path
) -> None:
    load(database, tiny_esco)
    ministry = actors["ministry"].headers
    r = client.post(
        "/api/v1/pools",
        json={
            "origin_country": "PH",
            "esco_occupation": t.PICKER,
            "headcount": 30,
            "skills": [{"skill": "fruit picking", "share": 0.9}],
            "isced_level": 2,
            "experience_years": 2,
        },
        headers=ministry,
    )
    assert r.status_code == 201, r.text
    pool = r.json()
    assert pool["occupation"] == "9211"
    assert pool["skills"][0]["original_text"] == "fruit picking"
    url = f"/api/v1/pools/{pool['id']}"

    r = client.patch(url, json={"occupation": "2221"}, headers={**ministry, "If-Match": '"1"'})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "body.occupation"
    r = client.patch(
        url, json={"esco_occupation": t.NURSE}, headers={**ministry, "If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert (r.json()["occupation"], r.json()["esco_occupation"]) == ("2221", t.NURSE)
