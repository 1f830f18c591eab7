"""One engine applies fixes: the edits of findings' :class:`~plankit.model.Fix` values, and any
other list of :class:`~plankit.model.Edit` (the draft's rewrites go through it too).

Edits never overlap in the result: an edit that overlaps one already chosen (earlier in the
given order) is left out, and so is one that changes nothing. A fix is applied whole or not at
all; ``safe_only`` keeps the fixes a rule is sure of (a known misspelling, a repeated word, a
renamed agency) and leaves those that need the officer's judgement.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import PlankitError
from ..model import Edit, Finding, Plan
from ..output import FIXED_MARK

__all__ = [
    "FIXABLE_SUFFIXES",
    "FixError",
    "apply_edits",
    "apply_fixes",
    "check_fixable",
    "choose_edits",
    "fix_text",
    "fixed_path",
    "write_fixed",
]

FIXABLE_SUFFIXES = (".txt", ".md")
"""The plans :func:`write_fixed` writes a fixed copy of: text files. A .docx keeps its layout
in the Word file, which a text copy would lose; :func:`plankit.annotate.annotate_docx` marks the
findings in a copy of it instead."""


class FixError(PlankitError):
    """A plan whose fixes cannot be written (a .docx, a plan not read from a file)."""

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


def fix_text(
    text: str, findings: Sequence[Finding], *, safe_only: bool = True
) -> tuple[str, list[Finding]]:
    """``text`` with the findings' fixes applied, and the findings whose fixes were applied.

    A fix that overlaps one applied earlier (in text order) waits for the next run; so does one
    that changes nothing. ``safe_only`` (the default) leaves the fixes that need the officer's
    judgement (a stale year, a heading number).

    Example:
        >>> from plankit.lint import lint_plan
        >>> from plankit.read import read_text
        >>> plan = read_text("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép sinh hoạt "
        ...                  "tuyên tuyền, cơ chế chế một cửa.", name="x.txt")
        >>> text, fixed = fix_text(plan.text, lint_plan(plan))
        >>> text.splitlines()[-1], [f.rule for f in fixed]
        ('Lồng ghép sinh hoạt tuyên truyền, cơ chế một cửa.', ['known-typo', 'duplicated-word'])
    """
    chosen: list[Edit] = []
    fixed: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code)):
        fix = f.fix
        if fix is None or (safe_only and not fix.safe):
            continue
        edits = [e for e in fix.edits if e.replacement != text[e.start : e.end]]
        if edits and not any(_overlaps(e, chosen) for e in edits):
            chosen.extend(edits)
            fixed.append(f)
    return apply_edits(text, chosen)[0], fixed


def apply_fixes(text: str, findings: Sequence[Finding], *, safe_only: bool = True) -> str:
    """``text`` (the :attr:`~plankit.model.Plan.text` the findings were made on) with their
    fixes applied, in text order; a fix that overlaps an earlier one waits for the next run.

    Args:
        text: the plan's text.
        findings: findings of that text (from :func:`plankit.lint.lint_plan`).
        safe_only: apply only the fixes marked safe (the default); ``False`` applies every fix.

    Returns:
        The corrected text (:func:`fix_text` also says which findings were fixed).

    Example:
        >>> from plankit.lint import lint_plan
        >>> from plankit.read import read_text
        >>> plan = read_text("KẾ HOẠCH\\nTuyên truyền CCHC năm 2022\\n\\nLồng ghép sinh hoạt "
        ...                  "tuyên tuyền, cơ chế chế một cửa.", name="x.txt")
        >>> apply_fixes(plan.text, lint_plan(plan)).splitlines()[-1]
        'Lồng ghép sinh hoạt tuyên truyền, cơ chế một cửa.'
    """
    return fix_text(text, findings, safe_only=safe_only)[0]


def fixed_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`write_fixed` puts the fixed copy of ``path`` by default: beside it, with
    ``.fixed`` before the extension.

    >>> fixed_path("plans/hung-yen/2022-so-khcn.md").as_posix()
    'plans/hung-yen/2022-so-khcn.fixed.md'
    """
    p = Path(path)
    return p.with_name(f"{p.stem}{FIXED_MARK}{p.suffix}")


def check_fixable(path: str | os.PathLike[str]) -> None:
    """Raise :class:`FixError` unless ``path`` is a plan :func:`write_fixed` can write a fixed
    copy of (:data:`FIXABLE_SUFFIXES`).

    >>> check_fixable("ke-hoach.docx")
    Traceback (most recent call last):
    ...
    plankit.lint.fixes.FixError: ke-hoach.docx: --fix chỉ ghi bản sửa của tệp .txt, .md; ...
    """
    if Path(path).suffix.lower() not in FIXABLE_SUFFIXES:
        raise FixError(
            f"{os.fspath(path)}: --fix chỉ ghi bản sửa của tệp .txt, .md; với tệp .docx hãy "
            "dùng --annotate / --fix writes fixed copies of .txt and .md plans only; for a "
            ".docx use --annotate or annotate_docx (the findings as Word comments)"
        )


def write_fixed(
    plan: Plan,
    findings: Sequence[Finding],
    out: str | os.PathLike[str] | None = None,
    *,
    safe_only: bool = True,
    force: bool = False,
) -> Path:
    """Write a fixed copy of a text plan: its text with the findings' safe fixes applied
    (:func:`fix_text`), UTF-8, atomically. The plan's file is never changed.

    Args:
        plan: a plan read from a ``.txt`` or ``.md`` file.
        findings: its findings (from :func:`plankit.lint.lint_plan`).
        out: the file to write; default :func:`fixed_path` of the plan's file
            (``ke-hoach.fixed.txt`` beside ``ke-hoach.txt``).
        safe_only: as for :func:`fix_text`.
        force: replace ``out`` if it exists (never the plan's own file).

    Returns:
        The path written.

    Raises:
        FixError: the plan is a .docx (or another form that is not text), or was not read
            from a file.
        plankit.errors.OutputError: ``out`` is the plan's file, exists without ``force``, or
            cannot be written.

    Example:
        >>> import shutil, tempfile
        >>> from pathlib import Path
        >>> from plankit.lint import lint_plan
        >>> from plankit.read import read_plan
        >>> folder = Path(tempfile.mkdtemp())
        >>> path = shutil.copy("plans/can-tho/2022-so-khcn.txt", folder)
        >>> plan = read_plan(path)
        >>> out = write_fixed(plan, lint_plan(plan))
        >>> out.name, "tuyên tuyền" in plan.text, "tuyên tuyền" in out.read_text(encoding="utf-8")
        ('2022-so-khcn.fixed.txt', True, False)
    """
    from ..output import plan_outputs, write_atomic

    source = plan.source.path
    if not source:
        raise FixError(
            f"{plan.name}: kế hoạch không đọc từ tệp, hãy dùng fix_text / the plan was not "
            "read from a file: use fix_text"
        )
    check_fixable(source)
    target = plan_outputs([out if out is not None else fixed_path(source)], [source], force=force)[0]
    text, _ = fix_text(plan.text, findings, safe_only=safe_only)
    return write_atomic(target, text, force=force, inputs=[source])
