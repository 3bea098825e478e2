"""The whole import: find, read and store an ESCO download, then tell the live markets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from app import changes
from app.taxonomy.esco.discovery import find_files
from app.taxonomy.esco.progress import Progress
from app.taxonomy.esco.reading import read
from app.taxonomy.esco.references import esco_uses
from app.taxonomy.esco.storing import EscoReport, store


def import_esco(
    session: Session,
    paths: Sequence[str | Path],
    *,
    version: str | None = None,
    progress: Progress | None = None,
) -> EscoReport:
    """Find, read and store an ESCO download in the session's transaction. `report.recomputed`
    says whether the import changed something that vacancies or pools already use (a first
    import changes nothing they use)."""
    files = find_files(paths, version)
    data = read(files, progress)
    report = store(session, data, progress)
    if report.changed:
        # Every change reaches the live markets (each holds a copy of the taxonomy): they
        # rebuild at their next read.
        changes.record(session, taxonomy=True)
        report.recomputed = esco_uses(session)
    return report
