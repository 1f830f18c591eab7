"""A Roman ordinal wrapped onto a line of its own after the word it numbers ("... Đảng khóa" /
"XIII;") goes on the paragraph: capitals, but no heading. Found by re-wrapping a Party plan at
110 columns (tests/test_diff_layouts.py), where the lone "XIII;" became a basis change of its
own."""

from __future__ import annotations

import pytest

from plankit.parts import plan_parts
from plankit.read import read_text

# a Party plan's head, its basis as a bulleted list under a rule (tests/test_diff_layouts.py's shape)
HEAD = ("ĐẢNG BỘ TỈNH HÀ GIANG\nTỈNH ỦY\n*\nSố 5-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Giang, ngày 01 tháng 3 năm 2025\n"
        "KẾ HOẠCH\nthực hiện công tác cải cách hành chính năm 2025\n-----\n")
TAIL = "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức về cải cách hành chính.\n"


@pytest.mark.parametrize(("wrapped", "joined"), [
    ("- Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa\nXIII;",
     "- Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII;"),
    ("- Căn cứ Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội khóa\nXV, kỳ họp bất thường lần thứ chín;",
     "- Căn cứ Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội khóa XV, kỳ họp bất thường lần thứ chín;"),
    ("- Thực hiện Nghị quyết Đại hội\nXIII của Đảng về cải cách hành chính;",
     "- Thực hiện Nghị quyết Đại hội XIII của Đảng về cải cách hành chính;"),
])
def test_a_wrapped_roman_ordinal_goes_on_its_paragraph(wrapped, joined):
    plan = read_text(HEAD + wrapped + "\nBan Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:\n" + TAIL, name="kh.txt")
    parts = plan_parts(plan)
    texts = [" ".join(plan.text[i.span.start : i.span.end].split()) for i in (*parts.basis, *parts.body)]
    assert joined in texts


@pytest.mark.parametrize("line", ["XIII. KINH PHÍ THỰC HIỆN", "II. NHIỆM VỤ TRỌNG TÂM"])
def test_a_roman_heading_after_such_a_word_still_heads(line):
    text = HEAD + "Căn cứ Nghị quyết của Đại hội đại biểu toàn quốc lần thứ XIII của Đảng khóa\n" + line + "\n1. Bảo đảm kinh phí.\n"
    plan = read_text(text, name="kh.txt")
    assert line.split(".", 1)[1].strip() in [s.title for s in plan.sections]
