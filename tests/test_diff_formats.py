"""Last year's plan as the officer has it against this year's as it came: across formats and
layouts, and with its structure moved.

* The same plan as a portal's .txt copy (the header table flattened into ``|`` cells, rule lines),
  as a .docx whose header is a real two-column table, and as a PDF printed from that .docx: any
  two of them compared show no change at all, and the redline of each is exact.
* A year-on-year pair in mixed formats (last year's .docx, this year's PDF): exactly the edits.
* Structure: a basis list or two tasks reordered are moved paragraphs, not rewritten ones; a
  section inserted renumbers the sections after it (expected); the plan's own number and date in
  one clause are one change; an issuer renamed by the July 2025 province merger is the same body.

The agencies, numbers and sentences are invented; the layouts are real (Nghị định 30/2020/NĐ-CP).
"""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from docx.shared import Pt

from benchmarks.bench_corpus_diff import phantoms, redline_wrong
from plankit import read_plan
from plankit.diff import diff_plans
from plankit.read import read_text

HEADER = [  # (left cell, right cell) of the header table, row by row
    ("UBND TỈNH KHÁNH BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Độc lập - Tự do - Hạnh phúc"),
    ("--------", "---------------"),
    ("Số: {number}/KH-SNNMT", "Khánh Bình, ngày {day} tháng 01 năm {year}"),
]
BASIS = [
    "Căn cứ Nghị định số 47/2020/NĐ-CP ngày 09 tháng 4 năm 2020 của Chính phủ về quản lý, kết nối và chia sẻ "
    "dữ liệu số của cơ quan nhà nước;",
    "Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình "
    "Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
    "Căn cứ Nghị quyết số 57- NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
]
TASKS = [
    "1. Hoàn thiện cơ sở dữ liệu đất đai, kết nối với cơ sở dữ liệu quốc gia về dân cư.",
    "2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt tối thiểu 80% trong năm {year}.",
    "3. Triển khai hệ thống giám sát môi trường tự động tại các khu công nghiệp.",
]
SECTIONS = [
    ("MỤC ĐÍCH, YÊU CẦU", ["Đẩy mạnh ứng dụng công nghệ số trong quản lý nhà nước về nông nghiệp, đất đai và môi "
                           "trường; nâng cao chất lượng phục vụ người dân, doanh nghiệp."]),
    ("NHIỆM VỤ TRỌNG TÂM", TASKS),
    ("GIẢI PHÁP THỰC HIỆN", ["Bố trí kinh phí từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác."]),
    ("TỔ CHỨC THỰC HIỆN", ["Văn phòng Sở chủ trì theo dõi, tổng hợp, báo cáo kết quả trước ngày 15 tháng 12 "
                           "năm {year}."]),
]
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def body(year: int, *, basis=BASIS, sections=SECTIONS) -> list[str]:
    out = ["KẾ HOẠCH", f"Chuyển đổi số ngành nông nghiệp và môi trường năm {year}", *basis,
           f"Sở Nông nghiệp và Môi trường ban hành Kế hoạch chuyển đổi số năm {year} như sau:"]
    for k, (title, paragraphs) in enumerate(sections):
        out += [f"{ROMAN[k]}. {title}", *(p.format(year=year) for p in paragraphs)]
    return [*out, f"Trên đây là Kế hoạch chuyển đổi số ngành nông nghiệp và môi trường năm {year}./.",
            "Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT, VP.", "GIÁM ĐỐC", "Trần Văn Minh"]


def header(number: int, day: str, year: int) -> list[tuple[str, str]]:
    return [(a.format(number=number, day=day, year=year), b.format(number=number, day=day, year=year))
            for a, b in HEADER]


def portal_txt(number=118, day="14", year=2025, **kw) -> str:
    """A portal's copy: the header table flattened into rows of ``|`` cells."""
    rows = [f"{a} | {b} |" for a, b in header(number, day, year)]
    return "\n".join(rows + body(year, **kw)) + "\n"


def table_docx(path, number=118, day="14", year=2025, **kw):
    """The officer's .docx: the header a two-column table without its rule lines (borders)."""
    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    cells = [(a, b) for a, b in header(number, day, year) if not a.startswith("-")]
    table = document.add_table(rows=2, cols=2)
    for col in (0, 1):
        table.cell(0, col).paragraphs[0].text = cells[0][col]
        table.cell(0, col).add_paragraph(cells[1][col])
        table.cell(1, col).paragraphs[0].text = cells[2][col]
    for line in body(year, **kw):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _pdf(source, folder):
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([program, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=300)
    return folder / (source.stem + ".pdf")


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    (folder / "plan.txt").write_text(portal_txt(), encoding="utf-8")
    table_docx(folder / "plan.docx")
    return {"txt": folder / "plan.txt", "docx": folder / "plan.docx", "pdf": _pdf(folder / "plan.docx", folder)}


@pytest.mark.parametrize(("old", "new"), [(a, b) for a in ("txt", "docx", "pdf") for b in ("txt", "docx", "pdf")
                                          if a != b])
def test_the_same_plan_in_two_formats_has_no_change(copies, old, new):
    d = diff_plans(read_plan(copies[old]), read_plan(copies[new]))
    assert phantoms(d) == []
    assert [c for c in d.changes if c.kind != "form"] == []  # (the PDF's text layer holds no other writing)
    assert redline_wrong(d) == []


def test_last_years_docx_against_this_years_pdf_shows_exactly_the_edits(copies, tmp_path):
    old_sections = [SECTIONS[0], ("NHIỆM VỤ TRỌNG TÂM", TASKS[:2]), *SECTIONS[2:]]
    old = table_docx(tmp_path / "2024.docx", number=96, day="09", year=2024, basis=BASIS[:2], sections=old_sections)
    new = read_plan(copies["pdf"])
    d = diff_plans(read_plan(old), new)
    assert (sorted(d.basis_added), sorted(d.basis_removed), d.basis_replaced) == (["57-NQ/TW"], [], ())
    assert [(c.kind, " ".join(c.new.split())) for c in d.changes if c.kind not in ("expected", "basis")] == [
        ("substantive", "3. Triển khai hệ thống giám sát môi trường tự động tại các khu công nghiệp.")]
    assert [(f.name, f.kind) for f in d.header if f.kind != "same"] == [
        ("number", "expected"), ("date", "expected"), ("year", "expected")]
    assert redline_wrong(d) == []


@pytest.mark.parametrize("text", [
    "Căn cứ Nghị quyết số 57- NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;",
    "Phát triển kinh tế- xã hội gắn với bảo vệ môi trường, thích ứng biến đổi khí hậu.",
])
def test_a_copy_wrapped_at_the_space_after_a_hyphen_is_the_same_text(text):
    head = "\n".join(f"{a} | {b} |" for a, b in header(118, "14", 2025))
    cut = text.index("- ") + 1
    one, wrapped = f"{head}\n{text}\n", f"{head}\n{text[:cut]}\n{text[cut + 1:]}\n"
    d = diff_plans(read_text(one, name="a.txt"), read_text(wrapped, name="b.txt"))
    assert phantoms(d) == [] and d.changes == ()


# -- structure ------------------------------------------------------------------------------------


def _diff(old: str, new: str):
    return diff_plans(read_text(old, name="old.txt"), read_text(new, name="new.txt"))


@pytest.mark.parametrize(("basis", "sections"), [
    ([BASIS[2], BASIS[0], BASIS[1]], SECTIONS),  # the basis list sorted by rank, newest first
    ([BASIS[1], BASIS[0], BASIS[2]], SECTIONS),  # two clauses swapped
    (BASIS, [SECTIONS[0], ("NHIỆM VỤ TRỌNG TÂM", [TASKS[1], TASKS[0], TASKS[2]]), *SECTIONS[2:]]),  # two tasks
])
def test_reordered_paragraphs_are_moved_not_rewritten(basis, sections):
    d = _diff(portal_txt(), portal_txt(basis=basis, sections=sections))
    assert (d.basis_added, d.basis_removed, d.basis_replaced) == (frozenset(), frozenset(), ())
    assert d.changes == ()
    assert any(s.status == "moved" for s in d.segments)
    assert redline_wrong(d) == []


def test_a_section_inserted_renumbers_those_after_it():
    inserted = [*SECTIONS[:2], ("NHIỆM VỤ BỔ SUNG", ["Xây dựng kho dữ liệu dùng chung của ngành."]), *SECTIONS[2:]]
    d = _diff(portal_txt(), portal_txt(sections=inserted))
    assert [(c.kind, c.old, " ".join(c.new.split())) for c in d.changes] == [
        ("substantive", "", "III. NHIỆM VỤ BỔ SUNG"),
        ("substantive", "", "Xây dựng kho dữ liệu dùng chung của ngành."),
        ("expected", "III", "IV"),
        ("expected", "IV", "V"),
    ]
    assert redline_wrong(d) == []


@pytest.mark.parametrize(("old", "new"), [
    ("45/QĐ-UBND ngày 05/12/2023", "51/QĐ-UBND ngày 10/12/2024"),
    ("45/QĐ-UBND ngày 05 tháng 12 năm 2023", "51/QĐ-UBND ngày 10 tháng 12 năm 2024"),
])
def test_the_plans_own_number_and_date_in_one_clause_are_one_change(old, new):
    def plan(caption: str, number: int, day: str, year: int) -> str:
        return "\n".join([
            "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "TỈNH GIA LAI | Độc lập - Tự do - Hạnh phúc |",
            f"Số: {number}/QĐ-UBND | Gia Lai, ngày {day} tháng 12 năm {year} |", "KẾ HOẠCH",
            f"Cải cách hành chính năm {year + 1}", f"(Kèm theo Quyết định số {caption} của UBND tỉnh Gia Lai)",
            "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng phục vụ người dân, doanh nghiệp.",
            "II. TỔ CHỨC THỰC HIỆN", f"Các sở, ngành triển khai theo Quyết định số {caption} của UBND tỉnh."]) + "\n"

    d = _diff(plan(old, 45, "05", 2023), plan(new, 51, "10", 2024))
    own = [(c.kind, c.old, c.new) for c in d.changes if "chính văn bản này" in c.reason]
    assert own == [("expected", old, new)] * 2
    assert [c for c in d.changes if c.kind != "expected"] == []
    assert redline_wrong(d) == []


@pytest.mark.parametrize(("new_issuer", "day", "kind"), [
    ("Sở Công Thương thành phố Hải Phòng", "14/01/2026", "expected"),  # Hải Dương merged into Hải Phòng
    ("Sở Công Thương thành phố Hải Phòng", "14/01/2025", "substantive"),  # before the merger: another body
    ("Sở Tài chính thành phố Hải Phòng", "14/01/2026", "substantive"),  # another department
])
def test_an_issuer_renamed_by_the_province_merger_is_the_same_body(new_issuer, day, kind):
    import datetime as dt

    from plankit.diff.classify import Years
    from plankit.diff.header import compare_headers
    from plankit.model import Header

    d, m, y = map(int, day.split("/"))
    old = Header(issuer="Sở Công Thương tỉnh Hải Dương", date=dt.date(2025, 1, 10), year=2025)
    new = Header(issuer=new_issuer, date=dt.date(y, m, d), year=y)
    issuer = next(f for f in compare_headers(old, new, Years(2025, y)) if f.name == "issuer")
    assert issuer.kind == kind


def test_the_redline_of_two_scans_says_both_are_shown_restored(tmp_path):
    from pathlib import Path

    scan = (Path(__file__).resolve().parents[1] / "plans" / "can-tho" / "2025-so-khcn.ocr.txt").read_text("utf-8")
    lines = scan.split("\n")
    other = "\n".join(lines[: len(lines) // 2] + lines[len(lines) // 2 + 1 :])  # a line lost in the other scan
    d = diff_plans(read_text(scan, name="a.ocr.txt"), read_text(other, name="b.ocr.txt"))
    path = d.to_docx(tmp_path / "redline.docx")
    document = docx.Document(str(path))
    assert document.core_properties.comments.startswith("Bản mới là văn bản OCR")
    note = next(c.text for c in document.comments if c.text.startswith("Bản mới là văn bản OCR"))
    assert "Bản cũ là văn bản OCR" in note
    assert redline_wrong(d) == []


@pytest.mark.parametrize(("old_day", "new_year", "kind"), [
    ("14", 2026, "expected"),  # January 2025 → January 2026: the district level ended in between
    ("14", 2025, "substantive"),  # both before July 2025: someone decided it
])
def test_the_district_level_removed_after_july_2025_is_expected(old_day, new_year, kind):
    district = [*SECTIONS[:2], ("GIẢI PHÁP THỰC HIỆN", ["Đào tạo kỹ năng số cho công chức của Sở và cấp huyện."]),
                SECTIONS[3]]
    without = [*SECTIONS[:2], ("GIẢI PHÁP THỰC HIỆN", ["Đào tạo kỹ năng số cho công chức của Sở."]), SECTIONS[3]]
    d = _diff(portal_txt(day=old_day, year=2025, sections=district),
              portal_txt(number=7, day="10" if new_year == 2026 else "20", year=new_year, sections=without))
    assert [(c.kind, c.old, c.new) for c in d.changes if "huyện" in c.old] == [(kind, "và cấp huyện", "")]


def test_a_plans_header_renamed_by_the_province_merger_is_expected():
    def placed(text: str, parent: str, place: str) -> str:
        return text.replace("UBND TỈNH KHÁNH BÌNH", parent).replace("Khánh Bình, ngày", f"{place}, ngày")

    old = placed(portal_txt(year=2025), "UBND TỈNH HẢI DƯƠNG", "Hải Dương")
    new = placed(portal_txt(number=7, day="12", year=2026), "UBND THÀNH PHỐ HẢI PHÒNG", "Hải Phòng")
    d = _diff(old, new)
    issuer = next(f for f in d.header if f.name == "issuer")
    assert (issuer.old, issuer.new, issuer.kind) == (
        "Sở Nông nghiệp và Môi trường tỉnh Hải Dương", "Sở Nông nghiệp và Môi trường thành phố Hải Phòng", "expected")
    assert sorted((c.old, c.new) for c in d.changes if "sáp nhập" in c.reason) == [
        ("", "PHÒNG"), ("", "Phòng"), ("", "THÀNH PHỐ"), ("DƯƠNG", ""), ("Dương", ""), ("TỈNH", "")]
    assert [c for c in d.changes if c.kind not in ("expected", "carried-error")] == []


def _tt_joined(plan):
    """``plan`` as a reader that joins a table's first line (``TT``) to the heading above reads
    it: the heading's block and the section's heading run on over that line."""
    from dataclasses import replace as changed

    from plankit.model import Span

    k = next(k for k, b in enumerate(plan.blocks) if b.text.strip() == "TT")
    head, tt = plan.blocks[k - 1], plan.blocks[k]
    joined = changed(head, text=plan.text[head.span.start:tt.span.end], span=Span(head.span.start, tt.span.end))
    sections = tuple(changed(s, heading=Span(s.heading.start, tt.span.end)) if s.heading == head.span else s
                     for s in plan.sections)
    return changed(plan, blocks=(*plan.blocks[: k - 1], joined, *plan.blocks[k + 1 :]), sections=sections)


def test_a_tables_number_column_head_joined_to_the_heading_is_not_a_change():
    # a .txt whose table the reader finds, against a copy (a .docx or PDF of it) that holds the
    # table one cell a line, where a reader finds no table and joins its first line, "TT", to the
    # heading above it
    rows = ["TT\tHình thức\tĐơn vị chủ trì\tThời gian", "1\tĐăng tin trên Cổng thông tin điện tử\tVăn phòng Sở\tQuý I",
            "2\tPhát tờ gấp về thủ tục hành chính\tPhòng Nông nghiệp\tQuý II"]
    table = portal_txt(sections=[SECTIONS[0], ("HÌNH THỨC TUYÊN TRUYỀN", rows), *SECTIONS[2:]])
    cells = portal_txt(sections=[SECTIONS[0], ("HÌNH THỨC TUYÊN TRUYỀN", ["\n".join("\t" + c for c in r.split("\t"))
                                                                         for r in rows]), *SECTIONS[2:]])
    a, b = read_text(table, name="a.txt"), _tt_joined(read_text(cells, name="b.docx.txt"))
    assert (len(a.tables), len(b.tables)) == (1, 0)
    assert [" ".join(s.heading.slice(b.text).split()) for s in b.sections][1] == "II. HÌNH THỨC TUYÊN TRUYỀN TT"
    for old, new in ((a, b), (b, a)):
        d = diff_plans(old, new)
        assert phantoms(d) == [] and redline_wrong(d) == []


def one_cell_a_line(bar="|", rule="-", number=118, day="14", year=2025, **kw) -> str:
    """A portal's copy that puts the header table one cell a line, each cell's lines as they
    wrap on the page and a line holding only a column mark after each cell of the right
    column: ``ỦY BAN NHÂN DÂN`` / ``TỈNH KHÁNH BÌNH`` / ``-------`` / ``|`` / ``CỘNG HÒA ...``."""
    cells = ["ỦY BAN NHÂN DÂN\nTỈNH KHÁNH BÌNH\n" + rule * 7,
             f"CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{rule * 15}",
             f"Số: {number}/KH-UBND", f"Khánh Bình, ngày {day}\ntháng 01 năm {year}"]
    return "\n".join([f"{cell}\n{bar}" for cell in cells] + body(year, **kw)) + "\n"


def one_line_a_row(number=118, day="14", year=2025, **kw) -> str:
    """The same header as its cells' lines, left column then right, no marks."""
    head = ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            f"Số: {number}/KH-UBND", f"Khánh Bình, ngày {day} tháng 01 năm {year}"]
    return "\n".join(head + body(year, **kw)) + "\n"


@pytest.mark.parametrize(("bar", "rule"), [("|", "-"), (" | ", "_"), ("\u2502", "\u2500"), ("\u00a6", "="),
                                           ("\uff5c", "-"), ("\u2503", "\u2501"), ("\u2551", "\u2550")])
def test_a_header_one_cell_a_line_with_lone_column_marks_is_the_same_plan(bar, rule):
    lone, plain = read_text(one_cell_a_line(bar, rule), name="a.txt"), read_text(one_line_a_row(), name="b.txt")
    for old, new in ((lone, plain), (plain, lone)):
        d = diff_plans(old, new)
        assert [(c.kind, c.old, c.new) for c in d.changes] == []
        assert redline_wrong(d) == []


@pytest.mark.parametrize("bar", ["|", "\u2502"])
def test_a_lone_column_mark_does_not_hide_an_edit_next_to_it(bar):
    lone = read_text(one_cell_a_line(bar, "\u2500"), name="a.txt")
    edited = read_text(one_line_a_row(number=119, day="15"), name="b.txt")
    d = diff_plans(lone, edited)
    assert sorted((c.old, c.new) for c in d.changes) == [("", "119/KH-UBND"), ("", "15"), ("118/KH-UBND", ""),
                                                         ("14", "")]
    assert redline_wrong(d) == []


ROWS = ["TT\tHình thức\tĐơn vị chủ trì\tThời gian", "1\tĐăng tin trên Cổng thông tin điện tử\tVăn phòng Sở\tQuý I",
        "2\tPhát tờ gấp về thủ tục hành chính\tPhòng Nông nghiệp\tQuý II",
        "3\tTổ chức hội nghị tập huấn\tTrung tâm Công nghệ thông tin\tQuý III"]


def with_table(rows) -> str:
    return portal_txt(sections=[SECTIONS[0], ("HÌNH THỨC TUYÊN TRUYỀN", rows), *SECTIONS[2:]])


def numbers_lost(row: str) -> str:
    """A row as a copy read without its table gives it: one cell a line, the row number lost
    (``Quý I`` / ``Phát tờ gấp ...``; a reader takes a number alone on its line for a page's)."""
    cells = row.split("\t")
    return "\n".join(cells[1:] if cells[0].isdigit() else cells)


def numbers_kept(row: str) -> str:
    """A row as a PDF's text layer gives it: the number on the line of the row's first words."""
    cells = row.split("\t")
    return "\n".join([f"{cells[0]} {cells[1]}", *cells[2:]] if cells[0].isdigit() else cells)


@pytest.mark.parametrize("copy", [numbers_lost, numbers_kept])
def test_a_tables_row_numbers_one_copy_lost_are_no_change(copy):
    table = read_text(with_table(ROWS), name="a.txt")
    text = read_text(with_table([copy(r) for r in ROWS]), name="b.txt")
    assert (len(table.tables), len(text.tables)) == (1, 0)
    for old, new in ((table, text), (text, table)):
        d = diff_plans(old, new)
        assert [(c.kind, c.old, c.new) for c in d.changes] == []
        assert redline_wrong(d) == []


@pytest.mark.parametrize("copy", [numbers_lost, numbers_kept])
def test_an_edit_in_a_row_whose_number_a_copy_lost_is_shown(copy):
    table = read_text(with_table(ROWS), name="a.txt")
    edited = [r.replace("nghiệp\tQuý II", "nghiệp\tQuý IV").replace("Phát tờ gấp", "Phát tờ rơi") for r in ROWS]
    text = read_text(with_table([copy(r) for r in edited]), name="b.txt")
    d = diff_plans(table, text)
    assert sorted((c.old, c.new) for c in d.changes) == [("II", "IV"), ("gấp", "rơi")]
    assert redline_wrong(d) == []


def test_a_row_number_the_other_copy_holds_differently_is_compared():
    table = read_text(with_table(ROWS), name="a.txt")
    text = read_text(with_table([numbers_kept(r.replace("3\t", "4\t")) for r in ROWS]), name="b.txt")
    d = diff_plans(table, text)
    assert [(c.old, c.new) for c in d.changes] == [("", "4")]
    assert redline_wrong(d) == []


def docx_table(path, *, bars: bool, rows=ROWS):
    """A .docx whose table a portal's copy went through: each cell but the last of a row ends
    with a line holding only a column mark (``|``), its header row left clean."""
    document = docx.Document()
    lines = body(2025)
    for line in lines[:8]:
        document.add_paragraph(line)
    cells = [r.split("\t") for r in rows]
    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
            if bars and i and j < len(row) - 1:
                table.cell(i, j).add_paragraph("|")
    for line in lines[8:]:
        document.add_paragraph(line)
    document.save(str(path))
    return read_plan(path)


def test_column_marks_inside_a_tables_cells_are_no_change(tmp_path):
    plain, barred = docx_table(tmp_path / "a.docx", bars=False), docx_table(tmp_path / "b.docx", bars=True)
    assert [c.text for c in barred.tables[0].rows[0]][:2] == ["1 |", "Đăng tin trên Cổng thông tin điện tử |"]
    for old, new in ((plain, barred), (barred, plain)):
        d = diff_plans(old, new)
        assert [(c.kind, c.old, c.new) for c in d.changes] == []
        assert redline_wrong(d) == []
    edited = [r.replace("Văn phòng Sở", "Văn phòng UBND") for r in ROWS]
    d = diff_plans(plain, docx_table(tmp_path / "c.docx", bars=True, rows=edited))
    assert [(c.old, c.new) for c in d.changes] == [("Sở", "UBND")]
    assert redline_wrong(d) == []
