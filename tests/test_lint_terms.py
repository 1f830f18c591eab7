"""dropped-syllable (PK510): a fixed term with an inner syllable missing, and its term list."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.lint import lint_plan
from plankit.read import read_text
from plankit.text import fold, tone_key
from plankit.typos import fixed_terms

TODAY = dt.date(2026, 6, 1)
ROOT = Path(__file__).resolve().parents[1]


def lint(body: str, *, ocr: bool = False) -> list[tuple[str, str | None]]:
    text = f"Hải Dương, ngày 15 tháng 02 năm 2023\nKẾ HOẠCH\nChuyển đổi số năm 2023\n\n{body}"
    plan = read_text(text, name="x.ocr.txt" if ocr else "x.txt")
    if ocr:
        plan = plan.with_(source=replace(plan.source, ocr=True))
    return [(f.surface, f.suggestion) for f in lint_plan(plan, rules=["dropped-syllable"], today=TODAY)]


# (body, [(surface, suggestion)]): what must fire, with the term restored in the case of the text
MUST = [
    ("Ngày 26/3/2022, đã tổ chức chuỗi sự kiện Ngày chuyển số\nvới chủ đề", [("chuyển số", "chuyển đổi số")]),
    ("Đẩy mạnh cải hành chính nhà nước.", [("cải hành chính", "cải cách hành chính")]),
    ("Rà soát, đơn giản hóa thủ tục chính.", [("thủ tục chính", "thủ tục hành chính")]),
    ("Uỷ nhân dân các huyện", [("Uỷ nhân dân", "Uỷ ban nhân dân")]),
    ("ỦY BAN DÂN TỈNH HẢI DƯƠNG", [("ỦY BAN DÂN", "ỦY BAN NHÂN DÂN")]),
    ("Ban đạo cải cách hành chính tỉnh", [("Ban đạo", "Ban Chỉ đạo")]),
    ("Ủy ban Mặt Tổ quốc Việt Nam tỉnh", [("Mặt Tổ quốc", "Mặt trận Tổ quốc")]),
    ("Cung cấp dịch công trực tuyến toàn trình.", [("dịch công trực tuyến", "dịch vụ công trực tuyến")]),
    ("xây dựng chính quyền tử, chính quyền số", [("chính quyền tử", "chính quyền điện tử")]),
    ("Cập nhật cơ sở liệu quốc gia về dân cư", [("cơ sở liệu", "cơ sở dữ liệu")]),
    ("xây dựng chính số", [("chính số", None)]),  # chính quyền số or chính phủ số: no suggestion
    # a PDF copy wraps the term over two lines
    ("Triển khai Trung tâm Phục vụ hành\ncông tỉnh", [("Trung tâm Phục vụ hành\ncông", "Trung tâm Phục vụ hành chính\ncông")]),
]

# bodies where nothing must fire
MUST_NOT = [
    "Ngày chuyển đổi số tỉnh Hải Dương; cải cách hành chính; thủ tục hành chính.",
    "Cải cách chính sách thuế; cải cách chính trị.",  # "chính sách", "chính trị" are words
    "Ủy ban Dân tộc; Hội đồng Dân tộc của Quốc hội.",  # row's not_before
    "Chuyển số liệu lên hệ thống; chuyển số lượng hồ sơ.",  # "số liệu", "số lượng"
    "Chuyển số\nliệu lên hệ thống.",  # the next word on the next line
    "Nâng cao hiệu quả hành chính số hóa.",  # "hành chính" before "chính số"
    "Thông tin thông qua Cổng thông tin điện tử.",  # "thông qua"
    "Bộ phận một cửa, một cửa liên thông; Ban Chỉ đạo; Mặt trận Tổ quốc Việt Nam.",
    "Xây dựng chính quyền điện tử, chính phủ số, kinh tế số, xã hội số.",
    "Ủy ban nhân dân tỉnh; Hội đồng nhân dân tỉnh; văn bản quy phạm pháp luật.",
    "Công an thông tin kịp thời cho người dân.",  # "an toàn thông tin" is not listed
]


@pytest.mark.parametrize(("body", "expected"), MUST)
def test_fires(body, expected):
    assert lint(body) == expected


@pytest.mark.parametrize("body", MUST_NOT)
def test_does_not_fire(body):
    assert lint(body) == []


def test_ocr_plans_are_left_alone():
    assert lint("Ngay chuyén sé", ocr=True) == []
    assert lint("Ngày chuyển số với chủ đề", ocr=True) == []


def test_suggestion_is_a_fix_that_is_not_applied_by_default():
    plan = read_text("KẾ HOẠCH\nChuyển đổi số năm 2023\n\nNgày chuyển số tỉnh.", name="x.txt")
    (finding,) = lint_plan(plan, rules=["PK510"], today=TODAY)
    assert finding.code == "PK510" and finding.severity == "warning"
    assert finding.fix is not None and not finding.fix.safe
    assert finding.message == (
        "'chuyển số' thiếu chữ: có lẽ là 'chuyển đổi số' / 'chuyển số' lacks a syllable: probably 'chuyển đổi số'"
    )


# -- the term list ----------------------------------------------------------------------------------
def test_terms_are_unique_nfc_and_long_enough():
    keys = [tone_key(t.term.lower()) for t in fixed_terms()]
    assert len(keys) == len(set(keys))
    for t in fixed_terms():
        assert unicodedata.normalize("NFC", t.term) == t.term
        assert len(t.term.split()) >= 3, t.term
        assert t.shortened and t.note


def _phrases_of(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W\d_]+", tone_key(text.lower()))) + " "


def test_no_shortened_form_is_a_phrase_of_the_restorers_sources():
    """Every shortened form is absent from the administrative and news text plankit ships or
    reads (an occurrence there would be a correct phrase the rule would flag), unless the next
    word makes a word with its last syllable or the row's not_before stops it."""
    from plankit.lint._words import FOLDED_COMPOUNDS
    from plankit.restore.sources import underthesea_corpus_path, viet74k_path

    texts = [(ROOT / "plankit/data/restore/admin.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "plans").rglob("*.txt")]
    vlsp = underthesea_corpus_path()
    if vlsp is not None and Path(vlsp).exists():
        texts.append(" ".join(line.split("\t")[0] for line in Path(vlsp).read_text(encoding="utf-8").splitlines()))
    words = _phrases_of("\n".join(texts))
    known = set()
    v74k = viet74k_path()
    if v74k is not None and Path(v74k).exists():
        known = {tone_key(w.strip().lower()) for w in Path(v74k).read_text(encoding="utf-8").splitlines()}
    for term in fixed_terms():
        for form, _ in term.shortened:
            key = tone_key(form.lower())
            assert key not in known, (term.term, form)
            for m in re.finditer(" " + re.escape(key) + r" (\w+)", words):
                after = m.group(1)
                assert fold(after) in term.stops or fold(f"{key.split()[-1]} {after}") in FOLDED_COMPOUNDS, (
                    term.term, form, after)


# -- properties -------------------------------------------------------------------------------------
_FILLER = ["tỉnh", "năm", "với", "các", "đơn vị", "trên địa bàn", "theo", "và"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(fixed_terms()), st.sampled_from(_FILLER), st.sampled_from(_FILLER))
def test_a_term_written_in_full_never_fires(term, before, after):
    assert lint(f"Triển khai {before} {term.term} {after}.") == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(fixed_terms()), st.data())
def test_a_dropped_inner_syllable_fires_and_its_fix_restores_the_term(term, data):
    form, _ = data.draw(st.sampled_from(term.shortened))
    found = lint(f"Triển khai theo {form} trên địa bàn.")
    assert [s for s, _ in found] == [form]
    same = [t for t in fixed_terms() if tone_key(form.lower()) in {tone_key(f.lower()) for f, _ in t.shortened}]
    if len(same) == 1:  # a form of two terms ("chính số") names both and suggests neither
        assert tone_key(found[0][1].lower()) == tone_key(term.term.lower())
    else:
        assert found[0][1] is None
