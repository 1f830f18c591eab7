"""A redline .docx: the new plan with every change as a real Word tracked change.

Each change is a ``w:del`` (the old words) followed by a ``w:ins`` (the new words), with an
author and a date, so Word and LibreOffice list it under Review and the officer can accept or
reject it one by one or all at once. The author names the kind of change
(``plankit · thay đổi theo năm``): filtering the markup by reviewer accepts every year bump in one
go. A paragraph or table row only in the new plan is an inserted paragraph mark or row
(``w:ins`` in ``w:pPr/w:rPr`` or ``w:trPr``), one only in the old plan a deleted one. Carried
errors are highlighted and commented, not changed: the officer decides.

Accepting every change gives the new plan's text; rejecting every change gives the old one's,
paragraph by paragraph.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from itertools import count, pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from .result import KIND_LABELS, Piece, PlanDiff, Segment

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

__all__ = ["build_redline", "write_redline"]

_WS = re.compile(r"\s+")


class _Writer:
    def __init__(self, d: PlanDiff, author: str, date: dt.datetime):
        import docx
        from docx.shared import Pt

        self.d = d
        self.author = author
        self.date = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.ids = count(1000)  # clear of python-docx's comment ids, which start at 0
        self.doc: Document = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(13)
        self.comments: list[tuple[list, str]] = []

    # -- xml helpers ------------------------------------------------------------------------------
    def _el(self, tag: str, **attrs: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(f"w:{k}"), v)
        return el

    def _revision(self, tag: str, kind: str):
        who = f"{self.author} · {KIND_LABELS.get(kind, kind)}"
        return self._el(tag, id=str(next(self.ids)), author=who, date=self.date)

    def _run(self, text: str, *, deleted: bool = False, bold: bool = False, highlight: bool = False):
        r = self._el("w:r")
        if bold or highlight:
            rpr = self._el("w:rPr")
            if bold:
                rpr.append(self._el("w:b"))
            if highlight:
                rpr.append(self._el("w:highlight", val="yellow"))
            r.append(rpr)
        t = self._el("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    # -- paragraphs ---------------------------------------------------------------------------------
    def _paragraph(self, container, *, mark: str | None = None, kind: str = "substantive"):
        """A new paragraph at the end of ``container`` (the body or a table cell); ``mark`` is
        ``ins``/``del`` when the paragraph itself is inserted or deleted."""
        p = container.add_paragraph()
        if mark is not None:
            ppr = p._p.get_or_add_pPr()
            rpr = self._el("w:rPr")
            rpr.append(self._revision(f"w:{mark}", kind))
            ppr.append(rpr)
        return p

    def _fill(self, container, piece: Piece, *, bold: bool = False, first=None) -> None:
        """Write one piece as paragraphs with tracked changes into ``container`` (the body or a
        table cell; ``first`` is the cell's existing empty paragraph)."""
        kind0 = next((m.kind for m in piece.marks), "substantive")
        if piece.new is None:  # only in the old plan: a deleted paragraph
            p = self._start(container, first, "del", kind0)
            if _flat(piece.old or ""):
                p._p.append(self._wrap("w:del", kind0, self._run(_flat(piece.old or ""), deleted=True, bold=bold)))
            return
        new = piece.new
        inserted = piece.old is None  # only in the new plan: inserted paragraphs
        state = {"p": self._start(container, first, "ins" if inserted else None, kind0)}
        breaks = sorted(b for b in piece.breaks_new if 0 < b < len(new))

        def write(a: int, b: int, *, ins: str | None = None, highlight: bool = False) -> list:
            """New text ``[a, b)`` (plain, or inserted as ``ins`` kind), split at paragraph breaks."""
            runs = []
            cuts = [a, *(x for x in breaks if a < x < b), b]
            for k, (x, y) in enumerate(pairwise(cuts)):
                if k:  # a paragraph break falls here
                    state["p"] = self._paragraph(container, mark="ins" if inserted else None, kind=kind0)
                p = state["p"]
                text = _WS.sub(" ", new[x:y])
                if not p._p.xpath("./w:r|./w:ins|./w:del"):
                    text = text.lstrip()
                if not text:
                    continue
                r = self._run(text, bold=bold, highlight=highlight)
                p._p.append(self._wrap("w:ins", ins, r) if ins else r)
                runs.append((p, r))
            if b in breaks and b < len(new):
                state["p"] = self._paragraph(container, mark="ins" if inserted else None, kind=kind0)
                breaks.remove(b)
            return runs

        if inserted:
            write(0, len(new), ins=kind0)
            return
        pos = 0
        marks = sorted((m for m in piece.marks if m.new[1] > m.new[0] or m.old[1] > m.old[0]),
                       key=lambda m: (m.new[0], m.new[1]))
        for m in marks:
            start, end = m.new
            if start < pos:
                continue
            write(pos, start)
            pos = start
            if m.kind == "carried-error":
                runs = write(start, end, highlight=True)
                if runs:
                    self.comments.append((runs, self.d.changes[m.change].reason))
                pos = end
                continue
            old_text = _WS.sub(" ", (piece.old or "")[m.old[0]:m.old[1]]).strip()
            if old_text:
                state["p"]._p.append(self._wrap("w:del", m.kind, self._run(old_text, deleted=True, bold=bold)))
            if end > start:
                write(start, end, ins=m.kind)
                pos = end
        write(pos, len(new))

    def _wrap(self, tag: str, kind: str, run):
        w = self._revision(tag, kind)
        w.append(run)
        return w

    def _start(self, container, first, mark: str | None, kind: str):
        if first is None:
            return self._paragraph(container, mark=mark, kind=kind)
        if mark is not None:
            self._mark_paragraph(first, mark, kind)
        return first

    def _mark_paragraph(self, p, mark: str, kind: str) -> None:
        ppr = p._p.get_or_add_pPr()
        rpr = self._el("w:rPr")
        rpr.append(self._revision(f"w:{mark}", kind))
        ppr.append(rpr)

    # -- tables -----------------------------------------------------------------------------------
    def _table(self, rows: list[Segment]) -> None:
        table_pair = next((t for t in self.d.tables if t.new == rows[0].table or
                           (t.new is None and t.old == rows[0].table)), None)
        names = [table_pair.labels[k] for k in table_pair.shown] if table_pair else []
        width = max(len(r.pieces) for r in rows)
        names += [""] * (width - len(names))
        table = self.doc.add_table(rows=1, cols=width)
        table.style = "Table Grid"
        for k, name in enumerate(names[:width]):
            cell = table.rows[0].cells[k]
            cell.paragraphs[0].add_run(name).bold = True
        for seg in rows:
            row = table.add_row()
            if seg.status in ("added", "removed"):
                trpr = row._tr.get_or_add_trPr()
                kind = next((m.kind for pc in seg.pieces for m in pc.marks), "substantive")
                trpr.append(self._revision("w:ins" if seg.status == "added" else "w:del", kind))
            for k, piece in enumerate(seg.pieces):
                cell = row.cells[k]
                self._fill(cell, piece, first=cell.paragraphs[0])

    # -- the document -------------------------------------------------------------------------------
    def build(self) -> Document:
        body = self.doc
        segs = list(self.d.segments)
        k = 0
        while k < len(segs):
            seg = segs[k]
            if seg.kind == "row":
                group = [seg]
                while k + 1 < len(segs) and segs[k + 1].kind == "row" and segs[k + 1].table == seg.table:
                    k += 1
                    group.append(segs[k])
                self._table(group)
                self.doc.add_paragraph()
            else:
                self._fill(body, seg.pieces[0], bold=seg.kind == "heading")
            k += 1
        from docx.text.run import Run

        for runs, text in self.comments:
            objs = [Run(r, p) for p, r in runs]  # type: ignore[misc]
            self.doc.add_comment(objs, text=text, author=f"{self.author} · {KIND_LABELS['carried-error']}",
                                 initials="PK")
        return self.doc


def _flat(text: str) -> str:
    return " ".join(text.split())


def build_redline(d: PlanDiff, *, author: str = "plankit", date: dt.datetime | None = None) -> Document:
    """The redline as a python-docx :class:`~docx.document.Document` (not yet saved).

    >>> import datetime as dt
    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2024 ngân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2025 nguồn khác."))
    >>> doc = build_redline(d, date=dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    >>> [(r.get(doc.element.body.nsmap["w"].join("{}") + "author"), r.xpath("string(.)"))
    ...  for r in doc.element.body.xpath("//w:ins|//w:del")]  # doctest: +NORMALIZE_WHITESPACE
    [('plankit · nội dung', '2024 ngân sách'), ('plankit · nội dung', '2025 nguồn khác')]
    """
    date = date or dt.datetime.now(dt.UTC).replace(microsecond=0)
    return _Writer(d, author, date).build()


def write_redline(d: PlanDiff, path: str | os.PathLike[str], *, force: bool = False, author: str = "plankit") -> Path:
    """Write the redline .docx atomically; :class:`plankit.OutputExists` unless ``force``.
    :meth:`PlanDiff.to_docx <plankit.diff.PlanDiff.to_docx>` calls it (see there for an example)."""
    from ..output import check_suffix, write_with

    check_suffix(path, ".docx")
    doc = build_redline(d, author=author)
    return write_with(path, lambda tmp: doc.save(str(tmp)), force=force)

