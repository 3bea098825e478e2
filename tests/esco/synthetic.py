"""A tiny ESCO download written as CSV files, in the v1.1.x or the v1.2.x layout, for tests that
must not wait for the full ESCO files (layout detection, updates in place, the command)."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

ESCO = "http://data.europa.eu/esco"
NURSE = f"{ESCO}/occupation/t-nurse"
CARE_NURSE = f"{ESCO}/occupation/t-care-nurse"
PICKER = f"{ESCO}/occupation/t-fruit-picker"
GONE_OCC = f"{ESCO}/occupation/t-gone"

G_ROOT = f"{ESCO}/skill/t-g-skills"  # "skills" (level 0)
G_CARE = f"{ESCO}/skill/t-g-care"  # "providing health care" (level 1)
G_FARM = f"{ESCO}/skill/t-g-farm"  # "working with plants" (level 1)
G_HIER = f"{ESCO}/skill/t-g-hier-only"  # named only in skillsHierarchy (level 2 under care)

WOUND = f"{ESCO}/skill/t-wound"
INJECT = f"{ESCO}/skill/t-inject"
PICK = f"{ESCO}/skill/t-pick"
HYGIENE = f"{ESCO}/skill/t-hygiene"  # broader: INJECT (a skill) and G_FARM: nearest = G_FARM
DEEP = f"{ESCO}/skill/t-deep"  # broader: WOUND only: nearest group two steps up = G_CARE
GONE_SKILL = f"{ESCO}/skill/t-gone-skill"

ISCO_ROWS = [
    ("0", "Armed forces occupations"),
    ("2", "Professionals"),
    ("22", "Health professionals"),
    ("222", "Nursing and midwifery professionals"),
    ("2221", "Nursing professionals"),
    ("9", "Elementary occupations"),
    ("92", "Agricultural, forestry and fishery labourers"),
    ("921", "Agricultural, forestry and fishery labourers"),
    ("9211", "Crop farm labourers"),
]


def isco_uri(code: str) -> str:
    return f"{ESCO}/isco/C{code}"


def write(folder: Path, layout: str = "v1.1", *, newer: bool = False) -> Path:
    """Write the files into `folder` and return it. `newer` is the next release: a relabelled
    skill, a skill and an occupation dropped, a relation changed from optional to essential."""
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "_en" if layout == "v1.2" else ""

    def out(name: str, header: list[str], rows: list[list[str]]) -> None:
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)

    out(
        "ISCOGroups_en.csv",
        ["conceptType", "conceptUri", "code", "preferredLabel", "status", "altLabels"],
        [["ISCOGroup", isco_uri(c), c, t, "released", ""] for c, t in ISCO_ROWS],
    )
    occupations = [
        [NURSE, "2221", "nurse responsible for general care", "registered nurse\nstaff nurse"],
        [CARE_NURSE, "2221", "specialist nurse", "clinical nurse specialist"],
        [PICKER, "9211", "fruit picker", "fruit harvester\nberry picker\napple picker"],
    ]
    if not newer:
        occupations.append([GONE_OCC, "9211", "hop picker", "hop harvester"])
    out(
        "occupations_en.csv",
        ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "status",
         "description", "code"],
        [["Occupation", u, c, label, alt, "released", f"Does {label} work.", f"{c}.1"]
         for u, c, label, alt in occupations],
    )  # fmt: skip
    out(
        "skillGroups_en.csv",
        ["conceptType", "conceptUri", "preferredLabel", "altLabels", "status", "description",
         "code"],
        [
            ["SkillGroup", G_ROOT, "skills", "", "released", "", ""],
            ["SkillGroup", G_CARE, "providing health care", "", "released", "", ""],
            ["SkillGroup", G_FARM, "working with plants", "", "released", "", ""],
        ],
    )  # fmt: skip
    wound_label = "treat wounds" if newer else "dress wounds"
    skills = [
        [WOUND, "skill/competence", "sector-specific", wound_label,
         "wound care\nwound dressing\nchange dressings"],
        [INJECT, "skill/competence", "sector-specific", "administer injections",
         "give injections\ninject medication"],
        [PICK, "skill/competence", "occupation-specific", "pick fruit",
         "fruit picking\nharvest fruit"],
        [HYGIENE, "knowledge", "cross-sector", "hygiene in a work setting",
         "workplace hygiene"],
        [DEEP, "skill/competence", "occupation-specific", "dress burn wounds", "burn care"],
    ]  # fmt: skip
    if not newer:
        skills.append([GONE_SKILL, "knowledge", "sector-specific", "hop varieties", ""])
    out(
        "skills_en.csv",
        ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
         "status", "description"],
        [["KnowledgeSkillCompetence", *s, "released", f"About {s[3]}."] for s in skills],
    )  # fmt: skip
    out(
        "skillsHierarchy_en.csv",
        ["Level 0 URI", "Level 0 preferred term", "Level 1 URI", "Level 1 preferred term",
         "Level 2 URI", "Level 2 preferred term", "Level 3 URI", "Level 3 preferred term",
         "Description", "Scope note", "Level 0 code", "Level 1 code", "Level 2 code",
         "Level 3 code"],
        [
            [G_ROOT, "skills", "", "", "", "", "", "", "", "", "S", "", "", ""],
            [G_ROOT, "skills", G_CARE, "providing health care", "", "", "", "", "", "", "S",
             "S3", "", ""],
            [G_ROOT, "skills", G_FARM, "working with plants", "", "", "", "", "", "", "S",
             "S6", "", ""],
            [G_ROOT, "skills", G_CARE, "providing health care", G_HIER, "caring for wounds",
             "", "", "", "", "S", "S3", "S3.1", ""],
        ],
    )  # fmt: skip
    broader = [
        ["SkillGroup", G_CARE, "SkillGroup", G_ROOT],
        ["SkillGroup", G_FARM, "SkillGroup", G_ROOT],
        ["KnowledgeSkillCompetence", WOUND, "SkillGroup", G_HIER],
        ["KnowledgeSkillCompetence", WOUND, "SkillGroup", G_CARE],
        ["KnowledgeSkillCompetence", INJECT, "SkillGroup", G_CARE],
        ["KnowledgeSkillCompetence", PICK, "SkillGroup", G_FARM],
        ["KnowledgeSkillCompetence", HYGIENE, "KnowledgeSkillCompetence", INJECT],
        ["KnowledgeSkillCompetence", HYGIENE, "SkillGroup", G_FARM],
        ["KnowledgeSkillCompetence", DEEP, "KnowledgeSkillCompetence", WOUND],
    ]
    if not newer:
        broader.append(["KnowledgeSkillCompetence", GONE_SKILL, "SkillGroup", G_FARM])
    out(
        f"broaderRelationsSkillPillar{suffix}.csv",
        ["conceptType", "conceptUri", "broaderType", "broaderUri"],
        broader,
    )
    relations = [
        (NURSE, "essential", WOUND),
        (NURSE, "essential", INJECT),
        (NURSE, "essential" if newer else "optional", HYGIENE),
        (CARE_NURSE, "essential", DEEP),
        (PICKER, "essential", PICK),
        (PICKER, "optional", HYGIENE),
    ]
    if not newer:
        relations += [(GONE_OCC, "essential", GONE_SKILL), (PICKER, "optional", GONE_SKILL)]
    if layout == "v1.2":
        labels = {u: label for u, _, label, _ in occupations}
        skill_labels = {s[0]: s[3] for s in skills}
        out(
            "occupationSkillRelations_en.csv",
            ["occupationUri", "occupationLabel", "relationType", "skillType", "skillUri",
             "skillLabel"],
            [[o, labels.get(o, ""), r, "skill/competence", s, skill_labels.get(s, "")]
             for o, r, s in relations],
        )  # fmt: skip
    else:
        out(
            "occupationSkillRelations.csv",
            ["occupationUri", "relationType", "skillType", "skillUri"],
            [[o, r, "skill/competence", s] for o, r, s in relations],
        )
    return folder


def zipped(folder: Path, target: Path) -> Path:
    """The folder's CSV files as one zip (v1.2.x ships a single zip)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(folder.glob("*.csv")):
            zf.write(f, f"esco/{f.name}")
    return target
