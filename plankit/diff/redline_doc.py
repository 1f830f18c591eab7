"""Where each piece of a redline's text goes in the .docx (:mod:`plankit.diff.redline` decides
what is kept, deleted and inserted; :class:`DocWriter` writes it): paragraphs and runs, the new
plan's tables as Word tables with tracked inserted and deleted rows, old words put back in the
cell of their own column, and the comments (carried errors, the OCR'd side's scan).

Text is written in the order of the new plan; the writer only moves forward. Old words whose row
comes later wait for it (``deferred``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING

from .grids import GAP, Layout
from .redline_keys import LABELS, SURFACE
from .result import PlanDiff
from .shown import shown_texts

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

__all__ = ["SPACES", "DocWriter"]

# Runs of white space inside a line: one space in the .docx.
SPACES = re.compile(r"[^\S\n]+")


class DocWriter:
    """The .docx being written: the paragraph, table, row and cell new text goes to next."""


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
                    SPACES.sub(" ", text.replace("\n", " ")), deleted=True)))
            self._cell(c)
            self.col = c
        elif c != self.col:
            self._flush()
            self._cell(c)
            self.col = c

    def _deleted_row(self, cells: list[str], kind: str, nxt) -> None:
        """An old table row that is gone: a tracked deleted row (Accept All removes it)."""
        texts = [SPACES.sub(" ", t.replace("\n", " ")) for t in cells]
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
        text = SPACES.sub(" ", text.replace("\n", " "))
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
            self.pending.append(SPACES.sub(" ", piece))
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
            piece = SPACES.sub(" ", piece)
            if piece:
                self._paragraph()._p.append(self._revision("w:ins", kind, self._run(piece)))
                self.tail_deleted = False

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
        notes, short = [], []
        if self.new.restored:
            short.append("Bản mới là văn bản OCR, hiển thị đã khôi phục dấu (new plan OCR'd, shown restored).")
            notes.append("Bản mới là văn bản OCR: hiển thị bản đã khôi phục dấu; nguyên văn OCR ở ghi chú "
                         "từng đoạn (the new plan is OCR'd: shown restored, the scan's text in a comment on "
                         "each paragraph).")
        if self.old.restored:
            short.append("Bản cũ là văn bản OCR, phần xoá đã khôi phục dấu (old plan OCR'd, deletions restored).")
            notes.append("Bản cũ là văn bản OCR: phần bị xoá hiển thị bản đã khôi phục dấu (the old plan is "
                         "OCR'd: deleted text shown restored).")
        if notes:
            # Word's core property holds at most 255 characters; the full note is the comment below
            self.doc.core_properties.comments = " ".join(short)
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
