"""The artefacts real copies carry, applied to every document of the development corpus
(``../shared/corpus``, skipped when absent): each must leave the reading unchanged, its header
fields (type, number, symbol, date, place, issuer, parent, year, title, signer), its facts
(level, province) and its citations with their roles.

The artefacts: a PDF copy's page numbers and running headers and footers between lines, lines
re-wrapped at any width (also at a compound's or a symbol's hyphen), Windows and old Mac line
ends, tabs and runs of spaces, no-break spaces, zero-width characters and soft hyphens, the
decomposed (NFD) and legacy combining forms of the letters, Đ's look-alike Ð, the header's two
columns flattened right column first, a portal's title line and its "Lưu" controls above the
header, blank lines removed or doubled. They are generated here from the corpus's text; no
corpus text is copied into the repository.
"""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# the artefacts live where the benchmark imports them without pytest
from benchmarks.copies import ARTEFACTS, rewrap
from plankit import read_text
from plankit.text import fold

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


@cache
def _gold() -> dict:
    path = CORPUS / "gold.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@cache
def _text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


NAMES = sorted(n for n in _gold() if (CORPUS / n).is_file()) or ["(no corpus)"]


def _need_corpus(name: str) -> None:
    if name not in _gold():
        pytest.skip("../shared/corpus is absent (the development corpus is not part of the repository)")


def _reading(text: str) -> tuple:
    plan = read_text(text, "copy.txt")
    h, f = plan.header, plan.facts
    head = (h.doc_type, h.number, h.symbol, h.date, (h.date_parts.year, h.date_parts.month, h.date_parts.day),
            h.place, h.issuer, h.parent, h.year, "".join((h.title or "").split()), h.signer)
    facts = (f.level, f.province.name if f.province else None)
    cites = sorted({(c.key, c.role) for c in plan.citations if c.role != "self" and not c.implicit})
    return head, facts, cites


@cache
def _base(name: str) -> tuple:
    return _reading(_text(name))


def _apply(name: str, doc: str, seed: int = 0) -> str:
    return ARTEFACTS[name](_text(doc), random.Random(f"{doc}/{seed}"), _gold()[doc])


@pytest.mark.parametrize("artefact", list(ARTEFACTS))
@pytest.mark.parametrize("doc", NAMES)
def test_an_artefact_leaves_the_reading_unchanged(doc, artefact):
    _need_corpus(doc)
    # an artefact that does not apply to a document (no blank lines to remove) leaves its text
    # as it is, and the reading trivially holds; test_every_artefact_changes_most_documents
    # keeps the table honest
    assert _reading(_apply(artefact, doc)) == _base(doc)


@pytest.mark.parametrize("artefact", list(ARTEFACTS))
def test_every_artefact_changes_most_documents(artefact):
    """The artefacts are real: each changes the text of many documents (the header's columns
    of every document whose header has two), so the test above is not comparing a text with
    itself."""
    _need_corpus(NAMES[0])
    changed = sum(_apply(artefact, doc) != _text(doc) for doc in NAMES)
    assert changed >= len(NAMES) // 3, changed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=st.sampled_from(NAMES), width=st.integers(min_value=40, max_value=160), hyphens=st.booleans())
def test_rewrapping_at_any_width_leaves_the_reading_unchanged(doc, width, hyphens):
    _need_corpus(doc)
    assert _reading(rewrap(_text(doc), width, hyphens)) == _base(doc)


#: The artefacts a copy can carry together: one of each group at most (a text is wrapped once).
GROUPS = (
    ("right-column-first",), ("portal-title-and-controls",),
    ("rewrap-40", "rewrap-72", "rewrap-160", "hyphen-breaks-36", "hyphen-breaks-64"),
    ("page-breaks",), ("blank-lines-removed", "blank-lines-doubled", "trailing-blanks"),
    ("runs-of-spaces", "tabs", "no-break-spaces"), ("zero-width", "soft-hyphens"),
    ("nfd", "legacy-combining", "tone-marks-u0340", "eth-for-d-bar"), ("crlf", "lone-cr"),
)
_COMBINATION = st.tuples(*(st.one_of(st.none(), st.sampled_from(g)) for g in GROUPS)).map(
    lambda names: [n for n in names if n is not None]).filter(lambda names: len(names) >= 2)


def test_the_groups_hold_every_artefact_once():
    assert sorted(n for g in GROUPS for n in g) == sorted(ARTEFACTS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(doc=st.sampled_from(NAMES), artefacts=_COMBINATION, seed=st.integers(min_value=0, max_value=10**6))
def test_artefacts_together_leave_the_reading_unchanged(doc, artefacts, seed):
    """Several artefacts on one copy, in the order a copy adds them (the layout first, the
    page furniture on the laid-out lines, the characters, the line ends last)."""
    _need_corpus(doc)
    text = _text(doc)
    rng = random.Random(seed)
    for name in artefacts:  # the groups' order
        text = ARTEFACTS[name](text, rng, _gold()[doc])
    assert _reading(text) == _base(doc)


def test_the_unperturbed_reading_matches_gold():
    """The reading the artefacts are compared with is itself right on the fields gold has
    unambiguously (number, date, year; the corpus benchmark scores the rest, citations and
    roles included)."""
    _need_corpus(NAMES[0])
    for doc in NAMES:
        gold = _gold()[doc]["header"]
        (_type, number, _symbol, date, parts, *_rest), _facts, _cites = _base(doc)
        year = _rest[3]
        printed = (date.isoformat() if date else f"{parts[0]:04d}-{parts[1]:02d}" if parts[0] and parts[1]
                   else str(parts[0]) if parts[0] else None)
        assert (number, printed, year) == (gold["number"], gold["date"], gold["year"]), doc


# -- a PDF's pages (no corpus needed) ----------------------------------------------------------------


def _pdf(pages: list[list[str]]) -> bytes:
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    buf = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(buf) as pdf:
        for lines in pages:
            fig = plt.figure(figsize=(8.27, 11.69))
            for k, line in enumerate(lines):
                fig.text(0.1, 0.9 - 0.04 * k, line, fontsize=12)
            pdf.savefig(fig)
            plt.close(fig)
    return buf.getvalue()


def test_a_pdf_page_break_inside_a_clause_leaves_no_trace():
    """Page 2 opens with its number and the browser's address; the clause the break cut reads
    on, its citation in the basis, and the furniture is named in a warning."""
    from plankit import read_bytes

    page1 = ["UBND TỈNH THÁI NGUYÊN", "SỞ NỘI VỤ", "Số: 215/KH-SNV", "Thái Nguyên, ngày 02 tháng 02 năm 2024",
             "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024",
             "Căn cứ Kế hoạch số 18/KH-UBND ngày 25/01/2024 của Ủy ban nhân dân tỉnh"]
    page2 = ["- 2 -", "https://vanban.thainguyen.gov.vn/ke-hoach-215.html 2/3",
             "Thái Nguyên về tuyên truyền cải cách hành chính năm 2024;", "I. MỤC ĐÍCH, YÊU CẦU"]
    plan = read_bytes(_pdf([page1, page2]), "ke-hoach.pdf")
    assert "- 2 -" not in plan.text and "https://" not in plan.text
    assert [(c.key, c.role) for c in plan.citations] == [("215/KH-SNV", "self"), ("18/KH-UBND", "basis")]
    (clause,) = plan.facts.basis
    assert " ".join(clause.span.slice(plan.text).split()).endswith("tỉnh Thái Nguyên về tuyên truyền cải cách hành chính năm 2024;")
    assert any("page furniture" in w.message and "2 line(s)" in w.message for w in plan.warnings)


# -- what a copy adds, line by line (no corpus needed) ---------------------------------------------


@pytest.mark.parametrize(("line", "furniture"), [
    ("Trang 2/5", True), ("Trang 3", True), ("Page 2 of 9", True), ("- 4 -", True), ("7", True), ("2/5", True),
    ("https://thuvienphapluat.vn/van-ban/Ke-hoach-123.aspx", True), ("https://luatvietnam.vn/x.html 3/7", True),
    ("Thư viện Pháp luật - thuvienphapluat.vn", True), ("LuatVietnam.vn", True),
    ("17/01/2024, 09:15 Kế hoạch tuyên truyền - Thư viện pháp luật", True),
    ("2. Nội dung", False), ("II. NỘI DUNG", False), ("2022", False), ("21/08/2019", False),
    ("- Website: www.quangngai.gov.vn", False), ("đăng tải trên Cổng thông tin điện tử tỉnh (www.quangngai.gov.vn).", False),
    ("Hà Nội, ngày 2/5/2024", False), ("- 2022 -", False), ("Số: 12/KH-UBND", False),
])
def test_page_furniture(line, furniture):
    from plankit.read._text import page_furniture

    assert page_furniture(fold(line)) is furniture


@pytest.mark.parametrize(("text", "clean", "lines", "dropped"), [
    # a page break inside a clause: the number and the address go, the clause reads on
    ("Căn cứ Kế hoạch của Chính\n- 2 -\nhttps://vbpl.vn/x.aspx\nphủ;", "Căn cứ Kế hoạch của Chính\nphủ;", [1, 4], 2),
    # blank lines that pad a page number go with it; a paragraph's end stays one
    ("a của\n\n- 2 -\n\nb phủ\nc\nd\ne\nf", "a của\n\nb phủ\nc\nd\ne\nf", [1, 4, 5, 6, 7, 8, 9], 1),
    # a date's day wrapped alone is no page number, nor a Word export's cell, nor a number after "số"
    ("Hà Nội, ngày\n01\ntháng 3 năm 2025", None, None, 0),
    ("\tTT\n\t1\n\tTuyên truyền", None, None, 0),
    ("Kế hoạch số\n18\n/KH-UBND", None, None, 0),
    # ... unless the number the word takes is on the next line: then it is the page's
    ("Quyết định số\n2\n650/QĐ-LĐTBXH ngày", "Quyết định số\n650/QĐ-LĐTBXH ngày", [1, 3], 1),
    # a portal's controls above the document, a block of them or a line of several; a word alone
    # that may be a plan's ("Nội dung", "Văn bản" in a table) stays
    ("Lưu\nTheo dõi VB\nGhi chú\nỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", [4], 3),
    ("Lưu | Ghi chú | Facebook | In\nỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", [2], 1),
    ("KẾ HOẠCH\nVăn bản\nNội dung\nThời gian", None, None, 0),
    # every line between blank lines (a copy that doubled its line breaks): halved
    ("KẾ HOẠCH\n\nNăm 2025\n\n\n\nI. MỤC ĐÍCH\n\n1. Mục đích\n\nNội dung", "KẾ HOẠCH\nNăm 2025\n\nI. MỤC ĐÍCH\n1. Mục đích\nNội dung",
     [1, 3, 4, 7, 9, 11], 0),
    # invisible characters and look-alikes
    ("Kế\u00a0hoạch chuy\u00adển\u200b đổi Ð\ufeffà Nẵng", "Kế hoạch chuyển đổi Đà Nẵng", None, 0),
])
def test_clean_copy(text, clean, lines, dropped):
    from plankit.read._text import clean_copy

    assert clean_copy(text) == (text if clean is None else clean, lines, dropped)


def test_an_ocr_scans_number_alone_stays():
    """In an OCR'd scan a number alone is a table's row number come loose: the OCR table reader
    needs it."""
    from plankit.read._text import clean_copy

    assert clean_copy("TT\n1\nTuyen truyen", bare_numbers=False)[0] == "TT\n1\nTuyen truyen"


def test_lines_left_out_keep_the_files_line_numbers():
    text = ("17/01/2024, 09:15 Kế hoạch - Thư viện pháp luật\nLưu\nGhi chú\nSố: 12/KH-UBND\n"
            "Hà Nội, ngày 01 tháng 3 năm 2025\nKẾ HOẠCH\nCải cách hành chính năm 2025\n")
    plan = read_text(text, "copy.txt")
    assert [(b.kind, b.source.line) for b in plan.blocks][:3] == [("header", 4), ("header", 5), ("doc-type", 6)]
    assert any("page furniture of a copy left out: 3 line(s)" in w.message for w in plan.warnings)
