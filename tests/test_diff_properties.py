"""Properties of diff_plans on plans read from generated text (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit.diff import diff_plans
from plankit.read import read_text

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
TITLES = [
    "MỤC ĐÍCH, YÊU CẦU",
    "NỘI DUNG TUYÊN TRUYỀN",
    "HÌNH THỨC TUYÊN TRUYỀN",
    "KINH PHÍ THỰC HIỆN",
    "TỔ CHỨC THỰC HIỆN",
    "NHIỆM VỤ TRỌNG TÂM",
    "ĐỐI TƯỢNG TUYÊN TRUYỀN",
]
BASIS = [
    "Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021 của Ủy ban nhân dân thành phố;",
    "Căn cứ Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của Ủy ban nhân dân thành phố;",
    "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
    "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của Ủy ban nhân dân thành phố;",
]
# Real words of the plans, typos and tone variants included: a plan compared with itself must
# show no change whatever it holds.
WORDS = [
    "tuyên", "truyền", "cải", "cách", "hành", "chính", "công", "chức", "viên", "người", "dân",
    "doanh", "nghiệp", "Sở", "Khoa", "học", "và", "Công", "nghệ", "thủ", "tục", "kịp", "thời",
    "đầy", "đủ", "hiệu", "quả", "Cổng", "thông", "tin", "điện", "tử", "hòa", "hoà", "thủy", "thuỷ",
    "tuyên tuyền", "thẩm quyển", "năm", "2022", "2024", "2025", "Trong", "kế", "hoạch", "số",
    "CCHC", "TTHC", "Văn", "phòng", "chủ", "trì", "phối", "hợp", "ngân", "sách", "nhà", "nước",
    "kinh", "phí", "thường", "xuyên", "45/2020/NĐ-CP", "26-CTr/TU", "15/7/2021",
]

sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda ws: " ".join(ws) + ".")


@st.composite
def plan_texts(draw) -> str:
    year = draw(st.integers(2020, 2026))
    lines = [
        "UBND TP. CẦN THƠ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        f"Số: {draw(st.sampled_from(['', '137', '29']))}/KH-SKHCN",
        f"Cần Thơ, ngày {draw(st.sampled_from(['', '21', '06']))} tháng 01 năm {year}",
        "KẾ HOẠCH",
        f"Công tác thông tin, tuyên truyền cải cách hành chính năm {year}",
    ]
    lines += draw(st.lists(st.sampled_from(BASIS), max_size=3, unique=True))
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=5, unique=True))
    for number, title in zip(ROMAN, titles, strict=False):
        lines.append(f"{number}. {title}")
        lines += draw(st.lists(sentences, max_size=3))
    if draw(st.booleans()):
        closing_year = draw(st.sampled_from([year, year - 1]))
        lines.append(f"Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm {closing_year} của Sở./.")
    return "\n".join(lines) + "\n"


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(plan_texts())
def test_a_plan_against_itself_has_no_changes(text):
    p = read_text(text)
    d = diff_plans(p, p)
    assert d.changes == ()
    assert not d.basis_added and not d.basis_removed
    assert all(s.status == "same" for s in d.walk())
    assert d.carried_over == 1.0


@FAST
@given(plan_texts())
def test_normalisation_forms_are_not_changes(text):
    nfd = read_text(unicodedata.normalize("NFD", text))
    tones = read_text(text.replace("hòa", "hoà").replace("thủy", "thuỷ"))
    p = read_text(text)
    assert diff_plans(p, nfd).changes == ()
    # the texts now differ, so errors kept in both (a stale closing year, a known typo) are
    # reported as carried; nothing else is a change
    assert [c for c in diff_plans(p, tones).changes if c.kind != "carried-error"] == []


def _numbers(d, status: str, side: str) -> set[str]:
    return {getattr(s, side).number for s in d.sections if s.status == status}


@FAST
@given(plan_texts(), plan_texts())
def test_swapping_old_and_new_swaps_added_and_removed(a, b):
    p, q = read_text(a), read_text(b)
    forward, backward = diff_plans(p, q), diff_plans(q, p)
    assert _numbers(forward, "added", "new") == _numbers(backward, "removed", "old")
    assert _numbers(forward, "removed", "old") == _numbers(backward, "added", "new")
    paired = {(s.old.number, s.new.number) for s in forward.sections if s.old and s.new}
    assert paired == {(s.new.number, s.old.number) for s in backward.sections if s.old and s.new}
    assert forward.basis_added == backward.basis_removed
    assert forward.basis_removed == backward.basis_added
