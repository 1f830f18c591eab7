"""Drafts keep what kind of document and body they are: a UBND's header and signature block, a
ministry's Quyết định, the signer-title hint of the issuer's kind, the basis clauses whole."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import docx
import pytest

from plankit.draft import _signer_titles, draft_plan, signer_hint
from plankit.read import read_plan, read_text
from plankit.render import render_docx
from plankit.text import fold


def ubnd_docx(path: Path) -> Path:
    """A province's plan: the header in a table, "ỦY BAN NHÂN DÂN" over "TỈNH HẢI DƯƠNG" in one
    cell; the signature block "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 276/KH-UBND"
    t.cell(1, 1).text = "Hải Dương, ngày 27 tháng 01 năm 2022"
    for line in ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính nhà nước năm 2022",
                 "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức về cải cách hành chính năm 2022.",
                 "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2022 của UBND tỉnh./.",
                 "Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                 "PHÓ CHỦ TỊCH", "Lưu Văn Bản"):
        d.add_paragraph(line)
    d.save(path)
    return path


MINISTRY_DECISION = """BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 45/QĐ-BNV\tHà Nội, ngày 10 tháng 01 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024

Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Theo đề nghị của Vụ trưởng Vụ Cải cách hành chính.
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2024.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, CCHC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Bình
"""


def test_province_keeps_its_name_and_signature_block(tmp_path):
    plan = draft_plan(ubnd_docx(tmp_path / "ubnd.docx"), year=2025)
    assert plan.text.splitlines()[0] == "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (plan.header.parent, plan.header.issuer) == (None, "Ủy ban nhân dân tỉnh Hải Dương")
    assert plan.text.rstrip().splitlines()[-5:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Lưu Văn Bản"]
    out = read_plan(render_docx(plan, tmp_path / "ubnd-2025.docx"))
    lines = [line.strip() for line in out.text.splitlines() if line.strip()]
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and lines[1].startswith("TỈNH HẢI DƯƠNG")  # two header lines
    assert lines[-1] == "Lưu Văn Bản"
    assert "TM. ỦY BAN NHÂN DÂN" in out.text.split("Nơi nhận:")[1]


def test_ministry_decision_stays_a_decision(tmp_path):
    plan = draft_plan(read_text(MINISTRY_DECISION, name="bnv-2024.txt"), year=2025)
    h = plan.header
    assert (h.doc_type, h.symbol, h.place, h.title) == (
        "Quyết định", "QĐ-BNV", "Hà Nội", "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025")
    assert plan.text.splitlines()[:5] == [
        "BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
        "Số:       /QĐ-BNV\tHà Nội, ngày       tháng 01 năm 2025", "", "QUYẾT ĐỊNH"]
    assert plan.text.rstrip().splitlines()[-4:] == ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Nguyễn Văn Bình"]
    out = read_plan(render_docx(plan, tmp_path / "bnv-2025.docx"))
    assert (out.header.doc_type, out.header.symbol) == ("Quyết định", "QĐ-BNV")
    assert out.text.lstrip().startswith("BỘ NỘI VỤ")


@pytest.mark.parametrize(("issuer", "hint"), [
    ("SỞ CÔNG THƯƠNG", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC hoặc GIÁM ĐỐC"),
    ("BỘ NỘI VỤ", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG hoặc BỘ TRƯỞNG"),
    ("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH hoặc TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"),
    ("VĂN PHÒNG UBND TỈNH HẢI DƯƠNG", "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG hoặc CHÁNH VĂN PHÒNG"),
])
def test_signer_hint_follows_the_issuer_kind(issuer, hint):
    text = (f"{issuer}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 9/KH-X\tHải Dương, ngày 07 tháng 02 năm 2024\n\nKẾ HOẠCH\n"
            "Tuyên truyền cải cách hành chính năm 2024\n\nI. MỤC ĐÍCH\nNâng cao nhận thức năm 2024.\n"
            "Nơi nhận:\n- Lưu: VT.\n\nTrần Văn Hảo\n")
    plan = draft_plan(read_text(text, name="x.txt"), year=2025)
    todo = [t for t in plan.todo if t.kind == "signer"]
    assert len(todo) == 1 and f"({hint})" in todo[0].message
    assert todo[0].span.slice(plan.text) == "Trần Văn Hảo"


WRAPPED_BASIS = """SỞ CÔNG THƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 25/KH-SCT\tHải Dương, ngày 07 tháng 02 năm 2024

KẾ HOẠCH
Tuyên truyền cải cách hành chính nhà nước năm 2024

- Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể
cải cách hành chính nhà nước giai đoạn 2021-2030;
- Căn cứ Kế hoạch số 4707/KH-UBND ngày 24/12/2023 của UBND tỉnh về cải cách hành chính
nhà nước tỉnh Hải Dương năm 2024;
Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ về công tác cải cách hành chính năm 2024.
"""


def test_basis_string_replaces_wrapped_bulleted_clauses_whole():
    plan = draft_plan(read_text(WRAPPED_BASIS, name="hd.txt"), year=2025,
                      basis="Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương")
    lines = plan.text.splitlines()
    at = lines.index("Tuyên truyền cải cách hành chính nhà nước năm 2025")
    assert lines[at + 1 : at + 5] == [
        "",
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương.",
        "Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ]
    assert "76/NQ-CP" not in plan.text and "giai đoạn 2021-2030;" not in plan.text


def test_signer_titles_data_file():
    text = resources.files("plankit.data").joinpath("signer_titles.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["body", "deputy", "head"]
    assert all(len(r) == 3 and r[0] == fold(r[0]) and r[1].startswith(("KT. ", "TM. ", "T/M ")) for r in rows[1:])  # T/M: a Party body
    assert len({r[0] for r in rows[1:]}) == len(rows) - 1 == len(_signer_titles())
    assert signer_hint(None) == signer_hint("Hợp tác xã Nông nghiệp") == "KT. THỦ TRƯỞNG CƠ QUAN / CẤP PHÓ hoặc THỦ TRƯỞNG CƠ QUAN"
    assert signer_hint("Hội Nông dân") == "TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH hoặc TM. BAN THƯỜNG VỤ / CHỦ TỊCH"
