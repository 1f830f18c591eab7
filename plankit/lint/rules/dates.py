"""Years and dates (PK1xx): stale years, a subject that does not fit the date, ended
periods, blank or malformed dates, an undated plan, task deadlines already past.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...agencies import word_alternation
from ...dates import DateMatch, find_date, find_dates, numeric_dates
from ...model import Finding
from ...text import fold
from ...years import PAST_RE, PERIOD_RE, own_periods, past_after
from .._attachment import SELF_REF_DATE_BEFORE_RE
from .._context import (
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
    self_years,
)
from .._deadlines import INLINE_RE, LABEL_RE, TIME_COLUMN_RE, pipe_tables, time_end

# Before a later year, the words of preparing what comes next (folded): "xây dựng Kế hoạch ...
# năm 2027", "dự toán ... năm 2027", "chuẩn bị", "đăng ký", "đề xuất". Only a year after the
# plan's own is let through this way: "xây dựng Kế hoạch CCHC năm 2025 như sau" in a 2026 plan is
# last year's plan, copied.
_PREPARE_RE = re.compile(
    r"(?<!\w)(?:xay\s+dung|lap|chuan\s+bi|du\s+toan|dang\s+ky|de\s+xuat|du\s+kien|dinh\s+huong)(?!\w)"
)


# "... như sau:" after the year: the plan introducing itself ("xây dựng Kế hoạch ... năm 2027 như
# sau:" in a 2026 plan is a slip, not next year's plan).
_AS_FOLLOWS_RE = re.compile(r"[^;:.\n]{0,120}?nhu\s+sau(?!\w)")


def stale_year(ctx: Context) -> Iterator[Finding]:
    """Flags a year, in a phrase where the plan speaks of itself, that is not the plan year.

    A plan is copied from last year's and its years are updated by hand; the one that is missed
    is usually in the closing line ("Trên đây là Kế hoạch ... năm 2024" in the 2025 Cần Thơ
    plan) or in the sentence that introduces the plan ("Sở Công Thương xây dựng Kế hoạch tuyên
    truyền cải cách hành chính năm 2021" in the 2022 Hải Dương plan).

    The phrases checked: "Kế hoạch ... năm X" (no number or date in between), "Trong năm X",
    "CCHC năm X" and "cải cách hành chính (nhà nước) năm X", and any year in the closing
    sentence "Trên đây là Kế hoạch ...". Two budget phrases too: the plan's own funding ("bố
    trí trong dự toán ngân sách năm X", "từ nguồn dự toán năm X") is stale when X is before
    both the plan year and the year the document is written; and an estimate of this year's
    implementation ("đánh giá tình hình ước thực hiện kế hoạch và dự toán năm X") can only be
    of the year the document is written, never a later one. The plan year is the header's (the subject's year,
    else the date's). Left alone: years in dates ("ngày 24 tháng 12 năm 2024"), in reference
    clauses (a cited document's number, date, issuer and subject), bounds ("đến năm 2030",
    "những năm tiếp theo"), past results ("kết quả CCHC năm 2024", "Chỉ số CCHC năm 2024"), and
    years in quotation marks outside the closing sentence (a quoted title: 'Kế hoạch "Cải cách
    hành chính năm 2024"' in a plan reviewing it).
    OCR'd text matches through folding ("nam 2024", "nim 2025"). A year later than the plan
    year is flagged only when the document is dated, in an earlier year: a post of January 2026
    about the 2025 review may say "Trong năm 2026, Sở tiếp tục ...". Nor is a later year that
    comes after the words of preparing it ("xây dựng Kế hoạch CCHC năm 2027", "dự toán kinh phí
    năm 2027"), outside the closing sentence and not introducing the plan ("... như sau:").
    A plan for a period ("giai
    đoạn 2026-2030" in its subject) is checked the same way for its period: "ban hành Kế hoạch
    ... giai đoạn 2021-2025 như sau" or a closing sentence with the last period is flagged; a
    period in a section telling of results ("I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025") is the
    last period reviewed, left alone.

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
        >>> fires(plan, stale_year)
        ['năm 2024']
        >>> fires("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2025\\n\\n"
        ...       "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND thành phố;",
        ...       stale_year)
        []
    """
    year = ctx.year
    if year is None:
        return
    facts = ctx.plan.facts
    written = facts.date.year if facts.date else facts.date_parts.year
    reported = set()
    for mention in self_years(ctx):
        if mention.year == year:
            continue
        if mention.year > year and (written is None or mention.year <= written):
            continue  # written in that year (or undated): "Trong năm 2026, ..." in a post of 2026
        if mention.year > year and not any(a <= mention.start < b for a, b in ctx.closing) and _PREPARE_RE.search(
            ctx.folded, max(ctx.segment_start(mention.start), mention.start - 100), mention.start
        ) and not _AS_FOLLOWS_RE.match(ctx.folded, mention.end):
            continue  # next year's plan or budget being prepared: "xây dựng Kế hoạch CCHC năm 2027"
        reported.add(mention.digits)
        surface = ctx.text[mention.start : mention.end]
        digits = mention.digits - mention.start
        suggestion = surface[:digits] + str(year) + surface[digits + 4 :]
        if mention.year < year:
            vi = f"Năm {mention.year} không phải năm của kế hoạch ({year}): có lẽ còn sót lại từ kế hoạch năm trước"
            en = f"Year {mention.year} is not the plan year ({year}): probably left over from last year's plan"
        else:
            vi = f"Năm {mention.year} không phải năm của kế hoạch ({year}) và muộn hơn năm ban hành: có lẽ gõ nhầm"
            en = f"Year {mention.year} is not the plan year ({year}) and is later than the document: probably a slip"
        yield ctx.finding("stale-year", mention.start, mention.end, msg(vi, en), suggestion=suggestion)

    yield from _budget_years(ctx, year, reported)
    yield from _stale_periods(ctx)


def _stale_periods(ctx: Context) -> Iterator[Finding]:
    """A plan for a period ("giai đoạn 2026-2030" in its subject) that names itself with another
    period ("ban hành Kế hoạch ... giai đoạn 2021-2025 như sau", the closing sentence): last
    period's plan, copied."""
    h = ctx.plan.header
    title_span = h.span("title")
    if not h.title or title_span is None:
        return
    own = PERIOD_RE.search(fold(h.title))
    if own is None:
        return
    period = own.group(1, 2)
    for m in own_periods(
        ctx.folded,
        text=ctx.text,
        segment_start=ctx.segment_start,
        in_citation=ctx.in_clause,
        closing=ctx.closing,
    ):
        if m.group(1, 2) == period or title_span.start <= m.start() < title_span.end:
            continue
        if ctx.in_review(m.start()):
            continue  # "I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025": the last period's plan reviewed
        start, end = m.start(1), m.end(2)
        said, right = f"{m.group(1)}-{m.group(2)}", f"{period[0]}-{period[1]}"
        yield ctx.finding(
            "stale-year",
            start,
            end,
            msg(
                f"Giai đoạn {said} không phải giai đoạn của kế hoạch ({right}): có lẽ còn sót lại "
                "từ kế hoạch giai đoạn trước",
                f"The period {said} is not the plan's period ({right}): probably left over from "
                "the previous period's plan",
            ),
            suggestion=ctx.text[start:m.start(2)].replace(m.group(1), period[0]) + period[1],
        )


# The plan's own funding: "bố trí trong dự toán ngân sách nhà nước năm 2025", "từ nguồn dự toán
# năm 2025", "sử dụng dự toán ... năm 2025" (folded; line breaks allowed). Must not match a
# budget merely named ("thực hiện dự toán ngân sách năm 2024", "quyết toán năm 2024"): a funding
# word ("bố trí", "trong", "từ", "thuộc", "sử dụng", "cân đối") stands right before "dự toán".
_W = r"[ \t\n]+"
BUDGET_YEAR_RE = re.compile(
    word_alternation([rf"bo{_W}tri", "trong", "tu", "thuoc", rf"su{_W}dung", rf"can{_W}doi"])
    + rf"(?:{_W}nguon)?(?:{_W}kinh{_W}phi)?"
    rf"{_W}du{_W}toan(?:{_W}[a-z]+){{0,5}}?{_W}(nam{_W}((?:19|20)\d\d))(?!\d)"
)
# Every funding phrase holds "dự toán": a plan without it is not scanned (the pattern above
# starts with a set of letters, not a literal).
BUDGET_HINT_RE = re.compile(rf"du{_W}toan")
# An estimate of this year's implementation: "ước thực hiện", "ước tính thực hiện", "ước đạt",
# then the first "năm X" of the same sentence (at most 120 characters on, no full stop between).
ESTIMATE_RE = re.compile(rf"uoc(?<!\wuoc)(?:{_W}tinh)?{_W}(?:thuc{_W}hien|dat)(?!\w)")
ESTIMATE_YEAR_RE = re.compile(rf"[^.;:]{{0,120}}?(?<!\w)(nam{_W}((?:19|20)\d\d))(?!\d)")


def _budget_years(ctx: Context, year: int, reported: set[int]) -> Iterator[Finding]:
    """The budget phrases of :func:`stale_year`: a funding year before both the plan year and
    the year the document is written, and an estimate of implementation for a later year."""
    facts = ctx.plan.facts
    written = facts.date.year if facts.date else facts.date_parts.year
    text, folded = ctx.text, ctx.folded
    found: list[tuple[re.Match[str], int, str, str]] = []
    funding = BUDGET_YEAR_RE.finditer(folded) if BUDGET_HINT_RE.search(folded) else ()
    for m in funding:
        y = int(m.group(2))
        if y < min(year, written or year):
            vi = f"Dự toán năm {y} đã qua (kế hoạch năm {year}): có lẽ còn sót lại từ kế hoạch cũ"
            en = f"The budget of {y} is past (plan year {year}): probably left over from an old plan"
            found.append((m, year, vi, en))
    if written is not None:
        for e in ESTIMATE_RE.finditer(folded):
            m = ESTIMATE_YEAR_RE.match(folded, e.end())
            if m is None or int(m.group(2)) <= written:
                continue
            y = int(m.group(2))
            vi = (f"Ước thực hiện năm {y} trong văn bản năm {written}: chỉ ước thực hiện được năm đang "
                  f"diễn ra ({written})")
            en = (f"An estimate of implementation for {y} in a document of {written}: only the year under "
                  f"way ({written}) can be estimated")
            found.append((m, written, vi, en))
    for m, right, vi, en in found:
        start, end = m.span(1)
        if m.start(2) in reported or ctx.in_clause(start):
            continue
        reported.add(m.start(2))
        surface = text[start:end]
        digits = m.start(2) - start
        yield ctx.finding(
            "stale-year",
            start,
            end,
            msg(vi, en),
            suggestion=surface[:digits] + str(right) + surface[digits + 4 :],
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
        ...       "Tuyên truyền cải cách hành chính năm 2026", title_date_mismatch)
        ['năm 2025']
        >>> fires("Cần Thơ, ngày 29 tháng 12 năm 2025\\nKẾ HOẠCH\\n"
        ...       "Tuyên truyền cải cách hành chính năm 2026", title_date_mismatch)
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
    đoạn 2021-2025", "Giai đoạn 2021-2025, tỉnh đã hoàn thành ...", any period in a section
    whose heading tells of results: "I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025") are left alone;
    so is the last period where a plan for a period names itself ("Trên đây là Kế hoạch ... giai
    đoạn 2021-2025" in a 2026-2030 plan), which :func:`stale_year` reports.

    Fires on (a 2026 plan): ``tạo sự thống nhất trong tổ chức thực hiện Kế hoạch công tác CCHC
    của thành phố và của Sở giai đoạn 2021-2025``

    Does not fire on: the same words in a 2025 plan; ``Chương trình tổng thể cải cách hành chính
    nhà nước giai đoạn 2021-2030`` in a 2026 plan.

    Message: "Giai đoạn 2021-2025 đã kết thúc trước năm kế hoạch 2026 / The period 2021-2025
    ended before the plan year 2026".

    Examples:
        >>> text = ("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm {}\\n\\n"
        ...         "Thực hiện Kế hoạch CCHC của Sở giai đoạn 2021-2025.")
        >>> fires(text.format(2026), period_ended), fires(text.format(2025), period_ended)
        (['giai đoạn 2021-2025'], [])
    """
    year = ctx.year
    if year is None:
        return
    own = [f.span for f in _stale_periods(ctx)]  # last period's words where the plan names itself
    for m in PERIOD_RE.finditer(ctx.folded):
        first, last = int(m.group(1)), int(m.group(2))
        if last >= year or first > last:
            continue
        if ctx.in_clause(m.start()) or ctx.in_review(m.start()):
            continue
        if any(m.start() < s.end and s.start < m.end() for s in own):
            continue  # stale_year's: "Trên đây là Kế hoạch ... giai đoạn 2021-2025" in a 2026-2030 plan
        seg = ctx.segment_start(m.start())
        if PAST_RE.search(ctx.folded[max(seg, m.start() - 80) : m.start()]):
            continue
        if past_after(ctx.folded, m.end(), ctx.text):
            continue  # "Giai đoạn 2021-2025, tỉnh đã hoàn thành ...": results told of
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

    Fires on: ``Cần Thơ, ngày        tháng 01 năm 2022``; ``ngày /01/2022``. An attachment line
    repeating the blank header ("(Kèm theo Kế hoạch số:   /KH-SNV ngày   /3/2026)", "(Kèm theo
    Kế hoạch số 749/KH-SVHTTDL ngày    /03/2025)") is one date to fill in: found once, at the
    header (the same as :func:`blank_number`).

    Does not fire on: ``Cần Thơ, ngày 21 tháng 01 năm 2025``.

    Message: "Chưa điền ngày ban hành / The day of the date is blank".

    Examples:
        >>> fires("Cần Thơ, ngày        tháng 01 năm 2022\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2022",
        ...       blank_date)
        ['ngày        tháng 01 năm 2022']
        >>> fires("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2025",
        ...       blank_date)
        []
    """
    severity = "error" if ctx.signed else "info"
    state_vi = "văn bản đã ký phải có ngày" if ctx.signed else "điền khi ký ban hành"
    state_en = "a signed plan must be dated" if ctx.signed else "fill it in when signing"
    seen = False
    for d in find_dates(ctx.folded):
        if d.day is not None or not 1900 <= d.year < 2100:
            continue
        if seen and SELF_REF_DATE_BEFORE_RE.search(ctx.folded, max(0, d.start - 80), d.start):
            continue  # the attachment line repeating the blank header: one date to fill in
        seen = True
        yield ctx.finding(
            "blank-date",
            d.start,
            d.end,
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
        ...       date_format)
        ['7', '2']
        >>> fires("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nKế hoạch số 29/KH-SKHCN ngày 06/01-2022.",
        ...       date_format)
        ['06/01-2022']
    """
    folded = ctx.folded
    h = ctx.plan.header
    span = h.span("date")
    # The header's date, read by the one date reader (plankit.dates) the header reader uses;
    # only a date written in words ("ngày 7 tháng 2 năm 2022") has a day and month to pad.
    d = find_date(folded, span.start, span.end) if span is not None else None
    words = d is not None and d.day_span and d.month_span
    if words and "th" in folded[d.day_span[1] : d.month_span[0]]:
        day, month = folded[slice(*d.day_span)], folded[slice(*d.month_span)]
        if len(day) == 1 and day != "0":
            yield ctx.finding(
                "date-format",
                d.day_span[0],
                d.day_span[1],
                msg(
                    "Ngày nhỏ hơn 10 phải có số 0 ở trước (Nghị định 30/2020/NĐ-CP)",
                    "Days below 10 take a leading zero (Decree 30/2020)",
                ),
                suggestion="0" + day,
                safe=True,
            )
        if len(month) == 1 and month in "12":
            yield ctx.finding(
                "date-format",
                d.month_span[0],
                d.month_span[1],
                msg(
                    "Tháng 1 và tháng 2 phải có số 0 ở trước (Nghị định 30/2020/NĐ-CP)",
                    "Months 1 and 2 take a leading zero (Decree 30/2020)",
                ),
                suggestion="0" + month,
                safe=True,
            )
    dates = [d for d in find_dates(folded) if d.day is not None and d.month is not None and 1900 <= d.year < 2100]
    for d in dates:
        if len(d.separators) < 2 or d.separators[0] == d.separators[1]:
            continue
        fixed = f"{folded[slice(*d.day_span)]}/{folded[slice(*d.month_span)]}/{d.year}"
        yield ctx.finding(
            "date-format",
            d.day_span[0],
            d.year_span[1],
            msg(f"Ngày viết sai định dạng, nên viết {fixed}", f"Malformed date: write {fixed}"),
            suggestion=fixed,
            safe=True,
        )
    # dates in words ("ngày 30 tháng 02 năm 2022") and numeric dates with or without "ngày"
    words: list[DateMatch] = [d for d in dates if not d.separators]
    for d in (*words, *numeric_dates(folded)):
        if d.date is None:
            day, mo, y = d.day, d.month, d.year
            yield ctx.finding(
                "date-format",
                d.day_span[0],
                d.year_span[1],
                msg(f"Ngày {day}/{mo}/{y} không có thật", f"No such date: {day}/{mo}/{y}"),
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
        >>> fires("KẾ HOẠCH\\nTuyên truyền cải cách hành chính\\n\\nNội dung.", undated_plan)
        ['KẾ HOẠCH']
        >>> fires("KẾ HOẠCH\\nTuyên truyền cải cách hành chính năm 2025\\n\\nNội dung.", undated_plan)
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


# Before a deadline in a task's sentence (folded, in the same segment): words telling of what
# was done, not of a task to do ("đã hoàn thành trước ngày ...", "kết quả thực hiện trong quý
# II/2025", "số liệu", "tình hình").
_DONE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:ket\s+qua|so\s+lieu|tinh\s+hinh|nam\s+qua|nam\s+truoc|cung\s+ky)(?!\w)"
)
_DONE_WORD_RE = re.compile(r"(?<!\w)(?:đã|Đã|ĐÃ)(?!\w)")
# A table telling of results: a column of what was done ("Kết quả thực hiện", "Tình hình
# thực hiện", "Mức độ hoàn thành", "Đã thực hiện").
_RESULT_COLUMN_RE = re.compile(
    r"\W*(?:ket\s+qua(?!\s*(?:du\s+kien|dau\s+ra|can\s+dat|\W*san\s+pham))"
    r"|(?:tinh\s+hinh|muc\s+do)\s+(?:thuc\s+hien|hoan\s+thanh)|da\s+(?:thuc\s+hien|hoan\s+thanh))"
)
# A table of documents already issued: a column of their numbers or issuing dates.
_DOCUMENT_COLUMN_RE = re.compile(r"\W*(?:so\W+ky\s+hieu|so\s+hieu|ky\s+hieu|ngay\s+ban\s+hanh|so\s+van\s+ban)")
_REPORT_TYPES = ("bao cao", "thong bao", "to trinh")


def past_deadline(ctx: Context) -> Iterator[Finding]:
    """Flags a task's deadline that had already passed when the plan was issued.

    A plan copied from last year's keeps last year's deadlines where they were not updated: a
    plan for 2026 signed in March 2026 still says "Thời gian thực hiện: Quý II/2025", "hoàn
    thành trước ngày 30/6/2025", "Tháng 10/2025" in the time column of its table. Only the
    times of the plan's own tasks are read: the rest of a line after a label ("Thời gian thực
    hiện:", "Thời gian hoàn thành:", "Thời hạn (hoàn thành):", "Thời gian:", "Tiến độ thực
    hiện:"), the time column of a table of tasks (its header "Thời gian ...", "Thời hạn ...",
    "Tiến độ"), and a day, month, quarter or half year after a verb of doing in the task's
    sentence ("hoàn thành / tổ chức / gửi ... trước ngày, trong, vào, chậm nhất, đến hết").
    A time is past when the last day it allows (the end of the month, quarter, year; of a range
    its end) is before the plan's date (without one, the first day of its month or year) and in
    an earlier year than the plan year: a plan issued in March for the year may still list what
    it did in January.

    Left alone: history and results (a section telling of results, "đã hoàn thành trước ngày
    ...", "kết quả thực hiện trong quý II/2025", a table with a column "Kết quả thực hiện"), a
    cited document's date and subject (reference clauses), quoted titles, times that run on
    ("từ năm 2025 đến nay", "thường xuyên", "hằng năm"), reports and notices (a report on last
    year tells of last year's times), and a year the plan speaks of itself in ("Trong năm
    2025"), which :func:`stale_year` reports.

    Fires on (a plan for 2026 dated 16/3/2026): ``- Thời gian thực hiện: Quý II/2025``;
    ``Tổ chức hội nghị sơ kết trong quý III năm 2025.``; ``Các phòng gửi báo cáo về Văn phòng
    Sở trước ngày 30/6/2025.``; a cell ``Tháng 10/2025`` under ``Thời gian hoàn thành``.

    Does not fire on: ``Thời gian thực hiện: Quý II/2026``; ``Năm 2025, Sở đã hoàn thành trước
    ngày 30/6/2025 ...``; ``Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 ...``; ``Thời gian:
    từ năm 2025 đến nay``; ``Thời gian: Thường xuyên``.

    Message: "Thời hạn 'Quý II/2025' đã qua khi ban hành kế hoạch (ngày 16/03/2026): có lẽ còn
    sót lại từ kế hoạch năm trước / The deadline 'Quý II/2025' had passed when the plan was
    issued (16/03/2026): probably left over from last year's plan". Suggestion: the same time
    moved to the plan year (not applied by ``--fix``: the new deadline is the officer's call).

    Examples:
        >>> plan = ("Cần Thơ, ngày 16 tháng 3 năm 2026\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2026\\n\\n"
        ...         "1. Tuyên truyền trên Cổng thông tin điện tử\\n- Thời gian thực hiện: Quý II/2025.")
        >>> fires(plan, past_deadline)
        ['Quý II/2025']
        >>> fires(plan.replace("Quý II/2025", "Quý II/2026"), past_deadline)
        []
    """
    year, on = ctx.year, ctx.on
    if year is None or on is None:
        return
    doc_type = ctx.plan.header.doc_type
    if doc_type and fold(doc_type).strip().startswith(_REPORT_TYPES):
        return
    folded, text = ctx.folded, ctx.text
    own = [(m.start, m.end) for m in self_years(ctx) if m.year != year]
    done: list[tuple[int, int]] = []

    def judge(start: int, end: int, *, bare_years: bool) -> Finding | None:
        if start >= end:
            return None
        found = time_end(folded, start, end, bare_years=bare_years)
        if found is None:
            return None
        last, s, e = found
        if not (last < on and last.year < year):
            return None
        if ctx.in_clause(s) or ctx.in_quotes(s) or ctx.in_review(s) or _DONE_WORD_RE.search(text, start, end):
            return None  # a cited document, a quoted title, results, "Đã hoàn thành tháng 10/2025"
        if any(a < e and s < b for a, b in (*own, *done)):
            return None  # stale_year's words, or already reported
        done.append((s, e))
        said = " ".join(text[s:e].split())
        shift = year - last.year
        suggestion = re.sub(
            r"(?<!\d)((?:19|20)\d\d)(?!\d)", lambda m: str(int(m.group(1)) + shift), text[s:e]
        )
        if ctx.plan.facts.date is not None:
            when_vi = f"khi ban hành kế hoạch (ngày {on:%d/%m/%Y})"
            when_en = f"when the plan was issued ({on:%d/%m/%Y})"
        else:
            when_vi = f"trước năm kế hoạch ({year})"
            when_en = f"before the plan year ({year})"
        return ctx.finding(
            "past-deadline",
            s,
            e,
            msg(
                f"Thời hạn '{said}' đã qua {when_vi}: có lẽ còn sót lại từ kế hoạch năm trước",
                f"The deadline '{said}' had passed {when_en}: probably left over from last year's plan",
            ),
            suggestion=suggestion,
        )

    found: list[Finding] = []
    # a labelled time: the rest of its line, to a ";" or a full stop
    for m in LABEL_RE.finditer(folded):
        f = judge(m.end(), min(ctx.segment_end(m.end()), m.end() + 160), bare_years=True)
        if f is not None:
            found.append(f)
    # the time column of a table of tasks (read by the reader, or a pipe table kept as text)
    tables = [
        (table.span.start, table.columns, [[(c.span.start, c.span.end) for c in row] for row in table.rows])
        for table in ctx.plan.tables
    ]
    read = [(t.span.start, t.span.end) for t in ctx.plan.tables]
    for columns, rows in pipe_tables(text):
        start = rows[0][0][0] if rows and rows[0] else 0
        if not any(a <= start < b for a, b in read):
            tables.append((start, columns, rows))
    for start, names, rows in tables:
        columns = [fold(c) for c in names]
        if ctx.in_review(start) or any(
            _RESULT_COLUMN_RE.match(c) or _DOCUMENT_COLUMN_RE.match(c) for c in columns
        ):
            continue  # a table of results, or of documents already issued
        cols = [i for i, c in enumerate(columns) if TIME_COLUMN_RE.match(c)]
        for row in rows:
            for i in cols:
                if i < len(row):
                    f = judge(*row[i], bare_years=True)
                    if f is not None:
                        found.append(f)
    # a deadline in a task's sentence
    for m in INLINE_RE.finditer(folded):
        seg = max(ctx.segment_start(m.start()), m.start() - 80)
        if _DONE_BEFORE_RE.search(folded, seg, m.start()) or _DONE_WORD_RE.search(text, seg, m.start()):
            continue  # what was done: "đã hoàn thành trước ngày ...", "kết quả thực hiện trong quý ..."
        f = judge(m.end(), min(ctx.segment_end(m.end()), m.end() + 60), bare_years=False)
        if f is not None:
            found.append(f)
    yield from sorted(found, key=lambda f: f.span.start)
