"""Tokens of a line and their candidates: real syllables, OCR repairs, symbols, heading numbers.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import fold, is_upper_text
from .lm import Model
from .syllables import (
    _DEFAULT_TOKEN_RE,
    _MAY_HOLD_KEEP,
    _NO_KEEP_TOKEN_RE,
    _NOT_PLAIN,
    _PLAIN_TOKEN_RE,
    canonical_syllable,
    lm_key,
    punct_key,
)

# -- tuning (chosen on the leave-one-out benchmark, benchmarks/bench_restore.py) ---------------
_MAX_CANDIDATES = 8  # real syllables considered per token
_MAX_EDITS = 2  # OCR confusions chained per token
_PRIOR_MARGIN = 6.0  # candidates this much (log) less likely than the best alone are dropped
_MAX_COST = 3.5  # total confusion cost allowed per token
_MAX_OCR_TOKEN = 10  # longer tokens are no damaged syllable ("nghiêng" has 7 letters)
_MARKED_BONUS = 2.5  # a token typed with its marks is very likely right as typed
_MARKED_BONUS_OCR = 0.3  # ... unless OCR put them there

_OCR_JUNK = "¢€¥&'"
_VOWELS = frozenset("aeiouy")
_ROMAN_OCR_RE = re.compile(r"^[IVXl1|]{1,5}$")

# -- tokens and their candidates ------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    surface: str
    start: int
    end: int
    kind: str
    # (n-gram key, lower-case output, channel log score, key id in the model)
    cands: Sequence[tuple[str, str, float, int]]  # never changed in place: replaced
    how: str = "model"
    prefix: str = ""  # text put before the output ("21thdng" -> "21 tháng")
    fixed_output: str | None = None
    # a flagged personal name: kept as typed; the forms the model would have chosen, by prior
    alternatives: tuple[tuple[str, float], ...] = ()


def _case_of(surface: str) -> int:
    """0: lower, 1: Capitalised, 2: ALL CAPS (most letters after the first are capitals)."""
    if surface.islower():
        return 0
    letters = [c for c in surface if c.isalpha()]
    if not letters or not letters[0].isupper():
        return 0
    rest = letters[1:]
    return 2 if rest and sum(c.isupper() for c in rest) * 2 >= len(rest) else 1


def _case_like(surface: str, out: str) -> str:
    """``out`` in the case of ``surface``: ALL CAPS, Capitalised or lower.

    >>> _case_like("PiCH", "đích"), _case_like("DPoc", "độc"), _case_like("S6", "số")
    ('ĐÍCH', 'Độc', 'Số')
    """
    return _apply_case(_case_of(surface), out)


def _apply_case(mode: int, out: str) -> str:
    if mode == 2:
        return out.upper()
    if mode == 1:
        return out[:1].upper() + out[1:]
    return out


def _is_plain(surface: str) -> bool:
    return surface.isascii()


@functools.lru_cache(maxsize=200_000)
def _expansions(model: Model, folded: str) -> tuple[tuple[str, float], ...]:
    """Folded real syllables reachable from an OCR'd folded token, with their costs."""
    rules = model.confusions.chars
    best: dict[str, float] = {folded: 0.0}
    frontier = [(folded, 0.0)]
    for _ in range(_MAX_EDITS):
        nxt = []
        for s, c in frontier:
            for ocr, real, cost in rules:
                nc = c + cost
                if nc > _MAX_COST:
                    continue
                if ocr[0] == "^":
                    if s.startswith(ocr[1:]):
                        t = real + s[len(ocr) - 1 :]
                        if nc < best.get(t, math.inf):
                            best[t] = nc
                            nxt.append((t, nc))
                    continue
                p = s.find(ocr)
                while p != -1:
                    t = s[:p] + real + s[p + len(ocr) :]
                    if nc < best.get(t, math.inf):
                        best[t] = nc
                        nxt.append((t, nc))
                    p = s.find(ocr, p + 1)
        frontier = nxt
    for real, cost in model.confusions.tokens.get(folded, ()):
        if cost < best.get(real, math.inf):
            best[real] = cost
    return tuple((f, c) for f, c in best.items() if f != folded and f in model.variants)


@functools.lru_cache(maxsize=200_000)
def _word_candidates(
    model: Model, surface: str, ocr: bool, marked: bool = False
) -> tuple[tuple[str, str, float], ...]:
    """Candidates ``(key, lower output, channel score)`` of a word token; empty: keep it.

    ``marked``: the text was typed with its marks, so a plain word in it ("Hung") was typed
    plain on purpose (or by a slip that is not ours to fix): it gets the bonus of a typed form.
    """
    folded = fold(surface)
    letters = [c for c in surface if c.isalpha() or c in _OCR_JUNK]
    damaged = any(c.isdigit() for c in surface) or any(c in _OCR_JUNK for c in surface)
    if damaged and not ocr and not surface.isdigit():
        return ()  # letters and digits in typed text are a code (H01, QT02), never a word
    if surface.isdigit():
        if not ocr:
            return ()
        reals = [(f, c) for f, c in model.confusions.tokens.get(folded, ()) if f in model.variants]
        if not reals:
            return ()
        ids = model.ids
        out = [("<n>", surface, 0.0, ids.get("<n>", 0))]
        for f, c in reals:
            out.extend((w, w, -c, ids.get(w, 0)) for w in model.variants[f][:2])
        return tuple(out)
    if not letters:
        return ()
    capitals = not damaged and all(c.isupper() for c in letters)
    if capitals and (surface in model.acronyms or (not (_VOWELS & set(folded)) and len(surface) < 3)):
        return ()  # an acronym (UBND, CCHC, VT) is never a damaged word
    scores: dict[str, float] = {}
    for w in model.variants.get(folded, ()):
        scores[w] = 0.0
    # OCR repairs: never on a lone letter (the "b" of "b)"); on a word in capitals only the
    # cheap ones (HQC -> HỌC, PONG -> ĐỘNG), so that an unknown acronym (PAPI) stays
    if (ocr or damaged) and (len(surface) > 1 or damaged) and len(folded) <= _MAX_OCR_TOKEN:
        limit = 1.0 if capitals else _MAX_COST
        for f, cost in _expansions(model, folded):
            if cost > limit:
                continue
            for w in model.variants[f]:
                if -cost > scores.get(w, -math.inf):
                    scores[w] = -cost
    if not scores:
        return ()
    if marked or not _is_plain(surface):
        typed = canonical_syllable(surface)
        if typed in scores:
            scores[typed] += _MARKED_BONUS_OCR if ocr else _MARKED_BONUS
        if ocr and not _is_plain(surface):
            # OCR that lost a mark's shape kept where it was: "vé" is "về" far more often than
            # "và" (an e under a mark rewritten to a); its letters marked as OCR marked them
            for w in scores:
                if w != typed and _marked_like(surface, w):
                    scores[w] += _MARKED_BONUS_OCR
    uni = model.uni
    prior = {w: scores[w] + uni.get(w, model.unknown) for w in scores}
    ranked = sorted(prior, key=prior.__getitem__, reverse=True)[:_MAX_CANDIDATES]
    # a candidate far less likely on its own than the best one never wins in context
    floor = prior[ranked[0]] - _PRIOR_MARGIN
    ranked = [w for w in ranked if prior[w] >= floor]
    ids = model.ids
    return tuple((w, w, scores[w], ids.get(w, 0)) for w in ranked)


def _marked_like(surface: str, form: str) -> bool:
    """Whether ``form`` has the letters of the OCR'd ``surface``, with a mark on each letter
    that has one there (whatever the mark: OCR often reads ề, ế, ê as é).

    >>> _marked_like("vé", "về"), _marked_like("vé", "và"), _marked_like("vé", "ve"), _marked_like("Tuyén", "tuyển")
    (True, False, False, True)
    """
    low = surface.lower()
    if len(low) != len(form) or fold(low) != fold(form):
        return False
    return all(b != fold(b) for a, b in zip(low, form, strict=True) if a != fold(a))


def _fixed(model: Model, key: str, out: str) -> tuple[str, str, float, int]:
    return (key, out, 0.0, model.ids.get(key, 0))


@functools.lru_cache(maxsize=4)
def _marked_prefixes(model: Model) -> frozenset[str]:
    """Every proper prefix with a mark of a real syllable: "luậ" (of "luật"), "Việ" lowered."""
    out: set[str] = set()
    for forms in model.variants.values():
        for w in forms:
            out.update(p for i in range(1, len(w)) if not (p := w[:i]).isascii())
    return frozenset(out)


def _truncated(model: Model, surface: str) -> bool:
    """Whether a word with marks is no real syllable but the start of one: a word cut short
    ("pháp luậ" at the end of a text), not OCR damage ("tuyén" starts no syllable).

    >>> from plankit.restore_model import default_model
    >>> [_truncated(default_model(), w) for w in ("luậ", "Việ", "tuyén", "luật", "luat")]
    [True, True, False, False, False]
    """
    if _is_plain(surface):
        return False
    typed = canonical_syllable(surface)
    return typed not in model.variants.get(fold(surface), ()) and typed in _marked_prefixes(model)


def _kept_as_typed(model: Model, surface: str, marked: bool) -> bool:
    """Whether a word of typed (not OCR'd) text stays exactly as typed: do no harm.

    A word with marks stays unless it is no real syllable of its folded form ("tuyén");
    its tone placement stays too ("hoà" is not made "hòa"). A word with marks that starts a
    real syllable ("luậ" of "luật", cut short) stays as well: the model would make another
    word of it ("lựa"), never the one cut. In a text typed with its marks, a plain word
    ("Hung", "PIC", "HDND") was typed so on purpose: it stays as well.
    """
    if _is_plain(surface):
        return marked
    known = model.variants.get(fold(surface))
    return known is None or canonical_syllable(surface) in known or _truncated(model, surface)


class _Cands(tuple):
    """A word's candidates as :func:`_word_token` reads them, with ``folds``: the set of their
    outputs folded, worked out once per word (the wider context asks whether a candidate folds
    otherwise than the word as read: an OCR repair). Equal to the plain tuple."""

    folds: frozenset[str]

    def __new__(cls, cands: Sequence[tuple[str, str, float, int]]) -> _Cands:
        self = super().__new__(cls, cands)
        self.folds = frozenset(fold(c[1]) for c in cands)
        return self


@functools.lru_cache(maxsize=200_000)
def _word_token(model: Model, s: str, ocr: bool, marked: bool) -> tuple[tuple[tuple[str, str, float, int], ...], str, str | None]:
    """How :func:`_tokenize` reads the word ``s``: ``(candidates, how, fixed output)``.

    The same words recur (``của``, ``và``, ``hành chính``) within a text and across texts, so
    the reading is worked out once per word (the candidates the same way as uncached).
    """
    if not ocr and _kept_as_typed(model, s, marked):
        return (_fixed(model, lm_key(s, "word") or "", s),), "kept", s
    cands = _word_candidates(model, s, ocr, marked)
    if cands:
        return _Cands(cands), "model", None
    key = lm_key(s, "word")
    out = s
    # an acronym that lost its Đ (HDND -> HĐND); two letters are too ambiguous (CD)
    if len(s) >= 3 and s.isupper() and s.isalpha():
        out = model.symbols.get(fold(s).upper(), s)
    return (_fixed(model, key, out),), "rule" if out != s else "kept", out


def _tokenize(model: Model, line: str, offset: int, ocr: bool, marked: bool = False) -> list[_Tok]:
    toks: list[_Tok] = []
    append = toks.append
    ids_get = model.ids.get
    rx = model.token_re
    if rx is _DEFAULT_TOKEN_RE:
        if not _NOT_PLAIN.search(line):
            rx = _PLAIN_TOKEN_RE  # the same tokens, found faster
        elif not _MAY_HOLD_KEEP.search(line):
            rx = _NO_KEEP_TOKEN_RE  # the same tokens (no address or file name), found faster
    lead = False
    for m in rx.finditer(line):
        kind = m.lastgroup or "punct"
        s = m.group()
        start, end = m.span()
        if kind == "word":
            cands, how, out = _word_token(model, s, ocr, marked)
            append(_Tok(s, offset + start, offset + end, kind, cands, how, "", out))
        elif kind == "punct":
            key = punct_key(line, start, end) or ""  # "kỳ/năm": a comma; "tế-xã": none
            append(_Tok(s, offset + start, offset + end, kind, [(key, s, 0.0, ids_get(key, 0))], "kept", "", s))
        elif kind == "keep" or (kind == "doc" and marked):
            # a web or e-mail address, a file name; a symbol in text typed with its marks
            append(_Tok(s, offset + start, offset + end, kind, [_fixed(model, "<d>", s)], "kept", fixed_output=s))
        elif kind == "doc":
            out = _restore_symbol(model, s)
            append(_Tok(s, offset + start, offset + end, kind, [_fixed(model, "<d>", out)], "rule" if out != s else "kept", fixed_output=out))
        elif kind == "slash":
            append(_Tok(s, offset + start, offset + end, kind, [_fixed(model, "<d>", "/")], "rule", fixed_output="/"))
        else:  # lead
            append(_Tok(s, offset + start, offset + end, kind, [_fixed(model, "<n>", s)], "kept", fixed_output=s))
            lead = True
    _line_rules(model, line, toks, ocr, lead)
    return toks


def _restore_symbol(model: Model, symbol: str) -> str:
    """``4168/QD-UBND`` -> ``4168/QĐ-UBND``: symbol parts that lost their Đ get it back."""

    def fix(m: re.Match[str]) -> str:
        part = m.group()
        if "Đ" in part or "đ" in part or part != part.upper():
            return part
        return model.symbols.get(fold(part).upper(), part)

    return re.sub(r"[^\W\d_]+", fix, symbol)


def _line_rules(model: Model, line: str, toks: list[_Tok], ocr: bool = True, lead: bool = True) -> None:
    """Rules that need the whole line: Roman heading numbers and glued numbers (``lead``:
    whether the line has a number glued to a word, a token of kind ``lead``)."""
    if len(toks) >= 2 and toks[0].kind == "word" and toks[1].surface in ").":
        first = toks[0].surface
        rest = line[toks[1].end - toks[0].start + line.find(first) :]
        if len(first) == 1 and first.isalpha():
            # a list marker "a)", "b." stays as written
            toks[0] = dataclasses.replace(toks[0], cands=[_fixed(model, first, first)], how="kept", fixed_output=first)
        elif ocr and toks[1].surface == "." and _ROMAN_OCR_RE.match(first) and is_upper_text(rest):
            # a heading number "VI." stays; "11." and "I11." are OCR's II. and III.
            roman = first.replace("1", "I").replace("l", "I").replace("|", "I")
            how = "rule" if roman != first else "kept"
            toks[0] = dataclasses.replace(toks[0], cands=[_fixed(model, "<n>", roman)], how=how, fixed_output=roman)
    # "21thdng": a number glued to the next word gets its space back
    if not (ocr and lead):
        return
    for a, b in itertools.pairwise(toks):
        if a.kind == "lead" and b.start == a.end and b.kind == "word" and b.fixed_output is None:
            b.prefix = " "
