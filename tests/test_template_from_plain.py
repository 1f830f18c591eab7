"""`template from-plan` on plans typed without the usual structure: a subject broken over lines
with Enter, headings in bold without numbers, a body of paragraphs only; and the message when a
part is truly missing names it. The .docx files are built with python-docx from invented text
(the same shapes were reproduced by saving HTML as .docx with LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from plankit.errors import TemplateError
from plankit.template import check_template, template_from_plan

HEADER = [
    "UBND TỈNH CAO BẰNG", "SỞ NỘI VỤ", "Số: 11/KH-SNV", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Cao Bằng, ngày 09 tháng 01 năm 2024", "KẾ HOẠCH",
]
BASIS = ["Căn cứ Kế hoạch số 05/KH-UBND ngày 04/01/2024 của UBND tỉnh Cao Bằng về cải cách hành chính năm 2024;",
         "Sở Nội vụ xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:"]
BODY = [("Mục đích, yêu cầu", True),
        ("Nâng cao nhận thức của cán bộ, công chức và người dân về cải cách hành chính.", False),
        ("Nội dung tuyên truyền", True),
        ("Tuyên truyền các quy định mới về thủ tục hành chính trên Cổng thông tin điện tử của Sở.", False)]


def _plan(path: Path, subject: list[str], body: list[tuple[str, bool]], basis: list[str] = BASIS) -> Path:
    document = docx.Document()
    for line in HEADER + subject + basis:
        document.add_paragraph(line)
    for text, bold in body:
        document.add_paragraph().add_run(text).bold = bold
    document.save(str(path))
    return path


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text]


@pytest.mark.parametrize(("subject", "body"), [
    (["Tuyên truyền cải cách hành chính năm 2024"], BODY),                         # bold headings, no numbers
    (["Tuyên truyền cải cách hành chính", "năm 2024"], BODY),                      # subject over two lines
    (["Tuyên truyền cải cách", "hành chính", "năm 2024"], BODY),                   # over three
    (["Tuyên truyền cải cách hành chính", "năm 2024"], [t for t in BODY if not t[1]]),  # paragraphs only
])
def test_a_plan_without_numbered_sections_gives_a_template(tmp_path, subject, body):
    out = template_from_plan(_plan(tmp_path / "plan.docx", subject, body), tmp_path / "mau.docx")
    shown = _paragraphs(out)
    assert shown.count("{{ title }}") == 1
    assert not any(line in shown for line in subject)  # the subject's lines are one tag
    assert "{%p for b in body %}" in shown
    assert check_template(out).ok


SUBJECT = "không thấy trích yếu (dòng dưới KẾ HOẠCH)"
BODYLESS = "không thấy nội dung (đoạn văn sau phần căn cứ)"


@pytest.mark.parametrize(("subject", "basis", "body", "missing"), [
    ([], BASIS, BODY, f"{SUBJECT}, đây có phải là kế hoạch? / not found: the subject line under KẾ HOẠCH"),
    (["Tuyên truyền cải cách hành chính năm 2024"], [], [],
     f"{BODYLESS}, đây có phải là kế hoạch? / not found: a body after the basis"),
    ([], [], [], "không thấy trích yếu (dòng dưới KẾ HOẠCH) và nội dung (đoạn văn sau phần căn cứ), đây có phải là "
     "kế hoạch? / not found: the subject line under KẾ HOẠCH nor a body after the basis (is this a plan?)"),
])
def test_a_missing_part_is_named(tmp_path, subject, basis, body, missing):
    plan = _plan(tmp_path / "plan.docx", subject, body, basis)
    with pytest.raises(TemplateError) as err:
        template_from_plan(plan, tmp_path / "mau.docx")
    assert str(err.value).startswith(f"{plan}: {missing}")
    assert not (tmp_path / "mau.docx").exists()
