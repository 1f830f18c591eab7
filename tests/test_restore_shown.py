"""The diff's restored view of a scan: the page's view restores only what the page shows, the
same way as the whole view; a passage that recurs is read once, the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankit.diff import diff_plans
from plankit.diff.render import to_html_fragment
from plankit.diff.shown import _overlaps, _restored, shown_texts
from plankit.read import read_plan
from plankit.restore import restore_text

PLANS = Path(__file__).resolve().parent.parent / "plans" / "can-tho"


@pytest.fixture(scope="module")
def cantho():
    return diff_plans(read_plan(PLANS / "2022-so-khcn.txt"), read_plan(PLANS / "2025-so-khcn.ocr.txt"))


def test_page_view_shows_what_the_whole_view_shows(cantho):
    whole, page = shown_texts(cantho), shown_texts(cantho, rows=False)
    assert to_html_fragment(cantho, shown=page) == to_html_fragment(cantho, shown=whole)
    for seg in cantho.segments:
        span = seg.new_span
        if seg.kind != "row" and span is not None:
            w, p = whole[1], page[1]
            assert p.text[p.at(span.start) : p.at(span.end)] == w.text[w.at(span.start) : w.at(span.end)]


def test_page_view_leaves_table_only_passages_as_scanned(cantho):
    whole, page = shown_texts(cantho)[1], shown_texts(cantho, rows=False)[1]
    assert "thông cung cấp)\n\nkhoa học và công nghệ" in whole.text  # a cell of the table only
    assert "thong cung cap)\n\nkhoa hoc va cong nghé" in page.text
    assert "thong cung cap)\n\nkhoa hoc va cong nghé" in cantho.new.text
    assert page.original == whole.original == cantho.new.text
    assert shown_texts(cantho, rows=False)[0] == shown_texts(cantho)[0]  # the clean 2022 plan


def test_a_recurring_passage_reads_once_and_the_same():
    scan = "Ke hoach cong tac nam 2025\nTuyen truyen cai cach hanh chinh\nTuyen truyen cai cach hanh chinh\n"
    shown = _restored(scan, "Kế hoạch công tác năm 2024\n")
    assert shown.text == "Kế hoạch công tác năm 2025\nTuyên truyền cải cách hành chính\nTuyên truyền cải cách hành chính\n"
    alone = restore_text("Tuyen truyen cai cach hanh chinh", ocr=True).text
    assert shown.text.split("\n")[1] == shown.text.split("\n")[2] == alone


@pytest.mark.parametrize(
    ("start", "end", "overlaps"),
    [
        (0, 5, True),  # inside the first span
        (8, 10, False),  # between two spans
        (10, 11, False),  # ends where the second span starts
        (10, 12, True),  # reaches into it
        (19, 25, True),  # starts inside it
        (20, 25, False),  # starts where it ends
        (3, 40, True),  # covers both
        (40, 45, False),  # after them
    ],
)
def test_overlaps(start, end, overlaps):
    assert _overlaps(((0, 8), (11, 20)), start, end) is overlaps
