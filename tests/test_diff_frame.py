"""A comparison's table (PlanDiff.to_frame) shows an OCR'd side restored, as the HTML page and the
redline do, with the scan as read beside it; header values read from a scan are marked as such
in the summary, the HTML header table and the Markdown, and kept as read (a name is never
guessed). The small pair below is our own, in the shape of a department's clean plan and its
next year's plan scanned without diacritics."""

from __future__ import annotations

import pytest

from plankit.diff import diff_plans
from plankit.read import read_text

CLEAN = """SỞ TƯ PHÁP
Số: 12/KH-STP
Nam Định, ngày 10 tháng 01 năm 2023
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2023
Căn cứ Quyết định số 1520/QĐ-UBND ngày 20 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh;
I. MỤC ĐÍCH
Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.
II. NỘI DUNG
Tuyên truyền trên Cổng thông tin điện tử của Sở.
Nguyễn Văn An
"""
SCANNED = """SO TU PHAP
S6: 9/KH-STP
Nam Dinh, ngay 12 thang 01 nam 2024
KE HOACH
Tuyén truyén cai cach hanh chinh nam 2024
Can ctr Quyét dinh s6 1610/QD-UBND ngay 22 thang 12 nam 2023 cua Uy ban nhan dan tinh;
I. MUC DICH
Nang cao nhan thirc cua can b6, cong chirc vé cai cach hanh chinh va dao tao.
II. NOI DUNG
Tuyén truyén trén Cong thong tin dién tir cua S¢ va bao chi.
Tran Thi Binh
"""
COLUMNS = ["section", "kind", "old", "new", "reason", "location", "old_line", "new_line"]
RESTORED_COLUMNS = ["section", "kind", "old", "new", "old_ocr", "new_ocr", "reason", "location", "old_line",
                    "new_line"]


@pytest.fixture(scope="module")
def scanned_pair():
    return diff_plans(read_text(CLEAN, name="2023.txt"), read_text(SCANNED, name="2024.ocr.txt"))


@pytest.fixture(scope="module")
def cantho(seeds):
    return diff_plans(seeds["can-tho-2022"], seeds["can-tho-2025"])


# --- to_frame --------------------------------------------------------------------------------

def test_frame_shows_the_scan_restored_and_keeps_it_beside(scanned_pair):
    frame = scanned_pair.to_frame()
    assert list(frame.columns) == RESTORED_COLUMNS
    assert frame[["kind", "old", "new", "old_ocr", "new_ocr"]].values.tolist() == [
        ["expected", "12/KH-STP", "", "12/KH-STP", ""],
        ["expected", "", "9/KH-STP", "", "9/KH-STP"],
        ["expected", "10", "", "10", ""],
        ["expected", "", "12", "", "12"],
        ["expected", "tháng 01 năm 2023", "tháng 01 năm 2024", "tháng 01 năm 2023", "thang 01 nam 2024"],
        ["expected", "năm 2023", "năm 2024", "năm 2023", "nam 2024"],
        ["basis", "1520/QĐ-UBND", "1610/QĐ-UBND", "1520/QĐ-UBND", "1610/QD-UBND"],
        ["basis", "ngày 20", "ngày 22", "ngày 20", "ngay 22"],
        ["basis", "tháng 12 năm 2022", "tháng 12 năm 2023", "tháng 12 năm 2022", "thang 12 nam 2023"],
        ["substantive", "", "và đào tạo", "", "va dao tao"],
        # a name is never guessed: the signer stays as scanned
        ["substantive", "", "và báo chí. Tran Thi Binh", "", "va bao chi. Tran Thi Binh"],
        ["substantive", "Nguyễn Văn An", "", "Nguyễn Văn An", ""],
    ]


def test_frame_restores_whichever_side_is_the_scan(scanned_pair):
    swapped = diff_plans(read_text(SCANNED, name="2024.ocr.txt"), read_text(CLEAN, name="2023.txt"))
    frame = swapped.to_frame()
    basis = frame[frame.kind == "basis"][["old", "new", "old_ocr", "new_ocr"]].values.tolist()
    assert basis == [
        ["1610/QĐ-UBND", "1520/QĐ-UBND", "1610/QD-UBND", "1520/QĐ-UBND"],
        ["ngày 22", "ngày 20", "ngay 22", "ngày 20"],
        ["tháng 12 năm 2023", "tháng 12 năm 2022", "thang 12 nam 2023", "tháng 12 năm 2022"],
    ]
    # the clean side is its own text either way
    assert (frame.new == frame.new_ocr).all() and (scanned_pair.to_frame().old == scanned_pair.to_frame().old_ocr).all()


def test_frame_as_read_when_asked(scanned_pair):
    raw = scanned_pair.to_frame(restore=False)
    assert list(raw.columns) == COLUMNS
    assert raw[raw.kind == "basis"].new.tolist() == ["1610/QD-UBND", "ngay 22", "thang 12 nam 2023"]
    assert raw.new.tolist() == scanned_pair.to_frame().new_ocr.tolist()


def test_frame_of_a_clean_pair_has_no_scan_columns():
    clean = diff_plans(read_text(CLEAN, name="a.txt"), read_text(CLEAN.replace("2023", "2024"), name="b.txt"))
    assert list(clean.to_frame().columns) == COLUMNS
    assert clean.to_frame().equals(clean.to_frame(restore=False))


def test_cantho_frame_reads_as_the_page_does(cantho):
    frame = cantho.to_frame()
    assert list(frame.columns) == RESTORED_COLUMNS and len(frame) == 64
    row = frame.loc[5]
    assert (row.kind, row.old, row.new_ocr[:40], row.new) == (
        "basis", "", "Can ctr Quyét dinh s6 4168/QD-UBND ngay ",
        "Căn cứ Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của Ủy ban nhân dân thành phố ban hành Kế "
        "hoạch cải cách hành chính (CCHC) thành phố Cần Thơ giai đoạn 2021 — 2025;")
    assert frame.loc[12, ["old", "new", "new_ocr"]].tolist() == [
        "năm 2022 của cơ quan", "của thành phố và của Sở giai đoạn 2021-2025",
        "cua thanh phd va caa So giai doan 2021-2025"]
    # a table cell's words, interleaved with other cells in the scan, restored word by word
    cells = frame[frame.location != ""][["location", "new", "new_ocr"]].values.tolist()
    assert cells[0] == ["bảng 1, dòng 1, cột «Thời gian thực hiện»", "Trong năm 2025", "Trong nam 2025"]
    assert cells[9] == ["bảng 1, dòng 4, cột «Hình thức tuyên truyền»", "tuyên tuyền", "tuyén tuyén"]
    # the signer is a name: kept as read
    assert frame.loc[63, ["new", "new_ocr"]].tolist() == ["Ng6 Anh Tin", "Ng6 Anh Tin"]
    assert cantho.counts() == {"expected": 17, "basis": 6, "substantive": 38, "form": 0, "renumbering": 0,
                               "carried-error": 3}


def test_cantho_frame_as_read(cantho):
    raw = cantho.to_frame(restore=False)
    assert list(raw.columns) == COLUMNS
    assert raw.loc[5, "new"].startswith("Can ctr Quyét dinh s6 4168/QD-UBND ngay 27 thang 12 nam 2021")


# --- header values read from a scan ----------------------------------------------------------

def test_summary_marks_header_values_read_from_the_scan(cantho, scanned_pair):
    line = cantho.summary().splitlines()[4]
    assert line == ("Phần đầu: Số — → 137 (OCR) (thay đổi theo năm, expected); "
                    "Ngày .../01/2022 → 21/01/2025 (OCR) (thay đổi theo năm, expected); "
                    "Năm kế hoạch 2022 → 2025 (OCR) (thay đổi theo năm, expected); "
                    "Người ký — → Ng6 Anh Tin (OCR) (nội dung, substantive) — "
                    "(OCR): bản quét, chưa hiệu đính (from the scan, unverified)")
    assert scanned_pair.summary().splitlines()[4] == (
        "Phần đầu: Số 12 → 9 (OCR) (thay đổi theo năm, expected); "
        "Ngày 10/01/2023 → 12/01/2024 (OCR) (thay đổi theo năm, expected); "
        "Năm kế hoạch 2023 → 2024 (OCR) (thay đổi theo năm, expected) — "
        "(OCR): bản quét, chưa hiệu đính (from the scan, unverified)")


def test_summary_of_clean_plans_marks_nothing():
    d = diff_plans(read_text(CLEAN, name="a.txt"), read_text(CLEAN.replace("2023", "2024"), name="b.txt"))
    assert d.summary().splitlines()[4] == ("Phần đầu: Ngày 10/01/2023 → 10/01/2024 (thay đổi theo năm, expected); "
                                           "Năm kế hoạch 2023 → 2024 (thay đổi theo năm, expected)")
    assert "(OCR)" not in d.to_markdown() and "(OCR)" not in d.to_html()


def test_html_header_table_marks_the_scanned_column(cantho):
    page = cantho.to_html(restore=False)
    head = page[page.index('<table class="pk-head">'):]
    head = head[: head.index("</table>")]
    tag = '<span class="ocr-tag" title="bản quét, chưa hiệu đính (from the scan, unverified)">(OCR)</span>'
    assert ("<th>can-tho/2025-so-khcn.ocr.txt<div class=\"note\">bản quét, chưa hiệu đính "
            "(from the scan, unverified)</div></th>") in head
    assert "<th>can-tho/2022-so-khcn.txt</th>" in head
    assert f"<th>Người ký</th><td>—</td><td>Ng6 Anh Tin {tag}</td>" in head
    assert f"<th>Số</th><td>—</td><td>137 {tag}</td>" in head
    assert head.count(tag) == 6  # every value of the scanned side, none of the clean one


def test_markdown_has_the_header_table(cantho):
    md = cantho.to_markdown()
    block = md[md.index("## Phần đầu"): md.index("## Các mục")]
    assert block.splitlines() == [
        "## Phần đầu",
        "",
        "| | can-tho/2022-so-khcn.txt | can-tho/2025-so-khcn.ocr.txt | Thay đổi |",
        "| --- | --- | --- | --- |",
        "| Số | — | 137 (OCR) | thay đổi theo năm (expected) |",
        "| Ký hiệu | KH-SKHCN | KH-SKHCN (OCR) | không đổi |",
        "| Ngày | .../01/2022 | 21/01/2025 (OCR) | thay đổi theo năm (expected) |",
        "| Năm kế hoạch | 2022 | 2025 (OCR) | thay đổi theo năm (expected) |",
        "| Cơ quan ban hành | Sở Khoa học và Công nghệ thành phố Cần Thơ | Sở Khoa học và Công nghệ thành phố Cần Thơ (OCR) | không đổi |",
        "| Người ký | — | Ng6 Anh Tin (OCR) | nội dung (substantive) |",
        "",
        "(OCR): bản quét, chưa hiệu đính (from the scan, unverified).",
        "",
    ]


# --- restored labels and table cells ---------------------------------------------------------

def test_section_labels_of_a_scan_are_restored(cantho):
    assert "IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM" in set(cantho.to_frame().section)
    assert "IV. MOT SO HOAT PONG TUYEN TRUYEN TRONG TAM" in set(cantho.to_frame(restore=False).section)
    # a subsection label cut at its width is restored and cut the same way
    assert "I.2.c) Tăng cường lực lượng thẩm gia công tác …" in set(cantho.to_frame().section)
    summaries = [s.split("<")[0] for s in cantho.to_html().split("<summary>")[1:]]
    assert summaries[4] == "IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM"
    assert cantho.to_html(restore=False).count("<summary>IV. MOT SO HOAT PONG TUYEN TRUYEN TRONG TAM<") == 1


def test_table_cells_of_a_scan_are_restored_with_the_scan_below(cantho):
    page = cantho.to_html()
    cell = ('<div class="cell"><span class="col">Hình thức tuyên truyền</span>Dán áp phích <span '
            'class="k-substantive"><ins title="thêm nội dung (added)">về CCHC</ins></span> (do Sở Văn hóa, Thể thao '
            'và Du lịch cung cấp)<div class="ocr" title="nguyên văn OCR (original scan)">Dan 4p phich vé CCHC (do S¢ '
            'Van hoa, Thé thao va Du lich cung cép)</div></div>')
    assert cell in page
    # the year bump of a cell stays marked on the restored words
    assert '<ins title="năm 2022 → 2025 theo năm kế hoạch (year bump)">Trong năm 2025</ins>' in page
    raw = cantho.to_html(restore=False)
    assert ('<span class="col">Hình thức tuyên truyền</span>Dan 4p phich <span class="k-substantive"><ins '
            'title="thêm nội dung (added)">vé CCHC</ins></span>') in raw
    assert "Dán áp phích <span" not in raw and "nguyên văn OCR" not in raw


# --- every view shows a scan as the page does: restored, the scan as read kept ----------------

def test_json_shows_the_scan_as_the_frame_does(scanned_pair):
    frame = scanned_pair.to_frame()
    data = scanned_pair.to_dict()
    assert data["restored"] == {"old": False, "new": True}
    flat = [[" ".join(c[k].split()) for k in ("section", "old", "new", "old_ocr", "new_ocr")] for c in data["changes"]]
    assert flat == frame[["section", "old", "new", "old_ocr", "new_ocr"]].values.tolist()
    # the white space of each side kept (a change may run over a line break)
    assert (data["changes"][10]["new"], data["changes"][10]["new_ocr"]) == (
        "và báo chí.\nTran Thi Binh", "va bao chi.\nTran Thi Binh")
    raw = scanned_pair.to_dict(restore=False)
    assert "restored" not in raw and set(raw["changes"][0]) == {
        "kind", "section", "location", "old", "new", "old_span", "new_span", "old_line", "new_line", "reason"}
    assert [c["new"] for c in raw["changes"]] == [c["new_ocr"] for c in data["changes"]]


def test_markdown_shows_the_scan_restored_and_the_scan_after_it(scanned_pair):
    md = scanned_pair.to_markdown()
    assert ("- *căn cứ*: ~~1520/QĐ-UBND~~ → **1610/QĐ-UBND** — căn cứ: bỏ 1520/QĐ-UBND; thêm 1610/QĐ-UBND "
            "(legal basis changed) (OCR: «1610/QD-UBND»)") in md.splitlines()
    assert "- *nội dung*: ∅ → **và đào tạo** — thêm nội dung (added) (OCR: «va dao tao»)" in md.splitlines()
    # a passage the restoring leaves as it is carries no note
    assert "- *thay đổi theo năm*: ∅ → **9/KH-STP** — số văn bản mới (a new number every year)" in md.splitlines()
    assert "bản OCR hiển thị đã khôi phục dấu" in md
    raw = scanned_pair.to_markdown(restore=False)
    assert "(OCR: «" not in raw and "- *nội dung*: ∅ → **va dao tao** — thêm nội dung (added)" in raw.splitlines()


def test_cantho_tables_and_labels_restored_in_every_view(cantho):
    task = "Lồng ghép nội dung CCHC vào các hội nghị, họp, sinh hoạt tuyên tuyền, phổ biến, giáo dục pháp luật"
    scan = "Long ghép nodi dung CCHC vao cac hoi nghi, hop, sinh hoat tuyén tuyén, phd bién, gido duc phap luat"
    tables = cantho.tables_frame()
    assert list(tables.columns) == ["table", "old_row", "new_row", "status", "task_old", "task_new", "task_old_ocr",
                                    "task_new_ocr", "changes", "changes_ocr", "kinds"]
    assert tables.loc[3, ["task_old", "task_new", "task_old_ocr", "task_new_ocr"]].tolist() == [task, task, task, scan]
    assert tables.loc[3, "changes"] == ["Thời gian thực hiện: Trong năm 2022 → Trong năm 2025 (expected)",
                                        "Hình thức tuyên truyền: tuyên tuyền → tuyên tuyền (carried-error)"]
    assert tables.loc[3, "changes_ocr"] == ["Thời gian thực hiện: Trong năm 2022 → Trong nam 2025 (expected)",
                                            "Hình thức tuyên truyền: tuyên tuyền → tuyén tuyén (carried-error)"]
    raw = cantho.tables_frame(restore=False)
    assert list(raw.columns) == ["table", "old_row", "new_row", "status", "task_old", "task_new", "changes", "kinds"]
    assert raw.loc[3, "task_new"] == scan
    data = cantho.to_dict()
    row = data["tables"][0]["rows"][3]
    assert (" ".join(row["task"].split()), " ".join(row["task_ocr"].split())) == (task, scan)
    assert data["sections"][3]["label"] == "IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM"
    assert set(data["changes"][k]["section"] for k in range(len(data["changes"]))) == set(cantho.to_frame().section)
    md = cantho.to_markdown()
    assert "| — | IV | mục mới | IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM |" in md
    assert "### IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM" in md
    assert "| Dòng cũ | Dòng mới | Trạng thái | Hoạt động | Thay đổi | OCR |" in md
    # the table's column shows the old (clean) task: nothing restored there, so no scan beside it
    assert f"| 4 | 4 | có thay đổi | {task[:80]} | 2 (carried-error, expected) |  |" in md
    assert "IV. MOT SO HOAT PONG" in cantho.to_markdown(restore=False)


def test_clean_pairs_show_no_scan_columns():
    d = diff_plans(read_text(CLEAN, name="a.txt"), read_text(CLEAN.replace("2023", "2024"), name="b.txt"))
    assert d.to_dict() == d.to_dict(restore=False) and "restored" not in d.to_dict()
    assert d.to_markdown() == d.to_markdown(restore=False)
    assert d.tables_frame().equals(d.tables_frame(restore=False))


# --- the summary's section list --------------------------------------------------------------

CANTHO_SECTIONS = [
    "      I → I     changed  MỤC ĐÍCH, YÊU CẦU",
    "     II → II    changed  NỘI DUNG TUYÊN TRUYỀN",
    "    III → III   changed  HÌNH THỨC TUYÊN TRUYỀN",
    "      — → IV    added    MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM",
    "     IV → V     changed  KINH PHÍ THỰC HIỆN",
    "      V → VI    changed  TỔ CHỨC THỰC HIỆN",
]


@pytest.mark.parametrize(("restore", "added"), [
    (True, "      — → IV    added    MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM"),
    (False, "      — → IV    added    MOT SO HOAT PONG TUYEN TRUYEN TRONG TAM"),
])
def test_summary_lists_a_scanned_section_title_as_the_page_shows_it(cantho, restore, added):
    lines = cantho.summary(restore=restore).splitlines()
    assert lines[lines.index("Mục:") + 1 :] == [*CANTHO_SECTIONS[:3], added, *CANTHO_SECTIONS[4:]]


def test_summary_restores_by_default_like_the_page(cantho):
    assert cantho.summary() == cantho.summary(restore=True)
    assert "<summary>IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM<" in cantho.to_html()

