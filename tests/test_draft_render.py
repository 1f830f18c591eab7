"""render_docx: the Nghị định 30/2020 layout, hostile templates, atomic writes, the CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

import plankit.render.document as render_module
from plankit.cli import main
from plankit.draft import draft_plan
from plankit.errors import OutputExists, TemplateError
from plankit.read import read_plan
from plankit.render import default_template, render_docx, template_context

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG_2022 = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
CAN_THO_2025 = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
CAN_THO_2022 = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
BASIS = "Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Cần Thơ về công tác thông tin, tuyên truyền cải cách hành chính năm 2026"
SUBJECT = "Công tác thông tin, tuyên truyền cải cách hành chính năm 2026"
FONT = "Times New Roman"


@pytest.fixture(scope="module")
def hai_duong():
    return draft_plan(HAI_DUONG_2022, year=2023)


@pytest.fixture(scope="module")
def can_tho_path(tmp_path_factory):
    plan = draft_plan(CAN_THO_2025, year=2026, basis=[BASIS], reference=CAN_THO_2022)
    path = tmp_path_factory.mktemp("render") / "can-tho-2026.docx"
    return render_docx(plan, path)


@pytest.fixture(scope="module")
def document(can_tho_path):
    return docx.Document(str(can_tho_path))


def tiny_template(path: Path, *paragraphs: str) -> Path:
    """A .docx whose paragraphs hold the given texts (tags included)."""
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


# -- the layout, read back with python-docx -----------------------------------------------------


def test_page_is_a4_portrait_with_nd30_margins(document):
    (section,) = document.sections
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert section.orientation == 0  # portrait
    margins = [round(m / Mm(1)) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
    assert margins == [20, 20, 30, 15]
    assert 20 <= margins[0] <= 25 and 20 <= margins[1] <= 25 and 30 <= margins[2] <= 35 and 15 <= margins[3] <= 20


def _fonts_ok(rpr) -> bool:
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return True  # inherits the document default
    theme = [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")]
    return not theme and all(fonts.get(qn(f"w:{a}")) == FONT for a in ("ascii", "hAnsi", "eastAsia", "cs"))


def test_times_new_roman_everywhere(document):
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert [fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")] == [FONT] * 4
    rprs = list(document.styles.element.iter(qn("w:rPr"))) + list(document.element.body.iter(qn("w:rPr")))
    for part in (document.sections[0].header, document.sections[0].first_page_header):
        rprs += list(part._element.iter(qn("w:rPr")))
    assert len(rprs) > 100
    assert all(_fonts_ok(r) for r in rprs)
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.font.name == FONT for r in runs)


def _cell_runs(cell):
    return [(p.text, p.runs[0].font.size, bool(p.runs[0].font.bold), bool(p.runs[0].font.italic))
            for p in cell.paragraphs if p.text.strip()]


def test_header_table_layout_and_sizes(document):
    header = document.tables[0]
    assert (len(header.rows), len(header.columns)) == (2, 2)
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert _cell_runs(header.cell(0, 0)) == [
        ("UBND THÀNH PHỐ CẦN THƠ", Pt(13), False, False),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", Pt(13), True, False),
    ]
    assert _cell_runs(header.cell(0, 1)) == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Pt(13), True, False),
        ("Độc lập - Tự do - Hạnh phúc", Pt(14), True, False),
    ]
    assert _cell_runs(header.cell(1, 0)) == [("Số:     /KH-SKHCN", Pt(13), False, False)]
    assert _cell_runs(header.cell(1, 1)) == [("Cần Thơ, ngày       tháng 01 năm 2026", Pt(14), False, True)]
    # the rules: under the issuing body (a short one) and under the motto (as long as the text)
    rule = header.cell(0, 0).paragraphs[-1]
    assert rule.text == "" and rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    width = Mm(74 - 2) - rule.paragraph_format.left_indent - rule.paragraph_format.right_indent
    assert Mm(20) < width < Mm(36)  # 1/3 to 1/2 of "SỞ KHOA HỌC VÀ CÔNG NGHỆ" (about 70 mm)
    motto = header.cell(0, 1).paragraphs[1]
    assert motto._p.pPr.find(qn("w:pBdr")) is not None
    motto_width = Mm(101 - 2) - motto.paragraph_format.left_indent - motto.paragraph_format.right_indent
    assert Mm(60) <= motto_width <= Mm(64)


def test_title_body_and_signature(document):
    paras = [p for p in document.paragraphs if p.text.strip()]
    kh = next(p for p in paras if p.text == "KẾ HOẠCH")
    subject = next(p for p in paras if p.text == SUBJECT)
    for p in (kh, subject):
        assert p.alignment == 1 and p.runs[0].font.bold and p.runs[0].font.size == Pt(14)
    heading = next(p for p in paras if p.text == "I. MỤC ĐÍCH, YÊU CẦU")
    assert heading.runs[0].font.bold
    body = next(p for p in paras if p.text.startswith("Sở Khoa học và Công nghệ xây dựng Kế hoạch"))
    assert body.alignment == 3 and body.paragraph_format.first_line_indent > 0  # justified
    assert body.runs[0].font.size == Pt(14) and not body.runs[0].font.bold
    sign = document.tables[-1]
    assert len(sign.columns) == 2
    assert {b.get(qn("w:val")) for b in sign._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    left = [(p.text, p.runs[0].font.size, p.runs[0].font.bold, p.runs[0].font.italic) for p in sign.cell(0, 0).paragraphs if p.text]
    assert left[0] == ("Nơi nhận:", Pt(12), True, True)
    lines = [t for t, *_ in left[1:]]
    assert len(lines) == 4 and lines[0] == "- Sở Nội vụ;" and lines[-1] == "- Lưu: VT, VP."
    assert lines[2] == "- Các phòng, đơn vị trực thuộc Sở;"
    assert all(size == Pt(11) for _, size, *_ in left[1:])


def test_activity_table_has_the_plan_columns(document):
    table = document.tables[1]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["TT", "Hình thức tuyên truyền", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2", "3", "4"]
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(widths) == 5 and widths[0] < min(widths[1:]) and abs(sum(widths) - Mm(165).twips) < 30
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_page_numbers_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    default = section.header._element
    instr = "".join(t.text for t in default.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    assert section.header.paragraphs[0].alignment == 1
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_core_properties(document):
    props = document.core_properties
    assert props.subject == SUBJECT and props.author == "Sở Khoa học và Công nghệ thành phố Cần Thơ" and props.language == "vi-VN"


def test_markdown_and_docx_share_the_context(hai_duong):
    ctx = template_context(hai_duong)
    assert ctx["body"][0] == {"kind": "paragraph", "level": 0, "text": "Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2023, cụ thể như sau:"}
    assert ctx["body"][1] == {"kind": "heading", "level": 1, "text": "I. MỤC ĐÍCH, YÊU CẦU"}
    assert ctx["body"][2] == {"kind": "heading", "level": 2, "text": "1. Mục đích"}
    assert ctx["body"][3]["kind"] == "item" and ctx["body"][3]["text"].startswith("- Đẩy mạnh công tác thông tin")
    assert ctx["signer_title"] == ["GIÁM ĐỐC"] and ctx["number"] is None and ctx["day"] is None
    assert ctx["basis"][0].startswith("Căn cứ Kế hoạch số 4707/KH-UBND")


# -- templates that are hostile, misspelt or not templates --------------------------------------

HOSTILE = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch ' ~ sentinel) }}",
    "{{ lipsum.__globals__['os'].popen('touch ' ~ sentinel).read() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ self._TemplateReference__context }}",
    "{{ title.__class__.__init__.__globals__ }}",
    "{{ 'x' * 100000000 }}",
    "{{ 9 ** 9999999 }}",
]


@pytest.mark.parametrize("tag", HOSTILE)
def test_hostile_template_runs_nothing(tmp_path, hai_duong, tag):
    sentinel = tmp_path / "pwned"
    template = tiny_template(tmp_path / "evil.docx", "{{ title }}", tag.replace("sentinel", repr(str(sentinel))))
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as err:
        render_docx(hai_duong, out, template=template)
    assert "evil.docx" in str(err.value)
    assert "refused" in str(err.value) or "Python internals" in str(err.value)
    assert not sentinel.exists()
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [template]


def test_the_os_payload_would_run_without_the_sandbox(tmp_path):
    """The hostile tag above is real: plain Jinja executes it (so the sandbox test means something)."""
    import jinja2

    sentinel = tmp_path / "ran"
    jinja2.Environment().from_string(
        "{{ cycler.__init__.__globals__.os.system('touch ' ~ path) }}").render(path=str(sentinel))
    assert sentinel.exists()


@pytest.mark.parametrize(("tag", "name"), [("{{ titel }}", "titel"), ("{{ issuer.nmae }}", "nmae"),
                                            ("{%p for b in bodi %}", "bodi")])
def test_misspelt_variable_is_named(tmp_path, hai_duong, tag, name):
    template = tiny_template(tmp_path / "t.docx", "{{ title }}", tag, "{%p endfor %}" if "for" in tag else "x")
    with pytest.raises(TemplateError, match=f"unknown variable '{name}'"):
        render_docx(hai_duong, tmp_path / "out.docx", template=template)
    assert not (tmp_path / "out.docx").exists()


def test_broken_tag(tmp_path, hai_duong):
    template = tiny_template(tmp_path / "t.docx", "{% if title %}no end")
    with pytest.raises(TemplateError, match="broken template tag"):
        render_docx(hai_duong, tmp_path / "out.docx", template=template)


def test_not_a_docx(tmp_path, hai_duong):
    text = tmp_path / "template.docx"
    text.write_text("{{ title }}", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"not a \.docx"):
        render_docx(hai_duong, tmp_path / "a.docx", template=text)
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(bare, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(TemplateError, match=r"no word/document\.xml"):
        render_docx(hai_duong, tmp_path / "b.docx", template=bare)
    with pytest.raises(TemplateError, match="not found"):
        render_docx(hai_duong, tmp_path / "c.docx", template=tmp_path / "missing.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bare.docx", "template.docx"]


def test_smart_quotes_in_tags(tmp_path, hai_duong):
    template = tiny_template(tmp_path / "t.docx", "Số: {{ number or \u2018....\u2019 }}/{{ symbol }}",
                             "{{ \u201cKế hoạch\u201d ~ \u00a0title }}")
    out = render_docx(hai_duong, tmp_path / "out.docx", template=template)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts == ["Số: ..../KH-SCT", "Kế hoạch" + "Tuyên truyền cải cách hành chính nhà nước năm 2023"]


def test_xml_special_characters_are_escaped(tmp_path, hai_duong):
    out = render_docx(hai_duong, tmp_path / "out.docx")
    plan = read_plan(out)
    assert plan.header.recipients == hai_duong.header.recipients
    draft = draft_plan(HAI_DUONG_2022, year=2023, replacements={"Lãnh đạo sở": "BGĐ Sở KH&CN <Văn phòng>"})
    assert "BGĐ Sở KH&CN <Văn phòng>" in draft.header.recipients
    out = render_docx(draft, tmp_path / "amp.docx")
    assert "BGĐ Sở KH&CN <Văn phòng>" in read_plan(out).header.recipients


# -- writing: atomic, never overwriting --------------------------------------------------------


def test_existing_output_is_kept_without_force(tmp_path, hai_duong):
    out = tmp_path / "out.docx"
    out.write_bytes(b"precious")
    with pytest.raises(OutputExists):
        render_docx(hai_duong, out)
    assert out.read_bytes() == b"precious"
    render_docx(hai_duong, out, force=True)
    assert zipfile.is_zipfile(out)


def test_failure_while_rendering_leaves_no_file(tmp_path, hai_duong, monkeypatch):
    def boom(document, plan):
        raise RuntimeError("disk full")

    monkeypatch.setattr(render_module, "_finish", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        render_docx(hai_duong, tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []
    out = tmp_path / "kept.docx"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        render_docx(hai_duong, out, force=True)
    assert out.read_bytes() == b"old" and list(tmp_path.iterdir()) == [out]


def test_rendering_is_repeatable(tmp_path, hai_duong):
    a = render_docx(hai_duong, tmp_path / "a.docx")
    b = render_docx(hai_duong, tmp_path / "b.docx")
    doc_a = zipfile.ZipFile(a).read("word/document.xml")
    assert doc_a == zipfile.ZipFile(b).read("word/document.xml")
    assert b"{{" not in doc_a and b"{%" not in doc_a


# -- the default template is the one the script builds, and every variable is documented --------


def test_template_matches_its_build_script(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_template", ROOT / "templates" / "build_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path / "ke-hoach.docx")
    committed = zipfile.ZipFile(default_template())
    fresh = zipfile.ZipFile(built)
    assert committed.namelist() == fresh.namelist()
    for name in committed.namelist():
        assert committed.read(name) == fresh.read(name), name


def test_every_template_variable_is_documented(hai_duong):
    from docxtpl import DocxTemplate

    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    documented = {m for m in __import__("re").findall(r"^\| `(\w+)` \|", readme, __import__("re").M)}
    used = DocxTemplate(str(default_template())).get_undeclared_template_variables()
    assert used <= documented
    assert set(template_context(hai_duong)) <= documented
    item_fields = {"kind", "level", "text", "columns", "rows"}
    assert item_fields <= documented


# -- the CLI -------------------------------------------------------------------------------------


def test_cli_draft_writes_and_prints_the_todo_list(tmp_path, capsys):
    out = tmp_path / "hd-2023.docx"
    code = main(["draft", str(HAI_DUONG_2022), "--year", "2023", "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and zipfile.is_zipfile(out)
    assert printed.splitlines()[0] == f"đã ghi / wrote {out}: Kế hoạch Tuyên truyền cải cách hành chính nhà nước năm 2023"
    assert "4 việc cần quyết định trước khi ký / 4 things to decide before signing:" in printed
    assert "    3:5  number" in printed and "basis" in printed
    # refuses to overwrite, leaves the file as it was
    before = out.read_bytes()
    code = main(["draft", str(HAI_DUONG_2022), "--year", "2023", "-o", str(out)])
    assert code == 2 and "already exists" in capsys.readouterr().err and out.read_bytes() == before
    assert main(["draft", str(HAI_DUONG_2022), "--year", "2023", "-o", str(out), "--force", "--number", "7",
                 "--date", "2023-02-06", "--basis", BASIS]) == 0
    assert read_plan(out).header.reference == "7/KH-SCT"


def test_cli_markdown_and_json(tmp_path, capsys):
    assert main(["draft", str(HAI_DUONG_2022), "--year", "2023", "--markdown"]) == 0
    md = capsys.readouterr().out
    assert "**Tuyên truyền cải cách hành chính nhà nước năm 2023**" in md
    assert main(["draft", str(HAI_DUONG_2022), "--year", "2023", "--format", "json", "-o", str(tmp_path / "x.docx")]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2023 and [t["kind"] for t in data["todo"]] == ["number", "date", "basis", "basis"]
    assert data["todo"][0] == {"kind": "number", "message": data["todo"][0]["message"], "line": 3, "column": 5, "text": ""}


def test_cli_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["draft", str(HAI_DUONG_2022), "--year", "2023"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        main(["draft", str(HAI_DUONG_2022), "--year", "2023", "--date", "06/02/2023", "-o", "x.docx"])
    capsys.readouterr()
    bad = tmp_path / "t.docx"
    bad.write_text("no", encoding="utf-8")
    assert main(["draft", str(HAI_DUONG_2022), "--year", "2023", "--template", str(bad), "-o", str(tmp_path / "o.docx")]) == 2
    assert "not a .docx template" in capsys.readouterr().err


# -- LibreOffice: the draft converts to PDF and reads as the plan -----------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
def test_libreoffice_pdf_has_the_subject_and_page_numbers(can_tho_path, tmp_path):
    src = tmp_path / can_tho_path.name
    shutil.copy(can_tho_path, src)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    pdf = src.with_suffix(".pdf")
    assert pdf.exists()
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True, timeout=60).stdout.split("\f")
    first = " ".join(pages[0].split())
    assert SUBJECT in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first
    assert "KẾ HOẠCH" in first
    assert len([p for p in pages if p.strip()]) >= 2
    assert pages[1].strip().splitlines()[0].strip() == "2"  # page number on top of page 2
    assert not pages[0].strip().splitlines()[0].strip().isdigit()  # none on page 1


def test_docx_roundtrip_bytes_are_a_valid_zip(can_tho_path):
    with zipfile.ZipFile(io.BytesIO(can_tho_path.read_bytes())) as z:
        assert z.testzip() is None


def test_zip_bomb_template_is_refused(tmp_path, hai_duong):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (210 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(TemplateError, match=r"mẫu bị từ chối khi giải nén: word/document\.xml sẽ bung ra gấp \d+ lần \(bom zip\?\) / "
                                                r"template refused once unpacked: word/document\.xml would expand \d+ times"):
        render_docx(hai_duong, tmp_path / "out.docx", template=bomb)
    assert not (tmp_path / "out.docx").exists()


def test_a_rendered_draft_reads_back_as_a_draft(tmp_path):
    import plankit

    draft = plankit.draft_plan("plans/hai-duong/2022-so-cong-thuong.txt", year=2023)
    back = plankit.read_plan(plankit.render_docx(draft, tmp_path / "hd-2023.docx"))
    assert (back.draft, back.header.year) == (True, 2023)
    severities = {f.rule: f.severity for f in plankit.lint_plan(back)}
    assert severities["blank-number"] == "info" and severities["blank-date"] == "info"
