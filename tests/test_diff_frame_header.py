"""A comparison's table (PlanDiff.to_frame) shows an OCR'd side restored, as the HTML page and
the redline do, with the scan's own text beside it; a signer that appears is never called a
year change. The pair below is our own, in the shape of a department's clean plan and its next
year's plan scanned without diacritics."""

from __future__ import annotations

import pytest

from plankit.diff import diff_plans
from plankit.diff.classify import Years
from plankit.diff.header import compare_headers
from plankit.model import Header, PartialDate
from plankit.read import read_plan, read_text

CLEAN = """SỞ TƯ PHÁP
Số: 12/KH-STP
Nam Định, ngày 10 tháng 01 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
Căn cứ Quyết định số 1520/QĐ-UBND ngày 20 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh;
I. MỤC ĐÍCH
Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.
II. NỘI DUNG
Tuyên truyền trên Cổng thông tin điện tử của Sở.
Nguyễn Văn An
"""
SCANNED = """SO TU PHAP
S6: 9/KH-STP
Nam Dinh, ngay 12 thang 01 nam 2024
KE HOACH
Tuyén truyén cai cach hanh chinh nam 2024
Can ctr Quyét dinh s6 1610/QD-UBND ngay 22 thang 12 nam 2023 cua Uy ban nhan dan tinh;
I. MUC DICH
Nang cao nhan thirc cua can b6, cong chirc vé cai cach hanh chinh va dao tao.
II. NOI DUNG
Tuyén truyén trén Cong thong tin dién tir cua S¢ va bao chi.
Tran Thi Binh
"""


@pytest.fixture(scope="module")
def scanned_pair():
    return diff_plans(read_text(CLEAN, name="2023.txt"), read_text(SCANNED, name="2024.ocr.txt"))


def test_frame_shows_the_scan_restored_and_keeps_it_beside(scanned_pair):
    frame = scanned_pair.to_frame()
    assert list(frame.columns) == ["section", "kind", "old", "new", "old_ocr", "new_ocr", "reason", "location",
                                   "old_line", "new_line"]
    rows = frame[frame.kind != "expected"][["kind", "old", "new", "new_ocr"]].values.tolist()
    assert rows[:4] == [
        ["basis", "1520/QĐ-UBND", "1610/QĐ-UBND", "1610/QD-UBND"],
        ["basis", "ngày 20", "ngày 22", "ngay 22"],
        ["basis", "tháng 12 năm 2022", "tháng 12 năm 2023", "thang 12 nam 2023"],
        ["substantive", "", "và đào tạo", "va dao tao"],
    ]
    # a name is never guessed: the signer stays as scanned
    assert rows[4][2].endswith("Tran Thi Binh")
    # the clean side is its own text either way
    assert (frame.old == frame.old_ocr).all()


def test_frame_as_read_when_asked_and_for_clean_pairs(scanned_pair):
    raw = scanned_pair.to_frame(restore=False)
    assert "new_ocr" not in raw.columns
    assert raw[raw.kind == "basis"].new.tolist() == ["1610/QD-UBND", "ngay 22", "thang 12 nam 2023"]
    clean = diff_plans(read_text(CLEAN, name="a.txt"), read_text(CLEAN.replace("2023", "2024"), name="b.txt"))
    assert list(clean.to_frame().columns) == ["section", "kind", "old", "new", "reason", "location",
                                              "old_line", "new_line"]


def test_cantho_frame_reads_as_the_page_does():
    d = diff_plans(read_plan("plans/can-tho/2022-so-khcn.txt"), read_plan("plans/can-tho/2025-so-khcn.ocr.txt"))
    frame = d.to_frame()
    basis = frame[frame.new_ocr.str.startswith("Can ctr Quyét dinh s6 4168")]
    assert basis.new.str.startswith("Căn cứ Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021").tolist() == [True]
    # a table cell's words, interleaved with other cells in the scan, restored word by word
    cells = frame[(frame.new_ocr == "Trong nam 2025") & (frame.location != "")]
    assert len(cells) >= 1 and set(cells.new) == {"Trong năm 2025"}
    assert d.counts() == {"expected": 17, "basis": 6, "substantive": 38, "form": 0, "renumbering": 0,
                          "carried-error": 3}


@pytest.mark.parametrize(("old", "new", "kind"), [
    (None, "Nguyễn Văn An", "substantive"),  # a signer appears: the old copy names none
    ("Nguyễn Văn An", "Trần Thị Bình", "substantive"),  # someone else signs
    ("Nguyễn Văn An", None, "substantive"),  # the new copy names none
    ("Nguyễn Văn An", "NGUYỄN VĂN AN", "same"),
])
def test_signer_is_never_a_year_change(old, new, kind):
    a = Header(number="12", date_parts=PartialDate(10, 1, 2023), year=2023, signer=old)
    b = Header(number="9", date_parts=PartialDate(12, 1, 2024), year=2024, signer=new)
    fields = {f.name: f for f in compare_headers(a, b, Years(2023, 2024))}
    assert (fields["number"].kind, fields["date"].kind, fields["year"].kind) == ("expected",) * 3
    assert fields["signer"].kind == kind


def test_blank_date_filled_in_at_signing_stays_expected():
    a = Header(number=None, date_parts=PartialDate(None, None, None), year=2024)
    b = Header(number="9", date_parts=PartialDate(12, 1, 2024), year=2024)
    fields = {f.name: f for f in compare_headers(a, b, Years(2024, 2024))}
    assert fields["date"].kind == "expected"
