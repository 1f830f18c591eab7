"""The language model behind :func:`plankit.restore_text`: Vietnamese syllables and their n-grams.

Three sources of knowledge, all local (nothing is downloaded):

* the rules of Vietnamese syllables (:func:`is_syllable`): an onset, a vowel group and a coda,
  with the tone rule of stop endings (-p, -t, -c, -ch take only sắc or nặng);
* the word list ``Viet74K`` that the ``underthesea`` package ships (Apache-2.0, read in place,
  never copied): it says which syllables exist and which follow each other inside a word;
* running text: the clean bundled plans and any text the user adds (:meth:`Model.add`),
  counted as syllable unigrams, bigrams and trigrams.

Every folded syllable (``fold("tuyên") == "tuyen"``) maps to the small set of real syllables
that fold to it (:attr:`Model.variants`); decoding picks one per token with the n-gram scores
(Witten-Bell interpolation: a rare context lends much of its mass to the lower order). Tone
placement is canonical: the old style of administrative documents (``hòa``, ``Ủy``, ``khỏe``),
whatever the source used.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import itertools
import math
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .text import fold, nfc

__all__ = [
    "Model",
    "admin_text",
    "build_model",
    "bundled_texts",
    "canonical_syllable",
    "context_features",
    "default_model",
    "glued_joiner",
    "is_syllable",
    "lm_tokens",
    "load_surnames",
    "underthesea_files",
    "viet74k_path",
    "vocabulary_text",
]

# -- syllable rules ---------------------------------------------------------------------------

# A folded syllable: onset, one to three vowel letters, coda. It must match every real
# syllable ("nghiêng" -> "nghieng", "khuya", "quốc", "gì") and reject loan-word pieces that the
# word list holds ("đrê", "xtơ", "bl"), acronyms ("cchc", "ubnd") and OCR damage ("thdng").
_FOLDED_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)
_STOP_CODA_RE = re.compile(r"(?:c|ch|p|t)$")
_TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case, any tone placement) can be one Vietnamese syllable.

    >>> is_syllable("nghiêng"), is_syllable("Quốc"), is_syllable("CCHC"), is_syllable("thdng")
    (True, True, False, False)
    >>> is_syllable("hoàn"), is_syllable("thàt")  # -t takes only sắc or nặng
    (True, False)
    """
    folded = fold(word)
    if not _FOLDED_SYLLABLE_RE.match(folded):
        return False
    tones = [c for c in unicodedata.normalize("NFD", word) if c in _TONES]
    if len(tones) > 1:
        return False
    return not (_STOP_CODA_RE.search(folded) and tones and tones[0] not in "\u0301\u0323")


# Old-style tone placement on the open rhymes oa, oe, uy: "hoà" -> "hòa", "thuỷ" -> "thủy".
# "quý" keeps its tone on y: there "qu" is the onset and y the only vowel.
_NEW_TO_OLD: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _mark in _TONES:
        _new = unicodedata.normalize("NFC", _first + _second + _mark)
        _old = unicodedata.normalize("NFC", _first + _mark + _second)
        _NEW_TO_OLD[_new] = _old
_NEW_STYLE_RE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")$")


@functools.lru_cache(maxsize=65536)
def canonical_syllable(word: str) -> str:
    """The lower-case NFC syllable with the old tone placement of administrative texts.

    >>> canonical_syllable("Hoà"), canonical_syllable("THUỶ"), canonical_syllable("quý")
    ('hòa', 'thủy', 'quý')
    """
    low = unicodedata.normalize("NFC", word).lower()
    return _NEW_STYLE_RE.sub(lambda m: _NEW_TO_OLD[m.group(1)], low)


# -- tokens as the model sees them ---------------------------------------------------------------

# One regex splits plan text into tokens for both training and decoding, so their keys agree.
# - keep: what is never Vietnamese words and never restored: a web address (with or without
#   https://, "www.", or a bare host under .vn/.com/.org/.net/.gov/.edu, with its path:
#   "vbpl.vn/tw/Pages/quyet-dinh-749"), an e-mail address, a file name with a known extension
#   ("Ke-hoach-so-12.pdf"); not "TP.HCM", not "Tr.12", not a sentence ending "... năm 2025.Sở";
# - doc: a document number, kept whole: 4168/QĐ-UBND, 45/2020/NĐ-CP, 26-CTr/TU (not 15/7/2021);
# - slash: OCR's "I" or "l" for the slash of a symbol, "137 IKH-SKHCN" (the codes are data);
# - lead: digits glued to a word by OCR, "21thdng" (never "16p", which is "lớp");
# - word: letters, digits and OCR's stand-ins for marked vowels (¢ € ¥), with inner & or '
#   (KH&CN, THU'C) and a trailing & ("S&" is "Sở");
# - punct: any other visible character.
_URL = (
    r"(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w./])[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.(?:vn|com|org|net|gov|edu|info)\b"
    r"(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
    r"|(?<![\w.])[\w()+-]+(?:\.[\w()+-]+)*"
    r"\.(?i:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|zip|rar|7z|jpe?g|png|tiff?|xml|html?)\b"
)
_DOC = r"\d+[a-zA-Z]?(?:/\d{4})?(?:/[^\W\d_]\w*(?:-\w+)*|-[^\W\d_]\w*/[^\W\d_]\w*)"
_WORDCH = r"(?:[^\W_]|[¢€¥])"


def _token_re(doc_codes: Iterable[str]) -> re.Pattern[str]:
    codes = "|".join(sorted({re.escape(c) for c in doc_codes}, key=len, reverse=True)) or "KH"
    return re.compile(
        rf"""
        (?P<keep>{_URL})
        |(?P<doc>{_DOC})
        |(?P<slash>(?<=\d)[ ]?[I1l|](?=(?:{codes})-[A-ZĐ]))
        |(?P<lead>\d+(?=[^\W\d_]{{3,}}))
        |(?P<word>{_WORDCH}+(?:[&']{_WORDCH}+)*&?)
        |(?P<punct>[^\w\s])
        """,
        re.VERBOSE,
    )


_NUMBER_RE = re.compile(r"^\d+$")
# Punctuation that carries context in the n-grams; other marks (Markdown's * and #) are skipped.
_LM_PUNCT = frozenset(",.;:()-–/\"'!?…")


def lm_key(surface: str, kind: str) -> str | None:
    """The n-gram key of a token: a canonical syllable, ``<n>``, ``<d>``, a mark, or ``None``.

    >>> [lm_key(s, k) for s, k in [("Hoà", "word"), ("2025", "word"), ("76/NQ-CP", "doc"), ("*", "punct")]]
    ['hòa', '<n>', '<d>', None]
    """
    if kind == "word":
        if _NUMBER_RE.match(surface):
            return "<n>"
        return canonical_syllable(surface)
    if kind in ("doc", "slash", "keep"):
        return "<d>"
    if kind == "lead":
        return "<n>"
    return surface if surface in _LM_PUNCT else None


def glued_joiner(line: str, start: int, end: int) -> bool:
    """Whether the ``/`` or ``-`` at ``line[start:end]`` joins two words with no space ("kỳ/năm").

    Such a joiner is left out of the n-grams: each part is restored as if the other stood next
    to it ("xã/phường" reads as "xã phường"), in training and in decoding alike.

    >>> glued_joiner("2 ky/nam", 4, 5), glued_joiner("ngay 15 / 7", 8, 9)
    (True, False)
    """
    return (
        line[start:end] in ("/", "-")
        and start > 0
        and end < len(line)
        and line[start - 1].isalpha()
        and line[end].isalpha()
    )


def lm_tokens(line: str, token_re: re.Pattern[str] | None = None) -> list[str]:
    """The n-gram keys of one line of text, in order.

    >>> lm_tokens("Căn cứ Kế hoạch số 261/KH-UBND, năm 2022")
    ['căn', 'cứ', 'kế', 'hoạch', 'số', '<d>', ',', 'năm', '<n>']
    """
    rx = token_re or _DEFAULT_TOKEN_RE
    out = []
    for m in rx.finditer(line):
        key = lm_key(m.group(), m.lastgroup or "punct")
        if key is not None and not glued_joiner(line, m.start(), m.end()):
            out.append(key)
    return out


# -- data files --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Confusions:
    """The OCR confusion table (``plankit/data/ocr_confusions.tsv``), by kind.

    ``chars``: folded substring rewrites ``(ocr, real, cost)``; ``^`` anchors one at the start.
    ``tokens``: whole-token rewrites. ``symbols``: symbol parts that lost their Đ (QD -> QĐ).
    ``doc_codes``: document-type codes after which OCR's ``I`` is a slash.
    """

    chars: tuple[tuple[str, str, float], ...]
    tokens: Mapping[str, tuple[tuple[str, float], ...]]
    symbols: Mapping[str, str]
    doc_codes: frozenset[str]


@functools.cache
def load_confusions() -> Confusions:
    """Read the confusion table shipped in ``plankit/data``.

    >>> c = load_confusions()
    >>> ("6", "o") in {(a, b) for a, b, _ in c.chars}, c.symbols["QD"]
    (True, 'QĐ')
    """
    from importlib import resources

    raw = resources.files("plankit.data").joinpath("ocr_confusions.tsv").read_text("utf-8")
    chars: list[tuple[str, str, float]] = []
    tokens: dict[str, list[tuple[str, float]]] = {}
    symbols: dict[str, str] = {}
    codes: set[str] = set()
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "kind":
            continue
        kind, ocr, real, cost = parts[0], parts[1], parts[2], float(parts[3] or 0)
        if kind == "char":
            chars.append((ocr, real, cost))
        elif kind == "token":
            tokens.setdefault(ocr, []).append((real, cost))
        elif kind == "symbol":
            symbols[ocr] = real
        elif kind == "doctype":
            codes.add(ocr)
        else:
            raise ValueError(f"ocr_confusions.tsv: unknown kind {kind!r} in line {line!r}")
    return Confusions(
        tuple(chars), {k: tuple(v) for k, v in tokens.items()}, symbols, frozenset(codes)
    )


_DEFAULT_TOKEN_RE = _token_re(load_confusions().doc_codes)


def viet74k_path() -> Path | None:
    """Where the installed ``underthesea`` keeps ``Viet74K.txt`` (found without importing it).

    >>> p = viet74k_path(); p is None or p.name == "Viet74K.txt"
    True
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        path = Path(base) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            return path
    return None


def underthesea_corpus_path() -> Path | None:
    """Running Vietnamese text that ``underthesea`` ships: the tagged VLSP 2013 test set.

    It sits next to the part-of-speech model (``pipeline/pos_tag/models/*/test_output.txt``,
    one word a line, a blank line between sentences). Versions without it give ``None``.

    >>> p = underthesea_corpus_path(); p is None or p.name == "test_output.txt"
    True
    """
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        found = sorted(Path(base).glob("pipeline/pos_tag/models/*/test_output.txt"))
        if found:
            return found[-1]
    return None


def read_tagged_corpus(path: Path) -> str:
    """The sentences of a one-word-a-line tagged corpus as plain text, one sentence a line."""
    sentences: list[str] = []
    words: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            word = raw.split("\t", 1)[0].strip()
            if word:
                words.append(word)
            elif words:
                sentences.append(" ".join(words))
                words = []
    if words:
        sentences.append(" ".join(words))
    return nfc("\n".join(sentences))


def places_text() -> str:
    """Province and department names from :mod:`plankit.places`, one phrase a line.

    Four plans cannot teach the names of 63 provinces; this text does ("tỉnh Hưng Yên",
    "UBND tỉnh Hải Dương", "Sở Công Thương").

    >>> "tỉnh Hưng Yên" in places_text().splitlines()
    True
    """
    from .places import departments, provinces

    lines: list[str] = []
    for prov in provinces():
        for name in (prov.name, *prov.aliases):
            lines += [name, f"{prov.kind} {name}", f"UBND {prov.kind} {name}", f"của {prov.kind} {name}"]
    for dep in departments():
        lines.append(dep.name)
    return "\n".join(lines)


def _data_file(name: str) -> bytes:
    from importlib import resources

    return resources.files("plankit.data").joinpath("restore", name).read_bytes()


def bundled_texts(exclude: Iterable[str] = ()) -> dict[str, str]:
    """The clean bundled plans (not OCR'd) by name ``place/file``, minus ``exclude``.

    Their text ships inside the package (``plankit/data/restore/plans.tsv.gz``: one line of a
    plan a row, ``name<TAB>line``), so a wheel restores exactly as a checkout does.
    ``exclude`` holds names, file names or stems: ``"can-tho/2022-so-khcn.txt"``,
    ``"2022-so-khcn.txt"`` or ``"can-tho/2022-so-khcn"`` all leave the Cần Thơ 2022 plan out.

    >>> sorted(bundled_texts(exclude=["2022-so-khcn.md"]))[:2]
    ['can-tho/2022-so-khcn.txt', 'hai-duong/2022-so-cong-thuong.txt']
    """
    skip = set(exclude)
    lines: dict[str, list[str]] = {}
    for row in gzip.decompress(_data_file("plans.tsv.gz")).decode("utf-8").split("\n"):
        if "\t" in row:
            name, line = row.split("\t", 1)
            lines.setdefault(name, []).append(line)
    out: dict[str, str] = {}
    for name, body in lines.items():
        file = name.rsplit("/", 1)[-1]
        keys = {name, file, name.rsplit(".", 1)[0], name.split(".", 1)[0]}
        if not keys & skip:
            out[name] = nfc("\n".join(body))
    return out


def admin_text() -> str:
    """Administrative Vietnamese written for plankit (``plankit/data/restore/admin.txt``).

    Headers, basis clauses, closing clauses, signature blocks and stock phrases of plans,
    decisions, official letters, ministry and Party documents ("sau đây viết tắt là",
    "Vụ trưởng Vụ Pháp chế", "Tệp đính kèm"), which four plans cannot all show.

    >>> "Nơi nhận:" in admin_text().splitlines()
    True
    """
    raw = _data_file("admin.txt").decode("utf-8")
    return nfc("\n".join(line for line in raw.splitlines() if not line.startswith("#")))


def vocabulary_text() -> str:
    """The Vietnamese names plankit's own data files hold, one phrase a line.

    Document types (``document_types.tsv``), issuers (``issuers.tsv``), programme names
    (``programmes.tsv``) and the notes on replaced documents (``replaced_documents.tsv``).

    >>> "Thủ tướng Chính phủ" in vocabulary_text().splitlines()
    True
    """
    from importlib import resources

    columns = {
        "document_types.tsv": ("name",),
        "issuers.tsv": ("name",),
        "programmes.tsv": ("name",),
        "replaced_documents.tsv": ("basis",),
    }
    lines: list[str] = []
    for file, wanted in columns.items():
        raw = resources.files("plankit.data").joinpath(file).read_text("utf-8")
        rows = [r.split("\t") for r in raw.splitlines() if r.strip() and not r.startswith("#")]
        if not rows:
            continue
        head = rows[0]
        idx = [head.index(c) for c in wanted]
        for row in rows[1:]:
            lines.extend(row[i] for i in idx if i < len(row) and row[i])
    return nfc("\n".join(dict.fromkeys(lines)))


@functools.cache
def load_surnames() -> dict[str, str]:
    """Folded family names and their strength (``plankit/data/restore/surnames.tsv``).

    >>> load_surnames()["nguyen"], load_surnames()["vu"]
    ('strong', 'weak')
    """
    raw = _data_file("surnames.tsv").decode("utf-8")
    rows = [r.split("\t") for r in raw.splitlines() if r.strip() and not r.startswith("#")]
    return {name: strength for name, strength in rows[1:]}


def underthesea_files() -> dict[str, Path | None]:
    """The two files the model reads from the installed ``underthesea``, or ``None`` if missing.

    ``Viet74K`` (the word list) and ``vlsp2013`` (the tagged running text). Both sit at private
    paths of that package, pinned below its next major version in ``pyproject.toml``; a test
    fails loudly if either moves.

    >>> sorted(underthesea_files())
    ['Viet74K', 'vlsp2013']
    """
    return {"Viet74K": viet74k_path(), "vlsp2013": underthesea_corpus_path()}


# -- the model -------------------------------------------------------------------------------

_BOS = "<s>"
# Weights: a word-list entry counts as this many running-text unigrams and bigrams. Chosen on
# the leave-one-out benchmark.
_DICT_UNI_WEIGHT = 0.02
_DICT_BI_WEIGHT = 0.25


@dataclass(frozen=True, eq=False)
class Model:
    """A syllable n-gram model of Vietnamese administrative text. Build it with :func:`build_model`.

    The model is a value: :meth:`add` returns a new model. ``variants`` maps a folded syllable
    to its real syllables, most frequent first; ``uni``, ``bi`` and ``tri`` hold the log
    probabilities of the seen n-grams, interpolated with the lower order (Witten-Bell);
    ``bow_bi`` and ``bow_tri`` the log weight an unseen follower of a context gets from the
    lower order (a context seen ``c`` times with ``t`` different followers: ``t / (c + t)``).
    """

    variants: Mapping[str, tuple[str, ...]]
    uni: Mapping[str, float]
    ids: Mapping[str, int]
    uni_by_id: tuple[float, ...]
    bi: Mapping[int, float]
    tri: Mapping[int, float]
    unknown: float
    symbols: Mapping[str, str]
    acronyms: frozenset[str]
    confusions: Confusions
    sources: tuple[str, ...]
    build_seconds: float = 0.0
    # backoff weights by context: a bigram context's id, a trigram context's ``u << 20 | v``;
    # a context never seen has none (log 1: the lower order as it is). ``bow_tri`` holds for
    # a trigram context ``u v`` the pair (to the bigram, to the unigram: with ``v``'s own)
    bow_bi: Mapping[int, float] = field(default_factory=dict, repr=False)
    bow_tri: Mapping[int, tuple[float, float]] = field(default_factory=dict, repr=False)
    # raw counts, kept so that add() can extend the model
    _text_uni: Counter = field(default_factory=Counter, repr=False)
    _text_bi: Counter = field(default_factory=Counter, repr=False)
    _text_tri: Counter = field(default_factory=Counter, repr=False)
    _dict_uni: Counter = field(default_factory=Counter, repr=False)
    _dict_bi: Counter = field(default_factory=Counter, repr=False)
    _text_symbols: Counter = field(default_factory=Counter, repr=False)
    _lines: tuple = field(default=(), repr=False)
    # the wider-context model (see _context_model): folded syllable -> (its common real forms,
    # feature -> log P(feature | form) for each form)
    context: Mapping[str, tuple[tuple[str, ...], Mapping[str, tuple[float, ...]]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def token_re(self) -> re.Pattern[str]:
        """The tokenizer (it knows the document-type codes of the confusion table)."""
        return _DEFAULT_TOKEN_RE

    def add(self, text: str, *, name: str = "text") -> Model:
        """A new model that also counts the n-grams of ``text`` (e.g. last year's plans).

        >>> bare = build_model(
        ...     [], bundled=False, wordlist=False, corpus=False, places=False, admin=False, vocabulary=False
        ... )
        >>> m = bare.add("Sở Khoa học và Công nghệ", name="so-khcn")
        >>> m.variants["so"], "khoa" in m.uni, m.sources
        (('sở',), True, ('so-khcn',))
        """
        uni, bi, tri, syms = Counter(self._text_uni), Counter(self._text_bi), Counter(self._text_tri), Counter(self._text_symbols)
        lines = list(self._lines)
        _count_text(text, uni, bi, tri, syms, lines)
        return _assemble(
            uni, bi, tri, self._dict_uni, self._dict_bi, syms, (*self.sources, name), time.perf_counter(), lines
        )

    def logprob(self, u: str, v: str, w: str) -> float:
        """Log probability of ``w`` after ``u v`` (Witten-Bell interpolated trigram).

        >>> m = default_model()
        >>> m.logprob("cải", "cách", "hành") > m.logprob("cải", "cách", "hạnh")
        True
        """
        ids = self.ids
        iu, iv, iw = ids.get(u, 0), ids.get(v, 0), ids.get(w, 0)
        s = self.tri.get(iu << 40 | iv << 20 | iw)
        if s is not None:
            return s
        bo1, bo2 = self.bow_tri.get(iu << 20 | iv) or (0.0, self.bow_bi.get(iv, 0.0))
        s = self.bi.get(iv << 20 | iw)
        if s is not None:
            return bo1 + s
        return bo2 + self.uni_by_id[iw]

    def candidates(self, folded: str) -> tuple[str, ...]:
        """The real syllables that fold to ``folded``, most frequent first.

        >>> default_model().candidates("tuyen")[:3]
        ('tuyên', 'tuyến', 'tuyển')
        """
        return self.variants.get(folded, ())

    def __repr__(self) -> str:
        return (
            f"Model({len(self.variants)} folded syllables, {len(self.uni)} unigrams, "
            f"{len(self.bi)} bigrams, {len(self.tri)} trigrams, sources={list(self.sources)})"
        )


def _count_text(
    text: str, uni: Counter, bi: Counter, tri: Counter, syms: Counter, lines: list | None = None
) -> None:
    rx = _DEFAULT_TOKEN_RE
    for line in nfc(text).split("\n"):
        keys = [_BOS, _BOS]
        for m in rx.finditer(line):
            kind = m.lastgroup or "punct"
            key = lm_key(m.group(), kind)
            if key is None or (kind == "punct" and glued_joiner(line, m.start(), m.end())):
                continue
            if kind == "doc":
                for part in re.findall(r"[^\W\d_]+", m.group()):
                    if "Đ" in part:
                        syms[part] += 1
            elif kind == "word" and m.group().isupper() and len(m.group()) >= 2:
                if "Đ" in m.group() and len(m.group()) >= 3:
                    syms[m.group()] += 1  # an acronym with Đ: HĐND, PGĐ, TTĐT
                elif not is_syllable(m.group()):
                    syms["@" + m.group()] += 1  # an acronym: UBND, CCHC, PAPI
            keys.append(key)
        if len(keys) == 2:
            continue
        if lines is not None:
            lines.append(tuple(keys[2:]))
        uni.update(keys[2:])
        bi.update(itertools.pairwise(keys[1:]))
        tri.update(zip(keys, keys[1:], keys[2:], strict=False))


def _count_wordlist(path: Path, uni: Counter, bi: Counter) -> None:
    for raw in path.read_text("utf-8").splitlines():
        parts = re.split(r"[\s-]+", raw.strip())
        if not parts or not all(is_syllable(p) for p in parts):
            continue
        sylls = [canonical_syllable(p) for p in parts]
        uni.update(sylls)
        bi.update(itertools.pairwise(sylls))


def _assemble(
    text_uni: Counter,
    text_bi: Counter,
    text_tri: Counter,
    dict_uni: Counter,
    dict_bi: Counter,
    text_symbols: Counter,
    sources: tuple[str, ...],
    started: float,
    lines: list | None = None,
) -> Model:
    # unigrams: running text, plus half a count for each word-list entry holding the syllable
    uni_count: Counter = Counter()
    for w, c in text_uni.items():
        uni_count[w] += c
    for w, c in dict_uni.items():
        uni_count[w] += _DICT_UNI_WEIGHT * c
    total = sum(uni_count.values()) or 1.0
    uni = {w: math.log(c / total) for w, c in uni_count.items()}
    unknown = math.log(0.5 / total)

    # bigrams: running text plus word-list pairs. Witten-Bell: a context seen c times with t
    # different followers keeps c / (c + t) for what followed it and gives t / (c + t) to the
    # lower order, so that one sighting ("hệ thống cung cấp") does not make a certainty of
    # "thống cung -> cấp", as a maximum-likelihood estimate (stupid backoff) did
    bi_count: dict[tuple[str, str], float] = {}
    for k, c in text_bi.items():
        bi_count[k] = bi_count.get(k, 0.0) + c
    for k, c in dict_bi.items():
        bi_count[k] = bi_count.get(k, 0.0) + _DICT_BI_WEIGHT * c
    ctx: dict[str, float] = {}
    followers: Counter = Counter()
    for (v, _), c in bi_count.items():
        ctx[v] = ctx.get(v, 0.0) + c
        followers[v] += 1
    ids = {_BOS: 1}
    for w in uni_count:
        ids.setdefault(w, len(ids) + 1)
    uni_by_id = [unknown] * (len(ids) + 2)
    for w, i in ids.items():
        uni_by_id[i] = uni.get(w, unknown)
    p_uni = {w: math.exp(lp) for w, lp in uni.items()}
    p_unknown = math.exp(unknown)
    p_bi: dict[tuple[str, str], float] = {}
    for (v, w), c in bi_count.items():
        t = followers[v]
        p_bi[(v, w)] = (c + t * p_uni.get(w, p_unknown)) / (ctx[v] + t)
    bi = {ids[v] << 20 | ids[w]: math.log(p) for (v, w), p in p_bi.items()}
    bow_bi = {ids[v]: math.log(t / (ctx[v] + t)) for v, t in followers.items()}

    tri_ctx: dict[tuple[str, str], float] = {}
    tri_followers: Counter = Counter()
    for (u, v, _), c in text_tri.items():  # trigrams: running text only
        tri_ctx[(u, v)] = tri_ctx.get((u, v), 0.0) + c
        tri_followers[(u, v)] += 1
    tri: dict[int, float] = {}
    for (u, v, w), c in text_tri.items():
        t = tri_followers[(u, v)]
        lower = p_bi.get((v, w))
        if lower is None:
            lower = math.exp(bow_bi.get(ids[v], 0.0)) * p_uni.get(w, p_unknown)
        tri[ids[u] << 40 | ids[v] << 20 | ids[w]] = math.log((c + t * lower) / (tri_ctx[(u, v)] + t))
    bow_tri: dict[int, tuple[float, float]] = {}
    for (u, v), t in tri_followers.items():
        lw = math.log(t / (tri_ctx[(u, v)] + t))
        bow_tri[ids[u] << 20 | ids[v]] = (lw, lw + bow_bi.get(ids[v], 0.0))

    # folded syllable -> real syllables, most frequent first (ties: alphabetical, stable)
    groups: dict[str, list[str]] = {}
    for w in uni_count:
        if w.startswith("<") or not is_syllable(w):
            continue
        groups.setdefault(fold(w), []).append(w)
    variants = {
        f: tuple(sorted(ws, key=lambda w: (-uni_count[w], w))) for f, ws in groups.items()
    }

    conf = load_confusions()
    symbols = dict(conf.symbols)
    acronyms = set()
    for part, _ in text_symbols.most_common():
        if part.startswith("@"):
            acronyms.add(part[1:])
        else:
            symbols.setdefault(fold(part).upper(), part)
    return Model(
        variants=variants,
        uni=uni,
        ids=ids,
        uni_by_id=tuple(uni_by_id),
        bi=bi,
        tri=tri,
        unknown=unknown,
        symbols=symbols,
        acronyms=frozenset(acronyms),
        confusions=conf,
        sources=sources,
        build_seconds=time.perf_counter() - started,
        bow_bi=bow_bi,
        bow_tri=bow_tri,
        _text_uni=text_uni,
        _text_bi=text_bi,
        _text_tri=text_tri,
        _dict_uni=dict_uni,
        _dict_bi=dict_bi,
        _text_symbols=text_symbols,
        _lines=tuple(lines or ()),
        context=_context_model(lines or (), text_uni),
    )


# The wider-context model: for a folded syllable whose real forms are each common enough
# ("so": số, sở; "ban": ban, bản; "tinh": tỉnh, tính; "dat": đạt, đất), naive Bayes over the
# folded words two to six places to its left and right (sided bags). The trigram sees one
# word to the right and two to the left; this sees "Giám đốc ... Sở" or "số ... ngày".
_CTX_FAR = 6
_CTX_MIN_TOTAL = 50  # sightings of the folded form in running text
_CTX_MIN_SHARE = 0.1  # a real form rarer than this share of its folded form is left out
_CTX_ALPHA = 0.5  # add-alpha smoothing of the feature counts


def context_features(folded: Sequence[str], i: int) -> list[str]:
    """The features of position ``i`` in a line of folded keys: sided words 2 to 6 away.

    >>> context_features(["giam", "doc", "so", "tu", "phap"], 2)
    ['L:giam', 'R:phap']
    >>> context_features(["can", "cu", "quyet", "dinh", "so", "<d>", "ngay"], 4)[:3]
    ['L:quyet', 'L:cu', 'L:can']
    """
    n = len(folded)
    out = [f"L:{folded[i - d]}" for d in range(2, _CTX_FAR + 1) if i - d >= 0]
    out += [f"R:{folded[i + d]}" for d in range(2, _CTX_FAR + 1) if i + d < n]
    return out


def _context_model(lines: Iterable[tuple[str, ...]], text_uni: Counter) -> dict:
    groups: dict[str, list[tuple[str, int]]] = {}
    for w, c in text_uni.items():
        if not w.startswith("<") and w.isalpha():
            groups.setdefault(fold(w), []).append((w, c))
    wanted: dict[str, str] = {}
    for f, ws in groups.items():
        total = sum(c for _, c in ws)
        common = [w for w, c in ws if c >= _CTX_MIN_SHARE * total and c >= 3]
        if total >= _CTX_MIN_TOTAL and len(common) >= 2:
            wanted.update((w, f) for w in common)
    if not wanted:
        return {}
    counts: dict[str, Counter] = {w: Counter() for w in wanted}
    folds: dict[str, str] = {}
    for keys in lines:
        if not any(k in wanted for k in keys):
            continue
        folded = [folds.get(k) or folds.setdefault(k, k if k.startswith("<") else fold(k)) for k in keys]
        for i, k in enumerate(keys):
            if k in wanted:
                counts[k].update(context_features(folded, i))
    by_group: dict[str, list[str]] = {}
    for w, f in wanted.items():
        by_group.setdefault(f, []).append(w)
    out: dict[str, tuple[tuple[str, ...], dict[str, tuple[float, ...]]]] = {}
    for f, forms in by_group.items():
        logs: list[tuple[dict[str, float], float]] = []
        for w in forms:
            c = counts[w]
            denom = sum(c.values()) + _CTX_ALPHA * (len(c) + 1)
            logs.append(({feat: math.log(n + _CTX_ALPHA) - math.log(denom) for feat, n in c.items()}, math.log(_CTX_ALPHA / denom)))
        # one row per feature seen twice or more with some form: its log likelihood under each
        # form (a form that never saw it gets its smoothed unseen mass)
        feats = {feat for w in forms for feat, n in counts[w].items() if n >= 2}
        rows = {feat: tuple(table.get(feat, unseen) for table, unseen in logs) for feat in feats}
        out[f] = (tuple(forms), rows)
    return out


# How many times each shipped source's running text is counted: a phrase of the genre written
# for plankit, or a name from the data files, is worth more than one sighting in a news corpus.
# Chosen on the leave-one-out benchmark and the development corpus (benchmarks/bench_restore.py).
_SOURCE_REPEAT = {"plankit:places": 3, "plankit:admin": 2, "plankit:vocabulary": 2}


def build_model(
    texts: Iterable[str] | Mapping[str, str] = (),
    *,
    exclude: Iterable[str] = (),
    bundled: bool = True,
    wordlist: bool = True,
    corpus: bool = True,
    places: bool = True,
    admin: bool = True,
    vocabulary: bool = True,
) -> Model:
    """Build a model from the shipped sources (``plankit/data/restore/sources.tsv``) and ``texts``.

    Args:
        texts: more running text (strings, or a mapping name -> text), e.g. an officer's own
            plans of earlier years.
        exclude: bundled plans to leave out (see :func:`bundled_texts`), for leave-one-out tests.
        bundled: use the clean bundled plans (shipped in ``plankit/data/restore/plans.tsv.gz``).
        wordlist: use ``Viet74K`` from the installed ``underthesea`` (skipped when absent).
        corpus: use the running text ``underthesea`` ships with its tagger (the VLSP 2013 test
            set, about 96,000 words; skipped when absent): it teaches which syllables are
            frequent in general text, which four plans alone cannot.
        places: use the names of provinces and departments (:func:`places_text`).
        admin: use the administrative phrases written for plankit (:func:`admin_text`).
        vocabulary: use the names in plankit's data files (:func:`vocabulary_text`).

    >>> m = build_model(exclude=["can-tho/2022-so-khcn.txt"])
    >>> "can-tho/2022-so-khcn.txt" in m.sources, m.candidates("nghia")[0]
    (False, 'nghĩa')
    """
    started = time.perf_counter()
    named = dict(texts) if isinstance(texts, Mapping) else {f"text{i + 1}": t for i, t in enumerate(texts)}
    if bundled:
        named = {**bundled_texts(exclude), **named}
    text_uni: Counter = Counter()
    text_bi: Counter = Counter()
    text_tri: Counter = Counter()
    syms: Counter = Counter()
    if places:
        named["plankit:places"] = places_text()
    if admin:
        named["plankit:admin"] = admin_text()
    if vocabulary:
        named["plankit:vocabulary"] = vocabulary_text()
    if corpus and (found := underthesea_corpus_path()) is not None:
        named["underthesea:vlsp2013"] = read_tagged_corpus(found)
    lines: list[tuple[str, ...]] = []
    for name, text in named.items():
        for n in range(_SOURCE_REPEAT.get(name, 1)):
            _count_text(text, text_uni, text_bi, text_tri, syms, lines if n == 0 else None)
    dict_uni: Counter = Counter()
    dict_bi: Counter = Counter()
    sources = list(named)
    path = viet74k_path() if wordlist else None
    if path is not None:
        _count_wordlist(path, dict_uni, dict_bi)
        sources.append("underthesea:Viet74K")
    return _assemble(text_uni, text_bi, text_tri, dict_uni, dict_bi, syms, tuple(sources), started, lines)


@functools.cache
def default_model() -> Model:
    """The model of the bundled plans and Viet74K, built once per process and kept in memory.

    >>> default_model() is default_model()
    True
    """
    return build_model()
