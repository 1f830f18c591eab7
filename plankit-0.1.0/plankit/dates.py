"""Vietnamese dates in text: one pattern and one function for every reader that needs a date.

A date is written ``ngày 17 tháng 01 năm 2024`` (a header's place-and-date line, a cited
document), ``ngày 17/01/2024`` (a portal's lead sentence, a citation), with blanks in a draft
(``ngày    tháng 01 năm 2022``), wrapped over lines (``ngày 01`` / ``tháng 3 năm 2025``) and,
in a scan, with OCR damage (``ngay 21thdng 01 nam 2025``). The header reader, the citation
reader and the tracked-changes writer all read it with :data:`DATE_PATTERN` through
:func:`find_date`.

The pattern runs on folded text (:func:`plankit.text.fold`: one character for one character,
so a match's offsets are offsets into the original text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DATE_PATTERN", "DateMatch", "find_date"]

#: A date opened by "ngày", on folded text. Groups: ``sp`` (the blank after "ngày", where a
#: missing day goes), ``day``, ``month`` (both may be blank in a draft), ``year``.
#: Must match: "ngay 17 thang 01 nam 2024", "ngay 01\nthang 3 nam 2025", "ngay    thang 01 nam
#: 2022", "ngay 21thdng 01 nam 2025", "ngay 31 thang 12, nam 2021", "ngay 17/01/2024",
#: "ngay 15.7.2021", "ngay 06/01-2022". Must not match "nam 2021" (no "ngày"), "ngay 2021",
#: "ngay 17/01" (no year).
DATE_PATTERN = (
    r"(?<![a-z])ng[a-z]{1,2}y(?P<sp>\s*)(?P<day>\d{1,2})?\s*"
    r"(?:th[a-z]{1,3}ng\s*(?P<month>\d{1,2})?\s*,?\s*n[a-z]{1,3}m"
    r"|(?<=\d)[ \t]*[/.\-][ \t]*(?P<nmonth>\d{1,2})[ \t]*[/.\-])"
    r"\s*(?P<year>\d{4})(?![\d/])"
)
_DATE = re.compile(DATE_PATTERN)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: its parts (``None`` where the text leaves a blank), where it
    starts and ends, and where each part is."""

    day: int | None
    month: int | None
    year: int
    start: int
    end: int
    day_span: tuple[int, int] | None
    month_span: tuple[int, int] | None
    year_span: tuple[int, int]
    blank_at: int

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
        month_group = "month" if m.group("month") is not None else "nmonth"
        day = m.group("day")
        month = m.group(month_group)
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
