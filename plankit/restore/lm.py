"""The syllable n-gram model (Witten-Bell interpolation), built from the shipped sources and user text.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..text import fold, nfc
from .context import _context_models
from .sources import (
    Confusions,
    admin_text,
    bundled_texts,
    load_confusions,
    places_text,
    read_tagged_corpus,
    register_text,
    underthesea_corpus_path,
    viet74k_path,
    vocabulary_text,
)
from .syllables import _DEFAULT_TOKEN_RE, canonical_syllable, is_syllable, lm_key, punct_key

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
    # the trigrams by context, for the Viterbi search: ``u << 20 | v`` -> (the two weights of
    # ``bow_tri``, ``{w: log P(w | u v)}`` for each ``w`` seen after ``u v``): one lookup per
    # state of the beam, then one in a small table per candidate (see decode._decode)
    follow: Mapping[int, tuple[float, float, Mapping[int, float]]] = field(default_factory=dict, repr=False)
    # raw counts, kept so that add() can extend the model
    _text_uni: Counter = field(default_factory=Counter, repr=False)
    _text_bi: Counter = field(default_factory=Counter, repr=False)
    _text_tri: Counter = field(default_factory=Counter, repr=False)
    _dict_uni: Counter = field(default_factory=Counter, repr=False)
    _dict_bi: Counter = field(default_factory=Counter, repr=False)
    _text_symbols: Counter = field(default_factory=Counter, repr=False)
    _lines: tuple = field(default=(), repr=False)
    # the wider-context model (see _context_model): folded syllable -> (its common real forms,
    # folded word to the left -> log P(it | form) for each form, the same to the right)
    context: Mapping[str, tuple[tuple[str, ...], Mapping[str, tuple[float, ...]], Mapping[str, tuple[float, ...]]]] = field(
        default_factory=dict, repr=False
    )
    # the same for an OCR'd token, whose candidates may fold otherwise ("vé": về, và): the
    # folded form as read -> the common forms of it and of what one cheap rewrite makes of it
    ocr_context: Mapping[str, tuple[tuple[str, ...], Mapping[str, tuple[float, ...]], Mapping[str, tuple[float, ...]]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def token_re(self) -> re.Pattern[str]:
        """The tokenizer (it knows the document-type codes of the confusion table)."""
        return _DEFAULT_TOKEN_RE

    def add(self, text: str, *, name: str = "text") -> Model:
        """A new model that also counts the n-grams of ``text`` (e.g. last year's plans).

        >>> bare = build_model(
        ...     [], bundled=False, wordlist=False, corpus=False, places=False, admin=False, vocabulary=False,
        ...     register=False,
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
            key = punct_key(line, m.start(), m.end()) if kind == "punct" else lm_key(m.group(), kind)
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
        if lines is not None:
            lines.append(tuple(keys[2:]))
        uni.update(keys[2:])
        bi.update(itertools.pairwise(keys[1:]))
        # no trigram for a line's first word: its context (<s>, <s>) says no more than the
        # bigram's <s>, and counting it twice made a first word never seen at a line start
        # pay two backoffs ("Hỗ trợ" lost to "Hồ" of Hồ Chí Minh)
        tri.update(zip(keys[1:], keys[2:], keys[3:], strict=False))


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
    by_context: dict[int, dict[int, float]] = {}
    for key, lp in tri.items():
        by_context.setdefault(key >> 20, {})[key & _ID_MASK] = lp
    follow = {uv: (*bow_tri[uv], by_context[uv]) for uv in bow_tri}

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
    context, ocr_context = _context_models(lines or (), text_uni, conf.chars)
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
        follow=follow,
        _text_uni=text_uni,
        _text_bi=text_bi,
        _text_tri=text_tri,
        _dict_uni=dict_uni,
        _dict_bi=dict_bi,
        _text_symbols=text_symbols,
        _lines=tuple(lines or ()),
        context=context,
        ocr_context=ocr_context,
    )


_ID_MASK = (1 << 20) - 1  # the last id of an n-gram key

# The wider-context model: for a folded syllable whose real forms are each common enough

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
    register: bool = True,
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
        register: use the citations of plankit's register of central documents, with their
            subjects, as frozen in ``plankit/data/restore/register.txt`` (:func:`register_text`;
            a row added to ``register.tsv`` changes nothing until the copy is refrozen).

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
    if register:
        named["plankit:register"] = register_text()
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
