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
from .sources import load_surnames
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


def _flag_names(model: Model, line: str, offset: int, toks: list[_Tok]) -> None:
    """Mark personal names: kept as typed, never guessed, listed with the model's alternatives.

    A name is a run of two to four capitalised syllables, one space apart, starting with a
    family name (``data/restore/surnames.tsv``): a "strong" one anywhere, a "weak" one after a
    cue (ông, bà, đồng chí, "Người ký:") or alone on its line (a signer). A run that starts as
    a place or body in plankit's sources ("Hồ Chí Minh", "Đồng Nai") is no name.
    """
    surnames = load_surnames()
    known = _proper_phrases()
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        s = t.surface
        # most words are no name: lower case (the test of _title, inlined: every token asks)
        if t.kind != "word" or not s[:1].isupper() or not (len(s) == 1 or s[1:].islower()):
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
