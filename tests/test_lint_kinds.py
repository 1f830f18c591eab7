"""Lint on the kinds of document the corpus lacks (written for these tests, none copied: KINDS
below): a plan attached to the decision that issues it, with or without its own header; a
draft; a ministry's plan; a ward after the 2025 reorganisation; a Party committee's plan; a mass
organisation's; a Công văn; a five-year plan reviewing the last period; a plan for next year
written in December; a plan reviewing an old programme and quoting old titles; an amending
decision reprinting the attachment line it amends. Each clean document draws no error or warning
(a draft only its two reminders); each real defect typed into it is found once, by its rule; and
every message is Vietnamese first with an English gloss, one line per finding on the command line.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from plankit.cli import main
from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 12, 31)

KINDS = {
    'amending-decision.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'Số: 640/QĐ-UBND\n'
        'Lam Sơn, ngày 10 tháng 6 năm 2026\n'
        'QUYẾT ĐỊNH\n'
        'Sửa đổi, bổ sung Kế hoạch phát triển du lịch giai đoạn 2025-2027\n'
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM SƠN\n'
        'Căn cứ Quyết định số 98/QĐ-UBND ngày 12/02/2025 của Chủ tịch UBND tỉnh ban hành Kế hoạch phát triển du lịch giai đoạn 2025-2027;\n'
        'QUYẾT ĐỊNH:\n'
        'Điều 1. Sửa đổi, bổ sung mục II Kế hoạch ban hành kèm theo Quyết định số 98/QĐ-UBND ngày 12/02/2025 như Phụ lục kèm theo Quyết định này.\n'
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n'
        'CHỦ TỊCH\n'
        'Nguyễn Văn A\n'
        '\n'
        'PHỤ LỤC\n'
        '(Ban hành kèm theo Quyết định số 98/QĐ-UBND ngày 12/02/2025 của Chủ tịch UBND tỉnh, được sửa đổi tại Quyết định này)\n'
        'II. NHIỆM VỤ\n'
        '1. Phát triển sản phẩm du lịch cộng đồng.\n'
    ),
    'cong-van.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'Số: 1520/UBND-KGVX\n'
        'V/v triển khai Kế hoạch chuyển đổi số năm 2026\n'
        'Lam Sơn, ngày 22 tháng 01 năm 2026\n'
        'Kính gửi:\n'
        '- Các sở, ban, ngành tỉnh;\n'
        '- UBND các xã, phường.\n'
        'Thực hiện Kế hoạch số 25/KH-UBND ngày 10/01/2026 của UBND tỉnh về chuyển đổi số năm 2026; trên cơ sở Báo cáo số 310/BC-SKHCN ngày 28/12/2025 của Sở Khoa học và Công nghệ về kết quả chuyển đổi số năm 2025, Chủ tịch UBND tỉnh có ý kiến như sau:\n'
        '1. Các sở, ban, ngành tỉnh khẩn trương triển khai các nhiệm vụ được giao tại Kế hoạch.\n'
        '2. UBND các xã, phường bố trí nhân lực, kinh phí thực hiện.\n'
        '3. Sở Khoa học và Công nghệ theo dõi, tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2026.\n'
    ),
    'decision-with-plan.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'Số: 123/QĐ-UBND\n'
        'Lam Sơn, ngày 10 tháng 02 năm 2026\n'
        'QUYẾT ĐỊNH\n'
        'Ban hành Kế hoạch phổ biến, giáo dục pháp luật năm 2026\n'
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM SƠN\n'
        'Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;\n'
        'QUYẾT ĐỊNH:\n'
        'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phổ biến, giáo dục pháp luật năm 2026.\n'
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n'
        'Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này.\n'
        'CHỦ TỊCH\n'
        'Nguyễn Văn A\n'
        '\n'
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'KẾ HOẠCH\n'
        'Phổ biến, giáo dục pháp luật năm 2026\n'
        '(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 10/02/2026 của Chủ tịch UBND tỉnh)\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Mục đích\n'
        'Nâng cao ý thức chấp hành pháp luật của cán bộ, công chức và Nhân dân.\n'
        '2. Yêu cầu\n'
        'Bảo đảm thiết thực, hiệu quả.\n'
        'II. NỘI DUNG\n'
        '1. Phổ biến các luật mới ban hành.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Sở Tư pháp chủ trì, báo cáo kết quả trước ngày 15/12/2026.\n'
    ),
    'department-draft.txt': (
        'SỞ NỘI VỤ TỈNH LAM SƠN\n'
        'Số:      /KH-SNV\n'
        'Lam Sơn, ngày      tháng 3 năm 2026\n'
        'DỰ THẢO\n'
        'KẾ HOẠCH\n'
        'Cải cách hành chính năm 2026\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        'Nâng cao chất lượng phục vụ người dân, doanh nghiệp.\n'
        'II. NHIỆM VỤ\n'
        '1. Rà soát thủ tục hành chính.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Các phòng thuộc Sở triển khai thực hiện.\n'
        '\n'
        'PHỤ LỤC\n'
        '(Kèm theo Kế hoạch số:     /KH-SNV ngày     /3/2026 của Sở Nội vụ)\n'
        '1. Rà soát thủ tục hành chính: Quý II/2026.\n'
    ),
    'five-year-plan.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'Số: 60/KH-UBND\n'
        'Lam Sơn, ngày 20 tháng 3 năm 2026\n'
        'KẾ HOẠCH\n'
        'Cải cách hành chính nhà nước giai đoạn 2026-2030\n'
        'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;\n'
        'Căn cứ Báo cáo số 12/BC-UBND ngày 15/01/2026 của UBND tỉnh tổng kết Kế hoạch cải cách hành chính giai đoạn 2021-2025;\n'
        'UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2026-2030 như sau:\n'
        'I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025\n'
        'Trong giai đoạn 2021-2025, Chỉ số CCHC của tỉnh tăng 12 bậc; năm 2025 xếp thứ 15/34.\n'
        'Kế hoạch cải cách hành chính giai đoạn 2021-2025 đã hoàn thành 95% nhiệm vụ.\n'
        'II. MỤC TIÊU\n'
        '1. Mục tiêu chung\n'
        'Đến năm 2030, xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại.\n'
        '2. Mục tiêu cụ thể\n'
        'Hằng năm, Chỉ số CCHC của tỉnh thuộc nhóm 10 tỉnh dẫn đầu; đến năm 2028, 100% thủ tục hành chính được cung cấp trực tuyến toàn trình.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Hằng năm, các cơ quan, đơn vị xây dựng kế hoạch cải cách hành chính năm để triển khai Kế hoạch giai đoạn 2026-2030.\n'
        'Trên đây là Kế hoạch cải cách hành chính nhà nước giai đoạn 2026-2030 của UBND tỉnh Lam Sơn./.\n'
    ),
    'mass-organisation.txt': (
        'HỘI LIÊN HIỆP PHỤ NỮ TỈNH LAM SƠN\n'
        'Số: 08/KH-HPN\n'
        'Lam Sơn, ngày 12 tháng 01 năm 2026\n'
        'KẾ HOẠCH\n'
        'Tuyên truyền, phổ biến giáo dục pháp luật cho hội viên phụ nữ năm 2026\n'
        'Căn cứ Chương trình công tác năm 2026 của Trung ương Hội Liên hiệp Phụ nữ Việt Nam;\n'
        'Căn cứ Báo cáo số 45/BC-HPN ngày 20/12/2025 về kết quả công tác Hội năm 2025;\n'
        'Ban Thường vụ Hội LHPN tỉnh xây dựng Kế hoạch năm 2026 như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        'Nâng cao hiểu biết pháp luật cho hội viên, phụ nữ; phấn đấu 90% hội viên được tuyên truyền.\n'
        'II. NỘI DUNG\n'
        '1. Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022.\n'
        '2. Phối hợp Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh tổ chức các hoạt động.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Các ban chuyên môn Hội LHPN tỉnh tham mưu; Hội LHPN các xã, phường báo cáo kết quả trước ngày 30/11/2026.\n'
    ),
    'ministry-plan.txt': (
        'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n'
        'Số: 512/KH-BNNMT\n'
        'Hà Nội, ngày 20 tháng 01 năm 2026\n'
        'KẾ HOẠCH\n'
        'Cải cách hành chính năm 2026 của Bộ Nông nghiệp và Môi trường\n'
        'Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25/02/2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường;\n'
        'Căn cứ Báo cáo số 88/BC-BNNMT ngày 25/12/2025 của Bộ Nông nghiệp và Môi trường về kết quả cải cách hành chính năm 2025;\n'
        'Bộ Nông nghiệp và Môi trường ban hành Kế hoạch cải cách hành chính năm 2026 như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Mục đích\n'
        'Khắc phục những tồn tại, hạn chế nêu tại Báo cáo kết quả cải cách hành chính năm 2025 của Bộ.\n'
        '2. Yêu cầu\n'
        'Bám sát Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030.\n'
        'II. NHIỆM VỤ\n'
        '1. Cải cách thể chế\n'
        'Rà soát các văn bản quy phạm pháp luật do Bộ Nông nghiệp và Phát triển nông thôn (trước đây) và Bộ Tài nguyên và Môi trường (trước đây) ban hành.\n'
        '2. Cải cách thủ tục hành chính\n'
        'Cắt giảm ít nhất 30% thời gian giải quyết thủ tục hành chính so với năm 2025.\n'
        'III. KINH PHÍ\n'
        'Kinh phí thực hiện bố trí trong dự toán ngân sách năm 2026 của Bộ.\n'
        'IV. TỔ CHỨC THỰC HIỆN\n'
        'Văn phòng Bộ là đầu mối, tổng hợp báo cáo kết quả thực hiện Kế hoạch trước ngày 10/12/2026.\n'
        'Trên đây là Kế hoạch cải cách hành chính năm 2026 của Bộ Nông nghiệp và Môi trường./.\n'
    ),
    'next-year-plan-in-december.txt': (
        'SỞ TƯ PHÁP TỈNH LAM SƠN\n'
        'Số: 402/KH-STP\n'
        'Lam Sơn, ngày 25 tháng 12 năm 2025\n'
        'KẾ HOẠCH\n'
        'Phổ biến, giáo dục pháp luật năm 2026\n'
        'Căn cứ Quyết định số 310/QĐ-UBND ngày 15/01/2025 của UBND tỉnh ban hành Kế hoạch phổ biến, giáo dục pháp luật năm 2025;\n'
        'Căn cứ kết quả thực hiện công tác phổ biến, giáo dục pháp luật năm 2025, Sở Tư pháp ban hành Kế hoạch phổ biến, giáo dục pháp luật năm 2026 như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        'Tiếp tục phát huy kết quả đạt được trong năm 2025.\n'
        'II. NỘI DUNG\n'
        '1. Tổ chức Ngày Pháp luật Việt Nam năm 2026 (09/11/2026).\n'
        '2. Tổ chức hội nghị phổ biến các luật được Quốc hội thông qua tại Kỳ họp thứ 10.\n'
        'III. KINH PHÍ\n'
        'Từ nguồn dự toán ngân sách năm 2026 được giao cho Sở Tư pháp.\n'
        'IV. TỔ CHỨC THỰC HIỆN\n'
        'Các phòng thuộc Sở báo cáo kết quả trước ngày 20/11/2026.\n'
        'Trên đây là Kế hoạch phổ biến, giáo dục pháp luật năm 2026 của Sở Tư pháp./.\n'
    ),
    'party-committee.txt': (
        'TỈNH ỦY LAM SƠN\n'
        'BAN THƯỜNG VỤ\n'
        '*\n'
        'Số 12-KH/TU\n'
        'Lam Sơn, ngày 05 tháng 3 năm 2026\n'
        'KẾ HOẠCH\n'
        'thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật\n'
        '-----\n'
        'Thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị; Kế hoạch số 02-KH/TW ngày 15/5/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Quán triệt sâu sắc, đầy đủ nội dung Nghị quyết đến cán bộ, đảng viên.\n'
        '2. Gắn với thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XXI, nhiệm kỳ 2025-2030.\n'
        'II. NHIỆM VỤ, GIẢI PHÁP\n'
        '1. Tổ chức học tập, quán triệt Nghị quyết trong quý II năm 2026.\n'
        '2. Đảng ủy UBND tỉnh lãnh đạo xây dựng chương trình hành động.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        '1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền.\n'
        '2. Văn phòng Tỉnh ủy theo dõi, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 30/11/2026.\n'
    ),
    'plan-issued-late-december.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'XÃ TÂN LẬP\n'
        'Số: 03/KH-UBND\n'
        'Tân Lập, ngày 05 tháng 01 năm 2026\n'
        'KẾ HOẠCH\n'
        'Phòng, chống thiên tai năm 2026\n'
        '(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 30/12/2025 của Chủ tịch UBND xã)\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        'Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra.\n'
        'II. NHIỆM VỤ\n'
        '1. Kiện toàn Ban Chỉ huy phòng thủ dân sự xã.\n'
        '2. Tổ chức diễn tập phòng, chống thiên tai trong quý II năm 2026.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Công chức Văn phòng - Thống kê tổng hợp, báo cáo kết quả trước ngày 15/12/2026.\n'
    ),
    'plan-under-its-decision.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'Số: 45/KH-UBND\n'
        'Lam Sơn, ngày 10 tháng 02 năm 2026\n'
        'KẾ HOẠCH\n'
        'Phổ biến, giáo dục pháp luật năm 2026\n'
        '(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 10/02/2026 của Chủ tịch UBND tỉnh)\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Mục đích\n'
        'Nâng cao ý thức chấp hành pháp luật của cán bộ, công chức và Nhân dân.\n'
        '2. Yêu cầu\n'
        'Bảo đảm thiết thực, hiệu quả.\n'
        'II. NỘI DUNG\n'
        '1. Phổ biến các luật mới ban hành.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Sở Tư pháp chủ trì, báo cáo kết quả trước ngày 15/12/2026.\n'
    ),
    'review-plan-quoting-titles.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'TỈNH LAM SƠN\n'
        'Số: 88/KH-UBND\n'
        'Lam Sơn, ngày 02 tháng 4 năm 2026\n'
        'KẾ HOẠCH\n'
        'Tổng kết 5 năm thực hiện Kế hoạch số 120/KH-UBND ngày 10/6/2021\n'
        'Thực hiện Kế hoạch số 120/KH-UBND ngày 10/6/2021 của UBND tỉnh về "Nâng cao chất lượng nguồn nhân lực giai đoạn 2021-2025", UBND tỉnh ban hành Kế hoạch tổng kết như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        'Đánh giá toàn diện kết quả thực hiện Kế hoạch "Nâng cao chất lượng nguồn nhân lực năm 2021-2025" trên địa bàn tỉnh.\n'
        'II. NỘI DUNG\n'
        '1. Các sở, ngành báo cáo kết quả thực hiện Đề án "Phát triển thanh niên tỉnh Lam Sơn năm 2022" và Kế hoạch "Cải cách hành chính năm 2024".\n'
        '2. Nội dung tổng kết theo Đề cương (kèm theo Kế hoạch số 120/KH-UBND ngày 10/6/2021).\n'
        'III. THỜI GIAN\n'
        'Tổ chức hội nghị tổng kết trong quý III năm 2026.\n'
    ),
    'ward-after-merger.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'PHƯỜNG HẠC THÀNH\n'
        'Số: 27/KH-UBND\n'
        'Hạc Thành, ngày 15 tháng 01 năm 2026\n'
        'KẾ HOẠCH\n'
        'Chuyển đổi số năm 2026\n'
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n'
        'Căn cứ Kế hoạch số 301/KH-UBND ngày 30/12/2025 của UBND tỉnh Thanh Hóa về chuyển đổi số năm 2026;\n'
        'Căn cứ kết quả thực hiện chuyển đổi số năm 2025 của phường;\n'
        'Ủy ban nhân dân phường Hạc Thành ban hành Kế hoạch chuyển đổi số năm 2026 như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        'Kế thừa kết quả của thành phố Thanh Hóa (cũ) trước khi sắp xếp; vận hành chính quyền địa phương hai cấp thông suốt.\n'
        'II. NHIỆM VỤ\n'
        '1. Hoàn thiện hạ tầng số tại Trung tâm Phục vụ hành chính công phường.\n'
        '2. Phối hợp Sở Khoa học và Công nghệ tỉnh Thanh Hóa triển khai nền tảng số.\n'
        '3. Phối hợp Sở Tài chính bố trí kinh phí; phối hợp Sở Nội vụ đào tạo kỹ năng số.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Văn phòng HĐND và UBND phường tham mưu, báo cáo UBND tỉnh trước ngày 15/12/2026.\n'
    ),
}


def findings(text: str, name: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.surface) for f in lint_plan(read_text(text, name=name), today=TODAY)]


#: What each clean document draws: nothing, but for the draft's reminders (info) of its blank number
#: and day, once each although its appendix repeats them.
CLEAN = {name: [] for name in KINDS} | {
    "department-draft.txt": [
        ("PK201", "info", "Số:      /KH-SNV"),
        ("PK104", "info", "ngày      tháng 3 năm 2026"),
    ],
}


def test_every_kind_has_its_expectation():
    assert sorted(CLEAN) == sorted(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_clean_kinds_draw_no_false_finding(name):
    assert findings(KINDS[name], name) == CLEAN[name]


_LAST_YEARS_LINE = ("(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 10/02/2026",
                    "(Ban hành kèm theo Quyết định số 98/QĐ-UBND ngày 12/02/2025")

#: (document, as written, with the defect, the one finding expected: code, surface)
DEFECTS = [
    ("ministry-plan.txt", "Trên đây là Kế hoạch cải cách hành chính năm 2026",
     "Trên đây là Kế hoạch cải cách hành chính năm 2025", ("PK101", "năm 2025")),
    ("ministry-plan.txt", "Số: 512/KH-BNNMT", "Số:      /KH-BNNMT", ("PK201", "Số:      /KH-BNNMT")),
    ("ministry-plan.txt", "Căn cứ Báo cáo số 88/BC-BNNMT",
     "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, "
     "một cửa liên thông trong giải quyết thủ tục hành chính;\nCăn cứ Báo cáo số 88/BC-BNNMT",
     ("PK401", "61/2018/NĐ-CP")),
    ("ward-after-merger.txt", "Phối hợp Sở Tài chính bố trí", "Phối hợp Sở Kế hoạch và Đầu tư bố trí",
     ("PK302", "Sở Kế hoạch và Đầu tư")),
    ("ward-after-merger.txt", "phối hợp Sở Nội vụ đào tạo",
     "phối hợp Sở Lao động - Thương binh và Xã hội đào tạo", ("PK302", "Sở Lao động - Thương binh và Xã hội")),
    ("ward-after-merger.txt", "báo cáo UBND tỉnh trước", "báo cáo UBND huyện Đông Sơn trước",
     ("PK302", "UBND huyện")),
    ("ward-after-merger.txt", "Văn phòng HĐND và UBND phường tham mưu", "Văn phòng HĐND và UBND huyện tham mưu",
     ("PK302", "HĐND và UBND huyện")),
    ("ward-after-merger.txt", "2. Phối hợp Sở Khoa học", "2. Phối hợp Phòng Văn hóa và Thông tin huyện, Sở Khoa học",
     ("PK302", "Phòng Văn hóa và Thông tin huyện")),
    ("ward-after-merger.txt", "1. Hoàn thiện hạ tầng số", "1. Phối hợp Công an huyện hoàn thiện hạ tầng số",
     ("PK302", "Công an huyện")),
    ("party-committee.txt", "Kế hoạch số 02-KH/TW", "Kế hoạch số 02/TW", ("PK407", "Kế hoạch số 02/TW")),
    ("mass-organisation.txt", "xây dựng Kế hoạch năm 2026 như sau", "xây dựng Kế hoạch năm 2025 như sau",
     ("PK101", "năm 2025")),
    ("cong-van.txt", "3. Sở Khoa học và Công nghệ theo dõi", "3. Sở Thông tin và Truyền thông theo dõi",
     ("PK302", "Sở Thông tin và Truyền thông")),
    ("cong-van.txt", "2. UBND các xã", "3. UBND các xã", ("PK202", "3.")),
    ("five-year-plan.txt", "III. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", ("PK202", "IV.")),
    ("five-year-plan.txt", "Trên đây là Kế hoạch cải cách hành chính nhà nước giai đoạn 2026-2030",
     "Trên đây là Kế hoạch cải cách hành chính nhà nước giai đoạn 2021-2025", ("PK101", "2021-2025")),
    ("next-year-plan-in-december.txt", "Trên đây là Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
     "Trên đây là Kế hoạch phổ biến, giáo dục pháp luật năm 2025", ("PK101", "năm 2025")),
    ("review-plan-quoting-titles.txt", "III. THỜI GIAN", "II. THỜI GIAN", ("PK202", "II.")),
    ("decision-with-plan.txt", *_LAST_YEARS_LINE, ("PK206", "98/QĐ-UBND ngày 12/02/2025")),
    ("decision-with-plan.txt", "(Ban hành kèm theo Quyết định số 123/QĐ-UBND",
     "(Ban hành kèm theo Quyết định số 132/QĐ-UBND", ("PK206", "132/QĐ-UBND")),
    ("plan-under-its-decision.txt", *_LAST_YEARS_LINE, ("PK206", "98/QĐ-UBND ngày 12/02/2025")),
    ("plan-under-its-decision.txt", "Số: 45/KH-UBND", "Số: 45/KH-UBND\n(Kèm theo Kế hoạch số 45/QĐ-UBND)",
     ("PK203", "QĐ-UBND")),
]


def _typed(name: str, before: str, after: str) -> str:
    text = KINDS[name]
    assert text.count(before) == 1, before
    return text.replace(before, after)


@pytest.mark.parametrize(("name", "before", "after", "expected"), DEFECTS,
                         ids=[f"{d[0]}:{d[3][0]}:{d[3][1]}" for d in DEFECTS])
def test_a_real_defect_is_found_once_by_its_rule(name, before, after, expected):
    found = [(code, surface) for code, _, surface in findings(_typed(name, before, after), name)]
    assert found == CLEAN_CODES[name] + [expected] if CLEAN_CODES[name] else found == [expected]


CLEAN_CODES = {name: [(c, s) for c, _, s in CLEAN[name]] for name in KINDS}


#: Attachment lines naming another number and date that are right: the decision that issues the
#: plan (plan-under-its-decision), an amending decision reprinting the line it amends, a decision of
#: late December issuing a plan dated early January.
RIGHT_ATTACHMENT_LINES = [
    ("plan-under-its-decision.txt", "(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 10/02/2026"),
    ("amending-decision.txt", "(Ban hành kèm theo Quyết định số 98/QĐ-UBND ngày 12/02/2025"),
    ("plan-issued-late-december.txt", "(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 30/12/2025"),
]


@pytest.mark.parametrize(("name", "line"), RIGHT_ATTACHMENT_LINES, ids=[n for n, _ in RIGHT_ATTACHMENT_LINES])
def test_an_attachment_line_naming_the_issuing_or_amended_decision_is_right(name, line):
    assert line in KINDS[name]
    assert [c for c, _, _ in findings(KINDS[name], name) if c.startswith("PK20")] == []


def test_amending_decision_without_its_subject_is_last_years_copy():
    """The same reprinted line, in a decision that amends nothing and names 98/QĐ-UBND nowhere
    else, is last year's line left in a copy."""
    text = _typed("amending-decision.txt", "Sửa đổi, bổ sung Kế hoạch", "Ban hành Kế hoạch")
    text = text.replace("Căn cứ Quyết định số 98/QĐ-UBND ngày 12/02/2025 của Chủ tịch UBND tỉnh ban hành "
                        "Kế hoạch phát triển du lịch giai đoạn 2025-2027;\n", "")
    text = text.replace("Sửa đổi, bổ sung mục II Kế hoạch ban hành kèm theo Quyết định số 98/QĐ-UBND ngày "
                        "12/02/2025 như Phụ lục kèm theo Quyết định này.", "Ban hành kèm theo Quyết định này Kế hoạch.")
    assert [(c, s) for c, _, s in findings(text, "copied.txt")] == [("PK206", "98/QĐ-UBND ngày 12/02/2025")]


# -- messages: Vietnamese first, an English gloss; one line per finding naming its line -----------
_VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def _words_of_the_message(text: str, surface: str) -> str:
    """The message without what it quotes: the surface, '...' quotes, parentheses, and document
    numbers and symbols (tokens with a slash or a digit: 98/QĐ-UBND, 61/2018/NĐ-CP)."""
    text = re.sub(r"'[^']*'|\([^)]*\)", "", text.replace(surface, ""))
    return " ".join(t for t in text.split() if not re.search(r"[/\d]", t))


#: Names an English gloss keeps in Vietnamese: the body that took over.
_NAMES = ("Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Nội vụ", "Bộ Nông nghiệp và Môi trường")


@pytest.mark.parametrize(("name", "before", "after", "expected"), DEFECTS,
                         ids=[f"{d[0]}:{d[3][0]}:{d[3][1]}" for d in DEFECTS])
def test_each_message_is_vietnamese_first_with_an_english_gloss(name, before, after, expected):
    for f in lint_plan(read_text(_typed(name, before, after), name=name), today=TODAY):
        vi, sep, en = f.message.partition(" / ")
        assert sep, f.message
        assert _VIETNAMESE.search(_words_of_the_message(vi, f.surface)), f.message
        assert en[:1].isupper() or en[:1].isdigit() or en[:1] == "'", f.message
        gloss = _words_of_the_message(en, f.surface)
        for known in _NAMES:
            gloss = gloss.replace(known, "")
        assert not _VIETNAMESE.search(gloss), f.message


LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>PK\d{3}) (?P<rule>[a-z-]+) (?P<msg>.+ / .+)$")


def test_lint_on_a_mixed_folder_prints_one_readable_line_per_finding(tmp_path, capsys):
    chosen = {("ward-after-merger.txt", "PK302", "Sở Kế hoạch và Đầu tư"), ("five-year-plan.txt", "PK202", "IV."),
              ("decision-with-plan.txt", "PK206", "98/QĐ-UBND ngày 12/02/2025")}
    cases = {d[0]: d for d in DEFECTS if (d[0], *d[3]) in chosen}
    assert len(cases) == 3
    for name, text in KINDS.items():
        if name in cases:
            _, before, after, _ = cases[name]
            text = _typed(name, before, after)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["lint", str(tmp_path), "--today", "2026-12-31"]) == 1
    lines = capsys.readouterr().out.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    written = {name: (tmp_path / name).read_text(encoding="utf-8").splitlines() for name in KINDS}
    got = []
    for m in parsed:
        name = m["file"].rpartition("/")[2]
        row = written[name][int(m["line"]) - 1]
        got.append((name, m["code"], row[int(m["col"]) - 1 :][:24]))
    assert got == [  # by file name, then by place: each line points at its finding's surface
        ("decision-with-plan.txt", "PK206", "98/QĐ-UBND ngày 12/02/20"),
        ("department-draft.txt", "PK201", "Số:      /KH-SNV"),
        ("department-draft.txt", "PK104", "ngày      tháng 3 năm 20"),
        ("five-year-plan.txt", "PK202", "IV. TỔ CHỨC THỰC HIỆN"),
        ("ward-after-merger.txt", "PK302", "Sở Kế hoạch và Đầu tư bố"),
    ]
