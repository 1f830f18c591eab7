"""Text formats into a :class:`Layout`: text saved from Word, Markdown from PDF, news pages, OCR.

The text of the plan is the file's text (NFC, ``\\n`` line ends); this module only decides which
lines are tables. Three table shapes occur in real files:

* Word's "save as text" writes each cell on its own line starting with a tab, a cell's further
  lines without one, and a blank line between rows (seed 000);
* Markdown converted from PDF writes a row per line with tab-separated cells, repeats the header
  row after each page break and continues a broken row on a line whose first cell is empty
  (seed 002);
* OCR of a scanned table interleaves ``|``-separated rows with cells that come loose as separate
  paragraphs (seed 004): rows are rebuilt from the row numbers and the "time" column that closes
  each row; pieces that cannot be placed become warnings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from ..model import ReadWarning, SourceRef, Span
from ..text import CODE_CHARS, byte_code, fold
from ._layout import Layout, Line, RawCell, RawTable

__all__ = ["clean_copy", "drop_copy_chars", "drop_lines", "layout_from_text", "number_goes_on", "page_furniture", "sniff_form"]

_HEADER_CELL = re.compile(r"^\s*s?tt\s*$")
_TIME_CELL = re.compile(
    r"^(trong\s+n\w{1,2}m(\s+\d{4})?|thuong\s+xuyen|hang\s+(nam|quy|thang)|quy\s+[ivx1l]+|thang\s+\d+|"
    r"theo\s+ke\s+hoach|nam\s+\d{4}|dinh\s+ky)\b"
)
_HEADER_WORDS = frozenset(
    ["tt", "stt", "hinh", "thuc", "tuyen", "truyen", "co", "quan", "chu", "tri", "phoi", "hop", "thoi", "gian", "thuc", "hien", "nhiem", "vu", "san", "pham", "noi", "dung", "don", "vi", "ghi", "chu", "coquan", "thirc", "thire", "thue", "thaoi", "chlg", "l%ien", "t", "phdi"]
)
_ROMAN_LINE = re.compile(r"^\s*[#*\s]*([ivxl1|]{1,5})\s*\.\s+\S")


# A word of two letters or more, for the share of words with diacritics (OCR'd text has few).
_WORD2 = re.compile(r"[^\W\d_]{2,}")
# The same words in a text whose letters are all ASCII or Vietnamese: a class of ranges is
# tested far faster than the Unicode categories of _WORD2.
_VIETNAMESE_RANGES = ("AZ", "az", "ÀÃ", "ÈÊ", "ÌÍ", "ÒÕ", "ÙÚ", "ÝÝ", "àã", "èê", "ìí", "òõ", "ùú", "ýý",
                      "Ăă", "Đđ", "Ĩĩ", "Ũũ", "Ơơ", "Ưư", "Ạỹ")  # first and last letter of each range
_VIETNAMESE_WORD2 = re.compile("[" + "".join(f"{a}-{b}" for a, b in _VIETNAMESE_RANGES) + "]{2,}")
_KNOWN_CHARS = frozenset(map(chr, range(128))).union(
    *(map(chr, range(ord(a), ord(b) + 1)) for a, b in _VIETNAMESE_RANGES))
_LETTER = re.compile(r"[^\W\d_]")


def _words(text: str) -> list[str]:
    """The words of two letters or more of ``text``, as ``_WORD2`` finds them."""
    if any(_LETTER.match(c) for c in set(text) - _KNOWN_CHARS):
        return _WORD2.findall(text)  # a letter of another alphabet
    return _VIETNAMESE_WORD2.findall(text)


# A character that is neither ASCII nor a Vietnamese letter ("–", "…", "“", a Cyrillic letter).
_UNKNOWN_CHAR = re.compile("[^\x00-\x7f" + "".join(f"{a}-{b}" for a, b in _VIETNAMESE_RANGES) + "]")
# UTF-8 bytes to word classes: an ASCII letter is "a", the lead byte of any other character "v",
# everything else a blank; continuation bytes (0x80-0xBF) are deleted, so each character of the
# text is one byte of the result.
_BYTE_CLASS = bytes(
    ord("a") if chr(b).isascii() and chr(b).isalpha() else ord("v") if b >= 0xC0 else ord(" ") for b in range(256)
)
_CONTINUATION = bytes(range(0x80, 0xC0))
# The same classes for the bytes of plankit.text.byte_code (one byte per character).
_CODE_CLASS = bytes(
    (ord("a") if c.isascii() else ord("v")) if c in _KNOWN_CHARS and c.isalpha() else ord(" ")
    for c in CODE_CHARS.ljust(256, "\ufffe")
)


def _word_counts(text: str) -> tuple[int, int]:
    """How many words of two letters or more ``text`` holds and how many of them are not ASCII
    (have a diacritic): ``len(_words(text))`` and its non-ASCII share, without making the words.

    A text in Vietnamese and ASCII only is classified byte by byte (each word a run of ``a`` and
    ``v``, from :func:`plankit.text.byte_code`, else from its UTF-8 bytes), many times faster
    than running a regex over it; characters that are no letters (dashes, quotes) separate words
    as they do for ``_VIETNAMESE_WORD2``.

    >>> _word_counts("Kế hoạch số 12/KH – ở Hà Nội"), _word_counts("Ke hoach a b")
    ((6, 5), (2, 0))
    """
    coded = byte_code(text)
    if coded is not None:  # Vietnamese and ASCII only: one byte per character
        classes = coded.translate(_CODE_CLASS)
        runs = classes.split()
        singles_v = runs.count(b"v")
        return len(runs) - runs.count(b"a") - singles_v, (b" " + classes.translate(None, b"a")).count(b" v") - singles_v
    unknown = set(_UNKNOWN_CHAR.findall(text))
    if any(_LETTER.match(c) for c in unknown):  # a letter of another alphabet: the regex way
        words = _words(text)
        return len(words), len(words) - sum(map(str.isascii, words))
    for c in unknown:
        text = text.replace(c, " ")
    classes = text.encode("utf-8").translate(_BYTE_CLASS, _CONTINUATION)
    runs = classes.split()  # every run of letters, one-letter runs included
    singles_v = runs.count(b"v")
    words = len(runs) - runs.count(b"a") - singles_v
    # Without the "a"s, each run that holds a "v" is still a run (the blanks stay).
    marked = (b" " + classes.translate(None, b"a")).count(b" v") - singles_v
    return words, marked
# A line of the first sixty (folded) that is a document type: "KẾ HOẠCH", "## **QUYẾT ĐỊNH**".
_DOC_TYPE_HEAD = re.compile(r"^[ \t*#]*(?:ke hoach|chuong trinh|bao cao|quyet dinh|thong bao)[^\S\n]*[ \t*#]*$", re.M)
_NEWS = re.compile(r"ban\s+hanh\s+ke\s+hoach")
_TSV_HEADER_ROW = re.compile(r"s?tt\t")  # a tab-separated header row, after its indent


def _lines_starting(text: str, prefix: str) -> int:
    return text.startswith(prefix) + text.count("\n" + prefix)


def sniff_form(text: str, suffix: str = "", *, folded: str | None = None) -> str:
    """Guess how a text plan was made: ``markdown``, ``ocr``, ``news``, ``docx-export`` or ``text``.

    ``folded`` is ``fold(text)`` when the caller has it already.

    >>> sniff_form("## **KẾ HOẠCH**\\n\\n### **Truyền thông**", ".md")
    'markdown'
    """
    clean = clean_copy(text)[0]
    if clean != text:
        text, folded = clean, None
    if suffix == ".md" or _lines_starting(text, "#") + _lines_starting(text, "**") >= 2:
        return "markdown"
    words, marked = _word_counts(text[:20000])
    if words >= 40 and marked / words < 0.3:
        return "ocr"
    head = "\n".join((folded or text).split("\n", 60)[:60])
    if folded is None:
        head = fold(head)
    if not _DOC_TYPE_HEAD.search(head) and _NEWS.search(folded[:3000] if folded else fold(text[:3000])):
        return "news"
    if len(_TAB_OPENED.findall(text, 0, 200_000)) >= 3 and not _wraps_lines(text):
        return "docx-export"
    return "text"


# A line that opens with a tab and holds text (Word's text export writes a table's cells so).
_TAB_OPENED = re.compile(r"(?m)^\t+[^\s]")
# A line of twenty-five characters or more that ends inside a sentence, and the next line's
# start: its first letter, unless it opens a list item ("a) ...").
_WRAP = re.compile(r"(?m)^[^\n]{24,}[^\s.;:!?|][ \t]*\n[ \t]*(?![^\W\d_][.)]\s)([^\W\d_])")


def _wraps_lines(text: str, enough: int = 3) -> bool:
    """Whether ``text`` breaks sentences over lines (``enough`` long lines go on in small
    letters on the next): a PDF's or a portal's copy, whose paragraphs may open with a tab (a
    first-line indent), not Word's text export, which writes a paragraph a line (a table
    cell's short lines, ``Hình thức`` / ``tuyên truyền``, and list items aside).
    """
    found = 0
    for m in _WRAP.finditer(text):
        if m.group(1).islower():
            found += 1
            if found >= enough:
                return True
    return False


# -- what a copy adds to a text (a PDF's page furniture, a browser's print, invisible characters)

# Characters a copy carries that are no text: zero-width spaces and joiners, the word joiner, a
# byte-order mark inside the text and soft hyphens (Word's optional hyphen) are dropped; the
# no-break and fixed-width spaces are spaces; a form feed (a PDF's page break), a vertical tab
# (Word's line break in some exports), NEL and the Unicode line and paragraph separators end a
# line; the look-alike Ð is Đ. Must not touch any other letter, combining mark or white space.
_COPY_CHARS = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")),
    **dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "),
    **dict.fromkeys(map(ord, "\x0b\x0c\x85\u2028\u2029"), "\n"),
    ord("\u00d0"): "Đ", ord("\u00f0"): "đ",  # the Icelandic eth, Đ's look-alike (never Vietnamese)
}
_COPY_CHAR = re.compile("[" + "".join(map(chr, _COPY_CHARS)) + "]")


def drop_copy_chars(text: str) -> str:
    """``text`` without the invisible characters a copy carries, its odd spaces as spaces and
    its odd line breaks as ``\\n`` (``_COPY_CHARS``).

    >>> drop_copy_chars("Kế\\u00a0hoạch chuy\\u00adển đổi\\u200b số")
    'Kế hoạch chuyển đổi số'
    """
    return text.translate(_COPY_CHARS) if _COPY_CHAR.search(text) else text

# A line that is a copy's page furniture, not the document's (folded, stripped): a page number
# ("Trang 2/5", "Trang 2", "Page 2 of 5", "- 2 -", "2", "2/5"), a URL (a browser prints the
# page's address with its page count: "https://... 1/5"), the date-and-time line a browser
# prints over each page ("17/01/2024, 09:15 Kế hoạch ... - Thư viện pháp luật"), a site's name
# line ("Thư viện Pháp luật - thuvienphapluat.vn"). Must not match a date line ("Hà Nội, ngày
# ..."), a heading ("2. Nội dung", "II."), a list item or a sentence naming a website (those
# are told apart in page_furniture: they end with punctuation or open with a dash).
_PAGE_NUMBER = re.compile(r"(?:(?:trang|page)\s*\d{1,3}(?:\s*(?:/|of|tren)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}(?:\s*/\s*\d{1,3})?)")
_FURNITURE = re.compile(
    r"(?:\d{1,3}\s*/\s*\d{1,3}\s+)?"
    r"(?:" + _PAGE_NUMBER.pattern +
    r"|(?:https?://|www\.)\S+(?:\s+" + _PAGE_NUMBER.pattern + r")?"
    r"|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*(?:am|pm|sa|ch))?(?:\s+.{0,200})?"
    r"|(?:[^\d\s\-–•+(].{0,80}?)?(?<![\w.@])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org)(?![\w.])(?:\s*[-–|]\s*[^.;:,]{0,60})?"
    r")"
)


def page_furniture(folded_line: str) -> bool:
    """Whether a line (folded) is a copy's page furniture (see ``_FURNITURE``).

    >>> [page_furniture(fold(x)) for x in ("Trang 2/5", "- 3 -", "https://vbpl.vn/x.aspx 2/4",
    ...  "Thư viện Pháp luật - thuvienphapluat.vn", "17/01/2024, 09:15 Kế hoạch 07/KH-UBND")]
    [True, True, True, True, True]
    >>> [page_furniture(fold(x)) for x in ("2. Nội dung", "- Website: www.quangngai.gov.vn",
    ...  "đăng tải trên Cổng thông tin điện tử tỉnh (www.quangngai.gov.vn).", "2022", "II")]
    [False, False, False, False, False]
    """
    line = folded_line.strip()
    return bool(line) and line[-1] not in ".;:," and _FURNITURE.fullmatch(line) is not None


# A legal portal's controls copied with the page, above the document: "Lưu", "Theo dõi VB",
# "Chia sẻ", "Tải về", "VB gốc", "Lược đồ" ... (folded, a line of them and nothing else). Each
# word is a button's label; none is a line of a plan ("Theo dõi" opens no clause without its
# object, "In" is no sentence).
_CONTROL = (r"(?:luu(?:\s+tru)?|theo\s+doi(?:\s+(?:hieu\s+luc\s+)?(?:vb|van\s+ban))?|ghi\s+chu|y\s+kien|chia\s+se(?:\s+qua)?|"
            r"in|in\s+trang|ban\s+in|tai\s+ve|tai\s+van\s+ban|facebook|email|gui\s+email|zalo|twitter|"
            r"vb\s+goc|van\s+ban\s+goc|tieng\s+anh|van\s+ban|luoc\s+do|noi\s+dung\s+mix|"
            r"hoi\s+dap(?:\s+phap\s+luat)?|bao\s+loi|thuoc\s+tinh|van\s+ban\s+lien\s+quan|dang\s+nhap)")
# Where the document itself opens (folded): the motto, the number field, a basis clause. A
# portal's controls stand above it; below it "Lưu Văn Bản" is a signer's name.
_DOCUMENT_OPENS = re.compile(r"cong\s+hoa\s+xa\s+hoi|dang\s+cong\s+san\s+viet|^[\s|*]*s[o6]\s*:|^[\s*\-]*can\s+cu\b")
_CONTROL_WORD = re.compile(r"(?<![a-z])" + _CONTROL + r"(?![a-z])")
_CONTROLS = re.compile(r"[\s|•·*]*" + _CONTROL + r"(?:[\s|•·,*]+" + _CONTROL + r")*[\s|•·:*]*")

# A word that takes a number after it ("ngày" / "01" / "tháng 3 năm 2025", "số" / "18"), and a
# line that goes on with the date a number opened ("tháng 3 năm 2025").
_TAKES_NUMBER = re.compile(r"(?:^|\s)(?:ngay|thang|nam|so|dieu|khoan|diem|phan|chuong|muc|lan\s+thu)[ \t:]*$")
_DATE_GOES_ON = re.compile(r"[ \t]*(?:th[a-z]{1,3}ng|n[a-z]{1,2}m)\s+\d|[ \t]*[/.-]\s*\d")


def number_goes_on(lines: list[str], k: int) -> bool:
    """Whether the number alone on line ``k`` belongs to the sentence around it (a date's day
    wrapped after "ngày", a number after "số"), not a page's number."""
    def text_line(j: int) -> bool:  # a line of the document, not blank and no furniture
        return bool(lines[j].strip()) and not (len(lines[j]) < 240 and page_furniture(fold(lines[j])))

    if not any(text_line(j) for j in range(k)):
        return True  # above the first page's text: no page break came before it
    number = re.compile(rf"(?<!\d){lines[k].strip()}(?!\d)")
    if any(j != k and lines[j].strip() and page_furniture(fold(lines[j])) and number.search(lines[j])
           for j in range(max(0, k - 3), min(len(lines), k + 4))):
        return False  # "3" beside "Trang 3" or "3/9": the page's number

    before = next((lines[j] for j in range(k - 1, max(-1, k - 6), -1) if text_line(j)), "")
    after = next((lines[j] for j in range(k + 1, min(len(lines), k + 6)) if text_line(j)), "")
    after = fold(after[:40])
    if before.rstrip()[-1:].isdigit() and _DATE_GOES_ON.match(after):
        return False  # "GIAI ĐOẠN 2019" / "3" / "-2030": a range the page break cut, not a date's day
    if _DATE_GOES_ON.match(after):
        return True  # "01" / "tháng 3 năm 2025", "18" / "/KH-UBND"
    # "Quyết định số" / "2" / "650/QĐ-LĐTBXH ...": the number the word takes is on the next line
    if not _TAKES_NUMBER.search(fold(before[-40:])) or after.lstrip()[:1].isdigit():
        return False
    # ... unless the word and the next line's first word make one word the text writes elsewhere:
    # "... Chương" / "4" / "trình mục tiêu ..." is a page break inside "Chương trình"
    return not _splits_a_word(lines, before, next((lines[j] for j in range(k + 1, min(len(lines), k + 6)) if text_line(j)), ""))


def _splits_a_word(lines: list[str], before: str, after: str) -> bool:
    """Whether the last word of ``before`` and a lower-case first word of ``after`` stand
    together elsewhere in the text (``chương trình``, ``mục tiêu``, ``số liệu``), so that a
    number between them cannot be the number the first word takes (``Điều`` / ``5`` / ``của``)."""
    last = re.search(r"(\w+)\W*$", before)
    first = re.match(r"\s*([^\W\d_]+)", after)
    if last is None or first is None or not first.group(1)[:1].islower():
        return False
    pair = re.compile(rf"(?<!\w){re.escape(fold(last.group(1)))}[ \t]+{re.escape(fold(first.group(1)))}(?!\w)")
    return pair.search(fold("\n".join(lines))) is not None


# Lines that are more likely a copy's than the document's: cheap to look for before the
# line-by-line test. At a line's start (the text is searched with a "\n" before it): a number
# alone or as "- 2 -", "2/5", a page word, an address, a browser's date and time; anywhere: a
# site's domain.
_FURNITURE_HINT = re.compile(
    r"\n[ \t]*(?:[-–—]?[ \t]*\d{1,3}[ \t]*(?:[-–—/][ \t]*(?:\d{1,3}[ \t]*)?)?(?=\n|$)|[Tt]rang[ \t]*\d|[Pp]age[ \t]*\d"
    r"|https?://|www\.|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d\d)")
_DOMAIN_HINT = re.compile(r"\.(?:vn|com|net|org)\b")
# The first words of a portal's control labels, as typed (the text is NFC): a line that opens
# otherwise is no control line (a cheap test before folding the line for _CONTROLS).
_CONTROL_HINT = re.compile(r"[ \t|•·*]*(?:lưu|theo|ghi|ý|chia|in\b|bản|tải|facebook|email|gửi|zalo|twitter|vb|văn|"
                           r"tiếng|lược|nội|hỏi|báo|thuộc|đăng)", re.I)


# The last text cleaned, how, and the result (one tuple, replaced whole: safe across threads):
# read_text cleans the same string for sniff_form, then for layout_from_text.
_LAST: list[tuple] = [(None, None, None)]


def clean_copy(text: str, *, bare_numbers: bool = True) -> tuple[str, list[int] | None, int]:
    """``text`` without what a copy adds: invisible characters, page furniture, double spacing.

    Returns the clean text, the 1-based line of ``text`` each of its lines comes from (``None``
    when every line is where it was) and how many lines of page furniture were left out:

    * invisible characters dropped and odd spaces made spaces (``_COPY_CHARS``);
    * page numbers, a browser's running header and footer, a site's name line left out
      (``page_furniture``), so a paragraph broken by a page break reads as one;
    * a text whose every line stands between blank lines (a portal's ``<p>`` per line, a copy
      that doubled every line break) has its runs of blank lines halved: a line break is a
      line break again, and a blank line a paragraph's end.

    >>> clean_copy("Căn cứ Nghị định số 42/2022/NĐ-\\u00adCP của Chính\\nTrang 2/5\\nphủ;")
    ('Căn cứ Nghị định số 42/2022/NĐ-CP của Chính\\nphủ;', [1, 3], 1)
    >>> clean_copy("KẾ HOẠCH\\n\\nNăm 2025\\n\\n\\n\\nI. MỤC ĐÍCH")
    ('KẾ HOẠCH\\nNăm 2025\\n\\nI. MỤC ĐÍCH', [1, 3, 4, 7], 0)
    """
    last_text, last_bare, last = _LAST[0]
    if last_text is text and last_bare == bare_numbers:
        return last
    result = _clean_copy(text, bare_numbers)
    _LAST[0] = (text, bare_numbers, result)
    return result


def _clean_copy(text: str, bare_numbers: bool) -> tuple[str, list[int] | None, int]:
    text = drop_copy_chars(text)
    lines = text.split("\n")
    numbers: list[int] | None = None
    dropped = 0
    out: set[int] = set()
    hints = [m.start() for m in _FURNITURE_HINT.finditer("\n" + text)]  # each a line's start in text
    hints += [m.start() for m in _DOMAIN_HINT.finditer(text)]
    if hints:
        starts = [0, *accumulate(map((1).__add__, map(len, lines)))]
        candidates = {bisect_right(starts, at) - 1 for at in hints}
        # a number alone is no page number after a tab (a cell of Word's text export: "<tab>1")
        # nor in an OCR'd scan (a table's row number come loose)
        out = {k for k in candidates if len(lines[k]) < 240 and page_furniture(fold(lines[k]))
               and not (lines[k].strip().isdigit() and (not bare_numbers or lines[k].lstrip(" ").startswith("\t")
                                                        or number_goes_on(lines, k)))}
    # a portal's controls above the document (among its first lines, short ones): a block of
    # two lines or more ("Lưu" over "Theo dõi VB"), or a line of several ("Lưu | Ghi chú | In")
    top = next((k for k, line in enumerate(lines[:60]) if _DOCUMENT_OPENS.search(fold(line))), 60)
    controls = {k for k, line in enumerate(lines[:top])
                if len(line) < 80 and _CONTROL_HINT.match(line) and _CONTROLS.fullmatch(fold(line))}
    if controls:
        filled = [k for k, line in enumerate(lines[:61]) if line.strip()]  # blank lines between count for none
        at = {k: i for i, k in enumerate(filled)}
        out |= {k for k in controls if len(_CONTROL_WORD.findall(fold(lines[k]))) >= 2
                or (at[k] > 0 and filled[at[k] - 1] in controls)
                or (at[k] + 1 < len(filled) and filled[at[k] + 1] in controls)}
    if out:
        dropped = len(out)
        lines, numbers = drop_lines(lines, out)
    if len(lines) >= 6 and "\n\n" in text and not _ADJACENT.search("\n".join(lines)):
        # every line stands between blank lines: halve each run of blanks
        numbers = numbers or list(range(1, len(lines) + 1))
        out, nums = [], []
        k = 0
        while k < len(lines):
            if lines[k].strip():
                out.append(lines[k])
                nums.append(numbers[k])
                k += 1
                continue
            run = k
            while k < len(lines) and not lines[k].strip():
                k += 1
            keep_blank = (k - run) // 2 if run and k < len(lines) else k - run
            out.extend(lines[run : run + keep_blank])
            nums.extend(numbers[run : run + keep_blank])
        lines, numbers = out, nums
    return "\n".join(lines), numbers, dropped


def drop_lines(lines: list[str], out: set[int]) -> tuple[list[str], list[int]]:
    """``lines`` without the lines ``out`` and the blank lines that pad them: a run of furniture
    and blank lines keeps as many blank lines as it has on its lighter side, so a sentence a
    page break cut (``... của Chính`` / ``- 2 -`` / ``phủ quy định ...``) reads on, and a
    paragraph's end stays one. Returns the lines and the 1-based line of ``lines`` of each."""
    kept: list[str] = []
    numbers: list[int] = []
    k = 0
    while k < len(lines):
        if k not in out:
            kept.append(lines[k])
            numbers.append(k + 1)
            k += 1
            continue
        before = 0
        while kept and not kept[-1].strip():
            kept.pop()
            numbers.pop()
            before += 1
        after: list[int] = []
        while k < len(lines) and (k in out or not lines[k].strip()):
            after = [] if k in out else [*after, k]
            k += 1
        if k == len(lines):
            after = []  # at the end: no paragraph follows
        for j in after[: min(before, len(after))]:
            kept.append(lines[j])
            numbers.append(j + 1)
    return kept, numbers


# Two non-blank lines next to each other.
_ADJACENT = re.compile(r"\S[^\S\n]*\n[^\S\n]*\S")


@dataclass
class _Row:
    cells: list[list[tuple[int, int]]]  # per cell, the pieces (start, end) of text it covers
    line: int


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r*[":
        start += 1
    while end > start and text[end - 1] in " \t\r*]":
        end -= 1
    return start, end


def _cells_of(text: str, pieces_by_cell: list[list[tuple[int, int]]], line: int, table: int, row: int) -> tuple[RawCell, ...]:
    cells = []
    for col, pieces in enumerate(pieces_by_cell):
        pieces = [p for p in pieces if p[1] > p[0]]
        span = Span(pieces[0][0], pieces[-1][1]) if pieces else Span(0, 0)
        cells.append(RawCell(span, SourceRef("cell", line=line, table=table, row=row, column=col)))
    return tuple(cells)


class _Lines:
    """The lines of a text with their offsets."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        # after[i]: the offset after line i's "\n", i.e. where line i + 1 starts (sums in C)
        after = list(accumulate(map((1).__add__, map(len, self.lines))))
        self.starts: list[int] = [0, *after[:-1]]
        self.ends: list[int] = list(map((-1).__add__, after))

    def __len__(self) -> int:
        return len(self.lines)

    def get(self, i: int) -> str:
        return self.lines[i]

    def blank(self, i: int) -> bool:
        return not self.lines[i].strip()


def _word_table(lines: _Lines, first: int, table_no: int) -> tuple[RawTable, int] | None:
    """A Word text-export table starting at line ``first`` (a ``\\tTT`` cell); returns it and the
    index of the first line after it."""
    text = lines.text
    i = first
    rows: list[_Row] = []
    while i < len(lines):
        while i < len(lines) and lines.blank(i) and lines.get(i).count("\t") == 0:
            i += 1
        if i >= len(lines):
            break
        start_line = i
        cells: list[list[tuple[int, int]]] = []
        while i < len(lines) and not (lines.blank(i) and "\t" not in lines.get(i)):
            s, e = lines.starts[i], lines.ends[i]
            raw = text[s:e]
            if raw.startswith("\t"):
                cells.append([_strip_span(text, s + 1, e)])
            elif cells:
                cells[-1].append(_strip_span(text, s, e))
            else:
                break
            i += 1
        if not cells:
            break
        first_cell = fold(text[cells[0][0][0] : cells[0][0][1]])
        if rows and not re.fullmatch(r"\d{1,3}", first_cell.strip()):
            i = start_line
            break
        if not rows and not _HEADER_CELL.match(first_cell):
            return None
        rows.append(_Row(cells, start_line + 1))
    if len(rows) < 2:
        return None
    raw_rows = tuple(_cells_of(text, r.cells, r.line, table_no, n) for n, r in enumerate(rows))
    span = Span(lines.starts[first], max(c.span.end for c in raw_rows[-1]))
    return RawTable(raw_rows, span, SourceRef("line", line=first + 1)), i


def _tsv_table(lines: _Lines, first: int, table_no: int) -> tuple[RawTable, int] | None:
    """A table written one row per line with tab-separated cells (Markdown from PDF)."""
    text = lines.text
    rows: list[_Row] = []
    i = first
    last = first
    while i < len(lines):
        raw = lines.get(i)
        if not raw.strip():
            i += 1
            continue
        if raw.count("\t") < 2:
            break
        s = lines.starts[i]
        pieces: list[list[tuple[int, int]]] = []
        pos = s
        for field in raw.split("\t"):
            pieces.append([_strip_span(text, pos, pos + len(field))])
            pos += len(field) + 1
        rows.append(_Row(pieces, i + 1))
        last = i
        i += 1
    if len(rows) < 2:
        return None
    raw_rows = tuple(_cells_of(text, r.cells, r.line, table_no, n) for n, r in enumerate(rows))
    span = Span(lines.starts[first], lines.ends[last])
    return RawTable(raw_rows, span, SourceRef("line", line=first + 1)), last + 1


OCR_COLUMNS = ("TT", "Hình thức tuyên truyền", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")


def _ocr_table(lines: _Lines, first: int, stop: int, table_no: int) -> tuple[RawTable, list[ReadWarning]] | None:
    """Rebuild the rows of an OCR'd activity table between lines ``first`` and ``stop``.

    Rows written with ``|`` separators and a leading row number are taken as they stand, their
    continuation lines added column by column. The loose paragraphs after them are assigned by
    shape: a header label is dropped, a paragraph starting with ``-`` continues the partner
    column, "Văn phòng Sở" is the host column, a time expression ("Trong năm 2025") closes the
    row, anything else opens a new row. Pieces before the first row become warnings.
    """
    text = lines.text
    warnings: list[ReadWarning] = []
    rows: list[_Row] = []
    current: _Row | None = None  # a row still open for loose paragraphs
    colmap: list[int] = list(range(len(OCR_COLUMNS)))
    last_pipe_line = -2
    for a, b, is_pipe in _ocr_chunks(lines, first, stop):
        s, e = lines.starts[a], lines.ends[b]
        folded = " ".join(fold(text[s:e]).split())
        if is_pipe:
            pieces, pos = [], s
            for field in text[s:e].split("|"):
                pieces.append(_strip_span(text, pos, pos + len(field)))
                pos += len(field) + 1
            if re.fullmatch(r"\s*\d{1,2}\s*", text[pieces[0][0] : pieces[0][1]] or "x"):
                # Fewer separators than columns: the scan lost the one between host and partner,
                # so the last field is the time column and the middle ones share column 2.
                n = len(pieces)
                colmap = [min(k, 4) for k in range(n)] if n >= 5 else [min(k, 2) for k in range(n - 1)] + [4]
                rows.append(_Row([[] for _ in OCR_COLUMNS], a + 1))
                for k, p in enumerate(pieces):
                    rows[-1].cells[colmap[min(k, len(colmap) - 1)]].append(p)
                current = None
            elif rows:
                fields = pieces if text[pieces[0][0] : pieces[0][1]].strip() else pieces[1:]
                for k, p in enumerate(fields):
                    rows[-1].cells[colmap[min(k + 1, len(colmap) - 1)]].append(p)
            last_pipe_line = b
            continue
        words = set(re.findall(r"[a-z%]+", folded))
        if words and len(words - _HEADER_WORDS) <= max(1, len(words) // 3) and len(folded) < 90:
            continue  # a header label, repeated after a page break
        if rows and last_pipe_line == a - 1 and current is None:
            rows[-1].cells[1].append((s, e))  # a pipe row's last line, without separators
            continue
        if not rows and current is None:
            warnings.append(
                ReadWarning("Bảng OCR: một đoạn chữ không xếp được vào hàng nào / OCR table: a piece of text could not be placed in a row", Span(s, e), SourceRef("line", line=a + 1))
            )
            continue
        if _TIME_CELL.match(folded):
            if current is not None:
                current.cells[4].append((s, e))
                current = None
            else:
                rows[-1].cells[4].append((s, e))
            continue
        if folded.startswith("-"):
            (current or rows[-1]).cells[3].append((s, e))
        elif current is None:
            current = _Row([[], [(s, e)], [], [], []], a + 1)  # the scan lost this row's number
            rows.append(current)
        elif re.match(r"^v\w{1,2}n\s+phong", folded):
            current.cells[2].append((s, e))
        else:
            current.cells[1].append((s, e))
    if not rows:
        return None
    raw_rows = tuple(
        tuple(
            RawCell(
                Span(c[0][0], c[-1][1]) if c else Span(0, 0),
                SourceRef("cell", line=r.line, table=table_no, row=n, column=k),
                tuple(Span(x, y) for x, y in c if y > x),
            )
            for k, c in enumerate(r.cells)
        )
        for n, r in enumerate(rows)
    )
    span = Span(lines.starts[first], lines.ends[stop - 1] if stop > first else lines.ends[first])
    warnings.append(
        ReadWarning(f"Bảng dựng lại từ bản quét: {len(rows)} hàng, các cột chưa chắc chắn / "
                   f"OCR table rebuilt from a scan: {len(rows)} rows; columns are uncertain", span, SourceRef("line", line=first + 1))
    )
    return RawTable(raw_rows, span, SourceRef("line", line=first + 1)), warnings


def _ocr_chunks(lines: _Lines, first: int, stop: int) -> list[tuple[int, int, bool]]:
    """Paragraphs of a region as (first line, last line, is a ``|`` row line)."""
    chunks: list[tuple[int, int, bool]] = []
    i = first
    while i < stop:
        if lines.blank(i):
            i += 1
            continue
        if "|" in lines.get(i):
            chunks.append((i, i, True))
            i += 1
            continue
        j = i
        while j + 1 < stop and not lines.blank(j + 1) and "|" not in lines.get(j + 1):
            j += 1
        chunks.append((i, j, False))
        i = j + 1
    return chunks


def _roman_heading(line: str) -> bool:
    m = _ROMAN_LINE.match(fold(line))
    if not m:
        return False
    title = line[m.end() - 1 :]
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.8


@lru_cache(maxsize=8192)
def _line_ref(line: int) -> SourceRef:
    """The source of a text's 1-based ``line``: one value shared by every text (it is frozen)."""
    return SourceRef("line", line=line)


def layout_from_text(text: str, form: str, *, encoding: str | None = None, folded: str | None = None) -> Layout:
    """Split ``text`` (already NFC) into lines and tables according to its ``form``; ``folded``
    (``fold(text)``, when the caller has it) rides along for the structure parser."""
    clean, numbers, dropped = clean_copy(text, bare_numbers=form != "ocr")
    if clean != text:
        text, folded = clean, None
    lines = _Lines(text)
    items: list[Line | RawTable] = []
    warnings: list[ReadWarning] = []
    if dropped:
        warnings.append(ReadWarning(f"Bỏ qua số trang, đầu trang, chân trang của bản sao / page furniture of a copy left out: "
                                    f"{dropped} line(s) of page numbers, running headers or footers, addresses"))
    n = len(lines)
    i = 0
    table_no = 0
    headings: list[bool] | None = None  # OCR: which lines are Roman headings, computed once
    tried_until = -1  # OCR: a region that held no table is not tried again line by line
    word_export = form in ("docx-export", "text")
    # Outside OCR only a line with a tab can start a table: the runs of lines between two such
    # lines become Lines in one pass.
    tabbed = None if form == "ocr" else [k for k, line in enumerate(lines.lines) if "\t" in line] + [n]
    while i < n:
        if tabbed is not None and (stop := tabbed[bisect_left(tabbed, i)]) > i:
            texts, starts, ends = lines.lines, lines.starts, lines.ends
            items.extend([Line(Span(starts[k], ends[k]), _line_ref(k + 1))
                          for k in range(i, stop) if texts[k] and not texts[k].isspace()])
            i = stop
            continue
        raw = lines.lines[i]
        stripped = raw.strip()
        if not stripped:  # a blank line is no item
            i += 1
            continue
        found = None
        if "\t" in raw:  # the tables of text files start on a line with a tab
            if word_export and raw.startswith("\t") and _HEADER_CELL.match(fold(stripped)):
                found = _word_table(lines, i, table_no)
            elif raw.count("\t") >= 2 and _TSV_HEADER_ROW.match(fold(raw.lstrip()[:4])):
                found = _tsv_table(lines, i, table_no)
        if found:
            table, nxt = found
            items.append(table)
            table_no += 1
            i = nxt
            continue
        if (form == "ocr" and stripped and i > tried_until
                and (re.match(r"^\s*\d{1,2}\s*\|", raw) or _looks_like_ocr_table_header(raw))):
            if headings is None:
                headings = [_roman_heading(lines.get(k)) for k in range(n)]
                prev_heading = [0] * (n + 1)  # the line after the last heading at or before k - 1
                for k in range(1, n + 1):
                    prev_heading[k] = k if headings[k - 1] else prev_heading[k - 1]
                next_heading = [n] * (n + 1)  # the first heading at or after k
                for k in range(n - 1, -1, -1):
                    next_heading[k] = k if headings[k] else next_heading[k + 1]
            # The table runs back to just after the previous heading and on to the next one.
            start = prev_heading[i]
            stop = next_heading[i]
            built = _ocr_table(lines, start, stop, table_no)
            if not built:
                tried_until = stop
            else:
                # Lines already emitted as Lines after that heading become part of the table region.
                while items and isinstance(items[-1], Line) and items[-1].span.start >= lines.starts[start]:
                    items.pop()
            if built:
                table, warns = built
                items.append(table)
                warnings.extend(warns)
                table_no += 1
                i = stop
                continue
        items.append(Line(Span(lines.starts[i], lines.ends[i]), _line_ref(i + 1)))
        i += 1
    if numbers is not None:  # each item's line in the file, not in the clean text
        items = [_renumbered(it, numbers) for it in items]
        warnings = [w if w.source is None else replace(w, source=_moved(w.source, numbers)) for w in warnings]
    return Layout(text, tuple(items), form, encoding=encoding, ocr=form == "ocr", warnings=tuple(warnings), folded=folded)


def _moved(source: SourceRef, numbers: list[int]) -> SourceRef:
    if source.line is None or not 0 < source.line <= len(numbers):
        return source
    return replace(source, line=numbers[source.line - 1])


def _renumbered(item: Line | RawTable, numbers: list[int]) -> Line | RawTable:
    """``item`` with its lines counted in the file (``numbers``: the file's line of each line of
    the clean text)."""
    if isinstance(item, Line):
        return Line(item.span, _line_ref(numbers[item.source.line - 1]))
    rows = tuple(tuple(replace(c, source=_moved(c.source, numbers)) for c in row) for row in item.rows)
    return RawTable(rows, item.span, _moved(item.source, numbers))


def _looks_like_ocr_table_header(line: str) -> bool:
    folded = fold(line)
    return bool(re.search(r"hinh\s+th\w+\b.*co\s*quan", folded)) and "thoi gian" in folded
