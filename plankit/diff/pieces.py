"""What the views draw: aligned pieces of text with the changes marked on them.

A comparison (:mod:`plankit.diff.compare`) lays its result out as :class:`Segment` values in
reading order, grouped in :class:`Part` values; the HTML and Markdown views
(:mod:`plankit.diff.render`) draw them without knowing how they were aligned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Span

if TYPE_CHECKING:  # pragma: no cover
    from .result import RowPair, SectionPair

__all__ = ["Mark", "Part", "Piece", "Segment"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A change drawn on a piece: ``old``/``new`` are ranges local to the piece's texts."""

    change: int
    kind: str
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass(frozen=True)
class Piece:
    """Aligned texts (a paragraph group, or a table cell) with the changes drawn on them.

    ``old``/``new`` are the original texts (``None`` when the side has none); ``breaks_*`` are
    local offsets where a new paragraph starts inside the piece (a paragraph split in two).
    """

    old: str | None
    new: str | None
    marks: tuple[Mark, ...] = ()
    breaks_old: tuple[int, ...] = ()
    breaks_new: tuple[int, ...] = ()


@dataclass(frozen=True)
class Segment:
    """One aligned unit in reading order: a heading, a paragraph group or a table row."""

    part: int
    kind: str
    status: str
    pieces: tuple[Piece, ...]
    old_span: Span | None = None
    new_span: Span | None = None
    table: int | None = None
    row: RowPair | None = None


@dataclass(frozen=True)
class Part:
    """A top-level stretch of the plans: the opening, one level-1 section pair, or the ending."""

    label: str
    status: str
    pair: SectionPair | None = None
    kinds: tuple[tuple[str, int], ...] = ()
