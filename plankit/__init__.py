"""plankit: read, cite, diff, lint, restore and draft Vietnamese administrative-reform plans.

The public verbs are importable from here; each lives in its own module and is imported on first
use, so ``import plankit`` stays fast (pandas and matplotlib load only when a result needs them).

>>> import plankit
>>> plan = plankit.read_text("KẾ HOẠCH\\nCông tác thông tin, tuyên truyền cải cách hành chính năm 2025")
>>> plan.header.year
2025
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import (
    InvalidCitation,
    LintConfigError,
    OCRUnavailable,
    OfficeUnavailable,
    OutputError,
    OutputExists,
    PlankitError,
    ReadError,
    ReportError,
    TemplateError,
    UnsafePath,
)
from .model import Block, Citation, Finding, Header, Plan, Section, Span, Table, register_analysis
from .version import __version__


def _analysis(module: str, name: str) -> Any:
    """``module.name``, imported on the first plan that needs it."""

    def compute(plan: Plan) -> Any:
        return getattr(importlib.import_module(module), name)(plan)

    return compute


# The model names the analyses of a plan; the analysis layer computes them. Wiring them here,
# at the top, keeps every import pointing down (plan.citations, plan.facts).
register_analysis("citations", _analysis("plankit.cite", "compute_citations"))
register_analysis("facts", _analysis("plankit.facts", "compute_facts"))

# verb -> module that defines it
_LAZY = {
    "read_plan": "plankit.read",
    "read_text": "plankit.read",
    "read_bytes": "plankit.read",
    "read_corpus": "plankit.corpus",
    "map_corpus": "plankit.corpus",
    "extract_citations": "plankit.cite",
    "parse_citation": "plankit.cite",
    "canonical_key": "plankit.cite",
    "build_graph": "plankit.graph",
    "draw_graph": "plankit.graph",
    "write_graph": "plankit.graph",
    "diff_plans": "plankit.diff",
    "similarity_matrix": "plankit.diff",
    "lint_plan": "plankit.lint",
    "restore_text": "plankit.restore",
    "restore_plan": "plankit.restore",
    "draft_plan": "plankit.draft",
    "render_docx": "plankit.render",
    "render_markdown": "plankit.render",
    "draft_docx": "plankit.track",
    "annotate_docx": "plankit.annotate",
    "check_template": "plankit.template",
    "new_template": "plankit.template",
    "preview_template": "plankit.template",
    "template_from_plan": "plankit.template",
    "run_report": "plankit.report",
}

__all__ = [
    "Block",
    "Citation",
    "Finding",
    "Header",
    "InvalidCitation",
    "LintConfigError",
    "OCRUnavailable",
    "OfficeUnavailable",
    "OutputError",
    "OutputExists",
    "Plan",
    "PlankitError",
    "ReadError",
    "ReportError",
    "Section",
    "Span",
    "Table",
    "TemplateError",
    "UnsafePath",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'plankit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # the public names only: tab completion in a notebook should not offer ``Any`` or ``importlib``
    return sorted(set(__all__) | {"__version__"})
