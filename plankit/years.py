"""Which years in a plan's text are the plan's own, and which are other years.

A yearly plan is copied from last year's, so its text mixes the plan's own year ("Kế hoạch ...
năm 2025", "Trong năm 2025", "CCHC năm 2025", the closing "Trên đây là Kế hoạch ... năm 2025")
with years that must stay as they are: dates ("ngày 27 tháng 12 năm 2021"), bounds ("đến năm
2030"), past results ("kết quả năm 2024"), cited documents, periods ("giai đoạn 2021-2025") and
schedules ("Quý I/2025"). :func:`year_mentions` gives every year its kind.

Three stages ask the question, each in its own way:

* lint (``stale-year``, ``title-date-mismatch``, ``period-ended``, ``stale-basis``) reads the
  whole folded text, OCR forms included, with the patterns and the function of this module;
* draft (:mod:`plankit.draft`) rolls the years of restored, flattened pieces of last year's plan
  forward with a looser reading of its own (its module says where and why it differs); it shares
  :data:`SCHEDULE_RE`;
* diff (:mod:`plankit.diff.classify`) reads comparison tokens, not text
  (``is_self_reference``).

Every pattern runs on folded text (:func:`plankit.text.fold`: no diacritics, lower case, one
character for one character, so offsets are offsets into the original text). Patterns that scan
the whole text start with a literal ("giai(?<!\\wgiai)" rather than "(?<!\\w)giai"): the regex
engine then jumps from one occurrence of the literal to the next; the lookbehind after the
literal keeps the word boundary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .agencies import word_alternation

__all__ = ["KINDS", "YearMention", "closing_spans", "own_periods", "year_mentions"]

# -- patterns (folded text) --------------------------------------------------------------------

# "năm 2024" and its OCR forms "nam 2024", "nim 2025", "ndm 2021", "năm2025", "năm: 2024".
# Must not match "Nam 2024" inside a longer word ("Hà Nam" is fine: the year must follow), nor
# a number that merely starts like a year ("năm 20250").
YEAR_RE = re.compile(r"n(?<!\wn)[aid]m\s*[:.]?\s*((?:19|20)\d\d)(?!\d)")

# "năm" as a comparison token (plankit.diff), with its OCR forms "nim", "ndm", "nem". YEAR_RE
# takes "nam", "nim", "ndm" but not "nem", a word of its own in running text; a token "nem" only
# counts when a year token follows it.
NAM_TOKENS = frozenset({"nam", "nim", "ndm", "nem"})

# Before a year (anchored at the end of the text before "năm"), a month that makes it part of a
# date: "tháng 12 năm 2024", "tháng 12, năm 2024", OCR "21thdng 01 nam 2025". Must not match a
# bare "tháng" without its number ("hằng tháng năm 2025" is not a date).
DATE_BEFORE_RE = re.compile(r"th\S{0,3}ng\s*\d{1,2}\s*,?\s*$")

# Before a year, a word that makes it a bound of a span of time or a count of years, not the
# plan's own year: "đến năm 2030", "từ năm 2021", "trước năm", "sau năm", "những năm", "các năm",
# "mỗi năm", "hằng năm", "hậu". Anchored at the end, so "Kế hoạch tuyên truyền năm" is not one;
# whole words only, so "tháng năm" (ending in "hang") and "đầu tư năm" (ending in "tu") are not
# ones either ("tư", "tử" fold to "tu" as "từ" does: the original text tells them apart, see
# _NOT_RANGE).
RANGE_BEFORE_RE = re.compile(r"(?<!\w)(?:den|tu|truoc|sau|nhung|cac|moi|hang|hau)\s*$")

# After a year, the other bound of a span: "năm 2021-2025", "năm 2021 – 2025", "năm 2021 đến năm
# 2025", "năm 2021 đến 2025" (a five-year plan "Kế hoạch 5 năm 2021-2025" is not a plan of 2021).
# Must not match a date or number that follows ("năm 2025 - 15/7") nor "năm 2025 đến nay".
RANGE_AFTER_RE = re.compile(
    r"\s*(?:[-\u2013\u2014]|den(?!\w)(?:\s+n[aid]m)?)\s*(?:19|20)\d\d(?![\d/])"
)

# Within 80 characters before a year, words that make it legitimately past: results, reports
# and indices of an earlier year ("kết quả CCHC năm 2024", "Chỉ số CCHC năm 2024", "so với năm
# 2023", "đã thực hiện"), an earlier plan replaced or carried on ("thay thế Kế hoạch ... năm
# 2024", "nhiệm vụ chưa hoàn thành, chuyển tiếp của Kế hoạch năm 2024") and its shortcomings
# ("tồn tại, hạn chế trong công tác CCHC năm 2024"). Whole words only: "bao cao" must not
# match inside "bao caot".
PAST_RE = re.compile(
    word_alternation(
        [r"ket\s+qua", r"bao\s+cao", r"chi\s+so", r"tong\s+ket", r"danh\s+gia", r"so\s+voi", r"xep\s+hang",
         r"dat\s+duoc", r"nam\s+truoc", r"da\s+thuc\s+hien", r"da\s+trien\s+khai", r"so\s+ket",
         r"cung\s+ky", r"ky\s+truoc", r"thay\s+the", r"chua\s+hoan\s+thanh", r"chuyen\s+tiep", r"ton\s+tai",
         r"han\s+che", r"ton\s+dong", r"ket\s+luan"]
    )
    + r"(?!\w)"
)

# After a year that a self-referential phrase introduces, in the same clause: words that make it
# the year just past, told about ("Trong năm 2024, UBND tỉnh đã tổ chức ...", "Kế hoạch CCHC năm
# 2024 đã hoàn thành", "năm 2024 vừa qua", "tỉnh được đánh giá xếp thứ 12/63"), or a budget
# carried over into the plan year ("kế hoạch năm 2024 được kéo dài sang năm 2025", "chuyển
# nguồn"). At most eight words between the year and the past word (the subject of the sentence),
# none of them a word that sets a task ("Trong năm 2024, tiếp tục thực hiện các nhiệm vụ đã đề
# ra" is last year's plan, copied: see PAST_GAP_STOP). "đã ban hành", "đã được phê duyệt", "đã
# đề ra" closing the clause describe a document, not a year told about: "theo Kế hoạch CCHC năm
# 2024 của Sở đã ban hành." in a 2025 plan is a stale year, while "Trong năm 2024, UBND huyện
# đã ban hành 12 văn bản" tells of the year.
_DOCUMENT_DONE = r"(?:duoc\s+)?(?:ban\s+hanh|phe\s+duyet|de\s+ra|giao|xay\s+dung|ky)[ \t]*(?:[.;,:)]|$)"
PAST_AFTER_RE = re.compile(
    r"[ \t]*,?\s*(?P<gap>(?:[^\W\d]+\s+){0,8}?)(?:"
    + "|".join([
        rf"da(?!\w)(?!\s+{_DOCUMENT_DONE})", r"vua\s+qua", r"(?:duoc\s+)?keo\s+dai", r"xep\s+(?:thu|hang)",
        r"(?:duoc\s+)?cong\s+nhan", r"dat\s+duoc", r"chuyen\s+(?:sang|nguon)", r"con\s+lai",
    ])
    + r")(?!\w)"
)
PAST_GAP_STOP = re.compile(
    word_alternation([r"tiep\s+tuc", r"thuc\s+hien", r"trien\s+khai", "nhiem", "can", "phai", "se",
                      r"phan\s+dau", r"dam\s+bao", r"bao\s+dam", "moi", "tat"])
    + r"(?!\w)"
)
# "đã" folds to "da" as "đá", "dạ", "da" do: with the original text, only "đã" counts.
_IS_DA = re.compile(r"(?i:đã)")

# "Kế hoạch <these words> năm X" names a plan of another kind, of its own year: the capital or
# budget plan of a year ("kế hoạch vốn đầu tư công năm 2024" carried over into 2025, "kế hoạch
# đầu tư công năm 2024", "kế hoạch đầu tư năm 2024", "kế hoạch sử dụng đất năm 2024", "kế hoạch
# phát triển kinh tế - xã hội năm 2024"), not the plan being written. Anchored at the start of
# the subject words; "kế hoạch phát triển kinh tế số" is not one.
NAMED_PLAN_RE = re.compile(
    r"\s*(?:"
    + "|".join([r"von(?!\w)", r"dau\s+tu(?!\w)", r"su\s+dung\s+dat", r"ngan\s+sach", r"tai\s+chinh",
                r"phat\s+trien\s+kinh\s+te\s*-?\s*xa\s+hoi", r"phan\s+bo\s+von"])
    + r")"
)

# Self-referential phrases just before "năm X" (each anchored at the end of the text before it):
#   the plan itself, "Kế hoạch <subject words> năm X", OCR "Ké hoach", "K& hoach": the subject
#   words (group "mid") hold no digit and no semicolon, and must not hold the words "số" or
#   "ngày" (PLAN_MID_STOP_RE): "Kế hoạch số 261/KH-UBND ngày 29 tháng 12 năm" cites a document;
PLAN_BEFORE_RE = re.compile(r"k(?<!\wk)\S{0,2}\s+hoach\b(?P<mid>[^;\d]{0,160})$")
PLAN_MID_STOP_RE = re.compile(r"(?<!\w)(?:so|ngay)(?!\w)")
#   "Trong năm X" (the time column of an activity table, "trong năm 2025 của Sở");
TRONG_BEFORE_RE = re.compile(r"trong(?<!\wtrong)\s*$")
#   "CCHC năm X", "cải cách hành chính (nhà nước) (CCHC) năm X", "CCHC* năm X".
CCHC_BEFORE_RE = re.compile(
    r"(?:cchc|cai\s+cach\s+hanh\s+chinh(?:\s+nha\s+nuoc)?)(?:\s*\(\s*cchc\s*\))?[\s*]*$"
)

# The closing sentence "Trên đây là Kế hoạch ..." and its OCR form "Trén day 1a K& hoach": every
# year in it is the plan's own. Must not match "trên đây" elsewhere ("như trên đây").
CLOSING_RE = re.compile(r"tren(?<!\wtren)\s+day\s+\S{1,3}\s+k\S{0,2}\s+hoach(?!\w)")

# A period of a programme: "giai đoạn 2021-2025", OCR "giai doan 2021 — 2025", "giai đoạn 2021 –
# 2025". Must not match a single year ("giai đoạn 2021") nor a longer number ("2021-20255").
PERIOD_RE = re.compile(
    r"giai(?<!\wgiai)\s+doan\s+((?:19|20)\d\d)\s*[-\u2013\u2014]\s*((?:19|20)\d\d)(?!\d)"
)

# A schedule in an activity table: "Quý I/2025", "Quý 4/2025", "Tháng 3/2025". Must not match a
# date ("15/7/2025": no "quý"/"tháng" before it) nor a document number ("45/2020/NĐ-CP").
SCHEDULE_RE = re.compile(r"(?:quy(?<!\wquy)\s+[ivx\d]{1,4}|thang(?<!\wthang)\s+\d{1,2})\s*/\s*(\d{4})\b")
# The same as two patterns, each starting with its literal, for scanning a whole text (one match
# holds no "quy" or "thang" of another, so together they find the same schedules).
_SCHEDULE_SCANS = (
    re.compile(r"quy(?<!\wquy)\s+[ivx\d]{1,4}\s*/\s*(\d{4})\b"),
    re.compile(r"thang(?<!\wthang)\s+\d{1,2}\s*/\s*(\d{4})\b"),
)


# -- year mentions -----------------------------------------------------------------------------
# What a year is, first reason first:
#   "date"      part of a date ("ngày 27 tháng 12 năm 2021");
#   "range"     a bound or a count of years ("đến năm 2030", "hằng năm");
#   "citation"  inside a reference clause (the cited document's date or subject);
#   "other"     "năm X" with no self-referential phrase before it;
#   "past"      a self-referential phrase, but about results of the past ("kết quả ... năm 2024");
#   "own"       the plan's own year ("Kế hoạch ... năm X", "Trong năm X", "CCHC năm X", or any
#               "năm X" in the closing sentence);
#   "period"    either bound of "giai đoạn X-Y";
#   "schedule"  "Quý I/2025", "Tháng 3/2025".
KINDS = ("own", "date", "range", "citation", "past", "other", "period", "schedule")


@dataclass(frozen=True)
class YearMention:
    """One year in a plan's text: ``text[start:end]`` is "năm 2024" (or "giai đoạn 2021-2025",
    "Quý I/2025"), ``digits`` the offset of the year's four digits."""

    start: int
    end: int
    year: int
    digits: int
    kind: str = "own"

    def __repr__(self) -> str:
        return f"YearMention({self.year} {self.kind} @{self.start})"


def closing_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of the closing sentence "Trên đây là Kế hoạch ..." in ``folded``: to "./." or the
    end of its line (at most 400 characters on).

    >>> closing_spans("ii. to chuc\\ntren day la ke hoach cchc nam 2025./.\\nnoi nhan")
    [(12, 46)]
    """
    out = []
    for m in CLOSING_RE.finditer(folded):
        line_end = folded.find("\n", m.end())
        limit = min(line_end if line_end != -1 else len(folded), m.end() + 400)
        end = folded.find("./.", m.end(), limit)
        out.append((m.start(), end if end != -1 else limit))
    return out


def _clause_start(folded: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last line break, tab, ``;``, ``:`` or
    ". " before it."""
    start = max(folded.rfind("\n", 0, pos), folded.rfind("\t", 0, pos)) + 1
    region = folded[start:pos]
    last = max(region.rfind(";"), region.rfind(":"), region.rfind(". "))
    return start + last + 1 if last != -1 else start


# Folding makes some words look like the ones the patterns above look for. Where the original
# text is known, these spellings are told apart: "điện tử năm 2022" is no range ("tử" is not
# "từ"), and "của Sở Công Thương năm 2022" holds no number ("Sở", capitalised, is not "số").
# OCR'd text without marks keeps the folded reading.
_NOT_RANGE = re.compile(r"(?i:t[ưứửữựúụủũ])")  # "tư" (đầu tư), "tử" (điện tử); not "từ", OCR "tù"
_NOT_STOP = re.compile(r"S\S?")  # a capitalised "Sở" (or OCR "S¢", "S&", "So"), never "số"
# What follows a stop word that makes it a document's number or date ("Kế hoạch số /KH-UBND",
# "số: 12", "số hiệu", "ngày  tháng  năm", "ngày …/…"): a digit, a blank's mark, "(ký) hiệu"
# after "số", "tháng" after "ngày".
# Followed by a word, or by "năm X" itself, the word is the subject's: "Kế hoạch chuyển đổi số
# năm 2025", "Kế hoạch kinh tế số và xã hội số năm 2025", "Kế hoạch tổ chức Ngày Chuyển đổi số
# năm 2025".
_NUMBER_AFTER = {
    "so": re.compile(r"\s*(?:[\d:.\u2026_/]|(?:ky\s+)?hieu(?!\w))"),
    "ngay": re.compile(r"\s*(?:[\d.\u2026_/]|th\S{0,3}ng(?!\w)|$)"),
}


def _written_as(text: str | None, pos: int, spelling: re.Pattern[str]) -> bool:
    """Whether the original word at ``pos`` matches ``spelling`` (False when no text is given)."""
    if text is None:
        return False
    end = pos
    while end < len(text) and (text[end].isalnum() or text[end] in "¢&"):
        end += 1
    return bool(spelling.fullmatch(text[pos:end]))


def past_after(folded: str, end: int, text: str | None) -> bool:
    """Whether the words after the year ending at ``end`` tell of it as past (PAST_AFTER_RE)."""
    m = PAST_AFTER_RE.match(folded, end)
    if m is None or PAST_GAP_STOP.search(m.group("gap")):
        return False
    word = m.end("gap")
    if text is None or not folded.startswith("da", word):
        return True
    return _written_as(text, word, _IS_DA)


def _names_the_plan(left: str, base: int, text: str | None) -> bool:
    """Whether ``left`` (folded, starting at offset ``base``) ends with "Kế hoạch <subject words>"
    that names the plan being written: no number or date among the words, and not a plan of
    another kind (NAMED_PLAN_RE)."""
    plan_m = PLAN_BEFORE_RE.search(left)
    return (
        plan_m is not None
        and not NAMED_PLAN_RE.match(plan_m.group("mid"))
        and not any(
            not _written_as(text, base + plan_m.start("mid") + stop.start(), _NOT_STOP)
            and _NUMBER_AFTER[stop.group()].match(plan_m.group("mid"), stop.end())
            for stop in PLAN_MID_STOP_RE.finditer(plan_m.group("mid"))
        )
    )


def own_periods(
    folded: str,
    *,
    text: str | None = None,
    segment_start: Callable[[int], int] | None = None,
    in_citation: Callable[[int], bool] | None = None,
    closing: Sequence[tuple[int, int]] | None = None,
) -> list[re.Match[str]]:
    """The periods ("giai đoạn 2021-2025", :data:`PERIOD_RE` matches) where the plan speaks of
    itself: "Kế hoạch <subject words> giai đoạn X-Y" or any period in the closing sentence, not
    in a reference clause nor about results (:data:`PAST_RE` before it). Arguments as for
    :func:`year_mentions`.

    >>> from plankit.text import fold
    >>> t = fold("UBND tỉnh ban hành Kế hoạch CCHC giai đoạn 2026-2030; kết quả Kế hoạch giai đoạn 2021-2025.")
    >>> [m.group(1, 2) for m in own_periods(t)]
    [('2026', '2030')]
    """
    seg_at = segment_start or (lambda pos: _clause_start(folded, pos))
    cited = in_citation or (lambda pos: False)
    spans = closing_spans(folded) if closing is None else closing
    out = []
    for m in PERIOD_RE.finditer(folded):
        start = m.start()
        if cited(start):
            continue
        seg = seg_at(start)
        if PAST_RE.search(folded[max(seg, start - 80) : start]):
            continue
        base = max(seg, start - 200)
        if any(s <= start < e for s, e in spans) or _names_the_plan(folded[base:start], base, text):
            out.append(m)
    return out


def _kind(
    folded: str,
    start: int,
    end: int,
    *,
    text: str | None = None,
    segment_start: Callable[[int], int],
    in_citation: Callable[[int], bool],
    closing: Sequence[tuple[int, int]],
) -> str:
    """The kind of the "năm X" at ``start`` (see :data:`KINDS`)."""
    in_closing = any(s <= start < e for s, e in closing)
    seg = segment_start(start)
    base = max(seg, start - 200)
    left = folded[base:start]
    if DATE_BEFORE_RE.search(left):
        return "date"
    if (r := RANGE_BEFORE_RE.search(left)) and not _written_as(text, base + r.start(), _NOT_RANGE):
        return "range"
    if RANGE_AFTER_RE.match(folded, end):
        return "range"
    if in_citation(start):
        return "citation"
    if in_closing:
        return "own"
    is_plan = _names_the_plan(left, base, text)
    if not (is_plan or TRONG_BEFORE_RE.search(left) or CCHC_BEFORE_RE.search(left)):
        return "other"
    if PAST_RE.search(folded[max(seg, start - 80) : start]) or past_after(folded, end, text):
        return "past"
    return "own"


def year_mentions(
    folded: str,
    *,
    text: str | None = None,
    segment_start: Callable[[int], int] | None = None,
    in_citation: Callable[[int], bool] | None = None,
    closing: Sequence[tuple[int, int]] | None = None,
) -> list[YearMention]:
    """Every year in ``folded`` text, with its kind (see :data:`KINDS`), in text order.

    The defaults read the text alone: a clause starts after a line break, tab, ``;``, ``:`` or
    ". "; nothing is a reference clause; the closing sentence is found by :func:`closing_spans`.
    The linter passes its own, which know OCR'd paragraphs and the citations.

    Args:
        folded: folded text (:func:`plankit.text.fold`).
        text: the original text ``folded`` was made from, when known: it tells "tử" from "từ"
            and "Sở" from "số", which fold alike.
        segment_start: where the clause holding an offset starts.
        in_citation: whether an offset lies inside a reference clause (a cited document).
        closing: spans of the closing sentence.

    >>> from plankit.text import fold
    >>> text = fold("Căn cứ Quyết định ngày 27 tháng 12 năm 2021; Trong năm 2025, kết quả CCHC "
    ...             "năm 2024 và giai đoạn 2021-2025, Quý I/2025.")
    >>> [(m.year, m.kind) for m in year_mentions(text)]
    [(2021, 'date'), (2025, 'own'), (2024, 'past'), (2021, 'period'), (2025, 'period'), (2025, 'schedule')]
    """
    seg_at = segment_start or (lambda pos: _clause_start(folded, pos))
    cited = in_citation or (lambda pos: False)
    spans = closing_spans(folded) if closing is None else closing
    found = [
        YearMention(
            m.start(),
            m.end(),
            int(m.group(1)),
            m.start(1),
            _kind(folded, m.start(), m.end(), text=text, segment_start=seg_at, in_citation=cited, closing=spans),
        )
        for m in YEAR_RE.finditer(folded)
    ]
    for m in PERIOD_RE.finditer(folded):
        found.extend(
            YearMention(m.start(), m.end(), int(m.group(g)), m.start(g), "period") for g in (1, 2)
        )
    for m in (m for p in _SCHEDULE_SCANS for m in p.finditer(folded)):  # sorted below
        found.append(YearMention(m.start(), m.end(), int(m.group(1)), m.start(1), "schedule"))
    return sorted(found, key=lambda y: (y.start, y.digits))
