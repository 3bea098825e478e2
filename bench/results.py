"""bench/RESULTS.md: one `## <title>` section per benchmark, each rewritten only by its own
benchmark's --write, so running one benchmark never drops another's figures."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADER = "# Benchmark results\n\nFigures printed by the benchmarks in bench/ (never asserted).\n"


def write_section(title: str, body: str, path: Path = RESULTS) -> None:
    """Replace the section `## title` (up to the next `## `) with `body`, or append it.

    `body` is the section's content without its heading; it may use `###` sub-headings.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    section = f"## {title}\n\n{body.strip()}\n\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
