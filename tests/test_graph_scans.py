"""A scan of a plan (an image PDF or a PNG read by OCR) and its text copy are one node: OCR keeps
the number, symbol, province and year but may misread the title, issuer or date, so a scan is a
copy of the one other reading with that number (OCR's look-alikes made one). Two documents are
never merged: another symbol, year, province or number stays another node, and no two nodes
share a label.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plankit import build_graph, read_corpus, read_text
from plankit.graph.identity import ocr_key

# Written for these tests: a province's plan in a real layout (invented number and subject).
PLAN = """\
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 07/KH-UBND
Quảng Ngãi, ngày 15 tháng 01 năm 2024
KẾ HOẠCH
Chuyển đổi số tỉnh Quảng Ngãi năm 2024
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;
Căn cứ Nghị quyết số 05/NQ-HĐND ngày 10/3/2023 của Hội đồng nhân dân tỉnh Quảng Ngãi;
Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2024 như sau:
I. MỤC ĐÍCH, YÊU CẦU
Đẩy mạnh chuyển đổi số trong cơ quan nhà nước, phát triển kinh tế số và xã hội số.
II. NHIỆM VỤ
Hoàn thành các chỉ tiêu theo Kế hoạch số 125/KH-UBND ngày 20/9/2023 của Ủy ban nhân dân tỉnh.
"""
LABEL = "KH 07/KH-UBND (Quảng Ngãi 2024)"
NODE = "07/KH-UBND@quang-ngai/2024"


def _scan(text: str, name: str = "scan/kh-07.png"):
    """A reading as OCR gives it (Source.ocr set)."""
    return read_text(text, name, form="ocr")


def _plans(graph) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((n, d["label"], d["copies"]) for n, d in graph.nodes(data=True) if d["kind"] == "plan")


def _labels_distinct(graph) -> bool:
    return max(Counter(label for _, label in graph.nodes(data="label")).values()) == 1


def _unmarked(line: str) -> str:
    """A line as a scan without the Vietnamese model reads it: no diacritics, Đ as D."""
    bare = "".join(c for c in unicodedata.normalize("NFD", line) if not unicodedata.combining(c))
    return bare.replace("Đ", "D").replace("đ", "d")


# (what the scan misread, old -> new in the plan's text)
MISREAD = [
    ("title", "Chuyển đổi số tỉnh Quảng Ngãi năm 2024", "Chuyen đổi sô tinh Quảng Ngai nam 2024"),
    ("date", "ngày 15 tháng 01 năm 2024", "ngày 1S thang 01 năm 2024"),
    ("issuer", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "ỦY BAN NHẢN DẢN\nTỈNH QUẢNG NGÃI"),
    ("symbol's Đ", "Số: 07/KH-UBND", "Số: 07/KH-UBNĐ"),
    ("symbol's D as 0", "Số: 07/KH-UBND", "Số: 07/KH-UBN0"),
    ("space in the number", "Số: 07/KH-UBND", "Số: 07/KH- UBND"),
    ("every word below the number unmarked", PLAN, "".join(
        line if k < 3 else _unmarked(line) for k, line in enumerate(PLAN.splitlines(keepends=True)))),
]


@pytest.mark.parametrize(("what", "old", "new"), MISREAD, ids=[m[0] for m in MISREAD])
def test_a_scan_with_a_misread_header_is_a_copy_of_the_text(what, old, new):
    assert old in PLAN
    scan = _scan(PLAN.replace(old, new))
    for plans in ([read_text(PLAN, "text/kh-07.pdf"), scan], [scan, read_text(PLAN, "text/kh-07.pdf")]):
        graph = build_graph(plans)
        (node, label, copies), = _plans(graph)
        assert (node, label) == (NODE, LABEL)
        assert len(copies) == 1 and copies[0] in ("text/kh-07.pdf", "scan/kh-07.png")
        assert graph.number_of_nodes() == 4  # the plan and the three documents it cites


# (another document numbered 07: old -> new in the scan's text, its node)
OTHERS = [
    ("another symbol", "Số: 07/KH-UBND", "Số: 07/KH-BCĐ", "07/KH-BCĐ@quang-ngai/2024"),
    ("another year", "năm 2024\nKẾ HOẠCH", "năm 2023\nKẾ HOẠCH", "07/KH-UBND@quang-ngai/2023"),
    ("another province", "TỈNH QUẢNG NGÃI\nSố: 07/KH-UBND\nQuảng Ngãi,",
     "TỈNH QUẢNG NAM\nSố: 07/KH-UBND\nQuảng Nam,", "07/KH-UBND@quang-nam/2024"),
    ("another number", "Số: 07/KH-UBND", "Số: 08/KH-UBND", "08/KH-UBND@quang-ngai/2024"),
]


@pytest.mark.parametrize(("what", "old", "new", "other"), OTHERS, ids=[o[0] for o in OTHERS])
def test_a_scan_of_another_document_is_another_node(what, old, new, other):
    assert old in PLAN
    graph = build_graph([read_text(PLAN, "text/kh-07.pdf"), _scan(PLAN.replace(old, new))])
    assert [(n, c) for n, _, c in _plans(graph)] == sorted([(NODE, ()), (other, ())])
    assert _labels_distinct(graph)


def test_two_typed_plans_under_one_number_stay_two_and_their_labels_differ():
    """A number slip: two plans typed with one number and other subjects. Neither is OCR'd, so
    neither is a copy; a scan that matches both joins neither; each label names its file."""
    slip = PLAN.replace("Chuyển đổi số tỉnh Quảng Ngãi năm 2024", "Cải cách hành chính năm 2024")
    plans = [read_text(PLAN, "a/kh-07.txt"), read_text(slip, "b/kh-07.txt")]
    graph = build_graph(plans)
    assert _plans(graph) == [
        (NODE, f"{LABEL} [a/kh-07.txt]", ()),
        ("plan:b/kh-07.txt", f"{LABEL} [b/kh-07.txt]", ()),
    ]
    graph = build_graph([*plans, _scan(PLAN.replace("Chuyển đổi số", "Chuyen d0i s6"))])
    assert _plans(graph) == [
        (NODE, f"{LABEL} [a/kh-07.txt]", ()),
        ("plan:b/kh-07.txt", f"{LABEL} [b/kh-07.txt]", ()),
        ("plan:scan/kh-07.png", f"{LABEL} [scan/kh-07.png]", ()),
    ]


def test_two_scans_and_the_text_are_one_node():
    graph = build_graph([_scan(PLAN.replace("Chuyển", "Chuyen"), "scan/a.png"), read_text(PLAN, "text/kh-07.pdf"),
                         _scan(PLAN.replace("ngày 15", "ngày 1S"), "scan/b.pdf")])
    (node, label, copies), = _plans(graph)
    assert (node, label, len(copies)) == (NODE, LABEL, 2)


# -- a real scan: LibreOffice renders the text, pdftoppm makes the page an image, Tesseract reads it

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(not (SOFFICE and shutil.which("pdftoppm") and shutil.which("tesseract")),
                    reason="needs LibreOffice, poppler-utils and Tesseract")
def test_a_text_pdf_and_a_png_scan_of_one_plan_are_one_node(tmp_path):
    from plankit.read._ocr import ocr_available

    if not ocr_available():
        pytest.skip("Tesseract's Vietnamese model (tesseract-ocr-vie) is not installed")
    # the scanned sheet's title is printed as a bad scan reads it, so that the headers differ
    (tmp_path / "kh-07.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "kh-07-scan.txt").write_text(
        PLAN.replace("Chuyển đổi số tỉnh", "Chuyen đổi sô tinh"), encoding="utf-8")
    folder = tmp_path / "folder"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi", "--convert-to", "pdf", "--outdir", str(folder),
         str(tmp_path / "kh-07.txt"), str(tmp_path / "kh-07-scan.txt")],
        check=True, capture_output=True, timeout=600,
    )
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(folder / "kh-07-scan.pdf"),
                    str(folder / "kh-07-scan")], check=True, timeout=600)
    (folder / "kh-07-scan.pdf").unlink()
    plans = read_corpus([folder])
    assert sorted((p.name, p.source.ocr) for p in plans) == [("folder/kh-07-scan.png", True),
                                                              ("folder/kh-07.pdf", False)]
    graph = build_graph(plans)
    (node, label, copies), = _plans(graph)
    assert (node, label, len(copies)) == (NODE, LABEL, 1)
    assert _labels_distinct(graph)


# -- the key a scan is matched by ----------------------------------------------------------------

_LOOK_ALIKE_DIGITS = {"0": "O", "1": "l", "5": "S"}


@given(number=st.integers(1, 9999), symbol=st.sampled_from(["KH-UBND", "KH-SNV", "QĐ-UBND", "KH-BCĐ"]),
       year=st.integers(2015, 2030), misread=st.lists(st.booleans(), min_size=4, max_size=4))
def test_ocr_look_alikes_keep_the_key_and_the_year_never_does(number, symbol, year, misread):
    node = f"{number:02d}/{symbol}@quang-ngai/{year}"
    digits = "".join(_LOOK_ALIKE_DIGITS.get(c, c) if misread[k % 4] else c
                     for k, c in enumerate(f"{number:02d}"))
    read = f"{digits}/{symbol.replace('D', '0') if misread[0] else symbol}@quang-ngai/{year}"
    assert ocr_key(read) == ocr_key(node)
    assert ocr_key(f"{number:02d}/{symbol}@quang-ngai/{year + 1}") != ocr_key(node)
    assert ocr_key(f"{number + 1:02d}/{symbol}@quang-ngai/{year}") != ocr_key(node)


# -- a scan whose year of issue OCR misread --------------------------------------------------------
# Found on a real folder: plan 167/KH-UBND of Bắc Ninh (signed 17/12/2025, for 2026) read from its
# PDF and from a 100-dpi scan made two nodes, because the scan read the date's year 2925 or lost
# the date (the id then takes the title's plan year, 2026). Here the same in an invented plan.

# signed in December for the next year, as such plans are: its id's year is not its plan year
DECEMBER = PLAN.replace("ngày 15 tháng 01 năm 2024", "ngày 28 tháng 12 năm 2023")
DEC_NODE = "07/KH-UBND@quang-ngai/2023"

# (what the scan read, the typed text, old -> new in the scan's text)
MISDATED = [
    ("year 2024 read 2924", PLAN, "ngày 15 tháng 01 năm 2024", "ngày 15 tháng 01 năm 2924"),
    ("year 2024 read 2624", PLAN, "ngày 15 tháng 01 năm 2024", "ngày 15 tháng 01 năm 2624"),
    ("year 2023 read 2923", DECEMBER, "ngày 28 tháng 12 năm 2023", "ngày 28 tháng 12 năm 2923"),
    ("date garbled: the plan year stands in", DECEMBER, "ngày 28 tháng 12 năm 2023", "ngay 2B thang l2 nam 2O23"),
    ("date lost: the plan year stands in", DECEMBER, "Quảng Ngãi, ngày 28 tháng 12 năm 2023\n", ""),
]


@pytest.mark.parametrize(("what", "text", "old", "new"), MISDATED, ids=[m[0] for m in MISDATED])
def test_a_scan_whose_year_ocr_misread_is_a_copy_of_the_text(what, text, old, new):
    assert old in text
    scan = _scan(text.replace(old, new))
    node = NODE if text is PLAN else DEC_NODE
    for plans in ([read_text(text, "text/kh-07.pdf"), scan], [scan, read_text(text, "text/kh-07.pdf")]):
        graph = build_graph(plans)
        (found, label, copies), = _plans(graph)
        assert (found, label) == (node, LABEL)  # the typed copy speaks: its year, its label
        assert len(copies) == 1 and copies[0] in ("text/kh-07.pdf", "scan/kh-07.png")
        assert graph.number_of_nodes() == 4


# (why the scan is another plan: the typed text, old -> new in the scan's text, the scan's node)
NOT_MISDATED = [
    # a plausible year read whole is the plan's: numbers start again every year
    ("another plausible year", PLAN, "ngày 15 tháng 01 năm 2024", "ngày 15 tháng 01 năm 2023",
     "07/KH-UBND@quang-ngai/2023"),
    ("the next year, same day", PLAN, "ngày 15 tháng 01 năm 2024", "ngày 15 tháng 01 năm 2025",
     "07/KH-UBND@quang-ngai/2025"),
    # an impossible year, but another day or month: another plan's date
    ("impossible year, another day", PLAN, "ngày 15 tháng 01 năm 2024", "ngày 16 tháng 01 năm 2924",
     "07/KH-UBND@quang-ngai/2924"),
    ("impossible year, another month", PLAN, "ngày 15 tháng 01 năm 2024", "ngày 15 tháng 02 năm 2924",
     "07/KH-UBND@quang-ngai/2924"),
    # no date: the plan year must agree
    ("date lost, another plan year", DECEMBER, "Quảng Ngãi, ngày 28 tháng 12 năm 2023\n"
     "KẾ HOẠCH\nChuyển đổi số tỉnh Quảng Ngãi năm 2024", "KẾ HOẠCH\nChuyển đổi số tỉnh Quảng Ngãi năm 2025",
     "07/KH-UBND@quang-ngai/2025"),
    # another number, symbol or province in an impossible year: never the same plan
    ("impossible year, another number", PLAN, "Số: 07/KH-UBND\nQuảng Ngãi, ngày 15 tháng 01 năm 2024",
     "Số: 08/KH-UBND\nQuảng Ngãi, ngày 15 tháng 01 năm 2924", "08/KH-UBND@quang-ngai/2924"),
    ("impossible year, another symbol", PLAN, "Số: 07/KH-UBND\nQuảng Ngãi, ngày 15 tháng 01 năm 2024",
     "Số: 07/KH-BCĐ\nQuảng Ngãi, ngày 15 tháng 01 năm 2924", "07/KH-BCĐ@quang-ngai/2924"),
]


@pytest.mark.parametrize(("what", "text", "old", "new", "other"), NOT_MISDATED, ids=[m[0] for m in NOT_MISDATED])
def test_a_scan_of_another_year_stays_another_node(what, text, old, new, other):
    assert old in text
    node = NODE if text is PLAN else DEC_NODE
    graph = build_graph([read_text(text, "text/kh-07.pdf"), _scan(text.replace(old, new))])
    assert [(n, c) for n, _, c in _plans(graph)] == sorted([(node, ()), (other, ())])
    assert _labels_distinct(graph)


def test_a_misdated_scan_matching_two_years_joins_neither():
    """The folder holds plan 07 of 2023 and plan 07 of 2024, both signed on 15 January: a scan
    dated 15/01/2924 could be either, so it joins neither."""
    older = PLAN.replace("năm 2024", "năm 2023")
    scan = _scan(PLAN.replace("ngày 15 tháng 01 năm 2024", "ngày 15 tháng 01 năm 2924"))
    graph = build_graph([read_text(PLAN, "a/kh-07.pdf"), read_text(older, "b/kh-07.pdf"), scan])
    assert [(n, c) for n, _, c in _plans(graph)] == [
        ("07/KH-UBND@quang-ngai/2023", ()), (NODE, ()), ("07/KH-UBND@quang-ngai/2924", ())]


def test_two_typed_readings_in_two_years_are_never_one_node():
    """Only a scan's year may be OCR's: typed text dated 2924 is taken as printed."""
    typo = read_text(PLAN.replace("ngày 15 tháng 01 năm 2024", "ngày 15 tháng 01 năm 2924"), "b/kh-07.pdf")
    graph = build_graph([read_text(PLAN, "a/kh-07.pdf"), typo])
    assert [n for n, _, _ in _plans(graph)] == [NODE, "07/KH-UBND@quang-ngai/2924"]


# -- a scan that read no number at all ---------------------------------------------------------------
# Found on a real folder: 150- and 200-dpi scans of a ministry's decision whose header OCR could
# not place (no number, issuer or date; title "BAN") stayed nodes of their own beside the typed
# copies although their words were 99 % the typed text's.

DECISION = """\
BỘ Y TẾ
Số: 128/QĐ-BYT
Hà Nội, ngày 12 tháng 01 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch thông tin, truyền thông y tế năm 2024
Căn cứ Nghị định số 95/2022/NĐ-CP ngày 15/11/2022 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Y tế;
Xét đề nghị của Vụ trưởng Vụ Truyền thông và Thi đua, khen thưởng,
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thông tin, truyền thông y tế năm 2024.
Điều 2. Quyết định có hiệu lực kể từ ngày ký, ban hành.
KẾ HOẠCH THÔNG TIN, TRUYỀN THÔNG Y TẾ NĂM 2024
I. MỤC ĐÍCH, YÊU CẦU
Cung cấp thông tin kịp thời, chính xác về chính sách, pháp luật y tế cho người dân và cán bộ y tế.
Nâng cao nhận thức của người dân về phòng bệnh, chăm sóc sức khỏe ban đầu và dinh dưỡng hợp lý.
II. NHIỆM VỤ
Truyền thông về đổi mới hệ thống y tế cơ sở, tiêm chủng mở rộng, an toàn thực phẩm và khám chữa bệnh.
Phối hợp với các cơ quan báo chí xây dựng chuyên trang, chuyên mục về y tế trên sóng truyền hình.
III. TỔ CHỨC THỰC HIỆN
Vụ Truyền thông và Thi đua, khen thưởng chủ trì, phối hợp với các đơn vị thuộc Bộ triển khai Kế hoạch.
"""
# the header as a bad scan reads it: nothing of the number, issuer or date survives
HEADLESS = "BAN\n" + DECISION.split("Căn cứ", 1)[1].replace("Ban hành kèm", "Ban hanh kèm")
DECISION_NEXT = (DECISION.replace("năm 2024", "năm 2025").replace("128/QĐ-BYT", "288/QĐ-BYT")
                 .replace("tiêm chủng mở rộng, an toàn thực phẩm và khám chữa bệnh",
                          "chuyển đổi số y tế, bệnh án điện tử và sổ sức khỏe điện tử")
                 .replace("Phối hợp với các cơ quan báo chí xây dựng chuyên trang, chuyên mục về y tế trên sóng truyền hình.",
                          "Tổ chức họp báo định kỳ hằng quý, cung cấp thông tin cho báo chí về các sự kiện y tế nổi bật."))


def _plan_nodes(graph) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((n, d["copies"]) for n, d in graph.nodes(data=True) if d["kind"] == "plan")


def test_a_scan_that_read_no_number_is_a_copy_of_its_text():
    scan = _scan(HEADLESS, "scan/qd-128.pdf")
    assert scan.header.number is None
    for plans in ([read_text(DECISION, "text/qd-128.docx"), scan], [scan, read_text(DECISION, "text/qd-128.docx")]):
        assert _plan_nodes(build_graph(plans)) == [("128/QĐ-BYT", ("scan/qd-128.pdf",))]


# (why the headless scan stays a node of its own: the typed plans beside it)
HEADLESS_ALONE = [
    # last year's decision on the same template holds most, not nearly all, of its words
    ("only a plan on the same template", [("text/qd-288.docx", DECISION_NEXT)]),
    # two typed plans hold nearly all of it: which one it is, is not known
    ("two plans hold it", [("a/qd-128.docx", DECISION),
                           ("b/qd-128-ban-sao.docx", DECISION.replace("Số: 128/QĐ-BYT", "Số: 129/QĐ-BYT"))]),
    # next year's plan copied from it, scanned headless: nearly all its words, but a new year
    ("next year's copy of the only typed plan", [("text/qd-128.docx", DECISION.replace("2024", "2023"))]),
    ("one holds it, another nearly", [("a/qd-128.docx", DECISION), ("text/qd-288.docx", DECISION.replace(
        "Phối hợp với các cơ quan báo chí", "Phối hợp với Đài Truyền hình Việt Nam").replace("128/QĐ-BYT", "288/QĐ-BYT"))]),
]


@pytest.mark.parametrize(("what", "typed"), HEADLESS_ALONE, ids=[h[0] for h in HEADLESS_ALONE])
def test_a_scan_that_read_no_number_and_matches_no_one_text_stays_alone(what, typed):
    graph = build_graph([*(read_text(text, name) for name, text in typed), _scan(HEADLESS, "scan/qd-128.pdf")])
    nodes = _plan_nodes(graph)
    assert ("plan:scan/qd-128.pdf", ()) in nodes
    assert len(nodes) == len(typed) + 1


def test_a_short_headless_scan_or_a_typed_reading_is_never_joined_by_its_words():
    short = "BAN\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký, ban hành.\n"
    graph = build_graph([read_text(DECISION, "text/qd-128.docx"), _scan(short, "scan/qd-128.pdf")])
    assert _plan_nodes(graph) == [("128/QĐ-BYT", ()), ("plan:scan/qd-128.pdf", ())]
    # a typed reading without a number (the same words, not OCR'd) is not moved either
    graph = build_graph([read_text(DECISION, "text/qd-128.docx"), read_text(HEADLESS, "text/qd-128-copy.txt")])
    assert _plan_nodes(graph) == [("128/QĐ-BYT", ()), ("plan:text/qd-128-copy.txt", ())]
