"""Lint findings as Word comments in a copy of the officer's own .docx.

:func:`annotate_docx` is the Word face of :func:`plankit.lint_plan`: one comment per finding,
anchored on the finding's words (in the body, in the header table, in activity tables), by author
``plankit``, with the rule's code and name and the message in Vietnamese with its English gloss.
The document's text, formatting, existing comments and revisions are left as they were: only
runs are split where a comment starts or ends (see :mod:`plankit.word`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import ReadError
from .model import Finding, Plan

__all__ = ["annotate_docx", "comment_text"]

_NEEDS_DOCX = "ghi chú Word chỉ thêm được vào kế hoạch .docx / Word comments need a .docx plan"


def comment_text(finding: Finding) -> str:
    """What a finding's comment says: code, rule, message, and the certain fix when there is one.

    >>> from plankit.model import Span
    >>> f = Finding("PK101", "stale-year", "error", "Năm 2024 sai / Year 2024 is wrong",
    ...             Span(0, 8), 1, 1, "năm 2024", "năm 2025")
    >>> print(comment_text(f))
    [PK101 stale-year] Năm 2024 sai / Year 2024 is wrong
    Đề xuất (suggested): năm 2025
    """
    text = f"[{finding.code} {finding.rule}] {finding.message}"
    if finding.suggestion is not None:
        shown = finding.suggestion or "(xóa / delete)"
        text += f"\nĐề xuất (suggested): {shown}"
    return text


def annotate_docx(
    plan: Plan | str | os.PathLike[str],
    findings: Iterable[Finding] | None = None,
    *,
    out: str | os.PathLike[str],
    force: bool = False,
    **lint_options,
) -> Path:
    """Write a copy of a .docx plan with one Word comment per lint finding.

    Args:
        plan: the .docx path, or a :class:`~plankit.model.Plan` read from a .docx.
        findings: the findings to show; default: :func:`plankit.lint_plan` of the plan, with
            ``lint_options`` (``rules``, ``today``, ``corpus``) passed on.
        out: the .docx to write (atomically; an existing file only with ``force``).
        force: overwrite ``out`` if it exists.

    Returns:
        The path written.

    Raises:
        ReadError: the plan is not a .docx (comments need the officer's Word file).

    >>> import tempfile, pathlib, docx
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> d = docx.Document()
    >>> _ = d.add_paragraph("Kế hoạch tuyên truyền cải cách hành chính năm 2025")
    >>> _ = d.add_paragraph("Trên đây là Kế hoạch tuyên tuyền năm 2025 của Sở.")
    >>> d.save(folder / "plan.docx")
    >>> annotate_docx(folder / "plan.docx", out=folder / "notes.docx").name
    'notes.docx'
    >>> [c.author for c in docx.Document(folder / "notes.docx").comments]
    ['plankit']
    """
    from .lint import lint_plan
    from .read import read_plan
    from .word import WordEdit

    if isinstance(plan, Plan):
        if plan.source.path is None or plan.source.form != "docx" or not plan.source.path.lower().endswith(".docx"):
            raise ReadError(plan.source.path or plan.name, _NEEDS_DOCX)
        path = Path(plan.source.path)
    else:
        path = Path(plan)
        if path.suffix.lower() != ".docx":
            raise ReadError(str(path), _NEEDS_DOCX)
        plan = read_plan(path)
    if findings is None:
        findings = lint_plan(plan, **lint_options)
    edit = WordEdit(path, plan)
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end)):
        edit.comment(f.span.start, f.span.end, comment_text(f))
    return edit.save(out, force=force)
