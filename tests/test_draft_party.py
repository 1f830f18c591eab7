"""A Party body's plan is drafted in the Party layout (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW):
"ĐẢNG CỘNG SẢN VIỆT NAM" underlined instead of the national motto, a star under the issuing body,
"Số 12-KH/TU" without a colon (blank as "Số       -KH/TU"), the place and date in italics. The
.docx files are read back here with lxml over the zip, not with plankit's reader."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from plankit.cli import main
from plankit.draft import draft_plan, signer_hint
from plankit.issuing import number_line, party_layout
from plankit.read import read_plan, read_text
from plankit.render import render_docx, render_markdown, template_context
from plankit.track import draft_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_walk = importlib.util.spec_from_file_location("docx_walk", Path(__file__).with_name("docx_walk.py"))
docx_walk = importlib.util.module_from_spec(_walk)
_walk.loader.exec_module(docx_walk)

# A provincial Party committee's plan, as a text export lays the two-column header out.
PROVINCE_PARTY = """TỈNH ỦY BẮC NINH\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 12-KH/TU\tBắc Ninh, ngày 15 tháng 01 năm 2025

KẾ HOẠCH
tuyên truyền cải cách hành chính năm 2025

Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả;
Ban Thường vụ Tỉnh ủy ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, đảng viên về cải cách hành chính năm 2025.
II. NỘI DUNG
1. Tuyên truyền trên Báo Bắc Ninh và Đài Phát thanh và Truyền hình tỉnh.
2. Sở Thông tin và Truyền thông phối hợp đưa tin trên Cổng thông tin điện tử tỉnh.
III. TỔ CHỨC THỰC HIỆN
Ban Tuyên giáo Tỉnh ủy chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch trong năm 2025.
Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Ban Thường vụ Tỉnh ủy./.
Nơi nhận:
- Các huyện ủy, thành ủy, đảng ủy trực thuộc;
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Mẫu
"""

# A steering committee of the Party's Central Committee: the body above and the issuer on the left.
CENTRAL_PARTY = """BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM
BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ CHUYỂN ĐỔI SỐ
*
Số 05-KH/BCĐTW\tHà Nội, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
triển khai phong trào học tập kỹ năng số năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Phổ cập kỹ năng số cho cán bộ, đảng viên trong năm 2025.
"""

# A state steering committee: a "Ban Chỉ đạo" too, but a state body with a state symbol.
STATE_STEERING = """UBND TỈNH BẮC NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH\tĐộc lập - Tự do - Hạnh phúc
Số: 05/KH-BCĐ\tBắc Ninh, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Hoạt động của Ban Chỉ đạo cải cách hành chính năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chỉ số cải cách hành chính năm 2025.
"""

STATE_DEPARTMENT = """UBND TỈNH HẢI DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG\tĐộc lập - Tự do - Hạnh phúc
Số: 181/KH-SCT\tHải Dương, ngày 07 tháng 02 năm 2022

KẾ HOẠCH
Tuyên truyền cải cách hành chính nhà nước năm 2022

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức về cải cách hành chính năm 2022.
"""


def commune_party_docx(path: Path) -> Path:
    """A commune's Party committee after the 2025 reform, as Word lays it out: "ĐẢNG BỘ TỈNH
    HƯNG YÊN" over "ĐẢNG ỦY XÃ TÂN HƯNG" and a star in one cell, "ĐẢNG CỘNG SẢN VIỆT NAM" beside
    them, "Số 07-KH/ĐU" under them."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ĐẢNG BỘ TỈNH HƯNG YÊN\nĐẢNG ỦY XÃ TÂN HƯNG\n*"
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    t.cell(1, 0).text = "Số 07-KH/ĐU"
    t.cell(1, 1).text = "Tân Hưng, ngày 20 tháng 8 năm 2025"
    for line in ("KẾ HOẠCH", "tuyên truyền cải cách hành chính năm 2025",
                 "Căn cứ Kế hoạch số 15-KH/TU ngày 05/8/2025 của Ban Thường vụ Tỉnh ủy về tuyên truyền cải cách "
                 "hành chính năm 2025;",
                 "Ban Thường vụ Đảng ủy xã ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức của cán bộ, đảng viên về cải cách hành chính năm 2025.",
                 "II. TỔ CHỨC THỰC HIỆN", "Văn phòng Đảng ủy theo dõi, đôn đốc thực hiện Kế hoạch trong năm 2025.",
                 "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Ban Thường vụ Đảng ủy xã./.",
                 "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy;", "- Các chi bộ trực thuộc;", "- Lưu Văn phòng Đảng ủy.",
                 "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Thị Mẫu"):
        d.add_paragraph(line)
    d.save(path)
    return path


# -- reading the .docx back, independently ------------------------------------------------------

def _document(path: Path):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def header_cells(path: Path) -> list[list[list[str]]]:
    """The first table's rows, each cell as the texts of its non-empty paragraphs."""
    table = _document(path).find(f"{W}body/{W}tbl")
    return [[[_text(p) for p in tc.iter(W + "p") if _text(p)] for tc in tr.findall(W + "tc")]
            for tr in table.findall(W + "tr")]


def run_props(path: Path, text: str) -> dict[str, str | None]:
    """Size (half-points), bold, italic and underline of the first run printing ``text``."""
    run = next(r for r in _document(path).iter(W + "r") if _text(r) == text)
    rpr = run.find(W + "rPr")

    def val(tag):
        el = rpr.find(W + tag)
        return None if el is None else el.get(W + "val", "on")

    return {"sz": val("sz"), "b": val("b"), "i": val("i"), "u": val("u")}


BLANK_DAY = "ngày       tháng"  # place_date's five blanks between "ngày " and " tháng"


# -- which layout -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "party"), [
    (PROVINCE_PARTY, True),
    (CENTRAL_PARTY, True),
    (STATE_STEERING, False),
    (STATE_DEPARTMENT, False),
], ids=["Tỉnh ủy", "central steering committee", "state steering committee", "Sở"])
def test_the_layout_follows_the_issuer(text, party):
    assert party_layout(read_text(text)) is party


@pytest.mark.parametrize(("number", "symbol", "party", "line"), [
    ("137", "KH-SKHCN", False, "Số: 137/KH-SKHCN"),
    (None, "KH-SKHCN", False, "Số:       /KH-SKHCN"),
    ("12", "KH/TU", True, "Số 12-KH/TU"),
    (None, "KH/TU", True, "Số       -KH/TU"),
    (None, None, True, "Số       -KH/"),
])
def test_number_line(number, symbol, party, line):
    assert number_line(number, symbol, party=party) == line


@pytest.mark.parametrize(("body", "hint"), [
    ("Tỉnh ủy Bắc Ninh", "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ hoặc T/M BAN THƯỜNG VỤ / BÍ THƯ"),
    ("Đảng ủy xã Tân Hưng", "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ hoặc T/M BAN THƯỜNG VỤ / BÍ THƯ"),
    ("Sở Công Thương", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC hoặc GIÁM ĐỐC"),
])
def test_signer_hint_of_a_party_body(body, hint):
    assert signer_hint(body) == hint


# -- the draft's text ---------------------------------------------------------------------------

def test_province_party_draft_text_and_todos():
    plan = draft_plan(read_text(PROVINCE_PARTY, name="tu-2025.txt"), year=2026)
    assert plan.text.splitlines()[:3] == [
        "TỈNH ỦY BẮC NINH\tĐẢNG CỘNG SẢN VIỆT NAM",
        "*",
        f"Số       -KH/TU\tBắc Ninh, {BLANK_DAY} 01 năm 2026",
    ]
    h = plan.header
    assert (h.parent, h.issuer, h.number, h.symbol, h.reference, h.place) == (
        None, "Tỉnh ủy Bắc Ninh", None, "KH/TU", "...-KH/TU", "Bắc Ninh")
    assert party_layout(plan)
    todos = [(t.kind, plan.text[t.span.start:t.span.end], plan.position(t.span.start)) for t in plan.todo]
    # the district level's Party committees ended with it on 2025-07-01 (Nơi nhận: "Các huyện ủy")
    assert todos == [("number", "      ", (3, 4)), ("date", "     ", (3, 32)), ("district", "Các huyện", (21, 3))]
    assert "Cổng thông tin điện tử" in plan.text and "Sở Thông tin và Truyền thông" not in plan.text
    assert plan.text.rstrip().splitlines()[-4:] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Nguyễn Văn Mẫu"]


def test_number_given_in_the_party_form():
    plan = draft_plan(read_text(PROVINCE_PARTY), year=2026, number=3, date="2026-01-20")
    assert plan.text.splitlines()[2] == "Số 3-KH/TU\tBắc Ninh, ngày 20 tháng 01 năm 2026"
    assert (plan.header.reference, [t.kind for t in plan.todo]) == ("3-KH/TU", ["district"])


def test_central_party_body_keeps_its_name():
    plan = draft_plan(read_text(CENTRAL_PARTY), year=2026)
    assert plan.text.splitlines()[:4] == [
        "BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ CHUYỂN ĐỔI SỐ",
        "*",
        f"Số       -KH/BCĐTW\tHà Nội, {BLANK_DAY} 3 năm 2026",
    ]
    # read back: the Central Committee above, the steering committee's name not doubled
    assert (plan.header.parent, plan.header.issuer.upper()) == (
        "Ban Chấp hành Trung ương", "BAN CHỈ ĐẠO TRUNG ƯƠNG VỀ CHUYỂN ĐỔI SỐ")


def test_state_plans_keep_the_state_header():
    # (Hải Dương drafted for 2026 is issued in Hải Phòng, merged on 2025-07-01)
    for text, first in ((STATE_STEERING, "UBND TỈNH BẮC NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        (STATE_DEPARTMENT, "UBND THÀNH PHỐ HẢI PHÒNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")):
        plan = draft_plan(read_text(text), year=2026)
        assert plan.text.splitlines()[0] == first
        assert plan.text.splitlines()[2].startswith("Số:       /KH-")


# -- the Word document --------------------------------------------------------------------------

def test_province_party_docx_header(tmp_path):
    plan = draft_plan(read_text(PROVINCE_PARTY, name="tu-2025.txt"), year=2026)
    out = render_docx(plan, tmp_path / "tu-2026.docx")
    assert header_cells(out) == [
        [["TỈNH ỦY BẮC NINH", "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]],
        [["Số       -KH/TU"], [f"Bắc Ninh, {BLANK_DAY} 01 năm 2026"]],
    ]
    body = _text(_document(out))
    assert "CỘNG HÒA XÃ HỘI" not in body and "Độc lập - Tự do" not in body and "Số:" not in body
    assert run_props(out, "ĐẢNG CỘNG SẢN VIỆT NAM") == {"sz": "30", "b": "on", "i": None, "u": "single"}
    assert run_props(out, "TỈNH ỦY BẮC NINH") == {"sz": "28", "b": "on", "i": None, "u": None}
    assert run_props(out, "*") == {"sz": "28", "b": None, "i": None, "u": None}
    assert run_props(out, "Số       -KH/TU") == {"sz": "28", "b": None, "i": None, "u": None}
    assert run_props(out, f"Bắc Ninh, {BLANK_DAY} 01 năm 2026") == {"sz": "28", "b": None, "i": "on", "u": None}
    assert run_props(out, "KẾ HOẠCH") == {"sz": "30", "b": "on", "i": None, "u": None}
    assert len(_document(out).findall(f"{W}body/{W}tbl")) == 2  # the header and the signature
    back = read_plan(out)
    assert (back.header.issuer, back.header.reference, back.header.place) == ("Tỉnh ủy Bắc Ninh", "...-KH/TU", "Bắc Ninh")


def test_commune_party_docx_drafted_through_the_template(tmp_path):
    src = commune_party_docx(tmp_path / "du-2025.docx")
    plan = draft_plan(src, year=2026)
    out = render_docx(plan, tmp_path / "du-2026.docx")
    assert header_cells(out) == [
        [["ĐẢNG BỘ TỈNH HƯNG YÊN", "ĐẢNG ỦY XÃ TÂN HƯNG", "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]],
        [["Số       -KH/ĐU"], [f"Tân Hưng, {BLANK_DAY} 8 năm 2026"]],
    ]
    assert run_props(out, "ĐẢNG BỘ TỈNH HƯNG YÊN") == {"sz": "28", "b": None, "i": None, "u": None}
    back = read_plan(out)
    assert (back.header.parent, back.header.issuer, back.header.place) == (
        "Đảng bộ tỉnh Hưng Yên", "Đảng ủy xã Tân Hưng", "Tân Hưng")
    assert back.header.signer_title == "T/M BAN THƯỜNG VỤ\nBÍ THƯ"


def test_commune_party_docx_with_tracked_changes(tmp_path):
    src = commune_party_docx(tmp_path / "du-2025.docx")
    result = draft_docx(src, year=2026, out=tmp_path / "du-2026.docx")
    accepted, rejected = docx_walk.accept_and_reject(result.path)
    assert rejected == docx_walk.accept_and_reject(src)[0]  # Reject All: last year's file
    assert accepted.splitlines()[:6] == [
        "ĐẢNG BỘ TỈNH HƯNG YÊN", "ĐẢNG ỦY XÃ TÂN HƯNG", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số       -KH/ĐU", "Tân Hưng, ngày        tháng 8 năm 2026",
    ]
    # the T/M BAN THƯỜNG VỤ block is read as the signer's title: no "title missing" comment
    assert [(kind, text) for kind, _, text in result.todo] == [
        ("number", "07"), ("date", "20"),
        ("basis", "Kế hoạch số 15-KH/TU ngày 05/8/2025 của Ban Thường vụ Tỉnh ủy về tuyên truyền cải cách hành chính năm 2025")]


def test_markdown_of_a_party_draft():
    plan = draft_plan(read_text(PROVINCE_PARTY), year=2026)
    assert render_markdown(plan).splitlines()[:4] == [
        "|  | **<u>ĐẢNG CỘNG SẢN VIỆT NAM</u>** |",
        "|:---:|:---:|",
        "| **TỈNH ỦY BẮC NINH**<br>\\* |  |",
        f"| Số \u2003\u2003-KH/TU | *Bắc Ninh, {BLANK_DAY} 01 năm 2026* |",
    ]
    ctx = template_context(plan)
    assert (ctx["party"], ctx["number_line"]) == (True, "Số       -KH/TU")


def test_cli_drafts_a_party_plan(tmp_path, capsys):
    src = tmp_path / "tu-2025.txt"
    src.write_text(PROVINCE_PARTY, encoding="utf-8")
    out = tmp_path / "tu-2026.docx"
    assert main(["draft", str(src), "--year", "2026", "-o", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"đã ghi / wrote {out}: Kế hoạch tuyên truyền cải cách hành chính năm 2026"
    assert [line.split()[:2] for line in printed[2:]] == [["3:4", "number"], ["3:32", "date"], ["21:3", "district"]]
    assert header_cells(out)[0][1] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]


@pytest.mark.parametrize(("top", "place", "lines", "issuer_todo"), [
    ("TỈNH ỦY THÁI BÌNH", "Thái Bình", ["TỈNH ỦY HƯNG YÊN\tĐẢNG CỘNG SẢN VIỆT NAM", "*",
                                        f"Số       -KH/TU\tHưng Yên, {BLANK_DAY} 01 năm 2026"], True),
    ("TỈNH ỦY HẢI DƯƠNG", "Hải Dương", ["THÀNH ỦY HẢI PHÒNG\tĐẢNG CỘNG SẢN VIỆT NAM", "*",
                                        f"Số       -KH/TU\tHải Phòng, {BLANK_DAY} 01 năm 2026"], True),
    ("ĐẢNG BỘ TỈNH THÁI BÌNH\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ AN BÌNH", "An Bình",
     ["ĐẢNG BỘ TỈNH HƯNG YÊN\tĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ AN BÌNH", "*"], False),
], ids=["Tỉnh ủy Thái Bình", "Tỉnh ủy Hải Dương", "Đảng bộ tỉnh Thái Bình"])
def test_party_committee_of_a_merged_province(top, place, lines, issuer_todo):
    text = PROVINCE_PARTY.replace("TỈNH ỦY BẮC NINH\tĐẢNG CỘNG SẢN VIỆT NAM", top if "\t" in top else f"{top}\tĐẢNG CỘNG SẢN VIỆT NAM")
    text = text.replace("Bắc Ninh, ngày", f"{place}, ngày").replace("KH/TU", "KH/ĐU" if "ĐẢNG ỦY" in top else "KH/TU")
    plan = draft_plan(read_text(text), year=2026)
    assert plan.text.splitlines()[: len(lines)] == lines
    kinds = [t.kind for t in plan.todo]
    assert ("issuer" in kinds) is issuer_todo
    if issuer_todo:
        todo = next(t for t in plan.todo if t.kind == "issuer")
        assert plan.text[todo.span.start:todo.span.end] == "KH/TU"


def test_template_from_a_party_plan_keeps_the_party_number(tmp_path):
    from plankit.template import template_from_plan

    src = commune_party_docx(tmp_path / "du-2025.docx")
    template = template_from_plan(src, tmp_path / "mau-dang-uy.docx")
    with zipfile.ZipFile(template) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    assert "{{ number_line }}" in xml and "Số 07-KH/ĐU" not in xml
    out = render_docx(draft_plan(src, year=2026), tmp_path / "du-2026.docx", template=template)
    assert header_cells(out)[1] == [["Số       -KH/ĐU"], [f"Tân Hưng, {BLANK_DAY} 8 năm 2026"]]


def test_merged_province_committee_renamed_in_tracked_changes(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "TỈNH ỦY THÁI BÌNH"
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    t.cell(1, 0).text = "Số 12-KH/TU"
    t.cell(1, 1).text = "Thái Bình, ngày 15 tháng 01 năm 2025"
    for line in ("KẾ HOẠCH", "tuyên truyền cải cách hành chính năm 2025", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Các cấp ủy trực thuộc Tỉnh ủy Thái Bình quán triệt trong năm 2025.", "Nơi nhận:",
                 "- Lưu Văn phòng Tỉnh ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Mẫu"):
        d.add_paragraph(line)
    d.save(tmp_path / "tu-2025.docx")
    result = draft_docx(tmp_path / "tu-2025.docx", year=2026, out=tmp_path / "tu-2026.docx")
    accepted, _ = docx_walk.accept_and_reject(result.path)
    lines = accepted.splitlines()
    assert (lines[0], lines[2], lines[3]) == ("TỈNH ỦY HƯNG YÊN", "Số       -KH/TU", "Hưng Yên, ngày        tháng 01 năm 2026")
    assert "Các cấp ủy trực thuộc Tỉnh ủy Hưng Yên quán triệt trong năm 2026." in lines
