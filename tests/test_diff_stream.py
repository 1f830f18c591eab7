"""The comparison tokens of a plan after layout marks, page numbers and hyphen breaks are left
out or joined: slicing them by span (``within``) gives exactly the tokens inside the span, as a
filter over all of them does. (Both indexes the slice bisects must follow the tokens dropped.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.diff.parts import Side
from plankit.read import read_text

LINES = ["UBND TỈNH KHÁNH BÌNH", "|", "│", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
         "Triển khai Nghị quyết số 57-", "NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị", "6",
         "về chuyển đổi số", "kinh tế- xã hội", "I. MỤC ĐÍCH", "Đẩy mạnh | ứng dụng ──── công nghệ số."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=3, max_size=14), st.data())
def test_within_is_the_tokens_inside_the_span(lines, data):
    plan = read_text("\n".join(lines) + "\n", name="plan.txt")
    stream = Side(plan, ocr=False, punct=True).stream
    n = len(plan.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    assert stream.within(start, end) == [t for t in stream.tokens if start <= t.start and t.end <= end]


def test_within_after_a_bar_and_a_rule_are_left_out():
    plan = read_text("UBND TỈNH A\n|\n-------\nSở Y tế | Quý I\nKẾ HOẠCH\nI. MỤC ĐÍCH\nNội dung.\n", name="p.txt")
    stream = Side(plan, ocr=False, punct=True).stream
    k = plan.text.index("Sở")
    assert [t.key for t in stream.within(k, k + len("Sở Y tế | Quý I"))] == ["so", "y", "te", "quy", "i"]
