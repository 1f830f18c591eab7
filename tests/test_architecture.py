"""The shape of the code: imports only go down, no module past 800 lines.

The import walk reads every module of ``plankit/`` with :mod:`ast` and collects every import,
at module level and inside functions (an import inside a function is still a dependency; it only
hides a cycle). Imports under ``if TYPE_CHECKING:`` are left out: they never run.

Debts are listed by name below and may only shrink: a test fails when a listed debt is paid
(so the list is kept true) and when a new one appears.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plankit"
MAX_LINES = 800

# Imports that still point up a layer and close a cycle (importer, imported). Without them the
# import graph must be acyclic. Empty when the layering holds.
CYCLE_DEBTS: set[tuple[str, str]] = {
    ("plankit.model", "plankit.cite"),  # Plan.citations
    ("plankit.model", "plankit.facts"),  # Plan.facts
    ("plankit.model", "plankit.restore"),  # Plan.restored
    ("plankit.model", "plankit.render"),  # todo_html
    ("plankit.read", "plankit.corpus"),  # the read_corpus trampoline
}

# Library modules still over MAX_LINES.
SIZE_DEBTS: set[str] = {
    "plankit.graph",
    "plankit.read._structure",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit_stmt(sub)
                continue
            visit_stmt(child)

    def visit_stmt(node: ast.AST) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        visit(node)

    visit(tree)
    return found


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def import_graph() -> nx.DiGraph:
    """Edges module -> plankit module it imports (module level and inside functions)."""
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node in _imports(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                source = _resolve(name, is_package, node)
                # `from pkg import sub` imports the submodule pkg.sub when there is one
                targets = [
                    f"{source}.{a.name}" if f"{source}.{a.name}" in modules else source
                    for a in node.names
                ]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target.startswith("plankit") and target != name:
                    graph.add_edge(name, target)
    return graph


def _cycles(graph: nx.DiGraph) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(c)) for c in nx.strongly_connected_components(graph) if len(c) > 1)


def test_the_walk_sees_imports_inside_functions():
    graph = import_graph()
    # plankit/__init__ imports its verbs lazily, through importlib: not an edge.
    assert ("plankit", "plankit.errors") in graph.edges
    assert len(graph) == len(_modules())


def test_no_new_import_cycle():
    graph = import_graph()
    graph.remove_edges_from(CYCLE_DEBTS)
    cycles = _cycles(graph)
    assert not cycles, (
        "import cycles (break them; an import inside a function still counts):\n"
        + "\n".join(" <-> ".join(c) for c in cycles)
    )


def test_cycle_debts_are_still_owed():
    graph = import_graph()
    paid = {edge for edge in CYCLE_DEBTS if edge not in graph.edges}
    assert not paid, f"these imports are gone, remove them from CYCLE_DEBTS: {sorted(paid)}"


@functools.cache
def _sizes() -> dict[str, int]:
    return {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }


@pytest.mark.parametrize("name", sorted(_modules()))
def test_module_size(name):
    lines = _sizes()[name]
    if name in SIZE_DEBTS:
        assert lines > MAX_LINES, f"{name} is {lines} lines now: remove it from SIZE_DEBTS"
    else:
        assert lines <= MAX_LINES, f"{name} is {lines} lines (> {MAX_LINES}): split it by meaning"
