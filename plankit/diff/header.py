"""The header compared as fields: number, symbol, date, year, issuer, signer.

A yearly copy changes its number, its date and its year by nature; those are ``expected`` when
they moved with the plan year (or a blank date was filled in at signing). A new symbol, issuer or
signer is shown as ``substantive``: someone decided it (a signer that appears where the old copy
names none too: who signs never moves with the year). The header's words are still diffed (the redline
and the side-by-side view need them); a word change that lies in a field whose change is
expected takes that field's kind (every word of it inside the field: a whole header inserted
where the old copy has none is not a moved date).
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Header, Span
from ..places import find_places, province_on
from ..text import fold
from .classify import Years
from .result import HeaderField

__all__ = ["compare_headers", "field_at"]

FIELDS = ("number", "symbol", "date", "year", "issuer", "signer")
_WORD = re.compile(r"\w+")
# Header lines that name a field's words apart from it: the issuer's parent body ("UBND TỈNH HẢI
# DƯƠNG" above "SỞ CÔNG THƯƠNG") and the place before the date name the issuer's province, and
# move with it when the province merged (the issuer's change is then expected).
_PART_OF = {"parent": "issuer", "place": "issuer"}
# The kind of a province written before its name ("tỉnh", "thành phố", "TP."), at the end of
# the words before it.
_KIND_BEFORE = re.compile(r"(?:tỉnh|thành\s+phố|tp\.?)\s*$", re.IGNORECASE)


def _key(value: str | None) -> str:
    return "".join(fold(value or "").split())


def _value(h: Header, name: str) -> str | None:
    if name == "date":
        parts = h.date_parts
        return None if parts.day is None and parts.month is None and parts.year is None else str(parts)
    value = getattr(h, name)
    return None if value in (None, "") else " ".join(str(value).split())


def compare_headers(old: Header, new: Header, years: Years) -> tuple[HeaderField, ...]:
    """Each header field of the old and the new plan, with the kind of its change.

    >>> import datetime as dt
    >>> from plankit.model import Header, PartialDate
    >>> old = Header(number="12", symbol="KH-SCT", date_parts=PartialDate(7, 2, 2024), year=2024)
    >>> new = Header(number="15", symbol="KH-SCT", date_parts=PartialDate(10, 1, 2025), year=2025)
    >>> [(f.name, f.kind) for f in compare_headers(old, new, Years(2024, 2025))]
    [('number', 'expected'), ('symbol', 'same'), ('date', 'expected'), ('year', 'expected'), ('issuer', 'same'), ('signer', 'same')]
    """
    out = []
    shift = years.shift and years.delta is not None
    same_year = years.delta == 0  # two plans of one year: a new number and date are routine
    for name in FIELDS:
        a, b = _value(old, name), _value(new, name)
        if _key(a) == _key(b):
            out.append(HeaderField(name, a, b, "same"))
            continue
        kind, why = "substantive", "đổi (changed)"
        merged = _merged_province(a, b, new) if name == "issuer" else None
        if merged:
            kind, why = "expected", (f"{merged[0]} sáp nhập vào {merged[1]} từ 01/7/2025: cùng cơ quan (province "
                                     "merged: the same body)")
        elif name == "number":
            kind, why = "expected", ("số văn bản mới (a new document number)" if same_year
                                     else "số văn bản mới (a new number every year)")
        elif name == "year" and shift:
            kind, why = "expected", f"năm kế hoạch {years.old} → {years.new} (plan year)"
        elif name == "date" and shift:
            ya, yb = old.date_parts.year, new.date_parts.year
            if ya is None or yb is None or yb - ya == years.delta:
                kind, why = "expected", ("ngày ký mới (a new signing date)" if same_year
                                         else "ngày ký dời theo năm kế hoạch (date moved with the year)")
        elif a is None and name == "date":
            kind, why = "expected", "điền khi ký (filled in at signing)"
        elif name == "signer":
            # who signs is decided, never moved by the year: a signer that appears (the old copy
            # names none: cut before its signature, or read from a scan) is shown, not expected
            kind, why = "substantive", ("người ký mới: bản cũ không ghi người ký (a signer where the old plan names none)"
                                        if a is None else "đổi người ký (a new signer)")
        out.append(HeaderField(name, a, b, kind, why))
    return tuple(out)


def _merged_province(a: str | None, b: str | None, new: Header) -> tuple[str, str] | None:
    """``(old province, new province)`` when issuer ``b`` is issuer ``a`` with its province
    named as the province it merged into by the new plan's date (``Sở Công Thương tỉnh Hải
    Dương`` → ``Sở Công Thương thành phố Hải Phòng`` after 1 July 2025): the same body, renamed
    by the merger, not a new issuer. ``None`` otherwise.

    >>> import datetime as dt
    >>> new = Header(date=dt.date(2026, 1, 14))
    >>> _merged_province("Sở Công Thương tỉnh Hải Dương", "Sở Công Thương thành phố Hải Phòng", new)
    ('Hải Dương', 'Hải Phòng')
    >>> _merged_province("Sở Công Thương tỉnh Hải Dương", "Sở Tài chính thành phố Hải Phòng", new) is None
    True
    """
    day = new.date or (dt.date(new.year, 12, 31) if new.year else None)
    if not a or not b or day is None:
        return None
    pa, pb = find_places(a), find_places(b)
    if len(pa) != 1 or len(pb) != 1:
        return None
    (sa, ea, old), (sb, eb, prov) = pa[0], pb[0]
    if old.name == prov.name or province_on(old, day).name != prov.name:
        return None

    def rest(text: str, start: int, end: int) -> tuple[str, str]:
        return _key(_KIND_BEFORE.sub("", text[:start])), _key(text[end:])

    return (old.name, prov.name) if rest(a, sa, ea) == rest(b, sb, eb) else None


def field_at(header: Header, span: Span, text: str = "") -> str | None:
    """The header field that ``span`` lies in, or ``None``: an empty span touches it; a span
    with words (runs of letters and digits of ``text``, the plan's text) has every word inside
    it, so a change that runs from a field into the rest of the header (a whole header
    inserted where the old copy has none) lies in no field.

    >>> h = Header(number="288", spans=(("number", Span(4, 7)),))
    >>> field_at(h, Span(4, 7), "Số: 288/QĐ-BYT"), field_at(h, Span(0, 14), "Số: 288/QĐ-BYT")
    ('number', None)
    """
    fields = [(_PART_OF.get(name, name), s) for name, s in header.spans if _PART_OF.get(name, name) in FIELDS]
    if span.start == span.end:
        return next((name for name, s in fields if s.start <= span.start <= s.end), None)
    words = [(span.start + m.start(), span.start + m.end()) for m in _WORD.finditer(text[span.start : span.end])]
    if not words:
        return next((name for name, s in fields if s.overlaps(span)), None)
    found = None
    for start, end in words:
        name = next((name for name, s in fields if s.start <= start and end <= s.end), None)
        if name is None:
            return None
        found = found or name
    return found
