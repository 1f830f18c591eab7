"""What a draft takes from last year's plan when the plan arrives as a copy rather than as the
signed document, for :func:`plankit.draft.draft_plan`:

* a scan: :class:`Reference`, an earlier clean plan of the same issuer whose paragraphs and
  activity-table rows an OCR'd plan's pieces take when they match it closely;
* a portal's copy: :func:`first_line_title`, the page's title line as the subject, and
  :data:`DEBRIS`, what a web page leaves behind (a table's bar, a news post's date);
* a Markdown export: :data:`MARKDOWN_MARKS`, the marks around its headings;
* any copy: :func:`cites_basis`, whether the plan grounds itself anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .model import Citation, Plan, Span
from .parts import Parts, plan_parts
from .text import fold, nfc, one_line

if TYPE_CHECKING:
    from .draft import Rewriter, _Piece

__all__ = ["DEBRIS", "MARKDOWN_MARKS", "Reference", "as_date", "basis_line", "cites_basis", "first_line_title"]


# A paragraph a web page left behind, not the plan's: a table's stray bar "|", a news post's date
# "21/08/2019" (no letter at all, and no list marker such as "2." either).
DEBRIS = re.compile(r"^(?!\w{1,3}\s*[.)]$)[\W\d_]*$")
# Markdown's marks around a heading or an emphasised paragraph of a .md plan: "#### **I. MỤC TIÊU**".
MARKDOWN_MARKS = re.compile(r"^(?P<open>#{1,6}\s+)?(?P<em>\*\*|__)?(?P<text>.*?)(?P=em)?\s*$", re.S)


def cites_basis(prev: Plan) -> bool:
    """Whether the plan grounds itself anywhere: a basis clause read, or a citation in the basis
    role (a portal's summary: "Việc ban hành Kế hoạch này căn cứ vào Nghị quyết số 57-NQ/TW")."""
    return bool(prev.facts.basis) or any(c.role == "basis" for c in prev.citations)


def first_line_title(prev: Plan, parts: Parts, doc_type: str) -> tuple[str, Span] | None:
    """The subject of a plan whose header a portal dropped, from the copy's first line: the
    page's title ("Kế hoạch tuyên truyền cải cách hành chính tỉnh Phú Thọ năm 2023", the type
    word dropped), or a first paragraph that reads as one (no citation, no closing mark, not a
    sentence of news such as "Ngày 18/1/2019, UBND tỉnh ..."). With the span it came from."""
    blocks = [b for b in prev.blocks if b.kind != "header" and one_line(b.text)]
    if not blocks:
        return None
    first = blocks[0]
    text = one_line(first.text)
    if first.kind not in ("subject", "paragraph", "basis") or len(text) > 250 or fold(text).startswith("kinh gui"):
        return None  # a letter's "Kính gửi: Bộ Nội vụ" is its addressee, never its subject
    if first.kind != "subject" and (text.endswith((".", ";", ":", ",")) or re.match(r"^(?:ngay|can cu|theo)\b", fold(text))
                                    or any(first.span.start <= c.span.start < first.span.end for c in prev.citations)):
        return None
    kind = fold(doc_type)
    folded = fold(text)
    if folded.startswith(kind + " ") and not re.match(rf"^{re.escape(kind)}\s+(?:so|\d)", folded):
        rest = text[len(doc_type) :].strip()
        text = rest if rest.isupper() else rest[:1].upper() + rest[1:]
    if not re.search(r"[^\W\d_]", text):
        return None
    item = next((i for i in (*parts.basis, *parts.body) if i.span is not None and i.span.start == first.span.start), None)
    return text, (item.span if item is not None else first.span)


_YEAR_TOKEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _noise_only(ocr: str, ref: str) -> bool:
    """Whether folded ``ocr`` differs from folded ``ref`` only as OCR damage does: misread
    words (a replaced stretch that still looks like the reference's), a dropped word, and years
    (which roll anyway); not an added clause or a word put in another's place.

    >>> _noise_only("b !_ong ghep noi dung nam 2025", "b) long ghep noi dung nam 2022")
    True
    >>> _noise_only("dan ap phich ve cchc (do so)", "dan ap phich (do so)")
    False
    """
    import difflib

    a = _YEAR_TOKEN.sub("0000", ocr).split()
    b = _YEAR_TOKEN.sub("0000", ref).split()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "delete":
            return False  # words the reference does not have: written since
        if op == "insert":
            if j2 - j1 > 1:
                return False
            continue
        mine, theirs = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        short = mine[:1] == theirs[:1] and max(len(mine), len(theirs)) <= 4  # "tor" for "tu"
        if not short and difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio() < 0.5:
            return False
    return True


class Reference:
    """A clean earlier plan of the same issuer, whose paragraphs and table rows an OCR'd plan's
    pieces take when they match it closely (after restoration): the clean text, rewritten for
    the new year by the reference's own rewriter (so its years roll from its own year)."""

    # How close a restored paragraph must be to the reference's (folded characters, difflib
    # ratio): OCR noise and a rolled year stay above it; a rewritten sentence falls below.
    PARAGRAPH_RATIO = 0.9
    # How many of a table row's words (folded) the reference row must share: OCR scrambles the
    # cells of a row, so the row is compared as a bag of words.
    ROW_OVERLAP = 0.6

    def __init__(self, ref: Plan, rw: Rewriter):
        self.ref = ref
        self.rw = rw
        parts = plan_parts(ref)
        self.items = [i for i in (*parts.basis, *parts.body, *parts.closing, *parts.appendix)
                      if i.kind in ("paragraph", "item", "closing") and i.span is not None]
        self.folded = [fold(i.text) for i in self.items]
        self.rows = [(row, self._bag(" ".join(c.text for c in row[1:]))) for t in ref.tables for row in t.rows]

    @staticmethod
    def _bag(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", fold(text)) if not w.isdigit()}

    @staticmethod
    def _marker(folded: str) -> str:
        m = re.match(r"^(\w{1,3})\s*[).]\s", folded)
        return m.group(1) if m else ""

    def paragraph(self, text: str, kind: str) -> _Piece | None:
        import difflib

        folded = fold(one_line(text))
        best, best_ratio = None, 0.0
        for item, other in zip(self.items, self.folded, strict=True):
            if abs(len(other) - len(folded)) > 0.2 * max(len(folded), 1):
                continue
            m = difflib.SequenceMatcher(None, folded, other, autojunk=False)
            if m.quick_ratio() < self.PARAGRAPH_RATIO:
                continue
            ratio = m.ratio()
            if ratio > best_ratio:
                best, best_ratio = item, ratio
        if best is None or best_ratio < self.PARAGRAPH_RATIO:
            return None
        theirs = self._marker(fold(best.text))
        if theirs and not folded.startswith(theirs):
            return None  # "b) ..." never becomes "c) ...": the plan's own numbering stays
        if not _noise_only(folded, fold(best.text)):
            return None  # the officer changed the wording since: keep it
        raw = self.ref.text[best.span.start : best.span.end]
        return self.rw.rewrite(raw, best.span.start, kind)

    def row(self, cells: tuple) -> list[_Piece] | None:
        bag = self._bag(" ".join(c.text for c in cells[1:]))
        if not bag:
            return None
        best, score = None, 0.0
        for row, other in self.rows:
            if len(row) != len(cells) or not other:
                continue
            overlap = len(bag & other) / len(bag | other)
            if overlap > score:
                best, score = row, overlap
        if best is None or score < self.ROW_OVERLAP:
            return None
        return [self.rw.rewrite(self.ref.text[c.span.start : c.span.end], c.span.start, "cell") for c in best]


# -- which cited documents are last year's: the basis a new year's plan replaces ----------------

def last_years_plan(c: Citation, plan_year: int) -> bool:
    """A yearly local plan of the previous plan's year (or the year before): the basis that a
    new year's plan must replace. Central documents, programmes and period plans are durable."""
    if c.implicit or c.role == "self":
        return False
    subject = fold(c.subject or "")
    if "giai doan" in subject:
        return False
    if fold(c.doc_type or "") != "ke hoach":  # a decision issuing last year's plan (its subject's year)
        m = _ISSUES_PLAN.match(subject)
        return bool(m) and int(m.group(1)) in (plan_year - 1, plan_year)
    if c.level == "central":  # a ministry's yearly plan (a hospital's, a university's basis) by its subject only
        return any(re.search(rf"\bnam\s+{y}\b", subject) for y in (plan_year - 1, plan_year))
    year = c.date.year if c.date else c.year
    return year in (plan_year - 1, plan_year) or bool(re.search(rf"\bnam\s+{plan_year}\b", subject))


def yearly_report(c: Citation, plan_year: int) -> int | None:
    """The year a report of last year is about ("Báo cáo số 12/BC-UBND ... về kết quả ... năm
    2024" cited by a 2025 plan), or None: a report is as yearly as a plan, and its successor is
    the next year's report. A report over a period ("giai đoạn 2021-2025") is not yearly."""
    if c.implicit or c.role == "self" or fold(c.doc_type or "") != "bao cao":
        return None
    subject = fold(c.subject or "")
    if "giai doan" in subject:
        return None
    years = [int(y) for y in re.findall(r"\bnam\s+(\d{4})\b", subject)]
    return next((y for y in years if y in (plan_year - 1, plan_year)), None)


# A decision's subject that issues a yearly plan: "(về việc) ban hành Kế hoạch ... năm 2024".
_ISSUES_PLAN = re.compile(r"(?:ve\s+)?(?:viec\s+)?ban\s+hanh\s+ke\s+hoach\b[^;]*?\bnam\s+(\d{4})\b")


# A basis clause's opening words.
_BASIS_WORD = re.compile(r"^(?:can cu|thuc hien|theo)\b")


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A draft's ``date=`` argument as a date: a date, ``YYYY-MM-DD`` text, or ``None``.

    >>> as_date("2023-02-06")
    datetime.date(2023, 2, 6)
    """
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"ngày phải viết YYYY-MM-DD / date must be YYYY-MM-DD, not {value!r}") from None


def basis_line(item: str | Citation, last: bool) -> str:
    """A given basis as a preamble paragraph: ``Căn cứ ...;`` (the last one ends with a stop).

    >>> basis_line("Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương", True)
    'Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương.'
    """
    if isinstance(item, Citation):
        text = item.raw or item.key
        if not re.search(r"\bngày\b", text) and item.date:
            text = f"{item.doc_type or ''} số {item.key} ngày {item.date:%d/%m/%Y}".strip()
            if item.issuer:
                text += f" của {item.issuer}"
            if item.subject:
                text += f" về {item.subject}"
    else:
        text = str(item)
    text = one_line(nfc(text)).rstrip(" ;,.")
    if not _BASIS_WORD.match(fold(text)):
        text = "Căn cứ " + text
    return text + ("." if last else ";")
