"""Reader problems other engineers reported, each as a fixture of our own text in the shape that
showed it (invented communes, numbers and dates), with the exact values expected."""

from __future__ import annotations

import datetime as dt

import pytest

from plankit import read_text
from plankit.facts import plan_facts

# A commune's header flattened row by row by a website: the committee's two lines are the left
# cells of two rows, the motto's two lines the right cells.
COMMUNE_ROWS = """\
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ PHONG HẢI | Độc lập - Tự do - Hạnh phúc
Số: 05/KH-UBND | Phong Hải, ngày 10 tháng 01 năm 2023

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023

Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2023 của UBND tỉnh Lào Cai về tuyên truyền cải cách hành chính năm 2023;

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ và người dân.
"""


@pytest.mark.parametrize(("rows", "issuer", "parent", "level"), [
    (("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ PHONG HẢI | Độc lập - Tự do - Hạnh phúc"),
     "Ủy ban nhân dân xã Phong Hải", None, "commune"),
    (("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHƯỜNG AN BÌNH | Độc lập - Tự do - Hạnh phúc"),
     "Ủy ban nhân dân phường An Bình", None, "commune"),
    (("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN MỸ LỘC | Độc lập - Tự do - Hạnh phúc"),
     "Ủy ban nhân dân huyện Mỹ Lộc", None, "district"),
    (("UBND TỈNH NAM ĐỊNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc"),
     "Sở Nội vụ tỉnh Nam Định", "UBND tỉnh Nam Định", "department"),
])
def test_header_flattened_row_by_row(rows, issuer, parent, level):
    text = "\n".join(rows) + "\nSố: 12/KH-UBND | Nam Định, ngày 03 tháng 3 năm 2023\nKẾ HOẠCH\nCải cách hành chính năm 2023\nI. MỤC ĐÍCH\n"
    plan = read_text(text)
    assert (plan.header.issuer, plan.header.parent) == (issuer, parent)
    assert plan_facts(plan).level == level


def test_a_commune_citing_the_provinces_plan_of_its_own_number():
    plan = read_text(COMMUNE_ROWS)
    got = [(c.key, c.role, c.level, c.issuer, c.date) for c in plan.citations]
    assert got == [
        ("05/KH-UBND", "self", "commune", "Ủy ban nhân dân xã Phong Hải", dt.date(2023, 1, 10)),
        ("05/KH-UBND", "basis", "province", "UBND tỉnh Lào Cai", dt.date(2023, 1, 5)),
    ]


@pytest.mark.parametrize(("clause", "role"), [
    ("Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2023 của UBND tỉnh Lào Cai về cải cách hành chính;", "basis"),
    ("Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2023 của Ủy ban nhân dân huyện Bảo Thắng;", "basis"),
    ("Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2023 của UBND xã Phong Niên;", "basis"),
    # no other issuer named, or the plan's own: the plan itself
    ("Căn cứ Kế hoạch số 05/KH-UBND ngày 10/01/2023 về cải cách hành chính;", "self"),
    ("Căn cứ Kế hoạch số 05/KH-UBND ngày 10/01/2023 của UBND xã Phong Hải;", "self"),
])
def test_only_the_plans_own_issuer_makes_its_number_self(clause, role):
    text = COMMUNE_ROWS.replace(COMMUNE_ROWS.splitlines()[7], clause)
    cites = [c for c in read_text(text).citations if c.span.start > text.index("Căn cứ")]
    assert [c.role for c in cites] == [role]


DECISION_AUTHORITY_TWO_LINES = """\
{body}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-BNV
Hà Nội, ngày 12 tháng 3 năm 2024
QUYẾT ĐỊNH
{subject}
{title}
{authority}
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ quy định chức năng, nhiệm vụ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.
"""


@pytest.mark.parametrize("body", ["BỘ NỘI VỤ\n", ""])  # the site may drop the header's body
@pytest.mark.parametrize(("title", "authority", "issuer"), [
    ("BỘ TRƯỞNG", "BỘ NỘI VỤ", "Bộ Nội vụ"),
    ("CHỦ TỊCH", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Ủy ban nhân dân tỉnh Lạng Sơn"),
])
@pytest.mark.parametrize("subject", [
    "Về việc ban hành Kế hoạch tuyên truyền",  # no year: nothing ends the subject but the authority
    "BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024",  # a subject in capitals
])
def test_an_authority_over_two_lines_is_not_the_subject(body, title, authority, issuer, subject):
    text = DECISION_AUTHORITY_TWO_LINES.format(body=body, subject=subject, title=title, authority=authority)
    plan = read_text(text)
    assert plan.header.title == subject
    kinds = {b.text: b.kind for b in plan.blocks}
    assert (kinds[subject], kinds[title], kinds[authority]) == ("subject", "paragraph", "paragraph")
    assert plan.header.signer_title is None
    if not body:  # the authority names the issuer the header lacks
        assert plan.header.issuer == issuer
    else:
        assert plan.header.issuer == "Bộ Nội vụ"


PLAN_BODY = """\
ỦY BAN NHÂN DÂN
XÃ PHONG HẢI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/KH-UBND
Phong Hải, ngày 10 tháng 01 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
{heading}
1. Mục đích
Nâng cao nhận thức của cán bộ và người dân.
II. NỘI DUNG
"""


@pytest.mark.parametrize(("heading", "labels", "kinds"), [
    ("I. MỤC ĐÍCH,\nYÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG"], ["heading", "heading", "paragraph"]),
    ("I. MỤC ĐÍCH, YÊU CẦU TUYÊN TRUYỀN CẢI CÁCH\nHÀNH CHÍNH NĂM 2023",
     ["I. MỤC ĐÍCH, YÊU CẦU TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2023", "II. NỘI DUNG"], ["heading", "heading", "paragraph"]),
    # not continuations: a numbered heading, a sentence, a bullet in capitals
    ("I. MỤC ĐÍCH, YÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG"], ["heading", "heading", "paragraph"]),
    ("I. MỤC ĐÍCH\nNâng cao nhận thức.", ["I. MỤC ĐÍCH", "II. NỘI DUNG"], ["heading", "paragraph", "heading"]),
    ("I. MỤC ĐÍCH\n- TUYÊN TRUYỀN", ["I. MỤC ĐÍCH", "II. NỘI DUNG"], ["heading", "item", "heading"]),
])
def test_a_roman_heading_wrapped_by_hand_keeps_its_title(heading, labels, kinds):
    plan = read_text(PLAN_BODY.format(heading=heading))
    assert [s.label for s in plan.sections] == labels
    first = next(i for i, b in enumerate(plan.blocks) if b.text.startswith("I. "))
    assert [b.kind for b in plan.blocks[first : first + 3]] == kinds


DIRECTIVE = """\
THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/CT-TTg
Hà Nội, ngày 05 tháng 4 năm 2024
{front}
Trong những năm qua, công tác cải cách hành chính đạt nhiều kết quả.
1. Các bộ, ngành tăng cường tuyên truyền.
Nơi nhận:
- Các bộ, cơ quan ngang bộ;
- Lưu: VT.
{title1}
{title2}
{signer}
"""


@pytest.mark.parametrize(("front", "title"), [
    ("CHỈ THỊ\nXây dựng chính quyền số năm 2024", "Xây dựng chính quyền số năm 2024"),
    ("CHỈ THỊ\nCHỈ THỊ\nXây dựng chính quyền số năm 2024", "Xây dựng chính quyền số năm 2024"),  # the type line twice
    ("CHỈ THỊ\nCHỈ THỊ XÂY DỰNG CHÍNH QUYỀN SỐ NĂM 2024", "XÂY DỰNG CHÍNH QUYỀN SỐ NĂM 2024"),
    ("CHỈ THỊ Xây dựng chính quyền số năm 2024", "Xây dựng chính quyền số năm 2024"),
    # another type opening the subject is the subject's own word
    ("CHỈ THỊ\nKẾ HOẠCH HÀNH ĐỘNG XÂY DỰNG CHÍNH QUYỀN SỐ NĂM 2024", "KẾ HOẠCH HÀNH ĐỘNG XÂY DỰNG CHÍNH QUYỀN SỐ NĂM 2024"),
])
def test_a_directives_subject_leaves_out_its_type(front, title):
    plan = read_text(DIRECTIVE.format(front=front, title1="KT. THỦ TƯỚNG", title2="PHÓ THỦ TƯỚNG", signer="Nguyễn Văn An"))
    assert (plan.header.doc_type, plan.header.title) == ("Chỉ thị", title)


@pytest.mark.parametrize(("title1", "title2", "signer"), [
    ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Nguyễn Văn An"),
    ("KT. THỦ TƯỚNG |", "PHÓ THỦ TƯỚNG |", "Nguyễn Văn An"),
    ("| KT. THỦ TƯỚNG |", "| PHÓ THỦ TƯỚNG |", "| Nguyễn Văn An |"),
    ("| | KT. THỦ TƯỚNG | |", "PHÓ THỦ TƯỚNG", "Nguyễn Văn An"),
])
def test_signer_titles_drop_table_and_site_bars(title1, title2, signer):
    text = DIRECTIVE.format(front="CHỈ THỊ\nXây dựng chính quyền số năm 2024", title1=title1, title2=title2, signer=signer)
    plan = read_text(text)
    assert (plan.header.signer_title, plan.header.signer) == ("KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG", "Nguyễn Văn An")


def _docx(paragraphs: list[str], cell: str) -> bytes:
    import io

    import docx

    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = cell
    table.rows[0].cells[1].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for text in paragraphs:
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("written", "read"), [
    ("Kế\u00a0hoạch chuy\u00adển đổi\u200b số", "Kế hoạch chuyển đổi số"),
    ("\u00d0ẩy mạnh cải cách\u2060 hành chính", "Đẩy mạnh cải cách hành chính"),
    ("Tuyên\u202ftruyền\u3000rộng rãi\ufeff", "Tuyên truyền rộng rãi"),
    ("Nội dung thứ nhất\u2028Nội dung thứ hai", "Nội dung thứ nhất\nNội dung thứ hai"),
    ("Cải cách hành chính năm 2024", "Cải cách hành chính năm 2024"),
])
def test_word_text_loses_a_copys_invisible_characters_as_text_does(written, read):
    from plankit import read_bytes

    plan = read_bytes(_docx(["KẾ HOẠCH", written], "ỦY BAN NHÂN DÂN\u200b TỈNH \u00d0ỒNG NAI"), "copy.docx")
    assert read in plan.text
    assert read_text(written).text == read  # the same characters as text input
    assert not any(c in plan.text for c in "\u200b\u00ad\u00a0\u2060\u202f\u3000\ufeff\u2028\u00d0")
    # every block's span still holds its text
    assert all(plan.text[b.span.start : b.span.end] == b.text for b in plan.blocks)
    assert plan.header.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"


@pytest.mark.parametrize(("issuer_line", "role"), [
    ("", "self"),  # no issuer in the header: "của UBND xã" cannot be told from the plan's own
    ("ỦY BAN NHÂN DÂN\nXÃ ĐÔNG HƯNG\n", "self"),
])
def test_an_appendix_attached_to_the_plan_cites_it_as_self(issuer_line, role):
    text = (f"{issuer_line}Số: 45/KH-UBND\nĐông Hưng, ngày 05 tháng 8 năm 2025\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\n"
            "PHỤ LỤC\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/9/2025 của UBND xã)")
    plan = read_text(text)
    assert [c.role for c in plan.citations] == ["self", role]
