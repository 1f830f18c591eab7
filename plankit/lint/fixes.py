"""One engine applies fixes: the edits of findings' :class:`~plankit.model.Fix` values, and any
other list of :class:`~plankit.model.Edit` (the draft's rewrites go through it too).

Edits never overlap in the result: an edit that overlaps one already chosen (earlier in the
given order) is left out, and so is one that changes nothing. A fix is applied whole or not at
all; ``safe_only`` keeps the fixes a rule is sure of (a known misspelling, a repeated word, a
renamed agency) and leaves those that need the officer's judgement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Edit, Finding

__all__ = ["apply_edits", "apply_fixes", "choose_edits"]

Shift = tuple[int, int, int, int]  # an applied edit: old start, old end, new start, new end


def _overlaps(e: Edit, chosen: Iterable[Edit]) -> bool:
    return any(
        (e.start < c.end and c.start < e.end) or (e.start == e.end == c.start) for c in chosen
    )


def choose_edits(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """The edits that change something and do not overlap an earlier one, in text order.

    >>> [e.replacement for e in choose_edits("cơ chế chế", [Edit(3, 10, "chế"), Edit(7, 10, "x"),
    ...                                                      Edit(0, 2, "cơ")])]
    ['chế']
    """
    chosen: list[Edit] = []
    for e in edits:
        if not 0 <= e.start <= e.end <= len(text):
            raise ValueError(f"edit {e} lies outside the text ({len(text)} characters)")
        if e.replacement == text[e.start : e.end] or _overlaps(e, chosen):
            continue
        chosen.append(e)
    return sorted(chosen, key=lambda e: e.start)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Shift]]:
    """``text`` with the chosen edits (:func:`choose_edits`) applied, and where each landed:
    ``(old start, old end, new start, new end)``, to move other spans with the text.

    >>> apply_edits("Kế hoạch năm 2024", [Edit(13, 17, "2025")])
    ('Kế hoạch năm 2025', [(13, 17, 13, 17)])
    """
    out: list[str] = []
    shifts: list[Shift] = []
    pos = delta = 0
    for e in choose_edits(text, edits):
        out.append(text[pos : e.start])
        out.append(e.replacement)
        shifts.append((e.start, e.end, e.start + delta, e.start + delta + len(e.replacement)))
        delta += len(e.replacement) - (e.end - e.start)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), shifts


def apply_fixes(text: str, findings: Sequence[Finding], *, safe_only: bool = True) -> str:
    """``text`` (the :attr:`~plankit.model.Plan.text` the findings were made on) with their
    fixes applied, in text order; a fix that overlaps an earlier one waits for the next run.

    Args:
        text: the plan's text.
        findings: findings of that text (from :func:`plankit.lint.lint_plan`).
        safe_only: apply only the fixes marked safe (the default); ``False`` applies every fix.

    Returns:
        The corrected text.

    Example:
        >>> from plankit.lint import lint_plan
        >>> from plankit.read import read_text
        >>> plan = read_text("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép sinh hoạt "
        ...                  "tuyên tuyền, cơ chế chế một cửa.", name="x.txt")
        >>> apply_fixes(plan.text, lint_plan(plan)).splitlines()[-1]
        'Lồng ghép sinh hoạt tuyên truyền, cơ chế một cửa.'
    """
    chosen: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code)):
        fix = f.fix
        if fix is None or (safe_only and not fix.safe):
            continue
        edits = [e for e in fix.edits if e.replacement != text[e.start : e.end]]
        if edits and not any(_overlaps(e, chosen) for e in edits):
            chosen.extend(edits)
    return apply_edits(text, chosen)[0]
