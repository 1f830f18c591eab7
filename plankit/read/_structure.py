"""From a :class:`Layout` to a :class:`Plan`: header, blocks, sections, tables.

The parser does not know which format the text came from. It reads the header from the lines
before the document type (``KẾ HOẠCH``), the subject after it, the basis paragraphs of the
preamble, the numbered sections, the closing, the recipients and the signature. Matching runs
on the folded text (see :func:`plankit.text.fold`), so OCR'd text without diacritics is read like
clean text; values shown to users are cut from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import (
    Block,
    Cell,
    Header,
    PartialDate,
    Plan,
    ReadWarning,
    Section,
    Source,
    SourceRef,
    Span,
    Table,
)
from ..places import find_places, match_department, match_place, provinces
from ..text import fold, is_upper_text
from ._header import (
    CHROME_ROW,
    EMPTY_CELLS,
    HEADER_START,
    body_name,
    central_name_of_code,
    doc_type_of_symbol,
    split_glued_symbol,
)
from ._layout import Layout, RawTable
from ._text import OCR_COLUMNS

__all__ = ["build_plan"]

# --- patterns (all run on folded text; each says what it must and must not match) -------------

# The document type line: "KẾ HOẠCH", "## **KẾ HOẠCH**", OCR "KE HOACH". Not "Kế hoạch số 12".
_DOC_TYPES = {
    "ke hoach": "Kế hoạch",
    "chuong trinh": "Chương trình",
    "bao cao": "Báo cáo",
    "quyet dinh": "Quyết định",
    "thong bao": "Thông báo",
    "huong dan": "Hướng dẫn",
    "de an": "Đề án",
    "phuong an": "Phương án",
}
_DOC_TYPE_LINE = re.compile(r"^[\s#*]*(" + "|".join(_DOC_TYPES).replace(" ", r"\s+") + r")[\s*]*$")
# The type word opening a title run on after it: "KẾ HOẠCH TUYÊN TRUYỀN NĂM 2024".
_DOC_TYPE_WORDS = re.compile(r"(?:" + "|".join(_DOC_TYPES).replace(" ", r"\s+") + r")\s+")

# "Số: 181/KH-SCT", "Số:        /KH-SKHCN", "Số: /KH-SKH-CN", OCR "S6:137 IKH-SKHCN".
# Must not match "số 261/KH-UBND" inside a sentence (requires the colon or the line start).
_NUMBER = re.compile(
    r"(?:^|\s|\t)s[o6b¢]\s*[:.]\s*(?P<num>\d+[a-z]?)?\s*(?:/|(?<=\d)-(?=[a-z]{1,4}\s*/)|(?<=\s)[il|1](?=[a-z]{2})|(?<=\d)[il|1](?=[a-z]{2}))\s*"
    r"(?P<sym>[a-z0-9&]+(?:\s*[-/]\s*[a-z0-9&]+)+|[a-z]{2,4}[a-z]{2,8}(?=[\s|]))"
)

# "Cần Thơ, ngày 21 tháng 01 năm 2025", blanks allowed: "ngày    tháng 01 năm 2022";
# OCR: "ngay 21thdng 01 nam 2025". The place is taken from the words before the comma.
_PLACE_DATE = re.compile(
    r",\s*ng[a-z]{1,2}y\s*(?P<day>\d{1,2})?\s*th[a-z]{1,3}ng\s*(?P<month>\d{1,2})?\s*n[a-z]{1,2}m\s*(?P<year>\d{4})"
)

# Headings. Roman: "I. MỤC ĐÍCH", OCR "11. NQI DUNG", "I11. HINH THUC" (title in capitals).
_ROMAN = re.compile(r"^[\s#*]*(?P<num>[ivxl1|]{1,5})\s*\.\s+(?P<title>.+?)[\s*]*$")
# "1. Mục đích", "2. Kinh phí thực hiện". Not "2022." or "1.000".
_ARABIC = re.compile(r"^[\s#*]*(?P<num>\d{1,2})\s*[.)]\s+(?P<title>\S.*?)[\s*]*$")
# "a) Nâng cao", "b. Tăng cường", "đ. Tuyên truyền".
_LETTER = re.compile(r"^[\s#*]*(?P<num>[a-gđ])\s*[).]\s+(?P<title>\S.*?)[\s*]*$")
# A part above the Roman sections: "PHẦN I. KẾT QUẢ ...", "Chương II", "Mục 1".
_PART_HEADING = re.compile(r"^[\s#*]*(phan|chuong|muc)\s+([ivxl]{1,5}|\d{1,2})\b")
# An article of a decision: "Điều 1.", "Điều 2:". Not "điều kiện", "Điều lệ".
_ARTICLE = re.compile(r"^[\s#*]*dieu\s+\d{1,2}\s*[.:]")
_APPENDIX = re.compile(r"^[\s#*]*phu\s+luc\b[\s*]*(?P<rest>.*)$")

# A place-and-date line cut after the day ("Hà Nội, ngày 01" / "tháng 3 năm 2025") or the place.
_WRAPPED_DATE_START = re.compile(r"^[\s|]*[^\W\d_][^,|]{1,40},\s*ng[a-z]{1,2}y\s*\d{0,2}\s*\|?\s*$|^[\s|]*th[a-z]{1,3}ng\s*\d{1,2}\s*n[a-z]{1,2}m")

# A body cut to its kind ("ỦY BAN NHÂN DÂN") and the line that names its unit ("TỈNH QUẢNG NINH").
_BARE_BODY = re.compile(r"(uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan)")
_UNIT_LINE = re.compile(r"^[\s|*]*(tinh|thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran)\s+\S")

# A portal's lead sentence: "Ngày 13/8/2019, UBND tỉnh ban hành Kế hoạch số 132/KH-UBND",
# "Ngày 18 tháng 7 năm 2025 Uỷ ban nhân dân xã X đã ban hành Quyết định số 119/QĐ-UBND",
# "Ngày\n19 tháng 6 năm 2025, Ban Chỉ đạo ... đã ban hành Kế hoạch số 02-KH/BCĐTW".
# The date opens a line or a sentence (not the date of a cited document); the body runs to
# "(đã|vừa) ban hành" and holds no full stop, semicolon, colon or blank line.
_LEAD = re.compile(
    r"(?:^|(?<=\n)|(?<=- )|(?<=– )|(?<=\. ))[ \t]*ngay\s+(?P<d>\d{1,2})\s*(?:/|thang)\s*(?P<m>\d{1,2})\s*(?:/|nam)\s*(?P<y>\d{4})\s*,?\s*"
    r"(?P<body>(?:(?!\n[ \t]*\n)[^.;:]){3,200}?)\s+(?:(?:vua|da|cung\s+da)\s+)?ban\s+hanh\s+"
    r"(?P<type>ke\s+hoach|quyet\s+dinh|van\s+ban|cong\s+van|chi\s+thi|huong\s+dan|chuong\s+trinh)\s+so\s+"
    r"(?P<num>\d+[a-z]?)\s*[/-]\s*(?P<sym>[a-z0-9&]+(?:\s*[-/]\s*[a-z0-9&]+)+)"
)
# A plan introducing itself after its basis: "; UBND xã Đăk Ngọk xây dựng Kế hoạch ...".
_SELF_INTRO = re.compile(
    r"(?:^|[;,.]\s*|\n)(?P<body>(?:uy\s+ban\s+nhan\s+dan|ubnd|so)\s+[a-z ,&-]{2,60}?)\s+"
    r"(?:xay\s+dung|ban\s+hanh)\s+ke\s+hoach", re.M
)

# The authority line of a decision: "BỘ TRƯỞNG BỘ Y TẾ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X",
# "THỦ TƯỚNG CHÍNH PHỦ". Must not match "BỘ Y TẾ" alone (a header cell, read elsewhere).
_AUTHORITY = re.compile(r"^[\s*]*(?:bo\s+truong|thu\s+truong|chu\s+tich|giam\s+doc|truong\s+ban)\s+(?P<body>\S.*?)\s*$|^[\s*]*(?P<ttg>thu\s+tuong\s+chinh\s+phu)\s*$")

# A basis clause: "Căn cứ", "Thực hiện", "Triển khai (thực hiện)", "Theo", also as a bullet ("- Căn cứ").
_BASIS = re.compile(r"^[\s*\-–•+]*(can\s+c\w{1,2}|thuc\s+hien|trien\s+khai|theo)\b")
# A bullet of a basis list without its opening word: "- Nghị quyết số 57-NQ/TW ...;", "- Luật ...".
_BASIS_ITEM = re.compile(r"^[\s*]*(?P<dash>[-–•+]\s*)?(?:luat|bo\s+luat|nghi\s+(?:quyet|dinh)|quyet\s+dinh|chi\s+thi|thong\s+tu|ke\s+hoach|"
                         r"chuong\s+trinh|ket\s+luan|quy\s+dinh|thong\s+bao|cong\s+van|van\s+ban|to\s+trinh|huong\s+dan)\b")
# A section that holds the basis: "I. CĂN CỨ PHÁP LÝ", "I. CĂN CỨ LẬP KẾ HOẠCH", "CĂN CỨ XÂY DỰNG KẾ HOẠCH".
_BASIS_SECTION = re.compile(r"^(can\s+c\w{1,2}|co\s+so\s+phap\s+ly)\b")
# "Trên đây là Kế hoạch", OCR "Trén day 1a K& hoach" (1a, 14 are OCR for "là").
_CLOSING = re.compile(r"^[\s*]*tren\s+day\s+(la|1a|14|ia)\b")
_RECIPIENTS = re.compile(r"^[\s*]*n[o0]i\s+nh\w{1,2}n\s*:")
_SIGNER_TITLE = re.compile(
    r"^[\s*]*((kt|tm|q|tl|tuq)\s*\.\s*)?(pho\s+)?(giam\s+doc|chanh\s+van\s+phong|truong\s+ban|chu\s+tich|chanh\s+thanh\s+tra)\b"
)
_SIGNED = re.compile(r"^[\s(]*(da\s+ky|ky\s+ten|\(?da ky\)?)")
_SUBJECT_YEAR = re.compile(r"\bn[a-z]{1,2}m\s+(\d{4})\b")
_SUBJECT_YEAR_END = re.compile(r"\bn[a-z]{1,2}m\s+(\d{4})[\s*|]*$")
_NATIONAL_MOTTO = re.compile(r"(cong\s+hoa\s+xa\s+h\w{1,2}i|d\w{0,2}oc\s+[1l]ap\s*-|tu\s+do\s*-\s*hanh|hanh\s+phuc)")
# Where the motto starts on a line that also holds the issuer's cell (dashes and spaces lost).
_MOTTO_START = re.compile(r"(?<![a-z])(?:cong\s+hoa|d\w{0,2}oc\s+[1l]ap)(?![a-z])")
_MARKUP = re.compile(r"</?\w+>|\*+|^#+\s*")


def _clean(text: str) -> str:
    """Display form: markup dropped, white space collapsed."""
    text = re.sub(r"<sup>(.*?)</sup>", r"\1", text)
    text = _MARKUP.sub("", text)
    text = text.replace("*", "")
    return " ".join(text.split()).strip()


def _roman_value(raw: str) -> str | None:
    """``I11`` -> ``III``; ``11`` -> ``II``; None when it is no Roman numeral up to XXX."""
    s = raw.upper().replace("1", "I").replace("L", "I").replace("|", "I")
    if not re.fullmatch(r"X{0,3}(IX|IV|V?I{0,3})", s) or not s:
        return None
    return s


@dataclass
class _Para:
    """A paragraph: one or more consecutive lines (OCR wraps paragraphs over lines)."""

    start: int
    end: int
    source: SourceRef
    first_line_end: int


def _paragraphs(layout: Layout, folded_text: str) -> list[_Para | RawTable]:
    text = layout.text
    out: list[_Para | RawTable] = []
    wrap = layout.form == "ocr"
    hard = layout.form in _HARD_WRAPPED_FORMS
    lengths = sorted(it.span.end - it.span.start for it in layout.items if not isinstance(it, RawTable))
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    fill = width if hard and _wraps_sentences(layout, text) else 0
    prev_end = -2
    for item in layout.items:
        if isinstance(item, RawTable):
            out.append(item)
            prev_end = -2
            continue
        s, e = item.span.start, item.span.end
        line = text[s:e]
        folded = folded_text[s:e]
        adjacent = bool(out) and isinstance(out[-1], _Para) and text[prev_end:s].count("\n") == 1
        continues = adjacent and (
            (wrap and not _starts_unit(folded, line) and not _capitals_edge(text, out[-1], line))
            or (hard and _continues_line(text, folded_text, out[-1], s, e, width, fill))
        )
        if continues:
            out[-1].end = e
        else:
            out.append(_Para(s, e, item.source, e))
        prev_end = e
    if hard:
        split: list[_Para | RawTable] = []
        for u in out:
            if isinstance(u, RawTable):
                split.append(u)
                continue
            dated = bool(split) and isinstance(split[-1], _Para) and _PLACE_DATE.search(folded_text, split[-1].start, split[-1].end)
            split.extend(_split_clauses(text, folded_text, u, after_date=bool(dated)))
        out = split
    return out


# A clause that opens inside a paragraph of flattened or re-wrapped text: "... BỘ Y TẾ Căn cứ
# Nghị định ...; Căn cứ Nghị quyết ...", "... của Chính phủ. Căn cứ ...". Not "làm căn cứ",
# "căn cứ vào" (inside a sentence) nor a heading in capitals ("I. CĂN CỨ PHÁP LÝ").
_INLINE_CLAUSE = re.compile(r"(?<![a-z])(?:can\s+cu(?!\s+vao)|theo\s+de\s+nghi)(?![a-z])|(?<![a-z])dieu\s+\d{1,2}\s*\.(?=\s)"
                            r"|(?<![a-z])quyet\s+dinh\s*:")


# The authority of a decision after a title that ends with its year: "... NĂM 2023 BỘ TRƯỞNG BỘ
# TƯ PHÁP", "... GIAI ĐOẠN 2021-2025 THỦ TƯỚNG CHÍNH PHỦ".
_INLINE_AUTHORITY = re.compile(r"\d{4}\s+(?P<who>bo\s+truong|thu\s+tuong\s+chinh\s+phu|chu\s+tich\s+(?:uy\s+ban|ubnd))(?![a-z])")


def _split_clauses(text: str, folded_text: str, para: _Para, after_date: bool = False) -> list[_Para]:
    """``para`` cut where a header flattened onto its line ends (after the place and date, before
    a title in capitals) and before each clause that opens inside it (a basis clause after a
    semicolon, a full stop or words in capitals; an article ``Điều 2.`` after a full stop), so a
    document flattened onto one line and the same document wrapped at any width give the same
    units."""
    cuts: list[tuple[int, int, str]] = []  # (where, end of the opening words, kind)
    # "title": a header field or a title starts; "clause": a basis clause; "article": Điều N.
    date = _PLACE_DATE.search(folded_text, para.start, para.end)
    if date is not None or after_date:  # "... ngày 04 tháng 3 năm 2024    KẾ HOẠCH TUYÊN TRUYỀN ..."
        end = date.end() if date is not None else para.start
        at = end + re.match(r"\s*", text[end : para.end]).end()
        rest = text[at : para.end].split()
        if rest and rest[0][:1].isalpha() and " ".join(rest[:2]).isupper() and (date is not None or len(rest) > 2):
            kind = _DOC_TYPE_WORDS.match(folded_text, at, para.end)  # "KẾ HOẠCH" / "TUYÊN TRUYỀN ..."
            if kind is not None and text[kind.end() : kind.end() + 2].strip().isupper():
                cuts.append((at, kind.end(), "title"))
                cuts.append((kind.end(), kind.end() + 1, "title"))
            else:
                cuts.append((at, at + len(rest[0]), "title"))
    for m in _INLINE_AUTHORITY.finditer(folded_text, para.start, para.end):  # "... NĂM 2023 BỘ TRƯỞNG ..."
        if text[m.start("who") : m.end("who")].isupper():
            cuts.append((m.start("who"), m.end("who"), "title"))
    label = _NUMBER_LABEL.search(folded_text, para.start, para.end)
    if label is not None and text[label.start()] == "S":  # "... Hạnh phúc   Số: 311/KH-SKH&CN"
        cuts.append((label.start(), label.end(), "title"))
    for m in _INLINE_CLAUSE.finditer(folded_text, para.start, para.end):
        word = text[m.start() : m.start() + 3]
        if folded_text[m.start()] == "q":  # "QUYẾT ĐỊNH:" opens the articles of a decision
            if word.isupper():
                cuts.append((m.start(), m.end(), "article"))
        elif word[:1].isupper() and word[1:].islower():  # "Căn cứ", "Điều 2." (not "CĂN CỨ")
            cuts.append((m.start(), m.end(), "article" if folded_text[m.start()] == "d" else "clause"))
    out = [para]
    for at, opening_end, kind in sorted(cuts):
        if at <= out[-1].start:
            continue
        before = text[out[-1].start : at].rstrip()
        capitals = is_upper_text(" ".join(before.split()[-3:]))  # "... BỘ Y TẾ", "... NĂM 2024"
        if not (kind == "title" or before.endswith((";", ".")) or (kind == "clause" and capitals)
                or (kind == "article" and before.endswith(":"))):
            continue
        cur = out[-1]
        nl = text.find("\n", opening_end, cur.end)  # the first line holds the opening words
        out[-1] = _Para(cur.start, cur.start + len(before), cur.source, min(cur.first_line_end, cur.start + len(before)))
        out.append(_Para(at, cur.end, cur.source, nl if nl != -1 else cur.end))
    return out


def _capitals_edge(text: str, para: _Para, line: str) -> bool:
    """Whether a line of capitals ends ``para`` or is ``line``: header cells and titles
    (``UBND TINH X`` over ``SO Y``, ``KE HOACH`` over the subject) stand on lines of their own,
    in a scan without diacritics as in any text."""
    last_start = text.rfind("\n", para.start, para.end) + 1 or para.start
    return is_upper_text(line) or is_upper_text(text[max(last_start, para.start) : para.end])


# A line ending with the number field's label, its number on the next line; a line opening
# with it.
_NUMBER_LABEL_END = re.compile(r"(?:^|\s)s[o6]\s*:[ \t]*$")
_NUMBER_LABEL = re.compile(r"(?:^|(?<=\s))s[o6]\s*:")
# A line ending with the word of an article ("Điều"), its number on the next line.
_ARTICLE_WORD_END = re.compile(r"(?:^|\s)dieu[ \t]*$")
# The end of the motto wrapped at its dash: "- Hạnh phúc".
_MOTTO_END = re.compile(r"^[ \t]*[-–]\s*h\w{1,2}nh\s+ph\w{1,2}c")

# The second half of a range of years at a line start: "- 2025;", "– 2030".
_RANGE_END = re.compile(r"[-–]\s*\d{4}(?!\d)")

# A line that cannot end a sentence: it ends on a word that needs the next one ("của", "và",
# "các", "về", "theo" ...) or on a word broken at its hyphen ("Nga-" / "Ukraine").
_OPEN_END = re.compile(
    r"(?:(?<![^\W\d_])(?:cua|va|cac|ve|voi|cho|trong|tai|theo|nhung|duoc|bang|nham|tu|den|hoac|"
    r"tren|doi\s+voi|cung|thuoc|giua|boi|ma|can\s+cu)|[^\W\d_]-)[ \t]*$"
)

#: Forms whose lines may be wrapped inside a paragraph (a PDF's text, a portal page copied as
#: text). A .docx paragraph and a line of Word's text export are whole paragraphs.
_HARD_WRAPPED_FORMS = ("text", "news", "pdf")


def _wraps_sentences(layout: Layout, text: str) -> bool:
    """Whether the text breaks its sentences over lines (a PDF or a re-wrapped copy): a line
    that is no heading in capitals ends inside a sentence and the next goes on in lower case."""
    prev = ""
    for item in layout.items:
        if isinstance(item, RawTable):
            prev = ""
            continue
        line = text[item.span.start : item.span.end].strip()
        if prev and line and prev[-1] not in ".;:!?|" and line[0].islower() and not is_upper_text(prev, 0.95):
            return True
        prev = line
    return False


def _continues_line(text: str, folded_text: str, para: _Para, s: int, e: int, width: int, fill: int = 0) -> bool:
    """Whether the line ``[s, e)`` continues paragraph ``para`` (a hard-wrapped line).

    It does when the paragraph's last line does not end a sentence or a cell (``.;:!?|``), the
    line starts no heading, list item, basis clause or header field, neither is a line of
    capitals (header cells and titles, read by the header and subject readers), and either the
    line starts in lower case or with a digit ("tháng 3 năm 2025", "phủ quy định ...") or the
    paragraph's last line runs near the text's usual width (it was wrapped, not ended).
    """
    last_start = text.rfind("\n", para.start, para.end) + 1 or para.start
    last = text[max(last_start, para.start) : para.end].rstrip(" \t")
    line = text[s:e]
    head = line.lstrip(" \t")
    if last and last[-1].isdigit() and _RANGE_END.match(head):
        return True  # "giai đoạn 2022" / "- 2025; ...": a range of years wrapped at its dash
    if head[:1].isdigit() and _NUMBER_LABEL_END.search(folded_text[para.start : para.end]):
        return True  # "... Hạnh phúc   Số:" / "311/KH-SKH&CN ...": the number field wrapped
    if head[:1].isdigit() and _ARTICLE_WORD_END.search(folded_text[para.start : para.end]):
        return True  # "... QUYẾT ĐỊNH: Điều" / "1. Ban hành ...": an article's number wrapped
    if _MOTTO_END.match(folded_text[s:e]):
        return True  # "Độc lập - Tự do" / "- Hạnh phúc": the motto wrapped at its dash
    if para.end == para.first_line_end and _heading_line(folded_text[para.start : para.end], text[para.start : para.end]):
        return False  # "KẾ HOẠCH", "I. MỤC ĐÍCH" stand alone; what they head follows
    first_word = head.split(None, 1)[0]
    if (_filled(last, head, fill) and "|" not in line and not _starts_unit_at(folded_text[s:e], line)
            and not CHROME_ROW.match(folded_text[s:e])
            # a title in capitals over running text ("KẾ HOẠCH ... NĂM 2025" / "Ngày 18 ...")
            and not (is_upper_text(last, 0.95) and first_word[:1].isupper() and not first_word.isupper()
                     and not _NATIONAL_MOTTO.match(folded_text[s:e].lstrip()))
            # a subject ended with its year ("... năm 2024" / "Để triển khai ...")
            and not (head[0].isupper() and _SUBJECT_YEAR_END.search(folded_text[max(last_start, para.start) : para.end]))):
        # The last line was broken only because the next word did not fit: a wrap, even
        # between capitals ("... CHỦ" / "NGHĨA VIỆT NAM"), after "Số:", or at the dash of a
        # compound ("kinh tế" / "- xã hội"), or after a full stop inside a paragraph. Not after
        # a semicolon: the next clause of a list of documents starts a unit of its own.
        return not last.endswith((";", "|")) and (
            head[0] not in "-–" or _lower_start(head[1:]) and head[1:2].isspace())
    if not last or not head or last[-1] in ".;:!?|" or head[0] in "|-–•+*#(":
        return False
    lower = head[0].islower() or head[0].isdigit() or _OPEN_END.search(folded_text[para.start : para.end]) is not None
    long = width > 0 and len(last) >= 0.6 * width
    if long and _SUBJECT_YEAR_END.search(folded_text[para.start : para.end]):
        long = False  # "... năm 2024" / "Để triển khai ...": a subject ended with its year
    if not (lower or long):
        return False
    folded = folded_text[s:e]
    if _starts_unit(folded, line) or EMPTY_CELLS.match(folded) or CHROME_ROW.match(folded):
        return False
    if is_upper_text(line) or is_upper_text(last):
        return False
    first_line = folded_text[para.start : para.first_line_end]
    # "1. Mục đích" and the paragraph under it
    return not (para.end == para.first_line_end and (_ARABIC.match(first_line) or _LETTER.match(first_line)) and not lower)


def _filled(last: str, head: str, width: int) -> bool:
    """Whether ``last`` was filled to the text's width: its next line's first word would not
    have fitted on it, so the break is a wrap, not the end of a line the writer ended. Lines
    laid out in columns (runs of spaces, cell bars) are never filled text."""
    if width <= 0 or not last or not head or "|" in last or re.search(r"\S( {5,}|\t)\S", last):
        return False
    return len(last) + 1 + len(head.split(None, 1)[0]) > width


def _heading_line(folded: str, line: str) -> bool:
    """A line that heads what follows: the document type, a Roman heading in capitals, a part
    or an appendix."""
    return bool(_DOC_TYPE_LINE.match(folded) or (_ROMAN.match(folded) and is_upper_text(line))
                or _PART_HEADING.match(folded) or _APPENDIX.match(folded))


def _lower_start(line: str) -> bool:
    """Whether the first letter of ``line`` is a small letter (a wrapped line goes on)."""
    return next((c.islower() for c in line if c.isalpha()), False)


def _starts_unit(folded: str, line: str) -> bool:
    """Whether a line opens a unit of its own: a heading, a list item, a basis clause, the
    closing, the recipients, the document type, or a line holding the number field or the
    place-and-date."""
    return bool(
        folded.strip().startswith("-")
        or _starts_unit_at(folded, line)
        or _NUMBER.search(folded)
        or _PLACE_DATE.search(folded)
    )


def _starts_unit_at(folded: str, line: str) -> bool:
    """The unit starts :func:`_starts_unit` knows by the line's first words (not a dash: a
    compound wrapped at its dash, "kinh tế" / "- xã hội", goes on)."""
    return bool(
        (_ROMAN.match(folded) and is_upper_text(line))
        or _ARABIC.match(folded)
        or _LETTER.match(folded)
        or (_BASIS.match(folded) and not _lower_start(line))
        or _CLOSING.match(folded)
        or _RECIPIENTS.match(folded)
        or _DOC_TYPE_LINE.match(folded)
        or _APPENDIX.match(folded)
        or _PART_HEADING.match(folded)
        or _ARTICLE.match(folded)
        or (_AUTHORITY.match(folded) and is_upper_text(line))
        or _NUMBER_LABEL.match(folded.lstrip(" \t|*"))
    )


class _Builder:
    def __init__(self, layout: Layout, source: Source):
        self.layout = layout
        self.text = layout.text
        self.folded = fold(layout.text)
        self.source = source
        self.warnings: list[ReadWarning] = list(layout.warnings)
        self.spans: dict[str, Span] = {}

    # -- helpers ----------------------------------------------------------------------------
    def f(self, start: int, end: int) -> str:
        return self.folded[start:end]

    def t(self, start: int, end: int) -> str:
        return self.text[start:end]

    # -- main -------------------------------------------------------------------------------
    def build(self) -> Plan:
        units = _paragraphs(self.layout, self.folded)
        # Layout tables before the document type (the header) and tables holding "Nơi nhận"
        # (recipients beside the signature) are read as lines, not as activity tables.
        doc_type_idx = self._find_doc_type(units)
        flat: list[_Para | RawTable] = []
        for idx, u in enumerate(units):
            if isinstance(u, RawTable) and (
                (doc_type_idx is not None and idx < doc_type_idx) or self._is_layout_table(u)
            ):
                flat.extend(self._table_as_paras(u))
            else:
                flat.append(u)
        # Reading order is text order (a header table's cells are read row by row).
        units = sorted(flat, key=lambda u: u.span.start if isinstance(u, RawTable) else u.start)
        blocks: list[Block] = []
        kinds: list[str] = [""] * len(units)
        header_fields: dict[str, object] = {}

        start = self._set_apart_chrome(units, kinds)
        doc_type_idx = self._find_doc_type(units, start)
        number_idx = self._find_number(units, start)
        header_end = self._header_end(units, number_idx) if number_idx is not None else None
        if header_end is not None and not any(  # without its type line a header needs its date
            not isinstance(u, RawTable) and _PLACE_DATE.search(self.f(u.start, u.end))
            for u in units[start : header_end + 1]
        ):
            header_end = None
        if header_end is not None and (doc_type_idx is None or doc_type_idx > header_end + 3):
            # A header whose document-type line the site dropped (or that sits on the same line):
            # the type comes from the symbol, the subject follows the place-and-date line.
            self._read_header(units[start : header_end + 1], header_fields)
            for k in range(start, header_end + 1):
                kinds[k] = "header"
            header_fields["doc_type"] = doc_type_of_symbol(header_fields.get("symbol"))  # type: ignore[arg-type]
            body_from = self._read_subject(units, header_end + 1, kinds, header_fields)
            self._drop_type_from_title(header_fields)
        elif doc_type_idx is None:
            body_from = self._read_news_header(units, kinds, header_fields)
        else:
            self._read_header(units[start:doc_type_idx], header_fields)
            for k in range(start, doc_type_idx):
                kinds[k] = kinds[k] or "header"
            kinds[doc_type_idx] = "doc-type"
            dt_para = units[doc_type_idx]
            header_fields["doc_type"] = _DOC_TYPES[" ".join(_DOC_TYPE_LINE.match(self.f(dt_para.start, dt_para.first_line_end)).group(1).split())]
            body_from = self._read_subject(units, doc_type_idx + 1, kinds, header_fields)
            self._read_authority(units, body_from, header_fields)

        sections, tables = self._read_body(units, body_from, kinds)
        self._read_tail(units, kinds, header_fields)

        for idx, u in enumerate(units):
            if isinstance(u, RawTable):
                blocks.append(Block("table", self.t(u.span.start, u.span.end), u.span, u.source))
                continue
            kind = kinds[idx] or "paragraph"
            blocks.append(Block(kind, self.t(u.start, u.end), Span(u.start, u.end), u.source))

        header = self._header(header_fields)
        return Plan(
            text=self.text,
            header=header,
            sections=tuple(sections),
            tables=tuple(tables),
            blocks=tuple(blocks),
            source=self.source,
            warnings=tuple(self.warnings),
        )

    # -- header -----------------------------------------------------------------------------
    def _find_doc_type(self, units: list[_Para | RawTable], start: int = 0) -> int | None:
        for idx in range(start, min(len(units), start + 60)):
            u = units[idx]
            if isinstance(u, RawTable):
                continue
            if _DOC_TYPE_LINE.match(self.f(u.start, u.first_line_end)) and is_upper_text(self.t(u.start, u.first_line_end)):
                return idx
        return None

    def _set_apart_chrome(self, units: list, kinds: list[str]) -> int:
        """Mark a legal portal's chrome as ``boilerplate`` and return where the header starts.

        The header starts at the first unit (of the first 40) that opens like one: an issuing
        body in capitals, the national motto or the number field. What comes before it (a page
        title, a related-documents panel) and the portal's metadata rows (``Số hiệu | ...``) are
        site chrome, set apart with a warning. Without such a unit nothing is set apart.
        """
        start = None
        for idx in range(min(len(units), 40)):
            u = units[idx]
            if isinstance(u, RawTable):
                continue
            folded = self.f(u.start, u.first_line_end)
            if CHROME_ROW.match(folded):
                continue
            m = HEADER_START.match(folded)
            motto = _MOTTO_START.search(folded)  # the issuer's cell and the motto on one line
            cell = self.t(u.start, u.start + motto.start() if motto and motto.start() else u.first_line_end)
            if m and (is_upper_text(cell.split("|")[0]) or _NUMBER.search(folded)) and any(
                not isinstance(v, RawTable)
                and (_NUMBER.search(t := self.f(v.start, v.end)) or _NATIONAL_MOTTO.search(t) or _PLACE_DATE.search(t))
                for v in units[idx : idx + 8]
            ):
                start = idx
                break
        if start is None:
            return 0
        chrome = 0
        for idx in range(min(len(units), start + 40)):
            u = units[idx]
            if isinstance(u, RawTable):
                continue
            folded = self.f(u.start, u.end)
            if (idx < start and sum(c.isalpha() for c in folded) > 3) or CHROME_ROW.match(folded):
                kinds[idx] = "boilerplate"
                chrome += 1
        if chrome:
            first = next(units[i] for i, k in enumerate(kinds) if k == "boilerplate")
            self.warnings.append(ReadWarning(
                f"Phần giao diện trang web được bỏ qua / site chrome set apart: {chrome} lines "
                "(page title, metadata table, related documents)",
                Span(first.start, first.end), first.source,
            ))
        return start

    def _find_number(self, units: list, start: int) -> int | None:
        """The unit holding the header's number field ``Số: ...`` (within 15 of the start)."""
        for idx in range(start, min(len(units), start + 15)):
            u = units[idx]
            if not isinstance(u, RawTable) and _NUMBER.search(self.f(u.start, u.end)):
                return idx
        return None

    def _header_end(self, units: list, number_idx: int) -> int:
        """The last unit of the header: the number line, then the place-and-date line, motto
        pieces and empty cells that follow it."""
        end = number_idx
        dated = bool(_PLACE_DATE.search(self.f(units[number_idx].start, units[number_idx].end)))
        for idx in range(number_idx + 1, min(len(units), number_idx + 5)):
            u = units[idx]
            if isinstance(u, RawTable):
                break
            folded = self.f(u.start, u.end)
            if _PLACE_DATE.search(folded) and not dated:
                end, dated = idx, True
            elif EMPTY_CELLS.match(folded) or _NATIONAL_MOTTO.search(folded) or re.fullmatch(r"[\s\-_|]+", folded):
                end = idx
            elif not dated and _WRAPPED_DATE_START.match(folded):
                end = idx  # "Hà Nội, ngày 01" ... its month and year on the next line
            else:
                break
        return end

    def _is_layout_table(self, table: RawTable) -> bool:
        first = " ".join(self.f(c.span.start, c.span.end) for c in table.rows[0]) if table.rows else ""
        return bool(re.search(r"n[o0]i\s+nh\w{1,2}n\s*:", first)) or bool(_NATIONAL_MOTTO.search(first))

    def _table_as_paras(self, table: RawTable) -> list[_Para]:
        out = []
        ncols = max(len(r) for r in table.rows)
        for row in table.rows:
            for col in range(ncols):
                if col >= len(row):
                    continue
                cell = row[col]
                pos = cell.span.start
                for part in self.t(cell.span.start, cell.span.end).split("\n"):
                    s, e = pos, pos + len(part)
                    pos = e + 1
                    if part.strip():
                        out.append(_Para(s, e, cell.source, e))
        return out

    def _read_header(self, paras: list, fields: dict) -> None:
        paras = [u for u in paras if not isinstance(u, RawTable)]
        if not paras:
            return
        cells: list[tuple[int, int]] = []  # left-column cells (issuing bodies), in order
        piped = any("|" in self.t(u.start, u.end) for u in paras)
        for u in paras:
            s, e = u.start, u.end
            folded = self.f(s, e)
            m = _NUMBER.search(folded)
            if m and "symbol" not in fields:
                if m.group("num"):
                    fields["number"] = self.t(s + m.start("num"), s + m.end("num"))
                    self.spans["number"] = Span(s + m.start("num"), s + m.end("num"))
                else:
                    slash = self.text.find("/", s + m.start(), s + m.start("sym"))
                    at = slash if slash != -1 else s + m.start("sym")
                    self.spans["number"] = Span(at, at)
                sym = re.sub(r"\s+", "", self.t(s + m.start("sym"), s + m.end("sym")))
                fields["symbol"] = _normalise_symbol(split_glued_symbol(sym))
                self.spans["symbol"] = Span(s + m.start("sym"), s + m.end("sym"))
            if not piped:
                cells.extend(self._left_column_segments(s, e))
        # The place and date may be wrapped over two lines: read them over the whole header.
        self._place_date(paras[0].start, paras[-1].end, fields)
        if piped:
            cells = self._piped_cells(paras)
        self._bodies(cells, fields)

    def _piped_cells(self, paras: list) -> list[tuple[int, int]]:
        """The cells of a header table a website flattened with ``|``: a cell runs over lines
        until its bar; motto, number and date cells are left out."""
        out: list[tuple[int, int]] = []
        cur: tuple[int, int] | None = None
        for u in paras:
            for ls, le in self._lines_in(u):
                pos = ls
                line = self.t(ls, le)
                parts = line.split("|")
                for k, part in enumerate(parts):
                    ps, pe = pos, pos + len(part)
                    pos = pe + 1
                    if part.strip(" \t-_*"):
                        cur = (cur[0], pe) if cur else (ps, pe)
                    if k < len(parts) - 1 and cur is not None:  # a bar closes the cell
                        out.append(cur)
                        cur = None
        if cur is not None:
            out.append(cur)
        keep = []
        for cs, ce in out:
            folded = self.f(cs, ce)
            if _NATIONAL_MOTTO.search(folded) or _NUMBER.search(folded) or _PLACE_DATE.search(folded):
                continue
            if re.search(r"dang\s+cong\s+san\s+viet\s+nam", folded):
                continue
            cs2, ce2 = cs, ce
            while cs2 < ce2 and self.text[cs2] in " \t*#-_\n":
                cs2 += 1
            while ce2 > cs2 and self.text[ce2 - 1] in " \t*-_\n":
                ce2 -= 1
            if ce2 > cs2:
                keep.append((cs2, ce2))
        return keep

    def _bodies(self, cells: list[tuple[int, int]], fields: dict) -> None:
        """Parent and issuer from the left-column cells: ``UBND TỈNH X`` over ``SỞ Y`` is parent
        and issuer; a body alone (``ỦY BAN NHÂN DÂN TỈNH X``, ``BỘ Y TẾ``) is the issuer."""
        found: list[tuple[int, int, str, str]] = []
        merged: list[tuple[int, int]] = []
        for cs, ce in cells:  # "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG NINH": one cell on two lines
            if merged and _UNIT_LINE.match(self.f(cs, ce)) and _BARE_BODY.fullmatch(
                " ".join(self.f(*merged[-1]).split()).strip(" |-")
            ):
                merged[-1] = (merged[-1][0], ce)
            else:
                merged.append((cs, ce))
        for cs, ce in merged:
            seg = self.f(cs, ce).strip()
            if not seg or not is_upper_text(self.t(cs, ce)):
                continue
            named = body_name(" ".join(self.t(cs, ce).split()))
            if named is not None:
                found.append((cs, ce, *named))
        if not found:
            return
        if (len(found) >= 2 and found[1][3] in ("department", "party")) or (
            len(found) >= 2 and found[0][3] == "party"
        ):
            ps, pe = found[0][0], found[0][1]
            parent_raw = self.t(ps, pe)
            fields["parent"] = (_normalise_parent(parent_raw) if found[0][3] == "local" else found[0][2])
            self.spans["parent"] = Span(ps, pe)
            cs, ce, name, kind = found[1]
            fields["issuer"] = _normalise_body(self.t(cs, ce)) if kind == "department" else name
            self.spans["issuer"] = Span(cs, ce)
            return
        cs, ce, name, kind = found[0]
        if kind == "party" and name == "Ban Chấp hành Trung ương":
            fields["parent"] = name  # the Party's Central Committee over a body the site dropped
            self.spans["parent"] = Span(cs, ce)
            return
        if kind == "department":
            fields["issuer"] = _normalise_body(self.t(cs, ce))
        else:
            fields["issuer"] = name
        self.spans["issuer"] = Span(cs, ce)

    def _left_column_segments(self, s: int, e: int) -> list[tuple[int, int]]:
        """The left-column part of a header line (before the motto or the number)."""
        folded = self.f(s, e)
        cut = len(folded)
        # PDF layout text puts the right column on the same line after a run of spaces.
        gap = re.search(r"\S( {3,}|\t)\S", folded)
        if gap:
            cut = gap.start() + 1
        for pat in (_NATIONAL_MOTTO, re.compile(r"(^|\s)s[o6b¢]\s*:"), re.compile(r"\|")):
            m = pat.search(folded)
            if m:
                cut = min(cut, m.start())
        seg_s, seg_e = s, s + cut
        while seg_s < seg_e and self.text[seg_s] in " \t*#":
            seg_s += 1
        while seg_e > seg_s and self.text[seg_e - 1] in " \t*":
            seg_e -= 1
        return [(seg_s, seg_e)] if seg_e > seg_s else []

    def _place_date(self, s: int, e: int, fields: dict) -> bool:
        if "date_parts" in fields:
            return False
        folded = self.f(s, e)
        m = _PLACE_DATE.search(folded)
        if not m:
            return False
        day = int(m.group("day")) if m.group("day") else None
        month = int(m.group("month")) if m.group("month") else None
        fields["date_parts"] = PartialDate(day, month, int(m.group("year")))
        self.spans["date"] = Span(s + m.start() + 1, s + m.end())
        # the place: the longest run of words before the comma that names a province
        cut = self.text.rfind("|", s, s + m.start()) + 1 or s  # the place's own cell
        before = self.t(s, s + m.start())
        words = [w for w in re.finditer(r"[^\s,.:/|]+\.?", before) if w.start() >= cut - s]
        tries = [(n, 1.0) for n in range(min(6, len(words)), 0, -1)]  # exact spellings first
        tries += [(n, 0.85) for n in range(min(4, len(words)), 0, -1)]  # then OCR-damaged ones
        for n, cutoff in tries:
            cand = words[-n:]
            raw = before[cand[0].start() : cand[-1].end()]
            prov = match_place(raw, cutoff=cutoff)
            if prov:
                fields["place"] = prov.name
                self.spans["place"] = Span(s + cand[0].start(), s + cand[-1].end())
                return True
        if words:
            # a place that is no province (a commune, a district): its capitalised words
            first = len(words) - 1
            while first > 0 and len(words) - first < 4 and words[first - 1].group()[:1].isupper():
                first -= 1
            raw = " ".join(w.group() for w in words[first:])
            fields["place"] = raw
            self.spans["place"] = Span(s + words[first].start(), s + words[-1].end())
        return True

    def _read_subject(self, units: list, start: int, kinds: list[str], fields: dict) -> int:
        idx = start
        subj: list[_Para] = []
        while idx < len(units) and not isinstance(units[idx], RawTable):
            u = units[idx]
            folded = self.f(u.start, u.end)
            upper = is_upper_text(self.t(u.start, u.end))
            if (_BASIS.match(folded) and not upper) or (_ROMAN.match(folded) and upper):
                break
            if subj and (
                self.t(subj[-1].end, u.start).count("\n") > 1
                # the subject ended with its year (a title in capitals may go on in capitals)
                or (_SUBJECT_YEAR_END.search(self.f(subj[-1].start, subj[-1].end))
                    and not (upper and is_upper_text(self.t(subj[-1].start, subj[-1].end))))
                or _starts_unit(self.f(u.start, u.first_line_end), self.t(u.start, u.first_line_end))
                or (upper and (_AUTHORITY.match(folded) or folded.rstrip().endswith(":")))  # "BỘ TRƯỞNG BỘ Y TẾ"
            ):
                break
            subj.append(u)
            kinds[idx] = "subject"
            idx += 1
            if len(subj) >= (6 if upper else 3):  # a title in capitals wraps over more lines
                break
        if subj:
            s, e = subj[0].start, subj[-1].end
            fields["title"] = _clean(self.t(s, e))
            self.spans["title"] = Span(s, e)
            folded = self.f(s, e)
            # "đến năm 2030", "từ năm 2021" bound a period: not the plan's own year
            years = [y for y in _SUBJECT_YEAR.finditer(folded)
                     if not re.search(r"(?:den|tu|truoc|sau|dinh\s+huong)\s*$", folded[: y.start()])]
            if years:
                m = years[-1]
                fields["year"] = int(m.group(1))
                self.spans["year"] = Span(s + m.start(1), s + m.end(1))
        return idx

    def _drop_type_from_title(self, fields: dict) -> None:
        """A title in capitals that opens with the document's type (``KẾ HOẠCH TUYÊN TRUYỀN NĂM
        2024``, the type line run into the subject): the subject is what follows the type."""
        span = self.spans.get("title")
        if span is None:
            return
        m = _DOC_TYPE_WORDS.match(self.folded, span.start, span.end)
        if m is None or not is_upper_text(self.t(span.start, span.end)) or not self.f(m.end(), span.end).strip():
            return
        fields["title"] = _clean(self.t(m.end(), span.end))
        self.spans["title"] = Span(m.end(), span.end)

    def _read_news_header(self, units: list, kinds: list[str], fields: dict) -> int:
        """A news article or a portal page about a plan (no header block): metadata from its
        headline, its lead sentence and the sentence where the plan introduces itself."""
        body_from = self._read_headline(units, kinds, fields)
        self._read_lead(fields)
        issuer = fields.get("issuer")
        if fields.get("place") and isinstance(issuer, str) and re.search(
            r"\b(tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+\S", fold(issuer)
        ):
            # A post prints no place line; its place was only inferred to say where a body such as
            # "Sở Khoa học và Công nghệ" is. A body that names its own unit needs none.
            del fields["place"]
        if "year" not in fields:
            first = next((u for u in units if not isinstance(u, RawTable)), None)
            if first is not None and len(self.f(first.start, first.end)) < 220:
                years = [y for y in _SUBJECT_YEAR.finditer(self.f(first.start, first.end))
                         if not re.search(r"(?:den|tu|truoc|sau)\s*$", self.f(first.start, first.start + y.start()))]
                if years:
                    fields["year"] = int(years[-1].group(1))
                    self.spans["year"] = Span(first.start + years[-1].start(1), first.start + years[-1].end(1))
        return body_from

    def _read_lead(self, fields: dict) -> None:
        """``Ngày 13/8/2019, UBND tỉnh ban hành Kế hoạch số 132/KH-UBND ...``: the date, the body
        and the number of the document a portal post restates; ``UBND xã X xây dựng Kế hoạch``:
        the body of a plan that introduces itself. A decision that issues the plan gives the plan
        its date, not its number."""
        head = self.folded[: min(len(self.folded), 4000)]
        m = _LEAD.search(head)
        if m is not None:
            kind = " ".join(m.group("type").split())
            issues_plan = kind == "quyet dinh" and re.match(r"[\s#*]*ke\s+hoach\b", head)
            if issues_plan:  # the decision that issues this plan: the plan's own act, not a citation
                self.spans["issued_by"] = Span(m.start("num"), m.end("sym"))
            if "symbol" not in fields and not issues_plan:
                fields["number"] = self.t(m.start("num"), m.end("num"))
                fields["symbol"] = _normalise_symbol(re.sub(r"\s+", "", self.t(m.start("sym"), m.end("sym"))))
                self.spans["number"] = Span(m.start("num"), m.end("num"))
                self.spans["symbol"] = Span(m.start("sym"), m.end("sym"))
            if fields.get("doc_type") is None and not issues_plan and fields.get("symbol"):
                fields["doc_type"] = "Công văn" if kind in ("van ban", "cong van") else doc_type_of_symbol(fields["symbol"])  # type: ignore[arg-type]
            if "date_parts" not in fields:
                fields["date_parts"] = PartialDate(int(m.group("d")), int(m.group("m")), int(m.group("y")))
                self.spans["date"] = Span(m.start("d"), m.end("y"))
            self._lead_issuer(m.start("body"), m.end("body"), fields)
            return
        intro = _SELF_INTRO.search(head)
        if intro is not None:
            self._lead_issuer(intro.start("body"), intro.end("body"), fields)

    def _lead_issuer(self, s: int, e: int, fields: dict) -> None:
        current = fields.get("issuer")
        if current and not _BARE_BODY.search(fold(str(current))) and not str(current).endswith(("đã", "vừa")):
            return
        raw = " ".join(self.t(s, e).split())
        named = body_name(raw)
        if named is not None:
            fields["issuer"] = named[0]
        elif raw[:1].isupper() and len(raw) < 160:
            fields["issuer"] = raw
        else:
            return
        self.spans["issuer"] = Span(s, e)
        if named is not None and named[1] == "local" and not match_place(named[0].split()[-1], cutoff=0.95):
            # "UBND tỉnh": the province the post names (its title, else most often)
            counts: dict[str, int] = {}
            for _s, _e, prov in find_places(self.text[: min(len(self.text), 4000)]):
                counts[prov.name] = counts.get(prov.name, 0) + 1
            unit = named[0].split()[-1]
            if counts and unit in ("tỉnh", "phố"):
                prov = next(p for p in provinces() if p.name == max(counts, key=counts.get))
                fields["issuer"] = f"{named[0].rsplit(' ', 2 if unit == 'phố' else 1)[0]} {prov.full_name}"

    def _read_headline(self, units: list, kinds: list[str], fields: dict) -> int:
        """A news article about a plan: metadata from its headline and its first paragraph."""
        headline = None
        for idx, u in enumerate(units):
            if isinstance(u, RawTable):
                continue
            folded = self.f(u.start, u.end)
            if headline is None and len(folded) >= 220:
                break  # a body paragraph before any headline: no headline at all
            if headline is None:
                if re.search(r"\bke hoach\b", folded) and len(folded) < 220:
                    headline = idx
                    kinds[idx] = "subject"
                    m = re.search(r"\bban hanh ke hoach\s+(.+)$", folded)
                    raw = self.t(u.start, u.end)
                    if m:
                        subject = raw[m.start(1) : m.end(1)].strip()
                        fields["title"] = subject[:1].upper() + subject[1:]
                        self.spans["title"] = Span(u.start + m.start(1), u.start + m.end(1))
                    body = re.match(r"^(.+?)\s+ban hanh\b", folded)
                    if body:
                        fields["issuer"] = _normalise_body(raw[: body.end(1)])
                        self.spans["issuer"] = Span(u.start, u.start + body.end(1))
                    ym = list(_SUBJECT_YEAR.finditer(folded))
                    if ym:
                        fields["year"] = int(ym[-1].group(1))
                else:
                    kinds[idx] = "boilerplate"
                continue
            if re.match(r"^ngay\s+cap\s+nhat\b", folded.strip()):
                kinds[idx] = "boilerplate"
        if headline is None:
            for idx in range(len(kinds)):  # no headline: nothing is page chrome after all
                kinds[idx] = ""
            return 0
        # The plan's own number: "ban hành Kế hoạch số 29/KH-SKHCN ngày 06/01-2022".
        own = re.search(
            r"ban hanh ke hoach\s+so\s+(?P<num>\d+[a-z]?)\s*/\s*(?P<sym>[a-z0-9]+(?:-[a-z0-9]+)+)"
            r"(?:\s+ngay\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4}))?",
            self.folded,
        )
        if own:
            fields["number"] = self.t(own.start("num"), own.end("num"))
            fields["symbol"] = _normalise_symbol(self.t(own.start("sym"), own.end("sym")))
            self.spans["number"] = Span(own.start("num"), own.end("num"))
            self.spans["symbol"] = Span(own.start("sym"), own.end("sym"))
            if own.group("d"):
                fields["date_parts"] = PartialDate(int(own.group("d")), int(own.group("m")), int(own.group("y")))
                self.spans["date"] = Span(own.start("d"), own.end("y"))
        counts: dict[str, int] = {}
        for _s, _e, prov in find_places(self.text):
            counts[prov.name] = counts.get(prov.name, 0) + 1
        if counts:
            fields["place"] = max(counts, key=counts.get)
        # trailing page chrome: short lines after the last sentence
        for idx in range(len(units) - 1, headline, -1):
            u = units[idx]
            if isinstance(u, RawTable):
                break
            raw = self.t(u.start, u.end).strip()
            if len(raw) < 40 and not raw.endswith((".", ";", ":")):
                kinds[idx] = "boilerplate"
            else:
                break
        return headline + 1

    # -- body -------------------------------------------------------------------------------
    def _read_body(self, units: list, start: int, kinds: list[str]):
        heads: list[tuple[int, int, str, str, str, int]] = []  # (unit idx, level, number, title, raw, title_end)
        tables: list[Table] = []
        in_preamble = True
        seen_basis = False
        seen_other = False
        basis_section = False
        last_basis_end = ""
        tail = False
        appendix = False
        for idx in range(start, len(units)):
            u = units[idx]
            if isinstance(u, RawTable):
                table = self._table(u, len(tables))
                if table is not None:
                    tables.append(table)
                continue
            line_end = u.first_line_end
            folded = self.f(u.start, line_end)
            raw_line = self.t(u.start, line_end)
            if kinds[idx]:
                continue
            if _RECIPIENTS.match(folded):
                tail = True
            if not appendix and (m := _APPENDIX.match(folded)) and len(folded.strip()) < 120:
                appendix = True
                tail = False
                title = _clean(raw_line[m.start("rest") :]) if m.group("rest").strip() else ""
                if not title and idx + 1 < len(units) and not isinstance(units[idx + 1], RawTable):
                    nxt = units[idx + 1]
                    title = _clean(self.t(nxt.start, nxt.end))
                    kinds[idx + 1] = "appendix-title"
                heads.append((idx, 1, "PHỤ LỤC", title, _clean(raw_line), u.end))
                kinds[idx] = "heading"
                continue
            if tail:
                continue
            if _CLOSING.match(folded):
                kinds[idx] = "closing"
                tail = True
                continue
            m = _ROMAN.match(folded)
            if m and is_upper_text(raw_line) and (num := _roman_value(m.group("num"))):
                title = _clean(raw_line[m.start("title") :])
                heads.append((idx, 1, num, title, raw_line[m.start("num") : m.end("num")], u.end))
                kinds[idx] = "heading"
                in_preamble = False
                basis_section = bool(_BASIS_SECTION.match(fold(title)))
                continue
            if basis_section and not _ARABIC.match(folded):
                kinds[idx] = "basis"  # every clause of a "CĂN CỨ PHÁP LÝ" section
                continue
            if (in_preamble and seen_basis and last_basis_end not in (";", ".", ":")
                    and _lower_start(raw_line) and not is_upper_text(raw_line)):
                # a clause wrapped over paragraphs (a .docx with one paragraph per printed line)
                kinds[idx] = "basis"
                last_basis_end = self.t(u.start, u.end).rstrip()[-1:]
                continue
            item = _BASIS_ITEM.match(folded) if in_preamble else None
            if in_preamble and (
                (_BASIS.match(folded) and not _lower_start(raw_line))
                or (item and item.group("dash") and (seen_basis or not seen_other))
                # the clause's next document after a semicolon, on a line of its own
                or (item and seen_basis and last_basis_end in ";,")
            ) and not is_upper_text(raw_line):
                kinds[idx] = "basis"
                seen_basis = True
                last_basis_end = self.t(u.start, u.end).rstrip()[-1:]
                continue
            seen_other = True
            if in_preamble and (seen_basis or folded.strip().startswith("-")):
                in_preamble = False  # the paragraph after the Căn cứ lines ends the preamble
            m = _ARABIC.match(folded)
            if m and not in_preamble:
                title = _clean(raw_line[m.start("title") :])
                heads.append((idx, 2, m.group("num"), title, m.group("num"), u.end))
                kinds[idx] = "heading"
                continue
            m = _LETTER.match(folded)
            if m and not in_preamble:
                num = raw_line[m.start("num") : m.end("num")]
                heads.append((idx, 3, num, _clean(raw_line[m.start("title") :]), num, u.end))
                kinds[idx] = "item"
                continue
            if folded.strip().startswith("-"):
                kinds[idx] = "item"
        sections = self._tree(units, heads, kinds)
        return sections, tables

    def _tree(self, units: list, heads: list, kinds: list[str]) -> list[Section]:
        if not heads:
            return []
        n = len(units)

        def unit_start(i: int) -> int:
            u = units[i]
            return u.span.start if isinstance(u, RawTable) else u.start

        def unit_end(i: int) -> int:
            u = units[i]
            return u.span.end if isinstance(u, RawTable) else u.end

        # Where the body stops: the closing, the recipients or the signature (unless appendix).
        stops = [i for i, k in enumerate(kinds) if k in ("closing",)]
        body_stop = stops[0] if stops else None

        # Precomputed so that finding each section's end is O(1) (no rescans per heading):
        # for every heading, the unit of the next heading of the same or a higher level; for
        # every unit, the next recipients or signature unit.
        next_same: dict[int, int] = {}
        nearest: dict[int, int] = {}  # level -> unit of the nearest heading to the right
        for h in reversed(heads):
            found = [u for lv, u in nearest.items() if lv <= h[1]]
            next_same[h[0]] = min(found) if found else n
            nearest[h[1]] = h[0]
        next_tail = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            next_tail[i] = i if kinds[i] in ("recipients", "signature") else next_tail[i + 1]

        def end_of(pos: int, level: int, is_appendix: bool) -> int:
            # the last unit before the next heading of the same or a higher level
            limit = next_same.get(pos, n)
            if not is_appendix and body_stop is not None and body_stop > pos:
                limit = min(limit, body_stop)
            if not is_appendix:
                rec = next_tail[pos + 1] if pos + 1 <= n else n
                if rec < limit:
                    limit = rec
            last = limit - 1
            while last > pos and kinds[last] in ("boilerplate",):
                last -= 1
            return unit_end(last)

        def build(lo: int, hi: int, level: int) -> list[Section]:
            out = []
            group = heads[lo:hi]
            suffix_min = [0] * (len(group) + 1)
            suffix_min[len(group)] = 99
            for k in range(len(group) - 1, -1, -1):
                suffix_min[k] = min(group[k][1], suffix_min[k + 1])
            i = 0
            while i < len(group):
                h = group[i]
                if h[1] != level and level != suffix_min[i]:
                    i += 1
                    continue
                j = i + 1
                while j < len(group) and group[j][1] > h[1]:
                    j += 1
                is_app = h[2] == "PHỤ LỤC"
                children = build(lo + i + 1, lo + j, h[1] + 1) if j > i + 1 else []
                idx = h[0]
                out.append(
                    Section(
                        number=h[2],
                        title=h[3],
                        level=h[1],
                        span=Span(unit_start(idx), end_of(idx, h[1], is_app)),
                        heading=Span(unit_start(idx), h[5] if h[1] == 1 else units[idx].first_line_end),
                        children=tuple(children),
                        raw_number=h[4],
                    )
                )
                i = j
            return out

        top_level = min(h[1] for h in heads)
        return build(0, len(heads), top_level)

    def _cell_text(self, cell) -> str:
        if cell.pieces:
            return _clean(" ".join(self.t(p.start, p.end) for p in cell.pieces))
        return _clean(self.t(cell.span.start, cell.span.end))

    def _table(self, raw: RawTable, number: int) -> Table | None:
        rows = [[self._cell_text(c) for c in r] for r in raw.rows]
        if not rows:
            return None
        if self.layout.form == "ocr":
            # The scan's header row is unreadable; OCR tables are rebuilt in the standard layout.
            body = tuple(tuple(Cell(t, c.span, c.source) for t, c in zip(texts, r, strict=True)) for texts, r in zip(rows, raw.rows, strict=True))
            return Table(OCR_COLUMNS, body, raw.span, raw.source, "activities")
        header_row = rows[0]
        is_header = bool(re.fullmatch(r"s?tt", fold(header_row[0]).strip()))
        columns = tuple(header_row) if is_header else tuple(f"col{i + 1}" for i in range(len(header_row)))
        body: list[tuple[Cell, ...]] = []
        header_key = [fold(c) for c in header_row] if is_header else None
        for r_idx, (raw_row, texts) in enumerate(zip(raw.rows, rows, strict=True)):
            if is_header and r_idx == 0:
                continue
            if header_key is not None and [fold(c) for c in texts] == header_key:
                continue  # header repeated after a page break
            cells = tuple(Cell(t, c.span, c.source) for t, c in zip(texts, raw_row, strict=True))
            if body and texts and not texts[0] and any(texts[1:]):
                # a row continued after a page break: join it cell by cell
                prev = list(body[-1])
                for k, cell in enumerate(cells):
                    if k < len(prev) and cell.text:
                        joined = f"{prev[k].text} {cell.text}".strip()
                        prev[k] = Cell(joined, Span(prev[k].span.start, cell.span.end), prev[k].source)
                body[-1] = tuple(prev)
                continue
            body.append(cells)
        kind = "activities" if is_header else "table"
        return Table(columns, tuple(body), raw.span, raw.source, kind)

    # -- tail: recipients and signature -----------------------------------------------------
    def _read_tail(self, units: list, kinds: list[str], fields: dict) -> None:
        rec_idx = None
        for idx, u in enumerate(units):
            if isinstance(u, RawTable):
                continue
            if _RECIPIENTS.match(self.f(u.start, u.end)):
                rec_idx = idx
                break
        recipients: list[str] = []
        sign_search_from = rec_idx if rec_idx is not None else 0
        if rec_idx is not None:
            kinds[rec_idx] = "recipients"
            u = units[rec_idx]
            after = self.t(u.start, u.end).split(":", 1)[1] if ":" in self.t(u.start, u.end) else ""
            items = [after] if after.strip().startswith("-") else []
            idx = rec_idx + 1
            while idx < len(units) and not isinstance(units[idx], RawTable):
                v = units[idx]
                raw = self.t(v.start, v.end).strip()
                if raw.startswith("-"):
                    items.append(raw)
                    kinds[idx] = "recipients"
                    idx += 1
                    continue
                break
            for item in items:
                for part in item.split("\n"):
                    clean = _clean(part).lstrip("-").strip().rstrip(";,.").strip()
                    if clean:
                        recipients.append(clean)
            sign_search_from = idx
        fields["recipients"] = tuple(recipients)
        # signature: a title line (KT. GIÁM ĐỐC ...) and a name
        end = next((i for i in range(sign_search_from, len(units)) if kinds[i] == "heading" and i > sign_search_from and self._is_appendix(units[i])), len(units))
        title_lines: list[str] = []
        for idx in range(sign_search_from, end):
            u = units[idx]
            if isinstance(u, RawTable) or kinds[idx] in ("heading", "closing"):
                continue
            for part_s, part_e in self._lines_in(u):
                raw = self.t(part_s, part_e)
                folded = self.f(part_s, part_e)
                if _SIGNER_TITLE.match(folded) and is_upper_text(raw):
                    title_lines.append(_clean(raw))
                    kinds[idx] = "signature"
                    self.spans.setdefault("signer_title", Span(part_s, part_e))
                elif title_lines and _SIGNED.match(folded.strip()):
                    kinds[idx] = "signature"
                elif title_lines and "signer" not in fields and _looks_like_name(_clean(raw)):
                    fields["signer"] = _clean(raw)
                    self.spans["signer"] = Span(part_s, part_e)
                    kinds[idx] = "signature"
        if title_lines:
            fields["signer_title"] = "\n".join(title_lines)
        if "signer" not in fields and rec_idx is not None:
            # OCR'd signature without its title: the last name-like line after the recipients
            for idx in range(end - 1, sign_search_from - 1, -1):
                u = units[idx]
                if isinstance(u, RawTable) or kinds[idx] not in ("", "paragraph"):
                    continue
                raw = _clean(self.t(u.start, u.end))
                if _looks_like_name(raw):
                    fields["signer"] = raw
                    self.spans["signer"] = Span(u.start, u.end)
                    kinds[idx] = "signature"
                break

    def _is_appendix(self, u) -> bool:
        return not isinstance(u, RawTable) and bool(_APPENDIX.match(self.f(u.start, u.end)))

    def _lines_in(self, u: _Para) -> list[tuple[int, int]]:
        out, pos = [], u.start
        for part in self.t(u.start, u.end).split("\n"):
            out.append((pos, pos + len(part)))
            pos += len(part) + 1
        return out

    # -- assemble ---------------------------------------------------------------------------
    def _header(self, fields: dict) -> Header:
        parts: PartialDate = fields.get("date_parts", PartialDate(None, None, None))  # type: ignore[assignment]
        year = fields.get("year") or parts.year
        if "issuer" not in fields:
            m = re.search(
                r"(?:cua|^)\s*(so\s+[a-z ,&-]{4,60}?)\s+(?:xay dung|ban hanh)\s+ke hoach", self.folded, re.M
            ) or re.search(r"kem theo ke hoach[^)]*?cua\s+(so\s+[a-z ,&-]{4,60}?)\)", self.folded)
            if m:
                fields["issuer"] = _normalise_body(self.t(m.start(1), m.end(1)))
                self.spans["issuer"] = Span(m.start(1), m.end(1))
        if "issuer" not in fields and fields.get("symbol"):
            self._issuer_from_code(fields)
        issuer = fields.get("issuer")
        if isinstance(issuer, str) and _BARE_BODY.fullmatch(" ".join(fold(issuer).split())):
            self._complete_bare_issuer(fields)
        return Header(
            doc_type=fields.get("doc_type"),  # type: ignore[arg-type]
            number=fields.get("number"),  # type: ignore[arg-type]
            symbol=fields.get("symbol"),  # type: ignore[arg-type]
            issuer=fields.get("issuer"),  # type: ignore[arg-type]
            parent=fields.get("parent"),  # type: ignore[arg-type]
            place=fields.get("place"),  # type: ignore[arg-type]
            date=parts.date,
            date_parts=parts,
            year=year,  # type: ignore[arg-type]
            title=fields.get("title"),  # type: ignore[arg-type]
            signer=fields.get("signer"),  # type: ignore[arg-type]
            signer_title=fields.get("signer_title"),  # type: ignore[arg-type]
            recipients=fields.get("recipients", ()),  # type: ignore[arg-type]
            spans=tuple(sorted(self.spans.items())),
        )


    def _read_authority(self, units: list, at: int, fields: dict) -> None:
        """A decision names its authority after the subject (``BỘ TRƯỞNG BỘ Y TẾ``, ``THỦ TƯỚNG
        CHÍNH PHỦ``): the issuer when the header did not give one (the site dropped it)."""
        if "issuer" in fields or at >= len(units) or isinstance(units[at], RawTable):
            return
        u = units[at]
        raw = self.t(u.start, u.first_line_end)
        m = _AUTHORITY.match(self.f(u.start, u.first_line_end))
        if m and is_upper_text(raw):
            named = body_name(raw[m.start("body"):] if m.group("body") else raw)
            if named is not None:
                fields["issuer"] = named[0]
                self.spans["issuer"] = Span(u.start + (m.start("body") if m.group("body") else 0), u.first_line_end)

    def _complete_bare_issuer(self, fields: dict) -> None:
        """``ỦY BAN NHÂN DÂN`` cut from its province by the site: the place line's province, else
        the one the subject names; said in a warning."""
        prov = match_place(fields["place"], cutoff=0.9) if fields.get("place") else None
        if prov is None and fields.get("title"):
            named = find_places(fields["title"])  # type: ignore[arg-type]
            prov = named[-1][2] if named else None
        if prov is None:
            return
        named = body_name(f"{fields['issuer']} {prov.full_name}")  # "ỦY BAN NHÂN DÂN" + "tỉnh X"
        fields["issuer"] = named[0] if named is not None else f"{fields['issuer']} {prov.full_name}"
        where = self.spans.get("issuer")
        self.warnings.append(ReadWarning(
            f"Cơ quan ban hành suy ra từ địa danh / issuer inferred from the place: {fields['issuer']}", where
        ))

    def _issuer_from_code(self, fields: dict) -> None:
        """The issuer a symbol's code names: a national body (``QĐ-BYT`` Bộ Y tế), or a body the
        text names in full whose initials spell the code (``BCĐTW``: Ban Chỉ đạo Trung ương ...)."""
        symbol = str(fields["symbol"])
        code = symbol.split("/", 1)[1] if "/" in symbol else symbol.split("-", 1)[-1]
        if code == symbol:
            return
        code = code.split("-")[0]
        named = central_name_of_code(code)
        if named and fold(code) not in ("ubnd", "hdnd"):
            fields["issuer"] = named
            return
        letters = fold(code)
        if not 3 <= len(letters) <= 8 or not letters.isalpha():
            return
        parts = []
        rest = letters
        while rest:
            if rest.startswith("tw"):
                parts.append(r"t\w*\s+u\w*")  # TW: Trung ương
                rest = rest[2:]
            else:
                parts.append(rf"{rest[0]}\w*")
                rest = rest[1:]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)(?:\s+ve\s+[^;.(\"“”]{3,160}?(?=[;.(\"“”]|\s+(?:da|ban\s+hanh|tai|nham|voi|theo)\s))?")
        for m in pattern.finditer(self.folded, 0, min(len(self.folded), 6000)):
            raw = self.t(m.start(), m.end())
            if raw[:1].isupper():
                fields["issuer"] = " ".join(raw.split()).rstrip(" ,")
                self.spans["issuer"] = Span(m.start(), m.end())
                return


def _looks_like_name(raw: str) -> bool:
    """"Trần Văn Hảo", OCR "Ng6 Anh Tin": 2 to 5 capitalised words, nothing else."""
    words = raw.split()
    if not 2 <= len(words) <= 5 or is_upper_text(raw, 0.95):
        return False
    return all(w[0].isupper() and re.fullmatch(r"[^\W_][^\W_0-9]*\d?[^\W_0-9]*", w) for w in words)


_SYMBOL_FIX = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND"}


def _normalise_symbol(sym: str) -> str:
    """``KH-SKHCN`` as written, with OCR'd ``QD`` read as ``QĐ``."""
    parts = sym.split("-")
    return "-".join(_SYMBOL_FIX.get(p, p) for p in parts)


def _normalise_body(raw: str) -> str:
    """``SỞ CÔNG THƯƠNG`` -> ``Sở Công Thương`` (registry spelling), else sentence case."""
    clean = _clean(raw).strip(" ,.;:")
    dep = match_department(clean)
    if dep:
        return dep.name
    if is_upper_text(clean):
        return clean[:1] + clean[1:].lower()
    return clean


def _normalise_parent(raw: str) -> str:
    """``UBND TP. CẦN THƠ`` -> ``UBND thành phố Cần Thơ``; ``UBND TỈNH HẢI DƯƠNG`` -> ``UBND tỉnh Hải Dương``."""
    clean = _clean(raw)
    folded = fold(clean)
    m = re.match(r"^(ubnd|uy\s+ban\s+nhan\s+dan)\s+(.*)$", folded)
    if m:
        prov = match_place(clean[m.start(2) :])
        if prov:
            return f"UBND {prov.full_name}"
    return clean


def build_plan(layout: Layout, source: Source) -> Plan:
    """Find the header, sections, tables and blocks of a laid-out text."""
    return _Builder(layout, source).build()
