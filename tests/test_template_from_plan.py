"""template_from_plan: the officer's own plan (.docx) becomes a template that keeps its formatting
and drafts next year's plan with the same text as the default template."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plankit import draft_plan, render_docx
from plankit.cli import main
from plankit.errors import OutputExists, TemplateError
from plankit.template import check_template, template_from_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"


def _words(path) -> str:
    """A .docx's text, white space aside."""
    body = docx.Document(str(path)).element.body
    return "".join("".join(t.text or "" for t in body.iter(qn("w:t"))).split())


def _paragraph_texts(path) -> list[str]:
    body = docx.Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


@pytest.fixture(scope="module")
def can_tho(tmp_path_factory):
    """A .docx draft of the Cần Thơ plan made by render_docx, and the template made from it."""
    folder = tmp_path_factory.mktemp("from-plan")
    draft = draft_plan(PLANS / "can-tho" / "2025-so-khcn.ocr.txt", year=2026)
    plan_docx = render_docx(draft, folder / "can-tho-2026.docx")
    return plan_docx, template_from_plan(plan_docx, folder / "mau-can-tho.docx")


def test_the_template_checks_clean_and_holds_the_tags(can_tho):
    _, template = can_tho
    result = check_template(template)
    assert result.ok and result.warnings == ()
    texts = _paragraph_texts(template)
    for tag in ("{{ parent|upper }}", "{{ issuer|upper }}", "Số: {{ number or '    ' }}/{{ symbol }}",
                "{{ place_date }}", "{{ doc_type|upper }}", "{{ title }}", "{%p for p in basis %}",
                "{%p for b in body %}", "{%p for p in closing %}", "{%p for r in recipients %}",
                "- {{ r }}{{ '.' if loop.last else ';' }}"):
        assert tag in texts, tag
    # the fixed text of the plan stays
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Nơi nhận:" in texts


def test_next_years_draft_has_the_same_text_as_through_the_default_template(can_tho, tmp_path):
    plan_docx, template = can_tho
    nxt = draft_plan(plan_docx, year=2027)
    mine = render_docx(nxt, tmp_path / "mine.docx", template=template)
    default = render_docx(nxt, tmp_path / "default.docx")
    assert _words(mine) == _words(default)
    assert "năm2027" in _words(mine) and "Côngtácthôngtin,tuyêntruyềncảicáchhànhchínhnăm2027" in _words(mine)


def test_the_plans_formatting_is_kept(can_tho):
    plan_docx, template = can_tho
    with zipfile.ZipFile(plan_docx) as a, zipfile.ZipFile(template) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")
        plan_xml = a.read("word/document.xml").decode()
        tpl_xml = b.read("word/document.xml").decode()
    sect = plan_xml[plan_xml.rindex("<w:sectPr"):]
    assert tpl_xml.endswith(sect)


def test_not_a_docx_and_no_overwrite(can_tho, tmp_path):
    plan_docx, template = can_tho
    with pytest.raises(TemplateError) as caught:
        template_from_plan(PLANS / "can-tho" / "2022-so-khcn.txt", tmp_path / "t.docx")
    assert str(caught.value).endswith("2022-so-khcn.txt: mẫu chỉ dựng được từ kế hoạch .docx, hãy lưu lại từ Word dưới "
                                      "dạng .docx / a template is made from a .docx plan (save it from Word as .docx)")
    with pytest.raises(OutputExists):
        template_from_plan(plan_docx, template)


def test_cli_from_plan(can_tho, tmp_path, capsys):
    plan_docx, _ = can_tho
    out = tmp_path / "mau.docx"
    assert main(["template", "from-plan", str(plan_docx), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"plankit: đã ghi / wrote {out}: mẫu từ kế hoạch / a template from the plan (0 lỗi, 0 cảnh báo, ")


@pytest.mark.slow
@pytest.mark.skipif(not ((shutil.which("soffice") or shutil.which("libreoffice")) and shutil.which("pdftotext")),
                    reason="LibreOffice and poppler-utils are needed")
def test_libreoffice_opens_the_template_and_its_draft(can_tho, tmp_path):
    from plankit.template import preview_template

    plan_docx, template = can_tho
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(template)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "mau-can-tho.pdf").stat().st_size > 1000
    pdf = preview_template(template, tmp_path / "next.pdf", plan=draft_plan(plan_docx, year=2027))[0]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "năm 2027" in text
