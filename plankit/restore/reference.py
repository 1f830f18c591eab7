"""Is a text OCR output, was it typed with its marks, and where does it align with a reference.
"""

from __future__ import annotations

import difflib
import functools
import math
import re

from ..text import fold, nfc
from .lm import Model, default_model
from .syllables import canonical_syllable, is_syllable
from .tokens import _OCR_JUNK, _VOWELS, _expansions, _is_plain, _Tok, _truncated

_REFERENCE_BONUS = 6.0  # log bonus of the reference's spelling where a passage aligns
_RESTORED_REFERENCE_BONUS = 0.5  # ... when the reference was OCR'd and restored first
_REFERENCE_MIN_RUN = 2  # aligned runs shorter than this are chance
_CODE_RE = re.compile(r"^(?:[A-ZĐ]{2,}\d+|[A-ZĐ]\d{2,})$")


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
    text = nfc(text)
    for m in model.token_re.finditer(text):
        if m.lastgroup != "word":
            continue
        verdict = _word_verdict(model, m.group())
        if verdict == _NOT_COUNTED:
            continue
        words += 1
        if verdict == _BAD or (verdict == _CUT_BAD and not _ends_line(text, m.end())):
            bad += 1
    return words > 0 and bad / words >= 0.04


# What :func:`looks_ocr` makes of a word; a word cut short ("luậ") is no damage at the end of
# a line, and otherwise what the tests after that one say
_NOT_COUNTED, _FINE, _BAD, _CUT_BAD = 0, 1, 2, 3


@functools.lru_cache(maxsize=200_000)
def _word_verdict(model: Model, s: str) -> int:
    """Whether the word ``s`` is no word (digits), fine, OCR damage, or damage unless it ends a
    line; worked out once per word and process (the same words recur within and across texts).
    """
    letters = [c for c in s if c.isalpha()]
    if not letters or s.isdigit():
        return _NOT_COUNTED
    if _CODE_RE.match(s):
        return _FINE  # a code (H01, QT02, BM-03), not a damaged word ("s6", "c6ng")
    if any(c.isdigit() or c in _OCR_JUNK for c in s):
        return _BAD
    if all(c.isupper() for c in letters) and (
        not (_VOWELS & set(fold(s))) or s in model.acronyms or not is_syllable(s)
    ):
        return _FINE  # an acronym (UBND, CCHC, PAPI), not damage
    # a word cut short at the end of a line: "pháp luậ", "tỉnh Việ" end a clean text
    cut = _truncated(model, s)
    if fold(s) not in model.variants or (not _is_plain(s) and canonical_syllable(s) not in model.variants[fold(s)]):
        # no real syllable; marks that make none ("tuyén")
        return _CUT_BAD if cut else _BAD
    return _FINE


def _ends_line(text: str, end: int) -> bool:
    """Whether only punctuation and spaces follow ``end`` on its line."""
    stop = text.find("\n", end)
    rest = text[end : len(text) if stop == -1 else stop]
    return not any(c.isalnum() for c in rest)


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
            tok.cands = [*tok.cands, (ref, ref, -cost, model.ids.get(ref, 0))]  # cached: replace
        bonus[li][ti] = ref
    return bonus
