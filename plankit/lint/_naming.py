"""How a finding names a cited document."""

from __future__ import annotations

from ..model import Citation
from ..text import fold

__all__ = ["cited_as"]


def cited_as(text: str, c: Citation, *, quoted: bool = True) -> str:
    """How a finding names the cited document ``c`` of the plan ``text``: its number
    (``'45/2020/NĐ-CP'``), or, for a document cited by its name and linked to its number through
    the register (an implicit citation: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm
    2015"), the name as written with the number in parentheses, so the officer finds the words
    of the plan.

    >>> from plankit.model import Span
    >>> law = Citation("77/2015/QH13", "Luật", "77", 2015, "QH13", span=Span(7, 42), implicit=True)
    >>> cited_as("Căn cứ Luật Tổ chức chính quyền địa phương;", law)
    "'Luật Tổ chức chính quyền địa phương' (77/2015/QH13)"
    """
    if not c.implicit:
        return f"'{c.key}'" if quoted else c.key
    written = " ".join(text[c.span.start : c.span.end].split())
    if len(written) > 90:
        written = written[:89].rstrip() + "…"
    if not written or fold(written) == fold(c.key):
        return f"'{c.key}'" if quoted else c.key
    return f"'{written}' ({c.key})" if quoted else f"{written} ({c.key})"
