"""Every kind a notebook shows has its Vietnamese and English name: a kind added to the diff or to
the draft's to-dos never reaches a manager's page as a bare code ('form', 'title')."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from plankit.diff.classify import KINDS as DIFF_KINDS

ROOT = Path(__file__).resolve().parent.parent


def _dict_in_notebook(name: str, variable: str) -> dict:
    nb = nbformat.read(str(ROOT / "notebooks" / name), as_version=4)
    for cell in nb.cells:
        for node in ast.walk(ast.parse(cell.source)) if cell.cell_type == "code" else ():
            if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [variable]:
                return ast.literal_eval(node.value)
    raise AssertionError(f"{variable} not found in {name}")


def test_year_on_year_names_every_kind_of_change_in_the_diffs_order():
    kinds = _dict_in_notebook("03-year-on-year.ipynb", "KINDS")
    assert list(kinds) == list(DIFF_KINDS) == ["expected", "basis", "substantive", "form", "renumbering", "carried-error"]
    assert all(" / " in label for label in kinds.values())


def test_draft_notebook_names_every_kind_of_to_do():
    source = (ROOT / "plankit" / "draft.py").read_text(encoding="utf-8")
    # the kinds draft.py gives: w.todo("kind", ...) and marks.append((..., "kind", MSG[...]))
    made = set(re.findall(r'\.todo\("([a-z-]+)"', source)) | set(re.findall(r'"([a-z-]+)", (?:MSG\[|msg\))', source))
    assert {"number", "date", "issuer", "title", "signer", "table", "basis", "period", "citation", "district"} <= made
    kinds = _dict_in_notebook("05-draft-next-year.ipynb", "KIND")
    assert made <= set(kinds), made - set(kinds)
    assert all(" / " in label for label in kinds.values())
