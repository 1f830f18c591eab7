"""A document drafted as its own type (Nghị định 30/2020, Phụ lục I): a Công văn keeps its
"V/v ..." subject under the number and has no type line; a Hướng dẫn, a Chỉ thị, a Thông báo
keep their type line over the subject. Read back from the text and from the .docx XML. The
fixtures are invented (agencies, numbers, names), their layouts are real."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from plankit.draft import draft_plan
from plankit.read import read_plan, read_text
from plankit.render import render_docx, render_markdown

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOP = """UBND TỈNH CAO BẰNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ TƯ PHÁP\tĐộc lập - Tự do - Hạnh phúc
"""
DATE = "\tCao Bằng, ngày 10 tháng 01 năm 2024\n"
REST = """Thực hiện Kế hoạch số 05/KH-UBND ngày 04/01/2024 của UBND tỉnh Cao Bằng về phổ biến, giáo dục pháp luật năm 2024, Sở Tư pháp đề nghị như sau:
1. Tổ chức tuyên truyền các văn bản pháp luật mới trong năm 2024.
2. Gửi kết quả về Sở Tư pháp.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Trần Thị Mẫu
"""
BLANK = "ngày       tháng 01 năm 2025"
LETTER = TOP + "Số: 45/STP-PBGDPL" + DATE + "V/v hướng dẫn phổ biến, giáo dục pháp luật năm 2024\n\nKính gửi: Ủy ban nhân dân các xã, phường.\n" + REST


def _typed(symbol: str, kind: str, subject: str) -> str:
    return TOP + f"Số: {symbol}" + DATE + f"\n{kind}\n{subject}\n\n" + REST


KINDS = [
    # (name, text, first lines of the draft after the header's first two, type read back, subject read back)
    ("Công văn", LETTER,
     [f"Số:       /STP-PBGDPL\tCao Bằng, {BLANK}", "V/v hướng dẫn phổ biến, giáo dục pháp luật năm 2025", "",
      "Kính gửi: Ủy ban nhân dân các xã, phường."],
     "Công văn", "V/v hướng dẫn phổ biến, giáo dục pháp luật năm 2025"),
    ("Hướng dẫn", _typed("12/HD-STP", "HƯỚNG DẪN", "Phổ biến, giáo dục pháp luật năm 2024"),
     [f"Số:       /HD-STP\tCao Bằng, {BLANK}", "", "HƯỚNG DẪN", "Phổ biến, giáo dục pháp luật năm 2025"],
     "Hướng dẫn", "Phổ biến, giáo dục pháp luật năm 2025"),
    ("Chỉ thị", _typed("03/CT-UBND", "CHỈ THỊ", "Về tăng cường phổ biến pháp luật năm 2024"),
     [f"Số:       /CT-UBND\tCao Bằng, {BLANK}", "", "CHỈ THỊ", "Về tăng cường phổ biến pháp luật năm 2025"],
     "Chỉ thị", "Về tăng cường phổ biến pháp luật năm 2025"),
    ("Thông báo", _typed("20/TB-STP", "THÔNG BÁO", "Lịch tuyên truyền pháp luật năm 2024"),
     [f"Số:       /TB-STP\tCao Bằng, {BLANK}", "", "THÔNG BÁO", "Lịch tuyên truyền pháp luật năm 2025"],
     "Thông báo", "Lịch tuyên truyền pháp luật năm 2025"),
]


def _paragraphs(path) -> tuple[list[list[str]], list[str]]:
    """The header table's cells (their paragraphs joined by " | ") and the paragraphs outside tables."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))

    def text(el) -> str:
        return "".join(t.text or "" for t in el.iter(W + "t"))

    table = next(t for t in root.iter(W + "tbl") if text(t).strip())
    cells = [[" | ".join(text(p) for p in tc.iter(W + "p") if text(p)) for tc in tr.findall(W + "tc")]
             for tr in table.findall(W + "tr")]
    outside = [text(p) for p in root.iter(W + "p")
               if text(p) and not any(a.tag == W + "tbl" for a in p.iterancestors())]
    return cells, outside


@pytest.mark.parametrize(("name", "text", "lines", "doc_type", "title"), KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_drafts_as_itself(tmp_path, name, text, lines, doc_type, title):
    draft = draft_plan(read_text(text, name="van-ban-2024.txt"), year=2025)
    assert draft.text.splitlines()[2 : 2 + len(lines)] == lines
    assert (draft.header.doc_type, draft.header.title) == (doc_type, title)
    back = read_plan(render_docx(draft, tmp_path / "draft.docx"))
    assert (back.header.doc_type, back.header.title, back.year) == (doc_type, title, 2025)
    cells, outside = _paragraphs(tmp_path / "draft.docx")
    if name == "Công văn":  # the subject under the number, no type line in the body
        assert cells[1][0] == f"Số:     /STP-PBGDPL | {title}"
        assert outside[0] == "Kính gửi: Ủy ban nhân dân các xã, phường."
        assert name.upper() not in outside
    else:
        assert cells[1][0].startswith("Số:") and " | " not in cells[1][0]
        assert outside[:2] == [name.upper(), title]


def test_a_letters_markdown_preview_has_no_type_line():
    md = render_markdown(draft_plan(read_text(LETTER, name="cv-2024.txt"), year=2025))
    assert "| Số: \u2003\u2003/STP-PBGDPL<br>V/v hướng dẫn phổ biến, giáo dục pháp luật năm 2025 |" in md
    assert "CÔNG VĂN" not in md
