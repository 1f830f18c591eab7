"""Restore Vietnamese diacritics and OCR damage: ``restore_text`` and ``restore_plan``.

A scanned plan read by OCR comes back as "Cong tac thong tin, tuyén truyén cai cach hanh chinh
nim 2025". :func:`restore_text` turns each token into the real syllable that the language model
(:mod:`plankit.restore_model`) and the OCR confusion table (``data/ocr_confusions.tsv``) find
most likely in its context, keeping line breaks, case, numbers and document symbols:

1. tokenize each line (the same tokenizer trained the model);
2. give each word token its candidates: the real syllables that fold to it, and in OCR'd text
   those reachable through at most two confusions (``s6`` -> ``so`` -> ``số``), each with a cost;
3. pick the best sequence per line with a Viterbi search over syllable trigrams (pruned beam);
4. with ``reference=`` (last year's clean plan of the same issuer), align the folded result with
   the reference (difflib, ``autojunk=False``) and decode again, taking the reference's spelling
   wherever a passage matches;
5. put the case back (``KẾ HOẠCH``, ``Cần Thơ``) and fix what rules know: symbols that lost their
   Đ (``QD-UBND`` -> ``QĐ-UBND``), OCR's ``IKH`` for ``/KH``, ``11.`` for ``II.`` in a heading.

Every token keeps its candidates and a confidence, so a notebook shows the uncertain words.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import heapq
import html
import itertools
import math
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .restore_model import (
    _CTX_FAR,
    Model,
    canonical_syllable,
    default_model,
    glued_joiner,
    is_syllable,
    lm_key,
)
from .text import fold, is_upper_text, nfc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Plan

__all__ = ["Restored", "RestoredToken", "restore_plan", "restore_text"]

# -- tuning (chosen on the leave-one-out benchmark, benchmarks/bench_restore.py) ---------------
_BEAM = 6  # Viterbi states kept per token
_MAX_CANDIDATES = 8  # real syllables considered per token
_MAX_EDITS = 2  # OCR confusions chained per token
_PRIOR_MARGIN = 6.0  # candidates this much (log) less likely than the best alone are dropped
_MAX_COST = 3.5  # total confusion cost allowed per token
_MAX_OCR_TOKEN = 10  # longer tokens are no damaged syllable ("nghiêng" has 7 letters)
_MARKED_BONUS = 2.5  # a token typed with its marks is very likely right as typed
_MARKED_BONUS_OCR = 0.3  # ... unless OCR put them there
_REFERENCE_BONUS = 6.0  # log bonus of the reference's spelling where a passage aligns
_RESTORED_REFERENCE_BONUS = 0.5  # ... when the reference was OCR'd and restored first
_REFERENCE_MIN_RUN = 2  # aligned runs shorter than this are chance
UNCERTAIN_BELOW = 0.8  # tokens whose chosen form has a lower confidence are "uncertain"

_OCR_JUNK = "¢€¥&'"
_VOWELS = frozenset("aeiouy")
_ROMAN_OCR_RE = re.compile(r"^[IVXl1|]{1,5}$")
_CODE_RE = re.compile(r"^(?:[A-ZĐ]{2,}\d+|[A-ZĐ]\d{2,})$")
_BOS = "<s>"


@dataclass(frozen=True, slots=True)
class RestoredToken:
    """One token of the input and what it became.

    ``surface`` is the token as read, at ``start:end`` of the (NFC) input; ``output`` what the
    restored text holds in its place; ``candidates`` the forms considered with their
    probabilities in context, best first; ``confidence`` the probability of ``output``;
    ``how``: ``model``, ``reference`` (taken from the reference plan), ``rule`` (a symbol,
    heading or slash rule) or ``kept`` (numbers, punctuation, acronyms, unknown words).
    """

    surface: str
    start: int
    end: int
    output: str
    candidates: tuple[tuple[str, float], ...]
    confidence: float
    how: str

    @property
    def changed(self) -> bool:
        """Whether the output differs from the input token."""
        return self.output != self.surface

    def __repr__(self) -> str:
        return f"RestoredToken({self.surface!r} -> {self.output!r}, {self.confidence:.2f}, {self.how})"


@dataclass(frozen=True)
class Restored:
    """The result of :func:`restore_text`: the restored text and every token's decision.

    >>> r = restore_text("Ke hoach cai cach hanh chinh")
    >>> r.text
    'Kế hoạch cải cách hành chính'
    >>> r.tokens[0]
    RestoredToken('Ke' -> 'Kế', 1.00, model)
    """

    text: str
    original: str
    tokens: tuple[RestoredToken, ...]
    ocr: bool = False
    reference: bool = False
    threshold: float = UNCERTAIN_BELOW

    @property
    def uncertain(self) -> tuple[RestoredToken, ...]:
        """The word tokens to check by eye: a confidence below :attr:`threshold`, or a name."""
        return tuple(t for t in self.tokens if _is_uncertain(t, self.threshold))

    @property
    def names(self) -> tuple[RestoredToken, ...]:
        """The words of personal names: kept as typed, never guessed (``how == "name"``)."""
        return tuple(t for t in self.tokens if t.how == "name")

    def marked_text(self) -> str:
        """The restored text with every uncertain word marked ``{chosen|alternative|...}``.

        >>> restore_text("Ong Tran Van Ba").marked_text()
        'Ông {Tran|Trận|Trần|Trấn} {Van|Văn|Vấn|Vẫn} {Ba|Bà|Bá|Bạ}'
        """
        uncertain = {id(t) for t in self.uncertain}
        parts: list[str] = []
        pos = 0
        for tok in self.tokens:
            parts.append(self.original[pos : tok.start])
            if id(tok) in uncertain:
                alts = [c for c, _ in tok.candidates if c != tok.output][:3]
                parts.append("{" + "|".join([tok.output, *alts]) + "}")
            else:
                parts.append(tok.output)
            pos = tok.end
        parts.append(self.original[pos:])
        return nfc("".join(parts))

    def uncertain_lines(self) -> list[str]:
        """One line per uncertain word: ``line:column surface -> output (alternatives)``.

        >>> restore_text("Ong Tran Van Ba").uncertain_lines()[0]
        '1:5 Tran -> Tran (tên người, name: kept as typed; Trận 46%, Trần 26%, Trấn 14%)'
        """
        out = []
        for t in self.uncertain:
            line = self.original.count("\n", 0, t.start) + 1
            col = t.start - (self.original.rfind("\n", 0, t.start) + 1) + 1
            alts = ", ".join([f"{c} {p:.0%}" for c, p in t.candidates if c != t.output][:3])
            what = "tên người, name: kept as typed; " if t.how == "name" else f"{t.confidence:.0%}; "
            out.append(f"{line}:{col} {t.surface} -> {t.output} ({what}{alts})")
        return out

    @property
    def changed(self) -> tuple[RestoredToken, ...]:
        """The tokens whose output differs from the input."""
        return tuple(t for t in self.tokens if t.changed)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        words = sum(1 for t in self.tokens if t.how in ("model", "reference", "rule"))
        first = self.text.strip().split("\n", 1)[0] if self.text.strip() else ""
        first = first if len(first) <= 50 else first[:49] + "…"
        flags = "".join([", OCR" if self.ocr else "", ", reference" if self.reference else ""])
        return (
            f"<Restored {len(self.changed)}/{words} words changed, {len(self.uncertain)} uncertain"
            f"{flags}: {first!r}>"
        )

    def _repr_html_(self) -> str:
        """The restored text; uncertain words highlighted, candidates shown on hover."""
        uncertain = {id(t) for t in self.uncertain}
        parts: list[str] = []
        pos = 0
        for tok in self.tokens:
            parts.append(html.escape(self.original[pos : tok.start]))
            out = html.escape(tok.output)
            if id(tok) in uncertain:
                tip = html.escape(
                    f"{tok.surface} → " + ", ".join(f"{c} {p:.0%}" for c, p in tok.candidates[:5])
                )
                parts.append(f"<mark style='background:#ffe08a' title='{tip}'>{out}</mark>")
            elif tok.changed and tok.how == "reference":
                parts.append(f"<span style='color:#1a5fb4' title='{html.escape(tok.surface)} (reference)'>{out}</span>")
            else:
                parts.append(out)
            pos = tok.end
        parts.append(html.escape(self.original[pos:]))
        legend = (
            f"<div style='font-size:smaller;color:#555'>{len(self.uncertain)} từ chưa chắc chắn "
            f"(uncertain words, highlighted; hover for candidates)</div>"
        )
        return f"<div>{legend}<pre style='white-space:pre-wrap;font-family:inherit'>{''.join(parts)}</pre></div>"

    def to_frame(self) -> pd.DataFrame:
        """One row per token: surface, span, output, confidence, candidates, how, uncertain."""
        import pandas as pd

        rows = [
            {
                "surface": t.surface,
                "start": t.start,
                "end": t.end,
                "output": t.output,
                "confidence": t.confidence,
                "candidates": "; ".join(f"{c} {p:.2f}" for c, p in t.candidates),
                "how": t.how,
                "uncertain": _is_uncertain(t, self.threshold),
            }
            for t in self.tokens
        ]
        return pd.DataFrame(rows, columns=["surface", "start", "end", "output", "confidence", "candidates", "how", "uncertain"])

    def to_dict(self) -> dict:
        """Plain values for JSON: the text and the changed or uncertain tokens."""
        return {
            "text": self.text,
            "ocr": self.ocr,
            "reference": self.reference,
            "tokens": [
                {
                    "surface": t.surface,
                    "start": t.start,
                    "end": t.end,
                    "output": t.output,
                    "confidence": round(t.confidence, 4),
                    "candidates": [[c, round(p, 4)] for c, p in t.candidates],
                    "how": t.how,
                }
                for t in self.tokens
                if t.changed or _is_uncertain(t, self.threshold)
            ],
            "uncertain": [
                {
                    "surface": t.surface,
                    "start": t.start,
                    "output": t.output,
                    "how": t.how,
                    "alternatives": [[c, round(p, 4)] for c, p in t.candidates if c != t.output],
                }
                for t in self.uncertain
            ],
        }


def _is_uncertain(t: RestoredToken, threshold: float) -> bool:
    return t.how == "name" or (len(t.candidates) > 1 and t.confidence < threshold)


# -- tokens and their candidates ------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    surface: str
    start: int
    end: int
    kind: str
    # (n-gram key, lower-case output, channel log score, key id in the model)
    cands: list[tuple[str, str, float, int]]
    how: str = "model"
    prefix: str = ""  # text put before the output ("21thdng" -> "21 tháng")
    fixed_output: str | None = None
    # a flagged personal name: kept as typed; the forms the model would have chosen, by prior
    alternatives: tuple[tuple[str, float], ...] = ()
    joiner: bool = False  # a "/" or "-" glued between two words ("kỳ/năm")


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
    uni = model.uni
    prior = {w: scores[w] + uni.get(w, model.unknown) for w in scores}
    ranked = sorted(prior, key=prior.__getitem__, reverse=True)[:_MAX_CANDIDATES]
    # a candidate far less likely on its own than the best one never wins in context
    floor = prior[ranked[0]] - _PRIOR_MARGIN
    ranked = [w for w in ranked if prior[w] >= floor]
    ids = model.ids
    return tuple((w, w, scores[w], ids.get(w, 0)) for w in ranked)


def _fixed(model: Model, key: str, out: str) -> tuple[str, str, float, int]:
    return (key, out, 0.0, model.ids.get(key, 0))


def _kept_as_typed(model: Model, surface: str, marked: bool) -> bool:
    """Whether a word of typed (not OCR'd) text stays exactly as typed: do no harm.

    A word with marks stays unless it is no real syllable of its folded form ("tuyén");
    its tone placement stays too ("hoà" is not made "hòa"). In a text typed with its marks,
    a plain word ("Hung", "PIC", "HDND") was typed so on purpose: it stays as well.
    """
    if _is_plain(surface):
        return marked
    known = model.variants.get(fold(surface))
    return known is None or canonical_syllable(surface) in known


def _tokenize(model: Model, line: str, offset: int, ocr: bool, marked: bool = False) -> list[_Tok]:
    toks: list[_Tok] = []
    rx = model.token_re
    for m in rx.finditer(line):
        kind = m.lastgroup or "punct"
        s = m.group()
        start, end = offset + m.start(), offset + m.end()
        if kind == "keep" or (kind == "doc" and marked):
            # a web or e-mail address, a file name; a symbol in text typed with its marks
            toks.append(_Tok(s, start, end, kind, [_fixed(model, "<d>", s)], "kept", fixed_output=s))
        elif kind == "word" and not ocr and _kept_as_typed(model, s, marked):
            key = lm_key(s, "word") or ""
            toks.append(_Tok(s, start, end, kind, [_fixed(model, key, s)], "kept", fixed_output=s))
        elif kind == "doc":
            out = _restore_symbol(model, s)
            toks.append(_Tok(s, start, end, kind, [_fixed(model, "<d>", out)], "rule" if out != s else "kept", fixed_output=out))
        elif kind == "slash":
            toks.append(_Tok(s, start, end, kind, [_fixed(model, "<d>", "/")], "rule", fixed_output="/"))
        elif kind == "lead":
            toks.append(_Tok(s, start, end, kind, [_fixed(model, "<n>", s)], "kept", fixed_output=s))
        elif kind == "word":
            cands = _word_candidates(model, s, ocr, marked)
            if cands:
                toks.append(_Tok(s, start, end, kind, list(cands)))
            else:
                key = lm_key(s, "word")
                out = s
                # an acronym that lost its Đ (HDND -> HĐND); two letters are too ambiguous (CD)
                if len(s) >= 3 and s.isupper() and s.isalpha():
                    out = model.symbols.get(fold(s).upper(), s)
                how = "rule" if out != s else "kept"
                toks.append(_Tok(s, start, end, kind, [_fixed(model, key, out)], how, fixed_output=out))
        else:
            key = lm_key(s, "punct")
            joiner = glued_joiner(line, m.start(), m.end())
            if joiner:
                key = None  # "kỳ/năm": the parts are decoded one by one (_decode_joined)
            toks.append(_Tok(s, start, end, kind, [_fixed(model, key or "", s)], "kept", fixed_output=s, joiner=joiner))
    _line_rules(model, line, toks, ocr)
    _flag_names(model, line, offset, toks)
    return toks


def _restore_symbol(model: Model, symbol: str) -> str:
    """``4168/QD-UBND`` -> ``4168/QĐ-UBND``: symbol parts that lost their Đ get it back."""

    def fix(m: re.Match[str]) -> str:
        part = m.group()
        if "Đ" in part or "đ" in part or part != part.upper():
            return part
        return model.symbols.get(fold(part).upper(), part)

    return re.sub(r"[^\W\d_]+", fix, symbol)


def _line_rules(model: Model, line: str, toks: list[_Tok], ocr: bool = True) -> None:
    """Rules that need the whole line: Roman heading numbers and glued numbers."""
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
    for a, b in itertools.pairwise(toks):
        if ocr and a.kind == "lead" and b.start == a.end and b.kind == "word" and b.fixed_output is None:
            b.prefix = " "


# -- personal names --------------------------------------------------------------------------

_NAME_CUES = frozenset({("ong",), ("ba",), ("dong", "chi"), ("d/c",), ("ky", ":")})


def _title(surface: str) -> bool:
    """Capitalised, the rest lower case ("Nguyễn", "Văn"), or one capital letter ("A")."""
    return surface[:1].isupper() and (len(surface) == 1 or surface[1:].islower())


@functools.cache
def _proper_phrases() -> frozenset[tuple[str, str]]:
    """Folded pairs of capitalised words in plankit's own sources: places and bodies, no names.

    "Hồ Chí Minh", "Đồng Nai", "Trường Chính" (trị): a run that starts so is no person.
    """
    from .restore_model import admin_text, places_text, vocabulary_text

    pairs: set[tuple[str, str]] = set()
    for text in (places_text(), admin_text(), vocabulary_text()):
        for line in text.split("\n"):
            words = re.findall(r"[^\W\d_]+", line)
            for a, b in itertools.pairwise(words):
                if _title(a) and _title(b):
                    pairs.add((fold(a).lower(), fold(b).lower()))
    return frozenset(pairs)


def _flag_names(model: Model, line: str, offset: int, toks: list[_Tok]) -> None:
    """Mark personal names: kept as typed, never guessed, listed with the model's alternatives.

    A name is a run of two to four capitalised syllables, one space apart, starting with a
    family name (``data/restore/surnames.tsv``): a "strong" one anywhere, a "weak" one after a
    cue (ông, bà, đồng chí, "Người ký:") or alone on its line (a signer). A run that starts as
    a place or body in plankit's sources ("Hồ Chí Minh", "Đồng Nai") is no name.
    """
    from .restore_model import load_surnames

    surnames = load_surnames()
    known = _proper_phrases()
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        strength = surnames.get(fold(t.surface).lower()) if t.kind == "word" and _title(t.surface) else None
        if strength is None:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j - i < 4
            and toks[j].kind == "word"
            and toks[j].start == toks[j - 1].end + 1
            and _title(toks[j].surface)
            and is_syllable(toks[j].surface)
        ):
            j += 1
        folded = [fold(x.surface).lower() for x in toks[i:j]]
        if j - i < 2 or (folded[0], folded[1]) in known:
            i += 1
            continue
        before = tuple(fold(x.surface).lower() for x in toks[max(0, i - 2) : i])
        cue = any(before[-len(c) :] == c for c in _NAME_CUES if len(before) >= len(c))
        alone = line.strip(" \t.,;:") == line[toks[i].start - offset : toks[j - 1].end - offset]
        if strength == "strong" or cue or alone:
            for k in range(i, j):
                _flag(model, toks, k)
        i = j


def _flag(model: Model, toks: list[_Tok], k: int) -> None:
    tok = toks[k]
    cands = _word_candidates(model, tok.surface, False)
    mode = _case_of(tok.surface)
    alts: dict[str, float] = {}
    if cands:
        uni = model.uni
        prior = [c[2] + uni.get(c[0], model.unknown) for c in cands]
        top = max(prior)
        weights = [math.exp(p - top) for p in prior]
        total = sum(weights)
        for c, w in zip(cands, weights, strict=True):
            form = _apply_case(mode, c[1])
            alts[form] = alts.get(form, 0.0) + w / total
    key = cands[0][0] if cands else (lm_key(tok.surface, "word") or "")
    toks[k] = dataclasses.replace(
        tok,
        cands=[_fixed(model, key, tok.surface)],
        how="name",
        fixed_output=tok.surface,
        prefix="",
        alternatives=tuple(alts.items()),
    )


# -- wider context ---------------------------------------------------------------------------

_CONTEXT_WEIGHT = 0.1  # weight of the wider-context log likelihoods against the trigram's
_CONTEXT_CLIP = 3.0  # no wider context outweighs the trigram by more than this (log)


def _context_key(tok: _Tok) -> str | None:
    if tok.kind == "word":
        return "<n>" if tok.surface.isdigit() else fold(tok.surface).lower()
    if tok.kind in ("doc", "keep", "slash"):
        return "<d>"
    if tok.kind == "lead":
        return "<n>"
    return tok.cands[0][0] or None


def _apply_context(model: Model, toks: list[_Tok]) -> None:
    """Add the wider-context model's evidence to the channel score of ambiguous tokens.

    The features are those of :func:`~plankit.restore_model.context_features`, sliced from
    two lists built once per line.
    """
    contexts = model.context
    keyed = [(i, k) for i, t in enumerate(toks) if (k := _context_key(t)) is not None]
    targets = [
        (pos, i, contexts[k])
        for pos, (i, k) in enumerate(keyed)
        if k in contexts and toks[i].fixed_output is None and len(toks[i].cands) > 1
    ]
    if not targets:
        return
    left = [f"L:{k}" for _, k in keyed]
    right = [f"R:{k}" for _, k in keyed]
    far = _CTX_FAR
    for pos, i, (forms, rows) in targets:
        # only what some real form was seen with: an unseen feature says nothing, and would
        # favour the rarer form (its smoothed mass is larger)
        hits = [row for f in (*left[max(0, pos - far) : max(0, pos - 1)], *right[pos + 2 : pos + far + 1]) if (row := rows.get(f))]
        if not hits:
            continue
        sums = [sum(col) for col in zip(*hits, strict=True)]
        mean = sum(sums) / len(sums)
        bonus = {
            form: max(-_CONTEXT_CLIP, min(_CONTEXT_CLIP, _CONTEXT_WEIGHT * (sc - mean)))
            for form, sc in zip(forms, sums, strict=True)
        }
        tok = toks[i]
        tok.cands = [(c[0], c[1], c[2] + bonus.get(c[0], 0.0), c[3]) for c in tok.cands]


# -- decoding ----------------------------------------------------------------------------------


_MASK = (1 << 20) - 1


def _decode(model: Model, toks: Sequence[_Tok], bonus: dict[int, str], weight: float = 0.0) -> list[int]:
    """Viterbi over (previous id, id) states, pruned to the best ``_BEAM``; returns choices.

    A state is ``v << 20 | w``; trigram and bigram keys are built by shifting (see
    :class:`~plankit.restore_model.Model`), so the inner loop allocates no tuples.
    """
    tri, bi, uni = model.tri, model.bi, model.uni_by_id
    bow_tri, bow_bi = model.bow_tri, model.bow_bi
    mask = _MASK
    beam = _BEAM
    inf = -math.inf
    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    choice = [0] * len(toks)
    if not steps:
        return choice
    bos = model.ids[_BOS]
    states: dict[int, float] = {bos << 20 | bos: 0.0}
    back: list[dict[int, int]] = []
    for i in steps:
        cands = toks[i].cands
        pref = bonus.get(i)
        scored = [(c[3], c[2] + weight) if c[0] == pref else (c[3], c[2]) for c in cands]
        new: dict[int, float] = {}
        bp: dict[int, int] = {}
        for st, sc in states.items():
            tctx = st << 20
            v = st & mask
            bctx = v << 20
            # what an unseen trigram (bigram) after this state keeps of the lower order
            bo1, bo2 = bow_tri.get(st) or (0.0, bow_bi.get(v, 0.0))
            for j, (w, ch) in enumerate(scored):
                lp = tri.get(tctx | w)
                if lp is None:
                    lp = bi.get(bctx | w)
                    lp = bo1 + lp if lp is not None else bo2 + uni[w]
                sc2 = sc + ch + lp
                ns = bctx | w
                if sc2 > new.get(ns, inf):
                    new[ns] = sc2
                    bp[ns] = st << 8 | j
        if len(new) > beam:
            new = {k: new[k] for k in heapq.nlargest(beam, new, key=new.__getitem__)}
        states = new
        back.append(bp)
    state = max(states, key=states.__getitem__)
    for n in range(len(steps) - 1, -1, -1):
        packed = back[n][state]
        choice[steps[n]] = packed & 0xFF
        state = packed >> 8
    return choice


def _decode_joined(model: Model, toks: Sequence[_Tok], choice: list[int]) -> list[int]:
    """Restore words joined by ``/`` or ``-`` part by part: each in the slot of the whole.

    "cac xa/phuong" lists two alternatives for one slot: "phường" is decoded after "các" (as
    "xã" is), with the words after the group as its right context, not after "xã".
    """
    n = len(toks)
    i = 0
    out = list(choice)
    while i < n:
        if not (toks[i].kind == "word" and i + 2 < n and toks[i + 1].joiner):
            i += 1
            continue
        members = [i]
        j = i
        while j + 2 < n and toks[j + 1].joiner and toks[j + 2].kind == "word":
            j += 2
            members.append(j)
        for k in members:
            if toks[k].fixed_output is None and len(toks[k].cands) > 1:
                view = [*toks[:i], toks[k], *toks[j + 1 :]]
                out[k] = _decode(model, view, {})[i]
        i = j + 1
    return out


def _confidences(
    model: Model, toks: Sequence[_Tok], choice: list[int], bonus: dict[int, str], weight: float = 0.0
) -> list[list[float]]:
    """Per token, the probability of each candidate with the chosen neighbours held fixed."""
    tri, bi, uni = model.tri, model.bi, model.uni_by_id
    bow_tri, bow_bi = model.bow_tri, model.bow_bi

    def lp(u: int, v: int, w: int) -> float:
        s = tri.get(u << 40 | v << 20 | w)
        if s is None:
            bo1, bo2 = bow_tri.get(u << 20 | v) or (0.0, bow_bi.get(v, 0.0))
            s = bi.get(v << 20 | w)
            s = bo1 + s if s is not None else bo2 + uni[w]
        return s

    steps = [i for i, t in enumerate(toks) if t.cands[0][0]]
    bos = model.ids[_BOS]
    ids = [bos, bos] + [toks[i].cands[choice[i]][3] for i in steps] + [-1, -1]
    out: list[list[float]] = [[1.0] for _ in toks]
    for n, i in enumerate(steps):
        cands = toks[i].cands
        if len(cands) == 1:
            continue
        k = n + 2
        u, v, x, y = ids[k - 2], ids[k - 1], ids[k + 1], ids[k + 2]
        pref = bonus.get(i)
        scores = []
        for key, _out, ch, w in cands:
            s = ch + lp(u, v, w)
            if x >= 0:
                s += lp(v, w, x)
                if y >= 0:
                    s += lp(w, x, y)
            if key == pref:
                s += weight
            scores.append(s)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        out[i] = [e / total for e in exp]
    return out


# -- OCR detection and the reference ------------------------------------------------------------


def looks_ocr(text: str, model: Model | None = None) -> bool:
    """Whether ``text`` looks like OCR output (many tokens that are no Vietnamese word).

    >>> looks_ocr("Nang cao nhan thtc cua cong chic, vién chitc vé cac muyc tiéu")
    True
    >>> looks_ocr("Nang cao nhan thuc cua cong chuc, vien chuc ve cac muc tieu")
    False
    """
    model = model or default_model()
    words = bad = 0
    for m in model.token_re.finditer(nfc(text)):
        if m.lastgroup != "word":
            continue
        s = m.group()
        letters = [c for c in s if c.isalpha()]
        if not letters or s.isdigit():
            continue
        words += 1
        if _CODE_RE.match(s):
            continue  # a code (H01, QT02, BM-03), not a damaged word ("s6", "c6ng")
        if any(c.isdigit() or c in _OCR_JUNK for c in s):
            bad += 1
        elif all(c.isupper() for c in letters) and (
            not (_VOWELS & set(fold(s))) or s in model.acronyms or not is_syllable(s)
        ):
            continue  # an acronym (UBND, CCHC, PAPI), not damage
        elif fold(s) not in model.variants:
            bad += 1
        elif not _is_plain(s) and canonical_syllable(s) not in model.variants[fold(s)]:
            bad += 1  # marks that make no real syllable: "tuyén"
    return words > 0 and bad / words >= 0.04


def _reference_keys(model: Model, reference: str) -> tuple[list[str], float]:
    """The syllable keys of the reference text and the weight of its votes.

    A clean reference's spelling is taken (a large bonus). A reference that is itself OCR'd
    or unaccented is restored first and then only votes softly: it is no surer than the model.
    """
    bonus = _REFERENCE_BONUS
    if looks_ocr(reference, model) or _mostly_plain(reference):
        reference = restore_text(reference, model=model).text
        bonus = _RESTORED_REFERENCE_BONUS
    keys = []
    for line in reference.split("\n"):
        for m in model.token_re.finditer(line):
            if m.lastgroup == "word" and not m.group().isdigit():
                keys.append(canonical_syllable(m.group()))
    return keys, bonus


def _mostly_plain(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and sum(w.isascii() for w in words) / len(words) > 0.8


def _typed_with_marks(text: str) -> bool:
    """Whether ``text`` was typed with all its marks: few plain words, as in a clean plan.

    Clean plans have 12-17% words without a mark ("a", "cho", "tin", "UBND"); a text typed
    with marks here and there has many more, and its plain words still want restoring.

    >>> _typed_with_marks("UBND tỉnh Hưng Yên, Sở Khoa học và Công nghệ"), _typed_with_marks("Ke hoạch cải cach")
    (True, False)
    """
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and sum(w.isascii() for w in words) / len(words) <= 0.3


def _reference_bonus(
    model: Model, lines: list[list[_Tok]], choices: list[list[int]], ref_keys: list[str], ocr: bool
) -> list[dict[int, str]]:
    """Where the first decoding aligns with the reference, the reference's syllable per token.

    A reference word that is no candidate of the token is added only if the token can be read
    so: the same folded form, or, in OCR'd text, an OCR confusion away. Plain text typed
    without marks has no OCR damage: its "bao" is never the reference's "bộ".
    """
    pos: list[tuple[int, int]] = []
    seq: list[str] = []
    for li, toks in enumerate(lines):
        for ti, t in enumerate(toks):
            if t.kind == "word" and t.fixed_output is None:
                pos.append((li, ti))
                seq.append(fold(t.cands[choices[li][ti]][0]))
            elif t.kind == "word" and not t.surface.isdigit() and t.cands[0][0]:
                pos.append((li, ti))
                seq.append(fold(t.cands[0][0]))
    ref_folded = [fold(k) for k in ref_keys]
    bonus: list[dict[int, str]] = [{} for _ in lines]
    pairs: list[tuple[int, int]] = []
    sm = difflib.SequenceMatcher(None, seq, ref_folded, autojunk=False)
    ops = sm.get_opcodes()
    for n, (op, a1, a2, b1, b2) in enumerate(ops):
        if op == "equal" and a2 - a1 >= _REFERENCE_MIN_RUN:
            pairs.extend(zip(range(a1, a2), range(b1, b2), strict=True))
        elif (
            op == "replace"
            and a2 - a1 == b2 - b1 <= 3
            and 0 < n < len(ops) - 1
            and ops[n - 1][0] == "equal"
            and ops[n + 1][0] == "equal"
        ):
            # a short stretch between two aligned passages, where the first decoding went
            # wrong ("dân đốc" for "đôn đốc"): pair it word for word if the reference's word
            # is among the token's candidates
            pairs.extend(zip(range(a1, a2), range(b1, b2), strict=True))
    for a, b in pairs:
        li, ti = pos[a]
        tok = lines[li][ti]
        ref = ref_keys[b]
        if tok.fixed_output is not None or "<" in ref:
            continue
        if all(c[0] != ref for c in tok.cands):
            # the reference's word was not among the candidates kept: add it if the token can
            # be read so (same folded form, or an OCR confusion away)
            folded = fold(tok.surface)
            if ref_folded[b] == folded:
                cost = 0.0
            elif not ocr:
                continue
            else:
                cost = dict(_expansions(model, folded)).get(ref_folded[b], math.inf)
            if cost == math.inf:
                continue
            tok.cands.append((ref, ref, -cost, model.ids.get(ref, 0)))
        bonus[li][ti] = ref
    return bonus


# -- public API -------------------------------------------------------------------------------


def restore_text(
    text: str | Plan | os.PathLike[str],
    *,
    reference: str | Plan | os.PathLike[str] | None = None,
    model: Model | None = None,
    ocr: bool | None = None,
    context: bool = True,
) -> Restored:
    """Restore the diacritics (and OCR damage) of Vietnamese text.

    Args:
        text: text without (or with damaged) diacritics; any length, any number of lines. A
            :class:`~plankit.model.Plan` or a :class:`~pathlib.Path` gives its text (and
            ``ocr`` from how it was read); a ``str`` is always text.
        reference: an earlier clean plan of the same issuer, as every plankit verb takes a
            plan: a :class:`~plankit.model.Plan` or the path of its file (``str`` or
            :class:`~pathlib.Path`); a text goes in as ``read_text(text)``. Where a passage
            aligns with it, its spelling is taken. An OCR'd reference is restored first.
        model: a :class:`~plankit.restore_model.Model` (default: the bundled plans and Viet74K,
            built once per process).
        ocr: whether ``text`` is OCR output, so that damaged letters may be repaired
            (``s6`` -> ``số``); ``None`` decides from the text (:func:`looks_ocr`).
        context: let the wider-context model (words two to six places away) weigh in where
            one folded word has several common real forms (số/sở, ban/bản, tỉnh/tính);
            ``False`` decides with the trigram alone (the benchmark compares the two).

    Returns:
        A :class:`Restored`: ``.text`` has the same lines as the input (NFC), case kept;
        ``.tokens`` has every token's candidates and confidence.

    Never raises on any string.

    >>> restore_text("CONG HOA XA HOI CHU NGHIA VIET NAM").text
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> restore_text("S6:137 IKH-SKHCN Can Tho, ngay 21thdng 01 nam 2025").text
    'Số:137/KH-SKHCN Cần Thơ, ngày 21 tháng 01 năm 2025'
    """
    if not isinstance(text, str):  # a Plan or a file
        from .read import as_plan

        plan = as_plan(text)
        text, ocr = plan.text, (True if plan.source.ocr else ocr)
    if reference is not None:
        from .read import as_plan

        reference = as_plan(reference)
    model = model or default_model()
    source = nfc(text)
    if ocr is None:
        ocr = looks_ocr(source, model)
    # a text typed with its marks keeps its plain words too ("Hung Yên" in a clean plan)
    marked = not ocr and _typed_with_marks(source)
    lines: list[list[_Tok]] = []
    starts: list[int] = []
    offset = 0
    raw_lines = source.split("\n")
    for line in raw_lines:
        starts.append(offset)
        toks = _tokenize(model, line, offset, ocr, marked)
        if context and model.context:
            _apply_context(model, toks)
        lines.append(toks)
        offset += len(line) + 1
    no_bonus: dict[int, str] = {}
    choices = [_decode(model, toks, no_bonus) for toks in lines]
    choices = [
        _decode_joined(model, toks, ch) if any(t.joiner for t in toks) else ch
        for toks, ch in zip(lines, choices, strict=True)
    ]
    bonuses: list[dict[int, str]] = [{} for _ in lines]
    weight = 0.0
    ref_text = getattr(reference, "text", None)
    if ref_text:
        ref_keys, weight = _reference_keys(model, nfc(str(ref_text)))
        bonuses = _reference_bonus(model, lines, choices, ref_keys, ocr)
        choices = [
            _decode(model, toks, b, weight) if b else ch
            for toks, ch, b in zip(lines, choices, bonuses, strict=True)
        ]
    tokens: list[RestoredToken] = []
    out_lines: list[str] = []
    for line, line_start, toks, choice, bonus in zip(raw_lines, starts, lines, choices, bonuses, strict=True):
        probs = _confidences(model, toks, choice, bonus, weight)
        pieces: list[str] = []
        pos = line_start
        for ti, tok in enumerate(toks):
            pieces.append(source[pos : tok.start])
            j = choice[ti]
            if tok.how == "name":
                output = tok.fixed_output or tok.surface
                alts = tuple((f, p) for f, p in tok.alternatives if f != output)
                cands: tuple[tuple[str, float], ...] = ((output, 0.0), *alts)
                conf = 0.0
                how = "name"
            elif tok.fixed_output is not None:
                output = tok.fixed_output
                cands = ((output, 1.0),)
                conf = 1.0
                how = tok.how
            else:
                mode = _case_of(tok.surface)
                output = _apply_case(mode, tok.cands[j][1])
                p = probs[ti]
                if len(p) == 1:
                    cands, conf = ((output, 1.0),), 1.0
                else:
                    seen: dict[str, float] = {}
                    for k in sorted(range(len(p)), key=p.__getitem__, reverse=True):
                        if p[k] < 0.001 and k != j:
                            continue
                        form = _apply_case(mode, tok.cands[k][1])
                        seen[form] = seen.get(form, 0.0) + p[k]
                    cands = tuple(seen.items())
                    conf = seen[output]
                how = "reference" if bonus.get(ti) == tok.cands[j][0] else "model"
            pieces.append(tok.prefix + output)
            tokens.append(RestoredToken(tok.surface, tok.start, tok.end, tok.prefix + output, cands, conf, how))
            pos = tok.end
        pieces.append(source[pos : line_start + len(line)])
        out_lines.append("".join(pieces))
    restored = nfc("\n".join(out_lines))
    return Restored(restored, source, tuple(tokens), ocr=ocr, reference=bool(ref_text))


def restore_plan(
    plan: Plan | str | os.PathLike[str], *, reference: Plan | str | os.PathLike[str] | None = None
) -> Plan:
    """A plan whose text is restored, re-read so that its spans and sections follow.

    ``plan`` and ``reference`` (an earlier clean plan of the same issuer) are each a Plan or the
    path of its file, as for :func:`restore_text`.

    The new plan's source says ``ocr=True, restored=True`` and keeps the original path.

    >>> from plankit.read import read_text
    >>> p = restore_plan(read_text("KE HOACH\\nCong tac thong tin, tuyen truyen cai cach hanh chinh nam 2025"))
    >>> p.header.title
    'Công tác thông tin, tuyên truyền cải cách hành chính năm 2025'
    """
    from .read import as_plan, read_text

    plan = as_plan(plan)
    restored = restore_text(plan.text, reference=reference, ocr=True if plan.source.ocr else None)
    new = read_text(restored.text, name=plan.source.name, form=plan.source.form)
    source = dataclasses.replace(new.source, ocr=True, restored=True, path=plan.source.path)
    return dataclasses.replace(new, source=source)


def _nfd_strip(text: str) -> str:
    """Drop every diacritic, keeping case: the input of the leave-one-out benchmark.

    >>> _nfd_strip("Đảng Cộng sản Việt Nam")
    'Dang Cong san Viet Nam'
    """
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return out.replace("đ", "d").replace("Đ", "D")
