"""Personal names: kept as typed, never guessed, flagged with the forms the model would choose.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re

from ..text import fold
from .lm import Model
from .sources import load_surnames, place_names
from .syllables import is_syllable, lm_key
from .tokens import _apply_case, _case_of, _expansions, _fixed, _Tok, _word_candidates

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
    from .sources import admin_text, places_text, vocabulary_text

    pairs: set[tuple[str, str]] = set()
    for text in (places_text(), admin_text(), vocabulary_text()):
        for line in text.split("\n"):
            words = re.findall(r"[^\W\d_]+", line)
            for a, b in itertools.pairwise(words):
                if _title(a) and _title(b):
                    pairs.add((fold(a).lower(), fold(b).lower()))
    return frozenset(pairs)


def _ocr_damaged(surface: str) -> bool:
    """A word with a digit among its letters: OCR's reading of a marked letter ("Ng6" for "Ngô")."""
    return any(ch.isdigit() for ch in surface) and any(ch.isalpha() for ch in surface)


def _surname(model: Model, surnames: dict[str, str], surface: str) -> str | None:
    """How strongly ``surface`` is a family name ("strong", "weak") or ``None``; an OCR-damaged
    word ("Ng6") is one when a reading the OCR confusion table allows is ("ngo")."""
    folded = fold(surface).lower()
    strength = surnames.get(folded)
    if strength is None and _ocr_damaged(surface):
        found = [surnames[f] for f, _cost in _expansions(model, folded) if f in surnames]
        strength = "strong" if "strong" in found else (found[0] if found else None)
    return strength


# -- place names after a place word -----------------------------------------------------------

# folded place word -> the kind of unit it names. Only provincial units (``data/provinces.tsv``)
# have a vocabulary; communes, wards and districts have none in plankit, so after "xã", "phường"
# or "huyện" the model decides alone (they have no entry here).
_PLACE_WORDS: dict[tuple[str, ...], str] = {
    ("tinh",): "tỉnh",
    ("thanh", "pho"): "thành phố",
}


@functools.cache
def _known_places() -> dict[str, dict[tuple[str, ...], tuple[str, ...]]]:
    """By kind: the folded syllables of each known place name -> its syllables, lower case.

    The provinces' names and their spelled-out aliases ("Thanh Hoá", "Đăk Lăk"); abbreviations
    ("TP. Huế", "TTH", "BR-VT") are no run of words. The official name comes first, so a folded
    form shared with an alias (``thanh hoa``) reads as the name ("Thanh Hóa"). The names are the
    restorer's frozen copy (:func:`~plankit.restore.sources.place_names`), not ``provinces.tsv``.
    """
    out: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    for kind, spelling in place_names():
        if kind == "body":
            continue
        table = out.setdefault(kind, {})
        words = spelling.split()
        if len(words) > 2 and fold(" ".join(words[:2])).lower() == "thanh pho":
            words = words[2:]  # "Thành phố Hồ Chí Minh": the kind is the place word
        if not words or not all(_title(w) for w in words):
            continue
        table.setdefault(tuple(fold(w).lower() for w in words), tuple(w.lower() for w in words))
    return out


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one letter replaced, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _match_place(
    places: dict[tuple[str, ...], tuple[str, ...]], run: list[str], ocr: bool
) -> tuple[str, ...] | None:
    """The known place the folded words ``run`` start with: the longest exact match; else, in
    OCR'd text, the one place of two or more syllables that all but one letter of one
    syllable match (``quang ngat`` -> Quảng Ngãi), if exactly one does."""
    for n in range(min(len(run), 4), 0, -1):
        if (hit := places.get(tuple(run[:n]))) is not None:
            return hit
    if not ocr:
        return None
    near = [
        form
        for key, form in places.items()
        if len(key) >= 2
        and len(run) >= len(key)
        and sum(a != b for a, b in zip(key, run, strict=False)) == 1
        and all(a == b or _one_edit(a, b) for a, b in zip(key, run, strict=False))
    ]
    return near[0] if len(near) == 1 else None


def _mark_places(model: Model, toks: list[_Tok], ocr: bool, folded: str | None = None) -> None:
    """Read a place name after a place word as the known place it matches, for its kind.

    "TỈNH QUANG NGAI" and an OCR'd "TỈNH QUẢNG NGẤT" both read "TỈNH QUẢNG NGÃI": a run of
    capitalised words (or capitals) right after "tỉnh" or "thành phố" whose folded form is a
    known provincial unit of that kind takes its spelling (``how == "place"``). In typed text the
    folded form must match exactly and words typed with their marks stay as typed; in OCR'd text
    one letter of one syllable may differ, when that leaves a single place.

    ``folded``: the line folded (:func:`~plankit.text.fold`), when the caller has it: a line
    whose folded text holds neither place word has no place name to read.
    """
    if folded is not None:
        low = folded.lower()
        if "tinh" not in low and "thanh" not in low:
            return
    n = len(toks)
    places = _known_places()
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        head = fold(tok.surface).lower()
        if head not in ("tinh", "thanh"):
            continue
        j = i + 1
        words: tuple[str, ...] = (head,)
        if head == "thanh":
            if j >= n or toks[j].kind != "word" or fold(toks[j].surface).lower() != "pho":
                continue
            words, j = (head, "pho"), j + 1
        table = places.get(_PLACE_WORDS.get(words, ""))
        if not table:
            continue
        k = j
        while (
            k < n
            and k - j < 4
            and toks[k].kind == "word"
            and toks[k].start == toks[k - 1].end + 1
            and toks[k].surface[:1].isupper()
        ):
            k += 1
        run = [fold(t.surface).lower() for t in toks[j:k]]
        form = _match_place(table, run, ocr) if run else None
        if form is None:
            continue
        for t_i, syllable in zip(range(j, j + len(form)), form, strict=True):
            t = toks[t_i]
            free = t.fixed_output is None and t.how == "model"
            # a word the model has no reading for: plain in typed text ("Dak"), any in OCR'd text
            kept = t.how == "kept" and (ocr or (t.surface.isascii() and fold(t.surface).lower() == fold(syllable)))
            if not (free or kept):
                continue
            toks[t_i] = dataclasses.replace(
                t,
                cands=[_fixed(model, lm_key(syllable, "word") or syllable, syllable)],
                how="place",
                fixed_output=_apply_case(_case_of(t.surface), syllable),
                prefix=t.prefix,
            )


def _flag_names(
    model: Model, line: str, offset: int, toks: list[_Tok], ocr: bool = False, marked: bool = False, folded: str | None = None
) -> None:
    """Mark personal names: kept as typed, never guessed, listed with the model's alternatives.

    A name is a run of two to four capitalised syllables, one space apart, starting with a
    family name (``data/restore/surnames.tsv``): a "strong" one anywhere, a "weak" one after a
    cue (ông, bà, đồng chí, "Người ký:") or alone on its line (a signer). A run that starts as
    a place or body in plankit's sources ("Hồ Chí Minh", "Đồng Nai") is no name. ``folded``:
    the line folded, if the caller has it (see :func:`_mark_places`).
    """
    if not marked:  # a text typed with its marks keeps its plain words ("tỉnh Hung Yên")
        _mark_places(model, toks, ocr, folded)
    surnames = load_surnames()
    known = _proper_phrases()
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        s = t.surface
        # most words are no name: lower case (the test of _title, inlined: every token asks)
        if t.kind != "word" or not s[:1].isupper() or not (len(s) == 1 or s[1:].islower()) or t.how == "place":
            i += 1
            continue
        strength = _surname(model, surnames, s)
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
    cands = _word_candidates(model, tok.surface, _ocr_damaged(tok.surface))
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
