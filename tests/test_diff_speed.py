"""The faster forms of the comparison's hot spots give the same values as the plain forms they
replace (no timings here: ``python -m benchmarks diff`` measures the speed)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.diff.align import _trigrams
from plankit.diff.compare import _ChangeIndex
from plankit.diff.result import Change
from plankit.diff.tokens import Bag, ocr_clean, tokens_of
from plankit.model import Span
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


def _plain_similarity(texts_a: list[list[str]], texts_b: list[list[str]]) -> float:
    """Bag similarity as first written: each text's Counters made at once, then added."""

    def counted(texts):
        words, pairs, n = Counter(), Counter(), 0
        for keys in texts:
            words = words + Counter(keys)
            pairs = pairs + Counter(pairwise(keys))
            n += len(keys)
        return words, pairs, n

    (wa, pa, na), (wb, pb, nb) = counted(texts_a), counted(texts_b)
    if not na or not nb:
        return 0.0
    uni = sum(min(wa[k], wb[k]) for k in wa) * 2 / (na + nb)
    if na < 2 or nb < 2:
        return uni
    return (uni + sum(min(pa[k], pb[k]) for k in pa) * 2 / (na + nb - 2)) / 2


def _bag(texts: list[list[str]]) -> Bag:
    out = Bag()
    for keys in texts:
        out = out + Bag(keys)
    return out


@pytest.mark.parametrize(
    ("texts_a", "texts_b", "expected"),
    [
        ([["kinh", "phi", "thuc", "hien"]], [["kinh", "phi", "thuc", "hien"]], 1.0),
        ([["kinh", "phi"], ["thuc", "hien"]], [["kinh", "phi", "thuc", "hien"]], (1.0 + 2 * 2 / 6) / 2),
        ([["nam", "2025"]], [["nam"]], 2 / 3),
        ([], [["a"]], 0.0),
    ],
)
def test_bag_table(texts_a, texts_b, expected):
    assert _bag(texts_a).similarity(_bag(texts_b)) == pytest.approx(expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcd"), max_size=6), max_size=4),
       st.lists(st.lists(st.sampled_from("abcd"), max_size=6), max_size=4))
def test_bag_of_several_texts_counts_as_their_sum(texts_a, texts_b):
    """Counted lazily, from the key lists of each text: the same value to the last bit (no
    word pair across two texts)."""
    a, b = _bag(texts_a), _bag(texts_b)
    assert a.similarity(b) == _plain_similarity(texts_a, texts_b)
    assert a.n == sum(map(len, texts_a))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab c", max_size=30))
def test_trigrams_are_every_three_characters(text):
    padded = f" {text} "
    assert _trigrams(text) == Counter(padded[i : i + 3] for i in range(len(padded) - 2))


_spans = st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda p: Span(p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_spans, _spans), max_size=12), st.none() | _spans, st.none() | _spans)
def test_changes_inside_a_section_pair(spans, old, new):
    """What ``_final_pair`` tested change by change: old text not empty and inside the old
    section, or new text not empty and inside the new section."""
    changes = [Change("substantive", "", "", "", a, b, "") for a, b in spans]

    def inside(c: Change) -> bool:
        if old is not None and c.old_span.end > c.old_span.start and old.contains(c.old_span):
            return True
        return new is not None and c.new_span.end > c.new_span.start and new.contains(c.new_span)

    assert _ChangeIndex(changes).inside(old, new) == [c for c in changes if inside(c)]
