"""The text a view shows for each plan: its own, or, for an OCR'd plan, its restored reading.

Both the redline (:mod:`plankit.diff.redline`) and the HTML page (:mod:`plankit.diff.render`)
show an OCR'd side restored (:func:`plankit.restore_text`, the other plan as reference when it
is clean), and keep the scan's own text where the officer can see it. :class:`Shown` maps
offsets of the plan text to offsets of the shown text.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .tokens import looks_ocr

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Plan
    from .result import PlanDiff

__all__ = ["Shown", "shown_texts"]


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
    return _restored(plan.text, other.text if not looks_ocr(other) else None)


# A page and a redline of the same pair (d.to_html(), then d.to_docx()) restore the scan once.
@functools.lru_cache(maxsize=4)
def _restored(text: str, reference: str | None) -> Shown:
    from ..read import read_text
    from ..restore import restore_text

    # keyed by texts for the cache; restore_text takes the reference as a plan
    ref = read_text(reference) if reference is not None else None
    restored = restore_text(text, reference=ref, ocr=True)
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
    return Shown(restored.text, text, True, tuple(starts), tuple(ends), tuple(s_starts), tuple(s_ends))


def shown_texts(d: PlanDiff) -> tuple[Shown, Shown]:
    """The texts the redline shows for the old and the new plan (restored when OCR'd).

    >>> from plankit.diff import diff_plans
    >>> from plankit.read import read_text
    >>> old, new = shown_texts(diff_plans(read_text("KẾ HOẠCH\\nNăm 2024."), read_text("KẾ HOẠCH\\nNăm 2025.")))
    >>> new.text, new.restored
    ('KẾ HOẠCH\\nNăm 2025.', False)
    """
    return _shown(d.old, d.new), _shown(d.new, d.old)
