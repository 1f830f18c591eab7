"""The diff's restored view of a scan: a passage that recurs is read once, the same way."""

from __future__ import annotations

from pathlib import Path

from plankit.diff import diff_plans
from plankit.diff.shown import _restored, shown_texts
from plankit.read import read_plan
from plankit.restore import restore_text

PLANS = Path(__file__).resolve().parent.parent / "plans" / "can-tho"


def test_a_recurring_passage_reads_once_and_the_same():
    scan = "Ke hoach cong tac nam 2025\nTuyen truyen cai cach hanh chinh\nTuyen truyen cai cach hanh chinh\n"
    shown = _restored(scan, "Kế hoạch công tác năm 2024\n")
    assert shown.text == "Kế hoạch công tác năm 2025\nTuyên truyền cải cách hành chính\nTuyên truyền cải cách hành chính\n"
    alone = restore_text("Tuyen truyen cai cach hanh chinh", ocr=True).text
    assert shown.text.split("\n")[1] == shown.text.split("\n")[2] == alone


def test_the_scan_reads_as_before():
    # the restored reading of the bundled scan, a line the model reads (section IV is new in
    # 2025) and one the clean plan gives; byte-identical before and after session 6's changes
    d = diff_plans(read_plan(PLANS / "2022-so-khcn.txt"), read_plan(PLANS / "2025-so-khcn.ocr.txt"))
    new = shown_texts(d)[1]
    assert new.restored and new.original == d.new.text
    assert "IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM" in new.text
    assert "Căn cứ Quyết định số 4168/QĐ-UBND ngày" in new.text
