"""The shape of the code: imports only go down, no module past 800 lines.

Every module has a layer (LAYERS, the layers of /work/shared/STYLE.md and docs/architecture.md):
an import may go to the same layer or a lower one; the imports that still point up are listed in
LAYER_DEBTS. A new module must be given a layer here.

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
CYCLE_DEBTS: set[tuple[str, str]] = set()

# Library modules still over MAX_LINES.
SIZE_DEBTS: set[str] = set()


# The layers, lowest first (docs/architecture.md says what each holds).
LAYER_ORDER = ("base", "vocabulary", "model", "read", "analysis", "verbs", "outputs", "cli")

# Every plankit module and its layer. A package's __init__ is the package's name.
LAYERS: dict[str, str] = {
    # base: text, errors, files
    "plankit.text": "base",
    "plankit.errors": "base",
    "plankit.output": "base",
    "plankit.bundled": "base",
    "plankit.read._limits": "base",
    "plankit.dates": "base",
    "plankit.version": "base",
    # vocabulary: the data files and their lookups
    "plankit.data": "vocabulary",
    "plankit.vocab": "vocabulary",
    "plankit.places": "vocabulary",
    "plankit.agencies": "vocabulary",
    "plankit.register": "vocabulary",
    "plankit.validity": "vocabulary",
    "plankit.typos": "vocabulary",
    # model: frozen values
    "plankit.model": "model",
    "plankit.display": "model",
    "plankit.views": "model",
    # read: a file to a Plan
    "plankit.read": "read",
    "plankit.read._decode": "read",
    "plankit.read._docx": "read",
    "plankit.read._docx_styles": "read",
    "plankit.read._header": "read",
    "plankit.read._layout": "read",
    "plankit.read._ocr": "read",
    "plankit.read._ocr_mend": "read",
    "plankit.read._office": "read",
    "plankit.read._pdf": "read",
    "plankit.read._structure": "read",
    "plankit.read._front": "read",
    "plankit.read._news": "read",
    "plankit.read._units": "read",
    "plankit.read._text": "read",
    "plankit.corpus": "read",
    # analysis: once per plan
    "plankit.cite": "analysis",
    "plankit.cite.extraction": "analysis",
    "plankit.cite.issuers": "analysis",
    "plankit.cite.numbers": "analysis",
    "plankit.cite.parse": "analysis",
    "plankit.cite.patterns": "analysis",
    "plankit.cite.vocabulary": "analysis",
    "plankit.facts": "analysis",
    "plankit.parts": "analysis",
    "plankit.issuing": "analysis",
    "plankit.years": "analysis",
    # verbs
    "plankit.lint": "verbs",
    "plankit.lint._attachment": "verbs",
    "plankit.lint._context": "verbs",
    "plankit.lint._deadlines": "verbs",
    "plankit.lint._naming": "verbs",
    "plankit.lint._words": "verbs",
    "plankit.lint.config": "verbs",
    "plankit.lint.settings": "verbs",
    "plankit.lint.fixes": "verbs",
    "plankit.lint.rules": "verbs",
    "plankit.lint.rules.registry": "verbs",
    "plankit.lint.rules.basis": "verbs",
    "plankit.lint.rules.citations": "verbs",
    "plankit.lint.rules.consistency": "verbs",
    "plankit.lint.rules.dates": "verbs",
    "plankit.lint.rules.names": "verbs",
    "plankit.lint.rules.structure": "verbs",
    "plankit.lint.rules.writing": "verbs",
    "plankit.lint.rules.terms": "verbs",
    "plankit.lint.rules.own": "verbs",
    "plankit.diff.align": "verbs",
    "plankit.diff.classify": "verbs",
    "plankit.diff.compare": "verbs",
    "plankit.diff.header": "verbs",
    "plankit.diff.kinds": "verbs",
    "plankit.diff.moves": "verbs",
    "plankit.diff.pieces": "verbs",
    "plankit.diff.words": "verbs",
    "plankit.diff.parts": "verbs",
    "plankit.diff.result": "verbs",
    "plankit.diff.similarity": "verbs",
    "plankit.diff.tables": "verbs",
    "plankit.diff.tokens": "verbs",
    "plankit.graph.schema": "verbs",
    "plankit.graph.frames": "verbs",
    "plankit.graph.result": "verbs",
    "plankit.graph.identity": "verbs",  # one id per cited document (build uses it)
    "plankit.graph.build": "verbs",
    "plankit.graph.query": "verbs",
    "plankit.restore": "verbs",
    "plankit.restore.context": "verbs",
    "plankit.restore.core": "verbs",
    "plankit.restore.decode": "verbs",
    "plankit.restore.lm": "verbs",
    "plankit.restore.names": "verbs",
    "plankit.restore.reference": "verbs",
    "plankit.restore.result": "verbs",
    "plankit.restore.sources": "verbs",
    "plankit.restore.syllables": "verbs",
    "plankit.restore.tokens": "verbs",
    "plankit.restore_model": "verbs",
    "plankit.draft": "verbs",
    "plankit.draft_sources": "verbs",
    "plankit.draft_todos": "verbs",
    "plankit.series": "verbs",
    # outputs: documents, views and files made from results
    "plankit.render": "outputs",
    "plankit.render.context": "outputs",
    "plankit.render.document": "outputs",
    "plankit.render.geometry": "outputs",
    "plankit.render.markdown": "outputs",
    "plankit.render.template": "outputs",
    "plankit.diff": "outputs",  # the package imports its outputs, which register themselves
    "plankit.diff.render": "outputs",
    "plankit.diff.redline": "outputs",
    "plankit.diff.redline_doc": "outputs",
    "plankit.diff.redline_keys": "outputs",
    "plankit.diff.grids": "outputs",
    "plankit.diff.shown": "outputs",
    "plankit.lint.sarif": "outputs",
    "plankit.lint.docs": "outputs",
    "plankit.graph": "outputs",  # the package imports draw and export, which register themselves
    "plankit.graph.draw": "outputs",
    "plankit.graph.draw_layout": "outputs",  # where draw puts nodes and labels
    "plankit.graph.export": "outputs",
    "plankit.word": "outputs",
    "plankit.annotate": "outputs",
    "plankit.track": "outputs",
    "plankit.sandbox": "outputs",
    "plankit.template": "outputs",
    "plankit.template._document": "outputs",
    "plankit.template._layout": "outputs",
    "plankit.template._tags": "outputs",
    "plankit.template.check": "outputs",
    "plankit.template.finding": "outputs",
    "plankit.template.from_plan": "outputs",
    "plankit.template.preview": "outputs",
    "plankit.show": "outputs",
    # cli and notebooks: the edges
    "plankit": "cli",  # the public face: imports its verbs lazily
    "plankit.__main__": "cli",
    "plankit.report": "cli",
    "plankit.cli": "cli",
    "plankit.cli._args": "cli",
    "plankit.cli._common": "cli",
    "plankit.cli.cite": "cli",
    "plankit.cli.demo": "cli",
    "plankit.cli.diff": "cli",
    "plankit.cli.draft": "cli",
    "plankit.cli.graph": "cli",
    "plankit.cli.lint": "cli",
    "plankit.cli.register": "cli",
    "plankit.cli.read": "cli",
    "plankit.cli.report": "cli",
    "plankit.cli.restore": "cli",
    "plankit.cli.template": "cli",
}

# Imports that still point up a layer (importer, imported); they may only go away. Every
# CYCLE_DEBTS import between two layers is one of them.
LAYER_DEBTS: set[tuple[str, str]] = set()


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


# ---------------------------------------------------------------------------------------------
# layers
# ---------------------------------------------------------------------------------------------


def _rank(module: str) -> int:
    return LAYER_ORDER.index(LAYERS[module])


def _up_imports() -> set[tuple[str, str]]:
    return {(a, b) for a, b in import_graph().edges if a in LAYERS and b in LAYERS and _rank(b) > _rank(a)}


def test_every_module_has_a_layer():
    modules = set(_modules())
    assert not modules - set(LAYERS), f"give these modules a layer in LAYERS: {sorted(modules - set(LAYERS))}"
    assert not set(LAYERS) - modules, f"these modules are gone, remove them from LAYERS: {sorted(set(LAYERS) - modules)}"
    assert set(LAYERS.values()) <= set(LAYER_ORDER)


def test_imports_go_to_the_same_layer_or_below():
    new = sorted(_up_imports() - LAYER_DEBTS)
    assert not new, "imports pointing up a layer (move the code down, or the import up):\n" + "\n".join(
        f"{a} ({LAYERS[a]}) -> {b} ({LAYERS[b]})" for a, b in new
    )


def test_layer_debts_are_still_owed():
    paid = sorted(LAYER_DEBTS - _up_imports())
    assert not paid, f"these imports no longer point up, remove them from LAYER_DEBTS: {paid}"


def test_cycle_debts_point_up_or_stay_in_a_layer():
    """The import of a cycle to cut is the one that points up (a cycle within one layer is cut
    where its packages say: ``read`` -> ``corpus``, ``lint._context`` -> ``lint``)."""
    for a, b in sorted(CYCLE_DEBTS):
        assert _rank(a) <= _rank(b), f"{a} -> {b} points down: list the cycle's upward import instead"
        assert _rank(a) == _rank(b) or (a, b) in LAYER_DEBTS, f"{a} -> {b} points up: list it in LAYER_DEBTS too"


def test_the_architecture_page_draws_every_module_in_its_layer():
    """docs/architecture.md's picture names each top-level module or package in its layer's row."""
    import re

    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    picture = page.split("```")[1]
    rows: dict[str, str] = {}
    layer = None
    for line in picture.splitlines():
        m = re.match(r"\s*(\w+)\s+", line)
        if m and m.group(1) in LAYER_ORDER:
            layer = m.group(1)
            line = line[m.end():]
        if layer:
            # the modules, not the comment in the right-hand column
            rows[layer] = rows.get(layer, "") + " " + re.split(r"\s{3,}", line.lstrip(" │"))[0]
    assert list(rows) == list(reversed(LAYER_ORDER))
    for module, layer in LAYERS.items():
        if module.count(".") != 1 or module == "plankit.__main__":
            continue  # the package face, __main__ and submodules are named with their package
        name = module.split(".")[1]
        words = set(re.findall(r"[\w.]+", rows[layer]))
        assert any(w == name or w.startswith(f"{name}.") for w in words), (
            f"docs/architecture.md: draw {name} in the {layer} row"
        )


@pytest.mark.parametrize(
    ("module", "result", "names"),
    [
        ("plankit.diff.result", "PlanDiff", ["summary", "to_dict", "to_frame", "tables_frame", "to_markdown", "draw",
                                             "_repr_html_", "to_html", "to_docx"]),
        ("plankit.graph.result", "BasisGraph", ["draw", "write"]),
    ],
)
def test_a_result_finds_its_outputs_however_it_was_imported(module, result, names):
    """A result never imports its outputs (plankit.views): importing the result's own module, in a
    fresh interpreter, must still register them (its package's __init__ imports the outputs)."""
    import subprocess
    import sys

    code = (
        f"from {module} import {result}\nfrom plankit.views import view\n"
        f"print(sorted(n for n in {names!r} if callable(view({result}, n))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split("\n")[0] == str(sorted(names))
