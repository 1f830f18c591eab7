"""Drafting from an OCR'd plan with a clean earlier plan of the same issuer as reference.

Cần Thơ's 2025 plan is a scan (cells scrambled, "b !_ông ghép", signer "Ng6 Anh Tin"); its 2022
plan is clean. The 2026 draft takes the 2022 wording wherever the scan matches it closely, rolls
its years, keeps what the officer rewrote since, and never guesses a name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plankit.draft import draft_plan
from plankit.draft_sources import _noise_only
from plankit.read import read_plan
from plankit.text import fold

ROOT = Path(__file__).resolve().parent.parent
CAN_THO_2025 = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
CAN_THO_2022 = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
PARTNERS = ("- Chi cục Tiêu chuẩn Đo lường Chất lượng - Trung tâm Thông tin khoa học và công nghệ - "
            "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ - Trung tâm Kỹ thuật Tiêu chuẩn Đo lường "
            "Chất lượng - Vườn ươm công nghệ công nghiệp Việt Nam - Hàn Quốc")


@pytest.fixture(scope="module")
def draft():
    return draft_plan(CAN_THO_2025, year=2026, reference=CAN_THO_2022)


def test_activity_rows_take_the_reference_text_with_years_rolled(draft):
    reference = read_plan(CAN_THO_2022).tables[0]
    rows = [[c.text for c in row] for row in draft.tables[0].rows]
    # the 2022 rows, "năm 2022" -> "năm 2026"; and what every draft does: Sở Thông tin và
    # Truyền thông merged into Sở Khoa học và Công nghệ (2025), "tuyên tuyền" corrected
    assert rows == [
        ["1", "Niêm yết, thông báo trên Cổng thông tin điện tử của Sở và các đơn vị trực thuộc", "Văn phòng Sở",
         "Chi cục Tiêu chuẩn Đo lường Chất lượng, Trung tâm Thông tin khoa học và công nghệ", "Trong năm 2026"],
        ["2", "Phát tờ gấp tuyên truyền CCHC và TTHC (do Sở Tư pháp, Sở Khoa học và Công nghệ cung cấp)",
         "Văn phòng Sở", PARTNERS, "Trong năm 2026"],
        ["3", "Dán áp phích (do Sở Văn hóa, Thể thao và Du lịch cung cấp)", "Văn phòng Sở", PARTNERS, "Trong năm 2026"],
        ["4", "Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên truyền, phổ biến, giáo dục pháp luật",
         "Văn phòng Sở", PARTNERS, "Trong năm 2026"],
    ]
    for mine, theirs in zip(rows, reference.rows, strict=True):
        ref = [c.text.replace("năm 2022", "năm 2026") for c in theirs]
        assert mine[0] == ref[0] and mine[2:] == ref[2:]


def test_damaged_paragraph_takes_the_reference_wording(draft):
    found = [b.text for b in draft.blocks if b.text.startswith("b) Lồng ghép nội dung CCHC")]
    assert found == ["b) Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên truyền, phổ biến, "
                     "giáo dục pháp luật tại đơn vị."]
    at = draft.text.index(found[0])
    assert draft.text.index("VI. TỔ CHỨC THỰC HIỆN") < draft.text.index("1. Thủ trưởng các đơn vị") < at
    assert draft.section_at(at).number == "b"
    assert "b !_ông" not in draft.text and "Niệm vyét" not in draft.text


def test_paragraphs_rewritten_since_keep_their_words(draft):
    # 2025 added "của thành phố và của Sở giai đoạn 2021-2025" to 2022's sentence: not OCR noise
    assert "Kế hoạch công tác CCHC của thành phố và của Sở giai đoạn 2021-2025" in draft.text
    assert "III. HÌNH THỨC TUYÊN TRUYỀN" in draft.text and "IV. KINH PHÍ" not in draft.text


def test_the_signer_is_never_restored_only_flagged(draft):
    original = read_plan(CAN_THO_2025).header.signer
    assert original == "Ng6 Anh Tin"
    assert draft.header.signer == original
    flagged = [t for t in draft.todo if t.kind == "signer" and t.span.slice(draft.text) == original]
    assert flagged and "bản quét" in flagged[0].message


@pytest.mark.parametrize(("ocr", "ref", "noise"), [
    ("b !_ong ghep noi dung cchc", "b) long ghep noi dung cchc", True),
    ("niem vyet, thong bao tren cong thong tin dien tor", "niem yet, thong bao tren cong thong tin dien tu", True),
    ("cong tac cchc nam 2025 tap trung", "cong tac cchc nam 2022 tap trung", True),
    ("dan ap phich ve cchc (do so)", "dan ap phich (do so)", False),
    ("tren trang thong tin dien tu", "tren cong thong tin dien tu", False),
])
def test_noise_only(ocr, ref, noise):
    assert _noise_only(fold(ocr), fold(ref)) is noise
