"""Legal basis (PK401-PK402): a basis replaced, expired or last year's plan; documents dated
after the plan.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...model import Citation, Finding, Plan
from ...text import fold
from ...years import DATE_BEFORE_RE, PAST_RE, PERIOD_RE, RANGE_BEFORE_RE, YEAR_RE
from .._context import (
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)
from .._naming import cited_as


def _is_yearly_provincial_plan(c: Citation) -> bool:
    symbol = (c.symbol or c.key or "").upper()
    is_plan = (
        (c.doc_type or "").lower() == "kế hoạch" or symbol.startswith("KH-") or "/KH-" in symbol
    )
    local = c.level == "province" or symbol.endswith("UBND")
    return is_plan and local


# A sentence that says a document was replaced or ended: "Nghị định 118/2025/NĐ-CP thay thế Nghị
# định 61/2018/NĐ-CP", "61/2018/NĐ-CP (đã hết hiệu lực)", "bãi bỏ" (folded).
_REPLACED_WORDS_RE = re.compile(r"(?<!\w)(?:thay\s+the|het\s+hieu\s+luc|bai\s+bo|het\s+han)(?!\w)")


def _norm_key(key: str) -> str:
    """A document key compared without case, diacritics or spaces ("172/2025/ND-CP")."""
    return "".join(fold(key).split())


def _said_replaced(ctx: Context, c: Citation) -> bool:
    """Whether the sentence mentioning ``c`` says itself that a document was replaced or ended:
    the plan speaks of the replacement, it does not rely on the old document."""
    sentence, _ = ctx.context_of(c.span.start, c.span.end)
    return _REPLACED_WORDS_RE.search(fold(sentence)) is not None


# A plan whose subject is to review a past programme (folded): "Tổng kết 5 năm thực hiện ...",
# "Sơ kết ...", "Đánh giá kết quả ...".
_REVIEW_PLAN_RE = re.compile(r"(?:tong|so)\s+ket|danh\s+gia\s+(?:ket\s+qua|tinh\s+hinh|viec)")


def _looks_back(ctx: Context, before_period: str) -> bool:
    """Whether a basis naming an ended period is cited to look back on it: the cited document
    tells of results (PAST_RE before the period: "Báo cáo ...", "tổng kết ...", "kết quả ..."), or
    the plan itself is to review a programme (its subject: "Tổng kết 5 năm thực hiện ...")."""
    return PAST_RE.search(before_period) is not None or (
        _REVIEW_PLAN_RE.search(fold(ctx.plan.header.title or "")) is not None
    )


def stale_basis(ctx: Context) -> Iterator[Finding]:
    """Flags a legal basis that no longer applies on the plan's date.

    Three ways a basis goes stale in a copied plan:

    * it was replaced: ``plankit.validity`` knows Nghị định 61/2018/NĐ-CP and 107/2021/NĐ-CP
      were replaced by 118/2025/NĐ-CP from 2025-07-01 (``error`` for a basis in the Căn cứ /
      Thực hiện preamble, ``warning`` for a mention in the body; a mention in a sentence that
      itself speaks of the replacement, "Nghị định 118/2025/NĐ-CP thay thế Nghị định
      61/2018/NĐ-CP", "... (đã hết hiệu lực)", is not reported);
    * it was replaced in part: 172/2025/NĐ-CP took over the discipline of "cán bộ, công chức"
      from 112/2020/NĐ-CP on 2025-07-01 (the register's ``replaced_part``). A basis citing
      112/2020/NĐ-CP in a plan dated from that day is a ``warning`` naming the successor, the
      day and the part: the rest of the decree (viên chức) is still in force, so the officer
      judges. Nothing when the plan also cites the successor (it relies on each for its part),
      for a plan dated before the change, or for a mention in the body;
    * it was a programme for a period that ended before the plan year ("Kế hoạch CCHC thành
      phố giai đoạn 2021-2025" as the basis of a 2026 plan). Not a document that tells of the
      period's results ("Báo cáo số 12/BC-UBND ... tổng kết Kế hoạch ... giai đoạn 2021-2025"),
      nor the programme a plan for reviewing it cites ("Kế hoạch tổng kết 5 năm thực hiện Kế
      hoạch số 120/KH-UBND" citing 120/KH-UBND "... giai đoạn 2021-2025");
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
    2025-07-01"; "... đã được thay thế một phần bởi 172/2025/NĐ-CP từ 01/07/2025 (cán bộ, công
    chức): kiểm tra phần được viện dẫn còn hiệu lực / ... was partly replaced by 172/2025/NĐ-CP
    from 2025-07-01 (cán bộ, công chức): check that the part relied on is still in force"; "...
    giai đoạn 2021-2025 đã kết thúc / ... its period 2021-2025 has ended".

    Examples:
        >>> text = ("Cần Thơ, ngày 15 tháng 01 năm 2026\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2026\\n\\n"
        ...         "Căn cứ Kế hoạch số 258/KH-UBND ngày 24 tháng 12 năm 2024 của UBND thành phố "
        ...         "về công tác thông tin, tuyên truyền cải cách hành chính năm 2025;")
        >>> fires(text, stale_basis)
        ['258/KH-UBND']
        >>> text = ("Cần Thơ, ngày 15 tháng 01 năm 2026\\nKẾ HOẠCH\\nKiểm tra công vụ năm 2026\\n\\n"
        ...         "Căn cứ Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ về xử lý kỷ luật;")
        >>> fires(text, stale_basis)
        ['112/2020/NĐ-CP']
        >>> fires(text + "\\nCăn cứ Nghị định số 172/2025/NĐ-CP ngày 30/6/2025 của Chính phủ;", stale_basis)
        []
    """
    from ...validity import PARTLY_REPLACED, REPLACED, replaced_by, status

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
    cited = {_norm_key(c.key) for c in ctx.citations if c.kind == "document"}
    for c in ctx.citations:
        if c.role not in ("basis", "mention") or c.span.start in seen or c.kind != "document":
            continue
        basis = c.role == "basis"
        state = status(c, ctx.on) if ctx.on is not None else None
        name = cited_as(ctx.text, c)
        if basis and state == PARTLY_REPLACED:
            rep = replaced_by(c.doc_id, ctx.on) or replaced_by(c.key, ctx.on)
            # The plan that also cites the successor relies on each for its own part.
            if rep is not None and _norm_key(rep.replaced_by) not in cited:
                seen.add(c.span.start)
                yield ctx.finding(
                    "stale-basis",
                    c.span.start,
                    c.span.end,
                    msg(
                        f"{name} đã được thay thế một phần bởi {rep.replaced_by} từ "
                        f"{rep.effective.strftime('%d/%m/%Y')} ({rep.part}): kiểm tra phần được "
                        "viện dẫn còn hiệu lực",
                        f"{name} was partly replaced by {rep.replaced_by} from "
                        f"{rep.effective.isoformat()} ({rep.part}): check that the part relied on is still in force",
                    ),
                    severity="warning",
                )
            continue
        if state == REPLACED and (basis or not _said_replaced(ctx, c)):
            rep = replaced_by(c.doc_id, ctx.on) or replaced_by(c.key, ctx.on)
            seen.add(c.span.start)
            new = rep.replaced_by if rep else "?"
            since = rep.effective if rep else ctx.on
            yield ctx.finding(
                "stale-basis",
                c.span.start,
                c.span.end,
                msg(
                    f"{name} đã được thay thế bởi {new} từ {since.strftime('%d/%m/%Y')}",
                    f"{name} was replaced by {new} from {since.isoformat()}",
                ),
                severity="error" if basis else "warning",
            )
            continue
        if not basis or year is None:
            continue
        words = ctx.reference_text(c.span.start, c.span.end) or fold(c.subject or "")
        period = PERIOD_RE.search(words)
        if period and int(period.group(2)) < year and not _looks_back(ctx, words[: period.start()]):
            seen.add(c.span.start)
            yield ctx.finding(
                "stale-basis",
                c.span.start,
                c.span.end,
                msg(
                    f"Căn cứ {name} là văn bản cho giai đoạn {period.group(1)}-{period.group(2)} đã kết thúc",
                    f"The basis {name} is for the period {period.group(1)}-{period.group(2)}, which has ended",
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
                    f"Căn cứ {name} là kế hoạch năm {old}, không phải năm {year} của kế hoạch này",
                    f"The basis {name} is the plan for {old}, not for this plan's year {year}",
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
                    f"Căn cứ {name} đã là căn cứ của kế hoạch năm {earlier.header.year} ({earlier.name})",
                    f"The basis {name} was already the basis of the {earlier.header.year} plan ({earlier.name})",
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
        ...       basis_after_plan)
        ['258/KH-UBND']
        >>> fires("Cần Thơ, ngày 08 tháng 01 năm 2023\\nKẾ HOẠCH\\nTuyên truyền CCHC năm 2023\\n\\n"
        ...       "Căn cứ Kế hoạch số 25/KH-UBND ngày 10/3/2023 của UBND thành phố;\\n"
        ...       "Căn cứ Kế hoạch số 40/KH-UBND ngày 12/4/2023 của UBND thành phố;",
        ...       basis_after_plan)
        ['ngày 08 tháng 01 năm 2023']
    """
    from ...validity import NOT_YET_ISSUED, status

    if not ctx.dated:
        return
    h = ctx.plan.header
    limit = ctx.latest
    if limit is None:  # judged on a day (lint_plan(plan, on=...)) but the plan itself has no date or year
        return
    plan_when = str(h.date_parts) if h.date_parts.year else limit.strftime("%d/%m/%Y")
    late: list[tuple[Citation, dt.date | None]] = []
    from ...register import lookup

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
            name = cited_as(ctx.text, c, quoted=False)
            listed.append(f"{name} ({day.strftime('%d/%m/%Y')})" if day else name)
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
        name = cited_as(ctx.text, c)
        if day is not None:
            when = day.strftime("%d/%m/%Y")
            vi = f"{name} đề ngày {when}, sau ngày của kế hoạch ({plan_when})"
            en = f"{name} is dated {when}, after the plan itself ({plan_when})"
        else:
            vi = f"{name} chưa được ban hành vào ngày của kế hoạch ({plan_when})"
            en = f"{name} was not yet issued on the plan's date ({plan_when})"
        yield ctx.finding("basis-after-plan", c.span.start, c.span.end, msg(vi, en))
