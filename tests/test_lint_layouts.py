"""Lint on layouts the development corpus lacks, and on every corpus document however it was
copied: precision and recall beyond ``../shared/corpus``.

* Every document of ``../shared/corpus`` (skipped when absent) draws the same findings (codes and
  flagged words) under each copy artefact of ``tests/test_read_perturb.py`` (re-wrapped lines,
  page furniture, the header's columns swapped, NFD, tabs, no-break spaces, zero-width
  characters, line ends ...) and under several of them together.
* Plans of our own words in layouts the corpus does not have (a ministry's draft with 1.1./1.2.
  items and an annex table, a provincial Party committee's plan with a) ... đ) items, a commune
  after the two-level reform, a department of a merged province, a decision with its plan
  attached, Roman sections with Arabic ones and "Phụ lục" sections), full of legitimate text
  that could trip a rule, draw no finding but the reminders a draft should get.
* Sentences an officer writes on purpose (past years in results, former bodies in history,
  citations still in force, quoted names) draw no finding in a 2026 department plan.
* Each defect typed into those plans, by kind, is found once, with its code and severity and a
  Vietnamese-first message.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plankit.lint import lint_plan
from plankit.read import read_text

TODAY = dt.date(2026, 12, 31)
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def _load_perturb():
    """The copy artefacts of tests/test_read_perturb.py (loaded by path: tests are no package)."""
    path = Path(__file__).with_name("test_read_perturb.py")
    spec = importlib.util.spec_from_file_location("_read_perturb_artefacts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


perturb = _load_perturb()


def _corpus_names() -> list[str]:
    gold = CORPUS / "gold.json"
    if not gold.is_file():
        return []
    return sorted(n for n in json.loads(gold.read_text(encoding="utf-8")) if (CORPUS / n).is_file())


def key(text: str, name: str) -> list[tuple[str, str]]:
    """The findings as (code, flagged words), the words in NFC with Đ for its look-alike and
    white space made single spaces: what an artefact may change in how they are written."""
    out = []
    for f in lint_plan(read_text(text, name=name), today=TODAY):
        surface = unicodedata.normalize("NFC", f.surface).replace("\u00d0", "Đ").replace("\u00f0", "đ")
        out.append((f.code, " ".join(surface.split())))
    return sorted(out)


# -- the corpus under every copy artefact ---------------------------------------------------------
@pytest.mark.skipif(not _corpus_names(), reason="../shared/corpus is not there")
@pytest.mark.parametrize("artefact", list(perturb.ARTEFACTS))
def test_corpus_findings_survive_each_copy_artefact(artefact):
    changed = 0
    for name in _corpus_names():
        text = (CORPUS / name).read_text(encoding="utf-8")
        copy = perturb.ARTEFACTS[artefact](text, random.Random(f"{name}/0"), perturb._gold()[name])
        changed += copy != text
        assert key(copy, name) == key(text, name), name
    assert changed, "the artefact changed no document"


@pytest.mark.skipif(not _corpus_names(), reason="../shared/corpus is not there")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    name=st.sampled_from(_corpus_names() or ["none"]),
    artefacts=st.tuples(*(st.one_of(st.none(), st.sampled_from(g)) for g in perturb.GROUPS)),
    seed=st.integers(min_value=0, max_value=10**6),
)
def test_corpus_findings_survive_artefacts_together(name, artefacts, seed):
    """Several artefacts on one copy, in the order a copy adds them (as in test_read_perturb):
    a double-spaced, re-wrapped copy with first-line tabs still reads a wrapped reference
    clause as one."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    rng = random.Random(seed)
    copy = text
    for artefact in (a for a in artefacts if a is not None):
        copy = perturb.ARTEFACTS[artefact](copy, rng, perturb._gold()[name])
    assert key(copy, name) == key(text, name)


def test_a_double_spaced_wrapped_reference_clause_stays_one_clause():
    """The case the combination above found: a portal's list of related documents, re-wrapped,
    double-spaced and indented with tabs, put "trên địa bàn trong năm 2022" of a cited
    document's title on a paragraph of its own, read as the plan speaking of 2022."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 512/KH-UBND | Quảng Nam, ngày 14 tháng 3 năm 2023 |\n"
        "KẾ HOẠCH\nChuyển đổi số năm 2023\n"
        "Căn cứ Công văn 2224/BTTTT-THH về tập trung thúc đẩy sử dụng các nền tảng số\n\n"
        "\ttrên địa bàn trong năm 2022 của Bộ Thông tin và Truyền thông;\n\n"
        "UBND tỉnh ban hành Kế hoạch chuyển đổi số năm 2023 như sau:\n"
    )
    assert key(text, "x.txt") == []


# -- layouts the corpus lacks, in our own words ---------------------------------------------------
LAYOUTS = {
    # a ministry's plan, still a draft (number and day blank), numbered 1.1./1.2., annex table
    "ministry-draft-2026.txt": (
        "BỘ NỘI VỤ\n"
        "-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "---------------\n"
        "Số:        /KH-BNV\n"
        "Hà Nội, ngày      tháng 02 năm 2026\n"
        "DỰ THẢO\n"
        "KẾ HOẠCH\n"
        "Cải cách hành chính của Bộ Nội vụ năm 2026\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n"
        "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;\n"
        "Bộ Nội vụ ban hành Kế hoạch cải cách hành chính năm 2026 như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Mục đích\n"
        "1.1. Tiếp tục thực hiện các mục tiêu của Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030.\n"
        "1.2. Duy trì kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2024 đã đạt 91,5%, phấn đấu năm 2026 đạt trên 92%.\n"
        "2. Yêu cầu\n"
        "2.1. Gắn nhiệm vụ cải cách hành chính với việc hoàn thiện tổ chức bộ máy sau khi hợp nhất Bộ Lao động - Thương binh và Xã hội vào Bộ Nội vụ từ ngày 01/3/2025.\n"
        "2.2. Kế thừa kết quả giai đoạn 2021-2025; khắc phục những hạn chế đã chỉ ra trong Báo cáo tổng kết năm 2025.\n"
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        "1. Cải cách thể chế\n"
        "1.1. Rà soát các thông tư do Bộ Lao động - Thương binh và Xã hội (trước đây) ban hành để sửa đổi, bổ sung hoặc thay thế.\n"
        "1.2. Hoàn thành trong Quý II/2026.\n"
        "2. Cải cách thủ tục hành chính\n"
        "2.1. Cắt giảm ít nhất 20% thời gian giải quyết thủ tục hành chính so với năm 2025.\n"
        "2.2. Công khai 100% thủ tục hành chính trên Cổng Dịch vụ công quốc gia.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Vụ Tổ chức - Biên chế chủ trì, theo dõi, đôn đốc; tổng hợp báo cáo Bộ trưởng trước ngày 15/12/2026.\n"
        "2. Văn phòng Bộ phối hợp với Bộ Tài chính bố trí kinh phí.\n"
        "(Chi tiết tại Phụ lục kèm theo)\n"
        "Nơi nhận:\n"
        "- Bộ trưởng (để b/c);\n"
        "- Văn phòng Chính phủ;\n"
        "- Lưu: VT, Vụ TCBC.\n"
        "BỘ TRƯỞNG\n"
        "PHỤ LỤC\n"
        "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n"
        "(Kèm theo Kế hoạch số      /KH-BNV ngày     tháng 02 năm 2026 của Bộ Nội vụ)\n"
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành\n"
        "1\tRà soát văn bản quy phạm pháp luật\tVụ Pháp chế\tQuý II/2026\n"
        "2\tSố hóa hồ sơ thủ tục hành chính\tTrung tâm Công nghệ thông tin\tTháng 12/2026\n"
    ),
    # a provincial Party committee's plan (Party numbering "-KH/TU"), a) b) ... đ) items
    "party-plan-2025.txt": (
        "ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "TỈNH ỦY ĐỒNG THÁP\n"
        "*\n"
        "Số 18-KH/TU\n"
        "Đồng Tháp, ngày 20 tháng 10 năm 2025\n"
        "KẾ HOẠCH\n"
        "thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân\n"
        "-----\n"
        "Thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Quán triệt sâu sắc Nghị quyết đến cán bộ, đảng viên và Nhân dân; kế thừa kết quả thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.\n"
        "2. Cụ thể hóa các chỉ tiêu phù hợp với tình hình của tỉnh sau hợp nhất tỉnh Tiền Giang và tỉnh Đồng Tháp.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền\n"
        "a) Các cấp ủy, tổ chức đảng tổ chức học tập, quán triệt Nghị quyết trong Quý IV/2025.\n"
        "b) Đưa chỉ tiêu chăm sóc sức khỏe vào nghị quyết đại hội đảng bộ các cấp nhiệm kỳ 2025-2030.\n"
        "c) Đánh giá kết quả giai đoạn 2021-2025: tỷ lệ bao phủ bảo hiểm y tế năm 2024 đã đạt 93,2%.\n"
        "d) Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội vận động Nhân dân tham gia bảo hiểm y tế.\n"
        "đ) Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo xây dựng Kế hoạch hành động của Ủy ban nhân dân tỉnh.\n"
        "2. Đổi mới cơ chế tài chính y tế\n"
        "a) Sở Y tế chủ trì, phối hợp với Sở Tài chính tham mưu bố trí ngân sách giai đoạn 2026-2030.\n"
        "b) Bảo hiểm xã hội tỉnh bảo đảm quyền lợi của người tham gia bảo hiểm y tế.\n"
        "c) Các cơ sở y tế công lập thực hiện tự chủ tài chính theo lộ trình.\n"
        "d) Khuyến khích xã hội hóa đầu tư cơ sở khám bệnh, chữa bệnh.\n"
        "đ) Ủy ban nhân dân các xã, phường bố trí kinh phí cho trạm y tế.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì hướng dẫn tuyên truyền.\n"
        "2. Văn phòng Tỉnh ủy theo dõi, tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy.\n"
        "Nơi nhận:\n"
        "- Ban Bí thư Trung ương Đảng (b/c);\n"
        "- Các đảng bộ trực thuộc Tỉnh ủy;\n"
        "- Lưu Văn phòng Tỉnh ủy.\n"
        "T/M BAN THƯỜNG VỤ\n"
        "PHÓ BÍ THƯ\n"
        "Trần Văn Lâm\n"
    ),
    # a commune plan of 2026 after the two-level reform, with history sentences
    "commune-2026.txt": (
        "ỦY BAN NHÂN DÂN\n"
        "XÃ HÒA BÌNH\n"
        "-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "---------------\n"
        "Số: 12/KH-UBND\n"
        "Hòa Bình, ngày 08 tháng 01 năm 2026\n"
        "KẾ HOẠCH\n"
        "Chuyển đổi số xã Hòa Bình năm 2026\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;\n"
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;\n"
        "Ủy ban nhân dân xã Hòa Bình ban hành Kế hoạch chuyển đổi số năm 2026 như sau:\n"
        "I. KẾT QUẢ NĂM 2025\n"
        "Xã Hòa Bình được thành lập trên cơ sở nhập xã Bình An và xã Hòa Lợi thuộc huyện Châu Thành (cũ) từ ngày 01/7/2025. Năm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đã đạt 68%; UBND huyện Châu Thành trước đây đã bàn giao toàn bộ hồ sơ lưu trữ cho xã.\n"
        "II. MỤC TIÊU NĂM 2026\n"
        "1. 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình.\n"
        "2. 100% cán bộ, công chức xã sử dụng chữ ký số.\n"
        "III. NHIỆM VỤ\n"
        "1. Văn phòng HĐND và UBND xã chủ trì vận hành Trung tâm Phục vụ hành chính công xã.\n"
        "2. Phòng Văn hóa - Xã hội tuyên truyền, hướng dẫn người dân cài đặt VNeID.\n"
        "3. Phòng Kinh tế phối hợp với Sở Khoa học và Công nghệ triển khai nền tảng số.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Các thôn, ấp triển khai; định kỳ báo cáo UBND xã trước ngày 20 hằng tháng.\n"
        "Trên đây là Kế hoạch chuyển đổi số năm 2026 của UBND xã Hòa Bình./.\n"
        "Nơi nhận:\n"
        "- Sở Khoa học và Công nghệ;\n"
        "- TT Đảng ủy, TT HĐND xã;\n"
        "- Lưu: VT.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH\n"
        "Lê Thị Mai\n"
    ),
    # a department of a merged province, naming former provinces and departments in history
    "merged-province-department-2026.txt": (
        "UBND THÀNH PHỐ CẦN THƠ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ | Độc lập - Tự do - Hạnh phúc |\n"
        "Số: 21/KH-SKHCN | Cần Thơ, ngày 30 tháng 01 năm 2026 |\n"
        "KẾ HOẠCH\n"
        "Thông tin, tuyên truyền cải cách hành chính năm 2026\n"
        "Căn cứ Kế hoạch số 05/KH-UBND ngày 12/01/2026 của UBND thành phố Cần Thơ về cải cách hành chính năm 2026;\n"
        "Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Tuyên truyền để người dân trên địa bàn tỉnh Sóc Trăng, tỉnh Hậu Giang trước đây và thành phố Cần Thơ hiện nay nắm rõ địa chỉ giải quyết thủ tục hành chính sau sắp xếp.\n"
        "II. NỘI DUNG\n"
        "1. Kết quả giai đoạn 2021-2025: Sở Thông tin và Truyền thông (trước khi hợp nhất vào Sở Khoa học và Công nghệ) đã triển khai nền tảng Cần Thơ số; năm 2024 đã đạt 2,1 triệu lượt truy cập.\n"
        "2. Nội dung Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030.\n"
        "3. Giới thiệu Nghị định số 118/2025/NĐ-CP thay thế Nghị định số 61/2018/NĐ-CP và Nghị định số 107/2021/NĐ-CP từ ngày 01/7/2025.\n"
        "III. HÌNH THỨC\n"
        "Trên Cổng thông tin điện tử của Sở; chuyên mục \"Cải cách hành chính\" trên Báo Cần Thơ.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Văn phòng Sở chủ trì, phối hợp với Sở Nội vụ thành phố triển khai.\n"
        "Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026 của Sở Khoa học và Công nghệ./.\n"
        "Nơi nhận:\n"
        "- Sở Nội vụ;\n"
        "- Lưu: VT, VP.\n"
        "KT. GIÁM ĐỐC\n"
        "PHÓ GIÁM ĐỐC\n"
        "Trần Quốc Bảo\n"
    ),
    # a decision issuing a plan attached to it (the plan's own number quoted in its heading)
    "decision-with-plan-2025.txt": (
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH NINH BÌNH\n"
        "-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "---------------\n"
        "Số: 1520/QĐ-UBND\n"
        "Ninh Bình, ngày 15 tháng 9 năm 2025\n"
        "QUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch phổ biến, giáo dục pháp luật năm 2025 trên địa bàn tỉnh Ninh Bình\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;\n"
        "Căn cứ Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13 ngày 20/6/2012;\n"
        "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh;\n"
        "Theo đề nghị của Giám đốc Sở Tư pháp.\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phổ biến, giáo dục pháp luật năm 2025 trên địa bàn tỉnh Ninh Bình.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Kế hoạch số 88/KH-UBND ngày 20/01/2025 của UBND tỉnh Nam Định (cũ) hết hiệu lực kể từ ngày Quyết định này có hiệu lực.\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n"
        "- Như Điều 3;\n"
        "- Lưu: VT.\n"
        "CHỦ TỊCH\n"
        "Phạm Quang Ngọc\n"
        "KẾ HOẠCH\n"
        "Phổ biến, giáo dục pháp luật năm 2025 trên địa bàn tỉnh Ninh Bình\n"
        "(Kèm theo Quyết định số 1520/QĐ-UBND ngày 15/9/2025 của Chủ tịch UBND tỉnh Ninh Bình)\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Thống nhất công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh Ninh Bình sau khi hợp nhất tỉnh Hà Nam, tỉnh Nam Định và tỉnh Ninh Bình.\n"
        "II. NỘI DUNG\n"
        "1. Phổ biến Luật Tổ chức chính quyền địa phương năm 2025 và các văn bản hướng dẫn.\n"
        "2. Tổng kết giai đoạn 2021-2025: năm 2024 đã đạt 98% xã, phường đạt chuẩn tiếp cận pháp luật.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Sở Tư pháp chủ trì, theo dõi; báo cáo UBND tỉnh trước ngày 15/12/2025.\n"
    ),
    # roman headings mixed with Arabic ones, "Phụ lục" sections, quoted names
    "roman-arabic-annex-2025.txt": (
        "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc |\n"
        "Số: 233/KH-SNV | Hưng Yên, ngày 05 tháng 11 năm 2025 |\n"
        "KẾ HOẠCH\n"
        "Kiểm tra công tác cải cách hành chính năm 2025\n"
        "Căn cứ Quyết định số 4012/QĐ-UBND ngày 28/12/2024 của UBND tỉnh Thái Bình ban hành Kế hoạch kiểm tra cải cách hành chính năm 2025, đã được UBND tỉnh Hưng Yên tiếp tục thực hiện;\n"
        "Sở Nội vụ ban hành Kế hoạch kiểm tra như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Đánh giá việc thực hiện nhiệm vụ của các xã, phường từ ngày 01/7/2025.\n"
        "2. Phát hiện, chấn chỉnh hạn chế; nhân rộng mô hình \"Xã, phường thân thiện vì nhân dân phục vụ\".\n"
        "II. NỘI DUNG KIỂM TRA\n"
        "1. Việc tiếp nhận hồ sơ từ Bộ phận Một cửa của UBND huyện Kiến Xương (cũ).\n"
        "2. Việc tổ chức Trung tâm Phục vụ hành chính công xã, phường.\n"
        "III. THỜI GIAN, ĐỐI TƯỢNG\n"
        "Tháng 11 và tháng 12 năm 2025, tại 20 xã, phường (chi tiết tại Phụ lục I).\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Đoàn kiểm tra báo cáo Giám đốc Sở trước ngày 25/12/2025.\n"
        "Trên đây là Kế hoạch kiểm tra công tác cải cách hành chính năm 2025 của Sở Nội vụ./.\n"
        "GIÁM ĐỐC\n"
        "Đỗ Văn Hùng\n"
        "Phụ lục I\n"
        "DANH SÁCH XÃ, PHƯỜNG ĐƯỢC KIỂM TRA\n"
        "TT\tĐơn vị\tThời gian\n"
        "1\tPhường Thái Bình\tTháng 11/2025\n"
        "2\tXã Kiến Xương\tTháng 12/2025\n"
        "Phụ lục II\n"
        "NỘI DUNG KIỂM TRA CHI TIẾT\n"
        "1. Công khai thủ tục hành chính.\n"
        "2. Tỷ lệ hồ sơ trực tuyến năm 2024 của các xã trước sắp xếp.\n"
    ),
}


def findings(text: str, name: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.surface) for f in lint_plan(read_text(text, name=name), today=TODAY)]


#: What each clean plan draws: nothing but the draft's reminders (info) of its blank number and day,
#: once each, at the header (the annex repeating them is the same number and day to fill in).
CLEAN = {
    "ministry-draft-2026.txt": [
        ("PK201", "info", "Số:        /KH-BNV"),
        ("PK104", "info", "ngày      tháng 02 năm 2026"),
    ],
    "party-plan-2025.txt": [],
    "commune-2026.txt": [],
    "merged-province-department-2026.txt": [],
    "decision-with-plan-2025.txt": [],
    "roman-arabic-annex-2025.txt": [],
}


def test_every_layout_has_its_expectation():
    assert sorted(CLEAN) == sorted(LAYOUTS)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_clean_layouts_draw_no_false_finding(name):
    assert findings(LAYOUTS[name], name) == CLEAN[name]


def _gold_for(text: str) -> dict:
    """What portal_top needs of a document's gold: the plan's own header as read."""
    h = read_text(text, name="x.txt").header
    header = {"doc_type": h.doc_type, "number": h.number, "symbol": h.symbol, "title": h.title, "year": h.year}
    return {"header": header, "meta": {"is_news": False}}


@pytest.mark.parametrize("artefact", list(perturb.ARTEFACTS))
def test_layout_findings_survive_each_copy_artefact(artefact):
    for name, text in sorted(LAYOUTS.items()):
        copy = perturb.ARTEFACTS[artefact](text, random.Random(name), _gold_for(text))
        assert key(copy, name) == key(text, name), name


# -- what officers write on purpose --------------------------------------------------------------
DEPARTMENT_2026 = (
    "UBND TỈNH PHÚ THỌ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSỞ TÀI CHÍNH | Độc lập - Tự do - Hạnh phúc |\n"
    "Số: 45/KH-STC | Phú Thọ, ngày 20 tháng 01 năm 2026 |\nKẾ HOẠCH\nCải cách hành chính năm 2026\n"
    "Căn cứ Quyết định số 15/QĐ-UBND ngày 05/01/2026 của UBND tỉnh Phú Thọ ban hành Kế hoạch cải cách "
    "hành chính năm 2026;\n"
    "Sở Tài chính ban hành Kế hoạch cải cách hành chính năm 2026 như sau:\n"
    "I. KẾT QUẢ\n{sentence}\nII. TỔ CHỨC THỰC HIỆN\nVăn phòng Sở theo dõi, báo cáo.\n"
    "Trên đây là Kế hoạch cải cách hành chính năm 2026 của Sở Tài chính./.\n"
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn Bình\n"
)

#: Legitimate sentences of a 2026 plan: past years and periods told of, former bodies and
#: provinces in history, documents still in force, a replaced decree named as replaced, quoted
#: names, other provinces on purpose, bodies whose names look like former ones.
LEGIT_SENTENCES = [
    'Năm 2025, Chỉ số PAR INDEX của tỉnh đã đạt 89,6%, tăng 3 bậc so với năm 2024.',
    'Giai đoạn 2021-2025, tỉnh đã hoàn thành 95% chỉ tiêu cải cách hành chính.',
    'Kế thừa kết quả giai đoạn 2021-2025, phấn đấu giai đoạn 2026-2030 nằm trong nhóm 20 tỉnh dẫn đầu.',
    'Năm 2024 đã đạt 92% hồ sơ trực tuyến; năm 2025 đạt 96%.',
    'Trong các năm 2023, 2024 và 2025, tỉnh Vĩnh Phúc, tỉnh Hòa Bình và tỉnh Phú Thọ (cũ) đều xếp trong nhóm khá.',
    'Tỉnh Phú Thọ được thành lập trên cơ sở hợp nhất tỉnh Vĩnh Phúc, tỉnh Hòa Bình và tỉnh Phú Thọ từ ngày 01/7/2025.',
    'Sở Tài chính (trên cơ sở hợp nhất Sở Kế hoạch và Đầu tư và Sở Tài chính) tiếp tục theo dõi các dự án chuyển tiếp.',
    'Các dự án do Sở Kế hoạch và Đầu tư thẩm định trước ngày 01/3/2025 được tiếp tục thực hiện.',
    'Sở Kế hoạch và Đầu tư tỉnh Vĩnh Phúc (trước sắp xếp) đã triển khai Cổng thông tin doanh nghiệp.',
    'Tiếp tục thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.',
    'Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030.',
    'Tiếp tục thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030.',
    'Tổ chức Ngày Chuyển đổi số quốc gia 10/10 theo Quyết định số 505/QĐ-TTg ngày 22/4/2022 của Thủ tướng Chính phủ.',
    'Hưởng ứng chủ đề năm 2026 "Đẩy mạnh chuyển đổi số toàn diện" do Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phát động.',
    'Tuyên truyền về Giải thưởng "Sở Thông tin và Truyền thông tiêu biểu năm 2023" mà Sở đã nhận.',
    'Giới thiệu cuốn sách "Huyện Tam Nông 20 năm xây dựng và phát triển" do Nhà xuất bản Chính trị quốc gia phát hành.',
    'Đăng tải trên chuyên mục "Cải cách hành chính" của Báo Phú Thọ và Đài Phát thanh và Truyền hình tỉnh.',
    'Người dân các huyện Tam Nông, Thanh Thủy trước đây nay làm thủ tục tại các xã mới.',
    'Trụ sở UBND huyện Lâm Thao cũ được bố trí làm Trung tâm Phục vụ hành chính công khu vực.',
    'Thanh toán các khoản nợ đọng xây dựng cơ bản phát sinh từ năm 2023 trở về trước.',
    'Số liệu đến ngày 31/12/2025; so sánh cùng kỳ năm 2025.',
    'Hoàn thành quyết toán ngân sách năm 2025 trước ngày 30/6/2026.',
    'Dự toán ngân sách năm 2027 được xây dựng trong Quý III/2026.',
    'Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9 (1945-2025).',
    'Đảng ủy Ủy ban nhân dân tỉnh, Đảng ủy Các cơ quan Đảng tỉnh lãnh đạo thực hiện.',
    'Ban Tuyên giáo và Dân vận Tỉnh ủy phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền.',
    'Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh phối hợp thực hiện.',
    'Phòng Tài chính - Kế hoạch các huyện đã bàn giao hồ sơ cho UBND các xã trước ngày 30/6/2025.',
    'Thực hiện Nghị định số 61/2018/NĐ-CP (đã hết hiệu lực từ ngày 01/7/2025) đối với hồ sơ tiếp nhận trước ngày này.',
    'Chỉ tiêu thu ngân sách năm 2026 đạt ít nhất 105% dự toán.',
    'Năm 2026 là năm đầu thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030.',
    'Trong năm, tỉnh Vĩnh Phúc cũ, tỉnh Hòa Bình cũ tiếp tục đối chiếu dữ liệu đất đai.',
    'Tổng kết 5 năm thực hiện Kế hoạch số 120/KH-UBND ngày 10/5/2021 của UBND tỉnh Vĩnh Phúc về cải cách hành chính giai đoạn 2021-2025.',
    'Kế hoạch này thay thế Kế hoạch số 20/KH-STC ngày 10/01/2025 của Sở Tài chính.',
    'Tiếp tục thực hiện các nhiệm vụ chưa hoàn thành của năm 2025.',
    'Kinh phí: từ nguồn ngân sách năm 2026 và nguồn kinh phí năm 2025 chuyển sang.',
    'Báo cáo kết quả (thời gian chốt số liệu từ ngày 15/12/2025 đến ngày 14/12/2026).',
    'Thời gian thực hiện: từ tháng 12/2025 đến tháng 12/2026.',
    'Kế hoạch cải cách hành chính năm 2025 đã hoàn thành 100% nhiệm vụ.',
    'Chỉ số SIPAS năm 2025 của tỉnh xếp thứ 12/34 tỉnh, thành phố.',
    'Phấn đấu Chỉ số PAR INDEX bằng hoặc cao hơn năm 2025.',
    'Duy trì vị trí trong nhóm 10 tỉnh dẫn đầu như năm 2025.',
    'Năm 2025, Sở Tài chính đã tham mưu UBND tỉnh ban hành 15 văn bản.',
    'Tổ chức sơ kết 6 tháng đầu năm 2026 và tổng kết năm 2026.',
    'Thực hiện từ năm 2026 đến hết năm 2030.',
    'Phấn đấu đến năm 2030, 100% thủ tục hành chính được số hóa.',
    'Khắc phục tồn tại, hạn chế được chỉ ra tại Báo cáo số 310/BC-UBND ngày 10/12/2025 của UBND tỉnh.',
    'Tiếp thu kết luận của Đoàn kiểm tra cải cách hành chính năm 2025 của Bộ Nội vụ.',
    'Tiếp tục thực hiện Kế hoạch số 98/KH-UBND ngày 05/4/2021 của UBND tỉnh Phú Thọ về chuyển đổi số giai đoạn 2021-2025, định hướng đến năm 2030 đối với các nội dung còn hiệu lực.',
    'Thực hiện Luật Tổ chức chính quyền địa phương số 72/2025/QH15 và Luật Ban hành văn bản quy phạm pháp luật năm 2025.',
    'Áp dụng Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ về số hóa hồ sơ.',
    'Tổ chức Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026 trong tháng 01/2026.',
    'Giao Văn phòng Sở tham mưu Giám đốc Sở phê duyệt danh sách trước ngày 31/01/2026.',
    'Ngày 01/7/2025, tỉnh Phú Thọ mới chính thức đi vào hoạt động.',
    'Học tập kinh nghiệm của tỉnh Quảng Ninh, thành phố Đà Nẵng trong xây dựng chính quyền số.',
    'Sở Y tế, Sở Giáo dục và Đào tạo, Sở Xây dựng, Sở Nông nghiệp và Môi trường phối hợp thực hiện.',
    'Chi cục Thuế khu vực, Kho bạc Nhà nước khu vực phối hợp thực hiện thanh toán trực tuyến.',
    'Tòa án nhân dân khu vực 1 - Phú Thọ phối hợp giải quyết.',
    'Tiếp nhận nguyên trạng Trung tâm Xúc tiến đầu tư thuộc Sở Kế hoạch và Đầu tư trước đây.',
    'Bàn giao tài liệu lưu trữ của Sở Giao thông vận tải (cũ) cho Sở Xây dựng.',
    'Cán bộ, công chức có trình độ đại học trở lên đạt 95% (năm 2024 đạt 91%).',
    'Tổ chức tập huấn cho 1.200 lượt cán bộ (năm trước: 980 lượt).',
    'Giảm 30% số cuộc họp so với năm 2025.',
    'Ban Dân tộc HĐND tỉnh giám sát việc thực hiện chính sách dân tộc.',
    'Ban Dân tộc và Tôn giáo của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền.',
    'Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tuyên truyền.',
    # the reorganisation itself, told of
    'Sau khi kết thúc hoạt động của chính quyền cấp huyện, các nhiệm vụ được chuyển về cấp xã.',
    'Chuyển giao nhiệm vụ của UBND cấp huyện cho UBND cấp xã theo quy định về phân định thẩm quyền.',
    'Thực hiện phân cấp, phân quyền từ cấp huyện về cấp xã.',
    'Các thủ tục hành chính trước đây thuộc thẩm quyền cấp huyện nay do cấp xã giải quyết.',
    'Hồ sơ đã tiếp nhận tại UBND huyện trước ngày 01/7/2025 được tiếp tục giải quyết.',
    'Rà soát, bãi bỏ các văn bản do HĐND huyện, UBND huyện ban hành còn hiệu lực.',
    'Mô hình chính quyền địa phương hai cấp, không tổ chức cấp huyện.',
    'Số liệu năm 2025 gồm cả 6 tháng đầu năm của UBND các huyện, thị xã, thành phố trước sắp xếp.',
    'Tiếp tục sử dụng Trung tâm Phục vụ hành chính công tỉnh (trước đây là Trung tâm Phục vụ hành chính công của Sở Thông tin và Truyền thông).',
    'Cổng Dịch vụ công quốc gia, Hệ thống thông tin giải quyết thủ tục hành chính tỉnh được nâng cấp.',
    'Kế thừa kết quả thực hiện Nghị quyết số 05-NQ/TU ngày 10/3/2021 của Ban Chấp hành Đảng bộ tỉnh Bắc Kạn.',
    'Năm 2025, tỉnh đã tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030.',
    'Bộ Tài chính (sau hợp nhất với Bộ Kế hoạch và Đầu tư) hướng dẫn lập dự toán.',
    'Phần mềm do Sở Thông tin và Truyền thông xây dựng năm 2023 tiếp tục được sử dụng.',
    # next year prepared, this year reviewed
    'Xây dựng Kế hoạch cải cách hành chính năm 2027, trình UBND tỉnh trước ngày 15/12/2026.',
    'Tham mưu xây dựng dự toán kinh phí cải cách hành chính năm 2027.',
    'Trong năm 2026 và các năm tiếp theo, duy trì 100% hồ sơ được số hóa.',
    'Kế hoạch này thay thế Kế hoạch cải cách hành chính năm 2025 của Sở Tài chính.',
    'Đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026 theo hướng dẫn của Bộ Nội vụ.',
    'Báo cáo cải cách hành chính quý IV và năm 2026 gửi trước ngày 05/12/2026.',
    'Tiếp tục khắc phục những tồn tại, hạn chế trong cải cách hành chính năm 2025.',
    'Các chỉ tiêu năm 2025 chưa đạt được chuyển sang thực hiện trong năm 2026.',
    'Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ) đã cấp 12.000 chứng thư số.',
    'Số thủ tục hành chính được cắt giảm đạt 20% (năm 2025 đạt 18%).',
    # a decree replaced in part, named in the body for the part still in force
    'Xử lý kỷ luật viên chức theo Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ.',
    'Thực hiện Phụ lục ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 05/01/2026 của UBND tỉnh.',
]


@pytest.mark.parametrize("sentence", LEGIT_SENTENCES, ids=[s[:48] for s in LEGIT_SENTENCES])
def test_legitimate_sentences_draw_no_finding(sentence):
    assert findings(DEPARTMENT_2026.format(sentence=sentence), "so-tai-chinh-2026.txt") == []


# -- defects by kind, typed into the same plans ----------------------------------------------------
# (plan, [(as written, with the defect)], (code, severity, flagged words), Vietnamese message start)
DEFECTS = [
    # a stale year: the closing sentence and the plan naming itself with last year
    ("commune-2026.txt", [("chuyển đổi số năm 2026 của UBND", "chuyển đổi số năm 2025 của UBND")],
     ("PK101", "error", "năm 2025"), "Năm 2025 không phải năm của kế hoạch (2026)"),
    ("ministry-draft-2026.txt", [("Bộ Nội vụ ban hành Kế hoạch cải cách hành chính năm 2026",
                                  "Bộ Nội vụ ban hành Kế hoạch cải cách hành chính năm 2025")],
     ("PK101", "error", "năm 2025"), "Năm 2025 không phải năm của kế hoạch (2026)"),
    ("roman-arabic-annex-2025.txt", [("cải cách hành chính năm 2025 của Sở Nội vụ", "cải cách hành chính năm 2024 của Sở Nội vụ")],
     ("PK101", "error", "năm 2024"), "Năm 2024 không phải năm của kế hoạch (2025)"),
    ("ministry-draft-2026.txt", [("Cải cách hành chính của Bộ Nội vụ năm 2026\n", "Cải cách hành chính của Bộ Nội vụ năm 2025\n")],
     ("PK102", "warning", "năm 2026"), "Trích yếu ghi năm 2025 nhưng văn bản đề ngày .../02/2026"),
    # a dead agency: a merged ministry or department, a district body, a merged province, a Party body
    ("ministry-draft-2026.txt", [("phối hợp với Bộ Tài chính", "phối hợp với Bộ Kế hoạch và Đầu tư")],
     ("PK302", "error", "Bộ Kế hoạch và Đầu tư"), "'Bộ Kế hoạch và Đầu tư' không còn từ 01/03/2025 (nay là Bộ Tài chính"),
    ("commune-2026.txt", [("- Sở Khoa học và Công nghệ;", "- Sở Thông tin và Truyền thông;")],
     ("PK302", "error", "Sở Thông tin và Truyền thông"), "'Sở Thông tin và Truyền thông' không còn từ 01/03/2025"),
    ("commune-2026.txt", [("định kỳ báo cáo UBND xã", "định kỳ báo cáo UBND huyện Châu Thành")],
     ("PK302", "error", "UBND huyện"), "'UBND huyện' không còn từ 01/07/2025: chính quyền địa phương hai cấp"),
    ("decision-with-plan-2025.txt", [("Chủ tịch UBND các xã, phường", "Chủ tịch UBND các huyện, thành phố")],
     ("PK302", "error", "UBND các huyện, thành phố"), "'UBND các huyện, thành phố' không còn từ 01/07/2025"),
    ("roman-arabic-annex-2025.txt", [("báo cáo Giám đốc Sở", "báo cáo Giám đốc Sở và UBND huyện Kiến Xương")],
     ("PK302", "error", "UBND huyện"), "'UBND huyện' không còn từ 01/07/2025"),
    ("merged-province-department-2026.txt", [("- Sở Nội vụ;", "- Sở Nội vụ;\n- UBND tỉnh Hậu Giang;")],
     ("PK302", "error", "tỉnh Hậu Giang"), "'tỉnh Hậu Giang' không còn từ 01/07/2025 (nay là thành phố Cần Thơ"),
    ("party-plan-2025.txt", [("sau hợp nhất tỉnh Tiền Giang và tỉnh Đồng Tháp", "trên địa bàn tỉnh Tiền Giang")],
     ("PK302", "error", "tỉnh Tiền Giang"), "'tỉnh Tiền Giang' không còn từ 01/07/2025 (nay là tỉnh Đồng Tháp"),
    ("party-plan-2025.txt", [("1. Ban Tuyên giáo và Dân vận Tỉnh ủy", "1. Ban Tuyên giáo Tỉnh ủy")],
     ("PK302", "error", "Ban Tuyên giáo Tỉnh ủy"), "'Ban Tuyên giáo Tỉnh ủy' không còn từ 01/03/2025 (nay là Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("commune-2026.txt", [("3. Phòng Kinh tế phối hợp với Sở Khoa học và Công nghệ", "3. Phòng Kinh tế phối hợp với Ủy ban Dân tộc")],
     ("PK302", "error", "Ủy ban Dân tộc"), "'Ủy ban Dân tộc' không còn từ 01/03/2025 (nay là Bộ Dân tộc và Tôn giáo"),
    # a replaced or expired basis, last year's plan as the basis
    ("ministry-draft-2026.txt", [("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025", "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018")],
     ("PK401", "error", "61/2018/NĐ-CP"), "'61/2018/NĐ-CP' đã được thay thế bởi 118/2025/NĐ-CP từ 01/07/2025"),
    ("decision-with-plan-2025.txt", [("số 72/2025/QH15 ngày 16/6/2025;", "số 77/2015/QH13 ngày 19/6/2015;")],
     ("PK401", "error", "77/2015/QH13"), "'77/2015/QH13' đã được thay thế bởi 72/2025/QH15"),
    ("merged-province-department-2026.txt", [("số 05/KH-UBND ngày 12/01/2026 của UBND thành phố Cần Thơ về cải cách hành chính năm 2026",
                                              "số 05/KH-UBND ngày 12/01/2025 của UBND thành phố Cần Thơ về cải cách hành chính năm 2025")],
     ("PK401", "error", "05/KH-UBND"), "Căn cứ '05/KH-UBND' là kế hoạch năm 2025, không phải năm 2026"),
    # blanks in a signed plan: the number, the day, a figure
    ("merged-province-department-2026.txt", [("Số: 21/KH-SKHCN", "Số:    /KH-SKHCN")],
     ("PK201", "error", "Số:    /KH-SKHCN"), "Chưa điền số văn bản (văn bản đã ký phải có số)"),
    ("merged-province-department-2026.txt", [("Cần Thơ, ngày 30 tháng 01 năm 2026", "Cần Thơ, ngày    tháng 01 năm 2026")],
     ("PK104", "error", "ngày    tháng 01 năm 2026"), "Chưa điền ngày ban hành (văn bản đã ký phải có ngày)"),
    ("commune-2026.txt", [("tỷ lệ hồ sơ trực tuyến toàn trình đã đạt 68%", "tỷ lệ hồ sơ trực tuyến toàn trình đã đạt ...%")],
     ("PK205", "warning", "...%"), "Chưa điền số liệu: văn bản đã ký vẫn để trống"),
    ("merged-province-department-2026.txt", [("đã đạt 2,1 triệu lượt", "đã tăng … lượt")],
     ("PK205", "warning", "…"), "Chưa điền số liệu: văn bản đã ký vẫn để trống"),
    ("ministry-draft-2026.txt", [("phấn đấu năm 2026 đạt trên 92%", "phấn đấu năm 2026 đạt ___%")],
     ("PK205", "info", "___%"), "Chưa điền số liệu (điền trước khi ký ban hành)"),
    # numbering: gaps, repeats, wrong ordinals across sections, at every level
    ("commune-2026.txt", [("III. NHIỆM VỤ", "II. NHIỆM VỤ")],
     ("PK202", "warning", "II."), "Mục II đánh số sai (sau mục II, trước mục IV): có lẽ phải là mục III"),
    ("commune-2026.txt", [("IV. TỔ CHỨC THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN")],
     ("PK202", "warning", "V."), "Sau mục III là mục V: thiếu mục ở giữa"),
    ("commune-2026.txt", [("3. Phòng Kinh tế", "2. Phòng Kinh tế")],
     ("PK202", "warning", "2."), "Số mục 2 bị lặp lại"),
    ("party-plan-2025.txt", [("b) Đưa chỉ tiêu", "c) Đưa chỉ tiêu")],
     ("PK202", "warning", "c)"), "Mục c đánh số sai (sau mục a, trước mục c): có lẽ phải là mục b"),
    ("ministry-draft-2026.txt", [("1.2. Hoàn thành", "1.3. Hoàn thành")],
     ("PK202", "warning", "1.3."), "Sau mục 1.1 là mục 1.3: thiếu mục ở giữa"),
    ("ministry-draft-2026.txt", [("2.2. Công khai", "2.1. Công khai")],
     ("PK202", "warning", "2.1."), "Số mục 2.1 bị lặp lại"),
    ("ministry-draft-2026.txt", [("1.1. Tiếp tục", "1.2. Tiếp tục")],
     ("PK202", "warning", "1.2."), "Mục 1.2 đánh số sai: có lẽ phải là mục 1.1"),
    ("ministry-draft-2026.txt", [("2.1. Gắn", "1.1. Gắn"), ("2.2. Kế thừa", "1.2. Kế thừa")],
     ("PK202", "warning", "1.1."), "Mục 1.1 nằm trong mục 2: có lẽ phải là 2.1"),
    # the plan's own number quoted with another date; a word typed twice
    ("decision-with-plan-2025.txt", [("(Kèm theo Quyết định số 1520/QĐ-UBND ngày 15/9/2025", "(Kèm theo Quyết định số 1520/QĐ-UBND ngày 15/8/2025")],
     ("PK204", "error", "1520/QĐ-UBND ngày 15/8/2025"), "Số 1520/QĐ-UBND được ghi ngày 15/08/2025, khác ngày ở phần đầu văn bản (15/09/2025)"),
    ("roman-arabic-annex-2025.txt", [("Trung tâm Phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công xã xã")],
     ("PK501", "warning", "xã xã"), "Từ 'xã' bị lặp lại"),
    # the attachment line naming the decision by another number of the same day (digits swapped)
    ("decision-with-plan-2025.txt", [("(Kèm theo Quyết định số 1520/QĐ-UBND", "(Kèm theo Quyết định số 1250/QĐ-UBND")],
     ("PK206", "error", "1250/QĐ-UBND"), "Số 1250/QĐ-UBND khác số ở phần đầu văn bản (1520/QĐ-UBND, cùng ngày 15/09/2025)"),
    # a basis replaced in part: a warning naming the successor, the day and the part
    ("ministry-draft-2026.txt", [("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
                                  "Căn cứ Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ về xử lý kỷ luật cán bộ, công chức, viên chức;")],
     ("PK401", "warning", "112/2020/NĐ-CP"),
     "'112/2020/NĐ-CP' đã được thay thế một phần bởi 172/2025/NĐ-CP từ 01/07/2025 (cán bộ, công chức)"),
    # a plan that writes the Vietnamese order (đ) in one list) skipping đ) in another
    ("party-plan-2025.txt", [("đ) Ủy ban nhân dân các xã", "e) Ủy ban nhân dân các xã")],
     ("PK202", "warning", "e)"), "Sau mục d là mục e: thiếu mục đ"),
]


def with_defects(name: str, edits: list[tuple[str, str]]) -> str:
    text = LAYOUTS[name]
    for before, after in edits:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    return text


@pytest.mark.parametrize(
    ("name", "edits", "expected", "message"), DEFECTS, ids=[f"{d[2][0]}-{d[0][:12]}-{d[2][2][:16]}" for d in DEFECTS]
)
def test_a_defect_typed_into_a_plan_is_found_once(name, edits, expected, message):
    text = with_defects(name, edits)
    new = [f for f in lint_plan(read_text(text, name=name), today=TODAY)
           if (f.code, f.severity, f.surface) not in CLEAN[name]]
    assert [(f.code, f.severity, f.surface) for f in new] == [expected]
    vi, _, en = new[0].message.partition(" / ")
    assert vi.startswith(message), vi
    assert re.search(r"\b(?:is|are|was|the|a|no|not|since|left|follows|repeated|sits)\b", en), en


@pytest.mark.parametrize("name", sorted({d[0] for d in DEFECTS}))
def test_defects_keep_their_findings_under_copy_artefacts(name):
    """All the defects of one plan at once (where they do not overlap), copied as PDFs and
    portals copy: the same findings."""
    text = LAYOUTS[name]
    for plan, edits, _, _ in DEFECTS:
        if plan == name and all(text.count(before) == 1 for before, _ in edits):
            for before, after in edits:
                text = text.replace(before, after)
    base = key(text, name)
    assert len(base) > len(CLEAN[name])
    for artefact in ("rewrap-40", "hyphen-breaks-36", "page-breaks", "blank-lines-doubled", "tabs", "nfd", "crlf"):
        copy = perturb.ARTEFACTS[artefact](text, random.Random(name), _gold_for(text))
        assert key(copy, name) == base, artefact


# (body under "KẾ HOẠCH" / subject, [(code, flagged words)]): items numbered with their section's
# number, and what looks like them but is not.
DECIMAL_ITEMS = [
    # a table's rows number themselves (1, 1.1, 1.2, 2, 2.1) inside section 2
    ("I. NỘI DUNG\n1. Mục tiêu\nNội dung.\n2. Nhiệm vụ\nTT\tNhiệm vụ\tĐơn vị\n1\tCải cách thể chế\tSở Tư pháp\n"
     "1.1\tRà soát văn bản\tSở Tư pháp\n1.2\tLấy ý kiến\tVăn phòng\n2\tCải cách TTHC\tVăn phòng\n2.1\tCông khai\tVăn phòng\n"
     "II. TỔ CHỨC THỰC HIỆN\nVăn phòng theo dõi.", []),
    # decimals straight under a Roman section, restarting in the next one
    ("I. MỤC TIÊU\n1.1. Hoàn thành chỉ tiêu.\n1.2. Nâng cao chỉ số.\nII. NHIỆM VỤ\n1.1. Rà soát.\n1.2. Công khai.", []),
    # a thousands dot and a decimal figure at a line's start are no items
    ("I. KẾT QUẢ\n1. Tập huấn\n1.200 lượt cán bộ được tập huấn.\n2.5 lần so với năm trước.\n2. Tuyên truyền\nĐăng 300 tin bài.", []),
    # a gap, a repeat, a step back
    ("I. MỤC TIÊU\n1. Mục đích\n1.1. Một.\n1.2. Hai.\n1.4. Bốn.", [("PK202", "1.4.")]),
    ("I. MỤC TIÊU\n1. Mục đích\n1.1. Một.\n1.2. Hai.\n1.1. Ba.", [("PK202", "1.1.")]),
]


@pytest.mark.parametrize(("body", "expected"), DECIMAL_ITEMS, ids=range(len(DECIMAL_ITEMS)))
def test_items_numbered_with_their_sections_number(body, expected):
    text = f"KẾ HOẠCH\nCải cách hành chính năm 2026\n\n{body}\n"
    found = lint_plan(read_text(text, name="x.txt"), rules=["heading-numbering"], today=TODAY)
    assert [(f.code, f.surface) for f in found] == expected


# (the year in the sentence introducing the plan, the year in the closing sentence, findings)
INTRODUCED = [
    (2026, 2026, []),
    (2025, 2026, [("PK101", "năm 2025")]),  # last year's plan, copied
    (2027, 2026, [("PK101", "năm 2027")]),  # "xây dựng Kế hoạch ... năm 2027 như sau": a slip, not next year's
    (2026, 2027, [("PK101", "năm 2027")]),  # the closing sentence is always the plan's own
]


@pytest.mark.parametrize(("intro", "closing", "expected"), INTRODUCED)
def test_a_later_year_is_next_years_plan_only_where_it_is_prepared(intro, closing, expected):
    text = DEPARTMENT_2026.format(sentence="Nội dung.").replace(
        "Sở Tài chính ban hành Kế hoạch cải cách hành chính năm 2026 như sau:",
        f"Sở Tài chính xây dựng Kế hoạch cải cách hành chính năm {intro} như sau:",
    ).replace("Trên đây là Kế hoạch cải cách hành chính năm 2026", f"Trên đây là Kế hoạch cải cách hành chính năm {closing}")
    found = lint_plan(read_text(text, name="x.txt"), today=TODAY)
    assert [(f.code, f.surface) for f in found] == expected


# (sentence of a Cần Thơ plan, [(code, flagged words)]): another province on purpose, close
# before its name, or in a copied sentence.
OTHER_PROVINCES = [
    ("Học tập kinh nghiệm của tỉnh Quảng Ninh, thành phố Đà Nẵng trong xây dựng chính quyền số.", []),
    ("Chỉ số PAR INDEX cao hơn so với tỉnh Hậu Giang.", []),
    ("Tổ chức đoàn đi học tập kinh nghiệm cải cách hành chính tại tỉnh Quảng Ninh.", []),
    ("Tỷ lệ hồ sơ trực tuyến tăng 5% so với năm 2024 trên địa bàn tỉnh Hưng Yên.", [("PK301", "tỉnh Hưng Yên")]),
    ("Đẩy mạnh hợp tác công tư, thu hút đầu tư trên địa bàn tỉnh Hưng Yên.", [("PK301", "tỉnh Hưng Yên")]),
]


@pytest.mark.parametrize(("sentence", "expected"), OTHER_PROVINCES, ids=[s[:40] for s, _ in OTHER_PROVINCES])
def test_another_province_on_purpose_or_copied(sentence, expected):
    text = f"Cần Thơ, ngày 21 tháng 01 năm 2025\nKẾ HOẠCH\nTuyên truyền CCHC năm 2025\n\n{sentence}"
    found = lint_plan(read_text(text, name="x.txt"), today=TODAY)
    assert [(f.code, f.surface) for f in found] == expected


# -- documents replaced in part, the attachment line's number, the letter đ) ------------------------
PARTLY = (
    "UBND TỈNH PHÚ THỌ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc |\n"
    "Số: 45/KH-SNV | Phú Thọ, ngày {day} |\nKẾ HOẠCH\nKiểm tra công vụ năm {year}\n"
    "{basis}"
    "Sở Nội vụ ban hành Kế hoạch kiểm tra công vụ năm {year} như sau:\n"
    "I. NỘI DUNG\n{body}\nII. TỔ CHỨC THỰC HIỆN\nVăn phòng Sở theo dõi.\n"
)
ND112 = "Căn cứ Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ về xử lý kỷ luật cán bộ, công chức, viên chức;\n"
ND172 = "Căn cứ Nghị định số 172/2025/NĐ-CP ngày 30/6/2025 của Chính phủ về xử lý kỷ luật cán bộ, công chức;\n"
ND61 = "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về một cửa, một cửa liên thông;\n"
PARTLY_MESSAGE = (
    "'112/2020/NĐ-CP' đã được thay thế một phần bởi 172/2025/NĐ-CP từ 01/07/2025 (cán bộ, công chức): kiểm "
    "tra phần được viện dẫn còn hiệu lực / '112/2020/NĐ-CP' was partly replaced by 172/2025/NĐ-CP from "
    "2025-07-01 (cán bộ, công chức): check that the part relied on is still in force"
)

# (plan's day, year, basis lines, a body line, [(code, severity, flagged words, message or None)])
PARTLY_REPLACED = [
    # after the change, the old decree alone as a basis: a warning, not an error
    ("20 tháng 01 năm 2026", 2026, ND112, "Nội dung.", [("PK401", "warning", "112/2020/NĐ-CP", PARTLY_MESSAGE)]),
    ("01 tháng 7 năm 2025", 2025, ND112, "Nội dung.", [("PK401", "warning", "112/2020/NĐ-CP", PARTLY_MESSAGE)]),
    # before the change: the decree was whole
    ("30 tháng 6 năm 2025", 2025, ND112, "Nội dung.", []),
    ("15 tháng 01 năm 2025", 2025, ND112, "Nội dung.", []),
    # the plan cites the successor too (before or after it): each for its own part
    ("20 tháng 01 năm 2026", 2026, ND172 + ND112, "Nội dung.", []),
    ("20 tháng 01 năm 2026", 2026, ND112 + ND172, "Nội dung.", []),
    ("20 tháng 01 năm 2026", 2026, ND112,
     "Xử lý kỷ luật cán bộ, công chức theo Nghị định số 172/2025/NĐ-CP ngày 30/6/2025 của Chính phủ.", []),
    # named in the body only (viên chức are still under it): no finding
    ("20 tháng 01 năm 2026", 2026, "",
     "Xử lý kỷ luật viên chức theo Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ.", []),
    # a whole replacement stays an error
    ("20 tháng 01 năm 2026", 2026, ND61, "Nội dung.", [("PK401", "error", "61/2018/NĐ-CP", None)]),
]


@pytest.mark.parametrize(("day", "year", "basis", "body", "expected"), PARTLY_REPLACED,
                         ids=[f"{d[0][-4:]}-{d[0][:8]}-{i}" for i, d in enumerate(PARTLY_REPLACED)])
def test_a_basis_replaced_in_part(day, year, basis, body, expected):
    text = PARTLY.format(day=day, year=year, basis=basis, body=body)
    found = lint_plan(read_text(text, name="x.txt"), today=TODAY)
    assert [(f.code, f.severity, f.surface) for f in found] == [e[:3] for e in expected]
    for f, (*_, message) in zip(found, expected, strict=True):
        if message is not None:
            assert f.message == message


DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: {number}/QĐ-UBND\nLạng Sơn, ngày 03 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
    "Ban hành Kế hoạch chuyển đổi số năm 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;\n"
    "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\nCHỦ TỊCH\nHoàng Văn Tân\n"
    "KẾ HOẠCH\nChuyển đổi số năm 2026\n{attached}\n"
    "I. NỘI DUNG\n{body}\n"
)
SWAPPED = "(Kèm theo Quyết định số 318/QĐ-UBND ngày 03/3/2026 của Chủ tịch UBND tỉnh Lạng Sơn)"

# (header number, attachment line, a body line, [(code, flagged words)]) with PK204 and PK206 selected
ATTACHMENT_NUMBERS = [
    ("381", "(Kèm theo Quyết định số 381/QĐ-UBND ngày 03/3/2026 của Chủ tịch UBND tỉnh Lạng Sơn)", "Nội dung.", []),
    ("381", SWAPPED, "Nội dung.", [("PK206", "318/QĐ-UBND")]),
    # "ban hành" before "kèm theo", the date in words, the line wrapped inside the parenthesis
    ("381", "(Ban hành kèm theo Quyết định\nsố 318/QĐ-UBND ngày 03 tháng 3 năm 2026 của Chủ tịch UBND tỉnh)", "Nội dung.",
     [("PK206", "318/QĐ-UBND")]),
    # no date on the line: the number alone is compared
    ("381", "(Kèm theo Quyết định số 318/QĐ-UBND của Chủ tịch UBND tỉnh Lạng Sơn)", "Nội dung.", [("PK206", "318/QĐ-UBND")]),
    # the same number of another day: the date is the slip (PK204), one finding
    ("381", "(Kèm theo Quyết định số 381/QĐ-UBND ngày 03/3/2025 của Chủ tịch UBND tỉnh Lạng Sơn)", "Nội dung.",
     [("PK204", "381/QĐ-UBND ngày 03/3/2025")]),
    # another decision of the same day named in the body, not on the attachment line
    ("381", "(Kèm theo Quyết định số 381/QĐ-UBND ngày 03/3/2026 của Chủ tịch UBND tỉnh Lạng Sơn)",
     "Thực hiện các nhiệm vụ tại Phụ lục ban hành kèm theo Quyết định số 318/QĐ-UBND ngày 03/3/2026 của UBND tỉnh.", []),
    # a draft: the header's number is blank, nothing to compare
    ("     ", SWAPPED, "Nội dung.", []),
]


@pytest.mark.parametrize(("number", "attached", "body", "expected"), ATTACHMENT_NUMBERS,
                         ids=range(len(ATTACHMENT_NUMBERS)))
def test_the_attachment_line_names_the_header_number(number, attached, body, expected):
    text = DECISION.format(number=number, attached=attached, body=body)
    found = lint_plan(read_text(text, name="x.txt"), rules=["PK204", "PK206"], today=TODAY)
    assert [(f.code, f.surface) for f in found] == expected


def test_an_appendix_naming_its_plan_by_another_number():
    text = (
        "UBND TỈNH LẠNG SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc |\n"
        "Số: 45/KH-SNV | Lạng Sơn, ngày 05 tháng 02 năm 2026 |\nKẾ HOẠCH\nKiểm tra công vụ năm 2026\n"
        "I. NỘI DUNG\nKiểm tra theo Phụ lục.\nGIÁM ĐỐC\nNông Văn Lực\nPHỤ LỤC\n"
        "(Kèm theo Kế hoạch số 54/KH-SNV ngày 05/02/2026 của Sở Nội vụ)\n"
    )
    found = lint_plan(read_text(text, name="x.txt"), today=TODAY)
    assert [(f.code, f.severity, f.surface, f.message) for f in found] == [
        ("PK206", "error", "54/KH-SNV", "Số 54/KH-SNV khác số ở phần đầu văn bản (45/KH-SNV, cùng ngày 05/02/2026) / "
         "54/KH-SNV differs from the header's number 45/KH-SNV (same date 05/02/2026)"),
    ]


LATIN = "a) Một.\nb) Hai.\nc) Ba.\nd) Bốn.\ne) Năm.\n"
VIETNAMESE = "a) Một.\nb) Hai.\nc) Ba.\nd) Bốn.\nđ) Năm.\ne) Sáu.\n"

# (items of section 1, items of section 2, [flagged words]) under "I. NỘI DUNG"
LETTERS = [
    (LATIN, "", []),  # the Latin order, kept throughout
    (LATIN, LATIN, []),
    (VIETNAMESE, VIETNAMESE, []),
    (VIETNAMESE + "g) Bảy.\n", "", []),  # e then g: the Vietnamese alphabet has no f
    (VIETNAMESE, LATIN, ["e)"]),  # the plan writes đ) in one list and skips it in the other
    (LATIN, VIETNAMESE, ["e)"]),  # whichever comes first
    (LATIN.replace("e)", "đ)"), LATIN, ["e)"]),
    (LATIN, "".join("  - " + line + "\n" for line in VIETNAMESE.splitlines()), ["e)"]),  # đ) after an indent and a list mark
    # "điểm đ)" inside a sentence is no item: the plan's own lists are Latin
    (LATIN, "a) Theo điểm đ) khoản 1 Điều 5 Nghị định.\nb) Hai.\n", []),
]


@pytest.mark.parametrize(("first", "second", "expected"), LETTERS, ids=range(len(LETTERS)))
def test_the_letter_d_with_stroke_is_missing_only_in_a_plan_that_writes_it(first, second, expected):
    text = f"KẾ HOẠCH\nCải cách hành chính năm 2026\n\nI. NỘI DUNG\n1. Một\n{first}2. Hai\n{second}"
    found = lint_plan(read_text(text, name="x.txt"), rules=["heading-numbering"], today=TODAY)
    assert [f.surface for f in found] == expected
    for f in found:
        assert f.message.startswith("Sau mục d là mục e: thiếu mục đ (văn bản đánh chữ cái theo thứ tự tiếng Việt")
