"""The plan model: frozen values that every stage reads and none mutates.

One text, one coordinate system: every :class:`Span` is an offset into :attr:`Plan.text`, the
NFC text of the plan; a :class:`SourceRef` leads back to the file's line, paragraph, page or table
cell. Blank fields are ``None``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .display import plan_html, plan_row, table_html
from .display import short as _short
from .text import LineIndex, fast_init, fold, pickle_by_fields

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .cite import CitationList
    from .facts import PlanFacts

__all__ = [
    "Block", "Cell", "Citation", "Edit", "Finding", "Fix", "Header", "PartialDate", "Plan", "ReadWarning",
    "Section", "Source", "SourceRef", "Span", "Table", "Todo", "register_analysis",
]


# The end of a sentence: a full stop, ! or ? and white space before a capital letter.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d_a-zà-ỹđ])")
# A list marker opening a sentence: "a. ", "b) ", "1. ", "- ".
_LIST_MARKER = re.compile(r"^(?:[a-zđ]|\d{1,2})[.)]\s+|^-\s*")


@fast_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of offsets into :attr:`Plan.text`.

    >>> Span(0, 4).slice("Căn cứ")
    'Căn '
    """

    start: int
    end: int

    def slice(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span | int) -> bool:
        """Whether ``other`` (a span or an offset) lies inside this span."""
        if isinstance(other, int):
            return self.start <= other < self.end
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def shift(self, delta: int) -> Span:
        """The same span moved by ``delta`` characters."""
        return Span(self.start + delta, self.end + delta)

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"


@fast_init
@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a piece of a plan came from in its file.

    ``kind`` is ``line`` (text files: 1-based ``line``), ``paragraph`` (.docx: 0-based body
    ``paragraph``), ``cell`` (a table cell: ``table``, ``row``, ``column``, 0-based) or ``page``
    (PDF: 1-based ``page`` and the ``line`` on it).

    >>> str(SourceRef("cell", table=0, row=2, column=1))
    'table 1, row 3, cell 2'
    """

    kind: str
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        if self.kind == "cell":
            return f"table {self.table + 1}, row {self.row + 1}, cell {self.column + 1}"
        if self.kind == "paragraph":
            return f"paragraph {self.paragraph + 1}"
        if self.kind == "page":
            return f"page {self.page}, line {self.line}" if self.line else f"page {self.page}"
        return f"line {self.line}"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date whose day (or month) may be blank, as in a draft: ``ngày    tháng 01 năm 2022``.

    >>> PartialDate(None, 1, 2022).date is None, PartialDate(21, 1, 2025).date
    (True, datetime.date(2025, 1, 21))
    """

    day: int | None
    month: int | None
    year: int | None

    @property
    def date(self) -> dt.date | None:
        """The full date, or ``None`` when a part is blank or the parts make no date."""
        if self.day is None or self.month is None or self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def __str__(self) -> str:
        d = "..." if self.day is None else f"{self.day:02d}"
        m = "..." if self.month is None else f"{self.month:02d}"
        y = "...." if self.year is None else str(self.year)
        return f"{d}/{m}/{y}"


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """Something a reader noticed and could not place or had to guess."""

    message: str
    span: Span | None = None
    source: SourceRef | None = None

    def __str__(self) -> str:
        where = f" ({self.source})" if self.source else ""
        return f"{self.message}{where}"


@dataclass(frozen=True, slots=True)
class Source:
    """The file a plan was read from and how.

    ``form`` is one of ``docx``, ``doc``, ``rtf``, ``odt`` (the last three via LibreOffice),
    ``pdf``, ``docx-export`` (text saved from Word, tabs for table cells), ``markdown`` (converted
    from PDF), ``news`` (a web article about a plan), ``ocr`` (text recognised from a scan), ``text``.
    """

    name: str
    path: str | None = None
    form: str = "text"
    encoding: str | None = None
    ocr: bool = False
    revisions: bool = False
    size: int = 0
    sha256: str | None = None
    restored: bool = False

    def __repr__(self) -> str:
        flags = "".join(f", {k}" for k in ("ocr", "revisions", "restored") if getattr(self, k))
        return f"Source({self.name!r}, {self.form}{flags})"


@fast_init
@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the plan in reading order.

    ``kind``: ``header`` (the two-column block), ``doc-type`` (KẾ HOẠCH), ``subject``, ``basis``
    (a Căn cứ / Thực hiện / Theo paragraph of the preamble), ``heading``, ``paragraph``, ``item``
    (a ``-`` bullet), ``table``, ``closing`` (Trên đây là ...), ``recipients``, ``signature``,
    ``appendix-title``, ``boilerplate`` (web page chrome) or ``other``.
    """

    kind: str
    text: str
    span: Span
    source: SourceRef

    def __repr__(self) -> str:
        return f"Block({self.kind}, {_short(self.text, 40)!r}, {self.span.start}:{self.span.end})"


@fast_init
@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell; ``text`` is ``span`` of the plan text with layout white space collapsed."""

    text: str
    span: Span
    source: SourceRef

    def __repr__(self) -> str:
        return f"Cell({_short(self.text, 30)!r})"


# The slotted records cross processes as Class(*fields), a third of dataclasses' own cost.
for _record in (Span, SourceRef, PartialDate, ReadWarning, Source, Block, Cell):
    pickle_by_fields(_record)
del _record


@dataclass(frozen=True)
class Table:
    """A table of the plan: ``columns`` are the header labels, ``rows`` the body rows.

    Header rows repeated at page breaks are dropped and a row continued on the next page is
    joined, so ``len(table)`` is the number of activities.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    span: Span
    source: SourceRef
    kind: str = "activities"

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name_or_index: str | int) -> list[str]:
        """The texts of one column, by index or by (folded) header label prefix."""
        from .text import fold

        if isinstance(name_or_index, int):
            idx = name_or_index
        else:
            key = fold(name_or_index)
            idx = next(i for i, c in enumerate(self.columns) if fold(c).startswith(key))
        return [row[idx].text if idx < len(row) else "" for row in self.rows]

    def to_frame(self) -> pd.DataFrame:
        """The table as a DataFrame, one row per activity."""
        import pandas as pd

        width = max([len(self.columns), *(len(r) for r in self.rows)])
        cols = list(self.columns) + [f"col{i + 1}" for i in range(len(self.columns), width)]
        data = [[c.text for c in r] + [""] * (width - len(r)) for r in self.rows]
        return pd.DataFrame(data, columns=cols)

    def __repr__(self) -> str:
        return f"Table({len(self.rows)} rows × {len(self.columns)} columns, {self.kind})"

    def _repr_html_(self) -> str:
        return table_html(self)


@fast_init
@dataclass(frozen=True)
class Section:
    """A numbered part of the plan: ``I.`` (level 1), ``1.`` (level 2), ``a)`` (level 3).

    ``number`` is normalised (OCR's ``11.`` is ``II``); ``title`` is the heading as written.
    The appendix is a level-1 section numbered ``PHỤ LỤC``. ``span`` runs from the heading to
    the end of the section; ``heading`` covers the heading line only.
    """

    number: str
    title: str
    level: int
    span: Span
    heading: Span
    children: tuple[Section, ...] = ()
    raw_number: str = ""

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def label(self) -> str:
        """``I. MỤC ĐÍCH, YÊU CẦU``."""
        sep = "" if self.number == "PHỤ LỤC" else ("." if self.level < 3 else ")")
        return f"{self.number}{sep} {self.title}".strip()

    def __repr__(self) -> str:
        return f"Section({self.number!r}, {_short(self.title, 40)!r}, {len(self.children)} children)"


@dataclass(frozen=True)
class Header:
    """The plan's header: who issues it, its number and date, its subject, who signs it.

    ``issuer``, ``parent`` and ``place`` are normalised (``Sở Khoa học và Công nghệ``,
    ``UBND thành phố Cần Thơ``, ``Cần Thơ``); ``date`` is ``None`` while the day is blank, and
    ``date_parts`` keeps the month and year. ``year`` is the plan year: from the subject
    ("năm 2025"), else from the date. ``spans`` gives where each field was read.
    """

    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    parent: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_parts: PartialDate = PartialDate(None, None, None)
    year: int | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    recipients: tuple[str, ...] = ()
    spans: tuple[tuple[str, Span], ...] = ()
    issued_plan: tuple[str, int | None] | None = None  # a decision's attached plan: subject, year

    def span(self, name: str) -> Span | None:
        """Where field ``name`` was read, or ``None``."""
        for key, value in self.spans:
            if key == name:
                return value
        return None

    @property
    def reference(self) -> str | None:
        """``137/KH-SKHCN`` (a Party number: ``01-KH/BCĐTW``), or ``.../KH-SKHCN`` while the number
        is blank."""
        if self.symbol is None:
            return None
        if "/" in self.symbol and not self.symbol[:1].isdigit():  # a Party number: 01-KH/BCĐTW (not 30/2018/QĐ-UBND)
            return f"{self.number or '...'}-{self.symbol}"
        return f"{self.number or '...'}/{self.symbol}"

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain values (dates as ISO strings), for JSON and tables."""
        return {
            "doc_type": self.doc_type,
            "number": self.number,
            "symbol": self.symbol,
            "issuer": self.issuer,
            "parent": self.parent,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "day": self.date_parts.day,
            "month": self.date_parts.month,
            "year": self.year,
            "title": self.title,
            "signer": self.signer,
            "signer_title": self.signer_title,
            "recipients": list(self.recipients),
        }

    def __repr__(self) -> str:
        return (
            f"Header({self.reference or 'no number'}, {self.issuer!r}, {self.place!r}, "
            f"{self.date_parts}, year={self.year})"
        )


@fast_init
@dataclass(frozen=True)
class Citation:
    """A reference to a legal or administrative document found in a plan.

    ``key`` is canonical (``76/NQ-CP``, ``45/2020/NĐ-CP``, ``26-CTr/TU``); equality and hashing
    use the document identity :attr:`doc_id` (and ``kind``), never the surface text ``raw``, so two
    mentions of one document are equal. ``span`` points into :attr:`Plan.text` and covers the
    number (``76/NQ-`` newline ``CP``) or, for a named programme, its name. ``role`` is ``basis``
    (in the Căn cứ / Thực hiện / Theo preamble), ``mention`` or ``self`` (the plan's own number).
    ``level`` is ``central``, ``party``, ``province``, ``department`` or ``other``; ``scope`` the
    province of a local issuer. ``implicit`` marks a citation that stands for a named programme
    ("Chương trình tổng thể ... 2021-2030" is ``76/NQ-CP``). ``kind`` is ``document`` (the
    extractor reports no other kind: standards such as TCVN ISO 9001:2015 are left out). ``notes``
    say what was normalised to read the number (look-alike letters, OCR, a malformed date).
    """

    key: str
    doc_type: str | None
    number: str | None
    year: int | None
    symbol: str | None
    date: dt.date | None = field(default=None, compare=False)
    issuer: str | None = field(default=None, compare=False)
    scope: str | None = None
    level: str = field(default="other", compare=False)
    role: str = field(default="mention", compare=False)
    subject: str | None = field(default=None, compare=False)
    span: Span = field(default=Span(0, 0), compare=False)
    raw: str = field(default="", compare=False)
    implicit: bool = field(default=False, compare=False)
    kind: str = field(default="document", compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def doc_id(self) -> str:
        """The identity of the cited document.

        A central document is national: its key is its identity. A local number is unique only
        within one issuer's province, and a year-less one only within one year too, so its
        identity adds the scope and, when the number has no year, the year:
        ``261/KH-UBND@can-tho/2021``, ``22/2020/QĐ-UBND@hung-yen``.

        >>> Citation("76/NQ-CP", "Nghị quyết", "76", 2021, "NQ-CP", level="central").doc_id
        '76/NQ-CP'
        >>> Citation("261/KH-UBND", "Kế hoạch", "261", 2021, "KH-UBND", scope="Cần Thơ",
        ...          level="province").doc_id
        '261/KH-UBND@can-tho/2021'
        >>> Citation("22/2020/QĐ-UBND", "Quyết định", "22", 2020, "QĐ-UBND", scope="Hưng Yên",
        ...          level="province").doc_id
        '22/2020/QĐ-UBND@hung-yen'
        """
        if self.level == "central" or self.scope is None:
            return self.key
        from .places import slug

        where = f"{self.key}@{slug(self.scope)}"
        if self.year and self.key.count("/") < 2:
            return f"{where}/{self.year}"
        return where

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Citation):
            return NotImplemented
        return (self.kind, self.doc_id) == (other.kind, other.doc_id)

    def __hash__(self) -> int:
        return hash((self.kind, self.doc_id))

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain values (date as an ISO string, span as start and end), for JSON.

        >>> Citation("76/NQ-CP", "Nghị quyết", "76", 2021, "NQ-CP").to_dict()["doc_id"]
        '76/NQ-CP'
        """
        return {
            "key": self.key,
            "doc_type": self.doc_type,
            "number": self.number,
            "year": self.year,
            "symbol": self.symbol,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "scope": self.scope,
            "level": self.level,
            "role": self.role,
            "subject": self.subject,
            "implicit": self.implicit,
            "kind": self.kind,
            "doc_id": self.doc_id,
            "start": self.span.start,
            "end": self.span.end,
            "raw": self.raw,
            "notes": list(self.notes),
        }

    def __repr__(self) -> str:
        implicit = ", implicit" if self.implicit else ""
        return f"Citation({self.key!r}, {self.role}, {self.level}, {self.date}{implicit})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td style='text-align:left'>"
            f"{html.escape(str(v)) if v not in (None, '', []) else ''}</td></tr>"
            for k, v in self.to_dict().items()
        )
        return f"<table>{rows}</table>"


@dataclass(frozen=True)
class Edit:
    """One edit of a fix: ``Plan.text[start:end]`` becomes ``replacement`` (offsets into
    :attr:`Plan.text`, like every span)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """How to correct a finding: edits of :attr:`Plan.text`; ``safe`` when no judgement is
    needed (a known misspelling, a renamed agency). Applied by :func:`plankit.lint.apply_fixes`.

    >>> Fix.replace(Span(4, 15), "tuyên truyền", safe=True)
    Fix(edits=(Edit(start=4, end=15, replacement='tuyên truyền'),), safe=True)
    """

    edits: tuple[Edit, ...]
    safe: bool = False

    @classmethod
    def replace(cls, span: Span, replacement: str, *, safe: bool) -> Fix:
        """A fix that replaces the text of ``span`` with ``replacement``."""
        return cls((Edit(span.start, span.end, replacement),), safe=safe)

    def to_dict(self) -> dict[str, Any]:
        """The fix as plain values (JSON output)."""
        return {"safe": self.safe, "edits": [asdict(e) for e in self.edits]}


@fast_init
@dataclass(frozen=True)
class Finding:
    """One lint finding: a rule, a severity, a Vietnamese message with an English gloss, a place.

    ``span`` points into :attr:`Plan.text`; ``line`` and ``column`` are 1-based; ``surface`` is
    the text the span covers; ``suggestion`` is the replacement for ``surface`` when it is
    certain. ``file`` names the plan's file; ``context`` is the sentence holding the finding and
    ``context_start`` its offset in :attr:`Plan.text` (for display and for :attr:`fingerprint`).
    ``fix`` is the :class:`Fix` that makes the suggestion (its edits, and whether it is safe);
    ``suggestion`` stays, as the replacement text of a one-edit fix.

    >>> f = Finding("PK101", "stale-year", "error", "Năm 2024 ... / Year 2024 ...", Span(10, 18),
    ...             3, 5, "năm 2024", "năm 2025", file="plan.txt")
    >>> str(f)
    'plan.txt:3:5: PK101 stale-year Năm 2024 ... / Year 2024 ...'
    >>> f.end_line, f.end_column
    (3, 13)
    """

    code: str
    rule: str
    severity: str
    message: str
    span: Span
    line: int
    column: int
    surface: str
    suggestion: str | None = None
    file: str | None = None
    context: str = ""
    context_start: int = 0
    fix: Fix | None = None

    # Not a field (no annotation): the severities in decreasing order.
    SEVERITIES = ("error", "warning", "info")

    @property
    def end_line(self) -> int:
        """The 1-based line of the last character of :attr:`surface`."""
        return self.line + self.surface.count("\n")

    @property
    def end_column(self) -> int:
        """The 1-based column just after :attr:`surface` on :attr:`end_line`."""
        if "\n" in self.surface:
            return len(self.surface) - self.surface.rfind("\n")
        return self.column + len(self.surface)

    @property
    def fingerprint(self) -> str:
        """A stable identity that ignores line numbers: the rule, the surface and its neighbours.

        The surface and up to six words either side (folded, white space collapsed) are hashed,
        so a finding keeps its fingerprint when lines above it are added or removed, or when the
        text is re-wrapped. Baselines match findings by ``(code, file, fingerprint)``.
        """
        import hashlib

        from .text import fold

        start = max(self.span.start - self.context_start, 0)
        end = max(self.span.end - self.context_start, start)
        before = fold(self.context[:start]).split()[-6:]
        after = fold(self.context[end:]).split()[:6]
        key = "\x1f".join((self.code, " ".join(fold(self.surface).split()), " ".join(before), " ".join(after)))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def with_file(self, file: str | None) -> Finding:
        """The same finding attributed to ``file``."""
        return replace(self, file=file)

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain values, for JSON output and tables."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "surface": self.surface,
            "suggestion": self.suggestion,
            "fix": self.fix.to_dict() if self.fix is not None else None,
            "start": self.span.start,
            "end": self.span.end,
            "context": self.context,
            "fingerprint": self.fingerprint,
        }

    def __str__(self) -> str:
        return f"{self.file or '<text>'}:{self.line}:{self.column}: {self.code} {self.rule} {self.message}"

    def __repr__(self) -> str:
        return f"Finding({self.code} {self.rule}, {self.line}:{self.column}, {_short(self.surface, 30)!r})"

    def _repr_html_(self) -> str:
        esc = html.escape
        start = max(self.span.start - self.context_start, 0)
        end = max(self.span.end - self.context_start, start)
        ctx = self.context or self.surface
        if not self.context:
            start, end = 0, len(self.surface)
        colour = {"error": "#fdd", "warning": "#ffd", "info": "#def"}.get(self.severity, "#eee")
        sentence = (
            f"{esc(ctx[:start])}<mark style='background:{colour}'>{esc(ctx[start:end])}</mark>{esc(ctx[end:])}"
        )
        fix = f" → <code>{esc(self.suggestion)}</code>" if self.suggestion is not None else ""
        return (
            f"<div><code>{esc(self.code)}</code> <b>{esc(self.rule)}</b> ({esc(self.severity)}) "
            f"{self.line}:{self.column} {esc(self.message)}{fix}<br><small>{sentence}</small></div>"
        )


@dataclass(frozen=True)
class Todo:
    """Something the officer must still decide in a draft, with its place in the text."""

    kind: str
    message: str
    span: Span | None = None

    def __repr__(self) -> str:
        return f"Todo({self.kind}: {_short(self.message, 50)!r})"


# The analyses of a plan (citations, facts) belong to the analysis layer, above the model: the
# model only names them and keeps each result with its plan. The layer above hands in how to
# compute them (dependency inversion), so no import points up.
_ANALYSES: dict[str, Callable[[Plan], Any]] = {}


def register_analysis(name: str, compute: Callable[[Plan], Any]) -> None:
    """Make ``plan.analysis(name)`` (and the property of that name) call ``compute(plan)`` once
    per plan. ``import plankit`` registers ``citations`` and ``facts``; registering a name again
    replaces its function (for plans not yet analysed)."""
    _ANALYSES[name] = compute


@dataclass(frozen=True)
class Plan:
    """A plan read from a file or a string: the NFC text and what was found in it.

    Build one with :func:`plankit.read_plan` or :func:`plankit.read_text`; derive new plans with
    :func:`dataclasses.replace` or the stage functions, never by mutation.
    """

    text: str
    header: Header
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    blocks: tuple[Block, ...]
    source: Source
    warnings: tuple[ReadWarning, ...] = ()
    draft: bool = False
    todo: tuple[Todo, ...] = ()

    # -- derived, computed once -------------------------------------------------------------
    @cached_property
    def lines(self) -> LineIndex:
        """Offsets to 1-based (line, column) in :attr:`text`."""
        return LineIndex(self.text)

    @cached_property
    def folded(self) -> str:
        """:func:`~plankit.text.fold` of :attr:`text`, offset for offset: the one the reader read
        the plan with, else computed on first use. Not pickled (recomputed where it is asked)."""
        return fold(self.text)

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "folded"}

    @property
    def citations(self) -> CitationList:
        """Every citation of the plan, in text order, computed once (the same value as
        :func:`plankit.extract_citations` of the plan)."""
        return self.analysis("citations")

    @property
    def facts(self) -> PlanFacts:
        """The plan's facts, computed once: issuer and level, province, date or own year, basis
        clauses, closing and parts (the same value as :func:`plankit.facts.plan_facts`)."""
        return self.analysis("facts")

    def analysis(self, name: str) -> Any:
        """The result of analysis ``name`` (``citations``, ``facts``) of this plan, computed on
        first use and kept with the plan (a derived plan, from :meth:`with_`, starts afresh).

        The analyses live in the layer above the model and are registered with
        :func:`register_analysis`; ``import plankit`` registers them.

        >>> from plankit import read_text
        >>> plan = read_text("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;")
        >>> plan.analysis("citations") is plan.citations
        True
        """
        # Kept in the instance dict under its own name, as functools.cached_property keeps a
        # value (so a test can hand a hand-made plan its citations the same way).
        done = self.__dict__
        if name not in done:
            compute = _ANALYSES.get(name)
            if compute is None:
                raise LookupError(f"no plan analysis {name!r} is registered (known: {sorted(_ANALYSES)})")
            done[name] = compute(self)
        return done[name]

    @property
    def name(self) -> str:
        """The source's name, e.g. ``can-tho/2025-so-khcn.ocr.txt``."""
        return self.source.name

    @property
    def year(self) -> int | None:
        """The plan year (see :class:`Header`)."""
        return self.header.year

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in :attr:`text`."""
        return self.lines.position(offset)

    def walk(self) -> Iterator[Section]:
        """Every section, depth first."""
        for section in self.sections:
            yield from section.walk()

    def section_at(self, offset: int) -> Section | None:
        """The deepest section containing ``offset``."""
        found = None
        level = self.sections
        while True:
            inner = next((s for s in level if s.span.contains(offset)), None)
            if inner is None:
                return found
            found, level = inner, inner.children

    def blocks_of(self, kind: str) -> list[Block]:
        """The blocks of one kind, in order."""
        return [b for b in self.blocks if b.kind == kind]

    def sentence_at(self, span: Span) -> str:
        """The sentence of :attr:`text` around ``span``, for showing evidence or a finding.

        The sentence stays inside the block (paragraph, heading, table) that holds the span; it
        ends at ``.``, ``!`` or ``?`` followed by a capital, so "a. " list markers and line wraps
        of OCR'd text do not cut it. White space is collapsed.
        """
        text = self.text
        block = next((b for b in self.blocks if b.span.start <= span.start < max(b.span.end, b.span.start + 1)), None)
        if block is not None:
            lo, hi = block.span.start, max(block.span.end, span.end)
        else:
            lo = text.rfind("\n", 0, span.start) + 1
            hi = text.find("\n", span.end)
            hi = len(text) if hi == -1 else hi
        start, end = lo, hi
        for m in _SENTENCE_END.finditer(text, lo, hi):
            if m.end() <= span.start:
                start = m.end()
            elif m.start() >= span.end:
                end = m.start() + 1
                break
        return _LIST_MARKER.sub("", " ".join(text[start:end].split()), count=1)

    def with_(self, **changes: Any) -> Plan:
        """A copy with some fields replaced (derived caches are not carried over)."""
        return replace(self, **changes)

    # -- display ------------------------------------------------------------------------------
    def outline(self) -> str:
        """The section tree as indented text."""
        return "\n".join("  " * (s.level - 1) + _short(s.label, 90) for s in self.walk())

    def row(self) -> dict[str, Any]:
        """The header fields as one flat row (:func:`plankit.display.plan_row`)."""
        return plan_row(self)

    def to_frame(self) -> pd.DataFrame:
        """The header as a one-row DataFrame, so plans stack: ``pd.concat([p.to_frame() for p in plans])``."""
        import pandas as pd

        return pd.DataFrame([self.row()])

    def __repr__(self) -> str:
        h = self.header
        return (
            f"<Plan {self.name}: {h.reference or 'no number'}, {h.issuer or '?'}, "
            f"{h.place or '?'}, year {h.year}, {len(self.sections)} sections, "
            f"{len(self.tables)} table{'' if len(self.tables) == 1 else 's'}{', OCR' if self.source.ocr else ''}{', draft' if self.draft else ''}>"
        )

    def _repr_html_(self) -> str:
        return plan_html(self)
