"""Tables in the comparison.

* A scan that read a table one cell a line, row after row (the reader finds no table there),
  against a clean plan that has the table: the table is compared as running text, the same
  words in the same order, so only what changed shows (``tables.tables_as_text``). Its rows are
  not paired as rows: the scan's lines do not say where a cell that wraps ends (the cases below).
* Where a change inside a table cell lies in the plan text (``tables._cell_offset``): a cell's
  text is its span's text with white space collapsed, and an offset into the cell text is found
  in the plan text word by word. The reference below is the plain character walk.

The agency, numbers and activities are invented; the layouts are a department's clean plan with
a tab-separated table and a scan of the next year's plan without diacritics.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.bench_corpus_diff import redline_wrong
from plankit.diff import diff_plans
from plankit.diff.tables import _cell_offset
from plankit.model import Cell, Span
from plankit.read import read_text

# -- a table against the same table read one cell a line -------------------------------------------

HEAD_OLD = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 15/KH-SNNMT
Lào Cai, ngày 12 tháng 01 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
I. MỤC ĐÍCH
Nâng cao nhận thức của công chức.
II. CÁC HOẠT ĐỘNG TRỌNG TÂM
Các hoạt động cụ thể như sau:
"""
OLD = HEAD_OLD + """TT\tNội dung\tĐơn vị chủ trì\tThời gian
1\tĐăng tin trên Trang thông tin điện tử của Sở\tVăn phòng Sở\tHằng tháng
2\tTổ chức hội nghị đối thoại với doanh nghiệp\tPhòng Kế hoạch - Tài chính\tQuý II
3\tIn tờ gấp về thủ tục hành chính\tChi cục Kiểm lâm\tQuý III
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc.
"""
SCAN = """SO NONG NGHIEP VA MOI TRUONG
S6: 21/KH-SNNMT
Lao Cai, ngay 14 thang 01 nam 2025
KE HOACH
Tuyén truyén cai cach hanh chinh nam 2025
I. MUC DICH
Nang cao nhan thirc cua cong chirc.
II. CAC HOAT PONG TRONG TAM
Cac hoat dong cu thé nhu sau:
TT
Noi dung
Pon vi chu tri
Thoi gian
1
Pang tin trén Trang thong tin dién tir cua S¢
Van phong S¢
Hang thang
2
T6 chirc hoi nghi déi thoai voi doanh nghiép va hop tac xa
Phong Ké hoach - Tai chinh
Quy II
3
In t& gdp vé thi tuc hanh chinh
Chi cuc Kiém lam
Quy IV
III. TO CHUC THUC HIEN
Van phong S¢ theo dbi, dén déc.
"""
# the same scan with two cells wrapped over two lines each, as a narrow column wraps them
WRAPPED = SCAN.replace("T6 chirc hoi nghi déi thoai voi doanh nghiép va hop tac xa\n",
                       "T6 chirc hoi nghi déi thoai\nvoi doanh nghiép va hop tac xa\n").replace(
    "Pang tin trén Trang thong tin dién tir cua S¢\n", "Pang tin trén Trang thong\ntin dién tir cua S¢\n")
HEADER_CHANGES = [("expected", "15/KH-SNNMT", ""), ("expected", "", "21/KH-SNNMT"), ("expected", "12", ""),
                  ("expected", "", "14"), ("expected", "tháng 01 năm 2024", "thang 01 nam 2025"),
                  ("expected", "năm 2024", "nam 2025")]


def _diff(old: str, new: str):
    return diff_plans(read_text(old, name="old.txt"), read_text(new, name="new.txt"))


@pytest.mark.parametrize("scan", [SCAN, WRAPPED], ids=["one-cell-a-line", "wrapped-cells"])
def test_a_table_read_one_cell_a_line_shows_only_what_changed(scan):
    d = _diff(OLD, scan)
    assert (len(d.old.tables), len(d.new.tables), d.tables) == (1, 0, ())
    assert [(c.kind, c.old, c.new) for c in d.changes] == [
        *HEADER_CHANGES, ("substantive", "", "va hop tac xa"), ("substantive", "III", "IV")]


def test_the_other_way_round_swaps_them():
    d = _diff(SCAN, OLD)
    assert [(c.kind, c.old, c.new) for c in d.changes][-2:] == [("substantive", "va hop tac xa", ""),
                                                                 ("substantive", "IV", "III")]


@pytest.mark.parametrize(("old", "new"), [(OLD, SCAN), (SCAN, OLD), (OLD, WRAPPED)])
def test_its_redline_is_exact(old, new):
    assert redline_wrong(_diff(old, new)) == []


def test_a_table_the_other_plan_dropped_stays_a_removed_table():
    dropped = SCAN[: SCAN.index("TT\n")] + SCAN[SCAN.index("III. TO CHUC"):]
    d = _diff(OLD, dropped)
    assert [(t.old, t.new, [r.status for r in t.rows]) for t in d.tables] == [(0, None, ["removed"] * 3)]


def test_the_lines_do_not_say_where_a_wrapped_cell_ends():
    """Why the scan's rows are not rebuilt for the table diff: with cells wrapped, the lines
    between two row numbers are more than the columns, and counting lines off puts a cell's
    second line in the next column (row 1's lead would be "tin dien tu cua So")."""
    lines = WRAPPED[WRAPPED.index("\n1\n") + 1 : WRAPPED.index("III. TO CHUC")].splitlines()
    starts = [k for k, line in enumerate(lines) if line in ("1", "2", "3")]
    assert [b - a - 1 for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)] == [4, 4, 3]
    assert lines[starts[0] + 2] == "tin dién tir cua S¢"


# -- where a change inside a cell lies ----------------------------------------------------------------



def walk(text: str, cell: Cell, local: int) -> int | None:
    """Character by character: a run of white space in the plan is one space of the cell."""
    raw, target = cell.span.slice(text), cell.text
    i, k, n = 0, 0, len(raw)
    while i < n and raw[i].isspace():
        i += 1
    while k < local:
        if i >= n:
            return None
        if raw[i].isspace():
            while i < n and raw[i].isspace():
                i += 1
            if k < len(target) and target[k] == " ":
                k += 1
                continue
            return None
        if k >= len(target) or raw[i] != target[k]:
            return None
        i += 1
        k += 1
    return cell.span.start + i


TEXT = "1 |  Dán áp phích\n  về CCHC  | Quý I "
CELL = Cell("Dán áp phích về CCHC ", Span(3, 29), None)


@pytest.mark.parametrize(("local", "offset"), [
    (0, 5),  # the leading white space is skipped
    (3, 8),  # "Dán"
    (4, 9),  # after the space: where "áp" starts
    (12, 17),  # "phích"
    (13, 20),  # after a line break and its indent
    (20, 27),  # the end of "CCHC"
    (21, 29),  # the space at the end stands for the white space before the bar
    (22, None),  # past the cell's text
])
def test_offsets_in_a_cell(local, offset):
    assert TEXT[CELL.span.start : CELL.span.end] == "  Dán áp phích\n  về CCHC  "
    assert _cell_offset(TEXT, CELL, local) == offset == walk(TEXT, CELL, local)


def test_a_cell_rebuilt_from_pieces_has_no_offset():
    cell = Cell("Dán phích về", Span(3, 29), None)
    assert [_cell_offset(TEXT, cell, k) for k in (3, 4, 5)] == [8, 9, None]


_CHARS = st.sampled_from(["a", "Đ", "ạ", ".", " ", "\t", "\n", "\u00a0", "\u2003", "|"])


@given(pre=st.text(_CHARS, max_size=4), raw=st.text(_CHARS, max_size=16), edit=st.integers(0, 3),
       at=st.integers(0, 20), end_space=st.booleans())
def test_same_offsets_as_the_character_walk(pre, raw, edit, at, end_space):
    text = pre + raw + "x"
    collapsed = " ".join(raw.split()) + (" " if end_space and raw[-1:].isspace() else "")
    if edit == 1:  # a cell rebuilt from pieces: a letter that is not in the plan text
        collapsed = collapsed[:at] + "q" + collapsed[at:]
    elif edit == 2:
        collapsed = collapsed[:at]
    cell = Cell(collapsed, Span(len(pre), len(pre) + len(raw)), None)
    for local in range(len(collapsed) + 2):
        assert _cell_offset(text, cell, local) == walk(text, cell, local)
