"""The documents administrative-reform communication plans commonly cite, added to the register in
session 8 with the page each fact was read on (docs/register.md, "Added in session 8 for the plans
of other issuers"), the checks every row must pass, and what the new facts do to a plan: one
resting on a replaced document gets the stale-basis finding naming the successor, one resting on
a document still in force gets none."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pytest

from plankit import lint_plan, read_text
from plankit.cite import canonical_key
from plankit.register import laws_named, lookup, register
from plankit.validity import NOT_YET_ISSUED, REPLACED, VALID, replaced_by, replacements, status

D = dt.date
TODAY = D(2026, 12, 7)  # the day the rows were checked

# key, doc_type, date, issuer, subject (exact; "" when the source gives it only in English),
# replaced_by, effective, host of the source page
ADDED = [
    ("67/2006/QH11", "Luật", D(2006, 6, 29), "Quốc hội", "Luật Công nghệ thông tin", None, None,
     "thuvienphapluat.vn"),
    ("86/2015/QH13", "Luật", D(2015, 11, 19), "Quốc hội", "Luật An toàn thông tin mạng",
     "116/2025/QH15", D(2026, 7, 1), "nacis.gov.vn"),
    ("20/2023/QH15", "Luật", D(2023, 6, 22), "Quốc hội", "Luật Giao dịch điện tử", None, None,
     "stttt.quangbinh.gov.vn"),
    ("104/2016/QH13", "Luật", D(2016, 4, 6), "Quốc hội", "Luật Tiếp cận thông tin", None, None,
     "hoidapphapluat.co"),
    ("83/2015/QH13", "Luật", D(2015, 6, 25), "Quốc hội", "Luật Ngân sách nhà nước", None, None,
     "thukyluat.vn"),
    ("09/2017/NĐ-CP", "Nghị định", D(2017, 2, 9), "Chính phủ",
     "quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành "
     "chính nhà nước", None, None, "thuvienphapluat.vn"),
    ("766/QĐ-TTg", "Quyết định", D(2022, 6, 23), "Thủ tướng Chính phủ",
     "phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh "
     "nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường "
     "điện tử", None, None, "baocaotaichinh.vn"),
    ("121-KL/TW", "Kết luận", D(2025, 1, 24), "Ban Chấp hành Trung ương Đảng", "", None, None,
     "news.laodong.vn"),
    # rows of before that gained their replacement in session 8
    ("51/2005/QH11", "Luật", D(2005, 11, 29), "Quốc hội", "Luật Giao dịch điện tử",
     "20/2023/QH15", D(2024, 7, 1), "tailieu.vn"),
    ("24/2018/QH14", "Luật", D(2018, 6, 12), "Quốc hội", "Luật An ninh mạng", "116/2025/QH15",
     D(2026, 7, 1), "qpvn.vn"),
]


NEW_ROWS = [r[0] for r in ADDED[:8]]  # the last two were rows before; they gained a replacement


@pytest.mark.parametrize("row", ADDED, ids=[r[0] for r in ADDED])
def test_the_rows_added_in_session_8(row):
    key, doc_type, date, issuer, subject, successor, effective, host = row
    e = lookup(key)
    assert (e.key, e.doc_type, e.date, e.issuer, e.subject, e.replaced_by, e.effective) == (
        key, doc_type, date, issuer, subject, successor, effective)
    assert urlparse(e.source).hostname.removeprefix("www.") == host
    assert e.replaced_part is None


def test_the_added_rows_are_named_in_the_docs_with_their_pages():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "register.md").read_text(encoding="utf-8")
    section = doc.split("## Added in session 8 for the plans of other issuers")[1].split("\n## ")[0]
    for key, *_rest in ADDED:
        assert f"`{key}`" in section, key
    for key in NEW_ROWS:
        assert lookup(key).source in section, key


# -- checks every row passes (the new ones included) ----------------------------------------------
DOC_TYPES = {"Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Luật", "Thông tư", "Kết luận",
             "Quy định", "Quy chế", "Công văn", "Công điện", "Thông báo", "Kế hoạch", "Hướng dẫn",
             "Báo cáo"}


def test_every_row_is_well_formed():
    keys = [e.key for e in register()]
    assert len(keys) == len(set(keys))  # one row per document
    for e in register():
        assert canonical_key(e.key) == e.key, e.key
        assert e.doc_type in DOC_TYPES, e.key
        assert e.issuer and e.issuer == e.issuer.strip(), e.key
        assert e.source.startswith(("https://", "http://")) and " " not in e.source, e.key
        assert e.subject == e.subject.strip() and "\t" not in e.subject, e.key
        assert bool(e.replaced_by) == (e.effective is not None), e.key
        assert e.replaced_part is None or e.replaced_by, e.key


def test_every_date_is_plausible():
    for e in register():
        assert D(1945, 9, 2) <= e.date <= TODAY, e.key
        year = re.search(r"/((?:19|20)\d\d)/", e.key)  # 61/2018/NĐ-CP bears its year
        if year:
            assert e.date.year == int(year.group(1)), e.key
        if e.effective:
            assert e.date <= e.effective, e.key


def test_every_replacement_chain_ends():
    successor = {e.key: e.replaced_by for e in register() if e.replaced_by}
    for start in successor:
        seen, key = {start}, successor[start]
        while key in successor:
            assert key not in seen, f"replacement cycle through {start}"
            seen.add(key)
            key = successor[key]
        assert lookup(key) is not None and not lookup(key).replaced_by, start


def test_the_new_replacements_are_pairs_a_diff_sees():
    pairs = {(r.key, r.replaced_by, r.effective) for r in replacements()}
    assert {("86/2015/QH13", "116/2025/QH15", D(2026, 7, 1)),
            ("24/2018/QH14", "116/2025/QH15", D(2026, 7, 1)),
            ("51/2005/QH11", "20/2023/QH15", D(2024, 7, 1))} <= pairs


@pytest.mark.parametrize(
    ("key", "on", "expected", "successor"),
    [
        ("86/2015/QH13", D(2026, 6, 30), VALID, None),
        ("86/2015/QH13", D(2026, 7, 1), REPLACED, "116/2025/QH15"),
        ("24/2018/QH14", D(2026, 7, 1), REPLACED, "116/2025/QH15"),
        ("51/2005/QH11", D(2024, 6, 30), VALID, None),
        ("51/2005/QH11", D(2024, 7, 1), REPLACED, "20/2023/QH15"),
        ("20/2023/QH15", D(2026, 12, 1), VALID, None),
        ("67/2006/QH11", D(2026, 12, 1), VALID, None),
        ("121-KL/TW", D(2025, 1, 23), NOT_YET_ISSUED, None),
    ],
)
def test_status_on_a_day(key, on, expected, successor):
    assert status(key, on) == expected
    found = replaced_by(key, on)
    assert (found.replaced_by if found else None) == successor


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("Luật Giao dịch điện tử", ["51/2005/QH11", "20/2023/QH15"]),
        ("Luật An toàn thông tin mạng", ["86/2015/QH13"]),
        ("Luật Công nghệ thông tin", ["67/2006/QH11"]),
        ("Luật Tiếp cận thông tin", ["104/2016/QH13"]),
        ("Luật Ngân sách nhà nước", ["83/2015/QH13"]),
        ("Luật An ninh mạng", ["24/2018/QH14", "116/2025/QH15"]),
    ],
)
def test_the_laws_are_found_by_name(name, keys):
    assert [e.key for e in next(iter(laws_named(name).values()))] == keys


# -- what the facts do to a plan ------------------------------------------------------------------
def _plan(day: int, month: int, year: int, basis: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 21/KH-UBND\n"
        f"Hòa Bình, ngày {day:02d} tháng {month:02d} năm {year}\n\n"
        f"KẾ HOẠCH\nTuyên truyền cải cách hành chính năm {year}\n\n"
        f"Căn cứ {basis};\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, công chức và Nhân dân.\n"
    )


def _stale(text: str) -> list[str]:
    return [f.message.split(" / ")[1] for f in lint_plan(read_text(text)) if f.rule == "stale-basis"]


STALE = [
    # by number
    (_plan(10, 8, 2026, "Luật An toàn thông tin mạng số 86/2015/QH13 ngày 19/11/2015"),
     ["'86/2015/QH13' was replaced by 116/2025/QH15 from 2026-07-01"]),
    (_plan(5, 1, 2027, "Luật An ninh mạng số 24/2018/QH14 ngày 12/6/2018"),
     ["'24/2018/QH14' was replaced by 116/2025/QH15 from 2026-07-01"]),
    (_plan(15, 9, 2024, "Luật Giao dịch điện tử số 51/2005/QH11 ngày 29/11/2005"),
     ["'51/2005/QH11' was replaced by 20/2023/QH15 from 2024-07-01"]),
    # by name and date only (the register links the name to the number; the message names the
    # law as written, its number beside)
    (_plan(10, 8, 2026, "Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015"),
     ["'Luật An toàn thông tin mạng' (86/2015/QH13) was replaced by 116/2025/QH15 from 2026-07-01"]),
    (_plan(20, 3, 2025, "Luật Giao dịch điện tử ngày 29 tháng 11 năm 2005"),
     ["'Luật Giao dịch điện tử' (51/2005/QH11) was replaced by 20/2023/QH15 from 2024-07-01"]),
    # a replacement of before session 8, for comparison
    (_plan(15, 1, 2026, "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ"),
     ["'61/2018/NĐ-CP' was replaced by 118/2025/NĐ-CP from 2025-07-01"]),
]

IN_FORCE = [
    _plan(20, 3, 2026, "Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015"),  # before 1/7/2026
    _plan(30, 6, 2026, "Luật An ninh mạng số 24/2018/QH14 ngày 12/6/2018"),
    _plan(15, 5, 2024, "Luật Giao dịch điện tử ngày 29 tháng 11 năm 2005"),  # before 1/7/2024
    _plan(20, 3, 2025, "Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023"),
    _plan(20, 3, 2026, "Luật Giao dịch điện tử (sửa đổi) ngày 22/6/2023"),
    _plan(20, 3, 2026, "Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006"),
    _plan(20, 3, 2026, "Luật Tiếp cận thông tin ngày 06 tháng 4 năm 2016"),
    _plan(20, 3, 2025, "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015"),
    _plan(20, 3, 2026, "Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ"),
    _plan(20, 3, 2026, "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ"),
    _plan(20, 3, 2025, "Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương Đảng"),
    _plan(20, 3, 2026, "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ"),
]


@pytest.mark.parametrize(("text", "expected"), STALE, ids=[e[0][:40] for e in STALE])
def test_a_plan_resting_on_a_replaced_document_is_told_its_successor(text, expected):
    assert _stale(text) == expected


@pytest.mark.parametrize("text", IN_FORCE, ids=lambda t: t.split("Căn cứ ")[1][:40])
def test_a_plan_resting_on_a_document_in_force_gets_no_stale_basis(text):
    assert _stale(text) == []


@pytest.mark.parametrize("text", IN_FORCE, ids=lambda t: t.split("Căn cứ ")[1][:40])
def test_a_citation_that_agrees_with_its_row_draws_no_register_finding(text):
    rules = {f.rule for f in lint_plan(read_text(text))}
    assert not rules & {"citation-register", "citation-date-year", "basis-after-plan"}
