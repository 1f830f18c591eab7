"""What a format reader hands to the structure parser: text plus where its lines and tables are.

Each format module (``_text``, ``_docx``, ``_pdf``) turns bytes into a :class:`Layout`: the NFC
text the plan will carry, and the items of that text in reading order. A :class:`Line` is a
paragraph or text line outside tables; a :class:`RawTable` is a grid of cells. Every span is an
offset into ``Layout.text``. ``_structure.build_plan`` then finds the header, sections, tables and
blocks without knowing which format the text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ReadWarning, SourceRef, Span
from ..text import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class Line:
    """A line of text outside any table (a .docx paragraph, or one line of a text file)."""

    span: Span
    source: SourceRef


@fast_init
@dataclass(frozen=True, slots=True)
class RawCell:
    """One cell of a table; ``span`` covers its text (may be empty for an empty cell).

    ``pieces`` is set when the cell's text is scattered (an OCR'd table): the cell's text is then
    the pieces joined, and ``span`` runs from the first piece to the last.
    """

    span: Span
    source: SourceRef
    pieces: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table as read: rows of cells, header rows included, continuation rows not yet joined."""

    rows: tuple[tuple[RawCell, ...], ...]
    span: Span
    source: SourceRef


@dataclass(frozen=True)
class Layout:
    """The output of a format reader."""

    text: str
    items: tuple[Line | RawTable, ...]
    form: str
    encoding: str | None = None
    revisions: bool = False
    ocr: bool = False
    warnings: tuple[ReadWarning, ...] = field(default=())
    draft: bool = False
    #: The lines are printed lines, not whole paragraphs (a .docx made from a PDF or a text file:
    #: one paragraph per line): they are joined into paragraphs as a PDF's lines are.
    wrapped: bool = False
    #: ``fold(text)`` when the reader already made it (the structure parser folds it otherwise).
    folded: str | None = field(default=None, repr=False, compare=False)
