"""Vietnamese syllables and the tokens the model sees: syllable rules, tone placement, the tokenizer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from ..text import DOCNUM, fold
from .sources import load_confusions

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
#   each starts only where a run of its characters starts (the look-behinds), so that a long
#   run that is none of them ("kinh-te-xa-hoi-...", "a.b.a.b...") is scanned once, not once
#   per character (quadratic time);
# - doc: a document number, kept whole: 4168/QĐ-UBND, 45/2020/NĐ-CP, 26-CTr/TU (not 15/7/2021);
# - slash: OCR's "I" or "l" for the slash of a symbol, "137 IKH-SKHCN" (the codes are data);
# - lead: digits glued to a word by OCR, "21thdng" (never "16p", which is "lớp");
# - word: letters, digits and OCR's stand-ins for marked vowels (¢ € ¥), with inner & or '
#   (KH&CN, THU'C) and a trailing & ("S&" is "Sở");
# - punct: any other visible character.
_HOSTS = r"vn|com|org|net|gov|edu|info"
_FILES = r"pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|zip|rar|7z|jpe?g|png|tiff?|xml|html?"
_URL = (
    r"(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<![\w./-])[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.(?:{_HOSTS})\b"
    r"(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
    r"|(?<![\w.()+-])[\w()+-]+(?:\.[\w()+-]+)*"
    rf"\.(?i:{_FILES})\b"
)
_DOC = DOCNUM  # a document number stays whole (plankit.text)
_WORDCH = r"(?:[^\W_]|[¢€¥])"


_WORD = rf"(?P<word>{_WORDCH}+(?:[&']{_WORDCH}+)*&?)"
_PUNCT = r"(?P<punct>[^\w\s])"


def _token_re(doc_codes: Iterable[str], addresses: bool = True) -> re.Pattern[str]:
    """The token regex; without ``addresses``, the same less its ``keep`` branch (for lines
    that :data:`_MAY_HOLD_KEEP` finds cannot hold one)."""
    codes = "|".join(sorted({re.escape(c) for c in doc_codes}, key=len, reverse=True)) or "KH"
    keep = rf"(?P<keep>{_URL})|" if addresses else ""
    return re.compile(
        rf"""
        {keep}(?P<doc>{_DOC})
        |(?P<slash>(?<=\d)[ ]?[I1l|](?=(?:{codes})-[A-ZĐ]))
        |(?P<lead>\d+(?=[^\W\d_]{{3,}}))
        |{_WORD}
        |{_PUNCT}
        """,
        re.VERBOSE,
    )


# A line with no digit, ".", ":" or "@" holds no keep (an address has "://", "www.", "@" or a
# dot), no doc, slash or lead (each needs a digit): there the token regex finds exactly the words
# and marks that this one does, and this one runs some three times as fast (no alternative
# to try and fail at each character). Decoding reads such lines with it (see tokens._tokenize).
_PLAIN_TOKEN_RE = re.compile(rf"{_WORD}|{_PUNCT}")
_NOT_PLAIN = re.compile(r"[\d.:@]")


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


_SLASH_KEY = ","


def punct_key(line: str, start: int, end: int) -> str | None:
    """The n-gram key of the punctuation token at ``line[start:end]``.

    A ``/`` glued between two words ("Hỗ trợ/hướng dẫn", "xã/phường") separates alternatives as
    a comma does: its key is ``,``, so that the words on either side are read as the ends of
    two phrases, not as one phrase. A glued ``-`` ("kinh tế-xã hội") has no key: the parts are
    read side by side. Other marks: :func:`lm_key`.

    >>> punct_key("2 ky/nam", 4, 5), punct_key("te-xa", 2, 3), punct_key("ngay 15 / 7", 8, 9)
    (',', None, '/')
    """
    if glued_joiner(line, start, end):
        return _SLASH_KEY if line[start:end] == "/" else None
    return lm_key(line[start:end], "punct")


def lm_tokens(line: str, token_re: re.Pattern[str] | None = None) -> list[str]:
    """The n-gram keys of one line of text, in order.

    >>> lm_tokens("Căn cứ Kế hoạch số 261/KH-UBND, năm 2022")
    ['căn', 'cứ', 'kế', 'hoạch', 'số', '<d>', ',', 'năm', '<n>']
    """
    rx = token_re or _DEFAULT_TOKEN_RE
    out = []
    for m in rx.finditer(line):
        kind = m.lastgroup or "punct"
        key = punct_key(line, m.start(), m.end()) if kind == "punct" else lm_key(m.group(), kind)
        if key is not None:
            out.append(key)
    return out


_DEFAULT_TOKEN_RE = _token_re(load_confusions().doc_codes)
# Every match of a ``keep`` branch holds one of these: "://" or "www." (a web address with its
# scheme or www), "@" (an e-mail address), a dot and a host ending (".vn", a bare host) or a dot
# and a file extension in any case (".PDF"). A line with none of them holds no keep, and the
# token regex without that branch finds exactly the same tokens there, faster (a keep branch
# tried and failed at every word). Decoding reads such lines with it (see tokens._tokenize).
_MAY_HOLD_KEEP = re.compile(rf"@|://|www\.|\.(?:{_HOSTS}|(?i:{_FILES}))")
_NO_KEEP_TOKEN_RE = _token_re(load_confusions().doc_codes, addresses=False)
