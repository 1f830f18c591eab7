"""Task deadlines of a plan and the last day each allows (for ``past-deadline``, PK107).

A plan gives each task a time: after a label ("Thời gian thực hiện: Quý II/2026", "Thời hạn
hoàn thành: trước ngày 30/6/2026"), in the time column of its table of tasks ("Thời gian thực
hiện" | "Tháng 10/2026"), or in the task's sentence ("hoàn thành trước ngày 30/6/2026", "tổ
chức trong quý III năm 2026"). :func:`time_end` reads such a time and returns the last day it
allows: a day, the end of a month, a quarter, a half year or a year; of a range ("Từ tháng
3/2026 đến tháng 12/2026", "Quý II - Quý IV/2026") its end. Everything works on folded text
(:func:`plankit.text.fold`), offsets shared with the plan text.

>>> from plankit.text import fold
>>> time_end(fold("Quý II/2025"), 0, 11, bare_years=False)
(datetime.date(2025, 6, 30), 0, 11)
>>> time_end(fold("trước ngày 30/6/2025"), 0, 20, bare_years=False)
(datetime.date(2025, 6, 30), 11, 20)
>>> time_end(fold("Từ năm 2025 đến nay"), 0, 19, bare_years=True) is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

__all__ = ["INLINE_RE", "LABEL_RE", "TIME_COLUMN_RE", "pipe_tables", "time_end"]

_YEAR = r"((?:19|20)\d\d)(?!\d)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Q = r"(?:iv|iii|ii|i|[1-4])(?![\w])"
_SEP = r"\s*(?:-|–|,|va|den)\s*"

# A day: "30/6/2025", "30-6-2025", "30.6.2025", "ngày 30 tháng 6 năm 2025".
_DAY_RE = re.compile(
    r"(?<![\w/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*" + _YEAR
    + r"|(?<!\w)ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+" + _YEAR
)
# Months: "tháng 10/2025", "tháng 10 năm 2025", "tháng 3-4/2025", "tháng 3, 4 năm 2025",
# "tháng 10-2025".
_MONTH_RE = re.compile(
    r"(?<!\w)thang\s+(\d{1,2}(?:" + _SEP + r"(?:thang\s+)?\d{1,2})*)\s*(?:/|-|,?\s*nam)\s*" + _YEAR
)
# Quarters: "quý II/2025", "quý III năm 2025", "quý I, II/2025", "quý II - quý IV/2025".
_QUARTER_RE = re.compile(
    r"(?<!\w)quy\s+(" + _Q + r"(?:" + _SEP + r"(?:quy\s+)?" + _Q + r")*)\s*(?:/|-|,?\s*nam)\s*" + _YEAR
)
# Half years: "6 tháng đầu năm 2025", "6 tháng cuối năm 2025".
_HALF_RE = re.compile(r"(?<!\w)6\s+thang\s+(dau|cuoi)\s+nam\s+" + _YEAR)
# A month without its word, in a time cell only: "10/2025" (not "123/2025/NĐ-CP", not a day).
_BARE_MONTH_RE = re.compile(r"(?<![\w/.-])(\d{1,2})\s*/\s*" + _YEAR + r"(?![/\w-])")
# A year alone, in a labelled time or a time cell only: "Năm 2025", "2025".
_BARE_YEAR_RE = re.compile(r"(?<![\w/.-])(?:nam\s+)?" + _YEAR + r"(?![/\w-])")
# An open end: the time runs to now or on ("từ năm 2025 đến nay", "hằng năm", "thường xuyên").
_OPEN_RE = re.compile(r"(?<!\w)(?:nay|hien\s+nay|tiep\s+theo|thuong\s+xuyen|hang\s+nam)(?!\w)")

# A label before a task's time (at a line's start, after a dash, a bullet or an item mark):
# "Thời gian thực hiện:", "Thời gian hoàn thành:", "Thời hạn hoàn thành:", "Thời hạn:",
# "Thời gian:", "Tiến độ thực hiện:", "Thời gian tổ chức:".
LABEL_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-+*•][ \t]*|[a-zđ\d]{1,2}[.)][ \t]*)?"
    r"(?:thoi\s+gian|thoi\s+han|tien\s+do|moc\s+thoi\s+gian)"
    r"(?:\s+(?:thuc\s+hien|hoan\s+thanh|to\s+chuc|trien\s+khai|bao\s+cao|gui\s+bao\s+cao))?\s*:[ \t]*"
)
# The header of a table's time column: "Thời gian thực hiện", "Thời hạn hoàn thành", "Thời
# gian", "Tiến độ", "Mốc thời gian" (folded, at the start of the header cell).
TIME_COLUMN_RE = re.compile(r"\W*(?:thoi\s+gian|thoi\s+han|tien\s+do|moc\s+thoi\s+gian)(?!\w)")
# A deadline in a task's sentence: a verb of doing, up to eight words, then "trước (ngày)",
# "chậm nhất (là|vào) (ngày)", "trong", "vào", "xong trong", "đến hết" and the time. Only a day,
# month, quarter or half year is read here ("hoàn thành trong năm 2025" is stale-year's).
INLINE_RE = re.compile(
    r"(?<!\w)(?:hoan\s+thanh|hoan\s+tat|xong|gui|nop|trinh|ban\s+hanh|to\s+chuc|trien\s+khai"
    r"|thuc\s+hien|bao\s+cao|tham\s+muu|tong\s+hop|xay\s+dung|dang\s+ky)(?!\w)"
    r"(?:\s+[^\s;.:]+){0,8}?\s+"
    r"(?:truoc(?:\s+ngay)?|cham\s+nhat(?:\s+(?:la|vao))?(?:\s+ngay)?|trong|vao(?:\s+ngay)?|den\s+het(?:\s+ngay)?)"
    r"\s+(?=ngay\s+\d|\d{1,2}\s*[/.-]|thang\s+\d|quy\s|6\s+thang\s+(?:dau|cuoi))"
)


_PIPE_ROW_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_PIPE_RULE_RE = re.compile(r"[\s|:-]*")


def pipe_tables(text: str) -> list[tuple[tuple[str, ...], list[list[tuple[int, int]]]]]:
    """Tables written with pipes (a Markdown copy: "| STT | Nhiệm vụ | Thời gian thực hiện |"),
    which the reader keeps as text: each as its header cells and its rows, a row as the spans of
    its cells (stripped). Consecutive pipe lines make one table; a rule line ``|---|---|`` is
    skipped.

    >>> t = "| STT | Thời gian |\\n|---|---|\\n| 1 | Quý II/2025 |\\n"
    >>> [(cols, [[t[a:b] for a, b in r] for r in rows]) for cols, rows in pipe_tables(t)]
    [(('STT', 'Thời gian'), [['1', 'Quý II/2025']])]
    """
    out: list[tuple[tuple[str, ...], list[list[tuple[int, int]]]]] = []
    current: list[list[tuple[int, int]]] = []
    last_end = -2

    def flush() -> None:
        if len(current) > 1:
            header = tuple(text[a:b] for a, b in current[0])
            out.append((header, current[1:]))

    for m in _PIPE_ROW_RE.finditer(text):
        if m.start() != last_end + 1:
            flush()
            current = []
        last_end = m.end()
        line = m.group()
        if _PIPE_RULE_RE.fullmatch(line):
            continue
        first = m.start() + line.index("|")
        cells = []
        bars = [first + i for i, c in enumerate(text[first : m.end()]) if c == "|"]
        for a, b in itertools.pairwise(bars):
            cell = text[a + 1 : b]
            lead = len(cell) - len(cell.lstrip())
            cells.append((a + 1 + lead, a + 1 + len(cell.rstrip())))
        current.append(cells)
    flush()
    return out


def _month_end(year: int, month: int) -> dt.date | None:
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _points(folded: str, start: int, end: int, *, bare_years: bool) -> list[tuple[dt.date, int, int]]:
    """Every time point in ``folded[start:end]``: (its last day, start, end)."""
    out: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(day: dt.date | None, s: int, e: int) -> None:
        if day is not None and not any(a < e and s < b for a, b in taken):
            out.append((day, s, e))
            taken.append((s, e))

    for m in _DAY_RE.finditer(folded, start, end):
        if m.group(1):
            d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        else:
            d, mo, y = int(m.group(5)), int(m.group(6)), int(m.group(7))
        try:
            add(dt.date(y, mo, d), m.start(), m.end())
        except ValueError:
            continue
    for m in _QUARTER_RE.finditer(folded, start, end):
        last = max(_ROMAN[q] for q in re.findall(_Q, m.group(1)))
        add(_month_end(int(m.group(2)), 3 * last), m.start(), m.end())
    for m in _HALF_RE.finditer(folded, start, end):
        add(_month_end(int(m.group(2)), 6 if m.group(1) == "dau" else 12), m.start(), m.end())
    for m in _MONTH_RE.finditer(folded, start, end):
        last = max(int(x) for x in re.findall(r"\d{1,2}", m.group(1)))
        add(_month_end(int(m.group(2)), last), m.start(), m.end())
    if bare_years:
        for m in _BARE_MONTH_RE.finditer(folded, start, end):
            add(_month_end(int(m.group(2)), int(m.group(1))), m.start(), m.end())
        for m in _BARE_YEAR_RE.finditer(folded, start, end):
            add(dt.date(int(m.group(1)), 12, 31), m.start(), m.end())
    return out


def time_end(folded: str, start: int, end: int, *, bare_years: bool) -> tuple[dt.date, int, int] | None:
    """The last day the time written in ``folded[start:end]`` allows, and the span of the words
    that say it (from its first time point to its last); None when it names no time point or
    runs on ("đến nay", "thường xuyên", "hằng năm"). ``bare_years``: a year alone ("Năm 2025")
    and a month without its word ("10/2025") count, as in a labelled time or a time cell."""
    if _OPEN_RE.search(folded, start, end):
        return None
    points = _points(folded, start, end, bare_years=bare_years)
    if not points:
        return None
    last = max(p[0] for p in points)
    return last, min(p[1] for p in points), max(p[2] for p in points)
