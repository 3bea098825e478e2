"""Access to the read-only reference files in ../shared/data beside the project root.

The official downloads (ESCO, ISIC) are not part of the project; tests that compare the project's
own data with them ask for the file here. A missing file skips the test on a developer machine
and fails it on CI (environment variable CI=true), where the files must be present.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT: Path = Path(__file__).resolve().parent.parent
SHARED_DATA: Path = PROJECT_ROOT.parent / "shared" / "data"


def shared_file(*parts: str) -> Path:
    """Return the path of ../shared/data/<parts...>, skipping (or on CI failing) if absent."""
    path = SHARED_DATA.joinpath(*parts)
    if path.is_file():
        return path
    message = (
        f"shared reference file not found: {path} "
        f"(expected at ../shared/data/{'/'.join(parts)} beside the project root)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must provide the shared data", pytrace=False)
    pytest.skip(message)


#: The official ESCO v1.1.1 download (English): the classification zip and the relations zip,
#: whose name has no language (hence the double space).
ESCO_ZIPS = (
    "ESCO dataset - v1.1.1 - classification - en - csv.zip",
    "ESCO dataset - v1.1.1 - classification -  - csv.zip",
)


def esco_zips() -> list[Path]:
    """The two ESCO v1.1.1 zips in ../shared/data/esco (skip, or on CI fail, when absent)."""
    return [shared_file("esco", "v1.1.1", name) for name in ESCO_ZIPS]
