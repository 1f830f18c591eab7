"""HTML views of the model's values, for notebooks (``_repr_html_``), and short text for reprs.

Below :mod:`plankit.model`: it reads the values it shows and never builds them.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .model import Plan, Table

__all__ = ["plan_html", "plan_row", "short", "table_html", "todo_html"]


def short(text: str | None, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> short("Căn cứ Nghị quyết số 76/NQ-CP\\nngày 15/7/2021", 20)
    'Căn cứ Nghị quyết s…'
    """
    if text is None:
        return "None"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _words(text: str, width: int) -> str:
    """``text`` on one line, cut after the last whole word that fits in ``width`` characters.

    >>> _words("Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh", 30)
    'Kế hoạch số 4707/KH-UBND ngày…'
    >>> _words("Căn cứ", 30), _words("Kếhoạchsố4707/KH-UBNDngày24/12/2021", 12)
    ('Căn cứ', 'Kếhoạchsố47…')
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if text[width - 1] == " " or space <= 0:  # the cut falls between words, or there is no word break
        return cut.rstrip() + "…"
    return cut[:space] + "…"


def table_html(table: Table) -> str:
    """A plan's table as an HTML table, header labels first."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c.text)}</td>" for c in r) + "</tr>" for r in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def todo_html(plan: Plan) -> str:
    """The to-do list of a draft as HTML (empty when there is nothing to do), each item shown
    with the text it points at; for :meth:`Plan._repr_html_`.

    >>> from dataclasses import replace
    >>> from plankit.model import Span, Todo
    >>> from plankit.read import read_text
    >>> plan = read_text("Số:    /KH-SCT\\nKẾ HOẠCH\\nTuyên truyền năm 2023")
    >>> print(todo_html(replace(plan, todo=(Todo("number", "Điền số", Span(3, 7)),))))
    <details open><summary>Việc cần làm / to do (1)</summary><ol><li><b>number</b> Điền số <small>(dòng 1: <q>…</q>)</small></li></ol></details>

    The words of the plan are quoted in the page's own font (a code font may lack Vietnamese
    letters and draw their marks apart) and cut at a word with an ellipsis.
    """
    if not plan.todo:
        return ""
    items = []
    for t in plan.todo:
        where = ""
        if t.span is not None:
            line, _ = plan.position(t.span.start)
            shown = _words(t.span.slice(plan.text), 80) or "…"
            where = f" <small>(dòng {line}: <q>{html.escape(shown)}</q>)</small>"
        items.append(f"<li><b>{html.escape(t.kind)}</b> {html.escape(t.message)}{where}</li>")
    return f"<details open><summary>Việc cần làm / to do ({len(items)})</summary><ol>{''.join(items)}</ol></details>"


def plan_row(plan: Plan) -> dict[str, Any]:
    """A plan's header fields as one flat row of plain values: file, form, type, number, symbol,
    issuer, parent, place, date, month, year, title, signer, and how many sections, tables and
    warnings (``Plan.row()``, a row of :func:`plankit.corpus.headers_frame`)."""
    h = plan.header
    return {
        "file": plan.name,
        "form": plan.source.form,
        "doc_type": h.doc_type,
        "number": h.number,
        "symbol": h.symbol,
        "issuer": h.issuer,
        "parent": h.parent,
        "place": h.place,
        "date": h.date.isoformat() if h.date else None,
        "month": h.date_parts.month,
        "year": h.year,
        "title": h.title,
        "signer": h.signer,
        "sections": len(plan.sections),
        "tables": len(plan.tables),
        "warnings": len(plan.warnings),
    }


def plan_html(plan: Plan) -> str:
    """A plan's card for a notebook: header fields, outline to level 2, flags, to-do list."""
    h = plan.header
    esc = html.escape
    rows = [
        ("Loại văn bản", h.doc_type),
        ("Số, ký hiệu", h.reference),
        ("Cơ quan ban hành", h.issuer),
        ("Cơ quan chủ quản", h.parent),
        ("Địa danh, ngày", f"{h.place or '...'}, {h.date_parts}"),
        ("Năm kế hoạch", h.year),
        ("Trích yếu", h.title),
        ("Người ký", f"{h.signer_title or ''} {h.signer or ''}".strip() or None),
        ("Nơi nhận", "; ".join(h.recipients) or None),
    ]
    card = "".join(
        f"<tr><th style='text-align:left'>{esc(k)}</th><td style='text-align:left'>"
        f"{esc(str(v)) if v is not None else '<i>(trống)</i>'}</td></tr>"
        for k, v in rows
    )
    outline = "".join(
        f"<div style='margin-left:{(s.level - 1) * 1.5}em'>{esc(short(s.label, 100))}</div>"
        for s in plan.walk()
        if s.level <= 2
    )
    flags = []
    if plan.source.ocr:
        flags.append("OCR")
    if plan.draft:
        flags.append("bản nháp / draft")
    if plan.warnings:
        flags.append(f"{len(plan.warnings)} cảnh báo / warnings")
    badge = f" <small>({esc(', '.join(flags))})</small>" if flags else ""
    todo = todo_html(plan)
    return (
        f"<div><b>{esc(plan.name)}</b>{badge}<table>{card}</table>"
        f"<details open><summary>Bố cục / outline</summary>{outline}</details>{todo}</div>"
    )
