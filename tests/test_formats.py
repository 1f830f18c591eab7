"""The same plan reads the same as .txt, .docx (one paragraph per printed line, a flattened
header, a header table), .doc and PDF (benchmarks/bench_formats.py measures it on the corpus).

The texts are invented (agencies' numbers, dates and subjects), in the layouts real copies have:
a .docx made from a PDF or a text file holds one paragraph per printed line; a copy may run the
header, the title and the basis clauses together into one paragraph; officers' files put the
header in a two-column table, which a PDF prints side by side, the motto wrapped in its column.
The .docx files are built in memory with python-docx; the LibreOffice conversions are slow tests.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import textwrap
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.bench_formats import FIELDS, header_columns, reading, table_docx
from plankit import read_plan, read_text
from plankit.read import read_bytes
from plankit.read._docx import printed_lines, read_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# A plan whose lines are wrapped by hand (a portal's or a PDF's copy); its preamble names its
# basis with "theo" inside a sentence wrapped over three lines.
WRAPPED = """\
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG Độc lập - Tự do - Hạnh phúc
Số: 417/KH-UBND Hà Giang, ngày 15 tháng 3 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính
năm 2024
Để triển khai công tác cải cách hành chính năm 2024 đảm bảo yêu cầu về nội
dung, tiến độ theo Quyết định số 88/QĐ-TTg ngày 12/01/2024 của Thủ tướng
Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền cải cách
hành chính năm 2024 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về cải
cách hành chính, góp phần thực hiện Kế hoạch số 35/KH-UBND ngày 05/01/2024
của Ủy ban nhân dân tỉnh.
II. NỘI DUNG TUYÊN TRUYỀN
1. Các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách
hành chính."""

WRAPPED_READING = {
    "number": "417", "symbol": "KH-UBND", "date": "2024-03-15",
    "issuer": "Ủy ban nhân dân tỉnh Hà Giang", "type": "Kế hoạch",
    "subject": "Tuyên truyền cải cách hành chính năm 2024", "signer": None,
    "citations": [("35/KH-UBND", "mention"), ("417/KH-UBND", "self"), ("88/QĐ-TTg", "basis")],
    "headings": ["I. MỤC ĐÍCH, YÊU CẦU", "1", "II. NỘI DUNG TUYÊN TRUYỀN", "1"],
}

# A decision copied with its header, title, authority and basis clauses run onto one line.
FLATTENED = (
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  Độc lập  Tự do  Hạnh phúc   "
    "Số: 2741/QĐ-BNNMT Hà Nội, ngày 09 tháng 10 năm 2025    QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH "
    "CHUYỂN ĐỔI SỐ NGÀNH NÔNG NGHIỆP NĂM 2026 BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG Căn cứ Nghị "
    "định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, "
    "quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường; Căn cứ Quyết định số 411/QĐ-TTg "
    "ngày 31/3/2022 của Thủ tướng Chính phủ; Theo đề nghị của Cục trưởng Cục Chuyển đổi số, "
    "QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026."
)

FLATTENED_READING = {
    "number": "2741", "symbol": "QĐ-BNNMT", "date": "2025-10-09",
    "issuer": "Bộ Nông nghiệp và Môi trường", "type": "Quyết định",
    "subject": "VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NGÀNH NÔNG NGHIỆP NĂM 2026", "signer": None,
    "citations": [("2741/QĐ-BNNMT", "self"), ("35/2025/NĐ-CP", "basis"), ("411/QĐ-TTg", "basis")],
    "headings": [],
}

# A Party document: its header's right column is the Party's motto, not the national one.
PARTY_TABLE = (
    ("BAN CHỈ ĐẠO TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("Số: 07-KH/BCĐTW", "Hà Nội, ngày 12 tháng 5 năm 2025"),
)
PARTY_BODY = (
    "KẾ HOẠCH",
    "Triển khai phong trào học tập kỹ năng số",
    "- Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị;",
    "- Căn cứ Quyết định số 204-QĐ/TW, ngày 15/01/2025 của Ban Bí thư,",
    "Ban Chỉ đạo Trung ương ban hành Kế hoạch như sau:",
)


def _paragraphs_docx(lines, table_rows=(), space_after: bool = True) -> bytes:
    """A .docx: an optional header table (rows of cells, each cell's lines split on "\\n"), then
    one paragraph per line."""
    document = docx.Document()
    if not space_after:
        document.styles["Normal"].paragraph_format.space_after = Pt(0)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for r, row in enumerate(table_rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                first, *rest = value.split("\n")
                cell.paragraphs[0].text = first
                for line in rest:
                    cell.add_paragraph(line)
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_plan(path)


# -- the .txt readings the copies are held to -------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [(WRAPPED, WRAPPED_READING), (FLATTENED, FLATTENED_READING)])
def test_the_text_reading(text, expected):
    assert reading(read_text(text, "ke-hoach.txt")) == expected


# -- .docx: one paragraph per printed line ----------------------------------------------------


def test_a_docx_of_printed_lines_reads_as_its_text(tmp_path):
    # before: "theo Quyết định số 88/QĐ-TTg" wrapped over paragraphs was read as a mention and
    # the subject's second line was a subject of its own
    plan = _read(tmp_path, "ke-hoach.docx", _paragraphs_docx(WRAPPED.split("\n")))
    assert reading(plan) == WRAPPED_READING
    assert plan.source.form == "docx"


def test_a_docx_whose_header_runs_into_its_title_reads_as_its_text(tmp_path):
    # before: the one paragraph was no header, no type and no title
    plan = _read(tmp_path, "quyet-dinh.docx", _paragraphs_docx([FLATTENED]))
    assert reading(plan) == FLATTENED_READING


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # sentences run on over paragraphs, three times in nine paragraphs: printed lines
        (WRAPPED.split("\n"), True),
        # Word's own paragraphs: each ends its sentence or is a heading or title in capitals
        (["KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024",
          "Căn cứ Quyết định số 88/QĐ-TTg ngày 12/01/2024 của Thủ tướng Chính phủ;",
          "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao nhận thức về cải cách hành chính."], False),
        # two paragraphs that run on are a slip, not a file of printed lines
        (["Nâng cao nhận thức của cán bộ về cải", "cách hành chính, góp phần thực hiện",
          "các mục tiêu.", "II. NỘI DUNG"], False),
        # a header in one paragraph with what follows it
        ([FLATTENED], True),
        # a header on lines of its own, the date ending its paragraph
        (["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Số: 12/KH-UBND Hà Giang, ngày 15 tháng 3 năm 2024", "KẾ HOẠCH"], False),
    ],
)
def test_printed_lines(lines, expected):
    layout = read_docx(_paragraphs_docx(lines), "x.docx")
    assert printed_lines(layout.text, list(layout.items)) is expected
    assert layout.wrapped is expected


@given(st.integers(min_value=40, max_value=120))
def test_a_docx_reads_the_same_whatever_the_width_its_lines_were_printed_at(width):
    lines = WRAPPED.split("\n")
    preamble = " ".join(lines[6:10])
    data = _paragraphs_docx([*lines[:6], *textwrap.wrap(preamble, width), *lines[10:]])
    got = reading(read_bytes(data, "ke-hoach.docx"))
    assert (got["citations"], got["subject"]) == (WRAPPED_READING["citations"], WRAPPED_READING["subject"])


# -- .docx: the header in a table -------------------------------------------------------------


def test_a_header_table_with_the_party_motto_is_the_header(tmp_path):
    # before: the table was read as an activity table, and the plan had no header
    plan = _read(tmp_path, "ke-hoach.docx", _paragraphs_docx(PARTY_BODY, PARTY_TABLE))
    h = plan.header
    assert (h.number, h.symbol, h.date, h.doc_type, h.title) == (
        "07", "KH/BCĐTW", dt.date(2025, 5, 12), "Kế hoạch", "Triển khai phong trào học tập kỹ năng số"
    )
    assert [(c.key, c.role) for c in plan.citations] == [
        ("07-KH/BCĐTW", "self"), ("57-NQ/TW", "basis"), ("204-QĐ/TW", "basis")
    ]


# -- a PDF's text layer: the header's columns side by side ------------------------------------


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        # the motto wrapped in its narrow column, its "VIỆT NAM" beside the issuer's second line
        (["ỦY BAN NHÂN DÂN                             CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
          "TỈNH HÀ GIANG                               VIỆT NAM",
          "",
          "-------                                     Độc lập - Tự do - Hạnh phúc"],
         "Ủy ban nhân dân tỉnh Hà Giang"),
        (["UBND TỈNH HÀ GIANG                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
          "SỞ NỘI VỤ                                   VIỆT NAM",
          "                                            Độc lập - Tự do - Hạnh phúc"],
         "Sở Nội vụ tỉnh Hà Giang"),
    ],
)
def test_the_motto_wrapped_in_its_column_is_not_the_issuers(header, issuer):
    text = "\n".join([*header, "Số: 417/KH-UBND                             Hà Giang, ngày 15 tháng 3 năm 2024",
                      "", "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024"])
    plan = read_text(text, "ke-hoach.txt", form="pdf")
    assert plan.header.issuer == issuer
    assert (plan.header.number, plan.header.date) == ("417", dt.date(2024, 3, 15))


# -- the harness's header table ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        # the columns flattened onto lines
        (WRAPPED, [["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"],
                   ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                   ["Số: 417/KH-UBND"], ["Hà Giang, ngày 15 tháng 3 năm 2024"]]),
        # one column after the other, blank lines between
        ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\n\nSố: 417/KH-UBND\n\nHà Giang, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH",
         [["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG", "-------"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
          ["Số: 417/KH-UBND"], ["Hà Giang, ngày 15 tháng 3 năm 2024"]]),
        # a website's table flattened with bars, the date wrapped
        ("ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n|\nSố: 417/KH-UBND\n|\nHà Giang, ngày\n"
         "15 tháng 3 năm 2024\n|\nKẾ HOẠCH",
         [["ỦY BAN NHÂN DÂN"], ["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"],
          ["Số: 417/KH-UBND"], ["Hà Giang, ngày", "15 tháng 3 năm 2024"]]),
    ],
)
def test_header_columns(text, cells):
    before, got, body = header_columns(text)
    assert (before, got) == ([], cells)
    assert body[0].strip(" |") in ("KẾ HOẠCH", "") and "KẾ HOẠCH" in body


@pytest.mark.parametrize("text", ["Theo Cổng thông tin điện tử tỉnh, ngày 15/3/2024 UBND tỉnh ban hành Kế hoạch.",
                                  "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024"])
def test_no_header_no_table(text):
    assert header_columns(text) is None and table_docx(text) is None


def test_the_table_docx_reads_as_its_text(tmp_path):
    plan = _read(tmp_path, "ke-hoach.docx", table_docx(WRAPPED))
    assert len(plan.tables) == 0  # the header table is the header, not an activity table
    assert reading(plan) == WRAPPED_READING


# -- LibreOffice's copies (slow) --------------------------------------------------------------


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[str, dict[str, Path]]:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from benchmarks.bench_formats import make_copies

    return make_copies({"wrapped": WRAPPED, "flattened": FLATTENED}, tmp_path_factory.mktemp("formats"))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "docx", "doc", "pdf", "table.docx", "table.pdf"])
@pytest.mark.parametrize(("name", "expected"), [("wrapped", WRAPPED_READING), ("flattened", FLATTENED_READING)])
def test_libreoffice_copies_read_as_the_text(copies, name, expected, fmt):
    if fmt not in copies[name]:
        assert name == "flattened" and fmt.startswith("table")  # no header lines to tabulate
        return
    got = reading(read_plan(copies[name][fmt]))
    assert {f: got[f] for f in FIELDS} == expected

