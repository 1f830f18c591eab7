"""The register as the one table of central and party documents: its rows, its replacements (read
by plankit.validity, followed along chains) and the consumers that take replaced pairs from it."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from plankit import validity
from plankit.cite import extract_citations
from plankit.register import lookup, register, register_key
from plankit.validity import REPLACED, VALID, parse_local, replaced_by, replacements, status

ROOT = Path(__file__).resolve().parents[1]

# Successors the register names without a row of their own (each would be a documented exception).
OUTSIDE_THE_REGISTER: frozenset[str] = frozenset()


def _raw(name: str) -> str:
    return resources.files("plankit.data").joinpath(name).read_text(encoding="utf-8")


# -- the rows -------------------------------------------------------------------------------------
def test_the_register_holds_over_a_hundred_documents():
    assert len(register()) >= 100


def test_every_replacement_names_a_registered_successor_dated_before_it_applies():
    replaced = [e for e in register() if e.replaced_by]
    assert len(replaced) >= 6
    for e in replaced:
        successor = lookup(e.replaced_by)
        if successor is None:
            assert e.replaced_by in OUTSIDE_THE_REGISTER, e.key
            continue
        assert successor.key == e.replaced_by, e.key  # written as the successor's own key
        assert e.effective >= successor.date >= e.date, e.key
        assert register_key(e.replaced_by) != register_key(e.key), e.key


def test_a_source_on_every_row_and_no_placeholder():
    for e in register():
        assert e.source.startswith(("https://", "http://")) and " " not in e.source, e.key
        assert "example" not in e.source, e.key
        assert e.doc_type.strip() == e.doc_type and e.issuer.strip() == e.issuer, e.key


def test_no_fact_is_in_two_files():
    local = [line.split("\t")[0] for line in _raw("replaced_documents.tsv").splitlines()
             if line.strip() and not line.startswith("#")][1:]
    assert all("@" in key for key in local)
    assert not {register_key(k) for k in local} & {register_key(e.key) for e in register()}


@pytest.mark.parametrize(
    ("key", "doc_type", "date", "issuer"),
    [
        ("76/NQ-CP", "Nghị quyết", dt.date(2021, 7, 15), "Chính phủ"),
        ("23/CT-TTg", "Chỉ thị", dt.date(2021, 9, 2), "Thủ tướng Chính phủ"),
        ("30/2020/NĐ-CP", "Nghị định", dt.date(2020, 3, 5), "Chính phủ"),
        ("61/2018/NĐ-CP", "Nghị định", dt.date(2018, 4, 23), "Chính phủ"),
        ("107/2021/NĐ-CP", "Nghị định", dt.date(2021, 12, 6), "Chính phủ"),
        ("118/2025/NĐ-CP", "Nghị định", dt.date(2025, 6, 9), "Chính phủ"),
        ("34/2017/NĐ-CP", "Nghị định", dt.date(2017, 4, 3), "Chính phủ"),
        ("63/2022/NĐ-CP", "Nghị định", dt.date(2022, 9, 12), "Chính phủ"),
        ("25/2025/NĐ-CP", "Nghị định", dt.date(2025, 2, 21), "Chính phủ"),
        ("01/2018/TT-VPCP", "Thông tư", dt.date(2018, 11, 23), "Văn phòng Chính phủ"),
        ("02/2017/TT-VPCP", "Thông tư", dt.date(2017, 10, 31), "Văn phòng Chính phủ"),
        ("18-NQ/TW", "Nghị quyết", dt.date(2017, 10, 25), "Ban Chấp hành Trung ương Đảng"),
        ("60-NQ/TW", "Nghị quyết", dt.date(2025, 4, 12), "Ban Chấp hành Trung ương Đảng"),
        ("32-CT/TW", "Chỉ thị", dt.date(2003, 12, 9), "Ban Bí thư"),
        ("190/2025/QH15", "Nghị quyết", dt.date(2025, 2, 19), "Quốc hội"),
        ("202/2025/QH15", "Nghị quyết", dt.date(2025, 6, 12), "Quốc hội"),
        ("72/2025/QH15", "Luật", dt.date(2025, 6, 16), "Quốc hội"),
        ("571/QĐ-TTg", "Quyết định", dt.date(2025, 3, 12), "Thủ tướng Chính phủ"),
    ],
)
def test_exact_entries(key, doc_type, date, issuer):
    entry = lookup(key)
    assert (entry.key, entry.doc_type, entry.date, entry.issuer) == (key, doc_type, date, issuer)


def test_every_central_document_the_bundled_plans_cite_is_registered():
    plans = sorted(p for p in (ROOT / "plans").rglob("*.*") if p.suffix in {".txt", ".md"} and p.name != "README.md")
    assert len(plans) == 5
    keys = {c.key for p in plans for c in extract_citations(p)
            if c.level == "central" or (c.level == "party" and c.key.endswith("/TW"))}
    assert keys >= {"76/NQ-CP", "23/CT-TTg", "468/QĐ-TTg"}
    assert sorted(k for k in keys if lookup(k) is None) == []


CORPUS = ROOT / ".." / "shared" / "corpus"
REFERENCE = ROOT / ".." / "shared" / "reference"

# Central and party documents the corpus cites that the register does not hold, and why.
# Slips: the register holds the right document, the linter reports the wrong number.
CORPUS_SLIPS = frozenset({"1090/QĐ-TTg"})
# No public page found (through the search tool) that states number, date and issuer.
UNSOURCED = frozenset({
    "12/CT-TTg", "1284/BTTTT-CĐS", "130-KL/TW", "230-QĐ/TW", "3490/QĐ-BNV",
    "4338/BTTTT-CĐSQG", "6459/BNV-CCHC", "979/BTP-PBGDPL",
    "39-NQ/TW",  # DOMAIN.md's example of a party key; the number names documents of two terms
})
# Year-less keys a source shows naming two documents: a row would flag the other one's citations.
AMBIGUOUS = frozenset({
    "77/NQ-CP",  # of 12/5/2023 (the corpus cites it) and of 10/4/2025 (a Government meeting)
})


def _central_keys(path: Path) -> set[str]:
    # a document's own number (role self: a corpus file's, 5556/QĐ-BYT) is not a citation of it
    return {c.key for c in extract_citations(path)
            if c.role != "self" and (c.level == "central" or (c.level == "party" and c.key.endswith("/TW")))}


def test_every_central_document_the_corpus_and_reference_cite_is_registered_or_accounted_for():
    texts = sorted(CORPUS.glob("*.txt")) + sorted(REFERENCE.glob("*.md"))
    if not texts:
        pytest.skip("../shared/corpus is absent (the development corpus is not part of the repository)")
    keys = set().union(*(_central_keys(p) for p in texts))
    assert len(keys) >= 50
    missing = {k for k in keys if lookup(k) is None}
    accounted = CORPUS_SLIPS | UNSOURCED | AMBIGUOUS
    assert missing <= accounted, sorted(missing - accounted)
    assert not {k for k in accounted if lookup(k) is not None}  # the lists stay true


@pytest.mark.parametrize(
    ("key", "doc_type", "date", "issuer", "subject_start", "host"),
    [
        ("07/CT-TTg", "Chỉ thị", dt.date(2023, 3, 21), "Thủ tướng Chính phủ",
         "về việc tăng cường công tác truyền thông chính sách", "thuvienphapluat.com"),
        ("21/2023/TT-BTTTT", "Thông tư", dt.date(2023, 12, 31), "Bộ Thông tin và Truyền thông", "",
         "lawnet.vn"),
        ("80/2025/NĐ-CP", "Nghị định", dt.date(2025, 4, 1), "Chính phủ",
         "về tổ chức thi hành văn bản quy phạm pháp luật", "moj.gov.vn"),
        ("1589/QĐ-TTg", "Quyết định", dt.date(2025, 7, 24), "Thủ tướng Chính phủ",
         "ban hành Kế hoạch triển khai thi hành Luật Tổ chức chính quyền địa phương", "nhansu.vn"),
        ("17/QĐ-UBQGCĐS", "Quyết định", dt.date(2023, 4, 4), "Ủy ban Quốc gia về chuyển đổi số",
         "ban hành Kế hoạch hoạt động", "hethongphapluat.vn"),
        ("650/QĐ-LĐTBXH", "Quyết định", dt.date(2022, 7, 21), "Bộ Lao động - Thương binh và Xã hội",
         "phê duyệt Kế hoạch truyền thông", "thuvienphapluat.vn"),
        ("1748/BC-BYT", "Báo cáo", dt.date(2024, 12, 18), "Bộ Y tế",
         "về việc tổng kết công tác y tế năm 2024", "thuvienphapluat.vn"),
        ("049/QĐ-BNV", "Quyết định", dt.date(2025, 3, 1), "Bộ Nội vụ",
         "ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2025",
         "thuvienphapluat.vn"),
    ],
)
def test_exact_rows_added_for_the_corpus_and_the_programme(key, doc_type, date, issuer,
                                                           subject_start, host):
    e = lookup(key)
    assert (e.key, e.doc_type, e.date, e.issuer) == (key, doc_type, date, issuer)
    assert e.subject.startswith(subject_start) and (subject_start or e.subject == "")
    assert host in e.source


# The rows checked on 2026-12-07: the ten that lacked their own page (four now have it, on the
# English edition of luatvietnam.vn; six have none in the searchable archive, see
# docs/register.md), and the rows of the 2025 laws and their replacements.
LV = "https://english.luatvietnam.vn/"
CHECKED_ROWS = [
    # key, doc_type, date, issuer, subject (start), replaced_by, effective, source
    ("12/2022/TT-BTTTT", "Thông tư", dt.date(2022, 8, 12), "Bộ Thông tin và Truyền thông",
     "quy định chi tiết và hướng dẫn một số điều của Nghị định số 85/2016/NĐ-CP", None, None,
     LV + "thong-tin/circular-12-2022-tt-btttt-amend-85-2016-nd-cp-ensuring-the-security-of-"
     "information-systems-by-levels-228347-d1.html"),
    ("62/2020/NĐ-CP", "Nghị định", dt.date(2020, 6, 1), "Chính phủ",
     "về vị trí việc làm và biên chế công chức", None, None,
     LV + "decree-no-62-2020-nd-cp-dated-june-01-2020-of-the-government-on-job-positions-and-civil-"
     "servant-payrolls-184097-doc1.html"),
    ("68/NQ-CP", "Nghị quyết", dt.date(2020, 5, 12), "Chính phủ", "", None, None,
     LV + "resolution-no-68-nq-cp-dated-may-12-2020-of-the-government-on-promulgating-a-program-to-"
     "cut-and-simplify-regulations-related-to-business-activities-183417-doc1.html"),
    ("02/2017/TT-VPCP", "Thông tư", dt.date(2017, 10, 31), "Văn phòng Chính phủ",
     "hướng dẫn nghiệp vụ về kiểm soát thủ tục hành chính", None, None,
     LV + "hanh-chinh/circular-02-2017-tt-vpcp-guidelines-on-control-of-administrative-procedures-"
     "118040-d1.html"),
    ("1605/QĐ-TTg", "Quyết định", dt.date(2010, 8, 27), "Thủ tướng Chính phủ",
     "phê duyệt Chương trình quốc gia về ứng dụng công nghệ thông tin trong hoạt động của cơ quan "
     "nhà nước giai đoạn 2011-2015", None, None,
     "https://mic.gov.vn/mic_2020/Pages/TinTuc/102548/Phe-duyet-Chuong-trinh-quoc-gia-ve-ung-dung-"
     "cong-nghe-thong-tin-trong-hoat-dong-cua-co-quan-nha-nuoc-giai-doan-2011--2015.html"),
    ("30/2020/NĐ-CP", "Nghị định", dt.date(2020, 3, 5), "Chính phủ", "về công tác văn thư", None, None,
     LV + "decree-no-30-2020-nd-cp-dated-march-05-2020-of-the-government-on-clerical-work-181212-doc1.html"),
    # no own page in the searchable archive: the rows keep the page they were read on
    ("22/2023/TT-BYT", "Thông tư", dt.date(2023, 11, 17), "Bộ Y tế", "", None, None,
     "http://soyte.laichau.gov.vn/ttytmuongte"),
    ("632/QĐ-TTg", "Quyết định", dt.date(2017, 5, 10), "Thủ tướng Chính phủ",
     "ban hành Danh mục lĩnh vực quan trọng cần ưu tiên bảo đảm an toàn thông tin mạng", None, None,
     "https://sohoaxanh.com/an-toan-thong-tin/danh-muc-van-ban-phap-luat-quy-dinh-an-toan-thong-tin/"),
    ("01/2018/TT-VPCP", "Thông tư", dt.date(2018, 11, 23), "Văn phòng Chính phủ",
     "hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP", None, None,
     "https://vanban123.vn/"),
    ("2546/QĐ-BTP", "Quyết định", dt.date(2022, 12, 26), "Bộ Tư pháp",
     "về việc công bố thủ tục hành chính mới ban hành", None, None,
     "http://hethongphapluat.vn/quyet-dinh-712-qd-ubnd-nam-2023-"),
    ("07/CT-TTg", "Chỉ thị", dt.date(2023, 3, 21), "Thủ tướng Chính phủ",
     "về việc tăng cường công tác truyền thông chính sách", None, None,
     "https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/47190/"),
    # the laws of 2025 and the ones they replaced
    ("80/2015/QH13", "Luật", dt.date(2015, 6, 22), "Quốc hội",
     "Luật Ban hành văn bản quy phạm pháp luật", "64/2025/QH15", dt.date(2025, 4, 1),
     "https://docx.com.vn/"),
    ("64/2025/QH15", "Luật", dt.date(2025, 2, 19), "Quốc hội",
     "Luật Ban hành văn bản quy phạm pháp luật", None, None, "https://thuviennhadat.vn/"),
    ("87/2025/QH15", "Luật", dt.date(2025, 6, 25), "Quốc hội", "", None, None,
     LV + "law-no-87-2025-qh15-dated-june-25-2025-of-the-national-assembly-amending-and-"
     "supplementing-a-number-of-articles-of-the-law-on-promulgation-of-legal-403951-doc1.html"),
    ("22/2008/QH12", "Luật", dt.date(2008, 11, 13), "Quốc hội", "Luật Cán bộ, công chức",
     "80/2025/QH15", dt.date(2025, 7, 1),
     "https://vanban.chinhphu.vn//default.aspx?pageid=27160&docid=81139"),
    ("80/2025/QH15", "Luật", dt.date(2025, 6, 24), "Quốc hội", "Luật Cán bộ, công chức", None, None,
     "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Luat-Can-bo-cong-chuc-2025-so-80-2025-"
     "QH15-649688.aspx"),
    ("77/2015/QH13", "Luật", dt.date(2015, 6, 19), "Quốc hội", "Luật Tổ chức chính quyền địa phương",
     "65/2025/QH15", dt.date(2025, 3, 1),
     "https://hoidapphapluat.co/luat-to-chuc-chinh-quyen-dia-phuong-2015.html"),
    ("65/2025/QH15", "Luật", dt.date(2025, 2, 19), "Quốc hội", "Luật Tổ chức chính quyền địa phương",
     "72/2025/QH15", dt.date(2025, 6, 16), "https://tailieu.vn/doc/luat-so-652025qh15-2891086.html"),
    ("72/2025/QH15", "Luật", dt.date(2025, 6, 16), "Quốc hội", "Luật Tổ chức chính quyền địa phương",
     None, None, "https://daihoidang.baoquangninh.vn/"),
    # its Vietnamese page (session 8) gives the name, which a plan cites it by
    ("63/2025/QH15", "Luật", dt.date(2025, 2, 18), "Quốc hội", "Luật Tổ chức Chính phủ", None, None,
     "https://thuviennhadat.vn/vbpl/luat-to-chuc-chinh-phu-2025-so-63-2025-qh15-639242.html"),
    # session 8: the law it followed; its end (28/02/2025) is on thuvienphapluat.vn, but no page
    # found names 63/2025/QH15 as its replacement, so replaced_by stays blank (docs/register.md)
    ("76/2015/QH13", "Luật", dt.date(2015, 6, 19), "Quốc hội", "Luật tổ chức Chính phủ", None, None,
     "https://timdapan.com/van-ban-phap-luat/luat-to-chuc-chinh-phu-so-76-2015-qh13"),
    ("66/NQ-CP", "Nghị quyết", dt.date(2025, 3, 26), "Chính phủ", "", None, None,
     "https://www.vietnam.vn/en/thu-tuong-chinh-phu-yeu-cau-cat-giam-dieu-kien-dau-tu-kinh-doanh-"
     "don-gian-hoa-thu-tuc-hanh-chinh"),
    ("171/2025/NĐ-CP", "Nghị định", dt.date(2025, 6, 30), "Chính phủ",
     "quy định về đào tạo, bồi dưỡng công chức", None, None, "https://thuviennhadat.vn/vbpl/"),
    ("172/2025/NĐ-CP", "Nghị định", dt.date(2025, 6, 30), "Chính phủ",
     "về xử lý kỷ luật cán bộ, công chức", None, None, "https://nhansu.vn/"),
    # a successor named by the press for only part of what the old decree covered: replaced in
    # part (replaced_part, tested below)
    ("112/2020/NĐ-CP", "Nghị định", dt.date(2020, 9, 18), "Chính phủ",
     "về xử lý kỷ luật cán bộ, công chức, viên chức", "172/2025/NĐ-CP", dt.date(2025, 7, 1),
     "https://luatvietnam.vn/"),
    # the reorganisation of 2025, as they were
    ("190/2025/QH15", "Nghị quyết", dt.date(2025, 2, 19), "Quốc hội",
     "quy định về xử lý một số vấn đề liên quan đến sắp xếp tổ chức bộ máy nhà nước", None, None,
     "https://thuvienphapluat.vn/"),
    ("25/2025/NĐ-CP", "Nghị định", dt.date(2025, 2, 21), "Chính phủ",
     "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ", None, None,
     LV + "co-cau-to-chuc/decree-25-2025-nd-cp-"),
    ("118/2025/NĐ-CP", "Nghị định", dt.date(2025, 6, 9), "Chính phủ",
     "về thực hiện thủ tục hành chính theo cơ chế một cửa", None, None,
     "https://www.hethongphapluat.vn/nghi-dinh-118-2025-nd-cp-"),
    ("107/2021/NĐ-CP", "Nghị định", dt.date(2021, 12, 6), "Chính phủ",
     "sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP", "118/2025/NĐ-CP",
     dt.date(2025, 7, 1), "https://www.hethongphapluat.vn/nghi-dinh-118-2025-nd-cp-"),
]


@pytest.mark.parametrize("row", CHECKED_ROWS, ids=[r[0] for r in CHECKED_ROWS])
def test_rows_checked_on_2026_12_07(row):
    key, doc_type, date, issuer, subject, successor, effective, source = row
    e = lookup(key)
    assert (e.key, e.doc_type, e.date, e.issuer, e.replaced_by, e.effective) == (
        key, doc_type, date, issuer, successor, effective)
    assert e.subject.startswith(subject) and (subject or e.subject == "")
    assert e.source.startswith(source)


def test_the_rows_whose_own_page_was_not_found_are_named_in_the_docs():
    doc = (ROOT / "docs" / "register.md").read_text(encoding="utf-8")
    section = doc.split("## Rows without their own page")[1].split("\n## ")[0]
    not_found = {line.split("|")[1].strip(" `") for line in section.splitlines()
                 if line.startswith("| `") and "not found" in line}
    assert not_found == {"22/2023/TT-BYT", "632/QĐ-TTg", "01/2018/TT-VPCP", "2546/QĐ-BTP",
                         "07/CT-TTg", "1605/QĐ-TTg"}
    assert all(lookup(k) is not None for k in not_found)


def test_the_national_cchc_programme_and_its_annual_information_plans():
    assert lookup("76/NQ-CP").subject.endswith("giai đoạn 2021-2030")
    plans = {e.date.year: e.key for e in register()
             if e.issuer == "Bộ Nội vụ" and "tuyên truyền cải cách hành chính năm" in e.subject}
    assert plans == {2021: "424/QĐ-BNV", 2022: "251/QĐ-BNV", 2024: "35/QĐ-BNV", 2025: "049/QĐ-BNV"}
    for year, key in plans.items():
        assert lookup(key).subject.endswith(f"năm {year}"), key


@pytest.mark.parametrize(("written", "key"), [("7/CT-TTg", "07/CT-TTg"), ("49/QĐ-BNV", "049/QĐ-BNV"),
                                              ("007/CT-TTg", "07/CT-TTg"), ("0/CT-TTg", None)])
def test_a_leading_zero_does_not_make_another_document(written, key):
    found = lookup(written)
    assert (found.key if found else None) == key


# -- replacements, as plankit.validity reads them -------------------------------------------------
@pytest.mark.parametrize(
    ("key", "on", "successor"),
    [
        ("61/2018/NĐ-CP", dt.date(2025, 7, 1), "118/2025/NĐ-CP"),
        ("61/2018/NĐ-CP", dt.date(2025, 6, 30), None),
        ("107/2021/ND-CP", dt.date(2026, 1, 5), "118/2025/NĐ-CP"),
        ("34/2017/NĐ-CP", dt.date(2022, 9, 14), None),
        ("34/2017/NĐ-CP", dt.date(2022, 9, 15), "63/2022/NĐ-CP"),
        ("34/2017/NĐ-CP", dt.date(2025, 3, 1), "25/2025/NĐ-CP"),  # 63/2022 was replaced in turn
        ("63/2022/NĐ-CP", dt.date(2025, 3, 1), "25/2025/NĐ-CP"),
        ("09/2015/QĐ-TTg", dt.date(2020, 1, 1), "61/2018/NĐ-CP"),
        ("09/2015/QĐ-TTg", dt.date(2025, 7, 1), "118/2025/NĐ-CP"),
        ("25/2025/NĐ-CP", dt.date(2026, 1, 1), None),
        ("76/NQ-CP", dt.date(2026, 1, 1), None),
    ],
)
def test_replaced_by_follows_the_chain_in_force(key, on, successor):
    found = replaced_by(key, on)
    assert (found.replaced_by if found else None) == successor
    if found:
        assert found.effective <= on and found.source.startswith("https://")
        assert successor in found.basis  # the successor's register title


def test_replacements_come_from_the_register_and_its_chains():
    pairs = {(r.key, r.replaced_by, r.effective) for r in replacements()}
    direct = {(e.key, e.replaced_by, e.effective) for e in register() if e.replaced_by}
    assert direct <= pairs
    assert ("34/2017/NĐ-CP", "25/2025/NĐ-CP", dt.date(2025, 3, 1)) in pairs - direct
    assert len(pairs) == len(replacements())  # each pair once


def test_status_uses_the_register_dates_and_replacements():
    assert status("34/2017/NĐ-CP", dt.date(2026, 1, 15)) == REPLACED
    assert status("25/2025/NĐ-CP", dt.date(2025, 2, 20)) == validity.NOT_YET_ISSUED
    assert status("25/2025/NĐ-CP", dt.date(2025, 2, 21)) == VALID
    assert validity.issue_date("60-NQ/TW") == dt.date(2025, 4, 12)


HEAD = "key\tissued\treplaced_by\teffective\tbasis\tsource"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("76/NQ-CP\t2021-07-15\t\t\tx\thttps://x.vn", "central document: it belongs in register.tsv"),
        ("1/KH-UBND@a/2021\t\t\t\tx\thttps://x.vn", "a row needs a date or a replacement"),
        ("1/KH-UBND@a/2021\t2021-01-01\t\t\tx\tDOMAIN.md", "a basis and a source"),
        ("1/KH-UBND@a/2021\t2021-01-01\t2/KH-UBND@a/2022\t\tx\thttps://x.vn", "go together"),
        ("1/KH-UBND@a/2021\t1/1/2021\t\t\tx\thttps://x.vn", "bad date"),
    ],
)
def test_the_local_file_loader_refuses_bad_rows(row, message):
    with pytest.raises(ValueError, match=message):
        parse_local(f"{HEAD}\n{row}\n")


def test_a_local_replacement_is_read():
    row = "1/KH-UBND@a/2021\t2021-01-04\t2/KH-UBND@a/2022\t2022-01-05\tKế hoạch 2 thay thế\thttps://x.vn/2"
    replaced, issued = parse_local(f"{HEAD}\n{row}\n")
    assert issued == {"1/kh-ubnd@a/2021": dt.date(2021, 1, 4)}
    assert repr(replaced["1/kh-ubnd@a/2021"]) == "Replacement(1/KH-UBND@a/2021 -> 2/KH-UBND@a/2022 from 2022-01-05)"


# -- the diff takes its replaced pairs from the same data ----------------------------------------
def _ministry_plan(number: str, day: str, year: int, decree: str) -> str:
    # Written for this test: a ministry's plan whose basis moves from the decree on the Ministry
    # of Home Affairs of 2017 to the one of 2025 (63/2022 came in between and is never cited).
    return (
        f"BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        f"Số: {number}/KH-BNV | Hà Nội, ngày {day} năm {year} |\n"
        "KẾ HOẠCH\n"
        f"Tuyên truyền cải cách hành chính năm {year}\n"
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình "
        "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;\n"
        f"Căn cứ Nghị định số {decree} của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ "
        "cấu tổ chức của Bộ Nội vụ;\n"
        f"Bộ Nội vụ ban hành Kế hoạch tuyên truyền cải cách hành chính năm {year} như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Nâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "Vụ Cải cách hành chính chủ trì thực hiện Kế hoạch này./.\n"
    )


def test_a_diff_across_a_replacement_chain_reports_one_replaced_pair():
    from plankit.diff import diff_plans
    from plankit.read import read_text

    old = read_text(_ministry_plan("15", "10 tháng 01", 2022, "34/2017/NĐ-CP ngày 03 tháng 4 năm 2017"), name="a.txt")
    new = read_text(_ministry_plan("21", "12 tháng 3", 2025, "25/2025/NĐ-CP ngày 21 tháng 02 năm 2025"), name="b.txt")
    d = diff_plans(old, new)
    assert d.basis_replaced == (("34/2017/NĐ-CP", "25/2025/NĐ-CP"),)
    assert d.basis_added == frozenset() and d.basis_removed == frozenset()
    assert diff_plans(new, old).basis_replaced == (("25/2025/NĐ-CP", "34/2017/NĐ-CP"),)


# -- the command line -----------------------------------------------------------------------------
def test_cli_looks_up_keys_and_says_what_applied_on_a_day(capsys):
    import json

    from plankit.cli import main

    assert main(["register", "61/2018/ND-CP", "34/2017/NĐ-CP", "--on", "2026-01-15", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["key"], r["date"], r["status"], r["in_force"]) for r in rows] == [
        ("61/2018/NĐ-CP", "2018-04-23", "replaced", "118/2025/NĐ-CP"),
        ("34/2017/NĐ-CP", "2017-04-03", "replaced", "25/2025/NĐ-CP"),
    ]
    assert rows[0]["source"].startswith("https://")


def test_cli_names_a_key_the_register_does_not_hold(capsys):
    from plankit.cli import main

    assert main(["register", "76/NQ-CP", "261/KH-UBND"]) == 1
    out, err = capsys.readouterr()
    assert "76/NQ-CP" in out and "2021-07-15" in out
    assert err.count("\n") == 1 and "'261/KH-UBND'" in err and "is not in the register" in err


def test_only_the_rows_a_page_says_were_replaced_in_part_are():
    """112/2020/NĐ-CP (cán bộ, công chức, viên chức): 172/2025/NĐ-CP (cán bộ, công chức)
    replaced it from 2025-07-01 (znews.vn, laodong.vn); what became of its part on viên chức
    no page says. 101/2017/NĐ-CP: no page found says 171/2025/NĐ-CP replaced it."""
    assert {e.key: e.replaced_part for e in register() if e.replaced_part} == {
        "112/2020/NĐ-CP": "cán bộ, công chức"}
    assert lookup("112/2020/NĐ-CP").partly_replaced and not lookup("61/2018/NĐ-CP").partly_replaced
    assert lookup("101/2017/NĐ-CP").replaced_by is None


REGISTER_HEAD = "key\tdoc_type\tdate\tissuer\tsubject\treplaced_by\teffective\tsource"
OLD_ROW = "1/2020/NĐ-CP\tNghị định\t2020-01-02\tChính phủ\tvề x, y, z\t2/2025/NĐ-CP\t2025-07-01\thttps://x.vn/1"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # the file of before: eight columns, whole replacements only
        (f"{REGISTER_HEAD}\n{OLD_ROW}\n", None),
        # the optional last column, left out of a row, or blank
        (f"{REGISTER_HEAD}\treplaced_part\n{OLD_ROW}\n", None),
        (f"{REGISTER_HEAD}\treplaced_part\n{OLD_ROW}\t\n", None),
        (f"{REGISTER_HEAD}\treplaced_part\n{OLD_ROW}\tx, y\n", "x, y"),
    ],
)
def test_a_register_row_may_say_the_part_replaced(text, part):
    from plankit.register import parse_register

    (entry,) = parse_register(text).values()
    assert (entry.replaced_by, entry.replaced_part, entry.partly_replaced) == ("2/2025/NĐ-CP", part, part is not None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{REGISTER_HEAD}\treplaced_part\n{OLD_ROW.replace('2/2025/NĐ-CP', '').replace('2025-07-01', '')}\tx\n",
         "replaced_part needs replaced_by"),
        (f"{REGISTER_HEAD}\treplaced_part\n{OLD_ROW}\tx\ty\n", "10 cells, expected 9"),
        (f"{REGISTER_HEAD}\tpart\n{OLD_ROW}\n", "expected columns"),
    ],
)
def test_a_bad_part_column_is_refused(text, message):
    from plankit.register import parse_register

    with pytest.raises(ValueError, match=message):
        parse_register(text)


def test_a_local_row_may_say_the_part_replaced():
    row = "1/KH-UBND@a/2021\t2021-01-04\t2/KH-UBND@a/2022\t2022-01-05\tKế hoạch 2 thay thế\thttps://x.vn/2"
    replaced, _ = parse_local(f"{HEAD}\treplaced_part\n{row}\tphần tuyên truyền\n")
    assert replaced["1/kh-ubnd@a/2021"].part == "phần tuyên truyền"
    replaced, _ = parse_local(f"{HEAD}\treplaced_part\n{row}\n")
    assert replaced["1/kh-ubnd@a/2021"].part is None
    with pytest.raises(ValueError, match="replaced_part needs replaced_by"):
        parse_local(f"{HEAD}\treplaced_part\n1/KH-UBND@a/2021\t2021-01-04\t\t\tx\thttps://x.vn\tphần\n")
