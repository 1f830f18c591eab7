"""The stale copy-paste linter: what last year's plan left behind, as findings.

:func:`lint_plan` runs the rules of :mod:`plankit.lint.rules` (one function each, listed in the
registry :mod:`plankit.lint.rules.registry`, documented in
``docs/lint-rules.md``) over a :class:`~plankit.model.Plan` and returns the findings sorted by
position. Findings are data; only the CLI turns them into an exit code.

>>> import datetime as dt
>>> from plankit.read import read_text
>>> plan = read_text("Cần Thơ, ngày 21 tháng 01 năm 2025\\nKẾ HOẠCH\\n"
...                  "Công tác thông tin, tuyên truyền cải cách hành chính năm 2025\\n\\n"
...                  "Trên đây là Kế hoạch công tác thông tin, tuyên truyền CCHC năm 2024 "
...                  "của Sở Khoa học và Công nghệ./.", name="ke-hoach.txt")
>>> findings = lint_plan(plan, today=dt.date(2025, 6, 1))
>>> findings
<FindingList: 1 finding (1 error)>
>>> print(findings[0])
ke-hoach.txt:5:60: PK101 stale-year Năm 2024 không phải năm của kế hoạch (2025): có lẽ còn sót lại từ kế hoạch năm trước / Year 2024 is not the plan year (2025): probably left over from last year's plan
>>> findings[0].suggestion
'năm 2025'
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Finding, Plan
from .config import (
    Baseline,
    Selection,
    load_baseline,
    select_rules,
    suppress_inline,
    write_baseline,
)
from .fixes import FixError, apply_fixes, fix_text, fixed_path, write_fixed
from .rules import RULES, Context, Rule, known_typos, rule_named
from .rules.citations import one_finding_per_cause

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "RULES",
    "Baseline",
    "Finding",
    "FindingList",
    "FixError",
    "Rule",
    "Selection",
    "apply_fixes",
    "fix_text",
    "fixed_path",
    "known_typos",
    "lint_corpus",
    "lint_plan",
    "load_baseline",
    "rule_named",
    "write_baseline",
    "write_fixed",
]

_COLUMNS = [
    "file",
    "line",
    "column",
    "code",
    "rule",
    "severity",
    "message",
    "surface",
    "suggestion",
    "safe_fix",
]


class FindingList(tuple):
    """The findings of one or more plans, sorted by position: an immutable sequence with a
    table view.

    A value, like the :class:`~plankit.model.Plan` it comes from: it cannot be changed, so a
    result kept in a notebook stays what :func:`lint_plan` returned. ``suppressed`` counts
    findings dropped by inline ``plankit: ignore`` comments; ``notes`` holds problems that kept
    a rule from looking at everything (a citation extractor failure).

    >>> found = FindingList([], suppressed=2)
    >>> found.suppressed, found
    (2, <FindingList: 0 findings (2 suppressed)>)
    >>> found.suppressed = 0
    Traceback (most recent call last):
    ...
    AttributeError: FindingList is immutable
    """

    suppressed: int
    notes: tuple[str, ...]

    def __new__(
        cls, findings: Iterable[Finding] = (), *, suppressed: int = 0, notes: Sequence[str] = ()
    ) -> FindingList:
        self = super().__new__(cls, findings)
        object.__setattr__(self, "suppressed", suppressed)
        object.__setattr__(self, "notes", tuple(notes))
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FindingList is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("FindingList is immutable")

    def __reduce__(self):
        return (_finding_list, (tuple(self), self.suppressed, self.notes))

    def __getitem__(self, index):
        found = super().__getitem__(index)
        if isinstance(index, slice):
            return FindingList(found, notes=self.notes)
        return found

    def counts(self) -> dict[str, int]:
        """How many findings of each severity, in severity order."""
        c = Counter(f.severity for f in self)
        return {s: c[s] for s in Finding.SEVERITIES if c[s]}

    @property
    def errors(self) -> FindingList:
        """The findings of severity ``error``."""
        return FindingList(f for f in self if f.severity == "error")

    def of(self, rule: str) -> FindingList:
        """The findings of one rule, by name or code."""
        meta = rule_named(rule)
        return FindingList(f for f in self if f.code == meta.code)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every finding as a dict (:meth:`Finding.to_dict`)."""
        return [f.to_dict() for f in self]

    def to_frame(self) -> pd.DataFrame:
        """One row per finding: file, line, column, code, rule, severity, message, surface,
        suggestion, context."""
        import pandas as pd

        rows = [
            {k: getattr(f, k) for k in _COLUMNS[:-1]}
            | {"safe_fix": f.fix is not None and f.fix.safe, "context": f.context}
            for f in self
        ]
        return pd.DataFrame(rows, columns=[*_COLUMNS, "context"])

    def __repr__(self) -> str:
        n = len(self)
        parts = ", ".join(
            f"{v} {k}{'s' if v > 1 and k != 'info' else ''}" for k, v in self.counts().items()
        )
        extra = f"{self.suppressed} suppressed" if self.suppressed else ""
        both = ", ".join(x for x in (parts, extra) if x)
        detail = f" ({both})" if both else ""
        return f"<FindingList: {n} finding{'s' if n != 1 else ''}{detail}>"

    def _repr_html_(self) -> str:
        esc = html.escape
        if not self:
            return "<p>Không có phát hiện nào / No findings</p>"
        colours = {"error": "#fdd", "warning": "#ffd", "info": "#def"}
        rows = []
        for f in self:
            start = max(f.span.start - f.context_start, 0)
            end = max(f.span.end - f.context_start, start)
            ctx = f.context if f.context else f.surface
            if not f.context:
                start, end = 0, len(f.surface)
            colour = colours.get(f.severity, "#eee")
            sentence = (
                f"{esc(ctx[:start])}<mark style='background:{colour}'>{esc(ctx[start:end])}</mark>"
                f"{esc(ctx[end:])}"
            )
            fix = esc(f.suggestion) if f.suggestion is not None else ""
            rows.append(
                f"<tr><td>{esc(f.file or '')}:{f.line}:{f.column}</td><td><code>{esc(f.code)}</code></td>"
                f"<td>{esc(f.rule)}</td><td>{esc(f.severity)}</td>"
                f"<td style='text-align:left'>{sentence}<br><small>{esc(f.message)}</small></td>"
                f"<td>{fix}</td></tr>"
            )
        head = (
            "<tr><th>vị trí / where</th><th>mã / code</th><th>quy tắc / rule</th><th>mức / severity</th>"
            "<th>câu / sentence</th><th>sửa / fix</th></tr>"
        )
        return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _finding_list(findings: tuple[Finding, ...], suppressed: int, notes: tuple[str, ...]):
    return FindingList(findings, suppressed=suppressed, notes=notes)


_LAST_CORPUS: list = [None, ()]


def _as_plans(corpus: Iterable[Plan | str | os.PathLike[str]] | None) -> Sequence[Plan]:
    """The corpus as plans (paths are read), converted once per corpus object: linting a folder
    passes the same list for every plan, and converting it per plan would make a folder's lint
    quadratic."""
    if corpus is None:
        return ()
    if corpus is _LAST_CORPUS[0]:
        return _LAST_CORPUS[1]
    from ..read import as_plan

    items = corpus if isinstance(corpus, Sequence) else tuple(corpus)
    plans = items if all(isinstance(p, Plan) for p in items) else tuple(as_plan(p) for p in items)
    if isinstance(corpus, Sequence):
        _LAST_CORPUS[:] = [corpus, plans]
    return plans


def lint_plan(
    plan: Plan | str | os.PathLike[str],
    *,
    rules: Selection | str | Iterable[str | Rule] | None = None,
    today: dt.date | None = None,
    corpus: Iterable[Plan | str | os.PathLike[str]] | None = None,
    on: dt.date | None = None,
) -> FindingList:
    """Lint one plan: every finding of the selected rules, sorted by position.

    Args:
        plan: the plan to check (from :func:`plankit.read_plan` or :func:`plankit.read_text`),
            or the path of its file.
        rules: ``None`` for all rules; else a :class:`Selection`, or selectors (codes such as
            ``PK101``, prefixes such as ``PK1``, names such as ``stale-year``) or rules.
        today: the reference day for deciding whether a plan counts as signed and whether a
            cited date lies in the future (default: the system date).
        corpus: other plans (or paths); ``stale-basis`` uses earlier plans of the same issuer to recognise
            last year's basis.
        on: the day to judge the plan on instead of its own date (which names are still
            valid): the day of next year's plan, when drafting it from this one.

    Returns:
        A :class:`FindingList`; lines carrying ``plankit: ignore[...]`` are honoured.

    Example:
        >>> from plankit.read import read_text
        >>> plan = read_text("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nTriển khai cơ chế chế một cửa.",
        ...                  name="x.txt")
        >>> [(f.code, f.rule, f.surface, f.suggestion) for f in lint_plan(plan, rules=["PK5"])]
        [('PK501', 'duplicated-word', 'chế chế', 'chế')]
    """
    from ..read import as_plan

    plan = as_plan(plan)
    today = today or dt.date.today()
    selected = select_rules(rules)
    ctx = Context(plan, today=today, corpus=_as_plans(corpus), on=on)
    notes: list[str] = []
    found: list[Finding] = []
    for rule in selected:
        if rule.name in ("stale-basis", "basis-after-plan"):
            try:
                _ = ctx.citations
            except Exception as exc:
                notes.append(
                    f"{rule.code} {rule.name}: citations unavailable ({type(exc).__name__}: {exc})"
                )
                continue
        found.extend(rule.check(ctx))
    kept, suppressed = suppress_inline(one_finding_per_cause(found), plan.text)
    kept.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return FindingList(kept, suppressed=suppressed, notes=notes)


def lint_corpus(
    plans: Iterable[Plan],
    *,
    rules: Selection | str | Iterable[str | Rule] | None = None,
    today: dt.date | None = None,
) -> FindingList:
    """Lint a folder of plans together: each plan with the others as its corpus.

    Cross-plan rules then see the folder: ``stale-basis`` recognises last year's basis from an
    earlier plan of the same issuer, and ``corpus-inconsistent`` reports a document a plan
    cites with a date the other plans do not give it (the majority reading and the register
    shown). The folder's tally is built once, so the work grows with the folder's size.

    Args:
        plans: the plans (from :func:`plankit.read_plan`).
        rules: as for :func:`lint_plan`.
        today: as for :func:`lint_plan`.

    Returns:
        One :class:`FindingList` of every plan's findings, plan by plan.

    Example:
        >>> from plankit.read import read_text
        >>> texts = [f"KẾ HOẠCH\\nCải cách hành chính năm 2022\\n\\nCăn cứ Chỉ thị số 99/CT-TTg ngày "
        ...          f"02/9/{y} của Thủ tướng Chính phủ;" for y in (2020, 2021, 2021)]
        >>> found = lint_corpus([read_text(t, name=f"{i}.txt") for i, t in enumerate(texts)],
        ...                     rules=["PK409"])
        >>> [(f.file, f.code, f.surface) for f in found]
        [('0.txt', 'PK409', '99/CT-TTg ngày 02/9/2020')]
    """
    corpus = tuple(_as_plans(tuple(plans)))
    findings: list[Finding] = []
    suppressed = 0
    notes: list[str] = []
    for plan in corpus:
        result = lint_plan(plan, rules=rules, today=today, corpus=corpus)
        findings.extend(result)
        suppressed += result.suppressed
        notes.extend(f"{plan.name}: {n}" for n in result.notes)
    return FindingList(findings, suppressed=suppressed, notes=notes)
