"""The lint rules: one function per rule, and its docstring is the rule's documentation.

Each rule is a function ``rule_name(ctx: Context) -> Iterator[Finding]`` named after a row of
``plankit/data/lint_rules.tsv`` (code, name, default severity, summary). ``docs/lint-rules.md``
is rendered from these docstrings by ``python -m plankit.lint.docs``, and their examples are
doctests: each example reads a small plan with :func:`plankit.read_text` and shows what
:func:`fires` (the surfaces the rule flags).

Rules look at the folded text (:func:`plankit.text.fold`: no diacritics, one character for one
character), so they work on OCR'd plans ("nam 2024" for "năm 2024") and every match is a span of
the original text. Messages are Vietnamese, then " / " and an English gloss.

The regular expressions the rules share, and the per-plan :class:`Context`, are in
``_context.py`` (the year patterns in ``plankit/years.py``); the word lists (misspellings,
two-syllable words) in ``_words.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..agencies import stale_names
from ..model import Citation, Finding, Plan, Section
from ..places import find_places, match_place, provinces
from ..text import fold, is_upper_text, tone_key
from ..years import DATE_BEFORE_RE, PAST_RE, PERIOD_RE, RANGE_BEFORE_RE, YEAR_RE
from . import rules_cite, rules_text
from ._context import (
    BLANK_DATE_RE,
    BLANK_NUMBER_RE,
    DOUBLE_GAP,
    DOUBLE_OCR_GAP,
    KIND_BEFORE_RE,
    MIXED_DATE_RE,
    NUM_DATE_RE,
    NUM_DATE_TAIL_RE,
    OWN_PLACE_BEFORE_RE,
    OWN_PLACE_TRIGGER_RE,
    SELF_REF_RE,
    WORD_DATE_RE,
    WORD_RE,
    Context,
    doubled_phrases,
    fires,
    metadata,
    msg,
    self_years,
)
from ._words import (
    COMPOUNDS,
    FOLDED_COMPOUNDS,
    FOLDED_REDUPLICATED,
    REDUPLICATED,
    Typo,
    fit_case,
    known_typos,
    typo_for,
    typo_matcher,
)

__all__ = ["RULES", "Context", "Rule", "Typo", "fires", "known_typos", "rule_named"]


# -- rule metadata ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """A lint rule: its stable ``code``, kebab-case ``name``, default ``severity``, one-line
    ``summary`` (from ``lint_rules.tsv``) and the function that checks a plan."""

    code: str
    name: str
    severity: str
    summary: str
    check: Callable[[Context], Iterator[Finding]]

    @property
    def doc(self) -> str:
        """The rule's documentation: the check function's docstring, dedented."""
        import inspect

        return inspect.getdoc(self.check) or ""

    def __repr__(self) -> str:
        return f"Rule({self.code} {self.name}, {self.severity})"


# -- the rules ----------------------------------------------------------------------------------
def stale_year(ctx: Context) -> Iterator[Finding]:
    """Flags a year, in a phrase where the plan speaks of itself, that is not the plan year.

    A plan is copied from last year's and its years are updated by hand; the one that is missed
    is usually in the closing line ("Trên đây là Kế hoạch ... năm 2024" in the 2025 Cần Thơ
    plan) or in the sentence that introduces the plan ("Sở Công Thương xây dựng Kế hoạch tuyên
    truyền cải cách hành chính năm 2021" in the 2022 Hải Dương plan).

    The phrases checked: "Kế hoạch ... năm X" (no number or date in between), "Trong năm X",
    "CCHC năm X" and "cải cách hành chính (nhà nước) năm X", and any year in the closing
    sentence "Trên đây là Kế hoạch ...". The plan year is the header's (the subject's year,
    else the date's). Left alone: years in dates ("ngày 24 tháng 12 năm 2024"), in reference
    clauses (a cited document's number, date, issuer and subject), bounds ("đến năm 2030",
    "những năm tiếp theo"), and past results ("kết quả CCHC năm 2024", "Chỉ số CCHC năm 2024").
    OCR'd text matches through folding ("nam 2024", "nim 2025").

    Fires on (a 2025 plan): ``Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm
    2024 của Sở Khoa học và Công nghệ./.``

    Does not fire on: ``Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND thành
    phố về công tác thông tin, tuyên truyền cải cách hành chính năm 2025;``

    Message: "Năm 2024 không phải năm của kế hoạch (2025): có lẽ còn sót lại từ kế hoạch năm
    trước / Year 2024 is not the plan year (2025): probably left over from last year's plan".
    The suggestion is the same words with the plan year.

    Examples:
        >>> plan = ("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2025\\n\\n"
        ...         "Trên đây là Kế hoạch tuyên truyền CCHC năm 2024 của Sở Công Thương./.")
        >>> fires(plan, "stale-year")
        ['năm 2024']
        >>> fires("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2025\\n\\n"
        ...       "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND thành phố;",
        ...       "stale-year")
        []
    """
    year = ctx.year
    if year is None:
        return
    for mention in self_years(ctx):
        if mention.year == year:
            continue
        surface = ctx.text[mention.start : mention.end]
        digits = mention.digits - mention.start
        suggestion = surface[:digits] + str(year) + surface[digits + 4 :]
        yield ctx.finding(
            "stale-year",
            mention.start,
            mention.end,
            msg(
                f"Năm {mention.year} không phải năm của kế hoạch ({year}): có lẽ còn sót lại từ kế hoạch năm trước",
                f"Year {mention.year} is not the plan year ({year}): probably left over from last year's plan",
            ),
            suggestion=suggestion,
        )


def title_date_mismatch(ctx: Context) -> Iterator[Finding]:
    """Flags a plan whose subject year does not fit the year it is dated.

    A plan for year N is signed in year N, or late in year N-1 (October to December: provincial
    plans for the next year come out in December). A 2026 plan dated "tháng 01 năm 2025" was
    dated by habit; a plan for 2024 dated 2025 kept last year's subject. When the subject has no
    year, the year its body speaks of (the self-referential phrases of :func:`stale_year`, when
    they agree) is compared with the date instead.

    Fires on: ``KẾ HOẠCH / Tuyên truyền cải cách hành chính năm 2026`` dated ``Cần Thơ, ngày 15
    tháng 01 năm 2025``.

    Does not fire on: the same subject dated ``ngày 29 tháng 12 năm 2025`` or ``ngày 05 tháng 01
    năm 2026``.

    Message: "Trích yếu ghi năm 2026 nhưng văn bản đề ngày 15/01/2025 / The subject says 2026
    but the plan is dated 15/01/2025". No suggestion: either may be wrong.

    Examples:
        >>> fires("Cần Thơ, ngày 15 tháng 01 năm 2025\\nKẾ HOẠCH\\n"
        ...       "Tuyên truyền cải cách hành chính năm 2026", "title-date-mismatch")
        ['năm 2025']
        >>> fires("Cần Thơ, ngày 29 tháng 12 năm 2025\\nKẾ HOẠCH\\n"
        ...       "Tuyên truyền cải cách hành chính năm 2026", "title-date-mismatch")
        []
    """
    h = ctx.plan.header
    parts = h.date_parts
    date_span = h.span("date")
    if parts.year is None or date_span is None:
        return
    title_span, year_span = h.span("title"), h.span("year")
    subject_year = None
    if (
        h.year is not None
        and title_span is not None
        and year_span is not None
        and title_span.contains(year_span)
    ):
        subject_year, source_vi, source_en = h.year, "Trích yếu", "The subject"
    else:
        body = {m.year for m in self_years(ctx)}
        if len(body) == 1:
            subject_year, source_vi, source_en = (
                body.pop(),
                "Nội dung kế hoạch",
                "The body of the plan",
            )
    if subject_year is None:
        return
    year, month = parts.year, parts.month
    fits = year == subject_year or (year == subject_year - 1 and (month is None or month >= 10))
    if fits:
        return
    m = re.search(r"((?:19|20)\d\d)", ctx.text[date_span.start : date_span.end])
    start = date_span.start + m.start() if m else date_span.start
    end = date_span.start + m.end() if m else date_span.end
    # Point at "năm 2025" when the date is written out, else at the year digits.
    before = ctx.folded[max(date_span.start, start - 6) : start]
    n = re.search(r"n[aid]m\s*$", before)
    if n:
        start = start - (len(before) - n.start())
    written = str(parts)
    yield ctx.finding(
        "title-date-mismatch",
        start,
        end,
        msg(
            f"{source_vi} ghi năm {subject_year} nhưng văn bản đề ngày {written}",
            f"{source_en} says {subject_year} but the plan is dated {written}",
        ),
    )


def period_ended(ctx: Context) -> Iterator[Finding]:
    """Flags a period ("giai đoạn 2021-2025") that ended before the plan year.

    Five-year programmes end; a plan for 2026 copied from 2025 still says it implements "Kế
    hoạch CCHC của thành phố và của Sở giai đoạn 2021-2025". The same words are right in a 2025
    plan. Periods inside reference clauses (the title of a cited document, checked by
    :func:`stale_basis`) and periods whose results are being reported ("kết quả thực hiện giai
    đoạn 2021-2025") are left alone.

    Fires on (a 2026 plan): ``tạo sự thống nhất trong tổ chức thực hiện Kế hoạch công tác CCHC
    của thành phố và của Sở giai đoạn 2021-2025``

    Does not fire on: the same words in a 2025 plan; ``Chương trình tổng thể cải cách hành chính
    nhà nước giai đoạn 2021-2030`` in a 2026 plan.

    Message: "Giai đoạn 2021-2025 đã kết thúc trước năm kế hoạch 2026 / The period 2021-2025
    ended before the plan year 2026".

    Examples:
        >>> text = ("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm {}\\n\\n"
        ...         "Thực hiện Kế hoạch CCHC của Sở giai đoạn 2021-2025.")
        >>> fires(text.format(2026), "period-ended"), fires(text.format(2025), "period-ended")
        (['giai đoạn 2021-2025'], [])
    """
    year = ctx.year
    if year is None:
        return
    for m in PERIOD_RE.finditer(ctx.folded):
        first, last = int(m.group(1)), int(m.group(2))
        if last >= year or first > last:
            continue
        if ctx.in_clause(m.start()):
            continue
        seg = ctx.segment_start(m.start())
        if PAST_RE.search(ctx.folded[max(seg, m.start() - 80) : m.start()]):
            continue
        yield ctx.finding(
            "period-ended",
            m.start(),
            m.end(),
            msg(
                f"Giai đoạn {first}-{last} đã kết thúc trước năm kế hoạch {year}",
                f"The period {first}-{last} ended before the plan year {year}",
            ),
        )


def blank_date(ctx: Context) -> Iterator[Finding]:
    """Flags a plan date, or the plan's reference to its own date, with the day left blank.

    Drafts leave the day blank ("ngày        tháng 01 năm 2022") until the document is signed;
    a signed or published plan must carry its full date, in the header and wherever it refers
    to itself ("Kèm theo Kế hoạch số .../KH-SKHCN ngày /01/2022"). Severity: ``error`` on a plan
    that counts as signed, ``info`` otherwise (see :func:`blank_number` for how "signed" is
    decided).

    Fires on: ``Cần Thơ, ngày        tháng 01 năm 2022``; ``ngày /01/2022``.

    Does not fire on: ``Cần Thơ, ngày 21 tháng 01 năm 2025``.

    Message: "Chưa điền ngày ban hành / The day of the date is blank".

    Examples:
        >>> fires("Cần Thơ, ngày        tháng 01 năm 2022\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022",
        ...       "blank-date")
        ['ngày        tháng 01 năm 2022']
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025",
        ...       "blank-date")
        []
    """
    severity = "error" if ctx.signed else "info"
    state_vi = "văn bản đã ký phải có ngày" if ctx.signed else "điền khi ký ban hành"
    state_en = "a signed plan must be dated" if ctx.signed else "fill it in when signing"
    seen = False
    for m in BLANK_DATE_RE.finditer(ctx.folded):
        seen = True
        yield ctx.finding(
            "blank-date",
            m.start(),
            m.end(),
            msg(
                f"Chưa điền ngày ban hành ({state_vi})",
                f"The day of the date is blank ({state_en})",
            ),
            severity=severity,
        )
    h = ctx.plan.header
    span = h.span("date")
    if (
        not seen
        and h.date_parts.day is None
        and span is not None
        and (h.date_parts.month or h.date_parts.year)
    ):
        yield ctx.finding(
            "blank-date",
            span.start,
            span.end,
            msg(
                f"Chưa điền ngày ban hành ({state_vi})",
                f"The day of the date is blank ({state_en})",
            ),
            severity=severity,
        )


def date_format(ctx: Context) -> Iterator[Finding]:
    """Flags a date written against Nghị định 30/2020/NĐ-CP, or a date that does not exist.

    Nghị định 30/2020/NĐ-CP (Phụ lục I) writes the header date with a leading zero for days
    below 10 and for months 1 and 2: "ngày 05 tháng 01 năm 2025", not "ngày 5 tháng 1 năm 2025".
    Anywhere in the plan, a date after "ngày" with mixed separators ("ngày 06/01-2022") is
    malformed, and a date that is not in the calendar ("ngày 30 tháng 02 năm 2022", "31/4/2022")
    is an error.

    Fires on: the header date ``Hải Dương, ngày 7 tháng 2 năm 2022`` (twice: the day and the
    month); ``Kế hoạch số 29/KH-SKHCN ngày 06/01-2022``.

    Does not fire on: ``Hải Dương, ngày 07 tháng 02 năm 2022``; ``ngày 15 tháng 7 năm 2021`` in
    the body; ``ngày 15/7/2021``.

    Message: "Ngày nhỏ hơn 10 phải có số 0 ở trước (Nghị định 30/2020/NĐ-CP) / Days below 10
    take a leading zero"; "Tháng 1 và 2 phải có số 0 ở trước ... / Months 1 and 2 take a leading
    zero"; "Ngày viết sai định dạng, nên viết 06/01/2022 / Malformed date: write 06/01/2022";
    "Ngày 30/2/2022 không có thật / No such date: 30/2/2022".
    Suggestions: ``07``, ``02``, ``06/01/2022``.

    Examples:
        >>> fires("Hải Dương, ngày 7 tháng 2 năm 2022\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022",
        ...       "date-format")
        ['7', '2']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nKế hoạch số 29/KH-SKHCN ngày 06/01-2022.",
        ...       "date-format")
        ['06/01-2022']
    """
    folded = ctx.folded
    h = ctx.plan.header
    span = h.span("date")
    if span is not None:
        m = WORD_DATE_RE.search(folded, span.start, span.end)
        if m:
            day, month = m.group(1), m.group(2)
            if len(day) == 1 and day != "0":
                yield ctx.finding(
                    "date-format",
                    m.start(1),
                    m.end(1),
                    msg(
                        "Ngày nhỏ hơn 10 phải có số 0 ở trước (Nghị định 30/2020/NĐ-CP)",
                        "Days below 10 take a leading zero (Decree 30/2020)",
                    ),
                    suggestion="0" + day,
                )
            if len(month) == 1 and month in "12":
                yield ctx.finding(
                    "date-format",
                    m.start(2),
                    m.end(2),
                    msg(
                        "Tháng 1 và tháng 2 phải có số 0 ở trước (Nghị định 30/2020/NĐ-CP)",
                        "Months 1 and 2 take a leading zero (Decree 30/2020)",
                    ),
                    suggestion="0" + month,
                )
    for m in MIXED_DATE_RE.finditer(folded):
        if m.group(2) == m.group(4):
            continue
        fixed = f"{m.group(1)}/{m.group(3)}/{m.group(5)}"
        yield ctx.finding(
            "date-format",
            m.start(1),
            m.end(5),
            msg(f"Ngày viết sai định dạng, nên viết {fixed}", f"Malformed date: write {fixed}"),
            suggestion=fixed,
        )
    numeric = (
        NUM_DATE_RE.search(folded, max(0, t.start() - 6), t.end())
        for t in NUM_DATE_TAIL_RE.finditer(folded)
    )
    for matches in (WORD_DATE_RE.finditer(folded), (m for m in numeric if m is not None)):
        for m in matches:
            d, mo, y = (int(m.group(i)) for i in (1, 2, 3))
            try:
                dt.date(y, mo, d)
            except ValueError:
                start = m.start(1)
                yield ctx.finding(
                    "date-format",
                    start,
                    m.end(3),
                    msg(f"Ngày {d}/{mo}/{y} không có thật", f"No such date: {d}/{mo}/{y}"),
                    severity="error",
                )


def undated_plan(ctx: Context) -> Iterator[Finding]:
    """Says once that the plan's date and year could not be read, so date-dependent rules did
    not run.

    The rules that judge names, documents and dates against the plan's date (:func:`stale_agency`,
    :func:`stale_basis`, :func:`basis_after_plan`, :func:`foreign_place` after the 2025
    mergers) never take today's date for a plan's date: a 2021 plan read without its date is
    not a 2026 plan. Without a date they use the plan's own year (its subject's year); without
    either they do not run, and this one finding says why, on the plan's first line.

    Fires on: a text with no date and no year in its subject.

    Does not fire on: ``Cần Thơ, ngày 21 tháng 01 năm 2025``; a plan whose subject names its
    year (``... năm 2025``).

    Message: "Không đọc được ngày, năm của văn bản: bỏ qua các quy tắc theo ngày (PK302, PK401,
    PK402) / The plan's date and year could not be read: date-dependent rules (PK302, PK401,
    PK402) did not run".

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền cải cách hành chính\\n\\nNội dung.", "undated-plan")
        ['KẾ HOẠCH']
        >>> fires("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2025\\n\\nNội dung.", "undated-plan")
        []
    """
    if ctx.dated:
        return
    text = ctx.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    end = min(max(start, len(text[:end].rstrip())), start + 80)
    yield ctx.finding(
        "undated-plan",
        start,
        end,
        msg(
            "Không đọc được ngày, năm của văn bản: bỏ qua các quy tắc theo ngày (PK302, PK401, PK402)",
            "The plan's date and year could not be read: date-dependent rules (PK302, PK401, PK402) "
            "did not run",
        ),
    )


def blank_number(ctx: Context) -> Iterator[Finding]:
    """Flags the plan's number left blank before its symbol ("Số:        /KH-SKHCN").

    The number is given by the records office (văn thư) when the plan is signed; drafts leave it
    blank, in the header and where the plan refers to itself ("Kèm theo Kế hoạch số:/KH-SKHCN").

    **How "signed" is known.** A plan marked ``draft`` is never signed. Otherwise a plan counts
    as signed when its text carries a signature mark ("(Đã ký)", "[đã ký]", a digital-signature
    stamp "Ký bởi:" or "Thời gian ký:"), or when it names its signer and the period of its date
    (the day, else its month, else its year) is over by ``today``: a plan that names who signs
    it and whose month has passed has gone out. Severity: ``error`` on a signed plan (it went
    out unnumbered), ``info`` on a draft or unsigned plan (a reminder). The same decision sets
    the severity of :func:`blank_date`.

    Fires on: ``Số:        /KH-SKHCN``, ``Số: /KH-SKH-CN``, ``Kế hoạch số:/KH-SKHCN``.

    Does not fire on: ``Số: 137/KH-SKHCN``; ``Nghị quyết số 76/NQ-CP``.

    Message: "Chưa điền số văn bản (điền khi ký ban hành) / The document number is blank (fill
    it in when signing)"; on a signed plan "(văn bản đã ký phải có số / a signed plan must be
    numbered)".

    Examples:
        >>> fires("Số:        /KH-SKHCN\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022", "blank-number")
        ['Số:        /KH-SKHCN']
        >>> fires("Số: 137/KH-SKHCN\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025", "blank-number")
        []
    """
    severity = "error" if ctx.signed else "info"
    state_vi = "văn bản đã ký phải có số" if ctx.signed else "điền khi ký ban hành"
    state_en = "a signed plan must be numbered" if ctx.signed else "fill it in when signing"
    message = msg(
        f"Chưa điền số văn bản ({state_vi})", f"The document number is blank ({state_en})"
    )
    seen = False
    for m in BLANK_NUMBER_RE.finditer(ctx.folded):
        seen = True
        yield ctx.finding("blank-number", m.start(), m.end(), message, severity=severity)
    h = ctx.plan.header
    if not seen and h.number is None and h.symbol is not None:
        span = h.span("symbol")
        if span is not None:
            yield ctx.finding("blank-number", span.start, span.end, message, severity=severity)


_ROMAN_NUMERALS = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX"
_ROMAN = {r: i for i, r in enumerate(_ROMAN_NUMERALS.split(), start=1)}
_ROMAN_OF = {v: k for k, v in _ROMAN.items()}
# Vietnamese documents letter items a, b, c, d, đ, e, g, h, i, k, ...; some use the Latin order.
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _numbering(number: str) -> tuple[str | None, int | str | None]:
    n = number.strip().rstrip(".)")
    if n.isdigit():
        return "arabic", int(n)
    if n in _ROMAN:
        return "roman", _ROMAN[n]
    if len(n) == 1 and n.lower() in _VI_LETTERS + _LATIN_LETTERS:
        return "letter", n.lower()
    return None, None


def _successors(kind: str, value: int | str) -> set[int | str]:
    if kind == "letter":
        out = set()
        for alphabet in (_VI_LETTERS, _LATIN_LETTERS):
            i = alphabet.find(str(value))
            if 0 <= i < len(alphabet) - 1:
                out.add(alphabet[i + 1])
        return out
    return {int(value) + 1}


def _first(kind: str) -> int | str:
    return "a" if kind == "letter" else 1


def _label(kind: str, value: int | str) -> str:
    return _ROMAN_OF.get(int(value), str(value)) if kind == "roman" else str(value)


def _number_span(ctx: Context, section: Section) -> tuple[int, int]:
    """Where the section's number is written in its heading (``2.`` in ``### **2. Kinh phí``)."""
    heading = ctx.text[section.heading.start : section.heading.end]
    raw = section.raw_number or section.number
    m = re.search(r"(?<!\w)" + re.escape(raw) + r"\s*[.)]?", heading)
    if m is None:
        return section.heading.start, section.heading.end
    return section.heading.start + m.start(), section.heading.start + m.end()


def heading_numbering(ctx: Context) -> Iterator[Finding]:
    """Flags section numbers that skip, repeat, go backwards, or use the wrong level.

    Sections are numbered I, II, III (Roman, level 1), then 1, 2, 3, then a), b), c) (d, đ, e
    in the Vietnamese order; the Latin order is accepted too). Editing a copied plan leaves
    holes: the 2022 Hưng Yên plan goes from section II to "2. Kinh phí thực hiện" and then to
    IV. When a level-1 number is missing (II to IV) and the section before it ends with a
    subsection numbered out of order, that subsection is reported once as the missing Roman
    section, with the Roman number as the suggestion; other gaps, repeats and backward numbers
    are reported where they occur. The appendix (PHỤ LỤC) is not numbered. OCR'd numbers are
    compared after the reader's normalisation ("11." is II).

    Fires on: ``II. ...`` / ``1.`` ``2.`` ``3.`` ``2. Kinh phí thực hiện`` / ``IV. TỔ CHỨC
    THỰC HIỆN`` (at "2.", suggestion "III."); ``I.`` then ``III.`` (III follows I: II is
    missing); ``1.`` then ``1.`` (repeated).

    Does not fire on: I, II, III with 1, 2, 3 and a), b), c), d), đ), e) inside.

    Message: "Mục '2. Kinh phí thực hiện' đánh số như mục con nhưng nằm giữa mục II và IV: có lẽ
    phải là mục III / '2. Kinh phí thực hiện' is numbered as a subsection but sits between
    sections II and IV: it should probably be section III"; "Sau mục I là mục III: thiếu mục II
    / Section III follows I: II is missing"; "Số mục 1 bị lặp lại / Number 1 is repeated".

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nI. MỤC ĐÍCH\\n1. Mục đích\\n"
        ...       "II. NỘI DUNG\\n1. Nội dung\\n2. Hình thức\\n1. Kinh phí\\nIV. TỔ CHỨC THỰC HIỆN",
        ...       "heading-numbering")
        ['1.']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nI. MỤC ĐÍCH\\nII. NỘI DUNG\\n"
        ...       "III. TỔ CHỨC THỰC HIỆN", "heading-numbering")
        []
    """
    misplaced: set[int] = set()
    findings: list[Finding] = []

    def check(siblings: Sequence[Section], level: int) -> None:
        prev_kind, prev_value, prev_section = None, None, None
        for section in siblings:
            if section.number == "PHỤ LỤC":
                continue
            kind, value = _numbering(section.number)
            if kind is None or id(section) in misplaced:
                continue
            start, end = _number_span(ctx, section)
            label = _label(kind, value)
            if prev_kind is None:
                if value != _first(kind):
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            start,
                            end,
                            msg(
                                f"Mục đầu tiên đánh số {label}, không phải {_label(kind, _first(kind))}",
                                f"The first section is numbered {label}, not {_label(kind, _first(kind))}",
                            ),
                        )
                    )
            elif kind != prev_kind:
                if level == 1 and kind != "roman" and prev_kind == "roman":
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            start,
                            end,
                            msg(
                                f"Mục '{section.label}' đánh số {label} nhưng ở cấp mục La Mã",
                                f"'{section.label}' is numbered {label} at the level of Roman sections",
                            ),
                        )
                    )
            elif value == prev_value:
                findings.append(
                    ctx.finding(
                        "heading-numbering",
                        start,
                        end,
                        msg(f"Số mục {label} bị lặp lại", f"Number {label} is repeated"),
                    )
                )
            elif value not in _successors(kind, prev_value):
                prev_label = _label(prev_kind, prev_value)
                backwards = (
                    _VI_LETTERS.find(str(value)) < _VI_LETTERS.find(str(prev_value))
                    if kind == "letter"
                    else int(value) < int(prev_value)
                )
                gap_one = (
                    kind == "roman"
                    and level == 1
                    and int(value) == int(prev_value) + 2
                    and prev_section is not None
                )
                culprit = _misplaced_child(prev_section) if gap_one else None
                if culprit is not None:
                    missing = _ROMAN_OF[int(prev_value) + 1]
                    c_start, c_end = _number_span(ctx, culprit)
                    sep = "." if ctx.text[c_start:c_end].rstrip().endswith(".") else ""
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            c_start,
                            c_end,
                            msg(
                                f"Mục '{culprit.label}' đánh số như mục con nhưng nằm giữa mục {prev_label} và "
                                f"{label}: có lẽ phải là mục {missing}",
                                f"'{culprit.label}' is numbered as a subsection but sits between sections "
                                f"{prev_label} and {label}: it should probably be section {missing}",
                            ),
                            suggestion=missing + sep,
                        )
                    )
                    misplaced.add(id(culprit))
                elif backwards:
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            start,
                            end,
                            msg(
                                f"Sau mục {prev_label} là mục {label}: đánh số lùi",
                                f"Section {label} follows {prev_label}: the numbering goes back",
                            ),
                        )
                    )
                else:
                    findings.append(
                        ctx.finding(
                            "heading-numbering",
                            start,
                            end,
                            msg(
                                f"Sau mục {prev_label} là mục {label}: thiếu mục ở giữa",
                                f"Section {label} follows {prev_label}: a number is missing",
                            ),
                        )
                    )
            prev_kind, prev_value, prev_section = kind, value, section

    def walk(siblings: Sequence[Section], level: int) -> None:
        check(siblings, level)
        for section in siblings:
            if section.children:
                walk(section.children, level + 1)

    walk(ctx.plan.sections, 1)
    yield from findings


def _misplaced_child(section: Section) -> Section | None:
    """The last child of ``section`` when it is numbered out of order (a repeat or a step
    back), the sign of a Roman section demoted by mistake."""
    children = [c for c in section.children if _numbering(c.number)[0] == "arabic"]
    if len(children) < 2:
        return None
    last, before = children[-1], children[-2]
    if section.children[-1] is not last:
        return None
    if _numbering(last.number)[1] <= _numbering(before.number)[1]:
        return last
    return None


def _norm_symbol(symbol: str) -> str:
    return "".join(fold(symbol).split())


def symbol_mismatch(ctx: Context) -> Iterator[Finding]:
    """Flags a reference of the plan to itself whose symbol differs from the header's.

    The header gives the symbol ("Số: /KH-SKH-CN"); the appendix repeats it ("Kèm theo Kế
    hoạch số:/KH-SKHCN ngày /01/2022") and so may the body. In the 2022 Hưng Yên plan the two
    disagree: one of them is wrong, and a records office will number the document by one of
    them. Compared after folding and removing spaces, so "KH - SKHCN" equals "KH-SKHCN". The
    citations the citation extractor marks as the plan's own (role ``self``) are checked too.

    Fires on: header ``Số: /KH-SKH-CN`` with appendix ``(Kèm theo Kế hoạch số:/KH-SKHCN ngày
    /01/2022 ...)``.

    Does not fire on: header ``Số: 137/KH-SKHCN`` with ``Kèm theo Kế hoạch số 137/KH-SKHCN``.

    Message: "Ký hiệu 'KH-SKHCN' khác ký hiệu ở phần đầu văn bản 'KH-SKH-CN' / Symbol 'KH-SKHCN'
    differs from the header's 'KH-SKH-CN'". No suggestion: either may be the wrong one.

    Examples:
        >>> fires("Số: /KH-SKH-CN\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nPHỤ LỤC\\n"
        ...       "(Kèm theo Kế hoạch số:/KH-SKHCN ngày /01/2022 của Sở Khoa học và Công nghệ)",
        ...       "symbol-mismatch")
        ['KH-SKHCN']
    """
    h = ctx.plan.header
    if not h.symbol:
        return
    own = _norm_symbol(h.symbol)
    header_span = h.span("symbol")
    places: list[tuple[int, int]] = []
    for m in SELF_REF_RE.finditer(ctx.folded):
        places.append((m.start(2), m.end(2)))
    try:
        citations = ctx.citations
    except Exception:
        citations = []
    for c in citations:
        if c.role != "self" or not c.symbol:
            continue
        if header_span is not None and c.span.overlaps(header_span):
            continue
        m = re.search(
            re.escape(fold(c.symbol)).replace(r"\-", r"\s*-\s*"),
            ctx.folded[c.span.start : c.span.end],
        )
        if m:
            places.append((c.span.start + m.start(), c.span.start + m.end()))
    seen: set[int] = set()
    for start, end in sorted(places):
        if start in seen or (header_span is not None and header_span.contains(start)):
            continue
        seen.add(start)
        surface = ctx.text[start:end]
        if _norm_symbol(surface) == own:
            continue
        yield ctx.finding(
            "symbol-mismatch",
            start,
            end,
            msg(
                f"Ký hiệu '{surface}' khác ký hiệu ở phần đầu văn bản '{h.symbol}'",
                f"Symbol '{surface}' differs from the header's '{h.symbol}'",
            ),
        )


def foreign_place(ctx: Context) -> Iterator[Finding]:
    """Flags another province's name where the plan's own province belongs.

    A plan copied from another province keeps that province's name in the phrases that speak of
    the plan's own province: "trên địa bàn tỉnh X", "của tỉnh X", "UBND tỉnh X", "Tỉnh ủy X",
    "Báo X". The plan's province comes from the header (place, else parent body, else the
    province the text names most). Its predecessors and successors of the 2025 reorganisation
    count as its own (a 2026 Cần Thơ plan naming "tỉnh Hậu Giang" is reported by
    :func:`stale_agency`, not here). Cited documents' issuers are not checked (reference clauses).

    One slip, one finding: the issuing body (parent body, issuer) decides the plan's province,
    so a place line copied from another plan (``Hưng Yên, ngày ...`` under ``UBND TỈNH HẢI
    DƯƠNG``) is reported once, on the place line, and the correct mentions of Hải Dương are
    not. Without an issuing body, a place line contradicted by every own-province phrase of the
    text (two or more, all naming one other province) is the slip.

    Fires on (a Cần Thơ plan): ``phổ biến trên địa bàn tỉnh Hưng Yên``; a header ``UBND TỈNH HẢI
    DƯƠNG`` over ``Hưng Yên, ngày ...``.

    Does not fire on (a Cần Thơ plan): ``trên địa bàn thành phố Cần Thơ``; ``học tập kinh
    nghiệm của Hưng Yên``.

    Message: "'tỉnh Hưng Yên' không phải tỉnh, thành phố của kế hoạch (Cần Thơ) / 'tỉnh Hưng
    Yên' is not the plan's province (Cần Thơ)". Suggestion: the plan's province, with its kind
    when the text wrote one ("thành phố Cần Thơ").

    Examples:
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\n"
        ...       "Tuyên truyền sâu rộng trên địa bàn tỉnh Hưng Yên.", "foreign-place")
        ['tỉnh Hưng Yên']
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\n"
        ...       "Tuyên truyền sâu rộng trên địa bàn thành phố Cần Thơ.", "foreign-place")
        []
    """
    own = ctx.province
    if own is None:
        return
    own_names = ctx.own_places
    current = own
    if ctx.on is not None and not own.valid_on(ctx.on) and own.successor:
        current = next((p for p in provinces() if p.name == own.successor), own)
    folded = ctx.folded
    h = ctx.plan.header
    header_spans = [s for s in (h.span("place"), h.span("parent")) if s is not None]
    candidates = []
    for trigger in OWN_PLACE_TRIGGER_RE.finditer(folded):
        at = trigger.end()
        candidates.extend(
            (at + s, at + e, p) for s, e, p in find_places(ctx.text[at : at + 40]) if s == 0
        )
    for start, end, place in candidates:
        if place.name in own_names or ctx.in_clause(start):
            continue
        if any(s.contains(start) for s in header_spans):
            continue
        left = folded[max(0, start - 60) : start]
        if not OWN_PLACE_BEFORE_RE.search(left):
            continue
        kind = KIND_BEFORE_RE.search(left)
        if kind:
            s = start - (len(left) - kind.start())
            suggestion = current.full_name
            if ctx.text[s : s + 1].isupper() and suggestion[:1].islower():
                suggestion = suggestion[:1].upper() + suggestion[1:]
        else:
            s, suggestion = start, current.name
        surface = ctx.text[s:end]
        if is_upper_text(surface, threshold=0.95):
            suggestion = suggestion.upper()
        yield ctx.finding(
            "foreign-place",
            s,
            end,
            msg(
                f"'{surface}' không phải tỉnh, thành phố của kế hoạch ({current.name})",
                f"'{surface}' is not the plan's province ({current.name})",
            ),
            suggestion=suggestion,
        )
    place_span = h.span("place")
    if h.place and place_span is not None and ctx.place_slip:
        body = h.parent or h.issuer
        if body and match_place(body) is not None:
            vi = f"Địa danh '{h.place}' khác tỉnh, thành phố của cơ quan ban hành '{body}'"
            en = f"The place '{h.place}' is not the province of the issuing body '{body}'"
        else:
            vi = f"Địa danh '{h.place}' khác tỉnh, thành phố mà kế hoạch nói đến ({current.name})"
            en = f"The place '{h.place}' is not the province the plan speaks of ({current.name})"
        yield ctx.finding(
            "foreign-place",
            place_span.start,
            place_span.end,
            msg(vi, en),
            suggestion=current.name,
        )


def _basis_short(change: dict) -> str:
    m = re.match(
        r"\s*((?:Nghị định|Nghị quyết|Quyết định|Luật|Công văn)[^;,(]*?\d+/(?:\d{4}/)?[\wĐđ-]+)",
        change["basis"],
    )
    return m.group(1) if m else change["basis"].split(";")[0]


def stale_agency(ctx: Context) -> Iterator[Finding]:
    """Flags an agency or administrative-unit name no longer valid on the plan's date.

    The 2025 reorganisation (see DOMAIN.md and ``plankit.places.agency_changes()``) merged
    departments on 2025-03-01 (Sở Thông tin và Truyền thông into Sở Khoa học và Công nghệ, Sở Kế
    hoạch và Đầu tư into Sở Tài chính, ...), renamed Thừa Thiên Huế thành phố Huế on 2025-01-01,
    merged provinces and ended the district level on 2025-07-01. A plan copied forward keeps the
    old names, most often in "Nơi nhận". Names are compared on the plan's date (its month when
    the day is blank), so the same text is right in January 2025 and stale in 2026. Abbreviations
    ("Sở TT&TT") and OCR'd forms ("S6 Thong tin va Truyén thong") are found; names inside
    reference clauses (a cited document's issuer or title) are left alone. When the body that
    absorbed the old one is the plan's own issuer, the message says to remove the recipient.

    Fires on (a plan of January 2026): ``Nơi nhận: - Sở Thông tin và Truyền thông;``

    Does not fire on: the same line in the plan of 21 January 2025.

    Message: "'Sở Thông tin và Truyền thông' không còn từ 01/03/2025 (nay là Sở Khoa học và Công
    nghệ, theo Nghị định 45/2025/NĐ-CP) / 'Sở Thông tin và Truyền thông' no longer exists since
    2025-03-01 (now Sở Khoa học và Công nghệ)". Suggestion: the new name, in the case of the
    text; none for the district level, whose tasks were redistributed.

    Examples:
        >>> text = "Cần Thơ, ngày 15 tháng 01 năm {}\\nKẾ HOẠCH\\nTuyên truyền CCHC năm {}\\n\\nNơi nhận:\\n- Sở Thông tin và Truyền thông;"
        >>> fires(text.format(2026, 2026), "stale-agency"), fires(text.format(2025, 2025), "stale-agency")
        (['Sở Thông tin và Truyền thông'], [])
    """
    if not ctx.dated:
        return
    own = ctx.province
    issuer = ctx.plan.header.issuer
    for found in stale_names(
        ctx.text, ctx.on, province=own.name if own else None, folded=ctx.folded
    ):
        if ctx.in_clause(found.start):
            continue
        change = found.change
        since = dt.date.fromisoformat(change["effective"])
        since_vi = since.strftime("%d/%m/%Y")
        basis = _basis_short(change)
        surface = ctx.text[found.start : found.end]
        suggestion = found.new
        if found.new is None:
            vi = f"'{surface}' không còn từ {since_vi}: chính quyền địa phương hai cấp, không còn cấp huyện ({basis})"
            en = f"'{surface}' no longer exists since {since.isoformat()}: two-tier local government, no district level"
        elif issuer and fold(found.new) == fold(issuer):
            vi = f"'{surface}' không còn từ {since_vi}: đã hợp nhất vào chính {issuer} ({basis}), bỏ khỏi danh sách"
            en = f"'{surface}' no longer exists since {since.isoformat()}: merged into this {issuer}; remove it"
            suggestion = None
        else:
            vi = f"'{surface}' không còn từ {since_vi} (nay là {found.new}, theo {basis})"
            en = f"'{surface}' no longer exists since {since.isoformat()} (now {found.new})"
        yield ctx.finding(
            "stale-agency", found.start, found.end, msg(vi, en), suggestion=suggestion
        )


def _is_yearly_provincial_plan(c: Citation) -> bool:
    symbol = (c.symbol or c.key or "").upper()
    is_plan = (
        (c.doc_type or "").lower() == "kế hoạch" or symbol.startswith("KH-") or "/KH-" in symbol
    )
    local = c.level == "province" or symbol.endswith("UBND")
    return is_plan and local


def stale_basis(ctx: Context) -> Iterator[Finding]:
    """Flags a legal basis that no longer applies on the plan's date.

    Three ways a basis goes stale in a copied plan:

    * it was replaced: ``plankit.validity`` knows Nghị định 61/2018/NĐ-CP and 107/2021/NĐ-CP
      were replaced by 118/2025/NĐ-CP from 2025-07-01 (``error`` for a basis in the Căn cứ /
      Thực hiện preamble, ``warning`` for a mention in the body);
    * it was a programme for a period that ended before the plan year ("Kế hoạch CCHC thành
      phố giai đoạn 2021-2025" as the basis of a 2026 plan);
    * it is last year's provincial plan: a provincial Kế hoạch whose subject names an earlier
      year ("Kế hoạch số 258/KH-UBND ... về công tác thông tin, tuyên truyền cải cách hành chính
      năm 2025" as the basis of a 2026 plan), or, given ``corpus=``, the same document that an
      earlier plan of the same issuer used as its basis.

    Needs the citations (:attr:`Plan.citations`).

    Fires on (a 2026 plan): ``Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND
    thành phố về công tác thông tin, tuyên truyền cải cách hành chính năm 2025``.

    Does not fire on: the same basis in the 2025 plan.

    Message: "Căn cứ '258/KH-UBND' là kế hoạch năm 2025, không phải năm 2026 của kế hoạch này /
    The basis '258/KH-UBND' is the plan for 2025, not for this plan's year 2026"; "... đã được
    thay thế bởi 118/2025/NĐ-CP từ 01/07/2025 / ... was replaced by 118/2025/NĐ-CP from
    2025-07-01"; "... giai đoạn 2021-2025 đã kết thúc / ... its period 2021-2025 has ended".

    Examples:
        >>> text = ("Cần Thơ, ngày 15 tháng 01 năm 2026\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2026\\n\\n"
        ...         "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND thành phố "
        ...         "về công tác thông tin, tuyên truyền cải cách hành chính năm 2025;")
        >>> fires(text, "stale-basis")
        ['258/KH-UBND']
    """
    from ..validity import REPLACED, replaced_by, status

    year = ctx.year
    earlier_bases: dict[str, Plan] = {}
    h = ctx.plan.header
    for other in ctx.corpus:
        oh = other.header
        if year is None or oh.year is None or oh.year >= year:
            continue
        if not (oh.issuer and h.issuer and fold(oh.issuer) == fold(h.issuer)):
            continue
        if not (oh.place and h.place and fold(oh.place) == fold(h.place)):
            continue
        for c in other.citations:
            if c.role == "basis" and _is_yearly_provincial_plan(c):
                earlier_bases.setdefault(c.doc_id, other)
    seen: set[int] = set()
    for c in ctx.citations:
        if c.role not in ("basis", "mention") or c.span.start in seen or c.kind != "document":
            continue
        basis = c.role == "basis"
        if ctx.on is not None and status(c, ctx.on) == REPLACED:
            rep = replaced_by(c.doc_id, ctx.on) or replaced_by(c.key, ctx.on)
            seen.add(c.span.start)
            new = rep.replaced_by if rep else "?"
            since = rep.effective if rep else ctx.on
            yield ctx.finding(
                "stale-basis",
                c.span.start,
                c.span.end,
                msg(
                    f"'{c.key}' đã được thay thế bởi {new} từ {since.strftime('%d/%m/%Y')}",
                    f"'{c.key}' was replaced by {new} from {since.isoformat()}",
                ),
                severity="error" if basis else "warning",
            )
            continue
        if not basis or year is None:
            continue
        words = ctx.reference_text(c.span.start, c.span.end) or fold(c.subject or "")
        period = PERIOD_RE.search(words)
        if period and int(period.group(2)) < year:
            seen.add(c.span.start)
            yield ctx.finding(
                "stale-basis",
                c.span.start,
                c.span.end,
                msg(
                    f"Căn cứ '{c.key}' là văn bản cho giai đoạn {period.group(1)}-{period.group(2)} đã kết thúc",
                    f"The basis '{c.key}' is for the period {period.group(1)}-{period.group(2)}, which has ended",
                ),
            )
            continue
        if not _is_yearly_provincial_plan(c):
            continue
        subject_years = [
            int(m.group(1))
            for m in YEAR_RE.finditer(words)
            if not DATE_BEFORE_RE.search(words[: m.start()])
            and not RANGE_BEFORE_RE.search(words[: m.start()])
        ]
        if subject_years and max(subject_years) < year:
            seen.add(c.span.start)
            old = max(subject_years)
            yield ctx.finding(
                "stale-basis",
                c.span.start,
                c.span.end,
                msg(
                    f"Căn cứ '{c.key}' là kế hoạch năm {old}, không phải năm {year} của kế hoạch này",
                    f"The basis '{c.key}' is the plan for {old}, not for this plan's year {year}",
                ),
            )
            continue
        earlier = earlier_bases.get(c.doc_id)
        if earlier is not None:
            seen.add(c.span.start)
            yield ctx.finding(
                "stale-basis",
                c.span.start,
                c.span.end,
                msg(
                    f"Căn cứ '{c.key}' đã là căn cứ của kế hoạch năm {earlier.header.year} ({earlier.name})",
                    f"The basis '{c.key}' was already the basis of the {earlier.header.year} plan ({earlier.name})",
                ),
            )


def basis_after_plan(ctx: Context) -> Iterator[Finding]:
    """Flags a cited document dated after the plan, or a plan dated before the documents it cites.

    A plan cannot implement a document issued after it. One cited date later than the plan's
    date is a slip in that citation, or a basis pasted from a newer plan: it is reported on the
    citation. When two or more documents the plan cites are dated after it, the plan's own date
    is the likelier slip (``ngày 08 tháng 01 năm 2023`` on a plan citing documents of March and
    April 2023): one finding on the plan's date lists them, instead of one per citation. With a
    blank day the plan may be dated up to the end of its month; without a date, up to the end of
    its own year; with neither, the rule does not run (:func:`undated_plan`). A document whose
    number carries a later year (118/2025/NĐ-CP cited in a 2024 plan) is caught through
    ``plankit.validity.status``. A cited date that the register of central documents
    contradicts is a slip :func:`citation_register` reports; the document is judged here by its
    real date. The plan's own number is not checked.

    Fires on (a plan dated 21/01/2025): ``Căn cứ Kế hoạch số 258/KH-UBND ngày 24/12/2025 ...``

    Does not fire on: ``Căn cứ Kế hoạch số 258/KH-UBND ngày 24/12/2024 ...``

    Message: "'258/KH-UBND' đề ngày 24/12/2025, sau ngày của kế hoạch (21/01/2025) / '258/KH-UBND'
    is dated 24/12/2025, after the plan itself (21/01/2025)"; on the date: "Kế hoạch đề ngày
    08/01/2023 nhưng căn cứ 2 văn bản ban hành sau ngày đó: ... có lẽ ngày của kế hoạch bị sai /
    The plan is dated 08/01/2023 but cites 2 documents issued later: ... its date is probably
    wrong".

    Examples:
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025\\n\\n"
        ...       "Căn cứ Kế hoạch số 258/KH-UBND ngày 24/12/2025 của UBND thành phố;",
        ...       "basis-after-plan")
        ['258/KH-UBND']
        >>> fires("Cần Thơ, ngày 08 tháng 01 năm 2023\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2023\\n\\n"
        ...       "Căn cứ Kế hoạch số 25/KH-UBND ngày 10/3/2023 của UBND thành phố;\\n"
        ...       "Căn cứ Kế hoạch số 40/KH-UBND ngày 12/4/2023 của UBND thành phố;",
        ...       "basis-after-plan")
        ['ngày 08 tháng 01 năm 2023']
    """
    from ..validity import NOT_YET_ISSUED, status

    if not ctx.dated:
        return
    h = ctx.plan.header
    limit = ctx.latest
    plan_when = str(h.date_parts) if h.date_parts.year else limit.strftime("%d/%m/%Y")
    late: list[tuple[Citation, dt.date | None]] = []
    from ..register import lookup

    for c in ctx.citations:
        if c.role == "self" or c.kind != "document":
            continue
        entry = lookup(c.key) if c.date is not None else None
        if entry is not None and entry.date != c.date:
            # A slip in the cited date, which citation-register reports: judge the document by
            # its real date (one finding per cause).
            if entry.date > limit:
                late.append((c, entry.date))
            continue
        if c.date is not None and c.date > limit:
            late.append((c, c.date))
        elif c.date is None and status(c, limit) == NOT_YET_ISSUED:
            late.append((c, None))
    if not late:
        return
    documents = {c.doc_id for c, _ in late}
    date_span = h.span("date")
    if len(documents) >= 2 and h.date is not None and date_span is not None:
        listed, seen = [], set()
        for c, day in late:
            if c.doc_id in seen:
                continue
            seen.add(c.doc_id)
            listed.append(f"{c.key} ({day.strftime('%d/%m/%Y')})" if day else c.key)
        shown = ", ".join(listed)
        start = date_span.start
        m = re.search(r"ngay", ctx.folded[date_span.start : date_span.end])
        if m:
            start = date_span.start + m.start()
        yield ctx.finding(
            "basis-after-plan",
            start,
            date_span.end,
            msg(
                f"Kế hoạch đề ngày {plan_when} nhưng căn cứ {len(listed)} văn bản ban hành sau "
                f"ngày đó: {shown}; có lẽ ngày của kế hoạch bị sai",
                f"The plan is dated {plan_when} but cites {len(listed)} documents issued later: "
                f"{shown}; its date is probably wrong",
            ),
        )
        return
    for c, day in late:
        if day is not None:
            when = day.strftime("%d/%m/%Y")
            vi = f"'{c.key}' đề ngày {when}, sau ngày của kế hoạch ({plan_when})"
            en = f"'{c.key}' is dated {when}, after the plan itself ({plan_when})"
        else:
            vi = f"'{c.key}' chưa được ban hành vào ngày của kế hoạch ({plan_when})"
            en = f"'{c.key}' was not yet issued on the plan's date ({plan_when})"
        yield ctx.finding("basis-after-plan", c.span.start, c.span.end, msg(vi, en))


def known_typo(ctx: Context) -> Iterator[Finding]:
    """Flags a misspelling listed in ``plankit/data/typos.tsv``.

    The list holds misspellings really seen in the bundled plans ("tuyên tuyền", "thẩm quyển",
    "cải các", "thưc hiện", "tình hiểu", "điểm hình", "kinh tế xã - hội", "Công TTĐT") and a few
    frequent in administrative texts ("sát nhập", "xử dụng", "nghành", "trách nghiệm"). Matching
    ignores case and tone placement. In OCR'd text, whose diacritics are lost, a misspelling is
    matched on its folded form only where that is unambiguous (the ``ocr`` column): "tuyén
    tuyén" is "tuyên tuyền", but "thuc hien" cannot tell "thưc hiện" from "thực hiện". A row's
    ``not_before`` words stop a match that is the start of a correct phrase ("địa điểm hình
    thức").

    Fires on: ``sinh hoạt tuyên tuyền, phổ biến``; ``thuộc thẩm quyển giải quyết``; OCR
    ``sinh hoat tuyén tuyén``.

    Does not fire on: ``tuyên truyền``; ``thẩm quyền``; OCR ``thuc hien`` (ambiguous).

    Message: "'tuyên tuyền' viết sai, đúng là 'tuyên truyền' / 'tuyên tuyền' is misspelt: write
    'tuyên truyền'". Suggestion: the correction, in the case of the text.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép vào sinh hoạt tuyên tuyền, phổ biến.",
        ...       "known-typo")
        ['tuyên tuyền']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép vào sinh hoạt tuyên truyền.",
        ...       "known-typo")
        []
    """
    pattern = typo_matcher()[0]
    folded, text = ctx.folded, ctx.text
    for m in pattern.finditer(folded):
        surface = text[m.start() : m.end()]
        nxt = WORD_RE.search(folded, m.end(), m.end() + 30)
        following = nxt.group() if nxt and not folded[m.end() : nxt.start()].strip(" ") else ""
        typo = typo_for(surface, ocr=ctx.ocr, following=following)
        if typo is None:
            continue
        shown = " ".join(surface.split())
        yield ctx.finding(
            "known-typo",
            m.start(),
            m.end(),
            msg(
                f"'{shown}' viết sai, đúng là '{typo.correction}'",
                f"'{shown}' is misspelt: write '{typo.correction}'",
            ),
            suggestion=fit_case(typo.correction, surface),
        )


# Words that head the name of a body: "Sở Xây dựng xây dựng Kế hoạch" is the Sở Xây dựng (a
# name) that builds (xây dựng, a verb) the plan.
# Heads are capitalised ("Sở", "Trung tâm", "Chi cục"); their second word may be lower case.
_BODY_HEAD_WORDS = "sở bộ ban cục viện báo đài phòng trung chi văn"
_BODY_HEADS = frozenset(fold(w) for w in _BODY_HEAD_WORDS.split())
_HEAD_TAILS = frozenset(("tam", "cuc", "phong"))


def _name_then_word(text: str, words: list[tuple[int, int]], i: int, size: int) -> bool:
    """Whether the first copy at ``words[i:i+size]`` ends a body's name and the second copy is
    an ordinary word: the first is capitalised, the second lower case, and capitalised words
    lead back to a head such as "Sở", "Bộ", "Trung tâm"."""
    if not text[words[i][0]].isupper():
        return False
    if any(text[a].isupper() for a, _ in words[i + size : i + 2 * size]):
        return False
    j = i - 1
    while j >= 0 and i - j <= 6:
        word = text[words[j][0] : words[j][1]]
        if fold(word) in _BODY_HEADS and word[:1].isupper():
            return True
        if not (word[:1].isupper() or word == "và" or fold(word) in _HEAD_TAILS):
            return False
        j -= 1
    return False


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that may overlap: "tuyên tuyền tuyền" holds the double "tuyền
    tuyền" right after the folded look-alike "tuyên tuyền", which ``finditer`` would skip."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def duplicated_word(ctx: Context) -> Iterator[Finding]:
    """Flags a word (or a two- or three-word phrase) written twice in a row.

    "cơ chế chế một cửa" (three times in the 2022 Hưng Yên plan), "Đảng bộ tỉnh Thừa Thừa
    Thiên Huế" (the Huế article). Vietnamese has legitimate doubles, which are let through:

    * full reduplication: "dần dần", "người người", "nhà nhà", "ngày ngày", "đời đời" ...;
    * a syllable shared across a word boundary: "tuyên truyền truyền thống" is "tuyên truyền |
      truyền thống", "hoạt động động viên" is "hoạt động | động viên". It is let through only
      when the word before and the word after both form two-syllable words with it (a list of
      common administrative words); "cơ chế chế một cửa" fails ("chế một" is no word), and so
      does "tỉnh Thừa Thừa Thiên".

    Words count as equal ignoring case and tone placement; in OCR'd text they must be written
    identically, since folding makes different words look alike. Only spaces may separate them
    (a line break too in OCR'd text, whose lines are wrapped); punctuation, tabs (table cells)
    and line ends separate. A double that is a known misspelling ("tuyén tuyén" in OCR) is left
    to :func:`known_typo`.

    Fires on: ``triển khai cơ chế chế một cửa``; ``Đảng bộ tỉnh Thừa Thừa Thiên Huế``;
    ``của của``.

    Does not fire on: ``tuyên truyền truyền thống``; ``dần dần``; ``một cửa, một cửa liên
    thông``.

    Message: "Từ 'chế' bị lặp lại / The word 'chế' is repeated". Suggestion: the word once.

    Examples:
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nTriển khai cơ chế chế một cửa.",
        ...       "duplicated-word")
        ['chế chế']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nKết hợp tuyên truyền truyền thống.",
        ...       "duplicated-word")
        []
    """
    text, folded = ctx.text, ctx.folded
    phrases = doubled_phrases(folded)
    if not phrases:
        return
    gap = DOUBLE_OCR_GAP if ctx.ocr else DOUBLE_GAP
    alternatives = "|".join(
        gap.join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)
    )
    pattern = re.compile(r"(?<!\w)(" + alternatives + ")" + gap + r"\1(?!\w)")
    reported_end = -1
    for m in _overlapping(pattern, folded):
        start, end = m.start(), m.end()
        if start < reported_end:
            continue  # "chế chế chế" is one finding
        # The words around the double, as (start, end) offsets: six before it, the double, one after.
        lo = max(0, start - 120)
        words = [
            (w.start(), w.end()) for w in WORD_RE.finditer(folded, lo, min(len(folded), end + 40))
        ]
        i = next(k for k, w in enumerate(words) if w[0] == start)
        size = len(m.group(1).split())
        exact = [
            text[a:b].lower() if ctx.ocr else tone_key(text[a:b].lower())
            for a, b in words[i : i + 2 * size]
        ]
        if exact[:size] != exact[size:] or (size == 1 and words[i][1] - words[i][0] < 2):
            continue
        surface = text[start:end]
        word = text[start : words[i + size - 1][1]]
        legit = False
        if size == 1:
            norm, lexicon = (fold, FOLDED_COMPOUNDS) if ctx.ocr else (tone_key, COMPOUNDS)
            key = norm(word.lower())
            before = words[i - 1] if i > 0 and words[i - 1][0] >= lo + 1 else None
            after = words[i + 2] if i + 2 < len(words) else None
            prev = norm(text[before[0] : before[1]].lower()) if before else None
            nxt = norm(text[after[0] : after[1]].lower()) if after else None
            if key in (FOLDED_REDUPLICATED if ctx.ocr else REDUPLICATED):
                legit = True
            elif word.lower() == "năm" or (ctx.ocr and word.lower() in ("nam", "nim", "ndm")):
                # "kế hoạch năm năm" (five-year) is right; "trong năm năm 2022" is not.
                legit = not re.match(r"\s*(?:19|20)\d\d", text[end : end + 6])
            elif (prev and nxt and f"{prev} {key}" in lexicon and f"{key} {nxt}" in lexicon) or (
                ctx.ocr and f"{key} {key}" in lexicon
            ):
                legit = True
        if not legit and _name_then_word(text, words, i, size):
            legit = True
        if not legit and typo_for(surface, ocr=ctx.ocr) is not None:
            legit = True  # known-typo reports it, with the right correction
        if legit:
            continue
        reported_end = end
        yield ctx.finding(
            "duplicated-word",
            start,
            end,
            msg(f"Từ '{word}' bị lặp lại", f"The word '{word}' is repeated"),
            suggestion=word,
        )


# -- registry -----------------------------------------------------------------------------------
def _build_rules() -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    # One rule a function: the date, numbering, place and basis rules live here, the citation
    # rules in rules_cite.py, the spacing and case rules in rules_text.py.
    module = {
        **{k: v for k, v in vars(rules_cite).items() if k in rules_cite.__all__},
        **{k: v for k, v in vars(rules_text).items() if k in rules_text.__all__},
        **globals(),
    }
    for code, name, severity, summary in metadata().values():
        check = module.get(name.replace("-", "_"))
        if check is None:
            raise ValueError(
                f"lint_rules.tsv: rule {code} {name} has no function {name.replace('-', '_')}"
            )
        out[code] = Rule(code, name, severity, summary, check)
    return out


RULES: dict[str, Rule] = _build_rules()
"""Every rule by code, in code order."""

_BY_NAME = {r.name: r for r in RULES.values()}


def rule_named(name_or_code: str) -> Rule:
    """The rule with this name or code.

    >>> rule_named("stale-year").code, rule_named("PK101").name
    ('PK101', 'stale-year')
    """
    rule = _BY_NAME.get(name_or_code) or RULES.get(name_or_code.upper())
    if rule is None:
        raise KeyError(name_or_code)
    return rule
