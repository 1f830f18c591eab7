"""Every public result a notebook shows has the three faces STYLE.md asks for: a short one-line
``repr``, an HTML view (``_repr_html_``) and a ``to_frame()`` for pandas with one row per item."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

import plankit
from plankit.corpus import read_corpus
from plankit.report import NotebookReport, Report

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
NEW = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"


@cache
def _plans():
    return plankit.read_plan(OLD), plankit.read_plan(NEW)


def _report():
    pages = (NotebookReport("01-corpus.ipynb", "Kho kế hoạch", "reports/01-corpus.html", 6.8),
             NotebookReport("03-year-on-year.ipynb", "So sánh năm", "reports/03-year-on-year.html", 10.9,
                            error="ValueError: no pair"))
    return Report("reports/index.html", pages, (("hỏng.docx", "damaged"),))


def _template_check():
    from plankit.bundled import template_path

    return plankit.check_template(template_path())


#: (name, how to make it, the repr's start, rows of its frame)
RESULTS = [
    ("PlanFacts", lambda: _plans()[0].facts, "PlanFacts('Sở Khoa học và Công nghệ thành phố Cần Thơ'", 1),
    ("Corpus", lambda: read_corpus([ROOT / "plans"]), "<Corpus 5 plans>", 5),
    ("CitationList", lambda: plankit.extract_citations(_plans()[0].text),
     "<CitationList: 3 citations: 261/KH-UBND, 76/NQ-CP, 45/2020/NĐ-CP>", 3),
    ("FindingList", lambda: plankit.lint_plan(_plans()[1]), "<FindingList: 3 findings (1 error, 2 warnings)>", 3),
    ("PlanDiff", lambda: plankit.diff_plans(*_plans()), "<PlanDiff can-tho/2022-so-khcn.txt → can-tho/2025-so-khcn.ocr.txt:", None),
    ("BasisGraph", lambda: plankit.build_graph(read_corpus([ROOT / "plans"]).plans), "<BasisGraph: 5 plans,", None),
    ("Restored", lambda: plankit.restore_text("Ke hoach tuyen truyen"), "<Restored 4/4 words changed, 0 uncertain: 'Kế hoạch tuyên truyền'>", None),
    ("TemplateCheck", _template_check, "<TemplateCheck", None),
    ("Report", _report, "<Report 2 notebooks, 1 failed, 1 files unreadable, index reports/index.html>", 2),
]


@pytest.mark.parametrize(("name", "make", "start", "rows"), RESULTS, ids=[r[0] for r in RESULTS])
def test_a_result_has_a_short_repr_an_html_view_and_a_frame(name, make, start, rows):
    result = make()
    assert type(result).__name__ == name
    text = repr(result)
    assert text.startswith(start)
    assert "\n" not in text and len(text) <= 200
    page = result._repr_html_()
    assert isinstance(page, str) and page.lstrip().startswith("<")
    frame = result.to_frame()
    assert isinstance(frame, pd.DataFrame) and len(frame.columns) >= 2
    assert len(frame) == rows if rows is not None else len(frame) >= 1


@pytest.mark.parametrize("make", [lambda: _plans()[0], lambda: plankit.draft_plan(_plans()[1], year=2026),
                                  lambda: plankit.restore_plan(_plans()[1])],
                         ids=["read_plan", "draft_plan", "restore_plan"])
def test_a_plan_has_a_short_repr_and_an_html_view(make):
    plan = make()
    assert repr(plan).startswith("<Plan can-tho/20") and "\n" not in repr(plan) and len(repr(plan)) <= 200
    assert "<table" in plan._repr_html_()


def test_a_plan_has_a_one_row_frame_of_its_header():
    plan = _plans()[0]
    frame = plan.to_frame()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 1
    assert list(frame.columns) == list(plan.row()) == list(plankit.corpus.header_row(plan))
    assert pd.concat([p.to_frame() for p in _plans()]).shape[0] == len(_plans())
