"""The faster forms of the diff's word diff and restored view give exactly what the plain forms
gave (no timings here: ``python -m benchmarks diff`` measures the speed).

* ``tokens._direct`` computes :class:`difflib.SequenceMatcher`'s opcodes itself;
* ``shown._restored`` finds the model's windows line by line and merges the model's tokens with
  the clean plan's words by walking both in order. ``_plain_restored`` below is the form it
  replaced (a bisection per token and per word, then a sort), kept here as the reference;
* ``Shown.slice`` is ``text[at(start) : at(end)]``; ``TokenStream.within`` the filtered slice.
"""

from __future__ import annotations

import bisect
import functools
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankit.diff.shown import CONTEXT, Shown, _mapped, _restored, _with_case
from plankit.diff.tokens import TokenStream, _direct, diff_keys, ocr_clean
from plankit.restore import restore_text
from plankit.text import fold

PLANS = Path(__file__).resolve().parent.parent / "plans" / "can-tho"

# --- the word diff -----------------------------------------------------------------------------


def _difflib_ops(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int) -> list[tuple]:
    sm = SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
    return [(tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2) for tag, x1, x2, y1, y2 in sm.get_opcodes()]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("", "", []),
        ("abc", "", [("delete", 0, 3, 0, 0)]),
        ("", "ab", [("insert", 0, 0, 0, 2)]),
        ("abc", "axc", [("equal", 0, 1, 0, 1), ("replace", 1, 2, 1, 2), ("equal", 2, 3, 2, 3)]),
        # the longest block first, the earliest in a, then in b; adjacent blocks joined
        ("abab", "ab", [("equal", 0, 2, 0, 2), ("delete", 2, 4, 2, 2)]),
        ("xaby", "abab", [("delete", 0, 1, 0, 0), ("equal", 1, 3, 0, 2), ("replace", 3, 4, 2, 4)]),
    ],
)
def test_direct_table(a, b, expected):
    out: list[tuple] = []
    _direct(list(a), list(b), 0, len(a), 0, len(b), out)
    assert out == expected == _difflib_ops(list(a), list(b), 0, len(a), 0, len(b))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from("abcd"), max_size=25), st.lists(st.sampled_from("abcd"), max_size=25), st.data())
def test_direct_gives_difflibs_opcodes(a, b, data):
    i1 = data.draw(st.integers(0, len(a)))
    i2 = data.draw(st.integers(i1, len(a)))
    j1 = data.draw(st.integers(0, len(b)))
    j2 = data.draw(st.integers(j1, len(b)))
    out: list[tuple] = []
    _direct(a, b, i1, i2, j1, j2, out)
    assert out == _difflib_ops(a, b, i1, i2, j1, j2)


# --- the restored view, as it was written before session 8 --------------------------------------

_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_BREAK = re.compile("\n")


def _plain_counterparts(text: str, reference: str) -> list[tuple[int, int, str | None]]:
    scan = list(_WORD.finditer(ocr_clean(fold(text))))
    ref = list(_WORD.finditer(fold(reference)))
    form: list[str | None] = [None] * len(scan)
    for tag, i1, _i2, j1, j2 in diff_keys([m.group() for m in ref], [m.group() for m in scan]):
        if tag == "equal":
            for j, m_ref, m in zip(range(j1, j2), ref[i1 : i1 + j2 - j1], scan[j1:j2], strict=True):
                form[j] = _with_case(reference[m_ref.start() : m_ref.end()], text[m.start() : m.end()])
    return [(*m.span(), f) for m, f in zip(scan, form, strict=True)]


def _plain_restored(text: str, reference: str) -> Shown:
    words = _plain_counterparts(text, reference)
    breaks = [m.start() for m in _BREAK.finditer(text)]
    line_of = [bisect.bisect_left(breaks, w[0]) for w in words]
    first = [line_of.index(line) for line in line_of]
    last = [len(line_of) - 1 - line_of[::-1].index(line) for line in line_of]
    needy = [k for k, (s, e, f) in enumerate(words) if f is None and (first[k] == k or _LETTER.search(text, s, e))]
    windows: list[list[int]] = []
    for k in needy:
        lo, hi = max(k - CONTEXT, first[k]), min(k + CONTEXT, last[k])
        if windows and first[windows[-1][1]] == first[k] and lo <= windows[-1][1] + 1:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    reps: list[tuple[int, int, str]] = []
    if windows:
        lines: dict = {}
        line_of_window = []
        for lo, hi in windows:
            base = words[lo][0]
            key = (text[base : words[hi][1]], tuple((s - base, e - base, f) for s, e, f in words[lo : hi + 1] if f is not None))
            line_of_window.append(lines.setdefault(key, len(lines)))
        offsets, known, pos = [], {}, 0
        for passage, known_words in lines:
            offsets.append(pos)
            for s, e, f in known_words:
                known[(s + pos, e + pos)] = f
            pos += len(passage) + 1
        restored = restore_text("\n".join(passage for passage, _known in lines), ocr=True, known=known)
        offsets.append(pos)
        spans = restored.spans
        span_starts = [s for s, _e, _o in spans]
        need_starts = [words[k][0] for k in needy]
        need_ends = [words[k][1] for k in needy]
        for (lo, _hi), n in zip(windows, line_of_window, strict=True):
            shift = words[lo][0] - offsets[n]
            for t_start, t_end, output in spans[bisect.bisect_left(span_starts, offsets[n]) :
                                                bisect.bisect_left(span_starts, offsets[n + 1])]:
                s, e = t_start + shift, t_end + shift
                k = bisect.bisect_left(need_starts, s)
                if (k < len(needy) and need_starts[k] < e) or (k and need_ends[k - 1] > s):
                    reps.append((s, e, output))
    model = list(reps)
    starts = [s for s, _e, _o in model]
    for s, e, f in words:
        if f is None:
            continue
        n = bisect.bisect_right(starts, s) - 1
        if (n >= 0 and model[n][1] > s) or (n + 1 < len(model) and model[n + 1][0] < e):
            continue  # inside a token the model read
        reps.append((s, e, f))
    return _mapped(text, sorted(reps))


_CLEAN = (
    "ỦY BAN NHÂN DÂN TỈNH BÌNH AN\nSỞ NỘI VỤ\n\nKẾ HOẠCH\n"
    "Tuyên truyền cải cách hành chính năm 2024\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính.\n"
    "II. NỘI DUNG\n1. Tuyên truyền các chủ trương của Đảng, chính sách pháp luật của Nhà nước.\n"
    "2. Kinh phí thực hiện từ ngân sách nhà nước năm 2024.\n"
    "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nGIÁM ĐỐC\n"
)
# the same plan a year on, scanned: marks lost, letters misread, a passage rewritten, the
# closing lines (which pair with the clean plan) after the last passage the model reads
_SCAN = (
    "UY BAN NHAN DAN TINH BINH AN\nSO NOI VU\n\nKE HOACH\n"
    "Tuyen truyen cai cach hanh chinh nam 2025\n\n"
    "I. MUC PICH, YEU CAU\n1. Muc dich\nNang cao nhan thirc ctia can bo, cong chire ve chuyen doi so.\n"
    "11. NOI DUNG\n1. Tuyen truyen cac chu truong cua Pang, chinh sach phap luat ciia Nha nuéc.\n"
    "2. Kinh phi thuc hién tir ngan sach nha nuoc nam 2025.\n"
    "Noi nhan:\n- S& N6i vu;\n- Luu: VT.\nGIAM POC\n"
)


@pytest.mark.parametrize(
    ("scan", "reference"),
    [
        (_SCAN, _CLEAN),
        # nothing for the model: every word pairs with the clean plan
        ("Tuyen truyen cai cach hanh chinh\nnam 2024", "Tuyên truyền cải cách hành chính\nnăm 2024"),
        # only the model: nothing pairs
        ("Chuyen doi so toan dien", "Kế hoạch"),
        # words paired after the model's last token: the first is taken, the others stay as read
        ("chuyen doi so\nTuyen truyen cai cach", "Tuyên truyền cải cách"),
        ("", "Kế hoạch"),
        ("\n\n11. Ke hoach\n\n", "II. Kế hoạch"),
    ],
)
def test_restored_view_reads_as_the_plain_form(scan, reference):
    assert _restored.__wrapped__(scan, reference) == _plain_restored(scan, reference)


def test_restored_view_of_the_bundled_scan_reads_as_the_plain_form():
    scan = (PLANS / "2025-so-khcn.ocr.txt").read_text(encoding="utf-8")
    reference = (PLANS / "2022-so-khcn.txt").read_text(encoding="utf-8")
    assert _restored.__wrapped__(scan, reference) == _plain_restored(scan, reference)


def test_words_paired_after_the_models_last_token_take_the_clean_spelling():
    # every word paired past the model's last token ("so") takes the clean spelling (until
    # session 8 only the first did: a scan's closing lines, which pair with last year's plan,
    # kept the scan's text)
    shown = _restored.__wrapped__("chuyen doi so\nTuyen truyen cai cach", "Tuyên truyền cải cách")
    assert shown.text.split("\n")[1] == "Tuyên truyền cải cách"


_VOCAB = ["Ke", "hoach", "tuyen", "truyen", "cai", "cach", "hanh", "chinh", "nam", "2025", "11.", "cua", "S&",
          "N6i", "vu", "Pang", "chuyen", "doi", "so", "-", ",", "CCHC"]
_CLEAN_VOCAB = ["Kế", "hoạch", "tuyên", "truyền", "cải", "cách", "hành", "chính", "năm", "2024", "II.", "của",
                "Sở", "Nội", "vụ", "Đảng", "-", ",", "CCHC"]


def _text(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    line = st.lists(words, min_size=0, max_size=8).map(" ".join)
    return st.lists(line, min_size=0, max_size=5).map("\n".join)


@settings(max_examples=60, deadline=None)
@given(_text(st.sampled_from(_VOCAB)), _text(st.sampled_from(_CLEAN_VOCAB)))
def test_restored_view_reads_as_the_plain_form_on_any_text(scan, reference):
    assert _restored.__wrapped__(scan, reference) == _plain_restored(scan, reference)


# --- offsets -----------------------------------------------------------------------------------


@functools.cache
def _shown_of(text: str, reps: tuple[tuple[int, int, str], ...]) -> Shown:
    return _mapped(text, list(reps))


@st.composite
def _shown_texts(draw) -> Shown:
    text = draw(st.text(alphabet="ab c\n", max_size=30))
    reps, pos = [], 0
    while pos < len(text) and draw(st.booleans()):
        start = draw(st.integers(pos, len(text)))
        end = draw(st.integers(start, min(len(text), start + 4)))
        reps.append((start, end, draw(st.text(alphabet="xyz", max_size=6))))
        pos = max(end, start + 1)
    return _shown_of(text, tuple(reps))


@settings(max_examples=400, deadline=None)
@given(_shown_texts(), st.data())
def test_slice_is_the_text_between_the_shown_offsets(shown, data):
    start = data.draw(st.integers(-1, len(shown.original) + 1))
    end = data.draw(st.integers(start, len(shown.original) + 2))
    assert shown.slice(start, end) == shown.text[shown.at(start) : shown.at(end)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Kế hoạch, số 12/KH-UBND năm 2025.\n ", max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_within_is_the_tokens_wholly_inside(text, start, end):
    stream = TokenStream(text, ocr=False, punct=True)
    assert stream.within(start, end) == [t for t in stream.tokens if t.start >= start and t.end <= end]
