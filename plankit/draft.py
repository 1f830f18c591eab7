"""Draft next year's plan from last year's.

:func:`draft_plan` rolls a plan forward: a new :class:`~plankit.model.Plan` (``draft=True``)
whose self-referential years, basis, agency names and typos are brought up to date, with a
:class:`~plankit.model.Todo` for everything the officer must still decide.

The draft is written in the order :func:`plankit.parts.plan_parts` gives, the order
:mod:`plankit.render` writes any plan in; render the draft with :func:`plankit.render_docx` or
:func:`plankit.render_markdown`. :func:`todo_html` (the to-do list in a notebook) and
:func:`place_date` are importable from here too.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .display import todo_html
from .draft_sources import (
    DEBRIS,
    MARKDOWN_MARKS,
    Reference,
    as_date,
    basis_line,
    cites_basis,
    first_line_title,
    last_years_plan,
    yearly_report,
)
from .draft_todos import DISTRICT_GROUP, MSG
from .errors import PlankitError
from .issuing import (
    PARTY_TITLE,
    YOUTH_TITLE,
    became_city,
    city_renames,
    doc_type_of_symbol,
    fallback_symbol,
    header_bodies,
    is_letter,
    number_line,
    own_place,
    party_layout,
    party_renames,
    printed_issuer,
    provincial_parent,
    seat_of,
    signer_hint,
    signer_titles_table,
    with_place,
    youth_layout,
)
from .lint.fixes import apply_edits, choose_edits
from .model import Citation, Edit, PartialDate, Plan, Span, Todo
from .parts import (
    Item,
    clean_recipient,
    place_date,
    plan_parts,
    signature_titles,
    written_day,
    written_month,
)
from .places import MERGER_DAY, cell_name
from .text import fold, nfc, one_line
from .years import SCHEDULE_RE

__all__ = [
    "draft_plan",
    "place_date",
    "signer_hint",
    "todo_html",
]

_signer_titles = signer_titles_table  # the name tests/test_draft_issuers.py knows

# ==============================================================================================
# Drafting next year's plan
# ==============================================================================================

# Which years roll forward. The shared vocabulary (what is the plan's own year, a date, a
# period, a schedule) is in plankit/years.py; the drafter keeps a reading of its own, on purpose:
# it reads restored, flattened pieces (no OCR forms), and it does not ask "is this the plan's own
# year?" but "by how much does this year move?": every "năm P" moves to the new year (even "đến
# năm P"), "năm P-1" moves to Y when self-referential and to Y-1 otherwise ("kết quả năm 2024"),
# schedules move too. The patterns below differ from their years.py counterparts where noted;
# making them equal would change which years a draft moves.

# "năm 2025" (any case, OCR'd "nam"): the years a plan speaks of itself in. Unlike
# years.YEAR_RE: no OCR forms ("nim"), white space required, any four digits.
_YEAR_RE = re.compile(r"\bnam\s+(\d{4})\b")
# What makes a "năm X" the plan's own year rather than another: the plan or its programme named
# earlier in the clause ("Kế hoạch ... năm X"), or a word that ties the year to this year's work
# ("Trong năm X", "CCHC năm X", "hành chính năm X", "tuyên truyền năm X", "kinh phí năm X").
# Wider than years.PLAN_BEFORE_RE / TRONG_BEFORE_RE / CCHC_BEFORE_RE ("chương trình", "kinh phí
# năm X"); stopped by a digit or any sentence mark, not by the words "số"/"ngày" (cited
# documents' regions are protected separately, see Rewriter.regions). Only asked about "năm
# P-1": the one year whose move depends on it.
_SELF_REF = re.compile(
    r"(?:\b(?:ke hoach|chuong trinh)\b[^.;:!?\d]{0,200}"
    r"|\b(?:trong|cchc|\(cchc\)|chinh|nuoc|truyen|hien|phi|tac|hoi)\s+)$"
)
# A date, not a year of work: "ngày 27 tháng 12 năm 2021", "tháng 01 năm 2025". Stricter than
# years.DATE_BEFORE_RE (which also takes OCR "thdng", "tháng 12, năm"): searched in the 14
# characters before "năm".
_DATE_BEFORE = re.compile(r"\bthang\s+\d{1,2}\s+$")
# The end of a range of years after "năm 2019": " - 2020", "–2020".
_RANGE_END = re.compile(r"\s*[-\u2013\u2014]\s*(\d{4})\b")
# A target in a subject: "Chiến lược phát triển văn hóa đến năm 2030", "tầm nhìn năm 2045" (the
# words before "năm"). A subject's year after the plan's own is a target when so introduced.
_TARGET_BEFORE = re.compile(r"\b(?:den|tam\s+nhin(?:\s+den)?)\s+$")
# A period of a programme: "giai đoạn 2021-2025", "giai đoạn 2021 – 2025". Like years.PERIOD_RE
# but any four digits and a word boundary after the second year ("giai đoạn 2021-2025của" is not
# one here).
_PERIOD_RE = re.compile(r"\bgiai\s+doan\s+(\d{4})\s*[-\u2013\u2014]\s*(\d{4})\b")
# The sentence that ends the basis saying who issues the plan ("..., Sở Công Thương xây dựng
# Kế hoạch ... năm 2021, cụ thể như sau:", "..., Chủ tịch UBND tỉnh ban hành Kế hoạch ... như
# sau:"), said by a body or the head who signs for it: its years are the plan's own (body).
_INTRO_AGENT = (
    r"(?:so|ubnd|uy\s+ban|hdnd|hoi\s+dong|ban|van\s+phong|trung\s+tam|chi\s+cuc|tong\s+cuc|cuc"
    r"|bo(?!\s+(?:sung|phan|tri|may)\b)|chinh\s+phu|thu\s+tuong|chu\s+tich|pho\s+chu\s+tich|giam\s+doc"
    r"|truong\s+ban|chanh\s+van\s+phong|thuong\s+truc|(?:dang|tinh|thanh|huyen|xa)\s+uy"
    # any other body that issues a plan: a Phòng, a school, a hospital, a station, a mass
    # organisation, a company, or the plan's own words for itself ("đơn vị", "cơ quan")
    r"|phong|truong|nha\s+truong|benh\s+vien|vien|hoc\s+vien|dai|cong\s+an|thanh\s+tra|hoi|doan"
    r"|lien\s+doan|chi\s+nhanh|cong\s+ty|tong\s+cong\s+ty|ban\s+quan\s+ly|don\s+vi|co\s+quan)"
)
# The sentence may open with its purpose instead ("để thực hiện tốt Kế hoạch ... năm 2023, Sở
# Nội vụ đề ra nội dung như sau:", "nhằm triển khai có hiệu quả Kế hoạch ..."): the whole
# sentence is the intro.
_INTRO_PURPOSE = r"(?:de|nham)\s+(?:thuc\s+hien|trien\s+khai|cu\s+the\s+hoa)\b[^;]{0,160}?\bke\s+hoach\b"
# A purpose before the body that speaks goes with the sentence ("...; để triển khai có hiệu quả, Sở ...").
_INTRO_LEAD = r"(?:(?:de|nham)\s[^;,.:]{0,100},\s*)?"
# The verb that issues the plan ("xây dựng", "ban hành", "triển khai thực hiện Kế hoạch").
_INTRO_VERB = r"\b(?:xay\s+dung|ban\s+hanh|trien\s+khai|de\s+ra)(?:\s+(?:thuc\s+hien|va\s+ban\s+hanh))?\s+(?:ke\s+hoach|noi\s+dung)\b"
# How it ends: "như sau:", "sau đây:", "với các nội dung sau:", a colon; after a semicolon also a
# full stop ("...; Sở Nội vụ xây dựng Kế hoạch năm 2025."): after a comma, a cited letter's words.
INTRO_RE = re.compile(
    rf"(?:(?P<semi>;)|[,.])\s*(?P<intro>{_INTRO_LEAD}(?:{_INTRO_AGENT}\b[^;]{{0,120}}?|{_INTRO_PURPOSE}[^;]*?)"
    rf"{_INTRO_VERB}(?:.*(?:nhu\s+sau|sau\s+day)\s*:?|[^;]*\bsau\s*:|[^;]*:|(?(semi)[^;]*\.|(?!)))\s*)$",
    re.S,
)
# The closing's opening words, also as OCR and restoration leave them ("Trên đầu là").
_CLOSING_OPEN = re.compile(r"^tren\s+d\w{1,3}\s+la\b")
# Where a citation's clause ends: its subject runs to a semicolon, a full stop, a colon, a
# paragraph break, or the comma before "Sở ... xây dựng Kế hoạch" (the plan speaking of itself).
_CLAUSE_END = re.compile(
    r"[;:]|\.(?=\s|$)|\n\s*\n"
    r"|,\s+(?=(?:Sở|UBND|HĐND|(?:Ủy|Uỷ) ban|Hội đồng|Văn phòng|Trung tâm|Chi cục|Tổng cục|Cục|Ban|Bộ"
    r"|Chính phủ|Thủ tướng|Chủ tịch|Phó Chủ tịch|Giám đốc|Trưởng ban|Chánh Văn phòng|Thường trực"
    r"|Đảng (?:ủy|uỷ)|(?:Tỉnh|Thành|Huyện|Xã) (?:ủy|uỷ)|[Pp]hòng|[Tt]rường|[Nn]hà trường|[Bb]ệnh viện"
    r"|[Vv]iện|[Hh]ọc viện|[Đđ]ài|[Cc]ông an|[Tt]hanh tra|[Hh]ội|[Đđ]oàn|[Ll]iên đoàn|[Cc]hi nhánh"
    r"|[Cc]ông ty|[Tt]ổng công ty|[Bb]an quản lý|[Đđ]ơn vị|[Cc]ơ quan)"
    r"(?:\s[^,;]{0,80}?)?\s(?:xây dựng|ban hành|triển khai|đề ra)\s"
    # or a purpose ("để thực hiện tốt Kế hoạch ... năm 2023"): a new clause, whose years are the plan's own
    r"|(?:[Đđ]ể|[Nn]hằm)\s+(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá)\s[^,;.]{0,120}?\b[Kk]ế hoạch\b)"
)
# The date after a document's own number: " ngày 24 tháng 7 năm 2025", ", ngày 24/7/2025".
_OWN_DATE = re.compile(r"\s*,?\s*(?P<date>ngày\s+\d{1,2}\s*(?:tháng\s+\d{1,2}\s+năm\s+\d{4}|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}))")
_DOC_WORDS = ("ke hoach", "quyet dinh", "nghi quyet", "chi thi", "chuong trinh", "thong tu",
              "nghi dinh", "cong van", "huong dan", "thong bao", "luat", "van ban")


@dataclasses.dataclass
class _Piece:
    """Rewritten text with its to-dos as (start, end, kind, message) relative to the text."""

    text: str
    todos: list[tuple[int, int, str, str]]


def _flatten(raw: str) -> tuple[str, list[int]]:
    """White space collapsed, and a document number broken over a line (``76/NQ-`` newline
    ``CP``) joined; with the map from each offset of ``raw`` (and its end) to the flat text.

    >>> _flatten("  Nghị quyết 76/NQ-\\n CP  ngày")[0]
    'Nghị quyết 76/NQ-CP ngày'
    """
    out: list[str] = []
    omap = [0] * (len(raw) + 1)
    i, n = 0, len(raw)
    while i < n and raw[i].isspace():
        i += 1
    while i < n:
        if raw[i].isspace():
            j = i
            while j < n and raw[j].isspace():
                j += 1
            token = "".join(out[-24:]).rsplit(" ", 1)[-1]
            joined = "\n" in raw[i:j] and token.endswith(("-", "/")) and re.search(r"\d/", token)
            for k in range(i, j):
                omap[k] = len(out)
            if j < n and not joined:
                out.append(" ")
            i = j
        else:
            omap[i] = len(out)
            out.append(raw[i])
            i += 1
    omap[n] = len(out)
    return "".join(out), omap


def _apply(text: str, edits: list[Edit], marks: list[tuple[int, int, str, str]]) -> _Piece:
    """Apply the edits through lint's engine (:func:`plankit.lint.fixes.apply_edits`:
    non-overlapping, earlier ones win) and move the marks with the text."""
    out, shifts = apply_edits(text, edits)

    def move(x: int, end: bool) -> int:
        d = 0
        for os_, oe, ns, ne in shifts:
            if x < os_ or (x == os_ and not end and os_ != oe):
                break
            if x < oe or (end and x == oe):
                return ne if end else ns
            d = ne - oe
        return x + d

    todos = [(move(s, False), move(e, True), k, m) for s, e, k, m in marks]
    return _Piece(out, todos)


class Rewriter:
    """Brings pieces of last year's text up to date for ``year`` and day ``on``."""

    def __init__(self, prev: Plan, *, year: int, on: dt.date, province: str | None,
                 replacements: Mapping[str, str] | None, issued: PartialDate | None = None,
                 number: str | None = None):
        self.prev = prev
        # The new document's own number and date, for the places its text cites itself ("Kèm
        # theo Quyết định số 1589/QĐ-TTg ngày 24 tháng 7 năm 2025" over an attached plan).
        self.issued = issued or PartialDate(None, on.month, on.year)
        self.number = number
        self.selves = [c for c in prev.citations if c.role == "self" and not c.implicit]
        self.text = prev.text
        self.folded = fold(prev.text)
        self.year = year
        self.plan_year = prev.year or (prev.header.date_parts.year or year - 1)
        self.own_symbol = prev.header.symbol  # a basis with this symbol is the body's own plan
        self.on = on
        self.province = province
        self.to_city = became_city(prev.header.place, province)  # "UBND tỉnh" is the city's now
        self.replacements = [(nfc(k), nfc(v)) for k, v in (replacements or {}).items() if k]
        self.reference: Reference | None = None  # set by draft_plan for an OCR'd plan
        # The linter's safe fixes, by their surface, so that the subject, the header and table
        # cells are corrected too: misspellings and doubled words ("tuyên tuyền", "cơ chế chế"),
        # and, the plan judged on the new plan's day, the agency names that changed since.
        from .lint import lint_plan

        found = lint_plan(prev, on=on)
        # Every other safe fix (a stray space in a symbol "164/TTr- SKHCN", spacing around
        # punctuation, "Việt nam", a date's leading zero) by its place in the previous text.
        self.edits = sorted((e for f in found if f.fix is not None and f.fix.safe
                             and f.rule not in ("known-typo", "duplicated-word", "stale-agency")
                             for e in f.fix.edits), key=lambda e: (e.start, e.end))
        fixes = {(f.rule == "stale-agency", " ".join(f.surface.split())): f.fix.edits[0].replacement
                 for f in found if f.fix is not None and f.fix.safe and len(f.fix.edits) == 1}
        self.fixes = {surface: new for (stale, surface), new in fixes.items() if not stale}
        self.renames: dict[str, str | None] = {surface: new for (stale, surface), new in fixes.items() if stale}
        # A stale name the linter leaves to the officer (the district level, gone: a to-do; a
        # body merged into the plan's own issuer: its successor, so the recipient goes); the
        # values the reader rebuilt (the issuer, the recipients) are looked up the same way.
        from .agencies import stale_names

        self.stale_names = stale_names
        for f in found:
            surface = " ".join(f.surface.split())
            if f.rule == "stale-agency" and f.fix is None and surface not in self.renames:
                gone = next(iter(stale_names(surface, on, province=province)), None)
                if gone is not None and (gone.start, gone.end) == (0, len(surface)):
                    self.renames[surface] = gone.new
        cites = sorted((c for c in prev.citations if c.role != "self"), key=lambda c: c.span.start)
        self.regions: list[tuple[Span, Citation]] = []
        for i, c in enumerate(cites):
            limit = cites[i + 1].span.start if i + 1 < len(cites) else len(self.text)
            self.regions.append((self._region(c, limit), c))

    def _body_of(self, c: Citation) -> str:
        """Who issued ``c``, for a to-do: its issuer, else the plan's own body when ``c`` bears the
        plan's own symbol (``64/KH-BTV`` in a plan ``77/KH-BTV``), else a body above it."""
        if c.issuer:
            return c.issuer
        return "chính cơ quan ban hành" if c.symbol and c.symbol == self.own_symbol else "cấp trên"

    def _region(self, c: Citation, limit: int) -> Span:
        """The citation with its type word before it and its subject after it."""
        if c.implicit:
            return c.span
        lo = max(0, c.span.start - 90)
        window = self.folded[lo : c.span.start]
        found = [window.rfind(w) for w in _DOC_WORDS]
        best = max(found)
        start = lo + best if best != -1 else c.span.start
        stop = min(limit, c.span.end + 300)
        m = _CLAUSE_END.search(self.text, c.span.end, stop)
        return Span(start, max(c.span.end, m.start() if m else stop))

    def rewrite(self, raw: str, base: int | None, kind: str, fix: tuple[str, str] | None = None) -> _Piece:
        """``raw`` (at offset ``base`` of the previous text, or free text when ``None``) with
        the plan's years moved, stale names replaced, typos corrected and to-dos marked.

        ``kind``: ``subject`` (every year is the plan year), ``basis`` (years are the cited
        documents': none moves), ``intro`` (the sentence that ends the basis: as ``body``, and its
        period moves with the subject's), ``body``, ``closing``, ``cell`` or ``name``.
        """
        flat, _omap, edits, marks = self._changes(raw, base, kind, fix)
        return _apply(flat, edits, marks)

    def raw_changes(self, raw: str, base: int | None, kind: str, fix: tuple[str, str] | None = None
                    ) -> tuple[list[Edit], list[tuple[int, int, str, str]]]:
        """The edits and to-do marks of :meth:`rewrite`, as offsets into ``raw`` itself (the
        tracked-changes writer edits the document where the words are, white space and all)."""
        flat, omap, edits, marks = self._changes(raw, base, kind, fix)

        def back(f: int) -> int:
            return bisect.bisect_left(omap, f)

        chosen = [Edit(back(e.start), back(e.end), e.replacement) for e in choose_edits(flat, edits)]
        return chosen, [(back(s), back(e), k, m) for s, e, k, m in marks]

    def _changes(self, raw: str, base: int | None, kind: str, fix: tuple[str, str] | None):
        flat, omap = _flatten(raw)
        folded = fold(flat)
        n = len(raw)

        def rel(span: Span) -> tuple[int, int] | None:
            if base is None:
                return None
            s, e = max(span.start - base, 0), min(span.end - base, n)
            return (omap[s], omap[e]) if e > s else None

        protected = [r for r in (rel(span) for span, _ in self.regions) if r]

        def inside(s: int, e: int) -> bool:
            return any(ps <= s and e <= pe for ps, pe in protected)

        edits: list[Edit] = []
        marks: list[tuple[int, int, str, str]] = []
        own: list[tuple[int, int]] = []  # where the text speaks of the document itself
        if base is not None:
            own = self._own_number(flat, omap, base, n, edits, marks)
        if fix and flat.startswith(fix[0]):
            edits.append(Edit(0, len(fix[0]), fix[1]))
        for old, new in self.replacements:
            edits.extend(Edit(m.start(), m.end(), new) for m in re.finditer(re.escape(old), flat))
        if kind == "closing" and (m := _CLOSING_OPEN.match(folded)):
            edits.append(Edit(0, m.end(), "Trên đây là"))
        if base is None:  # a value the reader rebuilt (the issuer, a recipient): not text lint saw
            names = [(n.start, n.end, n.new) for n in self.stale_names(flat, self.on, province=self.province)]
        else:
            names = sorted((m.start(), m.end(), new) for surface, new in self.renames.items()
                           for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", flat))
        names += party_renames(flat, self.on) + (city_renames(flat) if self.to_city else [])
        for s, e, new in names:
            if inside(s, e):
                continue  # a cited document's issuer is history, not a name to update
            if new is None:
                marks.append((s, e, "district", MSG["district"].format(name=flat[s:e])))
            else:
                edits.append(Edit(s, e, new))
        if base is not None:
            lo = bisect.bisect_left(self.edits, base, key=lambda e: e.start)
            edits.extend(Edit(omap[e.start - base], omap[e.end - base], e.replacement)
                         for e in self.edits[lo:] if e.start < base + n and e.end <= base + n)
        for surface, replacement in self.fixes.items():
            edits.extend(Edit(m.start(), m.end(), replacement)
                         for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", flat))
        if kind != "basis":
            edits.extend(self._years(folded, kind, inside))
        elif own:  # a basis clause citing the plan itself ("Sở đã ban hành Kế hoạch số 29/KH-SKHCN ... năm 2022")
            edits.extend(e for e in self._years(folded, "body", inside) if any(s <= e.start < t for s, t in own))
        for m in _PERIOD_RE.finditer(folded):
            first, last = int(m.group(1)), int(m.group(2))
            if last + 1 == self.year and first < last and kind in ("subject", "intro", "closing") and not inside(m.start(), m.end()):
                # the plan's own period has just ended: the next plan is of the next period, as long
                # ("giai đoạn 2021-2025" drafted for 2026 is "giai đoạn 2026-2030")
                period = f"{self.year}{flat[m.end(1) : m.start(2)]}{self.year + last - first}"
                edits.append(Edit(m.start(1), m.end(2), period))
                marks.append((m.start(), m.end(), "period", MSG["period-next"].format(period=period)))
            elif last < self.year:
                period = flat[m.start(1) : m.end(2)]
                marks.append((m.start(), m.end(), "period", MSG["period"].format(period=period, year=self.year)))
        if base is not None:
            for span, c in self.regions:
                if not (base <= c.span.start and c.span.end <= base + n):
                    continue
                reported = yearly_report(c, self.plan_year)
                if reported is not None:
                    where = rel(span) or (omap[c.span.start - base], omap[c.span.end - base])
                    key = "basis-report" if kind == "basis" else "citation-report"
                    marks.append((*where, key.split("-")[0], MSG[key].format(
                        key=c.key, old=reported, issuer=self._body_of(c))))
                elif last_years_plan(c, self.plan_year):
                    where = rel(span) or (omap[c.span.start - base], omap[c.span.end - base])
                    old = c.date.year if c.date else self.plan_year
                    if kind == "basis":
                        msg = MSG["basis"].format(key=c.key, old=old + (1 if c.date and c.date.month == 12 else 0), issuer=self._body_of(c), year=self.year)
                        marks.append((*where, "basis", msg))
                    else:
                        marks.append((*where, "citation", MSG["citation"].format(old=old, key=c.key, year=self.year)))
        return flat, omap, edits, marks

    def _own_number(self, flat: str, omap: list[int], base: int, n: int, edits: list[Edit],
                    marks: list[tuple[int, int, str, str]]) -> list[tuple[int, int]]:
        """Where the text cites the document itself (a plan attached "Kèm theo Quyết định số
        1589/QĐ-TTg ngày 24 tháng 7 năm 2025"), last year's number and date become the new
        ones, blank until signed as in the header: dots, since a paragraph's spaces collapse
        ("số ....../QĐ-TTg ngày ..... tháng 7 năm 2026"). Returns where each such clause runs,
        whose years are the plan's own."""
        own = []
        for c in self.selves:
            if not (base <= c.span.start and c.span.end <= base + n):
                continue
            s, e = omap[c.span.start - base], omap[c.span.end - base]
            stop = _CLAUSE_END.search(flat, e)
            own.append((e, stop.start() if stop else len(flat)))
            m = re.match(r"\d+", flat[s:e])
            if m is None:
                continue
            edits.append(Edit(s, s + m.end(), self.number or "." * 6))
            if self.number is None:
                marks.append((s, s + 6, "number", MSG["number"]))
            d = _OWN_DATE.match(flat, e)
            if d is None:
                continue
            when = self.issued
            written = f"ngày {written_day(when.day) or '.' * 5} tháng {written_month(when.month) or '.' * 5} năm {when.year}"
            edits.append(Edit(d.start("date"), d.end(), written))
            if when.day is None:
                marks.append((d.start("date"), d.start("date") + 10, "date", MSG["date"]))
        return own

    def _years(self, folded: str, kind: str, inside) -> list[Edit]:
        P, Y = self.plan_year, self.year
        edits = []
        for m in _YEAR_RE.finditer(folded):
            s, e = m.start(1), m.end(1)
            y = int(m.group(1))
            if inside(s, e) or _DATE_BEFORE.search(folded[max(0, m.start() - 14) : m.start()]):
                continue
            clause = max(folded.rfind(ch, 0, m.start()) for ch in ".;:!?") + 1
            before = folded[clause : m.start()]
            if kind == "subject":
                if y > P + 1 or (y > P and _TARGET_BEFORE.search(before)):
                    continue  # a target ("Chiến lược ... đến năm 2030") is no year of the plan's
                new = Y
            elif y == P or (y == P - 1 and _SELF_REF.search(before)):
                new = Y
            elif y == P - 1:
                new = Y - 1  # "kết quả năm 2024" in a 2025 plan is last year's results
            elif y == P + 1:
                if _TARGET_BEFORE.search(before):
                    continue  # "mục tiêu đến năm 2025" in a 2024 plan: a target, as in the subject
                new = Y + 1
            else:
                continue
            edits.append(Edit(s, e, str(new)))
            # "năm 2019 - 2020": the range's end moves with its start, never "năm 2020 - 2020"
            r = _RANGE_END.match(folded, e)
            if r and y < int(r.group(1)) <= y + 5 and not inside(r.start(1), r.end(1)):
                edits.append(Edit(r.start(1), r.end(1), str(int(r.group(1)) + new - y)))
        for m in SCHEDULE_RE.finditer(folded):  # "Quý I/2025" moves with the plan year
            y = int(m.group(1))
            if y in (P - 1, P, P + 1) and not inside(m.start(1), m.end(1)):
                edits.append(Edit(m.start(1), m.end(1), str(y + Y - P)))
        return edits


class _Writer:
    """Builds the draft's text line by line and keeps every to-do's place in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.todos: list[Todo] = []

    def write(self, text: str | _Piece) -> int:
        start = self.pos
        if isinstance(text, _Piece):
            for s, e, kind, msg in text.todos:
                self.todos.append(Todo(kind, msg, Span(start + s, start + e)))
            text = text.text
        self.parts.append(text)
        self.pos += len(text)
        return start

    def line(self, text: str | _Piece = "") -> int:
        start = self.write(text)
        self.write("\n")
        return start

    def todo(self, kind: str, message: str, start: int, end: int) -> None:
        self.todos.append(Todo(kind, message, Span(start, end)))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _draft_name(name: str, year: int) -> str:
    """``can-tho/2025-so-khcn.ocr.txt`` -> ``can-tho/2026-so-khcn.draft.txt``."""
    path = Path(name)
    stem = path.name.split(".")[0]
    stem = re.sub(r"(?<!\d)(19|20)\d\d(?!\d)", str(year), stem, count=1) if re.search(r"(19|20)\d\d", stem) else f"{year}-{stem}"
    folder = f"{path.parent.as_posix()}/" if str(path.parent) not in ("", ".") else ""
    return f"{folder}{stem}.draft.txt"


def draft_plan(
    previous: Plan | str | os.PathLike[str],
    *,
    year: int,
    date: dt.date | str | None = None,
    number: str | int | None = None,
    basis: Iterable[str | Citation] | str | Citation | None = None,
    replacements: Mapping[str, str] | None = None,
    reference: Plan | str | os.PathLike[str] | None = None,
) -> Plan:
    """Draft the plan for ``year`` from last year's plan ``previous`` (a Plan or a file path).

    The draft is a new :class:`~plankit.model.Plan` with ``draft=True``, read back from its own
    text so that every span is right. In it:

    * every year the plan speaks of itself in moves to ``year`` (the subject, "năm X" in the
      body, "Trong năm X" in the activity table, the closing "Trên đây là Kế hoạch ... năm X"),
      whatever stale year last year's plan had; years of cited documents and periods stay;
    * the basis is ``basis`` when given (one clause as a string, or several: citation strings or
      :class:`Citation` values), replacing last year's clauses whole (wrapped over lines or
      bulleted); else last year's basis stays and last year's yearly plans in it become to-dos;
    * agency and place names become those valid on the new date (a recipient that became the
      issuing body itself is dropped), known typos are corrected, ``replacements`` applied;
    * the number and the day stay blank unless given.

    ``plan.todo`` lists what the officer must still decide, each with its span in the new text.
    An OCR'd ``previous`` is restored first (``reference``: an earlier clean plan of the same
    issuer, a Plan or the path of its file, as for :func:`plankit.restore_text`).

    >>> plan = draft_plan("plans/hai-duong/2022-so-cong-thuong.txt", year=2023)
    >>> plan.draft, plan.year, plan.header.title
    (True, 2023, 'Tuyên truyền cải cách hành chính nhà nước năm 2023')
    >>> sorted({t.kind for t in plan.todo})
    ['basis', 'date', 'number']
    """
    from .read import as_plan, read_text

    if not isinstance(year, int) or not 1945 <= year <= 2100:
        raise ValueError(f"năm phải là một năm như 2026 / year must be a year such as 2026, not {year!r}")
    prev = as_plan(previous)
    original = prev
    ref = None
    if prev.source.ocr and not prev.source.restored:
        from .restore import restore_plan

        ref = None if reference is None else as_plan(reference)
        prev = restore_plan(prev, reference=ref)
    h, oh = prev.header, original.header
    when = as_date(date)
    old_parts = h.date_parts if h.date_parts.year else oh.date_parts
    plan_year = h.year or oh.year or old_parts.year or year - 1
    if when is not None:
        parts = PartialDate(when.day, when.month, when.year)
    else:
        shift = (old_parts.year - plan_year) if old_parts.year else 0
        parts = PartialDate(None, old_parts.month or 1, year + shift)
    on = when or dt.date(parts.year, parts.month or 1, 1)

    from .places import match_place

    place = h.place or oh.place or seat_of(h.issuer or oh.issuer, prev.facts.level)
    province = match_place(place) if place else None
    # A ward's place is the ward (Nghị định 30/2020), maybe named as a merged province (phường Hòa
    # Bình, tỉnh Phú Thọ): it moves to the successor only if it named the province on its date.
    was_on = dt.date(old_parts.year, old_parts.month or 1, old_parts.day or 1) if old_parts.year else dt.date.min
    named_province = fold(own_place(h.issuer or oh.issuer) or "") != fold(place or "") and (province is None or province.valid_on(was_on))
    if province is not None and named_province and not province.valid_on(on) and province.successor:
        place = match_place(province.successor).name if match_place(province.successor) else province.successor
    num = str(number).strip() if number is not None and str(number).strip() else None
    rw = Rewriter(prev, year=year, on=on, province=place, replacements=replacements, issued=parts, number=num)
    if ref is not None:  # an OCR'd plan's pieces that match the clean reference take its text
        rw.reference = Reference(ref, Rewriter(ref, year=year, on=on, province=place, replacements=replacements,
                                                issued=parts, number=num))

    def name(value: str | None) -> str | None:
        return rw.rewrite(value, None, "name").text if value else value

    parent = name(with_place(prev, h.parent) or with_place(original, oh.parent))
    issuer = name(h.issuer or oh.issuer) or ""
    printed = header_bodies(prev, with_place(prev, h.parent) or with_place(original, oh.parent), h.issuer or oh.issuer)
    was = printed[1] or ""  # the issuing body as last year's header printed it
    if printed[1] != (h.issuer or oh.issuer):  # the reader named no issuer or cut its name short
        parent, issuer = name(printed[0]), name(printed[1]) or ""
    elif not parent and printed[0]:  # "BAN THƯỜNG VỤ" under the body the reader left out
        parent = name(printed[0])
    if not parent and (parent := provincial_parent(issuer, place)):  # a Sở's header lost the UBND above it
        # the reader names such a Sở with its province ("Sở Tư pháp tỉnh Lạng Sơn"): the header
        # prints the province once, in the UBND line above
        unit = parent.split(" ", 1)[1]
        if fold(issuer).endswith(" " + fold(unit)):
            if fold(was) == fold(issuer):  # the same body, not renamed: no issuer to-do
                was = was[: len(was) - len(unit) - 1]
            issuer = issuer[: len(issuer) - len(unit) - 1]
    party = party_layout(prev) or party_layout(original)
    doc_type = h.doc_type or oh.doc_type or doc_type_of_symbol(h.symbol or oh.symbol) or "Kế hoạch"
    symbol = h.symbol or oh.symbol or fallback_symbol(prev.facts.issuer or issuer, party, doc_type, prev)
    # A number that carries its year ("30/2018/QĐ-UBND", "653/2019/UBTVQH14": a normative act,
    # Nghị định 30/2020, Phụ lục III) takes the year the new document is signed in.
    symbol = _YEAR_IN_SYMBOL.sub(f"{parts.year}/", symbol, count=1) if parts.year else symbol
    w = _Writer()
    # -- header: the two columns as two tab-separated lines each -----------------------------
    # Nghị định 30/2020: the governing body (if any) on the first line, the issuing body under it;
    # a body with no governing body above it (a UBND, a ministry) stands alone on the first line.
    # A Party body's plan (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, a star
    # under the issuing body, "Số 12-KH/TU" without a colon (see plankit.issuing.number_line).
    # the issuing body as its cell prints it: "SỞ CÔNG THƯƠNG" under "UBND TỈNH HẢI DƯƠNG", not
    # the "Sở Công Thương tỉnh Hải Dương" the reader names it (plankit.places.cell_name)
    cell = cell_name(issuer, parent, printed_issuer(prev) if h.issuer else printed_issuer(original))
    top, below = (parent, cell) if parent else (cell, "")
    youth = party and (youth_layout(prev) or youth_layout(original))  # the Đoàn's own title
    if party:
        title_right = YOUTH_TITLE if youth else PARTY_TITLE
        w.line(f"{top.upper()}\t{title_right}" if top else f"\t{title_right}")
        if below:
            w.line(below.upper())
        w.line("*")
    else:
        w.line(f"{top.upper()}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if top else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        w.line(f"{below.upper()}\tĐộc lập - Tự do - Hạnh phúc")
    line = number_line(num, symbol, party=party, youth=youth)
    start = w.write(line + "\t")
    if num is None:
        at = start + len("Số " if party and not youth else "Số: ")
        w.todo("number", MSG["number"], at, at + 6)
    date_line = place_date(place, parts)
    start = w.line(date_line)
    if parts.day is None:
        at = start + date_line.index("ngày ") + 5
        w.todo("date", MSG["date"], at, at + 5)
    was_parent = printed[0] or provincial_parent(was, place)  # as the header printed it
    if fold(cell) != fold(cell_name(was, was_parent, printed_issuer(prev) if h.issuer else printed_issuer(original))):
        w.todo("issuer", MSG["issuer"].format(issuer=issuer, symbol=symbol), start - 1 - len(symbol), start - 1)
    # -- type and subject ------------------------------------------------------------------
    # A Công văn has no type line: its subject ("V/v ...") sits under the number (Nghị định
    # 30/2020, Phụ lục I); every other type (Kế hoạch, Hướng dẫn, Chỉ thị, Thông báo) prints
    # its name over the subject.
    letter = is_letter(doc_type)
    if not letter:
        w.line()
        w.line(doc_type.upper())
    title = h.title or oh.title
    parts_ = plan_parts(prev)
    first_line = None if title else first_line_title(prev, parts_, doc_type)
    if title:
        piece = rw.rewrite(title, None, "subject")
        subject_at, subject_len = w.line(piece), len(piece.text)
    elif first_line is not None:  # a portal's copy: the page's title line is the subject
        title, first_span = first_line
        piece = rw.rewrite(title, None, "subject")
        subject_at, subject_len = w.line(piece), len(piece.text)
        w.todo("title", MSG["title-first-line"], subject_at, subject_at + subject_len)
        parts_ = dataclasses.replace(parts_, basis=tuple(i for i in parts_.basis if i.span != first_span),
                                     body=tuple(i for i in parts_.body if i.span != first_span))
    else:
        subject_at, subject_len = w.line(f"năm {year}"), 8
        w.todo("title", MSG["title"], subject_at, subject_at + subject_len)
    w.line()
    # -- basis -----------------------------------------------------------------------------
    intro: list[_Piece] = []
    kept: list[_Piece] = []
    for item in parts_.basis:
        raw = prev.text[item.span.start : item.span.end]
        m = INTRO_RE.search(fold(raw))
        if m:
            said = rw.rewrite(raw[m.start("intro") :], item.span.start + m.start("intro"), "intro")
            intro.append(_Piece(said.text[:1].upper() + said.text[1:], said.todos))  # "Nhằm triển khai ..."
            raw = raw[: m.start()]
            piece = rw.rewrite(raw, item.span.start, "basis")
            piece = _Piece(piece.text.rstrip(" ,;") + ".", piece.todos)
        else:
            piece = rw.rewrite(raw, item.span.start, "basis")
        kept.append(piece)
    given = [basis] if isinstance(basis, str | Citation) else (list(basis) if basis is not None else None)
    if given:
        for k, b in enumerate(given):
            w.line(basis_line(b, k == len(given) - 1))
    else:
        for piece in kept:
            w.line(piece)
        if not kept and not cites_basis(prev):  # nothing grounds the plan: the officer adds it
            w.todo("basis", MSG["no-basis"], subject_at, subject_at + subject_len)
    for piece in intro:
        w.line(piece)
    # -- body, closing ---------------------------------------------------------------------
    for k, item in enumerate(parts_.body):  # the plan's sentence on a line of its own opens the body
        said = k == 0 and item.kind == "paragraph" and (m := INTRO_RE.search(fold(". " + item.text))) and m.start("intro") == 2
        _write_item(w, rw, prev, item, "intro" if said else "body")
    for item in parts_.closing:
        _write_item(w, rw, prev, item, "closing")
    w.line()
    # -- recipients and signature ----------------------------------------------------------
    recipients: list[str] = []
    for r in h.recipients or oh.recipients:
        new = clean_recipient(name(clean_recipient(r)) or "")
        core = re.sub(r"\s*\(.*?\)\s*$", "", new)
        if not new or (issuer and fold(core) in (fold(issuer), fold(cell))) or any(fold(new) == fold(x) for x in recipients):
            continue
        recipients.append(new)
    w.line("Nơi nhận:")
    for k, r in enumerate(recipients):
        at = w.line(f"- {r}{'.' if k == len(recipients) - 1 else ';'}") + 2
        if on >= MERGER_DAY and (m := DISTRICT_GROUP.search(r)):  # "UBND các huyện, thị xã": gone
            w.todo("district", MSG["district"].format(name=m.group()), at + m.start(), at + m.end())
    w.line()
    titles = signature_titles(prev) or signature_titles(original)
    for t in titles:
        w.line(t.upper())
    signer = oh.signer or h.signer or ""  # a name is never restored (guessed), only flagged
    w.line()
    at = w.line(signer)
    if signer and original.source.ocr:
        w.todo("signer", MSG["signer-ocr"], at, at + len(signer))
    if not titles or _SIGN_FOR.match(titles[-1].upper()):  # none, or "KT. THỦ TƯỚNG" without "PHÓ THỦ TƯỚNG" under it
        body = prev.facts.issuer or issuer or parent
        if parent and any(fold(body) == row[0] for row in signer_titles_table()):  # a bare "Ban Thường vụ"
            body = f"{body} {parent}"  # signs as its organisation does: a Hội's for its president
        hint = signer_hint(body)
        if youth:  # the Youth Union signs "TM." as the state does; "T/M" is the Party's alone
            hint = hint.replace("T/M ", "TM. ")
        w.todo("signer", MSG["signer"].format(hint=hint), at, at + len(signer))
    elif not signer:
        w.todo("signer", MSG["signer-name"], at, at)
    # -- appendix --------------------------------------------------------------------------
    if parts_.appendix:
        w.line()
        for item in parts_.appendix:
            _write_item(w, rw, prev, item, "body")

    text = w.text
    if text != nfc(text):  # pragma: no cover - every piece is NFC already
        raise PlankitError(f"{_draft_name(original.name, year)}: văn bản dự thảo chưa ở dạng Unicode NFC (lỗi của "
                           "plankit, xin báo lại) / draft text is not NFC (a plankit bug: please report it)")
    plan = read_text(text, name=_draft_name(original.name, year), form="text")
    # The header is the one the draft wrote: reading the text back must not change its number
    # or symbol (a symbol without its issuer's code, "Số:       /KH-" before the place cell, is
    # not "KH-Sơn"), nor lose the type a letter prints no line for.
    wrote = {"number": num, "symbol": None if symbol.endswith(("-", "/")) else symbol, "doc_type": doc_type}
    if any(getattr(plan.header, k) != v for k, v in wrote.items()):
        plan = dataclasses.replace(plan, header=dataclasses.replace(plan.header, **wrote))
    todos = sorted(w.todos, key=lambda t: (t.span.start if t.span is not None else -1, t.kind))
    return dataclasses.replace(plan, draft=True, todo=tuple(todos))


# The year a normative act's number carries: "2018/" in "30/2018/QĐ-UBND" (symbol "2018/QĐ-UBND").
_YEAR_IN_SYMBOL = re.compile(r"^(?:19|20)\d\d/")

# A signature line that signs for someone ("KT. THỦ TƯỚNG", "TM. ỦY BAN NHÂN DÂN"): the signer's
# own title ("PHÓ THỦ TƯỚNG", "CHỦ TỊCH") must follow it.
_SIGN_FOR = re.compile(r"^(?:TM|KT|Q|TL|TUQ|T/M)\.?\s")


def _write_item(w: _Writer, rw: Rewriter, prev: Plan, item: Item, kind: str) -> None:
    if item.kind != "table" and DEBRIS.match(item.text):
        return
    reference = rw.reference
    if item.kind == "table":
        table = item.table
        columns = [one_line(c) for c in table.columns]
        numbered = bool(columns) and fold(columns[0]).strip() in ("tt", "stt")
        if not numbered:
            columns = ["TT", *columns]
        start = w.line("\t".join(columns))
        for k, row in enumerate(table.rows, 1):
            cells = (reference.row(row) if reference is not None and numbered else None) or [
                rw.rewrite(c.text, None, "cell") for c in row]
            if numbered:
                cells = cells[1:]
            w.write(f"{k}")
            for cell in cells:
                w.write("\t")
                w.write(_Piece(cell.text.replace("\t", " "), cell.todos))
            w.line()
        if prev.source.ocr:
            w.todo("table", MSG["table-ocr"], start, w.pos - 1)
        return
    if reference is not None and item.kind in ("paragraph", "item", "closing"):
        piece = reference.paragraph(item.text, kind)
        if piece is not None:
            w.line(piece)
            return
    raw = prev.text[item.span.start : item.span.end] if item.span else item.text
    base = item.span.start if item.span else None
    if prev.source.form == "markdown" and (m := MARKDOWN_MARKS.match(raw)) and (m.group("open") or m.group("em")):
        raw = m.group("text")  # the draft is Word: a Markdown export's marks are no text of the plan
        base = base + m.start("text") if base is not None else None
    w.line(rw.rewrite(raw, base, kind, item.fix))
