"""The redline .docx: real Word tracked changes, exact both ways, read back without plankit.

Accept All and Reject All are computed by an independent walk of ``word/document.xml`` (lxml,
tests/docx_walk.py): ``w:t`` outside ``w:del`` is accepted text, ``w:t`` outside ``w:ins`` plus
``w:delText`` is rejected text; a paragraph mark marked inserted (``w:pPr/w:rPr/w:ins``)
disappears on Reject All, one marked deleted on Accept All; a table row marked inserted
(``w:trPr/w:ins``) goes on Reject All, one marked deleted on Accept All.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import docx
import pytest

from plankit.diff import diff_plans
from plankit.diff.redline import shown_texts
from plankit.errors import OutputExists
from plankit.read import read_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _load(name: str):
    """A sibling module of the tests (they run with --import-mode=importlib: no sys.path entry)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_walk = _load("docx_walk")
accept_and_reject, table_rows, revisions = _walk.accept_and_reject, _walk.table_rows, _walk.revisions


def flat(text: str) -> str:
    """White space aside: runs of white space (line breaks included) as one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def cantho(seeds):
    return diff_plans(seeds["can-tho-2022"], seeds["can-tho-2025"])


@pytest.fixture(scope="module")
def cantho_docx(cantho, tmp_path_factory):
    path = tmp_path_factory.mktemp("redline") / "can-tho-2022-2025.docx"
    cantho.to_docx(path)
    return path


def test_reopens_with_tracked_changes(cantho_docx):
    body = docx.Document(str(cantho_docx)).element.body
    ins = body.findall(f".//{W}ins")
    dels = body.findall(f".//{W}del")
    assert ins and dels
    for rev in ins + dels:
        assert rev.get(f"{W}author", "").startswith("plankit · ")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rev.get(f"{W}date", ""))
    authors = Counter(rev.get(f"{W}author") for rev in ins + dels)
    assert {"plankit · thay đổi theo năm", "plankit · căn cứ", "plankit · nội dung"} <= set(authors)
    assert set(authors) <= {f"plankit · {k}" for k in ("thay đổi theo năm", "căn cứ", "nội dung", "cách viết",
                                                        "cách viết khác")}
    deleted = " ".join(t.text for t in body.iter(f"{W}delText"))
    assert "261" in deleted and "2022" in deleted
    inserted = " ".join(t.text for r in ins for t in r.iter(f"{W}t"))
    assert "258/KH-UBND" in inserted


def test_cantho_accept_all_is_new_and_reject_all_is_old(cantho, cantho_docx):
    _old, new = shown_texts(cantho)
    accepted, rejected = accept_and_reject(cantho_docx)
    assert flat(rejected) == flat(cantho.old.text)  # the clean 2022 plan, as written
    assert new.restored and flat(accepted) == flat(new.text)  # the 2025 scan, restored
    assert flat(accepted).startswith("UBND TP. CẦN THƠ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    assert "Số:137/KH-SKHCN Cần Thơ, ngày 21 tháng 01 năm 2025" in flat(accepted)  # the new header, restored


def test_ocr_side_is_said_restored_and_the_scan_kept(cantho_docx):
    document = docx.Document(str(cantho_docx))
    assert document.core_properties.comments == ("Bản mới là văn bản OCR, hiển thị đã khôi phục dấu (new plan "
                                                 "OCR'd, shown restored).")
    texts = [c.text for c in document.comments]
    assert any(t.startswith("Bản mới là văn bản OCR") for t in texts)
    assert "Nguyên văn OCR: S6:137 IKH-SKHCN Can Tho, ngay 21thdng 01 nam 2025" in texts


def test_both_sides_ocr_are_said_restored_within_the_core_property_limit(seeds, tmp_path):
    # Word's core "comments" property holds 255 characters: both notes used to overflow it
    scan = seeds["can-tho-2025"]
    later = read_text(scan.text.replace("nam 2025", "nam 2026"))
    path = diff_plans(scan, later).to_docx(tmp_path / "scans.docx")
    document = docx.Document(str(path))
    assert document.core_properties.comments == (
        "Bản mới là văn bản OCR, hiển thị đã khôi phục dấu (new plan OCR'd, shown restored). "
        "Bản cũ là văn bản OCR, phần xoá đã khôi phục dấu (old plan OCR'd, deletions restored).")
    note = next(c.text for c in document.comments if c.text.startswith("Bản mới là văn bản OCR"))
    assert "Bản cũ là văn bản OCR: phần bị xoá hiển thị bản đã khôi phục dấu" in note


def test_carried_errors_are_highlighted_and_commented(cantho_docx):
    document = docx.Document(str(cantho_docx))
    body = document.element.body
    highlighted = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in highlighted] == [
        "tuyên", "tuyền", "tuyên", "tuyền", "năm"]
    reasons = [c.text for c in document.comments if c.author == "plankit · lỗi giữ nguyên"]
    assert len(reasons) == 3
    assert sum("tuyên truyền" in r for r in reasons) == 2


TWO_YEARS = (
    "Số: 12/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2024\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
    "Căn cứ quyết định số 45/QĐ-UBND ngày 05/01/2024 của UBND tỉnh; đồng thời, theo chỉ đạo của Sở.\n"
    "I. MỤC ĐÍCH\nNâng cao nhận thức của cán bộ, công chức.\nTổ chức tập huấn cho công chức một cửa.\n"
    "II. KINH PHÍ\nKinh phí thực hiện năm 2024 do ngân sách nhà nước bảo đảm.\n"
    "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở./.\n",
    "Số: 15/KH-SCT\nHải Dương, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
    "Căn cứ Quyết định số 45/QĐ-UBND ngày 05/01/2025 của UBND tỉnh. Đồng thời, theo chỉ đạo của Sở.\n"
    "I. MỤC ĐÍCH\nNâng cao nhận thức của cán bộ, công chức và người dân.\n"
    "II. NHIỆM VỤ\nXây dựng chuyên mục trên Cổng thông tin điện tử.\n"
    "III. KINH PHÍ\nKinh phí thực hiện năm 2025 từ nguồn kinh phí thường xuyên.\n"
    "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở./.\n",
)


def test_accept_all_gives_new_reject_all_gives_old(tmp_path):
    old, new = (read_text(t) for t in TWO_YEARS)
    path = tmp_path / "redline.docx"
    assert diff_plans(old, new).to_docx(path) == path
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(new.text)
    assert flat(rejected) == flat(old.text)
    # case and punctuation are tracked as such: "quyết" -> "Quyết", "; đồng" -> ". Đồng"
    body = docx.Document(str(path)).element.body
    form = [("".join(t.text for t in r.iter(f"{W}delText", f"{W}t")), r.tag == f"{W}ins")
            for r in body.iter(f"{W}ins", f"{W}del") if r.get(f"{W}author") == "plankit · cách viết"]
    assert form == [("quyết", False), ("Quyết", True), (";", False), (".", True), ("đồng", False), ("Đồng", True)]


def test_refuses_to_overwrite(cantho, cantho_docx):
    with pytest.raises(OutputExists):
        cantho.to_docx(cantho_docx)
    cantho.to_docx(cantho_docx, force=True)
    assert docx.Document(str(cantho_docx)).paragraphs


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_tracked_changes(cantho_docx, tmp_path):
    flat_odt = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "fodt",
         "--outdir", str(tmp_path), str(cantho_docx)],
        capture_output=True, text=True, timeout=300,
    )
    assert flat_odt.returncode == 0, flat_odt.stderr
    fodt = (tmp_path / cantho_docx.with_suffix(".fodt").name).read_text(encoding="utf-8")
    assert fodt.count("<text:deletion>") > 20 and fodt.count("<text:insertion>") > 20
    assert "plankit · thay đổi theo năm" in fodt


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext not installed")
def test_pdf_shows_deleted_and_inserted_words(cantho_docx, tmp_path):
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(cantho_docx)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    pdf = tmp_path / cantho_docx.with_suffix(".pdf").name
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(raw.split())
    # LibreOffice prints tracked changes as shown: the deleted basis 261 (struck through) next to
    # the inserted 258; neither plan has both
    assert "261/KH-UBND" in text and "258/KH-UBND" in text


# --- tables: Word tables, rows added or removed tracked as rows -------------------------------------

TABLE_HEAD = "TT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện\n"
TABLE_YEARS = (
    "Số: 12/KH-SCT\nHải Dương, ngày 07 tháng 02 năm 2024\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
    "I. NHIỆM VỤ\nCác nhiệm vụ cụ thể như sau:\n" + TABLE_HEAD
    + "1\tTập huấn nghiệp vụ cho công chức một cửa\tVăn phòng Sở\tQuý I năm 2024\n"
    "2\tPhát tờ gấp tuyên truyền thủ tục hành chính\tPhòng Quản lý thương mại\tQuý II năm 2024\n"
    "3\tHội nghị đối thoại với doanh nghiệp\tVăn phòng Sở\tQuý III năm 2024\n"
    "II. KINH PHÍ\nKinh phí thực hiện năm 2024 do ngân sách nhà nước bảo đảm.\n",
    "Số: 15/KH-SCT\nHải Dương, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
    "I. NHIỆM VỤ\nCác nhiệm vụ cụ thể như sau:\n" + TABLE_HEAD
    + "1\tTập huấn nghiệp vụ cho công chức bộ phận một cửa\tVăn phòng Sở\tQuý I năm 2025\n"
    "2\tHội nghị đối thoại với doanh nghiệp\tVăn phòng Sở\tQuý III năm 2025\n"
    "3\tXây dựng chuyên mục trên Cổng thông tin điện tử của Sở\tTrung tâm Khuyến công\tThường xuyên\n"
    "II. KINH PHÍ\nKinh phí thực hiện năm 2025 từ nguồn kinh phí thường xuyên.\n",
)
OLD_ROWS = [["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["1", "Tập huấn nghiệp vụ cho công chức một cửa", "Văn phòng Sở", "Quý I năm 2024"],
            ["2", "Phát tờ gấp tuyên truyền thủ tục hành chính", "Phòng Quản lý thương mại", "Quý II năm 2024"],
            ["3", "Hội nghị đối thoại với doanh nghiệp", "Văn phòng Sở", "Quý III năm 2024"]]
NEW_ROWS = [["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["1", "Tập huấn nghiệp vụ cho công chức bộ phận một cửa", "Văn phòng Sở", "Quý I năm 2025"],
            ["2", "Hội nghị đối thoại với doanh nghiệp", "Văn phòng Sở", "Quý III năm 2025"],
            ["3", "Xây dựng chuyên mục trên Cổng thông tin điện tử của Sở", "Trung tâm Khuyến công", "Thường xuyên"]]


@pytest.fixture(scope="module")
def table_docx(tmp_path_factory):
    old, new = (read_text(t) for t in TABLE_YEARS)
    path = tmp_path_factory.mktemp("table") / "redline.docx"
    diff_plans(old, new).to_docx(path)
    return old, new, path


def test_tables_are_word_tables_exact_both_ways(table_docx):
    old, new, path = table_docx
    assert table_rows(path, "accept") == [NEW_ROWS]
    assert table_rows(path, "reject") == [OLD_ROWS]
    accepted, rejected = accept_and_reject(path)
    assert flat(accepted) == flat(new.text)
    assert flat(rejected) == flat(old.text)


def test_removed_and_added_rows_are_tracked_rows(table_docx):
    _old, _new, path = table_docx
    body = docx.Document(str(path)).element.body
    marks = [(m.tag[len(W):], m.get(f"{W}author")) for tr in body.iter(f"{W}tr")
             for m in tr.findall(f"{W}trPr/*")]
    assert marks == [("del", "plankit · nội dung"), ("ins", "plankit · nội dung")]
    # inside kept rows, cell edits are tracked words, the year bumps under their own reviewer;
    # the row number moved up by the removed row is tracked too
    cell_revs = [(r.tag[len(W):], r.get(f"{W}author").removeprefix("plankit · "), r.xpath("string(.)").strip())
                 for tr in body.iter(f"{W}tr") if tr.find(f"{W}trPr") is None for r in tr.iter(f"{W}ins", f"{W}del")]
    assert cell_revs == [
        ("ins", "nội dung", "bộ phận"),
        ("del", "thay đổi theo năm", "2024"), ("ins", "thay đổi theo năm", "2025"),
        ("del", "nội dung", "3"), ("ins", "nội dung", "2"),
        ("del", "thay đổi theo năm", "2024"), ("ins", "thay đổi theo năm", "2025"),
    ]


COORDINATING = ("- Chi cục Tiêu chuẩn Đo lường Chất {} - Trung tâm Thông tin khoa học và công nghệ - Trung tâm Ứng "
                "dụng tiến bộ khoa học và công nghệ - Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng - Vườn ươm "
                "công nghệ công nghiệp Việt Nam - Hàn Quốc")


def test_table_rebuilt_from_a_scan_is_a_table_where_the_scan_is_in_reading_order(cantho_docx):
    # the 2025 Cần Thơ scan reads rows 1 and 2 line by line across the columns (a cell's lines
    # interleaved with its neighbours'): they stay paragraphs. Rows 3 and 4 it reads column by
    # column, each cell a block after the other: they are a Word table, and Reject All puts
    # the old rows' words back in their own cells, the row numbers the scan lost included
    assert table_rows(cantho_docx, "accept") == [[
        ["", "Dán áp phích về CCHC (do Sở Văn hóa, Thể thao và Du lịch cung cấp)", "Văn phòng Sở",
         COORDINATING.format("lường"), "Trong năm 2025"],
        ["", "Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên tuyền, phổ biến, giáo dục pháp luật",
         "Văn phòng Sở", COORDINATING.format("lượng"), "Trong năm 2025"],
    ]]
    assert table_rows(cantho_docx, "reject") == [[
        ["3", "Dán áp phích (do Sở Văn hóa, Thể thao và Du lịch cung cấp)", "Văn phòng Sở",
         COORDINATING.format("lượng"), "Trong năm 2022"],
        ["4", "Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên tuyền, phổ biến, giáo dục pháp luật",
         "Văn phòng Sở", COORDINATING.format("lượng"), "Trong năm 2022"],
    ]]
