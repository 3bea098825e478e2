"""The generated client (clients/python) is imported from the repository, as a developer's
checkout would use it (`pip install clients/python` installs the same package)."""

from __future__ import annotations

import sys

from app.config import PROJECT_ROOT

CLIENT_ROOT = PROJECT_ROOT / "clients" / "python"
if str(CLIENT_ROOT) not in sys.path:
    sys.path.insert(0, str(CLIENT_ROOT))
