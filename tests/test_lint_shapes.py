"""Lint on plans written in the shapes real documents come in (written for these tests, none
copied: SHAPES below): a ministry plan, a commune plan after the 2025 reorganisation, a
portal's news post, a decision issuing a plan, a PDF copy with hard-wrapped lines and symbols, a
party committee plan. Each clean file draws no finding; each defect typed into it, as real
documents carry them, draws its finding and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 12, 31)

# The plans, by the file name they are read under (plain strings, not files under tests/: a folder
# of plans there would be read by the CLI tests that expect a folder without any).
SHAPES = {
    'commune-after-merger.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'XÃ BỐ TRẠCH\n'
        'Số: 12/KH-UBND\n'
        'Bố Trạch, ngày 20 tháng 8 năm 2025\n'
        'KẾ HOẠCH\n'
        'Cải cách hành chính năm 2025\n'
        'Căn cứ Kế hoạch số 2345/KH-UBND ngày 25/12/2024 của UBND tỉnh Quảng Bình (cũ) về cải cách hành chính năm 2025;\n'
        'Căn cứ Kế hoạch số 150/KH-UBND ngày 15/7/2025 của UBND tỉnh Quảng Trị về cải cách hành chính sau sắp xếp;\n'
        'Ủy ban nhân dân xã Bố Trạch (tỉnh Quảng Trị) ban hành Kế hoạch cải cách hành chính năm 2025 như sau:\n'
        'I. MỤC TIÊU\n'
        'Tiếp tục thực hiện các nhiệm vụ đã đề ra tại huyện Bố Trạch (cũ) trước ngày 01/7/2025; kế thừa kết quả CCHC năm 2024 của tỉnh Quảng Bình (xếp thứ 10/63).\n'
        'Đến hết năm 2025, 100% thủ tục hành chính được giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Quảng Trị.\n'
        'II. TỔ CHỨC THỰC HIỆN\n'
        'Công chức Văn phòng - Thống kê xã tham mưu; báo cáo Sở Nội vụ tỉnh Quảng Trị trước ngày 10/12/2025.\n'
    ),
    'commune-plan-2025.txt': (
        'ỦY BAN NHÂN DÂN\n'
        'XÃ ĐÔNG HƯNG\n'
        '-------\n'
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
        'Độc lập - Tự do - Hạnh phúc\n'
        '---------------\n'
        'Số: 45/KH-UBND\n'
        'Đông Hưng, ngày 05 tháng 8 năm 2025\n'
        '\n'
        'KẾ HOẠCH\n'
        'Chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn xã năm 2025\n'
        '\n'
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n'
        'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;\n'
        'Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh;\n'
        'Thực hiện Kế hoạch số 112/KH-UBND ngày 20/7/2025 của Ủy ban nhân dân tỉnh Hưng Yên về chuyển đổi số năm 2025;\n'
        'Ủy ban nhân dân xã Đông Hưng ban hành Kế hoạch chuyển đổi số năm 2025 như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Mục đích\n'
        'Xây dựng chính quyền số cấp xã sau sắp xếp, bảo đảm hoạt động thông suốt, hiệu quả của chính quyền địa phương hai cấp.\n'
        '2. Yêu cầu\n'
        '100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; cung cấp dịch vụ công trực tuyến toàn trình.\n'
        'II. NHIỆM VỤ\n'
        '1. Triển khai Trung tâm Phục vụ hành chính công xã; bố trí công chức tiếp nhận hồ sơ.\n'
        '2. Phối hợp với Sở Khoa học và Công nghệ tỉnh Hưng Yên, Công an xã triển khai định danh điện tử VNeID.\n'
        '3. Tuyên truyền về Ngày Chuyển đổi số quốc gia 10/10.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Văn phòng HĐND và UBND xã chủ trì, theo dõi, báo cáo kết quả về UBND tỉnh trước ngày 15/12/2025./.\n'
    ),
    'decision-issuing-plan.txt': (
        'ỦY BAN NHÂN DÂN TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
        'Độc lập - Tự do - Hạnh phúc\n'
        'Số: 69/QĐ-UBND | Bắc Ninh, ngày 15 tháng 01 năm 2025\n'
        'QUYẾT ĐỊNH\n'
        'Về việc ban hành Kế hoạch cải cách hành chính tỉnh Bắc Ninh năm 2025\n'
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n'
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\n'
        'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;\n'
        'Căn cứ Quyết định số 1163/QĐ-UBND ngày 30/9/2021 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Bắc Ninh giai đoạn 2021-2025;\n'
        'Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 08/01/2025.\n'
        'QUYẾT ĐỊNH:\n'
        'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính tỉnh Bắc Ninh năm 2025.\n'
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n'
        'Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố căn cứ Quyết định thi hành./.\n'
        'KẾ HOẠCH\n'
        'Cải cách hành chính tỉnh Bắc Ninh năm 2025\n'
        '(Ban hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2025 của Chủ tịch UBND tỉnh)\n'
        'I. MỤC TIÊU\n'
        'Nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số SIPAS, PCI và PAPI của tỉnh năm 2025.\n'
    ),
    'department-plan-wrapped.txt': (
        'UBND TỈNH KHÁNH HÒA\n'
        'SỞ NỘI VỤ\n'
        'Số: 14/KH-SNV\n'
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
        'Độc lập - Tự do - Hạnh phúc\n'
        'Khánh Hòa, ngày 02 tháng 01 năm 2024\n'
        'KẾ HOẠCH\n'
        'Tuyên truyền cải cách hành chính năm 2024\n'
        'Căn cứ Quyết định số 1291/QĐ-BNV ngày 24/12/2019 của Bộ trưởng Bộ Nội vụ\n'
        'phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan\n'
        'ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương”;\n'
        'Căn cứ Kế hoạch số 14084/KH-UBND ngày 29/12/2023 của UBND tỉnh Khánh Hòa\n'
        'về cải cách hành chính năm 2024;\n'
        'Sở Nội vụ xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2024,\n'
        'cụ thể như sau:\n'
        'I. MỤC ĐÍCH\n'
        'Tuyên truyền kết quả cải cách hành chính năm 2023; kết quả Chỉ số CCHC năm 2023 của\n'
        'tỉnh (xếp thứ 20/63); Chỉ số SIPAS năm 2023 đạt 82,5%.\n'
        'Phấn đấu năm 2024 Chỉ số PAR INDEX, SIPAS tăng so với năm 2023.\n'
        'II. HÌNH THỨC\n'
        '- Trên Cổng Thông tin điện tử tỉnh, Trang thông tin điện tử của Sở; qua hệ thống\n'
        'truyền thanh cơ sở; qua mạng xã hội Zalo, Facebook.\n'
        '- Tổ chức Hội thi tìm hiểu về cải cách hành chính trong cán bộ, công chức,\n'
        'viên chức (dự kiến Quý III/2024).\n'
        'Kinh phí: từ nguồn dự toán ngân sách năm 2024 giao cho Sở Nội vụ.\n'
        'Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở Nội vụ./.\n'
    ),
    'ministry-plan.txt': (
        'BỘ NỘI VỤ\n'
        '-------\n'
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
        'Độc lập - Tự do - Hạnh phúc\n'
        '---------------\n'
        'Số: 1520/KH-BNV\n'
        'Hà Nội, ngày 12 tháng 3 năm 2024\n'
        '\n'
        'KẾ HOẠCH\n'
        'Tuyên truyền cải cách hành chính năm 2024\n'
        '\n'
        'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;\n'
        'Căn cứ Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ phê duyệt Đề án Văn hóa công vụ;\n'
        'Thực hiện Kế hoạch số 4520/KH-BNV ngày 29/12/2023 của Bộ Nội vụ về cải cách hành chính năm 2024, Bộ Nội vụ ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:\n'
        '\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Mục đích\n'
        'Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân, doanh nghiệp về cải cách hành chính, chuyển đổi số và xây dựng Chính phủ điện tử, Chính phủ số.\n'
        '2. Yêu cầu\n'
        'Công tác tuyên truyền phải bám sát Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030.\n'
        'II. NỘI DUNG TUYÊN TRUYỀN\n'
        '1. Tuyên truyền về kết quả thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.\n'
        '2. Tuyên truyền về Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân (SIPAS).\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'Vụ Cải cách hành chính chủ trì, phối hợp với Văn phòng Bộ và các đơn vị thuộc Bộ triển khai Kế hoạch này. Kinh phí thực hiện bố trí trong dự toán ngân sách năm 2024 của Bộ Nội vụ./.\n'
        'Nơi nhận:\n'
        '- Bộ trưởng (để b/c);\n'
        '- Lưu: VT, CCHC.\n'
        'KT. BỘ TRƯỞNG\n'
        'THỨ TRƯỞNG\n'
        'Nguyễn Văn A\n'
    ),
    'party-committee-plan.txt': (
        'ĐẢNG BỘ TỈNH BẮC GIANG\n'
        'TỈNH ỦY\n'
        '*\n'
        'Số 45-KH/TU\n'
        'ĐẢNG CỘNG SẢN VIỆT NAM\n'
        'Bắc Giang, ngày 10 tháng 3 năm 2025\n'
        '\n'
        'KẾ HOẠCH\n'
        'thực hiện Kết luận số 127-KL/TW ngày 28/02/2025 của Bộ Chính trị, Ban Bí thư về triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị\n'
        '-----\n'
        '\n'
        'Thực hiện Kết luận số 127-KL/TW ngày 28/02/2025 của Bộ Chính trị, Ban Bí thư; Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII; Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Quán triệt sâu sắc chủ trương của Đảng, chính sách, pháp luật của Nhà nước; phát huy vai trò của cấp ủy, tổ chức đảng và đảng viên.\n'
        '2. Bảo đảm sự lãnh đạo toàn diện của Đảng; tinh gọn bộ máy của hệ thống chính trị Việt Nam.\n'
        'II. NHIỆM VỤ, GIẢI PHÁP\n'
        '1. Ban Tổ chức Tỉnh ủy chủ trì, tham mưu Đề án sắp xếp đơn vị hành chính cấp xã, không tổ chức cấp huyện, hoàn thành trước ngày 30/4/2025.\n'
        '2. Ban cán sự đảng UBND tỉnh lãnh đạo rà soát các văn bản quy phạm pháp luật; thực hiện Luật số 47/2019/QH14 và Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ.\n'
        '3. Đẩy mạnh ứng dụng VNeID, Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), hệ thống iHanoi; tỷ lệ 1.000 hồ sơ/tháng, đạt 100%; chuyển đổi số 4.0.\n'
        '4. Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 và Chỉ thị số 04/CT-TTg ngày 11/02/2025 của Thủ tướng Chính phủ.\n'
        'III. TỔ CHỨC THỰC HIỆN\n'
        'a) Các cơ quan tham mưu, giúp việc Tỉnh ủy; Đảng ủy UBND tỉnh; các huyện ủy, thành ủy: Quý I/2025 hoàn thành; báo cáo về Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 15/6/2025.\n'
        'b) Văn phòng Tỉnh ủy theo dõi, đôn đốc; Báo Bắc Giang, Đài PT-TH tỉnh tuyên truyền; TP. Bắc Giang, Tp.Hồ Chí Minh phối hợp.\n'
        'Nơi nhận:\n'
        '- Ban Bí thư Trung ương Đảng (để b/c),\n'
        '- Lưu Văn phòng Tỉnh ủy.\n'
        'T/M BAN THƯỜNG VỤ\n'
        'PHÓ BÍ THƯ\n'
    ),
    'pdf-wrapped-symbols.txt': (
        'UBND TỈNH HẢI DƯƠNG\n'
        'SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n'
        'Số: 118/KH-STTTT\n'
        'Hải Dương, ngày 16 tháng 02 năm 2023\n'
        'KẾ HOẠCH\n'
        'Chuyển đổi số năm 2023\n'
        'Căn cứ Nghị định số 42/2022/NĐ-\n'
        'CP ngày 24/6/2022 của Chính phủ; Nghị quyết số 52-\n'
        'NQ/TW ngày 27/9/2019 của Bộ Chính trị; Quyết định số 942/QĐ-\n'
        'TTg ngày 15/6/2021 của Thủ tướng Chính phủ;\n'
        'Căn cứ Tờ trình số 118/TTr-\n'
        'STTTT ngày 10/02/2023 của Sở Thông tin và Truyền thông;\n'
        'Sở Thông tin và Truyền thông ban hành Kế hoạch chuyển đổi số năm 2023:\n'
        '1. Mục tiêu: 80% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng\n'
        '(trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).\n'
        '2. Nhiệm vụ: triển khai nền tảng số, dữ liệu số; phát triển kinh tế số, xã hội\n'
        'số; Ngày Chuyển đổi số tỉnh (26/3 hằng năm).\n'
    ),
    'pdf-wrapped.txt': (
        'UỶ BAN NHÂN DÂN\n'
        'TỈNH QUẢNG NINH\n'
        'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
        'Độc lập - Tự do - Hạnh phúc\n'
        'Số: 269/KH-UBND Quảng Ninh, ngày 20 tháng 12 năm\n'
        '2023\n'
        'KẾ HOẠCH\n'
        'Công tác thông tin, tuyên truyền cải cách hành chính\n'
        'tỉnh Quảng Ninh năm 2024\n'
        'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban\n'
        'hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 -\n'
        '2030; Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định\n'
        'về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà\n'
        'nước trên môi trường mạng;\n'
        'Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính\n'
        'phủ phê duyệt Chiến lược phát triển Chính phủ điện tử hướng tới Chính\n'
        'phủ số giai đoạn 2021 - 2025, định hướng đến năm 2030;\n'
        'Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thông tin, tuyên truyền\n'
        'cải cách hành chính năm 2024, cụ thể như sau:\n'
        'I. MỤC ĐÍCH, YÊU CẦU\n'
        '1. Mục đích\n'
        '- Tuyên truyền sâu rộng về mục tiêu, nhiệm vụ cải cách hành chính, xây\n'
        'dựng chính quyền điện tử, chính quyền số; nâng cao nhận thức của cán bộ,\n'
        'công chức, viên chức và Nhân dân.\n'
        '2. Yêu cầu\n'
        '- Nội dung tuyên truyền phải thiết thực, phù hợp với từng đối tượng.\n'
        '2\n'
        'II. NỘI DUNG\n'
        '1. Tuyên truyền về Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài\n'
        'lòng (SIPAS), Chỉ số PAPI, PCI của tỉnh.\n'
    ),
    'portal-news.txt': (
        'UBND tỉnh Phú Thọ ban hành Kế hoạch cải cách hành chính năm 2024\n'
        'Cập nhật: 15/01/2024 09:12\n'
        'Ngày 10/01/2024, UBND tỉnh ban hành Kế hoạch số 125/KH-UBND về cải cách hành chính nhà nước năm 2024 trên địa bàn tỉnh.\n'
        'Theo Kế hoạch, năm 2024 tỉnh tiếp tục triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 và Kế hoạch số 2590/KH-UBND ngày 02/7/2021 của UBND tỉnh về cải cách hành chính giai đoạn 2021 - 2025.\n'
        'Mục tiêu đặt ra là cải thiện Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng (SIPAS), Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) và Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI).\n'
        'Tỉnh phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến đạt trên 80%.\n'
        'Các sở, ngành, UBND các huyện, thành, thị xây dựng kế hoạch cụ thể để triển khai thực hiện.\n'
        'Tin, ảnh: Minh Anh\n'
    ),
}


def findings(text: str, name: str) -> list[tuple[str, str]]:
    return [(f.code, f.surface) for f in lint_plan(read_text(text, name=name), today=TODAY)]


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_clean_shapes_draw_no_finding(name):
    assert findings(SHAPES[name], name) == []


# (file, [(as written, with the defect)]); EXPECTED: the (code, surface) of each finding, in text order
DEFECTS = [
    (
        "ministry-plan.txt",
        [
            ("ngày 23/4/2018 và", "ngày 23/4/2019 và"),
            ("1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ", "1847/QĐ-TTg ngày 27/12/2018 của Chính phủ"),
            ("Nghị quyết số 76/NQ-CP", "Nghị quyết số 76/NQ- CP"),
            ("giải quyết thủ tục hành chính.", "giải quyết thủ hành chính."),
            ("Nâng cao nhận thức của cán bộ", "Nâng cao nhận thức của của cán bộ"),
            ("cải cách hành chính, chuyển đổi số", "cải cách hành chính,chuyển đổi số"),
            ("dự toán ngân sách năm 2024 của Bộ", "dự toán ngân sách năm 2023 của Bộ"),
            ("(SIPAS).", "(SIPSA)."),
        ],
    ),
    (
        "commune-plan-2025.txt",
        [
            ("ngày 22/12/2024 của Bộ Chính trị", "ngày 22/12/2025 của Bộ Chính trị"),
            ("Sở Khoa học và Công nghệ tỉnh Hưng Yên", "Sở Thông tin và Truyền thông tỉnh Hưng Yên"),
            ("Kế hoạch chuyển đổi số năm 2025 như sau", "Kế hoạch chuyển đổi số năm 2024 như sau"),
            ("Ngày Chuyển đổi số quốc gia", "Ngày Chuyển số quốc gia"),
            ("trực tuyến toàn trình.", "trực tuyến toàn trình ."),
            ("III. TỔ CHỨC THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/8/2024 của UBND xã)"),
        ],
    ),
    (
        "portal-news.txt",
        [
            ("cấp tỉnh (PCI)", "cấp tỉnh (PIC)"),
            ("76/NQ-CP ngày 15/7/2021", "76/NQ-CP ngày 15/7/2022"),
            ("nhà nước năm 2024 trên", "nhà nước nămnăm 2024 trên"),
            ("Tỉnh phấn đấu", "Tỉnh phấn đấu đấu"),
        ],
    ),
    (
        "decision-issuing-plan.txt",
        [
            ("Quyết định số 69/QĐ-UBND ngày 15/01/2025 của Chủ tịch", "Quyết định số 69/QĐ-UBND ngày 15/01/2024 của Chủ tịch"),
            ("Tờ trình số 12/TTr-SNV", "Tờ trình số 12/TTr- SNV"),
            ("Điều 3. Chánh", "Điều 3.Chánh"),
        ],
    ),
    (
        "pdf-wrapped.txt",
        [
            ("42/2022/NĐ-CP ngày 24/6/2022", "42/2022/NĐ-CP ngày 26/4/2022"),
            ("chính quyền số; nâng cao", "chính quyền số; nâng cao nâng cao"),
            ("năm 2024, cụ thể như sau", "năm 2023, cụ thể như sau"),
            ("Tuyên truyền sâu rộng", "Tuyên tuyền sâu rộng"),
            ("lòng (SIPAS)", "lòng(SIPAS)"),
        ],
    ),
    (
        "commune-after-merger.txt",
        [("báo cáo Sở Nội vụ tỉnh Quảng Trị", "báo cáo Sở Nội vụ tỉnh Quảng Bình")],
    ),
]
EXPECTED = {
    "ministry-plan.txt": [
        ("PK503", "76/NQ- CP"), ("PK406", "Chính phủ"), ("PK501", "của của"), ("PK505", "h,c"),
        ("PK403", "61/2018/NĐ-CP ngày 23/4/2019"),
        ("PK510", "thủ hành chính"), ("PK508", "SIPSA"), ("PK101", "năm 2023"),
    ],
    "commune-plan-2025.txt": [
        ("PK404", "57-NQ/TW ngày 22/12/2025"), ("PK101", "năm 2024"), ("PK505", " ."),
        ("PK302", "Sở Thông tin và Truyền thông"), ("PK510", "Chuyển số"),
        ("PK204", "45/KH-UBND ngày 05/8/2024"),
    ],
    "portal-news.txt": [
        ("PK504", "nămnăm"), ("PK404", "76/NQ-CP ngày 15/7/2022"), ("PK508", "PIC"), ("PK501", "đấu đấu"),
    ],
    "decision-issuing-plan.txt": [
        ("PK503", "12/TTr- SNV"), ("PK505", "Điều 3.C"), ("PK204", "69/QĐ-UBND ngày 15/01/2024"),
    ],
    "pdf-wrapped.txt": [
        ("PK404", "42/2022/NĐ-CP ngày 26/4/2022"), ("PK101", "năm 2023"), ("PK502", "Tuyên tuyền"),
        ("PK501", "nâng cao nâng cao"), ("PK505", "g("),
    ],
    "commune-after-merger.txt": [("PK302", "tỉnh Quảng Bình")],
}


@pytest.mark.parametrize(("name", "edits"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defects_typed_into_real_shapes_are_found(name, edits):
    text = SHAPES[name]
    for before, after in edits:
        assert before in text, before
        text = text.replace(before, after, 1)
    assert findings(text, name) == EXPECTED[name]
