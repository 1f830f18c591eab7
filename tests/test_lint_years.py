"""stale-year on sentences in the shapes real plans write them: a 2025 plan that speaks of its own
year, of the year just past (results, comparisons, carried-over capital), of periods, bounds and
deadlines, and of cited documents with their own years. Each sentence is typed into one clean
plan (PLAN below, written for this test) and the whole plan is linted: the table gives every
finding it draws, or none."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 12, 31)

PLAN = (
    "UBND TỈNH BẮC NINH\n"
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 18/KH-SKHCN\n"
    "Bắc Ninh, ngày 15 tháng 01 năm 2025\n"
    "KẾ HOẠCH\n"
    "Cải cách hành chính năm 2025\n"
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
    "cải cách hành chính nhà nước giai đoạn 2021-2030;\n"
    "Sở Khoa học và Công nghệ ban hành Kế hoạch cải cách hành chính năm 2025 như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "{sentence}\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở.\n"
    "Trên đây là Kế hoạch cải cách hành chính năm 2025 của Sở Khoa học và Công nghệ./.\n"
    "GIÁM ĐỐC\n"
    "Nguyễn Văn An\n"
)

Y24 = [("PK101", "năm 2024")]

# (sentence, [(code, surface), ...] of every finding the plan draws)
SENTENCES = [
    # last year's results, told about
    ("Căn cứ kết quả thực hiện Kế hoạch cải cách hành chính năm 2024 của Sở;", []),
    ("Năm 2024 đã hoàn thành 100% nhiệm vụ đề ra.", []),
    ("Năm 2024, Sở đã tiếp nhận và giải quyết 1.250 hồ sơ đúng hạn.", []),
    ("Trong năm 2024, Sở đã tổ chức 12 hội nghị tuyên truyền.", []),
    ("Trong năm 2024, UBND huyện đã ban hành 12 văn bản chỉ đạo.", []),
    ("Trong năm 2024 vừa qua, toàn ngành đạt 95% chỉ tiêu.", []),
    ("Kế hoạch cải cách hành chính năm 2024 đã hoàn thành đúng tiến độ.", []),
    ("Phát huy những kết quả đạt được trong năm 2024.", []),
    ("Tổ chức hội nghị tổng kết công tác CCHC năm 2024 trong Quý I/2025.", []),
    ("Chỉ số CCHC năm 2024 của tỉnh tăng 3 bậc so với năm 2023.", []),
    ("Trong năm 2024, tỉnh được Bộ Nội vụ đánh giá xếp thứ 12/63.", []),
    # an earlier plan replaced or carried on, and its shortcomings
    ("Kế hoạch này thay thế Kế hoạch cải cách hành chính năm 2024.", []),
    ("Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành của Kế hoạch CCHC năm 2024.", []),
    ("Tiếp tục triển khai các nhiệm vụ chuyển tiếp từ Kế hoạch năm 2024.", []),
    ("Khắc phục những tồn tại, hạn chế trong công tác CCHC năm 2024.", []),
    # comparisons
    ("Tỷ lệ hồ sơ trực tuyến tăng 15% so với năm 2024.", []),
    ("So với Kế hoạch CCHC năm 2024, số nhiệm vụ tăng thêm 5 nhiệm vụ.", []),
    ("Số hồ sơ tăng 20% so với cùng kỳ năm 2024.", []),
    # periods and bounds
    ("Tiếp tục thực hiện Kế hoạch 5 năm 2021-2025 của ngành.", []),
    ("Thực hiện Kế hoạch phát triển khoa học và công nghệ năm 2021 - 2025 của tỉnh.", []),
    ("Từ năm 2020 đến nay, Sở luôn hoàn thành nhiệm vụ được giao.", []),
    ("Phấn đấu đến năm 2030, 100% thủ tục hành chính được giải quyết trực tuyến.", []),
    # capital and budgets of their own year, carried over
    ("Giải ngân kế hoạch vốn đầu tư công năm 2024 được kéo dài sang năm 2025.", []),
    ("Thực hiện kế hoạch vốn đầu tư năm 2024 chuyển sang năm 2025.", []),
    ("Hoàn thành Kế hoạch đầu tư công năm 2024 còn lại.", []),
    # deadlines that refer to the plan year
    ("Hoàn thành trước ngày 15/12/2025.", []),
    ("Báo cáo kết quả trước tháng 12 năm 2025.", []),
    ("Hoàn thành số hóa hồ sơ trước năm 2026.", []),
    # cited documents with their own years
    ("Căn cứ Luật Đầu tư công năm 2019;", []),
    ("Căn cứ Hiến pháp năm 2013;", []),
    (
        "Căn cứ Kế hoạch số 250/KH-UBND ngày 20/12/2024 của UBND tỉnh về cải cách hành chính năm 2025;",
        [],
    ),
    (
        "Căn cứ Quyết định số 1200/QĐ-UBND ngày 05/12/2024 của UBND tỉnh về tổng kết công tác "
        "cải cách hành chính năm 2024;",
        [],
    ),
    # the plan's own year, left as last year's
    ("Sở Khoa học và Công nghệ xây dựng Kế hoạch xúc tiến đầu tư năm 2024 như sau:", Y24),
    ("Trong năm 2024, tiếp tục thực hiện các nhiệm vụ đã đề ra.", Y24),
    ("Tổ chức thực hiện theo Kế hoạch CCHC năm 2024 của Sở đã ban hành.", Y24),
    ("Nội dung tuyên truyền CCHC trong năm 2024 của Sở tập trung vào thủ tục hành chính.", Y24),
    ("Thực hiện Kế hoạch tuyên truyền hằng tháng năm 2024 của Sở.", Y24),
    ("Kinh phí thực hiện cải cách hành chính năm 2024 do ngân sách nhà nước bảo đảm.", Y24),
    ("Hoàn thành các nhiệm vụ trong năm 2024 theo đúng tiến độ.", Y24),
    ("Kinh phí được bố trí trong dự toán ngân sách năm 2023 của Sở.", [("PK101", "năm 2023")]),
    ("Trong năm 2024 và năm 2025, tiếp tục thực hiện các nhiệm vụ đã đề ra.", Y24),
    # a year after the plan's, in a plan dated before it
    ("Trong năm 2026, tiếp tục thực hiện các nhiệm vụ đã đề ra.", [("PK101", "năm 2026")]),
]


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.surface) for f in lint_plan(read_text(text, name="ke-hoach-2025.txt"), today=TODAY)]


def test_the_plan_itself_is_clean():
    assert findings(PLAN.format(sentence="Nâng cao chất lượng phục vụ người dân.")) == []


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_stale_year_judges_each_past_year(sentence, expected):
    assert findings(PLAN.format(sentence=sentence)) == expected


def test_the_closing_line_keeps_last_years_year():
    text = PLAN.format(sentence="Nâng cao chất lượng phục vụ người dân.").replace(
        "Trên đây là Kế hoạch cải cách hành chính năm 2025", "Trên đây là Kế hoạch cải cách hành chính năm 2024"
    )
    assert findings(text) == Y24


def test_a_later_year_is_a_slip_not_last_years_leftover():
    found = lint_plan(
        read_text(PLAN.format(sentence="Trong năm 2026, tiếp tục thực hiện các nhiệm vụ."), name="k.txt"),
        today=TODAY,
    )
    assert [f.message for f in found] == [
        "Năm 2026 không phải năm của kế hoạch (2025) và muộn hơn năm ban hành: có lẽ gõ nhầm / Year 2026 "
        "is not the plan year (2025) and is later than the document: probably a slip"
    ]


def test_a_news_post_written_in_the_next_year_may_speak_of_it():
    post = (
        "Sở Nội vụ tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác năm 2025\n"
        "Ngày 10/01/2026, Sở Nội vụ tổ chức hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026.\n"
        "Năm 2025, Sở đã tham mưu sắp xếp tổ chức bộ máy.\n"
        "Trong năm 2026, Sở tiếp tục thực hiện chính quyền địa phương hai cấp.\n"
    )
    assert findings(post) == []
