"""The engine is a pure library: no web framework, no database, no app/ code."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import matching

MATCHING_DIR = Path(matching.__file__).resolve().parent
PROJECT_ROOT = MATCHING_DIR.parent
FORBIDDEN = {"app", "fastapi", "sqlalchemy", "starlette"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_forbidden_imports_in_matching() -> None:
    files = sorted(MATCHING_DIR.glob("*.py"))
    assert files, "no engine modules found"
    offenders = {
        f.name: sorted(imported_roots(f) & FORBIDDEN)
        for f in files
        if imported_roots(f) & FORBIDDEN
    }
    assert offenders == {}


PROBE = (
    "import json, sys, matching, matching.reference, matching.explain; "
    "print(json.dumps(sorted(m for m in sys.modules "
    "if m.split('.')[0] in {'app', 'fastapi', 'sqlalchemy', 'starlette'})))"
)


def run_probe(cwd: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_matching_loads_no_app_web_or_db_modules() -> None:
    assert run_probe(PROJECT_ROOT) == []


def test_import_matching_needs_only_its_own_directory(tmp_path: Path) -> None:
    # A copy of matching/ alone, away from app/: the import must still work.
    shutil.copytree(
        MATCHING_DIR, tmp_path / "matching", ignore=shutil.ignore_patterns("__pycache__")
    )
    assert run_probe(tmp_path) == []
