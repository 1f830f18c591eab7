"""The values a comparison returns: :class:`Change`, :class:`SectionPair`, :class:`PlanDiff`.

All frozen. Every span is an offset into the ``text`` of the plan it names (old or new); the
texts shown (``Change.old``, ``Change.new``) are always the original text of each side, never
the folded form the comparison ran on.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from ..model import Plan, Section, Span
from ..views import view
from .kinds import HEADER_LABELS, KIND_COLOURS, KIND_LABELS, kind_labels
from .pieces import Mark, Part, Piece, Segment

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "HEADER_LABELS",
    "KIND_COLOURS",
    "KIND_LABELS",
    "Change",
    "HeaderField",
    "Mark",
    "Part",
    "Piece",
    "PlanDiff",
    "RowPair",
    "SectionPair",
    "Segment",
    "TablePair",
]


def _short(text: str | None, width: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Change:
    """One difference between the plans, classified.

    ``kind`` is ``expected``, ``basis``, ``substantive`` or ``carried-error``; ``section`` the
    label of the section it is in (the new plan's numbering); ``old``/``new`` the original text
    of each side (empty for an insertion or a deletion); ``old_span``/``new_span`` where it is
    (an empty span marks the place of an insertion or deletion); ``reason`` says why it got its
    kind, in Vietnamese with an English gloss; ``location`` names the table cell
    (``bảng 1, dòng 4, cột «Thời gian thực hiện»``) or is empty for running text.

    For a carried error ``old`` and ``new`` are the same words, read in both plans.
    """

    kind: str
    section: str
    old: str
    new: str
    old_span: Span
    new_span: Span
    reason: str
    location: str = ""

    @property
    def op(self) -> str:
        """``insert``, ``delete``, ``replace`` or ``keep`` (a carried error: both sides equal)."""
        if self.kind == "carried-error":
            return "keep"
        if not self.old.strip():
            return "insert"
        if not self.new.strip():
            return "delete"
        return "replace"

    def __repr__(self) -> str:
        return (
            f"Change({self.kind}, {_short(self.section, 24)!r}, {_short(self.old, 28)!r} → "
            f"{_short(self.new, 28)!r})"
        )


@dataclass(frozen=True)
class HeaderField:
    """One field of the header compared as a field: ``name`` (``number``, ``symbol``, ``date``,
    ``year``, ``issuer``, ``signer``), the value read on each side (``None`` when blank), the
    ``kind`` of the change (``same``, ``expected``: moved with the plan year or filled in at
    signing, or ``substantive``) and the ``reason``."""

    name: str
    old: str | None
    new: str | None
    kind: str
    reason: str = ""

    def __repr__(self) -> str:
        return f"HeaderField({self.name}: {self.old!r} → {self.new!r}, {self.kind})"


@dataclass(frozen=True)
class SectionPair:
    """A section of the old plan and its counterpart in the new one.

    ``status``: ``same`` (no change inside), ``changed``, ``added`` (only in the new plan),
    ``removed`` (only in the old one) or ``moved`` (paired, but out of order relative to the
    other pairs). ``score`` is the pairing score (number, title and content). A renumbered
    section (IV → V after an inserted IV) keeps its status: see :attr:`renumbered`.
    """

    old: Section | None
    new: Section | None
    status: str
    score: float = 0.0
    children: tuple[SectionPair, ...] = ()
    changes: int = 0
    kinds: tuple[tuple[str, int], ...] = ()
    title: str = ""

    @property
    def renumbered(self) -> bool:
        """Whether the section kept its place in the text but changed number."""
        return self.old is not None and self.new is not None and self.old.number != self.new.number

    @property
    def label(self) -> str:
        """``IV → V. KINH PHÍ THỰC HIỆN``: both numbers when they differ, one title (the clean
        side's when the new plan was OCR'd)."""
        o, n = self.old, self.new
        s = n or o
        if s is None:
            return ""
        title = self.title or s.title
        sep = "" if s.number == "PHỤ LỤC" else ("." if s.level < 3 else ")")
        num = s.number if o is None or n is None or o.number == n.number else f"{o.number} → {n.number}"
        return _short(f"{num}{sep} {title}", 80)

    def walk(self) -> Iterator[SectionPair]:
        """This pair and the pairs of its subsections, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def __repr__(self) -> str:
        o = self.old.number if self.old else "—"
        n = self.new.number if self.new else "—"
        return f"SectionPair({o} → {n}, {self.status}, {self.changes} changes)"


@dataclass(frozen=True)
class RowPair:
    """A row of an activity table and its counterpart, aligned by the task column."""

    old: int | None
    new: int | None
    status: str
    score: float
    task_old: str
    task_new: str
    changes: tuple[int, ...] = ()

    def __repr__(self) -> str:
        o = "—" if self.old is None else self.old + 1
        n = "—" if self.new is None else self.new + 1
        return f"RowPair({o} → {n}, {self.status}, {_short(self.task_new or self.task_old, 30)!r})"


@dataclass(frozen=True)
class TablePair:
    """A table of the old plan and its counterpart (indexes into ``plan.tables``)."""

    old: int | None
    new: int | None
    rows: tuple[RowPair, ...]
    columns: tuple[tuple[int | None, int | None], ...]
    labels: tuple[str, ...]
    task_column: str
    old_section: str = ""
    new_section: str = ""
    shown: tuple[int, ...] = ()

    def __repr__(self) -> str:
        counts = Counter(r.status for r in self.rows)
        return f"TablePair({self.old} → {self.new}, {dict(counts)})"


# The kinds in a PlanDiff's repr: what the reader must look at first, then the rest.
REPR_ORDER = ("substantive", "basis", "expected", "form", "renumbering", "carried-error")


@dataclass(frozen=True)
class PlanDiff:
    """The comparison of two plans (see :func:`plankit.diff_plans`).

    ``sections`` pairs the level-1 sections (with their subsections as ``children``);
    ``changes`` lists every classified difference in reading order of the new plan;
    ``basis_added``/``basis_removed`` are the keys of the legal-basis citations only in the new
    or only in the old plan; ``carried_over`` is the share of the new plan's words that come
    unchanged from the old plan; ``similarity`` is ``2 × matched / (old words + new words)``.

    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> d = diff_plans(read_text("KẾ HOẠCH\\nCăn cứ Kế hoạch số 12/KH-UBND;\\nI. KINH PHÍ\\nNgân sách nhà nước."),
    ...                read_text("KẾ HOẠCH\\nCăn cứ Kế hoạch số 30/KH-UBND;\\nI. KINH PHÍ\\nNguồn chi thường xuyên."))
    >>> d.basis_added, d.basis_removed
    (frozenset({'30/KH-UBND'}), frozenset({'12/KH-UBND'}))
    >>> [(c.kind, c.old, c.new) for c in d.changes]
    [('basis', '12/KH-UBND', '30/KH-UBND'), ('substantive', 'Ngân sách nhà nước', 'Nguồn chi thường xuyên')]
    """

    old: Plan
    new: Plan
    sections: tuple[SectionPair, ...]
    changes: tuple[Change, ...]
    basis_added: frozenset[str]
    basis_removed: frozenset[str]
    carried_over: float
    similarity: float
    tables: tuple[TablePair, ...] = ()
    basis_replaced: tuple[tuple[str, str], ...] = ()
    header: tuple[HeaderField, ...] = ()
    year_shift: bool = True
    ocr: bool = False
    parts: tuple[Part, ...] = field(default=(), repr=False)
    segments: tuple[Segment, ...] = field(default=(), repr=False)

    # -- queries -------------------------------------------------------------------------------
    def of_kind(self, kind: str) -> list[Change]:
        """The changes of one kind.

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2024."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNăm 2025."))
        >>> [c.new for c in d.of_kind("substantive")]  # no plan year known: no year bump
        ['Năm 2025']
        """
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        """How many changes of each kind (every kind listed, zeros included).

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> p = read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách nhà nước.")
        >>> diff_plans(p, p).counts()
        {'expected': 0, 'basis': 0, 'substantive': 0, 'form': 0, 'renumbering': 0, 'carried-error': 0}
        """
        c = Counter(ch.kind for ch in self.changes)
        return {k: c.get(k, 0) for k in KIND_LABELS}

    @property
    def same_year(self) -> bool:
        """Whether both plans are of the same (known) year: then nothing moves with the year, and
        what is ``expected`` (a new number and date) is named a routine change, not a year bump."""
        year = self.old.header.year
        return year is not None and year == self.new.header.year

    @property
    def labels(self) -> dict[str, str]:
        """The Vietnamese name of each kind for this pair (:func:`plankit.diff.kinds.kind_labels`)."""
        return kind_labels(self.same_year)

    def walk(self) -> Iterator[SectionPair]:
        """Every section pair, depth first.

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> p = read_text("KẾ HOẠCH\\nI. TỔ CHỨC THỰC HIỆN\\n1. Văn phòng Sở\\nChủ trì.")
        >>> [(s.new.number, s.status) for s in diff_plans(p, p).walk()]
        [('I', 'same'), ('1', 'same')]
        """
        for pair in self.sections:
            yield from pair.walk()

    def summary(self, *, restore: bool = True) -> str:
        """A few lines for a terminal: the plans, the counts, the basis, the sections. Each kind
        is named in Vietnamese with its code (``expected``, ``substantive`` ...), the code the
        change lines of ``plankit diff`` and ``to_dict`` use. An OCR'd side's section titles are
        shown restored, as :meth:`to_html` and :meth:`to_dict` show them; ``restore=False``
        shows them as the scan reads them.

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> p = read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách nhà nước.", name="a.txt")
        >>> print(diff_plans(p, p).summary())  # doctest: +NORMALIZE_WHITESPACE
        a.txt → a.txt
        Thay đổi: 0 thay đổi theo năm (expected) · 0 căn cứ (basis) · 0 nội dung (substantive) · 0 cách viết (form) · 0 đánh số lại (renumbering) · 0 lỗi giữ nguyên (carried-error)
        Căn cứ: bỏ —; thêm —
        Giữ nguyên từ bản cũ: 100% của bản mới; độ giống 1.00
        Mục:
            I → I     same     KINH PHÍ
        """
        return view(PlanDiff, "summary")(self, restore=restore)

    def to_dict(self, *, restore: bool = True) -> dict[str, Any]:
        """Plain values for JSON: the summary numbers, the section pairs and every change.

        An OCR'd side is shown restored, as :meth:`to_frame` shows it (``old_ocr``/``new_ocr``
        keep the scan as read); ``restore=False`` gives the scan as read.

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNguồn khác."))
        >>> [(c["kind"], c["old"], c["new"], c["new_line"]) for c in d.to_dict()["changes"]]
        [('substantive', 'Ngân sách', 'Nguồn khác', 3)]
        """
        return view(PlanDiff, "to_dict")(self, restore=restore)

    # -- outputs -------------------------------------------------------------------------------
    def to_frame(self, *, restore: bool = True) -> pd.DataFrame:
        """One row per change: section, kind, old, new (and reason, location, lines).

        An OCR'd side is shown restored, as :meth:`to_html` and :meth:`to_docx` show it: its
        ``old``/``new`` column holds the restored words, and two more columns, ``old_ocr`` and
        ``new_ocr``, keep the text as the scan reads it. ``restore=False`` shows the scan as
        read, without those columns (and without loading the language model).

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNguồn khác."))
        >>> d.to_frame()[["section", "kind", "old", "new"]].values.tolist()
        [['I. KINH PHÍ', 'substantive', 'Ngân sách', 'Nguồn khác']]
        """
        return view(PlanDiff, "to_frame")(self, restore=restore)

    def tables_frame(self, *, restore: bool = True) -> pd.DataFrame:
        """One row per aligned activity-table row, with its cell changes listed.

        An OCR'd side is shown restored, as :meth:`to_frame` shows it, with ``task_old_ocr``,
        ``task_new_ocr`` and ``changes_ocr`` as the scan reads them; ``restore=False`` shows the
        scan as read.

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_plan
        >>> d = diff_plans(read_plan("plans/can-tho/2022-so-khcn.txt"), read_plan("plans/can-tho/2025-so-khcn.ocr.txt"))
        >>> d.tables_frame()[["old_row", "new_row", "status"]].values.tolist()
        [[1, 1, 'changed'], [2, 2, 'changed'], [3, 3, 'changed'], [4, 4, 'changed']]
        """
        return view(PlanDiff, "tables_frame")(self, restore=restore)

    def to_markdown(self, *, restore: bool = True) -> str:
        """The comparison as Markdown: summary, then the changes section by section.

        An OCR'd side is shown restored, the scan as read after each passage it changes;
        ``restore=False`` shows the scan as read.

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách.", name="a"), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNguồn khác.", name="b"))
        >>> print(d.to_markdown().splitlines()[-1])
        - *nội dung*: ~~Ngân sách~~ → **Nguồn khác** — sửa nội dung (changed)
        """
        return view(PlanDiff, "to_markdown")(self, restore=restore)

    def draw(self, ax: Axes | None = None) -> Figure:
        """A bar chart of the changes per part, in document order, one colour per kind (the
        colours of the HTML page).

        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNguồn khác."))
        >>> [t.get_text() for t in d.draw().axes[0].get_yticklabels()]
        ['Phần mở đầu', 'I. KINH PHÍ']
        """
        return view(PlanDiff, "draw")(self, ax)

    def _repr_html_(self) -> str:
        return view(PlanDiff, "_repr_html_")(self)

    @overload
    def to_html(self, path: None = None, *, force: bool = False, restore: bool = True) -> str: ...

    @overload
    def to_html(self, path: str | os.PathLike[str], *, force: bool = False, restore: bool = True) -> Path: ...

    def to_html(
        self, path: str | os.PathLike[str] | None = None, *, force: bool = False, restore: bool = True
    ) -> str | Path:
        """A standalone HTML page, side by side and coloured by kind: the page, or, when ``path``
        is given, the path written.

        An OCR'd plan is shown restored (:func:`plankit.restore_text`, with the other plan as
        reference when it is clean), as in the redline; the page says so and keeps the scan's
        own text in small print under each passage. ``restore=False`` shows the scan as read.
        Raises :class:`plankit.OutputExists` when ``path`` exists and ``force`` is false.

        >>> import tempfile
        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNguồn khác."))
        >>> page = d.to_html()
        >>> page.startswith("<!DOCTYPE html>"), '<del title="sửa nội dung (changed)">Ngân sách</del>' in page
        (True, True)
        >>> d.to_html(tempfile.mkdtemp() + "/diff.html").name
        'diff.html'
        """
        page = view(PlanDiff, "to_html")(self, restore=restore)
        if path is None:
            return page
        from ..output import inputs_of, write_atomic

        return write_atomic(path, page, force=force, inputs=inputs_of(self.old, self.new))

    def to_docx(self, path: str | os.PathLike[str], *, force: bool = False, author: str = "plankit") -> Path:
        """Write a redline .docx of the new plan with the changes as real Word tracked changes.

        Every change is a ``w:ins``/``w:del`` revision the officer can accept or reject in Word or
        LibreOffice; the author names the kind (``plankit · thay đổi theo năm`` for the year
        bumps, so they can be accepted at once by reviewer); carried errors are highlighted and
        commented; tables are Word tables, rows added or removed tracked as such. Returns the
        path written; :class:`plankit.OutputExists` unless ``force``.

        >>> import tempfile, docx
        >>> from plankit.diff import diff_plans
        >>> from plankit.read import read_text
        >>> d = diff_plans(read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNgân sách."), read_text("KẾ HOẠCH\\nI. KINH PHÍ\\nNguồn khác."))
        >>> path = d.to_docx(tempfile.mkdtemp() + "/redline.docx")
        >>> body = docx.Document(path).element.body.xml
        >>> path.name, "<w:del " in body and "<w:ins " in body
        ('redline.docx', True)
        """
        return view(PlanDiff, "to_docx")(self, path, force=force, author=author)

    def __repr__(self) -> str:
        c = self.counts()
        kinds = ", ".join(f"{c[k]} {k}" for k in REPR_ORDER)
        replaced = f", {len(self.basis_replaced)} replaced" if self.basis_replaced else ""
        return (
            f"<PlanDiff {self.old.name} → {self.new.name}: {kinds}; "
            f"basis +{len(self.basis_added)} −{len(self.basis_removed)}{replaced}; "
            f"carried over {self.carried_over:.0%}>"
        )
