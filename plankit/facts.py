"""Plan facts: what every stage asks of a plan, answered once.

Cite, lint, graph, diff and draft all need the same few things about a plan: who issued it and
at which level, its province (on the map of its date and on the 2025 map), the day it speaks
for, its basis clauses, its closing sentence and where its parts begin and end. They are
computed here, once per plan, from what the reader found (:class:`~plankit.model.Header`, the
blocks and sections), and cached on the plan: ask ``plan.facts`` (or :func:`plan_facts`), never
re-derive them.

>>> from plankit import read_text
>>> plan = read_text("UBND TỈNH HẢI DƯƠNG\\nSỞ CÔNG THƯƠNG\\nSố: 181/KH-SCT\\n"
...                  "Hải Dương, ngày 07 tháng 02 năm 2022\\nKẾ HOẠCH\\n"
...                  "Tuyên truyền cải cách hành chính năm 2022\\n"
...                  "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2022 của UBND tỉnh;\\n"
...                  "I. MỤC ĐÍCH\\nTrên đây là Kế hoạch năm 2022 của Sở.")
>>> f = plan.facts
>>> f.issuer, f.level, f.province.name, f.province_2025.name, f.date, f.year, f.dated
('Sở Công Thương tỉnh Hải Dương', 'department', 'Hải Dương', 'Hải Phòng', datetime.date(2022, 2, 7), 2022, True)
>>> [c.opening for c in f.basis], f.closing.slice(plan.text)
(['Căn cứ'], 'Trên đây là Kế hoạch năm 2022 của Sở.')
>>> [name for name, _ in f.parts]
['opening', 'body', 'closing']
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .model import PartialDate, Plan, Span
from .places import Province, find_places, match_department, match_place, provinces
from .text import fold, is_upper_text, pickle_by_fields

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Header

__all__ = [
    "BASIS_START",
    "FIRST_HEADING",
    "LEVELS",
    "BasisClause",
    "PlanFacts",
    "basis_spans",
    "compute_facts",
    "issuer_level",
    "plan_facts",
    "province_2025",
]

#: The levels of the cascade, highest first. ``district`` and ``commune`` are local government
#: below the province (a city inside a province is a district-level unit); ``other`` is a body
#: plankit cannot place.
LEVELS = ("central", "party", "province", "department", "district", "commune", "other")


@pickle_by_fields
@dataclass(frozen=True, slots=True)
class BasisClause:
    """One clause of the legal basis: ``Căn cứ ...;``, ``Thực hiện ...``, a bullet under a
    basis heading. ``span`` covers the whole clause, wrapped lines included; ``opening`` is the
    word that opens it as written (``Căn cứ``, ``Thực hiện``, ``Triển khai``, ``Theo``) or
    ``-`` for a bullet of a basis list or section."""

    span: Span
    opening: str


@dataclass(frozen=True)
class PlanFacts:
    """The facts of one plan (see the module doc). Build with :func:`plan_facts` or read
    ``plan.facts``.

    Attributes:
        issuer: the issuing body as it should be read (``Sở Công Thương tỉnh Hải Dương``, ``Ủy ban nhân dân tỉnh
            Quảng Ngãi``, ``Bộ Y tế``), or ``None``.
        level: the issuer's level, one of :data:`LEVELS`.
        province: the plan's own province on the map of its date (place line, parent body,
            issuer, else the province its opening names most), or ``None`` for a central body.
        province_2025: the same province on the map after 2025-07-01 (its successor).
        date: the plan's date, ``None`` when the day is blank or unread.
        date_parts: day, month and year as read (blank parts ``None``).
        year: the plan's own year (from its subject, else its date).
        dated: whether ``date`` is known; when it is not, date-dependent judgements use
            ``year`` (see :attr:`earliest` and :attr:`latest`) and say so.
        basis: the basis clauses of the preamble (or of a ``CĂN CỨ`` section), in text order.
        closing: the closing sentence ``Trên đây là Kế hoạch ...``, or ``None``.
        parts: ``(name, span)`` for each part present, in text order: ``opening`` (header,
            subject, basis), ``body`` (the numbered sections), ``closing`` (closing sentence,
            recipients, signature), ``appendix``.
        chrome: spans of web page chrome the reader set apart (``boilerplate`` blocks).
        issued_plan: for a decision that issues a plan, the attached plan's subject
            (``tuyên truyền cải cách hành chính năm 2025``), else ``None``.
        issued_plan_year: that plan's own year, or ``None``.
        place_province: the province the place line names, exactly (``Hà Nội`` for a ministry
            too); ``None`` when it names none or names the issuing commune or district itself
            (``Đăk La``, ``Hòa Bình`` under ``UBND XÃ HÒA BÌNH``). Compare a place line with
            this, never with a loose match of ``header.place`` (``Đăk La`` is close to Đắk Lắk).
    """

    issuer: str | None
    level: str
    province: Province | None
    province_2025: Province | None
    date: dt.date | None
    date_parts: PartialDate
    year: int | None
    dated: bool
    basis: tuple[BasisClause, ...]
    closing: Span | None
    parts: tuple[tuple[str, Span], ...]
    chrome: tuple[Span, ...] = ()
    issued_plan: str | None = None
    issued_plan_year: int | None = None
    place_province: Province | None = None

    @cached_property
    def _basis_starts(self) -> list[int]:
        return [c.span.start for c in self.basis]

    @cached_property
    def _chrome_starts(self) -> list[int]:
        return [span.start for span in self.chrome]

    def in_chrome(self, offset: int) -> bool:
        """Whether ``offset`` lies in a web page's chrome (title, metadata table, related
        documents) that the reader set apart: nothing there belongs to the plan."""
        i = bisect_right(self._chrome_starts, offset) - 1
        return i >= 0 and self.chrome[i].start <= offset < self.chrome[i].end

    @property
    def earliest(self) -> dt.date | None:
        """The first day the plan can bear: its date, else the 1st of its month or 1 January of
        its year; ``None`` without a year (never today's date)."""
        if self.date is not None:
            return self.date
        year = self.date_parts.year or self.year
        if year is None:
            return None
        month = self.date_parts.month
        return dt.date(year, month, 1) if month and 1 <= month <= 12 else dt.date(year, 1, 1)

    @property
    def latest(self) -> dt.date | None:
        """The last day the plan can bear: its date, else the end of its month or year; ``None``
        without a year."""
        if self.date is not None:
            return self.date
        year = self.date_parts.year or self.year
        if year is None:
            return None
        month = self.date_parts.month
        if month and 1 <= month <= 12:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 12, 31)

    def in_basis(self, offset: int) -> bool:
        """Whether ``offset`` lies in a basis clause."""
        i = bisect_right(self._basis_starts, offset) - 1
        return i >= 0 and self.basis[i].span.start <= offset < self.basis[i].span.end

    def part(self, name: str) -> Span | None:
        """The span of part ``name`` (``opening``, ``body``, ``closing``, ``appendix``)."""
        return next((span for n, span in self.parts if n == name), None)

    def part_at(self, offset: int) -> str | None:
        """The name of the part holding ``offset``."""
        return next((n for n, span in self.parts if span.start <= offset < span.end), None)

    def to_dict(self) -> dict:
        """Plain values for JSON and tables."""
        return {
            "issuer": self.issuer,
            "level": self.level,
            "province": self.province.name if self.province else None,
            "province_2025": self.province_2025.name if self.province_2025 else None,
            "date": self.date.isoformat() if self.date else None,
            "year": self.year,
            "dated": self.dated,
            "basis": [{"start": c.span.start, "end": c.span.end, "opening": c.opening} for c in self.basis],
            "closing": {"start": self.closing.start, "end": self.closing.end} if self.closing else None,
            "parts": {n: {"start": s.start, "end": s.end} for n, s in self.parts},
        }

    def row(self) -> dict:
        """The facts as one flat row of plain values (a row of :meth:`to_frame`): issuer,
        level, provinces (on the map of the date, on the 2025 map, on the place line), date,
        year, dated, the first and last day the plan can bear, how many basis clauses, the
        closing sentence's start, the part names in order, the plan a decision issues."""
        def name(p: Province | None) -> str | None:
            return p.name if p else None

        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "issuer": self.issuer,
            "level": self.level,
            "province": name(self.province),
            "province_2025": name(self.province_2025),
            "place_province": name(self.place_province),
            "date": iso(self.date),
            "year": self.year,
            "dated": self.dated,
            "earliest": iso(self.earliest),
            "latest": iso(self.latest),
            "basis": len(self.basis),
            "closing": self.closing.start if self.closing else None,
            "parts": " ".join(n for n, _ in self.parts),
            "issued_plan": self.issued_plan,
            "issued_plan_year": self.issued_plan_year,
        }

    def to_frame(self) -> pd.DataFrame:
        """The facts as a one-row DataFrame (columns as :meth:`row`), so that a folder's facts
        stack: ``pd.concat([p.facts.to_frame() for p in corpus])``."""
        import pandas as pd

        row = self.row()
        return pd.DataFrame([row], columns=list(row))

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td style='text-align:left'>"
            f"{html.escape(str(v)) if v not in (None, '') else ''}</td></tr>"
            for k, v in self.row().items()
        )
        return f"<table>{cells}</table>"

    def __repr__(self) -> str:
        prov = self.province.name if self.province else None
        when = self.date.isoformat() if self.date else f"year {self.year} (undated)"
        return (f"PlanFacts({self.issuer!r}, {self.level}, {prov!r}, {when}, "
                f"{len(self.basis)} basis clauses)")


# -- issuer and level ------------------------------------------------------------------------------

# Folded issuer names by level, tested in order (the first that matches wins). Each must match
# the start of a folded, space-collapsed name. "van phong uy ban nhan dan" (the office of a
# province's UBND) is a department; "van phong chinh phu" and ministries are central.
_LEVEL_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("central", re.compile(r"^(bo\s|bo truong|thu tuong|chinh phu|van phong chinh phu|quoc hoi|vu\s|cuc\s|tong cuc\s|"
                           r"uy ban thuong vu quoc hoi|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao|"
                           r"kiem toan nha nuoc|ngan hang nha nuoc|uy ban quoc gia|"
                           r"(?:bao hiem xa hoi|thong tan xa|dai tieng noi|tong lien doan lao dong|hoi nong dan|"
                           r"hoi lien hiep phu nu) viet nam$)")),
    ("party", re.compile(r"^(ban chap hanh|bo chinh tri|ban bi thu|ban thuong vu|tinh uy|thanh uy|"
                         r"huyen uy|dang uy|dang bo|ban chi dao trung uong|ban tuyen giao|ban dan van|"
                         r"ban to chuc|uy ban kiem tra|uy ban (?:trung uong )?mat tran to quoc|tinh doan|thanh doan|huyen doan)")),
    ("commune", re.compile(r"^(uy ban nhan dan|hoi dong nhan dan|chu tich uy ban nhan dan) (xa|phuong|thi tran|dac khu)\b")),
    ("district", re.compile(r"^(uy ban nhan dan|hoi dong nhan dan|chu tich uy ban nhan dan) (huyen|quan|thi xa|thanh pho|thi tran)\b")),
    ("province", re.compile(r"^(uy ban nhan dan|hoi dong nhan dan|chu tich uy ban nhan dan)( tinh\b|$)")),
    ("department", re.compile(r"^(so|van phong|ban quan ly|ban |chi cuc|thanh tra|trung tam|cong an|bo chi huy|phong)\b")),
)


# A national body's branch in a province, a district or a region (folded): "bao hiem xa hoi tinh
# nghe an", "bao hiem xa hoi khu vuc xii", "ngan hang nha nuoc chi nhanh tinh ...", "lien doan lao
# dong tinh ...", "hoi nong dan huyen ...". A department of the province's level, not the body.
_NATIONAL_BRANCH = re.compile(
    r"^(?:bao hiem xa hoi|bhxh|ngan hang nha nuoc|nhnn|lien doan lao dong|hoi nong dan|hoi lien hiep phu nu|hoi cuu chien binh)"
    r" (?:chi nhanh )?(?:tinh|thanh pho|khu vuc|huyen|quan|thi xa|xa|phuong|thi tran|dac khu) \S"
)


# A mass organisation's branch below the province (folded), its executive committee's name
# ("Ban Chấp hành") optional: "hoi nong dan xa tan phu", "hoi lien hiep phu nu huyen dong phu",
# "hoi cuu chien binh phuong an khanh", "doan thanh nien xa ...", "uy ban mat tran to quoc viet
# nam xa ...", "lien doan lao dong huyen ...". It stands at the level of its unit (a commune's
# or a district's), as that unit's committee does; at the province's level a union's branch is
# a department and the Fatherland Front and the Youth Union are party bodies (the rules below).
_MASS_ORGANISATION_BELOW = re.compile(
    r"^(?:ban chap hanh )?(?:hoi nong dan|hoi lien hiep phu nu|hoi cuu chien binh|doan thanh nien|"
    r"doan tncs ho chi minh|lien doan lao dong|uy ban mat tran to quoc(?: viet nam)?|mat tran to quoc) "
    r"(?P<unit>xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho) (?P<name>\S.*)$"
)


@lru_cache(maxsize=4096)  # the same issuers recur from plan to plan
def _issuer_key(name: str) -> str:
    key = " ".join(fold(name).replace(".", ". ").split())
    key = re.sub(r"^(ctubnd|ct ubnd)\b", "chu tich uy ban nhan dan", key)
    key = re.sub(r"\bubnd\b", "uy ban nhan dan", key)
    key = re.sub(r"\bhdnd\b", "hoi dong nhan dan", key)
    return re.sub(r"\btp\. ?", "thanh pho ", key)


def issuer_level(issuer: str | None, symbol: str | None = None) -> str:
    """The level of an issuing body, from its name (else from the code of a document symbol).

    A city is a province only when it is one of the five centrally run cities (its name is a
    province's); any other ``thành phố`` (Bắc Ninh, Quảng Ngãi) is a district-level unit.

    >>> [issuer_level(n) for n in ("Bộ Y tế", "Thủ tướng Chính phủ", "Tỉnh ủy Bắc Ninh",
    ...  "Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND thành phố Cần Thơ", "UBND thành phố Bắc Ninh",
    ...  "Ủy ban nhân dân xã Long Phụng", "Sở Công Thương", "Văn phòng UBND tỉnh", "Vụ Pháp chế")]
    ['central', 'central', 'party', 'province', 'province', 'district', 'commune', 'department', 'department', 'central']
    >>> [issuer_level(n) for n in ("Hội Nông dân xã Tân Phú", "Hội Liên hiệp Phụ nữ huyện Đồng Phú", "Hội Nông dân tỉnh Long An")]
    ['commune', 'district', 'department']
    >>> issuer_level(None, "KH-UBND"), issuer_level(None, "QĐ-TTg"), issuer_level(None, "KH/BCĐTW")
    ('province', 'central', 'party')
    """
    if issuer:
        key = _issuer_key(issuer)
        dep = match_department(issuer)
        if dep is not None and key.startswith("so "):
            return "department"
        m = re.match(r"^(uy ban nhan dan|hoi dong nhan dan|chu tich uy ban nhan dan) thanh pho (.+)$", key)
        if m:
            city = match_place(m.group(2), cutoff=1.0)  # "Hồ Chí Minh", "Cần Thơ": its own names only
            centrally_run = city is not None and city.kind == "thành phố"
            return "province" if centrally_run else "district"
        m = _MASS_ORGANISATION_BELOW.match(key)
        if m and (m.group("unit") != "thanh pho" or match_place(m.group("name"), cutoff=1.0) is None):
            # "Hội Nông dân xã Tân Phú": a commune's; "... huyện Đồng Phú", "... thành phố Bà Rịa": a district's
            return "commune" if m.group("unit") in ("xa", "phuong", "thi tran", "dac khu") else "district"
        if _NATIONAL_BRANCH.match(key):  # "Bảo hiểm xã hội tỉnh Nghệ An": a province's branch
            return "department"
        for level, rule in _LEVEL_RULES:
            if rule.match(key):
                return level
    if symbol:
        code = re.split(r"[-/]", symbol)[-1] if "/" not in symbol else symbol.split("/", 1)[1]
        code = fold(code).upper().replace(" ", "")
        if code in ("TW", "TU", "HU", "DU") or code.startswith(("BCD", "BTV", "BCH")):
            return "party"
        if code in ("TTG", "CP", "VPCP") or code.startswith(("B", "QH")):
            return "central"
        if code in ("UBND", "HDND", "CTUBND"):
            return "province"
        if code.startswith("S"):
            return "department"
    return "other"


# -- province --------------------------------------------------------------------------------------


def province_2025(province: Province | None) -> Province | None:
    """The unit ``province`` belongs to on the map after 2025-07-01 (itself when kept).

    >>> province_2025(match_place("Hải Dương")).name, province_2025(match_place("Cần Thơ")).name
    ('Hải Phòng', 'Cần Thơ')
    """
    if province is None:
        return None
    seen = {province.name}
    current = province
    while current.successor and current.successor not in seen:
        nxt = next((p for p in provinces() if p.name == current.successor), None)
        if nxt is None:
            break
        seen.add(nxt.name)
        current = nxt
    return current


def _province(plan: Plan, level: str, opening_end: int) -> Province | None:
    h = plan.header
    if level == "central" or (level == "party" and _central_party(h)):
        # A ministry's or the Party centre's plan is national: "Hà Nội, ngày ..." is where
        # the body sits, not the plan's province.
        return None
    # The reader gives the place line as a province's name when it names one (OCR damage
    # already tolerated there); any other place (a commune, a district: "Đăk La", "Hà Tiên")
    # is kept as written and must not be matched loosely to a province again.
    own_unit = _own_unit_place(h)
    found = match_place(h.place, cutoff=1.0) if h.place and not own_unit else None
    if found is not None:
        return found
    for raw in (h.parent, h.issuer):
        if raw:
            found = match_place(raw, cutoff=0.9) if raw is not h.issuer else _named_province(raw)
            if found is not None:
                return found
    # No place line: the province the opening (header, subject, basis) names most, else the text
    # (not counting a commune's own name where it is also a province's: "UBND XÃ HÒA BÌNH").
    skip = [x for x in (h.span("issuer"), h.span("place")) if x is not None] if own_unit else []
    for lo, hi in ((0, opening_end), (0, len(plan.text))):
        counts = Counter(p.name for s, e, p in find_places(plan.text[lo:hi])
                         if not any(x.start < e + lo and s + lo < x.end for x in skip))
        if counts:
            name = counts.most_common(1)[0][0]
            return next(p for p in provinces() if p.name == name)
    return None


def _central_party(h: Header) -> bool:
    """Whether a party body is the Party's centre (``Ban Chấp hành Trung ương``, ``Ban Bí thư``,
    ``Ban Chỉ đạo Trung ương ...``, a symbol ending ``/TW`` or ``/BCĐTW``), not a province's."""
    for raw in (h.issuer, h.parent):
        if raw:
            key = _issuer_key(raw)
            if re.search(r"\btrung uong\b", key) or key.startswith(("bo chinh tri", "ban bi thu")):
                return True
    if h.symbol and "/" in h.symbol:
        code = fold(h.symbol.split("/", 1)[1]).upper()
        return code in ("TW", "BCDTW") or code.endswith("TW")
    return False


def _own_unit_place(h: Header) -> bool:
    """Whether the place line names the issuing commune or district itself (``Hòa Bình, ngày
    ...`` under ``UBND XÃ HÒA BÌNH``), not its province. A city's name is its province's when it
    is one (``UBND THÀNH PHỐ BẮC NINH`` at ``Bắc Ninh``: the city inside its province)."""
    if not h.place or not h.issuer:
        return False
    m = re.search(r"\b(xa|phuong|thi tran|dac khu|huyen|quan|thi xa)\s+(.+)$", _issuer_key(h.issuer))
    return m is not None and m.group(2) == " ".join(fold(h.place).split())


def _named_province(issuer: str) -> Province | None:
    """The province in ``Ủy ban nhân dân tỉnh Quảng Ngãi``, ``Sở Tư pháp tỉnh Bắc Kạn``."""
    m = re.search(r"\b(tinh|thanh pho)\s+(.+)$", _issuer_key(issuer))
    return match_place(m.group(2), cutoff=0.9) if m else None


# -- basis, closing, parts -------------------------------------------------------------------------

# A basis paragraph of the preamble starts a line with "Căn cứ", "Thực hiện" or "Theo" (OCR
# "Can ctr", "Can ctt"), after blank lines and optional markup ("**", "- ", tabs).
# Must match "\ncan cu ", "\n\ncan ctr ", "\n**thuc hien ", "\ntheo ". Must not match "canh ",
# "can bo" (cán bộ), or "căn cứ" inside a sentence.
BASIS_START = re.compile(r"(?:^|\n)[ \t\n>*_\-]*(?P<word>can[ \t]+c(?:u|tr|tt|r|t)|thuc[ \t]+hien|theo)(?![a-z])")

# The first Roman-numbered heading ends the preamble: "I. MỤC ĐÍCH", "## **I. MỤC TIÊU",
# "\tI. MỤC ĐÍCH". Must not match "I." inside a sentence.
FIRST_HEADING = re.compile(r"(?:^|\n)[ \t#*_]*i[.)][ \t]+\S")

_OPENING = re.compile(r"[\s\-–•*+>]*(can\s+c\w{1,2}|thuc\s+hien|trien\s+khai(?:\s+thuc\s+hien)?|theo|xet)\b")
# What opens a clause of its own in a basis list: a basis word, a bullet, a number, a document's name.
_ITEM_START = re.compile(r"[\s*]*(?:[-–•+>]|\d{1,2}\s*[.)]|[a-gđ]\)|(?:can\s+c\w{1,2}|thuc\s+hien|trien\s+khai|theo|xet|luat|bo\s+luat|"
                         r"nghi\s+(?:quyet|dinh)|quyet\s+dinh|chi\s+thi|thong\s+tu|ke\s+hoach|chuong\s+trinh|ket\s+luan|"
                         r"quy\s+dinh|thong\s+bao|cong\s+van|van\s+ban|to\s+trinh|huong\s+dan)\b)")
_OPENING_NAMES = {"can": "Căn cứ", "thuc": "Thực hiện", "trien": "Triển khai", "theo": "Theo", "xet": "Xét"}


def basis_spans(text: str, folded: str | None = None, start: int = 0) -> list[tuple[int, int]]:
    r"""Basis paragraphs of a text with no structure read (a string, a news post): the first run
    of paragraphs opening with Căn cứ / Thực hiện / Theo before the first Roman heading.

    A paragraph ends at a blank line or at a line break after ``.``, ``;`` or ``:``, so a clause
    wrapped over lines stays whole.

    >>> t = "Căn cứ Nghị quyết 76/NQ-CP\nngày 15/7/2021;\nThực hiện Kế hoạch 1/KH-UBND;\nI. MỤC ĐÍCH"
    >>> [t[s:e] for s, e in basis_spans(t)]
    ['Căn cứ Nghị quyết 76/NQ-CP\nngày 15/7/2021;', 'Thực hiện Kế hoạch 1/KH-UBND;']

    ``start`` skips what comes before it (a header and a subject such as ``Thực hiện chuyển
    đổi số năm 2023``, which opens as a clause does).
    """
    scan = fold(text) if folded is None else folded
    heading = FIRST_HEADING.search(scan, start)
    limit = heading.start() if heading else len(scan)
    spans: list[tuple[int, int]] = []
    m = BASIS_START.search(scan, start, limit)
    while m is not None and text[m.start("word")].islower():  # a wrapped line, not a clause
        m = BASIS_START.search(scan, m.end(), limit)
    while m is not None:
        start = m.start("word")
        end = _paragraph_end(text, start, limit)
        spans.append((start, end))
        m = BASIS_START.match(scan, end, limit) if end < limit else None
        if m is not None and text[m.start("word")].islower():
            m = None
    if not spans:
        # Text flattened onto one line (a PDF or .doc extraction): "... BỘ TRƯỞNG BỘ Y TẾ Căn cứ
        # Nghị định ...; Căn cứ Nghị quyết ...; QUYẾT ĐỊNH:". A clause opens after a capital
        # word, a semicolon or a full stop (never after a small letter: "làm căn cứ"), and
        # ends at its semicolon or full stop.
        stop = _DECIDES.search(scan, start, limit)
        hi = stop.start() if stop else limit
        for c in _INLINE_BASIS.finditer(scan, start, hi):
            at = c.start("word")
            before = text[max(0, at - 3) : at].rstrip()
            if before and before[-1].isalpha() and before[-1].islower():
                continue
            end = text.find(";", at, hi)
            dot = text.find(". ", at, hi)
            ends = [x for x in (end, dot) if x != -1]
            spans.append((at, (min(ends) + 1) if ends else hi))
    if not spans:
        # A post says it in a sentence: "Việc ban hành Kế hoạch này căn cứ vào Nghị quyết ...;
        # Quyết định ...": from "căn cứ vào" to the end of the sentence.
        v = _BASED_ON.search(scan, start, limit)
        if v is not None:
            end = _SENTENCE_END.search(text, v.end(), limit)
            spans.append((v.start(), end.start() + 1 if end else limit))
    return spans


# "Căn cứ" opening a clause inside a flattened line (see basis_spans).
_INLINE_BASIS = re.compile(r"(?<![a-z])(?P<word>can\s+cu)(?!\s+vao)(?![a-z])")
# Where a decision's preamble ends: "QUYẾT ĐỊNH:", "Điều 1".
_DECIDES = re.compile(r"quyet\s+dinh\s*:|(?<![a-z])dieu\s+1[.:]")
# "căn cứ vào" inside a sentence (a news post restating a plan's basis). Not "làm căn cứ".
_BASED_ON = re.compile(r"(?<![a-z])can\s+cu\s+vao(?![a-z])")
# A sentence end: a full stop before white space and a capital, or a blank line.
_SENTENCE_END = re.compile(r"\.(?=\s+[^\W\d_a-zà-ỹđ])|\n[ \t]*\n")


def _paragraph_end(text: str, start: int, limit: int) -> int:
    pos = start
    while pos < limit:
        nl = text.find("\n", pos, limit)
        if nl == -1:
            return limit
        before = text[pos:nl].rstrip()
        if not before or before[-1] in ".;:" or text[nl + 1 : nl + 80].lstrip(" \t").startswith("\n"):
            return nl
        pos = nl + 1
    return limit


# A purpose clause that names its ground: "Để triển khai ... theo Quyết định số ...", "Nhằm
# thực hiện Nghị quyết ...". Group ``word``: the ground word, followed within four words by a
# document's type. Must not match "Để đảm bảo ... theo quy định" (no document).
_PURPOSE = re.compile(r"[\s*\-]*(?:de|nham)\s")
_GROUND = re.compile(
    r"(?<![a-z])(?P<word>theo|thuc\s+hien|trien\s+khai|can\s+cu)\s+(?:[a-z]+\s+){0,4}?"
    r"(?:nghi\s+quyet|nghi\s+dinh|quyet\s+dinh|chi\s+thi|ke\s+hoach|ket\s+luan|thong\s+tu|"
    r"cong\s+van|van\s+ban|chuong\s+trinh|huong\s+dan|thong\s+bao|luat)(?![a-z])"
)


def _purpose_clauses(plan: Plan, lo: int, hi: int) -> list[tuple[int, int]]:
    """The purpose paragraphs of the preamble that name their ground (``Để xây dựng ... theo
    Chỉ thị số 12/CT-TTg ..., UBND tỉnh yêu cầu ...``): each from its ground word to its end.
    Only paragraphs between the subject and the body, before any other paragraph."""
    out = []
    for b in plan.blocks:
        if b.span.start < lo or b.kind in ("header", "doc-type", "subject", "boilerplate", "basis"):
            continue
        if b.span.start >= hi or b.kind != "paragraph":
            break
        folded = fold(b.text)
        g = _GROUND.search(folded) if _PURPOSE.match(folded) else None
        if g is None:
            break
        out.append((b.span.start + g.start("word"), b.span.end))
    return out


# A paragraph that opens a clause of the basis: "Căn cứ", "Thực hiện", "Triển khai", "Theo".
_CLAUSE_LINE = re.compile(r"[\s*\-–•+]*(?:can\s+c\w{1,2}|thuc\s+hien|trien\s+khai|theo)\b")


def _wrapped_run(plan: Plan, spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """The run of basis clauses the reader found, with the printed lines it cut from them.

    A PDF or a portal wraps a clause anywhere; a wrapped line that starts with a capital
    (``Chương trình tổng thể ...``, ``Quy chế phát ngôn ...``) or that follows a semicolon inside
    a clause (``... pháp luật;`` / ``hòa giải ở cơ sở; ...``) reads as a paragraph of its own,
    and the clauses after it as the body. Within the opening, a paragraph right under a clause
    goes on with it when the clause has not ended (no ``;``, ``.`` or ``:``) or when it starts
    with a small letter; one that opens with ``Căn cứ``, ``Thực hiện``, ``Triển khai`` or
    ``Theo`` under a clause ended by ``;`` is the next clause. Anything else ends the run."""
    if not spans:
        return spans
    starts = {s for s, _ in spans}
    first = spans[0]
    run: list[tuple[int, int]] = []
    text = plan.text
    seen_first = False
    for b in plan.blocks:
        if b.span.start < first[0]:
            continue
        if not seen_first:
            seen_first = True
            if b.span.start != first[0]:
                run.append(first)  # the first clause starts inside a block (a subject ran into it)
        if run and b.span.start < run[0][1] and b.span.start not in starts:
            continue
        if b.span.start in starts:
            run.append((b.span.start, b.span.end))
            continue
        if not run or b.span.start >= limit or b.kind != "paragraph":
            break
        gap = text[run[-1][1] : b.span.start]
        if gap.strip() or gap.count("\n") > 1:
            break
        raw = b.text.lstrip(" \t*")
        last = text[run[-1][0] : run[-1][1]].rstrip(" \t*")[-1:]
        if last not in (";", ".", ":") or raw[:1].islower():
            run[-1] = (run[-1][0], b.span.end)
        elif last == ";" and raw[:1].isupper() and _CLAUSE_LINE.match(fold(raw)) and not is_upper_text(raw):
            run.append((b.span.start, b.span.end))
        else:
            break
    covered = run[-1][1] if run else first[0]
    return run + [(s, e) for s, e in spans if s >= covered]


def _after_subject(plan: Plan, after: int) -> tuple[int, int] | None:
    """The clause that a subject flattened onto one line with it runs into: the reader ends the
    subject at its year (``... cơ sở năm 2022``) and the rest of its block (``Căn cứ Nghị định
    ...;``) is a basis clause."""
    block = next((b for b in plan.blocks if b.kind in ("subject", "doc-type") and b.span.start < after < b.span.end), None)
    if block is None:
        return None
    m = _CLAUSE_LINE.match(fold(plan.text[after : block.span.end]))
    if m is None:
        return None
    start = after + len(plan.text[after : block.span.end]) - len(plan.text[after : block.span.end].lstrip(" \t\n*-–•+"))
    return (start, block.span.end)


def _basis(plan: Plan, body_start: int | None = None) -> tuple[BasisClause, ...]:
    spans = [(b.span.start, b.span.end) for b in plan.blocks if b.kind == "basis"]
    subject = plan.header.span("title")
    after = subject.end if subject is not None else 0
    rest = _after_subject(plan, after)
    if rest is not None:  # a clause the subject ran into ("... năm 2022 Căn cứ ..."): the first
        spans = sorted([rest, *spans])
    if spans:
        spans = _wrapped_run(plan, spans, body_start if body_start is not None else len(plan.text))
    else:
        spans = basis_spans(plan.text, start=after)
    if body_start is not None and not any(s < body_start for s, _ in spans):
        spans += _purpose_clauses(plan, after, body_start)
    out: list[BasisClause] = []
    for start, end in sorted(spans):
        prev = out[-1].span if out else None
        if (prev is not None and not plan.text[prev.end : start].strip()
                and plan.text[prev.start : prev.end].rstrip()[-1:] not in (";", ".", ":")
                and (plan.text[start : start + 1].islower() or not _ITEM_START.match(fold(plan.text[start : start + 40])))):
            # the next printed line of a wrapped clause ("... của Thủ tướng" / "Chính phủ;"): one clause
            out[-1] = BasisClause(Span(prev.start, end), out[-1].opening)
            continue
        m = _OPENING.match(fold(plan.text[start : min(end, start + 60)]))
        opening = _OPENING_NAMES[m.group(1).split()[0]] if m else "-"
        out.append(BasisClause(Span(start, end), opening))
    return tuple(out)


def _parts(plan: Plan, closing: Span | None) -> tuple[tuple[str, Span], ...]:
    n = len(plan.text)
    appendix = next((s.span.start for s in plan.sections if s.number == "PHỤ LỤC"), None)
    body_sections = [s for s in plan.sections if s.number != "PHỤ LỤC"]
    body_start = body_sections[0].span.start if body_sections else None
    tail_kinds = ("closing", "recipients", "signature")
    tail_start = next((b.span.start for b in plan.blocks if b.kind in tail_kinds
                       and (body_start is None or b.span.start >= body_start)
                       and (appendix is None or b.span.start < appendix)), None)
    end_all = appendix if appendix is not None else n
    parts: list[tuple[str, Span]] = []
    opening_end = body_start if body_start is not None else (tail_start if tail_start is not None else end_all)
    if opening_end > 0:
        parts.append(("opening", Span(0, opening_end)))
    if body_start is not None:
        parts.append(("body", Span(body_start, tail_start if tail_start is not None else end_all)))
    if tail_start is not None:
        parts.append(("closing", Span(tail_start, end_all)))
    if appendix is not None:
        parts.append(("appendix", Span(appendix, n)))
    return tuple(parts)


def plan_facts(plan: Plan) -> PlanFacts:
    """The facts of ``plan``, computed once per plan (the same value as ``plan.facts``).

    >>> from plankit import read_plan
    >>> f = plan_facts(read_plan("plans/can-tho/2025-so-khcn.ocr.txt"))
    >>> f.issuer, f.level, f.province.name, f.date, f.year
    ('Sở Khoa học và Công nghệ thành phố Cần Thơ', 'department', 'Cần Thơ', datetime.date(2025, 1, 21), 2025)
    """
    if isinstance(plan, Plan):
        return plan.analysis("facts")
    return compute_facts(plan)  # an object that only looks like a plan (see plankit.read.as_plan)


def _level(h: Header) -> str:
    """The level of the plan's issuer: by its name; a unit its name does not place (a school,
    a hospital) stands at its parent's level, under a committee as a department does; else by
    the symbol's code."""
    level = issuer_level(h.issuer)
    if level == "other" and h.parent:
        above = issuer_level(h.parent)
        level = "department" if above in ("province", "district", "commune") else above
    return issuer_level(h.issuer, h.symbol) if level == "other" else level


def compute_facts(plan: Plan) -> PlanFacts:
    """The facts of ``plan``, computed afresh: what :func:`plan_facts` and ``plan.facts``
    compute once per plan and keep (``import plankit`` registers this function with
    :func:`plankit.model.register_analysis`).

    >>> from plankit import read_text
    >>> compute_facts(read_text("UBND TỈNH HẢI DƯƠNG\\nSỞ CÔNG THƯƠNG\\nKẾ HOẠCH")).level
    'department'
    """
    h: Header = plan.header
    level = _level(h)
    closing_block = next((b for b in plan.blocks if b.kind == "closing"), None)
    closing = closing_block.span if closing_block else None
    parts = _parts(plan, closing)
    opening = next((s for n, s in parts if n == "opening"), Span(0, min(len(plan.text), 3000)))
    province = _province(plan, level, opening.end)
    return PlanFacts(
        issuer=h.issuer,
        level=level,
        province=province,
        province_2025=province_2025(province),
        date=h.date,
        date_parts=h.date_parts,
        year=h.year,
        dated=h.date is not None,
        basis=_basis(plan, next((s.start for n, s in parts if n in ("body", "closing", "appendix")), len(plan.text))),
        closing=closing,
        parts=parts,
        chrome=tuple(b.span for b in getattr(plan, "blocks", ()) if b.kind == "boilerplate"),
        issued_plan=h.issued_plan[0] if h.issued_plan else None,
        issued_plan_year=h.issued_plan[1] if h.issued_plan else None,
        place_province=match_place(h.place, cutoff=1.0) if h.place and not _own_unit_place(h) else None,
    )
