"""Precision and recall beyond the development corpus: plans of our own text in shapes the
corpus may lack (a commune after the 2025 two-level reform, a ministry, a commune Party
committee, a 2026-2030 period plan, a plan reviewing last year, a plan that names former agencies
on purpose, a plan whose cited document's title names dead agencies). Each clean plan draws no
finding; each defect typed into it, as real documents carry them, draws exactly its finding.
Every plan, and every document of ``../shared/corpus`` when it is there, draws the same findings
re-wrapped at widths 40-160 with page-number lines inserted, as PDF and portal copies come."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 12, 31)
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"

SHAPES = {
    "commune-two-level-2025.txt": (
        "ỦY BAN NHÂN DÂN\n"
        "XÃ MINH THANH\n"
        "-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "---------------\n"
        "Số: 31/KH-UBND\n"
        "Minh Thanh, ngày 12 tháng 9 năm 2025\n"
        "KẾ HOẠCH\n"
        "Tuyên truyền cải cách hành chính năm 2025 trên địa bàn xã Minh Thanh\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh;\n"
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 20/8/2025 của UBND tỉnh Tuyên Quang về tuyên truyền cải cách hành chính năm 2025;\n"
        "Ủy ban nhân dân xã Minh Thanh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Mục đích\n"
        "Giúp người dân, doanh nghiệp hiểu mô hình chính quyền địa phương hai cấp và nơi giải quyết thủ tục hành chính sau sắp xếp.\n"
        "2. Yêu cầu\n"
        "Nội dung tuyên truyền ngắn gọn, dễ hiểu, phù hợp với từng thôn, bản.\n"
        "II. NỘI DUNG TUYÊN TRUYỀN\n"
        "1. Tổ chức, hoạt động của Trung tâm Phục vụ hành chính công xã; danh mục thủ tục hành chính tiếp nhận tại xã.\n"
        "2. Kết quả cải cách hành chính của xã Minh Thanh và huyện Sơn Dương (cũ) trong năm 2024.\n"
        "3. Dịch vụ công trực tuyến, thanh toán trực tuyến, định danh điện tử VNeID.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Văn phòng HĐND và UBND xã chủ trì, phối hợp với Công an xã và các thôn triển khai; báo cáo Sở Nội vụ tỉnh Tuyên Quang trước ngày 10/12/2025.\n"
        "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của UBND xã Minh Thanh./.\n"
        "Nơi nhận:\n"
        "- Sở Nội vụ tỉnh Tuyên Quang;\n"
        "- TT Đảng ủy, HĐND xã;\n"
        "- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH\n"
        "Hoàng Văn Thắng\n"
    ),
    "ministry-plan-2025.txt": (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1205/KH-BKHCN | Hà Nội, ngày 14 tháng 4 năm 2025\n"
        "KẾ HOẠCH\n"
        "Chuyển đổi số của Bộ Khoa học và Công nghệ năm 2025\n"
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;\n"
        "Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021-2025, định hướng đến năm 2030;\n"
        "Bộ Khoa học và Công nghệ ban hành Kế hoạch chuyển đổi số năm 2025 như sau:\n"
        "I. MỤC TIÊU\n"
        "1. Hoàn thành việc hợp nhất hệ thống thông tin của Bộ sau khi hợp nhất với Bộ Thông tin và Truyền thông (trước ngày 01/3/2025).\n"
        "2. 100% hồ sơ công việc tại Bộ được xử lý trên môi trường mạng; tăng 20% số dịch vụ công trực tuyến toàn trình so với năm 2024.\n"
        "II. NHIỆM VỤ\n"
        "1. Cục Chuyển đổi số quốc gia chủ trì xây dựng nền tảng dữ liệu dùng chung của Bộ.\n"
        "2. Văn phòng Bộ phối hợp với Bộ Tài chính bố trí kinh phí trong dự toán ngân sách năm 2025.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm triển khai; báo cáo kết quả về Văn phòng Bộ trước ngày 15/12/2025./.\n"
        "KT. BỘ TRƯỞNG\n"
        "THỨ TRƯỞNG\n"
        "Bùi Hoàng Phương\n"
    ),
    "commune-party-committee-2025.txt": (
        "ĐẢNG BỘ TỈNH BẮC NINH\n"
        "ĐẢNG ỦY XÃ TÂN AN\n"
        "*\n"
        "Số 15-KH/ĐU\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Tân An, ngày 25 tháng 8 năm 2025\n"
        "KẾ HOẠCH\n"
        "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia\n"
        "-----\n"
        "Thực hiện Kế hoạch số 45-KH/TU ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy Bắc Giang (cũ) thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
        "Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch thực hiện như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Quán triệt sâu sắc Nghị quyết số 57-NQ/TW đến toàn thể cán bộ, đảng viên; xác định chuyển đổi số là nhiệm vụ trọng tâm của cấp ủy.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Các chi bộ tổ chức học tập, quán triệt Nghị quyết trong Quý IV/2025.\n"
        "2. Ủy ban nhân dân xã xây dựng kế hoạch chuyển đổi số, bố trí kinh phí thực hiện.\n"
        "3. Mặt trận Tổ quốc xã và các đoàn thể vận động nhân dân sử dụng dịch vụ công trực tuyến.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Văn phòng Đảng ủy xã theo dõi, đôn đốc, tổng hợp kết quả báo cáo Ban Thường vụ Tỉnh ủy.\n"
        "Nơi nhận:\n"
        "- Ban Thường vụ Tỉnh ủy (b/c);\n"
        "- Các chi bộ trực thuộc;\n"
        "- Lưu Văn phòng Đảng ủy.\n"
        "T/M BAN THƯỜNG VỤ\n"
        "BÍ THƯ\n"
        "Nguyễn Thị Hạnh\n"
    ),
    "period-plan-2026-2030.txt": (
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH LÀO CAI\n"
        "Số: 412/KH-UBND\n"
        "Lào Cai, ngày 26 tháng 12 năm 2025\n"
        "KẾ HOẠCH\n"
        "Cải cách hành chính nhà nước tỉnh Lào Cai giai đoạn 2026-2030\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;\n"
        "Căn cứ kết quả thực hiện Kế hoạch cải cách hành chính giai đoạn 2021-2025 của tỉnh Lào Cai và tỉnh Yên Bái (trước sắp xếp);\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2026-2030 như sau:\n"
        "I. KẾT QUẢ GIAI ĐOẠN 2021-2025\n"
        "Giai đoạn 2021-2025, Chỉ số CCHC của tỉnh tăng 12 bậc; năm 2025 đạt 100% thủ tục hành chính được cung cấp trực tuyến.\n"
        "II. MỤC TIÊU ĐẾN NĂM 2030\n"
        "1. Đến năm 2030, 100% hồ sơ thủ tục hành chính được số hóa.\n"
        "2. Mức độ hài lòng của người dân đạt trên 95% vào năm 2030.\n"
        "III. NHIỆM VỤ HẰNG NĂM\n"
        "Hằng năm, các sở, ban, ngành xây dựng kế hoạch cải cách hành chính, gửi Sở Nội vụ trước ngày 15 tháng 12.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Sở Nội vụ chủ trì theo dõi, sơ kết năm 2028 và tổng kết năm 2030.\n"
        "Trên đây là Kế hoạch cải cách hành chính nhà nước tỉnh Lào Cai giai đoạn 2026-2030./.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH\n"
        "Trần Huy Tuấn\n"
    ),
    "review-last-year-2025.txt": (
        "ỦY BAN NHÂN DÂN\n"
        "HUYỆN YÊN THẾ\n"
        "Số: 09/KH-UBND\n"
        "Yên Thế, ngày 10 tháng 01 năm 2025\n"
        "KẾ HOẠCH\n"
        "Cải cách hành chính năm 2025\n"
        "Căn cứ Kế hoạch số 312/KH-UBND ngày 25/12/2024 của UBND tỉnh Bắc Giang về cải cách hành chính năm 2025;\n"
        "Ủy ban nhân dân huyện ban hành Kế hoạch cải cách hành chính năm 2025 như sau:\n"
        "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"
        "Trong năm 2024, UBND huyện đã ban hành 12 văn bản chỉ đạo về cải cách hành chính.\n"
        "Năm 2024, Chỉ số CCHC của huyện xếp thứ 3/10, tăng 2 bậc so với năm 2023.\n"
        "Kế hoạch cải cách hành chính năm 2024 đã hoàn thành 28/30 nhiệm vụ.\n"
        "Kế hoạch vốn đầu tư công năm 2024 được kéo dài sang năm 2025 đối với 2 dự án.\n"
        "II. NHIỆM VỤ NĂM 2025\n"
        "1. Khắc phục hạn chế của năm 2024; hoàn thành 100% nhiệm vụ trong năm 2025.\n"
        "2. Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện tổ chức thực hiện.\n"
        "III. KINH PHÍ\n"
        "Kinh phí bố trí trong dự toán ngân sách huyện năm 2025.\n"
        "Trên đây là Kế hoạch cải cách hành chính năm 2025 của UBND huyện Yên Thế./.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH\n"
        "Lê Văn Hùng\n"
    ),
    "former-agency-named-2026.txt": (
        "UBND TỈNH NINH BÌNH\n"
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ\n"
        "Số: 14/KH-SKHCN\n"
        "Ninh Bình, ngày 15 tháng 01 năm 2026\n"
        "KẾ HOẠCH\n"
        "Chuyển đổi số năm 2026\n"
        "Căn cứ Quyết định số 1520/QĐ-UBND ngày 10/11/2023 của UBND tỉnh Nam Định phê duyệt Đề án nền tảng số do Sở Thông tin và Truyền thông chủ trì;\n"
        "Căn cứ Kế hoạch số 05/KH-UBND ngày 08/01/2026 của UBND tỉnh Ninh Bình về chuyển đổi số năm 2026;\n"
        "Sở Khoa học và Công nghệ ban hành Kế hoạch chuyển đổi số năm 2026 như sau:\n"
        "I. MỤC TIÊU\n"
        "Kế thừa các nền tảng số do Sở Thông tin và Truyền thông (cũ) xây dựng; Trung tâm Công nghệ thông tin và Truyền thông (trước đây thuộc Sở Thông tin và Truyền thông) tiếp tục vận hành cổng dịch vụ công.\n"
        "Sở Khoa học và Công nghệ (trước đây là Sở Thông tin và Truyền thông và Sở Khoa học và Công nghệ) thống nhất quản lý hạ tầng số.\n"
        "II. NHIỆM VỤ\n"
        "1. Hoàn thành hợp nhất dữ liệu của ba tỉnh Hà Nam, Nam Định, Ninh Bình trước sắp xếp trong năm 2026.\n"
        "2. Phối hợp với Sở Tài chính bố trí kinh phí thực hiện.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Văn phòng Sở theo dõi, báo cáo Giám đốc Sở kết quả thực hiện trước ngày 15/12/2026.\n"
        "Trên đây là Kế hoạch chuyển đổi số năm 2026 của Sở Khoa học và Công nghệ tỉnh Ninh Bình./.\n"
        "GIÁM ĐỐC\n"
        "Phạm Văn Tùng\n"
    ),
    "dead-agency-in-cited-title-2026.txt": (
        "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 21/KH-UBND | Hưng Yên, ngày 20 tháng 01 năm 2026\n"
        "KẾ HOẠCH\n"
        "Tuyên truyền cải cách hành chính năm 2026\n"
        "Căn cứ Quyết định số 2150/QĐ-UBND ngày 15/12/2023 của UBND tỉnh Thái Bình ban hành Quy chế phối hợp giữa Sở Thông tin và Truyền thông, Sở Lao động - Thương binh và Xã hội và các huyện trong công tác tuyên truyền;\n"
        "Căn cứ Kế hoạch số 300/KH-UBND ngày 20/12/2025 của UBND tỉnh Hưng Yên về cải cách hành chính năm 2026;\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Tuyên truyền mô hình chính quyền địa phương hai cấp; kết quả cải cách hành chính năm 2025.\n"
        "II. NỘI DUNG\n"
        "1. Sở Nội vụ chủ trì tuyên truyền về sắp xếp tổ chức bộ máy.\n"
        "2. Sở Khoa học và Công nghệ hướng dẫn sử dụng dịch vụ công trực tuyến.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "UBND các xã, phường báo cáo kết quả về Sở Nội vụ trước ngày 30/11/2026.\n"
        "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2026 của UBND tỉnh Hưng Yên./.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "KT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n"
        "Nguyễn Lê Huy\n"
    ),
}


def findings(text: str, name: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.surface) for f in lint_plan(read_text(text, name=name), today=TODAY)]


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_clean_plans_draw_no_finding(name):
    assert findings(SHAPES[name], name) == []


# (file, [(as written, with the defect)], [(code, severity, surface) of every finding, in text order])
DEFECTS = [
    (
        "review-last-year-2025.txt",
        [
            ("nhiệm vụ trong năm 2025.", "nhiệm vụ trong năm 2024."),
            ("năm 2025 của UBND huyện Yên Thế./.", "năm 2024 của UBND huyện Yên Thế./."),
        ],
        [("PK101", "error", "năm 2024"), ("PK101", "error", "năm 2024")],
    ),
    (
        "ministry-plan-2025.txt",
        [("phối hợp với Bộ Tài chính", "phối hợp với Bộ Kế hoạch và Đầu tư")],
        [("PK302", "error", "Bộ Kế hoạch và Đầu tư")],
    ),
    (
        "commune-two-level-2025.txt",
        [
            ("Số: 31/KH-UBND", "Số:     /KH-UBND"),
            ("Minh Thanh, ngày 12 tháng 9 năm 2025", "Minh Thanh, ngày    tháng 9 năm 2025"),
            ("phối hợp với Công an xã", "phối hợp với UBND huyện Sơn Dương"),
        ],
        [
            ("PK201", "error", "Số:     /KH-UBND"),
            ("PK104", "error", "ngày    tháng 9 năm 2025"),
            ("PK302", "error", "UBND huyện"),
        ],
    ),
    (
        "dead-agency-in-cited-title-2026.txt",
        [
            ("300/KH-UBND ngày 20/12/2025", "300/KH-UBND ngày 20/02/2026"),
            ("UBND các xã, phường báo cáo", "UBND các huyện, thành phố báo cáo"),
        ],
        [("PK402", "error", "300/KH-UBND"), ("PK302", "error", "UBND các huyện, thành phố")],
    ),
    (
        "period-plan-2026-2030.txt",
        [
            ("15/7/2021 của Chính phủ", "15/7/2021 của Thủ tướng Chính phủ"),
            ("nhà nước giai đoạn 2026-2030 như sau", "nhà nước giai đoạn 2021-2025 như sau"),
            ("III. NHIỆM VỤ HẰNG NĂM", "II. NHIỆM VỤ HẰNG NĂM"),
        ],
        [("PK404", "error", "Thủ tướng Chính phủ"), ("PK101", "error", "2021-2025"), ("PK202", "warning", "II.")],
    ),
    (
        "former-agency-named-2026.txt",
        [("Phối hợp với Sở Tài chính", "Phối hợp với Sở Kế hoạch và Đầu tư")],
        [("PK302", "error", "Sở Kế hoạch và Đầu tư")],
    ),
    (
        "commune-party-committee-2025.txt",
        [
            ("57-NQ/TW ngày 22/12/2024", "57-NQ/ TW ngày 22/12/2024"),
            ("cán bộ, đảng viên", "cán bộ, đảng viên viên"),
        ],
        [("PK503", "warning", "57-NQ/ TW"), ("PK501", "warning", "viên viên")],
    ),
]


def with_defects(name: str, edits: list[tuple[str, str]]) -> str:
    text = SHAPES[name]
    for before, after in edits:
        assert before in text, before
        text = text.replace(before, after, 1)
    return text


@pytest.mark.parametrize(("name", "edits", "expected"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defects_typed_into_the_plans_are_found(name, edits, expected):
    assert findings(with_defects(name, edits), name) == expected


def test_messages_name_the_right_value_in_vietnamese_first():
    name, edits, _ = DEFECTS[4]
    found = lint_plan(read_text(with_defects(name, edits), name=name), today=TODAY)
    assert [f.message.split(" / ")[0] for f in found] == [
        f"'76/NQ-CP' được ghi là của Thủ tướng Chính phủ, nhưng theo sổ văn bản là của Chính phủ "
        f"(nguồn: {found[0].message.split('(nguồn: ')[1].split(')')[0]})",
        "Giai đoạn 2021-2025 không phải giai đoạn của kế hoạch (2026-2030): có lẽ còn sót lại từ kế "
        "hoạch giai đoạn trước",
        "Mục II đánh số sai (sau mục II, trước mục IV): có lẽ phải là mục III",
    ]
    assert [f.suggestion for f in found] == ["Chính phủ", "2026-2030", "III."]


# -- the same findings however the copy is wrapped ----------------------------------------------
PAGE_LINES = ("{}", "- {} -", "Trang {}", "")
WIDTHS = (40, 60, 80, 100, 120, 160)


def rewrap(text: str, width: int, page: str) -> str:
    """``text`` with every line wrapped at ``width`` (never at a space beside a hyphen or slash,
    which would hide a symbol's stray space in the wrap itself) and, from line 30 of the result,
    a page-number line every 40 lines (page 1 carries none)."""
    out: list[str] = []
    for line in text.split("\n"):
        kept = line.replace("- ", "-\0").replace(" -", "\0-").replace("/ ", "/\0").replace(" /", "\0/")
        parts = textwrap.wrap(kept, width, break_long_words=False, break_on_hyphens=False) or [""]
        for part in parts:
            out.append(part.replace("\0", " "))
            if page and len(out) >= 30 and len(out) % 40 == 0:
                out.append(page.format(len(out) // 40 + 1))
    return "\n".join(out)


def test_rewrap_wraps_and_numbers_pages():
    text = "Căn cứ Nghị quyết số 57- NQ/TW ngày 22/12/2024 của Bộ Chính trị về khoa học\n" * 20
    wrapped = rewrap(text, 40, "- {} -")
    assert max(len(line) for line in wrapped.split("\n")) <= 40
    assert "57- NQ/TW" in wrapped
    assert "\n- 2 -\n" in wrapped
    assert " ".join(wrapped.replace("\n- 2 -\n", "\n").split()) == " ".join(text.split())


def key(text: str, name: str) -> list[tuple[str, str]]:
    """The findings as (code, surface with its white space made single spaces), sorted."""
    return sorted((f.code, " ".join(f.surface.split())) for f in lint_plan(read_text(text, name=name), today=TODAY))


OWN_TEXTS = {**{n: SHAPES[n] for n in SHAPES}, **{f"defects:{d[0]}": with_defects(d[0], d[1]) for d in DEFECTS}}


@pytest.mark.parametrize("label", sorted(OWN_TEXTS))
def test_findings_do_not_depend_on_the_wrap(label):
    name = label.split(":")[-1]
    base = key(OWN_TEXTS[label], name)
    for i, width in enumerate(WIDTHS):
        page = PAGE_LINES[i % len(PAGE_LINES)]
        assert key(rewrap(OWN_TEXTS[label], width, page), name) == base, (width, page)


@settings(max_examples=40, deadline=None)
@given(
    label=st.sampled_from(sorted(OWN_TEXTS)),
    width=st.integers(min_value=40, max_value=160),
    page=st.sampled_from(PAGE_LINES),
)
def test_any_wrap_width_keeps_the_findings(label, width, page):
    name = label.split(":")[-1]
    assert key(rewrap(OWN_TEXTS[label], width, page), name) == key(OWN_TEXTS[label], name)


def _corpus_names() -> list[str]:
    gold = CORPUS / "gold.json"
    if not gold.is_file():
        return []
    return sorted(n for n in json.loads(gold.read_text(encoding="utf-8")) if (CORPUS / n).is_file())


@pytest.mark.skipif(not _corpus_names(), reason="../shared/corpus is not there")
@pytest.mark.parametrize("name", _corpus_names() or ["none"])
def test_corpus_findings_do_not_depend_on_the_wrap(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    base = key(text, name)
    for i, width in enumerate(WIDTHS):
        page = PAGE_LINES[(i + 1) % len(PAGE_LINES)]
        assert key(rewrap(text, width, page), name) == base, (width, page)


# -- names of bodies that no longer exist, in a commune plan of 2026 ------------------------------
COMMUNE_2026 = (
    "ỦY BAN NHÂN DÂN\nXÃ MINH HÒA\nSố: 08/KH-UBND\nMinh Hòa, ngày 15 tháng 01 năm 2026\n"
    "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
    "Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2026 như sau:\n"
    "I. MỤC TIÊU\n{sentence}\nII. TỔ CHỨC THỰC HIỆN\nVăn phòng HĐND và UBND xã theo dõi, báo cáo.\n"
    "Trên đây là Kế hoạch cải cách hành chính năm 2026 của UBND xã Minh Hòa./.\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
)

# (sentence, [(code, surface), ...] of every finding)
AGENCY_SENTENCES = [
    # former bodies named on purpose
    ("Kế thừa kết quả của UBND huyện Yên Lập trước sắp xếp.", []),
    ("Tiếp nhận hồ sơ, tài liệu của UBND huyện Yên Lập (cũ) bàn giao.", []),
    ("Làm việc tại trụ sở UBND huyện Yên Lập trước đây.", []),
    ("Sở Tài chính (trên cơ sở hợp nhất Sở Kế hoạch và Đầu tư và Sở Tài chính) hướng dẫn.", []),
    ("Sở Nội vụ tiếp nhận nhiệm vụ của Sở Lao động - Thương binh và Xã hội trước đây.", []),
    ("Năm 2024, Huyện ủy Yên Lập đã lãnh đạo hoàn thành các chỉ tiêu.", []),
    ("Người dân huyện Yên Lập cũ nay thuộc xã Minh Hòa.", []),
    (
        "Thực hiện Quyết định số 25/QĐ-UBND ngày 10/01/2025 của UBND huyện Yên Lập về kiện toàn "
        "Tổ công tác.",
        [],
    ),
    ("Chi nhánh Văn phòng đăng ký đất đai khu vực Yên Lập tiếp nhận hồ sơ.", []),
    # bodies named as if they still worked
    ("Phối hợp với UBND huyện Yên Lập triển khai.", [("PK302", "UBND huyện")]),
    ("Báo cáo Huyện ủy, HĐND huyện kết quả thực hiện.", [("PK302", "Huyện ủy"), ("PK302", "HĐND huyện")]),
    ("Phối hợp với Sở Kế hoạch và Đầu tư bố trí vốn.", [("PK302", "Sở Kế hoạch và Đầu tư")]),
    ("UBND các huyện, thị xã, thành phố triển khai thực hiện.", [("PK302", "UBND các huyện, thị xã, thành phố")]),
]


@pytest.mark.parametrize(("sentence", "expected"), AGENCY_SENTENCES, ids=[s[:40] for s, _ in AGENCY_SENTENCES])
def test_former_bodies_named_on_purpose_and_stale_ones(sentence, expected):
    found = lint_plan(read_text(COMMUNE_2026.format(sentence=sentence), name="xa-2026.txt"), today=TODAY)
    assert [(f.code, f.surface) for f in found] == expected
