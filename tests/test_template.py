"""Template authoring: check_template on the default template and on templates with one defect
each, built here from the default one with python-docx; the `plankit template` command."""

from __future__ import annotations

import json
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from plankit.cli import main
from plankit.errors import OutputExists, TemplateError
from plankit.render import default_template
from plankit.template import RULES, TemplateCheck, check_template, new_template
from plankit.template._tags import known_variables


def _paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def variant(path, replace=None, edit=None):
    """The default template with ``replace`` applied to the first run holding each text."""
    doc = docx.Document(str(default_template()))
    for old, new in (replace or {}).items():
        run = next(r for p in _paragraphs(doc) for r in p.runs if old in r.text)
        run.text = run.text.replace(old, new)
    if edit:
        edit(doc)
    doc.save(str(path))
    return path


def _run_of(doc, text):
    return next(r for p in _paragraphs(doc) for r in p.runs if r.text == text)


def _left_margin_25(doc):
    doc.sections[0].left_margin = Mm(25)


def _arial_cs(doc):
    _run_of(doc, "{{ title }}")._r.rPr.rFonts.set(qn("w:cs"), "Arial")


def _runs_of(doc, text):
    return [r for p in _paragraphs(doc) for r in p.runs if r.text == text]


def _issuer_11(doc):  # in both headers: the Party body's (table 1) and the state's (table 2)
    for run in _runs_of(doc, "{{ line|upper }}")[1::2]:  # each header's second loop: the issuing body's lines
        run.font.size = Pt(11)


def _party_title_13(doc):
    _run_of(doc, "{{ party_title }}").font.size = Pt(13)


def _party_type_14(doc):  # the first "{{ doc_type|upper }}" is the Party branch's (15 pt)
    _run_of(doc, "{{ doc_type|upper }}").font.size = Pt(14)


def _landscape(doc):
    s = doc.sections[0]
    s.page_width, s.page_height = s.page_height, s.page_width


def _not_italic(doc):
    for run in _runs_of(doc, "{{ place_date }}"):
        run.font.italic = False


def problems(result: TemplateCheck) -> list[tuple[str, str, str, str]]:
    return [(f.rule, f.severity, f.where, f.message) for f in result.findings if f.severity != "info"]


def test_default_template_checks_clean():
    result = check_template(default_template())
    assert result.ok and problems(result) == []
    assert repr(result) == "<TemplateCheck ke-hoach.docx: 0 errors, 0 warnings, 10 info>"
    assert [f.message for f in result.findings] == [
        f"biến không dùng / variable not used: '{name}'"
        for name in ("date_year", "day", "draft", "issuer", "month", "parent", "place", "reference", "todo", "year")
    ]
    assert "title" in result.used and "recipients" in result.used


def test_known_variables_come_from_the_render_context():
    assert known_variables() == (
        "appendix", "basis", "body", "closing", "date_year", "day", "doc_type", "draft", "issuer", "issuer_lines",
        "letter", "month", "number", "number_line", "parent", "parent_lines", "party", "party_title", "place", "place_date",
        "recipients",
        "reference", "signer", "signer_title", "symbol", "title", "todo", "year",
    )


CASES = [
    ("broken tag", {"{{ title }}": "{{ title }"}, None, [
        ("broken-tag", "error", "paragraph 10",
         "thẻ hỏng / broken tag: unclosed '{{': the tag has no end in this paragraph")]),
    ("unknown variable", {"{{ title }}": "{{ titel }}"}, None, [
        ("unknown-variable", "error", "paragraph 10",
         "biến không có trong kế hoạch / unknown variable 'titel' (did you mean 'title'?)")]),
    ("internals", {"{{ title }}": "{{ ''.__class__.__mro__ }}"}, None, [
        ("sandbox", "error", "paragraph 10", "thẻ bị từ chối / refused tag: '__mro__' reaches for Python internals"),
        ("sandbox", "error", "paragraph 10", "thẻ bị từ chối / refused tag: '__class__' reaches for Python internals")]),
    ("huge string", {"{{ title }}": "{{ title|center(10**8) }}"}, None, [
        ("sandbox", "error", "paragraph 10",
         "thẻ bị từ chối / refused tag: 10**8 is a huge number (the limit is 100,000)")]),
    ("huge literal", {"{{ title }}": "{{ title|center(100000000) }}"}, None, [
        ("sandbox", "error", "paragraph 10",
         "thẻ bị từ chối / refused tag: the number 100000000 is huge (the limit is 100,000)")]),
    ("big power", {"{{ title }}": "{{ 2**1000 }}"}, None, [
        ("sandbox", "error", "paragraph 10",
         "thẻ bị từ chối / refused tag: 2**1000 is a huge number (the limit is 100,000)")]),
    ("bigger power", {"{{ title }}": "{{ 10**99999 }}"}, None, [
        ("sandbox", "error", "paragraph 10", "thẻ bị từ chối / refused tag: 10**99999 builds a huge number")]),
    ("lipsum", {"{{ signer or '' }}": "{{ lipsum(1000) }}"}, None, [
        ("sandbox", "error", "table 4, row 1, cell 2", "thẻ bị từ chối / refused tag: lipsum() builds text on request")]),
    ("huge range", {"{%p for p in closing %}": "{%p for p in range(10**9) %}"}, None, [
        ("sandbox", "error", "paragraph 37",
         "thẻ bị từ chối / refused tag: 10**9 is a huge number (the limit is 100,000)")]),
    ("{%p sharing its paragraph", {"{%p for p in basis %}": "Căn cứ {%p for p in basis %}"}, None, [
        ("tag-shares-paragraph", "error", "paragraph 14",
         "thẻ {%p} phải đứng riêng một đoạn / a {%p} tag must be alone in its paragraph: the text 'Căn cứ' would vanish")]),
    ("{%tr outside a row", {"{%p for p in closing %}": "{%tr for p in closing %}"}, None, [
        ("tr-outside-row", "error", "paragraph 37", "thẻ {%tr} ngoài hàng bảng / a {%tr} tag outside a table row")]),
    ("curly quotes", {"{{ signer or '' }}": "{{ signer or ‘’ }}"}, None, [
        ("curly-quote", "warning", "table 4, row 1, cell 2",
         "dấu nháy cong trong thẻ / Word's curly quotes inside the tag: type ' or \" "
         "(plankit straightens them; docxtpl alone would fail)")]),
    ("block closed wrong", {"{%p endfor %}": "{%p endif %}"}, None, [
        ("broken-tag", "error", "paragraph 16",
         "thẻ hỏng / broken tag: Encountered unknown tag 'endif'. Jinja was looking for the following tags: "
         "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.")]),
    ("left margin 25 mm", None, _left_margin_25, [
        ("margin", "warning", "section 1",
         "lề trái 25 mm / left margin 25 mm: Nghị định 30/2020 asks for 30-35 mm")]),
    ("Arial in one slot", None, _arial_cs, [
        ("font", "warning", "paragraph 10",
         "phông Arial ở ô cs (run) / font slot cs is Arial: Nghị định 30/2020 asks for Times New Roman")]),
    ("issuing body in 11 pt", None, _issuer_11, [
        ("font-size", "warning", "table 1, row 1, cell 1",
         "cơ quan ban hành / issuing body: cỡ chữ 11 / size 11 pt: Hướng dẫn 36-HD/VPTW asks for 14 pt"),
        ("font-size", "warning", "table 2, row 1, cell 1",
         "cơ quan ban hành / issuing body: cỡ chữ 11 / size 11 pt: Nghị định 30/2020 asks for 12-13 pt")]),
    ("landscape", None, _landscape, [
        ("page-size", "warning", "section 1",
         "trang nằm ngang / landscape page: Nghị định 30/2020 asks for A4 portrait")]),
    ("date not italic", None, _not_italic, [
        ("font-style", "warning", "table 1, row 2, cell 2",
         "địa danh, ngày tháng / place and date: chữ không nghiêng / not italic: Hướng dẫn 36-HD/VPTW asks for italic"),
        ("font-style", "warning", "table 2, row 2, cell 2",
         "địa danh, ngày tháng / place and date: chữ không nghiêng / not italic: Nghị định 30/2020 asks for italic")]),
    ("Party title in 13 pt", None, _party_title_13, [
        ("font-size", "warning", "table 1, row 1, cell 2",
         "tiêu đề Đảng / Party title: cỡ chữ 13 / size 13 pt: Hướng dẫn 36-HD/VPTW asks for 15 pt")]),
    ("Party type of document in 14 pt", None, _party_type_14, [
        ("font-size", "warning", "paragraph 6",
         "tên loại văn bản / type of document: cỡ chữ 14 / size 14 pt: Hướng dẫn 36-HD/VPTW asks for 15-16 pt")]),
]


@pytest.mark.parametrize(("name", "replace", "edit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_defect_is_found_where_it_is(tmp_path, name, replace, edit, expected):
    result = check_template(variant(tmp_path / "t.docx", replace, edit))
    assert problems(result) == expected
    assert result.ok == all(e[1] != "error" for e in expected)


def test_a_broken_tag_shows_the_text_around_it(tmp_path):
    result = check_template(variant(tmp_path / "t.docx", {"{{ title }}": "Kế hoạch {{ title }"}))
    assert result.errors[0].context == "Kế hoạch {{ title }"
    assert str(result.errors[0]).startswith("paragraph 10: lỗi / error [broken-tag] ")


def _misspell_every_title(doc):
    for p in _paragraphs(doc):
        for r in p.runs:
            r.text = r.text.replace("{{ title }}", "{{ titel }}")


def test_unused_variables_are_information(tmp_path):
    # the subject is printed twice: under KẾ HOẠCH, and under the number of a Công văn
    result = check_template(variant(tmp_path / "t.docx", edit=_misspell_every_title))
    assert ("unused-variable", "info", "template", "biến không dùng / variable not used: 'title'") in [
        (f.rule, f.severity, f.where, f.message) for f in result.findings]


def test_result_for_notebooks(tmp_path):
    result = check_template(variant(tmp_path / "t.docx", {"{{ title }}": "{{ titel }}"}))
    frame = result.to_frame()
    assert list(frame.columns) == ["rule", "severity", "where", "message", "context"]
    assert frame.iloc[0].tolist()[:3] == ["unknown-variable", "error", "paragraph 10"]
    assert "<table>" in result._repr_html_() and "titel" in result._repr_html_()
    assert set(frame.rule) <= set(RULES)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("plan.txt", b"KE HOACH", "không phải mẫu .docx, tên tệp phải có đuôi .docx / not a .docx template (the name "
                              "must end in .docx)"),
    ("t.docx", b"not a zip", "không phải mẫu .docx, hãy lưu lại từ Word dưới dạng .docx / not a .docx template "
                             "(not a zip archive; save it from Word as .docx)"),
])
def test_not_a_docx_is_refused(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TemplateError) as caught:
        check_template(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_new_template_refuses_to_overwrite(tmp_path):
    out = new_template(tmp_path / "mau.docx")
    assert out.read_bytes() == default_template().read_bytes()
    with pytest.raises(OutputExists):
        new_template(out)
    new_template(out, force=True)


def test_cli_check_exit_codes(tmp_path, capsys):
    assert main(["template", "check", str(default_template()), "-q"]) == 0
    assert capsys.readouterr().out.endswith("ke-hoach.docx: 0 lỗi, 0 cảnh báo, 10 thông tin / 0 errors, 0 warnings, 10 info\n")
    bad = variant(tmp_path / "bad.docx", {"{{ title }}": "{{ titel }}"})
    assert main(["template", "check", str(bad), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["findings"][0]["where"] == "paragraph 10"
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH", encoding="utf-8")
    assert main(["template", "check", str(plan)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"plankit: lỗi / error: {plan}: không phải mẫu .docx, tên tệp phải có đuôi .docx / "
                            "not a .docx template (the name must end in .docx)\n")


def test_cli_new(tmp_path, capsys):
    out = tmp_path / "my-template.docx"
    assert main(["template", "new", "-o", str(out)]) == 0
    assert main(["template", "new", "-o", str(out)]) == 2
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert main(["template", "new", "-o", str(out), "--force"]) == 0
    assert main(["template", "new", str(tmp_path / "positional.docx")]) == 0  # as a newcomer types it
    assert (tmp_path / "positional.docx").stat().st_size == out.stat().st_size
    capsys.readouterr()
    assert main(["template", "new"]) == 2
    assert capsys.readouterr().err == ("plankit: lỗi / error: cần đúng một tệp đầu ra / give exactly one output "
                                       "file: plankit template new OUT.docx\n")


_OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(not (_OFFICE and shutil.which("pdftotext") and shutil.which("pdftoppm")),
                    reason="LibreOffice and poppler-utils are needed for a preview")
def test_cli_preview_pdf_and_png(tmp_path, capsys):
    pdf = tmp_path / "preview.pdf"
    assert main(["template", "preview", str(default_template()), "-o", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "KẾ HOẠCH" in text and "Nguyễn Văn Mẫu" in text
    assert capsys.readouterr().err == f"plankit: đã ghi / wrote {pdf}\n"
    assert main(["template", "preview", "-o", str(pdf)]) == 2  # exists
    assert main(["template", "preview", "--png", "-o", str(tmp_path / "page.pdf")]) == 0
    assert (tmp_path / "page-1.png").read_bytes()[:4] == b"\x89PNG"


def test_preview_of_a_broken_template_names_it(tmp_path):
    bad = variant(tmp_path / "bad.docx", {"{{ title }}": "{{ titel }}"})
    if not _OFFICE:
        pytest.skip("LibreOffice is not installed")
    from plankit.template import preview_template

    with pytest.raises(TemplateError, match=r"unknown variable 'titel'"):
        preview_template(bad, tmp_path / "p.pdf")
    assert not (tmp_path / "p.pdf").exists()
