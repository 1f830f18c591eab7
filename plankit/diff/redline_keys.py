"""The word diff a redline is written from (:mod:`plankit.diff.redline`): the tokens of each
side's shown text, their keys (a table row's words tied to their row and column), which kind of
change covers each character, and the table rows none of whose words is kept.

Every character of the shown text that is not white space belongs to one token, so a diff of
the keys accounts for the whole text: what is kept, deleted and inserted gives back each side
exactly.

>>> [t.key for t in word_tokens(Shown("Căn cứ Kế hoạch số 261/KH-UBND;", "", False), False)]
['can', 'cu', 'ke', 'hoach', 'so', '261/kh-ubnd', ';']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..text import fold
from .kinds import KIND_LABELS
from .shown import Shown
from .tokens import ocr_clean

__all__ = ["LABELS", "PRIORITY", "SURFACE", "TOKEN", "Tok", "paint", "row_of", "row_tags", "whole_rows",
           "word_keys", "word_tokens"]

# Document numbers whole (the docnum form of plankit.text.tokenize: 261/KH-UBND, 45/2020/NĐ-CP),
# then words and single marks: every character that is not white space belongs to one token.
TOKEN = re.compile(r"\d+[a-z]?(?:/\d{4})?(?:/[^\W\d_]\w*(?:-\w+)*|-[^\W\d_]\w*/[^\W\d_]\w*)|\w+|[^\w\s]")
SURFACE = "surface"
LABELS = {**KIND_LABELS, SURFACE: "cách viết khác"}
# When one stretch holds changes of several kinds, the author names the weightiest.
PRIORITY = ("substantive", "basis", "form", "renumbering", "expected", SURFACE)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of a shown text: its folded ``key`` and where it is."""

    key: str
    start: int
    end: int


def word_tokens(shown: Shown, ocr: bool) -> list[Tok]:
    """The tokens of a shown text, keyed on its folded form (OCR symbols undone on a scan shown
    as read)."""
    folded = fold(shown.text)
    if ocr and not shown.restored:
        folded = ocr_clean(folded)
    return [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(folded)]


def row_of(loc) -> tuple[int, int] | None:
    """The ``(grid, row)`` of a place in a layout (``None`` for running text or a gap)."""
    return (loc[0], loc[1]) if isinstance(loc, tuple) else None


def row_tags(toks: list[Tok], tables, tagged: set[int]) -> dict[tuple[int, int], str]:
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


def word_keys(toks: list[Tok], tables, tags: dict[tuple[int, int], str],
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


def paint(length: int, spans, shown: Shown) -> list[int]:
    """Per character of the shown text, the index in ``PRIORITY`` of the weightiest change
    covering it (``len(PRIORITY)`` where none does)."""
    none = len(PRIORITY)
    out = [none] * (length + 1)
    for span, kind in spans:
        if kind not in PRIORITY:
            continue
        rank = PRIORITY.index(kind)
        s, e = shown.at(span.start), shown.at(span.end)
        for k in range(max(s, 0), min(e, length)):
            if rank < out[k]:
                out[k] = rank
    return out


def whole_rows(tables, toks: list[Tok], ops, *, new: bool, kind_of) -> dict:
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
