"""Next year's plan as tracked changes in the officer's own .docx.

:func:`draft_docx` is the in-place route of :func:`plankit.draft_plan`: instead of pouring the
draft into plankit's template, it edits a copy of last year's Word file, so the department's
styles, header table, activity tables, numbering and page setup stay. Every edit the drafter
makes (years, the day and number left blank, basis clauses, agency and place names, known typos,
doubled words) is a tracked change by ``plankit`` (``w:del`` + ``w:ins``, dated); every to-do is a
Word comment at its place. Reject All gives back the original text exactly; Accept All gives the
draft. Plans that arrive as text, PDF or scans take the template route
(:func:`plankit.render_docx`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .dates import find_date
from .errors import ReadError
from .model import Citation, PartialDate, Plan
from .places import cell_name
from .text import fold

__all__ = ["TrackedDraft", "draft_docx"]



@dataclasses.dataclass(frozen=True)
class TrackedDraft:
    """What :func:`draft_docx` wrote: the path, the number of tracked changes and the to-dos.

    ``todo`` holds ``(kind, message, text)`` for each comment, ``text`` being the words it is
    anchored on in last year's document; ``skipped`` counts the edits that could not be placed
    in the document (inside someone else's revision, or text with no run of its own).
    """

    path: Path
    changes: int
    todo: tuple[tuple[str, str, str], ...]
    skipped: int = 0

    def __fspath__(self) -> str:
        return str(self.path)

    def __repr__(self) -> str:
        return f"TrackedDraft({self.path.name!r}, {self.changes} changes, {len(self.todo)} to-dos)"

    def _repr_html_(self) -> str:
        import html

        rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(t)}</td><td>{html.escape(m)}</td></tr>"
                       for k, m, t in self.todo)
        return (f"<p><b>{html.escape(self.path.name)}</b>: {self.changes} thay đổi được theo dõi, {len(self.todo)} "
                f"ghi chú / {self.changes} tracked changes, {len(self.todo)} comments</p><table><tr>"
                f"<th>Loại / kind</th><th>Chỗ / text</th><th>Nội dung / message</th></tr>{rows}</table>")

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(self.todo, columns=["kind", "message", "text"])


# Tracked changes edit the officer's own Word file: any other form is drafted through a template.
_NEEDS_DOCX = ("theo dõi thay đổi cần kế hoạch dạng .docx; kế hoạch dạng văn bản, PDF hay bản quét thì dự "
               "thảo qua mẫu (bỏ --track-changes) / tracked changes need a .docx plan; drafts from text, PDF "
               "or scans use the template route")


def draft_docx(
    previous: Plan | str | os.PathLike[str],
    *,
    year: int,
    out: str | os.PathLike[str],
    date: dt.date | str | None = None,
    number: str | int | None = None,
    basis: Iterable[str | Citation] | str | None = None,
    replacements: Mapping[str, str] | None = None,
    force: bool = False,
) -> TrackedDraft:
    """Draft ``year``'s plan by editing a copy of last year's .docx with tracked changes.

    The edits are those of :func:`plankit.draft_plan` (years the plan speaks of itself in, the
    day and number blanked or set, basis clauses replaced when ``basis`` is given, agency and
    place names valid on the new date, known typos, ``replacements``), each a tracked change by
    ``plankit``; each to-do (number, day, last year's basis, ended periods, districts) is a
    comment at its place.

    Args:
        previous: last year's plan, a .docx path (or a Plan read from one).
        year: the new plan's year.
        out: the .docx to write (atomically; an existing file only with ``force``).
        date, number: the day of issue and number, when known (else blank, with a to-do).
        basis: the new basis clauses (one string, or several), replacing last year's.
        replacements: text to replace, old -> new.

    >>> import tempfile, pathlib, docx
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> d = docx.Document()
    >>> for line in ("SỞ CÔNG THƯƠNG", "Số: 181/KH-SCT", "Hải Dương, ngày 07 tháng 02 năm 2022",
    ...              "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2022", "I. MỤC ĐÍCH",
    ...              "Trên đây là Kế hoạch tuyên truyền năm 2022 của Sở Công Thương."):
    ...     _ = d.add_paragraph(line)
    >>> d.save(folder / "2022.docx")
    >>> result = draft_docx(folder / "2022.docx", year=2023, out=folder / "2023.docx")
    >>> result
    TrackedDraft('2023.docx', 5 changes, 2 to-dos)
    >>> [kind for kind, _, _ in result.todo]
    ['number', 'date']
    """
    from .draft import (
        INTRO_RE,
        Rewriter,
        as_date,
        basis_line,
        signer_hint,
    )
    from .draft_todos import MSG
    from .parts import clean_recipient, plan_parts
    from .places import match_place
    from .read import read_plan
    from .word import WordEdit

    if not isinstance(year, int) or not 1945 <= year <= 2100:
        raise ValueError(f"năm phải là một năm như 2026 / year must be a year such as 2026, not {year!r}")
    if isinstance(previous, Plan):
        if previous.source.path is None or previous.source.form != "docx" or not previous.source.path.lower().endswith(".docx"):
            raise ReadError(previous.source.path or previous.name, _NEEDS_DOCX)
        path = Path(previous.source.path)
        prev = previous
    else:
        path = Path(previous)
        if path.suffix.lower() != ".docx":
            raise ReadError(str(path), _NEEDS_DOCX)
        prev = read_plan(path)
    when = as_date(date)
    h = prev.header
    text = prev.text
    plan_year = h.year or h.date_parts.year or year - 1
    month = when.month if when else (h.date_parts.month or 1)
    date_year = when.year if when else year + ((h.date_parts.year - plan_year) if h.date_parts.year else 0)
    on = when or dt.date(date_year, month, 1)
    place = h.place
    province = match_place(place) if place else None
    if province is not None and not province.valid_on(on) and province.successor:
        successor = match_place(province.successor)
        place = successor.name if successor else province.successor
    given = str(number).strip() if number is not None and str(number).strip() else None
    issued = PartialDate(when.day, when.month, when.year) if when else PartialDate(None, month, date_year)
    rw = Rewriter(prev, year=year, on=on, province=place, replacements=replacements, issued=issued, number=given)
    edit = WordEdit(path, prev)
    edits: list[tuple[int, int, str]] = []
    todos: list[tuple[int, int, str, str]] = []

    def changes(start: int, end: int, kind: str, fix=None, base: bool = True) -> None:
        found, marks = rw.raw_changes(text[start:end], start if base else None, kind, fix)
        edits.extend((start + e.start, start + e.end, e.replacement) for e in found)
        todos.extend((start + s, start + e, k, m) for s, e, k, m in marks)

    # -- header: names, number, date, subject ------------------------------------------------
    for name in ("parent", "issuer", "place"):
        span = h.span(name)
        if span is not None:
            changes(span.start, span.end, "name", base=False)
    span = h.span("place")  # a merged province's place line names its successor, as draft_plan's
    if span is not None and place and fold(place) != fold(h.place or "") and not any(
            span.start <= s < span.end for s, _, _ in edits):
        edits.append((span.start, span.end, place))
    span = h.span("number")
    if span is not None and text[span.start : span.end].strip():
        edits.append((span.start, span.end, given or " " * 6))
        if given is None:
            todos.append((span.start, span.end, "number", MSG["number"]))
    elif (sym := h.span("symbol")) is not None:
        if given is not None:
            edits.append((sym.start, sym.start, f"{given}/"))
        else:
            todos.append((sym.start, sym.end, "number", MSG["number"]))
    span = h.span("date")
    if span is not None:
        raw = text[span.start : span.end]
        m = find_date(fold(raw))  # "ngày 07 tháng 02 năm 2022", "ngày    tháng 01 năm 2022"
        if m:
            base = span.start
            if m.day_span:
                new_day = f"{when.day:02d}" if when else " " * 6
                edits.append((base + m.day_span[0], base + m.day_span[1], new_day))
                if not when:
                    todos.append((base + m.day_span[0], base + m.day_span[1], "date", MSG["date"]))
            elif when:
                edits.append((base + m.blank_at, base + m.blank_at, f"{when.day:02d} "))
            else:
                todos.append((base + m.start, base + m.end, "date", MSG["date"]))
            if when and m.month_span:
                edits.append((base + m.month_span[0], base + m.month_span[1], f"{when.month:02d}" if when.month <= 2 else str(when.month)))
            edits.append((base + m.year_span[0], base + m.year_span[1], str(date_year)))
        if place and h.span("place") is None and h.place and fold(place) != fold(h.place):
            todos.append((span.start, span.end, "issuer", f"Địa danh mới: {place} (the place is now {place})"))
    span = h.span("title")
    if span is not None:
        changes(span.start, span.end, "subject", base=False)
    # -- basis, body, closing, appendix -------------------------------------------------------
    parts = plan_parts(prev)
    clauses = [basis] if isinstance(basis, str | Citation) else (list(basis) if basis is not None else [])
    if clauses and parts.basis:
        # clause k replaces old clause k; the last new clause takes the place of every old
        # clause left over, and more new clauses than old ones follow in the last place
        items = parts.basis
        lines = [basis_line(c, k == len(clauses) - 1) for k, c in enumerate(clauses)]
        if len(lines) > len(items):
            lines[len(items) - 1 :] = [" ".join(lines[len(items) - 1 :])]
        for k, line in enumerate(lines):
            start = items[k].span.start
            bullet = re.match(r"[-+•*]\s*", text[start : items[k].span.end])
            line = (bullet.group() if bullet else "") + line  # the officer's own "- " stays
            last = items[-1] if k == len(lines) - 1 else items[k]
            raw = text[last.span.start : last.span.end]
            intro = INTRO_RE.search(fold(raw))
            end = last.span.start + intro.start() if intro else last.span.end
            edits.append((start, end, line.rstrip(".;") if intro else line))
            if intro:
                changes(last.span.start + intro.start("intro"), last.span.end, "intro")
    else:
        for item in parts.basis:
            raw = text[item.span.start : item.span.end]
            intro = INTRO_RE.search(fold(raw))
            if intro:
                changes(item.span.start, item.span.start + intro.start(), "basis")
                changes(item.span.start + intro.start("intro"), item.span.end, "intro")
            else:
                changes(item.span.start, item.span.end, "basis")
    for group, kind in ((parts.body, "body"), (parts.closing, "closing"), (parts.appendix, "body")):
        for k, item in enumerate(group):
            said = group is parts.body and k == 0 and item.kind == "paragraph" and (m := INTRO_RE.search(fold(". " + item.text)))
            if item.kind == "table":
                for row in item.table.rows:
                    for cell in row:
                        if cell.span.end > cell.span.start:
                            changes(cell.span.start, cell.span.end, "cell")
            elif item.span is not None:  # the plan's sentence on a line of its own: "intro", as in draft_plan
                changes(item.span.start, item.span.end, "intro" if said and m.start("intro") == 2 else kind, item.fix)
    issuer = (h.issuer or "").strip()
    drop: list[int] = []
    for r in prev.blocks_of("recipients"):
        before = len(edits)
        changes(r.span.start, r.span.end, "name", base=False)
        renamed = text[r.span.start : r.span.end]
        for s_, e_, new in sorted(edits[before:], reverse=True):
            renamed = renamed[: s_ - r.span.start] + new + renamed[e_ - r.span.start :]
        core = re.sub(r"\s*\(.*?\)\s*$", "", clean_recipient(renamed))
        if issuer and edits[before:] and fold(core) in (fold(issuer), fold(cell_name(issuer, h.parent))):
            del edits[before:]  # merged into the issuing body itself: no copy to send
            drop.append(r.span.start)
    if not h.signer_title:
        span = h.span("signer")
        if span is not None:
            hint = signer_hint(prev.facts.issuer or h.issuer or h.parent)
            todos.append((span.start, span.end, "signer", MSG["signer"].format(hint=hint)))

    # -- into the document: edits first (non-overlapping, in order), then comments -------------
    reached = -1  # the end of the last edit made: edits are sorted, the first of two overlapping wins
    skipped = 0
    for s, e, new in sorted(set(edits), key=lambda x: (x[0], x[1])):
        if s < reached or (s == e == reached) or text[s:e] == new:
            continue
        if edit.replace(s, e, new):
            reached = max(reached, e)
        else:
            skipped += 1
    for start in drop:
        if edit.delete_paragraph(start):
            continue
        skipped += 1
    shown: list[tuple[str, str, str]] = []
    seen: set[tuple[int, int, str]] = set()
    for s, e, kind, message in sorted(todos, key=lambda t: (t[0], t[1])):
        if (s, e, kind) in seen:
            continue
        seen.add((s, e, kind))
        edit.comment(s, e, message)
        shown.append((kind, message, " ".join(text[s:e].split())))
    edit.set_draft()
    written = edit.save(out, force=force)
    return TrackedDraft(written, edit.changes, tuple(shown), skipped)
