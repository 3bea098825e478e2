"""Import of the official ESCO CSV download (https://esco.ec.europa.eu/en/use-esco/download).

ESCO, the European Skills, Competences, Qualifications and Occupations classification, is
(c) European Union, reusable with attribution (the README and GET /api/v1/taxonomy say so).

What is loaded, and where:
- ISCO-08 groups (ISCOGroups): their ESCO URI in occupations.esco_uri; titles stay the project's.
- occupations -> esco_occupations (URI, preferred and alternative labels, ISCO unit group, code,
  description, release), and their labels as job titles (occupation_titles, source 'esco') that
  the job-title coder learns from: its fingerprint changes, so every process rebuilds its model.
- skills and skill groups (skills, skillGroups, plus groups named only in skillsHierarchy) ->
  skills (id = URI, source 'esco', skill type, reuse level, group code).
- broader relations (broaderRelationsSkillPillar, skillsHierarchy) -> skill_broader_relations,
  and, because the engine wants ONE group per skill, skills.parent_id = the nearest group:
  the skill groups reachable in the fewest broader steps, the first of them by URI.
- occupation-skill relations -> esco_occupation_skills (essential | optional).

Two layouts: v1.1.x ships the relations in a second zip without a language
("ESCO dataset - v1.1.1 - classification -  - csv.zip": occupationSkillRelations.csv,
broaderRelationsSkillPillar.csv); v1.2.x names them occupationSkillRelations_en.csv (with label
columns) and so on. Files are found by name in any mix of zips and folders, columns by header.

Idempotent: rows are compared with what is stored and only the differences are written, so a
second import changes nothing. A newer release updates rows in place; rows it no longer has are
deleted unless vacancies, pools or occupation profiles name them (then they stay as they were:
existing vacancies and pools keep working).

The modules, in the order the import runs them:
- discovery: finding the files (`find_files` -> `EscoFiles` of `CsvFile`s, zip members);
- reading: parsing and checking them (`read` -> `EscoData`, `link` for skills.parent_id);
- storing: writing the differences (`store` -> `EscoReport`, vanished rows deleted or kept);
- references: what names skills and ESCO occupations from outside the taxonomy (read from the
  database schema: the taxonomy imports no vacancy or pool code), and `esco_uses`;
- importing: `import_esco`, all of it plus the change-feed notice;
- progress: the `Progress` protocol the import reports to (the command draws it as a bar);
- errors: `EscoError`.
"""

from app.taxonomy.esco.discovery import OPTIONAL, REQUIRED, CsvFile, EscoFiles, find_files
from app.taxonomy.esco.errors import EscoError
from app.taxonomy.esco.importing import import_esco
from app.taxonomy.esco.progress import Progress, Silent
from app.taxonomy.esco.reading import EscoData, link, read
from app.taxonomy.esco.references import esco_uses
from app.taxonomy.esco.storing import EscoReport, store

__all__ = [
    "OPTIONAL",
    "REQUIRED",
    "CsvFile",
    "EscoData",
    "EscoError",
    "EscoFiles",
    "EscoReport",
    "Progress",
    "Silent",
    "esco_uses",
    "find_files",
    "import_esco",
    "link",
    "read",
    "store",
]
