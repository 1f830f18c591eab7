"""The faster forms of the comparison's hot spots give the same values as the plain forms they
replace (no timings here: ``python -m benchmarks diff`` measures the speed)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.diff.tokens import ocr_clean, tokens_of
from plankit.text import _TOKEN_RE, fold

# ocr_clean as first written: str.translate for the symbols, the lookbehinds before the
# character looked for. The faster patterns must find exactly the same.
_PLAIN_SYMBOLS = str.maketrans({"¢": "e", "€": "e", "¥": "y"})
_PLAIN_AMPERSAND = re.compile(r"(?<=[a-z])&(?![a-z])")
_PLAIN_DIGITS = re.compile(r"(?<=[a-z])[01456]{1,2}(?![0-9/])|(?<![0-9a-z/])[01456]{1,2}(?=[a-z]+\b(?!/))")
_DIGIT_LETTERS = str.maketrans({"0": "o", "1": "l", "4": "a", "5": "s", "6": "o"})


def _plain_ocr_clean(folded: str) -> str:
    text = _PLAIN_AMPERSAND.sub("e", folded.translate(_PLAIN_SYMBOLS))
    return _PLAIN_DIGITS.sub(lambda m: m.group().translate(_DIGIT_LETTERS), text)


def _plain_tokens(text: str, *, ocr: bool, punct: bool) -> list[tuple[str, int, int, str]]:
    folded = ocr_clean(fold(text)) if ocr else fold(text)
    punct_keys = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "“": '"', "”": '"', "„": '"',
                                "‘": "'", "’": "'", "…": "."})
    out = []
    for m in _TOKEN_RE.finditer(folded):
        kind = m.lastgroup or "punct"
        if kind == "punct" and not punct:
            continue
        key = m.group().translate(punct_keys) if kind == "punct" else m.group()
        out.append((key, m.start(), m.end(), kind))
    return out


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        ("s6 16p nghi¢p k& kh&cn 2025 21thdng", "so lop nghiep ke kh&cn 2025 21thdng"),
        ("t6ng s6 1ap 4p", "tong so lap ap"),
        ("26-ctr/tu 15a/2025/nd-cp 4168/qd-ubnd", "26-ctr/tu 15a/2025/nd-cp 4168/qd-ubnd"),
        ("6 thang, 10 ngay, 1a", "6 thang, 10 ngay, la"),
        ("s&\nk&, kh&", "se\nke, khe"),
        ("a14/ b1 c15x hi€u ¥", "a14/ bl clsx hieu y"),
        ("&s6 s60 s66 s666", "&so soo soo s666"),
        ("", ""),
    ],
)
def test_ocr_clean_table(folded, expected):
    assert ocr_clean(folded) == expected == _plain_ocr_clean(folded)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="as01456789&/ -.\n¢€¥xz_", max_size=40))
def test_ocr_clean_finds_what_the_plain_patterns_find(folded):
    assert ocr_clean(folded) == _plain_ocr_clean(folded)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="Kế hoạch số 12/KH-UBND–“”…,.;:_ s6 16p\n2025ĐđÂ", max_size=60), st.booleans(), st.booleans())
def test_tokens_of_reads_the_token_pattern(text, ocr, punct):
    assert [tuple(t) for t in tokens_of(text, ocr=ocr, punct=punct)] == _plain_tokens(text, ocr=ocr, punct=punct)
