"""Scanned copies of an official page: a two-column header table (issuer and number left, motto
and place/date right), the body, a signature block; degraded as archives hold them.

The page is invented (agency, numbers and text), laid out by ``benchmarks/bench_scans.py``'s
builders, which the corpus benchmark uses on real documents: one page, 150 dpi.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_scans import (  # noqa: E402
    Page,
    _date_line,
    _flow,
    degrade,
    issuer_lines,
    scan_pdf,
    write_page_docx,
)

PAGE = Page(
    left=("ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "Số: 412/KH-UBND"),
    right=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tây Ninh, ngày 09 tháng 3 năm 2024"),
    title=("KẾ HOẠCH", "TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ NĂM 2024"),
    body=(
        "Căn cứ Quyết định số 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược "
        "phát triển Chính phủ điện tử hướng tới Chính phủ số;",
        "Thực hiện Kế hoạch số 88/KH-UBND ngày 12/01/2024 của UBND tỉnh về chuyển đổi số năm 2024, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức và người dân về chuyển đổi số.",
    ),
    bold_left=("ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH"),
)

needs_tools = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("tesseract")),
    reason="needs LibreOffice, poppler-utils and Tesseract",
)


# -- preparing a page, without Tesseract --------------------------------------------------------
def _faded(ink: int, paper: int, tilt: float = 0.0):
    """Lines of words at grey ``ink`` on paper at grey ``paper``, turned by ``tilt`` degrees."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (1240, 1754), paper)
    draw = ImageDraw.Draw(page)
    for y in range(150, 1600, 45):
        for x in range(150, 1100, 90):
            draw.rectangle((x, y, x + 70, y + 14), fill=ink)
    return page.rotate(tilt, resample=Image.BICUBIC, fillcolor=paper) if tilt else page


@pytest.mark.parametrize(
    ("ink", "paper", "ink_after", "paper_after"),
    [
        (150, 215, 0, 255),  # a faded photocopy: stretched
        (110, 200, 0, 255),  # grey paper
        (0, 255, 0, 255),  # black on white: as it is
        (10, 245, 10, 245),  # nearly so: as it is
        (200, 230, 200, 230),  # too little between ink and paper (a blank page's shading): as it is
    ],
)
def test_levels_make_ink_black_and_paper_white(ink, paper, ink_after, paper_after):
    from plankit.read._ocr import _levels

    out = _levels(_faded(ink, paper))
    assert out.getpixel((160, 155)) == ink_after  # inside a word
    assert out.getpixel((20, 20)) == paper_after  # margin


@pytest.mark.parametrize("tilt", [-2.5, -1.0, 1.5, 3.0])
def test_faded_page_askew_is_measured_after_its_levels(tilt):
    from plankit.read._ocr import _levels, skew_angle

    page = _faded(150, 215, tilt)
    assert skew_angle(page) == 0.0  # ink at 150 is not dark to the profile: never straightened
    assert skew_angle(_levels(page)) == pytest.approx(tilt, abs=0.1)


def test_prepare_straightens_a_faded_page(tmp_path):
    from PIL import Image

    from plankit.read._ocr import _prepare, skew_angle

    prepared = _prepare(_faded(150, 215, 2.5), tmp_path, "page")
    with Image.open(prepared) as image:
        assert abs(skew_angle(image)) < 0.2


# -- the layout builders of bench_scans ---------------------------------------------------------
@pytest.mark.parametrize(
    ("issuer", "parent", "lines", "bold"),
    [
        ("Ủy ban nhân dân tỉnh Quảng Trị", None, ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"), ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ")),
        ("Ủy ban nhân dân xã Tân Lập", None, ("ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"), ("ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP")),
        ("Sở Tư pháp tỉnh Lào Cai", None, ("UBND TỈNH LÀO CAI", "SỞ TƯ PHÁP"), ("SỞ TƯ PHÁP",)),
        ("Bộ Nội vụ", None, ("BỘ NỘI VỤ",), ("BỘ NỘI VỤ",)),
        ("Ban Tuyên giáo", "Tỉnh ủy Yên Bái", ("TỈNH ỦY YÊN BÁI", "BAN TUYÊN GIÁO"), ("BAN TUYÊN GIÁO",)),
        (None, None, (), ()),
    ],
)
def test_issuer_cell(issuer, parent, lines, bold):
    assert issuer_lines(issuer, parent) == (lines, bold)


@pytest.mark.parametrize(
    ("place", "date", "line"),
    [
        ("Huế", "2024-01-05", "Huế, ngày 05 tháng 01 năm 2024"),
        ("Huế", "2022", "Huế, ngày     tháng     năm 2022"),
        (None, "2025-07-18", "ngày 18 tháng 07 năm 2025"),
        (None, None, None),
    ],
)
def test_date_line(place, date, line):
    assert _date_line(place, date) == line


def test_flow_joins_wrapped_lines_into_paragraphs():
    text = "Căn cứ Luật số 12/2023/QH15\nngày 01/02/2023;\nThực hiện Kế hoạch\nsố 5/KH-UBND,\n- một;\n| hai |"
    assert _flow(text) == ("Căn cứ Luật số 12/2023/QH15 ngày 01/02/2023;", "Thực hiện Kế hoạch số 5/KH-UBND,",
                           "- một;", "hai")


@pytest.mark.parametrize(("name", "size"), [("clean", (1240, 1754)), ("rot90", (1754, 1240)), ("skew+3", (1240, 1754))])
def test_degrade_keeps_or_turns_the_page(name, size):
    out = degrade(_faded(0, 255), name, 150)
    assert out.size == size and out.mode == "L"


# -- reading the scans ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page_pdf(tmp_path_factory):
    """The invented page as .docx and as the PDF LibreOffice renders, and the plan read from its
    text layer (what every scan must read to)."""
    if not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("tesseract")):
        pytest.skip("needs LibreOffice, poppler-utils and Tesseract")
    from benchmarks.bench_scans import to_pdfs
    from plankit.read import read_plan
    from plankit.read._ocr import ocr_available

    if not ocr_available():
        pytest.skip("Tesseract's Vietnamese model (tesseract-ocr-vie) is not installed")
    folder = tmp_path_factory.mktemp("scans")
    (pdf, typed) = to_pdfs([write_page_docx(folder / "ke-hoach.docx", PAGE),
                            write_page_docx(folder / "trang-2.docx", SECOND_PAGE)])
    return pdf, read_plan(pdf), typed


SECOND_PAGE = Page(left=(), right=(), title=(), signature=(), receivers=(), body=(
    "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    "Sở Thông tin và Truyền thông chủ trì, phối hợp thực hiện Quyết định số 55/QĐ-UBND ngày 20/02/2024 "
    "của UBND tỉnh về danh mục dịch vụ công trực tuyến toàn trình.",
))


def _facts(plan) -> dict:
    h = plan.header
    return {"reference": h.reference, "date": h.date.isoformat() if h.date else None, "place": h.place,
            "issuer": h.issuer, "year": h.year, "doc_type": h.doc_type,
            "citations": sorted({c.key for c in plan.citations if c.role != "self"})}


EXPECTED = {"reference": "412/KH-UBND", "date": "2024-03-09", "place": "Tây Ninh",
            "issuer": "Ủy ban nhân dân tỉnh Tây Ninh", "year": 2024, "doc_type": "Kế hoạch",
            "citations": ["88/KH-UBND", "942/QĐ-TTg"]}


@pytest.mark.slow
@needs_tools
def test_text_layer_of_the_page(page_pdf):
    _, plan, _ = page_pdf
    assert _facts(plan) == EXPECTED


@pytest.mark.slow
@needs_tools
@pytest.mark.parametrize("name", ["faded-skew", "photocopy", "rot90", "rot180"])
def test_scan_reads_to_the_header_and_citations(page_pdf, tmp_path, name):
    from plankit.read import read_plan

    pdf, _, _ = page_pdf
    scan = scan_pdf(pdf, tmp_path / f"{name}.pdf", name, seed=3, dpi=150)
    plan = read_plan(scan)
    assert plan.source.ocr
    assert _facts(plan) == EXPECTED


def _mixed(page_pdf, tmp_path) -> Path:
    """A typed plan whose first page was signed, stamped and scanned back in: page 1 an image
    (150 dpi, the grey stamp), page 2 a text layer."""
    from pypdf import PdfWriter

    pdf, _, typed = page_pdf
    writer = PdfWriter()
    writer.append(str(scan_pdf(pdf, tmp_path / "page-1.pdf", "stamp", dpi=150)))
    writer.append(str(typed))
    target = tmp_path / "mixed.pdf"
    with open(target, "wb") as fh:
        writer.write(fh)
    return target


@pytest.mark.slow
@needs_tools
def test_scanned_page_of_a_typed_pdf_is_read_by_ocr(page_pdf, tmp_path):
    from plankit.read import read_plan

    plan = read_plan(_mixed(page_pdf, tmp_path))
    assert plan.source.form == "pdf" and plan.source.ocr
    assert _facts(plan) == {**EXPECTED, "citations": ["55/QĐ-UBND", "88/KH-UBND", "942/QĐ-TTg"]}
    assert [w.message for w in plan.warnings if "quét" in w.message] == [
        "trang 1 là bản quét, đã đọc bằng OCR / page 1 scanned: read by OCR"]
    assert plan.text.index("412/KH-UBND") < plan.text.index("II. NHIỆM VỤ")  # page 1 in its place


@pytest.mark.slow
@needs_tools
def test_scanned_page_without_tesseract_is_named_not_dropped(page_pdf, tmp_path, monkeypatch):
    from plankit.read import _ocr, read_plan

    monkeypatch.setattr(_ocr, "ocr_available", lambda: False)
    plan = read_plan(_mixed(page_pdf, tmp_path))
    assert not plan.source.ocr and plan.header.reference is None
    assert [c.key for c in plan.citations] == ["55/QĐ-UBND"]
    assert [w.message for w in plan.warnings if "quét" in w.message] == [
        "trang 1 là bản quét, chưa đọc: cài tesseract-ocr và tesseract-ocr-vie "
        "/ page 1 scanned, not read: install tesseract-ocr and tesseract-ocr-vie"]


def test_pages_that_draw_an_image(tmp_path):
    from PIL import Image
    from pypdf import PdfReader, PdfWriter

    from plankit.read._pdf import _draws_image

    Image.new("L", (200, 300), 255).save(tmp_path / "scan.pdf", "PDF", resolution=50.0)
    writer = PdfWriter()
    writer.add_blank_page(200, 300)
    writer.write(tmp_path / "blank.pdf")
    assert _draws_image(PdfReader(tmp_path / "scan.pdf").pages[0]) is True
    assert _draws_image(PdfReader(tmp_path / "blank.pdf").pages[0]) is False


# -- the header's two columns, without Tesseract ------------------------------------------------
def _header_page(left_rows, right_rows, title=True, width=1240):
    """Blocks for lines of print: left column at x 150-450, right at 600-1100, rows at y."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (width, width * 1754 // 1240), 255)
    draw = ImageDraw.Draw(page)
    f = width / 1240
    for y in left_rows:
        draw.rectangle((150 * f, y * f, 450 * f, (y + 20) * f), fill=0)
    for y in right_rows:
        draw.rectangle((600 * f, y * f, 1100 * f, (y + 20) * f), fill=0)
    if title:
        draw.rectangle((400 * f, 300 * f, 800 * f, 325 * f), fill=0)
    draw.rectangle((150 * f, 400 * f, 1100 * f, 420 * f), fill=0)  # the body
    return page


@pytest.mark.parametrize(
    ("left", "right", "title", "width", "band"),
    [
        ((100, 140, 180), (100, 140, 180), True, 1240, (250, 525)),  # three rows each
        ((100, 140, 180, 220), (100, 140), True, 1240, (270, 525)),  # a longer issuer column
        ((100, 140, 180), (100, 140, 180), True, 2480, (498, 1050)),  # 300 dpi: the same place (halved, rounded)
        ((100, 140, 180), (100, 140, 180), False, 1240, (300, 525)),  # no title: the body ends it
        ((100,), (100,), True, 1240, None),  # one line: no header to split
        ((), (100, 140, 180), True, 1240, None),  # one column
    ],
)
def test_header_band(left, right, title, width, band):
    from plankit.read._ocr import header_band

    assert header_band(_header_page(left, right, title, width)) == band


def test_header_columns_are_joined_side_by_side_by_height():
    from plankit.read._ocr import _side_by_side

    left = [(10, 40, "BAN CHẤP HÀNH TRUNG ƯƠNG"), (50, 80, "BAN CHỈ ĐẠO"), (90, 120, "*"), (130, 160, "Số 01-KH/BCĐTW")]
    right = [(12, 44, "ĐẢNG CỘNG SẢN VIỆT NAM"), (128, 158, "Hà Nội, ngày 21 tháng 3 năm 2025")]
    assert _side_by_side(left, right) == (
        "BAN CHẤP HÀNH TRUNG ƯƠNG    ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHỈ ĐẠO\n*\n"
        "Số 01-KH/BCĐTW    Hà Nội, ngày 21 tháng 3 năm 2025"
    )
    assert _side_by_side([], right) == "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 21 tháng 3 năm 2025"


def test_eth_read_for_d_with_stroke_is_put_back():
    from plankit.read._ocr import _LOOKALIKES

    assert "Số: 288/QÐ-BYT, ðồng".translate(_LOOKALIKES) == "Số: 288/QĐ-BYT, đồng"


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a page upside down, read as letters: hardly a word of a plan among them
        ("quIq ueA uaÁnẩ7N *LA MT] HĐÏ.L H2 tuạ1 nỤN NYq NVHN NV Ä{ 'ALL :ưẺqu ION 2 IỌA 20nu pu quru5 "
         "queu uenb Ø5 2g9 e8 uI 8uou) ạs e5 “dỏu 1ouqd 2e) ẩuo5 8uon5 8u", True),
        ("Thực hiện Quyết định số 1256/QĐ-UBND ngày 22/12/2021 của UBND tỉnh Quảng Ngãi ban hành Kế "
         "hoạch cải cách hành chính, nâng cao thứ hạng các chỉ số", False),
        ("Bảng 1: Kết quả thực hiện năm 2024 của các xã, phường: Hà Nội 120 Huế 340 Vinh 560 Đà Lạt 780 "
         "Cần Thơ 910 Hải Phòng 230", False),  # a table: numbers and names, a few common words
    ],
)
def test_looks_unread_by_its_words(text, unread):
    from plankit.read._ocr import _looks_unread

    assert _looks_unread(text) is unread
