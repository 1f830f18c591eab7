"""Showing a :class:`~plankit.diff.PlanDiff`: HTML side by side, Markdown, DataFrames, JSON.

Every renderer shows the original text of each side (never the folded form the comparison ran
on) and colours each change by its kind. The HTML collapses the parts without a change, or with
nothing but expected changes, into ``<details>``.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model import Span
from ..views import register_view
from .kinds import HEADER_LABELS, KIND_COLOURS, KIND_LABELS
from .pieces import Mark, Piece, Segment
from .result import PlanDiff
from .tokens import looks_ocr

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .result import Change, SectionPair, TablePair
    from .shown import Shown

__all__ = [
    "changes_frame",
    "draw_changes",
    "summary_text",
    "tables_frame",
    "to_dict",
    "to_html_fragment",
    "to_html_page",
    "to_markdown",
]

STATUS_LABELS = {
    "same": "không đổi",
    "changed": "có thay đổi",
    "added": "mục mới",
    "removed": "bị bỏ",
    "moved": "đổi vị trí",
}

_CSS = """
.pk-diff{font-family:"Times New Roman",Liberation Serif,serif;font-size:14px;line-height:1.45;color:#111}
.pk-diff h1{font-size:20px;margin:0 0 .3em}
.pk-diff .pk-sum{margin:.3em 0 .8em}
.pk-diff .pk-sum td,.pk-diff .pk-sum th{padding:1px 8px;text-align:left;vertical-align:top}
.pk-diff .chip{display:inline-block;padding:0 6px;border-radius:3px;margin-right:4px;font-size:12px}
.pk-diff details{border-top:1px solid #ccc;margin:0}
.pk-diff summary{cursor:pointer;padding:4px 2px;font-weight:bold}
.pk-diff summary .st{font-weight:normal;color:#555;font-size:12px;margin-left:8px}
.pk-diff table.sbs{width:100%;border-collapse:collapse;table-layout:fixed}
.pk-diff table.sbs td{width:50%;vertical-align:top;padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
.pk-diff table.sbs th{width:50%;text-align:left;padding:2px 8px;color:#555;font-weight:normal;font-size:12px}
.pk-diff tr.st-added td.old,.pk-diff tr.st-removed td.new{background:#fafafa}
.pk-diff tr.heading td{font-weight:bold}
.pk-diff tr.header td{font-size:12px;color:#333}
.pk-diff .cell{margin:0 0 2px}
.pk-diff .col{color:#777;font-size:11px;margin-right:4px}
.pk-diff del,.pk-diff ins,.pk-diff mark{border-radius:2px;padding:0 1px}
.pk-diff .note{color:#666;font-size:12px}
.pk-diff .ocr{color:#777;font-size:11px;font-family:monospace;margin-top:2px}
.pk-diff table.pk-head td,.pk-diff table.pk-head th{padding:1px 8px;text-align:left;font-size:13px}
.pk-diff .ocr-tag{color:#777;font-size:11px}
"""


def _kind_css() -> str:
    """del/ins/mark and chips in the one colour of each kind (:data:`KIND_COLOURS`)."""
    out = []
    for kind, colour in KIND_COLOURS.items():
        k = f".pk-diff .k-{kind}"
        out.append(f"{k} del{{background:{colour}33;text-decoration:line-through;text-decoration-color:{colour}}}"
                   f"{k} ins{{background:{colour}40;text-decoration:none;border-bottom:2px solid {colour}}}"
                   f"{k} mark{{background:{colour}40;text-decoration:underline wavy {colour}}}"
                   f".pk-diff .chip.k-{kind}{{background:{colour}40;border-left:4px solid {colour}}}")
    return "".join(out)


def _flat(text: str) -> str:
    return " ".join(text.split())


_NONSPACE = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")


# --- header fields ---------------------------------------------------------------------------

# A header value of a scanned plan is shown as the scan reads it (a name is never guessed:
# "Ng6 Anh Tin" stays), and marked so the officer checks it against the paper.
OCR_MARK = "(OCR)"
OCR_NOTE = "bản quét, chưa hiệu đính (from the scan, unverified)"


def _scanned(d: PlanDiff) -> tuple[bool, bool]:
    """Whether the old and the new plan were read from a scan (their header values are OCR)."""
    if not d.ocr:
        return False, False
    return looks_ocr(d.old), looks_ocr(d.new)


def _value(value: str | None, scanned: bool) -> str:
    """A header value as the summary and Markdown show it: ``—`` when blank, ``(OCR)`` after a
    value read from a scan, the value itself as read."""
    if value is None:
        return "—"
    return f"{value} {OCR_MARK}" if scanned else value


# --- summary ---------------------------------------------------------------------------------

def summary_text(d: PlanDiff, *, restore: bool = True) -> str:
    """A few lines for a terminal. An OCR'd side's section titles are shown restored, as the
    page and the change lines of ``to_dict`` show them; ``restore=False`` shows them as read."""
    c = d.counts()
    labels = d.labels
    lines = [
        f"{d.old.name} → {d.new.name}" + (" (OCR: so sánh trên chữ bỏ dấu)" if d.ocr else ""),
        # the Vietnamese name and the code the change lines and --format json use
        "Thay đổi: " + " · ".join(f"{c[k]} {labels[k]} ({k})" for k in KIND_LABELS),
        "Căn cứ: bỏ " + (", ".join(sorted(d.basis_removed)) or "—") + "; thêm "
        + (", ".join(sorted(d.basis_added)) or "—")
        + "".join(f"; thay thế {o} → {n}" for o, n in d.basis_replaced),
        f"Giữ nguyên từ bản cũ: {d.carried_over:.0%} của bản mới; độ giống {d.similarity:.2f}",
    ]
    moved = [f for f in d.header if f.kind != "same"]
    if moved:
        old_ocr, new_ocr = _scanned(d)
        marked = any((old_ocr and f.old) or (new_ocr and f.new) for f in moved)
        lines.append("Phần đầu: " + "; ".join(f"{HEADER_LABELS.get(f.name, f.name)} {_value(f.old, old_ocr)} → "
                                             f"{_value(f.new, new_ocr)} ({labels.get(f.kind, f.kind)}, {f.kind})"
                                             for f in moved)
                     + (f" — {OCR_MARK}: {OCR_NOTE}" if marked else ""))
    lines.append("Mục:")
    shown = _restoration(d, restore)
    titles = dict(_shown_titles(d, shown)) if shown is not None else {}
    for pair in d.sections:
        o = pair.old.number if pair.old else "—"
        n = pair.new.number if pair.new else "—"
        title = _flat(pair.title or (pair.new or pair.old).title)  # type: ignore[union-attr]
        lines.append(f"  {o:>5} → {n:<5} {pair.status:<8} {titles.get(title, title)[:60]}")
    return "\n".join(lines)


def _restoration(d: PlanDiff, restore: bool) -> tuple[Shown, Shown] | None:
    """The shown texts of both sides (:func:`.shown.shown_texts`) when a side is shown restored:
    ``restore`` asked for it and a side is an OCR'd scan; else ``None`` (the text as read)."""
    if not (restore and d.ocr):
        return None
    from .shown import shown_texts

    shown = shown_texts(d)
    return shown if shown[0].restored or shown[1].restored else None


def _shown_change(d: PlanDiff, c: Change, shown: tuple[Shown, Shown]) -> tuple[str, str]:
    """A change's old and new text as a restored side shows them (word by word, the white space
    between words kept; a side not restored as read)."""
    old = _shown_map(c.old, c.old_span, d.old.text, shown[0])[0] if shown[0].restored else c.old
    new = _shown_map(c.new, c.new_span, d.new.text, shown[1])[0] if shown[1].restored else c.new
    return old, new


def _shown_task(d: PlanDiff, t: TablePair, r, shown: tuple[Shown, Shown]) -> tuple[str, str]:
    """A table row's task cell on each side as shown: a restored side's words restored inside
    the cell's span."""
    out = []
    for plan, table, row, task, sh in ((d.old, t.old, r.old, r.task_old, shown[0]),
                                       (d.new, t.new, r.new, r.task_new, shown[1])):
        cell = None
        if sh.restored and task and table is not None and row is not None:
            cell = next((c for c in plan.tables[table].rows[row] if c.text == task), None)
        out.append(_shown_map(task, cell.span, plan.text, sh)[0] if cell is not None else task)
    return out[0], out[1]


def _pair_dict(p: SectionPair, titles: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "old": p.old.number if p.old else None,
        "new": p.new.number if p.new else None,
        "label": _relabel(p.label, titles),
        "status": p.status,
        "score": p.score,
        "changes": p.changes,
        "children": [_pair_dict(c, titles) for c in p.children],
    }


def _change_dict(d: PlanDiff, c: Change, shown: tuple[Shown, Shown] | None,
                 titles: list[tuple[str, str]]) -> dict[str, Any]:
    out = {
        "kind": c.kind,
        "section": _relabel(c.section, titles),
        "location": c.location,
        "old": c.old,
        "new": c.new,
        "old_span": [c.old_span.start, c.old_span.end],
        "new_span": [c.new_span.start, c.new_span.end],
        "old_line": d.old.position(c.old_span.start)[0],
        "new_line": d.new.position(c.new_span.start)[0],
        "reason": c.reason,
    }
    if shown is not None:
        out["old"], out["new"] = _shown_change(d, c, shown)
        out["old_ocr"], out["new_ocr"] = c.old, c.new
    return out


def to_dict(d: PlanDiff, *, restore: bool = True) -> dict[str, Any]:
    """Plain values for JSON. An OCR'd side is shown restored, as the HTML page, the redline
    and :func:`changes_frame` show it: a change's ``old``/``new``, a row's ``task`` and the
    section labels hold the restored words, and ``old_ocr``/``new_ocr`` (a row's
    ``task_ocr``) the scan as read; ``restored`` says which side is. ``restore=False`` (or a
    pair without a scan) gives the text as read and no such keys."""
    shown = _restoration(d, restore)
    titles = _shown_titles(d, shown) if shown is not None else []
    out: dict[str, Any] = {
        "old": d.old.name,
        "new": d.new.name,
        "ocr": d.ocr,
        "year_shift": d.year_shift,
        "counts": d.counts(),
        "basis_added": sorted(d.basis_added),
        "basis_removed": sorted(d.basis_removed),
        "basis_replaced": [list(pair) for pair in d.basis_replaced],
        "header": [{"field": f.name, "old": f.old, "new": f.new, "kind": f.kind, "reason": f.reason}
                   for f in d.header],
        "carried_over": d.carried_over,
        "similarity": d.similarity,
        "sections": [_pair_dict(p, titles) for p in d.sections],
        "changes": [_change_dict(d, c, shown, titles) for c in d.changes],
        "tables": [
            {
                "old": t.old,
                "new": t.new,
                "task_column": t.task_column,
                "rows": [_row_dict(d, t, r, shown) for r in t.rows],
            }
            for t in d.tables
        ],
    }
    if shown is not None:
        out["restored"] = {"old": shown[0].restored, "new": shown[1].restored}
    return out


def _row_dict(d: PlanDiff, t: TablePair, r, shown: tuple[Shown, Shown] | None) -> dict[str, Any]:
    out = {"old": r.old, "new": r.new, "status": r.status, "task": r.task_new or r.task_old,
           "changes": list(r.changes)}
    if shown is not None:
        old, new = _shown_task(d, t, r, shown)
        out["task"], out["task_ocr"] = (new, r.task_new) if r.task_new else (old, r.task_old)
    return out


# --- frames ----------------------------------------------------------------------------------

def _shown_map(words: str, span: Span, text: str, shown: Shown) -> tuple[str, list[tuple[int, int, int, int]]]:
    """``words`` (one side of a change, or a table cell: its words lie in order inside ``span``
    of the plan ``text``; a cell rebuilt from a scan may have other cells' words between them)
    as ``shown`` shows them: each word found in ``span`` and replaced by its shown reading, the
    white space between words kept. With ``(start, end, shown start, shown end)`` of each word,
    local to ``words`` and to the result."""
    out: list[str] = []
    append = out.append
    where: list[tuple[int, int, int, int]] = []
    find, shown_slice = text.find, shown.slice
    pos, last, length = span.start, 0, 0
    span_start, span_end = span.start, span.end
    for m in _NONSPACE.finditer(words):
        word = m.group()
        start, end = m.span()
        at = find(word, pos, span_end)
        if at < 0:  # a cell's words are not always in reading order inside its span
            at = find(word, span_start, span_end)
        if at >= 0:
            pos = at + len(word)
            word = shown_slice(at, pos)
        gap = words[last:start]
        append(gap)
        append(word)
        length += len(gap)
        where.append((start, end, length, length + len(word)))
        length += len(word)
        last = end
    append(words[last:])
    return "".join(out), where


def _moved(where: list[tuple[int, int, int, int]]):
    """A local offset of the original text to the offset in the shown one (:func:`_shown_map`)."""
    starts = [w[0] for w in where]

    def move(x: int) -> int:
        k = bisect.bisect_right(starts, x) - 1
        if k < 0:
            return x
        s, e, ss, se = where[k]
        return ss + min(x - s, se - ss) if x < e else se + x - e

    return move


def _shown_words(words: str, span: Span, text: str, shown: Shown) -> str:
    """``words`` as ``shown`` shows them (:func:`_shown_map`), one space between words."""
    if not shown.restored:
        return _flat(words)
    return _flat(_shown_map(words, span, text, shown)[0])


def _shown_titles(d: PlanDiff, shown: tuple[Shown, Shown]) -> list[tuple[str, str]]:
    """``(title as read, title as shown)`` of each section of a restored side whose title the
    restored reading changes, flattened."""
    out = []
    for plan, sh in ((d.old, shown[0]), (d.new, shown[1])):
        if not sh.restored:
            continue
        for sec in plan.walk():
            title = _flat(sec.title)
            if not title:
                continue
            restored = _shown_words(title, Span(sec.heading.start, sec.span.end), plan.text, sh)
            if restored != title:
                out.append((title, restored))
    return out


def _relabel(label: str, titles: list[tuple[str, str]]) -> str:
    """A section label (``IV. MOT SO HOAT PONG ...``, cut at a width of the comparison's) with
    an OCR'd title replaced by its restored reading."""
    for title, restored in titles:
        for width in (len(title) + 1, 80, 70, 40):
            cut = title if len(title) <= width else title[: width - 1] + "…"
            if label.endswith(" " + cut):
                return label[: len(label) - len(cut)] + (restored if len(title) <= width
                                                          else restored[: width - 1] + "…")
    return label


def changes_frame(d: PlanDiff, *, restore: bool = True) -> pd.DataFrame:
    """One row per change. An OCR'd side is shown restored word by word, as the HTML page and
    the redline show it (:func:`.shown.shown_texts`), its scan as read in ``old_ocr`` and
    ``new_ocr``; ``restore=False`` (or a pair without a scan) gives the text as read and no
    such columns."""
    import pandas as pd

    rows = [
        {
            "section": c.section,
            "kind": c.kind,
            "old": _flat(c.old),
            "new": _flat(c.new),
            "reason": c.reason,
            "location": c.location,
            "old_line": d.old.position(c.old_span.start)[0],
            "new_line": d.new.position(c.new_span.start)[0],
        }
        for c in d.changes
    ]
    cols = ["section", "kind", "old", "new", "reason", "location", "old_line", "new_line"]
    frame = pd.DataFrame(rows, columns=cols)
    shown = _restoration(d, restore)
    if shown is None:
        return frame
    old_shown, new_shown = shown
    frame.insert(4, "old_ocr", frame["old"])
    frame.insert(5, "new_ocr", frame["new"])
    frame["old"] = [_shown_words(c.old, c.old_span, d.old.text, old_shown) for c in d.changes]
    frame["new"] = [_shown_words(c.new, c.new_span, d.new.text, new_shown) for c in d.changes]
    titles = _shown_titles(d, (old_shown, new_shown))
    frame["section"] = [_relabel(label, titles) for label in frame["section"]]
    return frame


def tables_frame(d: PlanDiff, *, restore: bool = True) -> pd.DataFrame:
    """One row per aligned table row, its cell changes listed. An OCR'd side is shown restored,
    as :func:`changes_frame` shows it: ``task_old``/``task_new`` and the cell changes hold the
    restored words, and ``task_old_ocr``, ``task_new_ocr`` and ``changes_ocr`` the scan as read;
    ``restore=False`` (or a pair without a scan) gives the text as read and no such columns."""
    import pandas as pd

    shown = _restoration(d, restore)

    def listed(c: Change, old: str, new: str) -> str:
        return f"{_column_of(c)}: {_flat(old) or '∅'} → {_flat(new) or '∅'} ({c.kind})"

    rows = []
    for t in d.tables:
        for r in t.rows:
            changes = [d.changes[i] for i in r.changes]
            row = {
                "table": (t.new if t.new is not None else t.old) + 1,  # type: ignore[operator]
                "old_row": None if r.old is None else r.old + 1,
                "new_row": None if r.new is None else r.new + 1,
                "status": r.status,
                "task_old": _flat(r.task_old),
                "task_new": _flat(r.task_new),
                "changes": [listed(c, c.old, c.new) for c in changes],
                "kinds": sorted({c.kind for c in changes}),
            }
            if shown is not None:
                task_old, task_new = _shown_task(d, t, r, shown)
                row.update(task_old=_flat(task_old), task_new=_flat(task_new),
                           task_old_ocr=_flat(r.task_old), task_new_ocr=_flat(r.task_new),
                           changes=[listed(c, *_shown_change(d, c, shown)) for c in changes],
                           changes_ocr=row["changes"])
            rows.append(row)
    cols = ["table", "old_row", "new_row", "status", "task_old", "task_new", "changes", "kinds"]
    if shown is not None:
        cols = ["table", "old_row", "new_row", "status", "task_old", "task_new", "task_old_ocr", "task_new_ocr",
                "changes", "changes_ocr", "kinds"]
    return pd.DataFrame(rows, columns=cols).astype({"old_row": "Int64", "new_row": "Int64"})


def _column_of(c: Change) -> str:
    m = re.search(r"cột «(.*)»", c.location)
    return m.group(1) if m else c.location


# --- markdown ----------------------------------------------------------------------------------

def _md(text: str) -> str:
    return re.sub(r"([\\`*_|<>\[\]])", r"\\\1", _flat(text))


def to_markdown(d: PlanDiff, *, restore: bool = True) -> str:
    """Summary, the section pairs, then the changes section by section. An OCR'd side is shown
    restored, as the HTML page shows it, the scan as read after each passage it changes
    (``OCR: «...»``) and in the table rows' last column; ``restore=False`` shows the scan as
    read."""
    shown = _restoration(d, restore)
    titles = _shown_titles(d, shown) if shown is not None else []
    c = d.counts()
    out = [
        f"# So sánh kế hoạch: {_md(d.old.name)} → {_md(d.new.name)}",
        "",
        "- Thay đổi: " + ", ".join(f"**{c[k]}** {d.labels[k]} ({k})" for k in KIND_LABELS),
        "- Căn cứ bỏ: " + (", ".join(sorted(d.basis_removed)) or "—"),
        "- Căn cứ thêm: " + (", ".join(sorted(d.basis_added)) or "—"),
        "- Căn cứ thay thế: " + ("; ".join(f"{o} → {n}" for o, n in d.basis_replaced) or "—"),
        f"- Giữ nguyên từ bản cũ: {d.carried_over:.0%} của bản mới; độ giống {d.similarity:.2f}",
    ]
    if shown is not None:
        out.append("- Một bản là văn bản OCR: so sánh trên chữ bỏ dấu; bản OCR hiển thị đã khôi phục dấu, nguyên "
                   "văn OCR ghi sau mỗi đoạn (OCR'd text shown restored, the scan as read after each passage).")
    elif d.ocr:
        out.append("- Một bản là văn bản OCR: so sánh trên chữ bỏ dấu, hiển thị nguyên văn.")
    fields = [f for f in d.header if f.old is not None or f.new is not None]
    if fields:
        old_ocr, new_ocr = _scanned(d)
        out += ["", "## Phần đầu", "", f"| | {_md(d.old.name)} | {_md(d.new.name)} | Thay đổi |",
                "| --- | --- | --- | --- |"]
        for f in fields:
            kind = f"{d.labels[f.kind]} ({f.kind})" if f.kind in KIND_LABELS else "không đổi"
            out.append(f"| {HEADER_LABELS.get(f.name, f.name)} | {_md(_value(f.old, old_ocr))} | "
                       f"{_md(_value(f.new, new_ocr))} | {kind} |")
        if old_ocr or new_ocr:
            out += ["", f"{OCR_MARK}: {OCR_NOTE}."]
    out += ["", "## Các mục", "", "| Cũ | Mới | Trạng thái | Mục |", "| --- | --- | --- | --- |"]
    for p in d.sections:
        out.append(f"| {p.old.number if p.old else '—'} | {p.new.number if p.new else '—'} | "
                   f"{STATUS_LABELS.get(p.status, p.status)} | {_md(_relabel(p.label, titles))} |")
    out += ["", "## Thay đổi"]
    current = None
    for ch in d.changes:
        if ch.section != current:
            current = ch.section
            out += ["", f"### {_md(_relabel(current, titles))}", ""]
        where = f" ({_md(ch.location)})" if ch.location else ""
        old_text, new_text = _shown_change(d, ch, shown) if shown is not None else (ch.old, ch.new)
        if ch.kind == "carried-error":
            body = f"«{_md(new_text)}»"
        else:
            old = f"~~{_md(old_text)}~~" if old_text.strip() else "∅"
            new = f"**{_md(new_text)}**" if new_text.strip() else "∅"
            body = f"{old} → {new}"
        scan = [f"«{_md(o)}»" for o, s in ((ch.old, old_text), (ch.new, new_text)) if _flat(o) != _flat(s)]
        note = f" (OCR: {' → '.join(scan)})" if scan else ""
        out.append(f"- *{d.labels[ch.kind]}*{where}: {body} — {_md(ch.reason)}{note}")
    if d.tables:
        head = "| Dòng cũ | Dòng mới | Trạng thái | Hoạt động | Thay đổi |"
        out += ["", "## Bảng hoạt động", "", head[:-1] + "| OCR |" if shown is not None else head,
                "| --- | --- | --- | --- | --- |" + (" --- |" if shown is not None else "")]
        for t in d.tables:
            for r in t.rows:
                kinds = sorted({d.changes[i].kind for i in r.changes})
                task = r.task_old or r.task_new
                line = (f"| {'—' if r.old is None else r.old + 1} | {'—' if r.new is None else r.new + 1} | "
                        f"{STATUS_LABELS.get(r.status, r.status)} | ")
                if shown is None:
                    out.append(f"{line}{_md(task)[:80]} | {len(r.changes)} ({', '.join(kinds) or '—'}) |")
                    continue
                old_task, new_task = _shown_task(d, t, r, shown)
                restored = old_task if r.task_old else new_task
                scan = _md(task)[:80] if _flat(restored) != _flat(task) else ""
                out.append(f"{line}{_md(restored)[:80]} | {len(r.changes)} ({', '.join(kinds) or '—'}) | {scan} |")
    return "\n".join(out) + "\n"


# --- html --------------------------------------------------------------------------------------

def _render_side(text: str | None, piece: Piece, side: str, changes: tuple[Change, ...], reading=None) -> str:
    """The text of one side with its changes wrapped in del/ins/mark, coloured by kind."""
    if text is None:
        return ""
    breaks = set(piece.breaks_old if side == "old" else piece.breaks_new)
    spans = []
    for m in piece.marks:
        s, e = m.old if side == "old" else m.new
        if e > s:
            spans.append((s, e, m))
    spans.sort(key=lambda x: (x[0], -x[1]))
    out: list[str] = []
    pos = 0

    def plain(chunk_start: int, chunk_end: int) -> None:
        last = chunk_start
        for b in sorted(x for x in breaks if chunk_start < x <= chunk_end):
            out.append(_esc_keep(text[last:b]))
            out.append("<br>")
            last = b
        out.append(_esc_keep(text[last:chunk_end]))

    for s, e, m in spans:
        if s < pos:
            s = pos
        if e <= s:
            continue
        plain(pos, s)
        ch = changes[m.change]
        tag = "mark" if m.kind == "carried-error" else ("del" if side == "old" else "ins")
        title = ch.reason
        if reading is not None and side == "new" and m.kind != "carried-error":
            restored = reading(text[s:e])
            if restored and _flat(restored) != _flat(text[s:e]):
                title += f" — đọc là: {_flat(restored)}"
        out.append(f'<span class="k-{m.kind}"><{tag} title="{html.escape(title, quote=True)}">'
                   f"{_esc_keep(text[s:e])}</{tag}></span>")
        pos = e
    plain(pos, len(text))
    return "".join(out).strip()


def _esc_keep(chunk: str) -> str:
    """Escape, collapsing runs of white space (OCR line breaks) into one space."""
    return html.escape(_SPACES.sub(" ", chunk), quote=False)


def _restored_piece(seg: Segment, piece: Piece, shown) -> tuple[Piece, str | None, str | None]:
    """The piece as shown: an OCR'd side's text replaced by its restored reading, marks and
    paragraph breaks moved along; with the original text of each restored side."""
    if shown is None:
        return piece, None, None
    old_shown, new_shown = shown
    texts, origs, maps = [], [], []
    for text, span, sh in ((piece.old, seg.old_span, old_shown), (piece.new, seg.new_span, new_shown)):
        if text is None or span is None or not sh.restored:
            texts.append(text)
            origs.append(None)
            maps.append(None)
            continue
        base = sh.at(span.start)

        def move(local: int, sh=sh, span=span, base=base) -> int:
            return sh.at(span.start + local) - base

        texts.append(sh.text[base : sh.at(span.end)])
        origs.append(text)
        maps.append(move)
    mo, mn = maps

    def rng(r: tuple[int, int], m) -> tuple[int, int]:
        return (m(r[0]), m(r[1])) if m else r

    marks = tuple(Mark(m.change, m.kind, rng(m.old, mo), rng(m.new, mn)) for m in piece.marks)
    out = Piece(texts[0], texts[1], marks,
                tuple(mo(b) for b in piece.breaks_old) if mo else piece.breaks_old,
                tuple(mn(b) for b in piece.breaks_new) if mn else piece.breaks_new)
    return out, origs[0], origs[1]


def _ocr_note(original: str | None, shown: str | None) -> str:
    if original is None:
        return ""
    flat = _flat(original)
    if flat == _flat(shown or ""):
        return ""
    return f'<div class="ocr" title="nguyên văn OCR (original scan)">{html.escape(flat)}</div>'


def _restored_cells(seg: Segment, table: TablePair | None, d: PlanDiff, shown) -> list[tuple[Piece, str | None,
                                                                                             str | None]]:
    """The cells of a table row as shown: an OCR'd side's cell text restored word by word (its
    words found inside the cell's span, as :func:`changes_frame` does), marks moved along; with
    the cell as read for each restored side."""
    if shown is None or table is None or seg.row is None:
        return [(piece, None, None) for piece in seg.pieces]
    out = []
    for k, piece in zip(table.shown, seg.pieces, strict=False):
        texts, origs, moves = [], [], []
        for side, text, plan, t, r, sh in (
                (0, piece.old, d.old, table.old, seg.row.old, shown[0]),
                (1, piece.new, d.new, table.new, seg.row.new, shown[1])):
            col = table.columns[k][side]
            row = plan.tables[t].rows[r] if t is not None and r is not None else ()
            cell = row[col] if col is not None and col < len(row) else None
            if not text or cell is None or not sh.restored:
                texts.append(text)
                origs.append(None)
                moves.append(None)
                continue
            restored, where = _shown_map(text, cell.span, plan.text, sh)
            texts.append(restored)
            origs.append(text)
            moves.append(_moved(where))
        mo, mn = moves
        marks = tuple(Mark(m.change, m.kind, (mo(m.old[0]), mo(m.old[1])) if mo else m.old,
                           (mn(m.new[0]), mn(m.new[1])) if mn else m.new) for m in piece.marks)
        out.append((Piece(texts[0], texts[1], marks), origs[0], origs[1]))
    return out


def _segment_row(seg: Segment, d: PlanDiff, reading, shown=None) -> str:
    if seg.kind == "row":
        cells_old, cells_new = [], []
        table = next((t for t in d.tables if t.new == seg.table or (t.new is None and t.old == seg.table)), None)
        names = [table.labels[k] for k in table.shown] if table else []
        names += [""] * (len(seg.pieces) - len(names))
        for name, (piece, orig_old, orig_new) in zip(names, _restored_cells(seg, table, d, shown), strict=False):
            if piece.old is not None:
                cells_old.append(f'<div class="cell"><span class="col">{html.escape(name)}</span>'
                                 f"{_render_side(piece.old, piece, 'old', d.changes)}"
                                 f"{_ocr_note(orig_old, piece.old)}</div>")
            if piece.new is not None:
                cells_new.append(f'<div class="cell"><span class="col">{html.escape(name)}</span>'
                                 f"{_render_side(piece.new, piece, 'new', d.changes, reading)}"
                                 f"{_ocr_note(orig_new, piece.new)}</div>")
        row = seg.row
        lab_old = f"dòng {row.old + 1}" if row and row.old is not None else ""
        lab_new = f"dòng {row.new + 1}" if row and row.new is not None else ""
        return (f'<tr class="row st-{seg.status}"><td class="old"><div class="note">{lab_old}</div>'
                f'{"".join(cells_old)}</td><td class="new"><div class="note">{lab_new}</div>'
                f'{"".join(cells_new)}</td></tr>')
    piece, orig_old, orig_new = _restored_piece(seg, seg.pieces[0], shown)
    return (f'<tr class="{seg.kind} st-{seg.status}"><td class="old">'
            f"{_render_side(piece.old, piece, 'old', d.changes)}{_ocr_note(orig_old, piece.old)}</td>"
            f"<td class=\"new\">{_render_side(piece.new, piece, 'new', d.changes, reading)}"
            f"{_ocr_note(orig_new, piece.new)}</td></tr>")


def _chips(kinds: Iterable[tuple[str, int]], labels: dict[str, str] = KIND_LABELS) -> str:
    return "".join(f'<span class="chip k-{k}">{n} {html.escape(labels[k])}</span>' for k, n in kinds if n)


def _header_table(d: PlanDiff) -> str:
    """The header fields of both plans side by side, each with the kind of its change."""
    esc = html.escape
    scanned = _scanned(d)
    note = f'<div class="note">{esc(OCR_NOTE)}</div>'

    def name(plan, ocr: bool) -> str:
        return f"<th>{esc(plan.name)}{note if ocr else ''}</th>"

    def value(v: str | None, ocr: bool) -> str:
        if v is None:
            return "<td>—</td>"
        tag = f' <span class="ocr-tag" title="{esc(OCR_NOTE, quote=True)}">{OCR_MARK}</span>' if ocr else ""
        return f"<td>{esc(v)}{tag}</td>"

    rows = [f"<tr><th></th>{name(d.old, scanned[0])}{name(d.new, scanned[1])}<th></th></tr>"]
    for f in d.header:
        if f.old is None and f.new is None:
            continue
        kind = (f'<span class="chip k-{f.kind}" title="{esc(f.reason, quote=True)}">{esc(d.labels[f.kind])}'
                "</span>" if f.kind in KIND_LABELS else "")
        rows.append(f"<tr><th>{esc(HEADER_LABELS.get(f.name, f.name))}</th>{value(f.old, scanned[0])}"
                    f"{value(f.new, scanned[1])}<td>{kind}</td></tr>")
    return '<table class="pk-head">' + "".join(rows) + "</table>"


def to_html_fragment(d: PlanDiff, *, reading=None, shown=None) -> str:
    """The comparison as an HTML fragment (scoped styles), for notebooks and pages. ``shown``
    (from :func:`.shown.shown_texts`) shows OCR'd sides restored, the scan under each passage."""
    c = d.counts()
    esc = html.escape
    basis_removed = ", ".join(sorted(d.basis_removed)) or "—"
    basis_added = ", ".join(sorted(d.basis_added)) or "—"
    replaced = "; ".join(f"{o} → {n}" for o, n in d.basis_replaced)
    head = [
        f"<style>{_CSS}{_kind_css()}</style>",
        '<div class="pk-diff">',
        f"<h1>{esc(d.old.name)} → {esc(d.new.name)}</h1>",
        '<table class="pk-sum">',
        f"<tr><th>Thay đổi</th><td>{_chips(((k, c[k]) for k in KIND_LABELS), d.labels) or 'không có'}</td></tr>",
        f"<tr><th>Căn cứ</th><td>bỏ {esc(basis_removed)}; thêm {esc(basis_added)}"
        + (f"; thay thế {esc(replaced)}" if replaced else "") + "</td></tr>",
        f"<tr><th>Phần đầu</th><td>{_header_table(d)}</td></tr>" if d.header else "",
        f"<tr><th>Giữ nguyên</th><td>{d.carried_over:.0%} của bản mới lấy nguyên từ bản cũ; "
        f"độ giống {d.similarity:.2f}</td></tr>",
    ]
    if d.ocr and shown is not None and (shown[0].restored or shown[1].restored):
        head.append("<tr><th>OCR</th><td>so sánh trên chữ bỏ dấu; bản OCR hiển thị đã khôi phục dấu, nguyên văn "
                    "OCR in nhỏ dưới mỗi đoạn (OCR'd text shown restored, the scan below each passage)</td></tr>")
    elif d.ocr:
        head.append("<tr><th>OCR</th><td>so sánh trên chữ bỏ dấu; hiển thị nguyên văn mỗi bản (as scanned; "
                    "<code>to_html()</code> và <code>plankit diff --html</code> hiển thị bản khôi phục dấu)</td></tr>")
    head.append("</table>")
    titles = _shown_titles(d, shown) if shown is not None else []
    body = []
    by_part: dict[int, list[Segment]] = {}
    for seg in d.segments:
        by_part.setdefault(seg.part, []).append(seg)
    for p, part in enumerate(d.parts):
        segs = by_part.get(p, [])
        if not segs:
            continue
        quiet = all(k in ("expected", "renumbering") for k, _n in part.kinds)
        opened = "" if quiet else " open"
        note = STATUS_LABELS.get(part.status, part.status)
        if quiet and part.kinds:
            note += ", chỉ " + d.labels["expected"]
        body.append(f"<details{opened}><summary>{esc(_relabel(part.label, titles))}<span class=\"st\">{esc(note)} "
                    f"{_chips(part.kinds, d.labels)}</span></summary>")
        body.append('<table class="sbs"><tr><th>' + esc(d.old.name) + "</th><th>" + esc(d.new.name) + "</th></tr>")
        body.extend(_segment_row(seg, d, reading, shown) for seg in segs)
        body.append("</table></details>")
    return "".join(head) + "".join(body) + "</div>"


def to_html_page(d: PlanDiff, *, restore: bool = True) -> str:
    """A standalone HTML page. An OCR'd side is shown restored (:func:`plankit.restore_text`,
    as in the redline), the scan's text in small print under each passage; ``restore=False``
    shows the scan as read."""
    reading = shown = None
    if restore and d.ocr:
        from .shown import shown_texts

        shown = shown_texts(d)

    title = html.escape(f"So sánh: {d.old.name} → {d.new.name}")
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>"
        "</head><body>" + to_html_fragment(d, reading=reading, shown=shown) + "</body></html>\n"
    )


# --- chart -----------------------------------------------------------------------------------

def draw_changes(d: PlanDiff, ax=None):
    """Changes per part of the plan, in document order (top to bottom), one colour per kind
    (:data:`KIND_COLOURS`, the colours of the HTML page)."""
    from .similarity import _figure

    labels = [p.label if len(p.label) <= 40 else p.label[:39] + "…" for p in d.parts]
    if ax is None:
        fig = _figure((9, 1.2 + 0.35 * max(len(labels), 1)))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    rows = range(len(labels))
    left = [0] * len(labels)
    for kind in KIND_LABELS:
        counts = [dict(p.kinds).get(kind, 0) for p in d.parts]
        ax.barh(list(rows), counts, left=left, color=KIND_COLOURS[kind], label=f"{d.labels[kind]} ({kind})")
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(list(rows), labels=labels, fontsize=8)
    ax.invert_yaxis()  # the opening on top, the ending at the bottom
    ax.set_xlabel("số thay đổi (changes)")
    ax.set_title(f"{d.old.name} → {d.new.name}", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


# PlanDiff's methods look these up (plankit.views): the result never imports its outputs.
register_view(PlanDiff, "summary", summary_text)
register_view(PlanDiff, "to_dict", to_dict)
register_view(PlanDiff, "to_frame", changes_frame)
register_view(PlanDiff, "tables_frame", tables_frame)
register_view(PlanDiff, "to_markdown", to_markdown)
register_view(PlanDiff, "draw", draw_changes)
register_view(PlanDiff, "_repr_html_", to_html_fragment)
register_view(PlanDiff, "to_html", to_html_page)
