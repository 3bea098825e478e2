"""What the import tells about its stages: `Progress` is all it needs of a progress display.

The import knows no terminal: the `imdi import-esco` command draws a bar (app.cli.ProgressBar);
other callers pass nothing and get `Silent`."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Stages, each with a total in whatever unit it counts (bytes read, rows written)."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def finish(self, note: str = "") -> None: ...


class Silent:
    """A progress that shows nothing."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def finish(self, note: str = "") -> None:
        pass
