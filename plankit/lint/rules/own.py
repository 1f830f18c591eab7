"""The plan's references to itself (PK2xx, with the numbering rules): its own number quoted with
another date, or another number quoted where it names itself.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ...dates import date_after
from ...model import Finding
from ...text import fold
from .._attachment import ATTACHMENT_LINE_RE, SELF_REF_RE, names_another_document
from .._context import (
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)

# "kèm theo" just before the reference (folded, a "ban hành" and "Kế hoạch"/"Quyết định số"
# between allowed): "(Ban hành kèm theo Quyết định số 69/QĐ-UBND", "(Kèm theo Kế hoạch số".
_ATTACHED_RE = re.compile(r"kem\s+theo\b[^()\n;]{0,40}$")


def self_date_mismatch(ctx: Context) -> Iterator[Finding]:
    """Flags the plan's own number quoted with a date other than the header's.

    A plan repeats its number and date under an appendix's title ("Kèm theo Kế hoạch số
    45/KH-UBND ngày 05/8/2025"), and a decision that issues a plan repeats its own under the
    plan's title ("Ban hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2025"). Typed again by
    hand, or copied from last year's document, the date there can differ from the header's: one
    of the two is wrong. A reference counts as the plan's own when the citation reader takes it
    so (the header's number and symbol) and it stands after "kèm theo" or bears the header's
    year (a number is unique within a year; last year's plan may have had the same one).

    Fires on: header ``Bắc Ninh, ngày 15 tháng 01 năm 2025`` and ``Số: 69/QĐ-UBND`` with ``(Ban
    hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2024 của Chủ tịch UBND tỉnh)``.

    Does not fire on: the same with ``ngày 15/01/2025``; ``Thực hiện Kế hoạch số 69/QĐ-UBND ngày
    15/01/2024`` (last year's document of the same number); a header without a date.

    Message: "Số 69/QĐ-UBND được ghi ngày 15/01/2024, khác ngày ở phần đầu văn bản
    (15/01/2025) / 69/QĐ-UBND is dated 15/01/2024 here, the header says 15/01/2025". No
    suggestion: either may be the wrong one.

    Examples:
        >>> head = "Số: 69/QĐ-UBND\\nBắc Ninh, ngày 15 tháng 01 năm 2025\\nQUYẾT ĐỊNH\\nBan hành Kế hoạch CCHC năm 2025\\n\\n"
        >>> fires(head + "KẾ HOẠCH\\n(Ban hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2024 của UBND tỉnh)",
        ...       self_date_mismatch)
        ['69/QĐ-UBND ngày 15/01/2024']
        >>> fires(head + "KẾ HOẠCH\\n(Ban hành kèm theo Quyết định số 69/QĐ-UBND ngày 15/01/2025 của UBND tỉnh)",
        ...       self_date_mismatch)
        []
    """
    header = ctx.plan.header.date
    if header is None:
        return
    text, folded = ctx.text, ctx.folded
    for c in ctx.citations:
        if c.role != "self" or c.date is None or c.date == header:
            continue
        if _number(c.number or "") != _number(ctx.plan.header.number or ""):
            continue  # another number: not the plan's own (self_number_mismatch's, if anyone's)
        attached = _ATTACHED_RE.search(folded, max(0, c.span.start - 60), c.span.start) is not None
        if not attached and c.date.year != header.year:
            continue
        written = date_after(folded, c.span.end, min(len(folded), c.span.end + 60))
        if written is None or written.date != c.date:  # the reader took the header's date
            continue
        shown, other = c.date.strftime("%d/%m/%Y"), header.strftime("%d/%m/%Y")
        number = text[c.span.start : c.span.end]
        yield ctx.finding(
            "self-date-mismatch",
            c.span.start,
            written.end,
            msg(
                f"Số {number} được ghi ngày {shown}, khác ngày ở phần đầu văn bản ({other})",
                f"{number} is dated {shown} here, the header says {other}",
            ),
        )


def _number(number: str) -> int | None:
    digits = "".join(number.split())
    return int(digits) if digits.isdigit() else None


# A document that changes another (folded, in its subject): an amending decision may reprint the
# attachment line of the decision it amends.
_AMENDS_RE = re.compile(r"sua\s+doi|bo\s+sung|dieu\s+chinh|thay\s+the|bai\s+bo|dinh\s+chinh|hieu\s+dinh")


# Last year's line, copied, is about a year older than the document; less than half a year
# apart, two dates in two years are a decision of late December and a plan of early January.
_YEAR_APART = 183


def _stale_copy(ctx: Context, written: date, ref: re.Match[str]) -> bool:
    """Whether an attachment line naming another number and date is last year's, left in a copy:
    dated in a year before both the header's date and the plan year, in a document that neither
    amends another nor cites that number anywhere but on this line (an amending decision names
    the decision it amends in its subject or body; a plan issued late in December for the next
    year is dated the year before its plan year, and so is its decision)."""
    h = ctx.plan.header
    if h.date is None or written.year >= h.date.year or written.year >= (h.year or h.date.year):
        return False
    if (h.date - written).days < _YEAR_APART:
        return False  # a decision of late December issuing a plan dated early January
    if _AMENDS_RE.search(fold(h.title or "")):
        return False
    number = re.escape(ref.group(1)) + r"\s*/\s*" + r"\s*-\s*".join(map(re.escape, ref.group(2).replace(" ", "").split("-")))
    return all(
        o.start() == ref.start(1) for o in re.finditer(rf"(?<![\d/]){number}(?![a-z0-9])", ctx.folded)
    )


def self_number_mismatch(ctx: Context) -> Iterator[Finding]:
    """Flags the attachment line naming the document it goes with by a number other than the
    header's.

    A decision that issues a plan carries the plan after its signature, under the line
    "(Ban hành kèm theo Quyết định số 1520/QĐ-UBND ngày 15/9/2025 của ...)"; a plan's appendix
    carries "(Kèm theo Kế hoạch số 45/KH-UBND ngày ...)". That line names the document itself:
    its number must be the header's. Typed by hand, two digits swap (1250 for 1520) or last
    year's number stays; the register then files the plan under a decision that is another
    one. Reported when the line stands in parentheses right before "kèm theo" (a body sentence
    "thực hiện Phụ lục ban hành kèm theo Quyết định số ..." cites another decision), its
    symbol is the header's (a different symbol is :func:`symbol_mismatch`), and it gives the
    header's date or no date (the same number with another date is
    :func:`self_date_mismatch`; another number and another date may be another document's
    attachment reprinted, as an amending decision does, and is left alone). Needs the
    header's number: a draft's blank number is :func:`blank_number`.

    Last year's line, copied, is reported too: another number with a date of an earlier year
    than both the header's date and the plan year, at least half a year before the header's
    date, in a document that does not amend another (no "sửa đổi", "bổ sung", "điều chỉnh",
    "thay thế", "bãi bỏ" in its subject) and cites that number nowhere else. The same holds
    when a plan with its own header ("Số: 45/KH-UBND") names the decision that issues it: "(Ban
    hành kèm theo Quyết định số 123/QĐ-UBND ngày 10/02/2026 ...)" is right (the decision
    issues the plan; :func:`symbol_mismatch` leaves it alone), "... số 98/QĐ-UBND ngày
    12/02/2025" under a plan dated 10/02/2026 cannot be.

    Fires on: header ``Số: 1520/QĐ-UBND`` and ``Ninh Bình, ngày 15 tháng 9 năm 2025`` with
    ``(Kèm theo Quyết định số 1250/QĐ-UBND ngày 15/9/2025 của Chủ tịch UBND tỉnh)``.

    Does not fire on: ``(Kèm theo Quyết định số 1520/QĐ-UBND ngày 15/9/2025 ...)``; ``Thực hiện
    Phụ lục ban hành kèm theo Quyết định số 1250/QĐ-UBND ngày 15/9/2025`` in the body; ``(Kèm
    theo Quyết định số 1250/QĐ-UBND ngày 10/3/2024 ...)`` in a decision amending 1250/QĐ-UBND;
    a header without a number.

    Message: "Số 1250/QĐ-UBND khác số ở phần đầu văn bản (1520/QĐ-UBND, cùng ngày
    15/09/2025) / 1250/QĐ-UBND differs from the header's number 1520/QĐ-UBND (same date
    15/09/2025)"; last year's line: "Dòng "kèm theo" ghi 98/QĐ-UBND ngày 12/02/2025, không phải
    văn bản này (123/QĐ-UBND ngày 10/02/2026): có lẽ còn sót lại từ văn bản năm trước / The
    attachment line names 98/QĐ-UBND of 12/02/2025, which is not this document (123/QĐ-UBND of
    10/02/2026): probably left over from last year's". No suggestion: either may be the wrong
    one (the header's is the likelier).

    Examples:
        >>> head = "Số: 1520/QĐ-UBND\\nNinh Bình, ngày 15 tháng 9 năm 2025\\nQUYẾT ĐỊNH\\nBan hành Kế hoạch PBGDPL năm 2025\\n\\n"
        >>> fires(head + "KẾ HOẠCH\\n(Kèm theo Quyết định số 1250/QĐ-UBND ngày 15/9/2025 của Chủ tịch UBND tỉnh)",
        ...       self_number_mismatch)
        ['1250/QĐ-UBND']
        >>> fires(head + "KẾ HOẠCH\\n(Kèm theo Quyết định số 1520/QĐ-UBND ngày 15/9/2025 của Chủ tịch UBND tỉnh)",
        ...       self_number_mismatch)
        []
        >>> fires(head + "KẾ HOẠCH\\n(Kèm theo Quyết định số 1250/QĐ-UBND ngày 20/8/2024 của Chủ tịch UBND tỉnh)",
        ...       self_number_mismatch)
        ['1250/QĐ-UBND ngày 20/8/2024']
    """
    h = ctx.plan.header
    own = _number(h.number or "")
    if own is None or not h.symbol:
        return
    symbol = "".join(fold(h.symbol).split())
    text, folded = ctx.text, ctx.folded
    header_span = h.span("symbol")
    for m in SELF_REF_RE.finditer(folded):
        number = _number(m.group(1))
        cited_symbol = "".join(m.group(2).split())
        if number is None or (number == own and cited_symbol == symbol):
            continue
        another = names_another_document(m, h.symbol)
        if cited_symbol != symbol and not another:
            continue
        if header_span is not None and header_span.contains(m.start(1)):
            continue
        if ATTACHMENT_LINE_RE.search(folded, max(0, m.start() - 20), m.start()) is None:
            continue
        start, end = m.start(1), m.end(2)
        cited = text[start:end]
        written = date_after(folded, m.end(2), min(len(folded), m.end(2) + 60))
        if (written is not None and written.date != h.date) or another:
            if written is None or not _stale_copy(ctx, written.date, m):
                continue
            day, ours = written.date.strftime("%d/%m/%Y"), h.date.strftime("%d/%m/%Y")
            if another:  # the decision that issues the plan cannot be a year older than the plan
                vi = f"không thể là văn bản ban hành kế hoạch này (đề ngày {ours})"
                en = f"which cannot be the one that issues this plan (dated {ours})"
            else:
                vi = f"không phải văn bản này ({h.number}/{h.symbol} ngày {ours})"
                en = f"which is not this document ({h.number}/{h.symbol} of {ours})"
            yield ctx.finding(
                "self-number-mismatch",
                start,
                written.end,
                msg(
                    f"Dòng \"kèm theo\" ghi {cited} ngày {day}, {vi}: có lẽ còn sót lại từ văn bản năm trước",
                    f"The attachment line names {cited} of {day}, {en}: probably left over from last year's",
                ),
            )
            continue
        shown = f"{h.number}/{h.symbol}"
        if written is not None:
            day = written.date.strftime("%d/%m/%Y")
            vi, en = f"{shown}, cùng ngày {day}", f"{shown} (same date {day})"
        else:
            vi, en = shown, shown
        yield ctx.finding(
            "self-number-mismatch",
            start,
            end,
            msg(
                f"Số {cited} khác số ở phần đầu văn bản ({vi})",
                f"{cited} differs from the header's number {en}",
            ),
        )
