"""Drafts of the layouts officers feed besides a Sở's plan: a ministry's (Hà Nội, no province), a
commune's after the 2025 two-level reform (its province above, no district), a Sở of a province
merged on 2025-07-01 (the new province's name), a plan whose header a portal dropped. The .docx
headers are read back with lxml over the zip, not with plankit's reader."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from lxml import etree

from plankit.draft import draft_plan
from plankit.read import read_plan, read_text
from plankit.render import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_walk = importlib.util.spec_from_file_location("docx_walk", Path(__file__).with_name("docx_walk.py"))
docx_walk = importlib.util.module_from_spec(_walk)
_walk.loader.exec_module(docx_walk)
BLANK_DAY = "ngày       tháng"

MINISTRY = """BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 120/KH-BNV\tHà Nội, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;
Bộ Nội vụ ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính năm 2025.
Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Bộ Nội vụ./.
Nơi nhận:
- Các Thứ trưởng;
- Lưu: VT, CCHC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Mẫu
"""

COMMUNE = """UBND TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND XÃ LONG SƠN\tĐộc lập - Tự do - Hạnh phúc
Số: 45/KH-UBND\tLong Sơn, ngày 18 tháng 7 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025 trên địa bàn xã

Căn cứ Kế hoạch số 90/KH-UBND ngày 10/7/2025 của UBND tỉnh Quảng Ngãi về cải cách hành chính năm 2025;
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chỉ số hài lòng của người dân về cải cách hành chính năm 2025.
Trên đây là Kế hoạch cải cách hành chính năm 2025 của UBND xã Long Sơn./.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Mẫu
"""

MERGED_PROVINCE = """UBND TỈNH THÁI BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc
Số: 25/KH-SNV\tThái Bình, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025

Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2025 của UBND tỉnh Thái Bình về cải cách hành chính năm 2025;
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về cải cách hành chính trên địa bàn tỉnh Thái Bình năm 2025.
Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở Nội vụ tỉnh Thái Bình./.
Nơi nhận:
- UBND tỉnh Thái Bình;
- Sở Lao động - Thương binh và Xã hội;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Văn Mẫu
"""

# A portal's summary of a commune's plan: no header, the issuer named in the text only.
PORTAL_SUMMARY = """KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025
Ngày 18 tháng 7 năm 2025 Ủy ban nhân dân xã Tân Phước đã ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn xã.
UBND xã Tân Phước ban hành Kế hoạch cải cách hành chính Nhà nước năm 2025 trên địa bàn xã, cụ thể như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao chỉ số cải cách hành chính của xã năm 2025.
"""

TARGET_SUBJECT = """UBND TỈNH TUYÊN QUANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\tĐộc lập - Tự do - Hạnh phúc
Số: 70/KH-SVHTTDL\tTuyên Quang, ngày 27 tháng 4 năm 2022

KẾ HOẠCH
Thực hiện Chiến lược phát triển văn hóa đến năm 2030 trên địa bàn tỉnh

I. MỤC ĐÍCH, YÊU CẦU
Triển khai Chiến lược phát triển văn hóa đến năm 2030 trong năm 2022.
"""


def header_cells(path: Path) -> list[list[list[str]]]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    table = root.find(f"{W}body/{W}tbl")

    def text(el):
        return "".join(t.text or "" for t in el.iter(W + "t"))

    return [[[text(p) for p in tc.iter(W + "p") if text(p)] for tc in tr.findall(W + "tc")]
            for tr in table.findall(W + "tr")]


@pytest.mark.parametrize(("text", "lines", "cells"), [
    (MINISTRY, [
        "BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "\tĐộc lập - Tự do - Hạnh phúc",
        f"Số:       /KH-BNV\tHà Nội, {BLANK_DAY} 01 năm 2026",
    ], [
        [["BỘ NỘI VỤ"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
        [["Số:     /KH-BNV"], [f"Hà Nội, {BLANK_DAY} 01 năm 2026"]],
    ]),
    (COMMUNE, [
        "UBND TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN XÃ LONG SƠN\tĐộc lập - Tự do - Hạnh phúc",
        f"Số:       /KH-UBND\tLong Sơn, {BLANK_DAY} 7 năm 2026",
    ], [
        [["UBND TỈNH QUẢNG NGÃI", "ỦY BAN NHÂN DÂN", "XÃ LONG SƠN"],
         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
        [["Số:     /KH-UBND"], [f"Long Sơn, {BLANK_DAY} 7 năm 2026"]],
    ]),
    (MERGED_PROVINCE, [
        "UBND TỈNH HƯNG YÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc",
        f"Số:       /KH-SNV\tHưng Yên, {BLANK_DAY} 01 năm 2026",
    ], [
        [["UBND TỈNH HƯNG YÊN", "SỞ NỘI VỤ"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
        [["Số:     /KH-SNV"], [f"Hưng Yên, {BLANK_DAY} 01 năm 2026"]],
    ]),
    (PORTAL_SUMMARY, [
        "ỦY BAN NHÂN DÂN XÃ TÂN PHƯỚC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "\tĐộc lập - Tự do - Hạnh phúc",
        f"Số:       /KH-UBND\tTân Phước, {BLANK_DAY} 01 năm 2026",
    ], [
        [["ỦY BAN NHÂN DÂN", "XÃ TÂN PHƯỚC"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
        [["Số:     /KH-UBND"], [f"Tân Phước, {BLANK_DAY} 01 năm 2026"]],
    ]),
], ids=["ministry", "commune after the reform", "Sở of a merged province", "portal summary"])
def test_header_of_each_layout(tmp_path, text, lines, cells):
    plan = draft_plan(read_text(text, name="plan-2025.txt"), year=2026)
    assert plan.text.splitlines()[:3] == lines
    out = render_docx(plan, tmp_path / "draft.docx")
    assert header_cells(out) == cells
    assert "ĐẢNG CỘNG SẢN" not in plan.text


def test_ministry_keeps_hanoi_and_its_signature():
    plan = draft_plan(read_text(MINISTRY), year=2026)
    f = plan.facts
    assert (f.level, f.province, f.place_province.name, plan.header.place) == ("central", None, "Hà Nội", "Hà Nội")
    assert plan.text.rstrip().splitlines()[-4:] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Nguyễn Văn Mẫu"]


def test_commune_reads_as_a_commune_under_its_province():
    prev = read_text(COMMUNE)
    assert (prev.header.parent, prev.header.issuer, prev.header.place, prev.facts.level) == (
        "UBND tỉnh Quảng Ngãi", "Ủy ban nhân dân xã Long Sơn", "Long Sơn", "commune")
    plan = draft_plan(prev, year=2026)
    assert (plan.header.parent, plan.header.issuer, plan.header.place) == (
        "UBND tỉnh Quảng Ngãi", "Ủy ban nhân dân xã Long Sơn", "Long Sơn")
    assert "huyện" not in plan.text.lower()


def test_merged_province_takes_its_successor(tmp_path):
    # the data the draft follows (plankit/data/agency_changes.json, read only)
    changes = json.loads(resources.files("plankit.data").joinpath("agency_changes.json").read_text(encoding="utf-8"))
    facts = {(c["kind"], tuple(c["old"]), c["new"], c["effective"]) for c in changes["changes"]}
    assert ("province_merge", ("tỉnh Thái Bình", "tỉnh Hưng Yên"), "tỉnh Hưng Yên", "2025-07-01") in facts
    assert ("department_merge", ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"), "Sở Nội vụ", "2025-03-01") in facts
    plan = draft_plan(read_text(MERGED_PROVINCE), year=2026)
    assert "Nâng cao nhận thức về cải cách hành chính trên địa bàn tỉnh Hưng Yên năm 2026." in plan.text
    # the recipient that merged into the issuing body itself is dropped; the province is renamed
    assert plan.header.recipients == ("UBND tỉnh Hưng Yên", "Lưu: VT, VP")
    # last year's basis is the old province's: a to-do, not a guess
    assert [t.kind for t in plan.todo] == ["number", "date", "basis"]
    back = read_plan(render_docx(plan, tmp_path / "snv-2026.docx"))
    assert (back.header.parent, back.header.place, back.facts.province.name) == ("UBND tỉnh Hưng Yên", "Hưng Yên", "Hưng Yên")


def test_a_target_year_in_the_subject_stays():
    plan = draft_plan(read_text(TARGET_SUBJECT), year=2023)
    assert plan.header.title == "Thực hiện Chiến lược phát triển văn hóa đến năm 2030 trên địa bàn tỉnh"
    assert "Triển khai Chiến lược phát triển văn hóa đến năm 2030 trong năm 2023." in plan.text


@pytest.mark.parametrize(("subject", "year", "drafted"), [
    ("Tuyên truyền cải cách hành chính năm 2024", 2026, "Tuyên truyền cải cách hành chính năm 2026"),
    ("Thực hiện Chiến lược đến năm 2030 năm 2025", 2026, "Thực hiện Chiến lược đến năm 2030 năm 2026"),
    ("Chương trình chuyển đổi số đến năm 2026", 2026, "Chương trình chuyển đổi số đến năm 2026"),
    ("Kế hoạch chuyển đổi số năm 2025, tầm nhìn đến năm 2030", 2026, "Kế hoạch chuyển đổi số năm 2026, tầm nhìn đến năm 2030"),
])
def test_subject_years(subject, year, drafted):
    text = ("UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 1/KH-SNV\tHà Tĩnh, ngày 05 tháng 01 năm 2025\nKẾ HOẠCH\n" + subject + "\nI. MỤC ĐÍCH\nNội dung.\n")
    assert draft_plan(read_text(text), year=year).header.title == drafted


@pytest.mark.parametrize(("text", "title"), [
    (MINISTRY, "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"),
    (COMMUNE, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
])
def test_signature_blocks_are_read_as_titles(tmp_path, text, title):
    """The signer's title a .docx drafted with tracked changes is checked against: a ministry's
    and a people's committee's blocks are titles, so no "title missing" comment is added."""
    import docx

    from plankit.track import draft_docx

    assert read_text(text).header.signer_title == title
    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line.replace("\t", "    "))
    d.save(tmp_path / "ke-hoach.docx")
    result = draft_docx(tmp_path / "ke-hoach.docx", year=2026, out=tmp_path / "du-thao.docx")
    assert "signer" not in [kind for kind, _, _ in result.todo]


def test_a_decisions_authority_line_is_no_signature():
    # "BỘ TRƯỞNG BỘ NỘI VỤ" above a decision's basis names who decides; only a title alone on its
    # line ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG") is a signature block
    text = ("BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 45/QĐ-BNV\tHà Nội, ngày 10 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024\n\nBỘ TRƯỞNG BỘ NỘI VỤ\n"
            "Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ;\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2024.\n")
    assert read_text(text).header.signer_title is None
    assert read_text(text + "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Mẫu\n").header.signer_title == "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"


def test_merged_province_in_tracked_changes(tmp_path):
    import docx

    from plankit.track import draft_docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "UBND TỈNH THÁI BÌNH\nSỞ NỘI VỤ"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 25/KH-SNV"
    t.cell(1, 1).text = "Thái Bình, ngày 10 tháng 01 năm 2025"
    for line in MERGED_PROVINCE.splitlines()[4:]:
        d.add_paragraph(line)
    d.save(tmp_path / "snv-2025.docx")
    result = draft_docx(tmp_path / "snv-2025.docx", year=2026, out=tmp_path / "snv-2026.docx")
    accepted, rejected = docx_walk.accept_and_reject(result.path)
    assert accepted.splitlines()[:6] == [
        "UBND TỈNH HƯNG YÊN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số:       /KH-SNV", "Hưng Yên, ngày        tháng 01 năm 2026"]
    assert rejected.splitlines()[5] == "Thái Bình, ngày 10 tháng 01 năm 2025"
    assert "- UBND tỉnh Hưng Yên;" in accepted.splitlines()
