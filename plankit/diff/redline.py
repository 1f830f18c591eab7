"""A redline .docx: the new plan with every difference as a real Word tracked change.

The redline is written from one in-order word diff of the two whole texts, so it is exact by
construction: **Accept All gives the new plan's text and Reject All the old plan's**, white
space aside (the header, case, punctuation, spacing and tables included; table rows are
paragraphs, their cells separated by spaces). Each difference is a ``w:del`` (the old words)
followed by a ``w:ins`` (the new words), with an author naming its kind as :func:`diff_plans`
classified it (``plankit · thay đổi theo năm``, ``plankit · nội dung`` ...), so filtering the
markup by reviewer accepts every year bump in one go. Words that are the same but written
differently where the comparison does not count a change (OCR damage against clean text, a
section moved) are tracked under ``plankit · cách viết khác``. Carried errors are highlighted
and commented, not changed: the officer decides.

An OCR'd side is shown restored (:func:`plankit.restore_text`, with the other plan as the
reference when it is clean): the document says so in a comment on its first words and in its
properties, and every paragraph whose restored reading differs from the scan carries the
original OCR line as a comment.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from ..text import fold
from .result import KIND_LABELS, PlanDiff
from .tokens import diff_keys, looks_ocr, ocr_clean

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document

    from ..model import Plan

__all__ = ["build_redline", "shown_texts", "write_redline"]

# Document numbers whole (the docnum form of plankit.text.tokenize: 261/KH-UBND, 45/2020/NĐ-CP),
# then words and single marks: every character that is not white space belongs to one token.
_TOKEN = re.compile(r"\d+[a-z]?(?:/\d{4})?(?:/[^\W\d_]\w*(?:-\w+)*|-[^\W\d_]\w*/[^\W\d_]\w*)|\w+|[^\w\s]")
_SPACES = re.compile(r"[^\S\n]+")
SURFACE = "surface"
LABELS = {**KIND_LABELS, SURFACE: "cách viết khác"}
# When one stretch holds changes of several kinds, the author names the weightiest.
_PRIORITY = ("substantive", "basis", "form", "expected", SURFACE)


@dataclass(frozen=True)
class Shown:
    """The text the redline shows for one plan: the plan's own, or its restored reading.

    ``starts``/``shown_starts`` and the ``ends`` map offsets of the plan text to offsets of
    the shown text (token by token; identical when not restored).
    """

    text: str
    original: str
    restored: bool
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    shown_starts: tuple[int, ...] = ()
    shown_ends: tuple[int, ...] = ()

    def at(self, offset: int) -> int:
        """The shown offset of ``offset`` in the plan text."""
        if not self.restored:
            return offset
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return offset
        if offset < self.ends[k]:
            return self.shown_starts[k] + min(offset - self.starts[k], self.shown_ends[k] - self.shown_starts[k])
        return self.shown_ends[k] + offset - self.ends[k]


def _shown(plan: Plan, other: Plan) -> Shown:
    if not looks_ocr(plan):
        return Shown(plan.text, plan.text, False)
    from ..restore import restore_text

    reference = other if not looks_ocr(other) else None
    restored = restore_text(plan.text, reference=reference, ocr=True)
    starts, ends, s_starts, s_ends = [], [], [], []
    pos = shift = 0
    for tok in restored.tokens:
        if tok.start < pos:
            continue
        starts.append(tok.start)
        ends.append(tok.end)
        s_starts.append(tok.start + shift)
        shift += len(tok.output) - (tok.end - tok.start)
        s_ends.append(tok.end + shift)
        pos = tok.end
    return Shown(restored.text, plan.text, True, tuple(starts), tuple(ends), tuple(s_starts), tuple(s_ends))


def shown_texts(d: PlanDiff) -> tuple[Shown, Shown]:
    """The texts the redline shows for the old and the new plan (restored when OCR'd).

    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> old, new = shown_texts(diff_plans(read_text("KẾ HOẠCH\\nNăm 2024."), read_text("KẾ HOẠCH\\nNăm 2025.")))
    >>> new.text, new.restored
    ('KẾ HOẠCH\\nNăm 2025.', False)
    """
    return _shown(d.old, d.new), _shown(d.new, d.old)


@dataclass(frozen=True, slots=True)
class _Tok:
    key: str
    start: int
    end: int


def _tokens(shown: Shown, ocr: bool) -> list[_Tok]:
    folded = fold(shown.text)
    if ocr and not shown.restored:
        folded = ocr_clean(folded)
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def _paint(length: int, spans, shown: Shown) -> list[int]:
    """Per character of the shown text, the index in ``_PRIORITY`` of the weightiest change
    covering it (``len(_PRIORITY)`` where none does)."""
    none = len(_PRIORITY)
    out = [none] * (length + 1)
    for span, kind in spans:
        if kind not in _PRIORITY:
            continue
        rank = _PRIORITY.index(kind)
        s, e = shown.at(span.start), shown.at(span.end)
        for k in range(max(s, 0), min(e, length)):
            if rank < out[k]:
                out[k] = rank
    return out


class _Writer:
    def __init__(self, d: PlanDiff, author: str, date: dt.datetime):
        import docx
        from docx.shared import Pt

        self.d = d
        self.author = author
        self.date = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.ids = count(1000)  # clear of python-docx's comment ids, which start at 0
        self.doc: Document = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(13)
        self.old, self.new = shown_texts(d)
        self.para = None
        self.line = 0  # the line of the new shown text being written
        self.paras_of_line: dict[int, object] = {}
        self.carried: dict[int, list] = {}
        self.pending: list[str] = []  # plain text not yet written as a run
        self.pending_carried: int | None = None

    # -- xml helpers ------------------------------------------------------------------------------
    def _el(self, tag: str, **attrs: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(f"w:{k}"), v)
        return el

    def _run(self, text: str, *, deleted: bool = False, highlight: bool = False):
        r = self._el("w:r")
        if highlight:
            rpr = self._el("w:rPr")
            rpr.append(self._el("w:highlight", val="yellow"))
            r.append(rpr)
        t = self._el("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    def _revision(self, tag: str, kind: str, run):
        w = self._el(tag, id=str(next(self.ids)), author=f"{self.author} · {LABELS.get(kind, kind)}", date=self.date)
        w.append(run)
        return w

    # -- writing -------------------------------------------------------------------------------------
    def _paragraph(self):
        if self.para is None:
            self.para = self.doc.add_paragraph()
            self.paras_of_line.setdefault(self.line, self.para)
        return self.para

    def _flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending = []
        carried = self.pending_carried
        r = self._run(text, highlight=carried is not None)
        p = self._paragraph()
        p._p.append(r)
        if carried is not None:
            self.carried.setdefault(carried, []).append((p, r))

    def _break(self, newlines: int) -> None:
        self._flush()
        if self.para is not None:
            self.para = None
        self.line += newlines

    def plain(self, text: str, carried: int | None = None) -> None:
        """New text that is also old text: written as is, line breaks start paragraphs."""
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                self._break(1)
            if not piece:
                continue
            if carried != self.pending_carried:
                self._flush()
                self.pending_carried = carried
            self.pending.append(_SPACES.sub(" ", piece))

    def tracked(self, old: str, new: str, kind: str) -> None:
        """Old text deleted and new text inserted at this point."""
        self._flush()
        self.pending_carried = None
        old = _SPACES.sub(" ", old.replace("\n", " "))
        if old:
            self._paragraph()._p.append(self._revision("w:del", kind, self._run(old, deleted=True)))
        pieces = new.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                # the paragraph mark is new too: rejecting it joins the paragraphs again
                ppr = self._paragraph()._p.get_or_add_pPr()
                rpr = self._el("w:rPr")
                rpr.append(self._el("w:ins", id=str(next(self.ids)),
                                    author=f"{self.author} · {LABELS.get(kind, kind)}", date=self.date))
                ppr.append(rpr)
                self._break(1)
            piece = _SPACES.sub(" ", piece)
            if piece:
                self._paragraph()._p.append(self._revision("w:ins", kind, self._run(piece)))

    # -- the document ----------------------------------------------------------------------------------
    def build(self) -> Document:
        d = self.d
        old, new = self.old, self.new
        ta, tb = _tokens(old, looks_ocr(d.old)), _tokens(new, looks_ocr(d.new))
        paint_new = _paint(len(new.text), [(c.new_span, c.kind) for c in d.changes if c.new_span.end > c.new_span.start],
                           new)
        paint_old = _paint(len(old.text), [(c.old_span, c.kind) for c in d.changes if c.old_span.end > c.old_span.start],
                           old)
        carried_at = self._carried_ranges()

        def kind_of(a1: int, a2: int, b1: int, b2: int) -> str:
            rank = min(paint_new[b1:b2], default=len(_PRIORITY))
            rank = min(rank, min(paint_old[a1:a2], default=len(_PRIORITY)))
            return _PRIORITY[rank] if rank < len(_PRIORITY) else SURFACE

        def gap(toks: list[_Tok], text: str, k: int) -> str:
            return text[toks[k - 1].end if k else 0 : toks[k].start]

        for tag, i1, i2, j1, j2 in diff_keys([t.key for t in ta], [t.key for t in tb]):
            if tag == "equal":
                for di in range(i2 - i1):
                    x, y = ta[i1 + di], tb[j1 + di]
                    go, gn = gap(ta, old.text, i1 + di), gap(tb, new.text, j1 + di)
                    if (go == "") == (gn == ""):
                        self.plain(gn)
                    else:
                        self.tracked(go, gn, SURFACE)
                    so, sn = old.text[x.start:x.end], new.text[y.start:y.end]
                    if so == sn:
                        self.plain(sn, carried_at.get(y.start))
                    else:
                        self.tracked(so, sn, kind_of(x.start, x.end, y.start, y.end))
                continue
            a1 = ta[i1].start if i2 > i1 else (ta[i1 - 1].end if i1 else 0)
            a2 = ta[i2 - 1].end if i2 > i1 else a1
            b1 = tb[j1].start if j2 > j1 else (tb[j1 - 1].end if j1 else 0)
            b2 = tb[j2 - 1].end if j2 > j1 else b1
            old_text = old.text[(ta[i1 - 1].end if i1 else 0):a2] if i2 > i1 else ""
            new_text = new.text[(tb[j1 - 1].end if j1 else 0):b2] if j2 > j1 else ""
            self.tracked(old_text, new_text, kind_of(a1, a2, b1, b2))
        self._flush()
        self._comments()
        return self.doc

    def _carried_ranges(self) -> dict[int, int]:
        """Start of each new shown token inside a carried error -> the change's index."""
        out: dict[int, int] = {}
        for k, c in enumerate(self.d.changes):
            if c.kind != "carried-error":
                continue
            s, e = self.new.at(c.new_span.start), self.new.at(c.new_span.end)
            for m in _TOKEN.finditer(self.new.text, s, e):
                out[m.start()] = k
        return out

    def _comments(self) -> None:
        from docx.text.run import Run

        def runs_of(p) -> list:
            plain = p._p.xpath("./w:r")
            anywhere = plain or p._p.xpath(".//w:r")
            return [Run(r, p) for r in anywhere[:1]]

        who = f"{self.author} · {KIND_LABELS['carried-error']}"
        for k, runs in self.carried.items():
            objs = [Run(r, p) for p, r in runs]  # type: ignore[misc]
            self.doc.add_comment(objs, text=self.d.changes[k].reason, author=who, initials="PK")
        notes = []
        if self.new.restored:
            notes.append("Bản mới là văn bản OCR: hiển thị bản đã khôi phục dấu; nguyên văn OCR ở ghi chú "
                         "từng đoạn (the new plan is OCR'd: shown restored, the scan's text in a comment on "
                         "each paragraph).")
        if self.old.restored:
            notes.append("Bản cũ là văn bản OCR: phần bị xoá hiển thị bản đã khôi phục dấu (the old plan is "
                         "OCR'd: deleted text shown restored).")
        if notes:
            self.doc.core_properties.comments = " ".join(notes)
            first = next((p for p in self.doc.paragraphs if runs_of(p)), None)
            if first is not None:
                self.doc.add_comment(runs_of(first), text=" ".join(notes), author=f"{self.author} · OCR",
                                     initials="PK")
        if self.new.restored:
            shown_lines = self.new.text.split("\n")
            original_lines = self.new.original.split("\n")
            for line, p in self.paras_of_line.items():
                if line >= len(original_lines) or line >= len(shown_lines):
                    continue
                raw = " ".join(original_lines[line].split())
                if raw and raw != " ".join(shown_lines[line].split()) and runs_of(p):
                    self.doc.add_comment(runs_of(p), text=f"Nguyên văn OCR: {raw}", author=f"{self.author} · OCR",
                                         initials="PK")


def build_redline(d: PlanDiff, *, author: str = "plankit", date: dt.datetime | None = None) -> Document:
    """The redline as a python-docx :class:`~docx.document.Document` (not yet saved).

    >>> import datetime as dt
    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2024 ngân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2025 nguồn khác."))
    >>> doc = build_redline(d, date=dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    >>> [(r.get(doc.element.body.nsmap["w"].join("{}") + "author"), r.xpath("string(.)"))
    ...  for r in doc.element.body.xpath("//w:ins|//w:del")]  # doctest: +NORMALIZE_WHITESPACE
    [('plankit · nội dung', ' 2024 ngân sách'), ('plankit · nội dung', ' 2025 nguồn khác')]
    """
    date = date or dt.datetime.now(dt.UTC).replace(microsecond=0)
    return _Writer(d, author, date).build()


def write_redline(d: PlanDiff, path: str | os.PathLike[str], *, force: bool = False, author: str = "plankit") -> Path:
    """Write the redline .docx atomically; :class:`plankit.OutputExists` unless ``force``.
    :meth:`PlanDiff.to_docx <plankit.diff.PlanDiff.to_docx>` calls it (see there for an example)."""
    from ..output import check_suffix, inputs_of, write_with

    check_suffix(path, ".docx")
    doc = build_redline(d, author=author)
    return write_with(path, lambda tmp: doc.save(str(tmp)), force=force, inputs=inputs_of(d.old, d.new))
