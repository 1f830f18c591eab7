"""Comparison tokens and the word diff: what two plans are compared on.

Two plans are compared on folded tokens (:func:`plankit.text.fold`, :func:`plankit.text.tokenize`),
so NFC and NFD text, old and new tone placement (hòa, hoà) and diacritic-less OCR compare equal.
Folding maps one character to one character, so every token keeps its offsets into the original
text and users always see the original.

OCR damages more than the marks: ``của`` comes back as ``caa``, ``ctua`` or ``ciia``, ``Đảng`` as
``Pang``, ``năm`` as ``nim``. When one side of a comparison was OCR'd, a word that differs from
its counterpart only where the clean side carries a diacritic is taken as the same word
(:class:`Fuzzy`). The clean side decides: OCR garbles the letters that carry marks, so ``các``
read as ``cac`` or ``cic`` is noise, while ``các`` against ``cấp`` changes the plain letter
``c`` and stays a change.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain, pairwise
from typing import NamedTuple

from ..model import register_analysis
from ..text import _TOKEN_RE, fold
from .align import increasing_run

__all__ = [
    "Alignment",
    "Bag",
    "Fuzzy",
    "Tok",
    "TokenStream",
    "align_words",
    "bag_similarity",
    "diff_keys",
    "diff_tokens",
    "looks_ocr",
    "tokens_of",
]


class Tok(NamedTuple):
    """A comparison token: ``key`` is folded, ``start``/``end`` are offsets in the original.

    A named tuple (immutable, built without a Python-level ``__init__``): a plan has thousands
    of tokens and a frozen dataclass took a third of the time to make them.
    """

    key: str
    start: int
    end: int
    kind: str

    def __repr__(self) -> str:
        return f"Tok({self.key!r}, {self.start}:{self.end})"


# --- OCR clean-up on folded text (length-preserving, so offsets survive) ----------------------

# Symbols a scan reads for a marked vowel: nghi¢p (nghiệp), hi€u (hiệu), ¥ (ý). Three
# str.replace calls: str.translate with a table looks every character up in Python.
_OCR_SYMBOLS = (("¢", "e"), ("€", "e"), ("¥", "y"))
# "K&" (Kế), "S&" (Sở): an ampersand glued to the end of a word. Not "KH&CN" (letters follow).
# Read as "e", so "K& hoach" is "ke hoach" exactly; "se" for "sở" is then OCR noise (see Fuzzy).
# The pattern opens with the character it looks for (the lookbehind comes after it), so the
# regex engine skips to each "&" instead of trying the lookbehind at every position.
_OCR_AMPERSAND = re.compile(r"&(?<=[a-z]&)(?![a-z])")
# Digits read for letters, glued to a word: s6 (số), t6ng (tổng), 16p (lớp), 1ap (lập), 4p (áp).
# Only runs of one or two of the confusable digits, and only when a letter touches them: never
# "2025", "21thdng" (the day 21 glued to "tháng"), "26-CTr/TU" or "15a/2025/NĐ-CP". Either a
# letter before the run (and no digit or slash after it), or none of letter, digit or slash
# before it and letters after it. As for the ampersand, the first digit comes first and the
# lookbehinds look past it: the same matches as ``(?<=[a-z])[01456]{1,2}(?![0-9/])|
# (?<![0-9a-z/])[01456]{1,2}(?=[a-z]+\b(?!/))``, found several times faster.
_OCR_DIGITS = re.compile(r"[01456](?:(?<=[a-z].)[01456]?(?![0-9/])|(?<![0-9a-z/].)[01456]?(?=[a-z]+\b(?!/)))")
_DIGIT_LETTERS = str.maketrans({"0": "o", "1": "l", "4": "a", "5": "s", "6": "o"})

# Punctuation that means the same whatever glyph the keyboard or the scanner produced.
_PUNCT_KEYS = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "“": '"', "”": '"', "„": '"',
                             "‘": "'", "’": "'", "…": "."})


def _digit_letters(m: re.Match) -> str:
    return m.group().translate(_DIGIT_LETTERS)


def ocr_clean(folded: str) -> str:
    """Undo the commonest OCR symbol and digit confusions in folded text, keeping its length.

    >>> ocr_clean("s6 16p nghi¢p k& kh&cn 2025 21thdng")
    'so lop nghiep ke kh&cn 2025 21thdng'
    """
    text = folded
    for symbol, letter in _OCR_SYMBOLS:
        text = text.replace(symbol, letter)
    if "&" in text:
        text = _OCR_AMPERSAND.sub("e", text)
    return _OCR_DIGITS.sub(_digit_letters, text)


_LETTER = re.compile(r"[^\W\d_]")
_MARKED_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


def looks_ocr(plan) -> bool:
    """Whether ``plan`` reads like OCR output: flagged by its reader, or nearly without marks.

    Clean Vietnamese has a diacritic on about a quarter of its letters; the OCR'd Cần Thơ plan
    of 2025 on one in twenty.

    >>> from plankit.read import read_text
    >>> looks_ocr(read_text("Cong tac thong tin, tuyen truyen cai cach hanh chinh nam 2025 " * 5))
    True
    """
    return plan.analysis(_LOOKS_OCR)


def _looks_ocr(plan) -> bool:
    if plan.source.ocr:
        return True
    letters = len(_LETTER.findall(plan.text))
    if letters < 200:
        return False
    return len(_MARKED_LETTER.findall(plan.text)) / letters < 0.12


# Kept with the plan (Plan.analysis): a comparison and its page ask it of each plan several times.
_LOOKS_OCR = "diff.looks_ocr"
register_analysis(_LOOKS_OCR, _looks_ocr)


# plankit.text.tokenize's pattern, behind a check that a token can start here: white space
# starts none, and the check skips it faster than trying the four alternatives at each space.
_TOKEN_AT = re.compile(r"(?=\S)(?:" + _TOKEN_RE.pattern + ")", _TOKEN_RE.flags)


def tokens_of(text: str, *, ocr: bool = False, punct: bool = True, offset: int = 0) -> list[Tok]:
    """Comparison tokens of ``text`` (offsets shifted by ``offset``).

    >>> [t.key for t in tokens_of("Kế hoạch số 261/KH-UBND – năm 2022")]
    ['ke', 'hoach', 'so', '261/kh-ubnd', '-', 'nam', '2022']
    >>> [t.key for t in tokens_of("Can ctr Quyét dinh s6 4168/QD-UBND", ocr=True)]
    ['can', 'ctr', 'quyet', 'dinh', 'so', '4168/qd-ubnd']
    """
    folded = fold(text)
    if ocr:
        folded = ocr_clean(folded)
    # plankit.text.tokenize's tokens, read straight into Tok (no Token in between)
    make = tuple.__new__
    out: list[Tok] = []
    append = out.append
    for m in _TOKEN_AT.finditer(folded):
        kind = m.lastgroup  # every alternative is a named group
        if kind == "punct":
            if not punct:
                continue
            key = m.group().translate(_PUNCT_KEYS)
        else:
            key = m.group()
        append(make(Tok, (key, m.start() + offset, m.end() + offset, kind)))
    return out


class TokenStream:
    """The comparison tokens of a whole text, sliced by span in O(log n)."""

    __slots__ = ("_ends", "_starts", "text", "tokens")

    def __init__(self, text: str, *, ocr: bool, punct: bool):
        self.text = text
        self.tokens = tokens_of(text, ocr=ocr, punct=punct)
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    def within(self, start: int, end: int) -> list[Tok]:
        """The tokens lying wholly inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        # the tokens do not overlap, so their ends rise with their starts: those ending by
        # ``end`` are the first of them
        return self.tokens[i : bisect.bisect_right(self._ends, end, i, j) if i < j else i]

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._starts, offset)


# --- OCR-tolerant equality ---------------------------------------------------------------------

def _marked(ch: str) -> bool:
    return not ch.isascii()


@lru_cache(maxsize=1)
def _confusions() -> tuple[frozenset[tuple[str, str, bool]], frozenset[tuple[str, str]]]:
    """Known OCR rewrites from ``plankit/data/ocr_confusions.tsv``: character rewrites
    ``(ocr, real, at_start)`` and whole-token ones ``(ocr, real)``, all folded."""
    from importlib import resources

    try:
        raw = resources.files("plankit.data").joinpath("ocr_confusions.tsv").read_text(encoding="utf-8")
    except FileNotFoundError:  # pragma: no cover - the file ships with plankit
        return frozenset(), frozenset()
    chars, toks = set(), set()
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or line.startswith("#") or parts[0] == "kind":
            continue
        kind, ocr, real = parts[0], fold(parts[1]), fold(parts[2])
        if kind == "char":
            chars.add((ocr.lstrip("^"), real, ocr.startswith("^")))
        elif kind == "token":
            toks.add((ocr, real))
    return frozenset(chars), frozenset(toks)


def _known_rewrite(ocr_part: str, real_part: str, at_start: bool) -> bool:
    chars, _toks = _confusions()
    return (ocr_part, real_part, False) in chars or (at_start and (ocr_part, real_part, True) in chars)


@lru_cache(maxsize=65536)
def _noise_equal(clean_key: str, clean_raw: str, ocr_key: str, both_ocr: bool) -> bool:
    if clean_key == ocr_key:
        return True
    if clean_key.isdigit() or any(c.isdigit() for c in clean_key):
        return False  # numbers and document numbers must match exactly
    if ocr_key.isdigit():
        # "14" read for "là": only one or two confusable digits stand for letters
        if len(ocr_key) > 2 or ocr_key.strip("01456"):
            return False
        ocr_key = ocr_key.translate(_DIGIT_LETTERS)
    elif any(c.isdigit() for c in ocr_key):
        return False
    if abs(len(clean_key) - len(ocr_key)) > 3:
        return False
    sm = SequenceMatcher(None, clean_key, ocr_key, autojunk=False)
    ratio = sm.ratio()
    if both_ocr:
        return ratio >= 0.75 and abs(len(clean_key) - len(ocr_key)) <= 1
    if min(len(clean_key), len(ocr_key)) >= 6 and ratio >= 0.85:
        return True  # long words and document symbols: "ikh-skhcn" for "kh-skhcn"
    if (ocr_key, clean_key) in _confusions()[1]:
        return True
    if ratio < 0.4 or len(clean_raw) != len(clean_key):
        return False
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if _known_rewrite(ocr_key[j1:j2], clean_key[i1:i2], i1 == 0):
            continue
        if i2 > i1:
            # the clean side lost or changed letters: one of them must carry a mark
            if not any(_marked(c) for c in clean_raw[i1:i2]):
                return False
        elif not any(_marked(c) for c in clean_raw[max(i1 - 2, 0) : i1 + 2]):
            # the scan added letters: only next to a marked letter
            return False
    return True


class Fuzzy:
    """Decides whether an old and a new token are the same word read through OCR noise.

    ``clean`` names the side that was not OCR'd (``"old"`` or ``"new"``), or ``None`` when both
    were. ``old_raw``/``new_raw`` return a token's original surface (with its marks).

    >>> fz = Fuzzy("old")
    >>> fz.equal(Tok("cua", 0, 3, "word"), "của", Tok("ciia", 0, 4, "word"), "ciia")
    True
    >>> fz.equal(Tok("cac", 0, 3, "word"), "các", Tok("cap", 0, 3, "word"), "cấp")
    False
    >>> fz.equal(Tok("2022", 0, 4, "number"), "2022", Tok("2025", 0, 4, "number"), "2025")
    False
    """

    __slots__ = ("clean",)

    def __init__(self, clean: str | None):
        self.clean = clean

    def equal(self, a: Tok, a_raw: str, b: Tok, b_raw: str) -> bool:
        """Whether old token ``a`` (surface ``a_raw``) and new token ``b`` are the same word."""
        if a.key == b.key:
            return True
        if a.kind == "punct" or b.kind == "punct":
            return False
        if self.clean == "new":
            return _noise_equal(b.key, b_raw, a.key, False)
        return _noise_equal(a.key, a_raw, b.key, self.clean is None)


# --- the word diff -----------------------------------------------------------------------------

Op = tuple[str, int, int, int, int]

_MAX_FUZZY_CELLS = 60000


def _fuzzy_lcs(a, a_raw, b, b_raw, fuzzy: Fuzzy) -> list[tuple[int, int]]:
    """Index pairs of the longest common subsequence of ``a`` and ``b`` under fuzzy equality."""
    n, m = len(a), len(b)
    eq = [[fuzzy.equal(a[i], a_raw[i], b[j], b_raw[j]) for j in range(m)] for i in range(n)]
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, nxt = dp[i], dp[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = nxt[j + 1] + 1 if eq[i][j] else max(nxt[j], row[j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if eq[i][j] and dp[i][j] == dp[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _coalesce(ops: list[Op]) -> list[Op]:
    """Join neighbouring ops: equal runs together, and any run of non-equal ops into one."""
    out: list[Op] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out:
            tag, i1, _i2, j1, _j2 = out[-1]
            if (tag == "equal") == (op[0] == "equal"):
                merged_tag = "equal" if tag == "equal" else "replace"
                out[-1] = (merged_tag, i1, op[2], j1, op[4])
                continue
        out.append(op)
    return [
        (("delete" if j1 == j2 else "insert" if i1 == i2 else "replace") if tag != "equal" else tag, i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in out
    ]


# Below this many cells (old length x new length) a stretch is diffed by SequenceMatcher as is;
# above, unique words anchor it first, so the cost stays near linear in the length.
_DIRECT_CELLS = 40_000


def diff_keys(a: Sequence[str], b: Sequence[str]) -> list[Op]:
    """Opcodes turning key list ``a`` into ``b``, in near-linear time on long inputs.

    Short inputs get :class:`difflib.SequenceMatcher`'s opcodes (``autojunk=False``, see :func:`_direct`). Long
    ones are cut first, patience-style: the common head and tail are kept, then the keys that
    occur exactly once on each side and in the same order anchor the rest, and each stretch
    between anchors is diffed the same way. A long stretch with no anchor (only common words on
    both sides) is one replacement rather than a quadratic search.

    >>> diff_keys(["a", "b", "c"], ["a", "x", "c"])
    [('equal', 0, 1, 0, 1), ('replace', 1, 2, 1, 2), ('equal', 2, 3, 2, 3)]
    >>> ops = diff_keys(list("ab" * 400) + ["end"], ["start"] + list("ab" * 400) + ["end"])
    >>> ops[0], ops[-1][0]
    (('insert', 0, 0, 0, 1), 'equal')
    """
    raw: list[Op] = []
    if len(a) * len(b) <= _DIRECT_CELLS:
        _direct(a, b, 0, len(a), 0, len(b), raw)
    else:
        _diff_range(a, b, 0, len(a), 0, len(b), raw)
    return _coalesce(raw)


def _diff_range(a: Sequence[str], b: Sequence[str], alo: int, ahi: int, blo: int, bhi: int, out: list[Op]) -> None:
    head = 0
    while alo + head < ahi and blo + head < bhi and a[alo + head] == b[blo + head]:
        head += 1
    tail = 0
    while ahi - tail > alo + head and bhi - tail > blo + head and a[ahi - tail - 1] == b[bhi - tail - 1]:
        tail += 1
    if head:
        out.append(("equal", alo, alo + head, blo, blo + head))
    i1, i2, j1, j2 = alo + head, ahi - tail, blo + head, bhi - tail
    cells = (i2 - i1) * (j2 - j1)
    if i1 == i2 or j1 == j2:
        if i1 < i2 or j1 < j2:
            out.append(("replace", i1, i2, j1, j2))
    elif cells <= _DIRECT_CELLS:
        _direct(a, b, i1, i2, j1, j2, out)
    else:
        anchors = _anchors(a, b, i1, i2, j1, j2)
        if not anchors:
            if cells <= 25 * _DIRECT_CELLS:
                _direct(a, b, i1, i2, j1, j2, out)
            else:
                out.append(("replace", i1, i2, j1, j2))
        else:
            pi, pj = i1, j1
            for x, y in anchors:
                _diff_range(a, b, pi, x, pj, y, out)
                out.append(("equal", x, x + 1, y, y + 1))
                pi, pj = x + 1, y + 1
            _diff_range(a, b, pi, i2, pj, j2, out)
    if tail:
        out.append(("equal", ahi - tail, ahi, bhi - tail, bhi))


def _direct(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int, out: list[Op]) -> None:
    """The opcodes of ``SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)``, shifted.

    The same recursion on the longest matching block (the first in ``a``, then in ``b``) as
    :meth:`difflib.SequenceMatcher.get_matching_blocks`, without what only junk needs: with no
    junk and no popular keys, the longest block found cannot grow at either end, so difflib's
    extension loops never run. ``tests/test_diff_speed.py`` holds it to difflib's opcodes.
    """
    b2j: dict[str, list[int]] = {}
    for j in range(j1, j2):
        key = b[j]
        where = b2j.get(key)
        if where is None:
            b2j[key] = [j]
        else:
            where.append(j)
    get = b2j.get
    blocks: list[tuple[int, int, int]] = []
    queue = [(i1, i2, j1, j2)]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}
        for i in range(alo, ahi):
            where = get(a[i])
            if where is None:
                j2len = {}
                continue
            j2len_get = j2len.get
            new_j2len: dict[int, int] = {}
            for j in where:
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = new_j2len[j] = j2len_get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = new_j2len
        if bestsize:
            blocks.append((besti, bestj, bestsize))
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                queue.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    blocks.sort()
    merged: list[list[int]] = []  # adjacent blocks joined, as difflib does
    for bi, bj, size in blocks:
        if merged and (last := merged[-1])[0] + last[2] == bi and last[1] + last[2] == bj:
            last[2] += size
        else:
            merged.append([bi, bj, size])
    merged.append([i2, j2, 0])
    i, j = i1, j1
    for bi, bj, size in merged:
        if i < bi and j < bj:
            out.append(("replace", i, bi, j, bj))
        elif i < bi:
            out.append(("delete", i, bi, j, bj))
        elif j < bj:
            out.append(("insert", i, bi, j, bj))
        i, j = bi + size, bj + size
        if size:
            out.append(("equal", bi, i, bj, j))


def _anchors(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int]]:
    """Positions of keys unique in both stretches, the longest run in the same order."""
    count_a = Counter(a[i1:i2])
    count_b = Counter(b[j1:j2])
    where_b = {b[j]: j for j in range(j1, j2) if count_b[b[j]] == 1}
    cands = [(i, where_b[a[i]]) for i in range(i1, i2) if count_a[a[i]] == 1 and a[i] in where_b]
    if not cands:
        return []
    return increasing_run(cands)


def diff_tokens(
    a: Sequence[Tok], b: Sequence[Tok], *, fuzzy: Fuzzy | None = None,
    a_text: str = "", b_text: str = "",
) -> list[Op]:
    """Opcodes (``equal``/``replace``/``insert``/``delete``, token indices) turning ``a`` into ``b``.

    Runs :class:`difflib.SequenceMatcher` with ``autojunk=False`` on the keys (the default
    junk heuristic silently misaligns long repetitive text), then, when ``fuzzy`` is given,
    matches OCR-damaged words inside each replaced stretch. ``a_text``/``b_text`` are the texts
    the token offsets point into (needed by ``fuzzy``).

    >>> a = tokens_of("Trong năm 2022")
    >>> b = tokens_of("Trong\\nnam 2025")
    >>> diff_tokens(a, b)
    [('equal', 0, 2, 0, 2), ('replace', 2, 3, 2, 3)]
    """
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in diff_keys([t.key for t in a], [t.key for t in b]):
        if tag != "replace" or fuzzy is None or (i2 - i1) * (j2 - j1) > _MAX_FUZZY_CELLS:
            ops.append((tag, i1, i2, j1, j2))
            continue
        sa, sb = a[i1:i2], b[j1:j2]
        ra = [a_text[t.start : t.end] for t in sa]
        rb = [b_text[t.start : t.end] for t in sb]
        pi, pj = i1, j1
        for di, dj in _fuzzy_lcs(sa, ra, sb, rb, fuzzy):
            ops.append(("replace", pi, i1 + di, pj, j1 + dj))
            ops.append(("equal", i1 + di, i1 + di + 1, j1 + dj, j1 + dj + 1))
            pi, pj = i1 + di + 1, j1 + dj + 1
        ops.append(("replace", pi, i2, pj, j2))
    return _coalesce(ops)


class Bag:
    """The words and word pairs of a text, for :func:`bag_similarity`.

    Counted when first compared, and once: a comparison makes a bag for every paragraph and
    section but compares only some of them. A bag of several texts (``a + b``) keeps their key
    lists and counts them in one pass; the pairs are those within each text, none across.
    """

    __slots__ = ("_pairs", "_words", "n", "parts")

    def __init__(self, keys: Sequence[str] = ()):
        self.parts: tuple[Sequence[str], ...] = (keys,) if keys else ()
        self.n = len(keys)
        self._words: Counter | None = None
        self._pairs: Counter | None = None

    @property
    def words(self) -> Counter:
        """How often each key occurs."""
        if self._words is None:
            self._words = Counter(chain.from_iterable(self.parts))
        return self._words

    @property
    def pairs(self) -> Counter:
        """How often each pair of neighbouring keys occurs (within one text)."""
        if self._pairs is None:
            self._pairs = Counter(chain.from_iterable(map(pairwise, self.parts)))
        return self._pairs

    def __add__(self, other: Bag) -> Bag:
        out = Bag()
        out.parts = self.parts + other.parts
        out.n = self.n + other.n
        return out

    def similarity(self, other: Bag) -> float:
        """The mean Dice of words and of word pairs (see :func:`bag_similarity`)."""
        if not self.n or not other.n:
            return 0.0
        uni = _overlap(self.words, other.words) * 2 / (self.n + other.n)
        if self.n < 2 or other.n < 2:
            return uni
        bi = _overlap(self.pairs, other.pairs) * 2 / (self.n + other.n - 2)
        return (uni + bi) / 2


def _overlap(x: Counter, y: Counter) -> int:
    # the shared keys only (a C-level set intersection): the same integer as summing over x;
    # the set is walked twice in the same order, each count looked up and compared in C
    shared = x.keys() & y.keys()
    return sum(map(min, map(x.__getitem__, shared), map(y.__getitem__, shared)))


def bag_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How much two token-key sequences share, order aside: the mean Dice of words and pairs.

    >>> round(bag_similarity("kinh phi thuc hien".split(), "kinh phi thuc hien".split()), 2)
    1.0
    >>> bag_similarity([], ["a"])
    0.0
    """
    return Bag(a).similarity(Bag(b))


# --- alignments: which tokens correspond, and what is left over ----------------------------------

@dataclass
class Alignment:
    """The outcome of aligning two token lists.

    ``pairs`` maps old token indices to the new tokens they correspond to (equal, or the same word
    read through OCR noise); ``ops`` are the leftovers as ``(i1, i2, j1, j2)`` stretches, in new
    order; a stretch empty on one side (``i1 == i2``) is an insertion placed before old token
    ``i1`` (a deletion likewise). ``rewritten`` marks a group shown as one rewrite.
    """

    ops: list[tuple[int, int, int, int]]
    pairs: dict[int, int]
    rewritten: bool = False

    def equal_before(self, i1: int, j1: int) -> int:
        """How many token pairs directly before ``(i1, j1)`` correspond one to one."""
        k = 0
        while i1 - k - 1 >= 0 and j1 - k - 1 >= 0 and self.pairs.get(i1 - k - 1) == j1 - k - 1:
            k += 1
        return k


def _shared_words(a: Sequence[Tok], ops: list[Op]) -> int:
    return sum(1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal" for t in a[i1:i2] if t.kind != "punct")


def _word_count(toks: Sequence[Tok]) -> int:
    return sum(1 for t in toks if t.kind != "punct")


def align_words(
    a: Sequence[Tok], b: Sequence[Tok], *, fuzzy: Fuzzy | None, a_text: str, b_text: str,
    scrambled: bool = False, rewrite_below: float = 0.0,
) -> Alignment:
    """Align two token lists: a sequence diff, then (``scrambled``) an order-free pass.

    The order-free pass is for text whose order the source does not keep: the two-column header
    and the cells of a table rebuilt from a scan. Words left over on one side that appear among
    the leftovers of the other are moved, not changed; years left over on both sides pair up
    (``2022`` deleted in one cell, ``2025`` inserted in another is one year bump). With
    ``rewrite_below``, a pair sharing less than that share of its words, whose diff would fall
    into three or more separate stretches, becomes one rewrite.

    >>> al = align_words(tokens_of("năm 2022 Sở"), tokens_of("Sở nam 2025"), fuzzy=None,
    ...                  a_text="năm 2022 Sở", b_text="Sở nam 2025", scrambled=True)
    >>> al.ops, sorted(al.pairs.items())
    ([(1, 2, 2, 3)], [(0, 1), (2, 0)])
    """
    ops = diff_tokens(a, b, fuzzy=fuzzy, a_text=a_text, b_text=b_text)
    if rewrite_below and not scrambled and sum(1 for op in ops if op[0] != "equal") >= 3:
        # the words are counted only for a pair the share can turn into a rewrite
        words = _word_count(a) + _word_count(b)
        if words and 2 * _shared_words(a, ops) / words < rewrite_below:
            return Alignment([(0, len(a), 0, len(b))], {}, rewritten=True)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, _j2 in ops:
        if tag == "equal":
            for d in range(i2 - i1):
                pairs[i1 + d] = j1 + d
    left = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    if not scrambled:
        return Alignment(left, pairs)
    # order-free pass over the leftovers
    free_a = [i for i1, i2, _j1, _j2 in left for i in range(i1, i2)]
    free_b = [j for _i1, _i2, j1, j2 in left for j in range(j1, j2)]
    by_key: dict[str, list[int]] = {}
    for j in free_b:
        by_key.setdefault(b[j].key, []).append(j)
    for i in free_a:
        js = by_key.get(a[i].key)
        if js:
            pairs[i] = js.pop(0)
    if fuzzy is not None:
        taken = set(pairs.values())
        rest_b = [j for j in free_b if j not in taken]
        for i in free_a:
            if i in pairs or a[i].kind == "number":
                continue
            for j in rest_b:
                if fuzzy.equal(a[i], a_text[a[i].start:a[i].end], b[j], b_text[b[j].start:b[j].end]):
                    pairs[i] = j
                    rest_b.remove(j)
                    break
    taken = set(pairs.values())
    runs_a = _runs([i for i in free_a if i not in pairs])
    runs_b = _runs([j for j in free_b if j not in taken])
    inverse = {j: i for i, j in pairs.items()}
    out: list[tuple[int, int, int, int]] = []
    years_b = [r for r in runs_b if all(_is_year(b[j]) for j in range(*r))]
    for i1, i2 in runs_a:
        if all(_is_year(a[i]) for i in range(i1, i2)) and years_b:
            j1, j2 = years_b.pop(0)
            runs_b.remove((j1, j2))
            out.append((i1, i2, j1, j2))
        else:
            before = [pairs[i] for i in range(i1) if i in pairs]
            pos = max(before) + 1 if before else 0
            out.append((i1, i2, pos, pos))
    for j1, j2 in runs_b:
        before = [inverse[j] for j in range(j1) if j in inverse]
        pos = max(before) + 1 if before else 0
        out.append((pos, pos, j1, j2))
    out.sort(key=lambda op: (op[2], op[0]))
    return Alignment(out, pairs)


def _is_year(t: Tok) -> bool:
    return t.kind == "number" and len(t.key) == 4 and t.key[:2] in ("19", "20")


def _runs(idxs: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in sorted(idxs):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out
