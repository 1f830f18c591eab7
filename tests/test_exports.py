"""What the README and docs name can be imported: ``plankit.<name>`` resolves, the README's verbs
are importable from ``plankit``, and every error class is exported.

The docs are parsed, not copied: a name added to README.md or docs/*.md is checked the day it is
written, and a module split that drops an old import path fails here.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import plankit
import plankit.errors

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# `plankit.read_plan`, `plankit.read._ocr.ocr_image`: a dotted name, not part of a path
# (plans/plankit.toml) or of a longer word.
DOTTED = re.compile(r"(?<![\w/.-])plankit((?:\.[A-Za-z_]\w*)+)")
# Names that look dotted but are files.
FILES = {"plankit.toml"}


def documented_names() -> dict[str, list[str]]:
    """Every ``plankit.<dotted name>`` of README.md and docs/*.md -> the files naming it."""
    found: dict[str, list[str]] = {}
    for path in DOCS:
        for m in DOTTED.finditer(path.read_text(encoding="utf-8")):
            name = "plankit" + m.group(1)
            if name not in FILES:
                found.setdefault(name, []).append(path.name)
    return found


def resolve(dotted: str) -> object:
    """The object a dotted name stands for: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ModuleNotFoundError(dotted)


def test_the_docs_name_what_they_should():
    names = documented_names()
    # the examples and a deep one, so the parsing is known to work
    for name in ("plankit.read_plan", "plankit.restore_plan", "plankit.read._ocr.ocr_image"):
        assert name in names
    assert "plankit.toml" not in names


@pytest.mark.parametrize("name", sorted(documented_names()))
def test_every_documented_name_resolves(name):
    assert resolve(name) is not None, f"{name} (in {documented_names()[name]})"


def readme_verbs() -> list[str]:
    """The bare names of the README table's Python column (``read_plan``, ``map_corpus``)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    verbs = []
    for line in text.splitlines():
        cells = line.split("|")
        if len(cells) < 5 or not line.startswith("|"):
            continue
        for code in re.findall(r"`([^`]+)`", cells[2]):
            name = code.split("(")[0]
            if re.fullmatch(r"[a-z_]\w*", name):
                verbs.append(name)
    return verbs


def test_readme_verbs_are_importable_from_plankit():
    verbs = readme_verbs()
    assert {"read_plan", "map_corpus", "read_bytes", "run_report", "restore_plan", "new_template"} <= set(verbs)
    missing = [v for v in verbs if not hasattr(plankit, v)]
    assert missing == []
    assert set(verbs) <= set(plankit.__all__)


@pytest.mark.parametrize("name", ["canonical_key", "write_graph", "run_report", "read_bytes", "map_corpus"])
def test_documented_helpers_are_exported(name):
    assert name in plankit.__all__ and callable(getattr(plankit, name))


def test_every_error_class_is_exported():
    assert set(plankit.errors.__all__) <= set(plankit.__all__)
    for name in plankit.errors.__all__:
        assert getattr(plankit, name) is getattr(plankit.errors, name)
        assert issubclass(getattr(plankit, name), plankit.PlankitError)


def test_every_public_name_resolves():
    for name in plankit.__all__:
        assert getattr(plankit, name) is not None
    assert set(plankit.__all__) <= set(dir(plankit))


def test_import_plankit_stays_lazy():
    code = (
        "import sys, plankit; "
        "heavy = [m for m in ('pandas', 'matplotlib', 'networkx', 'docx', 'plankit.cite', "
        "'plankit.graph', 'plankit.report', 'plankit.corpus', 'plankit.read') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_dir_lists_public_names_only():
    # notebook tab completion on `plankit.` offers the API, not the module's own imports
    assert {"Any", "annotations", "importlib"}.isdisjoint(dir(plankit))
    assert dir(plankit) == sorted(set(plankit.__all__) | {"__version__"})


def test_corpus_html_shows_the_columns_an_officer_scans():
    from plankit import read_corpus

    html = read_corpus("plans")._repr_html_()
    heads = re.findall(r"<th>(\w+)</th>", html)
    assert heads == ["file", "doc_type", "number", "symbol", "issuer", "date", "year", "sections", "warnings"]


def test_plan_repr_counts_one_table_in_the_singular():
    from plankit import read_plan

    assert repr(read_plan("plans/can-tho/2022-so-khcn.txt")).endswith("5 sections, 1 table>")
