"""Folding, tone keys and tokens: the one comparison form every module uses."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plankit.text import LineIndex, fold, fold_equal, nfc, tokenize, tone_key

# (a, b): spellings that must compare equal once folded
EQUAL = [
    ("Cần Thơ", "CAN THO"),
    ("Đảng", "dang"),
    ("Ðảng", "đảng"),  # U+00D0, the look-alike of Đ
    ("hòa", "hoà"),
    ("thủy", "thuỷ"),
    ("khỏe", "khoẻ"),
    (unicodedata.normalize("NFD", "Thừa Thiên Huế"), "Thừa Thiên Huế"),
    ("Sở  Khoa học", "SO KHOA HOC"),
]


@pytest.mark.parametrize(("a", "b"), EQUAL)
def test_fold_equal(a, b):
    assert fold_equal(nfc(a), nfc(b))


@pytest.mark.parametrize(("a", "b", "same"), [("hòa", "hoà", True), ("thủy", "thuỷ", True), ("hòa", "hoa", False), ("số", "sở", False)])
def test_tone_key_ignores_only_tone_placement(a, b, same):
    assert (tone_key(a) == tone_key(b)) is same


@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text):
    text = nfc(text)
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_fast_path_matches_the_table(text):
    from plankit.text import _FOLD

    assert fold(text) == text.translate(_FOLD)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", ["Nghị", "quyết", "số", "76/NQ-CP", "ngày", "15/7/2021"]),
        ("45/2020/NĐ-CP; 26-CTr/TU", ["45/2020/NĐ-CP", ";", "26-CTr/TU"]),
        ("01/2020/TTLT-BTC-BNV và 15a/2025/NĐ-CP", ["01/2020/TTLT-BTC-BNV", "và", "15a/2025/NĐ-CP"]),
    ],
)
def test_tokenize_keeps_document_numbers_whole(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


@given(st.text(alphabet="ab\n", max_size=40), st.data())
def test_line_index_round_trips(text, data):
    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    line, column = index.position(offset)
    assert index.offset(line, column) == offset
