"""``check_template``: a Word template checked without rendering it."""

from __future__ import annotations

import os
from pathlib import Path

from ._document import read_bytes, read_document
from ._layout import check_page, check_text
from ._tags import check_tags
from .finding import TemplateCheck, sort_findings

__all__ = ["check_template"]


def check_template(path: str | os.PathLike[str]) -> TemplateCheck:
    """Check a Word template for ``plankit draft`` without rendering it.

    Every tag is parsed and each problem located by paragraph or table cell: broken tags
    (``{{`` left open, ``{%p`` sharing its paragraph, ``{%tr`` outside a table row, Word's
    curly quotes), variables no plan provides (with the nearest known name) and those left
    unused, tags the sandbox refuses (``_`` attributes, huge numbers, ``lipsum``), and the layout
    against Nghị định 30/2020, Phụ lục I (A4 portrait, margins, Times New Roman in all four font
    slots, size and weight of header, title, body, recipients and signature).

    Raises :class:`~plankit.errors.TemplateError` for a file that is not a .docx.

    >>> from plankit.render import default_template
    >>> result = check_template(default_template())
    >>> result
    <TemplateCheck ke-hoach.docx: 0 errors, 0 warnings, 10 info>
    >>> result.ok, result.findings[0].rule
    (True, 'unused-variable')
    """
    path = Path(path)
    document = read_document(path, read_bytes(path))
    tag_findings, used = check_tags(document.paragraphs)
    findings = [*tag_findings, *check_page(document), *check_text(document)]
    return TemplateCheck(str(path), sort_findings(findings), used)
