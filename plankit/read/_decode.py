"""Bytes of a text plan into NFC text: UTF-8, UTF-16, Windows-1258 and the legacy TCVN3 and VNI.

Vietnamese files arrive in five encodings. UTF-8 (with or without a byte-order mark) and UTF-16
are recognised by their marks or their NUL pattern. Text that is not valid UTF-8 is decoded as
each legacy candidate: Windows-1258 (Microsoft's code page, tone marks stored as combining
characters), TCVN3 (the ABC fonts .VnTime/.VnTimeH, one byte per letter) and VNI (the VNI-Times
fonts, a letter followed by an accent byte). The candidate whose words are most often valid
Vietnamese syllables wins: "Căn cứ" read as TCVN3 bytes in Windows-1258 gives "C¨n cø", which is
no syllable at all.

TCVN3 and VNI are not Python codecs; their tables are data in ``plankit/data/legacy_encodings.json``
(sources and cross-checks are noted there). The same tables convert text typed in legacy fonts
inside a .docx (see :func:`convert_legacy_font_text`).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from ..errors import ReadError
from ..text import nfc

__all__ = [
    "convert_legacy_font_text",
    "decode_bytes",
    "is_vietnamese_syllable",
    "legacy_font_encoding",
]

# How many bytes of a file are decoded by every candidate to choose the encoding.
_SAMPLE_BYTES = 64 * 1024

# Legacy candidates and the head start each gets in the score: Windows-1258 is the standard and
# keeps its choice unless a legacy font encoding reads clearly better (OCR'd text with wrong
# accents scores badly in every encoding); equal scores go to the earlier candidate.
_CANDIDATES = {"cp1258": 0.1, "utf-8-replace": 0.05, "vni": 0.0, "tcvn3": 0.0}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in a text plan; \t \n \v \f \r do.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_STRIP_TONES = str.maketrans("", "", _TONES)

# A Vietnamese syllable without its tone mark, lower case: onset, then either an open rhyme (a
# vowel group that takes no final consonant) or a closed one (a vowel group and a final
# consonant). It must match every syllable of the plans (nghiêng, khuyến, thường, quốc, giữa,
# gì, oẳn) and reject mojibake such as "c¨n", "caên", "cöù", "hoaïch", "cýỡ".
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
_OPEN = (
    r"(?:iêu|yêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|uyê|"
    r"ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|uê|ui|uơ|uy|ưa|ưi|ưu|"
    r"a|e|ê|i|o|ô|ơ|u|ư|y)"
)
_CLOSED = r"(?:uyê|iê|yê|uô|ươ|oa|oă|oe|oo|uâ|uê|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)(?:ch|nh|ng|[cmnpt])"
_SYLLABLE = re.compile(rf"{_ONSET}(?:{_CLOSED}|{_OPEN})")

# Punctuation stripped from the ends of a word before it is scored (ASCII and Windows-1252
# quotes and dashes); letters of a wrong decoding (µ, ¸, ¨, ø) are deliberately not stripped.
_EDGE = "\"'()[]{}<>.,;:!?*#%&+=|/\\_-`~^@$\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00b7"
_INNER = re.compile(r"[-/]")


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable.

    Well-formed: lower case, capitalised or all capitals; at most one tone mark; an onset and a
    rhyme that Vietnamese spelling allows; and a syllable ending in c, ch, p or t carries the
    sắc or nặng tone (thực, việc, đáp, but never "thùc", which is TCVN3's "thực" read as
    Windows-1258).

    >>> [is_vietnamese_syllable(w) for w in ("Căn", "cứ", "nghiêng", "QUỐC", "C¨n", "caên", "cýỡ", "dÉn", "thùc")]
    [True, True, True, True, False, False, False, False, False]
    """
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", decomposed.translate(_STRIP_TONES))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    checked = bare.endswith(("c", "ch", "p", "t"))  # a stop consonant closes the syllable
    return not checked or tones[:1] in (["\u0301"], ["\u0323"])


def _score(text: str) -> float:
    """(valid - invalid) / scored over the words of ``text`` that are not ASCII: 1.0 when every
    such word is a Vietnamese syllable, -1.0 when none is."""
    valid = invalid = 0
    for token in text.split():
        if _CONTROL.search(token):
            invalid += 1  # a control byte is a letter of another encoding
            continue
        if token.isascii():
            continue
        for part in _INNER.split(token.strip(_EDGE)):
            part = part.strip(_EDGE)
            if not part or part.isascii() or any("0" <= c <= "9" for c in part):
                continue
            if is_vietnamese_syllable(part):
                valid += 1
            else:
                invalid += 1
    return (valid - invalid) / max(1, valid + invalid)


@lru_cache(maxsize=1)
def _tables() -> tuple[str, str, dict[str, str], re.Pattern[str]]:
    """TCVN3 and VNI decoding tables, read once from the data file."""
    raw = (
        resources.files("plankit.data")
        .joinpath("legacy_encodings.json")
        .read_text(encoding="utf-8")
    )
    data = json.loads(raw)
    tcvn = [chr(i) for i in range(256)]
    for code, char in data["tcvn3"]["bytes"].items():
        tcvn[int(code, 16)] = char
    cp1252 = []
    for i in range(256):
        try:
            cp1252.append(bytes([i]).decode("cp1252"))
        except UnicodeDecodeError:  # the five unassigned bytes pass through
            cp1252.append(chr(i))
    vni = {
        spelling: letter
        for letter, spelling in data["vni"]["letters"].items()
        if spelling != letter
    }
    # Longest first, so that "ôø" (ờ) wins over "ô" (ơ) and "OÂ" (Ô) is not read as "O" + "Â".
    pattern = re.compile("|".join(re.escape(s) for s in sorted(vni, key=len, reverse=True)))
    return "".join(tcvn), "".join(cp1252), vni, pattern


def _vni_compose(text: str) -> str:
    """Turn VNI spellings (Windows-1252 characters) into Unicode letters, in one pass."""
    _, _, vni, pattern = _tables()
    return pattern.sub(lambda m: vni[m.group()], text)


def _decode_as(data: bytes, encoding: str) -> str:
    """Decode ``data`` with one candidate; raises UnicodeDecodeError when it cannot."""
    if encoding == "tcvn3":
        return codecs.charmap_decode(data, "strict", _tables()[0])[0]
    if encoding == "vni":
        return _vni_compose(codecs.charmap_decode(data, "strict", _tables()[1])[0])
    if encoding == "utf-8-replace":
        return data.decode("utf-8", errors="replace")
    return data.decode(encoding)


def _utf16_by_nuls(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the NUL bytes fall on one parity only, else None."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.2 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.2 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            unit = 4 if "32" in name else 2 if "16" in name else 1
            body = body[: len(body) - len(body) % unit]  # a file cut inside its last character
            try:
                return body.decode(name.removesuffix("-sig") if name == "utf-8-sig" else name), name
            except UnicodeDecodeError:
                break  # a mark followed by something else: judge the bytes by content
    utf16 = _utf16_by_nuls(data)
    if utf16:
        try:
            return data[: len(data) - len(data) % 2].decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    scores: dict[str, float] = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 holds a control character exactly where it holds a control byte (every
        # byte of a longer character is 0x80 or above): deleting them is a faster test than a
        # regex over the text.
        if len(data.translate(None, _CONTROL_BYTES)) == len(data):
            return text, "utf-8"
        # Control bytes in valid UTF-8: TCVN3 keeps some capitals there (Ự is 0x12).
        scores["utf-8"] = _score(nfc(text[:_SAMPLE_BYTES])) + _CANDIDATES["cp1258"]
    sample = data[:_SAMPLE_BYTES]
    for name, head_start in _CANDIDATES.items():
        try:
            scores[name] = _score(nfc(_decode_as(sample, name))) + head_start
        except UnicodeDecodeError:
            continue  # Windows-1258 leaves a few bytes unassigned
    best = max(scores, key=scores.__getitem__)  # the first of equal scores
    try:
        return _decode_as(data, best), best
    except UnicodeDecodeError:  # an unassigned byte after the sample
        return _decode_as(data, "utf-8-replace"), "utf-8-replace"


def decode_bytes(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text plan; return ``(text, encoding)`` with ``text`` in NFC.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``,
    ``utf-32-le``, ``utf-32-be``, ``cp1258``, ``tcvn3``, ``vni``, or ``utf-8-replace`` (UTF-8 with
    a few invalid bytes replaced by U+FFFD). Line ends become ``\\n``.

    Raises :class:`~plankit.errors.ReadError` for empty input and for binary data.

    >>> decode_bytes("Căn cứ".encode("utf-8"))
    ('Căn cứ', 'utf-8')
    >>> decode_bytes(b"C\\xa8n c\\xf8 K\\xd5 ho\\xb9ch")
    ('Căn cứ Kế hoạch', 'tcvn3')
    >>> decode_bytes(b"Ca\\xean c\\xf6\\xf9 Ke\\xe1 hoa\\xefch")
    ('Căn cứ Kế hoạch', 'vni')
    >>> decode_bytes(b"\\x00\\x01\\x02\\x03", "x.txt")
    Traceback (most recent call last):
    ...
    plankit.errors.ReadError: x.txt: dữ liệu nhị phân, không phải kế hoạch dạng chữ / binary data, not a text plan
    """
    if not data:
        raise ReadError(path, "tệp rỗng / empty file")
    data = bytes(data)
    text, encoding = _detect(data)
    text = nfc(text)
    if not text:  # a byte-order mark and nothing else
        raise ReadError(path, "tệp rỗng / empty file")
    clean_utf8 = encoding == "utf-8" and len(data.translate(None, _CONTROL_BYTES)) == len(data)
    if not clean_utf8 and len(_CONTROL.findall(text)) > 0.01 * len(text):
        raise ReadError(path, "dữ liệu nhị phân, không phải kế hoạch dạng chữ / binary data, not a text plan")
    return text, encoding


def legacy_font_encoding(font: str | None) -> tuple[str, bool] | None:
    """The legacy encoding of a font name and whether it is an upper-case-only font, or None.

    ABC fonts (TCVN3) are named ``.VnTime``, ``.VnArial`` ...; their upper-case variants end in
    ``H`` (``.VnTimeH``) and show the lower-case codes as capitals. VNI fonts are ``VNI-Times``,
    ``VNI-Helve`` ...

    >>> legacy_font_encoding(".VnTimeH"), legacy_font_encoding("VNI-Times"), legacy_font_encoding("Times New Roman")
    (('tcvn3', True), ('vni', False), None)
    """
    if not font:
        return None
    name = font.strip()
    if name[:3].lower() == ".vn":
        return "tcvn3", name.endswith("H")
    if name[:4].lower() == "vni-":
        return "vni", False
    return None


def convert_legacy_font_text(text: str, encoding: str, upper: bool = False) -> str:
    """Convert text typed in a legacy font (as Word stores it: the font's code points) to Unicode.

    Only U+00A0-U+00FF are TCVN3 letters; Word's smart quotes and dashes (U+2018 ...) are kept.

    >>> convert_legacy_font_text("C¨n cø", "tcvn3"), convert_legacy_font_text("kÕ ho¹ch", "tcvn3", upper=True)
    ('Căn cứ', 'KẾ HOẠCH')
    >>> convert_legacy_font_text("Caên cöù", "vni")
    'Căn cứ'
    """
    if encoding == "tcvn3":
        table = _tables()[0]
        out = "".join(table[ord(c)] if "\u00a0" < c <= "\u00ff" else c for c in text)
    elif encoding == "vni":
        out = _vni_compose(text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    out = unicodedata.normalize("NFC", out)
    return out.upper() if upper else out
