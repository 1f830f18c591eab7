"""Reader cases from real layouts beyond the development corpus (session 8 field study): invented
agencies, numbers and dates, the layouts legal portals and PDF copies print."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit.read import read_text

CASES = [
    ("youth-union-columns-by-spaces",
     "BAN CHẤP HÀNH TỈNH ĐOÀN PHÚ YÊN" + " " * 60 + "ĐOÀN TNCS HỒ CHÍ MINH\n\n***\n\n"
     "   Số: 97 - KH/TĐTN-VP" + " " * 70 + "Phú Yên, ngày 02 tháng 4 năm 2024\n\nKẾ HOẠCH\n"
     "Tuyên truyền cải cách hành chính năm 2024\n\nThực hiện chương trình công tác Đoàn năm 2024, Ban "
     "Thường vụ Tỉnh Đoàn ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n",
     {"number": "97", "symbol": "KH/TĐTN-VP", "issuer": "Ban Chấp hành Tỉnh Đoàn Phú Yên"}),
    ("youth-union-centre-beside-its-title",
     "BAN CHẤP HÀNH TRUNG ƯƠNG" + " " * 60 + "ĐOÀN TNCS HỒ CHÍ MINH\n\n***\n\n"
     "   Số: 97 - KH/TWĐTN-VP" + " " * 70 + "Hà Nội, ngày 02 tháng 4 năm 2024\n\nKẾ HOẠCH\n"
     "Tuyên truyền cải cách hành chính năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n",
     {"issuer": "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", "number": "97", "symbol": "KH/TWĐTN-VP"}),
    ("portal-letter-headline",
     "Công văn số 215/STP-HCTP ngày 03/4/2023 V/v góp ý dự thảo Kế hoạch tuyên truyền cải cách hành "
     "chính tỉnh Kon Tum năm 2024.\n\nĐăng ngày: 04/04/2023 08:15:02\n\nKính gửi:\n\n– Sở Nội vụ;\n\n"
     "– Báo Kon Tum.\n\nThực hiện Quyết định số 88/QĐ-UBND ngày 10/01/2023 của UBND tỉnh Kon Tum, Sở Tư "
     "pháp đề nghị các cơ quan góp ý dự thảo Kế hoạch.\n",
     {"doc_type": "Công văn", "number": "215", "symbol": "STP-HCTP", "date": dt.date(2023, 4, 3), "year": 2023,
      "title": "góp ý dự thảo Kế hoạch tuyên truyền cải cách hành chính tỉnh Kon Tum năm 2024"}),
    ("portal-letter-no-colon-dashed-date",
     "Số 531/SNV-CCHC Ngày 05-8-2022 V/v báo cáo công tác CCHC quý III năm 2022.\n\n"
     "Đăng ngày: 05/08/2022 10:03:35\n\nKính gửi:\n\n– Thủ trưởng các Sở, Ban ngành,\n\n"
     "– Uỷ ban nhân dân các huyện, thành phố.\n\nThực hiện Quyết định số 12/QĐ-UBND ngày 04/01/2022 "
     "về việc phê duyệt Kế hoạch cải cách hành chính tỉnh năm 2022.\n",
     {"doc_type": "Công văn", "number": "531", "symbol": "SNV-CCHC", "date": dt.date(2022, 8, 5), "year": 2022}),
    ("cell-per-line-decision-is-no-news",
     "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n--------\n|\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 412/QĐ-UBND\n|\nPhú Yên, ngày 21\n"
     "tháng 11 năm 2022\n|\nQUYẾT\nĐỊNH\nVỀ\nVIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ CÔNG TÁC CẢI CÁCH\n"
     "HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH PHÚ YÊN\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15\n"
     "tháng 7 năm 2021 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban\nhành kèm theo Quyết định này Quy định.\n",
     {"form": "text", "doc_type": "Quyết định", "number": "412",
      "title": "VỀ VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH PHÚ YÊN"}),
    ("authority-line-ends-the-subject",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/2022/QĐ-UBND | Yên Bái, ngày 05 tháng 9 năm 2022 |\n"
     "QUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH\nỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n"
     "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n",
     {"title": "BAN HÀNH QUY ĐỊNH ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH", "issuer": "Ủy ban nhân dân tỉnh Yên Bái"}),
    ("mass-organisation-board-cell-per-line",
     "HỘI NÔNG DÂN TỈNH PHÚ YÊN\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nBAN THƯỜNG VỤ\n\n"
     "Độc lập – Tự do – Hạnh phúc\n\nSố    19  /KH-BTV\n\nPhú Yên, ngày     tháng 3 năm 2023\n\n"
     "KẾ HOẠCH\n\nTuyên truyền cải cách hành chính trong hội viên nông dân\n\nI. MỤC ĐÍCH, YÊU CẦU\n",
     {"issuer": "Ban Thường vụ Hội Nông dân tỉnh Phú Yên", "parent": "Hội Nông dân tỉnh Phú Yên"}),
    ("letter-without-vv-by-symbol",
     "VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
     "Số: 812/VPCP-KSTT | Hà Nội, ngày 03 tháng 10 năm 2023 |\nKính gửi: Bộ Nội vụ\n"
     "Xét đề nghị của Bộ Nội vụ tại Tờ trình số 45/TTr-BNV ngày 20 tháng 9 năm 2023, Phó Thủ tướng có ý "
     "kiến như sau:\n1. Đồng ý tổ chức hội nghị.\n",
     {"doc_type": "Công văn", "title": None}),
    ("type-from-a-symbol-with-year",
     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 33/2021/QĐ-UBND | Sơn La, ngày 22 tháng 10 năm 2021 |\n"
     "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ TRÊN ĐỊA BÀN TỈNH SƠN LA\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n"
     "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ;\nQUYẾT ĐỊNH:\n",
     {"doc_type": "Quyết định"}),
    ("national-body-wrapped-with-labelled-number",
     "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "---------------\n\nNghị quyết số: 1211/2024/UBTVQH15\n\nHà Nội, ngày 12 tháng 3 năm 2024\n\nNGHỊ QUYẾT\n\n"
     "VỀ TIÊU CHUẨN CỦA ĐƠN VỊ HÀNH CHÍNH\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nCăn cứ Hiến pháp;\n",
     {"issuer": "Ủy ban Thường vụ Quốc hội", "number": "1211"}),
    ("joint-issuer-keeps-its-capitals",
     "BỘ TÀI CHÍNH - BỘ NỘI VỤ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
     "--------------\n\nSố: 07/2023/TTLT-BTC-BNV\n\nHà Nội, ngày 28 tháng 01 năm 2023\n\nTHÔNG TƯ LIÊN TỊCH\n\n"
     "HƯỚNG DẪN CHẾ ĐỘ BÁO CÁO\n\nCăn cứ Nghị định số 14/2017/NĐ-CP ngày 17 tháng 02 năm 2017;\n",
     {"issuer": "Bộ Tài chính", "doc_type": "Thông tư liên tịch"}),
    ("youth-union-board-of-a-committee",
     "BAN CHẤP HÀNH TỈNH ĐOÀN PHÚ YÊN\tĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 41-KH/TĐTN-TG\tPhú Yên, ngày 12 tháng 3 năm 2024\n"
     "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\nI. MỤC ĐÍCH\n",
     {"issuer": "Ban Chấp hành Tỉnh Đoàn Phú Yên", "number": "41", "symbol": "KH/TĐTN-TG"}),
    ("organisation-branch-named-without-its-unit-word",
     "HỘI LIÊN HIỆP PHỤ NỮ ĐÀ NẴNG\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nBAN THƯỜNG VỤ\n\nĐộc lập – Tự do – Hạnh phúc\n\n"
     "Số    08  /KH-BTV\n\nĐà Nẵng, ngày     tháng 2 năm 2022\n\nKẾ HOẠCH\n\nTuyên truyền cải cách hành chính\n\nI. MỤC ĐÍCH\n",
     {"issuer": "Ban Thường vụ Hội Liên hiệp Phụ nữ Đà Nẵng", "parent": "Hội Liên hiệp Phụ nữ Đà Nẵng", "number": "08"}),
    ("collective-authority-names-a-dropped-issuer",
     "Số: 211/2023/NQ-HĐND | Hà Nội, ngày 12 tháng 3 năm 2023 |\nNGHỊ QUYẾT\nVỀ CHÍNH SÁCH HỖ TRỢ CẢI CÁCH HÀNH CHÍNH\n"
     "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp;\nQUYẾT NGHỊ:\n",
     {"issuer": "Ủy ban Thường vụ Quốc hội", "title": "VỀ CHÍNH SÁCH HỖ TRỢ CẢI CÁCH HÀNH CHÍNH"}),
    ("a-wrapped-title-is-no-authority",
     "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN\tĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 15/KH-UBND\tPhú Yên, ngày 10 tháng 01 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO CỦA\n"
     "ỦY BAN NHÂN DÂN TỈNH NĂM 2024\nThực hiện Quyết định số 1/QĐ-UBND ngày 02/01/2024 của UBND tỉnh, Ủy ban nhân dân tỉnh "
     "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
     {"title": "THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO CỦA ỦY BAN NHÂN DÂN TỈNH NĂM 2024"}),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_field_layouts(text, want):
    plan = read_text(text)
    got = {k: (plan.source.form if k == "form" else getattr(plan.header, k)) for k in want}
    assert got == want


@pytest.mark.parametrize(("symbol", "letter"), [
    ("VPCP-KSTT", "Công văn"), ("SNV-CCHC", "Công văn"), ("UBND-VX", "Công văn"),
    ("KH-UBND", None), ("KHLT-SYT-SGDĐT", None), ("2019/QĐ-UBND", None), ("2019/UBTVQH14", None), (None, None),
])
def test_a_letter_s_symbol(symbol, letter):
    from plankit.read._header import letter_of_symbol

    assert letter_of_symbol(symbol) == letter
