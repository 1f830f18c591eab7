"""Time grows linearly with the input: 4x the input costs under 6x the CPU time.

Adversarial shapes that were quadratic (deleted paragraph marks, long style chains, numbering,
pages sharing a content stream, template tags) and ordinary ones, at small sizes so the suite
stays fast. The harness is tests/scaling.py (fixture ``assert_linear``); the text reader, lint,
diff and restore have their scaling tests in their own files.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from plankit.read._docx import read_docx

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tests" / "fixtures" / "make_fixtures.py")
fx = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fx)
W = f'xmlns:w="{fx.W_NS}"'


def _docx(body: str, **parts: bytes) -> bytes:
    return fx._rewrite(fx._minimal_docx(), {"word/document.xml": fx._document_xml(body), **parts})


def deleted_marks(n: int) -> bytes:
    """n paragraphs whose marks are deleted: one paragraph once changes are accepted (joining
    them by copying the text so far was quadratic: 5 MB took 29 s)."""
    return _docx("".join('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'
                         f"<w:r><w:t>{fx.BASIS[:100]} {i} </w:t></w:r></w:p>" for i in range(n))
                 + "<w:p><w:r><w:t>hết</w:t></w:r></w:p>")


def style_chain(n: int) -> bytes:
    """n paragraphs in styles 60 deep (deeper chains are refused: tests/test_hardening.py)."""
    depth = 60
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
                     + (f'<w:basedOn w:val="s{i - 1}"/>' if i else "") + "</w:style>" for i in range(depth))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>{styles}</w:styles>'.encode()
    body = "".join(f'<w:p><w:pPr><w:pStyle w:val="s{depth - 1 - i % depth}"/></w:pPr><w:r><w:t>Đoạn {i}</w:t></w:r></w:p>'
                   for i in range(n))
    return _docx(body, **{"word/styles.xml": xml})


def numbered(n: int) -> bytes:
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}><w:abstractNum w:abstractNumId="1">'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode()
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 2}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                   f"<w:r><w:t>Nhiệm vụ {i}</w:t></w:r></w:p>" for i in range(n))
    return _docx(body, **{"word/numbering.xml": numbering})


def ordinary(n: int) -> bytes:
    return _docx("".join(f"<w:p><w:r><w:t>{fx.BASIS} ({i})</w:t></w:r></w:p>" for i in range(n)))


@pytest.mark.parametrize(("make", "size"), [(deleted_marks, 2000), (style_chain, 400), (numbered, 400), (ordinary, 400)],
                         ids=["deleted-marks", "style-chain", "numbering", "ordinary"])
def test_docx_reader_scales_linearly(assert_linear, make, size):
    assert_linear(make, read_docx, size=size)


def test_pdf_reader_scales_linearly_with_pages(assert_linear):
    from plankit.read._pdf import read_pdf

    assert_linear(_shared_stream_pdf, read_pdf, size=3)


def _shared_stream_pdf(pages: int, lines: int = 30) -> bytes:
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    body = "".join(f"BT /F1 10 Tf 20 {800 - i * 11} Td (Ke hoach tuyen truyen {i}) Tj ET\n" for i in range(lines))
    stream = DecodedStreamObject()
    stream.set_data(body.encode())
    ref = writer._add_object(stream.flate_encode())
    for _ in range(pages):
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Contents")] = ref
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_template_tag_check_scales_linearly(assert_linear):
    from plankit.sandbox import TemplateLimit, check_tags

    def unclosed(n: int) -> str:
        return "<w:p><w:r><w:t>{{ title }}</w:t></w:r></w:p>" * n + "<w:t>{{ " * n

    def run(xml: str) -> None:
        with pytest.raises(TemplateLimit):
            check_tags(xml)

    assert_linear(unclosed, run, size=20_000)


def test_template_rendering_scales_linearly(assert_linear):
    from plankit.sandbox import environment

    env = environment()

    def source(n: int) -> str:
        return "".join(f'<w:p><w:r><w:t>{{{{ title|upper }}}} {i} {{% if year %}}{{{{ year }}}}{{% endif %}}</w:t></w:r></w:p>'
                       for i in range(n))

    def run(src: str) -> None:
        env.from_string(src + "<!-- x -->").render(title="Kế hoạch tuyên truyền", year=2026)

    assert_linear(source, run, size=150)


def test_unclosed_template_tags_are_refused_in_linear_time(assert_linear, tmp_path):
    """``{{`` repeated n times: docxtpl's tag patching took 43 s on 25,000; now refused at once."""
    import docx

    from plankit.draft import draft_plan
    from plankit.errors import TemplateError
    from plankit.render import render_docx

    plan = draft_plan(ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt", year=2023)

    def template(n: int) -> Path:
        d = docx.Document()
        d.add_paragraph("{{ title }}")
        d.add_paragraph("{{ " * n)
        path = tmp_path / f"u{n}.docx"
        d.save(str(path))
        return path

    def run(path: Path) -> None:
        with pytest.raises(TemplateError, match="unclosed tag"):
            render_docx(plan, tmp_path / "never.docx", template=path)

    assert_linear(template, run, size=1_000, repeats=2)


def test_docx_template_rendering_scales_linearly(assert_linear, tmp_path):
    """render_docx end to end (docxtpl's tag patching, the sandbox, python-docx) on n tags."""
    import docx

    from plankit.draft import draft_plan
    from plankit.render import render_docx

    plan = draft_plan(ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt", year=2023)
    counter = iter(range(10**6))

    def template(n: int) -> Path:
        d = docx.Document()
        for i in range(n):
            d.add_paragraph(f"{{{{ title }}}} {i} {{% if year %}}{{{{ year }}}}{{% endif %}}")
        path = tmp_path / f"t{n}.docx"
        d.save(str(path))
        return path

    def run(path: Path) -> None:
        render_docx(plan, tmp_path / f"out{next(counter)}.docx", template=path)

    assert_linear(template, run, size=150, repeats=2)


# -- extract_citations on ordinary and adversarial text ----------------------------------------
_BASIS = ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
          "cải cách hành chính nhà nước giai đoạn 2021-2030;")
CITATION_TEXTS = {
    # a basis section: one citation sentence a line
    "ordinary": (lambda n: "\n".join(f"{_BASIS} Kế hoạch số {i}/KH-UBND ngày 24/12/2021 của UBND tỉnh."
                                     for i in range(n)), 100),
    # the same on one line (text flattened by a web page or a PDF): every named programme looked
    # for the explicit citations of its sentence among all the later ones (quadratic)
    "one long line": (lambda n: " ".join(f"{_BASIS} Quyết định số {i}/QĐ-UBND" for i in range(n)), 100),
    # symbols without 'số', three kinds of issuer codes
    "many symbols": (lambda n: " ".join(f"{i}/KH-UBND {i}/QĐ-TTg {i}/2020/NĐ-CP" for i in range(n)), 200),
    # 'số' (number) with no number after it, on one line and on many
    "số without numbers": (lambda n: "số " * n, 20_000),
    "số lines": (lambda n: "Văn bản số của Sở số và số\n" * n, 5_000),
    # half-made numbers and symbols
    "số and slashes": (lambda n: "số 1 số / số a/ " * n, 5_000),
}


@pytest.mark.parametrize("name", list(CITATION_TEXTS))
def test_extract_citations_scales_linearly(assert_linear, name):
    from plankit.cite import extract_citations

    make, size = CITATION_TEXTS[name]
    assert_linear(make, extract_citations, size=size)


def test_the_citation_texts_hold_what_they_say():
    from plankit.cite import extract_citations

    assert extract_citations(CITATION_TEXTS["one long line"][0](3)).keys == [
        "76/NQ-CP", "0/QĐ-UBND", "76/NQ-CP", "1/QĐ-UBND", "76/NQ-CP", "2/QĐ-UBND"]
    assert extract_citations(CITATION_TEXTS["số without numbers"][0](100)).keys == []
    assert len(extract_citations(CITATION_TEXTS["many symbols"][0](5))) == 15
