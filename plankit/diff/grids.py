"""Where a plan's tables lie in the text a view shows: rows of cells as offsets, for the redline.

The redline (:mod:`plankit.diff.redline`) writes a table of the plan as a Word table when its
cells can be laid out in reading order: every cell's text is a stretch of the shown text, the
cells follow each other row by row, and nothing but white space (tabs, line breaks) lies between
them. The header row is the text before the first body cell, cut at tabs. A table the reader
rebuilt from a scan (cells taken from scrambled lines) does not qualify as a whole: the runs of
its rows that the scan read column by column (each cell a block of lines after the other) are
laid out as tables of their own (``Grid.part``); the rows it read line by line across the
columns (a cell's lines interleaved with its neighbours') stay running text, so that the
redline remains exact: a Word table of them would move words out of the order they were read.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan, Table
    from .shown import Shown

__all__ = ["GAP", "Grid", "Layout", "grids"]

Range = tuple[int, int]
# A position between two cells of a table: white space that the table's structure replaces.
GAP = "gap"
_HEAD_CELL = re.compile(r"[^\t]+")


@dataclass(frozen=True)
class Grid:
    """One table as offsets of the shown text: ``rows`` of cells, each ``(start, end)`` of
    its stripped text or ``None`` when empty; ``start``/``end`` bound the whole table;
    ``table`` is its index in ``plan.tables``; ``head`` whether the first row is the header;
    ``part`` whether it holds only some rows of the table (those of a scan in reading order)."""

    start: int
    end: int
    rows: tuple[tuple[Range | None, ...], ...]
    table: int = 0
    head: bool = False
    part: bool = False  # some rows of the table only (the rest is not in reading order)

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=1) or 1

    def row_range(self, r: int) -> Range | None:
        """From the first to the last non-empty cell of row ``r`` (``None`` for an empty row)."""
        cells = [c for c in self.rows[r] if c is not None]
        return (cells[0][0], cells[-1][1]) if cells else None


def _strip(text: str, s: int, e: int) -> Range | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _grid(table: Table, shown: Shown, index: int) -> Grid | None:
    text = shown.text
    body = [
        tuple(_strip(text, shown.at(c.span.start), shown.at(c.span.end)) if c.text.strip() and c.span.end > c.span.start
              else None for c in row)
        for row in table.rows
    ]
    first = next((c[0] for row in body for c in row if c is not None), None)
    if first is None:
        return None
    start, end = shown.at(table.span.start), shown.at(table.span.end)
    if start > first:
        return None
    head = tuple(cell for m in _HEAD_CELL.finditer(text, start, first)
                 if (cell := _strip(text, m.start(), m.end())) is not None)
    rows = ([head] if head else []) + body
    pos = start
    for row in rows:
        for cell in row:
            if cell is None:
                continue
            if cell[0] < pos or text[pos:cell[0]].strip():
                return None  # out of reading order, or text between cells that no cell holds
            pos = cell[1]
    if text[pos:max(pos, end)].strip():
        return None
    return Grid(start, max(pos, end), tuple(rows), index, bool(head))


def _in_order(text: str, rows: list[tuple[Range | None, ...]]) -> bool:
    """Whether the cells of ``rows`` follow each other in ``text``, row by row, with nothing
    but white space between them."""
    pos = None
    for row in rows:
        for cell in row:
            if cell is None:
                continue
            if pos is not None and (cell[0] < pos or text[pos:cell[0]].strip()):
                return False
            pos = cell[1]
    return pos is not None


def _runs(table: Table, shown: Shown, index: int) -> list[Grid]:
    """The longest runs of body rows of a table that is not in reading order as a whole whose
    cells are: a scan reads some rows column by column (each cell a block of lines, one after
    the other) and others line by line across the columns (a cell's lines interleaved with its
    neighbours'). Only the first kind can be a table without moving a word; runs of two rows or
    more, without a header row."""
    text = shown.text
    body = [
        tuple(_strip(text, shown.at(c.span.start), shown.at(c.span.end)) if c.text.strip() and c.span.end > c.span.start
              else None for c in row)
        for row in table.rows
    ]
    out: list[Grid] = []
    r = 0
    while r < len(body):
        end = r
        while end < len(body) and _in_order(text, body[r : end + 1]):
            end += 1
        if end - r >= 2:
            cells = [c for row in body[r:end] for c in row if c is not None]
            out.append(Grid(cells[0][0], cells[-1][1], tuple(body[r:end]), index, False, True))
            r = end
        else:
            r += 1
    return out


def grids(plan: Plan, shown: Shown) -> tuple[Grid, ...]:
    """The tables of ``plan`` that can be written as tables, in reading order, not overlapping.

    >>> from plankit.read import read_text
    >>> from plankit.diff.shown import Shown
    >>> p = read_text("KẾ HOẠCH\\nI. NHIỆM VỤ\\nTT\\tNội dung\\tThời gian\\n1\\tTập huấn\\tQuý I\\n"
    ...               "2\\tHội nghị\\tQuý II\\nII. KINH PHÍ\\nNgân sách.")
    >>> [[[p.text[s:e] for s, e in row] for row in g.rows] for g in grids(p, Shown(p.text, p.text, False))]
    [[['TT', 'Nội dung', 'Thời gian'], ['1', 'Tập huấn', 'Quý I'], ['2', 'Hội nghị', 'Quý II']]]
    """
    out: list[Grid] = []
    for index, table in enumerate(plan.tables):
        g = _grid(table, shown, index)
        if g is not None:
            out.append(g)
        elif plan.source.ocr:
            out.extend(_runs(table, shown, index))
    out.sort(key=lambda g: g.start)
    kept: list[Grid] = []
    for g in out:
        if not kept or g.start >= kept[-1].end:
            kept.append(g)
    return tuple(kept)


class Layout:
    """Finds, for an offset of the shown text, the table cell it is in (``(grid, row, cell)``),
    :data:`GAP` between the cells of a table, or ``None`` in running text."""

    def __init__(self, tables: tuple[Grid, ...]):
        self.grids = tables
        cells = sorted((c[0], c[1], g, r, k) for g, grid in enumerate(tables) for r, row in enumerate(grid.rows)
                       for k, c in enumerate(row) if c is not None)
        self._cells = cells
        self._cell_starts = [c[0] for c in cells]
        self._grid_starts = [g.start for g in tables]
        self._bounds = sorted({x for c in cells for x in c[:2]} | {x for g in tables for x in (g.start, g.end)})

    def at(self, pos: int) -> tuple[int, int, int] | str | None:
        k = bisect.bisect_right(self._cell_starts, pos) - 1
        if k >= 0 and self._cells[k][0] <= pos < self._cells[k][1]:
            return self._cells[k][2:]
        g = bisect.bisect_right(self._grid_starts, pos) - 1
        if g >= 0 and pos < self.grids[g].end:
            return GAP
        return None

    def split(self, start: int, end: int) -> list[tuple[int, int, tuple[int, int, int] | str | None]]:
        """``[start, end)`` cut where a cell or a table begins or ends, each piece with its place."""
        cuts = [start]
        k = bisect.bisect_right(self._bounds, start)
        while k < len(self._bounds) and self._bounds[k] < end:
            cuts.append(self._bounds[k])
            k += 1
        cuts.append(end)
        return [(s, e, self.at(s)) for s, e in itertools.pairwise(cuts) if e > s]
