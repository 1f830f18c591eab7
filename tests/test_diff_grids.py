"""Which rows of a table the redline can write as a Word table (plankit.diff.grids): the cells
must follow each other in the text with nothing but white space between them. A scan reads some
rows column by column (each cell a block of lines) and others line by line across the columns
(a cell's lines interleaved with its neighbours'); only the first kind can be a table without
moving a word. The tables below are our own, in the shape of a department's activity table."""

from __future__ import annotations

import dataclasses

import pytest

from plankit.diff.grids import grids
from plankit.diff.shown import Shown
from plankit.model import Cell, SourceRef, Span, Table
from plankit.read import read_text

# Row 1 read line by line across three columns (interleaved), rows 2 and 3 column by column.
TEXT = """KE HOACH
I. NHIEM VU
TT Noi dung Chu tri Thoi gian
1 To chuc tap huan | Van phong | Quy I
cho can bo | So | nam 2025
2
Hoi nghi doi thoai
doanh nghiep
Phong Kinh te
Quy II
3
Kiem tra cong tac
Thanh tra So
Quy III
II. KINH PHI
Ngan sach.
"""


def cell(first: str, last: str | None = None, after: str = "") -> Cell:
    """A cell from ``first`` to the end of ``last`` (both in TEXT, searched after ``after``)."""
    start = TEXT.index(first, TEXT.index(after) + len(after) if after else 0)
    end = TEXT.index(last, start) + len(last) if last else start + len(first)
    return Cell(" ".join(TEXT[start:end].split()), Span(start, end), SourceRef("line"))


INTERLEAVED = (cell("1", after="Thoi gian\n"), cell("To chuc", "can bo"), cell("Van phong", "So"),
               cell("Quy I", "nam 2025"))
BLOCKS = (
    (cell("2", after="nam 2025"), cell("Hoi nghi", "doanh nghiep"), cell("Phong Kinh te"), cell("Quy II")),
    (cell("3", after="Quy II"), cell("Kiem tra cong tac"), cell("Thanh tra So"), cell("Quy III")),
)


def plan_with(rows, *, ocr: bool = True):
    plan = read_text(TEXT, name="scan.ocr.txt")
    table = Table(("TT", "Nội dung", "Chủ trì", "Thời gian"), tuple(rows),
                  Span(TEXT.index("TT Noi"), TEXT.index("II. KINH")), SourceRef("line"))
    return dataclasses.replace(plan, tables=(table,), source=dataclasses.replace(plan.source, ocr=ocr))


def laid_out(plan) -> list[tuple[bool, list[list[str | None]]]]:
    return [(g.part, [[plan.text[c[0]:c[1]] if c else None for c in row] for row in g.rows])
            for g in grids(plan, Shown(plan.text, plan.text, False))]


def test_rows_read_column_by_column_are_a_table_of_their_own():
    assert laid_out(plan_with((INTERLEAVED, *BLOCKS))) == [(True, [
        ["2", "Hoi nghi doi thoai\ndoanh nghiep", "Phong Kinh te", "Quy II"],
        ["3", "Kiem tra cong tac", "Thanh tra So", "Quy III"],
    ])]


@pytest.mark.parametrize("rows", [
    (INTERLEAVED, BLOCKS[0]),  # one row in reading order: no table of one row
    (INTERLEAVED,),
])
def test_fewer_than_two_rows_in_reading_order_stay_running_text(rows):
    assert laid_out(plan_with(rows)) == []


def test_a_clean_table_out_of_order_is_left_to_the_whole_table_rule():
    # only a table read from a scan is cut into runs; a clean table is a table whole or not at all
    assert laid_out(plan_with((INTERLEAVED, *BLOCKS), ocr=False)) == []


def test_a_row_interleaved_between_two_runs_splits_them():
    # cells of rows 2 and 3 swapped in the text order: row 3's cells come before row 2's end
    swapped = ((*BLOCKS[0][:2], BLOCKS[1][2], *BLOCKS[0][3:]), (*BLOCKS[1][:2], BLOCKS[0][2], *BLOCKS[1][3:]))
    assert laid_out(plan_with((INTERLEAVED, *swapped))) == []
