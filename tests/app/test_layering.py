"""Layering that the write path relies on (issue: the write path at national scale).

- app/matches/adapters.py is the only module of app/ that imports the engine (`matching`);
- the engine's bridge is in no import cycle, and reaches neither the reviews service nor the
  matches service (module-level imports, read from the source: no hidden imports needed);
- the two decisions app/reviews/totals.py counts are the API's names for them.
"""

from __future__ import annotations

import ast
from pathlib import Path

from app.reviews import totals
from app.reviews.schemas import DecisionKind

APP = Path(__file__).resolve().parents[2] / "app"


def _module(path: Path) -> str:
    rel = path.relative_to(APP.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in APP.rglob("*.py")}
    return {
        name: {m for m in _imports(path, top_level_only=True) if m in modules and m != name}
        for name, path in modules.items()
    }


def test_only_the_adapters_import_the_engine() -> None:
    importers = sorted(
        _module(p)
        for p in APP.rglob("*.py")
        if any(
            m == "matching" or m.startswith("matching.") for m in _imports(p, top_level_only=False)
        )
    )
    assert importers == ["app.matches.adapters"]


def _reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_the_bridge_is_in_no_import_cycle() -> None:
    graph = _graph()
    reach = _reach(graph, "app.matches.adapters")
    assert "app.matches.adapters" not in reach
    assert "app.reviews.service" not in reach
    assert "app.matches.service" not in reach


def test_no_hidden_imports_in_the_write_path() -> None:
    for name in ("adapters", "service", "live", "feed", "ids"):
        path = APP / "matches" / f"{name}.py"
        assert _imports(path, top_level_only=False) <= _imports(path, top_level_only=True) | {
            "app.config",
            "app.config.Settings",
        }, name


def test_counted_decisions_are_the_api_names() -> None:
    assert DecisionKind.APPROVED.value == totals.APPROVED
    assert DecisionKind.WITHDRAWN.value == totals.WITHDRAWN
