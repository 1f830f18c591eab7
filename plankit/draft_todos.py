"""The to-dos a draft marks for the officer (a Word comment in the .docx, a line in
``Plan.todo``), by kind: Vietnamese first with the English gloss, for :mod:`plankit.draft` and
its tracked-changes copy (:mod:`plankit.track`)."""

from __future__ import annotations

import re

__all__ = ["DISTRICT_GROUP", "MSG"]

MSG = {
    "number": "Số văn bản để trống: điền khi ký ban hành (number left blank: fill it in when signed)",
    "date": "Ngày ban hành để trống: điền ngày ký (day of issue left blank: fill it in when signed)",
    "basis": "Căn cứ {key} là kế hoạch năm {old} của {issuer}: thay bằng văn bản năm {year} khi có "
             "(basis {key} is last year's plan: replace it with this year's)",
    "citation": "Nhắc đến kế hoạch năm {old} ({key}): kiểm tra, thay bằng văn bản năm {year} "
                "(mentions last year's plan: check it and replace it)",
    "basis-report": "Căn cứ {key} là báo cáo năm {old} của {issuer}: thay bằng báo cáo mới nhất khi có "
                    "(basis {key} is last year's report: replace it with the latest)",
    "citation-report": "Nhắc đến báo cáo năm {old} ({key}): kiểm tra, thay bằng báo cáo mới nhất "
                       "(mentions last year's report: check it and replace it)",
    "period": "Giai đoạn {period} đã kết thúc trước năm {year}: cập nhật văn bản, giai đoạn mới "
              "(period ended: update to the new period and its document)",
    "period-next": "Giai đoạn mới {period}: kiểm tra mục tiêu, chỉ tiêu và căn cứ của giai đoạn mới "
                   "(the plan's period moved to the next one: check its targets and basis)",
    "district": "\"{name}\" không còn từ 01/7/2025 (chính quyền hai cấp): sửa lại nội dung "
                "(the district level ended on 2025-07-01: rewrite this)",
    "issuer": "Cơ quan ban hành đã đổi thành {issuer}: kiểm tra ký hiệu {symbol} "
              "(the issuing body changed: check the document symbol)",
    "signer": "Chưa có chức danh người ký ({hint}): bổ sung "
              "(the signer's title is missing)",
    "signer-name": "Chưa có họ tên người ký: bổ sung (the signer's name is missing)",
    "signer-ocr": "Họ tên người ký lấy từ bản quét: kiểm tra lại (the signer's name comes from a scan: check it)",
    "table-ocr": "Bảng hoạt động dựng lại từ bản quét: kiểm tra từng ô (activity table rebuilt from a scan: check every cell)",
    "title": "Chưa có trích yếu (the plan has no subject line)",
    "no-basis": "Chưa có căn cứ ban hành: bổ sung văn bản mà kế hoạch thực hiện (Căn cứ ...), hoặc dùng --basis "
                "(no basis clause: add the documents the plan implements, or give --basis)",
    "title-first-line": "Trích yếu lấy từ dòng đầu của bản sao (cổng thông tin): kiểm tra lại "
                        "(the subject comes from the copy's first line: check it)",
}

# Recipients at the district level, which ended on 2025-07-01 (chính quyền hai cấp): "UBND các
# huyện, thị xã, thành phố", "Các huyện ủy, thị ủy", "Phòng Tư pháp huyện". Named ones ("UBND
# huyện Kỳ Sơn") the agency changes already mark; "quận" only after "các"/"UBND" ("cơ quan"
# folds to the same letters, so the match is on the accented words).
DISTRICT_GROUP = re.compile(r"\b(?:(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:các|Các)\s+(?:huyện|quận|thị xã)"
                            r"|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:huyện|quận|thị xã)"
                            r"|(?:huyện|quận|thị)\s+(?:ủy|uỷ)|(?:Phòng|phòng)\s+[^,;]{1,40}?\s+(?:huyện|quận|thị xã))\b")
