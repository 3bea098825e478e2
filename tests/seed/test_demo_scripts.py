"""The demo data is what its generator writes, and the demo checker (which runs the engine on
every pair) passes on it."""

from __future__ import annotations

import re
import subprocess
import sys

from app.config import PROJECT_ROOT

SEED_DATA = PROJECT_ROOT / "seed_data"


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SEED_DATA / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_demo_files_are_up_to_date() -> None:
    r = _run("generate_demo.py", "--check")
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_demo_checker_passes_on_the_engines_verdicts() -> None:
    r = _run("check_demo.py")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.rstrip().endswith("OK")
    # Only relevant pairs count: a small part of all (vacancy, pool) pairs.
    pairs = re.search(r"pairs: (\d+), relevant [^:]*: (\d+), eligible: (\d+)", r.stdout)
    assert pairs, r.stdout
    total, relevant, eligible = (int(n) for n in pairs.groups())
    assert 0 < eligible <= relevant < total / 4
    # The ICU vacancy's required German B2 limits its eligible headcount.
    icu = re.search(r"demo-v-003 de B2 +(\d+) -> +(\d+)", r.stdout)
    assert icu, r.stdout
    without, with_required = (int(n) for n in icu.groups())
    assert 0 < with_required < without
