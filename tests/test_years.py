"""plankit.years: which years in a plan's text are the plan's own, on phrases from the bundled plans."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plankit.diff.classify import is_self_reference
from plankit.diff.tokens import tokens_of
from plankit.lint._context import Context
from plankit.text import fold
from plankit.years import KINDS, YearMention, closing_spans, year_mentions


def kinds(text: str) -> list[tuple[int, str]]:
    return [(m.year, m.kind) for m in year_mentions(fold(text), text=text)]


# (phrase, [(year, kind), ...]): real phrases from the bundled plans, read on their own (no
# citations known, the default clause and closing rules).
PHRASES = [
    # the header date, clean and OCR'd, and with the day left blank
    ("Hải Dương, ngày 07 tháng 02 năm 2022", [(2022, "date")]),
    ("S6:137 IKH-SKHCN Can Tho, ngay 21thdng 01 nam 2025", [(2025, "date")]),
    ("Cần Thơ, ngày        tháng 01 năm 2022", [(2022, "date")]),
    # the subject
    ("Công tác thông tin, tuyên truyền cải cách hành chính năm 2022", [(2022, "own")]),
    ("Cong tac thong tin, tuyén truyén cai cach hanh chinh nim 2025", [(2025, "own")]),
    ("CÁC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2022", [(2022, "own")]),
    # cited documents' dates
    ("Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021", [(2021, "date")]),
    ("Chuong trinh s6 26-CTr/TU ngay 31 thang 12 ndm 2021", [(2021, "date")]),
    # the body speaking of the plan
    ("tạo sự thống nhất trong tổ chức thực hiện Kế hoạch công tác CCHC năm 2022", [(2022, "own")]),
    ("Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2021", [(2021, "own")]),
    ("Nội dung tuyên truyền CCHC trong năm 2022", [(2022, "own")]),
    ("Trung tâm Thông tin khoa học và công nghệ\tTrong năm 2022", [(2022, "own")]),
    ("Kinh phí thực hiện tuyên truyền CCHC năm 2022", [(2022, "own")]),
    # the closing sentence: every year in it is the plan's own
    (
        "Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2022 của Sở Khoa học và Công nghệ./.",
        [(2022, "own")],
    ),
    ("Trén day 1a K& hoach cong tac thong tin, tuyén truyén CCHC nam 2024", [(2024, "own")]),
    # periods and bounds
    ("Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030", [(2021, "period"), (2030, "period")]),
    ("thanh phé Can Tho giai doan 2021 — 2025", [(2021, "period"), (2025, "period")]),
    (
        "Chương trình chuyển đổi số tỉnh Hưng Yên giai đoạn 2021-2025, tầm nhìn đến năm 2030",
        [(2021, "period"), (2025, "period"), (2030, "range")],
    ),
    # "năm X" with nothing before it that makes it the plan's
    ("của Sở Công Thương và kết quả triển khai thực hiện năm 2022.", [(2022, "other")]),
    ("gắn với các nhiệm vụ phát triển kinh tế - xã hội năm 2022", [(2022, "other")]),
    # Not in the bundled plans (which have "Quý I, II, III, IV" and no past results): the
    # examples of the stale-year rule and of draft_plan.
    ("Báo cáo kết quả CCHC năm 2024", [(2024, "past")]),
    ("Chỉ số CCHC năm 2024", [(2024, "past")]),
    ("Quý I/2025", [(2025, "schedule")]),
    ("Tháng 3/2025", [(2025, "schedule")]),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_year_kind(phrase, expected):
    assert kinds(phrase) == expected


# Words that end like a bound ("tháng" in "hang", "đầu tư" in "tu") are no bound; a span after
# the year ("năm 2021-2025") is one; a year told about after it ("năm 2024, ... đã") is past;
# a capital or budget plan of its year ("kế hoạch vốn đầu tư công năm 2024") is another plan.
BOUNDS_AND_PAST = [
    ("Kế hoạch tuyên truyền hằng tháng năm 2024", [(2024, "own")]),
    ("Kế hoạch xúc tiến đầu tư năm 2024", [(2024, "own")]),
    ("Luật Đầu tư năm 2020", [(2020, "other")]),
    ("từ năm 2020 đến nay", [(2020, "range")]),
    ("Từ năm 2020", [(2020, "range")]),
    ("Kế hoạch 5 năm 2021-2025", [(2021, "range")]),
    ("Kế hoạch năm 2021 – 2025", [(2021, "range")]),
    ("Kế hoạch từ năm 2021 đến năm 2025", [(2021, "range"), (2025, "range")]),
    ("Kế hoạch năm 2021 đến 2025", [(2021, "range")]),
    ("Trong năm 2024, UBND tỉnh đã tổ chức", [(2024, "past")]),
    ("Trong năm 2024 vừa qua", [(2024, "past")]),
    ("Kế hoạch CCHC năm 2024 đã hoàn thành", [(2024, "past")]),
    ("Kế hoạch CCHC năm 2024 của Sở đã ban hành.", [(2024, "own")]),
    ("Trong năm 2024, tiếp tục thực hiện các nhiệm vụ đã đề ra", [(2024, "own")]),
    ("Trong năm 2024 đá", [(2024, "own")]),
    ("Kế hoạch vốn đầu tư công năm 2024 được kéo dài", [(2024, "other")]),
    ("Kế hoạch đầu tư công năm 2024", [(2024, "other")]),
    ("Kế hoạch sử dụng đất năm 2024", [(2024, "other")]),
    ("Kế hoạch phát triển kinh tế - xã hội năm 2024", [(2024, "other")]),
    ("Kế hoạch phát triển kinh tế số năm 2025", [(2025, "own")]),
    ("Kế hoạch CCHC năm 2024 chuyển sang năm 2025", [(2024, "past"), (2025, "other")]),
    ("Trong năm 2024 sơ kết CCHC", [(2024, "own")]),
    ("Sơ kết CCHC năm 2024", [(2024, "past")]),
]


@pytest.mark.parametrize(("phrase", "expected"), BOUNDS_AND_PAST)
def test_bounds_spans_and_past_years(phrase, expected):
    assert kinds(phrase) == expected


# Folding makes "điện tử" look like "từ năm" (a bound) and "Sở" like "số" (a number, which stops
# "Kế hoạch ... năm"). With the original text they are told apart; folded text alone (an OCR'd
# plan without marks) keeps the folded reading.
FOLD_ALIKE = [
    "Sở Khoa học và Công nghệ xây dựng Kế hoạch truyền thông về hoạt động kiểm soát TTHC, "
    "triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử năm 2022",
]


# "số" and "ngày" stop "Kế hoạch ... năm X" only as a number or a date ("Kế hoạch số /KH-UBND",
# "ngày  tháng"): followed by a word, or by the year itself, they are the subject's words, in
# digital-transformation plans above all, and folded text reads them so too ("Sở" folds to "so").
SUBJECT_WORDS = [
    ("Ủy ban nhân dân xã ban hành Kế hoạch chuyển đổi số năm 2025 như sau:", [(2025, "own")]),
    ("Kế hoạch phát triển kinh tế số và xã hội số năm 2025", [(2025, "own")]),
    ("Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia năm 2025", [(2025, "own")]),
    ("Kế hoạch CCHC của tỉnh Hải Dương, của Sở Công Thương năm 2022", [(2022, "own")]),
    ("Căn cứ Kế hoạch số: …/KH-UBND năm 2025", [(2025, "other")]),
]


@pytest.mark.parametrize(("phrase", "expected"), SUBJECT_WORDS)
def test_subject_words_that_look_like_a_number(phrase, expected):
    assert kinds(phrase) == expected
    assert [(m.year, m.kind) for m in year_mentions(fold(phrase))] == expected


@pytest.mark.parametrize("phrase", FOLD_ALIKE)
def test_original_text_tells_fold_alike_words_apart(phrase):
    assert kinds(phrase) == [(2022, "own")]
    assert [(m.year, m.kind) for m in year_mentions(fold(phrase))] != [(2022, "own")]


def test_a_real_number_still_stops_the_plan_phrase():
    assert kinds("Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021") == [(2021, "date")]
    assert kinds("Căn cứ Kế hoạch của UBND tỉnh, số hiệu năm 2021") == [(2021, "other")]
    assert kinds("Kế hoạch từ năm 2021") == [(2021, "range")]


def test_offsets():
    text = "Căn cứ Quyết định ngày 27 tháng 12 năm 2021; Trong năm 2025, giai đoạn 2021-2025"
    found = year_mentions(fold(text))
    assert [text[m.start : m.end] for m in found] == [
        "năm 2021", "năm 2025", "giai đoạn 2021-2025", "giai đoạn 2021-2025",
    ]
    assert [text[m.digits : m.digits + 4] for m in found] == ["2021", "2025", "2021", "2025"]
    assert repr(found[1]) == f"YearMention(2025 own @{text.index('năm 2025')})"


def test_closing_spans():
    text = fold("III. KINH PHÍ\nTrên đây là Kế hoạch tuyên truyền CCHC năm 2022 của Sở./.\nNơi nhận:")
    ((start, end),) = closing_spans(text)
    assert text[start:end] == "tren day la ke hoach tuyen truyen cchc nam 2022 cua so"


def test_citation_and_closing_arguments():
    text = fold("Căn cứ Kế hoạch tuyên truyền CCHC năm 2025 của UBND thành phố")
    assert [m.kind for m in year_mentions(text)] == ["own"]
    assert [m.kind for m in year_mentions(text, in_citation=lambda pos: True)] == ["citation"]
    other = fold("của Sở Công Thương năm 2022")
    assert [m.kind for m in year_mentions(other, closing=[(0, len(other))])] == ["own"]


# The kinds of every year in the bundled plans as the linter reads them (its clauses, reference
# clauses and closing sentence), and the years it takes for the plan's own (stale-year).
PLANS = [
    ("can-tho-2022", {"citation": 1, "date": 3, "own": 12, "period": 4}, [2022] * 12),
    ("can-tho-2025", {"citation": 1, "date": 7, "other": 2, "own": 8, "period": 10}, [2025] * 7 + [2024]),
    ("hai-duong-2022", {"citation": 2, "date": 1, "other": 1, "own": 5, "period": 6}, [2022, 2021, 2022, 2022, 2022]),
    ("hung-yen-2022", {"citation": 1, "date": 1, "other": 2, "own": 3, "period": 10, "range": 4}, [2022] * 3),
    ("hue-2022", {"citation": 2, "date": 2, "own": 1, "period": 2, "range": 1}, [2022]),
]


@pytest.mark.parametrize(("name", "counts", "own"), PLANS)
def test_bundled_plans_as_lint_reads_them(seeds, name, counts, own):
    ctx = Context(seeds[name], today=dt.date(2025, 11, 1))
    found = year_mentions(ctx.folded, segment_start=ctx.segment_start, in_citation=ctx.in_clause, closing=ctx.closing)
    assert dict(Counter(m.kind for m in found)) == counts
    assert [m.year for m in found if m.kind == "own"] == own


# Where diff's token test (is_self_reference) agrees with the text reading, and where it differs
# on purpose: "Trong năm X" and "CCHC năm X" are year bumps in a diff, not "Kế hoạch ... năm X".
AGREEMENT = [
    ("Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2024", "own", True),
    ("Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2021", "own", True),
    ("Căn cứ Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm 2021", "date", False),
    # diff's token test still reads "Sở" as "số" (it sees folded tokens only)
    ("Kế hoạch CCHC của tỉnh Hải Dương, của Sở Công Thương năm 2022", "own", False),
    ("Trung tâm Thông tin khoa học và công nghệ Trong năm 2022", "own", False),
    ("Kinh phí thực hiện tuyên truyền CCHC năm 2022", "own", False),
]


@pytest.mark.parametrize(("phrase", "kind", "self_ref"), AGREEMENT)
def test_diff_token_reading(phrase, kind, self_ref):
    before = phrase[: phrase.rindex(" ")]
    assert kinds(phrase)[-1][1] == kind
    assert is_self_reference(tokens_of(before, punct=False)) is self_ref


_WORDS = st.sampled_from([
    "năm", "nam", "nim", "Trong", "Kế hoạch", "CCHC", "ngày 27 tháng 12", "giai đoạn", "đến",
    "kết quả", "Quý I/", "2021", "2025", "-", ";", ". ", "\n", "\t", "Trên đây là", "số", "của Sở",
])


@given(st.lists(_WORDS, max_size=24).map(" ".join))
def test_every_mention_points_at_its_year(text):
    folded = fold(text)
    found = year_mentions(folded)
    assert found == sorted(found, key=lambda m: (m.start, m.digits))
    for m in found:
        assert m.kind in KINDS
        assert isinstance(m, YearMention)
        assert m.start <= m.digits < m.digits + 4 <= m.end
        assert folded[m.digits : m.digits + 4] == str(m.year)
