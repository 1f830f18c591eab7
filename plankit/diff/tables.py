"""Activity tables: rows aligned by their task column, cell changes listed.

A table is compared on its own, wherever it sits: the Cần Thơ activity table is in section III
in 2022 and in the inserted section IV in 2025. Tables pair by header and content; rows pair by
the text of their task column (``Hình thức tuyên truyền``, ``Nhiệm vụ``, ``Nội dung`` ...), in
any order; the cells of a row pair are diffed together as one string, ``cell | cell | ...``, so a
change is told by the column it falls in. When a table was rebuilt from a scan its cells are
often scrambled (a piece of one cell read into the next), so words found elsewhere in the same
row count as moved, not changed.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model import Cell, Span, Table
from ..text import fold
from .align import match_pairs, moved
from .parts import COLUMN_MARKS
from .pieces import Mark, Piece, Segment
from .result import RowPair, TablePair
from .tokens import Alignment, Tok, align_words, bag_similarity, tokens_of

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Engine
    from .parts import Side

__all__ = ["diff_tables"]

TABLE_THRESHOLD = 0.3
ROW_THRESHOLD = 0.45
COLUMN_THRESHOLD = 0.6

_TASK_HEADS = ("hinh thuc", "nhiem vu", "noi dung", "hoat dong", "ten hoat dong", "cong viec")
_NUMBER_HEAD = re.compile(r"^\s*(s\s*tt|tt|so\s*tt|stt)\s*\.?\s*$")
_SEP = " | "


def diff_tables(eng: Engine) -> list[TablePair]:
    """Pair the tables of the two plans and emit one segment per aligned row (a table compared
    as running text, :func:`tables_as_text`, is not one of them)."""
    ta, tb = list(eng.old_plan.tables), list(eng.new_plan.tables)
    scores = [[_table_score(eng, x, y) for y in tb] for x in ta]
    pairs = match_pairs(scores, TABLE_THRESHOLD)
    out = [_table_pair(eng, i, j) for i, j in pairs]
    out += [_table_pair(eng, i, None) for i in range(len(ta))
            if i not in {p[0] for p in pairs} and i not in eng.a.text_tables]
    out += [_table_pair(eng, None, j) for j in range(len(tb))
            if j not in {p[1] for p in pairs} and j not in eng.b.text_tables]
    return out


# Share of a table's header words that must follow each other in the other plan's running text
# (an OCR'd header line may misread a word: "Pon vi" for "Đơn vị").
HEAD_FOUND = 0.75


def tables_as_text(eng: Engine) -> None:
    """Tables of one plan that the other plan holds as lines of running text are compared as
    running text, on both sides the same words in the same order.

    A scan often reads a table one cell a line, row after row (``TT`` / ``Nội dung`` /
    ``Đơn vị chủ trì`` / ``1`` / ``Đăng tin ...`` / ``Văn phòng Sở`` ...), and the reader finds no
    table there; compared as a table the clean side's table would be removed and every line of
    the scan added. Read in order, the table's cells are the scan's lines: so a table that pairs
    with no table of the other plan (:data:`TABLE_THRESHOLD`) and whose header words follow each
    other in the other plan's running text (:data:`HEAD_FOUND` of them) is running text on its
    side. Its rows are then not paired as rows: the scan's lines do not say where a cell that
    wraps over two lines ends (``tests/test_diff_tables.py`` shows the cases)."""
    ta, tb = list(eng.old_plan.tables), list(eng.new_plan.tables)
    plain_a = [x for x, t in enumerate(ta) if _head_in_text(t, eng.a.ocr, eng.b)]
    plain_b = [y for y, t in enumerate(tb) if _head_in_text(t, eng.b.ocr, eng.a)]
    text_a = frozenset(x for x in plain_a if all(_table_score(eng, ta[x], t) < TABLE_THRESHOLD for t in tb))
    text_b = frozenset(y for y in plain_b if all(_table_score(eng, t, tb[y]) < TABLE_THRESHOLD for t in ta))
    eng.a.as_text(text_a)
    eng.b.as_text(text_b)
    lost_a = _row_numbers_lost(eng.a, [ta[x] for x in text_a], eng.b)
    lost_b = _row_numbers_lost(eng.b, [tb[y] for y in text_b], eng.a)
    eng.a.leave_out(lost_a)
    eng.b.leave_out(lost_b)


# A row number alone in its cell: "1", "12", "3.".
_ROW_NUMBER = re.compile(r"\s*\d{1,3}\.?\s*")


def _row_numbers_lost(side: Side, tables: list[Table], other: Side) -> set[int]:
    """The starts of the row numbers (``1``, ``2`` in a TT / STT column) of ``tables``, compared
    as running text, that the other copy does not hold before the row's first words: a reader
    that finds no table in a PDF's text or takes a number alone on its line for a page number
    drops them, and where a copy numbers its rows is layout (a table paired with a table leaves
    its number column out the same way). A number the other copy holds there (after the word
    before it or before the word after it: a scan misreads one of them, ``Pang tin``) is
    compared."""
    if not tables:
        return set()
    keys = other.text_words()[2]
    pairs = set(pairwise(keys))
    _words, starts, own = side.text_words()
    lost: set[int] = set()
    for table in tables:
        for c, head in enumerate(table.columns):
            if not _NUMBER_HEAD.match(fold(_head(head))):
                continue
            for row in table.rows:
                cell = row[c] if c < len(row) else None
                if cell is None or not _ROW_NUMBER.fullmatch(_head(cell.text)):
                    continue
                number = [t for t in side.stream.within(cell.span.start, cell.span.end) if t.kind != "punct"]
                if len(number) != 1 or not number[0].key.isdigit():
                    continue
                k = bisect.bisect_left(starts, number[0].start)
                if k >= len(starts) or starts[k] != number[0].start or not 0 < k < len(own) - 1:
                    continue
                n = own[k]
                if (own[k - 1], n) not in pairs and (n, own[k + 1]) not in pairs:
                    lost.add(number[0].start)
    return lost


def _head_in_text(table: Table, ocr: bool, other) -> bool:
    """Whether the table's header words follow each other in ``other``'s running text."""
    head = [t.key for t in _cell_tokens(" ".join(table.columns), ocr, False)]
    if len([c for c in table.columns if c.strip()]) < 2 or len(head) < 3:
        return False
    words = other.text_words()[2]
    need = HEAD_FOUND * len(head)
    for first in {head[0], head[1]}:  # the first or the second header word read right
        k = -1
        while True:
            try:
                k = words.index(first, k + 1)
            except ValueError:
                break
            at = k - (first != head[0])
            window = words[at : at + len(head)]
            if at >= 0 and len(window) == len(head) and sum(a == b for a, b in zip(head, window, strict=True)) >= need:
                return True
    return False


@lru_cache(maxsize=4096)
def _cell_tokens(text: str, ocr: bool, punct: bool) -> tuple[Tok, ...]:
    """A cell's tokens; a column mark in it (``TT |``, a line ``|`` under its text: a portal's
    flattened cell border a .docx kept) is layout, as in running text."""
    return tuple(t for t in tokens_of(text, ocr=ocr, punct=punct) if not (t.kind == "punct" and t.key in COLUMN_MARKS))


def _head(text: str) -> str:
    """A column's header without the column marks in it."""
    return "".join(" " if c in COLUMN_MARKS else c for c in text)


def _words(table: Table) -> list[str]:
    return [t.key for r in table.rows for c in r for t in _cell_tokens(c.text, True, False)]


def _row_tokens(cells: list[Cell | None], bounds: list[tuple[int, int]], *, ocr: bool, punct: bool) -> list[Tok]:
    """The tokens of a row string, from the (cached) tokens of its cells."""
    out: list[Tok] = []
    for k, (cell, (start, _end)) in enumerate(zip(cells, bounds, strict=True)):
        if k and punct:
            out.append(Tok("|", start - 2, start - 1, "punct"))
        if cell is not None:
            out.extend(Tok(t.key, t.start + start, t.end + start, t.kind) for t in _cell_tokens(cell.text, ocr, punct))
    return out


def _table_score(eng: Engine, x: Table, y: Table) -> float:
    head = eng.titles(" ".join(x.columns), " ".join(y.columns))
    return 0.5 * head + 0.5 * bag_similarity(_words(x), _words(y))


def _width(t: Table | None) -> int:
    if t is None:
        return 0
    return max([len(t.columns), *(len(r) for r in t.rows)])


def _pair_columns(eng: Engine, ta: Table | None, tb: Table | None) -> list[tuple[int | None, int | None]]:
    """Column pairs in the new table's order, then old columns that have no counterpart."""
    wa, wb = _width(ta), _width(tb)
    if ta is None:
        return [(None, j) for j in range(wb)]
    if tb is None:
        return [(i, None) for i in range(wa)]

    def head(t: Table, k: int) -> str:
        return _head(t.columns[k]) if k < len(t.columns) else ""

    scores = [[eng.titles(head(ta, i), head(tb, j)) for j in range(wb)] for i in range(wa)]
    pairs = match_pairs(scores, COLUMN_THRESHOLD)
    if len(pairs) < min(wa, wb) and wa == wb:
        pairs = [(i, i) for i in range(wa)]
    by_new = {j: i for i, j in pairs}
    paired_old = {i for i, _ in pairs}
    return [(by_new.get(j), j) for j in range(wb)] + [(i, None) for i in range(wa) if i not in paired_old]


def _mostly_plain(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(not c.isascii() for c in letters) / len(letters) < 0.12


def _column_label(ta: Table | None, tb: Table | None, ci: int | None, cj: int | None) -> str:
    """The header to show: the new table's, unless it lost its diacritics and the old one has them."""
    heads = []
    for t, k in ((tb, cj), (ta, ci)):
        if t is not None and k is not None and k < len(t.columns) and t.columns[k].strip():
            heads.append(" ".join(t.columns[k].split()))
    if not heads:
        return f"cột {(cj if cj is not None else ci or 0) + 1}"
    if len(heads) == 2 and _mostly_plain(heads[0]) and not _mostly_plain(heads[1]):
        return heads[1]
    return heads[0]


def _is_number_column(t: Table | None, k: int | None) -> bool:
    return t is not None and k is not None and k < len(t.columns) and bool(_NUMBER_HEAD.match(fold(_head(t.columns[k]))))


def _task_column(ta, tb, cols, shown) -> int | None:
    for k in shown:
        for t, ci in ((ta, cols[k][0]), (tb, cols[k][1])):
            if t is not None and ci is not None and ci < len(t.columns):
                head = " ".join(fold(t.columns[ci]).split())
                if any(head.startswith(w) for w in _TASK_HEADS):
                    return k
    return shown[0] if shown else None


def _cell(row: tuple[Cell, ...] | None, k: int | None) -> Cell | None:
    if row is None or k is None or k >= len(row):
        return None
    return row[k]


def _row_text(row, col_idx: list[int | None]) -> tuple[str, list[tuple[int, int]], list[Cell | None]]:
    """The row's cells joined with `` | `` and the bounds of each cell in that string."""
    parts, bounds, cells, pos = [], [], [], 0
    for k, ci in enumerate(col_idx):
        cell = _cell(row, ci)
        text = cell.text if cell is not None else ""
        if k:
            parts.append(_SEP)
            pos += len(_SEP)
        bounds.append((pos, pos + len(text)))
        parts.append(text)
        cells.append(cell)
        pos += len(text)
    return "".join(parts), bounds, cells


def _cell_at(bounds: list[tuple[int, int]], local: int) -> int:
    for k, (_s, e) in enumerate(bounds):
        if local <= e:
            return k
    return max(len(bounds) - 1, 0)


def _clip_cell(rng: tuple[int, int], bound: tuple[int, int]) -> tuple[int, int] | None:
    s, e = rng
    bs, be = bound
    if s == e:
        return (s - bs, s - bs) if bs <= s <= be else None
    if e <= bs or s >= be:
        return None
    return (max(s, bs) - bs, min(e, be) - bs)


# Runs of anything but white space (``\s`` is ``str.isspace``: the same characters).
_NONSPACE = re.compile(r"\S+")


@lru_cache(maxsize=1024)
def _collapsed(raw: str) -> tuple[str, list[int], list[tuple[int, int]], int]:
    """``raw`` with its leading white space dropped and every run of white space as one space
    (a run at the end too), the start of each word in that string, its span in ``raw``, and the
    length of the leading white space."""
    words = [m.span() for m in _NONSPACE.finditer(raw)]
    starts, pos = [], 0
    for s, e in words:
        starts.append(pos)
        pos += e - s + 1
    collapsed = " ".join(raw[s:e] for s, e in words)
    if words and words[-1][1] < len(raw):
        collapsed += " "
    return collapsed, starts, words, words[0][0] if words else len(raw)


def _cell_offset(text: str, cell: Cell, local: int) -> int | None:
    """The plan offset of character ``local`` of ``cell.text``, when the cell text is its span's
    text with white space collapsed (``None`` when a scan rebuilt the cell from pieces).

    The first ``local`` characters of the cell text must be those of the span's text collapsed
    (:func:`_collapsed`); a space stands for its whole run of white space, so the offset just
    after one is where the next word starts."""
    raw = cell.span.slice(text)
    collapsed, starts, words, lead = _collapsed(raw)
    if local > len(collapsed) or local > len(cell.text) or not collapsed.startswith(cell.text[:local]):
        return None
    if local == 0:
        return cell.span.start + lead
    k = bisect.bisect_right(starts, local) - 1
    s, e = words[k]
    if local - starts[k] > e - s:  # the space after the last word: the white space at the end
        return cell.span.start + len(raw)
    return cell.span.start + s + local - starts[k]


def _to_plan(text: str, cells: list[Cell | None], bounds, s: int, e: int) -> Span:
    """A span of the plan for a range of a row string: exact when the cells are stretches of the
    plan text, the cells' spans when a scan rebuilt them from pieces."""
    present = [c for c in cells if c is not None and c.span.end > c.span.start]
    if not present:
        return Span(0, 0)
    k1, k2 = _cell_at(bounds, s), _cell_at(bounds, max(e - 1, s))
    c1, c2 = cells[k1], cells[k2]
    if c1 is None or c2 is None or c1.span.end <= c1.span.start or c2.span.end <= c2.span.start:
        return Span(present[0].span.start, present[0].span.start)
    start = _cell_offset(text, c1, max(s - bounds[k1][0], 0))
    end = _cell_offset(text, c2, max(e - bounds[k2][0], 0))
    if start is None or end is None or end < start:
        return Span(min(c1.span.start, c2.span.start), max(c1.span.end, c2.span.end))
    return Span(start, end)


def _table_pair(eng: Engine, i: int | None, j: int | None) -> TablePair:
    ta = eng.old_plan.tables[i] if i is not None else None
    tb = eng.new_plan.tables[j] if j is not None else None
    if tb is not None:
        label, part = eng.label_at("b", tb.span.start)
        anchor = tb.span.start
    else:
        label, part = eng.label_at("a", ta.span.start)  # type: ignore[union-attr]
        anchor = len(eng.new_plan.text)  # a table only in the old plan shows at the end of its part
    old_label = eng.label_at("a", ta.span.start)[0] if ta is not None else ""
    new_label = eng.label_at("b", tb.span.start)[0] if tb is not None else ""
    cols = _pair_columns(eng, ta, tb)
    shown = [k for k, (ci, cj) in enumerate(cols) if not (_is_number_column(ta, ci) or _is_number_column(tb, cj))]
    labels = tuple(_column_label(ta, tb, ci, cj) for ci, cj in cols)
    task = _task_column(ta, tb, cols, shown)
    rows_a = list(ta.rows) if ta is not None else []
    rows_b = list(tb.rows) if tb is not None else []

    def task_text(row, side: int) -> str:
        cell = _cell(row, cols[task][side]) if task is not None else None
        return cell.text if cell is not None else ""

    scores = [[eng.titles(task_text(x, 0), task_text(y, 1)) for y in rows_b] for x in rows_a]
    pairs = match_pairs(scores, ROW_THRESHOLD)
    out_of_order = moved(pairs)
    by_new = {jj: ii for ii, jj in pairs}
    by_old = {ii: jj for ii, jj in pairs}
    order: list[tuple[float, int, int | None, int | None]] = [(jj, 0, by_new.get(jj), jj) for jj in range(len(rows_b))]
    for ii in range(len(rows_a)):
        if ii not in by_old:
            before = [by_old[k] for k in range(ii) if k in by_old]
            order.append(((max(before) + 0.5) if before else -0.5, ii, ii, None))
    order.sort(key=lambda x: (x[0], x[1]))
    table_no = j if j is not None else (i or 0)
    scrambled = eng.a.ocr or eng.b.ocr
    row_pairs = []
    for _p, _x, ii, jj in order:
        status = "moved" if ii is not None and jj is not None and (ii, jj) in out_of_order else None
        score = scores[ii][jj] if ii is not None and jj is not None else 0.0
        row_pairs.append(_row(
            eng, rows_a[ii] if ii is not None else None, rows_b[jj] if jj is not None else None, ii, jj,
            cols=cols, shown=shown, labels=labels, status=status, score=score,
            task_texts=(task_text(rows_a[ii], 0) if ii is not None else "",
                        task_text(rows_b[jj], 1) if jj is not None else ""),
            part=part, label=label, table_no=table_no, anchor=anchor, scrambled=scrambled,
        ))
    return TablePair(i, j, tuple(row_pairs), tuple(cols), labels,
                     labels[task] if task is not None else "", old_label, new_label, tuple(shown))


def _row(eng: Engine, ra, rb, ii, jj, *, cols, shown, labels, status, score, task_texts, part, label,
         table_no, anchor, scrambled) -> RowPair:
    text_a, bounds_a, cells_a = _row_text(ra, [cols[k][0] for k in shown])
    text_b, bounds_b, cells_b = _row_text(rb, [cols[k][1] for k in shown])
    punct = not eng.tolerant
    a = _row_tokens(cells_a, bounds_a, ocr=eng.a.ocr, punct=punct) if ra is not None else []
    b = _row_tokens(cells_b, bounds_b, ocr=eng.b.ocr, punct=punct) if rb is not None else []
    if ra is not None and rb is not None:
        al = align_words(a, b, fuzzy=eng.fuzzy, a_text=text_a, b_text=text_b, scrambled=scrambled)
    elif ra is not None:
        al = Alignment([(0, len(a), 0, 0)], {})
    else:
        al = Alignment([(0, 0, 0, len(b))], {})
    eng.count(a, b, al)
    row_no = (jj if jj is not None else ii) + 1
    names = [labels[k] for k in shown]

    def location(side: str, local: int) -> str:
        bounds = bounds_b if side == "b" else bounds_a
        if not names:
            return f"bảng {table_no + 1}, dòng {row_no}"
        return f"bảng {table_no + 1}, dòng {row_no}, cột «{names[_cell_at(bounds, local)]}»"

    def to_a(s: int, e: int) -> Span:
        return _to_plan(eng.a.text, cells_a, bounds_a, s, e)

    def to_b(s: int, e: int) -> Span:
        return _to_plan(eng.b.text, cells_b, bounds_b, s, e)

    reason = None
    if ra is None:
        reason = "thêm dòng (row added)"
    elif rb is None:
        reason = "bỏ dòng (row removed)"
    found = eng.word_changes(
        a, b, al, a_text=text_a, b_text=text_b, region="table", label=lambda side, pos: label,
        whole_a=Span(0, len(text_a)) if ra is not None else None,
        whole_b=Span(0, len(text_b)) if rb is not None else None,
        reason=reason, to_a=to_a, to_b=to_b, location=location,
    )
    if ra is not None and rb is not None and not eng.identical:
        found += eng.carried(a, b, al, a_text=text_a, b_text=text_b, label=lambda side, pos: label,
                             in_plan=False, to_a=to_a, to_b=to_b, location=location)
    pieces = []
    for k in range(len(shown)):
        ca, cb = cells_a[k], cells_b[k]
        old = None if ra is None else (ca.text if ca is not None else "")
        new = None if rb is None else (cb.text if cb is not None else "")
        marks = []
        for idx, (ch, la, lb) in enumerate(found):
            ma = _clip_cell(la, bounds_a[k]) if ra is not None else None
            mb = _clip_cell(lb, bounds_b[k]) if rb is not None else None
            if ma is None and mb is None:
                continue
            marks.append(Mark(idx, ch.kind, ma or (0, 0), mb or (0, 0)))
        pieces.append(Piece(old, new, tuple(marks)))
    changes = [ch for ch, _la, _lb in found]
    if ra is None:
        final = "added"
    elif rb is None:
        final = "removed"
    else:
        final = status or ("changed" if any(c.kind != "carried-error" for c in changes) else "same")
    rp = RowPair(ii, jj, final, round(score, 3), task_texts[0], task_texts[1])
    span_a = Span(min(c.span.start for c in ra), max(c.span.end for c in ra)) if ra else None
    span_b = Span(min(c.span.start for c in rb), max(c.span.end for c in rb)) if rb else None
    eng.emit(part, anchor, Segment(part, "row", final, tuple(pieces), span_a, span_b, table=table_no, row=rp), changes)
    return rp
