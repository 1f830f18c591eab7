"""A redline .docx: the new plan with every difference as a real Word tracked change.

The redline is written from one in-order word diff of the two whole texts, so it is exact by
construction: **Accept All gives the new plan's text and Reject All the old plan's**, white
space aside (the header, case, punctuation, spacing and tables included). The new plan's tables
are Word tables (:mod:`plankit.diff.grids`: those whose cells lie in reading order; of a table
rebuilt from a scan, the runs of rows that do): a row only in the new plan is a tracked inserted row,
a row only in the old plan a tracked deleted row (``w:trPr/w:ins``, ``w:trPr/w:del``), edits
inside a cell are tracked words; a row's number (TT) is diffed with its row's first words, so
rows renumbered after an inserted or removed one pair by content.

Each difference is a ``w:del`` (the old words) followed by a ``w:ins`` (the new words), with an author naming its kind as :func:`diff_plans`
classified it (``plankit · thay đổi theo năm``, ``plankit · nội dung`` ...), so filtering the
markup by reviewer accepts every year bump in one go. Words that are the same but written
differently where the comparison does not count a change (OCR damage against clean text, a
section moved) are tracked under ``plankit · cách viết khác``. Carried errors are highlighted
and commented, not changed: the officer decides.

An OCR'd side is shown restored (:func:`plankit.restore_text`, with the other plan as the
reference when it is clean): the document says so in a comment on its first words and in its
properties, and every paragraph whose restored reading differs from the scan carries the
original OCR line as a comment.

This module walks the word diff (:mod:`plankit.diff.redline_keys`: tokens, keys, kinds) and
decides what is kept, deleted and inserted; :mod:`plankit.diff.redline_doc` writes it into the
.docx (paragraphs, Word tables, tracked rows, comments).
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..views import register_view
from .grids import GAP, Layout, grids
from .redline_doc import DocWriter
from .redline_keys import (
    PRIORITY,
    SURFACE,
    TOKEN,
    Tok,
    paint,
    row_of,
    row_tags,
    whole_rows,
    word_keys,
    word_tokens,
)
from .result import PlanDiff
from .shown import shown_texts
from .tokens import diff_keys, looks_ocr

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

__all__ = ["build_redline", "shown_texts", "write_redline"]


class _Writer(DocWriter):
    """The redline of one comparison: one in-order word diff of the two shown texts, each
    difference written as deleted old words then inserted new ones."""

    # -- the document ----------------------------------------------------------------------------------
    def build(self) -> Document:
        d = self.d
        old, new = self.old, self.new
        ta, tb = word_tokens(old, looks_ocr(d.old)), word_tokens(new, looks_ocr(d.new))
        paint_new = paint(len(new.text), [(c.new_span, c.kind) for c in d.changes if c.new_span.end > c.new_span.start],
                           new)
        paint_old = paint(len(old.text), [(c.old_span, c.kind) for c in d.changes if c.old_span.end > c.old_span.start],
                           old)
        carried_at = self._carried_ranges()

        def kind_of(a1: int, a2: int, b1: int, b2: int) -> str:
            rank = min(paint_new[b1:b2], default=len(PRIORITY))
            rank = min(rank, min(paint_old[a1:a2], default=len(PRIORITY)))
            return PRIORITY[rank] if rank < len(PRIORITY) else SURFACE

        def own(paint: list[int], s: int, e: int, fallback: str) -> str:
            """The kind of one side's piece of a larger difference: its own, else the whole's."""
            rank = min(paint[s:e], default=len(PRIORITY))
            return PRIORITY[rank] if rank < len(PRIORITY) else fallback

        def gap_start(toks: list[Tok], k: int) -> int:
            return toks[k - 1].end if k else 0

        new_starts = [t.start for t in tb]

        def where(j: int):
            return self.layout.at(tb[j].start) if j < len(tb) else None

        old_grids = grids(d.old, old) if self.tables else ()
        self.layout = Layout(grids(d.new, new) if self.tables else ())
        self.old_layout = Layout(old_grids)
        # rows of tables paired by the comparison and written as tables on both sides carry
        # their task's first words: their words pair only with the same row's
        paired = {(t.old, t.new) for t in d.tables if t.old is not None and t.new is not None}
        # (a table of which only some rows are laid out as a table is not: its other rows are
        # running text, where a tagged old row's words would find no counterpart)
        both = {(o, n) for o, n in paired if o in {g.table for g in old_grids if not g.part}
                and n in {g.table for g in self.layout.grids if not g.part}}
        self.old_tags = row_tags(ta, old_grids, {o for o, _n in both})
        self.new_tags = row_tags(tb, self.layout.grids, {n for _o, n in both})
        # an old table's columns as the comparison paired them with the new table's
        columns = {t.old: {ci: cj for ci, cj in t.columns if ci is not None and cj is not None}
                   for t in d.tables if t.old is not None and t.new is not None}
        ops = list(diff_keys(word_keys(ta, old_grids, self.old_tags, columns), word_keys(tb, self.layout.grids, self.new_tags)))
        self.inserted_rows = whole_rows(self.layout.grids, tb, ops, new=True, kind_of=kind_of)
        deleted_rows = whole_rows(old_grids, ta, ops, new=False, kind_of=kind_of)
        row_starts = sorted(deleted_rows)

        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                for di in range(i2 - i1):
                    x, y = ta[i1 + di], tb[j1 + di]
                    go_at, gn_at = gap_start(ta, i1 + di), gap_start(tb, j1 + di)
                    go, gn = old.text[go_at:x.start], new.text[gn_at:y.start]
                    if (go == "") == (gn == ""):
                        if go and self.tail_deleted and self.layout.at(gn_at) == GAP and \
                                where(j1 + di) == (self.table_grid, self.row_idx, self.col):
                            # old words deleted in this cell, then a kept word that starts the
                            # new cell: the old space between them stays (Reject All)
                            self._deleted_here(go, SURFACE, where(j1 + di))
                        self._new(gn, gn_at)
                    else:
                        self._deleted(go, SURFACE, where(j1 + di), go_at)
                        self._new(gn, gn_at, SURFACE)
                    so, sn = old.text[x.start:x.end], new.text[y.start:y.end]
                    if so == sn:
                        self._new(sn, y.start, carried=carried_at.get(y.start))
                    else:
                        kind = kind_of(x.start, x.end, y.start, y.end)
                        self._deleted(so, kind, where(j1 + di), x.start)
                        self._new(sn, y.start, kind)
                continue
            a1 = ta[i1].start if i2 > i1 else gap_start(ta, i1)
            a2 = ta[i2 - 1].end if i2 > i1 else a1
            b1 = tb[j1].start if j2 > j1 else gap_start(tb, j1)
            b2 = tb[j2 - 1].end if j2 > j1 else b1
            kind = kind_of(a1, a2, b1, b2)

            def new_kind(s: int, e: int, kind: str = kind) -> str:
                return own(paint_new, s, e, kind)

            def old_kind(s: int, e: int, kind: str = kind) -> str:
                return own(paint_old, s, e, kind)

            jh = j1  # the new words that stay in the row (or running text) being written
            jw = j1  # the first of them not written yet
            pos = gap_start(ta, i1)
            k = bisect.bisect_left(row_starts, pos)
            if i2 > i1 and k < len(row_starts) and row_starts[k] < a2:
                here = (self.table_grid, self.row_idx) if self.table is not None and self.row_state != "del" else None
                while jh < j2 and row_of(where(jh)) == here:
                    jh += 1
                # the rest of the row being written, column by column: each old word to its own cell
                pos, jw = self._by_column(old.text, pos, row_starts[k], tb, j1, jh, where, new_kind, old_kind)
                # (the line break before the deleted row: the row stands for it)
                self._deleted(old.text[pos:row_starts[k]].rstrip(), own(paint_old, pos, row_starts[k], kind), where(jw),
                              pos)
                pos = row_starts[k]
            if jh > jw:
                self._new(new.text[gap_start(tb, jw):tb[jh - 1].end], gap_start(tb, jw), new_kind)
            if i2 > i1:
                nxt = where(jh)
                while k < len(row_starts) and row_starts[k] < a2:
                    rs = row_starts[k]
                    re_, cells = deleted_rows[rs]
                    self._deleted(old.text[pos:rs], own(paint_old, pos, rs, kind), nxt, pos)
                    self._deleted_row([old.text[s:e] if s is not None else "" for s, e in cells],
                                      own(paint_old, rs, re_, kind), nxt)
                    pos = re_
                    k += 1
            if i2 > i1 and j2 > jh:
                pos, jh = self._by_column(old.text, pos, a2, tb, jh, j2, where, new_kind, old_kind)
            b_from = gap_start(tb, jh)
            # old running text after an old table waits for the new table's words: each side's
            # text then stays beside its neighbours (a word and its glued full stop)
            old_cut = max((g.end for g in self.old_layout.grids if pos <= g.end < a2), default=None)
            new_cut = max((g.end for g in self.layout.grids if b_from <= g.end < b2), default=None)
            if i2 > i1 and old_cut is not None and j2 > jh:
                cut = new_cut if new_cut is not None else b2
                self._deleted(old.text[pos:old_cut], own(paint_old, pos, old_cut, kind), where(jh), pos)
                self._new(new.text[b_from:cut], b_from, new_kind)
                pos, b_from = old_cut, cut
                jh = min(bisect.bisect_left(new_starts, cut), j2)
            if i2 > i1:
                self._deleted(old.text[pos:a2], own(paint_old, pos, a2, kind), where(jh), pos)
            if j2 > jh:
                self._new(new.text[b_from:b2], b_from, new_kind)
        self._close_table()
        self._flush()
        self._comments()
        return self.doc

    def _by_column(self, old_text: str, pos: int, a2: int, tb: list[Tok], jh: int, j2: int, where, kind,
                   old_kind) -> tuple[int, int]:
        """A difference inside a row paired with an old one, written column by column: in each
        column the old words (deleted) then the new ones (inserted), so that Reject All and
        Accept All each put every word in its own cell. Returns where the old text and the new
        words not yet written begin."""
        while pos < a2 and jh < j2:
            jh = self._columns_before(old_text, pos, a2, tb, jh, j2, where, kind)
            lead = len(old_text[pos:a2]) - len(old_text[pos:a2].lstrip())
            old_loc = self.old_layout.at(pos + lead) if pos + lead < a2 else None
            here = where(jh) if jh < j2 else None
            if not (isinstance(old_loc, tuple) and isinstance(here, tuple)) or here[2] != old_loc[2] \
                    or self.new_tags.get(here[:2]) != self.old_tags.get(old_loc[:2]):
                break
            cell = self.old_layout.grids[old_loc[0]].rows[old_loc[1]][old_loc[2]]
            cut = min(a2, cell[1]) if cell is not None else a2
            self._deleted(old_text[pos:cut], old_kind(pos, cut), here, pos)
            pos = cut
            k = jh
            while k < j2 and (loc := where(k)) is not None and isinstance(loc, tuple) and loc[:2] == here[:2] \
                    and loc[2] == here[2]:
                k += 1
            start = tb[jh - 1].end if jh else 0
            self._new(self.new.text[start:tb[k - 1].end], start, kind)
            jh = k
        return pos, jh

    def _columns_before(self, old_text: str, pos: int, a2: int, tb: list[Tok], jh: int, j2: int, where,
                        kind) -> int:
        """In a row paired with an old one, write the new words of a difference that lie in
        columns before the first old word's column, before that old word: the writer only moves
        forward, so the deleted words then reach their own column (Reject All puts every old word
        back in its cell, also when the row moved). Returns the first new word not written."""
        lead = len(old_text[pos:a2]) - len(old_text[pos:a2].lstrip())
        old_loc = self.old_layout.at(pos + lead) if pos + lead < a2 else None
        here = where(jh)
        if not (isinstance(old_loc, tuple) and isinstance(here, tuple)):
            return jh
        tag = self.old_tags.get(old_loc[:2])
        if tag is None or self.new_tags.get(here[:2]) != tag or here[2] >= old_loc[2]:
            return jh
        k = jh
        while k < j2 and (loc := where(k)) is not None and isinstance(loc, tuple) and loc[:2] == here[:2] \
                and loc[2] < old_loc[2]:
            k += 1
        if k == jh:
            return jh
        start = tb[jh - 1].end if jh else 0
        self._new(self.new.text[start:tb[k - 1].end], start, kind)
        return k

    def _carried_ranges(self) -> dict[int, int]:
        """Start of each new shown token inside a carried error -> the change's index."""
        out: dict[int, int] = {}
        for k, c in enumerate(self.d.changes):
            if c.kind != "carried-error":
                continue
            s, e = self.new.at(c.new_span.start), self.new.at(c.new_span.end)
            for m in TOKEN.finditer(self.new.text, s, e):
                out[m.start()] = k
        return out


def build_redline(d: PlanDiff, *, author: str = "plankit", date: dt.datetime | None = None) -> Document:
    """The redline as a python-docx :class:`~docx.document.Document` (not yet saved).

    >>> import datetime as dt
    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2024 ngân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2025 nguồn khác."))
    >>> doc = build_redline(d, date=dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    >>> [(r.get(doc.element.body.nsmap["w"].join("{}") + "author"), r.xpath("string(.)"))
    ...  for r in doc.element.body.xpath("//w:ins|//w:del")]  # doctest: +NORMALIZE_WHITESPACE
    [('plankit · nội dung', ' 2024 ngân sách'), ('plankit · nội dung', ' 2025 nguồn khác')]
    """
    date = date or dt.datetime.now(dt.UTC).replace(microsecond=0)
    writer = _Writer(d, author, date)
    doc = writer.build()
    if writer.layout.grids and not _exact(doc, writer.old.text, writer.new.text):
        # a layout the table writer does not place exactly: the tables as running text instead
        doc = _Writer(d, author, date, tables=False).build()
    return doc


def _exact(doc: Document, old: str, new: str) -> bool:
    """Whether Accept All gives ``new`` and Reject All ``old``, white space aside (the check
    that guards the table layout; tests read the saved file with their own walk)."""
    from docx.oxml.ns import qn

    def read(accept: bool) -> str:
        gone = qn("w:del") if accept else qn("w:ins")
        out: list[str] = []
        for p in doc.element.body.iter(qn("w:p")):
            tr = next((a for a in p.iterancestors(qn("w:tr"))), None)
            if tr is not None and tr.find(f"{qn('w:trPr')}/{gone}") is not None:
                continue
            for t in p.iter(qn("w:t"), qn("w:delText")):
                if (t.tag == qn("w:delText") and accept) or any(a.tag == gone for a in t.iterancestors()):
                    continue
                out.append(t.text or "")
            mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{gone}")
            if mark is None or tr is not None:
                out.append("\n")
        return " ".join("".join(out).split())

    return read(True) == " ".join(new.split()) and read(False) == " ".join(old.split())


def write_redline(d: PlanDiff, path: str | os.PathLike[str], *, force: bool = False, author: str = "plankit") -> Path:
    """Write the redline .docx atomically; :class:`plankit.OutputExists` unless ``force``.
    :meth:`PlanDiff.to_docx <plankit.diff.PlanDiff.to_docx>` calls it (see there for an example)."""
    from ..output import check_suffix, inputs_of, write_with

    check_suffix(path, ".docx")
    doc = build_redline(d, author=author)
    return write_with(path, lambda tmp: doc.save(str(tmp)), force=force, inputs=inputs_of(d.old, d.new))


register_view(PlanDiff, "to_docx", write_redline)  # PlanDiff.to_docx
