"""The plan's references to itself (PK2xx, with the numbering rules): its own number quoted with
another date.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...dates import date_after
from ...model import Finding
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
