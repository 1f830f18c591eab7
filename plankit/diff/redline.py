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
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import fold
from ..views import register_view
from .grids import GAP, Layout, grids
from .kinds import KIND_LABELS
from .result import PlanDiff
from .shown import Shown, shown_texts
from .tokens import diff_keys, looks_ocr, ocr_clean

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

__all__ = ["build_redline", "shown_texts", "write_redline"]

# Document numbers whole (the docnum form of plankit.text.tokenize: 261/KH-UBND, 45/2020/NĐ-CP),
# then words and single marks: every character that is not white space belongs to one token.
_TOKEN = re.compile(r"\d+[a-z]?(?:/\d{4})?(?:/[^\W\d_]\w*(?:-\w+)*|-[^\W\d_]\w*/[^\W\d_]\w*)|\w+|[^\w\s]")
_SPACES = re.compile(r"[^\S\n]+")
SURFACE = "surface"
LABELS = {**KIND_LABELS, SURFACE: "cách viết khác"}
# When one stretch holds changes of several kinds, the author names the weightiest.
_PRIORITY = ("substantive", "basis", "form", "renumbering", "expected", SURFACE)


@dataclass(frozen=True, slots=True)
class _Tok:
    key: str
    start: int
    end: int


def _tokens(shown: Shown, ocr: bool) -> list[_Tok]:
    folded = fold(shown.text)
    if ocr and not shown.restored:
        folded = ocr_clean(folded)
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def _row_of(loc) -> tuple[int, int] | None:
    return (loc[0], loc[1]) if isinstance(loc, tuple) else None


def _row_tags(toks: list[_Tok], tables, tagged: set[int]) -> dict[tuple[int, int], str]:
    """``(grid, row) -> tag`` for the rows of the tables in ``tagged``: the header row's is
    fixed, a body row's the first three words of its first cell that is not a number."""
    starts = [t.start for t in toks]
    out: dict[tuple[int, int], str] = {}
    for g, grid in enumerate(tables):
        if grid.table not in tagged:
            continue
        for r, row in enumerate(grid.rows):
            if r == 0 and grid.head:
                out[(g, r)] = "\x1ehead"
                continue
            for cell in row:
                if cell is None:
                    continue
                lo, hi = bisect.bisect_left(starts, cell[0]), bisect.bisect_left(starts, cell[1])
                words = [t.key for t in toks[lo:hi]]
                if words and not (len(words) == 1 and words[0].isdigit()):
                    out[(g, r)] = "\x1e" + " ".join(words[:3])
                    break
    return out


def _keys(toks: list[_Tok], tables, tags: dict[tuple[int, int], str],
          columns: dict[int, dict[int, int]] | None = None) -> list[str]:
    """The tokens' keys for the word diff. In a tagged row every word carries the row's tag and
    its column (``columns``: table -> its column -> the paired new column; the new side's own
    when ``None``), so a word pairs only with a word of the same row and column: Reject All
    puts every old word back in its own cell, however the rows moved. Elsewhere a row's number
    (the TT cell) is tied to the row's next word. Either way rows renumbered after an inserted
    or removed one pair by content, not by number."""
    keys = [t.key for t in toks]
    starts = [t.start for t in toks]
    for g, grid in enumerate(tables):
        cols = columns.get(grid.table, {}) if columns is not None else None
        for r, row in enumerate(grid.rows):
            cells = [c for c in row if c is not None]
            if not cells:
                continue
            tag = tags.get((g, r))
            if tag is not None:
                for c, cell in enumerate(row):
                    if cell is None:
                        continue
                    col = c if cols is None else cols.get(c, f"old{c}")
                    lo, hi = bisect.bisect_left(starts, cell[0]), bisect.bisect_left(starts, cell[1])
                    for k in range(lo, hi):
                        keys[k] = f"{keys[k]}{tag}\x1d{col}"
                continue
            if len(cells) < 2:
                continue
            k = bisect.bisect_left(starts, cells[0][0])
            if k + 1 < len(toks) and toks[k].end == cells[0][1] and toks[k].key.isdigit():
                keys[k] = f"{keys[k]}\x1f{keys[k + 1]}"
    return keys


def _paint(length: int, spans, shown: Shown) -> list[int]:
    """Per character of the shown text, the index in ``_PRIORITY`` of the weightiest change
    covering it (``len(_PRIORITY)`` where none does)."""
    none = len(_PRIORITY)
    out = [none] * (length + 1)
    for span, kind in spans:
        if kind not in _PRIORITY:
            continue
        rank = _PRIORITY.index(kind)
        s, e = shown.at(span.start), shown.at(span.end)
        for k in range(max(s, 0), min(e, length)):
            if rank < out[k]:
                out[k] = rank
    return out


class _Writer:
    def __init__(self, d: PlanDiff, author: str, date: dt.datetime, *, tables: bool = True):
        import docx
        from docx.shared import Pt

        self.d = d
        self.author = author
        self.labels = {**d.labels, SURFACE: LABELS[SURFACE]}  # the pair's names (same year: routine)
        self.date = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.ids = count(1000)  # clear of python-docx's comment ids, which start at 0
        self.doc: Document = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(13)
        self.old, self.new = shown_texts(d)
        self.para = None
        self.line = 0  # the line of the new shown text being written
        self.paras_of_line: dict[int, object] = {}
        self.carried: dict[int, list] = {}
        self.pending: list[str] = []  # plain text not yet written as a run
        self.pending_carried: int | None = None
        # the new plan's tables, and the Word table being written (see _enter)
        self.tables = tables
        # deleted words of an old row whose new row comes later: (grid, row) -> (column, text, kind)
        self.deferred: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        self.layout = Layout(())
        self.old_layout = Layout(())
        self.old_tags: dict[tuple[int, int], str] = {}
        self.new_tags: dict[tuple[int, int], str] = {}
        self.inserted_rows: dict[tuple[int, int], str] = {}
        self.table = None
        self.table_grid: int | None = None
        self.row = None
        self.row_idx = -1
        self.row_state = ""  # "ins" or "del": the open row is a tracked inserted or deleted row
        self.cell = None
        self.cell_fresh = False
        self.col = 0
        self.tail_deleted = False  # the last thing written in the paragraph is deleted text

    # -- xml helpers ------------------------------------------------------------------------------
    def _el(self, tag: str, **attrs: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(f"w:{k}"), v)
        return el

    def _run(self, text: str, *, deleted: bool = False, highlight: bool = False):
        r = self._el("w:r")
        if highlight:
            rpr = self._el("w:rPr")
            rpr.append(self._el("w:highlight", val="yellow"))
            r.append(rpr)
        t = self._el("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    def _revision(self, tag: str, kind: str, run):
        w = self._el(tag, id=str(next(self.ids)), author=f"{self.author} · {self.labels.get(kind, kind)}", date=self.date)
        w.append(run)
        return w

    # -- writing -------------------------------------------------------------------------------------
    def _paragraph(self):
        if self.para is None:
            if self.cell is not None:
                self.para = self.cell.paragraphs[0] if self.cell_fresh else self.cell.add_paragraph()
                self.cell_fresh = False
            else:
                self.para = self.doc.add_paragraph()
            self.paras_of_line.setdefault(self.line, self.para)
        return self.para

    def _flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending = []
        carried = self.pending_carried
        r = self._run(text, highlight=carried is not None)
        p = self._paragraph()
        p._p.append(r)
        if carried is not None:
            self.carried.setdefault(carried, []).append((p, r))

    def _break(self, newlines: int) -> None:
        self._flush()
        if self.para is not None:
            self.para = None
        self.line += newlines

    def _mark(self, tag: str, kind: str):
        return self._el(tag, id=str(next(self.ids)), author=f"{self.author} · {self.labels.get(kind, kind)}",
                        date=self.date)

    # -- tables ----------------------------------------------------------------------------------------
    def _open_table(self, grid: int | None, columns: int) -> None:
        self._flush()
        self.table = self.doc.add_table(rows=0, cols=max(1, columns))
        self.table.style = "Table Grid"
        self.table_grid = grid
        self.row_idx = -1
        self.row = None
        self.row_state = ""
        self.cell = None
        self.para = None

    def _close_table(self) -> None:
        self._flush()
        if self.table is not None and self.table_grid is not None:
            rows = self.layout.grids[self.table_grid].rows
            while self.row_idx < len(rows) - 1:  # trailing rows with no text
                self._add_row("", None)
                self.row_idx += 1
        self.table = self.table_grid = self.row = self.cell = self.para = None
        self.row_state = ""

    def _add_row(self, state: str, kind: str | None) -> None:
        """A new row at the end of the open table: ``ins`` or ``del`` (tracked) or plain."""
        self._flush()
        self.row = self.table.add_row()
        if state:
            self.row._tr.get_or_add_trPr().append(self._mark(f"w:{state}", kind or SURFACE))
        self.row_state = state
        self.cell = None
        self.para = None

    def _cell(self, k: int) -> None:
        cells = self.row._tr.tc_lst
        from docx.table import _Cell

        self.cell = _Cell(cells[min(k, len(cells) - 1)], self.table)
        self.cell_fresh = not self.cell.paragraphs[0]._p.xpath("./w:r|./w:ins|./w:del")
        self.para = None if self.cell_fresh else self.cell.paragraphs[-1]
        self.tail_deleted = False

    def _enter(self, loc: tuple[int, int, int] | None) -> None:
        """Make the cell ``loc`` (grid, row, cell of the new plan's tables), or running text
        when ``None``, the place the next new text is written."""
        if loc is None:
            if self.table is not None:
                self._close_table()
            return
        g, r, c = loc
        if self.table is not None and self.table_grid != g:
            if self.table_grid is None and len(self.table.rows) and self.layout.grids[g].columns == len(
                    self.table.columns):
                self.table_grid, self.row_idx = g, -1  # deleted rows just before this table: one table
            else:
                self._close_table()
        if self.table is None:
            self._open_table(g, self.layout.grids[g].columns)
        if r != self.row_idx or self.row_state == "del":
            if r == self.row_idx:  # a row continued after a deleted one: a row of its own
                self._add_row("", None)
            while self.row_idx < r:
                self.row_idx += 1
                inserted = self.inserted_rows.get((g, self.row_idx))
                self._add_row("ins" if inserted else "", inserted)
            for col, text, kind in self.deferred.pop((g, r), ()):
                self._cell(min(col, c))
                self._paragraph()._p.append(self._revision("w:del", kind, self._run(
                    _SPACES.sub(" ", text.replace("\n", " ")), deleted=True)))
            self._cell(c)
            self.col = c
        elif c != self.col:
            self._flush()
            self._cell(c)
            self.col = c

    def _deleted_row(self, cells: list[str], kind: str, nxt) -> None:
        """An old table row that is gone: a tracked deleted row (Accept All removes it)."""
        texts = [_SPACES.sub(" ", t.replace("\n", " ")) for t in cells]
        if self.table is not None:
            same_row = (isinstance(nxt, tuple) and nxt[0] == self.table_grid and nxt[1] == self.row_idx
                        and self.row_state != "del")
            if same_row or self.row is None:
                self._deleted_here(" ".join(texts), kind, nxt)
                return
        elif isinstance(nxt, tuple) and nxt[1] == 0:
            self._open_table(nxt[0], self.layout.grids[nxt[0]].columns)
        else:
            self._open_table(None, len(texts))
        width = len(self.table.columns)
        if len(texts) > width:
            texts = [*texts[: width - 1], " ".join(texts[width - 1:])]
        self._add_row("del", kind)
        for k, text in enumerate(texts):
            if text:
                self._cell(k)
                self._paragraph()._p.append(self._revision("w:del", kind, self._run(text, deleted=True)))
        self._cell(len(texts) - 1)

    # -- old and new text -------------------------------------------------------------------------------
    def _deleted(self, text: str, kind: str, nxt, at: int | None = None) -> None:
        """Old text that is not in the new plan (from ``at`` in the old shown text, when known),
        written where the next new text (at ``nxt``) goes: in a table row that pairs with the
        old one, in the cell of the same column."""
        if at is None or not self.old_layout.grids:
            self._deleted_here(text, kind, nxt)
            return
        for s, e, loc in self.old_layout.split(at, at + len(text)):
            if isinstance(loc, tuple) and text[s - at:e - at].strip():
                later = self._later_row(loc, nxt) or self._next_row(loc, nxt)
                if later is not None:  # its row comes after rows that are all new: wait for it
                    self.deferred.setdefault(later, []).append((loc[2], text[s - at:e - at], kind))
                    continue
                self._to_column(loc, nxt)
            elif loc is None and self.table is not None and text[s - at:e - at].strip() and not (
                    isinstance(nxt, tuple) and nxt[0] == self.table_grid):
                self._close_table()  # old running text after the table: after it here too
            self._deleted_here(text[s - at:e - at], kind, nxt)

    def _later_row(self, old_loc: tuple[int, int, int], nxt) -> tuple[int, int] | None:
        """The new row after the next one that pairs with ``old_loc``'s row, when every row up
        to it is inserted (the old row's number was deleted before rows added above it), or
        when the next new words still belong to the row being written (a difference that runs
        from the end of one row into the start of the next)."""
        tag = self.old_tags.get(old_loc[:2])
        if tag is None or not isinstance(nxt, tuple) or self.new_tags.get(nxt[:2]) == tag:
            return None
        g, r = nxt[0], nxt[1]
        if self.table is not None and self.table_grid == g and r == self.row_idx and self.row_state == "":
            r += 1
        rows = len(self.layout.grids[g].rows)
        while r < rows and (g, r) in self.inserted_rows:
            r += 1
        if r < rows and r > nxt[1] and self.new_tags.get((g, r)) == tag:
            return (g, r)
        return None

    def _to_column(self, old_loc: tuple[int, int, int], nxt) -> None:
        """Move to the cell of column ``old_loc[2]`` when the row being written (or the next
        one) is the old row's counterpart; never backwards, never past the next new words."""
        tag = self.old_tags.get(old_loc[:2])
        if tag is None:
            return
        col = old_loc[2]
        if self.table is not None and self.row is not None and self.row_state == "" \
                and self.new_tags.get((self.table_grid, self.row_idx)) == tag:
            limit = nxt[2] if isinstance(nxt, tuple) and nxt[:2] == (self.table_grid, self.row_idx) else col
            if self.col < col <= limit:
                self._flush()
                self._cell(col)
                self.col = col
        elif isinstance(nxt, tuple) and self.new_tags.get(nxt[:2]) == tag and nxt[:2] not in self.inserted_rows \
                and col <= nxt[2] and (self.table is None or self.table_grid == nxt[0]):
            self._enter((nxt[0], nxt[1], col))

    def _next_row(self, old_loc: tuple[int, int, int], nxt) -> tuple[int, int] | None:
        """In rows of a scan laid out as a table (a partial grid, untagged), the next new row for
        old words of an old cell just before its words (the old row's number the scan lost): they
        wait for it, in their own column, not at the end of the row written (or before the table)."""
        if not (isinstance(nxt, tuple) and self.layout.grids[nxt[0]].part and old_loc[2] <= nxt[2]
                and nxt[:2] not in self.inserted_rows):
            return None
        if (self.table is None and nxt[1] == 0) or (self.table is not None and self.table_grid == nxt[0]
                                                    and self.row_state == "" and nxt[1] > self.row_idx):
            return nxt[:2]
        return None

    def _deleted_here(self, text: str, kind: str, nxt) -> None:
        self._flush()
        self.pending_carried = None
        text = _SPACES.sub(" ", text.replace("\n", " "))
        if not text:
            return
        if self.row_state == "ins":
            # nothing old may sit in an inserted row: Reject All removes the row
            if isinstance(nxt, tuple) and nxt[0] == self.table_grid:
                self._deleted_row([text], kind, None)
                return
            self._close_table()
        elif self.table is not None and self.cell is None:
            self._close_table()
        elif (self.row_state == "del" and text.strip() and isinstance(nxt, tuple) and nxt[0] == self.table_grid
              and (nxt[0], nxt[1]) not in self.inserted_rows):
            self._enter(nxt)  # after a deleted row: in the cell whose new words replace these
        self._paragraph()._p.append(self._revision("w:del", kind, self._run(text, deleted=True)))
        self.tail_deleted = True

    def _new(self, text: str, pos: int, kind: str | Callable[[int, int], str] | None = None,
             carried: int | None = None) -> None:
        """New text at ``pos`` of the new shown text: kept (``kind`` ``None``) or inserted (a
        kind, or a function of the range giving it), cut where the new plan's table cells begin
        and end."""
        for s, e, loc in self.layout.split(pos, pos + len(text)):
            chunk = text[s - pos:e - pos]
            if loc == GAP:  # white space between cells: the table's structure stands for it
                self._flush()
                self.line += chunk.count("\n")
                continue
            self._enter(loc)  # type: ignore[arg-type]
            if kind is None:
                self.plain(chunk, carried)
            else:
                self.inserted(chunk, kind if isinstance(kind, str) else kind(s, e))

    def plain(self, text: str, carried: int | None = None) -> None:
        """New text that is also old text: written as is, line breaks start paragraphs."""
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                self._break(1)
            if not piece:
                continue
            if carried != self.pending_carried:
                self._flush()
                self.pending_carried = carried
            self.pending.append(_SPACES.sub(" ", piece))
            self.tail_deleted = False

    def inserted(self, new: str, kind: str) -> None:
        """New text inserted at this point; an inserted line break is an inserted paragraph mark."""
        self._flush()
        self.pending_carried = None
        pieces = new.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                # the paragraph mark is new too: rejecting it joins the paragraphs again
                ppr = self._paragraph()._p.get_or_add_pPr()
                rpr = self._el("w:rPr")
                rpr.append(self._mark("w:ins", kind))
                ppr.append(rpr)
                self._break(1)
            piece = _SPACES.sub(" ", piece)
            if piece:
                self._paragraph()._p.append(self._revision("w:ins", kind, self._run(piece)))
                self.tail_deleted = False

    # -- the document ----------------------------------------------------------------------------------
    def build(self) -> Document:
        d = self.d
        old, new = self.old, self.new
        ta, tb = _tokens(old, looks_ocr(d.old)), _tokens(new, looks_ocr(d.new))
        paint_new = _paint(len(new.text), [(c.new_span, c.kind) for c in d.changes if c.new_span.end > c.new_span.start],
                           new)
        paint_old = _paint(len(old.text), [(c.old_span, c.kind) for c in d.changes if c.old_span.end > c.old_span.start],
                           old)
        carried_at = self._carried_ranges()

        def kind_of(a1: int, a2: int, b1: int, b2: int) -> str:
            rank = min(paint_new[b1:b2], default=len(_PRIORITY))
            rank = min(rank, min(paint_old[a1:a2], default=len(_PRIORITY)))
            return _PRIORITY[rank] if rank < len(_PRIORITY) else SURFACE

        def own(paint: list[int], s: int, e: int, fallback: str) -> str:
            """The kind of one side's piece of a larger difference: its own, else the whole's."""
            rank = min(paint[s:e], default=len(_PRIORITY))
            return _PRIORITY[rank] if rank < len(_PRIORITY) else fallback

        def gap_start(toks: list[_Tok], k: int) -> int:
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
        self.old_tags = _row_tags(ta, old_grids, {o for o, _n in both})
        self.new_tags = _row_tags(tb, self.layout.grids, {n for _o, n in both})
        # an old table's columns as the comparison paired them with the new table's
        columns = {t.old: {ci: cj for ci, cj in t.columns if ci is not None and cj is not None}
                   for t in d.tables if t.old is not None and t.new is not None}
        ops = list(diff_keys(_keys(ta, old_grids, self.old_tags, columns), _keys(tb, self.layout.grids, self.new_tags)))
        self.inserted_rows = self._whole_rows(self.layout.grids, tb, ops, new=True, kind_of=kind_of)
        deleted_rows = self._whole_rows(old_grids, ta, ops, new=False, kind_of=kind_of)
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
                while jh < j2 and _row_of(where(jh)) == here:
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

    def _by_column(self, old_text: str, pos: int, a2: int, tb: list[_Tok], jh: int, j2: int, where, kind,
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

    def _columns_before(self, old_text: str, pos: int, a2: int, tb: list[_Tok], jh: int, j2: int, where,
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

    @staticmethod
    def _whole_rows(tables, toks: list[_Tok], ops, *, new: bool, kind_of) -> dict:
        """Table rows none of whose words is kept: on the new side ``(grid, row) -> kind`` (an
        inserted row), on the old side ``row start -> (row end, cells)`` (a deleted row)."""
        kept = bytearray(len(toks))
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                lo, hi = (j1, j2) if new else (i1, i2)
                kept[lo:hi] = b"\x01" * (hi - lo)
        starts = [t.start for t in toks]
        out: dict = {}
        for g, grid in enumerate(tables):
            for r in range(len(grid.rows)):
                rng = grid.row_range(r)
                if rng is None:
                    continue
                lo, hi = bisect.bisect_left(starts, rng[0]), bisect.bisect_left(starts, rng[1])
                if hi == lo or any(kept[lo:hi]):
                    continue
                if new:
                    out[(g, r)] = kind_of(0, 0, rng[0], rng[1])
                else:
                    cells = [c if c is not None else (None, None) for c in grid.rows[r]]
                    out[rng[0]] = (rng[1], cells)
        return out

    def _carried_ranges(self) -> dict[int, int]:
        """Start of each new shown token inside a carried error -> the change's index."""
        out: dict[int, int] = {}
        for k, c in enumerate(self.d.changes):
            if c.kind != "carried-error":
                continue
            s, e = self.new.at(c.new_span.start), self.new.at(c.new_span.end)
            for m in _TOKEN.finditer(self.new.text, s, e):
                out[m.start()] = k
        return out

    def _comments(self) -> None:
        from docx.text.run import Run

        def runs_of(p) -> list:
            plain = p._p.xpath("./w:r")
            anywhere = plain or p._p.xpath(".//w:r")
            return [Run(r, p) for r in anywhere[:1]]

        who = f"{self.author} · {self.labels['carried-error']}"
        for k, runs in self.carried.items():
            objs = [Run(r, p) for p, r in runs]  # type: ignore[misc]
            self.doc.add_comment(objs, text=self.d.changes[k].reason, author=who, initials="PK")
        notes = []
        if self.new.restored:
            notes.append("Bản mới là văn bản OCR: hiển thị bản đã khôi phục dấu; nguyên văn OCR ở ghi chú "
                         "từng đoạn (the new plan is OCR'd: shown restored, the scan's text in a comment on "
                         "each paragraph).")
        if self.old.restored:
            notes.append("Bản cũ là văn bản OCR: phần bị xoá hiển thị bản đã khôi phục dấu (the old plan is "
                         "OCR'd: deleted text shown restored).")
        if notes:
            self.doc.core_properties.comments = " ".join(notes)
            first = next((p for p in self.doc.paragraphs if runs_of(p)), None)
            if first is not None:
                self.doc.add_comment(runs_of(first), text=" ".join(notes), author=f"{self.author} · OCR",
                                     initials="PK")
        if self.new.restored:
            shown_lines = self.new.text.split("\n")
            original_lines = self.new.original.split("\n")
            for line, p in self.paras_of_line.items():
                if line >= len(original_lines) or line >= len(shown_lines):
                    continue
                raw = " ".join(original_lines[line].split())
                if raw and raw != " ".join(shown_lines[line].split()) and runs_of(p):
                    self.doc.add_comment(runs_of(p), text=f"Nguyên văn OCR: {raw}", author=f"{self.author} · OCR",
                                         initials="PK")


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
