"""Kinds of layout a draft must carry over (session 8): the plan's own sentence after a
semicolon leaves the basis, a letter's "Kính gửi:" block, headings without a number kept in
bold, signature blocks of the Government, a ministry and a Party committee, a ward's own place
line, recipients at the district level after 2025-07-01. Layout is read back from the .docx with
lxml over the zip, not with plankit's reader. The fixtures are invented (agencies, numbers,
names), their layouts are real."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from plankit.draft import INTRO_RE, draft_plan, signer_hint
from plankit.read import read_text
from plankit.render import render_docx, template_context
from plankit.text import fold

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEAD = """UBND TỈNH CAO BẰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\tĐộc lập - Tự do - Hạnh phúc
Số: 45/KH-SVHTTDL\tCao Bằng, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025

"""
TAIL = """
I. MỤC ĐÍCH, YÊU CẦU
Tổ chức tuyên truyền trong năm 2025.
Trên đây là Kế hoạch năm 2025 của Sở./.
Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Trần Thị Mẫu
"""
CITED = "Căn cứ Kế hoạch số 12/KH-UBND ngày 08/01/2025 của UBND tỉnh"
BODY = "Sở Văn hóa, Thể thao và Du lịch"


@pytest.mark.parametrize(("clause", "basis", "intro"), [
    # the plan's sentence after a semicolon, ending in each way a plan ends it
    (f"{CITED}; {BODY} xây dựng Kế hoạch tuyên truyền năm 2025 như sau:",
     f"{CITED}.", f"{BODY} xây dựng Kế hoạch tuyên truyền năm 2026 như sau:"),
    (f"{CITED}; {BODY} ban hành Kế hoạch tuyên truyền năm 2025 với các nội dung sau:",
     f"{CITED}.", f"{BODY} ban hành Kế hoạch tuyên truyền năm 2026 với các nội dung sau:"),
    (f"{CITED}; {BODY} xây dựng Kế hoạch thực hiện năm 2025:",
     f"{CITED}.", f"{BODY} xây dựng Kế hoạch thực hiện năm 2026:"),
    (f"{CITED}; {BODY} xây dựng Kế hoạch tuyên truyền năm 2025.",
     f"{CITED}.", f"{BODY} xây dựng Kế hoạch tuyên truyền năm 2026."),
    (f"{CITED}; {BODY} triển khai thực hiện Kế hoạch tuyên truyền năm 2025 như sau:",
     f"{CITED}.", f"{BODY} triển khai thực hiện Kế hoạch tuyên truyền năm 2026 như sau:"),
    # its purpose before it goes with it
    (f"{CITED}; để triển khai thực hiện có hiệu quả, {BODY} xây dựng Kế hoạch năm 2025 như sau:",
     f"{CITED}.", f"Để triển khai thực hiện có hiệu quả, {BODY} xây dựng Kế hoạch năm 2026 như sau:"),
    # the head who signs for the body, and a cited plan's own year that stays
    (f"{CITED} về tuyên truyền năm 2025; Giám đốc {BODY} ban hành Kế hoạch năm 2025, cụ thể như sau:",
     f"{CITED} về tuyên truyền năm 2025.", f"Giám đốc {BODY} ban hành Kế hoạch năm 2026, cụ thể như sau:"),
])
def test_the_plans_sentence_after_a_semicolon_leaves_the_basis(clause, basis, intro):
    draft = draft_plan(read_text(HEAD + clause + TAIL, name="so-vhttdl-2025.txt"), year=2026)
    lines = draft.text.splitlines()
    at = lines.index("Tuyên truyền cải cách hành chính năm 2026")
    assert lines[at + 2 : at + 4] == [basis, intro]


@pytest.mark.parametrize(("sentence", "intro"), [
    # after a comma a full stop is no end: a cited document's own words ("... các sở, ban, ngành
    # xây dựng kế hoạch ...") stay in the basis
    ("Thực hiện Công văn số 45/SNV-CCHC của Sở Nội vụ đề nghị các sở, ban, ngành xây dựng kế hoạch năm 2025.", None),
    ("Căn cứ Kế hoạch số 12/KH-UBND; Sở Nội vụ xây dựng kế hoạch năm 2025.", "so noi vu xay dung ke hoach nam 2025."),
    ("Căn cứ Kế hoạch số 12/KH-UBND, Sở Nội vụ xây dựng kế hoạch năm 2025 với các nội dung sau:",
     "so noi vu xay dung ke hoach nam 2025 voi cac noi dung sau:"),
    ("Căn cứ Quyết định số 12/QĐ-UBND của Chủ tịch UBND tỉnh về ban hành Kế hoạch năm 2024;", None),
])
def test_intro_re_endings(sentence, intro):
    m = INTRO_RE.search(fold(sentence))
    assert (m.group("intro") if m else None) == intro


LETTER_TOP = """UBND TỈNH CAO BẰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc
Số: 45/STP-PBGDPL\tCao Bằng, ngày 10 tháng 01 năm 2024
V/v hướng dẫn phổ biến, giáo dục pháp luật năm 2024

"""
LETTER_REST = """Thực hiện Kế hoạch số 05/KH-UBND ngày 04/01/2024 của UBND tỉnh Cao Bằng, Sở Tư pháp đề nghị như sau:
1. Tổ chức tuyên truyền các văn bản pháp luật mới trong năm 2024.
2. Gửi kết quả về Sở Tư pháp.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Trần Thị Mẫu
"""


def _paragraphs(path) -> list[tuple[str, int, bool]]:
    """(text, left indent in twentieths of a point, every run bold) of each paragraph outside tables."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        if any(a.tag == W + "tbl" for a in p.iterancestors()):
            continue
        runs = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if not text.strip():
            continue
        ind = p.find(f"{W}pPr/{W}ind")
        left = int(ind.get(W + "left", "0")) if ind is not None else 0
        bold = bool(runs) and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)
        out.append((text, left, bold))
    return out


MM = 1440 / 25.4  # twentieths of a point in a millimetre


@pytest.mark.parametrize(("addressed", "block"), [
    ("Kính gửi:\n- Ủy ban nhân dân các xã, phường;\n- Các sở, ban, ngành tỉnh.\n",
     [("Kính gửi:", 35), ("- Ủy ban nhân dân các xã, phường;", 52.5), ("- Các sở, ban, ngành tỉnh.", 52.5)]),
    ("Kính gửi: - Ủy ban nhân dân các xã, phường;\n- Các sở, ban, ngành tỉnh.\n",
     [("Kính gửi:", 35), ("- Ủy ban nhân dân các xã, phường;", 52.5), ("- Các sở, ban, ngành tỉnh.", 52.5)]),
    ("Kính gửi: Ủy ban nhân dân các xã, phường.\n", [("Kính gửi: Ủy ban nhân dân các xã, phường.", 35)]),
])
def test_a_letters_addressees_are_their_own_block(tmp_path, addressed, block):
    draft = draft_plan(read_text(LETTER_TOP + addressed + LETTER_REST, name="cv-2024.txt"), year=2025)
    kinds = [(b["kind"], b["level"]) for b in template_context(draft)["body"][: len(block) + 1]]
    assert kinds == [("to", 0)] + [("to", 1)] * (len(block) - 1) + [("paragraph", 0)]
    paragraphs = _paragraphs(render_docx(draft, tmp_path / "cv.docx"))
    start = next(k for k, (t, _i, _b) in enumerate(paragraphs) if t.startswith("Kính gửi"))
    got = [(t, round(i / MM, 1), b) for t, i, b in paragraphs[start : start + len(block) + 1]]
    assert got[:-1] == [(t, mm, False) for t, mm in block]
    assert got[-1][0].startswith("Thực hiện Kế hoạch số 05/KH-UBND")  # the body follows, as body


WARD = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HÒA BÌNH\tĐộc lập - Tự do - Hạnh phúc
Số: 37/KH-UBND\tHòa Bình, ngày 12 tháng 8 năm 2025

KẾ HOẠCH
Tuyên truyền phổ biến giáo dục pháp luật năm 2025

Căn cứ Kế hoạch số 12/KH-UBND ngày 08/01/2025 của UBND tỉnh Phú Thọ về phổ biến, giáo dục pháp luật năm 2025; Ủy ban nhân dân phường Hòa Bình xây dựng Kế hoạch tuyên truyền năm 2025 như sau:
I. MỤC ĐÍCH, YÊU CẦU
Mục đích
Nâng cao nhận thức pháp luật cho nhân dân trên địa bàn phường năm 2025.
Nhiệm vụ trọng tâm
- Tuyên truyền trên hệ thống loa truyền thanh.
Trên đây là Kế hoạch tuyên truyền năm 2025 của UBND phường Hòa Bình./.
Nơi nhận:
- UBND tỉnh Phú Thọ;
- UBND các huyện, thành phố;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Mẫu
"""


@pytest.fixture(scope="module")
def ward(tmp_path_factory):
    draft = draft_plan(read_text(WARD, name="phuong-hoa-binh-2025.txt"), year=2026)
    return draft, _paragraphs(render_docx(draft, tmp_path_factory.mktemp("ward") / "ward.docx"))


@pytest.mark.parametrize(("text", "bold"), [
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("Mục đích", True),  # headings without a number, in bold as the plan printed them
    ("Nhiệm vụ trọng tâm", True),
    ("Nâng cao nhận thức pháp luật cho nhân dân trên địa bàn phường năm 2026.", False),
    ("- Tuyên truyền trên hệ thống loa truyền thanh.", False),
])
def test_headings_without_a_number_stay_bold(ward, text, bold):
    _draft, paragraphs = ward
    assert [b for t, _i, b in paragraphs if t == text] == [bold]


def test_a_wards_place_is_the_ward_not_the_merged_province(ward):
    draft, _ = ward
    assert (draft.header.place, draft.header.date_parts.year) == ("Hòa Bình", 2026)
    assert draft.text.splitlines()[2] == "Số:       /KH-UBND\tHòa Bình, ngày       tháng 8 năm 2026"


def test_district_level_recipients_are_a_todo_after_the_merger(ward):
    draft, _ = ward
    todo = [(t.kind, draft.text[t.span.start : t.span.end]) for t in draft.todo if t.kind == "district"]
    assert todo == [("district", "UBND các huyện")]


@pytest.mark.parametrize(("body", "hint"), [
    ("Thủ tướng Chính phủ", "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG hoặc THỦ TƯỚNG"),
    ("Chính phủ", "TM. CHÍNH PHỦ / KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG hoặc TM. CHÍNH PHỦ / THỦ TƯỚNG"),
    ("Văn phòng Chính phủ", "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM hoặc BỘ TRƯỞNG, CHỦ NHIỆM"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG hoặc BỘ TRƯỞNG"),
    ("Bộ trưởng Bộ Y tế", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG hoặc BỘ TRƯỞNG"),
    ("HĐND tỉnh Lào Cai", "TM. HỘI ĐỒNG NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH hoặc TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH"),
    ("Chủ tịch UBND tỉnh Lào Cai", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH hoặc CHỦ TỊCH"),
    ("Tỉnh ủy Bắc Ninh", "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ hoặc T/M BAN THƯỜNG VỤ / BÍ THƯ"),
    ("Ban Chấp hành Đảng bộ tỉnh Bắc Ninh", "T/M BAN CHẤP HÀNH / PHÓ BÍ THƯ hoặc T/M BAN CHẤP HÀNH / BÍ THƯ"),
    ("Chi bộ Văn phòng", "T/M CHI BỘ / PHÓ BÍ THƯ hoặc T/M CHI BỘ / BÍ THƯ"),
])
def test_signer_hint_of_the_government_ministries_and_party(body, hint):
    assert signer_hint(body) == hint


PRIME_MINISTER = """THỦ TƯỚNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 1589/QĐ-TTg\tHà Nội, ngày 24 tháng 7 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch triển khai cải cách hành chính năm 2025

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai cải cách hành chính năm 2025.
Nơi nhận:
- Các Bộ, cơ quan ngang Bộ;
- Lưu: VT, TCCV.
{signature}
Nguyễn Văn Mẫu
"""


@pytest.mark.parametrize(("signature", "lines", "todo"), [
    ("KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG", ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"], []),
    ("THỦ TƯỚNG", ["THỦ TƯỚNG"], []),
    # "KT. THỦ TƯỚNG" without the deputy's own title under it: the block Nghị định 30/2020 gives
    ("KT. THỦ TƯỚNG", ["KT. THỦ TƯỚNG"],
     ["Chưa có chức danh người ký (KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG hoặc THỦ TƯỚNG): bổ sung (the signer's title is missing)"]),
])
def test_the_prime_ministers_signature_block(signature, lines, todo):
    draft = draft_plan(read_text(PRIME_MINISTER.format(signature=signature), name="ttg-2025.txt"), year=2026)
    tail = draft.text.splitlines()
    at = tail.index("- Lưu: VT, TCCV.")
    assert tail[at + 2 : at + 2 + len(lines)] == lines
    assert [t.message for t in draft.todo if t.kind == "signer"] == todo


def test_headings_without_a_number_stay_bold_through_a_template_from_the_plan(tmp_path):
    from plankit.template import template_from_plan

    draft = draft_plan(read_text(WARD, name="phuong-hoa-binh-2025.txt"), year=2026)
    own = render_docx(draft, tmp_path / "ke-hoach-2026.docx")
    template = template_from_plan(own, tmp_path / "mau.docx")
    again = draft_plan(draft, year=2027)
    paragraphs = _paragraphs(render_docx(again, tmp_path / "ke-hoach-2027.docx", template=template))
    got = {t: b for t, _i, b in paragraphs}
    assert (got["Mục đích"], got["Nhiệm vụ trọng tâm"]) == (True, True)
    assert got["Nâng cao nhận thức pháp luật cho nhân dân trên địa bàn phường năm 2027."] is False


@pytest.mark.parametrize(("issuer", "lines"), [
    # a long name breaks where it breaks itself, not where the 74 mm cell wraps it
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", ["BỘ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]),
    ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH CỦA CHÍNH PHỦ", ["BAN CHỈ ĐẠO CẢI CÁCH", "HÀNH CHÍNH CỦA CHÍNH PHỦ"]),
    # a Sở fits on one line, under the people's committee of the province it is dated in
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", ["UBND THÀNH PHỐ HÀ NỘI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]),
])
def test_a_long_issuer_is_two_lines_in_the_header(tmp_path, issuer, lines):
    text = f"""{issuer}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 512/KH-BQL\tHà Nội, ngày 14 tháng 02 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Hoàn thành 100% nhiệm vụ năm 2025.
"""
    draft = draft_plan(read_text(text, name="bo-2025.txt"), year=2026)
    with zipfile.ZipFile(render_docx(draft, tmp_path / "bo.docx")) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    cell = next(root.iter(W + "tc"))
    printed = ["".join(t.text or "" for t in p.iter(W + "t")) for p in cell.iter(W + "p")]
    assert [t for t in printed if t] == lines


MERGED_INTO_A_CITY = """UBND TỈNH HẢI DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc
Số: 12/KH-STP\tHải Dương, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Phổ biến pháp luật năm 2025

Căn cứ Kế hoạch số 5/KH-UBND ngày 02/01/2025 của UBND tỉnh về phổ biến pháp luật năm 2025;
Sở Tư pháp xây dựng Kế hoạch năm 2025 như sau:
I. MỤC ĐÍCH
{body}
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
GIÁM ĐỐC
Trần Văn Mẫu
"""


@pytest.mark.parametrize(("body", "drafted"), [
    # a province merged into a centrally run city: its own bodies named without a place are the city's
    ("Thực hiện chỉ đạo của UBND tỉnh, Tỉnh ủy trong năm 2025.",
     "Thực hiện chỉ đạo của UBND thành phố, Thành ủy trong năm 2026."),
    ("Tuyên truyền trên địa bàn tỉnh; phối hợp với các sở, ban, ngành tỉnh.",
     "Tuyên truyền trên địa bàn thành phố; phối hợp với các sở, ban, ngành thành phố."),
    ("Báo cáo Chủ tịch Ủy ban nhân dân tỉnh Hải Dương.", "Báo cáo Chủ tịch Ủy ban nhân dân thành phố Hải Phòng."),
    # words that only look like it stay
    ("Phối hợp với Trường Chính trị tỉnh.", "Phối hợp với Trường Chính trị tỉnh."),
])
def test_a_provinces_own_bodies_become_the_citys(body, drafted):
    draft = draft_plan(read_text(MERGED_INTO_A_CITY.format(body=body), name="stp-2025.txt"), year=2026)
    lines = draft.text.splitlines()
    assert lines[0] == "UBND THÀNH PHỐ HẢI PHÒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    # the cited plan's issuer is history: "của UBND tỉnh" stays in the basis
    assert lines[7] == "Căn cứ Kế hoạch số 5/KH-UBND ngày 02/01/2025 của UBND tỉnh về phổ biến pháp luật năm 2025;"
    assert lines[10] == drafted
    assert "- UBND thành phố;" in lines


MULTI_YEAR = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LẠNG SƠN\tĐộc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND\tLạng Sơn, ngày 20 tháng 3 năm {issued}

KẾ HOẠCH
Cải cách hành chính nhà nước giai đoạn {period}

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;
Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn {period} như sau:
I. MỤC TIÊU
Nâng cao chỉ số hài lòng của người dân.
Trên đây là Kế hoạch cải cách hành chính giai đoạn {period} của UBND tỉnh Lạng Sơn./.
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Mẫu
"""


@pytest.mark.parametrize(("issued", "period", "year", "drafted", "todo"), [
    # the plan's own period has just ended: the draft is of the next one, as long, in the subject,
    # the sentence that issues it and the closing; the cited programme's period stays
    (2021, "2021-2025", 2026, "2026-2030", ["period"] * 3),
    (2021, "2021 - 2025", 2026, "2026 - 2030", ["period"] * 3),
    # drafted within its period, or a year later than the next: it stays (a to-do when ended)
    (2026, "2026-2030", 2027, "2026-2030", []),
    (2021, "2021-2025", 2027, "2021-2025", ["period"] * 3),
])
def test_a_multi_year_plans_period(issued, period, year, drafted, todo):
    text = MULTI_YEAR.format(issued=issued, period=period)
    draft = draft_plan(read_text(text, name=f"ls-{issued}.txt"), year=year)
    lines = draft.text.splitlines()
    assert lines[5] == f"Cải cách hành chính nhà nước giai đoạn {drafted}"
    assert lines[7].endswith("giai đoạn 2021-2030;")
    assert lines[8] == f"Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn {drafted} như sau:"
    assert lines[11] == f"Trên đây là Kế hoạch cải cách hành chính giai đoạn {drafted} của UBND tỉnh Lạng Sơn./."
    assert [t.kind for t in draft.todo if t.kind == "period"] == todo


def test_a_multi_year_plans_period_on_the_tracked_route(tmp_path):
    import docx

    from plankit.track import draft_docx

    document = docx.Document()
    for line in MULTI_YEAR.format(issued=2021, period="2021-2025").splitlines():
        document.add_paragraph(line.replace("\t", "    "))
    document.save(tmp_path / "ls-2021.docx")
    result = draft_docx(tmp_path / "ls-2021.docx", year=2026, out=tmp_path / "ls-2026.docx")
    periods = [(m.split(":")[0], anchored) for kind, m, anchored in result.todo if kind == "period"]
    assert periods == [("Giai đoạn mới 2026-2030", "giai đoạn 2021-2025")] * 3
