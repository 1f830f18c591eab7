"""The register of central and party documents: one row per document, a source on every row,
keys as the citation extractor writes them, and the loader's checks."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from plankit.cite import canonical_key
from plankit.register import (
    RegisterEntry,
    document_title,
    lookup,
    parse_register,
    register,
    register_frame,
    register_key,
    same_day_entries,
)

HEAD = "key\tdoc_type\tdate\tissuer\tsubject\treplaced_by\teffective\tsource"
ROW = "76/NQ-CP\tNghị quyết\t2021-07-15\tChính phủ\tban hành ...\t\t\thttps://example.vn/76"


def _raw_rows() -> list[list[str]]:
    raw = resources.files("plankit.data").joinpath("register.tsv").read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def test_keys_are_unique_and_canonical():
    rows = _raw_rows()
    keys = [register_key(r[0]) for r in rows]
    assert len(keys) == len(set(keys)) == len(register())
    for entry in register():
        assert canonical_key(entry.key) == entry.key, entry.key


def test_every_row_has_a_source_and_its_facts():
    for entry in register():
        assert entry.source.startswith(("https://", "http://")), entry.key
        assert entry.doc_type and entry.issuer and isinstance(entry.date, dt.date), entry.key
        assert dt.date(1945, 1, 1) < entry.date < dt.date(2027, 1, 1), entry.key
        if entry.key_year is not None:  # a normative number carries the year of its date
            assert entry.key_year == entry.date.year, entry.key


@pytest.mark.parametrize(
    ("key", "date", "issuer"),
    [
        ("76/NQ-CP", dt.date(2021, 7, 15), "Chính phủ"),
        ("57-NQ/TW", dt.date(2024, 12, 22), "Bộ Chính trị"),
        ("27-NQ/TW", dt.date(2022, 11, 9), "Ban Chấp hành Trung ương Đảng"),
        ("42/2022/NĐ-CP", dt.date(2022, 6, 24), "Chính phủ"),
        ("1909/QĐ-TTg", dt.date(2021, 11, 12), "Thủ tướng Chính phủ"),
        ("749/QĐ-TTg", dt.date(2020, 6, 3), "Thủ tướng Chính phủ"),
    ],
)
def test_documents_the_corpus_defects_need(key, date, issuer):
    entry = lookup(key)
    assert (entry.date, entry.issuer) == (date, issuer)


def test_lookup_ignores_spacing_and_diacritics():
    assert lookup("57- NQ/TW") is lookup("57-NQ/TW") is lookup("57-nq/tw")
    assert lookup("42/2022/ND-CP").key == "42/2022/NĐ-CP"
    assert lookup("137/KH-SKHCN") is None


def test_public_api_for_graph_and_draft():
    assert document_title("76/NQ-CP") == (
        "Nghị quyết 76/NQ-CP ngày 15/07/2021 của Chính phủ ban hành Chương trình tổng thể cải "
        "cách hành chính nhà nước giai đoạn 2021-2030"
    )
    assert [e.key for e in same_day_entries(dt.date(2024, 12, 22))] == ["57-NQ/TW"]
    entry = lookup("42/2022/NĐ-CP")
    assert isinstance(entry, RegisterEntry)
    assert (entry.number, entry.symbol, entry.key_year) == ("42", "2022/NĐ-CP", 2022)
    assert repr(lookup("57-NQ/TW")) == "RegisterEntry(57-NQ/TW, Nghị quyết, 2024-12-22, Bộ Chính trị)"
    frame = register_frame()
    assert len(frame) == len(register()) and frame["source"].notna().all()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("key\tdate\n", "expected columns"),
        (f"{HEAD}\n76/NQ-CP\tNghị quyết\n", "2 cells, expected 8"),
        (f"{HEAD}\n{ROW.replace('https://example.vn/76', '')}\n", "source is empty"),
        (f"{HEAD}\n{ROW.replace('https://example.vn/76', 'DOMAIN.md')}\n", "must be a web address"),
        (f"{HEAD}\n{ROW.replace('2021-07-15', '15/7/2021')}\n", "bad date"),
        (f"{HEAD}\n{ROW}\n{ROW}\n", "listed twice"),
        (f"{HEAD}\n{ROW.replace(chr(9) + chr(9) + chr(9), chr(9) + '1/NQ-CP' + chr(9) + chr(9))}\n",
         "replaced_by and effective go together"),
    ],
)
def test_loader_rejects_bad_rows(text, message):
    with pytest.raises(ValueError, match=message):
        parse_register(text)


@pytest.mark.parametrize(
    ("citation", "found"),
    [
        # a leading zero left out, and the year wrong: the register's 07/CT-TTg answers
        ("Chỉ thị số 7/CT-TTg ngày 21/3/2022 của Thủ tướng Chính phủ", ["7/CT-TTg ngày 21/3/2022"]),
        ("Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ", []),
        ("Nghị định số 80/2025/NĐ-CP ngày 01/4/2025 của Chính phủ", []),
        ("Nghị định số 80/2025/NĐ-CP ngày 10/4/2025 của Chính phủ", ["80/2025/NĐ-CP ngày 10/4/2025"]),
        ("Quyết định số 049/QĐ-BNV ngày 01/3/2025 của Bộ Nội vụ", []),
        ("Quyết định số 650/QĐ-LĐTBXH ngày 21/7/2022 của Bộ Lao động - Thương binh và Xã hội", []),
        # a decision of the Prime Minister given to the Government
        ("Quyết định số 1589/QĐ-TTg ngày 24/7/2025 của Chính phủ", ["Chính phủ"]),
    ],
)
def test_citation_register_on_rows_added_this_session(citation, found):
    from plankit.lint.rules.registry import fires

    text = f"KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n\nCăn cứ {citation};"
    assert fires(text, "citation-register") == found


@pytest.mark.parametrize(
    ("citation", "found"),
    [
        # the register's 76/NQ-CP is of 15/7/2021: the same subject with another year is a slip
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2022 của Chính phủ ban hành Chương trình tổng thể cải "
         "cách hành chính nhà nước giai đoạn 2021-2030", [("76/NQ-CP ngày 15/7/2022", "error")]),
        # another year and another subject: the Government's 76th resolution of another year
        ("Nghị quyết số 76/NQ-CP ngày 10/5/2024 của Chính phủ về phiên họp Chính phủ thường kỳ "
         "tháng 4 năm 2024", []),
        # another year and no subject: cannot tell, so a warning that says so
        ("Nghị quyết số 76/NQ-CP ngày 10/5/2024 của Chính phủ", [("76/NQ-CP ngày 10/5/2024", "warning")]),
        # a number that carries its year is one document whatever the subject
        ("Nghị định số 80/2025/NĐ-CP ngày 10/4/2025 của Chính phủ về phiên họp",
         [("80/2025/NĐ-CP ngày 10/4/2025", "error")]),
    ],
)
def test_citation_register_tells_a_year_slip_from_another_years_document(citation, found):
    from plankit import lint_plan, read_text

    text = f"KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n\nCăn cứ {citation};"
    plan = read_text(text)
    got = [(plan.text[f.span.start:f.span.end], f.severity) for f in lint_plan(plan)
           if f.rule == "citation-register"]
    assert got == found
