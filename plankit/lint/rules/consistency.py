"""Citations checked against each other (PK408-PK409): one document cited two ways in a
plan, or differently from the other plans of a folder.

One function per rule; its docstring is the rule's documentation (``docs/lint-rules.md``) and
its examples are doctests showing what :func:`~plankit.lint._context.fires` flags. The codes,
names and lifecycle are in :mod:`plankit.lint.rules.registry`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from ...model import Finding
from ...register import lookup
from ...text import fold
from .._context import (
    Context,
    fires,  # noqa: F401 (the docstring examples)
    msg,
)
from .._naming import cited_as
from .citations import Reading, date_text, folder_majority, readings, similar_subject, subject_of


def _reading_key(r: Reading) -> str:
    return r.citation.doc_id


def citation_inconsistent(ctx: Context) -> Iterator[Finding]:
    """Flags a document cited in one plan with two different dates or issuers, or one subject
    cited under two numbers.

    The title of the 2023 Phú Thọ plan dates Nghị quyết 27-NQ/TW 09/12/2022, its body 09/11/2022
    (twice); a Tuyên Quang plan cites the culture strategy as 1090/QĐ-TTg and, further down, as
    1909/QĐ-TTg of the same day. One of the readings is a slip. The reading that differs from the
    others is reported (all of them when there is no majority); documents the register knows
    are left to :func:`citation_register`, which says which reading is right.

    Fires on: ``Nghị quyết số 27-NQ/TW ngày 09/12/2022`` in the title and ``Nghị quyết số
    27-NQ/TW ngày 09/11/2022`` twice in the body (at the first; when 27-NQ/TW is not in the
    register).

    Does not fire on: the same document cited twice with the same date.

    Message: "'27-NQ/TW' được ghi ngày 09/12/2022 ở đây nhưng ngày 09/11/2022 (2 lần) ở chỗ
    khác / '27-NQ/TW' is dated 09/12/2022 here but 09/11/2022 (2x) elsewhere".

    Examples:
        >>> text = ("KẾ HOẠCH\\nThực hiện Nghị quyết số 11-NQ/TU ngày 09/12/2022 của Tỉnh ủy\\n\\n"
        ...         "Thực hiện Nghị quyết số 11-NQ/TU ngày 09/11/2022 của Tỉnh ủy. Nghị quyết số "
        ...         "11-NQ/TU ngày 09/11/2022 đề ra mục tiêu.")
        >>> fires(text, citation_inconsistent)
        ['11-NQ/TU ngày 09/12/2022']
    """
    groups: dict[str, list[Reading]] = {}
    for r in readings(ctx):
        groups.setdefault(_reading_key(r), []).append(r)
    for group in groups.values():
        if lookup(group[0].citation.key) is not None:
            continue
        for attr, vi_what, en_what in (("date", "ngày", "dated"), ("issuer", "của", "by")):
            values = Counter(getattr(r, attr) for r in group if getattr(r, attr) is not None)
            if len(values) < 2:
                continue
            (top, n_top), *rest = values.most_common()
            tie = rest and rest[0][1] == n_top
            for r in group:
                value = getattr(r, attr)
                if value is None or (value == top and not tie):
                    continue
                others = [(v, n) for v, n in values.items() if v != value]
                shown = ", ".join(
                    f"{date_text(v) if attr == 'date' else v} ({n} lần)" for v, n in others
                )
                shown_en = ", ".join(
                    f"{date_text(v) if attr == 'date' else v} ({n}x)" for v, n in others
                )
                mine = date_text(value) if attr == "date" else value
                start, end = r.span if attr == "date" else (r.issuer_span or r.span)
                yield ctx.finding(
                    "citation-inconsistent",
                    start,
                    end,
                    msg(
                        f"{cited_as(ctx.text, r.citation)} được ghi {vi_what} {mine} ở đây nhưng {vi_what} {shown} ở chỗ khác",
                        f"{cited_as(ctx.text, r.citation)} is {en_what} {mine} here but {shown_en} elsewhere",
                    ),
                )
    # One subject under two numbers: same type and issuer code, same date, similar subject.
    # Compared within groups of one symbol and one date (at most 50 each), so a plan citing
    # thousands of documents is not compared pair by pair.
    by_symbol_day: dict[tuple[str, dt.date], list[Reading]] = {}
    for r in readings(ctx):
        if r.date is not None:
            symbol = re.sub(r"^\d+[a-z]?", "", fold(r.citation.key))
            by_symbol_day.setdefault((symbol, r.date), []).append(r)
    reported: set[int] = set()
    for group in by_symbol_day.values():
        group = group[:50]
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                ka, kb = a.citation, b.citation
                if ka.doc_id == kb.doc_id:
                    continue
                if lookup(ka.key) is not None or lookup(kb.key) is not None:
                    continue  # citation_register names the right one
                if not similar_subject(subject_of(ctx, a), subject_of(ctx, b)):
                    continue
                for r, other in ((a, b), (b, a)):
                    if lookup(r.citation.key) is not None or r.citation.span.start in reported:
                        continue
                    reported.add(r.citation.span.start)
                    yield ctx.finding(
                        "citation-inconsistent",
                        r.citation.span.start,
                        r.citation.span.end,
                        msg(
                            f"Cùng trích yếu và ngày {date_text(r.date)} nhưng ghi hai số: "
                            f"{cited_as(ctx.text, r.citation)} và {cited_as(ctx.text, other.citation)}",
                            f"The same subject and date under two numbers: {cited_as(ctx.text, r.citation)} "
                            f"and {cited_as(ctx.text, other.citation)}",
                        ),
                    )


def corpus_inconsistent(ctx: Context) -> Iterator[Finding]:
    """Flags a document cited with a date that other plans of the folder do not give it.

    Given other plans (``plankit lint FOLDER``, :func:`plankit.lint.lint_corpus`, or
    ``lint_plan(corpus=...)``), each document's dates are counted across the plans: a plan that
    dates 57-NQ/TW 22/12/2025 when three others date it 22/12/2024 has copied a slip or made
    one. The message gives the majority reading. A document the register knows is left to
    :func:`citation_register` (one finding per cause), whose message then adds the folder's
    majority to the register's date and source. Only documents cited with a date in at least
    two other plans are compared, and the majority must be strict.

    Fires on: ``Nghị quyết số 57-NQ/TW ngày 22/12/2025`` when two other plans of the folder cite
    it as of 22/12/2024.

    Does not fire on: a plan linted alone; a date the other plans agree with.

    Message: "'57-NQ/TW' đề ngày 22/12/2025, các kế hoạch khác ghi 22/12/2024 (2/2 kế
    hoạch) / '57-NQ/TW' is dated 22/12/2025; other plans give 22/12/2024 (2 of 2 plans)".

    Examples:
        >>> fires("KẾ HOẠCH\\nChuyển đổi số năm 2025\\n\\nCăn cứ Nghị quyết số 57-NQ/TW ngày "
        ...       "22/12/2025 của Bộ Chính trị;", corpus_inconsistent)  # one plan: no folder
        []
        >>> from plankit.lint import lint_corpus
        >>> from plankit.read import read_text
        >>> texts = [f"KẾ HOẠCH\\nCải cách hành chính năm 2022\\n\\nCăn cứ Chỉ thị số 99/CT-TTg ngày "
        ...          f"02/9/{y} của Thủ tướng Chính phủ;" for y in (2020, 2021, 2021)]
        >>> plans = [read_text(t, name=f"{i}.txt") for i, t in enumerate(texts)]
        >>> [(f.file, f.surface) for f in lint_corpus(plans, rules=["corpus-inconsistent"])]
        [('0.txt', '99/CT-TTg ngày 02/9/2020')]
    """
    if not ctx.corpus_source:
        return
    for r in readings(ctx):
        if r.date is None:
            continue
        if lookup(r.citation.key) is not None:
            continue  # citation_register decides, and shows the folder's majority
        majority = folder_majority(ctx, r)
        if majority is None:
            continue
        top, n, total = majority
        start, end = r.span
        yield ctx.finding(
            "corpus-inconsistent",
            start,
            end,
            msg(
                f"{cited_as(ctx.text, r.citation)} đề ngày {date_text(r.date)}, các kế hoạch khác ghi "
                f"{date_text(top)} ({n}/{total} kế hoạch)",
                f"{cited_as(ctx.text, r.citation)} is dated {date_text(r.date)}; other plans give "
                f"{date_text(top)} ({n} of {total} plans)",
            ),
        )
