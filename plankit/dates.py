"""Vietnamese dates in text: one pattern and one function for every reader that needs a date.

A date is written ``ngày 17 tháng 01 năm 2024`` (a header's place-and-date line, a cited
document), ``ngày 17/01/2024`` (a portal's lead sentence, a citation), with blanks in a draft
(``ngày    tháng 01 năm 2022``), wrapped over lines (``ngày 01`` / ``tháng 3 năm 2025``) and,
in a scan, with OCR damage (``ngay 21thdng 01 nam 2025``). The header reader, the citation
reader, the tracked-changes writer and the linter all read it with :data:`DATE_PATTERN`:
:func:`find_date` (the first date), :func:`find_dates` (every date, blank ones included: the
``blank-date`` and ``date-format`` rules), :func:`date_after` (the date written after a cited
number: the citation rules); :func:`numeric_dates` reads d/m/yyyy without "ngày".

The pattern runs on folded text (:func:`plankit.text.fold`: one character for one character,
so a match's offsets are offsets into the original text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

__all__ = ["DATE_PATTERN", "NUMERIC_DATE_PATTERN", "DateMatch", "date_after", "find_date", "find_dates", "numeric_dates"]

#: A date opened by "ngày", on folded text. Groups: ``sp`` (the blank after "ngày", where a
#: missing day goes), ``day``, ``month`` (both may be blank in a draft, with dots, underscores or
#: an ellipsis for the blank), ``year``; in the numeric form ``nmonth`` and the separators ``sep1``
#: and ``sep2``, or ``bmonth`` when the day is blank ("ngày /01/2022"). OCR-tolerant: "tháng" is
#: "th" and "ng" with up to three characters between ("thdng", "th¡ng"), "năm" is "n", one to
#: three letters and "m" ("nim", "ndm").
#: Must match: "ngay 17 thang 01 nam 2024", "ngay 01\nthang 3 nam 2025", "ngay    thang 01 nam
#: 2022", "ngay ... thang ... nam 2025", "ngay 21thdng 01 nam 2025", "ngay 31 thang 12, nam 2021",
#: "ngay 17/01/2024", "ngay 15.7.2021", "ngay 06/01-2022", "ngay /01/2022", "ngay …/01/2022".
#: Must not match "nam 2021" (no "ngày"), "ngay 2021", "ngay 17/01" (no year), "sungay 17/01/2024".
DATE_PATTERN = (
    # the literal first, the word boundary after it: the engine skips to each "ng"
    r"ng(?<![a-z]ng)[a-z]{1,2}y(?P<sp>\s*)(?:[._\u2026][\s._\u2026]*)?(?:(?P<day>\d{1,2})\s*)?"
    r"(?:th\S{0,3}?ng[\s._\u2026]*(?:(?P<month>\d{1,2})[\s._\u2026]*)?,?\s*n[a-z]{1,3}m"
    r"|(?<=\d)[ \t]*(?P<sep1>[/.\-])[ \t]*(?P<nmonth>\d{1,2})[ \t]*(?P<sep2>[/.\-])"
    r"|(?<!\d)/[ \t._\u2026]*(?P<bmonth>\d{1,2})\s*/)"
    r"\s*(?P<year>\d{4})(?![\d/])"
)
_DATE = re.compile(DATE_PATTERN)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: its parts (``None`` where the text leaves a blank), where it
    starts and ends, where each part is, and the two separators of a numeric date ("/-" in
    "ngày 06/01-2022"; empty for a date in words)."""

    day: int | None
    month: int | None
    year: int
    start: int
    end: int
    day_span: tuple[int, int] | None
    month_span: tuple[int, int] | None
    year_span: tuple[int, int]
    blank_at: int
    separators: str = ""

    @property
    def date(self) -> dt.date | None:
        """The calendar date, or ``None`` when a part is blank or the date does not exist
        (31/02/2021)."""
        if self.day is None or self.month is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @classmethod
    def of(cls, m: re.Match[str]) -> DateMatch:
        """The date a match of :data:`DATE_PATTERN` (alone or inside a larger pattern) names."""
        month_group = next((g for g in ("month", "nmonth", "bmonth") if m.group(g) is not None), "month")
        day = m.group("day")
        month = m.group(month_group)
        if m.group("sep1") is not None:
            separators = m.group("sep1") + m.group("sep2")
        else:
            separators = "//" if month_group == "bmonth" else ""
        return cls(
            day=int(day) if day else None,
            month=int(month) if month else None,
            year=int(m.group("year")),
            start=m.start(),
            end=m.end(),
            day_span=m.span("day") if day else None,
            month_span=m.span(month_group) if month else None,
            year_span=m.span("year"),
            blank_at=m.end("sp"),
            separators=separators,
        )


def find_date(folded: str, start: int = 0, end: int | None = None) -> DateMatch | None:
    """The first date opened by "ngày" in ``folded[start:end]`` (folded text), or ``None``.

    >>> from plankit.text import fold
    >>> d = find_date(fold("Quảng Ngãi, ngày 17 tháng 01\\nnăm 2024"))
    >>> d.date, d.start
    (datetime.date(2024, 1, 17), 12)
    >>> find_date(fold("ngày 17/01/2024")).date, find_date(fold("ngày    tháng 01 năm 2022")).day
    (datetime.date(2024, 1, 17), None)
    """
    m = _DATE.search(folded, start, len(folded) if end is None else end)
    return DateMatch.of(m) if m else None


def find_dates(folded: str) -> tuple[DateMatch, ...]:
    """Every date opened by "ngày" in ``folded`` (folded text), blank ones included, in text
    order. The lint rules on dates ask for the same text one after the other, so the last few
    answers are kept.

    >>> from plankit.text import fold
    >>> [(d.day, d.month, d.year, d.separators) for d in find_dates(fold(
    ...     "Cần Thơ, ngày ... tháng ... năm 2025; Kế hoạch số 29 ngày 06/01-2022; ngày /01/2022"))]
    [(None, None, 2025, ''), (6, 1, 2022, '/-'), (None, 1, 2022, '//')]
    """
    return _find_dates(folded)


@lru_cache(maxsize=4)
def _find_dates(folded: str) -> tuple[DateMatch, ...]:
    return tuple(DateMatch.of(m) for m in _DATE.finditer(folded))


#: A numeric date anywhere, with or without "ngày": "15/7/2021", "(24/12/2024)". Groups ``day``,
#: ``month``, ``year``. Must not match "118/2021/NĐ-CP" (a number), "2021/2022", "15/7/20212".
NUMERIC_DATE_PATTERN = r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)(?![\d/])"
_NUMERIC = re.compile(NUMERIC_DATE_PATTERN)
# Its last part, which starts with a literal: where to look for one.
_NUMERIC_TAIL = re.compile(r"/(?:19|20)\d\d(?![\d/])")


def numeric_dates(folded: str) -> Iterator[DateMatch]:
    """Every numeric date d/m/yyyy of ``folded``, with or without "ngày", in text order.

    >>> [d.date for d in numeric_dates("theo Quyết định 118/2021/QĐ-UBND (24/12/2024), 31/02/2021")]
    [datetime.date(2024, 12, 24), None]
    """
    for t in _NUMERIC_TAIL.finditer(folded):
        m = _NUMERIC.search(folded, max(0, t.start() - 6), t.end())
        if m is None:
            continue
        yield DateMatch(
            day=int(m.group("day")),
            month=int(m.group("month")),
            year=int(m.group("year")),
            start=m.start(),
            end=m.end(),
            day_span=m.span("day"),
            month_span=m.span("month"),
            year_span=m.span("year"),
            blank_at=m.start(),
            separators="//",
        )


# A date written right after a cited number: ", ngày 22/12/2025", " ngày 24 tháng 6 năm 2022",
# "NGÀY 09/12/2022", "(ban hành ngày 15/7/2021)" (folded): at most four marks or spaces, and
# "ban hành", between the number and "ngày".
_AFTER = re.compile(r"[ \t\n,(]{0,4}(?:ban\s+hanh\s+)?(?P<date>" + DATE_PATTERN + ")")


def date_after(folded: str, pos: int, end: int | None = None) -> DateMatch | None:
    """The date written right after ``pos`` in ``folded`` (before ``end``), with its day and
    month (a blank is no date), or ``None``; its ``start`` is where "ngày" stands.

    >>> from plankit.text import fold
    >>> text = fold("Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ")
    >>> d = date_after(text, 26)
    >>> d.date, text[d.start : d.end]
    (datetime.date(2022, 6, 24), 'ngay 24/6/2022')
    >>> date_after(fold("Kế hoạch số 12 năm 2022, ngày 24/6/2022"), 14) is None
    True
    """
    m = _AFTER.match(folded, pos, len(folded) if end is None else end)
    if m is None or m.group("day") is None or not 1900 <= int(m.group("year")) < 2100:
        return None
    found = DateMatch.of(m)
    if found.month is None:
        return None
    return replace(found, start=m.start("date"))
