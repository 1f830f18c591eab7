"""Restore keeps the words of clean text as typed (cut short ones too) and reads OCR's "vé"
by its context: exact values."""

from __future__ import annotations

import pytest

from plankit.restore import looks_ocr, restore_text
from plankit.restore.tokens import _marked_like, _truncated, _word_candidates
from plankit.restore_model import default_model

# -- clean text: every word typed with marks stays as typed ---------------------------------

CLEAN = [
    # a word cut short at the end of the text starts a real syllable: kept, never "lựa"
    "Căn cứ quy định của pháp luậ",
    "Kế hoạch tuyên truyền phổ biến giáo dục pháp luậ.",
    "Sở Khoa học và Công nghệ tỉnh Việ",
    "Đẩy mạnh cải cách hành chính nhà nướ",
    "Công tác Tuyê",
    # ... at the end of a line inside the text
    "Ủy ban nhân dân thành phố ban hành kế hoạch phổ biến pháp luậ\nnăm 2025",
    # a real syllable the model likes less stays too, tone placement included
    "Thực hiện tuyên truyền vé cải cách hành chính",
    "Tổ chức hoà giải ở cơ sở",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_kept_as_typed(text):
    restored = restore_text(text)
    assert (restored.ocr, restored.text) == (False, text)


def test_a_word_cut_short_in_plain_text_keeps_its_marks_and_the_rest_is_restored():
    assert restore_text("Day manh viec thuc thi phap luậ").text == "Đẩy mạnh việc thực thi pháp luậ"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("luậ", True), ("Việ", True), ("nướ", True), ("tuyén", False), ("luật", False), ("luat", False), ("lựa", False)],
)
def test_truncated_is_a_marked_start_of_a_real_syllable_only(word, expected):
    assert _truncated(default_model(), word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Căn cứ quy định của pháp luậ", False),
        ("Căn cứ quy định của pháp luậ.", False),
        # not at a line's end: no word is cut there, the marks make no word (OCR damage)
        ("Căn cứ quy định của pháp luậ ban hành", True),
        ("Căn cứ quy định của pháp tuyén", True),
    ],
)
def test_a_word_cut_short_at_a_line_end_is_no_sign_of_ocr(text, expected):
    assert looks_ocr(text) is expected


# -- OCR'd text: "vé" is read by its context --------------------------------------------------

OCR = [
    # lines of the bundled Cần Thơ scan (plans/can-tho/2025-so-khcn.ocr.txt): "vé" is "về" in each
    ("ban nhan dan thanh phd vé cong tac thong tin, tuyén truyén cai cach hanh chinh",
     "ban nhân dân thành phố về công tác thông tin, tuyên truyền cải cách hành chính"),
    ("1. Tuyén truyén, phd bién sau rong vé tAm quan trong, ¥ nghia, muc tiéu",
     "1. Tuyên truyền, phổ biến sâu rộng về tầm quan trọng, ý nghĩa, mục tiêu"),
    ("cua thanh pho va cua nganh vé cong tac CCHC", "của thành phố và của ngành về công tác CCHC"),
    ("Nha nudc vé CCHC", "Nhà nước về CCHC"),
    ("gido duc vé cac chu truong", "giáo dục về các chủ trương"),
    ("Nang cao nhan thtc cua cong chic, vién chitc vé cac muyc tiéu",
     "Nâng cao nhận thức của công chức, viên chức về các mục tiêu"),
    # the examples of the misreading
    ("tuyên truyền vé cải cách hành chính", "tuyên truyền về cải cách hành chính"),
    ("báo cáo kết quả vé Sở", "báo cáo kết quả về Sở"),
    # other OCR é's still resolve to their letters under other marks
    ("Phéi hop véi Vin phong S& cap nhat", "Phối hợp với Văn phòng Sở cập nhật"),
    ("Chét luong dich vu cong", "Chất lượng dịch vụ công"),
]


@pytest.mark.parametrize(("text", "expected"), OCR)
def test_ocr_confusions_are_resolved_by_context(text, expected):
    assert restore_text(text, ocr=True).text == expected


def test_every_ve_of_the_bundled_scan_is_read_ve_with_its_hat():
    from pathlib import Path

    scan = Path(__file__).resolve().parents[1] / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
    restored = restore_text(scan.read_text(encoding="utf-8"), ocr=True)
    outputs = [t.output for t in restored.tokens if t.surface == "vé"]
    assert outputs == ["về"] * 16


@pytest.mark.parametrize(
    ("surface", "form", "expected"),
    [("vé", "về", True), ("vé", "và", False), ("vé", "ve", False), ("Tuyén", "tuyển", True), ("Chét", "chất", False)],
)
def test_marked_like_wants_a_mark_wherever_ocr_put_one(surface, form, expected):
    assert _marked_like(surface, form) is expected


def test_ocr_ve_ranks_ve_with_its_hat_above_va_by_the_mark_and_the_rewrite():
    cands = _word_candidates(default_model(), "vé", True)
    assert [(w, round(score, 2)) for w, _out, score, _id in cands[:2]] == [("về", 0.3), ("và", -1.8)]


def test_ocr_context_joins_the_forms_one_cheap_rewrite_apart():
    assert default_model().ocr_context["ve"][0] == ("về", "và")
