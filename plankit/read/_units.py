"""The lines of a plan, read as units: the patterns every reader of the structure shares, and
the joining of a format's lines into paragraphs.

Hard-wrapped lines (a PDF's text, a portal page copied as text) are joined into paragraphs, and
a paragraph flattened onto one line (a header, its title and its basis clauses run together)
is cut where its units start, so that a document and the same document wrapped at any width
give the same units. Every pattern runs on folded text (:func:`plankit.text.fold`) and says
what it must and must not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DATE_PATTERN
from ..model import (
    SourceRef,
)
from ..places import match_department, match_place
from ..text import fold, is_upper_text
from ._header import (
    CHROME_ROW,
    EMPTY_CELLS,
    PARTY_NUMBER,
    type_codes,
)
from ._layout import Layout, RawTable

# --- patterns (all run on folded text; each says what it must and must not match) -------------

# The document type line: "KẾ HOẠCH", "## **KẾ HOẠCH**", OCR "KE HOACH". Not "Kế hoạch số 12".
DOC_TYPES = {
    "ke hoach": "Kế hoạch",
    "chuong trinh": "Chương trình",
    "bao cao": "Báo cáo",
    "quyet dinh": "Quyết định",
    "thong bao": "Thông báo",
    "huong dan": "Hướng dẫn",
    "de an": "Đề án",
    "phuong an": "Phương án",
    "nghi quyet": "Nghị quyết",
    "chi thi": "Chỉ thị",
}
# A joint document's type line names its kind after the type: "KẾ HOẠCH LIÊN TỊCH".
DOC_TYPE_LINE = re.compile(r"^[\s#*]*(" + "|".join(DOC_TYPES).replace(" ", r"\s+") + r")(?:\s+lien\s+tich)?[\s*]*$")
# The type word opening a title run on after it: "KẾ HOẠCH TUYÊN TRUYỀN NĂM 2024".
DOC_TYPE_WORDS = re.compile(r"(?:" + "|".join(DOC_TYPES).replace(" ", r"\s+") + r")(?:\s+lien\s+tich)?(?:\s+|$)")

# The type codes of Nghị định 30/2020 and the normative types (data/document_types.tsv), folded,
# longest first: "ttlt" before "tt", "ctr" before "ct".
_TYPE_CODES = "|".join(sorted((re.escape(c) for c in type_codes()), key=len, reverse=True))
# "Số: 181/KH-SCT", "Số:        /KH-SKHCN", "Số: /KH-SKH-CN", OCR "S6:137 IKH-SKHCN", and a
# slash an OCR or a copy lost between the number and a known type code followed by its dash
# ("Số: 07KH-UBND" is 07 and KH-UBND; "Số: 1520STC-NS" is left alone: STC is no type code).
# A symbol's dash may be an en or em dash or a minus sign (a copy from Word or a PDF).
# Must not match "số 261/KH-UBND" inside a sentence (requires the colon or the line start). A
# Party or Youth Union number may print spaces around its dash ("Số: 225 - KH/TWĐTN-CTTN").
# Between a symbol's parts: a dash or slash with at most two spaces either side, or a line break
# (a symbol wrapped in its narrow cell); never a tab or a column gap, where the next column starts.
# A symbol ending in its dash ("KH-UBND-" before a tab) is incomplete: no match (INCOMPLETE_NUMBER).
_SYMBOL_SEP = r"(?:[ ]{0,2}|[ ]*\n[ \t]*)[-/\u2013\u2014\u2212](?:[ ]{0,2}|[ ]*\n[ \t]*)"
NUMBER = re.compile(
    r"(?:^|\s|\t)s[o6b¢]\s*[:.]\s*(?P<num>\d+[a-z]?)?\s*(?:/|(?<![a-z])-(?=\s*[a-z]{1,4}\s*/)|(?<=\s)[il|1](?=[a-z]{2})|(?<=\d)[il|1](?=[a-z]{2})"
    r"|(?<=\d)(?=(?:" + _TYPE_CODES + r")\s*-\s*[a-z]))\s*"
    r"(?P<sym>[a-z0-9&]+(?:" + _SYMBOL_SEP + r"[a-z0-9&]+)+(?![a-z0-9&]|[ ]{0,2}[-/\u2013\u2014\u2212])|[a-z]{2,4}[a-z]{2,8}(?=[\s|]|$))"
)
# A number field whose symbol breaks off at its dash before a tab, a column gap, a bar or the line's
# end ("Số: 1/KH-<tab>Cần Thơ, ngày ..."): the number is read, the symbol is incomplete and not
# guessed. Group ``num``.
INCOMPLETE_NUMBER = re.compile(
    r"(?:^|\s)s[o6]\s*:\s*(?P<num>\d+[a-z]?)\s*/\s*[a-z0-9&]+(?:[-/][a-z0-9&]+)*[ ]{0,2}[-/\u2013\u2014\u2212](?=[ ]*(?:\t|   |\||\n|$))"
)
# The number field with its colon lost ("Số 12/KH-UBND"), alone on its line or cell (the right
# column may follow after a bar, a tab or a PDF's column gap): groups as in ``NUMBER``. Read in
# a header only. Not "số 12/KH-UBND ngày ..." (a wrapped citation goes on after the symbol).
BARE_NUMBER = re.compile(
    r"(?:^|(?<=[\n|]))[ \t*]*s[o6]\s+(?P<num>\d+[a-z]?)\s*/\s*"
    r"(?P<sym>[a-z][a-z0-9&]*(?:\s*[-\u2013\u2014\u2212]\s*[a-z0-9&]+)+)[ \t]*(?=$|\n|\||\t|   )"
)

# "Cần Thơ, ngày 21 tháng 01 năm 2025", blanks allowed: "ngày    tháng 01 năm 2022";
# OCR: "ngay 21thdng 01 nam 2025". The place is taken from the words before the comma.
PLACE_DATE = re.compile(r",\s*" + DATE_PATTERN)
# A place and its date with the comma lost (a copy, an OCR): "Hà Nội ngày 05 tháng 3 năm 2025",
# at a line's or a cell's start (a bar, a tab, a PDF's column gap), the date in words with its day; group ``cut`` where the place
# ends (the place may be wrapped: "Hà" / "Nội ngày ..."). Read in a header only. Not "... ban
# hành ngày 05 tháng 3 năm 2025" (the line must open with the place: one to five words).
PLACE_NO_COMMA = re.compile(
    r"(?:^|(?<=[\n|\t])|(?<=\S   ))[ \t]*(?:[a-z]+\.?(?:[ \t]+|[ \t]*\n[ \t]*)){1,5}?(?P<cut>)(?=ng[a-z]{1,2}y\s+\d{1,2}\s+th)" + DATE_PATTERN
)

# Headings. Roman: "I. MỤC ĐÍCH", OCR "11. NQI DUNG", "I11. HINH THUC" (title in capitals).
# The title runs to its last character that is no blank or "*" ("1. **Mục đích**  " gives
# "**Mục đích"): written greedily, ".*[^\s*]", which is what the lazy ".*?[\s*]*$" means but
# without trying the end of the line after every character (twenty times faster on an item of
# two hundred characters; tests/test_read_speed.py checks both forms give the same spans).
ROMAN = re.compile(r"^[\s#*]*(?P<num>[ivxl1|]{1,5})\s*\.\s+(?P<title>.(?:.*[^\s*])?)[\s*]*$")
# "1. Mục đích", "2. Kinh phí thực hiện". Not "2022." or "1.000".
ARABIC = re.compile(r"^[\s#*]*(?P<num>\d{1,2})\s*[.)]\s+(?P<title>\S(?:.*[^\s*])?)[\s*]*$")
# "a) Nâng cao", "b. Tăng cường", "đ. Tuyên truyền".
LETTER = re.compile(r"^[\s#*]*(?P<num>[a-gđ])\s*[).]\s+(?P<title>\S(?:.*[^\s*])?)[\s*]*$")
# A part above the Roman sections: "PHẦN I. KẾT QUẢ ...", "Chương II", "Mục 1".
_PART_HEADING = re.compile(r"^[\s#*]*(phan|chuong|muc)\s+([ivxl]{1,5}|\d{1,2})\b")
# An article of a decision: "Điều 1.", "Điều 2:". Not "điều kiện", "Điều lệ".
_ARTICLE = re.compile(r"^[\s#*]*dieu\s+\d{1,2}\s*[.:]")
APPENDIX = re.compile(r"^[\s#*]*phu\s+luc\b[\s*]*(?P<rest>.*)$")

# A place-and-date line cut after the day ("Hà Nội, ngày 01" / "tháng 3 năm 2025") or the place.
WRAPPED_DATE_START = re.compile(r"^[\s|]*[^\W\d_][^,|]{1,40},\s*ng[a-z]{1,2}y\s*\d{0,2}\s*\|?\s*$|^[\s|]*th[a-z]{1,3}ng\s*\d{1,2}\s*n[a-z]{1,2}m")

# A body cut to its kind ("ỦY BAN NHÂN DÂN") and the line that names its unit ("TỈNH QUẢNG NINH").
BARE_BODY = re.compile(r"(uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan)")
UNIT_LINE = re.compile(r"^[\s|*]*(tinh|thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran)\s+\S")

# A portal's lead sentence: "Ngày 13/8/2019, UBND tỉnh ban hành Kế hoạch số 132/KH-UBND",
# "Ngày 18 tháng 7 năm 2025 Uỷ ban nhân dân xã X đã ban hành Quyết định số 119/QĐ-UBND",
# "Ngày\n19 tháng 6 năm 2025, Ban Chỉ đạo ... đã ban hành Kế hoạch số 02-KH/BCĐTW".
# The date opens a line or a sentence (not the date of a cited document); the body runs to
# "(đã|vừa) ban hành" and holds no full stop, semicolon, colon or blank line.
LEAD = re.compile(
    r"(?:^|(?<=\n)|(?<=-\s)|(?<=–\s)|(?<=\.\s))[ \t]*(?=ngay\s+\d)" + DATE_PATTERN + r"\s*,?\s*"
    r"(?P<body>(?:(?!\n[ \t]*\n)[^.;:]){3,200}?)\s+(?:(?:vua|da|cung\s+da)\s+)?ban\s+hanh\s+"
    r"(?P<type>ke\s+hoach|quyet\s+dinh|van\s+ban|cong\s+van|chi\s+thi|huong\s+dan|chuong\s+trinh)\s+so\s+"
    r"(?P<num>\d+[a-z]?)\s*[/-]\s*(?P<sym>[a-z0-9&]+(?:\s*[-/]\s*[a-z0-9&]+)+)"
)
# The article of a decision that issues a plan: "Ban hành kèm theo Quyết định này Kế hoạch
# tuyên truyền ... năm 2025." (the subject runs to the sentence's end); the decision's subject
# "VỀ VIỆC BAN HÀNH KẾ HOẠCH ...", "PHÊ DUYỆT KẾ HOẠCH ...".
ISSUES_ATTACHED = re.compile(
    r"ban\s+hanh\s+kem\s+theo\s+quyet\s+dinh\s+nay\s+ke\s+hoach\s+(?P<subject>(?:[^;\n]|\n(?![ \t]*\n)){5,400}?)(?=\.(?:\s|$)|;|\n\s*\n|$)"
)
ISSUES_IN_TITLE = re.compile(r"(?:ban\s+hanh|phe\s+duyet)\s+ke\s+hoach\s+(?P<subject>\S)")

# A plan introducing itself after its basis: "; UBND xã Đăk Ngọk xây dựng Kế hoạch ...".
SELF_INTRO = re.compile(
    r"(?:^|[;,.]\s*|\n)(?P<body>(?:uy\s+ban\s+nhan\s+dan|ubnd|so)\s+[a-z ,&-]{2,60}?)\s+"
    r"(?:xay\s+dung|ban\s+hanh)\s+ke\s+hoach", re.M
)

# The authority line of a decision: "BỘ TRƯỞNG BỘ Y TẾ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X",
# "THỦ TƯỚNG CHÍNH PHỦ". Must not match "BỘ Y TẾ" alone (a header cell, read elsewhere).
# A council's resolution names the council ("HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH", then its term and
# session: "KHÓA XVIII, KỲ HỌP THỨ 21").
AUTHORITY = re.compile(r"^[\s*]*(?:bo\s+truong|thu\s+truong|chu\s+tich|giam\s+doc|truong\s+ban)\s+(?P<body>\S.*?)\s*$"
                       r"|^[\s*]*(?P<ttg>thu\s+tuong\s+chinh\s+phu)\s*$"
                       r"|^[\s*]*(?P<council>hoi\s+dong\s+nhan\s+dan\s+(?:tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran|dac\s+khu)\s+\S.*?)\s*$"
                       r"|^[\s*]*khoa\s+[ivxl]+\s*,\s*ky\s+hop\b.*$", re.I)

# A basis clause: "Căn cứ", "Thực hiện", "Triển khai (thực hiện)", "Theo", also as a bullet ("- Căn cứ").
# A council's resolution grounds itself on the report it considered too: "Xét Tờ trình số 321/TTr-UBND
# ...", "Xét đề nghị của ..." (not "xét thấy", "xét duyệt").
BASIS = re.compile(r"^[\s*\-–•+]*(can\s+c\w{1,2}|thuc\s+hien|trien\s+khai|theo|xet(?=\s+(?:to\s+trinh|de\s+nghi|bao\s+cao)\b))\b")
# A bullet of a basis list without its opening word: "- Nghị quyết số 57-NQ/TW ...;", "- Luật ...".
BASIS_ITEM = re.compile(r"^[\s*]*(?P<dash>[-–•+]\s*)?(?:luat|bo\s+luat|nghi\s+(?:quyet|dinh)|quyet\s+dinh|chi\s+thi|thong\s+tu|ke\s+hoach|"
                         r"chuong\s+trinh|ket\s+luan|quy\s+dinh|thong\s+bao|cong\s+van|van\s+ban|to\s+trinh|huong\s+dan)\b")
# A section that holds the basis: "I. CĂN CỨ PHÁP LÝ", "I. CĂN CỨ LẬP KẾ HOẠCH", "CĂN CỨ XÂY DỰNG KẾ HOẠCH".
BASIS_SECTION = re.compile(r"^(can\s+c\w{1,2}|co\s+so\s+phap\s+ly)\b")
# "Trên đây là Kế hoạch", OCR "Trén day 1a K& hoach" (1a, 14 are OCR for "là").
CLOSING = re.compile(r"^[\s*]*tren\s+day\s+(la|1a|14|ia)\b")
RECIPIENTS = re.compile(r"^[\s*]*n[o0]i\s+nh\w{1,2}n\s*:")
# A Party body signs "T/M BAN THƯỜNG VỤ" / "BÍ THƯ" or "PHÓ BÍ THƯ" (Hướng dẫn 36-HD/VPTW); a
# ministry "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG", alone on the line (not a decision's "BỘ TRƯỞNG BỘ Y TẾ"
# or "THỦ TƯỚNG CHÍNH PHỦ" above its basis); a people's committee "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH".
SIGNER_TITLE = re.compile(
    r"^[\s*]*(?:((kt|tm|q|tl|tuq)\s*\.\s*|t\s*/\s*m\s+)?(pho\s+)?"
    r"(?:(giam\s+doc|chanh\s+van\s+phong|truong\s+ban|chu\s+tich|chanh\s+thanh\s+tra|bi\s+thu|ban\s+thuong\s+vu)\b"
    r"|(?:bo\s+truong|thu\s+truong|thu\s+tuong)(?=[\s|]*$))|(?:tm|kt)\s*\.\s*(?:uy\s+ban\s+nhan\s+dan|ubnd)\b)"
)
SIGNED = re.compile(r"^[\s(]*(da\s+ky|ky\s+ten|\(?da ky\)?)")
SUBJECT_YEAR = re.compile(r"\bn[a-z]{1,2}m\s+(\d{4})\b")
SUBJECT_YEAR_END = re.compile(r"\bn[a-z]{1,2}m\s+(\d{4})[\s*|]*$")
NATIONAL_MOTTO = re.compile(r"(cong\s+hoa\s+xa\s+h\w{1,2}i|d\w{0,2}oc\s+[1l]ap\s*-|tu\s+do\s*-\s*hanh|hanh\s+phuc)")
# Where the motto starts on a line that also holds the issuer's cell (dashes and spaces lost).
MOTTO_START = re.compile(r"(?<![a-z])(?:cong\s+hoa|d\w{0,2}oc\s+[1l]ap)(?![a-z])")
_SUP = re.compile(r"<sup>(.*?)</sup>")
_TAG = re.compile(r"</?\w+>")
_HASHES = re.compile(r"#+\s*")  # a Markdown heading's marks, at the text's start only


def display_text(text: str) -> str:
    """Display form: markup (HTML tags, Markdown ``*`` and a heading's ``#``) dropped, white
    space collapsed.

    >>> display_text("## **KẾ HOẠCH**  tuyên <sup>truyền</sup>")
    'KẾ HOẠCH tuyên truyền'
    """
    if (text.isprintable() and "  " not in text and "*" not in text and "<" not in text
            and text[:1] not in " #" and text[-1] != " "):
        return text  # no markup and no white space but single spaces between words: as it is
    if "<" in text:
        text = _SUP.sub(r"\1", text)
    if text[:1] == "#":
        text = _HASHES.sub("", text, count=1)
    if "<" in text:
        text = _TAG.sub("", text)
    return " ".join(text.replace("*", "").split())


def roman_value(raw: str) -> str | None:
    """``I11`` -> ``III``; ``11`` -> ``II``; None when it is no Roman numeral up to XXX."""
    s = raw.upper().replace("1", "I").replace("L", "I").replace("|", "I")
    if not re.fullmatch(r"X{0,3}(IX|IV|V?I{0,3})", s) or not s:
        return None
    return s


@dataclass
class Para:
    """A paragraph: one or more consecutive lines (OCR wraps paragraphs over lines)."""

    start: int
    end: int
    source: SourceRef
    first_line_end: int


def paragraph_units(layout: Layout, folded_text: str) -> list[Para | RawTable]:
    text = layout.text
    out: list[Para | RawTable] = []
    wrap = layout.form == "ocr"
    hard = layout.form in _HARD_WRAPPED_FORMS or layout.wrapped
    width = 0
    fill = (0, 0)
    if hard:
        spans = [(it.span.start, it.span.end) for it in layout.items if not isinstance(it, RawTable)]
        lengths = sorted(len(text[s:e].rstrip()) for s, e in spans)  # trailing blanks take no room
        width = lengths[int(len(lengths) * 0.9)] if lengths else 0
        if _wraps_sentences(layout, text):
            # the width as typed and as printed (runs of spaces one space): a copy may have
            # added spaces to lines wrapped before, or wrapped lines that had them
            printed = sorted(_printed_len(text, s, e) - (e - s - len(text[s:e].rstrip())) for s, e in spans) if "  " in text else lengths
            fill = (width, printed[int(len(printed) * 0.9)] if printed else 0)
    prev_end = -2
    for item in layout.items:
        if isinstance(item, RawTable):
            out.append(item)
            prev_end = -2
            continue
        s, e = item.span.start, item.span.end
        continues = False
        if (wrap or hard) and out and isinstance(out[-1], Para) and text.count("\n", prev_end, s) == 1:
            line = text[s:e]
            continues = (
                (wrap and not starts_unit(folded_text[s:e], line) and not _capitals_edge(text, out[-1], line))
                or (hard and _continues_line(text, folded_text, out[-1], s, e, width, fill))
            )
        if continues:
            out[-1].end = e
        else:
            out.append(Para(s, e, item.source, e))
        prev_end = e
    if hard:
        split: list[Para | RawTable] = []
        for u in out:
            if isinstance(u, RawTable):
                split.append(u)
                continue
            # after the place and date: a line's, or a header table's (its right cell)
            last = split[-1].span if split and isinstance(split[-1], RawTable) else split[-1] if split else None
            dated = last is not None and PLACE_DATE.search(folded_text, last.start, last.end)
            split.extend(_split_clauses(text, folded_text, u, after_date=bool(dated)))
        out = split
    return out


# A clause that opens inside a paragraph of flattened or re-wrapped text: "... BỘ Y TẾ Căn cứ
# Nghị định ...; Căn cứ Nghị quyết ...", "... của Chính phủ. Căn cứ ...". Not "làm căn cứ",
# "căn cứ vào" (inside a sentence) nor a heading in capitals ("I. CĂN CỨ PHÁP LÝ").
_INLINE_CLAUSE = re.compile(r"(?<![a-z])(?:can\s+cu(?!\s+vao)|theo\s+de\s+nghi)(?![a-z])|(?<![a-z])dieu\s+\d{1,2}\s*\.(?=\s)"
                            r"|(?<![a-z])quyet\s+(?:dinh|nghi)\s*:")


# The authority of a decision after a title that ends with its year: "... NĂM 2023 BỘ TRƯỞNG BỘ
# TƯ PHÁP", "... GIAI ĐOẠN 2021-2025 THỦ TƯỚNG CHÍNH PHỦ".
_INLINE_AUTHORITY = re.compile(r"\d{4}\s+(?P<who>bo\s+truong|thu\s+tuong\s+chinh\s+phu|chu\s+tich\s+(?:uy\s+ban|ubnd))(?![a-z])")


def _split_clauses(text: str, folded_text: str, para: Para, after_date: bool = False) -> list[Para]:
    """``para`` cut where a header flattened onto its line ends (after the place and date, before
    a title in capitals) and before each clause that opens inside it (a basis clause after a
    semicolon, a full stop or words in capitals; an article ``Điều 2.`` after a full stop), so a
    document flattened onto one line and the same document wrapped at any width give the same
    units."""
    cuts: list[tuple[int, int, str]] = []  # (where, end of the opening words, kind)
    # "title": a header field or a title starts; "clause": a basis clause; "article": Điều N.
    date = PLACE_DATE.search(folded_text, para.start, para.end)
    if date is not None or after_date:  # "... ngày 04 tháng 3 năm 2024    KẾ HOẠCH TUYÊN TRUYỀN ..."
        end = date.end() if date is not None else para.start
        at = end + re.match(r"\s*", text[end : para.end]).end()
        rest = text[at : para.end].split()
        if rest and rest[0][:1].isalpha() and " ".join(rest[:2]).isupper() and (date is not None or len(rest) > 2):
            kind = DOC_TYPE_WORDS.match(folded_text, at, para.end)  # "KẾ HOẠCH" / "TUYÊN TRUYỀN ..."
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
    starts: list[tuple[int, int]] = []  # accepted cuts: (where, end of the opening words)
    prev = para.start
    for at, opening_end, kind in sorted(cuts):
        if at <= prev:
            continue
        before = text[max(prev, at - 200) : at].rstrip()  # a bounded look back: linear on a huge line
        capitals = is_upper_text(" ".join(before.split()[-3:]))  # "... BỘ Y TẾ", "... NĂM 2024"
        if not (kind == "title" or before.endswith((";", ".")) or (kind == "clause" and capitals)
                or (kind == "article" and before.endswith(":"))):
            continue
        starts.append((at, opening_end))
        prev = at
    if not starts:
        return [para]
    out: list[Para] = []
    bounds = [(para.start, para.start), *starts]
    for k, (s, opening_end) in enumerate(bounds):
        e = starts[k][0] if k < len(starts) else para.end
        while k < len(starts) and e > s and text[e - 1].isspace():
            e -= 1  # a piece ends before the blank that precedes the next one
        nl = text.find("\n", opening_end, e)  # the first line holds the opening words
        first = para.first_line_end if k == 0 else (nl if nl != -1 else e)
        out.append(Para(s, e, para.source, min(first, e)))
    return out


def _capitals_edge(text: str, para: Para, line: str) -> bool:
    """Whether a line of capitals ends ``para`` or is ``line``: header cells and titles
    (``UBND TINH X`` over ``SO Y``, ``KE HOACH`` over the subject) stand on lines of their own,
    in a scan without diacritics as in any text."""
    last_start = text.rfind("\n", para.start, para.end) + 1 or para.start
    return is_upper_text(line) or is_upper_text(text[max(last_start, para.start) : para.end])


# A line ending with the number field's label, its number on the next line; a line opening
# with it.
_NUMBER_LABEL_END = re.compile(r"(?:^|\s)s[o6]\s*:[ \t]*$")
_NUMBER_LABEL = re.compile(r"(?:^|(?<=\s))s[o6]\s*:")
# A line ending with "số" and the next opening with a document's number ("01-QC/BCĐTW",
# "76/NQ-CP"); not "chuyển đổi số" over "2. Nhiệm vụ".
_SO_END = re.compile(r"(?:^|\s)so[ \t]*$")
_CITED_NUMBER = re.compile(r"\d{1,5}[a-z]?\s*[-/]\s*[a-z0-9]")
# A line ending with the word of an article ("Điều"), its number on the next line.
_ARTICLE_WORD_END = re.compile(r"(?:^|\s)dieu[ \t]*$")
# The end of the motto wrapped at its dash: "- Hạnh phúc".
_MOTTO_END = re.compile(r"^[ \t]*[-–]\s*h\w{1,2}nh\s+ph\w{1,2}c")

# A line that is a date and nothing else (a portal's date under its headline: "21/08/2019",
# "Thứ năm, 14/03/2024 09:12"): never the rest of the line above. Not "12/5/2023 của Chính phủ".
_BARE_DATE = re.compile(r"(?:th[^\W\d_]{1,2}\s+\S+\s*[,-]?\s*)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}(?:\s*[,-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$", re.I)

# A Roman ordinal wrapped onto a line of its own after the word it numbers: "... Ban Chấp hành
# Trung ương Đảng khóa" / "XIII;", "Quốc hội khóa" / "XV, kỳ họp thứ 9", "Đại hội" / "XIII của
# Đảng", "thế kỷ" / "XXI". Capitals, but no heading (a heading's numeral has its stop and title).
_ORDINAL_WORD_END = re.compile(r"(?:^|\s)(?:khoa|dai\s+hoi|the\s+ky|nhiem\s+ky)[ \t]*$")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]{1,6}(?![^\W\d_])(?!\.\s*[^\W\d_])")

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


def _continues_line(text: str, folded_text: str, para: Para, s: int, e: int, width: int, fill: tuple[int, int] = (0, 0)) -> bool:
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
    if _BARE_DATE.match(head):
        return False  # a portal's date under its headline: "21/08/2019"
    if last and last[-1].isdigit() and _RANGE_END.match(head):
        return True  # "giai đoạn 2022" / "- 2025; ...": a range of years wrapped at its dash
    last_folded = folded_text[max(last_start, para.start) : para.end]
    if head[:1].isdigit() and _NUMBER_LABEL_END.search(last_folded):
        return True  # "... Hạnh phúc   Số:" / "311/KH-SKH&CN ...": the number field wrapped
    if head[:1].isdigit() and _SO_END.search(last_folded) and _CITED_NUMBER.match(folded_text, s + len(line) - len(head)):
        return True  # "... Quy chế làm việc số" / "01-QC/BCĐTW, ngày ...": a cited number wrapped
    if head[:1].isdigit() and _ARTICLE_WORD_END.search(last_folded):
        return True  # "... QUYẾT ĐỊNH: Điều" / "1. Ban hành ...": an article's number wrapped
    if _ROMAN_ORDINAL.match(head) and _ORDINAL_WORD_END.search(last_folded):
        return True  # "... Đảng khóa" / "XIII;": a Roman ordinal wrapped after its word
    if _MOTTO_END.match(folded_text[s:e]):
        return True  # "Độc lập - Tự do" / "- Hạnh phúc": the motto wrapped at its dash
    if MOTTO_START.match(folded_text[s:e].lstrip(" \t|*")) and not NATIONAL_MOTTO.search(last_folded):
        return False  # "CỘNG HÒA XÃ HỘI ..." opens the right column (a page title may run above it)
    if para.end == para.first_line_end and _heading_line(folded_text[para.start : para.end], text[para.start : para.end]):
        return False  # "KẾ HOẠCH", "I. MỤC ĐÍCH" stand alone; what they head follows
    first_word = head.split(None, 1)[0]
    if (_filled(last, head, fill) and "|" not in line and not _starts_unit_at(folded_text[s:e], line)
            and not CHROME_ROW.match(folded_text[s:e])
            # a title in capitals over running text ("KẾ HOẠCH ... NĂM 2025" / "Ngày 18 ...")
            and not (is_upper_text(last, 0.95) and first_word[:1].isupper() and not first_word.isupper()
                     and not NATIONAL_MOTTO.match(folded_text[s:e].lstrip()))
            # a subject ended with its year ("... năm 2024" / "Để triển khai ...")
            and not (head.lstrip("(“\"")[:1].isupper() and SUBJECT_YEAR_END.search(folded_text[max(last_start, para.start) : para.end]))):
        # The last line was broken only because the next word did not fit: a wrap, even
        # between capitals ("... CHỦ" / "NGHĨA VIỆT NAM"), after "Số:", or at the dash of a
        # compound ("kinh tế" / "- xã hội"), or after a full stop inside a paragraph. Not after
        # a semicolon: the next clause of a list of documents starts a unit of its own.
        return not last.endswith((";", "|")) and (
            head[0] not in "-–" or (lower_start(head[1:]) and head[1:2].isspace()))
    if not last or not head or last[-1] in ".;:!?|" or head[0] in "|-–•+*#(":
        return False
    lower = head[0].islower() or head[0].isdigit() or _OPEN_END.search(last_folded) is not None
    long = width > 0 and len(last) >= 0.6 * width
    if long and SUBJECT_YEAR_END.search(last_folded):
        long = False  # "... năm 2024" / "Để triển khai ...": a subject ended with its year
    if not (lower or long):
        return False
    folded = folded_text[s:e]
    if starts_unit(folded, line) or EMPTY_CELLS.match(folded) or CHROME_ROW.match(folded):
        return False
    if is_upper_text(line) or is_upper_text(last):
        return False
    first_line = folded_text[para.start : para.first_line_end]
    # "1. Mục đích" and the paragraph under it
    return not (para.end == para.first_line_end and (ARABIC.match(first_line) or LETTER.match(first_line)) and not lower)


# Runs of spaces between words: a justified line copied, a careless typist. A line's width
# counts each as one space.
_INNER_RUNS = re.compile(r"(?<=\S)  +(?=\S)")


def _printed_len(text: str, start: int, end: int) -> int:
    """The length of ``text[start:end]`` with each run of spaces between words counted as one."""
    n = end - start
    if text.find("  ", start, end) == -1:
        return n
    return n - sum(len(run) - 1 for run in _INNER_RUNS.findall(text, start, end))


# A list marker and the tab after it ("-<tab>Căn cứ", "1.<tab>Mục đích"): an indent, no column.
_MARKER_TAB = re.compile(r"^\s*(?:[-–+•]|\d{1,2}[.)]|[a-zđ][.)]|[IVXL]{1,5}\.)\t")


def _filled(last: str, head: str, fill: tuple[int, int]) -> bool:
    """Whether ``last`` was filled to the text's width (``fill``: as typed, as printed): its
    next line's first word would not have fitted on it, so the break is a wrap, not the end of
    a line the writer ended. Lines laid out in columns (runs of spaces, cell bars) are never
    filled text."""
    width, printed = fill
    if width <= 0 or not last or not head or "|" in last or re.search(r"\S( {5,}|\t)\S", _MARKER_TAB.sub("", last, count=1)):
        return False
    word = len(head.split(None, 1)[0])
    return len(last) + 1 + word > width or _printed_len(last, 0, len(last)) + 1 + word > printed


def _heading_line(folded: str, line: str) -> bool:
    """A line that heads what follows: the document type, a Roman heading in capitals, a part
    or an appendix."""
    return bool(DOC_TYPE_LINE.match(folded) or (ROMAN.match(folded) and is_upper_text(line))
                or _PART_HEADING.match(folded) or APPENDIX.match(folded))


def lower_start(line: str) -> bool:
    """Whether the first letter of ``line`` is a small letter (a wrapped line goes on)."""
    return next((c.islower() for c in line if c.isalpha()), False)


def starts_unit(folded: str, line: str) -> bool:
    """Whether a line opens a unit of its own: a heading, a list item, a basis clause, the
    closing, the recipients, the document type, or a line holding the number field or the
    place-and-date."""
    return bool(
        folded.strip().startswith("-")
        or _starts_unit_at(folded, line)
        or NUMBER.search(folded)
        or PLACE_DATE.search(folded)
    )


def _starts_unit_at(folded: str, line: str) -> bool:
    """The unit starts :func:`starts_unit` knows by the line's first words (not a dash: a
    compound wrapped at its dash, "kinh tế" / "- xã hội", goes on)."""
    return bool(
        (ROMAN.match(folded) and is_upper_text(line))
        or ARABIC.match(folded)
        or LETTER.match(folded)
        or (BASIS.match(folded) and not lower_start(line))
        or CLOSING.match(folded)
        or RECIPIENTS.match(folded)
        or DOC_TYPE_LINE.match(folded)
        or APPENDIX.match(folded)
        or _PART_HEADING.match(folded)
        or _ARTICLE.match(folded)
        or (AUTHORITY.match(folded) and is_upper_text(line))
        or _NUMBER_LABEL.match(folded.lstrip(" \t|*"))
    )

def looks_like_name(raw: str) -> bool:
    """"Trần Văn Hảo", OCR "Ng6 Anh Tin": 2 to 5 capitalised words, nothing else."""
    words = raw.split()
    if not 2 <= len(words) <= 5 or is_upper_text(raw, 0.95):
        return False
    return all(w[0].isupper() and re.fullmatch(r"[^\W_][^\W_0-9]*\d?[^\W_0-9]*", w) for w in words)


_SYMBOL_FIX = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND"}


def normalise_symbol(sym: str) -> str:
    """``KH-SKHCN`` as written, with OCR'd ``QD`` read as ``QĐ``."""
    parts = sym.split("-")
    return "-".join(_SYMBOL_FIX.get(p, p) for p in parts)


def normalise_body(raw: str) -> str:
    """``SỞ CÔNG THƯƠNG`` -> ``Sở Công Thương`` (registry spelling), else sentence case."""
    clean = display_text(raw).strip(" ,.;:")
    dep = match_department(clean)
    if dep:
        return dep.name
    if is_upper_text(clean):
        return clean[:1] + clean[1:].lower()
    return clean


def normalise_parent(raw: str) -> str:
    """``UBND TP. CẦN THƠ`` -> ``UBND thành phố Cần Thơ``; ``UBND TỈNH HẢI DƯƠNG`` -> ``UBND tỉnh Hải Dương``;
    ``HĐND TỈNH HÀ TĨNH`` -> ``HĐND tỉnh Hà Tĩnh``. A city inside a province (``UBND THÀNH PHỐ BẮC
    NINH``) is no province: ``UBND thành phố Bắc Ninh``."""
    clean = display_text(raw)
    folded = fold(clean)
    m = re.match(r"^(ubnd|uy\s+ban\s+nhan\s+dan|hdnd|hoi\s+dong\s+nhan\s+dan)\s+(.*)$", folded)
    if m:
        prov = match_place(clean[m.start(2) :])
        body = "UBND" if m.group(1)[0] == "u" else "HĐND"
        if prov and prov.kind == "tỉnh" and re.match(r"(?:thanh\s+pho|tp\b)", m.group(2)):
            return f"{body} thành phố {prov.name}"
        if prov:
            return f"{body} {prov.full_name}"
    return clean


# A committee and its department run together in one cell: "ubnd tinh nghe an so noi vu",
# "uy ban nhan dan tinh son la van phong". Not "ubnd tinh son la" alone.
STACKED_BODIES = re.compile(
    r"[\s*]*(?:uy\s+ban\s+nhan\s+dan|ubnd)\s+\S.*?\s(?P<department>(?:so|van\s+phong|phong|ban\s+(?:quan\s+ly|chi\s+dao|dan\s+toc))(?:\s+\S.*)?)\s*$", re.S
)
# Where a department's name may start after its committee's, on one line (see STACKED_BODIES).
DEPARTMENT_WORD = re.compile(r"(?<=\s)(?:so|van\s+phong|phong|ban\s+(?:quan\s+ly|chi\s+dao|dan\s+toc))(?=\s|$)")
# A collective body that decides in its own name, on the line after a decision's subject and
# above its basis (Nghị định 30/2020, Phụ lục I: "ỦY BAN NHÂN DÂN TỈNH ..." / "Căn cứ ..."): it
# ends the subject, and names the issuer a site dropped from the header.
COLLECTIVE_AUTHORITY = re.compile(
    r"^[\s*]*(?:(?:uy\s+ban\s+nhan\s+dan|ubnd)(?:\s+(?:tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|thi\s+tran"
    r"|dac\s+khu)\b[^|]*)?|uy\s+ban\s+thuong\s+vu\s+quoc\s+hoi|chinh\s+phu|hoi\s+dong\s+nhan\s+dan\s+\S[^|]*)\s*$")


# A board of a Party committee, which is named after the committee ("Ban Thường vụ Tỉnh ủy Gia Lai").
PARTY_BOARD = re.compile(r"ban (?:thuong vu|tuyen giao|dan van|to chuc|noi chinh)$")
# The committee of a Party organisation, by the organisation's unit.
COMMITTEES = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy"}


def committee_of(organisation: str) -> str:
    """``Đảng bộ tỉnh Gia Lai`` -> ``Tỉnh ủy Gia Lai``; ``Đảng bộ xã Tân Hòa`` -> ``Đảng ủy xã Tân Hòa``."""
    rest = organisation[len("Đảng bộ "):]
    for unit, committee in COMMITTEES.items():
        if rest.startswith(unit + " "):
            return f"{committee} {rest[len(unit) + 1:]}"
    return f"Đảng ủy {rest}"


def dated_line(folded: str) -> re.Match[str] | None:
    """A header's place and date, with its comma or without (``Hà Nội ngày 05 tháng 3 năm 2025``)."""
    return PLACE_DATE.search(folded) or PLACE_NO_COMMA.search(folded)


def number_field(folded: str) -> re.Match[str] | None:
    """The number field of a header: ``Số: 07/KH-UBND``, a Party document's ``Số 112-KH/HU``,
    or ``Số 07/KH-UBND`` alone on its line (the colon lost)."""
    return NUMBER.search(folded) or PARTY_NUMBER.search(folded) or BARE_NUMBER.search(folded)


# A PDF draft's number field split by its columns: "Số:" alone on its line (the number left
# blank, or given), its "/TTr-VPCP" on a line of its own after the motto's lines. Read only
# when nothing but the motto stands between the two.
SPLIT_NUMBER_HEAD = re.compile(r"[ \t*]*s[o6]\s*:[ \t]*(?P<num>\d+[a-z]?)?[ \t]*")
SPLIT_NUMBER_TAIL = re.compile(r"[ \t*]*/[ \t]*(?P<sym>[a-z][a-z0-9&]*(?:[-/\u2013][a-z0-9&]+)+)[ \t]*")


def split_number(text: str, folded: str, lines: list[tuple[int, int]]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A number field split by a PDF's columns: among ``lines`` (spans of a unit's lines) the
    line ``Số:`` alone, then only motto lines (or blank ones), then ``/TTr-VPCP`` alone, within
    four lines. The two lines' spans, or None."""
    for ls, le in lines:
        if not SPLIT_NUMBER_HEAD.fullmatch(folded, ls, le):
            continue
        pos, seen = le + 1, 0
        while pos < len(text) and seen < 4:
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            line = folded[pos:end]
            if SPLIT_NUMBER_TAIL.fullmatch(line):
                return (ls, le), (pos, end)
            if line.strip() and not NATIONAL_MOTTO.search(line):
                return None
            seen += bool(line.strip())
            pos = end + 1
        return None
    return None
