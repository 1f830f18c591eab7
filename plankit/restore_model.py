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
import importlib.util
import itertools
import math
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .text import fold, nfc

__all__ = [
    "Model",
    "build_model",
    "canonical_syllable",
    "default_model",
    "is_syllable",
    "lm_tokens",
    "viet74k_path",
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
# - doc: a document number, kept whole: 4168/QĐ-UBND, 45/2020/NĐ-CP, 26-CTr/TU (not 15/7/2021);
# - slash: OCR's "I" or "l" for the slash of a symbol, "137 IKH-SKHCN" (the codes are data);
# - lead: digits glued to a word by OCR, "21thdng" (never "16p", which is "lớp");
# - word: letters, digits and OCR's stand-ins for marked vowels (¢ € ¥), with inner & or '
#   (KH&CN, THU'C) and a trailing & ("S&" is "Sở");
# - punct: any other visible character.
_DOC = r"\d+[a-zA-Z]?(?:/\d{4})?(?:/[^\W\d_]\w*(?:-\w+)*|-[^\W\d_]\w*/[^\W\d_]\w*)"
_WORDCH = r"(?:[^\W_]|[¢€¥])"


def _token_re(doc_codes: Iterable[str]) -> re.Pattern[str]:
    codes = "|".join(sorted({re.escape(c) for c in doc_codes}, key=len, reverse=True)) or "KH"
    return re.compile(
        rf"""
        (?P<doc>{_DOC})
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
    if kind in ("doc", "slash"):
        return "<d>"
    if kind == "lead":
        return "<n>"
    return surface if surface in _LM_PUNCT else None


def lm_tokens(line: str, token_re: re.Pattern[str] | None = None) -> list[str]:
    """The n-gram keys of one line of text, in order.

    >>> lm_tokens("Căn cứ Kế hoạch số 261/KH-UBND, năm 2022")
    ['căn', 'cứ', 'kế', 'hoạch', 'số', '<d>', ',', 'năm', '<n>']
    """
    rx = token_re or _DEFAULT_TOKEN_RE
    out = []
    for m in rx.finditer(line):
        key = lm_key(m.group(), m.lastgroup or "punct")
        if key is not None:
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


def bundled_plans_dir() -> Path | None:
    """The sample plans inside the package (``plankit/plans``, the checkout's ``plans/``), or ``None``."""
    from .bundled import sample_plans_dir

    path = sample_plans_dir()
    return path if path.is_dir() else None


def bundled_texts(exclude: Iterable[str] = ()) -> dict[str, str]:
    """The clean bundled plans (not OCR'd) by name ``place/file``, minus ``exclude``.

    ``exclude`` holds names, file names or stems: ``"can-tho/2022-so-khcn.txt"``,
    ``"2022-so-khcn.txt"`` or ``"can-tho/2022-so-khcn"`` all leave the Cần Thơ 2022 plan out.
    """
    root = bundled_plans_dir()
    if root is None:
        return {}
    skip = set(exclude)
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in (".txt", ".md") or path.name.lower() == "readme.md":
            continue
        if ".ocr." in path.name:
            continue  # damaged text would teach the damage
        name = path.relative_to(root).as_posix()
        keys = {name, path.name, name.rsplit(".", 1)[0], name.split(".", 1)[0]}
        if keys & skip:
            continue
        out[name] = nfc(path.read_text("utf-8", errors="replace"))
    return out


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

    @property
    def token_re(self) -> re.Pattern[str]:
        """The tokenizer (it knows the document-type codes of the confusion table)."""
        return _DEFAULT_TOKEN_RE

    def add(self, text: str, *, name: str = "text") -> Model:
        """A new model that also counts the n-grams of ``text`` (e.g. last year's plans).

        >>> bare = build_model([], bundled=False, wordlist=False, corpus=False, places=False)
        >>> m = bare.add("Sở Khoa học và Công nghệ", name="so-khcn")
        >>> m.variants["so"], "khoa" in m.uni, m.sources
        (('sở',), True, ('so-khcn',))
        """
        uni, bi, tri, syms = Counter(self._text_uni), Counter(self._text_bi), Counter(self._text_tri), Counter(self._text_symbols)
        _count_text(text, uni, bi, tri, syms)
        return _assemble(
            uni, bi, tri, self._dict_uni, self._dict_bi, syms, (*self.sources, name), time.perf_counter()
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


def _count_text(text: str, uni: Counter, bi: Counter, tri: Counter, syms: Counter) -> None:
    rx = _DEFAULT_TOKEN_RE
    for line in nfc(text).split("\n"):
        keys = [_BOS, _BOS]
        for m in rx.finditer(line):
            kind = m.lastgroup or "punct"
            key = lm_key(m.group(), kind)
            if key is None:
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
    )


def build_model(
    texts: Iterable[str] | Mapping[str, str] = (),
    *,
    exclude: Iterable[str] = (),
    bundled: bool = True,
    wordlist: bool = True,
    corpus: bool = True,
    places: bool = True,
) -> Model:
    """Build a model from the bundled clean plans, the Viet74K word list and ``texts``.

    Args:
        texts: more running text (strings, or a mapping name -> text), e.g. an officer's own
            plans of earlier years.
        exclude: bundled plans to leave out (see :func:`bundled_texts`), for leave-one-out tests.
        bundled: use the clean plans under ``plans/``.
        wordlist: use ``Viet74K`` from the installed ``underthesea`` (skipped when absent).
        corpus: use the running text ``underthesea`` ships with its tagger (the VLSP 2013 test
            set, about 96,000 words; skipped when absent): it teaches which syllables are
            frequent in general text, which four plans alone cannot.
        places: use the names of provinces and departments (:func:`places_text`).

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
    if corpus and (found := underthesea_corpus_path()) is not None:
        named["underthesea:vlsp2013"] = read_tagged_corpus(found)
    for name, text in named.items():
        # a place name is worth more than one sighting in running text: counted three times
        for _ in range(3 if name == "plankit:places" else 1):
            _count_text(text, text_uni, text_bi, text_tri, syms)
    dict_uni: Counter = Counter()
    dict_bi: Counter = Counter()
    sources = list(named)
    path = viet74k_path() if wordlist else None
    if path is not None:
        _count_wordlist(path, dict_uni, dict_bi)
        sources.append("underthesea:Viet74K")
    return _assemble(text_uni, text_bi, text_tri, dict_uni, dict_bi, syms, tuple(sources), started)


@functools.cache
def default_model() -> Model:
    """The model of the bundled plans and Viet74K, built once per process and kept in memory.

    >>> default_model() is default_model()
    True
    """
    return build_model()
