"""OCR text mended where the shape of a document number, a date, the motto or the header says
what was printed: :func:`mend_ocr`, run on every text Tesseract gives ``_ocr.py``.

Tesseract's Vietnamese model reads clean print of a plan with a few confusions that cost the
header reader whole fields: a 0 read as ``O`` or ``6``, a 1 as ``l``, the slash of
``07/KH-UBND`` as ``I`` or nothing, a letter of the motto, a title's lines as paragraphs apart.
Each is mended only where its shape says what was printed; elsewhere the text is left as read
(``tests/test_ocr_mend.py``; ``benchmarks/bench_scans.py``'s ``run_layouts`` measures it on the
corpus texts' own layouts, docs/ocr.md).
"""

from __future__ import annotations

import re

__all__ = ["mend_ocr"]

# Tesseract's Vietnamese model now and then writes Icelandic eth for D with stroke (QĐ-BYT read
# "QÐ-BYT"); Vietnamese has no eth, so the letter it meant is put back.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})

# -- OCR's confusions in the shapes a plan's header and citations take ----------------------------
# Only inside a document number, a date or the motto are letters taken for the digits or words
# they stand for: ``O7/KH-UBND``, ``ngày l5 tháng O2 năm 2O24`` and ``CỘNG HOÀ XÃ HỘI CHỦ NGHÌA
# VIỆT NAM`` are what Tesseract makes of clean print now and then; elsewhere ``O`` and ``l`` are
# letters and stay so.
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_DIGITISH = "0-9OoIl|"
# A document's kind as its symbol opens (``KH-UBND``, ``QĐ-TTg``, ``NQ-CP``): after a number
# whose slash OCR read as ``l``, ``I`` or ``|`` or dropped.
_KINDS = ("KH|QĐ|QD|NQ|NĐ|ND|CT|TB|BC|HD|HĐ|CV|TTr|TT|KL|QC|QyĐ|QyD|TTLT|CĐ|CD|ĐA|DA|CTr|PA|TTg|BTC|"
          "QĐi|UBND|SCT|STP|SNV|SYT|BYT")
_SYMBOL = r"[A-ZĐ][A-Za-zĐđ]*(?:\s?-\s?[A-ZĐ][A-Za-zĐđ]*)+"
# ``07/KH-UBND``, ``61/2018/NĐ-CP``, ``O7/KH-UBND``, ``1l5/QĐ-TTg``, ``07IKH-UBND``, ``07KH-UBND``.
_REFERENCE = re.compile(
    rf"(?<![\w/])(?P<number>[{_DIGITISH}]{{1,5}})(?P<slash>\s?/\s?|[lI|](?=(?:{_KINDS})-)|(?=(?:{_KINDS})-))"
    rf"(?:(?P<year>[{_DIGITISH}]{{4}})\s?/\s?)?(?P<symbol>{_SYMBOL})"
)
# An apostrophe or quote OCR put between a symbol's capitals (``CT-T'Tg``).
_SYMBOL_QUOTE = re.compile(r"(?<=[A-ZĐ])['’‘`](?=[A-ZĐ][A-Za-z]*\b)")
# A date's day, month and year (``ngày O7 tháng l0 năm 2O24``; ``ngày 1O/O2/2024``).
_DATE_WORD = re.compile(rf"\b(?P<word>ngày|tháng|năm)(?P<space>\s+)(?P<value>[{_DIGITISH}]{{1,4}})(?![\w/])", re.IGNORECASE)
_DATE_SLASHED = re.compile(rf"(?<![\w/])[{_DIGITISH}]{{1,2}}/[{_DIGITISH}]{{1,2}}/[{_DIGITISH}]{{4}}(?![\w/])")
_MOTTO_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# A year in a date or a period: after ``năm``, a date's ``dd/mm/``, or a period's first year
# and its dash. Tesseract reads the 0 of ``2024`` as 6 now and then (``năm 2624``, ``30/7/2621``,
# ``2019 - 2930``) or reads one more digit (``năm 20622``); no plan is dated after 2099.
_YEAR_PLACE = re.compile(r"(?:(?<![\w/])\d{1,2}/\d{1,2}/|\bnăm\s+|\b(?:19|20)\d\d\s*[-–]\s*)(?P<year>\d{4,5})(?![\w/])",
                         re.IGNORECASE)
# A day or a month whose 0 was read as 6 (``tháng 62``, ``ngày 67``): no month after 12, no day after 31.
_DAY_MONTH = re.compile(r"\b(?P<word>ngày|tháng)(?P<space>\s+)(?P<value>6\d)(?!\d)", re.IGNORECASE)


def _digits(token: str) -> str | None:
    """``token`` with the letters OCR reads for digits made digits, when at least half of it
    (and at least one character) was a digit already; None otherwise (a word, not a number)."""
    real = sum(c.isdigit() for c in token)
    if not real or 2 * real < len(token):
        return None
    return token.translate(_AS_DIGIT)


def _year(value: str) -> str:
    """A year OCR read with a 6, 8 or 9 for its hundreds' 0, or with one 6 too many, as printed
    (``2624`` -> ``2024``, ``20622`` -> ``2022``); a year of 1945-2099 as read."""
    def fixed(four: str) -> str | None:
        if 1945 <= int(four) <= 2099:
            return four
        if four[0] == "2" and four[1] in "689":
            return f"20{four[2:]}"
        return None

    if len(value) == 4:
        return fixed(value) or value
    found = {y for k, c in enumerate(value) if c == "6" and (y := fixed(value[:k] + value[k + 1:]))}
    return found.pop() if len(found) == 1 else value


def _mend_reference(m: re.Match) -> str:
    raw, slash = m["number"], m["slash"]
    if not slash and len(raw) > 1 and raw[-1] in "lI|":
        raw, slash = raw[:-1], raw[-1]  # ``07IKH-UBND``: the slash read as a letter, not dropped
    number = _digits(raw)
    year = _digits(m["year"]) if m["year"] else ""
    if number is None or year is None:
        return m[0]
    return f"{number}/{year + '/' if year else ''}{m['symbol']}"


def _fold_motto(line: str) -> str:
    from ..text import fold

    return re.sub(r"[^a-z]", "", fold(line))


_MOTTO_FOLDED = tuple(_fold_motto(line) for line in _MOTTO_LINES)


def _distance(a: str, b: str, most: int) -> int:
    """The Levenshtein distance of ``a`` and ``b``, or ``most + 1`` when it is over ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > most:
            return most + 1
        previous = current
    return min(previous[-1], most + 1)


_MOTTO_HEAD = 12  # lines: the motto stands at the top of a page, the header's right column


def _mend_motto(text: str) -> str:
    """The national motto with a letter or two misread, in the first lines of a page, becomes
    the motto as printed: ``CỘNG HOA XÃ HỘI CHU NGHỈA VIÊT NAN``, ``Độc lập - Tự do - Hạnh phủe``
    (the header reader knows the motto by its words without their marks; one letter off, it was
    taken into the issuer's column). One read right but for its marks is left as read. Its first line only in capitals, as printed: ``nước Cộng hòa xã hội chủ nghĩa Việt
    Nam`` in a sentence is left alone."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:_MOTTO_HEAD]):
        for canonical, folded in zip(_MOTTO_LINES, _MOTTO_FOLDED, strict=True):
            if canonical in line:
                continue
            size = len(canonical.split())
            words = list(re.finditer(r"\S+", line))
            best = None  # (distance, words off the motto's count, start, end)
            for start in range(len(words)):
                for k in (size - 1, size, size + 1):
                    if k < 2 or start + k > len(words):
                        continue
                    span = line[words[start].start():words[start + k - 1].end()]
                    if canonical == _MOTTO_LINES[0] and not span.isupper():
                        continue
                    far = _distance(_fold_motto(span), folded, 2)
                    if far <= 2:
                        best = min(best or (9,), (far, abs(k - size), words[start].start(), words[start + k - 1].end()))
            found = best[2:] if best and best[0] else None  # read right but for its marks: known
            if found:
                line = line[:found[0]] + canonical + line[found[1]:]
        lines[i] = line
    return "\n".join(lines)


def mend_ocr(text: str) -> str:
    """OCR text with Tesseract's confusions mended where the shape says what was printed: ``Ð``
    for ``Đ``; letters for digits in document numbers (``O7/KH-UBND``, ``1l5/QĐ-TTg``,
    ``61/2O18/NĐ-CP``), a slash read as ``l``/``I``/``|`` or dropped before a document kind
    (``07IKH-UBND``, ``07KH-UBND``), a quote inside a symbol (``CT-T'Tg``); letters for digits
    in dates (``ngày O7 tháng l0 năm 2O24``, ``1O/O2/2024``) and a 0 read as 6 in a date's year,
    month or day (``năm 2624``, ``tháng 62``); the national motto misread by a letter or two; the
    blank lines Tesseract puts between the lines of a title in capitals. Everything else is left
    as read.

    >>> mend_ocr("Số: O7IKH-UBND    Quảng Ngãi, ngày l7 tháng O1 năm 2O24")
    'Số: 07/KH-UBND    Quảng Ngãi, ngày 17 tháng 01 năm 2024'
    """
    text = text.translate(_LOOKALIKES)
    text = _REFERENCE.sub(_mend_reference, text)
    text = _SYMBOL_QUOTE.sub("", text)

    def date_word(m: re.Match) -> str:
        value = _digits(m["value"])
        return m[0] if value is None else f"{m['word']}{m['space']}{value}"

    text = _DATE_WORD.sub(date_word, text)
    text = _DATE_SLASHED.sub(lambda m: m[0] if _digits(m[0].replace("/", "")) is None else m[0].translate(_AS_DIGIT), text)
    text = _YEAR_PLACE.sub(lambda m: m[0][: m.start("year") - m.start()] + _year(m["year"]), text)
    text = _DAY_MONTH.sub(lambda m: m[0] if m["value"] == "60" else f"{m['word']}{m['space']}0{m['value'][1]}", text)
    return _join_capitals(_drop_rules(_mend_motto(text)))


# The short rule printed under the issuer and under the motto, read as a dash glued to the line
# beside or above it (``DÂN -    HỘI CHỦ NGHĨA VIỆT NAM``) or as a line of its own with a bar's
# letter (``l—``).
_GLUED_RULE = re.compile(r"(?<=[^\W\d_])[ \t]+[-—–_]+(?=[ \t]{2,}\S|[ \t]*$)")
_RULE_LINE = re.compile(r"[ \t]*[|lI]?[ \t]*[-—–_]+[ \t]*[|lI]?[ \t]*")


def _drop_rules(text: str) -> str:
    """The header's rules as OCR reads them, in the first lines of a page, taken away: a dash
    glued to the end of a line or of its left column, a line of a dash and a stray bar."""
    lines = text.split("\n")
    for k, line in enumerate(lines[:_MOTTO_HEAD]):
        if _RULE_LINE.fullmatch(line):
            lines[k] = ""
        else:
            lines[k] = _GLUED_RULE.sub("", line)
    return "\n".join(lines)


def _join_capitals(text: str) -> str:
    """Tesseract's blank line between two lines in capitals taken away: a title centred over
    several lines (``TRIỂN`` / ``KHAI DỊCH VỤ CÔNG ...``, ``BAN`` / ``HÀNH KẾ HOẠCH ...``) is read
    as paragraphs apart, and the header reader took its first line for the whole title. Printed,
    and in a text layer, those lines follow one another."""
    lines = text.split("\n")
    keep = []
    for k, line in enumerate(lines):
        if not line.strip() and keep and _capitals(keep[-1]):
            after = next((x for x in lines[k + 1:] if x.strip()), "")
            if _capitals(after):
                continue
        keep.append(line)
    return "\n".join(keep)


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
