"""Year-on-year comparison of plans: what really changed, and of what kind.

``diff_plans(old, new)`` pairs sections by number, title and content, aligns paragraphs and
activity-table rows, diffs words on the folded text (so OCR without diacritics, NFC/NFD and
tone placement are not changes) and classifies every change as ``expected`` (the year bump and
other yearly updates), ``basis`` (the legal basis), ``substantive`` or ``carried-error``. The
:class:`PlanDiff` it returns renders side by side in a notebook, as an HTML page, as Markdown,
as DataFrames and as a redline .docx with real Word tracked changes.

``similarity_matrix(plans)`` and ``draw_similarity(matrix)`` compare many plans at once.
"""

from __future__ import annotations

# The outputs register themselves as PlanDiff's methods (plankit.views) when imported here.
from . import redline, render  # noqa: F401
from .compare import diff_plans
from .result import Change, PlanDiff, RowPair, SectionPair, TablePair
from .similarity import draw_similarity, similarity_matrix

__all__ = [
    "Change",
    "PlanDiff",
    "RowPair",
    "SectionPair",
    "TablePair",
    "diff_plans",
    "draw_similarity",
    "similarity_matrix",
]
